"""Signed, salted, time-limited links (activation, password reset, a new email address)
with itsdangerous, and the address those links start with."""

from urllib.parse import urlsplit

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


def link(endpoint: str, purpose: str, data) -> str:
    """A link for a mail: PUBLIC_URL, the endpoint's path, and the token in the query.

    Never built from the request: its Host header is whatever the client sent.
    The token goes in the query string, which an access log can leave out.
    """
    public = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(
        public.netloc, script_name=public.path or "/", url_scheme=public.scheme
    )
    return adapter.build(endpoint, {"token": make(purpose, data)}, force_external=True)
