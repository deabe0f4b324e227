"""Hostile input on every route of every example app: no 500, no traceback, no secret.

The apps are found as the WSGI audit finds them (``find_apps`` in
tests/support/example_apps.py): every module-level ``app``, every plain WSGI
``application`` and every ``create_app(test_config=None)`` under examples/. An
app added by any chapter is fuzzed without being listed here. A factory gets a
test configuration, the run's Redis (``REDIS_URL``) and an instance folder of
its own; an app with an ``init-db`` or ``seed`` command gets them run first.

Each URL rule of each app gets requests built by Hypothesis, sent through
Flask's test client (Werkzeug's ``Client`` for a plain WSGI app) in the
environ a server would build. The path and the query string are ASCII, with
any other byte percent-escaped (gunicorn answers 400 to raw non-ASCII bytes in
the request line); the path's escapes are decoded to bytes, valid UTF-8 or not,
as a server does. Header values may hold any Latin-1 byte, which gunicorn
passes on. A request is made of

* a value for each argument of the rule, shaped by its converter: huge,
  negative and non-ASCII numbers, ``..``, percent-escapes of invalid UTF-8,
  text of any script;
* every method: each generated input goes with each of the rule's methods, and
  with one more, often one the rule refuses (``PUT``, ``TRACE``, ``PROPFIND``);
* a query string of odd shapes, with the names the app's code and templates use;
* a body: JSON of any shape (lone surrogates, huge numbers, ``NaN``, wrong
  types, nesting past Python's recursion limit), a form (URL-encoded, or
  multipart with odd file names), or raw bytes that are not UTF-8, under any
  content type;
* odd headers: ``Host``, ``Cookie``, ``Authorization``, ``Range``,
  ``X-Forwarded-*`` and others, with Latin-1 bytes in their values;
* half of them, when the app's pages hand a browser a cookie or a hidden field
  (a CSRF token), send those back, so that they reach the view behind the check.

The rule for every answer:

* no 5xx status, and no exception out of the app;
* no traceback in the body (Python's, or Werkzeug's debugger);
* no secret in the body or the headers. A secret is a value of the app's
  configuration that a client must never read: ``SECRET_KEY`` and
  ``SECRET_KEY_FALLBACKS``, every other setting whose name says it holds one
  (``MAIL_PASSWORD``, ``API_TOKEN``, ``..._SECRET``, ``..._KEY``, ``..._SALT``,
  ``..._CREDENTIALS``), and the password in a URL setting (``DATABASE_URL``,
  ``REDIS_URL``). Values shorter than 8 characters are not searched for: they
  would turn up by chance. Every factory gets :data:`SECRET_KEY`, and
  module-level apps read it from ``FLASK_SECRET_KEY``, as their pages tell the
  reader to set it.

The only exceptions are the routes in :data:`CRASHES_ON_PURPOSE`, each with
the one exception it may raise and why, and the apps in :data:`PENDING`, whose
owner is changing them now: a 500 with the one exception and message listed,
which every run prints, rule by rule. Those 500s are still checked for a
traceback and a secret, and each entry must still be needed (or it goes).

Budget: ``FUZZ_REQUESTS`` (environment) requests across all apps;
:data:`DEFAULT_REQUESTS` by default, a few seconds. CI sets more. First
:data:`REGRESSIONS`, the inputs that once failed, are sent to every rule (and
again with a browser's cookie and token); the rest of the budget is shared
equally by the rules, for Hypothesis to generate. Hypothesis runs derandomized,
without its example database and without shrinking, so a run is reproducible
and bounded: the same code gives the same requests, and a failure is reported
as found. The test prints how many requests it sent, and records it
(``record_property("fuzz_requests", ...)``).
"""

from __future__ import annotations

import dataclasses
import functools
import html
import io
import json
import math
import os
import re
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from unittest import mock
from urllib.parse import quote, unquote_to_bytes, urlencode, urlsplit

import pytest
from example_apps import NotAuditable, find_apps
from flask import Flask, abort, got_request_exception, request
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from werkzeug.routing import (
    AnyConverter,
    FloatConverter,
    IntegerConverter,
    PathConverter,
    Rule,
    UUIDConverter,
)
from werkzeug.test import Client, EnvironBuilder
from werkzeug.wrappers import Request

from harness import EXAMPLES, ROOT
from harness.runner.requires import first_unmet, needs_of

DEFAULT_REQUESTS = 1000
#: What every factory gets as its key, and module-level apps as FLASK_SECRET_KEY.
SECRET_KEY = "fuzz-secret-key-3f9c2a7e51d84b06"

#: (app, rule) -> (the exception the route raises on purpose, why). Nothing else may crash.
CRASHES_ON_PURPOSE = {
    ("examples/quickstart/first_app/broken.py: app", "/"): (
        ZeroDivisionError,
        "the Quickstart's first bug, read in the debugger",
    ),
    ("examples/in_the_box/development_server/crashing.py: app", "/divide/<int:a>/<int:b>"): (
        ZeroDivisionError,
        "/divide/1/0 shows the debugger on the development server's page",
    ),
    ("examples/becoming_big/hooks/lifecycle.py: app", "/broken"): (
        ZeroDivisionError,
        "shows which hooks run when no error handler takes an exception",
    ),
    ("examples/patterns/error_handling/shop_api.py: app", "/broken"): (
        ZeroDivisionError,
        "shows that a bug's 500 tells the client nothing",
    ),
    ("examples/patterns/logging/logged.py: app", "/broken"): (
        ZeroDivisionError,
        "shows what an error logs and reports, with the request's id",
    ),
}

