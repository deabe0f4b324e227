"""Mail leaves through an outbox: a request queues a message in the database, in its
own transaction, and a worker sends it: ``flask --app accounts send-mail``.

So no request waits for a mail server or fails with it, and a message is sent
only if the change that asked for it was committed.
"""

import smtplib
import time
from email.message import EmailMessage

import click
from flask import current_app
from flask.cli import with_appcontext

from . import clock, db

RETRY_SECONDS = 60  # after a failure; doubled after each one: 1, 2, 4, 8 minutes


def queue(to: str, subject: str, body: str) -> None:
    """Leave a message for the worker, in the caller's transaction if it has one."""
    db.write(
        "INSERT INTO outbox (recipient, subject, body, next_attempt_at) VALUES (?, ?, ?, ?)",
        to,
        subject,
        body,
        clock.now(),
    )


def message(row) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = row["recipient"]
    message["Subject"] = row["subject"]
    message.set_content(row["body"])
    return message


def smtp_send(message: EmailMessage) -> None:
    config = current_app.config
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
        smtp.send_message(message)


def send_due(send=smtp_send) -> tuple[int, int, int]:
    """Try every message that is due once: how many were sent, will be retried, given up."""
    now = clock.now()
    due = db.get_db().execute("SELECT * FROM outbox WHERE next_attempt_at <= ? ORDER BY id", (now,))
    sent = retried = given_up = 0
    for row in due.fetchall():
        attempts = row["attempts"] + 1
        # Claim the message by scheduling its next attempt first: another worker
        # skips it, and if this one dies while sending, it is tried again later.
        claimed = db.write(
            "UPDATE outbox SET attempts = ?, next_attempt_at = ? WHERE id = ? AND attempts = ?",
            attempts,
            now + RETRY_SECONDS * 2 ** (attempts - 1),
            row["id"],
            row["attempts"],
        )
        if not claimed.rowcount:
            continue
        try:
            send(message(row))
        except (smtplib.SMTPException, OSError) as error:
            if attempts < current_app.config["MAIL_MAX_ATTEMPTS"]:
                retried += 1
                current_app.logger.warning("message %s, attempt %s: %s", row["id"], attempts, error)
                continue
            given_up += 1
            current_app.logger.error(
                "message %s to %s given up after %s attempts: %s",
                row["id"],
                row["recipient"],
                attempts,
                error,
            )
        else:
            sent += 1
        # Sent or given up: the body may hold a live link, so it does not stay.
        db.write("DELETE FROM outbox WHERE id = ?", row["id"])
    return sent, retried, given_up


def print_message(message: EmailMessage) -> None:
    """The headers that matter and the body as text (SMTP would send it encoded)."""
    headers = "".join(f"{name}: {message[name]}\n" for name in ("From", "To", "Subject"))
    click.echo(f"{headers}\n{message.get_content()}{'-' * 72}")


@click.command("send-mail")
@click.option("--once", is_flag=True, help="Send what is due, then stop.")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between rounds.")
@click.option(
    "--print",
    "to_terminal",
    is_flag=True,
    help="Print each message here instead of sending it (development only).",
)
@with_appcontext
def send_mail_command(once: bool, interval: float, to_terminal: bool) -> None:
    """Send the mail waiting in the outbox, every few seconds until stopped."""
    if current_app.config["MAIL_SERVER"] is None and not to_terminal:
        raise click.UsageError("set MAIL_SERVER, or pass --print to print the messages here")
    while True:
        sent, retried, given_up = send_due(print_message if to_terminal else smtp_send)
        if once or sent or retried or given_up:
            click.echo(f"{sent} sent, {retried} failed, will retry, {given_up} given up")
        if once:
            return
        time.sleep(interval)
