"""Run it here, in Chromium: every Run button of the built site, and the live apps.

For each page with runnable blocks, the test clicks Run on every one, in page
order, as a reader would, and waits for what the page then shows under the
block. The browser's Python (Pyodide, with the Flask stack the suite ran)
compares each doctest example's output with the page's as the suite does
(``runhere.py``, doctest's checker with ELLIPSIS), so "the same output as the
page shows" under a block means the browser produced what the test suite
produced for it. A code block must run without an exception.

The browser here has no network but loopback (every other host name fails to
resolve), so nothing the runner needs may come from elsewhere. Another test
opens live apps: a link followed, a form posted, a redirect and the session
cookie kept. A last one builds a site without the runtime (as where npm is
missing) and checks that a Run button then says so.
"""

from __future__ import annotations

import json
import textwrap

import pytest

from harness import DOCS, ROOT
from harness.runner.parsers import page_files
from harness.services.browser import LOOPBACK_ONLY, serving
from harness.services.chromium import FLAGS
from harness.services.missing import program
from harness.sphinxext.runhere import is_shown, page_program
from harness.sphinxext.trial import build_site

#: Pages with a block that can run in a browser, and how many such blocks each has.
RUNNABLE = {
    page.relative_to(DOCS).with_suffix(".html").as_posix(): count
    for page in page_files(DOCS)
    if (
        count := sum(
            1
            for step in page_program(page.resolve(), DOCS)
            if is_shown(step) and "reason" not in step
        )
    )
}
SAME = "the same output as the page shows."


@pytest.fixture(scope="module")
def offline_browser(browser):
    """A second Chromium, from the same Playwright, that reaches nothing but loopback."""
    chromium = browser.browser_type.launch(
        executable_path=str(program("chromium")), args=[*FLAGS, *LOOPBACK_ONLY], timeout=60_000
    )
    yield chromium
    chromium.close()


@pytest.fixture
def tab(offline_browser, site):
    context = offline_browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, site.url, errors
    context.close()


def status_of(page, index: int) -> str:
    """Wait for the block's status line after a click; return it."""
    page.wait_for_function(
        """(i) => {
            const output = document.querySelectorAll('.run-here-output')[i];
            const s = output && output.querySelector('.run-here-status');
            return s && /^(Ran in|Not run here|This |The page)/.test(s.textContent);
        }""",
        arg=index,
        timeout=120_000,
    )
    return page.locator(".run-here-output").nth(index).locator(".run-here-status").inner_text()


@pytest.mark.parametrize("name", sorted(RUNNABLE))
def test_every_runnable_block_runs_as_the_page_shows(tab, name):
    page, url, errors = tab
    page.goto(f"{url}/{name}")
    buttons = page.locator(".run-here-run")
    assert buttons.count() == RUNNABLE[name], "one Run button per block that can run here"
    failures = []
    for index in range(buttons.count()):
        buttons.nth(index).click()
        status = status_of(page, index)
        if not (status.endswith(SAME) or status.startswith("Not run here")):
            bar = page.locator(".run-here-bar").nth(index).get_attribute("aria-label")
            output = page.locator(".run-here-output").nth(index).inner_text()
            failures.append(f"{bar}: {status}\n{output}")
    assert not failures, "\n\n".join(failures)
    assert not errors


def test_edit_run_and_reset(tab):
    page, url, errors = tab
    page.goto(f"{url}/quickstart/routing.html")
    first = page.locator(".run-here-bar").first
    first.locator(".run-here-edit").click()
    editor = page.locator(".run-here-editor")
    assert editor.evaluate("(node) => node === document.activeElement")
    original = editor.input_value()
    editor.fill(original.rstrip() + "\n>>> 6 * 7\n41\n")
    first.locator(".run-here-run").click()
    assert status_of(page, 0).endswith("the output differs from the page.")
    output = page.locator(".run-here-output").first.inner_text()
    assert ">>> 6 * 7\n42\n# ✗ the page shows:\n41" in output
    first.locator(".run-here-reset").click()
    assert page.locator(".run-here-editor").count() == 0
    assert page.locator(".run-here-output").first.is_hidden()
    first.locator(".run-here-run").click()
    assert status_of(page, 0).endswith(SAME)
    assert not errors


def open_app(page, module: str):
    page.get_by_role("button", name=f"Open {module}.py's app here").click()
    page.wait_for_selector(".run-here-frame iframe", timeout=120_000)
    return page.frame_locator(".run-here-frame iframe")


