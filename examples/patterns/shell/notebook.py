"""Notes in SQLite, and a `flask shell` that starts with the database at hand."""

import os
import sqlite3

from flask import Flask, current_app, g

SCHEMA = "CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"


def get_db():
    """The app context's connection to the database, opened at first use."""
    if "db" not in g:
        path = current_app.config["DATABASE"]
        os.makedirs(os.path.dirname(path), exist_ok=True)  # the instance folder, at first
        g.db = sqlite3.connect(path)
        g.db.row_factory = sqlite3.Row
        g.db.execute(SCHEMA)
    return g.db


def close_db(exception=None):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def add_note(text):
    """Save a note; its id."""
    db = get_db()
    with db:  # commits, or rolls back on an exception
        return db.execute("INSERT INTO note (text) VALUES (?)", (text,)).lastrowid


def list_notes():
    rows = get_db().execute("SELECT id, text FROM note ORDER BY id")
    return {"notes": [dict(row) for row in rows]}


def shell_context():
    """What `flask shell` starts with, besides `app` and `g`."""
    return {"db": get_db(), "add_note": add_note}


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config["DATABASE"] = os.path.join(app.instance_path, "notebook.sqlite3")
    if test_config is None:
        app.config.from_prefixed_env()  # FLASK_DATABASE, to keep the file elsewhere
    else:
        app.config.update(test_config)
    app.teardown_appcontext(close_db)
    app.shell_context_processor(shell_context)
    app.get("/notes")(list_notes)
    return app
