"""bigapp behind gunicorn with two worker processes, hit by a burst of concurrent requests."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

REQUESTS = 100  # every fifth one reads, the others each add a book
BIN = Path(sys.executable).parent  # flask and gunicorn, beside the Python running the tests


def send(url, body=None):
    """One request (a POST of ``body`` as JSON, or a GET): its status and JSON answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, None


@contextmanager
def gunicorn(env, log_path):
    """``gunicorn --workers 2 'bigapp:create_app()'`` on a free loopback port; yields its URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [BIN / "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
               "bigapp:create_app()"]  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:  # a file: a pipe nobody reads would block the workers
        server = subprocess.Popen(command, env={**os.environ, **env}, stdout=log, stderr=log,
                                  start_new_session=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                send(url + "/api/shelves")
                break
            except OSError:
                assert server.poll() is None, Path(log_path).read_text()
                assert time.monotonic() < deadline, Path(log_path).read_text()
                time.sleep(0.05)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the arbiter and its workers
        server.wait(timeout=30)


def test_every_request_of_a_burst_succeeds_and_every_write_is_a_row(app, database_url, tmp_path,
                                                                    record_property):  # fmt: skip
    env = {"FLASK_SECRET_KEY": "only for this test", "FLASK_DATABASE_URL": database_url}
    with gunicorn(env, tmp_path / "gunicorn.log") as url:
        assert send(url + "/api/shelves", {"name": "Load"})[0] == 201
        book = {"title": "Written under load", "year": 2026, "shelf_id": 1}
        requests = [
            (url + "/api/books", book) if i % 5 else (url + "/api/shelves", None)
            for i in range(1, REQUESTS + 1)
        ]
        start = time.perf_counter()
        with ThreadPoolExecutor(50) as pool:
            statuses = [status for status, _ in pool.map(lambda r: send(*r), requests)]
        seconds = time.perf_counter() - start
        status, books = send(url + "/api/books")

    writes = REQUESTS - REQUESTS // 5
    assert Counter(statuses) == {201: writes, 200: REQUESTS // 5}
    assert (status, len(books)) == (200, writes)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM book")) == writes
    engine.dispose()
    record_property("requests_per_second", round(REQUESTS / seconds))
