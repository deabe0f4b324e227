"""examples/in_the_box/json_ajax/notes_api.py: JSON in and out, and a real browser's fetch()."""

import json
import secrets

import pytest

from harness.services.commands import BIN, fetch

KEY = secrets.token_hex()


@pytest.fixture(autouse=True)
def secret_key(monkeypatch):
    """The reader's FLASK_SECRET_KEY, set before the module is imported."""
    monkeypatch.setenv("FLASK_SECRET_KEY", KEY)


def token(client) -> str:
    return client.get("/").text.split('name="csrf-token" content="')[1].split('"')[0]


def test_the_key_comes_from_the_environment(app):
    assert app.secret_key == KEY


def test_json_in_and_out_with_the_token_in_a_header(app):
    client = app.test_client()
    response = client.post("/notes", json={"text": " tea "}, headers={"X-CSRFToken": token(client)})
    assert (response.status_code, response.json) == (201, {"id": 1, "text": "tea"})
    assert client.get("/notes").json == [{"id": 1, "text": "tea"}]


@pytest.mark.parametrize(
    "body",
    [
        {"json": ["not", "an", "object"]},
        {"json": {}},
        {"json": {"text": 3}},
        {"data": "x"},
        {"data": "{", "content_type": "application/json"},
        # Past Python's parser: RecursionError, which silent=True lets through.
        {"data": "[" * 100_000 + "]" * 100_000, "content_type": "application/json"},
    ],
)
def test_anything_but_a_note_is_400(app, body):
    client = app.test_client()
    response = client.post("/notes", headers={"X-CSRFToken": token(client)}, **body)
    assert response.status_code == 400
    assert response.json == {"error": 'Send JSON such as {"text": "..."}.'}


NAMELESS = b"--b\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--b--\r\n"


def test_a_form_field_without_a_name_is_400_not_500(app):
    """A key None in request.form: Flask-WTF's CSRF check would call None.endswith()."""
    response = app.test_client().post(
        "/notes", data=NAMELESS, content_type="multipart/form-data; boundary=b"
    )
    assert response.status_code == 400
    assert "CSRF" not in response.text  # refused before the CSRF check


def test_without_the_token_nothing_is_added(app):
    client = app.test_client()
    assert client.post("/notes", json={"text": "forged"}).status_code == 400
    assert client.get("/notes").json == []


def test_a_real_browser_runs_the_fetch_call(example, serve, chromium):
    url = serve(
        [BIN / "flask", "--app", "notes_api", "run", "--port", "{port}"],
        cwd=example.folder,
        env={"FLASK_SECRET_KEY": KEY},
    )
    page = chromium.dump_dom(url + "/")  # once the page's fetch() has had time to finish
    status, _, body = fetch(url + "/notes")
    assert '<ul id="notes"><li>201 #1: Sent by fetch()</li></ul>' in page
    assert (status, json.loads(body)) == (200, [{"id": 1, "text": "Sent by fetch()"}])