#: app -> (exception, its message, why): 500s in an app whose owner is changing it now.
#: They do not fail the test, but every run lists them, with the rules and methods that
#: gave them; an entry that no longer fails does fail the test, so the list stays true.
PENDING: dict = {}  # nothing pending: every app answers 4xx to bad input


METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]

# --- the requests ----------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Case:
    """One request for a rule, before it is put on the rule's path.

    ``values`` fill the rule's arguments in turn (cycled, percent-escaped as sent).
    ``query`` and the header values are sent as they are: a character below 256 is
    that byte. A generated Case is sent with each method of its rule and ``method``
    (:func:`sent_with`); for :data:`REGRESSIONS`, see :func:`replay_methods`.
    """

    method: str | None = None
    values: tuple[str, ...] = ()
    query: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None
    content_type: str | None = None
    form: tuple[tuple[str, str], ...] = ()  # multipart text fields
    files: tuple[tuple[str, str, bytes], ...] = ()  # multipart files: (field, filename, content)

    def __repr__(self) -> str:  # short: a body may be 100 kB
        fields = ", ".join(f"{name}={short(value)}" for name, value in vars(self).items() if value)
        return f"Case({fields})"


def short(value) -> str:
    """A repr of at most a few hundred characters."""
    text = repr(value)
    return text if len(text) <= 240 else f"{text[:200]}...{text[-30:]} ({len(text)} long)"


#: Inputs that once failed somewhere, sent to every rule with each of its methods
#: before Hypothesis generates anything. When the fuzzer finds a new failure, add it.
REGRESSIONS = [
    # The plainest request: the guestbook's table was gone (its database was ":memory:").
    Case(),
    # A lone surrogate in a JSON string: bigapp, and the notes API on SQLite and PostgreSQL.
    Case(
        body=rb'{"title": "\ud800", "name": "\ud800", "text": "\ud800"}',
        content_type="application/json",
    ),
    # JSON nested past Python's parser: RecursionError, not ValueError. 1000 levels fit
    # the ledger's 1 KiB (and fail on Python 3.11); 100,000 fail on 3.11 to 3.13.
    Case(body=b"[" * 1000, content_type="application/json"),
    Case(body=b"[" * 100_000 + b"]" * 100_000, content_type="application/json"),
    # Ids past a 64-bit integer, zero and negative ones.
    Case(values=("9223372036854775808",)),
    Case(values=("0",)),
    Case(values=("-1",)),
    # Invalid UTF-8 in the path and the query string.
    Case(values=("%ff%fe",), query="q=%ff&page=%ed%a0%80"),
    # A Host the app does not serve.
    Case(headers=(("Host", "evil.example"),)),
    # A multipart part without a name: the key None in request.form, on which Flask-WTF's
    # CSRF check failed (in_the_box/json_ajax).
    Case(
        body=b"--b\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--b--\r\n",
        content_type="multipart/form-data; boundary=b",
    ),
    # A form of 101 fields: parse_qsl(max_num_fields=100) raised ValueError, a 500, in
    # the method override middleware (patterns/method_override). Sent as a POST to every
    # rule: that app has no POST rule, its middleware makes a POST a PUT or a DELETE.
    Case(
        method="POST",
        body="&".join(f"f{n}=x" for n in range(101)).encode() + b"&_method=DELETE",
        content_type="application/x-www-form-urlencoded",
    ),
]

# fmt: off
ODD_TEXT = [
    "", " ", ".", "..", "../../etc/passwd", "\\", "%", "%00", "\x00", "\t", "\n", "null",
    "undefined", "true", "NaN", "Infinity", "-0", "1e309", "0x10", "+1", "01", "１２", "٣",
    "9" * 40, "-" + "9" * 40, "\u202e", "\ufeff", "\ud800", "\udfff", "💩", "é",
    "<script>alert(1)</script>", "{{ 7 * 7 }}", "'\"", "a" * 300,
    # Values a form may accept, so that the other fields are what it refuses.
    "ada@example.com", "Ada@Example.COM", "correct horse battery staple", "x" * 129,
]
ODD_SEGMENTS = [
    "%00", "%ff", "%ed%a0%80", "%c3%28", "%2e%2e", "%2f", "..", ".", "%20", "%25",
    "%f0%9f%92%a9", "%e2%80%ae", "~", "a%0ab", "%",
]
ODD_QUERIES = ["&&=&", ";x", "%ff=%ff", "=", "a=1&a=2&a=", "q=" + "%ff" * 100, "%", "%%=%"]
HUGE_NUMBERS = [0, -1, 1, 2**31 - 1, 2**31, 2**63 - 1, 2**63, -(2**63) - 1, 10**30, 10**400]
JSON_TYPES = ["application/json", "application/json; charset=utf-8",
              "application/merge-patch+json", "application/json; charset=latin-1"]
