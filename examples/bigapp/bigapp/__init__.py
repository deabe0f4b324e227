"""bigapp: a bookshelf with HTML pages and a JSON API, built from the chapter's patterns."""

import os

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import api, cli, errors, pages
from .db import db


def create_app(test_config=None):
    """Build an app: defaults, then instance/config.py and FLASK_* variables, or test_config."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        DATABASE_URL="sqlite:///" + os.path.join(app.instance_path, "bigapp.sqlite"),
        MAX_CONTENT_LENGTH=16 * 1024,  # reading a bigger body is a 413
        SECRET_KEY=None,
        TRUSTED_PROXIES=0,  # how many reverse proxies set X-Forwarded-* in front of the app
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env()  # FLASK_SECRET_KEY, FLASK_DATABASE_URL, ...
    else:
        app.config.update(test_config)
    if not app.config["SECRET_KEY"]:
        raise RuntimeError(
            "SECRET_KEY is not set: export FLASK_SECRET_KEY or put it in instance/config.py"
        )
    if proxies := app.config["TRUSTED_PROXIES"]:
        # Only the headers the proxy sets: nginx passes a visitor's X-Forwarded-Host
        # on untouched, so the host comes from Host (proxy_set_header Host $host).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)

    db.init_app(app)
    cli.init_app(app)
    errors.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    return app
