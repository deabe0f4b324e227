"""Changing the password or the email address. Each asks for the password again: a
session alone (a browser left open, a stolen cookie) is not enough."""

import sqlite3

from flask import Blueprint, abort, current_app, g, render_template, request, session

from . import db, mail, passwords, reset, rules, throttle, tokens
from .auth import Refused, check_credentials, login_required, start_session

bp = Blueprint("changes", __name__, url_prefix="/account")


def reauthenticate():
    """The user, fresh from the database, if the password typed is theirs; else Refused.

    The same check as the login form's, so wrong tries count towards the lockout.
    """
    try:
        return check_credentials(g.user["email"], request.form.get("current_password", ""))
    except Refused as refused:
        if refused.status == 429:
            raise
        raise Refused("Wrong password.", 400) from None


def refused_page(refused: Refused):
    headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after else {}
    return render_template("message.html", message=refused), refused.status, headers


@bp.post("/password")
@login_required
def change_password():
    try:
        user = reauthenticate()
        password = rules.password(request.form.get("password", ""), user["email"])
    except Refused as refused:
        return refused_page(refused)
    except rules.Invalid as invalid:
        return render_template("message.html", message=invalid), 400
    if not reset.set_password(user, password):
        abort(400, "Your password changed meanwhile. Try again.")
    # Every other session ends with the old hash; this one goes on with the new.
    start_session(db.one("SELECT * FROM user WHERE id = ?", user["id"]), session.permanent)
    return render_template("message.html", message="Your password is changed.")


@bp.post("/email")
@login_required
def change_email():
    try:
        user = reauthenticate()
        email = rules.email(request.form.get("email", ""))
    except Refused as refused:
        return refused_page(refused)
    except rules.Invalid as invalid:
        return render_template("message.html", message=invalid), 400
    with db.transaction():
        if throttle.mail_allowed(email):
            if db.one("SELECT 1 FROM user WHERE email = ?", email):
                mail.queue(
                    email,
                    "You already have an account",
                    "Someone asked to move another account to this address, which"
                    " already has one. Nothing was changed.\n",
                )
            else:
                data = {
                    "id": user["id"],
                    "email": email,
                    "hash": passwords.fingerprint(user["password_hash"]),
                }
                link = tokens.link("changes.confirm_email", "email", data)
                mail.queue(
                    email,
                    "Confirm your new email address",
                    f"Open this link, logged in, to use this address for your account:\n{link}\n",
                )
    message = f"Check your inbox: we sent a message to {email}."
    return render_template("message.html", message=message)


@bp.route("/email/confirm", methods=["GET", "POST"])
@login_required
def confirm_email():
    """The link proves the new inbox, the session the account: both are needed."""
    token = request.args.get("token", "")
    data = tokens.read("email", token, current_app.config["EMAIL_CHANGE_MAX_AGE"])
    stale = passwords.fingerprint(g.user["password_hash"]) != data["hash"]
    if data["id"] != g.user["id"] or stale:
        abort(400, "This link is not valid for this account any more.")
    if request.method == "GET":
        return render_template("confirm_email.html", email=data["email"])
    old = g.user["email"]
    try:
        with db.transaction():
            db.write("UPDATE user SET email = ? WHERE id = ?", data["email"], g.user["id"])
            mail.queue(
                old,
                "Your email address was changed",
                f"Your account now uses {data['email']}. If you did not change it,"
                " contact the site's administrators.\n",
            )
    except sqlite3.IntegrityError:
        abort(400, "That address has an account of its own now.")
    message = f"Your email address is now {data['email']}."
    return render_template("message.html", message=message)
