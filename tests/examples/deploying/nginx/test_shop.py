"""shop behind a real nginx 1.22 running examples/deploying/nginx/shop.conf, and on its own."""

import http.client
import json
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.test import Client

from harness.services.commands import BIN

VISITOR = "127.0.0.2"  # a second loopback address, so the visitor is not nginx (127.0.0.1)
FORGED = {
    "X-Forwarded-For": "203.0.113.9",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Prefix": "/evil",
}


def visit(url, method="GET", body=None, headers=None, source=VISITOR):
    """One request for shop.example.org from ``source``: (status, JSON or text)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, source_address=(source, 0), timeout=10
    )
    try:
        headers = {"Host": "shop.example.org", **(headers or {})}
        connection.request(method, parts.path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
    finally:
        connection.close()
    if response.headers.get_content_type() == "application/json":
        return response.status, json.loads(content)
    return response.status, content.decode()


def seen(answer):
    status, body = answer
    assert status == 200, answer
    return body["address"], body["scheme"], body["host"]


# The app in-process: what each object trusts.


def test_the_app_itself_trusts_no_forwarded_header(client):
    body = client.get("/visitor", headers=FORGED, environ_base={"REMOTE_ADDR": "127.0.0.1"}).json
    assert (body["address"], body["scheme"], body["host"]) == ("127.0.0.1", "http", "localhost")


def test_behind_nginx_trusts_the_last_value_of_each_header(example):
    client = Client(example.module.behind_nginx)
    headers = {**FORGED, "X-Forwarded-For": "203.0.113.9, 192.0.2.7"}
    body = client.get("/visitor", headers=headers, environ_base={"REMOTE_ADDR": "127.0.0.1"}).json
    assert (body["address"], body["scheme"], body["host"]) == ("192.0.2.7", "https", "evil.example")
    assert body["stylesheet"] == "https://evil.example/static/shop.css"  # no /evil prefix


def test_a_note_reports_its_size(client):
    response = client.post("/notes", data=b"x" * 10)
    assert (response.status_code, response.json) == (201, {"received": 10})


def test_a_note_is_post_only(client):
    assert client.get("/notes").status_code == 405


# Through nginx to gunicorn, both real.


@dataclass
class Deployment:
    nginx: object  # harness.services.nginx.Nginx
    gunicorn_url: str
    gunicorn_log: Path

    def gunicorn_saw(self, request_line: str, at_least: int = 0) -> int:
        """Requests nginx passed on (nginx speaks HTTP/1.0 to gunicorn).

        gunicorn logs a request after it has answered it, so wait (10 s at
        most) until ``at_least`` of them are in the log. Its one sync worker
        serves requests in order: once a later request is logged, every
        earlier one that reached it is too.
        """
        deadline = time.monotonic() + 10
        while True:
            count = self.gunicorn_log.read_text().count(f'"{request_line} HTTP/1.0"')
            if count >= at_least or time.monotonic() > deadline:
                return count
            time.sleep(0.05)


@pytest.fixture
def deploy(example, serve, nginx, tmp_path):
    """gunicorn on loopback as the page starts it (``target`` to change what it runs),
    then nginx with the page's shop.conf (``extra`` replacements on top of the page's)."""
    logs = ExitStack()

    def start(target="shop:behind_nginx", extra=None):
        log = tmp_path / f"gunicorn-{len(list(tmp_path.iterdir()))}.log"
        output = logs.enter_context(log.open("w"))
        command = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "--access-logfile", "-", target]
        gunicorn_url = serve(command, cwd=example.folder, log=output, ready_path="/visitor")
        replace = {
            "listen 80;": "listen 127.0.0.1:{port};",
            "127.0.0.1:8000": urlsplit(gunicorn_url).netloc,
            "/srv/shop": str(example.folder),
            **(extra or {}),
        }
        proxy = nginx(example.folder / "shop.conf", replace=replace)
        return Deployment(proxy, gunicorn_url, log)

    with logs:
        yield start


def test_the_configuration_passes_nginx_t(deploy):
    proxy = deploy().nginx
    main = proxy.folder / "nginx.conf"
    assert proxy.check() == (
        f"nginx: the configuration file {main} syntax is ok\n"
        f"nginx: configuration file {main} test is successful\n"
    )


def test_the_app_sees_the_visitor_through_nginx(deploy):
    proxy = deploy().nginx
    status, body = visit(proxy.url + "/visitor")
    assert seen((status, body)) == (VISITOR, "http", "shop.example.org")
    assert body["stylesheet"] == "http://shop.example.org/static/shop.css"
    assert body["x_forwarded_for"] == VISITOR


def test_forged_headers_do_not_get_through(deploy):
    proxy = deploy().nginx
    status, body = visit(proxy.url + "/visitor", headers=FORGED)
    assert seen((status, body)) == (VISITOR, "http", "shop.example.org")
    assert body["stylesheet"] == "http://shop.example.org/static/shop.css"
    assert body["x_forwarded_for"] == f"203.0.113.9, {VISITOR}"


def test_without_ProxyFix_the_app_sees_nginx_as_the_visitor(deploy):  # noqa: N802
    proxy = deploy(target="shop:app").nginx
    assert seen(visit(proxy.url + "/visitor")) == ("127.0.0.1", "http", "shop.example.org")


def test_without_proxy_set_header_host_gunicorn_gets_nginxs_default(deploy):
    # nginx's default Host is $proxy_host, the address in proxy_pass; seen by an app
    # without ProxyFix, which reads Host.
    deployment = deploy(target="shop:app", extra={"proxy_set_header Host $host;": ""})
    host = urlsplit(deployment.gunicorn_url).netloc
    assert seen(visit(deployment.nginx.url + "/visitor"))[2] == host


def test_a_trusted_header_that_nginx_does_not_set_is_the_visitors(deploy):
    # Without its X-Forwarded-Host line, x_host=1 trusts whatever the visitor sent.
    deployment = deploy(extra={"proxy_set_header X-Forwarded-Host $host;": ""})
    assert seen(visit(deployment.nginx.url + "/visitor", headers=FORGED))[2] == "evil.example"


def test_static_files_come_from_nginx_never_from_the_app(deploy, example):
    deployment = deploy()
    status, css = visit(deployment.nginx.url + "/static/shop.css")
    assert (status, css) == (200, (example.folder / "static" / "shop.css").read_text())
    assert visit(deployment.nginx.url + "/static/missing.css")[0] == 404
    assert visit(deployment.nginx.url + "/visitor")[0] == 200
    assert deployment.gunicorn_saw("GET /visitor", at_least=1) == 1  # the last request...
    assert deployment.gunicorn_saw("GET /static/shop.css") == 0  # ...and none before it
    assert deployment.gunicorn_saw("GET /static/missing.css") == 0


def test_a_body_over_the_limit_gets_413_from_nginx(deploy):
    deployment = deploy()
    url = deployment.nginx.url + "/notes"
    assert visit(url, "POST", body=b"x" * (1024 * 1024)) == (201, {"received": 1024 * 1024})
    status, text = visit(url, "POST", body=b"x" * (1024 * 1024 + 1))
    assert status == 413
    assert "413 Request Entity Too Large" in text
    assert visit(deployment.nginx.url + "/visitor")[0] == 200  # a request logged after both
    assert deployment.gunicorn_saw("GET /visitor", at_least=1) == 1
    assert deployment.gunicorn_saw("POST /notes") == 1
    assert "client intended to send too large body: 1048577 bytes" in deployment.nginx.error_log


def test_around_nginx_anyone_can_be_anyone(deploy):
    deployment = deploy()
    assert seen(visit(deployment.gunicorn_url + "/visitor", headers=FORGED)) == (
        "203.0.113.9",
        "https",
        "evil.example",
    )


def test_gunicorn_on_127_0_0_1_answers_at_no_other_address(deploy):
    url = deploy().gunicorn_url.replace("127.0.0.1", VISITOR)
    with pytest.raises(ConnectionRefusedError):
        visit(url + "/visitor")


def test_one_count_too_many_trusts_the_visitors_own_value(example):
    # What the page says of x_for=2 behind one nginx: the forged value wins.
    too_trusting = Client(ProxyFix(example.module.app, x_for=2))
    from_nginx = {"X-Forwarded-For": f"203.0.113.9, {VISITOR}"}
    body = too_trusting.get("/visitor", headers=from_nginx).json
    assert body["address"] == "203.0.113.9"
