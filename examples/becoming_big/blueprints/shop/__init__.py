"""A shop split into blueprints: HTML pages under /catalog, JSON under /api."""

from flask import Flask


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.update(test_config or {})

    from . import api, catalog  # imported here: they import nothing from the app

    app.register_blueprint(catalog.bp, url_prefix="/catalog")
    app.register_blueprint(api.bp, url_prefix="/api")
    return app
