"""The harness's own failure modes, each shown on a small page in a temporary project.

Every test here copies the repository's real conftest.py and pyproject.toml
into a temporary directory, writes a page under docs/, and runs pytest on it in
a subprocess: what is tested is the configuration the guide itself runs with.
"""

import shutil
import sys
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.harness.blocks import scan, skip_reason
from tests.harness.pages import make_sybil, unexecuted_blocks
from tests.harness.site import build_site, warnings_of

ROOT = Path(__file__).resolve().parent.parent
FLASK = version("flask")


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    """A temporary project with the real harness configuration and an empty docs/."""
    shutil.copy(ROOT / "conftest.py", pytester.path / "conftest.py")
    shutil.copy(ROOT / "pyproject.toml", pytester.path / "pyproject.toml")
    (pytester.path / "docs").mkdir()
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the harness package, tests.harness
    return pytester


def write_page(project: pytest.Pytester, name: str, text: str) -> Path:
    path = project.path / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def run(project: pytest.Pytester, *args: str) -> pytest.RunResult:
    return project.runpytest_subprocess("-p", "no:cacheprovider", *args)


# --- a failing block says where it failed ----------------------------------------------


def test_a_wrong_expected_output_names_the_page_line_block_and_flask_version(project):
    write_page(
        project,
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
    result = run(project)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "docs/arithmetic.md, line 8: this block failed",
            "  the block starts at line 5: >>> 1 + 1",
            f"  run against Flask {FLASK} (*",
            "Expected:",
            "    5",
            "Got:",
            "    4",
            "FAILED docs/arithmetic.md::line:8,column:1 - docs/arithmetic.md, line 8*",
        ]
    )


def test_an_exception_in_a_code_block_names_the_line_that_raised(project):
    write_page(
        project,
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
    result = run(project)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "docs/boom.md, line 7: this block failed",
            "  the block starts at line 3: from flask import Flask",
            f"  run against Flask {FLASK} (*",
            "docs/boom.md:7: in <module>",
            "E   KeyError: 'MISSING_KEY_IS_AN_ERROR'",
        ]
    )
    # Sybil's evaluator frames say nothing about the page; they are cut.
    result.stdout.no_fnmatch_line("*sybil/evaluators*")


def test_a_deprecation_warning_fails_the_block(project):
    write_page(
        project,
        "deprecated.md",
        """
        # Deprecated

        ```python
        import warnings

        warnings.warn("this API goes away in the next Flask", DeprecationWarning)
        ```
        """,
    )
    result = run(project)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["E   DeprecationWarning: this API goes away in the next Flask"])


def test_an_unclosed_file_fails_the_block_that_leaked_it(project, tmp_path):
    # The ResourceWarning comes from garbage collection, outside Sybil's evaluator:
    # it must still be a failure of this block (it once crashed pytest instead).
    leaky = tmp_path / "notes.txt"
    leaky.write_text("kept open", encoding="utf-8")
    write_page(
        project,
        "leak.md",
        f"""
        # Leak

        ```python
        text = open({str(leaky)!r}).read()
        ```
        """,
    )
    result = run(project)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "docs/leak.md, line *: this block failed",
            "  the block starts at line 3: text = open(*).read()",
            "E   ResourceWarning: unclosed file*",
        ]
    )
    result.stdout.no_fnmatch_line("*INTERNALERROR*")


# --- skips must say why -------------------------------------------------------------------


def test_a_skip_without_a_reason_is_an_error_not_a_pass(project):
    write_page(
        project,
        "lazy.md",
        """
        # Lazy

        % skip: next
        ```python
        raise SystemExit("never run, and never reported green either")
        ```
        """,
    )
    result = run(project)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        ["docs/lazy.md, line 3: 'skip: next' needs a written reason in quotes, for example:*"]
    )


def test_a_skip_must_sit_directly_above_its_block(project):
    write_page(
        project,
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
    result = run(project)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        ["docs/far.md, line 3: 'skip: next' must be directly above the code block it skips"]
    )


