"""CSRF: every form and Ajax endpoint refuses a request without the site's token."""

import pytest

from accounts_testing import PASSWORD, csrf_token, submit


def posted_urls(app) -> list[str]:
    """Every URL outside the API that accepts POST, with 1 for each argument."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods and rule.endpoint.split(".")[0] != "api":
            urls.append(rule.build({name: "1" for name in rule.arguments})[1])
    return sorted(urls)


def test_the_forms_are_the_ones_expected(app):
    assert posted_urls(app) == [
        "/account/email",
        "/account/email/confirm",
        "/account/password",
        "/activate",
        "/admin/users/1/roles",
        "/login",
        "/logout",
        "/profile",
        "/register",
        "/reset",
        "/reset/new",
        "/tokens",
        "/tokens/1/revoke",
    ]


@pytest.mark.parametrize(
    ("sent", "message"),
    [
        ({}, "The CSRF token is missing."),
        ({"data": {"csrf_token": "forged"}}, "The CSRF token is invalid."),
        ({"headers": {"X-CSRFToken": "forged"}}, "The CSRF token is invalid."),
    ],
    ids=["missing", "wrong field", "wrong header"],
)
def test_every_post_without_the_right_token_is_refused(app, client, ada, snapshot, sent, message):
    submit(client, "/login", {"email": ada, "password": PASSWORD})
    client.get("/")  # a page gives the new session its token
    before = snapshot()
    for url in posted_urls(app):
        response = client.post(url, **sent)
        assert (url, response.status_code) == (url, 400)
        assert message in response.text
    assert snapshot() == before
    assert client.get("/").status_code == 200  # and the user is still logged in


def test_a_token_from_another_session_is_refused(app, client, ada, snapshot):
    attacker = app.test_client()
    stolen = csrf_token(attacker)  # the attacker's own, valid for the attacker's session
    before = snapshot()
    response = client.post(
        "/login", data={"email": ada, "password": PASSWORD, "csrf_token": stolen}
    )
    assert response.status_code == 400
    assert "The CSRF tokens do not match." in response.text
    assert snapshot() == before


def test_the_token_is_renewed_at_login(client, ada):
    before = csrf_token(client)
    submit(client, "/login", {"email": ada, "password": PASSWORD})
    response = client.post("/profile", data={"display_name": "Eve", "csrf_token": before})
    assert response.status_code == 400
