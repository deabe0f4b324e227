"""examples/foreword/flask_is_an_example/hello_flask.py: the greeting app on Flask.

It answers as its tiny twin (hello_tiny.py) does, and the flask command runs it.
"""

import subprocess

import pytest
from werkzeug.test import Client

from harness.services.commands import BIN


@pytest.fixture
def apps(app):
    from hello_tiny import app as tiny_app  # from the same folder as hello_flask

    return app, tiny_app


def answer(app, path, method="GET"):
    response = Client(app).open(path, method=method)
    return response.status, response.headers.get("Location"), response.data


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/hello/Ada"),
        ("GET", "/hello/<em>Ada"),
        ("GET", "/"),
        ("GET", "/?name=Ada"),
        ("GET", "/?name=why?"),
        ("GET", "/?name=a%0d%0ab"),
        ("GET", "/?name=%ff"),
        ("GET", "/nowhere"),
        ("HEAD", "/hello/Ada"),
        ("POST", "/hello/Ada"),
    ],
)
def test_flask_answers_as_the_tiny_app_does(apps, method, path):
    flask_app, tiny_app = apps
    assert answer(flask_app, path, method) == answer(tiny_app, path, method)


def test_url_for_quotes_the_name(app):
    assert answer(app, "/?name=why?")[1] == "/hello/why%3F"
    greeting = Client(app).get("/?name=why?", follow_redirects=True).text
    assert greeting == "<p>Hello, why?!</p>"


def test_flask_answers_options_itself(apps):
    flask_app, tiny_app = apps
    response = Client(flask_app).options("/hello/Ada")
    assert response.status_code == 200
    assert sorted(response.headers["Allow"].split(", ")) == ["GET", "HEAD", "OPTIONS"]
    assert Client(tiny_app).options("/hello/Ada").status_code == 405


def flask_command(folder, *args):
    """Run `flask --app hello_flask ...` for real, in the example's folder."""
    result = subprocess.run(
        [BIN / "flask", "--app", "hello_flask", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return result.stdout


def test_the_flask_command_has_run_shell_and_routes(example):
    commands = flask_command(example.folder, "--help").partition("Commands:")[2]
    assert [line.split()[0] for line in commands.strip().splitlines()] == [
        "routes",
        "run",
        "shell",
    ]


def test_the_routes_command_lists_the_views(example):
    """`flask --app hello_flask routes`, as the page says."""
    output = flask_command(example.folder, "routes")
    rows = [line.split() for line in output.splitlines()[2:]]
    assert rows == [
        ["hello", "GET", "/hello/<name>"],
        ["index", "GET", "/"],
        ["static", "GET", "/static/<path:filename>"],
    ]
