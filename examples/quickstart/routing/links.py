from flask import Flask, url_for

app = Flask(__name__)


@app.route("/")
def index():
    # Links are built from endpoint names: each URL is written once, above
    # its view.
    profile = url_for("profile", username="Ada Lovelace")
    search = url_for("search", q="fish & chips", page=2)
    return f'<a href="{profile}">Ada</a> <a href="{search}">Fish</a>'


@app.route("/user/<username>")
def profile(username):
    return f"The profile of {username}"


@app.route("/search")
def search():
    return "The search results"
