"""Helpers for the tests and the guide's pages: a clock to move, forms with their CSRF token."""

import html
import re
from pathlib import Path

from . import db

START = 1_767_225_600  # 2026-01-01 00:00:00 UTC
PASSWORD = "correct horse battery"  # passes the password rules


class Clock:
    """A clock for the CLOCK setting that only moves when told to."""

    def __init__(self, start: int = START) -> None:
        self.now = start

    def __call__(self) -> int:
        return self.now

    def advance(self, seconds: int) -> None:
        self.now += seconds


def config(folder: Path, mail_port: int, clock: Clock) -> dict:
    """A test configuration: a database in ``folder``, mail to 127.0.0.1:mail_port."""
    return {
        "TESTING": True,
        "SECRET_KEY": "a key for tests only",
        "DATABASE": str(folder / "accounts.sqlite"),
        "PASSWORD_METHOD": "scrypt:1024:8:1",  # cheap for tests; see the hashing page
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": mail_port,
        "CLOCK": clock,
    }


def csrf_token(client) -> str:
    """The CSRF token the site gives this client, read from a page as a script would."""
    html = client.get("/login").text
    return re.search(r'<meta name="csrf-token" content="([^"]+)">', html)[1]


def submit(client, path: str, data: dict, **kwargs):
    """POST a form the way a browser does: with the CSRF token the site gave it."""
    return client.post(path, data={"csrf_token": csrf_token(client), **data}, **kwargs)


def new_user(client, mailbox, email: str, password: str, name: str = "Ada"):
    """Register, then open the activation link delivered to ``mailbox``."""
    submit(client, "/register", {"email": email, "display_name": name, "password": password})
    return client.get(mailbox.link(to=email))


def said(response) -> tuple[int, str]:
    """The status of a response and the message its page shows."""
    found = re.search(r'<p class="(?:error|message)">([^<]*)</p>', response.text)
    return response.status_code, html.unescape(found[1]) if found else response.text


def snapshot(app) -> dict[str, list[tuple]]:
    """Every row of every table: compare two to prove that nothing changed."""
    with app.app_context():
        return db.snapshot()


def row(app, sql: str, *args) -> dict | None:
    """One row of a query, as a dict."""
    with app.app_context():
        found = db.one(sql, *args)
        return None if found is None else dict(found)
