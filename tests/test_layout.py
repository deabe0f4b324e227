"""Pages, example code and tests share one slug, so each is found from the others.

::

    docs/becoming-big/dispatching.md            the page (kebab-case)
    examples/becoming_big/dispatching/          its example folder (snake_case)
    tests/examples/becoming_big/dispatching/    the tests of that folder's modules

A top-level page goes with a top-level folder: ``docs/foreword.md`` and
``examples/foreword/``. An example folder is where its modules are imported
from: the first folder above a module without an ``__init__.py``
(``examples/becoming_big/blueprints/`` for ``shop/api.py``). Its other files
(templates, static files) belong to it too.

(a) every example folder has its page and its test folder;
(b) every example module has its test file, and every test file its module;
(c) every file of an example folder is shown on its own page, and a page shows
    and uses (``page.use_example``) only its own example folder, apart from the
    installable apps and the EXCEPTIONS below;
(d) an installable app (a folder with a ``pyproject.toml``, such as
    ``examples/bigapp/``) carries its own ``tests/``, and every module of it
    outside those tests is shown on a page.
"""

import re
from pathlib import Path

import pytest

from harness import DOCS, EXAMPLES, ROOT
from harness.runner.parsers import page_files

TESTS = ROOT / "tests" / "examples"
PAGES = page_files(DOCS)
#: What shows a file on a page: its code included, or its picture (a favicon, say).
LITERALINCLUDE = re.compile(
    r"(?:\{literalinclude\}|\{image\}|\.\. literalinclude::)\s+(?P<path>\S+)"
)
USE_EXAMPLE = re.compile(r"""use_example\(\s*["'](?P<name>[^"']+)["']""")
# Files that are not example code a reader needs to see.
NOT_SHOWN = {"__pycache__", "instance", ".pytest_cache"}
SNAKE_CASE = re.compile(r"[a-z][a-z0-9_]*")

#: The installable apps, and the only pages that may show or use them.
INSTALLABLE_APPS = {
    "examples/bigapp": [
        "docs/becoming-big/bigapp.md",
        "docs/becoming-big/testing.md",
        "docs/deploying/configuration.md",
        "docs/patterns/migrations.md",
        "docs/patterns/pagination.md",
    ],
    "examples/accounts": [
        "docs/in-the-box/security/activation.md",
        "docs/in-the-box/security/api-tokens.md",
        "docs/in-the-box/security/basic-auth.md",
        "docs/in-the-box/security/csrf.md",
        "docs/in-the-box/security/index.md",
        "docs/in-the-box/security/login-tracking.md",
        "docs/in-the-box/security/password-hashing.md",
        "docs/in-the-box/security/password-reset.md",
        "docs/in-the-box/security/registration.md",
        "docs/in-the-box/security/roles.md",
        "docs/in-the-box/security/sessions.md",
    ],
}

#: (page, file or folder/) a page may show although it is not in its own example
#: folder, and why. Keep it short: an entry that is no longer used fails the test.
EXCEPTIONS = {
    ("docs/installation.md", "examples/quickstart/first_app/hello.py"): (
        "the first step after installing is the Quickstart's first app, saved as hello.py"
    ),
    ("docs/index.md", "examples/quickstart/first_app/"): (
        "the landing page shows, and runs, the first app a reader builds"
    ),
}


#: Example folders that hold a reader's own pytest files (conftest.py, test_*.py), and
#: why. They are shown on the page like any file of the folder, and the folder's tests
#: in tests/examples/ run them with pytest; they need no test file of their own.
READER_TESTS = {
    "examples/in_the_box/testing": "the page teaches pytest with tests the reader runs",
}


def is_reader_test(module: Path) -> bool:
    return rel(module.parent) in READER_TESTS and (
        module.name == "conftest.py" or module.name.startswith("test_")
    )


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# --- what there is ----------------------------------------------------------------------

INSTALLABLE = sorted(p.parent for p in EXAMPLES.glob("*/pyproject.toml"))


def installable_app(path: Path) -> Path | None:
    """The installable app a file belongs to, if any."""
    return next((app for app in INSTALLABLE if path.is_relative_to(app)), None)


def example_files() -> list[Path]:
    """Files of the example folders: everything under examples/ but the installable apps."""
    return sorted(
        p
        for p in EXAMPLES.rglob("*")
        if p.is_file()
        and not NOT_SHOWN.intersection(p.relative_to(EXAMPLES).parts)
        and installable_app(p) is None
    )


def import_root(module: Path) -> Path:
    """The folder a module is imported from: the first one above it without __init__.py."""
    folder = module.parent
    while (folder / "__init__.py").is_file():
        folder = folder.parent
    return folder


EXAMPLE_MODULES = [p for p in example_files() if p.suffix == ".py"]
EXAMPLE_FOLDERS = sorted({import_root(module) for module in EXAMPLE_MODULES})


