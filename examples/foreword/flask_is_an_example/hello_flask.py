"""The same greeting app on Flask."""

from flask import Flask, redirect, render_template, request, url_for

app = Flask(__name__)


@app.route("/")
def index():
    name = request.args.get("name", "stranger")
    return redirect(url_for("hello", name=name))


@app.route("/hello/<name>")
def hello(name):
    return render_template("hello.html", name=name)
