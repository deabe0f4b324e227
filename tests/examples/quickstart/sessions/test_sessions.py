"""examples/quickstart/sessions.py: a signed session cookie, its key from the environment."""

import base64
import http.cookiejar
import json
import secrets
import urllib.parse
import urllib.request

import pytest
from flask import session

from harness.services.commands import BIN

KEY = secrets.token_hex()


@pytest.fixture(autouse=True)
def secret_key(monkeypatch):
    """sessions.py reads FLASK_SECRET_KEY when imported: set it before `example` imports it."""
    monkeypatch.setenv("FLASK_SECRET_KEY", KEY)


def test_the_key_comes_from_the_environment(app):
    assert app.secret_key == KEY


def test_logging_in_and_out(app):
    client = app.test_client()
    assert client.get("/").text == "You are not logged in"
    response = client.post("/login", data={"username": "ada"})
    assert (response.status_code, response.location) == (302, "/")
    assert client.get("/").text == "Logged in as ada"
    client.post("/logout")
    assert client.get("/").text == "You are not logged in"


def test_the_name_is_escaped(app):
    client = app.test_client()
    client.post("/login", data={"username": "<b>ada</b>"})
    assert client.get("/").text == "Logged in as &lt;b&gt;ada&lt;/b&gt;"


def test_the_cookie_is_readable_but_a_changed_one_is_ignored(app):
    client = app.test_client()
    client.post("/login", data={"username": "ada"})
    payload, timestamp, signature = client.get_cookie("session").value.split(".")
    assert json.loads(base64.urlsafe_b64decode(payload + "==")) == {"username": "ada"}
    admin = base64.urlsafe_b64encode(b'{"username":"admin"}').decode().rstrip("=")
    client.set_cookie("session", f"{admin}.{timestamp}.{signature}")
    assert client.get("/").text == "You are not logged in"


def test_a_cookie_signed_with_another_key_is_ignored(app):
    other = app.test_client()
    with other.session_transaction() as signed_elsewhere:
        signed_elsewhere["username"] = "ada"
    forged = other.get_cookie("session").value
    app.secret_key = secrets.token_hex()
    client = app.test_client()
    client.set_cookie("session", forged)
    assert client.get("/").text == "You are not logged in"


def test_without_a_key_the_session_cannot_be_written(use_example, monkeypatch):
    """Imported without the `example` fixture, after the key is taken out of the environment."""
    monkeypatch.delenv("FLASK_SECRET_KEY")
    use_example("quickstart")
    from sessions import app

    with app.test_request_context(), pytest.raises(RuntimeError, match="no secret key was set"):
        session["username"] = "ada"


def test_the_command_on_the_page_keeps_a_visitor_logged_in(example, serve):
    """`FLASK_SECRET_KEY=... flask --app sessions run`, with a cookie jar like a browser's."""
    command = [BIN / "flask", "--app", "sessions", "run", "--port", "{port}"]
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    url = serve(command, cwd=example.folder, env={"FLASK_SECRET_KEY": KEY})
    login = urllib.parse.urlencode({"username": "ada"}).encode()
    with browser.open(url + "/login", data=login, timeout=5) as response:
        # urllib followed the redirect to / with the new cookie.
        assert response.read() == b"Logged in as ada"
    with browser.open(url + "/", timeout=5) as response:
        assert response.read() == b"Logged in as ada"
