"""Passwords: only a salted scrypt hash is stored, and it is renewed when the method changes."""

import pytest
from werkzeug.security import check_password_hash

from accounts import create_app, db, passwords
from accounts_testing import PASSWORD, new_user, said, send_mail, submit


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
    send_mail(app)
    submit(client, "/login", {"email": "g@example.com", "password": PASSWORD})
    assert caplog.records  # something was logged (the mail server logs its session),
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


def scrypt_runs(monkeypatch, call) -> int:
    """How many scrypt evaluations ``call()`` makes, counted by a wrapper around hashlib's."""
    import hashlib

    runs = []
    real = hashlib.scrypt

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counted)
    call()
    monkeypatch.setattr(hashlib, "scrypt", real)
    return len(runs)


def test_an_unknown_address_costs_as_many_scrypt_runs_as_a_known_one(
    app, client, ada, mailbox, monkeypatch
):
    submit(
        client,
        "/register",
        {"email": "grace@example.com", "display_name": "G", "password": PASSWORD},
    )

    def login(email, password="a wrong guess"):
        return lambda: submit(client, "/login", {"email": email, "password": password})

    login("nobody@example.com")()  # the first check of a process makes the dummy hash, once
    counts = {
        "known, wrong password": scrypt_runs(monkeypatch, login(ada)),
        "known, right password": scrypt_runs(monkeypatch, login(ada, PASSWORD)),
        "inactive": scrypt_runs(monkeypatch, login("grace@example.com")),
        "unknown": scrypt_runs(monkeypatch, login("nobody@example.com")),
        "unknown again": scrypt_runs(monkeypatch, login("nobody@example.com")),
    }
    assert set(counts.values()) == {1}, counts


def test_a_password_typed_in_another_unicode_form_logs_in(client, mailbox):
    """NFKC: the fullwidth letters of an East Asian keyboard are the same password."""
    typed = "\uff43\uff4f\uff52\uff52\uff45\uff43\uff54 horse battery"  # fullwidth "correct"
    assert new_user(client, mailbox, "grace@example.com", typed).status_code == 200
    login = {"email": "grace@example.com", "password": "correct horse battery"}
    assert submit(client, "/login", login).status_code == 302


@pytest.mark.parametrize(
    ("password", "message"),
    [
        (" " * 20, "Choose a password that is not only spaces."),
        ("\u3000" * 20, "Choose a password that is not only spaces."),  # ideographic space
        ("a" + " " * 11 + "b", "Choose a password of 12 to 128 characters."),
        ("abc      defgh", "Choose a password of 12 to 128 characters."),  # 9 once spaces merge
    ],
)
def test_blank_and_padded_passwords_are_refused(client, snapshot, password, message):
    form = {"email": "grace@example.com", "display_name": "Grace", "password": password}
    response = submit(client, "/register", form)
    assert said(response) == (400, message)
    assert snapshot()["user"] == []


def test_an_overlong_password_is_refused_without_hashing(client, ada, monkeypatch):
    attempt = {"email": ada, "password": "x" * 5000}
    submit(client, "/login", {**attempt, "email": "nobody@example.com"})  # the dummy, once
    runs = scrypt_runs(monkeypatch, lambda: submit(client, "/login", attempt))
    assert runs == 0
    assert said(submit(client, "/login", attempt)) == (400, "Wrong email or password.")


def test_the_default_cost_is_owasps_minimum_and_works(tmp_path):
    """The one test at the real cost: 2**17 needs 128 MiB, over hashlib's default maxmem."""
    app = create_app({"SECRET_KEY": "k", "DATABASE": str(tmp_path / "db.sqlite")})
    assert app.config["PASSWORD_METHOD"] == "scrypt:131072:8:1"
    with app.app_context():
        stored = passwords.hash_password(PASSWORD)
    assert stored.startswith("scrypt:131072:8:1$")
    assert check_password_hash(stored, PASSWORD)


def test_a_plain_scrypt_setting_does_not_rehash_at_every_login(app, ada, mailbox):
    """PASSWORD_METHOD="scrypt" is Werkzeug's default, recorded as scrypt:32768:8:1."""
    plain = create_app({**app.config, "PASSWORD_METHOD": "scrypt"})
    first, second = plain.test_client(), plain.test_client()
    login = {"email": ada, "password": PASSWORD}
    assert submit(first, "/login", login).status_code == 302  # renewed to Werkzeug's default
    renewed = stored_hash(plain)
    assert renewed.startswith("scrypt:32768:8:1$")
    assert submit(second, "/login", login).status_code == 302
    assert stored_hash(plain) == renewed  # not renewed again
    assert first.get("/").status_code == 200  # so the first session still holds


def test_any_printable_unicode_is_a_password(client, mailbox):
    """Spaces, emoji, any script (ASVS 2.1.4): all accepted, none required (2.1.9)."""
    typed = "🐍 pâte à crêpes 東京 🦄"
    assert new_user(client, mailbox, "grace@example.com", typed).status_code == 200
    assert (
        submit(client, "/login", {"email": "grace@example.com", "password": typed}).status_code
        == 302
    )


def test_a_password_is_not_truncated(client, mailbox):
    """All 128 characters count (ASVS 2.1.3): the last one wrong is a wrong password."""
    typed = "p" * 127 + "a"
    assert new_user(client, mailbox, "grace@example.com", typed).status_code == 200
    login = {"email": "grace@example.com", "password": "p" * 127 + "b"}
    assert said(submit(client, "/login", login)) == (400, "Wrong email or password.")
