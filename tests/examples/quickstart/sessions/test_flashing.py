"""examples/quickstart/sessions/flashing.py: a message flashed before a redirect, shown once."""

import secrets

import pytest


@pytest.fixture(autouse=True)
def secret_key(monkeypatch):
    """flashing.py reads FLASK_SECRET_KEY when imported: set it before `example` imports it."""
    monkeypatch.setenv("FLASK_SECRET_KEY", secrets.token_hex())


def flashes(html):
    return [line for line in html.splitlines() if line.startswith('<p class="flash')]


def test_no_message_at_first(client):
    assert flashes(client.get("/").text) == []


def test_a_saved_note_is_announced_once(client):
    response = client.post("/notes", data={"text": "buy milk"})
    assert (response.status_code, response.location) == (302, "/")
    assert flashes(client.get("/").text) == ['<p class="flash success">Note saved.</p>']
    assert flashes(client.get("/").text) == []


def test_an_empty_note_gets_an_error_message(client):
    response = client.post("/notes", data={"text": "  "}, follow_redirects=True)
    assert flashes(response.text) == ['<p class="flash error">A note needs some text.</p>']


def test_messages_wait_until_a_page_shows_them(client):
    client.post("/notes", data={"text": "one"})
    client.post("/notes", data={"text": ""})
    assert flashes(client.get("/").text) == [
        '<p class="flash success">Note saved.</p>',
        '<p class="flash error">A note needs some text.</p>',
    ]
