"""The app served for real: ``flask --app accounts run`` as a reader types it, and
gunicorn with several worker processes for the attacks that need parallel requests.

Every server binds 127.0.0.1 on a free port, writes its output to a file (a pipe
nobody reads would block it), and is stopped with everything it started.
"""

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

#: The scripts of the environment the tests run in (flask, gunicorn).
BIN = Path(sys.executable).parent
FLASK = BIN / "flask"
GUNICORN = BIN / "gunicorn"


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, timeout: float = 10):
    """A request over real HTTP (POST when there is data): status, headers, body."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
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
    """A running server: its URL, and what it printed so far."""

    url: str
    _log: IO[str]

    def output(self) -> str:
        self._log.seek(0)
        return self._log.read()


@contextmanager
def serve(command: list, *, cwd: Path, env: dict, port: int, ready_path: str, timeout: float):
    """Run ``command`` until the block ends; ready when ``ready_path`` answers."""
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile("w+") as log:
        # A session of its own: the reloader's child process, or gunicorn's
        # workers, stop with it.
        server = subprocess.Popen(
            [str(part) for part in command],
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
                    assert server.poll() is None, f"{command[0]} exited:\n{log.read()}"
                    assert time.monotonic() < deadline, f"no answer at {url}:\n{log.read()}"
                    time.sleep(0.05)
            yield Served(url, log)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)


def flask_run(*options: str, cwd: Path, env: dict, ready_path: str = "/", timeout: float = 30):
    """``flask --app accounts run OPTIONS --port N`` in ``cwd``. ``{port}`` in a value of
    ``env`` becomes N, so ``FLASK_PUBLIC_URL`` can name the server's own address."""
    port = free_port()
    command = [FLASK, "--app", "accounts", "run", *options, "--port", str(port)]
    env = {name: value.replace("{port}", str(port)) for name, value in env.items()}
    return serve(command, cwd=cwd, env=env, port=port, ready_path=ready_path, timeout=timeout)


def gunicorn(*options: str, port: int, cwd: Path, env: dict, workers: int = 4, timeout: float = 30):
    """``gunicorn --workers N 'accounts:create_app()'`` on 127.0.0.1:port."""
    command = [
        GUNICORN,
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        *options,
        "accounts:create_app()",
    ]
    return serve(command, cwd=cwd, env=env, port=port, ready_path="/login", timeout=timeout)
