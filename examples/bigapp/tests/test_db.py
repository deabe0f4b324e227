"""The database extension on SQLite: a read never waits for a writer; a write waits its turn."""

import sqlite3
import threading
import time

import pytest


@pytest.fixture
def database_url(tmp_path):
    """SQLite only: these are SQLite's locks."""
    return f"sqlite:///{tmp_path / 'bigapp.sqlite'}"


@pytest.fixture
def writer(app, database_url):
    """Another worker, in the middle of a write: it holds SQLite's write lock."""
    path = database_url.removeprefix("sqlite:///")
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO shelf (name) VALUES ('Held')")
    yield connection
    connection.close()


def timed(request):
    start = time.perf_counter()
    response = request()
    return response, time.perf_counter() - start


def test_a_read_does_not_wait_for_a_writer(client, writer):
    response, seconds = timed(lambda: client.get("/api/shelves"))
    assert response.status_code == 200
    assert response.json == []  # the other worker's row is not committed yet
    assert seconds < 5  # far below the 15 s a write would wait


def test_a_write_waits_for_the_writer_then_succeeds(client, writer):
    threading.Timer(0.3, writer.execute, ["COMMIT"]).start()
    response, seconds = timed(lambda: client.post("/api/shelves", json={"name": "Poetry"}))
    assert response.status_code == 201
    assert seconds >= 0.3
    assert [shelf["name"] for shelf in client.get("/api/shelves").json] == ["Held", "Poetry"]
