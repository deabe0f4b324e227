"""examples/deploying/asgi/waiting.py: what overlaps under which server, told by the app itself."""

import threading

import pytest

from harness.services.commands import BIN

CRUNCH = "/crunch?name=crunch&rounds=10000000"
QUICK = "/wait?name=quick&seconds=0.2"


@pytest.fixture
def at_once(example):
    from at_once import at_once

    return at_once


def test_the_views_answer(client):
    assert client.get("/").text == "Hello from Flask\n"
    assert client.get("/thread").json == {
        "main_thread": True,
        "multithread": False,
        "sleep": "time",
    }
    answer = client.get("/wait?name=one").json
    assert answer == {"name": "one", "alongside": [], "finished": ["one"]}
    assert client.get("/crunch?name=two&rounds=1000").json["finished"] == ["one", "two"]


@pytest.mark.parametrize(
    "path",
    [
        "/wait?name=a&seconds=-1",
        "/wait?name=a&seconds=2.5",
        "/wait?name=a&seconds=nan",
        "/wait?name=a&seconds=inf",
        "/wait?name=a%20b",
        "/wait?name=",
        "/wait?name=" + "a" * 21,
        "/wait?name=%C3%A9",
        "/crunch?name=a&rounds=-1",
        "/crunch?name=a&rounds=10000001",
    ],
)
def test_bad_input_is_a_400(client, path):
    assert client.get(path).status_code == 400


def test_overlapping_requests_see_each_other(app):
    """Two threads in one process: the requests overlapped."""
    answers = {}

    def ask(name):
        # Two seconds each: time enough for the second thread to start, on a busy machine too.
        answers[name] = app.test_client().get(f"/wait?name={name}&seconds=2").json

    threads = [threading.Thread(target=ask, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    # They overlapped: one started while the other was in flight. Whether the first
    # still sees the second when it ends depends on which thread gets the GIL first.
    assert answers["a"]["alongside"] == ["b"] or answers["b"]["alongside"] == ["a"], answers


def test_each_async_request_gets_a_loop_of_its_own_under_wsgi(client):
    first, second = (client.get("/loop").json for _ in range(2))
    assert first == {"main_thread": False, "same_loop_as_first": True}
    assert second == {"main_thread": False, "same_loop_as_first": False}


def test_one_gevent_worker_overlaps_waiting_requests_and_not_computing(example, serve, at_once):
    """The page's `gunicorn --worker-class gevent --workers 1 ...`, on a free port."""
    command = [BIN / "gunicorn", "--worker-class", "gevent", "--workers", "1",
               "--bind", "127.0.0.1:{port}", "waiting:app"]  # fmt: skip
    url = serve(command, cwd=example.folder)
    assert at_once([url + "/thread"]) == [
        {"main_thread": False, "multithread": True, "sleep": "gevent.hub"}
    ]
    first, second = at_once(
        [url + "/wait?name=first&seconds=1", url + "/wait?name=second&seconds=1"]
    )
    assert (first["alongside"], second["alongside"]) == (["second"], ["first"])
    crunch, quick = at_once([url + CRUNCH, url + QUICK])
    assert quick["finished"][-2:] == ["crunch", "quick"]


def test_one_sync_worker_overlaps_nothing(example, serve, at_once):
    command = [BIN / "gunicorn", "--workers", "1", "--bind", "127.0.0.1:{port}", "waiting:app"]
    url = serve(command, cwd=example.folder)
    first, second = at_once(
        [url + "/wait?name=first&seconds=1", url + "/wait?name=second&seconds=1"]
    )
    assert (first["alongside"], second["alongside"]) == ([], [])


def test_threads_let_the_quick_request_pass_the_computation(example, serve, at_once):
    """What the page says of threads: the same two requests, and the quick one finishes first."""
    command = [BIN / "gunicorn", "--worker-class", "gthread", "--threads", "4", "--workers", "1",
               "--bind", "127.0.0.1:{port}", "waiting:app"]  # fmt: skip
    url = serve(command, cwd=example.folder)
    crunch, quick = at_once([url + CRUNCH, url + QUICK])
    assert crunch["finished"][-2:] == ["quick", "crunch"]
