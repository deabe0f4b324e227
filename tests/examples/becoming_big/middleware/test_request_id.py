"""examples/becoming_big/middleware/request_id.py: a WSGI middleware of our own."""

from wsgiref.validate import validator

from werkzeug.test import Client


def test_a_given_request_id_is_kept_and_seen_by_the_app(client):
    response = client.get("/", headers={"X-Request-Id": "abc123"})
    assert response.headers["X-Request-Id"] == "abc123"
    assert response.json == {"request_id": "abc123"}
    assert response.headers["Server-Timing"].startswith("app;dur=")


def test_a_missing_id_is_made_up_and_differs_each_time(client):
    first, second = (client.get("/").headers["X-Request-Id"] for _ in range(2))
    assert len(first) == len(second) == 32
    assert first != second


def test_the_wrapped_app_is_valid_wsgi(app):
    with Client(validator(app)).get("/") as response:
        assert response.status_code == 200
