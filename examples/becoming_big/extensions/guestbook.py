"""An app that uses the SQLiteStore extension, registered with init_app in a factory."""

import os

from flask import Flask, request
from sqlite_store import SQLiteStore

store = SQLiteStore()  # created once, bound to no app


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.update(test_config or {})
    if "SQLITE_PATH" not in app.config:  # not ":memory:", a new empty database per request
        os.makedirs(app.instance_path, exist_ok=True)
        app.config["SQLITE_PATH"] = os.path.join(app.instance_path, "guestbook.sqlite")
    store.init_app(app)

    with app.app_context():
        store.connection.execute("CREATE TABLE IF NOT EXISTS entry (name TEXT NOT NULL)")

    @app.post("/sign")
    def sign():
        with store.connection:  # commits, or rolls back on an error
            store.connection.execute("INSERT INTO entry VALUES (?)", (request.form["name"],))
        return "", 204

    @app.get("/")
    def index():
        names = store.connection.execute("SELECT name FROM entry ORDER BY rowid").fetchall()
        return [name for (name,) in names]

    return app
