"""examples/quickstart/responses/responses.py: what a view may return, and the response."""

import pytest


def test_a_string_is_html(client):
    response = client.get("/text")
    assert (response.status_code, response.content_type) == (200, "text/html; charset=utf-8")
    assert response.text == "A string becomes an HTML body"


@pytest.mark.parametrize(
    ("url", "body"),
    [("/me", {"name": "Ada", "languages": ["en", "fr"]}), ("/tags", ["flask", "wsgi"])],
)
def test_a_dict_or_a_list_is_json(client, url, body):
    response = client.get(url)
    assert response.content_type == "application/json"
    assert response.json == body


def test_a_tuple_gives_body_status_and_headers(client):
    response = client.post("/notes")
    assert (response.status_code, response.location, response.json) == (201, "/notes/3", {"id": 3})


def test_make_response_lets_the_view_change_the_response(client):
    response = client.get("/teapot")
    assert response.status == "418 I'M A TEAPOT"
    assert response.headers["Retry-After"] == "3600"
    assert response.content_type == "text/plain; charset=utf-8"
    assert response.text == "I refuse to brew coffee"
