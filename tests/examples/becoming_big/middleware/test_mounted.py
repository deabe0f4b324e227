"""examples/becoming_big/middleware/mounted.py: DispatcherMiddleware mounts two WSGI apps."""

import pytest
from werkzeug.test import Client


@pytest.fixture
def client(example):
    return Client(example.module.application)


def test_the_flask_app_knows_its_prefix(client):
    response = client.get("/app/")
    assert response.json == {"script_root": "/app", "path": "/", "url": "/app/"}


def test_the_plain_wsgi_app_answers_at_its_prefix(client):
    assert client.get("/health").get_data(as_text=True) == "ok\n"


@pytest.mark.parametrize("url", ["/", "/elsewhere", "/app/elsewhere"])
def test_anything_else_is_not_found(client, url):
    assert client.get(url).status_code == 404
