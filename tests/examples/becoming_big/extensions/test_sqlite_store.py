"""examples/becoming_big/extensions/sqlite_store.py: the init_app pattern."""

import sqlite3

import pytest
from flask import Flask


@pytest.fixture
def store(example):
    return example.module.SQLiteStore()


def test_one_object_serves_two_apps_with_their_own_state(store, tmp_path):
    first, second = Flask("first"), Flask("second")
    first.config["SQLITE_PATH"] = str(tmp_path / "first.sqlite")
    store.init_app(first)
    store.init_app(second)
    assert first.extensions["sqlite_store"].path.endswith("first.sqlite")
    assert second.extensions["sqlite_store"].path == ":memory:"


def test_a_connection_per_context_closed_at_its_end(store):
    app = Flask(__name__)
    store.init_app(app)
    with app.app_context():
        connection = store.connection
        assert store.connection is connection  # the same one for the whole context
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        connection.execute("SELECT 1")
    state = app.extensions["sqlite_store"]
    assert (state.opened, state.closed) == (1, 1)


def test_a_context_that_never_asks_opens_nothing(store):
    app = Flask(__name__)
    store.init_app(app)
    with app.app_context():
        pass
    assert app.extensions["sqlite_store"].opened == 0
