"""examples/becoming_big/class_based_views/json_errors.py: HTTP errors as JSON."""

from flask import Flask, abort


def test_any_http_error_is_json_and_422_lists_fields(example):
    app = Flask(__name__)
    example.module.install(app)

    @app.get("/teapot")
    def teapot():
        abort(418)

    @app.get("/invalid")
    def invalid():
        raise example.module.InvalidFields({"name": "required"})

    client = app.test_client()
    assert client.get("/teapot").json["error"] == "I'm a teapot"
    response = client.get("/invalid")
    assert response.status_code == 422
    assert response.json == {
        "error": "Unprocessable Entity",
        "message": "Some fields are missing or wrong.",
        "fields": {"name": "required"},
    }
