from flask import Flask, render_template, request

app = Flask(__name__)


def visitor_name():
    # No argument: `request` is whichever request this thread is handling.
    return request.args.get("name", "stranger")


@app.route("/hello")
def hello():
    return render_template("hello.html", name=visitor_name())
