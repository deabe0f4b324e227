"""Build a small site with the guide's own conf.py, for the tests of the build rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .. import ROOT


def build_site(docs: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    """Run sphinx-build on ``docs`` with the guide's conf.py; the result carries stderr.

    ``-N`` keeps the warnings free of colour codes, which Sphinx turns on when
    it sees CI=true. The doctrees go beside ``out``, so a second call builds
    incrementally.
    """
    command = [sys.executable, "-m", "sphinx", "-q", "-N", "--keep-going", *options]
    return subprocess.run(
        [*command, "-c", str(ROOT), "-d", str(out.parent / "doctrees"), str(docs), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def warnings_of(build: subprocess.CompletedProcess, about: str = "") -> list[str]:
    """The warnings of a build; only those whose line mentions ``about`` if given."""
    return [line for line in build.stderr.splitlines() if "WARNING" in line and about in line]
