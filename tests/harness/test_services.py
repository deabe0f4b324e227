"""The services (harness/services): real servers on loopback that always stop."""

import os
import signal
import smtplib
import subprocess
import sys
import time
from email.message import EmailMessage

import pytest

from harness import ROOT
from harness.services import missing, redis
from harness.services.commands import (
    BIN,
    Terminal,
    fetch,
    free_port,
    log_text,
    refuses_connections,
    serve,
)


def test_a_server_log_can_be_kept_for_the_test_to_read(tmp_path):
    port = free_port()
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)]
    with (tmp_path / "server.log").open("w+") as log:
        with serve(command, port=port, cwd=tmp_path, log=log) as url:
            assert fetch(url + "/missing")[0] == 404
        log.seek(0)
        assert '"GET /missing HTTP/1.1" 404' in log.read()
    assert refuses_connections(url)


def test_the_serve_fixture_fills_in_a_free_port(serve, tmp_path):
    url = serve(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "{port}"], cwd=tmp_path
    )
    assert fetch(url + "/")[0] == 200


def test_a_gunicorn_puts_its_control_socket_in_the_test_process_own_runtime_dir(
    serve, tmp_path, runtime_dir
):
    (tmp_path / "hello.py").write_text(
        "def app(environ, start_response):\n"
        "    start_response('204 No Content', [])\n"
        "    return []\n"
    )
    gunicorn = [BIN / "gunicorn", "--bind", "127.0.0.1:{port}", "hello:app"]
    with (tmp_path / "gunicorn.log").open("w+") as log:
        serve(gunicorn, cwd=tmp_path, log=log)
        deadline = time.monotonic() + 10
        while "Control socket listening" not in log_text(log):
            assert time.monotonic() < deadline, log_text(log)
            time.sleep(0.05)
        assert f"Control socket listening at {runtime_dir / 'gunicorn.ctl'}" in log_text(log)


STOPPED_RUN = """
import pathlib, sys, time

def test_waits(serve):
    here = pathlib.Path(__file__).parent
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory",
               str(here), "{port}"]  # its folder in its command line: found if left behind
    (here / "url").write_text(serve(command, cwd=here))
    time.sleep(60)
"""


def test_a_run_stopped_by_sigterm_still_stops_its_servers(tmp_path):
    (tmp_path / "test_stopped.py").write_text(STOPPED_RUN)
    pytest = [sys.executable, "-m", "pytest", "-p", "harness.services.plugin",
              "-p", "no:cacheprovider", "-q", tmp_path / "test_stopped.py"]  # fmt: skip
    run = subprocess.Popen(pytest, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "url").is_file():
            assert run.poll() is None, run.stdout.read()
            assert time.monotonic() < deadline, "the server never started"
            time.sleep(0.05)
        url = (tmp_path / "url").read_text()
        assert fetch(url + "/")[0] == 200
        run.send_signal(signal.SIGTERM)  # as `timeout` or a cancelled CI job does
        output = run.communicate(timeout=30)[0]
        assert "KeyboardInterrupt: stopped by SIGTERM" in output
        assert refuses_connections(url)
    finally:
        run.kill()
        subprocess.run(["pkill", "-f", f"http.server .*{tmp_path} "], check=False)  # if left


def test_a_server_that_exits_says_why(tmp_path):
    command = [sys.executable, "-c", "print('no port for me'); raise SystemExit(3)"]
    port = free_port()
    expected = "exited with 3 before answering HTTP:\nno port for me"
    with pytest.raises(RuntimeError, match=expected), serve(command, port=port, cwd=tmp_path):
        pass


def test_redis_answers_on_loopback_logs_to_its_folder_and_stops(tmp_path):
    try:
        with redis.running(tmp_path) as server:
            assert server.url.startswith("redis://127.0.0.1:")
            assert redis._ask(server.port, b"SET a 1\r\n") == b"+OK\r\n"
            assert redis._ask(server.port, b"SELECT 7\r\nSET b 1\r\n") == b"+OK\r\n+OK\r\n"
            server.flush()  # database 0 only: another test process's database 7 keeps its keys
            assert redis._ask(server.port, b"EXISTS a\r\n") == b":0\r\n"
            assert redis._ask(server.port, b"SELECT 7\r\nEXISTS b\r\n") == b"+OK\r\n:1\r\n"
            assert server.with_db(7).url == server.url[:-1] + "7"
    except missing.Missing as error:
        pytest.skip(str(error))
    assert refuses_connections(server.url)
    assert "Ready to accept connections" in (tmp_path / "redis.log").read_text()


def test_a_missing_program_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setitem(missing.NEEDS, "redis", (lambda: None, "redis-server"))
    with pytest.raises(
        missing.Missing, match=r"redis is not installed: apt-get install redis-server"
    ):
        redis.running(tmp_path).__enter__()


def test_each_mailbox_sees_only_the_mail_sent_after_it_opened(smtp_server):
    def send(to):
        message = EmailMessage()
        message["To"], message["From"], message["Subject"] = to, "app@example.com", "Hi"
        message.set_content(f"Hello {to}: https://example.com/{to}")
        with smtplib.SMTP(smtp_server.host, smtp_server.port) as smtp:
            smtp.send_message(message)

    send("ada@example.com")
    mailbox = smtp_server.mailbox()
    with pytest.raises(AssertionError, match="no message to ada@example.com among 0"):
        mailbox.last(to="ada@example.com")
    send("ada@example.com")
    assert mailbox.link(to="ada@example.com") == "https://example.com/ada@example.com"
    assert len(mailbox.messages) == 1


def test_each_test_gets_an_empty_database_of_its_own(postgres_server, postgres_database):
    import psycopg

    assert postgres_database.startswith(postgres_server.url.rsplit("/", 1)[0] + "/test_")
    url = postgres_database.replace("+psycopg", "")
    with psycopg.connect(url) as connection:
        tables = connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone() == (0,)


def test_a_terminal_runs_the_line_a_page_shows_on_a_free_port_one_server_at_a_time(tmp_path):
    (tmp_path / "hello.py").write_text(
        "import os\nfrom flask import Flask\napp = Flask(__name__)\n"
        "app.get('/')(lambda: os.environ['GREETING'])\n"
    )
    with Terminal(cwd=tmp_path, logs=tmp_path, shown_port=8000) as terminal:
        assert terminal.words("flask run --port 8000 --host 127.0.0.1:80001")[1][1:] == [
            "run", "--port", str(terminal.port), "--host", "127.0.0.1:80001",
        ]  # fmt: skip
        first = terminal.run("GREETING=hello flask --app hello run --port 8000")
        assert fetch(terminal.url + "/")[2] == b"hello"
        second = terminal.run("GREETING=again flask --app hello run --port 8000")
        assert fetch(terminal.url + "/")[2] == b"again"  # the first was stopped
        assert first != second
        assert "Running on" in first.read_text()
    assert refuses_connections(terminal.url)
    with pytest.raises(ValueError, match="not a program of the virtual environment"):
        terminal.words("GREETING=x no-such-program --port 8000")


def test_a_terminal_given_its_page_runs_only_the_lines_the_page_shows(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```console\n$ flask --app hello run --port 8000\n * Running\n```\n")
    terminal = Terminal(cwd=tmp_path, logs=tmp_path, shown_port=8000, shown_on=page)
    with pytest.raises(ValueError, match="no console block of the page shows: \\$ flask --app"):
        terminal.run("flask --app hello run --port 8001")
