"""examples/deploying/asgi/mounted.py: WebSockets to a native ASGI app, HTTP to Flask."""

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from harness.services.commands import BIN


@pytest.fixture
def url(example, serve):
    """The page's `uvicorn --host 127.0.0.1 --port 8000 mounted:asgi_app`, on a free port."""
    command = [BIN / "uvicorn", "--host", "127.0.0.1", "--port", "{port}", "mounted:asgi_app"]
    return serve(command, cwd=example.folder)


def test_the_websocket_shouts_back(url):
    with connect(url.replace("http", "ws", 1) + "/shout", open_timeout=10) as websocket:
        for text in ("hello", "", "ünïcode"):
            websocket.send(text)
            assert websocket.recv(timeout=10) == text.upper()


def test_another_websocket_path_is_refused(url):
    with pytest.raises(InvalidStatus, match="HTTP 403"):
        connect(url.replace("http", "ws", 1) + "/other", open_timeout=10)


def test_http_still_goes_to_flask(url, example):
    from at_once import get_json

    assert get_json(url + "/thread") == {"main_thread": False, "multithread": True, "sleep": "time"}
    assert get_json(url + "/wait?name=a") == {"name": "a", "alongside": [], "finished": ["a"]}
