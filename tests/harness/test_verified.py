"""The site's "Verified with" lines: the results they show are this checkout's own.

``docs/_data/verified.json`` is written by ``make test-matrix``. These checks keep
it honest between runs: every page and example the suite has is in every
combination's results, and one combination names the versions installed
now (so a pin that changes without a new run fails here). CI goes further and
runs the newest and the minimums again (``harness.matrix --check``).
"""

import json

import pytest

from harness import DOCS, EXAMPLES, ROOT
from harness.matrix import COMBINATIONS, RESULTS, differences
from harness.runner.parsers import collected_blocks, make_sybil, page_files
from harness.runner.verified import stack_versions

COMMITTED = json.loads(RESULTS.read_text(encoding="utf-8"))["combinations"]
SYBILS = make_sybil(DOCS)


def test_every_combination_has_a_result():
    assert [c["combination"] for c in COMMITTED] == [c.name for c in COMBINATIONS]


def test_a_result_names_the_versions_installed_now():
    # In .venv, the newest; in a matrix environment, its own combination.
    installed = stack_versions()
    assert installed in [c["versions"] for c in COMMITTED], (
        f"no result for {installed}: run make test-matrix after changing a pin"
    )


@pytest.mark.parametrize("combination", COMMITTED, ids=[c["combination"] for c in COMMITTED])
def test_every_page_with_code_and_every_example_is_in_each_result(combination):
    pages = {
        path.relative_to(ROOT).as_posix()
        for path in page_files(DOCS)
        if collected_blocks(SYBILS, path)
    }
    assert pages - set(combination["pages"]) == set(), "run make test-matrix after adding a page"
    apps = {p.parent.relative_to(ROOT).as_posix() for p in EXAMPLES.glob("*/pyproject.toml")}
    assert apps <= set(combination["examples"])


def test_the_check_fails_on_a_failed_test_that_is_no_page(tmp_path):
    committed = tmp_path / "verified.json"
    result = {"combination": "newest", "passed": True, "versions": {}, "pages": {}, "examples": {}}
    committed.write_text(json.dumps({"combinations": [result]}), encoding="utf-8")
    assert differences([result], committed) == []
    # The same pages and examples, but a test of tests/harness/ failed in this run.
    assert differences([{**result, "passed": False}], committed) == [
        "newest: the suite passed committed, not now"
    ]
