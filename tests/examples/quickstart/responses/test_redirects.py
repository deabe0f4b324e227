"""examples/quickstart/responses/redirects.py: redirect, abort and a custom 404 page."""


def test_the_index_redirects_to_the_dashboard(client):
    response = client.get("/")
    assert (response.status_code, response.location) == (302, "/dashboard")


def test_the_dashboard_aborts_with_401(client):
    response = client.get("/", follow_redirects=True)
    assert response.status_code == 401
    assert response.request.path == "/dashboard"
    assert "<title>401 Unauthorized</title>" in response.text


def test_an_unknown_url_gets_the_custom_404_page(client):
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert "<h1>Nothing here</h1>" in response.text
    assert '<a href="/">home</a>' in response.text
