import pytest


@pytest.fixture
def app(use_example):
    # In your own project: `from todo import create_app` at the top of this file.
    # The guide's use_example fixture first puts examples/in_the_box/testing/ on sys.path.
    use_example("in_the_box/testing")
    from todo import create_app

    return create_app({"TESTING": True, "TODOS": ["write tests"]})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
