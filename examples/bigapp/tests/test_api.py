"""The JSON API: every route, with good input."""


def test_shelves_are_listed_and_created(client):
    assert client.get("/api/shelves").json == []
    response = client.post("/api/shelves", json={"name": "Poetry"})
    assert (response.status_code, response.json) == (201, {"id": 1, "name": "Poetry"})
    assert client.get("/api/shelves").json == [{"id": 1, "name": "Poetry"}]


def test_a_book_is_created_with_its_location(client, seeded):
    book = {"title": "Dune", "year": 1965, "shelf_id": 1}
    response = client.post("/api/books", json=book)
    assert response.status_code == 201
    assert response.json == {"id": 4, **book}
    assert response.headers["Location"] == "http://localhost/api/books/4"
    assert client.get("/api/books/4").json == {"id": 4, **book}


def test_books_are_listed_oldest_first(client, seeded):
    titles = [book["title"] for book in client.get("/api/books").json]
    assert titles == ["Middlemarch", "The Double Helix", "Kindred"]


def test_a_book_is_updated_field_by_field(client, seeded):
    response = client.patch("/api/books/2", json={"year": 1980, "shelf_id": 2})
    assert response.status_code == 200
    assert response.json == {"id": 2, "title": "Kindred", "year": 1980, "shelf_id": 2}
    assert client.get("/api/books/2").json["year"] == 1980


def test_a_book_is_deleted(client, seeded, rows):
    from bigapp.models import Book

    response = client.delete("/api/books/1")
    assert (response.status_code, response.data) == (204, b"")
    assert client.get("/api/books/1").status_code == 404
    assert rows(Book) == 2


def test_the_location_follows_the_proxy_when_it_is_trusted(database_url):
    from bigapp import create_app

    config = {"SECRET_KEY": "s", "DATABASE_URL": database_url, "TRUSTED_PROXIES": 1}
    app = create_app(config)
    app.test_cli_runner().invoke(args=["init-db"])
    client = app.test_client()
    client.post("/api/shelves", json={"name": "Poetry"})
    # What nginx passes on, and an X-Forwarded-Host a visitor added that nginx lets through.
    forwarded = {"Host": "books.example.org", "X-Forwarded-Proto": "https"}
    book = {"title": "Odes", "year": 1819, "shelf_id": 1}
    response = client.post("/api/books", json=book, headers=forwarded)
    assert response.headers["Location"] == "https://books.example.org/api/books/1"
    forged = {**forwarded, "X-Forwarded-Host": "evil.example"}
    response = client.post("/api/books", json=book, headers=forged)
    assert response.headers["Location"] == "https://books.example.org/api/books/2"
    with app.app_context():
        from bigapp.db import db

        db.engine.dispose()
