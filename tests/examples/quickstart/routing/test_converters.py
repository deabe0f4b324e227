"""examples/quickstart/routing/converters.py: every built-in converter, and what each refuses."""

import uuid

import pytest


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/user/ada", "str 'ada'"),
        ("/post/42", "int 42"),
        ("/price/9.99", "float 9.99"),
        ("/files/docs/2024/report.pdf", "str 'docs/2024/report.pdf'"),
        (
            "/orders/12345678-1234-5678-1234-567812345678",
            f"UUID {uuid.UUID('12345678-1234-5678-1234-567812345678')!r}",
        ),
    ],
)
def test_each_converter_hands_the_view_its_type(client, url, body):
    response = client.get(url)
    assert (response.status_code, response.text) == (200, body)


@pytest.mark.parametrize(
    "url",
    ["/user/ada/lovelace", "/post/abc", "/post/-1", "/price/10", "/orders/not-a-uuid"],
)
def test_a_value_the_converter_refuses_is_not_found(client, url):
    assert client.get(url).status_code == 404
