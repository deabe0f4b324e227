"""examples/becoming_big/extensions/guestbook.py: an app using the extension."""

from unittest import mock

import pytest
from flask import Flask


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


def test_without_a_path_the_guestbook_is_a_file_in_the_instance_folder(example, tmp_path):
    """SQLiteStore's default, ":memory:", would be a new empty database for each request."""
    instance = tmp_path / "instance"
    with mock.patch.object(Flask, "auto_find_instance_path", return_value=str(instance)):
        app = example.module.create_app()
    assert app.config["SQLITE_PATH"] == str(instance / "guestbook.sqlite")
    client = app.test_client()
    assert client.post("/sign", data={"name": "Ada"}).status_code == 204
    assert client.get("/").json == ["Ada"]
