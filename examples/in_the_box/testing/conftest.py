import pytest
from todo import create_app


@pytest.fixture
def app():
    return create_app({"TESTING": True, "TODOS": ["write tests"]})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
