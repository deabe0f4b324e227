"""examples/patterns/deferred_callbacks/language.py: a cookie set by a deferred callback."""

import pytest


def cookie_of(response):
    return response.headers.get("Set-Cookie", "").partition(";")[0]


def test_a_chosen_language_is_greeted_and_remembered(client):
    response = client.get("/?lang=fr")
    assert response.text == "<p>Bonjour!</p>"
    assert cookie_of(response) == "lang=fr"
    assert "HttpOnly" in response.headers["Set-Cookie"]
    assert "SameSite=Lax" in response.headers["Set-Cookie"]


def test_the_callback_runs_for_that_request_only(client):
    client.get("/?lang=de")
    again = client.get("/")
    assert again.text == "<p>Hallo!</p>"
    assert "Set-Cookie" not in again.headers
    same = client.get("/?lang=de")  # already remembered: nothing to set
    assert "Set-Cookie" not in same.headers


def test_a_new_choice_replaces_the_old_one(client):
    client.get("/?lang=de")
    assert cookie_of(client.get("/?lang=fr")) == "lang=fr"
    assert client.get("/").text == "<p>Bonjour!</p>"


@pytest.mark.parametrize("asked", ["xx", "", "FR", "<script>", "fr; Path=/admin", "fr\r\nX: y"])
def test_what_is_not_a_language_is_not_remembered(client, asked):
    response = client.get("/", query_string={"lang": asked})
    assert response.text == "<p>Hello!</p>"
    assert "Set-Cookie" not in response.headers


def test_a_forged_cookie_falls_back_to_english(client):
    client.set_cookie("lang", "<script>")
    assert client.get("/").text == "<p>Hello!</p>"


def test_a_404_still_gets_the_cookie(client):
    response = client.get("/nowhere?lang=de")
    assert response.status_code == 404
    assert cookie_of(response) == "lang=de"


def test_every_response_varies_on_the_cookie(client):
    assert client.get("/").headers["Vary"] == "Cookie"
    assert client.get("/nowhere").headers["Vary"] == "Cookie"
