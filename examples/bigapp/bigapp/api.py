"""The JSON API under /api: MethodViews for shelves and books."""

from flask import Blueprint, abort, url_for
from flask.views import MethodView
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .db import db
from .models import Book, Shelf
from .pagination import paginate
from .validation import MAX_INT, Invalid, check, integer, json_object, text

bp = Blueprint("api", __name__, url_prefix="/api")

SHELF = {"name": text(80)}
BOOK = {"title": text(200), "year": integer(-3000, 3000), "shelf_id": integer(1, MAX_INT)}


def get_or_404(model, id, lock=False):
    """The row, or a 404; ``lock=True`` holds it until the request's transaction ends."""
    # Locked, a second PATCH or DELETE of the same row waits for the first to commit,
    # then finds the row as the first left it: updated, or gone (a 404). On SQLite, a
    # writing request holds the write lock already (see db.py).
    found = db.session.get(model, id, with_for_update=lock)
    if found is None:
        abort(404, f"There is no {model.__tablename__} {id}.")
    return found


def check_shelf(fields):
    if "shelf_id" in fields and db.session.get(Shelf, fields["shelf_id"]) is None:
        raise Invalid({"shelf_id": "no such shelf"})


def listed(query):
    """A page of ``query``'s rows as JSON, and a Link header to the pages beside it."""
    page = paginate(query)
    links = page.links(_external=True)
    header = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items())
    return [row.to_json() for row in page.items], 200, {"Link": header} if header else {}


class ShelfList(MethodView):
    def get(self):
        return listed(select(Shelf).order_by(Shelf.id))

    def post(self):
        shelf = Shelf(**check(json_object(), SHELF))
        db.session.add(shelf)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            abort(409, f"A shelf named {shelf.name!r} exists.")
        return shelf.to_json(), 201


class BookList(MethodView):
    def get(self):
        # Oldest first. Many books share a year: the id, unique, breaks the ties.
        return listed(select(Book).order_by(Book.year, Book.id))

    def post(self):
        fields = check(json_object(), BOOK)
        check_shelf(fields)
        book = Book(**fields)
        db.session.add(book)
        db.session.commit()
        location = url_for("api.book", book_id=book.id, _external=True)
        return book.to_json(), 201, {"Location": location}


class BookItem(MethodView):
    def get(self, book_id):
        return get_or_404(Book, book_id).to_json()

    def patch(self, book_id):
        book = get_or_404(Book, book_id, lock=True)
        fields = check(json_object(), BOOK, partial=True)
        check_shelf(fields)
        for name, value in fields.items():
            setattr(book, name, value)
        db.session.commit()
        return book.to_json()

    def delete(self, book_id):
        db.session.delete(get_or_404(Book, book_id, lock=True))
        db.session.commit()
        return "", 204


ID = f"<int(max={MAX_INT}):book_id>"  # a bigger id is a 404, not a database error
bp.add_url_rule("/shelves", view_func=ShelfList.as_view("shelves"))
bp.add_url_rule("/books", view_func=BookList.as_view("books"))
bp.add_url_rule(f"/books/{ID}", view_func=BookItem.as_view("book"))
