"""``make test-matrix``: the whole suite once per supported combination of versions.

Each combination is a virtual environment of its own (``.venv-matrix/<name>``,
made once and kept while its requirements stay the same): the pins of
requirements.txt, with Flask's stack replaced by the combination's versions.
The example apps are installed without their dependencies, so an app that
needs a newer Flask than the combination's is tested anyway, and fails where
it really does. ``newest`` is the guide's own .venv.

Each run writes ``_build/matrix/<name>.json`` (:mod:`harness.runner.verified`);
the results are gathered into ``docs/_data/verified.json``, which is committed
and which the site shows: a "Verified with" line on every page and a table on
the versions page. ::

    python -m harness.matrix                 # every combination
    python -m harness.matrix minimums        # only these (the others keep their result)
    python -m harness.matrix minimums --check --reuse newest

``--check`` (what CI runs) writes nothing: it fails if a result differs from
the committed one, so the site never claims what the last run did not show.
``--reuse newest`` takes ``_build/matrix/newest.json`` from a ``make test`` run
with ``--verified-report`` instead of running the suite again.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import ROOT

RESULTS = ROOT / "docs" / "_data" / "verified.json"
VENVS = ROOT / ".venv-matrix"
OUTPUT = ROOT / "_build" / "matrix"


@dataclass(frozen=True)
class Combination:
    name: str
    description: str
    pins: dict[str, str] = field(default_factory=dict)  # package -> version, over requirements.txt


#: Why this range: Flask 3.1 is the released line the pages teach, checked at its
#: newest patch with the newest dependencies, and at 3.1.0 with the oldest
#: dependencies it declares (Requires-Dist of flask 3.1.0 and werkzeug 3.1.0);
#: 3.0 is the line before, still common in installed apps. Flask 2.x is out of
#: support upstream, and 3.2 is not released.
COMBINATIONS = [
    Combination("newest", "Flask 3.1 and its dependencies at the guide's pins"),
    Combination(
        "minimums",
        "Flask 3.1.0 with the oldest dependencies it declares",
        {
            "Flask": "3.1.0",
            "Werkzeug": "3.1.0",
            "Jinja2": "3.1.2",
            "MarkupSafe": "2.1.1",
            "itsdangerous": "2.2.0",
            "click": "8.1.3",
            "blinker": "1.9.0",
        },
    ),
    Combination(
        "flask-3.0", "Flask 3.0.3 with Werkzeug 3.0.6", {"Flask": "3.0.3", "Werkzeug": "3.0.6"}
    ),
]

EDITABLE = re.compile(r"^-e\s+(?P<path>\S+)")


def requirements_for(combination: Combination) -> tuple[list[str], list[str]]:
    """(pinned requirements, editable paths) of a combination's environment."""
    pins, editables = [], []
    overridden = {name.lower() for name in combination.pins}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        editable = EDITABLE.match(line)
        if editable:
            editables.append(editable["path"])
            continue
        name = re.split(r"[=<>\[ ]", line, maxsplit=1)[0].lower()
        if name not in overridden:
            pins.append(line)
    pins += [f"{name}=={version}" for name, version in combination.pins.items()]
    return pins, editables


def environment(combination: Combination) -> Path:
    """The Python of the combination's virtual environment, made if it is missing or stale."""
    if not combination.pins:
        return ROOT / ".venv" / "bin" / "python"
    pins, editables = requirements_for(combination)
    venv = VENVS / combination.name
    python = venv / "bin" / "python"
    stamp = venv / ".requirements"
    wanted = "\n".join([*pins, *editables]) + "\n"
    if stamp.is_file() and stamp.read_text() == wanted and python.is_file():
        return python
    subprocess.run([sys.executable, "-m", "venv", "--clear", venv], check=True)
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    requirements = venv / "requirements.txt"
    requirements.write_text("\n".join(pins) + "\n", encoding="utf-8")
    subprocess.run([*pip, "-r", requirements], check=True)
    for path in editables:  # without their dependencies: an app's own floor may be above
        subprocess.run([*pip, "--no-deps", "-e", ROOT / path], check=True)
    stamp.write_text(wanted, encoding="utf-8")
    # The Makefile's own stamp: a make run inside a scratch copy linked to this
    # environment (the site build's tests) takes it as ready, not to be rebuilt.
    (venv / ".requirements-installed").touch()
    return python


