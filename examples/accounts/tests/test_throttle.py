"""Per-client limits: past 20 posts a minute to a form, 429 with Retry-After."""

import pytest

from accounts_testing import said, submit


@pytest.mark.parametrize("url", ["/login", "/register", "/reset"])
def test_a_client_over_its_limit_gets_429_with_retry_after(client, clock, url):
    clock.advance(30)  # half a minute into the limit's window
    statuses = [submit(client, url, {"email": "x"}).status_code for _ in range(21)]
    assert statuses[:20] == [statuses[0]] * 20
    response = submit(client, url, {"email": "x"})
    assert said(response) == (429, "Too many requests from your address. Try again later.")
    assert response.headers["Retry-After"] == "30"
    other = {"environ_base": {"REMOTE_ADDR": "198.51.100.7"}}
    assert submit(client, url, {"email": "x"}, **other).status_code != 429  # another client
    clock.advance(30)
    assert submit(client, url, {"email": "x"}).status_code != 429  # the next minute


def test_the_basic_auth_api_is_limited_too(client, clock):
    """One guess each for 21 addresses: the lockout of one address does not stop that."""
    statuses = [
        client.get("/api/basic/me", auth=(f"x{i}@example.com", "x")).status_code for i in range(21)
    ]
    assert statuses == [401] * 20 + [429]
