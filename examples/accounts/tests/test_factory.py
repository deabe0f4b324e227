"""create_app: safe defaults, a refusal without a secret key, mail in the log in development."""

import logging
import re
import sqlite3
import urllib.parse

import pytest
from accounts import create_app
from flask_command import fetch, flask_run, get


def test_the_defaults_are_the_safe_ones(tmp_path):
    app = create_app({"SECRET_KEY": "k", "DATABASE": str(tmp_path / "db.sqlite")})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["WTF_CSRF_ENABLED"] is True
    assert app.config["PASSWORD_METHOD"] == "scrypt:32768:8:1"
    assert app.config["MAIL_SERVER"] is None


def test_the_database_lives_in_the_instance_folder_by_default(monkeypatch, tmp_path):
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    app = create_app({"SECRET_KEY": "k"})
    assert app.config["DATABASE"] == str(tmp_path / "accounts.sqlite")
    assert (tmp_path / "accounts.sqlite").is_file()


def test_no_secret_key_no_app(monkeypatch, tmp_path):
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    with pytest.raises(RuntimeError, match="set SECRET_KEY in .*config.py"):
        create_app()


def test_the_instance_config_file_is_read(monkeypatch, tmp_path):
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    (tmp_path / "config.py").write_text("SECRET_KEY = 'from the instance folder'\n")
    assert create_app().secret_key == "from the instance folder"


def test_without_a_mail_server_the_message_goes_to_the_log(tmp_path, caplog):
    app = create_app({"SECRET_KEY": "k", "DATABASE": str(tmp_path / "db.sqlite")})
    app.logger.setLevel(logging.INFO)
    client = app.test_client()
    client.get("/register")
    token = client.get("/login").text.split('name="csrf-token" content="')[1].split('"')[0]
    form = {"email": "ada@example.com", "display_name": "Ada", "password": "x" * 12}
    client.post("/register", data={**form, "csrf_token": token})
    assert "Subject: Activate your account" in caplog.text
    assert "http://localhost/activate/" in caplog.text


def test_the_command_on_the_page_serves_it(tmp_path):
    """`flask --app accounts run --debug`, with the key and database from the environment."""
    env = {"FLASK_SECRET_KEY": "a key", "FLASK_DATABASE": str(tmp_path / "accounts.sqlite")}
    with flask_run("--debug", cwd=tmp_path, env=env, ready_path="/login") as served:
        status, body = get(served.url + "/login")
    assert status == 200
    assert b'<input name="email" type="email" required>' in body
    tables = sqlite3.connect(tmp_path / "accounts.sqlite").execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    )
    assert [name for (name,) in tables] == ["api_token", "role", "user"]


def test_with_debug_the_activation_link_is_in_the_terminal(tmp_path):
    """As the index page says: no MAIL_SERVER, --debug, and the link is in the output."""
    env = {"FLASK_SECRET_KEY": "a key", "FLASK_DATABASE": str(tmp_path / "accounts.sqlite")}
    with flask_run("--debug", cwd=tmp_path, env=env, ready_path="/login") as served:
        _, headers, page = fetch(served.url + "/register")
        cookie = headers["Set-Cookie"].split(";")[0]
        token = re.search(r'name="csrf-token" content="([^"]+)"', page.decode())[1]
        form = {"email": "ada@example.com", "display_name": "Ada", "password": "x" * 12}
        data = urllib.parse.urlencode({**form, "csrf_token": token}).encode()
        status, _, page = fetch(served.url + "/register", data, {"Cookie": cookie})
        assert (status, b"Check your inbox" in page) == (200, True)
        output = served.output()
        assert "INFO in mail: MAIL_SERVER is not set; not sent:" in output
        assert "Subject: Activate your account" in output
        link = re.search(r"http://\S+/activate/\S+", output)[0]
        assert link.startswith(served.url)
        status, page = get(link)
    assert (status, b"Your account is active. You can log in." in page) == (200, True)
