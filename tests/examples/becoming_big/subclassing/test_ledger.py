"""examples/becoming_big/subclassing/ledger.py: Response and JSON classes, a view's limit."""

from decimal import Decimal

import pytest


def test_amounts_are_summed_exactly_and_dates_are_iso(client):
    response = client.post("/entries", json={"amounts": [0.1, 0.2]})
    assert response.json == {"total": "0.3", "booked": "2026-01-31"}


def test_incoming_floats_are_decimals(app):
    from flask import request

    with app.test_request_context(json={"amounts": [0.1]}):
        assert request.json == {"amounts": [Decimal("0.1")]}


def test_every_response_says_nosniff(client):
    assert client.post("/entries", json={"amounts": []}).headers["X-Content-Type-Options"] == (
        "nosniff"
    )
    assert client.get("/missing").headers["X-Content-Type-Options"] == "nosniff"


def test_a_body_over_the_views_limit_is_413(app, client):
    assert app.config["MAX_CONTENT_LENGTH"] is None  # the limit is the view's own
    big = '{"amounts": [' + ",".join(["1"] * 600) + "]}"
    response = client.post("/entries", data=big, content_type="application/json")
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("[1]", 400),
        ("{}", 400),
        ('{"amounts": "1"}', 400),
        ('{"amounts": ["1"]}', 400),
        ('{"amounts": [true]}', 400),
        ('{"amounts": [NaN]}', 400),
        ('{"amounts": [1e999999999]}', 400),  # Decimal would overflow in the sum
        ('{"amounts": [', 400),
        ("[" * 1000, 400),  # fits the view's limit, past Python 3.11's parser: RecursionError
    ],
)
def test_bad_input_is_a_400_never_a_500(client, body, status):
    response = client.post("/entries", data=body, content_type="application/json")
    assert response.status_code == status


def test_a_body_not_sent_as_json_is_415(client):
    assert client.post("/entries", data="amounts=1").status_code == 415


def test_json_nested_too_deep_is_a_value_error_like_any_broken_json(app):
    with pytest.raises(ValueError, match="JSON nested too deeply"):
        app.json.loads("[" * 100_000 + "]" * 100_000)
