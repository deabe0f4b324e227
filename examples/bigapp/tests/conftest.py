"""Fixtures for bigapp's tests: an app on an empty database of its own, per test.

Every test that uses ``app`` runs twice: on SQLite (a file in the test's
temporary folder) and on PostgreSQL (a database of its own on a throwaway
server started once per run). Without PostgreSQL installed the second run
skips and says how to install it.
"""

import pytest
from bigapp import create_app
from bigapp.db import db
from sqlalchemy import func, select

from tests.harness import postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """The URL of an empty database that only this test uses."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bigapp.sqlite'}"
    else:
        with postgres.database(request.getfixturevalue("postgres_server")) as url:
            yield url


@pytest.fixture
def app(database_url):
    """The app, configured by the factory's test_config, with its tables created."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": database_url})
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    yield app
    with app.app_context():
        db.engine.dispose()  # close pooled connections: the database is dropped next


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def seeded(app, runner):
    """The app with the seed data: shelves 1 (Fiction) and 2 (Science), books 1 to 3."""
    assert runner.invoke(args=["seed"]).exit_code == 0
    return app


@pytest.fixture
def rows(app):
    """``rows(Book)``: how many rows that table holds, read from the database itself."""

    def count(model):
        with app.app_context():
            return db.session.scalar(select(func.count()).select_from(model))

    return count
