"""examples/becoming_big/subclassing/ledger.py: custom Request, Response and JSON classes."""

from decimal import Decimal

import pytest


@pytest.fixture
def ledger(use_example):
    use_example("becoming_big/subclassing")
    from ledger import app

    return app


def test_amounts_are_summed_exactly_and_dates_are_iso(ledger):
    response = ledger.test_client().post("/entries", json={"amounts": [0.1, 0.2]})
    assert response.json == {"total": "0.3", "booked": "2026-01-31"}


def test_incoming_floats_are_decimals(ledger):
    with ledger.test_request_context(json={"amounts": [0.1]}):
        from flask import request

        assert request.json == {"amounts": [Decimal("0.1")]}


def test_every_response_says_nosniff(ledger):
    client = ledger.test_client()
    assert client.post("/entries", json={"amounts": []}).headers["X-Content-Type-Options"] == (
        "nosniff"
    )
    assert client.get("/missing").headers["X-Content-Type-Options"] == "nosniff"


def test_a_body_over_the_request_limit_is_413(ledger):
    big = '{"amounts": [' + ",".join(["1"] * 600) + "]}"
    response = ledger.test_client().post("/entries", data=big, content_type="application/json")
    assert response.status_code == 413
