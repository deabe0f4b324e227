"""A language picked with ?lang= is remembered in a cookie, set by a deferred callback."""

from flask import Flask, after_this_request, g, request

app = Flask(__name__)

GREETINGS = {"en": "Hello", "fr": "Bonjour", "de": "Hallo"}
ONE_YEAR = 365 * 24 * 3600


@app.before_request
def pick_language():
    asked = request.args.get("lang")
    remembered = request.cookies.get("lang")
    if asked in GREETINGS and asked != remembered:
        # The response does not exist yet: the callback gets it once the view is done.
        @after_this_request
        def remember(response):
            response.set_cookie("lang", asked, max_age=ONE_YEAR, httponly=True, samesite="Lax")
            return response

        g.lang = asked
    else:
        g.lang = remembered if remembered in GREETINGS else "en"


@app.after_request
def vary_on_cookie(response):
    response.vary.add("Cookie")  # the greeting depends on the cookie
    return response


@app.get("/")
def home():
    return f"<p>{GREETINGS[g.lang]}!</p>"