def run(combination: Combination, workers: str = "auto") -> dict:
    """What ``make test`` runs, in the combination's environment; its result."""
    python = environment(combination)
    report = OUTPUT / f"{combination.name}.json"
    report.unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run(
        [
            python,
            "-m",
            "pytest",
            "-c",
            "pyproject.toml",
            "-q",
            "-p",
            "no:cacheprovider",
            "-n",
            workers,
            "--dist",
            "loadfile",
            "--ignore=tests/site",  # the built site's tests, not Flask's: make site
            # It checks the committed results, which this run is about to rewrite: with a
            # new page it would fail until the second run. make test (and CI) runs it.
            "--ignore=tests/harness/test_verified.py",
            f"--verified-report={report}",
            f"--verified-combination={combination.name}",
        ],  # fmt: skip
        cwd=ROOT,
        env={**os.environ, "VIRTUAL_ENV": str(python.parent.parent)},
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    (OUTPUT / f"{combination.name}.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    if not report.is_file():
        raise RuntimeError(f"{combination.name}: no result written:\n{done.stdout}\n{done.stderr}")
    result = json.loads(report.read_text(encoding="utf-8"))
    result["description"] = combination.description
    result["passed"] = done.returncode == 0
    result["summary"] = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    result["seconds"] = round(seconds)
    return result


def reused(combination: Combination) -> dict:
    """The result a run of the suite already wrote for this combination."""
    report = OUTPUT / f"{combination.name}.json"
    if not report.is_file():
        raise SystemExit(f"--reuse {combination.name}: no {report.relative_to(ROOT)}")
    result = json.loads(report.read_text(encoding="utf-8"))
    result["description"] = combination.description
    failed = [v for v in {**result["pages"], **result["examples"]}.values() if v == "failed"]
    result["passed"] = not failed and not result["guide_tests"]["failed"]
    result["summary"], result["seconds"] = "reused", 0
    return result


#: What must agree between a run and the committed result (dates and times may not),
#: besides whether the whole suite passed: a failed test that is no page's or example's
#: (tests/harness/, say) fails the check too.
COMPARED = ("versions", "pages", "examples")


def differences(results: list[dict], path: Path = RESULTS) -> list[str]:
    """What the committed file says that these results do not."""
    known = json.loads(path.read_text(encoding="utf-8"))["combinations"] if path.is_file() else []
    by_name = {r["combination"]: r for r in known}
    found = []
    for result in results:
        committed = by_name.get(result["combination"])
        if committed is None:
            found.append(f"{result['combination']}: not in {path.relative_to(ROOT)}")
            continue
        if result["passed"] != committed.get("passed"):
            said = "passed" if committed.get("passed") else "failed"
            found.append(f"{result['combination']}: the suite {said} committed, not now")
        for key in COMPARED:
            for name in sorted(set(result[key]) | set(committed[key])):
                now, then = result[key].get(name), committed[key].get(name)
                if now != then:
                    found.append(
                        f"{result['combination']}: {key} {name}: {then} committed, {now} now"
                    )
    return found


def gather(results: list[dict], path: Path = RESULTS) -> None:
    """Put new results into the committed file, keeping the other combinations'."""
    order = [c.name for c in COMBINATIONS]
    known = json.loads(path.read_text(encoding="utf-8"))["combinations"] if path.is_file() else []
    by_name = {r["combination"]: r for r in known if r["combination"] in order}
    by_name.update({r["combination"]: r for r in results})
    combined = [by_name[name] for name in order if name in by_name]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"combinations": combined}, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="combinations to run (all if none)")
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed results; write nothing"
    )
    parser.add_argument(
        "--reuse", action="append", default=[], metavar="NAME",
        help="take this combination's result from _build/matrix/ instead of running it",
    )  # fmt: skip
    options = parser.parse_args(argv)
    names = [*options.names, *options.reuse]
    unknown = set(names) - {c.name for c in COMBINATIONS}
    if unknown:
        parser.error(f"no combination {', '.join(sorted(unknown))}")
    chosen = [c for c in COMBINATIONS if not names or c.name in names]
    results = []
    for combination in chosen:
        print(f"::: {combination.name}: {combination.description}", flush=True)
        result = reused(combination) if combination.name in options.reuse else run(combination)
        failed = [k for k, v in {**result["pages"], **result["examples"]}.items() if v == "failed"]
        print(f"    {result['summary']} ({result['seconds']} s)")
        for name in failed:
            print(f"    failed: {name}")
        if failed and result["summary"] != "reused":
            print(
                f"    the run's output: {(OUTPUT / (combination.name + '.log')).relative_to(ROOT)}"
            )
        results.append(result)
    if options.check:
        found = differences(results)
        for line in found:
            print(f"    differs: {line}")
        if found:
            print("the committed results are out of date: run make test-matrix and commit them")
            return 1
        print(f"the committed results ({RESULTS.relative_to(ROOT)}) are those of this run")
        return 0
    gather(results)
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0 if all(r["passed"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
