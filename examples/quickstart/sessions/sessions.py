from flask import Flask, abort, redirect, request, session, url_for
from markupsafe import escape

app = Flask(__name__)
# FLASK_SECRET_KEY in the environment becomes app.config["SECRET_KEY"],
# so the key that signs the session cookie never sits in the code.
app.config.from_prefixed_env()


@app.route("/")
def index():
    if "username" in session:
        return (
            f"<p>Logged in as {escape(session['username'])}</p>\n"
            f'<form method="post" action="{url_for("logout")}"><button>Log out</button></form>'
        )
    return (
        "<p>You are not logged in</p>\n"
        f'<form method="post" action="{url_for("login")}">'
        '<input name="username"> <button>Log in</button></form>'
    )


@app.post("/login")
def login():
    username = request.form["username"].strip()
    if not username:
        abort(400)
    session["username"] = username
    return redirect(url_for("index"))


@app.post("/logout")
def logout():
    session.pop("username", None)
    return redirect(url_for("index"))
