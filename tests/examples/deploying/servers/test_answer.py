"""examples/deploying/servers/answer.py: one app, the same answers from every server."""

import json
import urllib.request

import pytest

from harness.services.commands import BIN


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.status, response.headers, response.read()


def test_the_app_answers_with_its_message(client):
    response = client.get("/")
    assert response.json == {"message": "Hello from Flask", "path": "/"}


COMMANDS = {
    "gunicorn": [BIN / "gunicorn", "--workers", "2", "--bind", "127.0.0.1:{port}", "answer:app"],
    "waitress": [BIN / "waitress-serve", "--listen=127.0.0.1:{port}", "answer:app"],
    "flask run": [BIN / "flask", "--app", "answer", "run", "--port", "{port}"],
}


def test_every_server_sends_the_same_answer(example, serve):
    answers = {
        name: fetch(serve(command, cwd=example.folder) + "/") for name, command in COMMANDS.items()
    }
    bodies = {body for _, _, body in answers.values()}
    assert bodies == {b'{"message":"Hello from Flask","path":"/"}\n'}
    assert {status for status, _, _ in answers.values()} == {200}
    assert answers["gunicorn"][1]["Server"] == "gunicorn"
    assert answers["waitress"][1]["Server"] == "waitress"


@pytest.mark.parametrize(
    ("name", "multiprocess", "multithread"),
    [("gunicorn", True, False), ("waitress", False, True), ("flask run", False, True)],
)
def test_each_server_says_how_it_runs_the_app(example, serve, name, multiprocess, multithread):
    _, _, body = fetch(serve(COMMANDS[name], cwd=example.folder) + "/model")
    assert json.loads(body) == {"multiprocess": multiprocess, "multithread": multithread}
