"""examples/patterns/async_views/dashboard.py: waits overlap inside a request only with gather."""

import threading

import pytest

STARTS = ["weather started", "news started", "calendar started"]
IN_TURN = [
    "weather started",
    "weather finished",
    "news started",
    "news finished",
    "calendar started",
    "calendar finished",
]


def test_gather_starts_every_call_before_any_finishes(client):
    body = client.get("/together").json
    assert body["events"][:3] == STARTS
    assert sorted(body["events"][3:]) == sorted(event for event in IN_TURN if "finished" in event)
    assert body["answers"] == ["weather: ok", "news: ok", "calendar: ok"]


@pytest.mark.parametrize("path", ["/in-turn", "/one-by-one"])
def test_without_gather_each_call_ends_before_the_next(client, path):
    body = client.get(path).json
    assert body["events"] == IN_TURN
    assert body["answers"] == ["weather: ok", "news: ok", "calendar: ok"]


@pytest.mark.parametrize("path", ["/together", "/one-by-one", "/in-turn"])
def test_each_response_says_when_it_ran(client, path):
    body = client.get(path).json
    assert body["started"] <= body["finished"]


def test_async_views_run_outside_the_calling_thread(app):
    """Flask hands the coroutine to asgiref, which runs it in a thread of its own."""
    calls = []
    original = app.view_functions["together"]

    async def spy():
        calls.append(threading.current_thread())
        return await original()

    app.view_functions["together"] = spy
    assert app.test_client().get("/together").status_code == 200
    assert len(calls) == 1
    assert calls[0] is not threading.current_thread()