DEEP_OPENERS = [b"[", b'{"a":', b'{"title":[']
DEPTHS = [500, 1000, 5000, 100_000]
FILENAMES = ["../../x.txt", "", ".htaccess", "a b.txt", "é.png", "x" * 300, "\x00.txt"]
RAW_BODIES = [b"\xff\xfe\x00", b"\xc3\x28", b"\xed\xa0\x80", b"a=%ff", b"--x\r\n\r\n", b"\x00" * 20]
RAW_TYPES = [None, "application/json", "application/x-www-form-urlencoded",
             "multipart/form-data", "multipart/form-data; boundary=x", "text/plain",
             "application/octet-stream", "application/json; charset=utf-16"]
HOSTS = ["evil.example", "", "localhost:0", "localhost:99999", "[::1]", "a b", "localhost.",
         "LOCALHOST", "é.example", "localhost:5000", "127.0.0.1"]  # fmt: skip


def _client_sends(host: str) -> bool:
    """Whether Werkzeug's test client can send this Host at all: before Werkzeug 3.1.x it
    raises ValueError on a port out of range before any app sees the request."""
    try:
        Client(lambda environ, start: [start("200 OK", []) or b""]).get("/", headers={"Host": host})
    except ValueError:
        return False
    return True


HOSTS = [host for host in HOSTS if _client_sends(host)]  # what this Werkzeug can send
#: Header names, with values worth trying beside arbitrary Latin-1 text.
HEADERS = {
    "Host": HOSTS,
    "Cookie": ["session=x", "session=", "session=.eJyrVkrLz1eyUkpKLFKqBQA.x.y", "=; ;=",
               "session=\xe9"],
    "Authorization": ["Basic !!!", "Basic /w==", "Basic dXNlcg==", "Bearer", "Bearer x",
                      "Digest x", "Basic " + "A" * 200],
    "Range": ["bytes=-1", "bytes=99999999999999999999-", "bytes=0-0,1-1", "bytes=x"],
    "X-Forwarded-For": ["", "a, b, c", "999.1.1.1", "::ffff:1.2.3.4"],
    "X-Forwarded-Host": ["evil.example", "", "a b"],
    "X-Forwarded-Proto": ["https", "gopher", ""],
    "X-Forwarded-Prefix": ["/x", "//evil.example", "%ff"],
    "Accept": ["application/json", "*/*;q=x", "text/html;q=2"],
    "If-Modified-Since": ["yesterday", "Mon, 99 Feb 2020 99:99:99 GMT"],
    "Accept-Language": ["*", "x-" + "a" * 100, "en;q=nan"],
    "If-None-Match": ['"x"', "*", "W/"],
    "Origin": ["null", "https://evil.example"],
    "Referer": ["https://evil.example/", "\xff"],
    "User-Agent": ["", "a" * 2000],
    "X-Request-Id": ["", "\xff", "a" * 500],
    "X-CSRFToken": ["", "x", "a.b.c"],
}
# fmt: on

# Text of any script, lone surrogates included (Hypothesis leaves them out by default).
any_text = st.text(st.characters(exclude_categories=()), max_size=12)
odd_text = st.one_of(st.sampled_from(ODD_TEXT), any_text)
latin1 = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=40
)
huge = st.sampled_from(HUGE_NUMBERS)
odd_segment = st.one_of(st.sampled_from(ODD_SEGMENTS), odd_text.map(lambda t: escaped(t)))


