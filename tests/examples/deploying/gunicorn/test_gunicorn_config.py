"""examples/deploying/gunicorn/gunicorn_config.py: the post_fork hook, in a real gunicorn."""

import json
import urllib.request

import pytest

from harness.services.commands import BIN, free_port, serve


def opened_by(example, tmp_path, both_workers, *options):
    """Start gunicorn with --preload and ``options``: who opened each worker's connection."""
    port = free_port()
    command = [BIN / "gunicorn", *options, "--preload", "--workers", "2"]
    command += ["--pid", str(tmp_path / "gunicorn.pid"), "--bind", f"127.0.0.1:{port}"]
    env = {"FLASK_DATABASE_URL": f"sqlite:///{tmp_path / 'pooled.sqlite'}"}
    with serve([*command, "pooled:create_app()"], port=port, cwd=example.folder, env=env) as url:
        answers = both_workers(url)
        master = int((tmp_path / "gunicorn.pid").read_text())
    return master, answers


def test_without_the_hook_workers_use_the_master_s_connection(example, tmp_path, both_workers):
    master, answers = opened_by(example, tmp_path, both_workers)
    assert set(answers.values()) == {master}


def test_with_the_hook_each_worker_opens_its_own(example, tmp_path, both_workers):
    master, answers = opened_by(example, tmp_path, both_workers, "-c", "gunicorn_config.py")
    assert len(answers) == 2
    assert all(opened == worker for worker, opened in answers.items())
    assert master not in answers.values()


@pytest.mark.parametrize("preload", [[], ["--preload"]])
def test_an_app_without_an_engine_starts_with_the_hook(example, preload):
    port = free_port()
    command = [BIN / "gunicorn", "-c", "gunicorn_config.py", *preload, "--workers", "2"]
    command += ["--bind", f"127.0.0.1:{port}", "timing:app"]
    with (
        serve(command, port=port, cwd=example.folder) as url,
        urllib.request.urlopen(url + "/", timeout=10) as response,  # noqa: S310 - loopback
    ):
        assert json.load(response)["release"] == "1"
