"""examples/patterns/view_decorators/decorated.py: login_required and cache_for."""

import pytest
from flask import Flask


@pytest.fixture(autouse=True)
def secret_key(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "a key for the tests of this example only")


def log_in(client, user_id=7):
    with client.session_transaction() as session:
        session["user_id"] = user_id


def test_without_a_login_the_view_does_not_run(client, example, monkeypatch):
    ran = []
    monkeypatch.setattr(example.module, "escape", lambda text: ran.append(text) or text)
    assert client.get("/notes").status_code == 401
    assert ran == []


def test_a_logged_in_user_gets_the_page_escaped(client):
    log_in(client, "<script>")
    assert client.get("/notes").text == "<p>The notes of user &lt;script&gt;</p>"


def test_a_forged_session_cookie_is_not_a_login(client):
    client.set_cookie("session", "eyJ1c2VyX2lkIjo3fQ.forged.signature")
    assert client.get("/notes").status_code == 401


def test_the_endpoints_keep_their_views_names(app):
    assert {rule.endpoint for rule in app.url_map.iter_rules()} == {"home", "notes", "static"}
    assert app.view_functions["notes"].__wrapped__.__name__ == "notes"


def test_the_public_page_is_cached_and_the_private_one_is_not(client):
    assert client.get("/").headers["Cache-Control"] == "public, max-age=3600"
    log_in(client)
    response = client.get("/notes")
    assert "Cache-Control" not in response.headers
    assert response.headers["Vary"] == "Cookie"  # Flask marks what the session changes


def test_cache_for_keeps_the_view_s_status_and_headers(example):
    demo = Flask("demo")

    @demo.get("/made")
    @example.module.cache_for(60)
    def made():
        return "created", 201, {"X-Kept": "yes"}

    response = demo.test_client().get("/made")
    assert (response.status_code, response.headers["X-Kept"]) == (201, "yes")
    assert response.headers["Cache-Control"] == "public, max-age=60"
