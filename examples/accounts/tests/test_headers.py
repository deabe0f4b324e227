"""Security headers on every response; HSTS over HTTPS only."""

import re

import pytest

from accounts_testing import PASSWORD, csrf_token, submit


@pytest.mark.parametrize("url", ["/login", "/register", "/nope", "/api/me"])
def test_every_response_carries_the_security_headers(client, url):
    headers = client.get(url).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin"
    assert headers["Cache-Control"] == "no-store"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "Strict-Transport-Security" not in headers  # plain HTTP
    assert "Access-Control-Allow-Origin" not in headers  # no other origin may read answers


@pytest.mark.parametrize(
    ("url", "content_type"),
    [("/login", "text/html; charset=utf-8"), ("/api/me", "application/json")],
)
def test_every_response_names_its_type_and_charset(client, url, content_type):
    assert client.get(url).headers["Content-Type"] == content_type


def test_the_only_script_runs_by_its_nonce(client, ada):
    submit(client, "/login", {"email": ada, "password": PASSWORD})
    response = client.get("/")
    nonce = re.search(r"script-src 'nonce-([^']+)'", response.headers["Content-Security-Policy"])[1]
    assert f'<script nonce="{nonce}">' in response.text
    assert response.text.count("<script") == 1
    assert nonce not in client.get("/").text  # a new nonce for every response


def test_hsts_over_https(client):
    response = client.get("/login", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_forms_still_work_over_https_with_the_referrer_policy(client, ada):
    """strict-origin sends the origin alone, which is what Flask-WTF's check compares."""
    token = csrf_token(client)
    form = {"email": ada, "password": PASSWORD, "csrf_token": token}
    origin_only = {"Referer": "https://localhost/"}
    response = client.post("/login", data=form, headers=origin_only, base_url="https://localhost")
    assert response.status_code == 302


def test_api_answers_are_attachments(client):
    response = client.get("/api/me")
    assert response.headers["Content-Disposition"] == 'attachment; filename="api.json"'


def test_a_write_view_added_to_the_api_would_need_a_csrf_token(app, client):
    """Nothing in the API is exempt from CSRF: a future POST view is protected by default."""
    app.add_url_rule("/api/write", "api.write", lambda: "written", methods=["POST"])
    response = client.post("/api/write")
    assert response.status_code == 400
    assert response.json == {"error": "The CSRF token is missing."}
