"""``pytest --verified-report=FILE``: which pages and examples passed, with which versions.

The run records, for every page and every example, whether all its tests
passed, and the versions of Flask and its stack it ran with. ``make
test-matrix`` (:mod:`harness.matrix`) runs the suite once per combination of
versions and gathers these files; the site shows each page's own result
(:mod:`harness.sphinxext.verified`).

A test belongs to the page it runs (``docs/...``) or to the example it tests:
``tests/examples/<slug>/...`` and ``examples/<slug>/...`` to ``examples/<slug>``,
an installable app's ``examples/bigapp/tests/...`` to ``examples/bigapp``.
Tests of the guide itself (``tests/harness``, ``tests/test_*.py``) belong to
neither and are counted apart.
"""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

#: The packages whose versions a result names: Flask, its stack, and Python.
STACK = ("Flask", "Werkzeug", "Jinja2", "MarkupSafe", "itsdangerous", "click", "blinker")


def stack_versions() -> dict[str, str]:
    found = {}
    for name in STACK:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "missing"
    return found | {"Python": platform.python_version()}


def owner(nodeid: str, root: Path) -> str | None:
    """The page or example a test belongs to, or None for the guide's own tests.

    An example is an installable app (a folder of examples/ with a
    pyproject.toml), or the example folder of a page: the deepest folder that
    holds the test's subject and has a page of its own (the layout rule's slug).
    """
    path = nodeid.split("::", 1)[0]
    if path.startswith("docs/"):
        return path
    if path.startswith("tests/examples/"):
        path = path.removeprefix("tests/")
    if not path.startswith("examples/"):
        return None
    parts = Path(path).parts
    if len(parts) > 2 and (root / parts[0] / parts[1] / "pyproject.toml").is_file():
        return f"{parts[0]}/{parts[1]}"
    for length in range(len(parts) - 1, 1, -1):
        slug = "/".join(parts[1:length]).replace("_", "-")
        if (root / "docs" / f"{slug}.md").is_file():
            return "/".join(parts[:length])
    return None


class Recorder:
    """Gathers outcomes by page and example while the run reports them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.counts: dict[str, dict[str, int]] = {}
        self.guide = {"passed": 0, "failed": 0, "skipped": 0}

    def add(self, nodeid: str, outcome: str, when: str) -> None:
        if when != "call" and outcome == "passed":
            return  # a setup or teardown that went well says nothing
        counts = self.counts.setdefault(
            owner(nodeid, self.root) or "", dict.fromkeys(self.guide, 0)
        )
        counts[outcome] += 1

    @staticmethod
    def status(counts: dict[str, int]) -> str:
        if counts["failed"]:
            return "failed"
        return "passed" if counts["passed"] else "skipped"

    def write(self, path: Path, combination: str) -> None:
        found = {k: self.status(v) for k, v in sorted(self.counts.items()) if k}
        result = {
            "combination": combination,
            "date": datetime.now(UTC).date().isoformat(),
            "versions": stack_versions(),
            "pages": {k: v for k, v in found.items() if k.startswith("docs/")},
            "examples": {k: v for k, v in found.items() if k.startswith("examples/")},
            "guide_tests": self.counts.get("", dict.fromkeys(self.guide, 0)),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


class Plugin:
    """Registered by the runner with --verified-report: records every report, writes at the end."""

    def __init__(self, recorder: Recorder, path: Path, combination: str) -> None:
        self.recorder, self.path, self.combination = recorder, path, combination

    def pytest_runtest_logreport(self, report) -> None:
        self.recorder.add(report.nodeid, report.outcome, report.when)

    def pytest_sessionfinish(self, session) -> None:
        self.recorder.write(self.path, self.combination)
