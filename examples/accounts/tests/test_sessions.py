"""Session login: same answer for every failure, remember-me, no fixation, local next only."""

import pytest

from accounts_testing import PASSWORD, send_mail, submit


def login(client, **fields):
    return submit(client, "/login", {"email": "ada@example.com", "password": PASSWORD, **fields})


def test_login_then_logout(client, ada):
    assert client.get("/").status_code == 302  # not logged in: sent to the login page
    response = login(client)
    assert (response.status_code, response.location) == (302, "/")
    assert "<h1>Ada</h1>" in client.get("/").text
    assert submit(client, "/logout", {}).location == "/login"
    assert client.get("/").location == "/login?next=/?"


@pytest.mark.parametrize(
    "fields",
    [{"password": "wrong password!"}, {"email": "nobody@example.com"}, {"email": "' OR 1=1 --"}],
)
def test_every_failure_gets_the_same_answer(client, ada, fields):
    response = login(client, **fields)
    assert response.status_code == 400
    assert '<p class="error">Wrong email or password.</p>' in response.text
    with client.session_transaction() as session:
        assert "user_id" not in session


def test_an_inactive_account_cannot_log_in(client, mailbox):
    submit(
        client, "/register", {"email": "g@example.com", "display_name": "G", "password": PASSWORD}
    )
    response = submit(client, "/login", {"email": "g@example.com", "password": PASSWORD})
    assert response.status_code == 400
    assert "Activate your account first: see the link we emailed you." in response.text
    wrong = submit(client, "/login", {"email": "g@example.com", "password": "a wrong guess"})
    assert '<p class="error">Wrong email or password.</p>' in wrong.text


def test_without_remember_me_the_cookie_dies_with_the_browser(client, ada):
    cookie = login(client).headers["Set-Cookie"]
    assert "Expires" not in cookie


def test_remember_me_keeps_the_cookie_for_thirty_days(client, ada):
    cookie = login(client, remember="yes").headers["Set-Cookie"]
    assert "Expires=" in cookie
    assert client.get_cookie("session").expires is not None


def test_nothing_planted_before_login_survives_it(app, client, ada):
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    before = client.get_cookie("session").value
    login(client)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert sorted(session) == ["_permanent", "auth", "since", "user_id"]
    assert client.get_cookie("session").value != before


@pytest.mark.parametrize(
    ("next_url", "location"),
    [
        ("/admin/users", "/admin/users"),
        ("/?tab=roles", "/?tab=roles"),
        ("https://elsewhere.example/", "/"),
        ("//elsewhere.example/", "/"),
        ("/\\elsewhere.example/", "/"),
        ("/\t/elsewhere.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("", "/"),
    ],
)
def test_next_only_leads_to_this_site(client, ada, next_url, location):
    assert login(client, next=next_url).location == location


def test_a_password_change_ends_every_other_session(app, client, ada, mailbox):
    login(client)
    other = app.test_client()
    submit(other, "/reset", {"email": ada})
    send_mail(app)
    link = mailbox.link(to=ada)
    submit(other, link, {"password": "a brand new password"})
    assert client.get("/").status_code == 302


def test_a_cookie_copied_before_logout_is_refused_after_it(client, ada):
    login(client)
    copied = client.get_cookie("session").value
    submit(client, "/logout", {})
    client.set_cookie("session", copied)
    assert client.get("/").status_code == 302


def test_logging_out_ends_the_other_sessions_too(app, client, ada):
    """The server-side revocation is per user: one logout ends every session."""
    login(client)
    other = app.test_client()
    login(other)
    submit(client, "/logout", {})
    assert other.get("/").status_code == 302


def test_without_remember_me_a_session_ends_after_twelve_hours(client, ada, clock):
    login(client)
    clock.advance(12 * 3600 - 1)
    assert client.get("/").status_code == 200
    clock.advance(2)
    assert client.get("/").status_code == 302


def test_a_remembered_session_ends_after_thirty_days_even_in_daily_use(client, ada, clock):
    login(client, remember="yes")
    for _ in range(29):
        clock.advance(24 * 3600)
        assert client.get("/").status_code == 200
    clock.advance(24 * 3600 + 1)
    assert client.get("/").status_code == 302
