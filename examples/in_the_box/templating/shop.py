from decimal import Decimal

from flask import Flask, render_template

app = Flask(__name__)

PRODUCTS = [
    {"name": "Teapot", "price": Decimal("24.5"), "note": "Holds <b>six</b> cups"},
    {"name": "Cup", "price": Decimal("4"), "note": "Fits the teapot"},
]


@app.template_filter("money")
def money(amount: Decimal) -> str:
    """A custom filter: {{ price|money }} -> 24.50 EUR."""
    return f"{amount:.2f} EUR"


@app.get("/")
def catalogue():
    return render_template("catalogue.html", products=PRODUCTS)
