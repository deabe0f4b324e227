"""The pytest side of the page harness.

* the ``page`` fixture every page gets: its module, a temporary folder, and a
  ready Flask app with a test client; ``use_example`` and ``postgres_server``
  for tests;
* a failing block names its page and line, shows the block's first line and
  the versions it ran against, before the usual traceback or doctest diff;
* a one-line summary of the page blocks executed, skipped and failed.
"""

from __future__ import annotations

import platform
from collections import defaultdict
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import version
from pathlib import Path

import pytest
from _pytest._code.code import TerminalRepr
from sybil.example import SybilFailure
from sybil.integration.pytest import SybilFile, SybilItem

from .examples import ExampleFolders
from .pages import PageDocument, block_of, display_path, make_sybil

BLOCK_PROPERTY = "page_block"  # user property: "path:line:visibility"
SYBILS = pytest.StashKey[list]()


def versions() -> str:
    parts = ", ".join(f"{name} {version(name)}" for name in ("Werkzeug", "Jinja2", "Sybil"))
    return f"Flask {version('Flask')} ({parts}, Python {platform.python_version()})"


def pytest_report_header(config: pytest.Config) -> str:
    return f"pages run against {versions()}"


# --- collecting pages ------------------------------------------------------------------


class PageItem(SybilItem):
    """One region of a page (a code block, or one example of a doctest block)."""

    def setup(self) -> None:
        # Sybil puts every fixture of the closure into the page's namespace before
        # each example: `page` depends on pytest's `request`, which would then
        # overwrite `from flask import request` between two blocks. Only the
        # fixtures the harness asked for go in, and never over a name the page set.
        self._request._fillfixtures()
        for name in self._fixtureinfo.argnames:
            self.example.namespace.setdefault(name, self.funcargs[name])

    def _traceback_filter(self, excinfo):
        # Sybil's filter assumes the error came through an example's evaluation.
        # A warning raised at garbage collection (an unclosed file, caught by
        # pytest's unraisable-exception hook) does not, and its filter would crash
        # pytest with an IndexError: show the plain traceback instead.
        try:
            return super()._traceback_filter(excinfo)
        except IndexError:
            return excinfo.traceback.filter(excinfo)


class PageFile(SybilFile):
    """A page: its regions become PageItems."""

    def collect(self):
        for sybil in self.sybils:
            document = sybil.parse(self.path)
            self.documents.append(document)
            for example in document.examples():
                yield PageItem.from_parent(self, sybil=sybil, example=example)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("pages", "folder of the pages whose Python blocks are executed", default="docs")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[SYBILS] = make_sybil(config.rootpath / config.getini("pages"))


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    active = [sybil for sybil in parent.config.stash[SYBILS] if sybil.should_parse(file_path)]
    if active:
        return PageFile.from_parent(parent, path=file_path, sybils=active)
    return None


# --- the page fixture ---------------------------------------------------------------


@dataclass
class Page:
    """What a page's blocks can reach as ``page``: see the README's "Writing a page"."""

    document: PageDocument
    tmp_path: Path
    folders: ExampleFolders
    resources: ExitStack = field(default_factory=ExitStack)

    def enter_context(self, manager: AbstractContextManager):
        """Enter ``manager`` (a server, say) and keep it open until the page ends."""
        return self.resources.enter_context(manager)

    def use_example(self, name: str) -> Path:
        """Import from ``examples/<name>`` for the rest of the page, as if run in that folder."""
        return self.folders.use(name)

    @property
    def path(self) -> Path:
        return Path(self.document.path)

    @cached_property
    def app(self):
        """A Flask app named after the page, in testing mode, with a throwaway instance folder."""
        from flask import Flask

        app = Flask(self.document.module.__name__, instance_path=str(self.tmp_path / "instance"))
        app.config.update(TESTING=True, SECRET_KEY="a key for this page only")
        return app

    @cached_property
    def client(self):
        """A test client for :attr:`app`."""
        return self.app.test_client()


@pytest.fixture(scope="module")
def page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The running page: requested by every block of a page (see tests/harness/pages.py)."""
    (document,) = request.node.documents
    folders = ExampleFolders()
    document.enter()
    try:
        page = Page(document, tmp_path_factory.mktemp(Path(document.path).stem), folders)
        with page.resources:
            yield page
    finally:
        folders.close()
        document.leave()


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of one throwaway PostgreSQL server for the whole run (tests/harness/postgres.py).

    Without PostgreSQL installed, a test that asks for it skips, and the reason
    says how to install it.
    """
    from . import postgres

    if postgres.BINDIR is None:
        pytest.skip(postgres.MISSING)
    with postgres.server() as url:
        yield url


