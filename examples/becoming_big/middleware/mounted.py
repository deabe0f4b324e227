"""Werkzeug's DispatcherMiddleware: a Flask app under /app, a plain WSGI app at /health."""

from flask import Flask, request, url_for
from werkzeug.exceptions import NotFound
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.wrappers import Response

app = Flask(__name__)


@app.get("/")
def index():
    # Mounted under /app, the app sees SCRIPT_NAME=/app and builds its URLs under it.
    return {"script_root": request.script_root, "path": request.path, "url": url_for("index")}


def health(environ, start_response):
    """Not Flask at all: any WSGI callable can be mounted."""
    return Response("ok\n", mimetype="text/plain")(environ, start_response)


application = DispatcherMiddleware(NotFound(), {"/app": app, "/health": health})