def escaped(text: str) -> str:
    """Text as a path segment or query value: percent-escaped UTF-8, surrogates as bytes."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def segment(converter) -> st.SearchStrategy[str]:
    """A path segment (percent-escaped) for a converter: its own kind of value, or an odd one."""
    if isinstance(converter, IntegerConverter):
        own = st.one_of(st.integers(), huge).map(str) | st.sampled_from(["007", "１", "٣", "1.0"])
    elif isinstance(converter, FloatConverter):
        floats = st.floats().map(repr)
        own = floats | huge.map(str) | st.sampled_from(["1.5", "-0.0", "1e400", "nan", "inf"])
    elif isinstance(converter, UUIDConverter):
        own = st.uuids().map(str) | st.uuids().map(lambda u: u.hex.upper())
    elif isinstance(converter, AnyConverter) and converter.items:
        own = st.sampled_from(sorted(converter.items))
    elif isinstance(converter, PathConverter):
        part = st.sampled_from(["..", ".", "", "x"]) | odd_segment
        own = st.lists(part, max_size=4).map("/".join)
    else:
        own = odd_text.map(escaped)
    return st.one_of(own, odd_segment)


def query_string(pairs) -> str:
    return "&".join(f"{escaped(k)}={escaped(v)}" for k, v in pairs)


def json_body(args) -> dict:
    value, ascii_only, content_type = args
    text = json.dumps(value, ensure_ascii=ascii_only)  # NaN and Infinity too, as Python writes
    return {"body": text.encode("utf-8", "surrogatepass"), "content_type": content_type}


def form_body(pairs) -> dict:
    text = urlencode(pairs, encoding="utf-8", errors="surrogatepass")
    return {"body": text.encode(), "content_type": "application/x-www-form-urlencoded"}


def utf8(text: str) -> str:
    """Text a multipart body can carry: Werkzeug writes it as UTF-8, lone surrogates as "?"."""
    return text.encode("utf-8", "replace").decode()


def multipart_body(args) -> dict:
    pairs, files = args
    fields = tuple((utf8(k), utf8(v)) for k, v in pairs)
    return {"form": fields, "files": tuple((utf8(f), utf8(n), c) for f, n, c in files)}


@dataclass(frozen=True)
class Browser:
    """What the app hands a browser on its pages: cookies (the session, say) and hidden
    form fields (a CSRF token, say). A generated request may send them back, so that it
    gets past a CSRF check to the view behind it."""

    cookie: str
    fields: tuple[tuple[str, str], ...]


class Inputs:
    """The strategies for one app, built once: its words are the names its code and
    templates use, tried as query, form and JSON keys, and in Host names."""

    def __init__(self, words: list[str], browser: Browser | None = None):
        self.browser = browser
        word = st.sampled_from(words)
        text = st.one_of(odd_text, word)
        value = st.one_of(text, huge.map(str))
        pairs = st.lists(st.tuples(st.one_of(word, text), value), max_size=4)
        self.query = st.one_of(pairs.map(query_string), st.sampled_from(ODD_QUERIES))
        scalar = st.one_of(st.none(), st.booleans(), st.integers(), huge, st.floats(), text)
        document = st.recursive(
            scalar,
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
            max_leaves=4,
        )
        json_object = st.dictionaries(word, document, max_size=4)
        json_types = st.sampled_from(JSON_TYPES)
        deep = st.tuples(st.sampled_from(DEEP_OPENERS), st.sampled_from(DEPTHS))
        filename = st.one_of(st.sampled_from(FILENAMES), any_text)
        files = st.lists(st.tuples(word, filename, st.binary(max_size=32)), max_size=2)
        raw = st.one_of(st.binary(max_size=48), st.sampled_from(RAW_BODIES))
        self.body = st.one_of(
            st.just({}),
            st.tuples(json_object | document, st.booleans(), json_types).map(json_body),
            deep.map(lambda d: {"body": d[0] * d[1], "content_type": "application/json"}),
            pairs.map(form_body),
            st.tuples(pairs, files).map(multipart_body),
            st.builds(lambda b, t: {"body": b, "content_type": t}, raw, st.sampled_from(RAW_TYPES)),
        )
        hosts = st.tuples(word, word).map(".".join)  # a subdomain the app knows: acme.example.test
        header = st.one_of(
            *(
                st.tuples(st.just(name), st.sampled_from(values) | latin1)
                for name, values in HEADERS.items()
            ),
            st.tuples(st.just("Host"), hosts),
        )
        self.headers = st.lists(header, max_size=3).map(tuple)

    def cases(self, target: Target) -> st.SearchStrategy[Case]:
        """The Cases of one rule: its arguments' values, a method, and the rest."""
        methods = st.sampled_from(METHODS)  # besides the rule's own: see sent_with()
        values = st.tuples(*(segment(converter) for converter in target.arguments))
        as_browser = st.booleans() if self.browser else st.just(False)
        return st.builds(
            self.case, methods, values, self.query, self.headers, self.body, as_browser
        )

    def case(self, method, values, query, headers, body, as_browser) -> Case:
        case = Case(method, values, query, headers, **body)
        return self.as_browser(case) if as_browser else case

    def as_browser(self, case: Case) -> Case:
        """The Case with the cookies and hidden fields a browser would send back."""
        cookie, fields = self.browser.cookie, self.browser.fields
        tokens = tuple(("X-CSRFToken", v) for n, v in fields if "csrf" in n.lower())
        changes = {"headers": (*case.headers, ("Cookie", cookie), *tokens)}
        if case.content_type == "application/x-www-form-urlencoded":
            changes["body"] = (case.body or b"") + b"&" + urlencode(fields).encode()
        elif case.form or case.files:
            changes["form"] = case.form + fields
        return dataclasses.replace(case, **changes)


# --- sending one request, and judging its answer ------------------------------------------

PLACEHOLDER = re.compile(r"<[^>]+>")
TRACEBACK = re.compile(
    rb'Traceback \(most recent call last\)|File "[^"\n]+", line \d+|__debugger__'
)
SECRET_NAME = re.compile(r"(^|_)(SECRET|PASSWORD|PASSWD|TOKEN|KEY|SALT|CREDENTIALS?)$")


@dataclass
class Target:
    """One URL rule of one app: what to fill in, and which methods it takes."""

    app_name: str
    template: str  # "/api/books/<int:book_id>", or "/acme/<path>" for a mounted prefix
    arguments: list  # one converter per placeholder
    methods: list[str]
    allowed_crash: type[BaseException] | None = None


@dataclass
class Fuzzed:
    """What one app's fuzzing saw."""

    sent: int = 0
    replayed: int = 0  # of them, replaying the regressions
    broken: set = field(default_factory=set)  # rules that failed a regression: "*" for all
    statuses: Counter = field(default_factory=Counter)
    crashed_on_purpose: set = field(default_factory=set)
    pending: Counter = field(default_factory=Counter)  # "METHOD rule" -> 500s (PENDING)


class Failure(AssertionError):
    """A request that broke the rule: its message says which, and what came back."""

    def __init__(self, message: str, target: Target | None):
        super().__init__(message)
        self.target = target


def path_for(target: Target, values: tuple[str, ...]) -> str:
    pieces = iter(values[i % len(values)] if values else "1" for i in range(len(target.arguments)))
    return PLACEHOLDER.sub(lambda _: next(pieces), target.template)


