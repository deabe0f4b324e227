"""Email over SMTP, or into the log when no MAIL_SERVER is configured."""

import smtplib
from email.message import EmailMessage

from flask import current_app


def send(to: str, subject: str, body: str) -> None:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    host = current_app.config["MAIL_SERVER"]
    if host is None:
        current_app.logger.info("MAIL_SERVER is not set; not sent:\n%s", message)
        return
    with smtplib.SMTP(host, current_app.config["MAIL_PORT"], timeout=10) as smtp:
        smtp.send_message(message)
