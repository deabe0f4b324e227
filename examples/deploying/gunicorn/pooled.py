"""An app that uses its database while it is built, as many do: it creates its table."""

import os
from pathlib import Path

from flask import Flask
from sqlalchemy import create_engine, event, text


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_prefixed_env()  # FLASK_DATABASE_URL
    app.config.from_mapping(test_config or {})
    url = app.config.get("DATABASE_URL")
    if url is None:  # a file in the instance folder
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{Path(app.instance_path, 'pooled.sqlite')}"

    engine = create_engine(url)
    app.extensions["engine"] = engine

    @event.listens_for(engine, "connect")
    def remember_who_opened_it(dbapi_connection, connection_record):
        connection_record.info["opened_by"] = os.getpid()

    with engine.begin() as connection:  # a connection opens here, and stays in the pool
        connection.execute(text("CREATE TABLE IF NOT EXISTS visit (worker INTEGER)"))

    @app.post("/visits")
    def visit():
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO visit VALUES (:pid)"), {"pid": os.getpid()})
            return {
                "worker": os.getpid(),
                "connection_opened_by": connection.connection.info["opened_by"],
            }

    return app
