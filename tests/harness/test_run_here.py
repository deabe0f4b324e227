"""Run it here, without a browser: the in-browser runner under CPython, and the build's rules.

:mod:`harness.sphinxext.runhere.runhere` is the module the reader's browser
runs (in Pyodide); it is plain Python, so its semantics are checked here, fast:
blocks share a namespace named after the page, doctests are compared as the
suite compares them, skips are obeyed, tracebacks start at the page's code, a
live app keeps its cookies. The build's rules (:func:`page_program`) decide
which blocks get a Run button, and why the others don't. What the browser does
with all of it is tested in tests/site/test_run_here.py.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import textwrap
from pathlib import Path

import pytest

from harness.sphinxext.runhere import page_program
from harness.sphinxext.runhere import runhere as browser


@pytest.fixture
def session(tmp_path, monkeypatch):
    """A page's session, with the repository's layout under ``tmp_path``."""
    monkeypatch.setattr(sys, "prefix", sys.prefix)  # the session moves the prefix
    monkeypatch.setattr(sys, "exec_prefix", sys.exec_prefix)
    monkeypatch.setattr(sys, "path", list(sys.path))
    (tmp_path / "docs").mkdir()
    yield browser.Session("a_page_of_the_test", "docs/a-page.md", root=tmp_path)
    sys.modules.pop("a_page_of_the_test", None)


def test_blocks_share_a_namespace_named_after_the_page(session):
    assert session.run("from flask import Flask\napp = Flask(__name__)", 3)["ok"]
    result = session.run(">>> app.name\n'a_page_of_the_test'\n", 7)
    assert result["ok"], result
    # Flask finds the app's folders from the page's module, as on a machine.
    assert session.run(">>> app.instance_path.endswith('docs/instance')\nTrue\n", 9)["ok"]


def test_a_doctest_with_other_output_fails_and_shows_both(session):
    result = session.run(">>> 1 + 1\n3\n", 4)
    assert not result["ok"]
    (item,) = result["items"]
    assert (item["output"], item["want"]) == ("2\n", "3\n")


def test_ellipsis_and_blank_lines_are_compared_as_the_suite_does(session):
    text = ">>> print('a\\n\\nb: 0x7f3a')\na\n<BLANKLINE>\nb: ...\n"
    assert session.run(text, 1)["ok"]


def test_spaces_at_a_line_end_do_not_count_as_in_the_suite(session):
    assert session.run(">>> print('a  ')\na\n", 1)["ok"]
    assert session.run(">>> print('a b')\na ...\n", 2)["ok"]


def test_what_an_example_binds_to_stdout_still_prints_in_the_next(session):
    code = ">>> import logging, sys\n>>> handler = logging.StreamHandler(sys.stdout)\n"
    code += ">>> handler.emit(logging.makeLogRecord({'msg': 'hello'}))\nhello\n"
    assert session.run(code, 1)["ok"]


def test_an_expected_exception_matches_on_its_last_line(session):
    text = ">>> {}['key']\nTraceback (most recent call last):\n  ...\nKeyError: 'key'\n"
    result = session.run(text, 1)
    assert result["ok"], result
    assert result["items"][0]["output"].endswith("KeyError: 'key'\n")


def test_a_code_block_shows_what_it_prints_and_its_last_value(session):
    result = session.run("print('hello')\n2 * 21", 5)
    assert result["ok"]
    assert result["items"][0]["output"] == "hello\n42\n"


def test_a_traceback_starts_at_the_page(session):
    result = session.run("def f():\n    return 1 / 0\n\nf()", 12)
    output = result["items"][0]["output"]
    assert not result["ok"]
    assert "runhere.py" not in output
    assert 'File "docs/a-page.md, block at line 12", line 4' in output
    assert output.endswith("ZeroDivisionError: division by zero\n")


def test_skips_are_obeyed_with_their_conditions(session):
    session.run("flag = True", 1)
    assert session.skip("next", 'if(flag, reason="not when flagged")') == "not when flagged"
    assert session.run("raise SystemExit", 2)["skipped"] == "not when flagged"
    assert session.run("ran = True", 3)["ok"]
    session.skip("start", '"a range"')
    assert session.run("raise SystemExit", 4)["skipped"] == "a range"
    session.skip("end", None)
    session.skip("next", 'if(not flag, reason="only when not flagged")')
    assert "skipped" not in session.run("x = 1", 5)
    # A block that can't run here uses up the skip above it.
    session.skip("next", '"why"')
    session.skip("over", None)
    assert "skipped" not in session.run("y = 2", 6)


def test_invisible_blocks_get_the_page_stand_in(session, tmp_path):
    folder = tmp_path / "examples" / "quickstart" / "hello_here"
    folder.mkdir(parents=True)
    (folder / "hello_here_module.py").write_text("GREETING = 'hi'\n")
    code = 'page.use_example("quickstart/hello_here")\nfrom hello_here_module import GREETING'
    assert session.run(code, 1)["ok"]
    assert session.namespace["GREETING"] == "hi"
    assert session.namespace["page"].before("flask", "99.0")
    result = session.run('page.fixture("postgres_server")', 2)
    assert "NotHere" in result["items"][0]["output"]
    sys.modules.pop("hello_here_module", None)


def test_deep_json_is_refused_with_recursion_error_not_a_crash(session):
    # In a browser the C scanner overflows the stack before Python can refuse.
    check = (
        ">>> import json.scanner\n>>> json.scanner.make_scanner is json.scanner.py_make_scanner\n"
    )
    assert session.run(check + "True\n", 1)["ok"]
    result = session.run("import json\njson.loads('[' * 100_000 + ']' * 100_000)", 2)
    assert "RecursionError" in result["items"][0]["output"]


def test_a_live_app_keeps_its_cookies_and_its_prefix(session, tmp_path, monkeypatch):
    # The first request puts a key in the environment, as the reader's terminal has one.
    monkeypatch.setattr(os, "environ", dict(os.environ))
    monkeypatch.setattr(browser, "ROOT", tmp_path)
    monkeypatch.setattr(browser, "CLIENTS", {})
    folder = tmp_path / "examples" / "quickstart" / "live_here"
    folder.mkdir(parents=True)
    (folder / "live_here_app.py").write_text(
        textwrap.dedent(
            """
            from flask import Flask, redirect, request, session, url_for

            app = Flask(__name__)
            app.config.from_prefixed_env()

            @app.get("/")
            def index():
                return f"name={session.get('name')} link={url_for('login')}"

            @app.post("/login")
            def login():
                session["name"] = request.form["name"]
                return redirect(url_for("index"))
            """
        )
    )
    base = "http://127.0.0.1:8000/_live/abc/live_here_app/"

    def ask(method, path, body=b"", headers=()):
        request = {
            "module": "live_here_app",
            "slug": "quickstart/live_here",
            "method": method,
            "path": path,
            "headers": list(headers),
            "body": base64.b64encode(body).decode(),
            "base": base,
        }
        return json.loads(browser.app_request(json.dumps(request)))

    def text(answer):
        return base64.b64decode(answer["body"]).decode()

    first = ask("GET", "/")
    assert text(first) == "name=None link=/_live/abc/live_here_app/login"
    posted = ask(
        "POST", "/login", b"name=ada", [("Content-Type", "application/x-www-form-urlencoded")]
    )
    assert posted["status"] == 302
    assert dict(posted["headers"])["Location"] == "/_live/abc/live_here_app/"
    assert "Set-Cookie" not in dict(posted["headers"])  # kept in the client's jar
    assert text(ask("GET", "/")) == "name=ada link=/_live/abc/live_here_app/login"
    sys.modules.pop("live_here_app", None)


# --- which blocks get a button -------------------------------------------------------


def program_of(tmp_path: Path, text: str) -> list[dict]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    page = docs / "a-page.md"
    page.write_text(textwrap.dedent(text).lstrip())
    return page_program(page.resolve(), docs.resolve())


def test_what_a_browser_cannot_do_gets_a_reason(tmp_path):
    steps = program_of(
        tmp_path,
        """
        # A page

        ```python
        import subprocess
        done = subprocess.run(["true"])
        ```

        ```python
        print(done.returncode)
        ```

        ```python
        from flask import Flask
        ```

        ```python
        import sqlalchemy
        ```

        % not-here: "says so, its author wrote"
        ```python
        x = 1
        ```

        ```python
        from harness.services.commands import free_port
        ```
        """,
    )
    blocks = [step for step in steps if "line" in step]
    reasons = [step.get("reason") for step in blocks]
    assert reasons == [
        "starts a process, which a browser tab can't",
        "starts a process, which a browser tab can't",  # it reads `done`
        None,
        "needs SQLAlchemy, which the browser's Python doesn't have",
        "says so, its author wrote",
        "needs the servers this page starts, which a browser tab can't run",  # the engine's
    ]


def test_a_skip_whose_condition_needs_a_server_covers_only_such_blocks(tmp_path):
    steps = program_of(
        tmp_path,
        """
        # A page

        % invisible-code-block: python
        %
        % server = page.fixture("redis_server", optional=True)

        % skip: start if(server is None, reason="needs redis-server")

        ```python
        value = 1
        ```

        % skip: end
        """,
    )
    assert steps[0]["reason"].startswith("needs a server")
    assert steps[1]["skip"] == "start"
    assert steps[1]["reason"] == steps[0]["reason"]
    assert steps[2]["reason"] == steps[0]["reason"]
    assert steps[3] == {"skip": "end", "arguments": None}
