"""Registration and activation by a signed link sent by email."""

from flask import Blueprint, abort, current_app, render_template, request, url_for

from . import db, mail, passwords, rules, tokens

bp = Blueprint("register", __name__)

CHECK_INBOX = "Check your inbox: we sent a message to {email}."


@bp.route("/register", methods=["GET", "POST"])
def register():
    if request.method == "GET":
        return render_template("register.html")
    form = request.form
    try:
        email = rules.email(form.get("email", ""))
        name = rules.display_name(form.get("display_name", ""))
        password = rules.password(form.get("password", ""), email)
    except rules.Invalid as invalid:
        return render_template("register.html", error=invalid), 400
    # Only the three fields above are read: extra fields such as role=admin are ignored.
    db.write(
        "INSERT INTO user (email, display_name, password_hash) VALUES (?, ?, ?)"
        " ON CONFLICT (email) DO NOTHING",
        email,
        name,
        passwords.hash_password(password),
    )
    user = db.one("SELECT id, active FROM user WHERE email = ?", email)
    if user["active"]:
        # Only the owner of the address learns that it is taken, in their inbox.
        link = url_for("auth.login", _external=True)
        mail.send(email, "You already have an account", f"Log in or reset your password:\n{link}\n")
    else:
        # New, or registered before and never activated: a fresh link either way.
        link = url_for(
            "register.activate", token=tokens.make("activate", user["id"]), _external=True
        )
        mail.send(email, "Activate your account", f"Open this link to activate it:\n{link}\n")
    return render_template("message.html", message=CHECK_INBOX.format(email=email))


@bp.get("/activate/<token>")
def activate(token):
    user_id = tokens.read("activate", token, current_app.config["ACTIVATION_MAX_AGE"])
    activated = db.write("UPDATE user SET active = 1 WHERE id = ? AND active = 0", user_id)
    if not activated.rowcount:
        abort(400, "This link has already been used. Log in instead.")
    return render_template("message.html", message="Your account is active. You can log in.")
