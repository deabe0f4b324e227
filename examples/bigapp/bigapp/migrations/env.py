"""Alembic runs this file for every command: bigapp's database, bigapp's models.

``alembic upgrade head`` builds the app with create_app(), so it migrates the
database the app uses: FLASK_DATABASE_URL, instance/config.py, or the SQLite
default. ``flask --app bigapp init-db`` runs the same migrations for its own app.
"""

import os
from logging.config import fileConfig

from alembic import context
from alembic.util import CommandError
from flask import has_app_context

from bigapp import create_app
from bigapp.db import db
from bigapp.models import Base


def prepare_sqlite(engine):
    """Make the file's folder (instance/ is not in a fresh checkout), and set WAL mode.

    WAL lets readers work while one worker writes. It is stored in the file, so it
    is set here, once, before any server starts.
    """
    path = engine.url.database
    if path and path != ":memory:":
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    raw = engine.raw_connection()
    raw.driver_connection.execute("PRAGMA journal_mode=WAL")
    raw.close()


def run_migrations():
    if db.engine.dialect.name == "sqlite":
        prepare_sqlite(db.engine)
    with db.engine.connect() as connection:
        # Batch mode: where SQLite cannot ALTER a table, Alembic copies it instead.
        # Other databases ALTER as usual, so a revision works on all of them.
        context.configure(connection=connection, target_metadata=Base.metadata,
                          render_as_batch=True)  # fmt: skip
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise CommandError("bigapp migrates a database it connects to: --sql is not supported.")
if has_app_context():  # flask --app bigapp init-db, or a test's app
    run_migrations()
else:  # the alembic command
    if context.config.config_file_name is not None:
        fileConfig(context.config.config_file_name, disable_existing_loggers=False)
    with create_app().app_context():
        run_migrations()
