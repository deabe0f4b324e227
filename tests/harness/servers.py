"""Run a real server command the way a reader would, for a bounded time.

``serve()`` starts a command (``flask --app hello run``, a production WSGI
server) on a free loopback port, waits until it answers HTTP, yields its base
URL, and always stops it and everything it started, even when the test fails.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TextIO

HOST = "127.0.0.1"
BIN = Path(sys.executable).parent  # the virtual environment's scripts: flask, gunicorn, ...


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5.0) -> tuple[int, dict[str, str], bytes]:
    """GET a URL over real HTTP: status, headers and body, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


class ServerError(RuntimeError):
    """The server did not come up; the message carries its log."""


@contextmanager
def serve(
    command: Sequence[str],
    *,
    port: int,
    cwd: Path,
    env: dict[str, str] | None = None,
    ready_path: str = "/",
    timeout: float = 30.0,
    log: TextIO | None = None,
) -> Iterator[str]:
    """Run ``command`` (which must listen on ``port``) until the block ends.

    The server's output goes to ``log`` if given (a file the caller reads
    afterwards), else to a temporary file shown if the server fails to start.
    """
    base = f"http://{HOST}:{port}"
    with nullcontext(log) if log is not None else tempfile.TemporaryFile(mode="w+") as log:
        # Logs go to a file: a pipe nobody reads blocks a chatty server.
        process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the reloader's child stops too
        )
        try:
            _wait_until_ready(process, base + ready_path, timeout, log)
            yield base
        finally:
            stop_process(process)


def _log_text(log) -> str:
    log.flush()
    log.seek(0)
    return log.read()


def _wait_until_ready(process: subprocess.Popen, url: str, timeout: float, log) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(
                f"exited with {process.returncode} before answering:\n{_log_text(log)}"
            )
        try:
            fetch(url, timeout=1.0)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    raise ServerError(f"no answer at {url} within {timeout} s:\n{_log_text(log)}")


def stop_process(process: subprocess.Popen) -> None:
    """Stop a process started with start_new_session=True, and its whole group: TERM, then KILL."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
