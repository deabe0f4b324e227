"""examples/quickstart/deployment/proxied.py: ProxyFix trusts one proxy; Gunicorn serves it."""

import json
import re
import time

from harness.services.commands import BIN, fetch

FORWARDED = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}


def test_without_forwarded_headers_the_peer_is_the_client(client):
    assert client.get("/visitor").json == {
        "remote_addr": "127.0.0.1",
        "scheme": "http",
        "link": "http://localhost/visitor",
    }


def test_the_proxy_headers_give_the_real_client_and_scheme(client):
    assert client.get("/visitor", headers=FORWARDED).json == {
        "remote_addr": "203.0.113.7",
        "scheme": "https",
        "link": "https://localhost/visitor",
    }


def test_an_address_a_client_slipped_in_front_is_not_trusted(client):
    headers = {**FORWARDED, "X-Forwarded-For": "198.51.100.66, 203.0.113.7"}
    assert client.get("/visitor", headers=headers).json["remote_addr"] == "203.0.113.7"


def test_the_wrapped_app_is_still_the_flask_app(app):
    from flask import Flask
    from werkzeug.middleware.proxy_fix import ProxyFix

    assert isinstance(app, Flask)
    assert isinstance(app.wsgi_app, ProxyFix)


def test_gunicorn_runs_two_workers(example, serve, tmp_path):
    """The page's `gunicorn -w 2 -b 127.0.0.1:8000 proxied:app`: two workers boot."""
    command = [BIN / "gunicorn", "-w", "2", "-b", "127.0.0.1:{port}", "proxied:app"]
    with tmp_path.joinpath("gunicorn.log").open("w+") as log:
        url = serve(command, cwd=example.folder, log=log)
        status, headers, body = fetch(url + "/visitor")
        workers = booted_workers(log, expected=2)
    assert (status, headers["Server"]) == (200, "gunicorn")
    assert json.loads(body)["remote_addr"] == "127.0.0.1"
    assert len(workers) == 2


def booted_workers(log, expected, timeout=15.0):
    """The pids gunicorn reports booting, waiting (bounded) until ``expected`` have booted."""
    deadline = time.monotonic() + timeout
    while True:
        log.seek(0)
        pids = set(re.findall(r"Booting worker with pid: (\d+)", log.read()))
        if len(pids) >= expected or time.monotonic() > deadline:
            return pids
        time.sleep(0.05)
