"""examples/becoming_big/factories/notebook.py: where configuration comes from."""

import subprocess

import pytest

from harness.services.commands import BIN


@pytest.fixture
def create_app(example, monkeypatch, tmp_path):
    for name in ("FLASK_SECRET_KEY", "FLASK_TITLE", "FLASK_PAGE_SIZE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NOTEBOOK_INSTANCE", str(tmp_path))
    return example.module.create_app


def test_the_test_config_wins_over_the_defaults(create_app):
    app = create_app({"SECRET_KEY": "test", "TITLE": "Tested"})
    assert app.test_client().get("/").json == {"title": "Tested", "page_size": 20}


def test_the_instance_file_then_the_environment(create_app, tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text('SECRET_KEY = "from the file"\nTITLE = "File"\n')
    assert create_app().config["TITLE"] == "File"
    monkeypatch.setenv("FLASK_TITLE", "Environment")
    monkeypatch.setenv("FLASK_PAGE_SIZE", "50")
    app = create_app()
    assert (app.config["TITLE"], app.config["PAGE_SIZE"]) == ("Environment", 50)
    assert app.config["SECRET_KEY"] == "from the file"


def test_a_missing_secret_key_fails_at_start(create_app, tmp_path):
    with pytest.raises(RuntimeError) as error:
        create_app()
    assert str(error.value) == (
        f"SECRET_KEY is not set: set FLASK_SECRET_KEY or write it in {tmp_path}/config.py"
    )


def test_the_flask_command_reports_the_missing_key(create_app, example):
    """`flask --app notebook run` with no key: the command stops, and says why, before serving."""
    command = [BIN / "flask", "--app", "notebook", "run", "--port", "0"]
    done = subprocess.run(command, cwd=example.folder, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "RuntimeError: SECRET_KEY is not set: set FLASK_SECRET_KEY" in done.stderr
