def test_the_list_starts_with_the_configured_todos(client):
    assert client.get("/todos").json == ["write tests"]


def test_posting_json_adds_a_todo(client):
    response = client.post("/todos", json={"title": "run them"})
    assert response.status_code == 201
    assert response.location == "/todos/1"
    assert client.get(response.location).json == {"title": "run them"}


def test_a_post_without_a_title_is_400(client):
    for body in [{"json": {}}, {"json": ["run them"]}, {"data": "title=run them"}]:
        assert client.post("/todos", **body).status_code == 400
    assert client.get("/todos").json == ["write tests"]


def test_an_unknown_index_is_not_found(client):
    assert client.get("/todos/9").status_code == 404


def test_the_add_command(runner, app):
    result = runner.invoke(args=["add", "ship it"])
    assert result.output == "2 to do\n"
    assert app.config["TODOS"] == ["write tests", "ship it"]
