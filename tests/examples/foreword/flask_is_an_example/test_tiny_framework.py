"""examples/foreword/flask_is_an_example/tiny_framework.py: a framework in one file.

Routing, responses, HTTP errors and templates.
"""

import pytest
from werkzeug.test import Client
from werkzeug.wrappers import Response


@pytest.fixture
def tiny(example, tmp_path):
    """A Tiny app whose templates folder is a temporary one, with one template in it."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<h1>{{ title }}</h1>")
    (tmp_path / "templates" / "page.txt").write_text("{{ title }}")
    return example.module.Tiny(tmp_path / "templates")


def test_a_view_gets_the_request_and_the_url_arguments(tiny):
    @tiny.route("/items/<int:number>")
    def item(request, number):
        return f"{request.method} {request.args['q']} {number + 1}"

    response = Client(tiny).get("/items/41?q=x")
    assert (response.status_code, response.text) == (200, "GET x 42")
    assert response.content_type == "text/html; charset=utf-8"


def test_a_response_object_is_sent_as_it_is(tiny):
    @tiny.route("/plain")
    def plain(request):
        return Response("plain", status=202, mimetype="text/plain")

    response = Client(tiny).get("/plain")
    assert (response.status_code, response.content_type) == (202, "text/plain; charset=utf-8")


def test_unknown_urls_and_wrong_methods_are_http_errors(tiny):
    tiny.route("/")(lambda request: "home")
    client = Client(tiny)
    assert client.get("/missing").status_code == 404
    response = client.post("/")
    assert response.status_code == 405
    assert sorted(response.headers["Allow"].split(", ")) == ["GET", "HEAD"]


def test_templates_come_from_the_folder_it_is_given(example, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "page.html").write_text("elsewhere")
    assert example.module.Tiny(str(tmp_path / "elsewhere")).render("page.html") == "elsewhere"


def test_html_templates_escape_and_text_templates_do_not(tiny):
    assert tiny.render("page.html", title="<b>") == "<h1>&lt;b&gt;</h1>"
    assert tiny.render("page.txt", title="<b>") == "<b>"


def test_an_error_in_a_view_reaches_the_server(tiny):
    """Nothing turns an unexpected exception into a 500: that is the server's job here."""

    @tiny.route("/boom")
    def boom(request):
        raise LookupError("a bug")

    with pytest.raises(LookupError, match="a bug"):
        Client(tiny).get("/boom")
