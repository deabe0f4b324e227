"""A real Redis server for a test or a page, on a free loopback port, for a bounded time.

``redis_server(folder)`` starts the distribution's ``redis-server`` (Debian:
``apt-get install redis-server``), not its system service: a private process
bound to 127.0.0.1 that saves nothing to disk and logs to ``folder/redis.log``.
It waits until the server answers PING, yields its URL, and always stops it::

    with redis_server(tmp_path) as url:    # "redis://127.0.0.1:<port>/0"
        ...
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .servers import HOST, ServerError, free_port, stop_process

#: The reason given when redis-server is missing: how to get it.
MISSING = "redis-server is not installed: apt-get install redis-server"


def redis_server_path() -> str | None:
    """The redis-server program on PATH, or None."""
    return shutil.which("redis-server")


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=1.0) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64) == b"+PONG\r\n"
    except OSError:
        return False


@contextmanager
def redis_server(folder: Path, timeout: float = 10.0) -> Iterator[str]:
    """Run a private redis-server until the block ends; yield its URL."""
    program = redis_server_path()
    if program is None:
        raise FileNotFoundError(MISSING)
    port = free_port()
    command = [program, "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no"]
    log_path = Path(folder) / "redis.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [*command, "--dir", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=log,  # a file: a pipe nobody reads would block the server
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + timeout
        while not _answers_ping(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServerError(
                    f"redis-server did not answer PING on port {port}:\n{log_path.read_text()}"
                )
            time.sleep(0.05)
        yield f"redis://{HOST}:{port}/0"
    finally:
        stop_process(process)
