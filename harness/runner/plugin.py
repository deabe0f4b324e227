"""The page runner's pytest plugin: ``conftest.py`` names it in ``pytest_plugins``.

* collects every page under the ``pages`` folder (an ini setting, ``docs`` by
  default) with the Sybil parsers of :mod:`harness.runner.parsers`;
* gives every block the ``page`` fixture (:mod:`harness.runner.page`), and
  tests the ``use_example`` fixture;
* makes a failing block name its page and line, and ends the run with the
  blocks summary (:mod:`harness.runner.reports`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sybil.example import SybilFailure
from sybil.integration.pytest import SybilFile, SybilItem

from . import outputs, reports, requires, verified
from .examples import ExampleFolders
from .limits import time_limit
from .page import page
from .parsers import BlockRegion, display_path, make_sybil
from .pytest_private import GcWarningTraceback, requested_fixtures

__all__ = ["page", "use_example"]

SYBILS = pytest.StashKey[list]()


def pytest_report_header(config: pytest.Config) -> str:
    return f"pages run against {reports.versions()}"


# --- collecting pages ------------------------------------------------------------------


class PageItem(GcWarningTraceback, SybilItem):
    """One region of a page (a code block, or one example of a doctest block)."""

    def setup(self) -> None:
        # Sybil puts every fixture of the closure into the page's namespace before
        # each example: `page` depends on pytest's `request`, which would then
        # overwrite `from flask import request` between two blocks. Only the
        # fixtures the runner asked for go in, and never over a name the page set.
        for name, value in requested_fixtures(self).items():
            self.example.namespace.setdefault(name, value)

    def runtest(self) -> None:
        block = self.block
        seconds = self.example.document.settings.block_timeout or float(
            self.config.getini("block_timeout")
        )
        what = "this block" if block is None else f"the block at line {block.line}"
        with time_limit(seconds, what):
            super().runtest()

    @property
    def block(self):
        region = self.example.region
        return region.block if isinstance(region, BlockRegion) else None


class PageFile(SybilFile):
    """A page: its regions become PageItems. A page that breaks a rule is a
    collection error that names the page and line, and nothing else."""

    def collect(self):
        for sybil in self.sybils:
            try:
                document = sybil.parse(self.path)
            except ValueError as error:  # PageError, SettingError, a name that shadows
                raise self.CollectError(str(error)) from None
            self.documents.append(document)
            for example in document.examples():
                yield PageItem.from_parent(self, sybil=sybil, example=example)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("pages", "folder of the pages whose Python blocks are executed", default="docs")
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the expected output of failing doctest examples from what they print "
        "(make update-outputs); prints a diff of each page changed",
    )
    parser.addoption(
        "--verified-report",
        metavar="FILE",
        help="write which pages and examples passed, and the versions they ran with "
        "(make test-matrix)",
    )
    parser.addoption(
        "--verified-combination",
        default="newest",
        help="the name of the combination of versions this run tests, for --verified-report",
    )
    parser.addini(
        "examples",
        "folder of the example code that pages and tests import (use_example)",
        default="examples",
    )
    parser.addini(
        "block_timeout",
        "seconds a page block may run; a page sets its own with '% block-timeout: N'",
        default="60",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[SYBILS] = make_sybil(config.rootpath / config.getini("pages"))
    report = config.getoption("verified_report")
    if report and not hasattr(config, "workerinput"):  # the xdist controller sees every report
        recorder = verified.Recorder(config.rootpath)
        config.pluginmanager.register(
            verified.Plugin(recorder, Path(report), config.getoption("verified_combination")),
            "verified-report",
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip what needs a newer release than the one installed, saying which and why."""
    root = config.rootpath
    docs, examples = root / config.getini("pages"), examples_root(config)
    for item in items:
        reason = requires.first_unmet(requires.needs_of(item.nodeid, root, docs, examples))
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    active = [sybil for sybil in parent.config.stash[SYBILS] if sybil.should_parse(file_path)]
    if active:
        return PageFile.from_parent(parent, path=file_path, sybils=active)
    return None


# --- fixtures for tests -----------------------------------------------------------------


def examples_root(config: pytest.Config) -> Path:
    """The folder of the example code: the ini setting ``examples``, from the rootdir."""
    return config.rootpath / config.getini("examples")


@pytest.fixture
def use_example(request: pytest.FixtureRequest):
    """``use_example("quickstart/first_app")``: import that folder's modules in this test, fresh."""
    folders = ExampleFolders(examples_root(request.config))
    try:
        yield folders.use
    finally:
        folders.close()


# --- reports ---------------------------------------------------------------------------


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    block = item.block if isinstance(item, PageItem) else None
    if block is None:  # not a page, or a skip instruction rather than a block
        return report
    page = display_path(block.path, item.config.rootpath)
    if call.when == "teardown":
        # After the last block: the page's own teardown (something it left running).
        # Its message names the page; the block's count and header do not change.
        return report
    outcome = reports.BlockOutcome(page, block.line, block.invisible, report.outcome)
    report.user_properties.append((reports.BLOCK_PROPERTY, outcome.as_property()))
    if report.skipped and isinstance(report.longrepr, tuple):
        # Point at the page, not at the line of pytest that raised the skip.
        report.longrepr = (page, block.line, report.longrepr[2])
    elif report.failed:
        if call.when == "call" and item.config.getoption("update_outputs"):
            _record_output(item)
        line = item.example.line
        inner = report.longrepr
        if call.excinfo is not None and not isinstance(call.excinfo.value, SybilFailure):
            excinfo = reports.page_traceback(call.excinfo, Path(item.example.path))
            in_page = [e for e in excinfo.traceback if Path(str(e.path)) == Path(block.path)]
            line = in_page[-1].lineno + 1 if in_page else line
            # "short": one line per frame. The long style would print the page
            # from its top, since a block runs as module-level code.
            style = item.config.getoption("tbstyle", "auto")
            inner = excinfo.getrepr(
                style="short" if style == "auto" else style, tbfilter=False, truncate_locals=True
            )
        header = reports.failure_header(page, line, block.line, block.first_line)
        report.longrepr = reports.PageBlockFailure(header, inner)
    return report


EDITS = pytest.StashKey[dict]()


def _record_output(item: PageItem) -> None:
    region = item.example.region
    edit = outputs.edit_for(item.example.document.text, region.start, region.parsed)
    if edit is not None:
        item.config.stash.setdefault(EDITS, {}).setdefault(item.example.path, []).append(edit)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With --update-outputs: rewrite each page that has edits, and print its diff."""
    edits = session.config.stash.get(EDITS, {})
    writer = session.config.get_terminal_writer()
    for path, page_edits in sorted(edits.items()):
        writer.line(outputs.apply(Path(path), page_edits, session.config.rootpath))
    if edits:
        writer.line(f"--update-outputs: {len(edits)} page(s) rewritten; review the diff above")


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    outcomes = [
        reports.BlockOutcome.from_property(value, report.outcome)
        for reports_of_a_kind in terminalreporter.stats.values()
        for report in reports_of_a_kind
        for name, value in getattr(report, "user_properties", ())
        if name == reports.BLOCK_PROPERTY
    ]
    if outcomes:
        terminalreporter.write_line(str(reports.summarize(outcomes)))
