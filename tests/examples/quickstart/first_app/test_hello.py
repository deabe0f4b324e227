"""examples/quickstart/first_app/hello.py: the minimal app, and the reloader of debug mode.

The page's commands themselves run in tests/test_quickstart_downloads.py.
"""

import contextlib
import time
import urllib.error

import pytest

from harness.services.commands import BIN, fetch


@pytest.fixture
def folder(example):
    return example.folder


def test_the_index_says_hello(app):
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.text == "<p>Hello from Flask!</p>"
    assert response.mimetype == "text/html"


def test_debug_mode_restarts_the_server_when_the_file_changes(folder, serve, tmp_path):
    """The page: with --debug, the server restarts by itself when you save a file."""
    module = tmp_path / "hello.py"
    module.write_text((folder / "hello.py").read_text())
    url = serve([BIN / "flask", "--app", "hello", "run", "--debug", "--port", "{port}"],
                cwd=tmp_path)  # fmt: skip
    assert fetch(url + "/")[2] == b"<p>Hello from Flask!</p>"
    module.write_text(module.read_text().replace("Hello from Flask!", "Hello again!"))
    body, deadline = b"", time.monotonic() + 15
    while body != b"<p>Hello again!</p>" and time.monotonic() < deadline:
        time.sleep(0.2)
        # The server may be between two processes for a moment.
        with contextlib.suppress(urllib.error.URLError):
            body = fetch(url + "/")[2]
    assert body == b"<p>Hello again!</p>"
