"""examples/patterns/async_views/timing.py, against the dashboard under a real gunicorn.

Across requests, order of events only: the responses' server-side start and end.
One sync worker serves the async view's requests one after the other; a second
thread makes them overlap. Durations are printed by the script, never asserted.
"""

import re
import subprocess

import pytest

from harness.services.commands import BIN, free_port, serve

LINE = re.compile(
    r"(?P<path>/in-turn|/together) +(?:one request: +\d+\.\d\d s"
    r"|two at once: +\d+\.\d\d s, overlapped: (?P<overlapped>True|False))"
)


@pytest.fixture
def gunicorn(example):
    """Start `gunicorn --workers 1 [extra] --bind ... dashboard:app`, as the page does."""

    def start(*extra):
        port = free_port()
        command = [BIN / "gunicorn", "--workers", "1", *extra,
                   "--bind", f"127.0.0.1:{port}", "dashboard:app"]  # fmt: skip
        return serve(command, port=port, cwd=example.folder)

    return start


def run_timing(folder, url):
    """`python timing.py URL`, the command the page shows; its lines, checked for shape."""
    result = subprocess.run([BIN / "python", "timing.py", url], cwd=folder,
                            capture_output=True, text=True, timeout=60, check=True)  # fmt: skip
    lines = result.stdout.splitlines()
    matches = [LINE.fullmatch(line) for line in lines]
    assert all(matches), lines
    assert [m["path"] for m in matches] == ["/in-turn"] * 2 + ["/together"] * 2
    return [m["overlapped"] for m in matches if m["overlapped"]]


def test_one_sync_worker_serves_async_requests_one_after_the_other(example, gunicorn):
    at_once, overlapped = example.module.at_once, example.module.overlapped

    with gunicorn() as url:
        bodies, _ = at_once(url + "/together", 3)
        first, second, third = sorted(bodies, key=lambda body: body["started"])
        assert second["started"] >= first["finished"]
        assert third["started"] >= second["finished"]
        assert not overlapped(bodies)
        assert run_timing(example.folder, url) == ["False", "False"]


def test_two_threads_make_requests_overlap(example, gunicorn):
    at_once, overlapped = example.module.at_once, example.module.overlapped

    with gunicorn("--threads", "2") as url:
        bodies, _ = at_once(url + "/together", 2)
        assert overlapped(bodies)
        assert run_timing(example.folder, url) == ["True", "True"]


def test_overlapped_reads_the_servers_start_and_end(example):
    overlapped = example.module.overlapped

    one_after_the_other = [{"started": 0, "finished": 1}, {"started": 1, "finished": 2}]
    assert not overlapped(one_after_the_other)
    assert overlapped([{"started": 0, "finished": 1}, {"started": 0.5, "finished": 1.5}])


def test_a_url_that_is_not_http_is_refused(example):
    command = [BIN / "python", "timing.py", "file:///etc/passwd"]
    result = subprocess.run(command, cwd=example.folder, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == "not an http(s) URL: file:///etc/passwd\n"
