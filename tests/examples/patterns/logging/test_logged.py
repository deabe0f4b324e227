"""examples/patterns/logging/logged.py: JSON log lines, each with the request's id."""

import io
import json
import logging
import re
import urllib.request

import pytest

from harness.services.commands import BIN


@pytest.fixture
def lines(example):
    """What the app has logged since the last call, one dict a line.

    The app's handler writes to the stdout it found when imported; here it writes
    to a buffer instead, the same formatter and filter at work.
    """
    root = logging.getLogger()
    (handler,) = [h for h in root.handlers if isinstance(h.formatter, example.module.JsonFormatter)]
    buffer = io.StringIO()
    handler.setStream(buffer)

    def read():
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return [json.loads(line) for line in text.splitlines()]

    return read


@pytest.fixture
def client(example, lines):
    return example.module.app.test_client()


def test_a_request_s_lines_carry_its_id_and_it_goes_back(client, lines):
    response = client.get("/notes/1", headers={"X-Request-Id": "abc-123"})
    assert response.headers["X-Request-Id"] == "abc-123"
    (line,) = lines()
    assert line["request_id"] == "abc-123"
    assert (line["level"], line["logger"], line["message"]) == ("INFO", "logged", "note 1 read")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", line["time"])


@pytest.mark.parametrize(
    "sent",
    ['" "level": "CRITICAL', "a" * 65, "", "id with spaces", "<script>", "ünïcode"],
)
def test_what_is_not_an_id_gets_a_fresh_one(client, lines, sent):
    response = client.get("/notes/9", headers={"X-Request-Id": sent})
    given = response.headers["X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{32}", given)
    assert [line["request_id"] for line in lines()] == [given]


def test_every_request_gets_its_own_id(client, lines):
    first = client.get("/notes/1").headers["X-Request-Id"]
    second = client.get("/notes/1").headers["X-Request-Id"]
    assert first != second
    assert [line["request_id"] for line in lines()] == [first, second]


def test_an_exception_is_reported_and_logged_with_the_id_and_kept_from_the_visitor(client, lines):
    response = client.get("/broken", headers={"X-Request-Id": "r-7"})
    assert (response.status_code, response.headers["X-Request-Id"]) == (500, "r-7")
    report, logged = lines()
    assert report["message"] == "reported ZeroDivisionError to the error tracker"
    assert logged["message"] == "Exception on /broken [GET]"
    assert logged["exception"].endswith("ZeroDivisionError: division by zero")
    assert {report["request_id"], logged["request_id"]} == {"r-7"}
    assert "ZeroDivisionError" not in response.text
    assert "Traceback" not in response.text


def test_flask_adds_no_handler_of_its_own(example):
    assert example.module.app.logger.handlers == []


def test_flask_run_writes_the_lines_to_stdout(example, serve, tmp_path):
    """The page's `flask --app logged run`, and its curl with an id, on a free port."""
    log = tmp_path / "server.log"
    with log.open("w") as output:
        command = [BIN / "flask", "--app", "logged", "run", "--port", "{port}"]
        url = serve(command, cwd=example.folder, ready_path="/notes/1", log=output)
        request = urllib.request.Request(url + "/notes/1", headers={"X-Request-Id": "abc-123"})
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            assert response.headers["X-Request-Id"] == "abc-123"
    logged = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    assert {"request_id": "abc-123", "message": "note 1 read"}.items() <= logged[-2].items()
    # Werkzeug's own line for the request, after the response: through the same handler.
    assert logged[-1]["logger"] == "werkzeug"
    assert '"GET /notes/1 HTTP/1.1" 200' in logged[-1]["message"]
