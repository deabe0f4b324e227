"""examples/patterns/url_processors/multilingual.py: the language prefix in g and in url_for."""

import pytest
from flask import g, url_for
from werkzeug.routing import BuildError


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/", "Welcome"),
        ("/fr/", "Bienvenue"),
        ("/en/about", "About us"),
        ("/fr/about", "À propos"),
    ],
)
def test_each_page_speaks_the_language_of_its_prefix(client, path, heading):
    assert client.get(path).text.startswith(f"<h1>{heading}</h1>")


def test_the_view_gets_no_lang_code_argument(app, client):
    seen = {}

    def spy(**kwargs):
        seen.update(kwargs, lang_code_in_g=g.lang_code)
        return "spied"

    app.view_functions["pages.about"] = spy
    assert client.get("/fr/about").text == "spied"
    assert seen == {"lang_code_in_g": "fr"}


@pytest.mark.parametrize("path", ["/de/", "/de/about", "/EN/", "/%20/", "/en/missing"])
def test_an_unknown_language_or_page_is_a_404(client, path):
    assert client.get(path).status_code == 404


def test_an_unknown_language_never_reaches_the_view(app, client):
    app.view_functions["pages.index"] = lambda: pytest.fail("the view ran")
    assert client.get("/de/").status_code == 404


def test_links_keep_the_current_language_unless_told_otherwise(client):
    assert '<a href="/fr/about">' in client.get("/fr/").text
    assert '<a href="/en/about">' in client.get("/en/").text
    english_about = client.get("/en/about").text
    assert '<a href="/fr/about" hreflang="fr">Français</a>' in english_about
    assert 'href="/en/about"' not in english_about  # no link to the page itself


@pytest.mark.parametrize(
    ("accept", "location"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.8", "/fr/"),
        ("de, en;q=0.5", "/en/"),
        ("de", "/en/"),
        (None, "/en/"),
    ],
)
def test_the_root_sends_the_browser_to_its_language(client, accept, location):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert (response.status_code, response.location) == (302, location)


def test_url_for_in_a_request_takes_the_language_from_g(app):
    with app.test_request_context("/fr/about"):
        app.preprocess_request()  # runs the url_value_preprocessor, as a real request does
        assert url_for("pages.index") == "/fr/"
        assert url_for("pages.index", lang_code="en") == "/en/"
        assert url_for("home") == "/"  # the app's own endpoint gets no lang_code


def test_url_for_outside_a_request_needs_the_language(app):
    app.config["SERVER_NAME"] = "www.example.com"
    with app.app_context():
        assert url_for("pages.about", lang_code="fr") == "http://www.example.com/fr/about"
        with pytest.raises(BuildError):
            url_for("pages.about")


@pytest.fixture
def server_name_in_the_environment(monkeypatch):
    monkeypatch.setenv("FLASK_SERVER_NAME", "shop.example")


def test_server_name_comes_from_the_environment(server_name_in_the_environment, app):
    with app.app_context():
        assert url_for("pages.index", lang_code="en") == "http://shop.example/en/"
