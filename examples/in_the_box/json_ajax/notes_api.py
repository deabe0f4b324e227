from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.secret_key = "for development only"  # FLASK_SECRET_KEY replaces it
app.config.from_prefixed_env()
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
    data = request.get_json(silent=True)  # None for a body that is not JSON
    if not isinstance(data, dict) or not str(data.get("text", "")).strip():
        return {"error": 'Send JSON such as {"text": "..."}.'}, 400
    note = {"id": len(notes) + 1, "text": str(data["text"]).strip()}
    notes.append(note)
    return note, 201
