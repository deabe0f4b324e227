"""Every Python block a reader sees on a page is executed, or skipped with a reason.

The pages are scanned by tests/harness/blocks.py, which does not use Sybil, and
the blocks it finds are compared with what the harness collects.
"""

from pathlib import Path

import pytest

from tests.harness.pages import make_sybil, page_files, unexecuted_blocks

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = page_files(DOCS)
SYBILS = make_sybil(DOCS)


def test_there_are_pages():
    assert DOCS / "index.md" in PAGES
    assert len(PAGES) >= 2


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_every_python_block_is_executed_or_skipped_with_a_reason(path):
    missed = unexecuted_blocks(SYBILS, path)
    if missed:
        pytest.fail(
            "blocks shown as Python that nothing executes (use a ```python fence, "
            "or a skip with a written reason):\n"
            + "\n".join(
                f"  {block.path.relative_to(ROOT)}:{block.line} ({block.language}): "
                f"{block.first_line}"
                for block in missed
            ),
            pytrace=False,
        )
