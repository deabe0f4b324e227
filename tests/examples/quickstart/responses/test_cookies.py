"""examples/quickstart/responses/cookies.py: a cookie with its attributes, read back."""


def test_setting_the_cookie_sends_every_attribute(client):
    response = client.post("/theme/dark")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("theme=dark; Expires=")
    assert cookie.endswith("; Max-Age=31536000; Secure; HttpOnly; Path=/; SameSite=Lax")


def test_the_browser_sends_it_back(client):
    assert client.get("/").text == "Theme: light"
    client.post("/theme/dark")
    assert client.get("/").text == "Theme: dark"


def test_an_unknown_theme_is_refused_and_sets_nothing(client):
    response = client.post("/theme/neon")
    assert response.status_code == 400
    assert "Set-Cookie" not in response.headers


def test_a_forged_cookie_value_is_ignored(client):
    client.set_cookie("theme", "<script>")
    assert client.get("/").text == "Theme: light"
