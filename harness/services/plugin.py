"""The services as pytest fixtures: ``conftest.py`` names this plugin.

One style for every service: a session-scoped fixture is the running server
(one per test process, started on first use, always stopped), and where tests
must not see each other's data a function-scoped fixture gives each test its
own part of it. Pages reach the same fixtures with ``page.fixture(name)``.

=====================  ========  ===================================================
fixture                scope     what it is
=====================  ========  ===================================================
``postgres_server``    session   :class:`.postgres.PostgresServer` (``.url``)
``postgres_database``  test      the URL of an empty database of the test's own
``redis_server``       session   :class:`.redis.RedisServer` (``.url``, ``.flush()``)
``smtp_server``        session   :class:`.smtp.SmtpServer` (``.host``, ``.port``)
``mailbox``            test      :class:`.smtp.Mailbox`: the mail sent during the test
``chromium``           session   :class:`.chromium.Chromium` (``.dump_dom(url)``)
``serve``              test      ``serve(command, cwd=...)``: any server command on a
                                 free loopback port (``{port}`` in the command); its URL
=====================  ========  ===================================================

A fixture whose program is not installed skips the test, and the reason says
how to install it (:mod:`.missing`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path

import pytest

from . import chromium as chromium_service
from . import commands, postgres, redis, smtp
from .missing import Missing


def _enter(stack: ExitStack, manager: AbstractContextManager):
    """Start a service, or skip the test with the install hint if its program is missing."""
    try:
        return stack.enter_context(manager)
    except Missing as missing:
        pytest.skip(str(missing))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[postgres.PostgresServer]:
    with ExitStack() as stack:
        yield _enter(stack, postgres.running())


@pytest.fixture
def postgres_database(postgres_server) -> Iterator[str]:
    with postgres_server.database() as url:
        yield url


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> Iterator[redis.RedisServer]:
    with ExitStack() as stack:
        yield _enter(stack, redis.running(tmp_path_factory.mktemp("redis")))


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
