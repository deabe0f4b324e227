"""The blocks summary (harness/runner/reports.py): blocks counted, not reports."""

from harness.runner.reports import BlockOutcome, summarize


def outcomes(page, line, invisible, *results):
    return [BlockOutcome(page, line, invisible, result) for result in results]


def test_a_doctest_block_is_one_block_however_many_examples_it_holds():
    summary = summarize(outcomes("a.md", 3, False, "passed", "passed", "passed"))
    assert (summary.pages, summary.visible, summary.executed) == (1, 1, 1)


def test_one_failed_example_fails_its_block():
    summary = summarize(outcomes("a.md", 3, False, "passed", "failed", "passed"))
    assert (summary.executed, summary.failed) == (0, 1)


def test_a_failed_invisible_block_is_not_counted_among_the_visible_ones():
    summary = summarize(outcomes("a.md", 3, True, "failed") + outcomes("a.md", 8, False, "passed"))
    assert (summary.visible, summary.failed, summary.invisible, summary.invisible_failed) == (
        1, 0, 1, 1,
    )  # fmt: skip
    assert str(summary) == (
        "pages: 1 page, 1 Python blocks: 1 executed, 0 skipped with a reason, 0 failed "
        "(+1 invisible setup blocks, 1 failed)"
    )


def test_skipped_blocks_and_pages_are_counted_apart():
    summary = summarize(
        outcomes("a.md", 3, False, "skipped")
        + outcomes("b.md", 3, False, "passed")
        + outcomes("b.md", 9, True, "passed")
    )
    assert str(summary) == (
        "pages: 2 pages, 2 Python blocks: 1 executed, 1 skipped with a reason, 0 failed "
        "(+1 invisible setup blocks)"
    )


def test_an_outcome_travels_as_plain_data():
    outcome = BlockOutcome("a.md", 3, True, "passed")
    assert BlockOutcome.from_property(outcome.as_property(), "passed") == outcome
