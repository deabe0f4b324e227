"""examples/becoming_big/dispatching/by_prefix.py: two tenants under two path prefixes."""

import pytest
from werkzeug.test import Client


@pytest.fixture
def client(example):
    return Client(example.module.application)


def test_a_login_on_one_app_is_not_seen_by_the_other(client):
    client.post("/acme/login/ada")
    client.post("/globex/login/grace")
    assert client.get("/acme/").json["user"] == "ada"
    assert client.get("/globex/").json["user"] == "grace"


def test_one_apps_cookie_is_not_accepted_by_the_other(client):
    client.post("/acme/login/ada")
    acme_cookie = client.get_cookie("session_acme").value
    client.set_cookie("session_globex", acme_cookie)
    assert client.get("/globex/").json["user"] is None


def test_error_handlers_stay_with_their_app(client):
    assert client.get("/acme/nope").json == {"error": "acme has no page /nope"}
    assert client.get("/globex/nope").mimetype == "text/html"
    assert client.get("/initech/").status_code == 404
