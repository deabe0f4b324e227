"""examples/becoming_big/class_based_views/plain_views.py: one View class, two URLs."""

import pytest


def test_each_url_gets_its_own_arguments(client):
    assert client.get("/colours").json == {"colours": ["red", "blue"]}
    assert client.get("/sizes").json == {"sizes": ["S", "M", "L"]}
    assert client.post("/sizes").status_code == 405


def test_as_view_needs_a_name(example):
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'name'"):
        example.module.ListView.as_view()