def environ_for(case: Case, method: str, path: str) -> dict:
    """The WSGI environ a server would build: the path's bytes as Latin-1, undecoded."""
    if case.files or case.form:
        data = MultiDict([*case.form, *((f, (io.BytesIO(c), n)) for f, n, c in case.files)])
        builder = EnvironBuilder(method=method, data=data)
    else:
        builder = EnvironBuilder(method=method, data=case.body, content_type=case.content_type)
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    environ["PATH_INFO"] = unquote_to_bytes(path).decode("latin-1")
    environ["QUERY_STRING"] = case.query
    environ["REQUEST_URI"] = environ["RAW_URI"] = path + (f"?{case.query}" if case.query else "")
    for name, value in case.headers:
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    return environ


def secrets_of(app) -> list[str]:
    """The configuration values of ``app`` that no client may read (see the module's doc)."""
    config = getattr(app, "config", {})
    found = []
    for name, value in config.items():
        if name == "SECRET_KEY_FALLBACKS":
            found.extend(str(v) for v in value or [])
        elif SECRET_NAME.search(name) and isinstance(value, str | bytes):
            found.append(value.decode("latin-1") if isinstance(value, bytes) else value)
        elif name.endswith("_URL") and isinstance(value, str) and urlsplit(value).password:
            found.append(urlsplit(value).password)
    return [secret for secret in found if len(secret) >= 8]


def apps_inside(app) -> list:
    """The Flask apps a plain WSGI app mounts (for their secrets), and the app itself."""
    return [app, *(a for a in getattr(app, "mounts", {}).values() if isinstance(a, Flask))]


class Fuzzer:
    """Sends Cases to the targets of one app and judges each answer."""

    def __init__(self, name: str, app, fuzzed: Fuzzed):
        self.name, self.app, self.fuzzed = name, app, fuzzed
        if isinstance(app, Flask):
            self.client = app.test_client(use_cookies=False)
        else:
            self.client = Client(app, use_cookies=False)
        self.secrets = sorted({s for a in apps_inside(app) for s in secrets_of(a)})
        self.raised: list[BaseException] = []

    def record(self, sender, exception, **extra):
        self.raised.append(exception)

    def send(self, target: Target, case: Case, method: str) -> None:
        path = path_for(target, case.values)
        where = f"{method} {path}{'?' + case.query if case.query else ''}"
        environ = environ_for(case, method, path)
        self.raised.clear()
        self.fuzzed.sent += 1
        try:
            response = self.client.open(Request(environ))
            try:
                body = response.get_data()
                status, headers = response.status_code, str(response.headers)
            finally:
                response.close()
        except Exception as error:  # out of the app: what a server would answer with a 500
            self.raised.append(error)
            status, body, headers = 500, b"", ""
        self.fuzzed.statuses[status] += 1
        problems = []
        if status >= 500:
            allowed = target.allowed_crash
            pending, message, _ = PENDING.get(self.name, (None, None, None))
            if allowed and self.raised and all(isinstance(e, allowed) for e in self.raised):
                self.fuzzed.crashed_on_purpose.add(target.template)
            elif (
                pending
                and self.raised
                and all(isinstance(e, pending) and str(e) == message for e in self.raised)
            ):
                self.fuzzed.pending[f"{method} {target.template}"] += 1
            else:
                raised = ", ".join(f"{type(e).__name__}: {e}"[:200] for e in self.raised)
                problems.append(f"status {status}" + (f" ({raised})" if raised else ""))
        if TRACEBACK.search(body):
            problems.append("a traceback in the body")
        for secret in self.secrets:
            if secret.encode() in body or secret in headers:
                problems.append(f"the secret {secret[:4]}... in the answer")
        if problems:
            raise Failure(
                f"{self.name}: {target.template}: {where}: {'; '.join(problems)}\n"
                f"    request headers {case.headers!r}, content type {case.content_type!r},\n"
                f"    body {short(case.body)}, form {short(case.form)}, files {short(case.files)}\n"
                f"    answer {body[:300]!r}",
                target,
            )


# --- finding the targets ----------------------------------------------------------------

WORD = re.compile(r"""["']([A-Za-z_][A-Za-z0-9_.\-]{0,39})["']""")
FIELD = re.compile(r"""name=["']([^"']{1,40})["']""")
FALLBACK_WORDS = ["id", "name", "title", "q", "next", "page"]


def words_of(name: str) -> list[str]:
    """The names the app's code and templates use, as query, form and JSON keys."""
    folder = (ROOT / name.partition(": ")[0]).parent
    found = set(FALLBACK_WORDS)
    for file in folder.glob("*.py"):
        found.update(WORD.findall(file.read_text()))
    for file in folder.glob("templates/**/*.html"):
        found.update(FIELD.findall(file.read_text()))
    return sorted(found)[:200]


def targets_of(name: str, app) -> list[Target]:
    if not isinstance(app, Flask):  # a plain WSGI app: its root, and each prefix it mounts
        found = [Target(name, "/<path>", [PathConverter(None)], ["GET", "POST"])]
        for prefix, mounted in getattr(app, "mounts", {}).items():
            found.append(Target(name, prefix + "/<path>", [PathConverter(None)], ["GET", "POST"]))
            if isinstance(mounted, Flask):
                found.extend(
                    Target(name, prefix + t.template, t.arguments, t.methods)
                    for t in targets_of(name, mounted)
                )
        return found
    found = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        converters = [rule._converters[arg] for arg in placeholders(rule)]
        crash = CRASHES_ON_PURPOSE.get((name, rule.rule), (None,))[0]
        methods = sorted(rule.methods or {"GET"})
        found.append(Target(name, rule.rule, converters, methods, crash))
    return found


