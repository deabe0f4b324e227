"""examples/in_the_box/rest/items_view.py: a MethodView, 4xx for bad input."""

import pytest


def test_get_and_post_are_methods_of_the_class(client):
    assert client.get("/items").json == [{"id": 1, "name": "apple"}]
    response = client.post("/items", json={"name": "pear"})
    assert (response.status_code, response.json) == (201, {"id": 2, "name": "pear"})
    assert len(client.get("/items").json) == 2
    assert sorted(client.delete("/items").headers["Allow"].split(", ")) == [
        "GET",
        "HEAD",
        "OPTIONS",
        "POST",
    ]


@pytest.mark.parametrize(
    "body",
    [
        {"json": {}},
        {"json": {"title": "pear"}},
        {"json": ["pear"]},
        {"json": {"name": None}},
        {"data": "name=pear"},
        {"data": "{", "content_type": "application/json"},
    ],
    ids=["empty", "another key", "a list", "null name", "a form", "broken JSON"],
)
def test_a_post_without_a_name_is_400_and_adds_nothing(client, body):
    response = client.post("/items", **body)
    assert response.status_code == 400
    assert response.json == {"error": 'Send JSON such as {"name": "pear"}.'}
    assert client.get("/items").json == [{"id": 1, "name": "apple"}]


def test_json_nested_too_deep_is_400_and_adds_nothing(client):
    deep = "[" * 100_000 + "]" * 100_000  # past Python's parser: RecursionError
    response = client.post("/items", data=deep, content_type="application/json")
    assert response.status_code == 400
    assert client.get("/items").json == [{"id": 1, "name": "apple"}]
