"""examples/quickstart/routing/links.py: URLs built from endpoint names, quoted as needed."""

from flask import request, url_for


def test_url_for_quotes_the_path_and_the_query(app):
    with app.test_request_context():
        assert url_for("index") == "/"
        assert url_for("profile", username="Ada Lovelace") == "/user/Ada%20Lovelace"
        assert url_for("search", q="fish & chips", page=2) == "/search?q=fish+%26+chips&page=2"
        assert url_for("profile", username="x", _external=True) == "http://localhost/user/x"


def test_the_links_on_the_index_lead_to_the_views(app):
    client = app.test_client()
    html = client.get("/").text
    assert html == (
        '<a href="/user/Ada%20Lovelace">Ada</a> <a href="/search?q=fish+%26+chips&page=2">Fish</a>'
    )
    assert client.get("/user/Ada%20Lovelace").text == "The profile of Ada Lovelace"
    with app.test_request_context("/search?q=fish+%26+chips&page=2"):
        assert request.args.to_dict() == {"q": "fish & chips", "page": "2"}
