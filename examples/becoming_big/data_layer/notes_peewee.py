"""Notes through Peewee: a connection opened and closed around each request."""

import os

import notes_api
from flask import Flask
from peewee import DatabaseProxy, JSONField, Model, SqliteDatabase, TextField

# A model names its database when it is defined: a proxy, filled by create_app().
database = DatabaseProxy()


class Note(Model):  # Peewee adds the id column
    title = TextField()
    tags = JSONField()

    class Meta:
        database = database

    def as_dict(self):
        return {"id": self.id, "title": self.title, "tags": self.tags}


def open_connection():
    database.connect()  # returns True, and Flask would take that for a response


def close_connection(error):
    database.close()


class PeeweeNotes:
    def add(self, title, tags):
        return Note.create(title=title, tags=tags).as_dict()

    def get(self, note_id):
        note = Note.get_or_none(Note.id == note_id)
        return None if note is None else note.as_dict()

    def all(self):
        return [note.as_dict() for note in Note.select().order_by(Note.id)]


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(DATABASE=os.path.join(app.instance_path, "notes.sqlite"))
    if test_config is None:
        os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(test_config)
    database.initialize(SqliteDatabase(app.config["DATABASE"]))
    with database:  # connect, create the table, close
        database.create_tables([Note])
    app.before_request(open_connection)
    app.teardown_request(close_connection)
    notes_api.init_app(app, PeeweeNotes())
    return app
