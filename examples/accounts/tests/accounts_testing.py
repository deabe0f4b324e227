"""Test support for the accounts app: a clock to move, a real mail server and the mail
worker, forms with their CSRF token, and a look at the database.

Only the tests (and the guide's pages) use these, so they live beside the
tests, not in the ``accounts`` package that a production install ships.
``pyproject.toml`` puts this folder on pytest's path; in a Python session
started in the app's folder, ``sys.path.insert(0, "tests")`` does the same.
"""

import email.policy
import html
import re
import secrets
import socket
import threading
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from aiosmtpd.controller import Controller

from accounts import db

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


def config(folder: str | Path, mail_port: int, clock: Clock) -> dict:
    """A test configuration: a database in ``folder``, mail to 127.0.0.1:mail_port."""
    return {
        "TESTING": True,
        "SECRET_KEY": secrets.token_hex(),  # a new key for each app
        "DATABASE": str(Path(folder) / "accounts.sqlite"),
        "PUBLIC_URL": "http://localhost",  # the test client's address
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
    """Register, let the mail worker send the link, open it and confirm with the password."""
    submit(client, "/register", {"email": email, "display_name": name, "password": password})
    send_mail(client.application)
    link = mailbox.link(to=email)
    client.get(link)
    return submit(client, link, {"password": password})


def send_mail(app) -> str:
    """Run the mail worker once, as ``flask --app accounts send-mail --once`` does: what it
    said, such as ``1 sent, 0 failed, will retry, 0 given up``."""
    result = app.test_cli_runner().invoke(args=["send-mail", "--once"])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def said(response) -> tuple[int, str]:
    """The status of a response and the message its page shows."""
    found = re.search(r'<p class="(?:error|message)">([^<]*)</p>', response.text)
    return response.status_code, html.unescape(found[1]) if found else response.text


def tampered(text: str, at: int = -5) -> str:
    """``text`` with the character at ``at`` changed, as an attacker would change a link.

    Not the last character: in base64 its last bits can be padding, which decoding
    ignores, so a changed last character may decode to the same signature.
    """
    at %= len(text)
    return text[:at] + ("A" if text[at] != "A" else "B") + text[at + 1 :]


def snapshot(app) -> dict[str, list[tuple]]:
    """Every row of every table: compare two to prove that nothing changed."""
    with app.app_context():
        return db.snapshot()


def row(app, sql: str, *args) -> dict | None:
    """One row of a query, as a dict."""
    with app.app_context():
        found = db.one(sql, *args)
        return None if found is None else dict(found)


# --- a real mail server ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """An SMTP server on 127.0.0.1 (aiosmtpd) and the messages it received, oldest first."""

    def __init__(self) -> None:
        # aiosmtpd cannot bind port 0 (its readiness check connects to that port).
        self.host, self.port = "127.0.0.1", free_port()
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname=self.host, port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        content = envelope.content.replace(b"\r\n", b"\n")
        with self._lock:
            self.messages.append(BytesParser(policy=email.policy.default).parsebytes(content))
        return "250 Message accepted for delivery"

    def start(self) -> "Mailbox":
        self._controller.start()
        return self

    def stop(self) -> None:
        """Stop the server (a second call does nothing): the app's mail then fails."""
        if self._controller.loop.is_running():
            self._controller.stop(no_assert=True)

    def __enter__(self) -> "Mailbox":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def last(self, to: str) -> EmailMessage:
        """The newest message addressed to ``to``."""
        with self._lock:
            found = [m for m in self.messages if m["To"] == to]
        assert found, f"no message to {to} among {len(self.messages)} delivered"
        return found[-1]

    def link(self, to: str) -> str:
        """The first http(s) link in the newest message to ``to``."""
        body = self.last(to).get_content()
        match = re.search(r"https?://\S+", body)
        assert match, f"no link in the message to {to}:\n{body}"
        return match[0]
