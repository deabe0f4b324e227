"""A private Redis server on a free loopback port.

``running(folder)`` starts the distribution's ``redis-server`` (not its system
service): a process bound to 127.0.0.1 that saves nothing to disk and logs to
``folder/redis.log``. It waits until the server answers PING, yields a
:class:`RedisServer`, and always stops it.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .commands import HOST, free_port, start, stop_process, wait_until
from .missing import program


@dataclass(frozen=True)
class RedisServer:
    url: str  # redis://127.0.0.1:PORT/DB

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1].split("/")[0])

    @property
    def db(self) -> int:
        return int(self.url.rsplit("/", 1)[1])

    def with_db(self, db: int) -> RedisServer:
        """The same server, another of its 16 numbered databases."""
        return RedisServer(f"{self.url.rsplit('/', 1)[0]}/{db}")

    def flush(self) -> None:
        """Delete every key of this database, so the next user starts from an empty store."""
        answer = _ask(self.port, f"SELECT {self.db}\r\nFLUSHDB\r\n".encode())
        assert answer == b"+OK\r\n+OK\r\n", answer


def _ask(port: int, command: bytes) -> bytes | None:
    try:
        with socket.create_connection((HOST, port), timeout=1.0) as sock:
            sock.sendall(command)
            return sock.recv(64)
    except OSError:
        return None


@contextmanager
def running(folder: Path, timeout: float = 10.0) -> Iterator[RedisServer]:
    """Run a private redis-server until the block ends."""
    redis_server = program("redis")
    port = free_port()
    log = Path(folder) / "redis.log"
    # 256 numbered databases: one for each test process of a run (see the plugin).
    command = [redis_server, "--port", port, "--bind", HOST, "--save", "", "--appendonly", "no",
               "--databases", 256, "--dir", folder]  # fmt: skip
    with log.open("w") as output:
        process = start(command, output)
    try:
        wait_until(lambda: _ask(port, b"PING\r\n") == b"+PONG\r\n", process, timeout,
                   "answering PING", log)  # fmt: skip
        yield RedisServer(f"redis://{HOST}:{port}/0")
    finally:
        stop_process(process)
