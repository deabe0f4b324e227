"""examples/quickstart/request_data/request_data.py: query string, forms, JSON and headers."""


def test_the_query_string(client):
    assert client.get("/search?q=flask&page=2").json == {"q": "flask", "page": 2}
    assert client.get("/search?page=two").json == {"q": "", "page": 1}


def test_form_data_is_read_and_escaped(client):
    assert client.post("/login", data={"username": "<b>ada</b>"}).text == (
        "Hello, &lt;b&gt;ada&lt;/b&gt;"
    )


def test_a_missing_form_field_is_a_bad_request(client):
    assert client.post("/login", data={}).status_code == 400


def test_a_json_body_is_parsed(client):
    response = client.post("/api/notes", json={"text": "buy milk"})
    assert (response.status_code, response.json) == (201, {"saved": {"text": "buy milk"}})


def test_malformed_json_is_400_and_a_form_body_is_415(client):
    broken = client.post("/api/notes", data="{oops", content_type="application/json")
    assert broken.status_code == 400
    form = client.post("/api/notes", data={"text": "buy milk"})
    assert form.status_code == 415
    assert "the request Content-Type was not &#39;application/json&#39;" in form.text


def test_the_method_and_a_header(client):
    response = client.post("/whoami", headers={"User-Agent": "curl/8.5.0"})
    assert response.json == {"method": "POST", "user_agent": "curl/8.5.0"}


def test_json_nested_too_deep_is_400(client):
    deep = "[" * 100_000 + "]" * 100_000  # past Python's parser: RecursionError
    assert client.post("/api/notes", data=deep, content_type="application/json").status_code == 400
