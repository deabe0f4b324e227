from flask import Flask

app = Flask(__name__)


@app.route("/")
def average_rating():
    # A bug on purpose: with no ratings yet, this divides by zero.
    ratings = []
    return f"Average rating: {sum(ratings) / len(ratings)}"
