"""examples/deploying/health/checked.py: alive touches nothing; ready is 200 or 503, soon."""

import importlib
import json
import logging
import socket
import sys
import urllib.error
import urllib.request

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from harness.services.commands import BIN


@pytest.fixture(autouse=True)
def fresh_shell(monkeypatch):
    monkeypatch.delenv("FLASK_DATABASE_URL", raising=False)


@pytest.fixture
def create_app(example):
    return example.module.create_app


def get(url):
    """GET over real HTTP, giving up after 10 s: status, Cache-Control and JSON body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.headers["Cache-Control"], json.load(response)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers["Cache-Control"], json.load(error)


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def silent_server():
    """A port that accepts connections and never says a word, like a stuck server."""
    with socket.create_server(("127.0.0.1", 0)) as sock:
        yield sock.getsockname()[1]


def test_without_a_database_url_the_app_refuses_to_start(create_app):
    with pytest.raises(RuntimeError, match="DATABASE_URL is not set"):
        create_app()


def test_alive_and_ready_and_never_cached(create_app):
    client = create_app({}).test_client()  # a test's own database: SQLite in memory
    for path, status in (("/healthz", "alive"), ("/readyz", "ready")):
        response = client.get(path)
        assert (response.status_code, response.json) == (200, {"status": status})
        assert response.headers["Cache-Control"] == "no-store"


def test_a_refused_connection_is_a_503_and_a_warning(create_app, closed_port, caplog):
    url = f"postgresql+psycopg://shop:hunter2@127.0.0.1:{closed_port}/shop"
    client = create_app({"DATABASE_URL": url}).test_client()
    with caplog.at_level(logging.WARNING, logger="checked"):
        response = client.get("/readyz")
    assert (response.status_code, response.json) == (503, {"status": "unavailable"})
    assert response.headers["Cache-Control"] == "no-store"
    (record,) = caplog.records
    assert "Connection refused" in record.getMessage()
    assert "hunter2" not in caplog.text
    assert client.get("/healthz").status_code == 200  # alive touches no database


def test_a_silent_database_is_a_503_before_the_client_gives_up(
    example, serve, silent_server, monkeypatch
):
    """Through gunicorn: connect_timeout (2 s) ends the wait, well before the client's 10 s."""
    monkeypatch.setenv(
        "FLASK_DATABASE_URL", f"postgresql+psycopg://shop@127.0.0.1:{silent_server}/x"
    )
    command = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "checked:create_app()"]
    url = serve(command, cwd=example.folder, ready_path="/healthz")
    assert get(url + "/readyz") == (503, "no-store", {"status": "unavailable"})
    assert get(url + "/healthz") == (200, "no-store", {"status": "alive"})


def test_ready_follows_the_database_away_and_back(example, serve, postgres_server, monkeypatch):
    with postgres_server.database() as database_url:
        monkeypatch.setenv("FLASK_DATABASE_URL", database_url)
        command = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "checked:create_app()"]
        url = serve(command, cwd=example.folder, ready_path="/healthz")
        assert get(url + "/readyz")[0] == 200
        name = database_url.rsplit("/", 1)[1]
        admin = create_engine(postgres_server.url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
            assert get(url + "/readyz") == (503, "no-store", {"status": "unavailable"})
            assert get(url + "/healthz")[0] == 200
            with admin.connect() as connection:
                connection.execute(text(f"CREATE DATABASE {name}"))
            assert get(url + "/readyz") == (200, "no-store", {"status": "ready"})
        finally:
            admin.dispose()


def test_postgresql_gets_the_time_limits(example, postgres_server):
    limits = example.module.time_limits(postgres_server.url, 2)
    assert (limits["pool_timeout"], limits["connect_args"]["connect_timeout"]) == (2, 2)
    engine = create_engine(postgres_server.url, **limits)
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("SHOW statement_timeout")) == "2s"
            with pytest.raises(OperationalError, match="statement timeout"):
                connection.execute(text("SELECT pg_sleep(5)"))
    finally:
        engine.dispose()
    assert example.module.time_limits("sqlite://", 2) == {}


def test_the_logging_setup_keeps_loggers_that_existed_before(example):
    """dictConfig disables existing loggers unless told not to: gunicorn's access log among them."""
    earlier = logging.getLogger("gunicorn.access")
    del sys.modules["checked"]
    importlib.import_module("checked")
    assert earlier.disabled is False
