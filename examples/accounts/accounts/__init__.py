"""Accounts: registration, login, roles and API access for a Flask app."""

import os
import time
from datetime import timedelta

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from . import api, api_tokens, auth, db, errors, profile, register, reset, roles

csrf = CSRFProtect()


def create_app(test_config=None):
    """Build the app; ``test_config`` replaces instance/config.py."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        DATABASE=os.path.join(app.instance_path, "accounts.sqlite"),
        PASSWORD_METHOD="scrypt:32768:8:1",  # Werkzeug's default in 3.1
        MAIL_SERVER=None,  # None: mail is written to the log instead
        MAIL_PORT=25,
        MAIL_FROM="accounts@localhost",
        ACTIVATION_MAX_AGE=24 * 3600,
        RESET_MAX_AGE=3600,
        API_TOKEN_DAYS=30,
        LOCKOUT_FAILURES=5,
        LOCKOUT_SECONDS=15 * 60,
        CLOCK=time.time,  # tests and pages move time forward with their own clock
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(days=30),  # "remember me"
        MAX_CONTENT_LENGTH=16 * 1024,
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env()  # FLASK_SECRET_KEY=... and so on
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(f"set SECRET_KEY in {app.instance_path}/config.py")

    csrf.init_app(app)
    csrf.exempt(api.bp)  # the API never reads the session, and its views only read
    db.init_app(app)
    errors.init_app(app)
    for module in (auth, register, reset, profile, roles, api_tokens, api):
        app.register_blueprint(module.bp)
    return app
