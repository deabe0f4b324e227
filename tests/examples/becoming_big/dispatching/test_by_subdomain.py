"""examples/becoming_big/dispatching/by_subdomain.py: apps created lazily, one per tenant."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from werkzeug.test import Client


@pytest.fixture
def dispatcher(example):
    return example.module.application


def test_an_app_is_created_on_its_first_request_only(dispatcher):
    client = Client(dispatcher)
    assert dispatcher.apps == {}
    assert client.get("/", base_url="http://acme.example.test").json["tenant"] == "acme"
    first = dispatcher.apps["acme"]
    client.get("/", base_url="http://acme.example.test:8000")
    assert dispatcher.apps == {"acme": first}


def test_sessions_are_per_host(dispatcher):
    client = Client(dispatcher)
    client.post("/login/ada", base_url="http://acme.example.test")
    assert client.get("/", base_url="http://acme.example.test").json["user"] == "ada"
    assert client.get("/", base_url="http://globex.example.test").json["user"] is None


def test_an_unknown_tenant_is_404_and_creates_nothing(dispatcher):
    assert Client(dispatcher).get("/", base_url="http://initech.example.test").status_code == 404
    assert dispatcher.apps == {}


def test_concurrent_first_requests_build_one_app(dispatcher):
    with ThreadPoolExecutor(8) as pool:
        apps = set(pool.map(lambda _: dispatcher.app_for("globex.example.test"), range(32)))
    assert len(apps) == 1


@pytest.mark.parametrize("host", ["acme", "acme.example.org", "acme.example.test.evil", ""])
def test_a_host_outside_the_domain_is_404(dispatcher, host):
    assert Client(dispatcher).get("/", headers={"Host": host}).status_code == 404
    assert dispatcher.apps == {}
