"""Every example app of the guide keeps the WSGI protocol (PEP 3333).

The audit walks examples/, imports every module that is not a test, and finds
each module-level Flask ``app``, each other WSGI callable named
``application`` (a dispatcher that mounts several apps, say), and the app of
each ``create_app(test_config=None)`` factory, called with a test
configuration and an instance folder of its own (``find_apps`` in
tests/support/example_apps.py, shared with the fuzz test). A module that fails to
import, or a factory that fails, is reported by name, so nothing is skipped in
silence; so is a ``create_app`` that takes no ``test_config``.

Each app then gets, through ``wsgiref.validate``, a ``GET`` for every ``GET``
route, a ``POST`` with a JSON body for every ``POST`` route, and a ``GET`` for
a page that does not exist (a plain WSGI ``application`` has no URL map: it
gets its root and each prefix it mounts). Any validator error fails the test.
Across all apps, each kind of answer must have been seen at least once: a
``GET``, a ``POST`` with a body, a 404, a redirect, and a body that came in
several pieces. An app added by any chapter is checked without being listed
here.
"""

from __future__ import annotations

import sys
import textwrap
import warnings
from collections import defaultdict
from dataclasses import dataclass
from wsgiref.validate import WSGIWarning, validator

import pytest
from example_apps import NotAuditable, find_apps
from flask import Flask
from werkzeug.test import EnvironBuilder

from harness import EXAMPLES

# --- calling an app as a server would -----------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    pieces: list[bytes]

    @property
    def body(self) -> bytes:
        return b"".join(self.pieces)


def call(app, method: str, path: str, **request) -> Answer:
    """One request through the validator; it raises on any breach, warnings included."""
    builder = EnvironBuilder(path=path, method=method, **request)
    started = []

    def start_response(status, headers, exc_info=None):
        started[:] = [status, headers]
        return lambda data: None  # the legacy write() callable

    with warnings.catch_warnings():
        warnings.simplefilter("error", WSGIWarning)
        try:
            body = validator(app)(builder.get_environ(), start_response)
            try:
                pieces = [piece for piece in body if piece]
            finally:
                body.close()  # a server always closes the body, even after an error
        finally:
            builder.close()
    status, headers = started
    return Answer(int(status.split()[0]), dict(headers), pieces)


# --- the audit's own parts ------------------------------------------------------------


def test_a_flask_app_passes_and_its_body_is_one_piece():
    app = Flask(__name__)
    app.add_url_rule("/", "index", lambda: "ok")
    answer = call(app, "GET", "/")
    assert (answer.status, answer.pieces) == (200, [b"ok"])


def test_a_generator_body_comes_in_pieces():
    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        yield b"a"
        yield b"b"

    assert call(app, "POST", "/", data=b"body").pieces == [b"a", b"b"]


def test_a_text_body_breaks_wsgi_and_is_caught():
    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return ["text, not bytes"]

    with pytest.raises(AssertionError, match="Iterator yielded non-bytestring"):
        call(app, "GET", "/")


def test_a_status_without_reason_breaks_wsgi_and_is_caught():
    def app(environ, start_response):
        start_response("200", [])
        return [b""]

    with pytest.raises(WSGIWarning, match=r"The status string \('200'\) should be"):
        call(app, "GET", "/")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))


def test_apps_factories_and_failures_are_all_reported(tmp_path):
    examples = tmp_path / "examples"
    write(examples / "one" / "plain.py", "from flask import Flask\napp = Flask(__name__)\n")
    write(examples / "one" / "reuses.py", "from plain import app\n")  # not its own app
    write(examples / "one" / "tests" / "test_x.py", "raise SystemExit\n")  # tests: skipped
    write(examples / "one" / "test_plain.py", "raise SystemExit\n")  # a reader's test: skipped
    write(examples / "one" / "conftest.py", "raise SystemExit\n")  # skipped too
    write(
        examples / "pkg" / "pkg" / "__init__.py",
        """
        from flask import Flask

        def create_app(test_config=None):
            app = Flask(__name__)
            app.config.from_mapping(test_config)
            return app
        """,
    )
    write(examples / "one" / "mounts.py", "from plain import app as application\n")  # a Flask app
    write(examples / "one" / "wsgi.py", "def application(environ, start_response): ...\n")
    write(examples / "one" / "tenants.py", "def create_app(tenant): ...\n")
    write(examples / "broken" / "typo.py", "import flask\nflask.Flak\n")
    write(examples / "broken" / "factory.py", "def create_app(test_config=None):\n    1 / 0\n")
    found = dict(find_apps(examples, tmp_path / "instance"))
    assert sorted(found) == [
        "examples/broken/factory.py: create_app()",
        "examples/broken/typo.py",
        "examples/one/plain.py: app",
        "examples/one/tenants.py: create_app()",
        "examples/one/wsgi.py: application",
        "examples/pkg/pkg/__init__.py: create_app()",
    ]
    assert (
        found["examples/one/tenants.py: create_app()"] == "create_app(tenant) takes no test_config"
    )
    assert isinstance(found["examples/broken/typo.py"], AttributeError)
    assert isinstance(found["examples/broken/factory.py: create_app()"], ZeroDivisionError)
    app = found["examples/pkg/pkg/__init__.py: create_app()"]
    assert app.testing
    assert app.instance_path == str(tmp_path / "instance" / "pkg")
    assert "plain" not in sys.modules
    assert "pkg" not in sys.modules


