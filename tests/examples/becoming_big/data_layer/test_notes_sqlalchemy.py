"""examples/becoming_big/data_layer/notes_sqlalchemy.py: one ORM session per request, then closed.

What every store must do is tested in test_notes_api.py; here, what is particular
to the SQLAlchemy variant.
"""

import sqlite3
from contextlib import closing

import pytest


@pytest.fixture
def app(make_app):
    return make_app("notes_sqlalchemy")


def test_a_request_reuses_one_session_and_the_next_gets_another(app):
    from notes_sqlalchemy import session

    with app.app_context():
        first = session()
        assert session() is first
    with app.app_context():
        assert session() is not first


def test_what_a_request_does_not_commit_is_rolled_back(app):
    from notes_sqlalchemy import Note, session

    with app.app_context():
        session().add(Note(title="a draft", tags=[]))
        session().flush()  # sent to the database, inside the session's transaction
        assert app.extensions["notes"].all() == [{"id": 1, "title": "a draft", "tags": []}]
    with app.app_context():
        assert app.extensions["notes"].all() == []


def test_the_tags_column_holds_json(app):
    app.test_client().post("/notes", json={"title": "t", "tags": ["a", "b"]})
    database = app.config["DATABASE_URL"].removeprefix("sqlite:///")
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("SELECT id, title, tags FROM note").fetchall() == [(1, "t", '["a", "b"]')]


def test_the_first_run_serves_it_and_stores_notes_in_the_instance_folder(first_run):
    first_run("notes_sqlalchemy")
