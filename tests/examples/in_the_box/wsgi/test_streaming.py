"""examples/in_the_box/wsgi/streaming.py: a streamed response and a redirect."""


def test_the_countdown_is_streamed_and_launch_redirects_to_it(client):
    with client.get("/countdown") as response:
        assert response.is_streamed
        assert "Content-Length" not in response.headers
        assert response.text == "3\n2\n1\nliftoff\n"
    assert client.get("/launch").location == "/countdown"
