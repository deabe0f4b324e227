"""examples/becoming_big/data_layer/notes_sqlite3.py: one connection per request, closed at its end.

What every store must do is tested in test_notes_api.py; here, what is particular
to the sqlite3 variant.
"""

import sqlite3
from contextlib import closing

import pytest


@pytest.fixture
def app(make_app):
    return make_app("notes_sqlite3")


def test_a_request_reuses_one_connection_and_closes_it(app):
    from notes_sqlite3 import connection

    with app.app_context():
        first = connection()
        assert connection() is first
        first.execute("SELECT 1")
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        first.execute("SELECT 1")


def test_each_request_gets_its_own_connection(app):
    from notes_sqlite3 import connection

    with app.app_context():
        first = connection()
    with app.app_context():
        assert connection() is not first


def test_an_added_note_is_committed_with_its_tags_as_json_text(app):
    """Another connection sees the row: the `with` block committed it."""
    app.test_client().post("/notes", json={"title": "t", "tags": ["a", "b"]})
    with closing(sqlite3.connect(app.config["DATABASE"])) as db:
        assert db.execute("SELECT * FROM note").fetchall() == [(1, "t", '["a", "b"]')]


def test_the_first_run_serves_it_and_stores_notes_in_the_instance_folder(first_run):
    first_run("notes_sqlite3")
