"""examples/patterns/templates/notebook.py: a layout, an include, a macro, a context processor."""

import secrets
import urllib.parse

import pytest
from flask import Flask, render_template_string, session
from jinja2 import DictLoader

from harness.services.commands import BIN, fetch


@pytest.fixture(autouse=True)
def secret_key(monkeypatch):
    """The reader's FLASK_SECRET_KEY, set before the module is imported."""
    monkeypatch.setenv("FLASK_SECRET_KEY", secrets.token_hex())


def log_in(client, name):
    with client.session_transaction() as session:
        session["name"] = name


def test_super_keeps_the_layout_s_title_after_the_page_s(client):
    assert "<title>About · Tea notes</title>" in client.get("/about").text
    assert "<title>Notes · Tea notes</title>" in client.get("/").text


def test_the_included_nav_marks_the_current_page_only(client):
    home, about = client.get("/").text, client.get("/about").text
    assert '<a href="/" aria-current="page">Notes</a>' in home
    assert '<a href="/about">About</a>' in home
    assert '<a href="/">Notes</a>' in about
    assert '<a href="/about" aria-current="page">About</a>' in about


def test_the_included_nav_greets_the_session_s_user_on_every_page(client):
    assert "Hello," not in client.get("/").text
    log_in(client, "Ada")
    for url in ("/", "/about", "/?q=tea"):
        assert "<span>Hello, Ada</span>" in client.get(url).text


def test_a_search_lists_the_matching_notes_and_keeps_the_word(client):
    html = client.get("/?q=GREEN").text
    assert '<input id="q" name="q" type="search" value="GREEN">' in html
    assert "<h1>1 note</h1>" in html
    assert "Black tea" not in html


def test_without_a_match_the_page_says_so(client):
    response = client.get("/?q=rooibos")
    assert response.status_code == 200
    assert "<p>No note matches “rooibos”.</p>" in response.text


def test_a_too_long_query_is_400_with_the_error_beside_the_field(client):
    response = client.get("/?q=" + "x" * 41)
    assert response.status_code == 400
    assert 'aria-invalid="true" aria-describedby="q-error">' in response.text
    assert '<strong id="q-error">Search for at most 40 characters.</strong>' in response.text
    assert "No note matches" not in response.text
    assert client.get("/?q=" + "x" * 40).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        '" autofocus onfocus="alert(1)',
        "'><img src=x onerror=alert(1)>",
    ],
)
def test_the_query_is_escaped_in_the_attribute_and_the_text(client, query):
    html = client.get("/?q=" + urllib.parse.quote(query)).text
    assert "<script>" not in html
    assert "<img" not in html
    assert 'onfocus="' not in html
    assert html.count("alert(1)") == 2  # the box's value and the sentence, both as text


def test_a_name_in_the_session_is_escaped_too(client):
    log_in(client, "<script>alert(1)</script>")
    html = client.get("/about").text
    assert "<span>Hello, &lt;script&gt;alert(1)&lt;/script&gt;</span>" in html


@pytest.mark.parametrize(("count", "text"), [(0, "0 notes"), (1, "1 note"), (2, "2 notes")])
def test_pluralize(example, count, text):
    assert example.module.pluralize(count, "note") == text
    assert example.module.pluralize(count, "cup", "cups of tea").endswith(("cup", "cups of tea"))


def test_flask_s_six_names_are_globals_seen_by_imported_templates(app):
    flask_names = {"config", "request", "session", "g", "url_for", "get_flashed_messages"}
    assert flask_names <= set(app.jinja_env.globals)
    with app.test_request_context("/about?q=oolong"):
        html = render_template_string(
            '{% import "_forms.html" as forms %}{{ forms.field("q", "Q") }}'
        )
    assert 'value="oolong"' in html


def test_an_imported_macro_sees_globals_but_not_the_page_s_variables(app):
    """Jinja's import context behavior, which the page cites: `user` stays out, `request` not."""
    macros = "{% macro who() %}[{{ user }}] {{ request.path }}{% endmacro %}"
    env = app.jinja_env.overlay(loader=DictLoader({"who.html": macros}))
    with app.test_request_context("/about"):
        imported = env.from_string('{% import "who.html" as m %}{{ m.who() }}')
        with_context = env.from_string('{% import "who.html" as m with context %}{{ m.who() }}')
        assert imported.render(user="Ada") == "[] /about"
        assert with_context.render(user="Ada") == "[Ada] /about"


def test_the_view_s_value_wins_over_the_context_processor_s(app):
    with app.test_request_context("/"):
        assert render_template_string("{{ user }}", user="from the view") == "from the view"
        assert render_template_string("{{ user }}") == "None"


def test_a_template_renders_outside_a_request(app):
    """The context processor gives None without a request, instead of raising."""
    with app.app_context():
        assert render_template_string("{{ user }} {{ config.SITE_NAME }}") == "None Tea notes"


def test_without_the_check_a_render_outside_a_request_raises():
    """What the page says inject_user's has_request_context() check prevents."""
    bare = Flask("bare")
    bare.context_processor(lambda: {"user": session.get("name")})
    with bare.app_context(), pytest.raises(RuntimeError, match="outside of request context"):
        render_template_string("{{ config.DEBUG }}")


def test_flask_run_serves_the_page_over_http(example, serve):
    """The page's `flask --app notebook run`, on a free port."""
    url = serve([BIN / "flask", "--app", "notebook", "run", "--port", "{port}"], cwd=example.folder)
    status, headers, body = fetch(url + "/?q=" + urllib.parse.quote("<script>"))
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert "No note matches “&lt;script&gt;”." in body.decode()
