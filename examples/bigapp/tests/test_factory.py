"""bigapp.create_app: where the configuration comes from, and what it refuses."""

import pytest

from bigapp import create_app


def test_test_config_overrides_the_defaults():
    app = create_app({"SECRET_KEY": "s", "DATABASE_URL": "sqlite://", "TESTING": True})
    assert app.testing
    assert app.config["DATABASE_URL"] == "sqlite://"
    assert app.config["MAX_CONTENT_LENGTH"] == 16 * 1024


def test_without_test_config_the_environment_configures_it(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "from the environment")
    monkeypatch.setenv("FLASK_DATABASE_URL", "sqlite://")
    monkeypatch.setenv("FLASK_MAX_CONTENT_LENGTH", "100")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from the environment"
    assert app.config["DATABASE_URL"] == "sqlite://"
    assert app.config["MAX_CONTENT_LENGTH"] == 100  # parsed as JSON: an int
    assert not app.testing


def test_the_default_database_is_sqlite_in_the_instance_folder(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "s")
    monkeypatch.delenv("FLASK_DATABASE_URL", raising=False)
    app = create_app()
    assert app.config["DATABASE_URL"] == f"sqlite:///{app.instance_path}/bigapp.sqlite"


def test_a_missing_secret_key_stops_the_app_at_start(monkeypatch):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set: export FLASK_SECRET_KEY"):
        create_app({"DATABASE_URL": "sqlite://"})


def test_proxy_fix_is_off_unless_proxies_are_trusted():
    direct = create_app({"SECRET_KEY": "s", "DATABASE_URL": "sqlite://"})
    behind = create_app({"SECRET_KEY": "s", "DATABASE_URL": "sqlite://", "TRUSTED_PROXIES": 1})
    assert type(direct.wsgi_app).__name__ == "method"
    assert type(behind.wsgi_app).__name__ == "ProxyFix"