def example_folder(path: Path) -> Path | None:
    """The example folder a file belongs to: the deepest one that holds it."""
    holding = [folder for folder in EXAMPLE_FOLDERS if path.is_relative_to(folder)]
    return max(holding, key=lambda folder: len(folder.parts), default=None)


def page_of(folder: Path) -> Path:
    """``examples/becoming_big/data_layer`` -> ``docs/becoming-big/data-layer.md``."""
    page = DOCS / (folder.relative_to(EXAMPLES).as_posix().replace("_", "-") + ".md")
    return page.with_suffix(".rst") if page.with_suffix(".rst").is_file() else page


def folder_of(page: Path) -> Path:
    """``docs/becoming-big/data-layer.md`` -> ``examples/becoming_big/data_layer``."""
    return EXAMPLES / page.relative_to(DOCS).with_suffix("").as_posix().replace("-", "_")


def expected_tests(module: Path) -> Path:
    """``examples/<slug>/shop/api.py`` -> ``tests/examples/<slug>/shop/test_api.py``."""
    return TESTS / module.parent.relative_to(EXAMPLES) / f"test_{module.name}"


def used_by(page: Path) -> list[tuple[Path, str]]:
    """What a page shows (literalinclude) and uses (use_example), each with how."""
    text = page.read_text(encoding="utf-8")
    used = []
    for match in LITERALINCLUDE.finditer(text):
        target = match["path"]
        path = (DOCS / target.lstrip("/")) if target.startswith("/") else page.parent / target
        used.append((path.resolve(), f"literalinclude {target}"))
    for match in USE_EXAMPLE.finditer(text):
        used.append(((EXAMPLES / match["name"]).resolve(), f'use_example("{match["name"]}")'))
    return used


def included_files() -> dict[Path, list[str]]:
    """Each file pulled into a page, with the pages that pull it."""
    found: dict[Path, list[str]] = {}
    for page in PAGES:
        for path, how in used_by(page):
            if how.startswith("literalinclude"):
                found.setdefault(path, []).append(rel(page))
    return found


def test_the_layout_is_found():
    assert EXAMPLE_MODULES
    assert EXAMPLES / "quickstart" / "first_app" in EXAMPLE_FOLDERS
    assert EXAMPLES / "becoming_big" / "blueprints" in EXAMPLE_FOLDERS  # a package's folder
    assert page_of(EXAMPLES / "foreword") == DOCS / "foreword.md"
    assert folder_of(DOCS / "in-the-box" / "json-ajax.md") == EXAMPLES / "in_the_box" / "json_ajax"


# --- (a) every example folder has its page and its tests --------------------------------


def test_every_example_folder_has_its_page_and_its_test_folder():
    problems = []
    for folder in EXAMPLE_FOLDERS:
        slug = folder.relative_to(EXAMPLES)
        if not all(SNAKE_CASE.fullmatch(part) for part in slug.parts):
            problems.append(f"{rel(folder)}/: folder names are snake_case, such as json_ajax")
        if not page_of(folder).is_file():
            problems.append(f"{rel(folder)}/: expected its page {rel(page_of(folder))}")
        if not (TESTS / slug).is_dir():
            problems.append(f"{rel(folder)}/: expected its tests in {rel(TESTS / slug)}/")
    assert not problems, "\n".join(problems)


def test_every_example_file_is_in_an_example_folder():
    stray = [
        f"{rel(p)}: in no example folder; put it beside the modules that use it"
        for p in example_files()
        if example_folder(p) is None
    ]
    assert not stray, "\n".join(stray)


# --- (b) every module has its test file, every test file its module ----------------------


def test_every_example_module_has_its_own_tests():
    untested = [
        f"{rel(module)}: expected its tests in {rel(expected_tests(module))}"
        for module in EXAMPLE_MODULES
        if not expected_tests(module).is_file() and not is_reader_test(module)
    ]
    assert not untested, "example modules without tests:\n" + "\n".join(untested)


def test_every_test_file_tests_an_example_module():
    problems = []
    for file in sorted(TESTS.rglob("*.py")):
        if NOT_SHOWN.intersection(file.relative_to(TESTS).parts) or file.name == "conftest.py":
            continue
        relative = file.relative_to(TESTS)
        module = EXAMPLES / relative.parent / relative.name.removeprefix("test_")
        if not file.name.startswith("test_"):
            problems.append(f"{rel(file)}: only test_<module>.py and conftest.py go here")
        elif module not in EXAMPLE_MODULES:
            problems.append(f"{rel(file)}: expected the example module {rel(module)}")
    assert not problems, "\n".join(problems)


# --- (c) a page shows its own example folder, and only that -----------------------------


def test_every_included_file_exists():
    missing = [
        f"{path} (in {', '.join(pages)})"
        for path, pages in included_files().items()
        if not path.is_file()
    ]
    assert not missing, "literalinclude of files that do not exist: " + ", ".join(missing)


