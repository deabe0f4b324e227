"""Links in mail name the configured address, never the Host of the request that made them."""

import re

import pytest

from accounts import create_app
from accounts_testing import PASSWORD, send_mail


def forged(app, path: str, form: dict, host: str = "evil.example"):
    """POST a form with a session and token from the site, and a Host of the attacker's choice.

    The client keeps no cookies: a Host the site does not know would get none from its jar.
    """
    attacker = app.test_client(use_cookies=False)
    page = attacker.get("/login")
    cookie = page.headers["Set-Cookie"].split(";")[0]
    token = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)[1]
    return attacker.post(
        path, data={**form, "csrf_token": token}, headers={"Host": host, "Cookie": cookie}
    )


def test_a_reset_asked_through_a_forged_host_is_refused(app, client, ada, mailbox, snapshot):
    before = snapshot()
    response = forged(app, "/reset", {"email": ada})
    send_mail(app)
    assert response.status_code == 400
    assert not [m for m in mailbox.messages if "evil.example" in m.get_content()]
    assert snapshot() == before


def test_a_registration_through_a_forged_host_is_refused(app, client, mailbox, snapshot):
    before = snapshot()
    form = {"email": "grace@example.com", "display_name": "Grace", "password": PASSWORD}
    response = forged(app, "/register", form)
    send_mail(app)
    assert response.status_code == 400
    assert mailbox.messages == []
    assert snapshot() == before


def test_links_name_the_configured_address_whatever_host_was_asked(app, ada, mailbox):
    """Another name the site answers to (here 127.0.0.1:8000) still makes localhost links."""
    other = create_app({**app.config, "TRUSTED_HOSTS": ["localhost", "127.0.0.1"]})
    response = forged(other, "/reset", {"email": ada}, host="127.0.0.1:8000")
    assert response.status_code == 200
    send_mail(other)
    assert mailbox.link(to=ada).startswith("http://localhost/reset/")


@pytest.mark.parametrize("url", ["/login", "/api/me", "/nope"])
def test_an_untrusted_host_is_a_400_not_a_500(client, url):
    response = client.get(url, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "evil.example" not in response.text  # nothing of the Host is echoed back


def test_the_trusted_host_is_the_one_of_the_configured_address(app):
    assert app.config["PUBLIC_URL"] == "http://localhost"
    assert app.config["TRUSTED_HOSTS"] == ["localhost"]
