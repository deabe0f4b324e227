"""examples/deploying/configuration/configured.py: the order of sources; no key, no start."""

import json
import os
import secrets
import subprocess
import tomllib
import urllib.request

import pytest

from harness.services.commands import BIN, free_port


@pytest.fixture
def create_app(example, monkeypatch, tmp_path):
    for name in [*os.environ]:
        if name.startswith("FLASK_") or name in ("APP_ENV", "APP_INSTANCE_PATH"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("APP_INSTANCE_PATH", str(tmp_path))
    return example.module.create_app


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", secrets.token_hex())


def test_production_without_a_key_refuses_to_start(create_app):
    with pytest.raises(RuntimeError, match="production needs FLASK_SECRET_KEY"):
        create_app()


def test_an_empty_key_is_no_key(create_app, monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "")
    with pytest.raises(RuntimeError, match="production needs FLASK_SECRET_KEY"):
        create_app()


def test_development_starts_without_a_key_and_signs_sessions(create_app, monkeypatch):
    monkeypatch.setenv("APP_ENV", "development")
    app = create_app()
    assert app.config["PAGE_SIZE"] == 5
    with app.test_request_context():
        assert app.session_interface.get_signing_serializer(app) is not None


def test_an_unknown_environment_is_refused(create_app, monkeypatch, key):
    monkeypatch.setenv("APP_ENV", "prod")
    with pytest.raises(RuntimeError, match="APP_ENV='prod' is not one of development, test"):
        create_app()


def test_the_environment_wins_over_the_file_which_wins_over_the_class(
    create_app, tmp_path, monkeypatch, key
):
    settings = tmp_path / "settings.toml"
    assert create_app().config["PAGE_SIZE"] == 20
    settings.write_text("PAGE_SIZE = 30\n")
    assert create_app().config["PAGE_SIZE"] == 30
    monkeypatch.setenv("FLASK_PAGE_SIZE", "50")
    assert create_app().config["PAGE_SIZE"] == 50


def test_lower_case_keys_in_the_file_are_not_settings(create_app, tmp_path, key):
    (tmp_path / "settings.toml").write_text("page_size = 30\n")
    config = create_app().config
    assert config["PAGE_SIZE"] == 20
    assert "page_size" not in config


def test_a_key_in_the_file_is_refused(create_app, tmp_path, key):
    (tmp_path / "settings.toml").write_text('SECRET_KEY = "written down"\n')
    with pytest.raises(RuntimeError, match="settings.toml must not hold the SECRET_KEY"):
        create_app()


def test_a_broken_file_stops_the_start(create_app, tmp_path, key):
    (tmp_path / "settings.toml").write_text("PAGE_SIZE = \n")
    with pytest.raises(tomllib.TOMLDecodeError):
        create_app()


def test_json_values_get_their_types_and_others_stay_strings(create_app, monkeypatch, key):
    monkeypatch.setenv("FLASK_MAINTENANCE", "true")
    monkeypatch.setenv("FLASK_ALLOWED", '["a", "b"]')
    monkeypatch.setenv("FLASK_SHOP_NAME", "Corner Shop, Leeds")
    monkeypatch.setenv("FLASK_CAPITAL", "True")
    config = create_app().config
    assert config["MAINTENANCE"] is True
    assert config["ALLOWED"] == ["a", "b"]
    assert config["SHOP_NAME"] == "Corner Shop, Leeds"
    assert config["CAPITAL"] == "True"


def test_a_test_config_reads_neither_file_nor_environment(create_app, tmp_path, monkeypatch):
    (tmp_path / "settings.toml").write_text('SHOP_NAME = "From the file"\n')
    monkeypatch.setenv("FLASK_PAGE_SIZE", "50")
    app = create_app({"SECRET_KEY": "a key for this test"})
    response = app.test_client().get("/")
    assert response.json == {"environment": "test", "page_size": 20, "shop": "Corner Shop"}
    assert app.config["TESTING"] is True


def test_the_instance_folder_defaults_to_beside_the_module(create_app, example, monkeypatch, key):
    monkeypatch.delenv("APP_INSTANCE_PATH")
    assert create_app().instance_path == str(example.folder / "instance")


def test_gunicorn_stops_at_start_without_a_key(create_app, example, tmp_path):
    """The page's `gunicorn --bind 127.0.0.1:8000 'configured:create_app()'`, on a free port."""
    command = [BIN / "gunicorn", "--bind", f"127.0.0.1:{free_port()}", "configured:create_app()"]
    done = subprocess.run(command, cwd=example.folder, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "RuntimeError: SECRET_KEY is not set: production needs FLASK_SECRET_KEY" in done.stderr


def test_gunicorn_serves_production_with_a_key(create_app, example, serve, key):
    command = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "configured:create_app()"]
    url = serve(command, cwd=example.folder)
    with urllib.request.urlopen(url + "/", timeout=10) as response:  # noqa: S310 - loopback
        assert json.load(response)["environment"] == "production"
