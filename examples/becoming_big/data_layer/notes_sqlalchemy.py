"""Notes through the SQLAlchemy ORM: one session per request, on g."""

import os

import notes_api
from flask import Flask, current_app, g
from sqlalchemy import JSON, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    tags: Mapped[list[str]] = mapped_column(JSON)

    def as_dict(self):
        return {"id": self.id, "title": self.title, "tags": self.tags}


def session():
    if "session" not in g:  # opened on first use, closed when the request ends
        g.session = Session(current_app.extensions["sqlalchemy"])
    return g.session


def close_session(error):
    found = g.pop("session", None)
    if found is not None:
        found.close()  # and what was not committed is rolled back


class SqlAlchemyNotes:
    def add(self, title, tags):
        note = Note(title=title, tags=tags)
        session().add(note)
        session().commit()
        return note.as_dict()

    def get(self, note_id):
        note = session().get(Note, note_id)
        return None if note is None else note.as_dict()

    def all(self):
        notes = session().scalars(select(Note).order_by(Note.id))
        return [note.as_dict() for note in notes]


def create_app(test_config=None):
    app = Flask(__name__)
    database = os.path.join(app.instance_path, "notes.sqlite")
    app.config.from_mapping(DATABASE_URL="sqlite:///" + database)
    if test_config is None:
        os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(test_config)
    engine = create_engine(app.config["DATABASE_URL"])
    Base.metadata.create_all(engine)
    app.extensions["sqlalchemy"] = engine
    app.teardown_appcontext(close_session)
    notes_api.init_app(app, SqlAlchemyNotes())
    return app
