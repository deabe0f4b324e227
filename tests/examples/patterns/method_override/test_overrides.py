"""examples/patterns/method_override/overrides.py: POST turned into PUT/DELETE, safely."""

import io
import re
import secrets

import pytest
from flask import Flask, request
from werkzeug.test import Client


@pytest.fixture(autouse=True)
def secret_key(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", secrets.token_hex())


@pytest.fixture
def token(client):
    page = client.get("/notes/1").text
    return re.search(r'name="csrf_token" value="([^"]+)"', page)[1]


@pytest.fixture
def seen(example):
    """A bare app behind the middleware that reports the method and the form it got."""
    bare = Flask("bare")
    bare.wsgi_app = example.module.MethodOverride(bare.wsgi_app)

    @bare.route("/", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def echo():
        return {"method": request.method, "form": request.form.to_dict()}

    client = bare.test_client()

    def send(method="POST", **kwargs):
        response = client.open("/", method=method, **kwargs)
        return response.status_code, response.get_json()

    return send


def test_the_form_s_put_replaces_the_note(client, token):
    form = {"csrf_token": token, "_method": "PUT", "text": "Buy oat milk"}
    response = client.post("/notes/1", data=form)
    assert (response.status_code, response.location) == (303, "/notes/1")
    assert 'value="Buy oat milk"' in client.get("/notes/1").text


def test_the_form_s_delete_removes_the_note(client, token):
    response = client.post("/notes/2", data={"csrf_token": token, "_method": "DELETE"})
    assert response.status_code == 204
    assert client.get("/notes/2").status_code == 404


@pytest.mark.parametrize("field", ["delete", " DELETE ", "Delete"])
def test_the_method_s_case_and_spaces_do_not_matter(seen, field):
    assert seen(data={"_method": field})[1]["method"] == "DELETE"


def test_the_view_reads_every_field_of_the_body_the_middleware_read(seen):
    status, got = seen(data={"_method": "PUT", "text": "ünïcode & more", "n": "1"})
    assert (status, got["method"]) == (200, "PUT")
    assert got["form"] == {"_method": "PUT", "text": "ünïcode & more", "n": "1"}


def test_the_header_wins_over_the_field(seen):
    status, got = seen(data={"_method": "PUT"}, headers={"X-HTTP-Method-Override": "PATCH"})
    assert got["method"] == "PATCH"


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_only_a_post_is_changed(seen, method):
    other = "PUT" if method == "DELETE" else "DELETE"
    assert seen(method=method, headers={"X-HTTP-Method-Override": other}) == (
        200,
        {"method": method, "form": {}},
    )


@pytest.mark.parametrize(
    "wanted", ["TRACE", "CONNECT", "GET", "HEAD", "OPTIONS", "FOO", "x" * 5000]
)
def test_a_method_outside_the_allowed_set_is_a_400(seen, wanted):
    assert seen(headers={"X-HTTP-Method-Override": wanted})[0] == 400
    assert seen(data={"_method": wanted})[0] == 400


def test_the_refusal_escapes_what_it_quotes(client):
    response = client.post("/notes/1", data={"_method": "<script>"})
    assert response.status_code == 400
    assert "<script>" not in response.text


def test_a_big_body_is_not_read_for_the_field(seen, example):
    text = "a" * example.module.MAX_FORM_BYTES
    status, got = seen(data={"_method": "DELETE", "text": text})
    assert (status, got["method"]) == (200, "POST")
    assert got["form"]["text"] == text  # and the app still gets all of it


def test_a_body_without_a_length_is_left_to_the_app(example):
    received = []

    def app(environ, start_response):
        received.append((environ["REQUEST_METHOD"], environ["wsgi.input"].read()))
        start_response("204 No Content", [])
        return []

    client = Client(example.module.MethodOverride(app))
    body = b"_method=DELETE"
    form = "application/x-www-form-urlencoded"
    chunked = {"CONTENT_LENGTH": "", "wsgi.input_terminated": True}
    client.post("/", input_stream=io.BytesIO(body), content_type=form, environ_overrides=chunked)
    client.post("/", data=body, content_type=form, environ_overrides={"CONTENT_LENGTH": "abc"})
    assert [method for method, _ in received] == ["POST", "POST"]
    assert received[0][1] == body


def test_a_body_shorter_than_its_length_is_a_400(seen):
    body = b"_method=DELETE&text=abc"
    short = {"CONTENT_LENGTH": str(len(body))}
    status, _ = seen(input_stream=io.BytesIO(body[:14]), environ_overrides=short,
                     content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert status == 400


def test_a_form_with_many_fields_is_read_not_a_500(seen):
    fields = {f"field{number}": "x" for number in range(500)}
    status, got = seen(data={**fields, "_method": "PATCH"})
    assert (status, got["method"], len(got["form"])) == (200, "PATCH", 501)


def test_a_json_body_is_not_read_for_the_field(seen):
    status, got = seen(json={"_method": "DELETE"})
    assert got["method"] == "POST"


def test_a_cross_site_form_without_the_token_deletes_nothing(client):
    client.get("/notes/1")  # the visitor has a session
    response = client.post("/notes/1", data={"_method": "DELETE"},
                           headers={"Origin": "https://evil.example"})  # fmt: skip
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.text
    assert client.get("/notes/1").status_code == 200


def test_the_csrf_check_sees_the_overridden_method(app, client):
    """What the page warns about: a check for POST alone lets the forged DELETE through."""
    client.get("/notes/1")
    app.config["WTF_CSRF_METHODS"] = {"POST"}
    assert client.post("/notes/1", data={"_method": "DELETE"}).status_code == 204
    assert client.get("/notes/1").status_code == 404


def test_a_token_from_another_session_deletes_nothing(app, token):
    stranger = app.test_client()
    response = stranger.post("/notes/1", data={"csrf_token": token, "_method": "DELETE"})
    assert response.status_code == 400
    assert stranger.get("/notes/1").status_code == 200


def test_the_session_cookie_stays_home(client):
    assert "SameSite=Lax" in client.get("/notes/1").headers["Set-Cookie"]


@pytest.mark.parametrize("text", ["", "   ", "x" * 201])
def test_a_bad_text_is_a_400(client, token, text):
    form = {"csrf_token": token, "_method": "PUT", "text": text}
    assert client.post("/notes/1", data=form).status_code == 400


def test_a_multipart_part_without_a_name_is_a_400(client):
    body = b"--b\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--b--\r\n"
    response = client.put("/notes/1", data=body, content_type="multipart/form-data; boundary=b")
    assert response.status_code == 400
