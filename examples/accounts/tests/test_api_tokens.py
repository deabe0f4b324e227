"""API tokens: shown once, stored hashed, Bearer on the API, expiry and revocation."""

import hashlib
import re

import pytest

from accounts_testing import PASSWORD, csrf_token, submit


@pytest.fixture
def token(client, ada):
    submit(client, "/login", {"email": ada, "password": PASSWORD})
    response = submit(client, "/tokens", {"name": "laptop"})
    assert response.status_code == 201
    return re.search(r'<pre class="token">([^<]+)</pre>', response.text)[1]


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_the_token_is_shown_once_and_stored_as_a_hash(client, token, snapshot):
    (row,) = snapshot()["api_token"]
    assert row[3] == hashlib.sha256(token.encode()).hexdigest()
    assert token not in repr(snapshot())
    assert token not in client.get("/").text


def test_a_bearer_token_gets_the_account(client, token):
    response = client.get("/api/me", headers=bearer(token))
    assert response.json == {"display_name": "Ada", "email": "ada@example.com", "roles": []}


def test_an_expired_token_is_refused(client, token, clock):
    clock.advance(30 * 24 * 3600)
    response = client.get("/api/me", headers=bearer(token))
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer realm=api"


@pytest.mark.parametrize("sent", ["", "x", "tampered"])
def test_unknown_and_tampered_tokens_are_refused(client, token, sent):
    sent = token[:-1] + ("A" if token[-1] != "A" else "B") if sent == "tampered" else sent
    assert client.get("/api/me", headers=bearer(sent)).status_code == 401
    assert client.get("/api/me").status_code == 401


def test_revoking_by_ajax_with_the_csrf_header(client, token, snapshot):
    headers = {"X-CSRFToken": csrf_token(client)}
    response = client.post("/tokens/1/revoke", headers=headers)
    assert response.json == {"revoked": 1}
    assert client.get("/api/me", headers=bearer(token)).status_code == 401
    assert snapshot()["api_token"][0][5] == 1


def test_revoking_without_the_header_is_refused(client, token, snapshot):
    before = snapshot()
    response = client.post("/tokens/1/revoke")
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.text
    assert snapshot() == before


def test_nobody_revokes_another_users_token(app, token, mailbox, snapshot):
    from accounts_testing import new_user

    eve = app.test_client()
    new_user(eve, mailbox, "eve@example.com", PASSWORD, name="Eve")
    submit(eve, "/login", {"email": "eve@example.com", "password": PASSWORD})
    before = snapshot()
    assert eve.post("/tokens/1/revoke", headers={"X-CSRFToken": csrf_token(eve)}).status_code == 404
    assert snapshot()["api_token"] == before["api_token"]


def test_a_password_reset_revokes_every_token(app, client, token, mailbox):
    from accounts_testing import send_mail

    submit(client, "/reset", {"email": "ada@example.com"})
    send_mail(app)
    submit(client, mailbox.link(to="ada@example.com"), {"password": "a brand new password"})
    assert client.get("/api/me", headers=bearer(token)).status_code == 401
