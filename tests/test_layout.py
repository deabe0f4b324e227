"""The repository keeps pages, example code and tests in step.

Two kinds of example live under examples/:

* a chapter folder (``examples/foreword/``): every file in it is shown on a
  page (pulled in with literalinclude), and every module
  ``examples/<folder>/<name>.py`` has its tests in
  ``tests/examples/<folder>/test_<name>.py``;
* an installable app (a folder with a ``pyproject.toml``, such as
  ``examples/bigapp/``): it carries its own ``tests/``, and every Python module
  outside those tests is shown on a page.

Every literalinclude and every ``page.use_example(...)`` points at something real.
"""

import re
from pathlib import Path

import pytest

from harness.runner.parsers import page_files

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"

PAGES = page_files(DOCS)
LITERALINCLUDE = re.compile(r"(?:\{literalinclude\}|\.\. literalinclude::)\s+(?P<path>\S+)")
USE_EXAMPLE = re.compile(r"""use_example\(\s*["'](?P<name>[^"']+)["']""")
# Files that are not example code a reader needs to see.
NOT_SHOWN = {"__pycache__", "instance", ".pytest_cache"}


def included_files() -> dict[Path, list[str]]:
    """Each file pulled into a page, with the pages that pull it."""
    found: dict[Path, list[str]] = {}
    for page in PAGES:
        for match in LITERALINCLUDE.finditer(page.read_text(encoding="utf-8")):
            target = match["path"]
            path = (DOCS / target.lstrip("/")) if target.startswith("/") else page.parent / target
            found.setdefault(path.resolve(), []).append(str(page.relative_to(ROOT)))
    return found


INSTALLABLE = sorted(p.parent for p in EXAMPLES.glob("*/pyproject.toml"))


def installable_app(path: Path) -> Path | None:
    """The installable app a file belongs to, if any."""
    return next((app for app in INSTALLABLE if path.is_relative_to(app)), None)


def example_files() -> list[Path]:
    """Files of chapter folders, outside the installable apps."""
    return sorted(
        p
        for p in EXAMPLES.rglob("*")
        if p.is_file()
        and not NOT_SHOWN.intersection(p.relative_to(EXAMPLES).parts)
        and installable_app(p) is None
    )


def installable_modules(app: Path) -> list[Path]:
    """The Python modules of an installable app that a reader must see."""
    return sorted(
        p
        for p in app.rglob("*.py")
        if not {"tests", *NOT_SHOWN}.intersection(p.relative_to(app).parts)
    )


def test_every_included_file_exists():
    missing = [
        f"{path} (in {', '.join(pages)})"
        for path, pages in included_files().items()
        if not path.is_file()
    ]
    assert not missing, "literalinclude of files that do not exist: " + ", ".join(missing)


def test_every_example_file_is_shown_on_a_page():
    shown = included_files()
    hidden = [str(p.relative_to(ROOT)) for p in example_files() if p.resolve() not in shown]
    assert not hidden, "example files that no page includes: " + ", ".join(hidden)


def test_every_example_module_has_its_own_tests():
    modules = [p for p in example_files() if p.suffix == ".py"]
    assert modules
    untested = []
    for module in modules:
        folder = module.parent.relative_to(EXAMPLES)
        test = ROOT / "tests" / "examples" / folder / f"test_{module.stem}.py"
        if not test.is_file():
            untested.append(f"{module.relative_to(ROOT)} (expected {test.relative_to(ROOT)})")
    assert not untested, "example modules without tests: " + ", ".join(untested)


def test_installable_apps_have_tests_and_every_module_is_shown():
    shown = included_files()
    problems = []
    for app in INSTALLABLE:
        if not sorted((app / "tests").glob("test_*.py")):
            problems.append(f"{app.relative_to(ROOT)}: no tests/test_*.py")
        problems += [
            f"{p.relative_to(ROOT)}: no page includes it"
            for p in installable_modules(app)
            if p not in shown
        ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_example_folders_used_by_a_page_exist(page):
    for match in USE_EXAMPLE.finditer(page.read_text(encoding="utf-8")):
        assert (EXAMPLES / match["name"]).is_dir(), f"{page}: no examples/{match['name']}"
