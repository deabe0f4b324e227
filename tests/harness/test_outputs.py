"""``--update-outputs`` (harness/runner/outputs.py), on a page whose outputs went stale."""

import shutil
import subprocess
import sys
import textwrap

import pytest

from harness import ROOT

STALE = textwrap.dedent(
    """
    # Stale

    ```pycon
    >>> from markupsafe import escape
    >>> str(escape("<b>"))
    '<b>'
    >>> class Thing: pass
    >>> [Thing(), "fresh"]
    [<...Thing object at 0x...>, 'stale']
    >>> print("one\\ntwo")
    one
    >>> 1 + 1
    2
    >>> raise ValueError("not an output to record")
    ```
    """
).lstrip()

UPDATED = textwrap.dedent(
    """
    # Stale

    ```pycon
    >>> from markupsafe import escape
    >>> str(escape("<b>"))
    '&lt;b&gt;'
    >>> class Thing: pass
    >>> [Thing(), "fresh"]
    [<...Thing object at 0x...>, 'fresh']
    >>> print("one\\ntwo")
    one
    two
    >>> 1 + 1
    2
    >>> raise ValueError("not an output to record")
    ```
    """
).lstrip()


def pytest_run(project, *options):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *options, "docs"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def project(tmp_path):
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "stale.md").write_text(STALE, encoding="utf-8")
    return tmp_path


def test_stale_outputs_are_rewritten_with_a_diff_and_elisions_kept(project):
    done = pytest_run(project, "--update-outputs")
    assert done.returncode == 1  # the run that found them still fails
    assert (project / "docs" / "stale.md").read_text(encoding="utf-8") == UPDATED
    assert "--- docs/stale.md (before)" in done.stdout
    assert "-'<b>'" in done.stdout
    assert "+'&lt;b&gt;'" in done.stdout
    assert "--update-outputs: 1 page(s) rewritten" in done.stdout
    # Only the exception is left to fix, and a run without the option rewrites nothing.
    again = pytest_run(project)
    assert (project / "docs" / "stale.md").read_text(encoding="utf-8") == UPDATED
    assert "6 passed" in again.stdout, again.stdout
    assert "1 failed" in again.stdout
    assert "ValueError: not an output to record" in again.stdout
