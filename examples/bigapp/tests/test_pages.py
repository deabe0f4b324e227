"""The HTML pages."""


def test_the_index_lists_shelves_and_books(client, seeded):
    html = client.get("/").text
    assert html.index("<h2>Fiction</h2>") < html.index("<h2>Science</h2>")
    assert '<a href="/books/2">Kindred</a>' in html


def test_an_empty_database_says_how_to_seed_it(client):
    assert "run <code>flask --app bigapp seed</code>" in client.get("/").text


def test_a_book_has_its_page(client, seeded):
    html = client.get("/books/3").text
    assert "<h2>The Double Helix</h2>" in html
    assert "1968, on the shelf Science." in html


def test_an_unknown_book_is_an_html_404(client, seeded):
    response = client.get("/books/99")
    assert (response.status_code, response.mimetype) == (404, "text/html")
    assert "There is no book 99." in response.text


def test_an_unknown_page_keeps_flasks_html_404(client):
    response = client.get("/nowhere")
    assert (response.status_code, response.mimetype) == (404, "text/html")
    assert "<h1>Not Found</h1>" in response.text


def test_titles_are_escaped(client, seeded):
    client.post("/api/books", json={"title": "<b>Bold</b>", "year": 2000, "shelf_id": 1})
    assert "&lt;b&gt;Bold&lt;/b&gt;" in client.get("/books/4").text
