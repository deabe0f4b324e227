"""A page's blocks, run in the reader's browser the way the test suite runs them.

This module ships inside the site's Python bundle (:mod:`.bundle`) and runs in
Pyodide, in the page's Web Worker (``static/worker.mjs``). One :class:`Session`
is one page: its blocks share one module namespace, named after the page as in
the suite (``Flask(__name__)`` works), in page order.

* A code block is executed; what it prints is its output, and the repr of a
  last expression is shown as a notebook shows it.
* A doctest block (``>>>``) runs example by example as :mod:`doctest` does
  (``"single"`` mode, so an expression's value is printed), and each
  example's output is compared with the page's with the suite's checker
  (ELLIPSIS), exceptions by their last line.
* A skip comment is obeyed as the suite obeys it, its condition evaluated in
  the page's namespace.
* JSON is parsed by the json module's pure-Python scanner
  (:func:`use_python_json_scanner`).
* Invisible blocks get a stand-in for the engine's ``page``: ``use_example``
  puts the example folder (written to ``/guide/examples/`` by the worker)
  first on ``sys.path``; ``enter_context``, ``resources``, ``tmp_path``,
  ``path`` and ``before`` work; ``fixture`` (a database, a mail server) does
  not exist here.

The module runs under CPython too: ``tests/test_run_here.py`` checks it there.
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import importlib
import importlib.machinery
import io
import json
import random
import re
import sys
import tempfile
import time
import traceback
import types
from importlib.metadata import version
from pathlib import Path

#: The repository's layout, in the browser's file system.
ROOT = Path("/guide")
#: The suite's doctest options (harness.runner.parsers.DOCTEST_FLAGS).
FLAGS = doctest.ELLIPSIS
PARSER = doctest.DocTestParser()
TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
SPACE_BEFORE_ELLIPSIS = re.compile(r"[ \t]+(?=\.\.\.$)", re.MULTILINE)


class Checker(doctest.OutputChecker):
    """doctest's checker as the suite's Sybil runs it: spaces at a line's end don't count."""

    def check_output(self, want: str, got: str, optionflags: int) -> bool:
        want, got = TRAILING_SPACE.sub("", want), TRAILING_SPACE.sub("", got)
        if optionflags & doctest.ELLIPSIS:  # "x ..." at a line's end matches "x"
            want = SPACE_BEFORE_ELLIPSIS.sub("", want)
        return super().check_output(want, got, optionflags)


CHECKER = Checker()


class NotHere(RuntimeError):
    """What needs a server, a database or a process: the test suite's machine has one."""


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(re.match(r"\d+", part)[0]) for part in text.split(".")[:3])


class Page:
    """The stand-in for the engine's ``page``, for a page's invisible blocks."""

    def __init__(self, path: str, root: Path = ROOT) -> None:
        self.root = root
        self.path = root / path
        self.resources = contextlib.ExitStack()
        self._tmp: Path | None = None

    @property
    def tmp_path(self) -> Path:
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp())
        return self._tmp

    def enter_context(self, manager):
        return self.resources.enter_context(manager)

    def use_example(self, name: str) -> Path:
        folder = self.root / "examples" / name
        if not folder.is_dir():
            raise FileNotFoundError(f"no example folder examples/{name} in the browser")
        sys.path.insert(0, str(folder))
        return folder

    def fixture(self, name: str, *, optional: bool = False):
        if optional:
            return None
        raise NotHere(f"{name} runs on the test suite's machine, not in a browser")

    def before(self, package: str, release: str) -> bool:
        return _release(version(package)) < _release(release)


def use_python_json_scanner() -> None:
    """Parse JSON with the json module's pure-Python scanner.

    Its C scanner recurses on the C stack, and in a browser that stack ends
    before Python notices: JSON nested 100,000 deep (pages show apps refusing
    it) kills the interpreter instead of raising RecursionError. The Python
    scanner recurses in Python frames, which the recursion limit guards as on
    any machine. Same results, a little slower.
    """
    import json
    import json.scanner

    json.scanner.make_scanner = json.scanner.py_make_scanner  # what JSONDecoder() reads
    json._default_decoder = json.JSONDecoder()


def _if(condition, reason=None):
    return reason if condition else None


