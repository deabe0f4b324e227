"""The built site as a reader's browser sees it: what ``tests/site/`` checks on every page.

:func:`check_page` opens one page of a served site in Chromium and returns its
:class:`Findings`: console errors, failed requests and requests that leave the
site, internal links and anchors that do not resolve, axe-core's violations in
light and in dark mode, a horizontal scroll at a phone's width, copy buttons
whose clipboard text is wrong, and a theme toggle that does not stick.
:func:`search` asks the site's own search page. The tests assert on these;
``python -m harness.sitecheck`` prints them for the whole site (the figures
the README records)::

    python -m harness.sitecheck                 # build the site into a temporary folder
    python -m harness.sitecheck --site _build/html --json figures.json

axe-core comes from ``node_modules/`` (``npm ci``, pinned by package-lock.json).
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import DOCS, ROOT
from .sphinxext.assets import COPY_PROMPTS

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: axe-core's impacts that fail a page; "moderate" and "minor" are recorded only.
FAILING_IMPACTS = ("serious", "critical")
#: A phone's width: the page itself must not scroll sideways (a code block may).
PHONE_WIDTH = 375


# --- the built site ---------------------------------------------------------------------


def build(out: Path, doctrees: Path | None = None) -> Path:
    """Build the site from scratch into ``out`` the way ``make html`` does (strict)."""
    doctrees = doctrees or out.parent / (out.name + "-doctrees")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-E",
            "-W",
            "--keep-going",
            "-n",
            "-q",
            "-c",
            ROOT,
            "-d",
            doctrees,
            DOCS,
            out,
        ],  # fmt: skip
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"the site did not build:\n{done.stdout}\n{done.stderr}")
    return out


def site_pages(root: Path) -> list[str]:
    """Every page of a built site, as paths relative to its root: the Sphinx pages and
    the example folders' file listings (the files themselves are downloads)."""
    pages = []
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root)
        top = relative.parts[0]
        if top in ("_static", "_sources", "_images", "_downloads"):
            continue
        if top == "_examples" and (
            relative.name != "index.html"
            or (ROOT / "examples" / Path(*relative.parts[1:])).is_file()  # a template
        ):
            continue
        pages.append(relative.as_posix())
    return pages


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


_anchors: dict[Path, set[str]] = {}


def anchors(path: Path) -> set[str]:
    """The ids (and ``<a name>``) of an HTML file: what a ``#fragment`` can land on."""
    if path not in _anchors:
        parser = _Anchors()
        parser.feed(path.read_text(errors="replace"))
        _anchors[path] = parser.ids
    return _anchors[path]


def link_problem(root: Path, base: str, href: str) -> str | None:
    """Why an internal link does not resolve in the built site, or None if it does."""
    parts = urlsplit(href)
    path = unquote(parts.path.removeprefix(urlsplit(base).path))
    target = root / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"{href}: no such file"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in anchors(target):
        return f"{href}: no #{fragment} on {target.relative_to(root).as_posix()}"
    return None


# --- copy buttons --------------------------------------------------------------------------


def expected_copy(language: str, text: str) -> str | None:
    """What a copy button must put on the clipboard for a block of ``language`` showing
    ``text`` (None: the block must have no copy button).

    In a session block the lines that start with a prompt are copied without it
    (a bare ``...`` continuation becomes the empty line that ends a block in the
    REPL) and every other line, output included, is left out; a session block
    with no prompt is all output and has nothing to copy. Any other block is
    copied as shown. The last newline is never copied (pasting would run it).
    """
    prompt = COPY_PROMPTS.get(language)
    if prompt is None:
        return text.removesuffix("\n")
    regex = re.compile(f"^(?:{prompt})")
    commands = [regex.sub("", line) for line in text.split("\n") if regex.match(line)]
    return "\n".join(commands).removesuffix("\n") if commands else None


# --- one page ------------------------------------------------------------------------------


