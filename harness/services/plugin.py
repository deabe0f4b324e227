"""The services as pytest fixtures: ``conftest.py`` names this plugin.

One style for every service: a session-scoped fixture is the running server
(started on first use, always stopped), and where tests must not see each
other's data a function-scoped fixture gives each test its own part of it.
Pages reach the same fixtures with ``page.fixture(name)``. PostgreSQL and
Redis run once per test run, even when pytest-xdist spreads the run over
several processes (:func:`one_per_run`); the SMTP server, a thread, runs once
per process.

=====================  ========  ===================================================
fixture                scope     what it is
=====================  ========  ===================================================
``postgres_server``    session   :class:`.postgres.PostgresServer` (``.url``: a database
                                 of the test process's own)
``postgres_database``  test      the URL of an empty database of the test's own
``redis_server``       session   :class:`.redis.RedisServer` (``.url``: a numbered database
                                 of the test process's own; ``.flush()``)
``smtp_server``        session   :class:`.smtp.SmtpServer` (``.host``, ``.port``)
``mailbox``            test      :class:`.smtp.Mailbox`: the mail sent during the test
``chromium``           session   :class:`.chromium.Chromium` (``.dump_dom(url)``)
``serve``              test      ``serve(command, cwd=...)``: any server command on a
                                 free loopback port (``{port}`` in the command); its URL
``nginx``              test      ``nginx(conf, replace={...})``: a page's nginx server
                                 block, run on a free loopback port: :class:`.nginx.Nginx`
``apache``             test      ``apache(conf, replace={...})``: a page's Apache virtual
                                 host with mod_wsgi: :class:`.apache.Apache`
``runtime_dir``        session   used by every test: ``$XDG_RUNTIME_DIR``, a folder of
                                 the test process's own
=====================  ========  ===================================================

A fixture whose program is not installed skips the test, and the reason says
how to install it (:mod:`.missing`).
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path

import pytest

from . import apache as apache_service
from . import chromium as chromium_service
from . import commands, postgres, redis, smtp
from . import nginx as nginx_service
from .missing import Missing


def pytest_configure(config: pytest.Config) -> None:
    """A SIGTERM (``timeout``, a cancelled CI job) stops the run as Ctrl+C does.

    pytest then tears the session down, and every server the run started stops.
    Left to SIGTERM's default, the process would die at once and leave them running:
    each server runs in a session of its own, out of reach of its parent's signals.
    """
    main = threading.current_thread() is threading.main_thread()
    if main and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends it at once
    raise KeyboardInterrupt(f"stopped by {signal.Signals(signum).name}")


def _enter(stack: ExitStack, manager: AbstractContextManager):
    """Start a service, or skip the test with the install hint if its program is missing."""
    try:
        return stack.enter_context(manager)
    except Missing as missing:
        pytest.skip(str(missing))


@contextmanager
def locked(path: Path):
    """Hold an exclusive lock on the file ``path`` (made if missing) for the block:
    one process of a pytest-xdist run at a time."""
    with path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@contextmanager
def one_per_run(name: str, kind: type, start: Callable[[], AbstractContextManager], folder: Path):
    """Share one server among the processes of a pytest-xdist run.

    The first process that needs it starts it and writes its handle (a
    dataclass: its URL) and its users (process ids) beside the run's temporary
    folders; the others read the handle and add themselves. When the process
    that started the server is done, it waits until no other living user is
    left, then stops it. Outside xdist this is simply ``start()``.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        with ExitStack() as stack:
            yield _enter(stack, start())
        return
    lock, state, me = folder / f"{name}.lock", folder / f"{name}.json", os.getpid()

    def users(change: Callable[[set[int]], set[int]]) -> set[int]:
        shared = json.loads(state.read_text())
        shared["users"] = sorted(change({pid for pid in shared["users"] if _alive(pid)}))
        state.write_text(json.dumps(shared))
        return set(shared["users"])

    with ExitStack() as stack:
        with locked(lock):
            if state.exists():
                handle, owner = kind(**json.loads(state.read_text())["handle"]), False
                users(lambda pids: pids | {me})
            else:
                handle, owner = _enter(stack, start()), True
                state.write_text(json.dumps({"handle": dataclasses.asdict(handle), "users": [me]}))
        try:
            yield handle
        finally:
            with locked(lock):
                users(lambda pids: pids - {me})
            while owner:  # stop it after the last other user, then a later one starts anew
                with locked(lock):
                    if not users(lambda pids: pids):
                        state.unlink()
                        break
                time.sleep(0.2)


