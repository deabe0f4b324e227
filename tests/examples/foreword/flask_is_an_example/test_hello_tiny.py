"""examples/foreword/flask_is_an_example/hello_tiny.py: the greeting app on the tiny framework."""

from wsgiref.validate import validator

import pytest
from werkzeug.test import Client

from harness.services.commands import BIN, fetch


@pytest.fixture
def client(app):
    return Client(app)  # a Tiny app has no test_client()


def test_a_name_in_the_url_is_greeted(client):
    response = client.get("/hello/Ada")
    assert (response.status_code, response.text) == (200, "<p>Hello, Ada!</p>")


def test_the_name_is_escaped(client):
    assert client.get("/hello/<em>Ada").text == "<p>Hello, &lt;em&gt;Ada!</p>"


@pytest.mark.parametrize(
    ("query", "location"), [("", "/hello/stranger"), ("?name=Ada", "/hello/Ada")]
)
def test_the_index_redirects_to_the_greeting(client, query, location):
    response = client.get("/" + query)
    assert (response.status_code, response.location) == (302, location)


def test_the_hand_made_url_quotes_the_name(client):
    """quote() keeps "?" in the name: the page shows what happens without it."""
    assert client.get("/?name=why?").location == "/hello/why%3F"
    assert client.get("/?name=why?", follow_redirects=True).text == "<p>Hello, why?!</p>"
    assert client.get("/hello/why?").text == "<p>Hello, why!</p>"


@pytest.mark.parametrize("name", ["a%0d%0ab", "%ff", "a/b", "%00", ""])
def test_odd_names_are_redirected_not_a_server_error(client, name):
    response = client.get("/?name=" + name)
    assert response.status_code == 302
    assert client.get(response.location).status_code in {200, 404}


def test_it_is_a_valid_wsgi_application(client):
    checked = Client(validator(client.application))
    for path in ("/hello/Ada", "/", "/nowhere"):
        with checked.get(path) as response:
            assert response.status_code in {200, 302, 404}


def test_gunicorn_serves_it(example, serve):
    """A real WSGI server runs the tiny app: `gunicorn hello_tiny:app`, on a loopback port."""
    command = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "hello_tiny:app"]
    url = serve(command, cwd=example.folder, ready_path="/hello/Ada")
    status, headers, body = fetch(url + "/hello/Ada")
    assert (status, body) == (200, b"<p>Hello, Ada!</p>")
    assert headers["Server"] == "gunicorn"
