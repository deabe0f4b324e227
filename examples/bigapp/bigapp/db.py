"""The database extension: one SQLAlchemy engine per app, one session per app context."""

from flask import current_app, g, has_request_context, request
from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session

#: Requests that only read: their transactions never take SQLite's write lock.
READ_ONLY_METHODS = {"GET", "HEAD"}


class Database:
    """Connects an app to the database named by its DATABASE_URL setting."""

    def __init__(self, app=None):
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        app.extensions["bigapp.db"] = make_engine(app.config["DATABASE_URL"])
        app.teardown_appcontext(self.close_session)

    @property
    def engine(self):
        return current_app.extensions["bigapp.db"]

    @property
    def session(self) -> Session:
        """The session of the current app context, opened on first use."""
        if "db_session" not in g:
            # expire_on_commit=False: after a commit, the objects keep what this request
            # wrote, so the answer needs no second transaction that might find them gone.
            g.db_session = Session(self.engine, expire_on_commit=False)
        return g.db_session

    def close_session(self, exception=None):
        session = g.pop("db_session", None)
        if session is not None:
            session.close()  # what was not committed is rolled back: no half-written request


def may_write():
    """Whether the current transaction may write: all but a GET or HEAD request's."""
    return not (has_request_context() and request.method in READ_ONLY_METHODS)


def make_engine(url):
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    # timeout: how long a write waits for another worker's write to end (15 s).
    engine = create_engine(url, connect_args={"timeout": 15})

    @event.listens_for(engine, "connect")
    def on_connect(connection, record):
        connection.isolation_level = None  # SQLAlchemy, not sqlite3, begins transactions
        connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # A transaction that may write takes the write lock up front, so a
        # worker that reads then writes waits its turn instead of being refused
        # halfway. A read-only one takes no lock: in WAL mode it never waits.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if may_write() else "BEGIN")

    return engine


db = Database()
