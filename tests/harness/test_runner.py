"""The page runner's behaviour, each case shown on a small page of a temporary project.

The project copies the repository's real conftest.py and pyproject.toml, so
what is tested is the configuration the guide itself runs with. All the pages
below go into one project and pytest runs once over all of them, in a
subprocess, with ``--continue-on-collection-errors``: a page that breaks a rule
fails its own collection and nothing else. Each test then reads what the run
said about its own pages.
"""

import re
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from importlib.metadata import version

import pytest

from harness import ROOT

FLASK = version("flask")

#: page (under docs/) -> its text; a test's pages are defined just above it.
PAGES: dict[str, str] = {}


def page(name: str, text: str) -> str:
    PAGES[name] = textwrap.dedent(text).lstrip()
    return name


class Run:
    """What one pytest run over every page printed, read page by page."""

    def __init__(self, done: subprocess.CompletedProcess) -> None:
        self.output = done.stdout + done.stderr
        self.lines = self.output.splitlines()

    def outcomes(self, name: str) -> Counter:
        """PASSED / FAILED / SKIPPED counts of the items of one page (``-v`` lines)."""
        found = re.findall(
            rf"^docs/{re.escape(name)}::\S+ (PASSED|FAILED|SKIPPED)", self.output, re.M
        )
        return Counter(outcome.lower() for outcome in found)

    def ran_before(self, first: str, then: str) -> bool:
        """Whether every item of page ``first`` ran before the items of page ``then``."""
        order = re.findall(r"^docs/(\S+?)::", self.output, re.M)
        return max(i for i, name in enumerate(order) if name == first) < min(
            i for i, name in enumerate(order) if name == then
        )

    def has(self, *patterns: str) -> None:
        """These lines, in this order (fnmatch patterns), somewhere in the output."""
        pytest.LineMatcher(self.lines).fnmatch_lines(list(patterns))

    def lacks(self, pattern: str) -> None:
        pytest.LineMatcher(self.lines).no_fnmatch_line(pattern)

    def collection_error(self, name: str) -> str:
        """The message of the error that stopped one page's collection."""
        match = re.search(
            rf"^_+ ERROR collecting docs/{re.escape(name)} _+\n(.*?)\n", self.output, re.M
        )
        assert match, f"docs/{name} was collected without an error:\n{self.output}"
        return match[1]


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "conftest.py", project / "conftest.py")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "examples").symlink_to(ROOT / "examples")  # the guide's example folders
    for name, text in PAGES.items():
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("TMP", str(project)), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-v",
            "-rfEs",
            "--continue-on-collection-errors",
            "docs",
        ],  # fmt: skip
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Run(done)


# --- a failing block says where it failed ----------------------------------------------

ARITHMETIC = page(
    "arithmetic.md",
    """
    # Arithmetic

    Flask does not change arithmetic:

    ```pycon
    >>> 1 + 1
    2
    >>> 2 + 2
    5
    ```
    """,
)


def test_a_wrong_expected_output_names_the_page_line_block_and_flask_version(run):
    assert run.outcomes(ARITHMETIC) == {"passed": 1, "failed": 1}
    run.has(
        "docs/arithmetic.md, line 8: this block failed",
        "  the block starts at line 5: >>> 1 + 1",
        f"  run against Flask {FLASK} (*",
        "Expected:",
        "    5",
        "Got:",
        "    4",
    )
    run.has("FAILED docs/arithmetic.md::line:8,column:1 - docs/arithmetic.md, line 8*")


BOOM = page(
    "boom.md",
    """
    # Boom

    ```python
    from flask import Flask

    app = Flask(__name__)
    app.config["MISSING_KEY_IS_AN_ERROR"]
    ```
    """,
)


def test_an_exception_in_a_code_block_names_the_line_that_raised(run):
    assert run.outcomes(BOOM) == {"failed": 1}
    run.has(
        "docs/boom.md, line 7: this block failed",
        "  the block starts at line 3: from flask import Flask",
        f"  run against Flask {FLASK} (*",
        "docs/boom.md:7: in <module>",
        "E   KeyError: 'MISSING_KEY_IS_AN_ERROR'",
    )
    # Sybil's evaluator frames say nothing about the page; they are cut.
    run.lacks("*sybil/evaluators*")


