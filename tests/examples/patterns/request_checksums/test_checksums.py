"""examples/patterns/request_checksums/checksums.py: Content-Digest checked while reading."""

import base64
import hashlib
import http.client
import io
import tracemalloc

import pytest
from flask import request
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from harness.services.commands import BIN

FORM = "application/x-www-form-urlencoded"


def digest(body, algorithm="sha256", name="sha-256"):
    value = base64.b64encode(hashlib.new(algorithm, body).digest()).decode()
    return f"{name}=:{value}:"


def multipart(content, filename="data.bin"):
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(content), filename)})
    return body, f"multipart/form-data; boundary={boundary}"


def post_note(client, body, header, **kwargs):
    headers = {} if header is None else {"Content-Digest": header}
    return client.post("/notes", data=body, content_type=FORM, headers=headers, **kwargs)


def test_a_matching_digest_lets_the_form_through(client):
    body = b"text=Buy+milk&other=1"
    response = post_note(client, body, digest(body))
    assert (response.status_code, response.json) == (201, {"text": "Buy milk"})


def test_sha_512_works_and_wins_over_sha_256(client):
    body = b"text=x"
    assert post_note(client, body, digest(body, "sha512", "sha-512")).status_code == 201
    both = f"sha-256=:{base64.b64encode(b'0' * 32).decode()}:, {digest(body, 'sha512', 'sha-512')}"
    assert post_note(client, body, both).status_code == 201  # the wrong sha-256 is not used


@pytest.mark.parametrize("sent", [b"text=Buy+beer", b"text=Buy+mil", b"text=Buy+milkk", b""])
def test_a_body_that_differs_is_a_400_and_the_view_does_not_run(client, example, monkeypatch, sent):
    monkeypatch.setattr(example.module, "abort", lambda *a: pytest.fail("the view ran"))
    response = post_note(client, sent, digest(b"text=Buy+milk"))
    assert (response.status_code, response.json) == (
        400,
        {"error": "The body does not match its Content-Digest."},
    )


@pytest.mark.parametrize(
    "header",
    [
        "",
        "sha-256",
        "sha-256=abc",
        "sha-256=:!!:",
        "sha-256=:abc:",  # base64 without its padding
        "md5=:rL0Y20zC+Fzt72VPzMSk2A==:",
        "sha-256=:AAAA:,,",
        "unixsum=:AAAA:",
        "sha-256=:" + "A" * 10_000 + ":",
        "ṡha-256=:AAAA:",
    ],
)
def test_a_header_the_app_cannot_use_is_a_400(client, header):
    response = post_note(client, b"text=x", header)
    assert response.status_code == 400
    assert response.json["error"]


def test_without_a_header_nothing_is_checked(client):
    assert post_note(client, b"text=x", None).status_code == 201


def test_json_and_raw_reads_are_checked_too(app):
    @app.post("/raw")
    def raw():
        return {"json": request.get_json(), "data": len(request.get_data())}

    client = app.test_client()
    body = b'{"a": 1}'
    ok = client.post("/raw", data=body, content_type="application/json",
                     headers={"Content-Digest": digest(body)})  # fmt: skip
    assert ok.json == {"json": {"a": 1}, "data": 8}
    bad = client.post("/raw", data=body, content_type="application/json",
                      headers={"Content-Digest": digest(b"{}")})  # fmt: skip
    assert bad.status_code == 400


def test_an_upload_needs_a_digest_and_a_file(client):
    body, content_type = multipart(b"abc")
    assert client.post("/uploads", data=body, content_type=content_type).status_code == 400
    empty = b"text=x"
    response = client.post("/uploads", data=empty, content_type=FORM,
                           headers={"Content-Digest": digest(empty)})  # fmt: skip
    assert (response.status_code, response.json["error"]) == (400, "An upload needs a file field.")


def test_an_upload_is_hashed_in_pieces_not_held_twice(client):
    body, content_type = multipart(bytes(range(256)) * 32768)  # 8 MiB
    sent = io.BytesIO(body)
    tracemalloc.start()
    try:
        response = client.post("/uploads", input_stream=sent, content_type=content_type,
                               headers={"Content-Digest": digest(body)})  # fmt: skip
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (response.status_code, response.json["size"]) == (201, 8 * 1024 * 1024)
    assert peak < len(body) // 4


def test_a_tampered_upload_closes_its_temporary_file(app, monkeypatch):
    opened = []
    request_class = app.request_class
    original = request_class._get_file_stream

    def spy(self, *args, **kwargs):
        opened.append(original(self, *args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(request_class, "_get_file_stream", spy)
    body, content_type = multipart(b"x" * 2_000_000)
    tampered = body[:-100] + b"y" + body[-99:]
    response = app.test_client().post("/uploads", data=tampered, content_type=content_type,
                                      headers={"Content-Digest": digest(body)})  # fmt: skip
    assert response.status_code == 400
    assert len(opened) == 1
    assert opened[0].closed


def test_a_content_length_over_the_limit_is_a_413_before_reading(client, example, monkeypatch):
    read = []
    monkeypatch.setattr(example.module.DigestingStream, "readinto",
                        lambda self, buffer: read.append(1) or 0)  # fmt: skip
    huge = b"text=" + b"a" * (16 * 1024 * 1024)
    response = post_note(client, huge, digest(huge))
    assert response.status_code == 413
    assert read == []


def test_a_chunked_body_over_the_limit_is_a_413_while_reading(client):
    huge = b"text=" + b"a" * (16 * 1024 * 1024)
    chunked = {"CONTENT_LENGTH": "", "wsgi.input_terminated": True}
    response = client.post("/notes", input_stream=io.BytesIO(huge), content_type=FORM,
                           headers={"Content-Digest": digest(huge)},
                           environ_overrides=chunked)  # fmt: skip
    assert response.status_code == 413


def test_a_body_shorter_than_its_content_length_is_a_400(client):
    body = b"text=Buy+milk"
    response = client.post("/notes", input_stream=io.BytesIO(body[:5]), content_type=FORM,
                           headers={"Content-Digest": digest(body)},
                           environ_overrides={"CONTENT_LENGTH": str(len(body))})  # fmt: skip
    assert response.status_code == 400


def test_gunicorn_runs_it_and_chunked_bodies_are_checked(example, serve):
    """`gunicorn --bind 127.0.0.1:8000 checksums:app`, on a free port instead of 8000."""
    url = serve([BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "checksums:app"],
                cwd=example.folder, ready_path="/notes")  # fmt: skip
    host, port = url.removeprefix("http://").split(":")
    body = b"text=in+pieces"

    def send(pieces):
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            headers = {"Content-Type": FORM, "Content-Digest": digest(body)}
            connection.request("POST", "/notes", body=iter(pieces), encode_chunked=True,
                               headers=headers)  # fmt: skip
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    assert send([body[:3], body[3:]]) == (201, b'{"text":"in pieces"}\n')
    assert send([body[:3], b"x", body[4:]])[0] == 400
    assert send([body[:-1]])[0] == 400
