"""Build a small site with the guide's own conf.py, for tests of the build rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def build_site(docs: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    """Run sphinx-build on ``docs`` with the guide's conf.py; the result carries stderr.

    ``-N`` keeps the warnings free of colour codes, which Sphinx turns on when
    it sees CI=true.
    """
    command = [sys.executable, "-m", "sphinx", "-q", "-N", "-E", "--keep-going", *options]
    return subprocess.run(
        [*command, "-c", str(ROOT), str(docs), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def warnings_of(build: subprocess.CompletedProcess) -> list[str]:
    return [line for line in build.stderr.splitlines() if "WARNING" in line]
