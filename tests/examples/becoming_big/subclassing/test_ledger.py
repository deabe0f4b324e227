"""examples/becoming_big/subclassing/ledger.py: custom Request, Response and JSON classes."""

from decimal import Decimal


def test_amounts_are_summed_exactly_and_dates_are_iso(app):
    response = app.test_client().post("/entries", json={"amounts": [0.1, 0.2]})
    assert response.json == {"total": "0.3", "booked": "2026-01-31"}


def test_incoming_floats_are_decimals(app):
    with app.test_request_context(json={"amounts": [0.1]}):
        from flask import request

        assert request.json == {"amounts": [Decimal("0.1")]}


def test_every_response_says_nosniff(app):
    client = app.test_client()
    assert client.post("/entries", json={"amounts": []}).headers["X-Content-Type-Options"] == (
        "nosniff"
    )
    assert client.get("/missing").headers["X-Content-Type-Options"] == "nosniff"


def test_a_body_over_the_request_limit_is_413(app):
    big = '{"amounts": [' + ",".join(["1"] * 600) + "]}"
    response = app.test_client().post("/entries", data=big, content_type="application/json")
    assert response.status_code == 413
