"""Fixtures for bigapp's tests: an app on an empty database, per test.

Every test that uses ``app`` runs twice: on SQLite (a file in the test's
temporary folder) and on PostgreSQL. For PostgreSQL, set
``BIGAPP_TEST_POSTGRESQL_URL`` to a server the tests may empty, such as
``postgresql+psycopg://postgres@127.0.0.1:5432/bigapp_test``; without it those
runs skip, and say so. (A surrounding test run can lend its own server through
a ``postgres_server`` fixture with a ``url``: the guide's suite does.)
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from bigapp import create_app
from bigapp.db import db

POSTGRESQL_URL = "BIGAPP_TEST_POSTGRESQL_URL"
BIN = Path(sys.executable).parent  # flask and gunicorn, beside the Python running the tests


@pytest.fixture(scope="session")
def postgresql_url(request):
    """A PostgreSQL database the tests may empty, or a skip that says how to get one."""
    if os.environ.get(POSTGRESQL_URL):
        return os.environ[POSTGRESQL_URL]
    try:
        return request.getfixturevalue("postgres_server").url
    except pytest.FixtureLookupError:
        pytest.skip(f"set {POSTGRESQL_URL} to run the tests on PostgreSQL too")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """The URL of a database that is empty when the test starts."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bigapp.sqlite'}"
    url = request.getfixturevalue("postgresql_url")
    engine = create_engine(url)
    with engine.begin() as connection:  # everything the last test made goes
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def app(database_url):
    """The app, configured by the factory's test_config, with its tables created."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": database_url})
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    yield app
    with app.app_context():
        db.engine.dispose()  # close pooled connections: the next test drops the tables


@pytest.fixture
def server_env(database_url):
    """The environment of a server process (gunicorn, say) that serves bigapp from the
    test's database: what a deployment exports before starting it."""
    return {**os.environ, "FLASK_SECRET_KEY": "only for this test",
            "FLASK_DATABASE_URL": database_url}  # fmt: skip


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def seeded(app, runner):
    """The app with the seed data: shelves 1 (Fiction) and 2 (Science), books 1 to 3."""
    assert runner.invoke(args=["seed"]).exit_code == 0
    return app


@pytest.fixture
def rows(app):
    """``rows(Book)``: how many rows that table holds, read from the database itself."""

    def count(model):
        with app.app_context():
            return db.session.scalar(select(func.count()).select_from(model))

    return count


@pytest.fixture
def server(tmp_path):
    """``server(command, env, cwd=...)``: run a server command until the test ends; its URL.

    ``command[0]`` is a script beside the Python running the tests (``flask``,
    ``gunicorn``); each ``{port}`` in the command becomes a free loopback port;
    ``env`` is the whole environment. The server is ready when it answers
    ``GET /api/shelves``, and is stopped with everything it started (gunicorn's
    workers) when the test ends.
    """
    started = []

    def start(command, env, cwd=tmp_path):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        program, *args = command
        command = [str(BIN / program), *(arg.replace("{port}", str(port)) for arg in args)]
        log_path = tmp_path / f"server-{len(started)}.log"
        with open(log_path, "w") as log:  # a file: a pipe nobody reads would block the server
            process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log,
                                       stderr=log, start_new_session=True)  # fmt: skip
        started.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/api/shelves", timeout=5):
                    return url
            except urllib.error.HTTPError:
                return url  # it answers: an error page is an answer
            except OSError:
                assert process.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.05)

    yield start
    for process in started:
        os.killpg(process.pid, signal.SIGTERM)  # the server and its workers
        process.wait(timeout=30)