def test_a_skip_with_a_reason_is_reported_as_skipped_at_the_page_line(project):
    write_page(
        project,
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
        """,
    )
    result = run(project, "-rs")
    result.assert_outcomes(passed=2, skipped=1)
    result.stdout.fnmatch_lines(
        [
            "pages: 1 page, 2 Python blocks: 1 executed, 1 skipped with a reason, 0 failed*",
            "SKIPPED [1] docs/server.md:10: app.run() serves until interrupted",
        ]
    )


# --- pages as modules, pages as stories ------------------------------------------------------


def test_flask_name_works_in_a_page_and_each_page_has_its_own_namespace(project):
    write_page(
        project,
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
        >>> page.app.name, page.client.get("/nothing-here").status_code
        ('first', 404)
        ```
        """,
    )
    write_page(
        project,
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
    result = run(project)
    result.assert_outcomes(passed=8)
    result.stdout.fnmatch_lines(["pages: 2 pages, 3 Python blocks: 3 executed, 0 skipped*"])


def test_names_a_page_imports_survive_between_blocks(project):
    # The `page` fixture depends on pytest's own `request` fixture; neither it nor
    # any other fixture may overwrite `from flask import request` between blocks.
    write_page(
        project,
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
    result = run(project)
    result.assert_outcomes(passed=2)


def test_a_pycon_block_must_be_a_session(project):
    write_page(project, "console.md", "# Console\n\n```pycon\nprint('no prompt')\n```\n")
    result = run(project)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        ["docs/console.md, line 3: a pycon block must be a Python session starting with '>>> '"]
    )


def test_an_example_folder_is_imported_fresh_and_forgotten_afterwards(project):
    examples = project.path / "examples"
    write_page(
        project,
        "one.md",
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
    write_page(
        project,
        "two.md",
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
    assert not examples.exists()  # the harness finds examples/ beside itself
    result = run(project)
    result.assert_outcomes(passed=9)
    result.stdout.fnmatch_lines(["docs/one.md *", "docs/two.md *"])


def test_a_context_a_page_enters_stays_open_until_the_page_ends(project):
    """page.enter_context(): a server started by a page stops after its last block,
    even when a block failed, and before the next page runs."""
    log = project.path / "log.txt"
    page = """
        # Opens

        % invisible-code-block: python
        %
        % from contextlib import contextmanager
        % from pathlib import Path
        %
        % @contextmanager
        % def resource():
        %     Path(LOG).write_text("open ")
        %     try:
        %         yield "the resource"
        %     finally:
        %         Path(LOG).write_text("open closed")
        %
        % held = page.enter_context(resource())

        ```pycon
        >>> held, Path(LOG).read_text()
        ('the resource', 'open ')
        >>> raise ValueError("a block fails")
        ```

        ```pycon
        >>> Path(LOG).read_text()
        'open '
        ```
        """
    write_page(project, "one.md", page.replace("LOG", repr(str(log))))
    write_page(
        project,
        "two.md",
        """
        # Later

        ```pycon
        >>> from pathlib import Path
        >>> Path(LOG).read_text()
        'open closed'
        ```
        """.replace("LOG", repr(str(log))),
    )
    result = run(project)
    result.assert_outcomes(passed=5, failed=1)
    assert log.read_text() == "open closed"


def test_a_page_that_would_shadow_a_real_module_is_refused(project):
    write_page(project, "json.md", "# JSON\n\n```python\nx = 1\n```\n")
    result = run(project)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*json.md: the page would run as module 'json'*rename the page"])


def test_invisible_setup_blocks_run_and_are_counted_apart(project):
    write_page(
        project,
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
    result = run(project)
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(
        ["pages: 1 page, 1 Python blocks: 1 executed, 0 skipped*(+1 invisible setup blocks)"]
    )


def test_restructuredtext_pages_run_code_blocks_and_doctest_paragraphs(project):
    write_page(
        project,
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
    result = run(project)
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(["pages: 1 page, 3 Python blocks: 3 executed*"])


# --- the independent scan ----------------------------------------------------------------

EVERY_KIND = """
# Every kind of block

```python
shown_and_run = 1
```

```pycon
>>> shown_and_run
1
```

```{code-block} python
:caption: a directive with a caption

also_run = 2
```

:::{note}
Inside an admonition:

```py
inside = 3
```
:::

:::{code-block} python
colon_fenced = "rendered, but no Sybil parser looks at colon fences"
:::

```{eval-rst}
.. code-block:: python

   hidden_in_rst = "rendered, not collected"
```

```python3
# doctest: the python3 alias
run_too = 4
```

% skip: next "shows a command that serves forever"
```python
serve_forever()
```

```{literalinclude} ../conftest.py
:language: python
```

```text
not = "python"
```

```
unlabelled = "shown as text"
```
"""


def test_the_scanner_finds_every_python_block_as_sphinx_shows_it(tmp_path):
    page = tmp_path / "every.md"
    page.write_text(EVERY_KIND, encoding="utf-8")
    found = [(b.line, b.language, b.skip_reason) for b in scan(page)]
    assert found == [
        (4, "python", None),
        (8, "pycon", None),
        (13, "python", None),
        (22, "py", None),
        (27, "python", None),
        (32, "python", None),
        (37, "python3", None),
        (43, "python", "shows a command that serves forever"),
    ]


def test_blocks_nothing_executes_are_reported_with_their_lines(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "every.md"
    page.write_text(EVERY_KIND, encoding="utf-8")
    missed = unexecuted_blocks(make_sybil(docs), page)
    assert [(b.line, b.first_line) for b in missed] == [
        (27, 'colon_fenced = "rendered, but no Sybil parser looks at colon fences"'),
        (32, 'hidden_in_rst = "rendered, not collected"'),
    ]


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        ('next "starts a server"', "starts a server"),
        ("next 'single quotes'", "single quotes"),
        ('start "a range"', "a range"),
        ('next if(sys.platform == "win32", reason="POSIX only")', "POSIX only"),
        ("next", None),
        ('next ""', None),
        ("next because", None),
        ("next if(True)", None),
        ("end", None),
    ],
)
def test_a_skip_reason_must_be_written_in_quotes(arguments, reason):
    assert skip_reason(arguments) == reason


# --- the Sphinx side ---------------------------------------------------------------------------


def test_the_build_fails_on_a_block_shown_as_python_but_not_run(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        textwrap.dedent(
            """
            # Index

            ```python
            run = "yes"
            ```

            :::{code-block} python
            run = "no: colon fences are not collected"
            :::

            :::{note}
                ```python
                indented = "collected, but rendered as plain text"
                ```
            :::
            """
        ).lstrip(),
        encoding="utf-8",
    )
    build = build_site(docs, tmp_path / "html", "-W")
    assert build.returncode != 0
    warnings = warnings_of(build)
    assert len(warnings) == 2, build.stderr
    assert warnings[0].startswith(f"{docs / 'index.md'}:7: WARNING: this block is shown as Python")
    assert warnings[0].endswith("[harness.unexecuted]")
    assert warnings[1].startswith(f"{docs / 'index.md'}:12: WARNING: the harness executes")
    assert warnings[1].endswith("[harness.unrendered]")


def test_a_server_log_can_be_kept_for_the_test_to_read(tmp_path):
    from tests.harness.servers import fetch, free_port, serve

    port = free_port()
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)]
    with (tmp_path / "server.log").open("w+") as log:
        with serve(command, port=port, cwd=tmp_path, log=log) as url:
            assert fetch(url + "/missing")[0] == 404
        log.seek(0)
        assert '"GET /missing HTTP/1.1" 404' in log.read()
