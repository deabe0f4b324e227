"""The session cookie: signed, Secure, HttpOnly, SameSite=Lax."""

import re

from accounts_testing import PASSWORD, submit, tampered


def test_the_session_cookie_carries_every_protection(client, ada):
    response = submit(client, "/login", {"email": ada, "password": PASSWORD})
    (cookie,) = response.headers.getlist("Set-Cookie")
    assert re.fullmatch(r"session=[\w.-]+; Secure; HttpOnly; Path=/; SameSite=Lax", cookie)


def test_a_remembered_session_also_has_an_expiry(client, ada):
    response = submit(client, "/login", {"email": ada, "password": PASSWORD, "remember": "yes"})
    cookie = response.headers["Set-Cookie"]
    assert re.fullmatch(
        r"session=[\w.-]+; Expires=\w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT; Secure; HttpOnly; "
        r"Path=/; SameSite=Lax",
        cookie,
    )


def test_a_cookie_changed_by_the_visitor_is_ignored(client, ada):
    submit(client, "/login", {"email": ada, "password": PASSWORD})
    value = client.get_cookie("session").value
    payload, rest = value.split(".", 1)
    client.set_cookie("session", tampered(payload, at=0) + "." + rest)
    assert client.get("/").status_code == 302  # logged out: the signature no longer matches
