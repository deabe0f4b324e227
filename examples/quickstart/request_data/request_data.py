from flask import Flask, abort, request
from markupsafe import escape

app = Flask(__name__)


@app.get("/search")
def search():
    query = request.args.get("q", "")
    # type=int turns "2" into 2, and text that is no number into the default.
    page = request.args.get("page", 1, type=int)
    return {"q": query, "page": page}


@app.post("/login")
def login():
    # A missing field raises KeyError; Flask answers it with 400 Bad Request.
    return f"Hello, {escape(request.form['username'])}"


@app.post("/api/notes")
def add_note():
    # A body that is not JSON gets 415; JSON that does not parse gets 400.
    try:
        note = request.get_json()
    except RecursionError:  # JSON nested deeper than Python's parser goes
        abort(400)
    return {"saved": note}, 201


@app.route("/whoami", methods=["GET", "POST"])
def whoami():
    user_agent = request.headers.get("User-Agent")
    return {"method": request.method, "user_agent": user_agent}
