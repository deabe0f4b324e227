"""Health checks a load balancer can ask: alive (/healthz) and ready (/readyz).

Both answer quickly, whatever the database does. Log lines go to standard
output, where the platform collects them.
"""

import logging
from logging.config import dictConfig

from flask import Flask
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError

dictConfig(
    {
        "version": 1,
        "disable_existing_loggers": False,  # gunicorn's loggers exist already: keep them
        "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "plain",
            }
        },
        "root": {"level": "INFO", "handlers": ["stdout"]},
    }
)
log = logging.getLogger(__name__)

# A probe's answer is about this moment: no cache, no proxy may keep it.
NO_STORE = {"Cache-Control": "no-store"}


def time_limits(url, seconds):
    """create_engine's arguments that bound each wait on PostgreSQL: for a free connection
    in the pool, for the server to accept a new one, and for a statement to finish."""
    if make_url(url).get_backend_name() != "postgresql":
        return {}  # SQLite is a file beside the app: no server to wait for
    return {
        "pool_timeout": seconds,
        "connect_args": {
            "connect_timeout": seconds,
            "options": f"-c statement_timeout={seconds * 1000}",  # milliseconds
        },
    }


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(DATABASE_URL=None, DATABASE_TIMEOUT=2)  # seconds; libpq's least
    if test_config is None:
        app.config.from_prefixed_env()  # FLASK_DATABASE_URL
    else:
        app.config.update({"DATABASE_URL": "sqlite://", **test_config})
    url = app.config["DATABASE_URL"]
    if not url:
        raise RuntimeError("DATABASE_URL is not set: export FLASK_DATABASE_URL")
    seconds = app.config["DATABASE_TIMEOUT"]
    # pool_pre_ping: a connection the server has closed is replaced, not used.
    engine = create_engine(url, pool_pre_ping=True, **time_limits(url, seconds))

    @app.get("/healthz")
    def alive():
        # Touches nothing: a database outage must not get this process restarted.
        return {"status": "alive"}, 200, NO_STORE

    @app.get("/readyz")
    def ready():
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError as error:
            # The driver's message names the host and the reason, never the password.
            reason = str(error.orig or error).strip().splitlines()[0]
            log.warning("not ready: %s", reason)
            return {"status": "unavailable"}, 503, NO_STORE
        return {"status": "ready"}, 200, NO_STORE

    return app
