"""examples/in_the_box/rest/items_by_method.py: one view per HTTP method."""


def test_each_method_reaches_its_view(client):
    assert client.get("/items/1").json == {"id": 1, "name": "apple"}
    assert client.put("/items/1", json={"name": "pear"}).json == {"id": 1, "name": "pear"}
    assert client.delete("/items/1").status_code == 204
    assert client.get("/items/1").status_code == 404


def test_other_methods_get_405_with_allow(client):
    response = client.post("/items/1")
    assert response.status_code == 405
    assert sorted(response.headers["Allow"].split(", ")) == [
        "DELETE",
        "GET",
        "HEAD",
        "OPTIONS",
        "PUT",
    ]
