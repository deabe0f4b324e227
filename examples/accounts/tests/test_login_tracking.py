"""Login tracking: times, addresses and counts; lockout after five failures."""

from accounts import db
from accounts_testing import PASSWORD, submit


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


def test_failures_are_counted_and_a_success_forgives_them(app, client, ada):
    login(client, password="wrong password!")
    login(client, password="wrong password!")
    assert ada_row(app)["failed_logins"] == 2
    login(client)
    assert ada_row(app)["failed_logins"] == 0


def test_five_failures_lock_the_account_for_fifteen_minutes(app, client, ada, clock):
    for _ in range(5):
        assert login(client, password="wrong password!").status_code == 400
    locked = login(client)  # even the right password
    assert locked.status_code == 429
    assert "Too many failed attempts. Try again later." in locked.text
    assert ada_row(app)["locked_until"] == clock.now + 15 * 60
    clock.advance(15 * 60 + 1)
    assert login(client).status_code == 302


def test_the_lock_also_holds_on_the_basic_auth_api(client, ada):
    for _ in range(5):
        login(client, password="wrong password!")
    response = client.get("/api/basic/me", auth=(ada, PASSWORD))
    assert response.status_code == 429
    assert response.json == {"error": "Too many failed attempts. Try again later."}


def test_unknown_emails_write_nothing(client, ada, snapshot):
    before = snapshot()
    submit(client, "/login", {"email": "nobody@example.com", "password": "x"})
    assert snapshot() == before
