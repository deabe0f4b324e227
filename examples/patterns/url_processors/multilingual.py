"""A site in two languages: every page under /en/ or /fr/, the language kept in g."""

from flask import Blueprint, Flask, abort, g, redirect, request, url_for

LANGUAGES = {"en": "English", "fr": "Français"}
TEXT = {
    "en": {"welcome": "Welcome", "about": "About us", "team": "Three people make this site."},
    "fr": {"welcome": "Bienvenue", "about": "À propos", "team": "Trois personnes font ce site."},
}

pages = Blueprint("pages", __name__, url_prefix="/<lang_code>")


@pages.url_value_preprocessor
def pull_lang_code(endpoint, values):
    """Before the view: take lang_code out of the URL's values, so no view needs the argument."""
    lang_code = values.pop("lang_code")
    if lang_code not in LANGUAGES:
        abort(404)
    g.lang_code = lang_code


@pages.url_defaults
def add_lang_code(endpoint, values):
    """When url_for builds a URL of this blueprint: the current language, unless one is given."""
    if "lang_code" not in values and "lang_code" in g:
        values["lang_code"] = g.lang_code


def other_languages(endpoint):
    """Links to the same page in the other languages."""
    return " ".join(
        f'<a href="{url_for(endpoint, lang_code=code)}" hreflang="{code}">{name}</a>'
        for code, name in LANGUAGES.items()
        if code != g.lang_code
    )


@pages.get("/")
def index():
    text = TEXT[g.lang_code]
    return (
        f"<h1>{text['welcome']}</h1>"
        f'<a href="{url_for(".about")}">{text["about"]}</a> {other_languages(".index")}'
    )


@pages.get("/about")
def about():
    text = TEXT[g.lang_code]
    return f"<h1>{text['about']}</h1><p>{text['team']}</p> {other_languages('.about')}"


app = Flask(__name__)
app.config.from_prefixed_env()  # FLASK_SERVER_NAME: the host of URLs built outside a request
app.register_blueprint(pages)


@app.get("/")
def home():
    """No language in the URL: the one the browser prefers, or English."""
    lang_code = request.accept_languages.best_match(LANGUAGES, default="en")
    return redirect(url_for("pages.index", lang_code=lang_code))
