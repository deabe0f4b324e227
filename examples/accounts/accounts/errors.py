"""Every HTTP error answers with its message: as JSON under /api/, as a page elsewhere."""

from flask import json, render_template, request
from werkzeug.exceptions import HTTPException, SecurityError

UNKNOWN_HOST = "This site does not answer to that host name."


def error_response(error: HTTPException):
    response = error.get_response()  # keeps headers such as WWW-Authenticate and Allow
    # A Host not in TRUSTED_HOSTS: Flask built no URL adapter, so a page that
    # calls url_for cannot be made. The message does not repeat the host.
    description = UNKNOWN_HOST if isinstance(error, SecurityError) else error.description
    # The path, not request.blueprint: when no route matched (a 404 or a 405),
    # there is no blueprint, yet /api/nope is still the API's URL.
    if request.path.startswith("/api/"):
        response.set_data(json.dumps({"error": description}))
        response.content_type = "application/json"
    elif isinstance(error, SecurityError):
        response.set_data(description)
        response.content_type = "text/plain; charset=utf-8"
    else:
        response.set_data(render_template("error.html", failure=error))
    return response


def init_app(app) -> None:
    app.register_error_handler(HTTPException, error_response)
