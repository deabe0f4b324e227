"""The catalog blueprint: HTML pages from its own templates, and its own 404 page."""

from flask import Blueprint, abort, render_template

PRODUCTS = {1: "Teapot", 2: "Kettle"}

# Its templates live in shop/catalog_templates/catalog/, beside the app's shop/templates/.
bp = Blueprint("catalog", __name__, template_folder="catalog_templates")


@bp.get("/")
def index():
    return render_template("catalog/index.html", products=PRODUCTS)


@bp.get("/<int:product_id>")
def product(product_id):
    if product_id not in PRODUCTS:
        abort(404)
    return render_template("catalog/product.html", id=product_id, name=PRODUCTS[product_id])


@bp.errorhandler(404)
def no_such_product(error):
    # Only errors raised by this blueprint's views come here.
    return render_template("catalog/missing.html"), 404
