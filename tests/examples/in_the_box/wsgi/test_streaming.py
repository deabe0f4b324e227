"""examples/in_the_box/wsgi/streaming.py: a streamed response and a redirect."""


def test_the_countdown_is_streamed_and_launch_redirects_to_it(use_example):
    use_example("in_the_box/wsgi")
    from streaming import app

    client = app.test_client()
    with client.get("/countdown") as response:
        assert response.is_streamed
        assert "Content-Length" not in response.headers
        assert response.text == "3\n2\n1\nliftoff\n"
    assert client.get("/launch").location == "/countdown"
