"""Login tracking: when and from where, how often, and lockout after failures.

Failures are counted per address typed, whether or not an account uses it: a
lockout then tells nobody which addresses have accounts, and both cases do the
same work.
"""

from flask import current_app, request

from . import clock, db


def reserve_attempt(email: str) -> int:
    """Count this attempt as a failure before the password is checked: 0, or the
    seconds the address stays locked.

    One statement reads the lock and counts the attempt, so guesses sent in
    parallel are counted one after another: the one that reaches the limit
    locks the address, and the next ones find it locked. A right password
    forgives them all (``forgive``).
    """
    config, now = current_app.config, clock.now()
    locks_at, until = config["LOCKOUT_FAILURES"], now + config["LOCKOUT_SECONDS"]
    with db.transaction() as connection:
        counted = connection.execute(
            "INSERT INTO login_failure (email, failures, locked_until)"
            " VALUES (?, 1, CASE WHEN 1 >= ? THEN ? END)"
            " ON CONFLICT (email) DO UPDATE SET failures = failures + 1,"
            " locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END"
            " WHERE locked_until IS NULL OR locked_until <= ?",
            (email, locks_at, until, locks_at, until, now),
        )
        if counted.rowcount:
            return 0
        row = connection.execute(
            "SELECT locked_until FROM login_failure WHERE email = ?", (email,)
        ).fetchone()
    return row["locked_until"] - now


def forgive(email: str) -> None:
    """The right password: the failures counted for this address are forgotten."""
    db.write("DELETE FROM login_failure WHERE email = ?", email)


def record_login(user) -> None:
    """The current login becomes the last one."""
    db.write(
        "UPDATE user SET last_login_at = current_login_at, last_login_ip = current_login_ip,"
        " current_login_at = ?, current_login_ip = ?, login_count = login_count + 1"
        " WHERE id = ?",
        clock.iso(clock.now()),
        request.remote_addr,
        user["id"],
    )
