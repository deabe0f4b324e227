"""examples/becoming_big/data_layer/notes_redis.py: a counter and a hash in a real Redis server.

What every store must do is tested in test_notes_api.py; here, what is particular
to the Redis variant. The server is the session's redis-server (see conftest.py).
"""

import json

import pytest
from redis import Redis


@pytest.fixture
def app(make_app):
    return make_app("notes_redis")


def test_a_note_is_a_json_document_in_one_hash(app, redis_server):
    app.test_client().post("/notes", json={"title": "t", "tags": ["a"]})
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        assert sorted(redis.keys()) == ["notes", "notes:last-id"]
        assert redis.get("notes:last-id") == "1"
        assert json.loads(redis.hget("notes", "1")) == {"id": 1, "title": "t", "tags": ["a"]}


def test_nothing_is_opened_or_closed_per_request(app):
    """The client's pool lends a connection to each command: no request hooks."""
    assert not app.before_request_funcs
    assert not app.teardown_request_funcs
    assert not app.teardown_appcontext_funcs


def test_the_default_server_is_the_local_one_and_is_not_contacted_early(example):
    """create_app() connects to nothing: the first command does."""
    app = example.module.create_app()
    assert app.config["REDIS_URL"] == "redis://127.0.0.1:6379/0"
    pool = app.extensions["notes"].redis.connection_pool
    assert pool.connection_kwargs["port"] == 6379
    assert pool._created_connections == 0
