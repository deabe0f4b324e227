"""examples/in_the_box/templating/shop.py: inheritance, a macro, filters, autoescape."""


def test_the_catalogue_page(app):
    html = app.test_client().get("/").text
    assert "<title>2 products</title>" in html
    assert "<li>CUP: 4.00 EUR (Fits the teapot)</li>" in html
    assert "<li>TEAPOT: 24.50 EUR (Holds &lt;b&gt;six&lt;/b&gt; cups)</li>" in html
    assert html.index("CUP") < html.index("TEAPOT")  # sorted by price


def test_the_money_filter_is_there_for_every_template_of_the_app(app):
    from decimal import Decimal

    from flask import render_template_string

    with app.app_context():
        assert render_template_string("{{ 3|money }}") == "3.00 EUR"
        assert render_template_string("{{ p|money }}", p=Decimal("0.125")) == "0.12 EUR"


def test_notes_are_escaped_and_the_macro_output_is_not_escaped_again(client):
    html = client.get("/").text
    assert "&lt;li&gt;" not in html
    assert "Holds &lt;b&gt;six&lt;/b&gt; cups" in html
