"""examples/becoming_big/data_layer/notes_peewee.py: a connection open only during each request.

What every store must do is tested in test_notes_api.py; here, what is particular
to the Peewee variant.
"""

import pytest


@pytest.fixture
def app(make_app):
    return make_app("notes_peewee")


def test_the_connection_is_open_during_a_request_and_closed_after(app):
    from notes_peewee import database

    @app.get("/probe")
    def probe():
        return {"closed during the request": database.is_closed()}

    assert database.is_closed()
    assert app.test_client().get("/probe").json == {"closed during the request": False}
    assert database.is_closed()


def test_one_database_per_process(make_app, tmp_path):
    """A second create_app() re-points the first app: Peewee models share one database."""
    import notes_peewee

    first = notes_peewee.create_app({"DATABASE": str(tmp_path / "first.sqlite")})
    notes_peewee.create_app({"DATABASE": str(tmp_path / "second.sqlite")})
    first.test_client().post("/notes", json={"title": "where does it go?"})
    assert notes_peewee.database.obj.database == str(tmp_path / "second.sqlite")
    assert first.test_client().get("/notes").json[0]["title"] == "where does it go?"


def test_the_first_run_serves_it_and_stores_notes_in_the_instance_folder(first_run):
    first_run("notes_peewee")