DEPRECATED = page(
    "deprecated.md",
    """
    # Deprecated

    ```python
    import warnings

    warnings.warn("this API goes away in the next Flask", DeprecationWarning)
    ```
    """,
)


def test_a_deprecation_warning_fails_the_block(run):
    assert run.outcomes(DEPRECATED) == {"failed": 1}
    run.has("E   DeprecationWarning: this API goes away in the next Flask")


LEAK = page(
    "leak.md",
    """
    # Leak

    ```python
    from pathlib import Path

    Path("TMP/notes.txt").write_text("kept open")
    text = open("TMP/notes.txt").read()
    ```
    """,
)


def test_an_unclosed_file_fails_the_block_that_leaked_it(run):
    # The ResourceWarning comes from garbage collection, outside Sybil's evaluator:
    # it must still be a failure of this block (it once crashed pytest instead).
    assert run.outcomes(LEAK) == {"failed": 1}
    run.has(
        "docs/leak.md, line *: this block failed",
        "  the block starts at line 3: from pathlib import Path",
        "E   ResourceWarning: unclosed file*",
    )
    run.lacks("*INTERNALERROR*")


# --- skips must say why -------------------------------------------------------------------

LAZY = page(
    "lazy.md",
    """
    # Lazy

    % skip: next
    ```python
    raise SystemExit("never run, and never reported green either")
    ```
    """,
)


def test_a_skip_without_a_reason_is_an_error_not_a_pass(run):
    assert run.collection_error(LAZY).startswith(
        "docs/lazy.md, line 3: 'skip: next' needs a written reason in quotes, for example:"
    )
    assert run.outcomes(LAZY) == {}


FAR = page(
    "far.md",
    """
    # Far

    % skip: next "it would start a server"

    Some words in between, so the skip lands on a block the author did not mean.

    ```python
    x = 1
    ```
    """,
)


def test_a_skip_must_sit_directly_above_its_block(run):
    assert run.collection_error(FAR) == (
        "docs/far.md, line 3: 'skip: next' must be directly above the code block it skips"
    )


SERVER = page(
    "server.md",
    """
    # Server

    ```python
    from flask import Flask

    app = Flask(__name__)
    ```

    <!-- skip: next "app.run() serves until interrupted" -->
    ```python
    app.run()
    ```

    % skip: next if(True, reason="a condition that holds")
    ```python
    app.run()
    ```
    """,
)


def test_a_skip_with_a_reason_is_reported_as_skipped_at_the_page_line(run):
    assert run.outcomes(SERVER) == {"passed": 3, "skipped": 2}
    run.has("SKIPPED [1] docs/server.md:10: app.run() serves until interrupted")
    run.has("SKIPPED [1] docs/server.md:15: a condition that holds")


# --- pages as modules, pages as stories ------------------------------------------------------

FIRST = page(
    "first.md",
    """
    # First

    ```python
    from flask import Flask

    app = Flask(__name__)
    secret = "only on the first page"
    ```

    ```pycon
    >>> app.name
    'first'
    >>> import os
    >>> os.path.relpath(app.root_path, page.path.parent)
    '.'
    >>> app.test_client().get("/nothing-here").status_code
    404
    ```
    """,
)
SECOND = page(
    "topics/second-page.md",
    """
    # Second

    ```pycon
    >>> "secret" in globals(), "app" in globals()
    (False, False)
    >>> __name__
    'topics_second_page'
    >>> page.tmp_path.is_dir()
    True
    ```
    """,
)


def test_flask_name_works_in_a_page_and_each_page_has_its_own_namespace(run):
    assert run.outcomes(FIRST) == {"passed": 5}
    assert run.outcomes(SECOND) == {"passed": 3}


LOCALS = page(
    "locals.md",
    """
    # Locals

    ```python
    from flask import Flask, request

    app = Flask(__name__)
    ```

    ```pycon
    >>> with app.test_request_context("/where"):
    ...     request.path
    '/where'
    ```
    """,
)


