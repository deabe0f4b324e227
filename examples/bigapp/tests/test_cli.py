"""The commands init-db and seed, through the test runner and as a reader types them."""

import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path

import bigapp
from bigapp import create_app
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
    path = tmp_path / "wal.sqlite"
    app = create_app({"SECRET_KEY": "s", "DATABASE_URL": f"sqlite:///{path}"})
    assert app.test_cli_runner().invoke(args=["init-db"]).exit_code == 0
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        connection.close()


def test_the_commands_work_in_a_fresh_checkout(tmp_path, server):
    """What bigapp.md tells a reader to type, in a copy that has no instance folder yet."""
    project = tmp_path / "bigapp"
    ignore = shutil.ignore_patterns("__pycache__", "instance")
    shutil.copytree(Path(bigapp.__file__).parent, project / "bigapp", ignore=ignore)
    env = {name: value for name, value in os.environ.items() if not name.startswith("FLASK_")}
    env["FLASK_SECRET_KEY"] = "only for this test"
    flask = [Path(sys.executable).parent / "flask", "--app", "bigapp"]

    def run(*args):
        done = subprocess.run([*flask, *args], cwd=project, env=env, capture_output=True,
                              text=True, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert run("init-db") == "Initialised the database (sqlite).\n"
    assert (project / "instance" / "bigapp.sqlite").is_file()
    assert run("seed") == "Added 2 shelves and 3 books.\n"
    url = server(["flask", "--app", "bigapp", "run", "--port", "{port}"], env, cwd=project)
    with urllib.request.urlopen(url + "/", timeout=5) as response:
        assert '<a href="/books/1">Middlemarch</a>' in response.read().decode()
