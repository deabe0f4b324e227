"""Login tracking: times, addresses and counts; lockout after five failures per address."""

from accounts import db
from accounts_testing import PASSWORD, row, submit


def login(client, password=PASSWORD, address="192.0.2.1"):
    return submit(
        client,
        "/login",
        {"email": "ada@example.com", "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def ada_row(app):
    with app.app_context():
        return dict(db.one("SELECT * FROM user WHERE email = 'ada@example.com'"))


def test_each_login_moves_current_to_last(app, client, ada, clock):
    login(client, address="192.0.2.1")
    clock.advance(3600)
    login(client, address="198.51.100.7")
    row = ada_row(app)
    assert row["login_count"] == 2
    assert (row["last_login_at"], row["last_login_ip"]) == (
        "2026-01-01T00:00:00+00:00",
        "192.0.2.1",
    )
    assert (row["current_login_at"], row["current_login_ip"]) == (
        "2026-01-01T01:00:00+00:00",
        "198.51.100.7",
    )
    page = client.get("/").text
    assert "2026-01-01T01:00:00+00:00 from 198.51.100.7" in page


def failures(app, email="ada@example.com"):
    return row(app, "SELECT failures, locked_until FROM login_failure WHERE email = ?", email)


def test_failures_are_counted_and_a_success_forgives_them(app, client, ada):
    login(client, password="wrong password!")
    login(client, password="wrong password!")
    assert failures(app) == {"failures": 2, "locked_until": None}
    login(client)
    assert failures(app) is None


def test_five_failures_lock_the_account_for_fifteen_minutes(app, client, ada, clock):
    for _ in range(5):
        assert login(client, password="wrong password!").status_code == 400
    locked = login(client)  # even the right password
    assert locked.status_code == 429
    assert "Too many failed attempts. Try again later." in locked.text
    assert failures(app) == {"failures": 5, "locked_until": clock.now + 15 * 60}
    clock.advance(15 * 60 + 1)
    assert login(client).status_code == 302


def test_the_lock_also_holds_on_the_basic_auth_api(client, ada):
    for _ in range(5):
        login(client, password="wrong password!")
    response = client.get("/api/basic/me", auth=(ada, PASSWORD))
    assert response.status_code == 429
    assert response.json == {"error": "Too many failed attempts. Try again later."}


def test_unknown_addresses_are_counted_like_known_ones(app, client, ada, snapshot):
    before = snapshot()
    submit(client, "/login", {"email": "nobody@example.com", "password": "x"})
    assert failures(app, "nobody@example.com") == {"failures": 1, "locked_until": None}
    assert snapshot()["user"] == before["user"]


def test_text_that_is_no_address_is_not_counted(client, ada, snapshot):
    before = snapshot()
    submit(client, "/login", {"email": "' OR 1=1 --", "password": "x"})
    assert snapshot() == before


def test_the_attempt_is_counted_before_the_password_is_checked(app, client, ada, monkeypatch):
    """What makes parallel guesses stop at five: each reserves its try before scrypt runs."""
    import hashlib

    seen = []
    real = hashlib.scrypt

    def spy(*args, **kwargs):
        seen.append(row(app, "SELECT failures FROM login_failure WHERE email = ?", ada))
        return real(*args, **kwargs)

    client.get("/login")
    monkeypatch.setattr(hashlib, "scrypt", spy)
    login(client, password="wrong password!")
    assert seen == [{"failures": 1}]


def test_a_lockout_says_when_to_retry(client, ada, clock):
    for _ in range(5):
        login(client, password="wrong password!")
    clock.advance(60)
    locked = login(client)
    assert locked.status_code == 429
    assert locked.headers["Retry-After"] == str(15 * 60 - 60)
    api = client.get("/api/basic/me", auth=(ada, PASSWORD))
    assert (api.status_code, api.headers["Retry-After"]) == (429, str(15 * 60 - 60))


def test_unknown_addresses_lock_like_known_ones(client, ada):
    """A lockout must not tell who has an account: every address is counted."""
    for email in [ada, "nobody@example.com"]:
        answers = [
            submit(client, "/login", {"email": email, "password": "wrong password!"}).status_code
            for _ in range(6)
        ]
        assert answers == [400] * 5 + [429]
