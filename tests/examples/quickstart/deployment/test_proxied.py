"""examples/quickstart/proxied.py: ProxyFix trusts exactly one proxy's forwarded headers."""

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
