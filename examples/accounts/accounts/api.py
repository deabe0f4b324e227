"""A small JSON API: HTTP Basic or a Bearer token on every request, never the session."""

from flask import Blueprint, abort, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import TooManyRequests

from . import api_tokens, db, throttle
from .auth import Refused, check_credentials

bp = Blueprint("api", __name__, url_prefix="/api")


def challenge(scheme: str, message: str):
    # A realm on both: a challenge with no parameter is "Bearer " with a space
    # before Werkzeug 3.1.7, and "Bearer" after.
    params = {"realm": "accounts", "charset": "UTF-8"} if scheme == "basic" else {"realm": "api"}
    abort(401, description=message, www_authenticate=WWWAuthenticate(scheme, params))


def describe(user) -> dict:
    roles = db.get_db().execute("SELECT name FROM role WHERE user_id = ?", (user["id"],))
    return {
        "email": user["email"],
        "display_name": user["display_name"],
        "roles": sorted(row["name"] for row in roles),
    }


@bp.get("/basic/me")
@throttle.per_client
def basic_me():
    auth = request.authorization  # None when the header is missing or malformed
    if auth is None or auth.type != "basic":
        challenge("basic", "Send an email and password with HTTP Basic authentication.")
    try:
        user = check_credentials(auth.username or "", auth.password or "")
    except Refused as refused:
        if refused.status == 429:
            raise TooManyRequests(str(refused), retry_after=refused.retry_after) from None
        challenge("basic", str(refused))
    return describe(user)


@bp.get("/me")
def token_me():
    auth = request.authorization
    if auth is None or auth.type != "bearer":
        challenge("bearer", "Send an API token: Authorization: Bearer <token>.")
    user = api_tokens.user_for(auth.token or "")
    if user is None:
        challenge("bearer", "This token is not valid: unknown, expired or revoked.")
    return describe(user)
