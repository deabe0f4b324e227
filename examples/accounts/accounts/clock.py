"""The time the app believes it is, from the CLOCK setting (time.time by default).

Expiry, lockout and login times all ask this clock, so a test can move it forward
instead of waiting a day for a link to expire.
"""

from datetime import UTC, datetime

from flask import current_app


def now() -> int:
    """Seconds since the epoch, as a whole number."""
    return int(current_app.config["CLOCK"]())


def iso(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")