def test_names_a_page_imports_survive_between_blocks(run):
    # The `page` fixture depends on pytest's own `request` fixture; neither it nor
    # any other fixture may overwrite `from flask import request` between blocks.
    assert run.outcomes(LOCALS) == {"passed": 2}


CONSOLE = page("console.md", "# Console\n\n```pycon\nprint('no prompt')\n```\n")


def test_a_pycon_block_must_be_a_session(run):
    assert run.collection_error(CONSOLE) == (
        "docs/console.md, line 3: a pycon block must be a Python session starting with '>>> '"
    )


USES = page(
    "uses.md",
    """
    # Uses

    % invisible-code-block: python
    %
    % page.use_example("foreword")

    ```pycon
    >>> from micro import app
    >>> app.name, app.root_path.endswith("examples/foreword")
    ('micro', True)
    >>> app.config["CHANGED_BY_THIS_PAGE"] = True
    ```
    """,
)
LATER = page(
    "uses_later.md",
    """
    # Later

    ```pycon
    >>> import sys
    >>> "micro" in sys.modules, any(p.endswith("examples/foreword") for p in sys.path)
    (False, False)
    >>> page.use_example("foreword").name
    'foreword'
    >>> from micro import app
    >>> "CHANGED_BY_THIS_PAGE" in app.config
    False
    ```
    """,
)


def test_an_example_folder_is_imported_fresh_and_forgotten_afterwards(run):
    # The project's examples/ is the guide's (a link): the folder the ini setting names.
    assert run.ran_before(USES, LATER)
    assert run.outcomes(USES) == {"passed": 4}
    assert run.outcomes(LATER) == {"passed": 5}


OPENS = page(
    "opens.md",
    """
    # Opens

    % invisible-code-block: python
    %
    % from contextlib import contextmanager
    % from pathlib import Path
    %
    % @contextmanager
    % def resource():
    %     Path("TMP/log.txt").write_text("open ")
    %     try:
    %         yield "the resource"
    %     finally:
    %         Path("TMP/log.txt").write_text("open closed")
    %
    % held = page.enter_context(resource())

    ```pycon
    >>> held, Path("TMP/log.txt").read_text()
    ('the resource', 'open ')
    >>> raise ValueError("a block fails")
    ```

    ```pycon
    >>> Path("TMP/log.txt").read_text()
    'open '
    ```
    """,
)
CLOSED = page(
    "opens_then.md",
    """
    # Later

    ```pycon
    >>> from pathlib import Path
    >>> Path("TMP/log.txt").read_text()
    'open closed'
    ```
    """,
)


def test_a_context_a_page_enters_stays_open_until_the_page_ends(run):
    """page.enter_context(): a server started by a page stops after its last block,
    even when a block failed, and before the next page runs."""
    assert run.ran_before(OPENS, CLOSED)
    assert run.outcomes(OPENS) == {"passed": 3, "failed": 1}
    assert run.outcomes(CLOSED) == {"passed": 2}


SHADOW = page("json.md", "# JSON\n\n```python\nx = 1\n```\n")


def test_a_page_that_would_shadow_a_real_module_is_refused(run):
    assert re.fullmatch(
        r".*json\.md: the page would run as module 'json'.*rename the page",
        run.collection_error(SHADOW),
    )


SETUP = page(
    "setup.md",
    """
    # Setup

    % invisible-code-block: python
    %
    % from flask import Flask
    % app = Flask(__name__)

    ```pycon
    >>> app.name
    'setup'
    ```
    """,
)


def test_invisible_setup_blocks_run(run):
    assert run.outcomes(SETUP) == {"passed": 2}


BROKEN_SETUP = page(
    "broken-setup.md",
    """
    # Broken setup

    % invisible-code-block: python
    %
    % raise RuntimeError("the setup fails")

    ```pycon
    >>> ready
    True
    ```
    """,
)


def test_a_failed_setup_block_names_its_line_and_counts_apart(run):
    assert run.outcomes(BROKEN_SETUP) == {"failed": 2}
    run.has(
        "docs/broken-setup.md, line 5: this block failed",
        '  the block starts at line 3: raise RuntimeError("the setup fails")',
    )


