"""Commands for `flask --app bigapp ...`: init-db and seed."""

import os

import click
from flask.cli import with_appcontext

from .db import db
from .models import Base, Book, Shelf


@click.command("init-db")
@with_appcontext
@click.option("--drop", is_flag=True, help="Drop the tables first (deletes every row).")
def init_db(drop):
    """Create the tables."""
    if db.engine.dialect.name == "sqlite":
        path = db.engine.url.database
        if path and path != ":memory:":
            # The file's folder, instance/ by default, does not exist on a fresh checkout.
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        # WAL lets readers work while one worker writes. It is stored in the
        # file, so set it once here, before any server starts.
        raw = db.engine.raw_connection()
        raw.driver_connection.execute("PRAGMA journal_mode=WAL")
        raw.close()
    if drop:
        Base.metadata.drop_all(db.engine)
    Base.metadata.create_all(db.engine)
    click.echo(f"Initialised the database ({db.engine.dialect.name}).")


@click.command("seed")
@with_appcontext
def seed():
    """Add two shelves and three books."""
    fiction, science = Shelf(name="Fiction"), Shelf(name="Science")
    fiction.books = [Book(title="Middlemarch", year=1871), Book(title="Kindred", year=1979)]
    science.books = [Book(title="The Double Helix", year=1968)]
    db.session.add_all([fiction, science])
    db.session.commit()
    click.echo("Added 2 shelves and 3 books.")


def init_app(app):
    app.cli.add_command(init_db)
    app.cli.add_command(seed)
