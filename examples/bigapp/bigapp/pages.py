"""The HTML pages: the shelves with their books, and one page per book."""

from flask import Blueprint, render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .db import db
from .models import Book, Shelf
from .pagination import paginate
from .validation import MAX_INT

bp = Blueprint("pages", __name__)


@bp.get("/")
def index():
    # A shelf's name is unique: the order needs no tiebreaker.
    query = select(Shelf).options(selectinload(Shelf.books)).order_by(Shelf.name)
    return render_template("index.html", page=paginate(query))


@bp.get(f"/books/<int(max={MAX_INT}):book_id>")
def book(book_id):
    found = db.session.get(Book, book_id)
    if found is None:
        return render_template("not_found.html", book_id=book_id), 404
    return render_template("book.html", book=found)
