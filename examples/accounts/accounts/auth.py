"""Session login by hand: who is logged in, login, logout, and a decorator for views."""

import functools
import hmac

from flask import (
    Blueprint,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from . import clock, db, passwords, rules, throttle, tracking

bp = Blueprint("auth", __name__)


class Refused(Exception):
    """Credentials not accepted: the message and status to answer with."""

    def __init__(self, message: str, status: int, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def check_credentials(email: str, password: str):
    """The active user with these credentials, or Refused: the same for wrong and unknown."""
    try:
        email = rules.email(email)
    except rules.Invalid:  # no account has it: nothing to count, nothing to check
        raise Refused("Wrong email or password.", 400) from None
    wait = tracking.reserve_attempt(email)
    if wait:
        raise Refused("Too many failed attempts. Try again later.", 429, retry_after=wait)
    user = db.one("SELECT * FROM user WHERE email = ?", email)
    if passwords.verify(user, password) is None:
        raise Refused("Wrong email or password.", 400)
    tracking.forgive(email)
    if not user["active"]:  # the right password: its owner may know the account is inactive
        raise Refused("Activate your account first: see the link we emailed you.", 400)
    return db.one("SELECT * FROM user WHERE id = ?", user["id"])


def session_key(user) -> str:
    """What a session holds to prove it is current: it changes with the password,
    and at every logout (``session_generation``)."""
    return passwords.fingerprint(f"{user['password_hash']} {user['session_generation']}")


def start_session(user, remember: bool) -> None:
    session.clear()  # nothing from before the login survives it: no session fixation
    session["user_id"] = user["id"]
    session["auth"] = session_key(user)
    session["since"] = clock.now()
    session.permanent = remember


def lifetime() -> int:
    """Seconds a session lasts from its login, used or not: "remember me" or not."""
    if session.permanent:
        return int(current_app.permanent_session_lifetime.total_seconds())
    return current_app.config["LOGIN_LIFETIME"]


@bp.before_app_request
def load_user() -> None:
    """g.user: the user of a current session, not logged out, not too old."""
    g.user = None
    user_id = session.get("user_id")
    if user_id is None:
        return
    user = db.one("SELECT * FROM user WHERE id = ? AND active = 1", user_id)
    if user is None or not hmac.compare_digest(session.get("auth", ""), session_key(user)):
        return
    if clock.now() - session.get("since", 0) < lifetime():
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


def refusal(template: str, refused: Refused, **context):
    """The form again, with the reason, its status, and when to retry if locked."""
    headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after else {}
    return render_template(template, error=refused, **context), refused.status, headers


@bp.route("/login", methods=["GET", "POST"])
@throttle.per_client
def login():
    next_url = request.values.get("next", "")
    if request.method == "GET":
        return render_template("login.html", next=next_url)
    try:
        user = check_credentials(request.form.get("email", ""), request.form.get("password", ""))
    except Refused as refused:
        return refusal("login.html", refused, next=next_url)
    tracking.record_login(user)
    start_session(user, remember=request.form.get("remember") == "yes")
    return redirect(local_url(next_url))


@bp.post("/logout")
def logout():
    if g.user is not None:
        # Every session of this user ends, a copied cookie included.
        db.write(
            "UPDATE user SET session_generation = session_generation + 1 WHERE id = ?",
            g.user["id"],
        )
    session.clear()
    return redirect(url_for("auth.login"))
