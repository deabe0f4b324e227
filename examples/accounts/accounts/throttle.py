"""Rate limits, counted in the app's own SQLite database.

A fixed window per key: the first hit of a window starts a count, later hits of
the same window add to it. One SQL statement both counts and reads the count, so
requests that arrive together, in any worker process, cannot both slip under
the limit.
"""

import functools

from flask import current_app, request
from werkzeug.exceptions import TooManyRequests

from . import clock, db


def hit(key: str, limit: int, window: int) -> int:
    """Count one hit on ``key``: 0 while within ``limit`` hits per ``window`` seconds,
    else the seconds until the window ends."""
    now = clock.now()
    start = now - now % window
    with db.transaction() as connection:
        (hits,) = connection.execute(
            "INSERT INTO rate_limit (key, window_start, hits) VALUES (?, ?, 1)"
            " ON CONFLICT (key) DO UPDATE SET"
            " hits = CASE WHEN window_start = excluded.window_start THEN hits + 1 ELSE 1 END,"
            " window_start = excluded.window_start"
            " RETURNING hits",
            (key, start),
        ).fetchone()
    return 0 if hits <= limit else start + window - now


def per_client(view):
    """Limit each client address to CLIENT_LIMIT (hits, seconds) on this view.

    GET is free for the HTML forms (it only shows them); the API counts every request.
    """

    @functools.wraps(view)
    def limited(**kwargs):
        if request.method == "POST" or request.blueprint == "api":
            limit, window = current_app.config["CLIENT_LIMIT"]
            wait = hit(f"{request.endpoint} {request.remote_addr}", limit, window)
            if wait:
                message = "Too many requests from your address. Try again later."
                raise TooManyRequests(message, retry_after=wait)
        return view(**kwargs)

    return limited


def mail_allowed(address: str) -> bool:
    """Whether the app may send one more mail to ``address`` (ADDRESS_MAIL_LIMIT).

    Counted for every address typed, whether or not an account uses it, so the
    count reveals nothing and costs the same work either way.
    """
    limit, window = current_app.config["ADDRESS_MAIL_LIMIT"]
    return not hit(f"mail {address}", limit, window)
