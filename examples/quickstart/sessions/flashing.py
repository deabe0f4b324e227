from flask import Flask, flash, redirect, render_template, request, url_for

app = Flask(__name__)
# Flashed messages wait in the session, which needs the secret key.
app.config.from_prefixed_env()


@app.route("/")
def index():
    return render_template("notes.html")


@app.post("/notes")
def add_note():
    if not request.form.get("text", "").strip():
        flash("A note needs some text.", "error")
    else:
        flash("Note saved.", "success")
    # The message is shown by the next page, after the redirect.
    return redirect(url_for("index"))
