"""Login tracking: when and from where, how often, and lockout after failures."""

from flask import current_app, request

from . import clock, db


def locked(user) -> bool:
    return user["locked_until"] is not None and user["locked_until"] > clock.now()


def record_failure(user) -> None:
    """Count a wrong password; the last allowed failure locks the account for a while."""
    config = current_app.config
    db.write(
        "UPDATE user SET failed_logins = failed_logins + 1,"
        " locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END"
        " WHERE id = ?",
        config["LOCKOUT_FAILURES"],
        clock.now() + config["LOCKOUT_SECONDS"],
        user["id"],
    )


def record_login(user) -> None:
    """The current login becomes the last one; failures are forgiven."""
    db.write(
        "UPDATE user SET last_login_at = current_login_at, last_login_ip = current_login_ip,"
        " current_login_at = ?, current_login_ip = ?, login_count = login_count + 1,"
        " failed_logins = 0, locked_until = NULL WHERE id = ?",
        clock.iso(clock.now()),
        request.remote_addr,
        user["id"],
    )
