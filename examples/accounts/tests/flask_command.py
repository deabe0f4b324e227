"""The app served by the command a reader types: ``flask --app accounts run``."""

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from accounts_testing import free_port

#: The flask command of the environment the tests run in.
FLASK = Path(sys.executable).parent / "flask"


def fetch(url: str, data: bytes | None = None, headers: dict | None = None):
    """A request over real HTTP (POST when there is data): status, headers, body."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def get(url: str) -> tuple[int, bytes]:
    """GET over real HTTP: the status and the body, errors included."""
    status, _, body = fetch(url)
    return status, body


@dataclass
class Served:
    """A running ``flask run``: its URL, and what it printed so far."""

    url: str
    _log: IO[str]

    def output(self) -> str:
        self._log.seek(0)
        return self._log.read()


@contextmanager
def flask_run(*options: str, cwd: Path, env: dict, ready_path: str = "/", timeout: float = 30):
    """``flask --app accounts run OPTIONS --port N`` in ``cwd``: yields it, always stops it."""
    port = free_port()
    command = [FLASK, "--app", "accounts", "run", *options, "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile("w+") as log:
        # A session of its own: with --debug the reloader runs the app in a child
        # process, which must stop with it.
        server = subprocess.Popen(
            command,
            cwd=cwd,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    get(url + ready_path)
                    break
                except (urllib.error.URLError, ConnectionError):
                    log.seek(0)
                    assert server.poll() is None, f"flask run exited:\n{log.read()}"
                    assert time.monotonic() < deadline, f"no answer at {url}:\n{log.read()}"
                    time.sleep(0.05)
            yield Served(url, log)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
