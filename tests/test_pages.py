"""What a reader sees on a page is what runs, and runs as shown.

* Every Python block a reader sees is executed, or skipped with a reason: the
  independent audit (harness/audit) scans the pages without the runner's
  parsers, and the blocks it finds are held against what the runner collects.
* Visible code is complete: every name it reads is bound by visible code
  before it, never only by an invisible block, and never by the guide's engine
  (harness/audit/names.py).
"""

from pathlib import Path

import pytest

from harness import DOCS, ROOT
from harness.audit import names, scan, unexecuted
from harness.audit.names import Source
from harness.runner.parsers import BlockRegion, collected_blocks, make_sybil, page_files, parse_page

PAGES = page_files(DOCS)
SYBILS = make_sybil(DOCS)


def test_there_are_pages():
    assert DOCS / "index.md" in PAGES
    assert len(PAGES) >= 2


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_every_python_block_is_executed_or_skipped_with_a_reason(path):
    executed = [block.line for block in collected_blocks(SYBILS, path)]
    missed = unexecuted(scan(path), executed)
    if missed:
        pytest.fail(
            "blocks shown as Python that nothing executes (use a ```python fence, "
            "or a skip with a written reason):\n"
            + "\n".join(
                f"  {Path(block.path).relative_to(ROOT)}:{block.line} ({block.language}): "
                f"{block.first_line}"
                for block in missed
            ),
            pytrace=False,
        )


def visible_and_invisible_sources(path):
    """The code of each block of a page as the runner collects it, in page order."""
    document = parse_page(SYBILS, path)
    sources = []
    for _, region in document.regions:
        if isinstance(region, BlockRegion):
            parsed = region.parsed
            text = parsed if isinstance(parsed, str) else parsed.source  # a doctest.Example
            line = document.text.count("\n", 0, region.start) + 1
            sources.append(Source(line, text, region.block.invisible))
    return sources


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_visible_code_is_complete(path):
    """A reader who copies the visible blocks in order gets no NameError and no engine."""
    problems = names.check(visible_and_invisible_sources(path))
    if problems:
        where = Path(path).relative_to(ROOT)
        pytest.fail(
            "visible code that a reader cannot run as shown:\n"
            + "\n".join(f"  {where}:{p.line}: {p.message}" for p in problems),
            pytrace=False,
        )
