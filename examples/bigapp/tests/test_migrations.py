"""The Alembic migrations: they build the tables the models describe, both ways."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import inspect

import bigapp
from bigapp import create_app
from bigapp.cli import migrations_config
from bigapp.db import db
from bigapp.models import Base, Book

PROJECT = Path(bigapp.__file__).parent.parent  # the folder of alembic.ini
# The two revisions, newest first: the tables, then the index on book (year, id).
INDEX, FIRST = (
    r.revision for r in ScriptDirectory.from_config(migrations_config()).walk_revisions()
)


def differences(app):
    """What autogenerate would write: how the database differs from the models."""
    with app.app_context(), db.engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


def tables(app):
    with app.app_context():
        return sorted(inspect(db.engine).get_table_names())


@pytest.fixture
def bare_app(database_url):
    """An app on an empty database: no migration has run."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": database_url})
    yield app
    with app.app_context():
        db.engine.dispose()


def test_the_migrations_head_is_the_models(app):
    assert differences(app) == []


def test_a_revision_behind_differs_from_the_models(bare_app):
    with bare_app.app_context():
        command.upgrade(migrations_config(), FIRST)
    [(operation, index)] = differences(bare_app)
    assert (operation, index.name) == ("add_index", "ix_book_year_id")


def test_downgrade_to_base_removes_every_table_and_upgrade_brings_them_back(bare_app):
    with bare_app.app_context():
        command.upgrade(migrations_config(), "head")
        assert tables(bare_app) == ["alembic_version", "book", "shelf"]
        command.downgrade(migrations_config(), "base")
        assert tables(bare_app) == ["alembic_version"]
        command.upgrade(migrations_config(), "head")
    assert differences(bare_app) == []


def test_down_and_up_a_revision_keeps_the_rows(app, seeded, rows):
    with app.app_context():
        command.downgrade(migrations_config(), "-1")
        assert [i["name"] for i in inspect(db.engine).get_indexes("book")] == []
        command.upgrade(migrations_config(), "head")
    assert rows(Book) == 3
    assert differences(app) == []


def test_the_sql_only_mode_is_refused(app):
    with app.app_context(), pytest.raises(CommandError, match="--sql is not supported"):
        command.upgrade(migrations_config(), "head", sql=True)


def test_the_alembic_command_migrates_the_database_the_app_uses(tmp_path, database_url):
    """`alembic upgrade head` and `downgrade` in a copy of the project, as a reader types them."""
    shutil.copy(PROJECT / "alembic.ini", tmp_path)
    ignore = shutil.ignore_patterns("__pycache__", "instance")
    shutil.copytree(PROJECT / "bigapp", tmp_path / "bigapp", ignore=ignore)
    env = {name: value for name, value in os.environ.items() if not name.startswith("FLASK_")}
    env |= {"FLASK_SECRET_KEY": "only for this test", "FLASK_DATABASE_URL": database_url}

    def alembic(*args):
        done = subprocess.run([Path(sys.executable).parent / "alembic", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout, done.stderr  # what it prints, and its log

    _, log = alembic("upgrade", "head")
    assert f"Running upgrade {FIRST} -> {INDEX}, index books by year" in log
    assert alembic("current")[0] == f"{INDEX} (head)\n"
    app = create_app({"SECRET_KEY": "s", "DATABASE_URL": database_url})
    assert differences(app) == []
    assert f"Running downgrade {FIRST} -> , shelves and books" in alembic("downgrade", "base")[1]
    assert tables(app) == ["alembic_version"]
    with app.app_context():
        db.engine.dispose()
