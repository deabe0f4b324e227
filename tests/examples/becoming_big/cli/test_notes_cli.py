"""examples/becoming_big/cli/notes_cli.py: commands with click options."""

import os
import subprocess

import pytest

from harness.services.commands import BIN


@pytest.fixture
def runner(app, tmp_path):
    app.config["NOTES_FILE"] = str(tmp_path / "notes.jsonl")
    return app.test_cli_runner()


def test_pinned_notes_are_listed_first(runner):
    assert runner.invoke(args=["add-note", "Buy milk"]).output == "Added: Buy milk\n"
    runner.invoke(args=["add-note", "Call Ada", "--pinned"])
    runner.invoke(args=["add-note", "Water plants"])
    output = runner.invoke(args=["list-notes"]).output
    assert output == "* Call Ada\n- Buy milk\n- Water plants\n"
    assert runner.invoke(args=["list-notes", "--limit", "1"]).output == "* Call Ada\n"


def test_no_notes_yet(runner):
    assert runner.invoke(args=["list-notes"]).output == "No notes yet.\n"


def test_click_checks_the_options(runner):
    result = runner.invoke(args=["list-notes", "--limit", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '--limit': 0 is not in the range x>=1." in result.output


def test_the_commands_run_from_the_flask_command(example, tmp_path):
    """What the page tells the reader to type, in the example's folder."""
    folder = example.folder
    env = {**os.environ, "FLASK_NOTES_FILE": str(tmp_path / "notes.jsonl")}

    def flask(*args):
        command = [BIN / "flask", "--app", "notes_cli", *args]
        return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True,
                              timeout=60, check=True).stdout  # fmt: skip

    assert flask("add-note", "Buy milk", "--pinned") == "Added: Buy milk\n"
    assert flask("list-notes") == "* Buy milk\n"
    assert "add-note    Add a note." in flask("--help")
