from flask import Flask, redirect, request, session, url_for
from markupsafe import escape

app = Flask(__name__)
# FLASK_SECRET_KEY in the environment becomes app.config["SECRET_KEY"],
# so the key that signs the session cookie never sits in the code.
app.config.from_prefixed_env()


@app.route("/")
def index():
    if "username" in session:
        return f"Logged in as {escape(session['username'])}"
    return "You are not logged in"


@app.post("/login")
def login():
    session["username"] = request.form["username"]
    return redirect(url_for("index"))


@app.post("/logout")
def logout():
    session.pop("username", None)
    return redirect(url_for("index"))
