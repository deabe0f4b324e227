"""examples/foreword/greeting.py: a template found by convention, escaping by default."""

import pytest


def test_a_visitor_is_greeted_by_name(client):
    assert client.get("/hello?name=Ada").text == "<p>Hello, Ada!</p>"


def test_a_visitor_without_a_name_is_a_stranger(client):
    assert client.get("/hello").text == "<p>Hello, stranger!</p>"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('" onmouseover="steal()', "&#34; onmouseover=&#34;steal()"),
        ("Ada & Grace", "Ada &amp; Grace"),
    ],
)
def test_html_in_the_name_is_escaped(client, name, shown):
    assert client.get("/hello", query_string={"name": name}).text == f"<p>Hello, {shown}!</p>"
