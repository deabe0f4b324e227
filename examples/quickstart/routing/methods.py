from flask import Flask, request

app = Flask(__name__)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        return "Logging you in"
    # A form without an action posts back to the URL it came from.
    return '<form method="post"><button>Log in</button></form>'


@app.get("/notes")
def list_notes():
    return "All the notes"


@app.post("/notes")
def add_note():
    return "Note added", 201
