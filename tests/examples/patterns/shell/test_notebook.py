"""examples/patterns/shell/notebook.py: the notes app and what its `flask shell` starts with."""

import os
import sqlite3
import subprocess

import pytest
from flask import g

from harness.services.commands import BIN


@pytest.fixture
def app(example, tmp_path):
    return example.module.create_app({"DATABASE": str(tmp_path / "data" / "notes.sqlite3")})


def test_notes_start_empty_and_keep_what_was_added(example, app, client):
    assert client.get("/notes").json == {"notes": []}
    with app.app_context():
        assert example.module.add_note("Buy milk") == 1
        assert example.module.add_note("<b>Call Ada</b>") == 2
    assert client.get("/notes").json == {
        "notes": [{"id": 1, "text": "Buy milk"}, {"id": 2, "text": "<b>Call Ada</b>"}]
    }


def test_the_shell_context_has_app_g_and_the_processor_s_names(app):
    with app.app_context():
        context = app.make_shell_context()
        assert set(context) == {"app", "g", "db", "add_note"}
        assert context["app"] is app
        assert context["db"] is g.db  # the app context's own connection


def test_the_connection_closes_with_the_app_context(app):
    with app.app_context():
        db = app.make_shell_context()["db"]
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        db.execute("SELECT 1")


def test_a_failed_insert_is_rolled_back(example, app):
    with app.app_context():
        with pytest.raises(sqlite3.IntegrityError):
            example.module.add_note(None)
        assert g.db.execute("SELECT count(*) FROM note").fetchone()[0] == 0


def test_flask_shell_reads_commands_from_stdin(example, tmp_path):
    """A real `flask --app notebook shell`, the database where FLASK_DATABASE says."""
    env = {**os.environ, "FLASK_DATABASE": str(tmp_path / "notes.sqlite3")}
    env.pop("PYTHONSTARTUP", None)

    def shell(lines):
        return subprocess.run([BIN / "flask", "--app", "notebook", "shell"], input=lines,
                              cwd=example.folder, env=env, capture_output=True, text=True,
                              timeout=60, check=True)  # fmt: skip

    first = shell('add_note("Buy milk")\nsorted(name for name in dir() if name[0] != "_")\n')
    assert first.stdout == ">>> 1\n>>> ['add_note', 'app', 'db', 'g']\n>>> "
    assert "App: notebook\n" in first.stderr
    second = shell("[tuple(row) for row in db.execute('SELECT id, text FROM note')]\n")
    assert second.stdout == ">>> [(1, 'Buy milk')]\n>>> "
