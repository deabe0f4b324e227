"""Password reset by a signed link, bound to the password hash it was sent for."""

from flask import Blueprint, abort, current_app, render_template, request, session

from . import api_tokens, db, mail, passwords, rules, throttle, tokens

bp = Blueprint("reset", __name__)

CHANGED = "Your password was changed"


@bp.route("/reset", methods=["GET", "POST"])
@throttle.per_client
def ask():
    if request.method == "GET":
        return render_template("reset_ask.html")
    try:
        email = rules.email(request.form.get("email", ""))
    except rules.Invalid:
        email = None  # no account has it: nothing to count, nothing to send
    with db.transaction():  # known or not, one commit: the same work either way
        allowed = email is not None and throttle.mail_allowed(email)
        user = db.one("SELECT * FROM user WHERE email = ? AND active = 1", email)
        if user is not None and allowed:
            data = {"id": user["id"], "hash": passwords.fingerprint(user["password_hash"])}
            link = tokens.link("reset.choose", "reset", data)
            mail.queue(email, "Reset your password", f"Choose a new password here:\n{link}\n")
    message = "If an account uses that address, we sent it a link."
    return render_template("message.html", message=message)


@bp.route("/reset/new", methods=["GET", "POST"])
def choose():
    data = tokens.read("reset", request.args.get("token", ""), current_app.config["RESET_MAX_AGE"])
    user = db.one("SELECT * FROM user WHERE id = ?", data["id"])
    stale = "This link is no longer valid: the password changed after it was sent."
    if user is None or passwords.fingerprint(user["password_hash"]) != data["hash"]:
        abort(400, stale)
    if request.method == "GET":
        return render_template("reset_choose.html")
    try:
        password = rules.password(request.form.get("password", ""), user["email"])
    except rules.Invalid as invalid:
        return render_template("reset_choose.html", error=invalid), 400
    if not set_password(user, password):
        abort(400, stale)  # another use of this link came first
    session.clear()  # and every other session of this user ends: their key is stale
    return render_template("message.html", message="Your password is changed. Log in with it.")


def set_password(user, password: str) -> bool:
    """Replace the hash that ``user`` was read with; False if it changed since.

    The condition on the old hash makes the read and the write one step: of
    several requests that read the same hash, one changes it. API tokens are
    revoked, failures forgiven, and the owner told, in the same transaction.
    """
    with db.transaction():
        changed = db.write(
            "UPDATE user SET password_hash = ? WHERE id = ? AND password_hash = ?",
            passwords.hash_password(password),
            user["id"],
            user["password_hash"],
        )
        if not changed.rowcount:
            return False
        api_tokens.revoke_all(user["id"])
        db.write("DELETE FROM login_failure WHERE email = ?", user["email"])
        mail.queue(
            user["email"],
            CHANGED,
            "The password of your account was changed. If you did not change it,"
            " ask for a new one on the login page.\n",
        )
    return True
