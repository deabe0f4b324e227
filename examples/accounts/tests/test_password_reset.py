"""Password reset: the same answer for every address, a link bound to the current hash."""

import pytest

from accounts_testing import PASSWORD, send_mail, submit, tampered

NEW = "a brand new password"


@pytest.fixture
def link(app, client, ada, mailbox):
    submit(client, "/reset", {"email": ada})
    send_mail(app)
    return mailbox.link(to=ada)


def test_the_link_sets_a_new_password(client, ada, link):
    assert client.get(link).status_code == 200
    response = submit(client, link, {"password": NEW})
    assert "Your password is changed. Log in with it." in response.text
    assert submit(client, "/login", {"email": ada, "password": NEW}).status_code == 302
    assert submit(client, "/login", {"email": ada, "password": PASSWORD}).status_code == 400


def test_known_and_unknown_addresses_get_the_same_answer(app, client, ada, mailbox):
    known = submit(client, "/reset", {"email": ada})
    unknown = submit(client, "/reset", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 200
    assert known.text.split("<main>")[1] == unknown.text.split("<main>")[1]
    send_mail(app)
    assert [m["To"] for m in mailbox.messages].count("nobody@example.com") == 0


def test_the_link_stops_working_once_the_password_changed(client, link, snapshot):
    submit(client, link, {"password": NEW})
    before = snapshot()
    for attempt in (client.get(link), submit(client, link, {"password": "yet another password"})):
        assert attempt.status_code == 400
        assert "the password changed after it was sent" in attempt.text
    assert snapshot() == before


def test_an_older_link_dies_when_a_newer_one_is_used(app, client, ada, mailbox, link):
    submit(client, "/reset", {"email": ada})
    send_mail(app)
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
    response = submit(client, tampered(link), {"password": NEW})
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


def test_the_owner_is_told_and_the_link_is_not_in_the_mail(app, client, ada, link, mailbox):
    submit(client, link, {"password": NEW})
    send_mail(app)
    told = mailbox.last(to=ada)
    assert told["Subject"] == "Your password was changed"
    assert "http" not in told.get_content()


def test_the_link_carries_its_token_in_the_query_string(link):
    assert link.startswith("http://localhost/reset/new?token=")


def test_the_change_is_made_only_on_the_hash_the_link_was_checked_against(
    app, client, link, monkeypatch, snapshot
):
    """A second use of the link changes the password while this one hashes the new one:
    this one must then fail, as it would if it came a moment later."""
    from accounts import db, passwords

    real = passwords.hash_password

    def meanwhile(password):
        with app.app_context():
            db.write("UPDATE user SET password_hash = ? WHERE id = 1", real("changed meanwhile!"))
        return real(password)

    monkeypatch.setattr(passwords, "hash_password", meanwhile)
    response = submit(client, link, {"password": NEW})
    assert response.status_code == 400
    assert "the password changed after it was sent" in response.text
