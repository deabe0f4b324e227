"""Password hashing with Werkzeug's scrypt, and a rehash when the parameters change."""

import hashlib
import hmac

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from . import db

_dummies: dict[str, str] = {}


def method() -> str:
    """The method and parameters new hashes use, as a hash records them: scrypt:N:r:p."""
    return current_app.config["PASSWORD_METHOD"]


def hash_password(password: str) -> str:
    return generate_password_hash(password, method())


def verify(user, password: str) -> str | None:
    """The user's (possibly renewed) hash if the password is right, else None."""
    if user is None:
        # Spend the same time as for a real user: the delay must not reveal who exists.
        dummy = _dummies.setdefault(method(), hash_password("no such user"))
        check_password_hash(dummy, password)
        return None
    if not check_password_hash(user["password_hash"], password):
        return None
    if user["password_hash"].split("$", 1)[0] != method():
        renewed = hash_password(password)
        db.write("UPDATE user SET password_hash = ? WHERE id = ?", renewed, user["id"])
        return renewed
    return user["password_hash"]


def fingerprint(password_hash: str) -> str:
    """A short keyed digest of a hash: it changes whenever the password does."""
    key = current_app.secret_key.encode()
    return hmac.new(key, password_hash.encode(), hashlib.sha256).hexdigest()[:20]