def test_a_live_app_follows_a_link(tab):
    page, url, errors = tab
    page.goto(f"{url}/quickstart/routing.html")
    frame = open_app(page, "links")
    link = frame.locator("a").first
    target = link.get_attribute("href")
    assert target.startswith("/")
    assert "/_live/" in target  # the app's links stay in the frame
    link.click()
    page.wait_for_function(
        "(t) => document.querySelector('.run-here-frame iframe')"
        ".contentWindow.location.pathname === t",
        arg=target,
    )
    assert "links.py: /" in page.locator(".run-here-where").inner_text()
    assert not errors


def test_a_live_app_posts_a_form_follows_the_redirect_and_keeps_the_session(tab):
    page, url, errors = tab
    page.goto(f"{url}/quickstart/sessions.html")
    frame = open_app(page, "sessions")
    assert frame.locator("p").inner_text() == "You are not logged in"
    frame.locator("input[name=username]").fill("ada")
    frame.get_by_role("button", name="Log in").click()  # POST /login, 302 to /
    frame.get_by_text("Logged in as ada").wait_for()
    frame.get_by_role("button", name="Log out").click()
    frame.get_by_text("You are not logged in").wait_for()
    assert not errors


def test_without_the_runtime_the_buttons_say_so(tmp_path, offline_browser, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        textwrap.dedent(
            """
            # A page

            ```python
            print("hello")
            ```
            """
        )
    )
    monkeypatch.setenv("RUN_HERE_RUNTIME", str(tmp_path / "no-pyodide"))
    built = build_site(docs, tmp_path / "html")
    assert built.returncode == 0, built.stderr
    assert not (tmp_path / "html" / "_static" / "run-here" / "pyodide").exists()
    with serving(tmp_path / "html") as url:
        page = offline_browser.new_page()
        page.goto(f"{url}/index.html")
        page.locator(".run-here-run").click()
        status = status_of(page, 0)
        assert status.startswith("This build of the site has no runner"), status
        page.close()


def test_the_chapters_have_runnable_pages():
    # Against a rule change that quietly leaves the pages without buttons.
    assert len(RUNNABLE) > 30
    assert {"quickstart/first-app.html", "in-the-box/templating.html"} <= set(RUNNABLE)


def test_speed_and_bytes_are_recorded(offline_browser, built_site):
    """Cold start, a warm second visit, a re-run and what each fetched: recorded in
    _build/run-here-speed.json, not asserted (the machine's load varies). What is
    asserted is the cache: a second visit fetches nothing of the runtime again."""
    sent: list[tuple[str, int]] = []
    figures = {}
    with serving(built_site, sent) as url:
        context = offline_browser.new_context()
        for visit in ("cold", "warm"):
            sent.clear()
            page = context.new_page()
            page.goto(f"{url}/quickstart/first-app.html")
            page.locator(".run-here-run").first.click()
            assert status_of(page, 0).endswith(SAME)
            page.locator(".run-here-run").first.click()  # the same block again
            page.wait_for_function("window.runHere.timings.length === 2")
            first, again = page.evaluate("window.runHere.timings")
            runtime = [(p, n) for p, n in sent if "/_static/run-here/pyodide/" in p]
            figures[visit] = {
                "click to first output (s)": round(first["clickToOutput"], 3),
                "Python ready (s)": round(page.evaluate("window.runHere.ready"), 3),
                "of which": page.evaluate("window.runHere.startup"),
                "first block's run (s)": first["run"],
                "re-run, click to output (s)": round(again["clickToOutput"], 3),
                "bytes of the runtime fetched": sum(n for _, n in runtime),
                "bytes fetched in all": sum(n for _, n in sent),
            }
            page.close()
        # Every block of a page, one after the other, as a reader reading on.
        page = context.new_page()
        page.goto(f"{url}/quickstart/routing.html")
        buttons = page.locator(".run-here-run")
        for index in range(buttons.count()):
            buttons.nth(index).click()
            assert status_of(page, index).endswith(SAME)
        runs = sorted(t["run"] for t in page.evaluate("window.runHere.timings"))
        figures["quickstart/routing.html, per block"] = {
            "blocks": len(runs),
            "median run (s)": runs[len(runs) // 2],
            "slowest run (s)": runs[-1],
        }
        context.close()
    out = ROOT / "_build" / "run-here-speed.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))
    assert figures["cold"]["bytes of the runtime fetched"] > 10_000_000
    assert figures["warm"]["bytes of the runtime fetched"] == 0
