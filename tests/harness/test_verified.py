"""The site's "Verified with" lines: the results they show are this checkout's own.

``docs/_data/verified.json`` is written by ``make test-matrix``. These checks keep
it honest between runs: every page and example the suite has is in every
combination's results, and the newest combination names the versions installed
now (so a pin that changes without a new run fails here). CI goes further and
runs the newest and the minimums again (``harness.matrix --check``).
"""

import json

import pytest

from harness import DOCS, EXAMPLES, ROOT
from harness.matrix import COMBINATIONS, RESULTS
from harness.runner.parsers import collected_blocks, make_sybil, page_files
from harness.runner.verified import stack_versions

COMMITTED = json.loads(RESULTS.read_text(encoding="utf-8"))["combinations"]
SYBILS = make_sybil(DOCS)


def test_every_combination_has_a_result():
    assert [c["combination"] for c in COMMITTED] == [c.name for c in COMBINATIONS]


def test_the_newest_result_names_the_versions_installed_now():
    (newest,) = [c for c in COMMITTED if c["combination"] == "newest"]
    assert newest["versions"] == stack_versions(), "run make test-matrix after changing a pin"


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
