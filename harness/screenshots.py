"""``make screenshots``: the site as readers see it, and the debugger as it really looks.

Two kinds of PNG, both taken by Debian's Chromium under Playwright:

* the landing page and one page per chapter (the chapter's page, or the first
  page of a chapter whose page is an index, read off the landing page's
  navigation), each on a desktop, on a phone and in dark
  mode, written to ``_build/screenshots/`` from the site ``make html`` built,
  to look at after a change of theme, CSS or layout;
* Werkzeug's debugger, from the running example: ``flask --app crashing run
  --debug`` in ``examples/in_the_box/development_server/``, on a free loopback
  port, and ``/divide/1/0`` opened in the browser. It is written to
  ``docs/_static/debugger.png``, which docs/in-the-box/development-server.md
  shows: commit it when it changes.

::

    python -m harness.screenshots [--site _build/html] [--out _build/screenshots]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DOCS, EXAMPLES, ROOT
from .services.browser import launched, serving
from .services.commands import BIN, free_port, serve

#: (name, viewport, colour scheme, a phone?) for each picture of a page.
MODES = [
    ("desktop", {"width": 1280, "height": 800}, "light", False),
    ("mobile", {"width": 375, "height": 740}, "light", True),
    ("dark", {"width": 1280, "height": 800}, "dark", False),
]
DEBUGGER = DOCS / "_static" / "debugger.png"
DEBUGGER_VIEWPORT = {"width": 880, "height": 720}  # near the width of a page's text


def chapter_pages(browser, base: str) -> dict[str, str]:
    """The landing page and each chapter's first page, from the landing page's sidebar."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/index.html")
        firsts = page.evaluate(
            """() => [...document.querySelectorAll(".sidebar-tree li.toctree-l1")].map(li => {
                const chapter = li.querySelector("a");
                const first = li.querySelector("li.toctree-l2 > a");
                return chapter.href.endsWith("/index.html") && first ? first.href : chapter.href;
            })"""
        )
    finally:
        context.close()
    pages = {"landing": "index.html"}
    for href in firsts:
        path = href.removeprefix(base + "/").split("#")[0]
        pages[path.removesuffix(".html").replace("/", "-")] = path
    return pages


def site_screenshots(browser, base: str, out: Path) -> list[Path]:
    """Every chapter page in every mode, as ``out/<page>-<mode>.png``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, path in chapter_pages(browser, base).items():
        for mode, viewport, scheme, phone in MODES:
            context = browser.new_context(
                viewport=viewport, color_scheme=scheme, is_mobile=phone, has_touch=phone
            )
            try:
                page = context.new_page()
                page.goto(f"{base}/{path}")
                page.evaluate("document.fonts.ready")
                target = out / f"{name}-{mode}.png"
                page.screenshot(path=target)
                written.append(target)
            finally:
                context.close()
    return written


def debugger_screenshot(browser, target: Path = DEBUGGER) -> Path:
    """Werkzeug's debugger for /divide/1/0, from the example run with ``flask run --debug``."""
    port = free_port()
    command = [BIN / "flask", "--app", "crashing", "run", "--debug", "--port", str(port)]
    folder = EXAMPLES / "in_the_box" / "development_server"
    with serve(command, port=port, cwd=folder) as url:
        context = browser.new_context(viewport=DEBUGGER_VIEWPORT)
        try:
            page = context.new_page()
            page.goto(f"{url}/divide/1/0")
            page.wait_for_selector(".traceback")
            page.evaluate("document.fonts.ready")
            # The view's own frame, opened to its source lines around the error (a click,
            # as a reader does), with the pointer on it: its console button shows.
            current = page.locator(".traceback .frame").last.locator("pre.current")
            current.click()
            current.hover()
            target.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=target, full_page=True)
        finally:
            context.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "screenshots")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"no site in {args.site}: run make html first")
    with launched() as browser:
        with serving(args.site) as base:
            written = site_screenshots(browser, base, args.out)
        written.append(debugger_screenshot(browser))
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
