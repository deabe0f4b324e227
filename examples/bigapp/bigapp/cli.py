"""Commands for `flask --app bigapp ...`: init-db and seed."""

from pathlib import Path

import click
from alembic import command
from alembic.config import Config
from flask.cli import with_appcontext

from .db import db
from .models import Book, Shelf

MIGRATIONS = Path(__file__).parent / "migrations"


def migrations_config():
    """Alembic's settings without alembic.ini: where the migrations are, in the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@click.command("init-db")
@with_appcontext
@click.option("--drop", is_flag=True, help="Drop the tables first (deletes every row).")
def init_db(drop):
    """Create the tables, or bring them up to date: `alembic upgrade head`, in the app."""
    if drop:
        command.downgrade(migrations_config(), "base")
    command.upgrade(migrations_config(), "head")
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
