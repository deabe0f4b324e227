"""SQLite access: one connection per app context, parameters always bound."""

import os
import sqlite3

from flask import current_app, g


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
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
    with get_db() as connection:
        return connection.execute(sql, args)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, sorted: compare two to prove nothing changed."""
    tables = get_db().execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {
        name: sorted(tuple(row) for row in get_db().execute(f'SELECT * FROM "{name}"'))
        for (name,) in tables.fetchall()
    }


def init_app(app) -> None:
    os.makedirs(os.path.dirname(app.config["DATABASE"]), exist_ok=True)
    with app.app_context():
        with app.open_resource("schema.sql", "r") as schema:
            get_db().executescript(schema.read())
        close_db()
    app.teardown_appcontext(close_db)