def placeholders(rule: Rule) -> list[str]:
    """The rule's argument names, in the order they appear in its path."""
    return [part.split(":")[-1] for part in re.findall(r"<([^>]+)>", rule.rule)]


INPUT = re.compile(r"<(?:input|meta)\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r"""([a-z-]+)=["']([^"']*)["']""", re.I)


def browse(app, targets: list[Target], fuzzed: Fuzzed) -> Browser | None:
    """GET each page of the app that takes no argument, as a browser: what it hands out."""
    if not isinstance(app, Flask):
        return None
    client, cookies, fields = app.test_client(), {}, {}
    for target in targets:
        if target.arguments or "GET" not in target.methods:
            continue
        response = client.get(target.template)
        fuzzed.sent += 1
        fuzzed.statuses[response.status_code] += 1
        for header in response.headers.getlist("Set-Cookie"):
            name, _, value = header.partition(";")[0].partition("=")
            cookies[name.strip()] = value
        html_page = response.mimetype == "text/html"  # a favicon or a download has no form
        for tag in INPUT.findall(response.get_data(as_text=True) if html_page else ""):
            found = {k.lower(): html.unescape(v) for k, v in ATTRIBUTE.findall(tag)}
            if found.get("type") == "hidden" and "name" in found:
                fields[found["name"]] = found.get("value", "")
            elif found.get("name") == "csrf-token" and "content" in found:
                fields["csrf_token"] = found["content"]
        response.close()
    if not cookies and not fields:
        return None
    cookie = "; ".join(f"{name}={value}" for name, value in sorted(cookies.items()))
    return Browser(cookie, tuple(sorted(fields.items())))


def prepare(app) -> str | None:
    """Create an app's tables and seed data with its own commands, if it has them."""
    if not isinstance(app, Flask):
        return None
    for command in ("init-db", "seed"):
        if command in app.cli.commands:
            result = app.test_cli_runner().invoke(args=[command])
            if result.exit_code != 0:
                return f"flask {command} failed: {result.output}{result.exception!r}"
    return None


# --- the test -----------------------------------------------------------------------------

HYPOTHESIS = {
    "derandomize": True,  # the same code gives the same requests
    "database": None,  # and no example database in the repository
    "deadline": None,  # a request's time is not the point
    # No shrinking: it can take thousands of requests. A failure is reported as found, and
    # Hypothesis begins with the simplest inputs, so the first one found is a small one.
    "phases": [Phase.explicit, Phase.generate],
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
    "print_blob": False,
}


def budget() -> int:
    value = os.environ.get("FUZZ_REQUESTS", "")
    return int(value) if value.strip() else DEFAULT_REQUESTS


BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def sent_with(case: Case, target: Target) -> list[str]:
    """A generated Case goes with each method of its rule (OPTIONS is Flask's, not the
    view's), and with the Case's own method, which is often one the rule refuses."""
    methods = [m for m in target.methods if m != "OPTIONS"]
    return methods + [case.method] if case.method not in methods else methods


def requests_per_case(target: Target) -> float:
    """How many requests a generated Case makes on average (see sent_with)."""
    methods = {m for m in target.methods if m != "OPTIONS"}
    return len(methods) + 1 - len(methods & set(METHODS)) / len(METHODS)


def replay_methods(case: Case, target: Target) -> list[str]:
    """The methods a regression is sent with: a body to each method of the rule that takes
    one, path values only where the rule has arguments, anything else with one method."""
    if case.method:
        return [case.method]
    if case.values and not target.arguments:
        return []
    if case.body is not None or case.form or case.files:
        return sorted(BODY_METHODS & set(target.methods))
    return target.methods[:1]


def replay(fuzzer: Fuzzer, target: Target, inputs: Inputs) -> list[str]:
    """Send every regression to the rule, and again as a browser if the app hands out
    cookies or hidden fields; the failures (three at most)."""
    failures = []
    cases = REGRESSIONS + [inputs.as_browser(c) for c in REGRESSIONS if inputs.browser]
    for case in cases:
        for method in replay_methods(case, target):
            try:
                fuzzer.send(target, case, method)
            except Failure as failure:
                failures.append(str(failure))
    return failures[:3]


def generate(fuzzer: Fuzzer, targets: list[Target], per_rule: float, inputs: Inputs) -> list[str]:
    """Let Hypothesis send about ``per_rule`` requests to each rule of one app.

    One run for the whole app: a run has a cost of its own. A failure stops the run;
    the next run leaves that rule out, so every rule that fails is reported, once.
    """
    failures, remaining = [], list(targets)
    pairs = {id(t): inputs.cases(t).map(functools.partial(with_target, t)) for t in targets}
    while remaining:
        requests = sum(requests_per_case(t) for t in remaining) / len(remaining)
        examples = max(1, math.ceil(per_rule * len(remaining) / requests))

        @settings(max_examples=examples, **HYPOTHESIS)
        @given(st.one_of(*(pairs[id(t)] for t in remaining)))
        def generated(pair):
            target, case = pair
            for method in sent_with(case, target):
                fuzzer.send(target, case, method)

        try:
            generated()
            return failures
        except Failure as failure:
            failures.append(str(failure))
            remaining.remove(failure.target)
        except Exception as error:  # Hypothesis' own complaints, say
            failures.append(f"{fuzzer.name}: {type(error).__name__}: {error}")
            return failures
    return failures


def with_target(target: Target, case: Case) -> tuple[Target, Case]:
    return target, case


def service_config(request) -> tuple[dict, dict]:
    """Settings that point the apps at the run's services, and why a service is missing."""
    try:
        redis = request.getfixturevalue("redis_server")
    except pytest.skip.Exception as skipped:
        return {}, {"REDIS_URL": str(skipped)}
    redis.flush()
    return {"REDIS_URL": redis.url}, {}


def opened(name: str, app, fuzzed: Fuzzed) -> tuple[Fuzzer, list[Target], Inputs]:
    """The app ready to fuzz: its tables made, its rules, and what it hands a browser."""
    if problem := prepare(app):
        raise Failure(f"{name}: {problem}", None)
    targets = targets_of(name, app)
    return Fuzzer(name, app, fuzzed), targets, Inputs(words_of(name), browse(app, targets, fuzzed))


def fuzz_regressions(name: str, app, fuzzed: Fuzzed) -> list[str]:
    """Send every regression to every rule of one app; the failures. A rule that fails
    is left out of the generated requests (``fuzzed.broken``)."""
    try:
        fuzzer, targets, inputs = opened(name, app, fuzzed)
    except Failure as failure:
        fuzzed.broken.add("*")
        return [str(failure)]
    with got_request_exception.connected_to(fuzzer.record):
        found = {t.template: replay(fuzzer, t, inputs) for t in targets}
    fuzzed.replayed = fuzzed.sent
    fuzzed.broken.update(template for template, failures in found.items() if failures)
    return [failure for failures in found.values() for failure in failures]


def fuzz_generated(name: str, app, fuzzed: Fuzzed, per_rule: float) -> list[str]:
    """Let Hypothesis send about ``per_rule`` requests to each rule of one app that passed
    the regressions; the failures."""
    if "*" in fuzzed.broken:
        return []
    fuzzer, targets, inputs = opened(name, app, fuzzed)
    targets = [t for t in targets if t.template not in fuzzed.broken]
    with got_request_exception.connected_to(fuzzer.record):
        return generate(fuzzer, targets, per_rule, inputs)


# --- the fuzzer's own parts -------------------------------------------------------------


def small_app() -> Flask:
    app = Flask("fuzz_test_app")
    app.config.update(TESTING=True, PROPAGATE_EXCEPTIONS=False, SECRET_KEY=SECRET_KEY)
    return app


def fuzz_alone(app, per_rule: float = 30) -> tuple[list[str], Fuzzed]:
    name, fuzzed = "tests/fuzz_test_app.py: app", Fuzzed()
    with mock.patch.object(Flask, "log_exception"):
        failures = fuzz_regressions(name, app, fuzzed)
        return failures + fuzz_generated(name, app, fuzzed, per_rule), fuzzed


def test_a_clean_app_passes_and_every_request_sent_is_counted():
    app, seen = small_app(), []
    app.before_request(lambda: seen.append(1))
    app.add_url_rule("/", "index", lambda: "ok")
    app.add_url_rule("/n/<int:n>", "number", lambda n: str(n), methods=["GET", "POST"])
    failures, fuzzed = fuzz_alone(app)
    assert failures == []
    assert fuzzed.sent > fuzzed.replayed > 0
    assert len(seen) == fuzzed.sent  # every request counted reached the app


def test_a_500_is_found_with_the_request_that_caused_it():
    app = small_app()
    app.add_url_rule("/n/<int:n>", "inverse", lambda n: str(1 / n))
    failures, _ = fuzz_alone(app)
    assert len(failures) == 1
    assert failures[0].startswith(
        "tests/fuzz_test_app.py: app: /n/<int:n>: GET /n/0: status 500 (ZeroDivisionError"
    )


def test_an_exception_out_of_a_plain_wsgi_app_is_a_500():
    def application(environ, start_response):
        environ["PATH_INFO"].encode("latin-1").decode()  # fails on a path that is not UTF-8
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    failures, _ = fuzz_alone(application)
    assert "status 500 (UnicodeDecodeError" in failures[0]


def test_a_secret_in_an_answer_is_found():
    app = small_app()
    app.add_url_rule("/", "leak", lambda: {"key": app.config["SECRET_KEY"]})
    failures, _ = fuzz_alone(app)
    assert "GET /: the secret fuzz... in the answer" in failures[0]


def test_a_traceback_in_an_answer_is_found():
    app = small_app()
    app.add_url_rule("/", "index", lambda: "ok")

    @app.errorhandler(404)
    def explain(error):
        return "".join(traceback.format_stack()), 404  # a 404, but it tells too much

    failures, _ = fuzz_alone(app)
    assert failures[0].startswith("tests/fuzz_test_app.py: app: /static/<path:filename>: GET ")
    assert ": a traceback in the body" in failures[0]


def test_a_crash_on_purpose_may_raise_only_its_own_exception():
    app = small_app()

    @app.get("/divide/<int:a>/<int:b>")
    def divide(a, b):
        if a >= 2**63:
            raise ValueError("too big for this app")  # a bug: no 500 is allowed for it
        return str(a // b)  # b == 0 raises ZeroDivisionError, on purpose

    crashes = {("tests/fuzz_test_app.py: app", "/divide/<int:a>/<int:b>"): (ZeroDivisionError, "")}
    with mock.patch.dict(CRASHES_ON_PURPOSE, crashes):
        failures, fuzzed = fuzz_alone(app)
    assert fuzzed.crashed_on_purpose == {"/divide/<int:a>/<int:b>"}  # /divide/0/0, replayed
    assert "status 500 (ValueError: too big for this app)" in failures[0]


def test_the_path_reaches_the_app_as_bytes_the_server_decoded():
    app, paths = small_app(), []
    app.before_request(lambda: paths.append(request.environ["PATH_INFO"]))
    app.add_url_rule("/<name>", "name", lambda name: name)
    fuzz_alone(app)
    assert "/\xff\xfe" in paths  # %ff%fe, replayed: Latin-1 characters, one per byte


def test_a_csrf_token_and_the_session_are_sent_back_as_a_browser_would():
    from flask_wtf.csrf import CSRFProtect, generate_csrf

    app, posted = small_app(), []
    app.before_request(lambda: abort(400) if None in request.form else None)  # see json_ajax
    CSRFProtect(app)

    @app.get("/")
    def form():
        return f'<input type="hidden" name="csrf_token" value="{generate_csrf()}">'

    @app.post("/notes")
    def add():
        posted.append(request.get_data())
        return "", 204

    failures, fuzzed = fuzz_alone(app)
    assert failures == []
    browser = browse(app, targets_of("x", app), Fuzzed())
    assert [name for name, _ in browser.fields] == ["csrf_token"]
    assert browser.cookie.startswith("session=")
    assert posted, fuzzed.statuses  # past the CSRF check, to the view


# Hypothesis warns when it writes out a Case with a 100 kB body: the Case's own repr is short.
@pytest.mark.filterwarnings("ignore:Generating overly large repr")
def test_every_route_of_every_app_survives_hostile_input(
    tmp_path, request, record_property, capsys
):
    services, missing = service_config(request)
    config = {"TESTING": True, "PROPAGATE_EXCEPTIONS": False, "SECRET_KEY": SECRET_KEY, **services}
    failures, skipped, fuzzed, rules = [], [], {}, 0
    start, cpu = time.perf_counter(), time.process_time()
    # Every exception is recorded through got_request_exception: Flask need not log it too.
    environment = mock.patch.dict(os.environ, {"FLASK_SECRET_KEY": SECRET_KEY})
    with environment, mock.patch.object(Flask, "log_exception"):
        # Every app replays the regressions, then Hypothesis shares what is left of the
        # budget among the rules. Each pass builds the apps anew, on empty databases.
        for name, app in find_apps(EXAMPLES, tmp_path / "regressions", config):
            needs = needs_of(name.split(":", 1)[0], ROOT, ROOT / "docs", EXAMPLES)
            if reason := first_unmet(needs):  # its page needs a newer Flask (make test-matrix)
                skipped.append(f"{name}: {reason}")
            elif isinstance(app, NotAuditable | Exception):
                failures.append(f"{name}: cannot load: {type(app).__name__}: {app}")
            elif reason := next((why for key, why in missing.items() if key in app.config), None):
                skipped.append(f"{name}: {reason}")
            else:
                fuzzed[name] = Fuzzed()
                failures.extend(fuzz_regressions(name, app, fuzzed[name]))
                rules += len(targets_of(name, app))
        replayed = sum(f.sent for f in fuzzed.values())
        per_rule = max(0, budget() - replayed) / max(1, rules)
        for name, app in find_apps(EXAMPLES, tmp_path / "generated", config):
            if name in fuzzed:
                failures.extend(fuzz_generated(name, app, fuzzed[name], per_rule))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu

    sent = sum(f.sent for f in fuzzed.values())
    statuses = sum((f.statuses for f in fuzzed.values()), Counter())
    record_property("fuzz_requests", sent)
    record_property("fuzz_seconds", round(seconds, 1))
    record_property("fuzz_cpu_seconds", round(cpu, 1))
    with capsys.disabled():
        print(
            f"\nfuzz: {sent} requests to {rules} rules of {len(fuzzed)} apps in {seconds:.1f} s,"
            f" {cpu:.1f} s of CPU (FUZZ_REQUESTS={budget()}): {replayed} replaying the "
            f"regressions, {sent - replayed} generated"
        )
        print("  statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
        for line in skipped:
            print(f"  not fuzzed: {line}")
        for name, (error, message, why) in PENDING.items():
            if fuzzed.get(name) and fuzzed[name].pending:
                print(f"  PENDING, a 500 that does not fail this test: {name}: {why}")
                found = sorted(fuzzed[name].pending.items())
                seen = ", ".join(f"{where} ({n})" for where, n in found)
                print(f"    {error.__name__}: {message}, on {seen}")
    pending = {name: dict(f.pending) for name, f in fuzzed.items() if f.pending}
    record_property("fuzz_pending_500s", pending)
    crashed = {(name, t) for name, f in fuzzed.items() for t in f.crashed_on_purpose}
    for key, (_, why) in CRASHES_ON_PURPOSE.items():
        if key not in crashed and key[0] in fuzzed:
            failures.append(f"{key[0]}: {key[1]} no longer crashes ({why}): remove its entry")
    for name in PENDING.keys() & fuzzed.keys() - pending.keys():
        failures.append(f"{name}: no longer fails as PENDING says: remove its entry")
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures)
