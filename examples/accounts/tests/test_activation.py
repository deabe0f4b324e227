"""Activation links: signed, salted, time-limited, single use."""

from accounts_testing import PASSWORD, submit


def register(client, mailbox):
    form = {"email": "grace@example.com", "display_name": "Grace", "password": PASSWORD}
    submit(client, "/register", form)
    return mailbox.link(to="grace@example.com")


def active(snapshot) -> int:
    return snapshot()["user"][0][4]


def test_the_delivered_link_activates_the_account(client, mailbox, snapshot):
    response = client.get(register(client, mailbox))
    assert response.status_code == 200
    assert "Your account is active. You can log in." in response.text
    assert active(snapshot) == 1


def test_a_reused_link_is_refused_and_changes_nothing(client, mailbox, snapshot):
    link = register(client, mailbox)
    client.get(link)
    before = snapshot()
    response = client.get(link)
    assert response.status_code == 400
    assert "This link has already been used. Log in instead." in response.text
    assert snapshot() == before


def test_an_expired_link_is_refused_and_a_new_registration_sends_a_fresh_one(
    client, mailbox, snapshot, clock
):
    link = register(client, mailbox)
    clock.advance(24 * 3600 + 1)
    response = client.get(link)
    assert response.status_code == 400
    assert "This link has expired. Ask for a new one." in response.text
    assert active(snapshot) == 0
    fresh = register(client, mailbox)
    assert fresh != link
    assert client.get(fresh).status_code == 200


def test_a_tampered_link_is_refused(client, mailbox, snapshot):
    link = register(client, mailbox)
    prefix, _, token = link.rpartition("/")
    payload, rest = token.split(".", 1)
    for forged in ("Mg." + rest, payload + ".x" + rest[2:], token[:-1], "nonsense"):
        response = client.get(f"{prefix}/{forged}")
        assert response.status_code == 400
        assert "This link is not valid. Check that you copied all of it." in response.text
    assert active(snapshot) == 0


def test_a_token_made_for_another_purpose_is_not_an_activation_token(app, client, snapshot):
    with app.test_request_context():
        from accounts import tokens

        reset_token = tokens.make("reset", 1)
    submit(
        client, "/register", {"email": "g@example.com", "display_name": "G", "password": PASSWORD}
    )
    assert client.get(f"/activate/{reset_token}").status_code == 400
    assert active(snapshot) == 0
