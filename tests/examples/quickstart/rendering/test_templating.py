"""examples/quickstart/templating.py: templates found by convention, inherited, escaped."""


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
