"""examples/becoming_big/middleware/mounted.py: DispatcherMiddleware mounts two WSGI apps."""

import pytest
from werkzeug.test import Client

from harness.services.commands import BIN, fetch


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


def test_gunicorn_serves_the_dispatcher(example, serve):
    """The page's `gunicorn mounted:application`, in the example's folder, on a free port."""
    command = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "mounted:application"]
    url = serve(command, cwd=example.folder, ready_path="/health")
    assert fetch(url + "/health")[2] == b"ok\n"
    status, _, body = fetch(url + "/app/")
    assert (status, body) == (200, b'{"path":"/","script_root":"/app","url":"/app/"}\n')
