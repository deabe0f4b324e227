"""Commands of our own for the flask command: add-note and list-notes."""

import json
import os

import click
from flask import Flask, current_app

app = Flask(__name__)
app.config["NOTES_FILE"] = os.path.join(app.instance_path, "notes.jsonl")
app.config.from_prefixed_env()  # FLASK_NOTES_FILE=/elsewhere.jsonl wins


@app.cli.command("add-note")
@click.argument("text")
@click.option("--pinned", is_flag=True, help="List this note first.")
def add_note(text, pinned):
    """Add a note."""
    path = current_app.config["NOTES_FILE"]  # the command runs in an app context
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)  # instance/ at first
    with open(path, "a", encoding="utf-8") as notes:
        notes.write(json.dumps({"text": text, "pinned": pinned}) + "\n")
    click.echo(f"Added: {text}")


@app.cli.command("list-notes")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
def list_notes(limit):
    """List the notes, pinned ones first."""
    try:
        with open(current_app.config["NOTES_FILE"], encoding="utf-8") as notes:
            found = [json.loads(line) for line in notes]
    except FileNotFoundError:
        found = []
    found.sort(key=lambda note: not note["pinned"])  # stable: otherwise in the order added
    for note in found[:limit]:
        click.echo(("* " if note["pinned"] else "- ") + note["text"])
    if not found:
        click.echo("No notes yet.")
