"""examples/quickstart/rendering/escaping.py: a hand-written HTML view escapes input."""

import pytest


def test_a_plain_name_is_greeted(client):
    assert client.get("/hello/Ada").text == "<p>Hello, Ada!</p>"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("\"quoted\" & 'single'", "&#34;quoted&#34; &amp; &#39;single&#39;"),
    ],
)
def test_markup_in_the_url_is_escaped(client, name, shown):
    assert client.get(f"/hello/{name}").text == f"<p>Hello, {shown}!</p>"
