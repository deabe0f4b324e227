"""What the gunicorn tests share: asking a server of two workers until both have answered."""

import json
import time
import urllib.request

import pytest


def visit(url):
    request = urllib.request.Request(url + "/visits", method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        return json.load(response)


@pytest.fixture
def both_workers():
    """``both_workers(url)``: {worker's pid: pid of the process that opened its connection}.

    One POST at a time, never two at once: without the post_fork hook both workers
    share one database connection, which two requests at once would garble. Which
    worker accepts each is up to the kernel, so it asks for up to 30 seconds.
    """

    def ask(url):
        answers = {}
        deadline = time.monotonic() + 30
        while len(answers) < 2:
            assert time.monotonic() < deadline, f"one worker answered every request: {answers}"
            answer = visit(url)
            answers[answer["worker"]] = answer["connection_opened_by"]
        return answers

    return ask
