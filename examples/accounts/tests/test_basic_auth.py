"""HTTP Basic authentication on the API: a 401 with WWW-Authenticate for anything wrong."""

import base64

import pytest

from accounts_testing import PASSWORD


def basic(credentials: bytes) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(credentials).decode()}


def test_the_right_credentials_get_the_account(client, ada):
    response = client.get("/api/basic/me", headers=basic(f"{ada}:{PASSWORD}".encode()))
    assert response.status_code == 200
    assert response.json == {"display_name": "Ada", "email": ada, "roles": []}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        basic(b"ada@example.com:wrong password"),
        basic(b"nobody@example.com:" + PASSWORD.encode()),
        {"Authorization": "Basic !!!not base64!!!"},
        {"Authorization": "Basic " + base64.b64encode(b"no colon").decode()},
        {"Authorization": "Basic"},
        {"Authorization": "Digest username=ada"},
    ],
    ids=["none", "wrong", "unknown", "bad base64", "no colon", "empty", "other scheme"],
)
def test_anything_else_is_401_with_a_challenge(client, ada, snapshot, headers):
    users = [row[:10] for row in snapshot()["user"]]  # all but failures and lock
    response = client.get("/api/basic/me", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Basic realm=accounts, charset=UTF-8"
    assert response.json["error"]
    assert [row[:10] for row in snapshot()["user"]] == users


def test_the_api_ignores_the_session_cookie(client, ada):
    from accounts_testing import submit

    submit(client, "/login", {"email": ada, "password": PASSWORD})
    assert client.get("/api/basic/me").status_code == 401


def test_the_api_needs_no_csrf_token_since_it_reads_no_cookie(client, ada):
    response = client.get("/api/basic/me", headers=basic(f"{ada}:{PASSWORD}".encode()))
    assert response.status_code == 200
