"""Activation links: signed, salted, time-limited, single use, confirmed with the password."""

from accounts_testing import PASSWORD, said, send_mail, submit


def register(client, mailbox):
    form = {"email": "grace@example.com", "display_name": "Grace", "password": PASSWORD}
    submit(client, "/register", form)
    send_mail(client.application)
    return mailbox.link(to="grace@example.com")


def active(snapshot) -> int:
    return snapshot()["user"][0][4]


def test_the_delivered_link_activates_the_account(client, mailbox, snapshot):
    response = submit(client, register(client, mailbox), {"password": PASSWORD})
    assert said(response) == (200, "Your account is active. You can log in.")
    assert active(snapshot) == 1


def test_a_reused_link_is_refused_and_changes_nothing(client, mailbox, snapshot):
    link = register(client, mailbox)
    submit(client, link, {"password": PASSWORD})
    before = snapshot()
    for response in (client.get(link), submit(client, link, {"password": PASSWORD})):
        assert said(response) == (400, "This link has already been used. Log in instead.")
    assert snapshot() == before


def test_an_expired_link_is_refused_and_a_new_registration_sends_a_fresh_one(
    client, mailbox, snapshot, clock
):
    link = register(client, mailbox)
    clock.advance(24 * 3600 + 1)
    response = submit(client, link, {"password": PASSWORD})
    assert said(response) == (400, "This link has expired. Ask for a new one.")
    assert active(snapshot) == 0
    fresh = register(client, mailbox)
    assert fresh != link
    assert submit(client, fresh, {"password": PASSWORD}).status_code == 200
    assert active(snapshot) == 1


def test_a_newer_registration_makes_the_older_link_useless(client, mailbox, snapshot):
    older = register(client, mailbox)
    register(client, mailbox)
    response = submit(client, older, {"password": PASSWORD})
    assert said(response) == (
        400,
        "This link is no longer valid: the address was registered again since.",
    )
    assert active(snapshot) == 0


def test_a_tampered_link_is_refused(client, mailbox, snapshot):
    link = register(client, mailbox)
    prefix, _, token = link.rpartition("=")
    payload, rest = token.split(".", 1)
    for forged in ("Mg." + rest, payload + ".x" + rest[2:], token[:-1], "nonsense"):
        response = submit(client, f"{prefix}={forged}", {"password": PASSWORD})
        assert response.status_code == 400
        assert "This link is not valid. Check that you copied all of it." in response.text
    assert active(snapshot) == 0


def test_a_token_made_for_another_purpose_is_not_an_activation_token(app, client, snapshot):
    with app.test_request_context():
        from accounts import tokens

        reset_token = tokens.make("reset", {"id": 1, "hash": "x"})
    submit(
        client, "/register", {"email": "g@example.com", "display_name": "G", "password": PASSWORD}
    )
    assert client.get(f"/activate?token={reset_token}").status_code == 400
    assert active(snapshot) == 0


def test_a_pre_registration_does_not_take_over_the_account(app, client, mailbox):
    """Eve registers Ada's address first, with her own password; Ada registers later."""
    eve, ada = app.test_client(), client
    evil = {"email": "ada@example.com", "display_name": "Eve", "password": "eve's own password"}
    submit(eve, "/register", evil)
    submit(ada, "/register", {**evil, "display_name": "Ada", "password": PASSWORD})
    send_mail(app)
    link = mailbox.link(to="ada@example.com")  # the newest: Ada's own registration
    ada.get(link)
    submit(ada, link, {"password": PASSWORD})
    assert (
        submit(ada, "/login", {"email": "ada@example.com", "password": PASSWORD}).status_code == 302
    )
    assert said(submit(eve, "/login", evil)) == (400, "Wrong email or password.")


def test_a_registration_made_by_someone_else_cannot_be_activated(app, client, mailbox, snapshot):
    """Eve registers Ada's address; Ada opens the link she did not ask for: her password
    is not the one registered, so nothing is activated."""
    eve = app.test_client()
    evil = {"email": "ada@example.com", "display_name": "Eve", "password": "eve's own password"}
    submit(eve, "/register", evil)
    send_mail(app)
    link = mailbox.link(to="ada@example.com")
    before = snapshot()
    response = submit(client, link, {"password": PASSWORD})
    assert said(response) == (400, "That is not the password this address was registered with.")
    assert snapshot()["user"] == before["user"]


def test_opening_the_link_does_not_activate_the_account(client, mailbox, snapshot):
    """A mail scanner that follows every link activates nothing: activation is a POST."""
    link = register(client, mailbox)
    response = client.get(link)
    assert response.status_code == 200
    assert '<form method="post"' in response.text
    assert active(snapshot) == 0
