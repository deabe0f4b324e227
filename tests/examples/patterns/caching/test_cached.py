"""examples/patterns/caching/cached.py: a view and two functions cached in a real Redis.

The server is the run's redis-server; each test process has a numbered database of
its own (see harness/services/plugin.py), emptied before each test here.
"""

import secrets
import time

import pytest
from redis import Redis


@pytest.fixture(autouse=True)
def environment(monkeypatch, redis_server):
    redis_server.flush()
    monkeypatch.setenv("FLASK_SECRET_KEY", secrets.token_hex())
    monkeypatch.setenv("REDIS_URL", redis_server.url)


@pytest.fixture
def redis(redis_server):
    with Redis.from_url(redis_server.url, decode_responses=True) as client:
        yield client


@pytest.fixture
def catalogue(example):
    return example.module.catalogue


def logged_in(app, **session):
    client = app.test_client()
    with client.session_transaction() as saved:
        saved.update(session)
    return client


def test_the_second_request_does_not_run_the_view(client, catalogue, redis):
    first = client.get("/prices")
    assert catalogue.queries == 1
    assert client.get("/prices").json == first.json
    assert catalogue.queries == 1
    assert redis.keys() == ["flask_cache_view//prices"]
    assert 0 < redis.ttl("flask_cache_view//prices") <= 60


def test_another_app_on_the_same_server_reads_the_same_entry(example, client, catalogue):
    client.get("/prices")
    other = example.module.create_app().test_client()
    assert other.get("/prices?page=2").status_code == 200
    assert catalogue.queries == 1


def test_the_entry_expires_and_the_view_runs_again(app, client, catalogue, redis):
    view = app.view_functions["price_list"]
    view.cache_timeout = 1  # read on each call; the page's is 60 seconds
    client.get("/prices")
    assert redis.ttl("flask_cache_view//prices") in (0, 1)
    deadline = time.monotonic() + 10
    while redis.exists("flask_cache_view//prices") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not redis.exists("flask_cache_view//prices"), "Redis kept the entry"
    client.get("/prices")
    assert catalogue.queries == 2


def test_memoize_keeps_one_entry_per_argument(client, catalogue):
    for name in ("pear", "plum", "pear", "plum"):
        assert client.get(f"/prices/{name}").status_code == 200
    assert catalogue.queries == 2


def test_a_change_the_cache_is_not_told_about_stays_unseen(client, catalogue):
    client.get("/prices/pear")
    client.get("/prices")
    catalogue.set_price("pear", 99)  # behind the app's back: no invalidation
    assert client.get("/prices/pear").json["cents"] == 45
    assert client.get("/prices").json["pear"] == 45


def test_a_write_drops_only_the_entries_it_made_stale(app, catalogue):
    client = logged_in(app, staff=True)
    for path in ("/prices", "/prices/pear", "/prices/plum"):
        client.get(path)
    assert catalogue.queries == 3
    assert client.put("/prices/pear", json={"cents": 50}).status_code == 200
    assert client.get("/prices/plum").json["cents"] == 60
    assert catalogue.queries == 3  # plum's entry stayed
    assert client.get("/prices/pear").json["cents"] == 50
    assert client.get("/prices").json["pear"] == 50
    assert catalogue.queries == 5


@pytest.mark.parametrize(
    "body",
    [
        {"cents": "50"},
        {"cents": True},
        {"cents": 0},
        {"cents": 1_000_001},
        {"cents": 2**70},
        {"cents": 5.0},
        {},
        [50],
        "50",
    ],
)
def test_a_bad_price_is_refused_and_changes_nothing(app, catalogue, body):
    client = logged_in(app, staff=True)
    response = client.put("/prices/pear", json=body)
    assert response.status_code == 400
    assert catalogue.prices["pear"] == 45


def test_a_body_that_is_not_json_is_refused(app):
    client = logged_in(app, staff=True)
    assert client.put("/prices/pear", data="cents=50").status_code == 400
    assert client.put("/prices/pear", data="{", content_type="application/json").status_code == 400


def test_only_staff_change_prices(app, client, catalogue):
    assert client.put("/prices/pear", json={"cents": 1}).status_code == 403
    assert logged_in(app, user_id="ada").put("/prices/pear", json={"cents": 1}).status_code == 403
    client.set_cookie("session", "eyJzdGFmZiI6dHJ1ZX0.forged.signature")
    assert client.put("/prices/pear", json={"cents": 1}).status_code == 403
    assert catalogue.prices["pear"] == 45


def test_no_new_product_through_a_price_change(app, catalogue):
    response = logged_in(app, staff=True).put("/prices/kiwi", json={"cents": 10})
    assert response.status_code == 404
    assert "kiwi" not in catalogue.prices


def test_an_unknown_product_is_404_every_time(client, catalogue):
    assert client.get("/prices/kiwi").status_code == 404
    assert client.get("/prices/kiwi").status_code == 404
    assert catalogue.queries == 2  # None is not kept


def test_names_without_a_price_leave_no_entry_in_redis(client, redis):
    client.get("/prices/pear")
    entries = redis.dbsize()  # pear's entry, and price_of's version key
    for number in range(20):
        assert client.get(f"/prices/made-up-{number}").status_code == 404
    assert redis.dbsize() == entries


def test_without_response_filter_memoize_would_store_each_none(example, app, redis):
    """What the page says response_filter prevents: a None stored for every argument."""

    @example.module.cache.memoize(timeout=300)
    def nothing(name):
        return None

    with app.app_context():
        for number in range(20):
            assert nothing(f"made-up-{number}") is None
    assert redis.dbsize() == 1 + 20  # nothing's version key, and one None for each name


def test_each_user_gets_their_own_basket_cached_under_their_own_key(app, catalogue):
    ada, bob = logged_in(app, user_id="ada"), logged_in(app, user_id="bob")
    for _ in range(2):
        assert ada.get("/basket").json == {"user": "ada", "items": ["apple"]}
        assert bob.get("/basket").json == {"user": "bob", "items": ["pear", "plum"]}
    assert catalogue.queries == 2


def test_a_basket_is_private_and_varies_with_the_cookie(app):
    response = logged_in(app, user_id="ada").get("/basket")
    assert response.headers["Cache-Control"] == "private"
    assert response.headers["Vary"] == "Cookie"


def test_no_basket_without_a_user(client):
    assert client.get("/basket").status_code == 401


def test_the_default_server_is_the_local_one_and_is_not_contacted_early(example, monkeypatch):
    monkeypatch.delenv("REDIS_URL")
    app = example.module.create_app()
    backend = app.extensions["cache"][example.module.cache]
    pool = backend._write_client.connection_pool
    assert (pool.connection_kwargs["host"], pool.connection_kwargs["port"]) == ("127.0.0.1", 6379)
    assert pool._created_connections == 0


def test_a_test_configuration_points_the_cache_elsewhere(example, redis_server, redis):
    app = example.module.create_app({"REDIS_URL": redis_server.url})
    app.test_client().get("/prices")
    assert redis.keys() == ["flask_cache_view//prices"]
