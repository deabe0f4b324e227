from flask import Flask, abort, redirect, render_template, url_for

app = Flask(__name__)


@app.route("/")
def index():
    return redirect(url_for("dashboard"))


@app.route("/dashboard")
def dashboard():
    # Nobody is logged in yet. abort() raises, so nothing after it runs.
    abort(401)


@app.errorhandler(404)
def page_not_found(error):
    # Give the status again, or the custom page would be sent as 200 OK.
    return render_template("page_not_found.html"), 404
