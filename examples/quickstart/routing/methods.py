from flask import Flask, request

app = Flask(__name__)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        return "Logging you in"
    return "The login form"


@app.get("/notes")
def list_notes():
    return "All the notes"


@app.post("/notes")
def add_note():
    return "Note added", 201