@dataclass
class Findings:
    """What is wrong with one page (empty lists: nothing), and what was counted."""

    page: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)
    links_checked: int = 0
    outside_links: int = 0
    #: axe-core violations: (mode, rule, impact, number of nodes, first node's target).
    axe: list[tuple[str, str, str, int, str]] = field(default_factory=list)
    horizontal_scroll: str | None = None
    copy_checked: int = 0
    copy_problems: list[str] = field(default_factory=list)
    dark_mode: str | None = None

    def failing_axe(self) -> list[tuple[str, str, str, int, str]]:
        return [v for v in self.axe if v[2] in FAILING_IMPACTS]

    def problems(self) -> dict[str, object]:
        """Every failed check by name: what a test prints when it fails."""
        found = {
            "console errors": self.console_errors,
            "failed requests": self.failed_requests,
            "outside requests": self.outside_requests,
            "broken links": self.broken_links,
            "axe serious/critical": self.failing_axe(),
            f"horizontal scroll at {PHONE_WIDTH} px": self.horizontal_scroll,
            "copy buttons": self.copy_problems,
            "dark mode": self.dark_mode,
        }
        return {name: value for name, value in found.items() if value}


@contextmanager
def opened(browser, base: str, *, dark: bool = False, **options) -> Iterator[tuple]:
    """A fresh browser context on the site; yields (context, requests leaving the site)."""
    context = browser.new_context(
        color_scheme="dark" if dark else "light",
        permissions=["clipboard-read", "clipboard-write"],
        **options,
    )
    outside: list[str] = []

    def note_outside(request) -> None:
        if not request.url.startswith((base + "/", "data:", "blob:")):
            outside.append(request.url)

    context.on("request", note_outside)
    context.set_default_timeout(10_000)
    try:
        yield context, outside
    finally:
        context.close()


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, nodes: v.nodes.length,
                target: String(v.nodes[0].target),
            }));
        }"""
    )


#: Every code block's language, text as shown, and what its copy button puts on the
#: clipboard (None: no button). The click is the button's own handler; a block in a tab
#: that is not selected is copied all the same.
COPY_EVERY_BLOCK = """async () => {
    const found = [];
    for (const block of document.querySelectorAll("div[class*='highlight-'] > div.highlight")) {
        const language = [...block.parentElement.classList]
            .find(c => c.startsWith("highlight-")).slice("highlight-".length);
        const button = block.querySelector("button.copybtn");
        let copied = null;
        if (button) {
            await navigator.clipboard.writeText("");
            button.click();
            await new Promise(resolve => setTimeout(resolve, 0));
            copied = await navigator.clipboard.readText();
        }
        found.push([language, block.querySelector("pre").textContent, copied]);
    }
    return found;
}"""


def check_copy_buttons(page, findings: Findings) -> None:
    for index, (language, shown, copied) in enumerate(page.evaluate(COPY_EVERY_BLOCK)):
        findings.copy_checked += 1
        want = expected_copy(language, shown)
        if copied != want:
            findings.copy_problems.append(
                f"block {index} ({language}): copied {copied!r}, want {want!r}"
            )


def theme(page) -> tuple[str | None, str]:
    """The theme the page says it shows, and the body's computed background colour."""
    return page.evaluate(
        "() => [document.body.dataset.theme ?? null,"
        " getComputedStyle(document.body).backgroundColor]"
    )


def is_dark(colour: str) -> bool:
    channels = [int(c) for c in re.findall(r"\d+", colour)[:3]]
    return len(channels) == 3 and sum(channels) / 3 < 100


def check_dark_mode(page) -> str | None:
    """Toggle to dark with the theme button, reload: it must still be dark."""
    toggle = page.locator("button.theme-toggle").filter(visible=True)
    if not toggle.count():
        return "no visible theme toggle"
    for _ in range(3):  # furo cycles auto -> dark -> light (or auto -> light -> dark)
        if theme(page)[0] == "dark":
            break
        toggle.first.click()
    name, colour = theme(page)
    if name != "dark" or not is_dark(colour):
        return f"the toggle never reached dark mode (theme {name!r}, background {colour})"
    page.reload()
    name, colour = theme(page)
    if name != "dark" or not is_dark(colour):
        return f"dark mode is lost on reload (theme {name!r}, background {colour})"
    return None


