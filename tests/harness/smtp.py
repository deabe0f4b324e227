"""A real SMTP server on a loopback port that keeps every message it receives.

Apps under test send mail with :mod:`smtplib` to ``mailbox.host``:``mailbox.port``
as they would to any mail server; the test then reads what was delivered::

    with Mailbox() as mailbox:
        app.config.update(MAIL_SERVER=mailbox.host, MAIL_PORT=mailbox.port)
        ...
        message = mailbox.last(to="ada@example.com")   # an email.message.EmailMessage

The server is aiosmtpd's, in a daemon thread; ``stop()`` (or leaving the
``with`` block) always shuts it down.
"""

from __future__ import annotations

import email.policy
import re
import threading
from email.message import EmailMessage
from email.parser import BytesParser

from aiosmtpd.controller import Controller

from .servers import HOST, free_port


class Mailbox:
    """An SMTP server on 127.0.0.1 and the messages it has received, oldest first."""

    def __init__(self) -> None:
        self.host = HOST
        # aiosmtpd cannot bind port 0 (its readiness check connects to the port it
        # was given) and listens on ::1 unless told otherwise: both are chosen here.
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname=self.host, port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        # SMTP sends lines ending in CRLF; read them as Python text, with \n.
        content = envelope.content.replace(b"\r\n", b"\n")
        message = BytesParser(policy=email.policy.default).parsebytes(content)
        with self._lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def start(self) -> Mailbox:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop(no_assert=True)

    def __enter__(self) -> Mailbox:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def last(self, to: str) -> EmailMessage:
        """The newest message addressed to ``to``; AssertionError if there is none."""
        with self._lock:
            found = [m for m in self.messages if m["To"] == to]
        assert found, f"no message to {to} among {len(self.messages)} delivered"
        return found[-1]

    def link(self, to: str) -> str:
        """The first http(s) link in the body of the newest message to ``to``."""
        body = self.last(to).get_content()
        match = re.search(r"https?://\S+", body)
        assert match, f"no link in the message to {to}:\n{body}"
        return match[0]
