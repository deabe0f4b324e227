"""examples/becoming_big/hooks/converters.py: a list converter, both ways."""

import pytest
from flask import url_for


def test_the_url_becomes_a_list(client):
    response = client.get("/compare/flask,django,pyramid")
    assert response.json == {"names": ["flask", "django", "pyramid"], "count": 3}


def test_a_list_becomes_a_quoted_url(app):
    with app.test_request_context():
        assert url_for("compare", names=["flask", "web app"]) == "/compare/flask,web%20app"


def test_a_quoted_comma_arrives_as_a_comma(client):
    assert client.get("/compare/web%2Capp").json["names"] == ["web", "app"]


def test_a_name_with_a_comma_is_refused(app):
    with app.test_request_context(), pytest.raises(ValueError, match="cannot contain a comma"):
        url_for("compare", names=["web,app"])
