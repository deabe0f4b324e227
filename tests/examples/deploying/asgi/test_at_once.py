"""examples/deploying/asgi/at_once.py: requests sent together; answers in the order asked."""

from harness.services.commands import BIN


def test_answers_come_in_the_order_asked_not_finished(example, serve):
    command = [BIN / "gunicorn", "--worker-class", "gevent", "--workers", "1",
               "--bind", "127.0.0.1:{port}", "waiting:app"]  # fmt: skip
    url = serve(command, cwd=example.folder)
    slow, fast = example.module.at_once(
        [url + "/wait?name=slow&seconds=1", url + "/wait?name=fast&seconds=0"]
    )
    assert (slow["name"], fast["name"]) == ("slow", "fast")
    assert slow["finished"][-2:] == ["fast", "slow"]  # it finished last, and came first


def test_get_json_keeps_the_query(example, serve):
    command = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "waiting:app"]
    url = serve(command, cwd=example.folder)
    assert example.module.get_json(url + "/wait?name=kept")["name"] == "kept"
