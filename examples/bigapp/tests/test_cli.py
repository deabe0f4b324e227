"""The commands init-db and seed."""

from bigapp.models import Book, Shelf


def test_init_db_creates_the_tables_and_says_so(runner, rows, app):
    result = runner.invoke(args=["init-db"])
    dialect = "sqlite" if app.config["DATABASE_URL"].startswith("sqlite") else "postgresql"
    assert result.output == f"Initialised the database ({dialect}).\n"
    assert rows(Book) == rows(Shelf) == 0


def test_seed_adds_two_shelves_and_three_books(runner, rows):
    assert runner.invoke(args=["seed"]).output == "Added 2 shelves and 3 books.\n"
    assert (rows(Shelf), rows(Book)) == (2, 3)


def test_init_db_drop_empties_the_tables(runner, rows):
    runner.invoke(args=["seed"])
    assert runner.invoke(args=["init-db", "--drop"]).exit_code == 0
    assert rows(Book) == 0


def test_init_db_switches_sqlite_to_wal_once(tmp_path):
    import sqlite3

    from bigapp import create_app

    path = tmp_path / "wal.sqlite"
    app = create_app({"SECRET_KEY": "s", "DATABASE_URL": f"sqlite:///{path}"})
    assert app.test_cli_runner().invoke(args=["init-db"]).exit_code == 0
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        connection.close()
