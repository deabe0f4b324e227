"""examples/in_the_box/wsgi/streaming.py: a streamed response and a redirect, under gunicorn too."""

import http.client
import urllib.request

from harness.services.commands import BIN


def test_the_countdown_comes_in_pieces_and_launch_redirects_to_it(client):
    with client.get("/countdown") as response:
        assert response.is_streamed
        assert list(response.response) == [b"3\n", b"2\n", b"1\n", b"liftoff\n"]
    assert client.get("/launch").location == "/countdown"


def test_gunicorn_runs_it_as_the_page_says(example, serve):
    """`gunicorn --bind 127.0.0.1:8000 streaming:app`, on a free port instead of 8000."""
    url = serve([BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "streaming:app"],
                cwd=example.folder, ready_path="/launch")  # fmt: skip
    with urllib.request.urlopen(url + "/launch", timeout=10) as response:
        assert response.url == url + "/countdown"  # the redirect was followed
        assert response.read() == b"3\n2\n1\nliftoff\n"
        assert response.headers["Server"] == "gunicorn"
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", "/countdown")
        response = connection.getresponse()
        assert response.version == 11
        assert response.headers["Transfer-Encoding"] == "chunked"
        assert response.headers["Content-Length"] is None
        assert response.read() == b"3\n2\n1\nliftoff\n"
    finally:
        connection.close()
