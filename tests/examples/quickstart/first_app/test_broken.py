"""examples/quickstart/first_app/broken.py: a view that raises, without and with the debugger."""

import re

import pytest

from harness.services.commands import BIN, fetch


@pytest.fixture
def folder(example):
    return example.folder


def test_the_view_raises_zero_division(app):
    app.testing = True  # exceptions reach the test instead of becoming a 500
    with pytest.raises(ZeroDivisionError, match="division by zero"):
        app.test_client().get("/")


def run_broken(serve, folder, *flags):
    url = serve([BIN / "flask", "--app", "broken", "run", *flags, "--port", "{port}"], cwd=folder)
    return fetch(url + "/")


def test_without_debug_a_visitor_gets_a_plain_500(serve, folder):
    status, headers, body = run_broken(serve, folder)
    assert status == 500
    assert b"<title>500 Internal Server Error</title>" in body
    assert b"ZeroDivisionError" not in body  # nothing about the code leaks out


def test_with_debug_a_visitor_gets_the_interactive_debugger(serve, folder):
    status, headers, body = run_broken(serve, folder, "--debug")
    html = body.decode()
    assert status == 500
    assert "<title>ZeroDivisionError: division by zero\n // Werkzeug Debugger</title>" in html
    assert 'return f"Average rating: {sum(ratings) / len(ratings)}"' in html
    # Code execution is on for a trusted host, but locked behind the PIN.
    assert re.search(r"EVALEX = true,\s+EVALEX_TRUSTED = false", html)
    assert "The console is locked and needs to be unlocked by entering the PIN." in html
