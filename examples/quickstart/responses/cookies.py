from flask import Flask, make_response, request

app = Flask(__name__)

THEMES = {"light", "dark"}


@app.route("/")
def index():
    theme = request.cookies.get("theme", "light")
    # The browser sends the cookie, so check its value like any other input.
    if theme not in THEMES:
        theme = "light"
    return f"Theme: {theme}"


@app.post("/theme/<name>")
def choose_theme(name):
    if name not in THEMES:
        return "Unknown theme", 400
    response = make_response(f"Theme set to {name}")
    response.set_cookie(
        "theme",
        name,
        # A year, in seconds. Without it, the cookie dies with the browser.
        max_age=60 * 60 * 24 * 365,
        secure=True,  # sent over HTTPS only
        httponly=True,  # hidden from JavaScript in the page
        samesite="Lax",  # not sent along when another site posts a form
    )
    return response
