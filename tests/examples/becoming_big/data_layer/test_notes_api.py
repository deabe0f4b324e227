"""examples/becoming_big/data_layer/notes_api.py: every store gives the same answers.

Each test runs against the four variants (conftest.VARIANTS) and states the one
answer all of them must give: same status, same JSON.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import VARIANTS

ADA = {"title": "Read Ada's notes", "tags": ["history", "maths"]}


@pytest.fixture(params=VARIANTS)
def client(request, make_app):
    return make_app(request.param).test_client()


def answer(response):
    return response.status_code, response.get_json(silent=True)


def test_a_new_store_is_empty(client):
    assert answer(client.get("/notes")) == (200, [])


def test_an_added_note_is_shown_and_listed(client):
    response = client.post("/notes", json=ADA)
    assert answer(response) == (201, {"id": 1, **ADA})
    assert response.headers["Location"] == "/notes/1"
    assert answer(client.get("/notes/1")) == (200, {"id": 1, **ADA})
    assert answer(client.get("/notes")) == (200, [{"id": 1, **ADA}])


def test_notes_are_listed_oldest_first_with_their_own_ids(client):
    # Past 9, ids must sort as numbers. With values over 64 bytes, a Redis hash
    # is stored as a hash table and stops returning them in insertion order.
    titles = [f"note {n:<2} " + "." * 70 for n in range(1, 13)]
    for title in titles:
        client.post("/notes", json={"title": title})
    listed = client.get("/notes").json
    assert [(note["id"], note["title"]) for note in listed] == list(enumerate(titles, 1))


def test_tags_are_optional_and_kept_in_order(client):
    assert client.post("/notes", json={"title": "bare"}).json["tags"] == []
    assert client.post("/notes", json={"title": "t", "tags": ["b", "a"]}).json["tags"] == ["b", "a"]


def test_text_round_trips_unchanged(client):
    note = {"title": "Café ☕ \"quoted\" 'single' \\ back", "tags": ["é", "naïve", "x y"]}
    note_id = client.post("/notes", json=note).json["id"]
    assert client.get(f"/notes/{note_id}").json == {"id": note_id, **note}


@pytest.mark.parametrize(
    ("sent", "error"),
    [
        ({"tags": ["x"]}, "title is required"),
        ({"title": "   "}, "title is required"),
        ({"title": 42}, "title is required"),
        ({"title": "x" * 101}, "title is longer than 100 characters"),
        ({"title": "t", "tags": "flask"}, "tags must be a list of at most 5 tags"),
        ({"title": "t", "tags": list("abcdef")}, "tags must be a list of at most 5 tags"),
        ({"title": "t", "tags": ["x" * 21]}, "each tag must be a string of 1 to 20 characters"),
        ({"title": "t", "tags": [""]}, "each tag must be a string of 1 to 20 characters"),
        ({"title": "t", "tags": [1]}, "each tag must be a string of 1 to 20 characters"),
        ({"title": "a\x00b"}, "text must not contain NUL characters"),
        ({"title": "t", "tags": ["a\x00"]}, "text must not contain NUL characters"),
        ({"title": "\ud800"}, "text must not contain lone surrogates"),
        ({"title": "t", "tags": ["a\udfff"]}, "text must not contain lone surrogates"),
        (["a list"], "send a JSON object"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(client, sent, error):
    assert answer(client.post("/notes", json=sent)) == (400, {"error": error})
    assert client.get("/notes").json == []


def test_a_body_that_is_not_json_is_refused(client):
    response = client.post("/notes", data="title=x", content_type="text/plain")
    assert answer(response) == (400, {"error": "send a JSON object"})


def test_json_nested_too_deep_is_refused(client):
    deep = "[" * 100_000 + "]" * 100_000  # past Python's parser: RecursionError
    response = client.post("/notes", data=deep, content_type="application/json")
    assert answer(response) == (400, {"error": "send a JSON object"})


def test_the_largest_note_allowed_is_stored(client):
    note = {"title": "x" * 100, "tags": ["y" * 20] * 5}
    assert answer(client.post("/notes", json=note)) == (201, {"id": 1, **note})


def test_an_unknown_id_is_not_found(client):
    client.post("/notes", json=ADA)
    assert answer(client.get("/notes/2")) == (404, {"error": "no note 2"})
    assert answer(client.get("/notes/0")) == (404, {"error": "no note 0"})
    assert client.get("/notes/2147483648").status_code == 404  # past every store's integer
    assert client.get("/notes/99999999999999999999").status_code == 404


@pytest.mark.parametrize("variant", VARIANTS)
def test_notes_outlive_the_app(make_app, variant):
    """A second app on the same store sees the first app's notes: they were stored."""
    make_app(variant).test_client().post("/notes", json=ADA)
    again = make_app(variant).test_client()
    assert answer(again.get("/notes/1")) == (200, {"id": 1, **ADA})


@pytest.mark.parametrize("variant", VARIANTS)
def test_requests_at_the_same_time_get_distinct_ids(make_app, variant):
    """Twenty clients in twenty threads add a note each: no id is handed out twice."""
    app = make_app(variant)

    def add(number):
        return app.test_client().post("/notes", json={"title": f"note {number}"}).json["id"]

    with ThreadPoolExecutor(max_workers=20) as pool:
        ids = list(pool.map(add, range(20)))
    assert sorted(ids) == list(range(1, 21))
    assert len(app.test_client().get("/notes").json) == 20
