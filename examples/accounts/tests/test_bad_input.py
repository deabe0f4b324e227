"""Hostile input in every field: refused with a 4xx, or stored as plain text and escaped."""

import pytest

from accounts_testing import PASSWORD, new_user, submit

SCRIPT = "<script>alert('x')</script>"
SQL = "'); DROP TABLE user; --"


def test_html_in_a_display_name_is_escaped_on_every_page(app, client, mailbox):
    new_user(client, mailbox, "eve@example.com", PASSWORD, name=SCRIPT)
    app.test_cli_runner().invoke(args=["admin", "grant", "eve@example.com", "admin"])
    submit(client, "/login", {"email": "eve@example.com", "password": PASSWORD})
    for url in ("/", "/admin/users"):
        page = client.get(url).text
        assert SCRIPT not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page


@pytest.mark.parametrize("field", ["email", "display_name", "password"])
def test_sql_in_any_registration_field_is_data_not_code(client, mailbox, snapshot, field):
    form = {"email": "eve@example.com", "display_name": "Eve", "password": PASSWORD}
    response = submit(client, "/register", {**form, field: SQL + form[field]})
    tables = snapshot()
    assert sorted(tables) == ["api_token", "login_failure", "outbox", "role", "user"]
    if field == "email":
        assert response.status_code == 400
        assert tables["user"] == []
    else:
        assert response.status_code == 200
        assert len(tables["user"]) == 1


@pytest.mark.parametrize(
    ("url", "status"),
    [("/login", 400), ("/reset", 200), ("/admin/users/1/roles", 403), ("/profile", 400)],
)
def test_sql_in_the_other_forms_changes_nothing(client, ada, snapshot, url, status):
    submit(client, "/login", {"email": ada, "password": PASSWORD})
    before = snapshot()
    fields = {"email": SQL, "password": SQL, "role": SQL, "display_name": SQL * 3}
    assert submit(client, url, fields).status_code == status
    assert snapshot() == before


def test_sql_in_a_token_name_is_stored_as_text(client, ada, snapshot):
    submit(client, "/login", {"email": ada, "password": PASSWORD})
    assert submit(client, "/tokens", {"name": SQL}).status_code == 201
    assert snapshot()["api_token"][0][2] == SQL


@pytest.mark.parametrize(
    "email",
    [
        "\u0430da@example.com",  # Cyrillic a
        "ada@ex\u0430mple.com",
        "\uff41da@example.com",  # fullwidth a
        "ada@example.com\u200b",  # zero-width space
        "ad\u0430@example.com",
        "ada@\u00e9xample.com",
    ],
)
def test_look_alike_and_non_ascii_emails_are_refused(client, ada, snapshot, email):
    before = snapshot()
    form = {"email": email, "display_name": "Eve", "password": PASSWORD}
    response = submit(client, "/register", form)
    assert response.status_code == 400
    assert "Write the email address in ASCII letters" in response.text
    assert snapshot() == before


def test_an_oversized_body_is_refused_before_it_is_read(client, snapshot):
    before = snapshot()
    response = client.post("/register", data={"display_name": "x" * 20_000})
    assert response.status_code == 413
    assert snapshot() == before


@pytest.mark.parametrize(
    ("field", "size"), [("email", 255), ("display_name", 51), ("password", 129)]
)
def test_oversized_fields_are_refused(client, snapshot, field, size):
    form = {"email": "eve@example.com", "display_name": "Eve", "password": PASSWORD}
    value = ("e" * (size - 12) + "@example.com") if field == "email" else "x" * size
    response = submit(client, "/register", {**form, field: value})
    assert response.status_code == 400
    assert snapshot()["user"] == []


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/tokens/9223372036854775807/revoke", 404),  # the largest SQLite integer
        ("/tokens/9223372036854775808/revoke", 404),
        ("/tokens/99999999999999999999999999/revoke", 404),
        ("/admin/users/9223372036854775808/roles", 404),
    ],
)
def test_an_id_beyond_64_bits_is_not_found_not_a_500(app, client, ada, mailbox, url, status):
    new_user(client, mailbox, "grace@example.com", PASSWORD, name="Grace")
    app.test_cli_runner().invoke(args=["admin", "grant", "grace@example.com", "admin"])
    submit(client, "/login", {"email": "grace@example.com", "password": PASSWORD})
    response = submit(client, url, {"role": "editor"})
    assert response.status_code == status


def test_a_form_field_without_a_name_is_a_400_not_a_500(client):
    body = b"--b\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--b--\r\n"
    response = client.post("/login", data=body, content_type="multipart/form-data; boundary=b")
    assert response.status_code == 400
    assert "Every field of a form needs a name." in response.text
