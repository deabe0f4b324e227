"""examples/in_the_box/rest/items_by_method.py: one view per HTTP method, 4xx for bad input."""

import pytest

ALLOWED = ["DELETE", "GET", "HEAD", "OPTIONS", "PUT"]


def test_each_method_reaches_its_view(client):
    assert client.get("/items/1").json == {"id": 1, "name": "apple"}
    assert client.put("/items/1", json={"name": "pear"}).json == {"id": 1, "name": "pear"}
    assert client.delete("/items/1").status_code == 204
    assert client.get("/items/1").status_code == 404


def test_put_creates_an_item_that_did_not_exist(client):
    response = client.put("/items/2", json={"name": " plum "})
    assert (response.status_code, response.json) == (201, {"id": 2, "name": "plum"})
    assert client.put("/items/2", json={"name": "fig"}).status_code == 200


def test_head_sends_the_headers_of_get_without_the_body(client):
    get = client.get("/items/1")
    head = client.head("/items/1")
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["Content-Length"] == get.headers["Content-Length"] == str(len(get.data))


def test_other_methods_get_405_with_allow(client):
    response = client.post("/items/1")
    assert response.status_code == 405
    assert sorted(response.headers["Allow"].split(", ")) == ALLOWED
    assert sorted(client.options("/items/1").headers["Allow"].split(", ")) == ALLOWED


@pytest.mark.parametrize(
    "body",
    [
        {"json": {}},
        {"json": ["pear"]},
        {"json": {"name": 3}},
        {"json": {"name": "  "}},
        {"json": None},
        {"data": "name=pear"},
        {"data": "{", "content_type": "application/json"},
        {},
    ],
    ids=["empty", "a list", "not text", "blank", "null", "a form", "broken JSON", "no body"],
)
def test_a_put_without_a_name_is_400_and_changes_nothing(client, body):
    response = client.put("/items/1", **body)
    assert response.status_code == 400
    assert response.json == {"error": 'Send JSON such as {"name": "pear"}.'}
    assert client.get("/items/1").json == {"id": 1, "name": "apple"}


def test_deleting_what_is_not_there_is_404(client):
    assert client.delete("/items/99").status_code == 404
    assert client.delete("/items/1").status_code == 204
    assert client.delete("/items/1").status_code == 404


def test_json_nested_too_deep_is_400_and_changes_nothing(client):
    deep = "[" * 100_000 + "]" * 100_000  # past Python's parser: RecursionError
    response = client.put("/items/1", data=deep, content_type="application/json")
    assert response.status_code == 400
    assert client.get("/items/1").json == {"id": 1, "name": "apple"}
