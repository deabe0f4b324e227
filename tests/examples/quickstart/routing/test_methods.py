"""examples/quickstart/routing/methods.py: methods per rule, 405 with Allow, HEAD and OPTIONS."""


def allowed(response):
    return sorted(response.headers["Allow"].split(", "))


def test_one_view_answers_get_with_a_form_that_posts_back(client):
    assert client.get("/login").text == '<form method="post"><button>Log in</button></form>'
    assert client.post("/login").text == "Logging you in"


def test_get_and_post_shortcuts_route_to_two_views(client):
    assert client.get("/notes").text == "All the notes"
    response = client.post("/notes")
    assert (response.status_code, response.text) == (201, "Note added")


def test_a_method_not_listed_is_405_with_allow(client):
    response = client.delete("/login")
    assert response.status_code == 405
    assert allowed(response) == ["GET", "HEAD", "OPTIONS", "POST"]


def test_head_has_the_headers_of_get_and_no_body(client):
    get, head = client.get("/notes"), client.head("/notes")
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["Content-Length"] == get.headers["Content-Length"] == "13"


def test_options_lists_the_methods(client):
    response = client.options("/notes")
    assert response.status_code == 200
    assert allowed(response) == ["GET", "HEAD", "OPTIONS", "POST"]
