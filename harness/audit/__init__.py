"""The independent audit: every block a reader sees as Python, found without the runner.

It imports nothing from :mod:`harness.runner`, so a mistake in the runner's
parsers cannot hide from it. ``tests/test_pages.py`` holds its findings against
what the runner collects: :func:`unexecuted` lists the difference.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..blocks import Block
from .scanner import scan

__all__ = ["scan", "unexecuted"]


def unexecuted(found: Iterable[Block], executed_lines: Iterable[int]) -> list[Block]:
    """The blocks in ``found`` that no executed line falls in, and that no skip with a
    written reason covers: blocks a reader sees and nobody runs."""
    lines = sorted(set(executed_lines))
    return [
        block
        for block in found
        if not any(block.line <= line <= block.end for line in lines) and not block.skip_reason
    ]