@pytest.fixture
def use_example():
    """``use_example("quickstart")``: import that example's modules in this test, fresh."""
    folders = ExampleFolders()
    try:
        yield folders.use
    finally:
        folders.close()


# --- failures that say where ---------------------------------------------------------


class PageBlockFailure(TerminalRepr):
    """A header naming the page, line and block, then pytest's own report."""

    def __init__(self, header: list[str], inner) -> None:
        self.header = header
        self.inner = inner
        self.reprcrash = _Crash(header[0])

    def toterminal(self, tw) -> None:
        for line in self.header:
            tw.line(line, red=True, bold=True)
        tw.line()
        if hasattr(self.inner, "toterminal"):
            self.inner.toterminal(tw)
        else:
            tw.line(str(self.inner))


@dataclass
class _Crash:
    """What pytest's short summary reads: ``FAILED <id> - <message>``."""

    message: str


def _page_traceback(item: SybilItem, call: pytest.CallInfo):
    """The failure's traceback from the first frame in the page on, hidden frames removed.

    Sybil's own frames (the evaluators) come before the page's and say nothing
    about the page; the frames after it (Flask, Werkzeug, an example app) do.
    """
    excinfo = call.excinfo
    page = Path(item.example.path)
    traceback = excinfo.traceback
    for index, entry in enumerate(traceback):
        if Path(str(entry.path)) == page:
            traceback = traceback[index:]
            break
    else:
        # Not raised from the page's code (a warning pytest collected after the
        # block ran, such as an unclosed file): only the raising frame matters.
        traceback = traceback[-1:]
    excinfo.traceback = traceback.filter(excinfo)
    return excinfo


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if not isinstance(item, SybilItem):
        return report
    block = block_of(item.example)
    if block is None:  # a skip instruction, not a block
        return report
    page = display_path(item.example.path, item.config.rootpath)
    visibility = "invisible" if block.invisible else "visible"
    report.user_properties.append((BLOCK_PROPERTY, f"{page}:{block.line}:{visibility}"))
    if report.skipped and isinstance(report.longrepr, tuple):
        # Point at the page, not at the line of pytest that raised the skip.
        report.longrepr = (page, block.line, report.longrepr[2])
    elif report.failed:
        line = item.example.line
        inner = report.longrepr
        if call.excinfo is not None and not isinstance(call.excinfo.value, SybilFailure):
            excinfo = _page_traceback(item, call)
            in_page = [e for e in excinfo.traceback if Path(str(e.path)) == Path(item.example.path)]
            line = in_page[-1].lineno + 1 if in_page else line
            # "short": one line per frame. The long style would print the page
            # from its top, since a block runs as module-level code.
            style = item.config.getoption("tbstyle", "auto")
            inner = excinfo.getrepr(
                style="short" if style == "auto" else style, tbfilter=False, truncate_locals=True
            )
        report.longrepr = PageBlockFailure(
            [
                f"{page}, line {line}: this block failed",
                f"  the block starts at line {block.line}: {block.first_line}",
                f"  run against {versions()}",
            ],
            inner,
        )
    return report


# --- the summary ---------------------------------------------------------------------


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    outcomes: dict[str, set[str]] = defaultdict(set)
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, value in getattr(report, "user_properties", ()):
                if name == BLOCK_PROPERTY:
                    outcomes[value].add(report.outcome)
    if not outcomes:
        return
    counts = {"executed": 0, "skipped": 0, "failed": 0, "invisible": 0}
    for key, seen in outcomes.items():
        if "failed" in seen:
            counts["failed"] += 1
        elif key.endswith(":invisible"):
            counts["invisible"] += 1
        elif seen == {"passed"}:
            counts["executed"] += 1
        else:
            counts["skipped"] += 1
    pages = len({key.rsplit(":", 2)[0] for key in outcomes})
    visible = counts["executed"] + counts["skipped"] + counts["failed"]
    terminalreporter.write_line(
        f"pages: {pages} page{'s' * (pages != 1)}, {visible} Python blocks: "
        f"{counts['executed']} executed, {counts['skipped']} skipped with a reason, "
        f"{counts['failed']} failed (+{counts['invisible']} invisible setup blocks)"
    )
