"""A notebook whose pages share a layout, a navigation bar and a form-field macro."""

from flask import Flask, has_request_context, render_template, request, session

app = Flask(__name__)
app.config.from_prefixed_env()  # the session signs with the key in FLASK_SECRET_KEY
app.config["SITE_NAME"] = "Tea notes"

NOTES = [
    "Green tea: 80 °C, two minutes",
    "Black tea: boiling water, four minutes",
    "Oolong: 90 °C, three minutes",
]
LONGEST_QUERY = 40


def pluralize(count, singular, plural=None):
    """{{ 3|pluralize("note") }} -> '3 notes'; {{ 1|pluralize("note") }} -> '1 note'."""
    word = singular if count == 1 else plural or singular + "s"
    return f"{count} {word}"


def is_current(endpoint):
    """{{ is_current("home") }}: whether this request is for that endpoint."""
    return request.endpoint == endpoint


# Registered without a decorator: the functions could live in any module.
app.add_template_filter(pluralize)
app.add_template_global(is_current)


@app.context_processor
def inject_user():
    """Runs at every render: `user` is whoever this request's session says.

    A login view would put the name there (the accounts app has one). A template
    rendered outside a request, say an email sent by a CLI command, has no session.
    """
    if not has_request_context():
        return {"user": None}
    return {"user": session.get("name")}


@app.get("/")
def home():
    query = request.args.get("q", "").strip()
    if len(query) > LONGEST_QUERY:
        error = f"Search for at most {LONGEST_QUERY} characters."
        return render_template("home.html", notes=[], query=query, error=error), 400
    found = [note for note in NOTES if query.casefold() in note.casefold()]
    return render_template("home.html", notes=found, query=query, error=None)


@app.get("/about")
def about():
    return render_template("about.html")
