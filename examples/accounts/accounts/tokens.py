"""Signed, salted, time-limited links (activation, password reset) with itsdangerous."""

from flask import abort, current_app
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from . import clock


class ClockSigner(TimestampSigner):
    """Stamps and checks the age of a token with the app's clock."""

    def get_timestamp(self) -> int:
        return clock.now()


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    # The purpose is the salt: an activation token is no use as a reset token.
    return URLSafeTimedSerializer(current_app.secret_key, salt=purpose, signer=ClockSigner)


def make(purpose: str, data) -> str:
    return _serializer(purpose).dumps(data)


def read(purpose: str, token: str, max_age: int):
    """The data in the token, or a 400 page saying what is wrong with the link."""
    try:
        return _serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired:
        abort(400, "This link has expired. Ask for a new one.")
    except BadSignature:
        abort(400, "This link is not valid. Check that you copied all of it.")
