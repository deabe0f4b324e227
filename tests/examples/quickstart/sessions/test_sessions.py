"""examples/quickstart/sessions/sessions.py: a signed session cookie, its key from the environment.

The page's commands (the key, `flask --app sessions run`, the curl login) run in
tests/test_quickstart_downloads.py.
"""

import base64
import json
import secrets
import zlib

import pytest
from flask import session

KEY = secrets.token_hex()
LOGGED_OUT = (
    "<p>You are not logged in</p>\n"
    '<form method="post" action="/login"><input name="username"> <button>Log in</button></form>'
)


@pytest.fixture(autouse=True)
def secret_key(monkeypatch):
    """sessions.py reads FLASK_SECRET_KEY when imported: set it before `example` imports it."""
    monkeypatch.setenv("FLASK_SECRET_KEY", KEY)


def test_the_key_comes_from_the_environment(app):
    assert app.secret_key == KEY


def test_logging_in_and_out(client):
    assert client.get("/").text == LOGGED_OUT
    response = client.post("/login", data={"username": "ada"})
    assert (response.status_code, response.location) == (302, "/")
    assert client.get("/").text == (
        "<p>Logged in as ada</p>\n"
        '<form method="post" action="/logout"><button>Log out</button></form>'
    )
    client.post("/logout")
    assert client.get("/").text == LOGGED_OUT


@pytest.mark.parametrize("data", [{}, {"username": ""}, {"username": "   "}])
def test_a_missing_or_empty_name_is_a_bad_request(client, data):
    assert client.post("/login", data=data).status_code == 400
    assert client.get_cookie("session") is None


def test_the_name_is_escaped(client):
    client.post("/login", data={"username": "<b>ada</b>"})
    assert client.get("/").text.startswith("<p>Logged in as &lt;b&gt;ada&lt;/b&gt;</p>")


def test_a_small_cookie_has_three_parts_and_readable_data(client):
    client.post("/login", data={"username": "ada"})
    payload, timestamp, signature = client.get_cookie("session").value.split(".")
    assert json.loads(base64.urlsafe_b64decode(payload + "==")) == {"username": "ada"}


def test_a_compressed_cookie_starts_with_a_dot_and_has_four_parts(client):
    client.post("/login", data={"username": "ada" * 20})
    cookie = client.get_cookie("session").value
    empty, payload, timestamp, signature = cookie.split(".")
    assert empty == ""
    data = json.loads(zlib.decompress(base64.urlsafe_b64decode(payload + "==")))
    assert data == {"username": "ada" * 20}


def test_a_changed_cookie_is_ignored(client):
    client.post("/login", data={"username": "ada"})
    _, timestamp, signature = client.get_cookie("session").value.split(".")
    admin = base64.urlsafe_b64encode(b'{"username":"admin"}').decode().rstrip("=")
    client.set_cookie("session", f"{admin}.{timestamp}.{signature}")
    assert client.get("/").text == LOGGED_OUT


def test_a_cookie_signed_with_another_key_is_ignored(app):
    other = app.test_client()
    with other.session_transaction() as signed_elsewhere:
        signed_elsewhere["username"] = "ada"
    forged = other.get_cookie("session").value
    app.secret_key = secrets.token_hex()
    client = app.test_client()
    client.set_cookie("session", forged)
    assert client.get("/").text == LOGGED_OUT


def test_without_a_key_the_session_cannot_be_written(use_example, monkeypatch):
    """Imported without the `example` fixture, after the key is taken out of the environment."""
    monkeypatch.delenv("FLASK_SECRET_KEY")
    use_example("quickstart/sessions")
    from sessions import app

    with app.test_request_context(), pytest.raises(RuntimeError, match="no secret key was set"):
        session["username"] = "ada"
    response = app.test_client().post("/login", data={"username": "ada"})
    assert response.status_code == 500  # what a visitor gets when the key was forgotten
