"""examples/becoming_big/scaling/burst.py: many requests at once, every status counted."""

import threading

import pytest
from flask import Flask, request
from werkzeug.serving import make_server


@pytest.fixture(scope="module")
def url():
    """A small threaded server on a free loopback port, for the tests of this file."""
    app = Flask(__name__)
    together = threading.Barrier(5, timeout=10)

    @app.post("/echo")
    def echo():
        return request.json, 201

    @app.route("/method", methods=["PATCH", "DELETE"])
    def method():
        return "", 200 if request.method == "PATCH" else 204

    @app.get("/together")
    def wait_for_the_others():
        together.wait()  # answers only once five requests are in flight at the same time
        return "ok"

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


def test_statuses_come_back_in_the_order_of_the_requests(example, url):
    requests = [(url + "/echo", {"n": 1}), (url + "/missing", None), (url + "/echo", None)]
    statuses, seconds = example.module.burst(requests, concurrency=3)
    assert statuses == [201, 404, 405]  # errors are counted, not raised
    assert seconds > 0


def test_the_requests_are_in_flight_at_the_same_time(example, url):
    statuses, _ = example.module.burst([(url + "/together", None)] * 5, concurrency=5)
    assert statuses == [200] * 5


def test_a_body_is_sent_as_json(example, url):
    assert example.module.send(url + "/echo", {"title": "Odes"}) == 201


def test_a_race_sends_each_method_at_the_same_moment(example, url):
    statuses = example.module.race([("GET", url + "/together", None)] * 5)
    assert statuses == [200] * 5  # the server answers only once all five are in flight


def test_a_race_keeps_the_order_and_the_methods(example, url):
    requests = [("PATCH", url + "/method", {"year": 1}), ("DELETE", url + "/method", None),
                ("POST", url + "/method", None)]  # fmt: skip
    assert example.module.race(requests) == [200, 204, 405]
