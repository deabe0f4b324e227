"""Passwords: only a salted scrypt hash is stored, and it is renewed when the method changes."""

from accounts import create_app, db
from accounts_testing import PASSWORD, submit


def stored_hash(app) -> str:
    with app.app_context():
        return db.one("SELECT password_hash FROM user")["password_hash"]


def test_the_password_is_never_stored_only_a_salted_hash(app, ada, snapshot):
    assert PASSWORD not in repr(snapshot())
    method, salt, digest = stored_hash(app).split("$")
    assert method == "scrypt:1024:8:1"
    assert len(salt) == 16
    assert len(digest) == 128


def test_the_password_is_never_logged(app, client, mailbox, caplog):
    caplog.set_level("DEBUG")
    submit(
        client, "/register", {"email": "g@example.com", "display_name": "G", "password": PASSWORD}
    )
    submit(client, "/login", {"email": "g@example.com", "password": PASSWORD})
    assert caplog.records  # something was logged,
    assert PASSWORD not in caplog.text  # but never the password


def test_a_login_renews_a_hash_made_with_old_parameters(app, ada, mailbox, clock):
    old = stored_hash(app)
    stronger = create_app({**app.config, "PASSWORD_METHOD": "scrypt:2048:8:1"})
    client = stronger.test_client()
    assert submit(client, "/login", {"email": ada, "password": PASSWORD}).status_code == 302
    renewed = stored_hash(stronger)
    assert renewed != old
    assert renewed.startswith("scrypt:2048:8:1$")
    assert client.get("/").status_code == 200  # the session made at login still holds


def test_a_hash_with_current_parameters_is_left_alone(app, ada, client):
    old = stored_hash(app)
    submit(client, "/login", {"email": ada, "password": PASSWORD})
    assert stored_hash(app) == old


def test_a_wrong_password_does_not_renew_anything(app, ada):
    old = stored_hash(app)
    stronger = create_app({**app.config, "PASSWORD_METHOD": "scrypt:2048:8:1"})
    submit(stronger.test_client(), "/login", {"email": ada, "password": "wrong" * 4})
    assert stored_hash(app) == old
