import pytest


@pytest.fixture
def app(example):
    # In your own project: `from todo import create_app` at the top of this file.
    # Here, the guide's `example` fixture (tests/examples/conftest.py) has imported
    # examples/in_the_box/testing/todo.py afresh for this test.
    return example.module.create_app({"TESTING": True, "TODOS": ["write tests"]})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
