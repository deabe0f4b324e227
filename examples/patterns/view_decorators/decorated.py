"""Two view decorators: one lets only logged-in users in, one sets caching headers."""

import functools

from flask import Flask, abort, make_response, session
from markupsafe import escape

app = Flask(__name__)
app.config.from_prefixed_env()  # the session signs with the key in FLASK_SECRET_KEY


def login_required(view):
    """Refuse a visitor who has not logged in: 401, before the view runs.

    A login view puts the user's id in the session (the accounts app has one).
    """

    @functools.wraps(view)  # the view keeps its name: Flask names the endpoint after it
    def wrapped(*args, **kwargs):
        if session.get("user_id") is None:
            abort(401)
        return view(*args, **kwargs)

    return wrapped


def cache_for(seconds):
    """Let browsers and shared caches keep the view's response for `seconds`."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            response = make_response(view(*args, **kwargs))
            response.cache_control.public = True
            response.cache_control.max_age = seconds
            return response

        return wrapped

    return decorate


@app.get("/")
@cache_for(3600)
def home():
    return "<p>Notes, for everyone</p>"


@app.get("/notes")
@login_required
def notes():
    # Per user: never marked public, so a shared cache doesn't keep it.
    return f"<p>The notes of user {escape(session['user_id'])}</p>"
