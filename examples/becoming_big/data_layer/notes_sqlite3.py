"""Notes in SQLite with the standard library: one connection per request, on g."""

import json
import os
import sqlite3

import notes_api
from flask import Flask, current_app, g

SCHEMA = """
CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, title TEXT, tags TEXT)
"""


def connection():
    if "db" not in g:  # opened on first use, closed when the request ends
        g.db = sqlite3.connect(current_app.config["DATABASE"])
    return g.db


def close_connection(error):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def as_note(row):
    return {"id": row[0], "title": row[1], "tags": json.loads(row[2])}


class SqliteNotes:
    def add(self, title, tags):
        with connection() as db:  # commits, or rolls back if the block raises
            sql = "INSERT INTO note (title, tags) VALUES (?, ?)"
            cursor = db.execute(sql, (title, json.dumps(tags)))
        return self.get(cursor.lastrowid)

    def get(self, note_id):
        sql = "SELECT * FROM note WHERE id = ?"
        row = connection().execute(sql, (note_id,)).fetchone()
        return None if row is None else as_note(row)

    def all(self):
        rows = connection().execute("SELECT * FROM note ORDER BY id")
        return [as_note(row) for row in rows]


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(DATABASE=os.path.join(app.instance_path, "notes.sqlite"))
    if test_config is None:
        os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(test_config)
    app.teardown_appcontext(close_connection)
    with app.app_context():
        connection().execute(SCHEMA)
    notes_api.init_app(app, SqliteNotes())
    return app
