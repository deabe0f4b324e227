"""examples/becoming_big/hooks/lifecycle.py: hooks, signals and a converter, in order."""

import pytest

ORDER = [
    "converter",
    "request-started",
    "before_request",
    "view",
    "template-rendered",
    "after_request",
    "request-finished",
    "teardown_request(None)",
    "teardown_appcontext(None)",
]


@pytest.fixture
def lifecycle(example):
    return example.module


def test_one_request_fires_everything_in_order(lifecycle):
    response = lifecycle.app.test_client().get("/hello/ada")
    assert response.text == "Hello, ADA!"
    assert lifecycle.fired == ORDER


def test_a_404_fires_no_converter_view_or_template(lifecycle):
    assert lifecycle.app.test_client().get("/nowhere").status_code == 404
    assert "view" not in lifecycle.fired
    assert lifecycle.fired[0] == "request-started"
    assert lifecycle.fired[-1] == "teardown_appcontext(None)"


def test_teardown_gets_none_for_an_exception_a_handler_took(lifecycle):
    response = lifecycle.app.test_client().get("/buy")
    assert (response.status_code, response.text) == (409, "Out of stock.")
    assert lifecycle.fired[2:5] == ["view", "errorhandler", "after_request"]
    assert lifecycle.fired[-2:] == ["teardown_request(None)", "teardown_appcontext(None)"]


def test_teardown_gets_an_exception_no_handler_took(lifecycle):
    assert lifecycle.app.test_client().get("/broken").status_code == 500
    error = "ZeroDivisionError('division by zero')"
    assert lifecycle.fired[-2:] == [f"teardown_request({error})", f"teardown_appcontext({error})"]