class Session:
    """One page: its namespace, and its blocks run in order."""

    def __init__(self, module: str, path: str, root: Path = ROOT) -> None:
        self.module = types.ModuleType(module)
        self.module.__file__ = str(root / path)
        # A spec with the page as origin: Flask finds an app's folders from it.
        self.module.__spec__ = importlib.machinery.ModuleSpec(module, None, origin=str(root / path))
        sys.modules[module] = self.module
        self.namespace = self.module.__dict__
        self.namespace["page"] = Page(path, root)
        self.path = path
        self.skipping: str | None = None  # the reason of a skip: start
        self.skip_next: str | None = None
        self.stdout = io.StringIO()  # what doctest examples print to
        random.seed(module)  # as the suite seeds it for every page
        # Pyodide's prefix is "/", under which Flask would take every app for an
        # installed package and put its instance folder in /var: not so on a machine.
        sys.prefix = sys.exec_prefix = "/lib"
        use_python_json_scanner()

    # --- skips -----------------------------------------------------------------------

    def skip(self, action: str, rest: str | None) -> str | None:
        """Obey a skip comment (``next``, ``start``, ``end``); returns its reason when it skips.

        ``over`` says the page's next block is passed over (it can't run here): a
        ``skip: next`` above it is used up, as if it had skipped it.
        """
        rest = (rest or "").strip()
        reason = None
        if rest.startswith("if"):
            reason = eval("_if" + rest[2:], {"_if": _if}, self.namespace)  # noqa: S307
        elif rest:
            reason = ast.literal_eval(rest)
        if action == "next":
            self.skip_next = reason
        elif action == "start":
            self.skipping = reason
        elif action == "end":
            self.skipping = None
        elif action == "over":  # the next block runs on a machine only: the skip was its
            self.skip_next = None
        return reason

    # --- blocks ----------------------------------------------------------------------

    def run(self, text: str, line: int = 1) -> dict:
        """Run one block (code or doctest); a dict the page shows."""
        reason, self.skip_next = self.skip_next or self.skipping, None
        if reason:
            return {"skipped": reason, "ok": True, "items": []}
        start = time.perf_counter()
        if text.lstrip().startswith(">>>"):
            items = self.doctest(text, line)
        else:
            items = [self.code(text, line)]
        return {
            "ok": all(item["ok"] for item in items),
            "items": items,
            "seconds": round(time.perf_counter() - start, 4),
        }

    def filename(self, line: int) -> str:
        return f"{self.path}, block at line {line}"

    def code(self, text: str, line: int) -> dict:
        output = io.StringIO()
        ok = True
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            try:
                tree = ast.parse(text, self.filename(line))
                last = None
                if tree.body and isinstance(tree.body[-1], ast.Expr):
                    last = ast.Expression(tree.body.pop().value)
                exec(compile(tree, self.filename(line), "exec"), self.namespace)  # noqa: S102
                if last is not None:
                    value = eval(compile(last, self.filename(line), "eval"), self.namespace)  # noqa: S307
                    if value is not None:
                        print(repr(value))
            except BaseException as error:  # the reader's code: show what it raised
                ok = False
                output.write(self.traceback(error))
        return {"source": None, "output": output.getvalue(), "want": None, "ok": ok}

    def doctest(self, text: str, line: int) -> list[dict]:
        items = []
        for example in PARSER.get_examples(text):
            flags = FLAGS
            for option, on in example.options.items():
                flags = flags | option if on else flags & ~option
            if flags & doctest.SKIP:  # as doctest: not run, not compared
                items.append({"source": example.source, "output": "", "want": "", "ok": True})
                continue
            # One stand-in stdout for every example, emptied before each, as doctest
            # keeps one: a logging handler made in one example still prints in the next.
            output = self.stdout
            output.seek(0)
            output.truncate()
            error = None
            with contextlib.redirect_stdout(output):
                try:
                    code = compile(example.source, self.filename(line + example.lineno), "single")
                    exec(code, self.namespace)  # noqa: S102
                except BaseException as raised:  # compared with the page's, like doctest
                    error = raised
            got = output.getvalue()
            if error is None:
                ok = example.exc_msg is None and CHECKER.check_output(example.want, got, flags)
            else:
                message = traceback.format_exception_only(type(error), error)[-1]
                ok = example.exc_msg is not None and CHECKER.check_output(
                    example.exc_msg, message, flags
                )
                got += self.traceback(error)
            items.append({"source": example.source, "output": got, "want": example.want, "ok": ok})
        return items

    def traceback(self, error: BaseException) -> str:
        """The traceback from the page's code down: not this module's frames."""
        frames = traceback.extract_tb(error.__traceback__)
        here = Session.run.__code__.co_filename  # __file__ may name the .pyc
        keep = [frame for frame in frames if frame.filename != here]
        lines = ["Traceback (most recent call last):\n"] if keep else []
        lines += traceback.format_list(keep)
        lines += traceback.format_exception_only(type(error), error)
        return "".join(lines)


SESSION: Session | None = None


def start(module: str, path: str) -> None:
    """The worker's entry point: a new page."""
    global SESSION
    SESSION = Session(module, path)


def run(text: str, line: int) -> str:
    """The worker's entry point: one block; the result as JSON."""
    return json.dumps(SESSION.run(text, line))


def skip(action: str, rest: str | None) -> str:
    """The worker's entry point: a skip comment."""
    return json.dumps({"skipped": SESSION.skip(action, rest)})


# --- live apps ------------------------------------------------------------------------

CLIENTS: dict[str, object] = {}


def app_request(data: str) -> str:
    """The worker's entry point: one request to an example's app, for the live view.

    The page's service worker (``run-here-sw.js``) hands over each request the
    page's frame makes under ``_live/<page>/<module>/``; the app answers through
    one test client per app, which keeps the app's cookies (a service worker's
    response can't set them) and mounts the app under that prefix, so its links
    and redirects stay in the frame.
    """
    import base64
    import os
    import secrets

    request = json.loads(data)
    module = request["module"]
    client = CLIENTS.get(module)
    if client is None:
        # What the reader's terminal has: the pages say to export a key first.
        os.environ.setdefault("FLASK_SECRET_KEY", secrets.token_hex())
        folder = str(ROOT / "examples" / request["slug"])
        if folder not in sys.path:  # as if started in the example's folder
            sys.path.insert(0, folder)
        app = importlib.import_module(module).app
        client = CLIENTS[module] = app.test_client()
    response = client.open(
        request["path"],
        method=request["method"],
        headers=[(k, v) for k, v in request["headers"] if k.lower() not in {"cookie", "host"}],
        data=base64.b64decode(request["body"]),
        base_url=request["base"],
    )
    body = response.get_data()
    response.close()
    return json.dumps(
        {
            "status": response.status_code,
            "statusText": response.status.partition(" ")[2],
            "headers": [(k, v) for k, v in response.headers if k.lower() != "set-cookie"],
            "body": base64.b64encode(body).decode(),
        }
    )
