"""A WSGI middleware of our own: every response carries a request id and its timing."""

import time
import uuid

from flask import Flask, request


class RequestId:
    """Wraps any WSGI app; knows nothing about Flask."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        request_id = environ.get("HTTP_X_REQUEST_ID") or uuid.uuid4().hex
        environ["HTTP_X_REQUEST_ID"] = request_id  # the app reads the same id
        started = time.perf_counter()

        def start_with_headers(status, headers, exc_info=None):
            elapsed = (time.perf_counter() - started) * 1000  # until the app starts its response
            headers.append(("X-Request-Id", request_id))
            headers.append(("Server-Timing", f"app;dur={elapsed:.1f}"))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start_with_headers)


app = Flask(__name__)
# Wrap app.wsgi_app, not app: `app` stays the Flask object, with its test client and CLI.
app.wsgi_app = RequestId(app.wsgi_app)


@app.get("/")
def index():
    return {"request_id": request.headers["X-Request-Id"]}