def test_every_example_file_is_shown_on_its_own_page():
    shown = included_files()
    problems = []
    for file in example_files():
        folder = example_folder(file)
        if folder is None:
            continue  # reported by test_every_example_file_is_in_an_example_folder
        page = rel(page_of(folder))
        if page not in shown.get(file, []):
            elsewhere = f" (shown on {', '.join(shown[file])})" if file in shown else ""
            problems.append(f"{rel(file)}: expected a literalinclude on {page}{elsewhere}")
    assert not problems, "\n".join(problems)


def excepted(page: str, path: Path) -> str | None:
    """The entry of EXCEPTIONS that lets ``page`` show ``path``, if any."""
    for exception_page, target in EXCEPTIONS:
        allowed = ROOT / target
        if exception_page == page and (
            path.is_relative_to(allowed) if target.endswith("/") else path == allowed
        ):
            return target
    return None


def problem_with(page: Path, path: Path, how: str) -> str | None:
    """Why ``page`` may not show or use ``path``, or None if it may."""
    app = installable_app(path)
    if app is not None:
        allowed = INSTALLABLE_APPS.get(rel(app), [])
        if rel(page) in allowed:
            return None
        return f"{how}: {rel(app)} is for {', '.join(allowed) or 'no page'} (INSTALLABLE_APPS)"
    if excepted(rel(page), path):
        return None
    own = folder_of(page)
    if how.startswith("use_example"):
        if path == own and own in EXAMPLE_FOLDERS:
            return None
    elif path.is_relative_to(EXAMPLES) and example_folder(path) == own:
        return None
    if own not in EXAMPLE_FOLDERS:
        return f"{how}: the page has no example folder of its own ({rel(own)}/ would be it)"
    return f"{how}: expected only the page's own example folder, {rel(own)}/"


@pytest.mark.parametrize("page", PAGES, ids=[rel(p) for p in PAGES])
def test_a_page_shows_and_uses_only_its_own_example_folder(page):
    problems = [
        problem for path, how in used_by(page) if (problem := problem_with(page, path, how))
    ]
    assert not problems, f"{rel(page)}:\n" + "\n".join(problems)


def test_every_exception_is_still_needed():
    stale = []
    for (page, target), reason in EXCEPTIONS.items():
        assert reason, f"{page} -> {target}: give the exception a reason"
        used = (ROOT / page).is_file() and any(
            excepted(page, path) == target for path, _how in used_by(ROOT / page)
        )
        if not used:
            stale.append(f"EXCEPTIONS: {page} no longer shows {target}; remove the entry")
    for app, pages in INSTALLABLE_APPS.items():
        for page in pages:
            paths = [p for p, _how in used_by(ROOT / page)] if (ROOT / page).is_file() else []
            if not any(installable_app(p) == ROOT / app for p in paths):
                stale.append(f"INSTALLABLE_APPS: {page} no longer uses {app}; remove it")
    found = sorted(rel(app) for app in INSTALLABLE)
    assert sorted(INSTALLABLE_APPS) == found, f"installable apps: {found}; list their pages"
    assert not stale, "\n".join(stale)


# --- (d) installable apps ---------------------------------------------------------------


def installable_modules(app: Path) -> list[Path]:
    """The Python modules of an installable app that a reader must see."""
    return sorted(
        p
        for p in app.rglob("*.py")
        if not {"tests", *NOT_SHOWN}.intersection(p.relative_to(app).parts)
    )


def test_installable_apps_have_tests_and_every_module_is_shown():
    shown = included_files()
    problems = []
    for app in INSTALLABLE:
        if not sorted((app / "tests").glob("test_*.py")):
            problems.append(f"{rel(app)}: no tests/test_*.py")
        problems += [
            f"{rel(p)}: no page includes it" for p in installable_modules(app) if p not in shown
        ]
    assert not problems, "\n".join(problems)


EXAMPLE_FOLDER_DIRECTIVE = re.compile(r"^```\{example-folder\}\s+(?P<slug>\S+)\s*$", re.MULTILINE)


def test_every_page_with_an_example_folder_offers_it_for_download():
    """Each page says where its reader works and links the zip: ``{example-folder} <slug>``.

    A page of an installable app offers that app, unless it has a folder of its own.
    """
    wanted = {page_of(folder): rel(folder).removeprefix("examples/") for folder in EXAMPLE_FOLDERS}
    for app, pages in INSTALLABLE_APPS.items():
        for page in pages:
            wanted.setdefault(ROOT / page, app.removeprefix("examples/"))
    problems = []
    for page, slug in sorted(wanted.items()):
        named = EXAMPLE_FOLDER_DIRECTIVE.findall(page.read_text(encoding="utf-8"))
        if named != [slug]:
            problems.append(f"{rel(page)}: wants one {{example-folder}} {slug}, has {named}")
    assert not problems, "\n".join(problems)
