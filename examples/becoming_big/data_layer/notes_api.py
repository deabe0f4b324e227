"""The notes API: three routes that work with any store.

The store sits in ``app.extensions["notes"]``. It has three methods, and each
returns notes as dicts with an ``id``, a ``title`` and a list of ``tags``:
``add(title, tags)``, ``get(note_id)`` (None if there is no such note) and
``all()`` (oldest first).
"""

from flask import Blueprint, current_app, request, url_for

notes = Blueprint("notes", __name__)
MAX_ID = 2**31 - 1  # PostgreSQL's integer: a bigger id is a 404, not a database error


def init_app(app, store):
    """Serve the notes API from ``store`` on ``app``."""
    app.extensions["notes"] = store
    app.register_blueprint(notes)


def problem_with(note):
    """Why a note sent by a client cannot be stored, or None if it can."""
    if not isinstance(note, dict):
        return "send a JSON object"
    title, tags = note.get("title"), note.get("tags", [])
    if not isinstance(title, str) or not title.strip():
        return "title is required"
    if len(title) > 100:
        return "title is longer than 100 characters"
    if not isinstance(tags, list) or len(tags) > 5:
        return "tags must be a list of at most 5 tags"
    if not all(isinstance(tag, str) and 0 < len(tag) <= 20 for tag in tags):
        return "each tag must be a string of 1 to 20 characters"
    if any("\x00" in text for text in [title, *tags]):
        return "text must not contain NUL characters"  # PostgreSQL refuses them
    if any("\ud800" <= char <= "\udfff" for text in [title, *tags] for char in text):
        return "text must not contain lone surrogates"  # "\ud800": no UTF-8 for them
    return None


@notes.get("/notes")
def list_notes():
    return current_app.extensions["notes"].all()


@notes.post("/notes")
def add_note():
    try:
        note = request.get_json(silent=True)
    except RecursionError:  # JSON nested deeper than Python's parser goes
        note = None
    problem = problem_with(note)
    if problem is not None:
        return {"error": problem}, 400
    store = current_app.extensions["notes"]
    added = store.add(note["title"], note.get("tags", []))
    return added, 201, {"Location": url_for(".show_note", note_id=added["id"])}


@notes.get(f"/notes/<int(max={MAX_ID}):note_id>")
def show_note(note_id):
    note = current_app.extensions["notes"].get(note_id)
    if note is None:
        return {"error": f"no note {note_id}"}, 404
    return note