def test_modules_already_imported_come_back_afterwards(tmp_path):
    write(tmp_path / "examples" / "x" / "textwrap.py", "app = None\n")
    list(find_apps(tmp_path / "examples", tmp_path / "instance"))
    assert sys.modules["textwrap"] is textwrap


# --- every app of the guide -----------------------------------------------------------

KINDS = ("GET", "POST with a body", "404", "redirect", "body in pieces")
MISSING = "/no-such-page-for-the-wsgi-audit"


def sample_path(rule) -> str | None:
    """A URL for the rule: every argument 1, or "x", or ["x"] (for a list converter)."""
    for value in (1, "x", ["x"]):
        try:
            return rule.build(dict.fromkeys(rule.arguments, value))[1]
        except Exception:  # noqa: S112 (this converter does not take this kind of value)
            continue
    return None


def requests(app, unbuilt):
    """(method, path, request arguments) for each GET and POST route, and a missing page."""
    if not isinstance(app, Flask):  # a plain WSGI app: its root, and what it mounts
        for prefix in ["", *getattr(app, "mounts", {})]:
            yield "GET", prefix + "/", {}
        yield "GET", MISSING, {}
        return
    for rule in sorted(app.url_map.iter_rules(), key=str):
        if rule.endpoint == "static":  # files on disk, the same in every app
            continue
        path = sample_path(rule)
        if path is None:
            unbuilt.append(f"{app.import_name}: {rule}")
            continue
        if "GET" in rule.methods:
            yield "GET", path, {}
        if "POST" in rule.methods:
            yield "POST", path, {"json": {"text": "wsgi audit", "name": "wsgi audit"}}
    yield "GET", MISSING, {}


def kinds(method, path, answer):
    found = {method if method == "GET" else "POST with a body"}
    if path == MISSING and answer.status == 404:
        found.add("404")
    if 300 <= answer.status < 400:
        found.add("redirect")
    if len(answer.pieces) > 1:
        found.add("body in pieces")
    return found


def test_every_example_app_passes_the_wsgi_validator(tmp_path, capsys):
    problems, covered, apps, unbuilt = [], defaultdict(list), [], []
    for name, app in find_apps(EXAMPLES, tmp_path):
        if isinstance(app, NotAuditable):  # the project's factories take a test_config
            problems.append(f"{name}: {app}; follow create_app(test_config=None)")
            continue
        if isinstance(app, Exception):
            problems.append(f"{name}: cannot load: {type(app).__name__}: {app}")
            continue
        apps.append(name)
        seen = set()
        for method, path, arguments in requests(app, unbuilt):
            try:
                seen |= kinds(method, path, call(app, method, path, **arguments))
            except Exception as error:  # the validator's AssertionError or WSGIWarning
                problems.append(f"{name}: {method} {path}: {type(error).__name__}: {error}")
        for kind in seen:
            covered[kind].append(name)
    assert not problems, "\n".join(problems)
    # At least the apps of the foreword and of What's in the box; other chapters add theirs.
    assert len(apps) >= 12, apps
    assert "examples/accounts/accounts/__init__.py: create_app()" in apps
    assert set(covered) == set(KINDS), f"no app covered {set(KINDS) - set(covered)}"
    with capsys.disabled():
        print(f"\nWSGI validator: {len(apps)} apps passed")
        for kind in KINDS:
            names = covered[kind]
            listed = ": " + ", ".join(names) if len(names) <= 5 else ""
            print(f"  {kind}: {len(names)} apps{listed}")
        print(f"  routes with no URL to build: {', '.join(unbuilt) or 'none'}")
