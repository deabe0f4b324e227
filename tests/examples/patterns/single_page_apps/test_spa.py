"""examples/patterns/single_page_apps/spa.py: API JSON, files as files, the shell for the rest."""

import pytest
from flask import send_from_directory
from werkzeug.exceptions import NotFound


def get(client, path, **kwargs):
    with client.get(path, **kwargs) as response:
        return response.status_code, response.mimetype, response.headers, response.get_data()


def test_the_api_answers_json(client):
    assert client.get("/api/books").json == {
        "books": [{"id": 1, "title": "Dune"}, {"id": 2, "title": "Solaris"}]
    }
    assert client.get("/api/books/1").json == {"id": 1, "title": "Dune"}


@pytest.mark.parametrize(
    "path", ["/api/books/9", "/api/nope", "/api/", "/api/books/1/x", "/api/index.html"]
)
def test_an_unknown_api_path_is_a_json_404_not_the_shell(client, path):
    status, mimetype, _, body = get(client, path)
    assert (status, mimetype) == (404, "application/json")
    assert b"<!doctype" not in body.lower()


def test_api_without_its_slash_is_redirected_to_the_api(client):
    response = client.get("/api")
    assert (response.status_code, response.location) == (308, "http://localhost/api/")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_a_wrong_method_on_the_api_is_a_json_405(client, method):
    response = client.open("/api/books", method=method)
    assert (response.status_code, response.json) == (405, {"error": "Method Not Allowed"})


@pytest.mark.parametrize("path", ["/", "/books/2", "/settings/profile", "/apiary", "/x.js"])
def test_every_other_path_gets_the_shell_uncached(client, path):
    status, mimetype, headers, body = get(client, path, follow_redirects=True)
    assert (status, mimetype) == (200, "text/html")
    assert headers["Cache-Control"] == "no-cache"
    assert b'<main id="app">' in body


def test_the_shell_stays_no_cache_whatever_the_default(app):
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600
    status, _, headers, _ = get(app.test_client(), "/books/2")
    assert "no-cache" in headers["Cache-Control"]


def test_the_shell_can_be_revalidated(client):
    etag = get(client, "/")[2]["ETag"]
    assert get(client, "/books/2", headers={"If-None-Match": etag})[0] == 304


def test_an_asset_is_a_file_kept_for_a_year(client, example):
    status, mimetype, headers, body = get(client, "/assets/app-3f9a1c.js")
    assert (status, mimetype) == (200, "text/javascript")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert body == (example.folder / "frontend/assets/app-3f9a1c.js").read_bytes()


def test_a_missing_asset_is_a_404_not_the_shell(client):
    status, mimetype, _, body = get(client, "/assets/app-0ld0ne.js")
    assert status == 404
    assert b'<main id="app">' not in body


def test_the_favicon_is_an_icon_kept_for_a_week(client, example):
    status, mimetype, headers, body = get(client, "/favicon.ico")
    assert (status, mimetype) == (200, "image/vnd.microsoft.icon")
    assert headers["Cache-Control"] == "public, max-age=604800"
    assert body == (example.folder / "frontend/favicon.ico").read_bytes()
    assert body[:4] == b"\x00\x00\x01\x00"


def test_index_html_by_name_is_the_shell_too(client):
    status, mimetype, headers, body = get(client, "/index.html")
    assert (status, mimetype) == (200, "text/html")
    assert b'<main id="app">' in body


@pytest.mark.parametrize(
    "path",
    [
        "/../spa.py",
        "/..%2fspa.py",
        "/%2e%2e/spa.py",
        "/assets/../../spa.py",
        "/assets/..%2f..%2fspa.py",
        "/frontend/../spa.py",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/assets//etc/passwd",
        "/..\\spa.py",
    ],
)
def test_no_path_reads_outside_the_folder(client, path):
    status, _, _, body = get(client, path)
    assert status in (200, 404)
    assert b"Flask" not in body
    assert b"root:" not in body


def test_send_from_directory_refuses_to_leave_the_folder(app, example):
    with app.test_request_context(), pytest.raises(NotFound):
        send_from_directory(example.module.FRONTEND, "../spa.py")


@pytest.mark.parametrize("path", ["/" + "a" * 5000, "/a\x00b", "/%ff%fe"])
def test_odd_paths_get_the_shell_not_a_500(client, path):
    assert get(client, path)[0] == 200
