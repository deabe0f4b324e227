"""examples/becoming_big/blueprints/shop/catalog.py: blueprint templates and 404 page."""


def test_the_index_links_to_each_product(client):
    html = client.get("/catalog/").text
    assert "<title>Catalog · Shop</title>" in html  # the app's layout.html
    assert '<a href="/catalog/1">Teapot</a>' in html


def test_a_product_page_links_to_the_other_blueprint(client):
    assert '<a href="/api/products/2">as JSON</a>' in client.get("/catalog/2").text


def test_an_unknown_product_gets_the_blueprints_404_page(client):
    response = client.get("/catalog/9")
    assert response.status_code == 404
    assert "We do not sell that (yet)." in response.text


def test_other_404s_keep_flasks_page(client):
    assert "We do not sell" not in client.get("/elsewhere").text
