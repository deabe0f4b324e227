"""examples/in_the_box/rest/json_errors.py: every HTTP error as JSON."""


def test_an_unknown_url_is_a_json_404(client):
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert response.json["error"] == "Not Found"


def test_a_wrong_method_keeps_its_allow_header(client):
    response = client.delete("/items/1")
    assert response.status_code == 405
    assert response.json["error"] == "Method Not Allowed"
    assert sorted(response.headers["Allow"].split(", ")) == ["GET", "HEAD", "OPTIONS"]


def test_a_view_answers_its_own_json_errors(client):
    assert client.get("/items/2").json == {"error": "Not Found", "message": "No item 2."}
    assert client.get("/items/1").json == {"id": 1, "name": "apple"}