@pytest.fixture(scope="session", autouse=True)
def runtime_dir(tmp_path_factory) -> Iterator[Path]:
    """``$XDG_RUNTIME_DIR`` for the servers this test process starts: a folder of its own.

    gunicorn 27 makes its control socket there (else in ``~/.gunicorn``), and first
    removes whatever socket it finds at that path. Without this, the gunicorns of
    parallel test processes would share one path and remove each other's socket.
    """
    folder = tmp_path_factory.mktemp("runtime")
    folder.chmod(0o700)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_RUNTIME_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory) -> Iterator[postgres.PostgresServer]:
    """The run's PostgreSQL server; ``.url`` names a database of this process's own."""
    folder = tmp_path_factory.getbasetemp().parent  # shared by the processes of one run
    with (
        one_per_run("postgres", postgres.PostgresServer, postgres.running, folder) as server,
        server.database() as url,
    ):
        yield postgres.PostgresServer(url)


@pytest.fixture
def postgres_database(postgres_server) -> Iterator[str]:
    with postgres_server.database() as url:
        yield url


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> Iterator[redis.RedisServer]:
    """The run's redis-server; ``.url`` names a numbered database of this process's own."""
    folder = tmp_path_factory.getbasetemp().parent  # shared by the processes of one run
    start = lambda: redis.running(tmp_path_factory.mktemp("redis"))  # noqa: E731
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw-1")  # gw0, gw1, ...: databases 1, 2, ...
    with one_per_run("redis", redis.RedisServer, start, folder) as server:
        yield server.with_db(int(worker.removeprefix("gw")) + 1)


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[smtp.SmtpServer]:
    with smtp.running() as server:
        yield server


@pytest.fixture
def mailbox(smtp_server) -> smtp.Mailbox:
    return smtp_server.mailbox()


@pytest.fixture(scope="session")
def chromium(tmp_path_factory) -> Iterator[chromium_service.Chromium]:
    with ExitStack() as stack:
        yield _enter(stack, chromium_service.running(tmp_path_factory.mktemp("chromium")))


@pytest.fixture
def serve() -> Iterator[Callable[..., str]]:
    """``serve(["flask", "--app", "hello", "run", "--port", "{port}"], cwd=folder)`` -> URL.

    Each ``{port}`` in the command becomes a free loopback port; the keyword
    arguments are those of :func:`.commands.serve`. Every server started in a
    test is stopped when the test ends.
    """
    with ExitStack() as stack:

        def start(command: Sequence[str | Path], **options) -> str:
            port = commands.free_port()
            command = [str(part).replace("{port}", str(port)) for part in command]
            return stack.enter_context(commands.serve(command, port=port, **options))

        yield start


@pytest.fixture
def nginx() -> Iterator[Callable[..., nginx_service.Nginx]]:
    """``nginx(conf, replace={"listen 80;": "listen 127.0.0.1:{port};"})`` -> a running
    :class:`.nginx.Nginx`, stopped when the test ends (:func:`.nginx.running`)."""
    with ExitStack() as stack:
        yield lambda conf, **options: _enter(stack, nginx_service.running(conf, **options))


@pytest.fixture
def apache() -> Iterator[Callable[..., apache_service.Apache]]:
    """``apache(conf, replace={...})`` -> a running :class:`.apache.Apache` with mod_wsgi,
    stopped when the test ends (:func:`.apache.running`)."""
    with ExitStack() as stack:
        yield lambda conf, **options: _enter(stack, apache_service.running(conf, **options))
