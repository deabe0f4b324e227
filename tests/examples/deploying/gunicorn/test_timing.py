"""examples/deploying/gunicorn/timing.py: views that keep a worker busy, under gunicorn."""

import http.client
import json
import os
import re
import shutil
import subprocess
import threading
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from harness.services.commands import BIN, free_port, serve


@pytest.fixture
def app(example):
    example.module.app.config["SLOW_SECONDS"] = 0
    return example.module.app


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - loopback
        return json.load(response)


def test_each_view_answers(client):
    before = time.time()
    answer = client.get("/").json
    assert answer == {"release": "1", "worker": os.getpid(), "finished": answer["finished"]}
    assert before <= answer["finished"] <= time.time()
    assert client.get("/slow").json["worker"] == os.getpid()
    assert len(client.get("/cpu").json["digest"]) == 64
    assert client.get("/io").json == {"waited": 0.05}


def test_kill_hup_from_a_terminal_replaces_the_workers_with_new_code(example, tmp_path):
    """The page's `kill -HUP $(cat gunicorn.pid)`, run by a shell, on a copy of the folder."""
    folder = tmp_path / "app"
    shutil.copytree(example.folder, folder, ignore=shutil.ignore_patterns("__pycache__"))
    port = free_port()
    command = [BIN / "gunicorn", "--workers", "2", "--pid", "gunicorn.pid"]
    command += ["--bind", f"127.0.0.1:{port}", "timing:app"]
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w+") as log, serve(command, port=port, cwd=folder, log=log) as url:
        old = set(re.findall(r"Booting worker with pid: (\d+)", log_path.read_text()))
        timing_py = folder / "timing.py"
        timing_py.write_text(timing_py.read_text().replace('RELEASE = "1"', 'RELEASE = "2"'))
        subprocess.run(["sh", "-c", "kill -HUP $(cat gunicorn.pid)"], cwd=folder, check=True)  # noqa: S603, S607 - the page's line
        deadline = time.monotonic() + 30
        while (answer := get(url + "/"))["release"] != "2":
            assert time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.1)
        assert str(answer["worker"]) not in old
    assert "Hang up: Master" in log_path.read_text()


def test_sync_serves_one_request_at_a_time_and_gthread_two(example):
    """The page's order of events, for both worker classes."""
    orders = {}
    for extra in ([], ["--worker-class", "gthread", "--threads", "2"]):
        port = free_port()
        command = [BIN / "gunicorn", "--workers", "1", *extra, "--bind", f"127.0.0.1:{port}"]
        env = {"FLASK_SLOW_SECONDS": "3"}
        with serve([*command, "timing:app"], port=port, cwd=example.folder, env=env) as url:
            events = []
            # Connected and sent before / is: /slow is first in the server's queue.
            connection = http.client.HTTPConnection(urlsplit(url).netloc, timeout=60)
            connection.request("GET", "/slow")

            def slow_answer(events=events, connection=connection):
                events.append(("/slow", json.load(connection.getresponse())))
                connection.close()

            slow = threading.Thread(target=slow_answer)
            slow.start()
            events.append(("/", get(url + "/")))
            slow.join()
        # In the order the server finished them: the client's threads may note them late.
        orders[tuple(extra)] = [path for path, _ in sorted(events, key=lambda e: e[1]["finished"])]
        assert len({answer["worker"] for _, answer in events}) == 1
    assert list(orders.values()) == [["/slow", "/"], ["/", "/slow"]]
