"""Errors under /api/ are JSON: an API client never has to read an HTML error page."""

from flask import request
from werkzeug.exceptions import HTTPException

from .validation import Invalid


def init_app(app):
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Invalid, invalid)


def http_error(error):
    if not request.path.startswith("/api/"):
        return error  # the HTML pages keep Flask's error pages
    body = {"error": error.name, "message": error.description}
    # Keep the headers an error needs, such as Allow on a 405; the body is ours.
    headers = [(name, value) for name, value in error.get_headers() if name != "Content-Type"]
    return body, error.code, headers


def invalid(error):
    message = "Some fields are missing or wrong."
    return {"error": "Unprocessable Content", "message": message, "fields": error.fields}, 422
