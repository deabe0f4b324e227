"""examples/foreword/micro.py: the whole-app-in-one-file example."""

from harness.services.commands import BIN, fetch


def test_the_index_answers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.text == "One file, one app."


def test_any_other_url_is_not_found(client):
    assert client.get("/elsewhere").status_code == 404


def test_the_command_on_the_page_serves_it(example, serve):
    """The one file is a whole app: `flask --app micro run` serves it, on a loopback port.

    The foreword shows it through the test client only (the reader has not installed Flask
    yet); the Quickstart serves its first app with this command.
    """
    command = [BIN / "flask", "--app", "micro", "run", "--host", "127.0.0.1", "--port", "{port}"]
    status, headers, body = fetch(serve(command, cwd=example.folder) + "/")
    assert (status, body) == (200, b"One file, one app.")
    assert headers["Server"].startswith("Werkzeug/")
