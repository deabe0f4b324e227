"""Bad input gets a clear 4xx JSON answer, never a 500, and writes nothing."""

import pytest

from bigapp.models import Book, Shelf

GOOD = {"title": "Dune", "year": 1965, "shelf_id": 1}


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"title": "required", "year": "required", "shelf_id": "required"}),
        ({**GOOD, "year": "1965"}, {"year": "must be an integer"}),
        ({**GOOD, "year": True}, {"year": "must be an integer"}),
        ({**GOOD, "year": 19.65}, {"year": "must be an integer"}),
        ({**GOOD, "year": 10**20}, {"year": "must be between -3000 and 3000"}),
        ({**GOOD, "title": 42}, {"title": "must be a string"}),
        ({**GOOD, "title": "  "}, {"title": "must not be blank"}),
        ({**GOOD, "title": "x" * 201}, {"title": "must be at most 200 characters"}),
        ({**GOOD, "title": "a\x00b"}, {"title": "must not contain NUL characters"}),
        ({**GOOD, "shelf_id": 99}, {"shelf_id": "no such shelf"}),
        ({**GOOD, "shelf_id": 2**40}, {"shelf_id": "must be between 1 and 2147483647"}),
        ({**GOOD, "author": "Herbert"}, {"author": "unknown field"}),
    ],
)
def test_a_failed_create_answers_422_and_leaves_no_row(client, seeded, rows, body, fields):
    response = client.post("/api/books", json=body)
    assert response.status_code == 422
    assert response.json["fields"] == fields
    assert rows(Book) == 3


@pytest.mark.parametrize(
    ("request_kwargs", "status", "message"),
    [
        ({"data": "title=Dune"}, 415, "The body must be JSON, sent as Content-Type"),
        ({"data": "{not json", "content_type": "application/json"}, 400, "The body must be a"),
        ({"json": ["a", "list"]}, 400, "The body must be a JSON object."),
        ({"json": {"title": "x" * 20_000}}, 413, "The data value transmitted exceeds"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(client, seeded, rows, request_kwargs, status,
                                                     message):  # fmt: skip
    response = client.post("/api/books", **request_kwargs)
    assert response.status_code == status
    assert response.is_json
    assert response.json["message"].startswith(message)
    assert rows(Book) == 3


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/books/99", 404),
        ("patch", "/api/books/99", 404),
        ("delete", "/api/books/99", 404),
        ("get", "/api/books/99999999999", 404),  # beyond PostgreSQL's integer
        ("get", "/api/nothing-here", 404),
        ("put", "/api/books/1", 405),
        ("delete", "/api/books", 405),
    ],
)
def test_unknown_ids_and_methods_are_json_errors(client, seeded, method, url, status):
    response = getattr(client, method)(url, json={"year": 2000})
    assert response.status_code == status
    assert set(response.json) == {"error", "message"}


def test_an_invalid_update_changes_nothing(client, seeded):
    response = client.patch("/api/books/1", json={"year": 1871, "title": ""})
    assert response.json["fields"] == {"title": "must not be blank"}
    assert client.get("/api/books/1").json["title"] == "Middlemarch"


def test_a_duplicate_shelf_is_a_conflict_and_adds_nothing(client, seeded, rows):
    response = client.post("/api/shelves", json={"name": "Fiction"})
    assert response.status_code == 409
    assert response.json["message"] == "A shelf named 'Fiction' exists."
    assert rows(Shelf) == 2
    assert client.post("/api/shelves", json={"name": "Poetry"}).status_code == 201


def test_a_405_lists_the_allowed_methods(client):
    allowed = client.put("/api/books/1").headers["Allow"].split(", ")
    assert sorted(allowed) == ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH"]


# Hostile JSON: text that is not Unicode, and nesting deeper than Python's parser goes.
# Each body is sent as raw bytes, the way an attacker sends it.
SURROGATE_ESCAPE = rb'"\ud800"'  # a lone surrogate, written as a JSON escape
SURROGATE_BYTES = b'"\xed\xa0\x80"'  # the same code point, encoded as UTF-8 bytes


@pytest.mark.parametrize("surrogate", [SURROGATE_ESCAPE, SURROGATE_BYTES], ids=["escape", "bytes"])
@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("post", "/api/shelves", b'{"name": %s}'),
        ("post", "/api/books", b'{"title": %s, "year": 1965, "shelf_id": 1}'),
        ("patch", "/api/books/1", b'{"title": %s}'),
        ("patch", "/api/books/1", b'{%s: "Dune"}'),  # in a key, too
        ("patch", "/api/books/1", b'{"title": [%s]}'),  # and deeper in the body
    ],
)
def test_a_lone_surrogate_is_a_400_and_writes_nothing(client, seeded, rows, surrogate, method,
                                                      url, body):  # fmt: skip
    response = getattr(client, method)(url, data=body % surrogate, content_type="application/json")
    assert response.status_code == 400
    assert response.json["message"] == "Text in the body must be valid Unicode: no lone surrogates."
    assert (rows(Shelf), rows(Book)) == (2, 3)
    assert client.get("/api/books/1").json["title"] == "Middlemarch"


@pytest.mark.parametrize("body", [b"[" * 5000, b'{"a":' * 3000, b"[" * 5000 + b"]" * 5000])
@pytest.mark.parametrize(
    ("method", "url"), [("post", "/api/shelves"), ("post", "/api/books"), ("patch", "/api/books/1")]
)
def test_json_nested_too_deep_is_a_400(client, seeded, rows, method, url, body):
    response = getattr(client, method)(url, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json["message"] == "The body must be a JSON object."
    assert (rows(Shelf), rows(Book)) == (2, 3)


def test_nesting_python_can_parse_is_checked_like_any_value(client, seeded):
    title = b"[" * 500 + b'"Dune"' + b"]" * 500
    body = b'{"title": %s, "year": 1965, "shelf_id": 1}' % title
    response = client.post("/api/books", data=body, content_type="application/json")
    assert response.json["fields"] == {"title": "must be a string"}
