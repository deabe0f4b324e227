"""Lists a page at a time: every row once, in a stable order, and bad page numbers refused."""

import re

import pytest

from bigapp.db import db
from bigapp.models import Book, Shelf

LINK = re.compile(r'<(?P<url>[^>]+)>; rel="(?P<rel>\w+)"')


@pytest.fixture
def shelved(app):
    """45 books on one shelf, over three years: most books share their year with others."""
    with app.app_context():
        shelf = Shelf(name="Stacks")
        shelf.books = [Book(title=f"Book {n}", year=2000 + n % 3) for n in range(1, 46)]
        db.session.add(shelf)
        db.session.commit()
    return app


def links(response):
    """The Link header as {rel: url}."""
    return {m["rel"]: m["url"] for m in LINK.finditer(response.headers.get("Link", ""))}


def test_following_next_shows_every_book_once_in_order(client, shelved):
    url, seen, pages = "/api/books?per_page=10", [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen += [(book["year"], book["id"]) for book in response.json]
        url, pages = links(response).get("next"), pages + 1
    assert pages == 5
    assert len(seen) == len(set(seen)) == 45
    assert seen == sorted(seen)


def test_the_links_name_the_neighbours_that_exist(client, shelved):
    first = client.get("/api/books?per_page=20")
    assert links(first) == {"next": "http://localhost/api/books?page=2&per_page=20"}
    middle = client.get("/api/books?page=2&per_page=20")
    assert links(middle) == {
        "prev": "http://localhost/api/books?page=1&per_page=20",
        "next": "http://localhost/api/books?page=3&per_page=20",
    }
    last = client.get("/api/books?page=3&per_page=20")
    assert len(last.json) == 5
    assert links(last) == {"prev": "http://localhost/api/books?page=2&per_page=20"}


def test_one_page_has_no_link_header(client, seeded):
    response = client.get("/api/books")
    assert len(response.json) == 3
    assert "Link" not in response.headers


def test_the_default_page_holds_twenty(client, shelved):
    assert len(client.get("/api/books").json) == 20


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=0", "page must be a whole number from 1 (18 digits at most)."),
        ("page=-1", "page must be a whole number from 1 (18 digits at most)."),
        ("page=abc", "page must be a whole number from 1 (18 digits at most)."),
        ("page=1.5", "page must be a whole number from 1 (18 digits at most)."),
        ("page=+1", "page must be a whole number from 1 (18 digits at most)."),
        ("page=%201", "page must be a whole number from 1 (18 digits at most)."),
        ("page=%D9%A3", "page must be a whole number from 1 (18 digits at most)."),  # Arabic 3
        ("page=" + "9" * 19, "page must be a whole number from 1 (18 digits at most)."),
        ("page=", "page must be a whole number from 1 (18 digits at most)."),
        ("per_page=0", "per_page must be a whole number from 1 (18 digits at most)."),
        ("per_page=101", "per_page must be at most 100."),
    ],
)
def test_a_bad_page_number_is_a_400(client, shelved, query, message):
    response = client.get(f"/api/books?{query}")
    assert response.status_code == 400
    assert response.json == {"error": "Bad Request", "message": message}


@pytest.mark.parametrize("page", ["4", "999999999999999999"])
def test_a_page_past_the_last_is_a_404(client, shelved, page):
    response = client.get(f"/api/books?page={page}&per_page=15")
    assert response.status_code == 404
    assert response.json["message"] == f"There is no page {page}: the last is 3."


def test_the_first_page_of_an_empty_list_is_empty_not_missing(client):
    assert (client.get("/api/books").status_code, client.get("/api/books").json) == (200, [])
    assert client.get("/api/books?page=2").status_code == 404


def test_shelves_are_listed_a_page_at_a_time_too(client, shelved):
    for name in ("Poetry", "Drama"):
        client.post("/api/shelves", json={"name": name})
    response = client.get("/api/shelves?per_page=2&page=2")
    assert response.json == [{"id": 3, "name": "Drama"}]
    assert links(response) == {"prev": "http://localhost/api/shelves?page=1&per_page=2"}


def test_the_index_links_its_pages(client, seeded):
    client.post("/api/shelves", json={"name": "Poetry"})
    html = client.get("/?per_page=2").text
    assert "<h2>Fiction</h2>" in html
    assert "<h2>Poetry</h2>" in html
    assert "Science" not in html
    assert '<a rel="next" href="/?page=2&amp;per_page=2">Next</a>' in html
    html = client.get("/?page=2&per_page=2").text
    assert "<h2>Science</h2>" in html
    assert "Fiction" not in html
    assert '<a rel="prev" href="/?page=1&amp;per_page=2">Previous</a>' in html
    assert 'rel="next"' not in html


def test_one_index_page_has_no_links(client, seeded):
    assert "<nav" not in client.get("/").text


@pytest.mark.parametrize(("query", "status"), [("page=abc", 400), ("page=0", 400), ("page=2", 404)])
def test_bad_index_pages_are_html_errors(client, seeded, query, status):
    response = client.get(f"/?{query}")
    assert (response.status_code, response.mimetype) == (status, "text/html")
