"""Password recovery by a link bound to the current password hash."""

from flask import Blueprint, abort, current_app, render_template, request, session, url_for

from . import db, mail, passwords, rules, tokens

bp = Blueprint("reset", __name__)


@bp.route("/reset", methods=["GET", "POST"])
def ask():
    if request.method == "GET":
        return render_template("reset_ask.html")
    email = request.form.get("email", "").strip().lower()
    user = db.one("SELECT * FROM user WHERE email = ? AND active = 1", email)
    if user is not None:
        data = {"id": user["id"], "hash": passwords.fingerprint(user["password_hash"])}
        link = url_for("reset.choose", token=tokens.make("reset", data), _external=True)
        mail.send(email, "Reset your password", f"Choose a new password here:\n{link}\n")
    message = "If an account uses that address, we sent it a link."
    return render_template("message.html", message=message)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def choose(token):
    data = tokens.read("reset", token, current_app.config["RESET_MAX_AGE"])
    user = db.one("SELECT * FROM user WHERE id = ?", data["id"])
    if user is None or passwords.fingerprint(user["password_hash"]) != data["hash"]:
        abort(400, "This link is no longer valid: the password changed after it was sent.")
    if request.method == "GET":
        return render_template("reset_choose.html")
    try:
        password = rules.password(request.form.get("password", ""), user["email"])
    except rules.Invalid as invalid:
        return render_template("reset_choose.html", error=invalid), 400
    db.write(
        "UPDATE user SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?",
        passwords.hash_password(password),
        user["id"],
    )
    session.clear()  # and every other session of this user ends: their fingerprint is stale
    return render_template("message.html", message="Your password is changed. Log in with it.")
