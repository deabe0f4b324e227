"""examples/patterns/background_jobs/prices.py: jobs queued in a real Redis, run by a real worker.

The server is the run's redis-server; each test process has a numbered database of
its own (see harness/services/plugin.py), emptied before each test here. The worker
is the page's command, ``rq worker --url URL imports``, with ``--burst``: it runs
the jobs queued so far, then exits.
"""

import json
import secrets
import subprocess

import pytest
from redis import Redis
from rq import Queue
from rq.job import Job

from harness.services.commands import BIN

CSV = "text/csv"


@pytest.fixture(autouse=True)
def environment(monkeypatch, redis_server, tmp_path):
    redis_server.flush()
    monkeypatch.setenv("FLASK_SECRET_KEY", secrets.token_hex())
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    monkeypatch.setenv("FLASK_PRICES_FILE", str(tmp_path / "prices.json"))


@pytest.fixture
def client(app):
    """A member of staff's client: only staff may import."""
    client = app.test_client()
    with client.session_transaction() as session:
        session["staff"] = True
    return client


@pytest.fixture
def redis(redis_server):
    with Redis.from_url(redis_server.url) as client:
        yield client


@pytest.fixture
def work(example, redis_server):
    """Run a worker in ``folder`` (the example's by default) until the queue is empty."""

    def run(folder=example.folder):
        command = [BIN / "rq", "worker", "--url", redis_server.url, "--burst", "imports"]
        done = subprocess.run(
            command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout
        return done.stdout

    return run


def upload(client, text):
    response = client.post("/imports", data=text, content_type=CSV)
    assert response.status_code == 202, response.json
    return response


def test_a_job_is_queued_and_the_answer_says_where_to_ask(client, redis):
    response = upload(client, "apple,30")
    job_id = response.json["id"]
    assert response.headers["Location"] == response.json["status_url"] == f"/imports/{job_id}"
    assert client.get(f"/imports/{job_id}").json == {"id": job_id, "status": "queued"}
    job = Job.fetch(job_id, connection=redis)
    assert (job.func_name, job.args, job.description) == (
        "jobs.import_prices",
        ("apple,30",),
        "price list import",
    )
    assert Queue("imports", connection=redis).job_ids == [job_id]


def test_the_worker_runs_the_job_and_the_poller_reads_the_result(client, work, tmp_path):
    status_url = upload(client, "apple,30\npear,45").json["status_url"]
    log = work()
    answer = client.get(status_url).json
    assert (answer["status"], answer["result"]) == ("finished", {"imported": 2})
    assert client.get("/prices").json == {"apple": 30, "pear": 45}
    assert json.loads((tmp_path / "prices.json").read_text()) == {"apple": 30, "pear": 45}
    assert "imports: price list import (" in log
    assert "apple,30" not in log  # the list itself stays out of the log


def test_a_failed_job_is_a_status_not_a_500(client, work, redis):
    upload(client, "plum,60")
    response = upload(client, "pear,sour")  # letters no job id (a UUID, in hex) can hold
    log = work()
    status = client.get(response.json["status_url"])
    assert (status.status_code, status.json["status"]) == (200, "failed")
    assert "result" not in status.json
    assert "sour" not in status.text  # the error stays with RQ and the worker
    assert "price" not in status.text
    assert client.get("/prices").json == {"plum": 60}
    failed = Job.fetch(response.json["id"], connection=redis)
    assert failed.latest_result().exc_string.endswith(
        "ValueError: line 1: 'sour' is not a price in cents\n"
    )
    assert "ValueError: line 1: 'sour' is not a price in cents" in log


def test_a_worker_that_cannot_import_the_module_fails_the_job(client, work, redis, tmp_path):
    """RQ stored the name jobs.import_prices: a worker started elsewhere cannot import it."""
    response = upload(client, "apple,30")
    work(folder=tmp_path)
    assert client.get(response.json["status_url"]).json["status"] == "failed"
    failed = Job.fetch(response.json["id"], connection=redis)
    assert failed.latest_result().exc_string.endswith(
        "ValueError: Invalid attribute name: jobs.import_prices\n"
    )
    assert client.get("/prices").status_code == 404


def test_a_job_rq_no_longer_keeps_is_404(client, work, redis):
    response = upload(client, "apple,30")
    work()
    job = Job.fetch(response.json["id"], connection=redis)
    assert 0 < redis.ttl(job.key) <= 500  # RQ's default result_ttl
    redis.delete(job.key)  # what Redis does when the time to live runs out
    assert client.get(response.json["status_url"]).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/imports/00000000-0000-0000-0000-000000000000",
        "/imports/not-a-job",
        "/imports/rq:job:x",
        "/imports/",
    ],
)
def test_an_unknown_job_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        ("apple,30", "text/plain", 415),
        ("apple,30", None, 415),
        ('{"apple": 30}', "application/json", 415),
        ("", CSV, 400),
        (" \n\r\n", CSV, 400),
        (b"caf\xe9,30", CSV, 400),
        (b"\xed\xa0\x80,30", CSV, 400),  # a lone surrogate, as UTF-8 cannot carry it
        ("a,1\n" * 20_000, CSV, 413),
    ],
)
def test_what_the_view_can_check_is_refused_before_it_is_queued(
    client, redis, data, content_type, status
):
    response = client.post("/imports", data=data, content_type=content_type)
    assert response.status_code == status
    assert Queue("imports", connection=redis).count == 0


def test_only_staff_may_import(app, redis):
    visitor = app.test_client()
    assert visitor.post("/imports", data="apple,30", content_type=CSV).status_code == 403
    visitor.set_cookie("session", "eyJzdGFmZiI6dHJ1ZX0.forged.signature")  # {"staff":true}
    assert visitor.post("/imports", data="apple,30", content_type=CSV).status_code == 403
    assert Queue("imports", connection=redis).count == 0


def test_no_price_list_before_the_first_import(client):
    response = client.get("/prices")
    assert (response.status_code, response.json) == (404, {"error": "no price list imported yet"})


def test_the_default_server_is_the_local_one_and_is_not_contacted_early(example, monkeypatch):
    monkeypatch.delenv("REDIS_URL")
    app = example.module.create_app()
    pool = app.extensions["imports"].connection.connection_pool
    assert (pool.connection_kwargs["host"], pool.connection_kwargs["port"]) == ("127.0.0.1", 6379)
    assert pool._created_connections == 0
