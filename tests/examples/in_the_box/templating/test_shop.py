"""examples/in_the_box/templating/shop.py: inheritance, a macro, filters, autoescape."""


def test_the_catalogue_page(app):
    html = app.test_client().get("/").text
    assert "<title>2 products</title>" in html
    assert "<li>CUP: 4.00 EUR (Fits the teapot)</li>" in html
    assert "<li>TEAPOT: 24.50 EUR (Holds &lt;b&gt;six&lt;/b&gt; cups)</li>" in html
    assert html.index("CUP") < html.index("TEAPOT")  # sorted by price


def test_the_money_filter(app, example):
    from decimal import Decimal

    money = example.module.money
    assert money(Decimal("3")) == "3.00 EUR"
    assert app.jinja_env.filters["money"] is money
