"""Every Python block a reader sees on a page is executed, or skipped with a reason.

The independent audit (harness/audit) scans the pages without the runner's
parsers; the blocks it finds are held against what the runner collects.
"""

from pathlib import Path

import pytest

from harness import DOCS, ROOT
from harness.audit import scan, unexecuted
from harness.runner.parsers import collected_blocks, make_sybil, page_files

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
