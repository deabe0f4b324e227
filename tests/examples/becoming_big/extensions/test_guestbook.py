"""examples/becoming_big/extensions/guestbook.py: an app using the extension."""


def test_signatures_are_kept_and_every_connection_closed(use_example, tmp_path):
    use_example("becoming_big/extensions")
    from guestbook import create_app

    app = create_app({"SQLITE_PATH": str(tmp_path / "guestbook.sqlite")})
    client = app.test_client()
    assert client.post("/sign", data={"name": "Ada"}).status_code == 204
    assert client.post("/sign", data={"name": "Grace"}).status_code == 204
    assert client.get("/").json == ["Ada", "Grace"]
    state = app.extensions["sqlite_store"]
    assert state.opened == state.closed == 4  # the table, two signatures, one listing


def test_a_missing_name_is_400_and_writes_nothing(use_example, tmp_path):
    use_example("becoming_big/extensions")
    from guestbook import create_app

    client = create_app({"SQLITE_PATH": str(tmp_path / "guestbook.sqlite")}).test_client()
    assert client.post("/sign").status_code == 400
    assert client.get("/").json == []
