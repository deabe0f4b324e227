"""Fixtures: an app on a temporary database, a real SMTP server, a clock to move."""

import pytest

import accounts_testing as testing
from accounts import create_app
from accounts_testing import PASSWORD, Clock, Mailbox, config, new_user


@pytest.fixture
def mailbox():
    with Mailbox() as mailbox:
        yield mailbox


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def app(tmp_path, mailbox, clock):
    return create_app(config(tmp_path, mailbox.port, clock))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def ada(client, mailbox):
    """An active account; the client is not logged in."""
    assert new_user(client, mailbox, "ada@example.com", PASSWORD).status_code == 200
    return "ada@example.com"


@pytest.fixture
def snapshot(app):
    """snapshot() -> every row of every table, now."""
    return lambda: testing.snapshot(app)
