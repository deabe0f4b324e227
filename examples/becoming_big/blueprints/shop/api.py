"""The API blueprint: JSON that links back to the catalog's HTML pages."""

from flask import Blueprint, url_for

from .catalog import PRODUCTS

bp = Blueprint("api", __name__)


@bp.get("/products/<int:product_id>")
def product(product_id):
    if product_id not in PRODUCTS:
        return {"error": f"no product {product_id}"}, 404
    # "catalog.product": another blueprint's endpoint, by its blueprint's name.
    page = url_for("catalog.product", product_id=product_id)
    return {"id": product_id, "name": PRODUCTS[product_id], "page": page}
