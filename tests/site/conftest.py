"""The built site in a real browser: Debian's Chromium driven by Playwright.

The site is built once per test run, from scratch and strictly (as ``make
html`` in CI), into the run's temporary folder: the pytest-xdist workers that
need it share that one build. Each worker serves it on a free loopback port
and starts one headless Chromium. Without Chromium the tests are skipped and
the reason says how to install it; without axe-core, how to get it (``npm
ci``). In CI (``CI=true``) a missing axe-core fails instead: .ci/run installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness import sitecheck
from harness.services.browser import launched, serving
from harness.services.missing import Missing
from harness.services.plugin import locked


@dataclass(frozen=True)
class Site:
    root: Path  # the built files
    url: str  # where they are served


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, one per test process; skips without it or without axe-core."""
    if not sitecheck.AXE.is_file():
        message = "axe-core is not installed: run `npm ci` (package-lock.json pins it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with ExitStack() as stack:
        try:
            yield stack.enter_context(launched())
        except Missing as missing:
            pytest.skip(str(missing))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per run into a temporary folder (a strict, clean build)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if "PYTEST_XDIST_WORKER" in os.environ else base
    folder = shared / "built-site"
    with locked(shared / "built-site.lock"):
        if not (folder / "done").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            sitecheck.build(folder / "html", folder / "doctrees")
            (folder / "done").touch()
    return folder / "html"


@pytest.fixture(scope="session")
def site(browser, built_site) -> Iterator[Site]:
    """The built site served on a free loopback port, for this test process."""
    with serving(built_site) as url:
        yield Site(built_site, url)
