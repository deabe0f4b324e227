"""Password hashing with Werkzeug's scrypt, and a rehash when the parameters change."""

import hashlib
import hmac
import unicodedata

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from . import db

#: Longer passwords are refused at registration, so at login they are wrong
#: without a hash to compute (ASVS 2.1.2 asks to deny more than 128).
MAX_LENGTH = 128

_dummies: dict[str, str] = {}


def normalise(password: str) -> str:
    """NFKC: a password typed with fullwidth letters, or with an accent typed as a
    separate combining mark, is the same password."""
    return unicodedata.normalize("NFKC", password)


def hash_password(password: str) -> str:
    return generate_password_hash(normalise(password), current_app.config["PASSWORD_METHOD"])


def _dummy() -> str:
    """A hash made with the current setting, once per process: what an unknown address
    is checked against, and the setting as Werkzeug records it (scrypt:N:r:p)."""
    setting = current_app.config["PASSWORD_METHOD"]
    if setting not in _dummies:
        _dummies[setting] = hash_password("no such user")
    return _dummies[setting]


def method() -> str:
    """The method and parameters new hashes record: "scrypt" is recorded as scrypt:32768:8:1."""
    return _dummy().split("$", 1)[0]


def check(password_hash: str, password: str) -> bool:
    """Whether ``password`` is the one hashed, compared in its NFKC form."""
    password = normalise(password)
    return len(password) <= MAX_LENGTH and check_password_hash(password_hash, password)


def verify(user, password: str) -> str | None:
    """The user's (possibly renewed) hash if the password is right, else None.

    One scrypt run whether or not the user exists, so the time of a "no" does
    not tell which addresses have accounts.
    """
    dummy = _dummy()  # the first call in a process makes it: one more run, once
    stored = dummy if user is None else user["password_hash"]
    if not check(stored, password) or user is None:
        return None
    if stored.split("$", 1)[0] != dummy.split("$", 1)[0]:
        renewed = hash_password(password)
        db.write("UPDATE user SET password_hash = ? WHERE id = ?", renewed, user["id"])
        return renewed
    return stored


def fingerprint(password_hash: str) -> str:
    """A short keyed digest of a hash: it changes whenever the password does."""
    key = current_app.secret_key.encode()
    return hmac.new(key, password_hash.encode(), hashlib.sha256).hexdigest()[:20]
