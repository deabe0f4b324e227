"""An API whose every error is JSON: Flask's HTTP errors, the shop's own, and bugs."""

import json

from flask import Flask, abort, request
from werkzeug.exceptions import HTTPException, InternalServerError

app = Flask(__name__)
STOCK = {"teapot": 2, "kettle": 0}


class OutOfStock(Exception):
    """A rule of the shop, broken. The view raises it; a handler answers 409."""

    def __init__(self, item, left):
        super().__init__(f"{item}: {left} left")
        self.item = item
        self.left = left


@app.post("/orders")
def order():
    try:
        data = request.get_json()  # not JSON: Werkzeug raises 415 or 400 itself
    except RecursionError:  # JSON nested deeper than Python's parser goes
        abort(400, description="JSON nested too deep")
    if not (
        isinstance(data, dict)
        and isinstance(data.get("item"), str)
        and type(data.get("quantity")) is int
        and data["quantity"] > 0
    ):
        abort(400, description='send {"item": a name, "quantity": a number above 0}')
    item, quantity = data["item"], data["quantity"]
    if item not in STOCK:
        abort(404, description=f"no item {item!r}")
    if quantity > STOCK[item]:
        raise OutOfStock(item, STOCK[item])
    STOCK[item] -= quantity
    return {"item": item, "left": STOCK[item]}, 201


@app.get("/broken")
def broken():
    return {"ratio": 1 / 0}


def http_error(error):
    """Every HTTP error, from Flask, Werkzeug or abort(), as JSON."""
    # Start from the error's own response: its status, and headers such as a 405's Allow.
    response = error.get_response()
    response.data = json.dumps({"error": error.name, "description": error.description})
    response.content_type = "application/json"
    return response


def out_of_stock(error):
    return {"error": "Out of stock", "item": error.item, "left": error.left}, 409


def bug(error):
    """An exception no handler took. Flask logs its traceback; the client learns nothing."""
    return {"error": "Internal Server Error", "description": "The error is logged."}, 500


app.register_error_handler(HTTPException, http_error)
app.register_error_handler(OutOfStock, out_of_stock)
app.register_error_handler(InternalServerError, bug)
