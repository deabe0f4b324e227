"""tests/harness/redis_server.py: a private redis-server that always stops."""

import socket
from urllib.parse import urlsplit

import pytest

from tests.harness import redis_server as module
from tests.harness.redis_server import MISSING, redis_server, redis_server_path

needs_redis = pytest.mark.skipif(redis_server_path() is None, reason=MISSING)


def refuses_connections(url: str) -> bool:
    try:
        socket.create_connection((urlsplit(url).hostname, urlsplit(url).port), timeout=1.0).close()
    except ConnectionRefusedError:
        return True
    return False


@needs_redis
def test_it_answers_on_loopback_logs_to_the_folder_and_stops(tmp_path):
    with redis_server(tmp_path) as url:
        assert url.startswith("redis://127.0.0.1:")
        assert module._answers_ping(urlsplit(url).port)
    assert refuses_connections(url)
    assert "Ready to accept connections" in (tmp_path / "redis.log").read_text()


@needs_redis
def test_it_stops_when_the_block_raises(tmp_path):
    with pytest.raises(LookupError), redis_server(tmp_path) as url:
        raise LookupError("a failing test")
    assert refuses_connections(url)


def test_without_redis_server_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(module.shutil, "which", lambda name: None)
    with pytest.raises(FileNotFoundError, match="apt-get install redis-server"):
        redis_server(tmp_path).__enter__()
