"""Registration: validated fields, and a duplicate email that reveals nothing on the page."""

import pytest

from accounts_testing import PASSWORD, send_mail, submit


def main(response) -> str:
    """The page without its head (whose CSRF token carries the time)."""
    return response.text.split("<main>")[1]


def register(client, **fields):
    form = {"email": "grace@example.com", "display_name": "Grace", "password": PASSWORD}
    return submit(client, "/register", {**form, **fields})


def test_a_new_account_is_inactive_until_its_link_is_opened(client, mailbox, snapshot):
    response = register(client)
    assert response.status_code == 200
    assert "Check your inbox: we sent a message to grace@example.com." in response.text
    (user,) = snapshot()["user"]
    assert user[1:3] == ("grace@example.com", "Grace")
    assert user[4] == 0  # active
    send_mail(client.application)
    assert mailbox.last(to="grace@example.com")["Subject"] == "Activate your account"


def test_a_duplicate_email_gets_the_same_page_and_only_its_owner_is_told(
    client, ada, mailbox, snapshot
):
    before = snapshot()
    fresh = register(client)
    taken = register(client, email="ADA@example.com ")
    assert taken.status_code == fresh.status_code == 200
    assert main(taken) == main(fresh).replace("grace@", "ada@")
    send_mail(client.application)
    assert mailbox.last(to="ada@example.com")["Subject"] == "You already have an account"
    assert snapshot()["user"][0] == before["user"][0]  # Ada's row: untouched


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not an address"}, "Enter an email address such as ada@example.com."),
        ({"email": "ada@localhost"}, "Enter an email address such as ada@example.com."),
        (  # a header smuggled into the mail (SMTP injection)
            {"email": "ada@example.com\r\nBcc: eve@example.com"},
            "Enter an email address such as ada@example.com.",
        ),
        ({"display_name": "   "}, "Choose a display name of 1 to 50 characters."),
        ({"display_name": "A" * 51}, "Choose a display name of 1 to 50 characters."),
        ({"display_name": "Ada\u202eevil"}, "A display name cannot contain control characters."),
        ({"password": "short"}, "Choose a password of 12 to 128 characters."),
        ({"password": "p" * 129}, "Choose a password of 12 to 128 characters."),
        ({"password": "Grace@Example.com"}, "Choose a password that is not your email address."),
    ],
)
def test_invalid_fields_are_refused_with_a_reason_and_nothing_is_written(
    client, snapshot, fields, message
):
    before = snapshot()
    response = register(client, **fields)
    assert response.status_code == 400
    assert f'<p class="error">{message}</p>' in response.text
    assert snapshot() == before


def test_display_names_are_stored_in_one_unicode_form(client, snapshot):
    register(client, display_name="Zoe\u0301")  # e + combining acute accent
    assert snapshot()["user"][0][2] == "Zo\u00e9"  # the single character é
