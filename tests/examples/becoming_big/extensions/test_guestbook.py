"""examples/becoming_big/extensions/guestbook.py: an app using the extension."""

import pytest


@pytest.fixture
def app(example, tmp_path):
    return example.module.create_app({"SQLITE_PATH": str(tmp_path / "guestbook.sqlite")})


def test_signatures_are_kept_and_every_connection_closed(app, client):
    assert client.post("/sign", data={"name": "Ada"}).status_code == 204
    assert client.post("/sign", data={"name": "Grace"}).status_code == 204
    assert client.get("/").json == ["Ada", "Grace"]
    state = app.extensions["sqlite_store"]
    assert state.opened == state.closed == 4  # the table, two signatures, one listing


def test_a_missing_name_is_400_and_writes_nothing(client):
    assert client.post("/sign").status_code == 400
    assert client.get("/").json == []
