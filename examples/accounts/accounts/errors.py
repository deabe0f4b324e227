"""Every HTTP error answers with its message: as JSON under /api/, as a page elsewhere."""

from flask import json, render_template, request
from werkzeug.exceptions import HTTPException


def error_response(error: HTTPException):
    response = error.get_response()  # keeps headers such as WWW-Authenticate and Allow
    # The path, not request.blueprint: when no route matched (a 404 or a 405),
    # there is no blueprint, yet /api/nope is still the API's URL.
    if request.path.startswith("/api/"):
        response.set_data(json.dumps({"error": error.description}))
        response.content_type = "application/json"
    else:
        response.set_data(render_template("error.html", failure=error))
    return response


def init_app(app) -> None:
    app.register_error_handler(HTTPException, error_response)
