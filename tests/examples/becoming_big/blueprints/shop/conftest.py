"""The shop's blueprints are tested on the app that registers them both."""

import pytest


@pytest.fixture
def app(example):
    # `example` has put examples/becoming_big/blueprints first on sys.path.
    from shop import create_app

    return create_app()
