"""examples/quickstart/rendering/templating.py: templates inherited and escaped, a static file."""

from flask import url_for


def test_the_child_template_fills_the_blocks_of_the_base(client):
    assert client.get("/hello/Ada").text == (
        "<!doctype html>\n"
        "<title>Hello · Quickstart</title>\n"
        '<link rel="stylesheet" href="/static/style.css">\n'
        "<h1>Hello, Ada!</h1>\n"
        "<p>Signed, <em>your Flask app</em></p>"
    )


def test_without_a_name_the_visitor_is_a_stranger(client):
    assert "<h1>Hello, stranger!</h1>" in client.get("/hello/").text


def test_a_hostile_name_is_escaped_but_the_signature_is_not(client):
    html = client.get("/hello/<img src=x onerror=alert(1)>").text
    assert "<h1>Hello, &lt;img src=x onerror=alert(1)&gt;!</h1>" in html
    assert "<p>Signed, <em>your Flask app</em></p>" in html


def test_the_first_decorator_is_the_rule_without_a_name(app):
    with app.test_request_context():
        assert url_for("hello") == "/hello/"
        assert url_for("hello", name="Ada") == "/hello/Ada"


def test_the_style_sheet_is_served_byte_for_byte(example, client):
    with example.module.app.test_request_context():
        assert url_for("static", filename="style.css") == "/static/style.css"
    with client.get("/static/style.css") as response:
        assert (response.status_code, response.mimetype) == (200, "text/css")
        assert response.data == (example.folder / "static" / "style.css").read_bytes()
