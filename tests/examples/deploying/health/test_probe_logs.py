"""examples/deploying/health/probe_logs.py: successful probes leave no access line; the rest do."""

import re
import socket
import time
import urllib.error
import urllib.request

from harness.services.commands import BIN


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        with error:
            return error.code


def access_lines(log_path, expected):
    """The access lines gunicorn wrote, once there are `expected` of them (it writes after
    the response), or after 10 s."""
    deadline = time.monotonic() + 10
    while True:
        lines = [line for line in log_path.read_text().splitlines() if '"GET ' in line]
        if len(lines) >= expected or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def test_only_what_is_news_is_logged(example, serve, tmp_path, monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    monkeypatch.setenv("FLASK_DATABASE_URL", f"postgresql+psycopg://shop@127.0.0.1:{closed}/shop")
    log_path = tmp_path / "gunicorn.log"
    command = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "--access-logfile", "-",
               "--logger-class", "probe_logs.QuietProbes", "checked:create_app()"]  # fmt: skip
    with log_path.open("w+") as log:
        url = serve(command, cwd=example.folder, ready_path="/healthz", log=log)
        assert [status(url + path) for path in ("/healthz", "/healthz", "/readyz", "/missing")] == [
            200,
            200,
            503,
            404,
        ]
        lines = access_lines(log_path, expected=2)
    assert [re.search(r'"GET (\S+) HTTP/1.1" (\d+)', line).groups() for line in lines] == [
        ("/readyz", "503"),
        ("/missing", "404"),
    ]


def test_without_the_logger_class_every_probe_is_a_line(example, serve, tmp_path, monkeypatch):
    monkeypatch.setenv("FLASK_DATABASE_URL", "sqlite://")
    log_path = tmp_path / "gunicorn.log"
    command = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "--access-logfile", "-",
               "checked:create_app()"]  # fmt: skip
    with log_path.open("w+") as log:
        url = serve(command, cwd=example.folder, ready_path="/readyz", log=log)
        assert status(url + "/healthz") == 200
        lines = access_lines(log_path, expected=2)
    assert [
        '"GET /readyz HTTP/1.1" 200' in lines[0],
        '"GET /healthz HTTP/1.1" 200' in lines[-1],
    ] == [
        True,
        True,
    ]
