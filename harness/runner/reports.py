"""What a run says about the pages: located failures, and the blocks summary.

A failing block names its page and line, shows the block's first line and the
versions it ran against, before pytest's own traceback or doctest diff. At the
end of a run one line counts the blocks: executed, skipped with a reason,
failed, and the invisible setup blocks apart.
"""

from __future__ import annotations

import platform
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from .pytest_private import TerminalRepr

#: The name of the user property that carries a block's identity in a test report.
BLOCK_PROPERTY = "page_block"


def versions() -> str:
    parts = ", ".join(f"{name} {version(name)}" for name in ("Werkzeug", "Jinja2", "Sybil"))
    return f"Flask {version('Flask')} ({parts}, Python {platform.python_version()})"


# --- failures that say where ---------------------------------------------------------


@dataclass
class Crash:
    """What pytest's short summary reads: ``FAILED <id> - <message>``."""

    message: str


class PageBlockFailure(TerminalRepr):
    """A header naming the page, line and block, then pytest's own report."""

    def __init__(self, header: list[str], inner) -> None:
        self.header = header
        self.inner = inner
        self.reprcrash = Crash(header[0])

    def toterminal(self, tw) -> None:
        for line in self.header:
            tw.line(line, red=True, bold=True)
        tw.line()
        if hasattr(self.inner, "toterminal"):
            self.inner.toterminal(tw)
        else:
            tw.line(str(self.inner))


def failure_header(page: str, line: int, block_line: int, first_line: str) -> list[str]:
    return [
        f"{page}, line {line}: this block failed",
        f"  the block starts at line {block_line}: {first_line}",
        f"  run against {versions()}",
    ]


def page_traceback(excinfo, page: Path):
    """The failure's traceback from the first frame in the page on, hidden frames removed.

    Sybil's own frames (the evaluators) come before the page's and say nothing
    about the page; the frames after it (Flask, Werkzeug, an example app) do.
    """
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


# --- the summary -------------------------------------------------------------------


@dataclass(frozen=True)
class BlockOutcome:
    """One report about one block: a block gives one per doctest example it holds."""

    page: str
    line: int
    invisible: bool
    outcome: str  # "passed", "skipped" or "failed"

    def as_property(self) -> dict:
        """The form that travels in a report's user properties (to an xdist controller too)."""
        return {"page": self.page, "line": self.line, "invisible": self.invisible}

    @classmethod
    def from_property(cls, value: dict, outcome: str) -> BlockOutcome:
        return cls(value["page"], value["line"], value["invisible"], outcome)


@dataclass
class Summary:
    pages: int = 0
    executed: int = 0
    skipped: int = 0
    failed: int = 0
    invisible: int = 0
    invisible_failed: int = 0

    @property
    def visible(self) -> int:
        return self.executed + self.skipped + self.failed

    def __str__(self) -> str:
        failed_setup = f", {self.invisible_failed} failed" if self.invisible_failed else ""
        return (
            f"pages: {self.pages} page{'s' * (self.pages != 1)}, {self.visible} Python blocks: "
            f"{self.executed} executed, {self.skipped} skipped with a reason, "
            f"{self.failed} failed (+{self.invisible} invisible setup blocks{failed_setup})"
        )


def summarize(outcomes: Iterable[BlockOutcome]) -> Summary:
    """Count blocks, not reports: a block failed if any of its examples failed,
    was executed if all passed, and was skipped otherwise."""
    seen: dict[tuple[str, int, bool], set[str]] = {}
    for outcome in outcomes:
        seen.setdefault((outcome.page, outcome.line, outcome.invisible), set()).add(outcome.outcome)
    summary = Summary(pages=len({page for page, _, _ in seen}))
    for (_, _, invisible), results in seen.items():
        if invisible:
            summary.invisible += 1
            summary.invisible_failed += "failed" in results
        elif "failed" in results:
            summary.failed += 1
        elif results == {"passed"}:
            summary.executed += 1
        else:
            summary.skipped += 1
    return summary
