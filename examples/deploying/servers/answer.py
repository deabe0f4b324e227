"""One WSGI app for every server: it answers the same, whoever serves it."""

from flask import Flask, request

app = Flask(__name__)


@app.get("/")
def index():
    return {"message": "Hello from Flask", "path": request.path}


@app.get("/model")
def model():
    """What the server told the app about how it runs it (PEP 3333's environ keys)."""
    return {
        "multithread": request.environ["wsgi.multithread"],
        "multiprocess": request.environ["wsgi.multiprocess"],
    }
