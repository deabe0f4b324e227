"""MethodView: a RESTful JSON resource with list, create, read, update and delete."""

from itertools import count

from flask import Flask, abort, request
from flask.views import MethodView
from json_errors import InvalidFields, install


def book_from_request():
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # JSON nested deeper than Python's parser goes
        data = None
    if not isinstance(data, dict):
        abort(400, "Send a JSON object.")
    wrong = {}
    if not isinstance(data.get("title"), str) or not data["title"].strip():
        wrong["title"] = "a non-empty string is required"
    if type(data.get("year")) is not int:  # not bool, not float, not a string of digits
        wrong["year"] = "an integer is required"
    if wrong:
        raise InvalidFields(wrong)
    return {"title": data["title"], "year": data["year"]}


class Books(MethodView):
    """Shared by both views: the books, and the ids still free."""

    init_every_request = False

    def __init__(self, books, ids):
        self.books, self.ids = books, ids

    def find(self, book_id):
        if book_id not in self.books:
            abort(404, f"There is no book {book_id}.")
        return self.books[book_id]


class BookList(Books):
    def get(self):
        return [{"id": id, **book} for id, book in self.books.items()]

    def post(self):
        book = book_from_request()  # first: a refused book uses up no id
        book_id = next(self.ids)
        self.books[book_id] = book
        return {"id": book_id, **self.books[book_id]}, 201


class BookItem(Books):
    def get(self, book_id):
        return {"id": book_id, **self.find(book_id)}

    def put(self, book_id):
        self.find(book_id)
        self.books[book_id] = book_from_request()
        return {"id": book_id, **self.books[book_id]}

    def delete(self, book_id):
        self.find(book_id)
        del self.books[book_id]
        return "", 204


app = Flask(__name__)
install(app)
books, ids = {}, count(1)
app.add_url_rule("/books", view_func=BookList.as_view("books", books, ids))
app.add_url_rule("/books/<int:book_id>", view_func=BookItem.as_view("book", books, ids))
