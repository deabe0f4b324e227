"""SQLite access: one connection per app context, parameters always bound."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app, g

#: The largest integer SQLite stores: an id beyond it is no row, and a URL rule
#: that takes ids says so with int(max=MAX_ID), answering 404 rather than failing.
MAX_ID = 2**63 - 1


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        # Several worker processes share the file: wait up to 5 s for another's write.
        g.db = sqlite3.connect(current_app.config["DATABASE"], timeout=5)
        g.db.row_factory = sqlite3.Row
        g.db.execute("PRAGMA foreign_keys = ON")
    return g.db


def close_db(exception=None) -> None:
    connection = g.pop("db", None)
    if connection is not None:
        connection.close()


def one(sql: str, *args) -> sqlite3.Row | None:
    return get_db().execute(sql, args).fetchone()


def write(sql: str, *args) -> sqlite3.Cursor:
    """Run one statement and commit it."""
    with transaction() as connection:
        return connection.execute(sql, args)


@contextmanager
def transaction() -> Iterator[sqlite3.Connection]:
    """Statements that commit together, or not at all if the block raises.

    A transaction opened inside another joins it: the outer one commits.
    """
    connection = get_db()
    if g.get("in_transaction"):
        yield connection
        return
    g.in_transaction = True
    try:
        with connection:
            yield connection
    finally:
        g.in_transaction = False


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, sorted: compare two to prove nothing changed.

    All but rate_limit: every request counts there, refused or not.
    """
    tables = get_db().execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'rate_limit'"
    )
    return {
        # The names come from sqlite_master: the app's own tables, not input.
        name: sorted(tuple(row) for row in get_db().execute(f'SELECT * FROM "{name}"'))  # noqa: S608
        for (name,) in tables.fetchall()
    }


def init_app(app) -> None:
    os.makedirs(os.path.dirname(app.config["DATABASE"]), exist_ok=True)
    with app.app_context():
        # WAL: readers do not wait for a writer, and a write is one fsync.
        get_db().execute("PRAGMA journal_mode = WAL")
        with app.open_resource("schema.sql", "r") as schema:
            get_db().executescript(schema.read())
        close_db()
    app.teardown_appcontext(close_db)