def check_page(browser, base: str, root: Path, page_path: str) -> Findings:
    """Every check on one page of the site served at ``base`` from ``root``."""
    findings = Findings(page_path)
    url = f"{base}/{page_path}"
    themed = not page_path.startswith("_examples/")
    with opened(browser, base) as (context, outside):
        page = context.new_page()

        def console(message) -> None:
            if message.type == "error":
                findings.console_errors.append(message.text)

        def failed(request) -> None:
            if request.url.startswith(base):
                findings.failed_requests.append(f"{request.url}: {request.failure}")

        def response(response) -> None:
            if response.status >= 400:
                findings.failed_requests.append(f"{response.url}: {response.status}")

        page.on("console", console)
        page.on("pageerror", lambda error: findings.console_errors.append(str(error)))
        page.on("requestfailed", failed)
        page.on("response", response)
        page.goto(url, wait_until="load")

        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            if href.startswith(base + "/"):
                findings.links_checked += 1
                problem = link_problem(root, base, href)
                if problem:
                    findings.broken_links.append(problem)
            elif href.startswith(("http:", "https:")):
                findings.outside_links += 1

        for v in run_axe(page):
            findings.axe.append(("light", v["id"], v["impact"], v["nodes"], v["target"]))

        check_copy_buttons(page, findings)

        page.set_viewport_size({"width": PHONE_WIDTH, "height": 800})
        overflow = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if overflow[0] > overflow[1]:
            wide = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                    .filter(e => !e.closest('pre'))
                    .slice(0, 3).map(e => [e.tagName.toLowerCase(), ...e.classList].join('.'))"""
            )
            findings.horizontal_scroll = f"{overflow[0]} px wide in {overflow[1]} px: {wide}"
        page.set_viewport_size({"width": 1280, "height": 800})

        if themed:
            findings.dark_mode = check_dark_mode(page)
            if findings.dark_mode is None:
                for v in run_axe(page):
                    findings.axe.append(("dark", v["id"], v["impact"], v["nodes"], v["target"]))
        findings.outside_requests.extend(outside)
    return findings


# --- search ---------------------------------------------------------------------------------


def search(browser, base: str, query: str) -> list[str]:
    """The pages the site's own search page lists for ``query``, best first, as page paths."""
    with opened(browser, base) as (context, _):
        page = context.new_page()
        page.goto(f"{base}/search.html?q={query}")
        page.wait_for_function(
            "() => /Search finished|did not match/.test("
            "document.querySelector('#search-results .search-summary')?.innerText ?? '')"
        )
        hrefs = page.eval_on_selector_all(
            "#search-results ul.search > li > a", "links => links.map(a => a.href)"
        )
    return [urlsplit(href).path.removeprefix("/") for href in hrefs]


# --- the whole site, as figures ---------------------------------------------------------


def crawl(root: Path) -> list[str]:
    """The pages reached from index.html by following internal links, sorted."""
    pages = set(site_pages(root))
    seen, queue = {"index.html"}, ["index.html"]
    while queue:
        current = queue.pop(0)
        parser = _Links()
        parser.feed((root / current).read_text(errors="replace"))
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(current), unquote(parts.path))
            )
            if parts.path.endswith("/"):
                target += "/index.html"
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    return sorted(seen)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        wanted = {"a": "href", "form": "action"}.get(tag)
        self.hrefs.extend(value for name, value in attrs if name == wanted and value)


def figures(all_findings: list[Findings]) -> dict:
    """The site's figures: pages, links, copy buttons, and axe's findings per rule and mode."""
    per_rule: Counter[str] = Counter()
    for findings in all_findings:
        for mode, rule, impact, nodes, _ in findings.axe:
            per_rule[f"{mode} {rule} ({impact})"] += nodes
    return {
        "pages": len(all_findings),
        "internal links checked": sum(f.links_checked for f in all_findings),
        "outside links (not followed)": sum(f.outside_links for f in all_findings),
        "copy buttons checked": sum(f.copy_checked for f in all_findings),
        "axe nodes per rule": dict(sorted(per_rule.items())),
        "pages with problems": {f.page: f.problems() for f in all_findings if f.problems()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    from .services.browser import launched, serving

    with tempfile.TemporaryDirectory() as scratch:
        root = args.site or build(Path(scratch) / "html")
        with serving(root) as base, launched() as browser:
            found = [check_page(browser, base, root, page) for page in site_pages(root)]
    result = figures(found)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
