"""examples/in_the_box/wsgi/wsgi_check.py: the validator catches what breaks WSGI."""

import pytest


@pytest.fixture
def call(example):
    return example.module.call


def test_a_flask_app_passes(call):
    from flask import Flask

    app = Flask(__name__)
    app.add_url_rule("/", "index", lambda: "ok")
    answer = call(app, "GET", "/")
    assert (answer.status, answer.body, answer.streamed) == (200, b"ok", False)


def test_a_text_body_breaks_wsgi_and_is_caught(call):
    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return ["text, not bytes"]

    with pytest.raises(AssertionError, match="Iterator yielded non-bytestring"):
        call(app, "GET", "/")


def test_a_status_without_reason_breaks_wsgi_and_is_caught(call):
    def app(environ, start_response):
        start_response("200", [])
        return [b""]

    from wsgiref.validate import WSGIWarning

    with pytest.raises(WSGIWarning, match=r"The status string \('200'\) should be"):
        call(app, "GET", "/")


def test_a_streamed_answer_is_recognised(call):
    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        yield b"a"
        yield b"b"

    answer = call(app, "POST", "/", data=b"body")
    assert (answer.body, answer.streamed) == (b"ab", True)
