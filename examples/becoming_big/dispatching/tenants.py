"""One factory, many apps: each tenant gets its own config, secret key, cookie and errors."""

import secrets

from flask import Flask, current_app, request, session

TENANTS = {
    "acme": {"GREETING": "Welcome to Acme.", "JSON_ERRORS": True},
    "globex": {"GREETING": "Globex says hello.", "JSON_ERRORS": False},
}


def create_tenant_app(tenant):
    app = Flask(__name__)
    app.config.update(
        TENANTS[tenant],
        # A real deployment reads each tenant's key from its environment.
        SECRET_KEY=secrets.token_hex(),
        # Apps on one host share the browser's cookie jar: one cookie name each.
        SESSION_COOKIE_NAME=f"session_{tenant}",
    )

    @app.get("/")
    def index():
        greeting = current_app.config["GREETING"]
        return {"tenant": tenant, "greeting": greeting, "user": session.get("user")}

    @app.post("/login/<name>")
    def login(name):
        session["user"] = name
        return {"user": name}

    if app.config["JSON_ERRORS"]:

        @app.errorhandler(404)
        def not_found(error):
            return {"error": f"{tenant} has no page {request.path}"}, 404

    return app
