"""examples/deploying/asgi/served.py: the Flask app behind uvicorn, through WsgiToAsgi."""

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from harness.services.commands import BIN


@pytest.fixture
def url(example, serve):
    """The page's `uvicorn --host 127.0.0.1 --port 8000 served:asgi_app`, on a free port."""
    command = [BIN / "uvicorn", "--host", "127.0.0.1", "--port", "{port}", "served:asgi_app"]
    return serve(command, cwd=example.folder)


@pytest.fixture
def at_once(example):
    from at_once import at_once

    return at_once


def test_it_is_an_asgi_app_around_the_flask_app(example):
    from waiting import app

    assert example.module.asgi_app.wsgi_application is app


def test_the_app_runs_in_one_thread_that_is_not_the_loop_s(url, at_once):
    assert at_once([url + "/thread"]) == [
        {"main_thread": False, "multithread": True, "sleep": "time"}
    ]
    first, second = at_once(
        [url + "/wait?name=first&seconds=1", url + "/wait?name=second&seconds=1"]
    )
    assert (first["alongside"], second["alongside"]) == ([], [])


def test_async_views_run_on_the_server_s_loop(url, at_once):
    expected = {"main_thread": True, "same_loop_as_first": True}
    assert at_once([url + "/loop"]) == [expected]
    assert at_once([url + "/loop", url + "/loop"]) == [expected, expected]


def test_a_websocket_is_refused_with_a_500(url):
    with pytest.raises(InvalidStatus, match="HTTP 500"):
        connect(url.replace("http", "ws", 1) + "/shout", open_timeout=10)
