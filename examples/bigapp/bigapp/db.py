"""The database extension: one SQLAlchemy engine per app, one session per app context."""

from flask import current_app, g
from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session


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
            g.db_session = Session(self.engine)
        return g.db_session

    def close_session(self, exception=None):
        session = g.pop("db_session", None)
        if session is not None:
            session.close()  # what was not committed is rolled back: no half-written request


def make_engine(url):
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 15})

    @event.listens_for(engine, "connect")
    def on_connect(connection, record):
        connection.isolation_level = None  # SQLAlchemy, not sqlite3, begins transactions
        connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # Take the write lock up front: with several worker processes, a
        # transaction that reads then writes must not be refused halfway.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


db = Database()
