"""examples/quickstart/routing/slashes.py: a trailing slash redirects; a missing one is 404."""


def test_the_bare_url_of_a_folder_redirects_permanently(client):
    response = client.get("/recipes")
    assert response.status_code == 308
    assert response.location == "http://localhost/recipes/"
    assert client.get("/recipes", follow_redirects=True).text == "All the recipes"


def test_a_file_like_url_with_a_slash_is_not_found(client):
    assert client.get("/faq").text == "Frequently asked questions"
    assert client.get("/faq/").status_code == 404
