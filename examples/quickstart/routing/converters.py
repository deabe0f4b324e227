from flask import Flask

app = Flask(__name__)


def described(value):
    # The type name shows what the converter handed to the view.
    return f"{type(value).__name__} {value!r}"


@app.route("/user/<username>")
def user(username):
    return described(username)


@app.route("/post/<int:post_id>")
def post(post_id):
    return described(post_id)


@app.route("/price/<float:amount>")
def price(amount):
    return described(amount)


@app.route("/files/<path:subpath>")
def files(subpath):
    return described(subpath)


@app.route("/orders/<uuid:order_id>")
def order(order_id):
    return described(order_id)
