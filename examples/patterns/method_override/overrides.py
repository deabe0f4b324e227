"""A form POST that acts as PUT or DELETE, through a WSGI middleware, behind CSRF protection."""

import io
from urllib.parse import parse_qsl

from flask import Flask, abort, redirect, render_template_string, request, url_for
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import BadRequest

#: What a POST may turn into. GET, HEAD, CONNECT, TRACE and the rest are refused.
OVERRIDABLE = frozenset({"PUT", "PATCH", "DELETE"})
#: The largest form body the middleware reads to look for ``_method``.
MAX_FORM_BYTES = 64 * 1024


class MethodOverride:
    """Let a POST ask for another method: an ``X-HTTP-Method-Override`` header or a
    ``_method`` field in a URL-encoded form body."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        try:
            self.override(environ)
        except BadRequest as refusal:
            return refusal(environ, start_response)
        return self.wsgi_app(environ, start_response)

    def override(self, environ):
        if environ["REQUEST_METHOD"] != "POST":
            return
        wanted = environ.get("HTTP_X_HTTP_METHOD_OVERRIDE") or self.form_field(environ)
        if wanted:
            wanted = wanted.strip().upper()
            if wanted not in OVERRIDABLE:
                raise BadRequest(f"A POST may not be turned into {wanted[:20]!r}.")
            environ["REQUEST_METHOD"] = wanted

    def form_field(self, environ):
        """``_method`` from a small URL-encoded body; the body is put back for the app."""
        if not environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
            return None
        try:
            length = int(environ.get("CONTENT_LENGTH") or "")
        except ValueError:
            return None  # no length (a chunked body) or a wrong one: the app decides
        if not 0 < length <= MAX_FORM_BYTES:
            return None
        body = environ["wsgi.input"].read(length)
        if len(body) < length:
            raise BadRequest("The body is shorter than its Content-Length.")
        environ["wsgi.input"] = io.BytesIO(body)
        # No max_num_fields: past it, parse_qsl raises (a 500). 64 KiB bounds the work.
        fields = parse_qsl(body.decode("latin-1"))
        return next((value for name, value in fields if name == "_method"), None)


app = Flask(__name__)
app.config.from_prefixed_env()  # FLASK_SECRET_KEY signs the session and the CSRF tokens
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
app.wsgi_app = MethodOverride(app.wsgi_app)


@app.before_request  # registered before CSRFProtect's hook, so it runs first
def refuse_nameless_fields():
    # A multipart part without a name is a key None in request.form, and
    # Flask-WTF's CSRF check would fail on it with a 500.
    if None in request.form:
        abort(400)


csrf = CSRFProtect(app)

notes = {1: "Buy milk", 2: "Call the plumber"}

PAGE = """<!doctype html>
<title>Note {{ id }}</title>
<form method="post" action="{{ url_for('note', note_id=id) }}">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input type="hidden" name="_method" value="PUT">
  <input name="text" value="{{ text }}" maxlength="200">
  <button>Save</button>
</form>
<form method="post" action="{{ url_for('note', note_id=id) }}">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input type="hidden" name="_method" value="DELETE">
  <button>Delete</button>
</form>
"""


def find(note_id):
    if note_id not in notes:
        abort(404)
    return notes[note_id]


@app.get("/notes/<int:note_id>")
def note(note_id):
    return render_template_string(PAGE, id=note_id, text=find(note_id))


@app.put("/notes/<int:note_id>")
def replace_note(note_id):
    find(note_id)
    text = request.form.get("text", "").strip()
    if not text or len(text) > 200:
        abort(400)
    notes[note_id] = text
    return redirect(url_for("note", note_id=note_id), 303)


@app.delete("/notes/<int:note_id>")
def delete_note(note_id):
    find(note_id)
    del notes[note_id]
    return "", 204