LEGACY = page(
    "legacy.rst",
    """
    Legacy
    ======

    .. code-block:: python

       from markupsafe import escape

    A doctest paragraph:

    >>> str(escape("<b>"))
    '&lt;b&gt;'

    .. code-block:: python

       >>> escape("&") == "&amp;"
       True
    """,
)


def test_restructuredtext_pages_run_code_blocks_and_doctest_paragraphs(run):
    assert run.outcomes(LEGACY) == {"passed": 3}


# --- a page that hangs, leaks, or depends on the clock -----------------------------------------

HANGS = page(
    "hangs.md",
    """
    # Hangs

    % block-timeout: 1

    ```python
    import socket

    waiting = socket.create_server(("127.0.0.1", 0))
    waiting.accept()  # nobody ever connects
    ```

    ```python
    waiting.close()
    ```
    """,
)


def test_a_block_that_hangs_fails_after_the_pages_time_limit(run):
    assert run.outcomes(HANGS) == {"failed": 1, "passed": 1}
    run.has(
        "docs/hangs.md, line 9: this block failed",
        "  the block starts at line 5: import socket",
        "*BlockTimeout: the block at line 5 ran longer than 1 s*",
    )


LEAKS = page(
    "leaks.md",
    """
    # Leaks

    ```python
    import subprocess
    import threading
    from http.server import HTTPServer, SimpleHTTPRequestHandler

    server = HTTPServer(("127.0.0.1", 0), SimpleHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, name="forgotten server", daemon=True).start()
    sleeper = subprocess.Popen(["sleep", "30"])
    ```
    """,
)


def test_a_page_that_leaves_a_thread_a_process_or_a_socket_behind_fails(run):
    assert run.outcomes(LEAKS) == {"passed": 1}
    run.has(
        "*ERROR at teardown of leaks.md line=3*",
        "docs/leaks.md: the page left running after its last block: thread 'forgotten server', "
        "process * (sleep 30), a socket listening on 127.0.0.1:*",
    )
    run.has("ERROR docs/leaks.md::line:3,column:1 - Failed: docs/leaks.md: the page left*")


MISSING = page(
    "missing.md",
    """
    # Missing

    ```pycon
    >>> from a_module_nobody_wrote import app
    ```
    """,
)


def test_an_example_that_fails_to_import_names_the_page_and_line(run):
    assert run.outcomes(MISSING) == {"failed": 1}
    run.has(
        "docs/missing.md, line 4: this block failed",
        "*ModuleNotFoundError: No module named 'a_module_nobody_wrote'",
    )


CLOCK = page(
    "clock.md",
    """
    # Clock

    % freeze-time: 2026-01-01T09:30:00+00:00

    ```pycon
    >>> import random, time
    >>> from datetime import datetime, timezone
    >>> datetime.now(timezone.utc).isoformat()
    '2026-01-01T09:30:00+00:00'
    >>> time.time()
    1767259800.0
    >>> random.random()
    0.6210965477498296
    ```
    """,
)


def test_time_and_randomness_are_frozen_so_their_output_is_the_same_on_every_run(run):
    assert run.outcomes(CLOCK) == {"passed": 5}


BAD_SETTING = page("bad-setting.md", "# Bad\n\n% block-timeout: soon\n\n```python\nx = 1\n```\n")


def test_a_setting_that_cannot_be_read_names_the_page_and_line(run):
    assert run.collection_error(BAD_SETTING) == (
        "docs/bad-setting.md, line 3: 'block-timeout: soon' is not a number of seconds"
    )


# --- the summary of the run ------------------------------------------------------------------


def test_the_run_ends_with_the_blocks_summary(run):
    # Every page above that was collected: blocks, not doctest examples, are
    # counted; the failed setup block of broken-setup.md is counted apart.
    run.has(
        "pages: 19 pages, 27 Python blocks: 17 executed, 2 skipped with a reason, "
        "8 failed (+4 invisible setup blocks, 1 failed)"
    )
