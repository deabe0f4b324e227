from flask import Flask, abort, render_template, request
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.config.from_prefixed_env()  # FLASK_SECRET_KEY becomes app.config["SECRET_KEY"]


@app.before_request  # registered before CSRFProtect's hook, so it runs first
def refuse_nameless_fields():
    # A multipart part without a name is a key None in request.form, and
    # Flask-WTF's CSRF check would fail on it with a 500.
    if None in request.form:
        abort(400)


csrf = CSRFProtect(app)  # every POST needs the token, JSON ones included
notes = []


@app.get("/")
def page():
    return render_template("notes.html")


@app.get("/notes")
def list_notes():
    return notes


@app.post("/notes")
def add_note():
    try:
        data = request.get_json(silent=True)  # None for a body that is not JSON
    except RecursionError:  # JSON nested deeper than Python's parser goes
        data = None
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str) or not text.strip():
        return {"error": 'Send JSON such as {"text": "..."}.'}, 400
    note = {"id": len(notes) + 1, "text": text.strip()}
    notes.append(note)
    return note, 201
