"""Session login by hand: who is logged in, login, logout, and a decorator for views."""

import functools
import hmac

from flask import Blueprint, g, redirect, render_template, request, session, url_for

from . import db, passwords, tracking

bp = Blueprint("auth", __name__)


class Refused(Exception):
    """Credentials not accepted: the message and status to answer with."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def check_credentials(email: str, password: str):
    """The active user with these credentials, or Refused: the same for wrong and unknown."""
    user = db.one("SELECT * FROM user WHERE email = ?", email.strip().lower())
    if user is not None and tracking.locked(user):
        raise Refused("Too many failed attempts. Try again later.", 429)
    if passwords.verify(user, password) is None:
        if user is not None:
            tracking.record_failure(user)
        raise Refused("Wrong email or password.", 400)
    if not user["active"]:  # the right password: its owner may know the account is inactive
        raise Refused("Activate your account first: see the link we emailed you.", 400)
    return db.one("SELECT * FROM user WHERE id = ?", user["id"])


@bp.before_app_request
def load_user() -> None:
    """g.user: the user of a session whose password has not changed since it logged in."""
    g.user = None
    user_id = session.get("user_id")
    if user_id is not None:
        user = db.one("SELECT * FROM user WHERE id = ? AND active = 1", user_id)
        if user and hmac.compare_digest(
            session.get("auth", ""), passwords.fingerprint(user["password_hash"])
        ):
            g.user = user


def login_required(view):
    @functools.wraps(view)
    def wrapped(**kwargs):
        if g.user is None:
            return redirect(url_for("auth.login", next=request.full_path))
        return view(**kwargs)

    return wrapped


def local_url(target: str) -> str:
    """``target`` if it is a path on this site, else the home page."""
    elsewhere = not target.startswith("/") or target.startswith("//")
    # Browsers read \ as / and drop tabs and newlines: /\x and /\t/x would be //x too.
    if elsewhere or any(c == "\\" or ord(c) < 33 for c in target):
        return url_for("profile.index")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = request.values.get("next", "")
    if request.method == "GET":
        return render_template("login.html", next=next_url)
    try:
        user = check_credentials(request.form.get("email", ""), request.form.get("password", ""))
    except Refused as refused:
        return render_template("login.html", next=next_url, error=refused), refused.status
    tracking.record_login(user)
    session.clear()  # nothing from before the login survives it: no session fixation
    session["user_id"] = user["id"]
    session["auth"] = passwords.fingerprint(user["password_hash"])
    session.permanent = request.form.get("remember") == "yes"
    return redirect(local_url(next_url))


@bp.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("auth.login"))
