"""examples/in_the_box/rest/items_view.py: a MethodView."""


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
