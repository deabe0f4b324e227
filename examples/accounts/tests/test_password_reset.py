"""Password reset: the same answer for every address, a link bound to the current hash."""

import pytest
from accounts_testing import PASSWORD, submit

NEW = "a brand new password"


@pytest.fixture
def link(client, ada, mailbox):
    submit(client, "/reset", {"email": ada})
    return mailbox.link(to=ada)


def test_the_link_sets_a_new_password(client, ada, link):
    assert client.get(link).status_code == 200
    response = submit(client, link, {"password": NEW})
    assert "Your password is changed. Log in with it." in response.text
    assert submit(client, "/login", {"email": ada, "password": NEW}).status_code == 302
    assert submit(client, "/login", {"email": ada, "password": PASSWORD}).status_code == 400


def test_known_and_unknown_addresses_get_the_same_answer(client, ada, mailbox):
    known = submit(client, "/reset", {"email": ada})
    unknown = submit(client, "/reset", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 200
    assert known.text.split("<main>")[1] == unknown.text.split("<main>")[1]
    assert [m["To"] for m in mailbox.messages].count("nobody@example.com") == 0


def test_the_link_stops_working_once_the_password_changed(client, link, snapshot):
    submit(client, link, {"password": NEW})
    before = snapshot()
    for attempt in (client.get(link), submit(client, link, {"password": "yet another password"})):
        assert attempt.status_code == 400
        assert "the password changed after it was sent" in attempt.text
    assert snapshot() == before


def test_an_older_link_dies_when_a_newer_one_is_used(client, ada, mailbox, link):
    submit(client, "/reset", {"email": ada})
    newer = mailbox.link(to=ada)
    submit(client, newer, {"password": NEW})
    assert client.get(link).status_code == 400


def test_an_expired_link_is_refused(client, link, clock, snapshot):
    clock.advance(3601)
    before = snapshot()
    response = submit(client, link, {"password": NEW})
    assert response.status_code == 400
    assert "This link has expired. Ask for a new one." in response.text
    assert snapshot() == before


def test_a_tampered_link_is_refused(client, link, snapshot):
    before = snapshot()
    response = submit(client, link[:-2] + "xx", {"password": NEW})
    assert response.status_code == 400
    assert "This link is not valid." in response.text
    assert snapshot() == before


def test_the_new_password_follows_the_rules(client, link, snapshot):
    before = snapshot()
    response = submit(client, link, {"password": "short"})
    assert response.status_code == 400
    assert "Choose a password of 12 to 128 characters." in response.text
    assert snapshot() == before


def test_a_reset_lifts_a_lockout(client, ada, link, clock):
    for _ in range(5):
        submit(client, "/login", {"email": ada, "password": "wrong password!"})
    submit(client, link, {"password": NEW})
    assert submit(client, "/login", {"email": ada, "password": NEW}).status_code == 302
