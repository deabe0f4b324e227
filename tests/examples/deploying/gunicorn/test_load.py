"""examples/deploying/gunicorn/load.py: the shape of its table, from a tiny load."""

import os
import re
import subprocess
import sys
import time
import urllib.error

import pytest

from harness.services.commands import BIN


def test_a_tiny_run_prints_a_line_per_view_and_setting(example, serve, tmp_path):
    # The reader's own gunicorn runs meanwhile, with the default control socket of a home
    # of its own. Its socket must outlive load.py's gunicorns: without --no-control-socket
    # each of them would take the path over, and delete it when stopped.
    home = {"HOME": str(tmp_path), "XDG_RUNTIME_DIR": ""}
    serve(
        [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "timing:app"], cwd=example.folder, env=home
    )
    control = tmp_path / ".gunicorn" / "gunicorn.ctl"
    deadline = time.monotonic() + 10  # the master opens it after its workers have started
    while not control.is_socket():
        assert time.monotonic() < deadline, "no control socket"
        time.sleep(0.05)
    run = subprocess.run(  # noqa: S603 - the page's command
        [sys.executable, "load.py", "--requests", "6", "--concurrency", "2"],
        cwd=example.folder,
        env={**os.environ, **home},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    reach = [BIN / "gunicornc", "--socket", control, "--command", "show stats", "--json"]
    reached = subprocess.run(reach, capture_output=True, text=True, timeout=30, check=False)  # noqa: S603
    assert reached.returncode == 0, reached.stderr  # the reader's gunicorn, still reachable
    header, *lines = run.stdout.splitlines()
    assert header.split() == ["view", "worker", "workers", "threads", "requests/s"]
    settings = [(cls, str(w), str(t)) for cls, w, t in example.module.SETTINGS]
    assert [tuple(line.split()[1:4]) for line in lines] == [s for s in settings for _ in (1, 2)]
    assert [line.split()[0] for line in lines] == ["cpu", "io"] * len(settings)
    assert all(re.fullmatch(r"\d+\.\d", line.split()[4]) for line in lines)


def test_the_settings_compare_worker_counts_and_classes(example):
    settings = example.module.SETTINGS
    assert {workers for _, workers, _ in settings} == {1, 2, 4}
    assert {cls for cls, _, _ in settings} == {"sync", "gthread"}


def test_an_error_status_stops_the_run_instead_of_counting(example, serve):
    url = serve([BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "timing:app"], cwd=example.folder)
    assert example.module.requests_per_second(url + "/io", 4, 2) > 0
    with pytest.raises(urllib.error.HTTPError, match="404"):
        example.module.requests_per_second(url + "/missing", 4, 2)
