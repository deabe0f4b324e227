"""Accounts: registration, login, roles and API access for a Flask app."""

import os
import time
from datetime import timedelta
from urllib.parse import urlsplit

from flask import Flask, abort, request
from flask_wtf.csrf import CSRFProtect

from . import (
    api,
    api_tokens,
    auth,
    changes,
    db,
    errors,
    headers,
    mail,
    profile,
    register,
    reset,
    roles,
)

csrf = CSRFProtect()


def refuse_nameless_fields():
    """A 400 for a multipart part without a name.

    Werkzeug files such a part under the key None, and Flask-WTF's CSRF check
    would fail on it with a 500.
    """
    if None in request.form:
        abort(400, "Every field of a form needs a name.")


def create_app(test_config=None):
    """Build the app; ``test_config`` replaces instance/config.py."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        DATABASE=os.path.join(app.instance_path, "accounts.sqlite"),
        # Where the site is reached: mail links start with it, and requests for
        # any other host get a 400 (TRUSTED_HOSTS, when it is not set).
        PUBLIC_URL="http://localhost:5000",
        TRUSTED_HOSTS=None,
        # OWASP's minimum for scrypt: N=2**17, r=8, p=1. (A method's name, not a password.)
        PASSWORD_METHOD="scrypt:131072:8:1",  # noqa: S106
        MAIL_SERVER=None,  # None: `flask send-mail` refuses to run without --print
        MAIL_PORT=25,
        MAIL_FROM="accounts@localhost",
        MAIL_MAX_ATTEMPTS=5,
        ACTIVATION_MAX_AGE=24 * 3600,
        RESET_MAX_AGE=3600,
        EMAIL_CHANGE_MAX_AGE=3600,
        API_TOKEN_DAYS=30,
        LOCKOUT_FAILURES=5,
        LOCKOUT_SECONDS=15 * 60,
        CLIENT_LIMIT=(20, 60),  # form posts per client address, per form, per minute
        ADDRESS_MAIL_LIMIT=(3, 3600),  # mails an anonymous request may cause, per hour
        CLOCK=time.time,  # tests and pages move time forward with their own clock
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
        LOGIN_LIFETIME=12 * 3600,  # seconds a session lasts without "remember me"
        PERMANENT_SESSION_LIFETIME=timedelta(days=30),  # with it
        MAX_CONTENT_LENGTH=16 * 1024,
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env()  # FLASK_SECRET_KEY=... and so on
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(f"set SECRET_KEY in {app.instance_path}/config.py")
    if app.config["TRUSTED_HOSTS"] is None:
        app.config["TRUSTED_HOSTS"] = [urlsplit(app.config["PUBLIC_URL"]).hostname]

    app.before_request(refuse_nameless_fields)  # before CSRFProtect's own hook
    csrf.init_app(app)  # every POST, the API's included: nothing is exempt
    db.init_app(app)
    errors.init_app(app)
    headers.init_app(app)
    app.cli.add_command(mail.send_mail_command)
    for module in (auth, register, reset, changes, profile, roles, api_tokens, api):
        app.register_blueprint(module.bp)
    return app
