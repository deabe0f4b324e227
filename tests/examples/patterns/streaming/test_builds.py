"""examples/patterns/streaming/builds.py: a build log streamed while its lines arrive."""

import http.client
import json
import logging
import threading
import urllib.request
from urllib.parse import urlencode

import pytest

from harness.services.commands import BIN


@pytest.fixture
def build(client):
    made = client.post("/builds")
    assert made.status_code == 201
    return made.json


def add(client, build, line, **extra):
    return client.post(f"/builds/{build['id']}/lines", data={"line": line, **extra})


def test_a_build_gets_an_unguessable_id_and_its_log_s_address(client, build):
    other = client.post("/builds").json
    assert len(build["id"]) >= 20
    assert build["id"] != other["id"]
    assert build["log"] == f"/builds/{build['id']}/log"


def test_the_log_streams_every_line_and_ends_with_the_last(client, build):
    add(client, build, "one")
    add(client, build, "two", last="")
    with client.get(build["log"]) as response:
        assert response.is_streamed
        assert response.content_length is None
        assert list(response.response) == [b"one\n", b"two\n"]


def test_the_log_resumes_from_a_line(client, build):
    for line in ["a", "b", "c"]:
        add(client, build, line)
    add(client, build, "d", last="1")
    assert client.get(build["log"] + "?from=2").text == "c\nd\n"
    assert client.get(build["log"] + "?from=99").text == ""
    assert client.get(build["log"] + "?from=x").text == "a\nb\nc\nd\n"  # not a number: 0


def test_lines_posted_while_reading_arrive_in_order(client, build):
    add(client, build, "first")
    response = client.get(build["log"])
    pieces = iter(response.response)
    assert next(pieces) == b"first\n"
    poster = threading.Thread(target=add, args=(client, build, "second"), kwargs={"last": "1"})
    poster.start()
    assert next(pieces) == b"second\n"
    poster.join(10)
    assert list(pieces) == []
    response.close()


def test_a_silent_build_ends_the_stream_with_a_note(app, client, build):
    app.config["LOG_WAIT_SECONDS"] = 0.05
    assert client.get(build["log"]).text == "(nothing new for a while: reconnect to go on)\n"


def test_the_end_of_the_stream_is_logged_with_the_reader_s_address(client, build, caplog):
    add(client, build, "only", last="1")
    with caplog.at_level(logging.INFO, logger="builds"):
        client.get(build["log"], environ_base={"REMOTE_ADDR": "192.0.2.7"}).close()
    assert caplog.messages == [f"sent 1 lines of build {build['id']} to 192.0.2.7"]


def test_a_reader_who_leaves_early_is_logged_too(client, build, caplog):
    add(client, build, "one")
    add(client, build, "two")
    with caplog.at_level(logging.INFO, logger="builds"):
        response = client.get(build["log"])
        assert next(iter(response.response)) == b"one\n"
        response.close()  # what a server does when the client goes away
    assert caplog.messages == [f"sent 1 lines of build {build['id']} to 127.0.0.1"]


@pytest.mark.parametrize("query", ["?from=-1", "?from=-99999999999999999999"])
def test_a_negative_start_is_a_400_before_the_stream(client, build, query):
    assert client.get(build["log"] + query).status_code == 400


def test_an_unknown_build_is_a_404(client):
    assert client.get("/builds/nope/log").status_code == 404
    assert client.post("/builds/nope/lines", data={"line": "x"}).status_code == 404


@pytest.mark.parametrize("line", ["", "a\nb", "x" * 501])
def test_a_bad_line_is_a_400(client, build, line):
    assert add(client, build, line).status_code == 400


def test_a_finished_build_takes_no_more_lines(client, build):
    add(client, build, "end", last="1")
    assert add(client, build, "late").status_code == 409


def test_the_oldest_build_is_forgotten_past_the_limit(client, example, build):
    for _ in range(example.module.MAX_BUILDS):
        client.post("/builds")
    assert len(example.module.builds) == example.module.MAX_BUILDS
    assert client.get(build["log"]).status_code == 404


def test_gunicorn_sends_the_first_line_before_the_last_exists(example, serve):
    """`gunicorn --workers 1 --threads 4 --bind 127.0.0.1:8000 builds:app`, on a free port."""
    url = serve([BIN / "gunicorn", "--workers", "1", "--threads", "4",
                 "--bind", "127.0.0.1:{port}", "builds:app"],
                cwd=example.folder, ready_path="/builds/none/log")  # fmt: skip

    def post(path, **form):
        sent = urllib.request.Request(url + path, data=urlencode(form).encode(), method="POST")
        with urllib.request.urlopen(sent, timeout=10) as response:
            return json.load(response)

    build = post("/builds")
    lines = f"/builds/{build['id']}/lines"
    post(lines, line="compiling")
    host, port = url.removeprefix("http://").split(":")
    reader = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        reader.request("GET", build["log"])
        log = reader.getresponse()
        assert (log.status, log.getheader("Transfer-Encoding")) == (200, "chunked")
        assert log.getheader("Server") == "gunicorn"
        assert log.readline() == b"compiling\n"
        # Only now is the second line produced: a buffered body could not have arrived yet.
        post(lines, line="linking", last="yes")
        assert log.readline() == b"linking\n"
        assert log.read() == b""
    finally:
        reader.close()
