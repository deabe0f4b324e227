"""A real SMTP server on a loopback port that keeps every message it receives.

``running()`` starts aiosmtpd's server in a thread and yields an
:class:`SmtpServer`. Apps under test send mail with :mod:`smtplib` to its host
and port as they would to any mail server. Each test or page reads what was
delivered to it through a :class:`Mailbox` of its own, which sees only the
messages that arrived after it was opened::

    mailbox = server.mailbox()
    app.config.update(MAIL_SERVER=mailbox.host, MAIL_PORT=mailbox.port)
    ...
    message = mailbox.last(to="ada@example.com")   # an email.message.EmailMessage
"""

from __future__ import annotations

import email.policy
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.parser import BytesParser

from .commands import HOST, free_port


class SmtpServer:
    """An SMTP server on 127.0.0.1 and every message it has received, oldest first."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.host = HOST
        # aiosmtpd cannot bind port 0 (its readiness check connects to the port it
        # was given) and listens on ::1 unless told otherwise: both are chosen here.
        self.port = free_port()
        self.url = f"smtp://{self.host}:{self.port}"
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()
        self._controller = Controller(self, hostname=self.host, port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        # SMTP sends lines ending in CRLF; read them as Python text, with \n.
        content = envelope.content.replace(b"\r\n", b"\n")
        message = BytesParser(policy=email.policy.default).parsebytes(content)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def mailbox(self) -> Mailbox:
        """A view of the messages that arrive from now on."""
        with self.lock:
            return Mailbox(self, len(self.messages))


class Mailbox:
    """The messages an SMTP server received since this mailbox was opened."""

    def __init__(self, server: SmtpServer, first: int) -> None:
        self.server, self.first = server, first
        self.host, self.port = server.host, server.port

    @property
    def messages(self) -> list[EmailMessage]:
        with self.server.lock:
            return self.server.messages[self.first :]

    def last(self, to: str) -> EmailMessage:
        """The newest message addressed to ``to``; AssertionError if there is none."""
        messages = self.messages
        found = [m for m in messages if m["To"] == to]
        assert found, f"no message to {to} among {len(messages)} delivered"
        return found[-1]

    def link(self, to: str) -> str:
        """The first http(s) link in the body of the newest message to ``to``."""
        body = self.last(to).get_content()
        match = re.search(r"https?://\S+", body)
        assert match, f"no link in the message to {to}:\n{body}"
        return match[0]


@contextmanager
def running() -> Iterator[SmtpServer]:
    """Run an SMTP server until the block ends."""
    server = SmtpServer()
    server._controller.start()
    try:
        yield server
    finally:
        server._controller.stop(no_assert=True)
