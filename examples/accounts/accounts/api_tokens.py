"""API tokens: shown once, stored as SHA-256 hashes, with expiry and revocation."""

import hashlib
import secrets

from flask import Blueprint, abort, current_app, g, render_template, request

from . import clock, db
from .auth import login_required

bp = Blueprint("api_tokens", __name__, url_prefix="/tokens")


def digest(token: str) -> str:
    # A token is 256 random bits, not a guessable password: a fast hash is enough.
    return hashlib.sha256(token.encode()).hexdigest()


def user_for(token: str):
    """The active user a valid, unexpired, unrevoked token belongs to, or None."""
    return db.one(
        "SELECT user.* FROM api_token JOIN user ON user.id = api_token.user_id"
        " WHERE token_hash = ? AND revoked = 0 AND expires_at > ? AND user.active = 1",
        digest(token),
        clock.now(),
    )


def revoke_all(user_id: int) -> None:
    """Every token of the user stops working: called when the password changes."""
    db.write("UPDATE api_token SET revoked = 1 WHERE user_id = ?", user_id)


@bp.post("")
@login_required
def create():
    name = request.form.get("name", "").strip()[:50] or "unnamed"
    token = secrets.token_urlsafe(32)
    expires = clock.now() + current_app.config["API_TOKEN_DAYS"] * 24 * 3600
    db.write(
        "INSERT INTO api_token (user_id, name, token_hash, expires_at) VALUES (?, ?, ?, ?)",
        g.user["id"],
        name,
        digest(token),
        expires,
    )
    return render_template(
        "token_created.html", name=name, token=token, expires=clock.iso(expires)
    ), 201


@bp.post(f"/<int(max={db.MAX_ID}):token_id>/revoke")
@login_required
def revoke(token_id):
    """Called by the account page's fetch(): JSON in the answer, CSRF token in a header."""
    revoked = db.write(
        "UPDATE api_token SET revoked = 1 WHERE id = ? AND user_id = ?", token_id, g.user["id"]
    )
    if not revoked.rowcount:
        abort(404, "You have no such token.")
    return {"revoked": token_id}
