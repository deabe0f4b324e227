"""examples/in_the_box/wsgi/app_finder.py: finds apps and factories, names what fails."""

import sys
import textwrap

import pytest


@pytest.fixture
def find_apps(example):
    return example.module.find_apps


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))


def test_apps_factories_and_failures_are_all_reported(find_apps, tmp_path):
    examples = tmp_path / "examples"
    write(examples / "one" / "plain.py", "from flask import Flask\napp = Flask(__name__)\n")
    write(examples / "one" / "reuses.py", "from plain import app\n")  # not its own app
    write(examples / "one" / "tests" / "test_x.py", "raise SystemExit\n")  # tests: skipped
    write(
        examples / "pkg" / "pkg" / "__init__.py",
        """
        from flask import Flask

        def create_app(test_config=None):
            app = Flask(__name__)
            app.config.from_mapping(test_config)
            return app
        """,
    )
    write(examples / "one" / "mounts.py", "from plain import app as application\n")  # a Flask app
    write(examples / "one" / "wsgi.py", "def application(environ, start_response): ...\n")
    write(examples / "one" / "tenants.py", "def create_app(tenant): ...\n")
    write(examples / "broken" / "typo.py", "import flask\nflask.Flak\n")
    write(examples / "broken" / "factory.py", "def create_app(test_config=None):\n    1 / 0\n")
    found = dict(find_apps(examples, tmp_path / "instance"))
    assert sorted(found) == [
        "examples/broken/factory.py: create_app()",
        "examples/broken/typo.py",
        "examples/one/plain.py: app",
        "examples/one/tenants.py: create_app()",
        "examples/one/wsgi.py: application",
        "examples/pkg/pkg/__init__.py: create_app()",
    ]
    assert (
        found["examples/one/tenants.py: create_app()"] == "create_app(tenant) takes no test_config"
    )
    assert isinstance(found["examples/broken/typo.py"], AttributeError)
    assert isinstance(found["examples/broken/factory.py: create_app()"], ZeroDivisionError)
    app = found["examples/pkg/pkg/__init__.py: create_app()"]
    assert app.testing
    assert app.instance_path == str(tmp_path / "instance" / "pkg")
    assert "plain" not in sys.modules
    assert "pkg" not in sys.modules


def test_modules_already_imported_come_back_afterwards(find_apps, tmp_path):
    write(tmp_path / "examples" / "x" / "textwrap.py", "app = None\n")
    list(find_apps(tmp_path / "examples", tmp_path / "instance"))
    assert sys.modules["textwrap"] is textwrap
