"""A small extension: one SQLite connection per app context, closed when the context ends."""

import sqlite3
from dataclasses import dataclass

from flask import current_app, g


@dataclass
class State:
    """What the extension keeps per app, in app.extensions["sqlite_store"]."""

    path: str
    opened: int = 0
    closed: int = 0


class SQLiteStore:
    def __init__(self, app=None):
        # No app stored on self: one SQLiteStore object can serve many apps.
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        app.config.setdefault("SQLITE_PATH", ":memory:")
        app.extensions["sqlite_store"] = State(app.config["SQLITE_PATH"])
        app.teardown_appcontext(self.close)

    @property
    def connection(self):
        """The current app context's connection, opened on first use."""
        if "sqlite_connection" not in g:
            state = current_app.extensions["sqlite_store"]
            g.sqlite_connection = sqlite3.connect(state.path)
            state.opened += 1
        return g.sqlite_connection

    def close(self, error=None):
        connection = g.pop("sqlite_connection", None)
        if connection is not None:
            connection.close()
            current_app.extensions["sqlite_store"].closed += 1
