"""create_app: safe defaults, a refusal without a secret key, mail in the log in development."""

import logging
import os
import re
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse
from contextlib import contextmanager

import pytest
from flask_command import FLASK, fetch, flask_run, get

from accounts import create_app

CHEAP = {"PASSWORD_METHOD": "scrypt:1024:8:1"}  # the real cost is tested in test_passwords.py
#: What the tests add to a reader's environment: a key, a cheap hash, and the
#: server's own address (the reader's is http://localhost:5000, the default).
ENV = {
    "FLASK_SECRET_KEY": "a key",
    "FLASK_PASSWORD_METHOD": CHEAP["PASSWORD_METHOD"],
    "FLASK_PUBLIC_URL": "http://127.0.0.1:{port}",
}


def test_the_defaults_are_the_safe_ones(tmp_path):
    app = create_app({"SECRET_KEY": "k", "DATABASE": str(tmp_path / "db.sqlite")})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["WTF_CSRF_ENABLED"] is True
    assert app.config["PASSWORD_METHOD"] == "scrypt:131072:8:1"
    assert app.config["MAIL_SERVER"] is None
    assert app.config["PUBLIC_URL"] == "http://localhost:5000"
    assert app.config["TRUSTED_HOSTS"] == ["localhost"]
    assert app.debug is False  # only `flask run --debug` turns it on


def test_a_new_database_has_no_account(tmp_path):
    """No default or shared account: the first one is registered, the first admin granted."""
    app = create_app({"SECRET_KEY": "k", "DATABASE": str(tmp_path / "db.sqlite")})
    with app.app_context():
        from accounts import db

        assert db.snapshot()["user"] == []


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


def test_without_a_mail_server_mail_is_printed_only_when_asked(tmp_path, caplog):
    """No MAIL_SERVER: the worker refuses to start, unless told to print; the log gets
    no message, so no link that logs someone in."""
    app = create_app({**CHEAP, "SECRET_KEY": "k", "DATABASE": str(tmp_path / "db.sqlite")})
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    token = client.get("/login").text.split('name="csrf-token" content="')[1].split('"')[0]
    form = {"email": "ada@example.com", "display_name": "Ada", "password": "x" * 12}
    client.post("/register", data={**form, "csrf_token": token})
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["send-mail", "--once"])
    assert refused.exit_code == 2
    assert "set MAIL_SERVER, or pass --print to print the messages here" in refused.output
    printed = runner.invoke(args=["send-mail", "--once", "--print"]).output
    assert "Subject: Activate your account" in printed
    assert "http://localhost:5000/activate?token=" in printed
    assert printed.endswith("1 sent, 0 failed, will retry, 0 given up\n")
    assert "activate?token=" not in caplog.text


def test_the_command_on_the_page_serves_it(tmp_path):
    """`flask --app accounts run --debug`, with the key and database from the environment."""
    env = {**ENV, "FLASK_DATABASE": str(tmp_path / "accounts.sqlite")}
    with flask_run("--debug", cwd=tmp_path, env=env, ready_path="/login") as served:
        status, body = get(served.url + "/login")
    assert status == 200
    assert b'<input name="email" type="email" required>' in body
    tables = sqlite3.connect(tmp_path / "accounts.sqlite").execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    )
    assert [name for (name,) in tables] == [
        "api_token",
        "login_failure",
        "outbox",
        "rate_limit",
        "role",
        "user",
    ]


@contextmanager
def mail_worker(cwd, env):
    """`flask --app accounts send-mail --print`, as a reader runs it in a second terminal."""
    command = [FLASK, "--app", "accounts", "send-mail", "--print"]
    with tempfile.TemporaryFile("w+") as output:
        worker = subprocess.Popen(
            command, cwd=cwd, env={**os.environ, **env}, stdout=output, stderr=output
        )

        def printed() -> str:
            output.seek(0)
            return output.read()

        try:
            yield printed
        finally:
            worker.terminate()
            worker.wait(timeout=10)


def test_the_worker_prints_the_activation_link_in_development(tmp_path):
    """As the index page says: no MAIL_SERVER, `send-mail --print`, the link in its output."""
    env = {**ENV, "FLASK_DATABASE": str(tmp_path / "accounts.sqlite")}
    with flask_run("--debug", cwd=tmp_path, env=env, ready_path="/login") as served:
        _, headers, page = fetch(served.url + "/register")
        cookie = {"Cookie": headers["Set-Cookie"].split(";")[0]}
        token = re.search(r'name="csrf-token" content="([^"]+)"', page.decode())[1]
        form = {"email": "ada@example.com", "display_name": "Ada", "password": "x" * 12}
        data = urllib.parse.urlencode({**form, "csrf_token": token}).encode()
        status, _, page = fetch(served.url + "/register", data, cookie)
        assert (status, b"Check your inbox" in page) == (200, True)
        with mail_worker(tmp_path, {**env, "FLASK_PUBLIC_URL": served.url}) as printed:
            deadline = time.monotonic() + 10
            while "1 sent" not in printed():
                assert time.monotonic() < deadline, printed()
                time.sleep(0.1)
            output = printed()
        assert "Subject: Activate your account" in output
        link = re.search(r"http://\S+/activate\?token=\S+", output)[0]
        assert link.startswith(served.url)
        data = urllib.parse.urlencode({"password": "x" * 12, "csrf_token": token}).encode()
        status, _, page = fetch(link, data, cookie)
    assert (status, b"Your account is active. You can log in." in page) == (200, True), page
