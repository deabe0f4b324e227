"""examples/quickstart/hello.py: the minimal app, and every command the page runs it with."""

import contextlib
import re
import time
import urllib.error

import pytest
from flask import url_for

from harness.services.commands import BIN, fetch


@pytest.fixture
def folder(example):
    return example.folder


def test_the_index_says_hello(app):
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.text == "<p>Hello from Flask!</p>"
    assert response.mimetype == "text/html"


def test_the_static_file_is_served_byte_for_byte(app, folder):
    with app.test_request_context():
        assert url_for("static", filename="style.css") == "/static/style.css"
    response = app.test_client().get("/static/style.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    assert response.data == (folder / "static" / "style.css").read_bytes()
    response.close()


@pytest.mark.parametrize("debug", [[], ["--debug"]], ids=["run", "run --debug"])
def test_flask_run_serves_it(folder, serve, debug):
    """`flask --app hello run` and `flask --app hello run --debug`, on a loopback port."""
    url = serve([BIN / "flask", "--app", "hello", "run", *debug, "--port", "{port}"], cwd=folder)
    status, headers, body = fetch(url + "/")
    assert (status, body) == (200, b"<p>Hello from Flask!</p>")
    assert headers["Server"].startswith("Werkzeug/")


def test_debug_mode_restarts_the_server_when_the_file_changes(folder, serve, tmp_path):
    """The page: with --debug, the server restarts by itself when you save a file."""
    module = tmp_path / "hello.py"
    module.write_text((folder / "hello.py").read_text())
    url = serve([BIN / "flask", "--app", "hello", "run", "--debug", "--port", "{port}"],
                cwd=tmp_path)  # fmt: skip
    assert fetch(url + "/")[2] == b"<p>Hello from Flask!</p>"
    module.write_text(module.read_text().replace("Hello from Flask!", "Hello again!"))
    body, deadline = b"", time.monotonic() + 15
    while body != b"<p>Hello again!</p>" and time.monotonic() < deadline:
        time.sleep(0.2)
        # The server may be between two processes for a moment.
        with contextlib.suppress(urllib.error.URLError):
            body = fetch(url + "/")[2]
    assert body == b"<p>Hello again!</p>"


def test_gunicorn_serves_it(folder, serve, tmp_path):
    """The production command of the page: `gunicorn -w 2 -b 127.0.0.1:PORT hello:app`."""
    command = [BIN / "gunicorn", "-w", "2", "-b", "127.0.0.1:{port}", "hello:app"]
    with tmp_path.joinpath("gunicorn.log").open("w+") as log:
        url = serve(command, cwd=folder, log=log)
        status, headers, body = fetch(url + "/")
        missing = fetch(url + "/nowhere")[0]
        workers = booted_workers(log, expected=2)
    assert (status, body) == (200, b"<p>Hello from Flask!</p>")
    assert headers["Server"] == "gunicorn"
    assert missing == 404
    assert len(workers) == 2  # -w 2: two worker processes, as the page says


def booted_workers(log, expected, timeout=15.0):
    """The pids gunicorn reports booting, waiting (bounded) until ``expected`` have booted."""
    deadline = time.monotonic() + timeout
    while True:
        log.seek(0)
        pids = set(re.findall(r"Booting worker with pid: (\d+)", log.read()))
        if len(pids) >= expected or time.monotonic() > deadline:
            return pids
        time.sleep(0.05)
