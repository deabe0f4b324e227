"""Errors: JSON for every URL under /api/, routed or not; a page everywhere else."""

import pytest


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [("GET", "/api/me", 401), ("GET", "/api/nope", 404), ("POST", "/api/me", 405)],
)
def test_every_error_under_api_is_json(client, method, url, status):
    response = client.open(url, method=method)
    assert response.status_code == status
    assert response.content_type == "application/json"
    assert set(response.json) == {"error"}


def test_a_405_keeps_its_allow_header(client):
    response = client.post("/api/me")
    assert sorted(response.allow) == ["GET", "HEAD", "OPTIONS"]


@pytest.mark.parametrize("url", ["/nope", "/apis", "/api", "/.git/config", "/static/"])
def test_other_errors_are_pages(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "<h1>Not Found</h1>" in response.text


def test_an_exception_in_a_view_answers_a_generic_500(tmp_path):
    """Outside testing, an unexpected error shows Flask's generic message, no traceback."""
    from accounts import create_app

    app = create_app({"SECRET_KEY": "k", "DATABASE": str(tmp_path / "db.sqlite")})
    app.logger.disabled = True  # the traceback goes to the log, which is not under test

    def broken():
        raise RuntimeError("a secret detail")

    app.add_url_rule("/broken", "broken", broken)
    response = app.test_client().get("/broken")
    assert response.status_code == 500
    assert "<h1>Internal Server Error</h1>" in response.text
    assert "secret detail" not in response.text
    assert "Traceback" not in response.text
