"""Any server command on a free loopback port, run the way a reader would, for a bounded time.

``serve()`` starts a command (``flask --app hello run``, a production WSGI
server) that listens on the port it is given, waits until it answers HTTP,
yields its base URL, and always stops it and everything it started, even when
the test fails.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager, nullcontext
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


def start(command: Sequence[str | Path], log: TextIO, **kwargs) -> subprocess.Popen:
    """Start a server process in a session of its own, its output going to ``log``.

    A pipe nobody reads would block a chatty server, so the log is a file; the
    session of its own lets :func:`stop_process` stop a reloader's child too.
    """
    return subprocess.Popen(
        [str(part) for part in command],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        **kwargs,
    )


def stop_process(process: subprocess.Popen) -> None:
    """Stop a process started by :func:`start`, and its whole group: TERM, then KILL."""
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


def wait_until(ready, process: subprocess.Popen, timeout: float, what: str, log) -> None:
    """Poll ``ready()`` until it is true; ServerError with the log if the process
    exits first or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while not ready():
        if process.poll() is not None:
            raise ServerError(f"exited with {process.returncode} before {what}:\n{log_text(log)}")
        if time.monotonic() > deadline:
            raise ServerError(f"not {what} within {timeout} s:\n{log_text(log)}")
        time.sleep(0.05)


def log_text(log) -> str:
    if isinstance(log, Path):
        return log.read_text(errors="replace")
    log.flush()
    log.seek(0)
    return log.read()


def answers_http(url: str) -> bool:
    try:
        fetch(url, timeout=1.0)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
    return True


def listening(port: int) -> bool:
    """Whether something accepts TCP connections on 127.0.0.1 at ``port`` (a server
    that speaks no HTTP on it, such as nginx before its first request is answered)."""
    try:
        socket.create_connection((HOST, port), timeout=1.0).close()
    except OSError:
        return False
    return True


def refuses_connections(url: str) -> bool:
    """Whether nothing listens at the URL's host and port any more (a stopped server)."""
    parts = urllib.parse.urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=1.0).close()
    except ConnectionRefusedError:
        return True
    return False


@contextmanager
def serve(
    command: Sequence[str | Path],
    *,
    port: int,
    cwd: Path,
    env: dict[str, str] | None = None,
    ready_path: str = "/",
    timeout: float = 30.0,
    log: TextIO | None = None,
) -> Iterator[str]:
    """Run ``command`` (which must listen on ``port``) until the block ends; yield its URL.

    The server's output goes to ``log`` if given (a file the caller reads
    afterwards), else to a temporary file shown if the server fails to start.
    """
    base = f"http://{HOST}:{port}"
    with nullcontext(log) if log is not None else tempfile.TemporaryFile(mode="w+") as log:
        process = start(command, log, cwd=cwd, env={**os.environ, **(env or {})})
        try:
            wait_until(
                lambda: answers_http(base + ready_path), process, timeout, "answering HTTP", log
            )
            yield base
        finally:
            stop_process(process)


#: A ``console`` block of a Markdown page; its text is ``body``.
CONSOLE = re.compile(r"^```console\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)


def shown_commands(page: Path) -> set[str]:
    """The commands a page's ``console`` blocks show, each line after a ``$`` prompt."""
    text = Path(page).read_text(encoding="utf-8")
    return {
        line.removeprefix("$ ")
        for block in CONSOLE.finditer(text)
        for line in block["body"].splitlines()
        if line.startswith("$ ")
    }


class Terminal:
    """The reader's terminal on a page: it runs the server lines the page shows, one at a time.

    ``run("FLASK_X=1 gunicorn --bind 127.0.0.1:8000 app:app")`` takes a console line as
    the page shows it: ``NAME=value`` words for the environment, then a program of the
    virtual environment and its arguments. The page's port (``shown_port``) becomes a
    free one wherever it stands as a number of its own (``127.0.0.1:8000``, ``--port
    8000``); the server before it stops first, as the reader's Ctrl+C would. It returns
    the path of the server's log, which the page may read. :attr:`url` is where each
    server listens; :meth:`stop` stops the one running now, and so does the end of the
    ``with`` block. Given the page's file (``shown_on``), it runs only a line that one
    of the page's ``console`` blocks shows after its ``$`` prompt, so the page and
    what runs cannot drift apart.
    """

    ASSIGNMENT = re.compile(r"[A-Z_][A-Z0-9_]*=")

    def __init__(
        self, cwd: Path, logs: Path, shown_port: int, shown_on: Path | None = None
    ) -> None:
        self.cwd, self.logs, self.shown_port = Path(cwd), Path(logs), shown_port
        self.shown = None if shown_on is None else shown_commands(shown_on)
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self._running = ExitStack()
        self._count = 0

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def stop(self) -> None:
        self._running.close()

    def words(self, line: str) -> tuple[dict[str, str], list[str]]:
        """The environment and the command of a console line, on this terminal's port."""
        words = shlex.split(line)
        env = {}
        while words and self.ASSIGNMENT.match(words[0]):
            name, _, value = words.pop(0).partition("=")
            env[name] = value
        if not words or not (BIN / words[0]).exists():
            raise ValueError(f"not a program of the virtual environment: {line!r}")
        shown = re.compile(rf"(?<![\d.]){self.shown_port}(?!\d)")
        command = [str(BIN / words[0]), *(shown.sub(str(self.port), w) for w in words[1:])]
        return env, command

    def run(self, line: str, *, cwd: Path | None = None, ready_path: str = "/") -> Path:
        if self.shown is not None and line not in self.shown:
            raise ValueError(f"no console block of the page shows: $ {line}")
        self.stop()
        env, command = self.words(line)
        self._count += 1
        log_path = self.logs / f"{Path(command[0]).name}-{self._count}.log"
        log = self._running.enter_context(log_path.open("w+"))
        self._running.enter_context(
            serve(command, port=self.port, cwd=cwd or self.cwd, env=env,
                  ready_path=ready_path, log=log)
        )  # fmt: skip
        return log_path
