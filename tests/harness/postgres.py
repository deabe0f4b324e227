"""A throwaway PostgreSQL server on a loopback port, for tests and pages.

``server()`` runs ``initdb`` and ``pg_ctl`` from the distribution's packages
(``apt-get install postgresql``) in a fresh folder, yields the server's URL,
and always stops the server and deletes the folder. ``database(url)`` gives a
test its own empty database on that server.

As root, initdb and pg_ctl refuse to run, so they run as the ``postgres``
user, and the folder is made in /tmp where that user can reach it (pytest's
own temporary folders are private to root).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .servers import HOST, free_port

#: Where Debian installs the server programs (not on PATH), newest version last.
BINDIRS = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
BINDIR = Path(BINDIRS[-1]) if BINDIRS else None
MISSING = "PostgreSQL is not installed: apt-get install postgresql (CI installs .ci/apt-packages)"


def _as_postgres() -> dict:
    if os.geteuid() == 0:
        return {"user": "postgres", "group": "postgres", "extra_groups": []}
    return {}


def _run(*command: str | Path, **kwargs) -> None:
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode:
        raise RuntimeError(f"{command[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


@contextmanager
def server() -> Iterator[str]:
    """Start a PostgreSQL server on 127.0.0.1; yield its SQLAlchemy URL; stop it."""
    if BINDIR is None:
        raise RuntimeError(MISSING)
    user = _as_postgres()
    base = tempfile.mkdtemp(prefix="pgtest-")
    if user:
        shutil.chown(base, "postgres", "postgres")
    data, port = f"{base}/data", free_port()
    options = f"-p {port} -c listen_addresses={HOST} -k {base} -c fsync=off"
    try:
        _run(BINDIR / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
             "--locale=C", "--no-sync", **user)  # fmt: skip
        _run(BINDIR / "pg_ctl", "-D", data, "-l", f"{base}/log", "-o", options, "-w", "start",
             **user)  # fmt: skip
        try:
            yield f"postgresql+psycopg://postgres@{HOST}:{port}/postgres"
        finally:
            _run(BINDIR / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", **user)
    finally:
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def database(server_url: str) -> Iterator[str]:
    """A new empty database on the server at ``server_url``, dropped afterwards."""
    import psycopg

    name = "test_" + uuid.uuid4().hex[:12]
    admin = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield server_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE {name} WITH (FORCE)")
