"""wsgi.py under a real Apache 2.4 with mod_wsgi, running the page's shop-apache.conf."""

import pytest

from tests.examples.deploying.nginx.test_shop import FORGED, VISITOR, seen, visit

LOADED = "Loading Python script file"  # what mod_wsgi logs when it first imports wsgi.py


def test_mod_wsgi_gets_the_app_itself_with_no_proxy_fix(example):
    from shop import app

    assert example.module.application is app
    client = app.test_client()
    body = client.get("/visitor", headers=FORGED, environ_base={"REMOTE_ADDR": VISITOR}).json
    assert body["address"] == VISITOR


@pytest.fixture
def server(example, apache):
    """Apache with the page's virtual host, replaced as the page says."""
    replace = {
        "*:80": "127.0.0.1:{port}",
        "/srv/shop/venv": "{venv}",
        "/srv/shop": str(example.folder),
    }
    return apache(example.folder / "shop-apache.conf", replace=replace)


def test_apache_serves_static_files_without_importing_the_app(server, example):
    status, css = visit(server.url + "/static/shop.css")
    assert (status, css) == (200, (example.folder / "static" / "shop.css").read_text())
    assert LOADED not in server.error_log
    assert visit(server.url + "/visitor")[0] == 200
    assert LOADED in server.error_log


def test_the_app_sees_the_visitor_and_ignores_forged_headers(server):
    status, body = visit(server.url + "/visitor", headers=FORGED)
    assert seen((status, body)) == (VISITOR, "http", "shop.example.org")
    assert body["x_forwarded_for"] == "203.0.113.9"


def test_the_app_runs_in_debians_python_from_the_virtual_environment(server):
    assert visit(server.url + "/visitor")[0] == 200
    assert "mod_wsgi/4.9.4 Python/3.11" in server.error_log
    assert f"Adding '{server.folder}/venv" not in server.error_log  # python-home, not a path


def test_a_body_over_the_limit_gets_413_from_apache(server):
    url = server.url + "/notes"
    assert visit(url, "POST", body=b"x" * 1048576) == (201, {"received": 1048576})
    assert visit(url, "POST", body=b"x" * 1048577)[0] == 413
    assert "larger than the configured limit of 1048576" in server.error_log
