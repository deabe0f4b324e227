"""examples/patterns/error_handling/shop_api.py: every error JSON, bugs told to nobody."""

import pytest
from werkzeug.exceptions import InternalServerError


@pytest.mark.parametrize(
    ("method", "path", "sent", "status"),
    [
        ("GET", "/nowhere", {}, 404),
        ("GET", "/orders", {}, 405),
        ("DELETE", "/orders", {}, 405),
        ("POST", "/orders", {"data": "item=teapot"}, 415),
        ("POST", "/orders", {"data": "{", "content_type": "application/json"}, 400),
        ("POST", "/orders", {"json": ["teapot", 1]}, 400),
        ("POST", "/orders", {"json": {"item": "teapot", "quantity": "1"}}, 400),
        ("POST", "/orders", {"json": {"item": "teapot", "quantity": True}}, 400),
        ("POST", "/orders", {"json": {"item": "teapot", "quantity": 0}}, 400),
        ("POST", "/orders", {"json": {"item": "teapot", "quantity": -1}}, 400),
        ("POST", "/orders", {"json": {"item": 7, "quantity": 1}}, 400),
        ("POST", "/orders", {"json": {"item": "scarf", "quantity": 1}}, 404),
        ("POST", "/orders", {"data": "[" * 100_000, "content_type": "application/json"}, 400),
    ],
)
def test_every_http_error_is_json_with_its_name(client, method, path, sent, status):
    response = client.open(path, method=method, **sent)
    assert response.status_code == status
    assert response.content_type == "application/json"
    assert set(response.json) == {"error", "description"}
    assert response.json["description"]


def test_a_405_keeps_its_allow_header(client):
    assert sorted(client.get("/orders").headers["Allow"].split(", ")) == ["OPTIONS", "POST"]


def test_the_shop_s_rule_is_a_409_and_nothing_is_sold(client, example):
    response = client.post("/orders", json={"item": "teapot", "quantity": 3})
    assert (response.status_code, response.json) == (
        409,
        {"error": "Out of stock", "item": "teapot", "left": 2},
    )
    assert example.module.STOCK["teapot"] == 2


def test_an_order_takes_from_the_stock(client, example):
    response = client.post("/orders", json={"item": "teapot", "quantity": 2})
    assert (response.status_code, response.json) == (201, {"item": "teapot", "left": 0})
    assert client.post("/orders", json={"item": "teapot", "quantity": 1}).status_code == 409


def test_a_bug_is_logged_and_not_told(client, caplog):
    response = client.get("/broken")
    assert response.status_code == 500
    assert response.json == {
        "error": "Internal Server Error",
        "description": "The error is logged.",
    }
    assert "division" not in response.text
    (record,) = [r for r in caplog.records if r.levelname == "ERROR"]
    assert record.getMessage() == "Exception on /broken [GET]"
    assert record.exc_info[0] is ZeroDivisionError


def test_the_bug_handler_gets_the_original_exception(app, client):
    seen = []

    def report(error):
        seen.append(error.original_exception)
        return {"error": "Internal Server Error"}, 500

    app.register_error_handler(InternalServerError, report)
    client.get("/broken")
    (original,) = seen
    assert isinstance(original, ZeroDivisionError)
