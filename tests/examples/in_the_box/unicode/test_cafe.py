"""examples/in_the_box/unicode/cafe.py: non-ASCII URLs, queries, forms, templates, downloads."""


def test_a_non_ascii_route_and_query_render_as_utf8(client):
    response = client.get("/caf%C3%A9/Zo%C3%AB?drink=caf%C3%A9")
    assert response.data == "<p>Bonjour Zoë\u00a0! Un café\u00a0?</p>".encode()
    assert response.content_type == "text/html; charset=utf-8"
    assert client.get("/café/Zoë").data == "<p>Bonjour Zoë\u00a0! Un thé\u00a0?</p>".encode()


def test_a_form_field_is_text_not_bytes(client):
    assert client.post("/order", data={"name": "Zoë"}).json == {"name": "Zoë", "characters": 3}


def test_the_download_names_its_file_in_utf8_with_an_ascii_fallback(client):
    response = client.get("/menu")
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=\"carte du cafe.txt\"; filename*=UTF-8''carte%20du%20caf%C3%A9.txt"
    )
    assert response.data.decode() == "Café crème 3 €\nThé vert 2,50 €\n"


def test_an_order_without_a_name_is_400(client):
    assert client.post("/order", data={}).status_code == 400
    assert client.post("/order", json={"name": "Zoë"}).status_code == 400  # a form is expected
