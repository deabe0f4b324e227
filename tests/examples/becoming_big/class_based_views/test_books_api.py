"""examples/becoming_big/class_based_views/books_api.py: CRUD with MethodView."""

import pytest


def test_create_read_update_delete(client):
    assert client.get("/books").json == []
    created = client.post("/books", json={"title": "Dune", "year": 1965})
    assert (created.status_code, created.json) == (201, {"id": 1, "title": "Dune", "year": 1965})
    assert client.put("/books/1", json={"title": "Dune", "year": 1966}).json["year"] == 1966
    assert client.get("/books").json == [{"id": 1, "title": "Dune", "year": 1966}]
    assert client.delete("/books/1").status_code == 204
    assert client.get("/books/1").status_code == 404


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"title": "a non-empty string is required", "year": "an integer is required"}),
        ({"title": "Dune", "year": True}, {"year": "an integer is required"}),
        ({"title": " ", "year": 1965}, {"title": "a non-empty string is required"}),
    ],
)
def test_invalid_fields_are_422_and_use_no_id(client, body, fields):
    response = client.post("/books", json=body)
    assert (response.status_code, response.json["fields"]) == (422, fields)
    assert client.post("/books", json={"title": "Dune", "year": 1965}).json["id"] == 1


def test_a_body_that_is_not_an_object_is_400(client):
    assert client.post("/books", data="title=Dune").json["message"] == "Send a JSON object."


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [("get", "/books/7", 404), ("delete", "/books/7", 404), ("patch", "/books/1", 405)],
)
def test_404_and_405_are_json(client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert set(response.json) == {"error", "message"}


def test_a_405_keeps_its_allow_header(client):
    allowed = client.patch("/books/1").headers["Allow"].split(", ")
    assert sorted(allowed) == ["DELETE", "GET", "HEAD", "OPTIONS", "PUT"]


DEEP = "[" * 100_000 + "]" * 100_000  # past Python's parser: RecursionError, not ValueError


@pytest.mark.parametrize(("method", "url"), [("post", "/books"), ("put", "/books/1")])
def test_json_nested_too_deep_is_400(client, method, url):
    client.post("/books", json={"title": "Dune", "year": 1965})
    response = getattr(client, method)(url, data=DEEP, content_type="application/json")
    assert (response.status_code, response.json["message"]) == (400, "Send a JSON object.")
    assert client.get("/books").json == [{"id": 1, "title": "Dune", "year": 1965}]
