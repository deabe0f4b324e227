"""A small app that reports who it thinks asked, and takes notes; it runs behind nginx."""

from flask import Flask, request, url_for
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)


@app.get("/visitor")
def visitor():
    return {
        "address": request.remote_addr,
        "scheme": request.scheme,
        "host": request.host,
        "stylesheet": url_for("static", filename="shop.css", _external=True),
        "x_forwarded_for": request.headers.get("X-Forwarded-For"),
    }


@app.post("/notes")
def add_note():
    return {"received": len(request.get_data())}, 201


# What gunicorn runs behind nginx. nginx sets one value in each of these three
# headers (shop.conf), so trust one, no more. The app itself trusts none.
behind_nginx = ProxyFix(app, x_for=1, x_proto=1, x_host=1)
