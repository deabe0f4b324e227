"""A throwaway PostgreSQL server on a loopback port.

``running()`` runs ``initdb`` and ``pg_ctl`` from the distribution's packages in
a fresh folder, yields a :class:`PostgresServer`, and always stops the server
and deletes the folder. ``server.database()`` gives a test an empty database
of its own on that server.

As root, initdb and pg_ctl refuse to run, so they run as the ``postgres``
user, and the folder is made in /tmp where that user can reach it (pytest's
own temporary folders are private to root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .commands import HOST, free_port
from .missing import program


@dataclass(frozen=True)
class PostgresServer:
    url: str  # SQLAlchemy's form: postgresql+psycopg://postgres@127.0.0.1:PORT/postgres

    @property
    def libpq_url(self) -> str:
        """The same URL as psycopg and psql take it."""
        return self.url.replace("postgresql+psycopg://", "postgresql://")

    @contextmanager
    def database(self) -> Iterator[str]:
        """A new empty database on this server, dropped afterwards; yields its URL."""
        import psycopg

        name = "test_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.libpq_url, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        try:
            yield self.url.rsplit("/", 1)[0] + "/" + name
        finally:
            with psycopg.connect(self.libpq_url, autocommit=True) as connection:
                connection.execute(f"DROP DATABASE {name} WITH (FORCE)")


def _as_postgres() -> dict:
    if os.geteuid() == 0:
        return {"user": "postgres", "group": "postgres", "extra_groups": []}
    return {}


def _run(*command, **kwargs) -> None:
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode:
        raise RuntimeError(f"{command[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


@contextmanager
def running() -> Iterator[PostgresServer]:
    """Start a PostgreSQL server on 127.0.0.1 until the block ends."""
    bindir = program("postgresql")
    user = _as_postgres()
    base = tempfile.mkdtemp(prefix="pgtest-")
    if user:
        shutil.chown(base, "postgres", "postgres")
    data, port = f"{base}/data", free_port()
    options = f"-p {port} -c listen_addresses={HOST} -k {base} -c fsync=off"
    try:
        _run(bindir / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
             "--locale=C", "--no-sync", **user)  # fmt: skip
        _run(bindir / "pg_ctl", "-D", data, "-l", f"{base}/log", "-o", options, "-w", "start",
             **user)  # fmt: skip
        try:
            yield PostgresServer(f"postgresql+psycopg://postgres@{HOST}:{port}/postgres")
        finally:
            _run(bindir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", **user)
    finally:
        shutil.rmtree(base, ignore_errors=True)
