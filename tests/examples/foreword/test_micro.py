"""examples/foreword/micro.py: the whole-app-in-one-file example."""

from harness.services.commands import BIN, fetch, free_port, serve


def test_the_index_answers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.text == "One file, one app."


def test_any_other_url_is_not_found(client):
    assert client.get("/elsewhere").status_code == 404


def test_the_command_on_the_page_serves_it(example):
    """`flask --app micro run`, as the foreword tells the reader, on a loopback port."""
    port = free_port()
    command = [BIN / "flask", "--app", "micro", "run", "--host", "127.0.0.1", "--port", str(port)]
    with serve(command, port=port, cwd=example.folder) as url:
        status, headers, body = fetch(url + "/")
    assert (status, body) == (200, b"One file, one app.")
    assert headers["Server"].startswith("Werkzeug/")
