"""examples/becoming_big/hooks/converters.py: a list converter, both ways."""

from flask import url_for


def test_the_url_becomes_a_list(client):
    response = client.get("/compare/flask,django,pyramid")
    assert response.json == {"names": ["flask", "django", "pyramid"], "count": 3}


def test_a_list_becomes_a_quoted_url(app):
    with app.test_request_context():
        assert url_for("compare", names=["flask", "web app"]) == "/compare/flask,web%20app"
