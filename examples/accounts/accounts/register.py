"""Registration, and activation by a signed link sent by email and confirmed with the
password chosen at registration."""

from flask import Blueprint, abort, current_app, render_template, request

from . import db, mail, passwords, rules, throttle, tokens

bp = Blueprint("register", __name__)

CHECK_INBOX = "Check your inbox: we sent a message to {email}."


@bp.route("/register", methods=["GET", "POST"])
@throttle.per_client
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
    password_hash = passwords.hash_password(password)
    with db.transaction():
        # Only the three fields above are read: extra fields such as role=admin are ignored.
        # An address not yet activated takes the newest registration's name and
        # password: whoever registered it before cannot keep theirs in it.
        db.write(
            "INSERT INTO user (email, display_name, password_hash) VALUES (?, ?, ?)"
            " ON CONFLICT (email) DO UPDATE SET display_name = excluded.display_name,"
            " password_hash = excluded.password_hash WHERE active = 0",
            email,
            name,
            password_hash,
        )
        user = db.one("SELECT * FROM user WHERE email = ?", email)
        if throttle.mail_allowed(email):
            if user["active"]:
                # Only the owner of the address learns that it is taken, in their inbox.
                mail.queue(
                    email,
                    "You already have an account",
                    "Someone tried to register with this address. If it was you,"
                    " log in, or ask for a new password on the login page.\n",
                )
            else:
                # The link names this registration: a newer one makes it useless.
                data = {"id": user["id"], "hash": passwords.fingerprint(user["password_hash"])}
                link = tokens.link("register.activate", "activate", data)
                mail.queue(
                    email,
                    "Activate your account",
                    f"Open this link, and type the password you chose, to activate it:\n{link}\n",
                )
    return render_template("message.html", message=CHECK_INBOX.format(email=email))


@bp.route("/activate", methods=["GET", "POST"])
def activate():
    """GET shows the confirmation form; only its POST, with the password, activates.

    A mail scanner that opens every link activates nothing, and a registration
    made by someone else cannot be activated without their password.
    """
    token = request.args.get("token", "")
    data = tokens.read("activate", token, current_app.config["ACTIVATION_MAX_AGE"])
    user = db.one("SELECT * FROM user WHERE id = ?", data["id"])
    if user is not None and user["active"]:
        abort(400, "This link has already been used. Log in instead.")
    if user is None or passwords.fingerprint(user["password_hash"]) != data["hash"]:
        abort(400, "This link is no longer valid: the address was registered again since.")
    if request.method == "GET":
        return render_template("activate.html", email=user["email"])
    if not passwords.check(user["password_hash"], request.form.get("password", "")):
        error = "That is not the password this address was registered with."
        return render_template("activate.html", email=user["email"], error=error), 400
    activated = db.write(
        "UPDATE user SET active = 1 WHERE id = ? AND active = 0 AND password_hash = ?",
        user["id"],
        user["password_hash"],
    )
    if not activated.rowcount:
        abort(400, "This link is no longer valid: the address was registered again since.")
    return render_template("message.html", message="Your account is active. You can log in.")
