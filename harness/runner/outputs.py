"""``pytest --update-outputs`` (``make update-outputs``): expected output rewritten from what runs.

After a Flask upgrade, many doctest blocks show output that has changed. With
``--update-outputs`` every doctest example whose output differs records what it
really printed; at the end of the run each page is rewritten in place and a
unified diff is printed for review. A line of the old output that holds
``...`` and still matches the new line is kept as it was, so volatile parts
(addresses, times, ids) stay elided. Examples that raised an exception nobody
expected are not rewritten: that is a failure to fix, not an output to record.
"""

from __future__ import annotations

import difflib
import doctest
from dataclasses import dataclass
from pathlib import Path

from sybil.evaluators.doctest import DocTestEvaluator, DocTestRunner

from .documents import display_path


class RecordingRunner(DocTestRunner):
    """Sybil's doctest runner, keeping on the example what it really printed."""

    def report_failure(self, out, test, example, got):
        example.got = got
        return super().report_failure(out, test, example, got)


class RecordingEvaluator(DocTestEvaluator):
    def __init__(self, optionflags: int = 0) -> None:
        super().__init__(optionflags)
        self.runner = RecordingRunner(optionflags)


@dataclass(frozen=True)
class Edit:
    """Replace the expected output of one example: characters start..end of the page."""

    start: int
    end: int
    text: str


def _merged(old: str, new: str) -> str:
    """``new``, with each part that ``old`` elided with ``...`` elided again.

    The old line is read as tokens (``...`` is one, any other character is
    one), aligned with the new line's characters; where a changed stretch held
    ``...``, it stays ``...``, and everything else is the new text.
    """
    tokens = []
    rest = old
    while rest:
        if rest.startswith("..."):
            tokens.append("...")
            rest = rest[3:]
        else:
            tokens.append(rest[0])
            rest = rest[1:]
    merged = []
    matcher = difflib.SequenceMatcher(None, tokens, list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            merged.append(new[j1:j2])
        elif "..." in tokens[i1:i2]:
            merged.append("...")
        else:
            merged.append(new[j1:j2])
    return "".join(merged)


def _kept(old: list[str], new: list[str]) -> list[str]:
    """The new lines, keeping the elisions (``...``) of the old line at the same place."""
    checker = doctest.OutputChecker()
    kept = []
    for i, line in enumerate(new):
        if i < len(old) and "..." in old[i]:
            merged = _merged(old[i], line)
            if checker.check_output(merged + "\n", line + "\n", doctest.ELLIPSIS):
                line = merged
        kept.append(line)
    return kept


def edit_for(text: str, start: int, example: doctest.Example) -> Edit | None:
    """The edit that makes the expected output of the example at ``start`` what it printed,
    if it printed something else.

    Only the start of a Sybil doctest region is exact (its end leaves out an
    offset), so the output's place is found from there: the example's source
    lines, then as many lines as its expected output has.
    """
    got = getattr(example, "got", None)
    if got is None:
        return None
    lines = text[start:].splitlines(keepends=True)
    source_lines = example.source.count("\n") or 1
    want_lines = example.want.count("\n")
    want_start = start + sum(len(line) for line in lines[:source_lines])
    want_end = want_start + sum(
        len(line) for line in lines[source_lines : source_lines + want_lines]
    )
    indent = " " * example.indent
    old = example.want.splitlines()
    new = _kept(old, got.splitlines())
    replacement = "".join(f"{indent}{line}\n" if line else "\n" for line in new)
    return Edit(want_start, want_end, replacement)


def apply(path: Path, edits: list[Edit], root: Path) -> str:
    """Rewrite a page with its edits; the unified diff of the change."""
    before = path.read_text(encoding="utf-8")
    after = before
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        after = after[: edit.start] + edit.text + after[edit.end :]
    path.write_text(after, encoding="utf-8")
    name = display_path(path, root)
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"{name} (before)",
            tofile=f"{name} (updated)",
        )
    )
