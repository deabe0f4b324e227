"""examples/becoming_big/blueprints/shop/api.py: JSON with links into the catalog."""


def test_a_product_links_to_its_catalog_page(client):
    assert client.get("/api/products/1").json == {"id": 1, "name": "Teapot", "page": "/catalog/1"}
    response = client.get("/api/products/9")
    assert (response.status_code, response.json) == (404, {"error": "no product 9"})
