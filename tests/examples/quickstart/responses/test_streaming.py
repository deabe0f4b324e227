"""examples/quickstart/responses/streaming.py: a generator streamed row by row."""


def test_the_rows_arrive_one_chunk_each(client):
    response = client.get("/people.csv")
    assert response.is_streamed
    assert "Content-Length" not in response.headers
    rows = [b"name,born\n", b"Ada,1815\n", b"Grace,1906\n", b"Linus,1969\n"]
    with response:
        assert list(response.iter_encoded()) == rows


def test_the_generator_reads_the_request_after_the_view_returned(client):
    response = client.get("/people.csv?sep=;")
    assert response.content_type == "text/csv"
    assert response.text.splitlines()[:2] == ["name;born", "Ada;1815"]
