"""examples/deploying/gunicorn/pooled.py: the app, and its pool across gunicorn's fork."""

import os

import pytest
from sqlalchemy import create_engine, text

from harness.services.commands import BIN, free_port, serve


@pytest.fixture
def app(example, tmp_path):
    return example.module.create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"})


def test_a_visit_is_recorded_with_its_worker(app, client):
    answer = client.post("/visits").json
    assert answer == {"worker": os.getpid(), "connection_opened_by": os.getpid()}
    with app.extensions["engine"].connect() as connection:
        assert connection.scalar(text("SELECT worker FROM visit")) == os.getpid()


def test_building_the_app_leaves_an_open_connection_in_the_pool(app):
    assert app.extensions["engine"].pool.checkedin() == 1


def test_the_factory_reads_the_database_from_the_environment(example, tmp_path, monkeypatch):
    monkeypatch.setenv("FLASK_DATABASE_URL", f"sqlite:///{tmp_path / 'from-env.sqlite'}")
    app = example.module.create_app()
    assert (tmp_path / "from-env.sqlite").is_file()
    assert app.test_client().post("/visits").status_code == 200


def test_a_get_is_refused(client):
    assert client.get("/visits").status_code == 405


def sessions(database_url):
    engine = create_engine(database_url)
    with engine.connect() as connection:
        found = connection.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    engine.dispose()
    return found


@pytest.mark.parametrize(
    ("config", "expected_sessions"), [([], 1), (["-c", "gunicorn_config.py"], 3)]
)
def test_on_postgresql_workers_share_one_session_unless_the_hook_resets_the_pool(
    example, postgres_database, tmp_path, both_workers, config, expected_sessions
):
    port = free_port()
    command = [BIN / "gunicorn", *config, "--preload", "--workers", "2"]
    command += ["--pid", str(tmp_path / "gunicorn.pid"), "--bind", f"127.0.0.1:{port}"]
    env = {"FLASK_DATABASE_URL": postgres_database}
    with serve([*command, "pooled:create_app()"], port=port, cwd=example.folder, env=env) as url:
        answers = both_workers(url)
        master = int((tmp_path / "gunicorn.pid").read_text())
        assert sessions(postgres_database) == expected_sessions
    shared = set(answers.values()) == {master}
    assert shared is (not config)
