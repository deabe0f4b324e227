"""The independent audit (harness/audit): the blocks a reader sees, found without the runner."""

import pytest

from harness.audit import names, scan, unexecuted
from harness.audit.scanner import skip_reason
from harness.runner.parsers import collected_blocks, make_sybil, written_reason

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

```starlark
shown_as_python = "Pygments highlights Starlark with its Python lexer"
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


@pytest.fixture
def every_kind(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "every.md"
    page.write_text(EVERY_KIND, encoding="utf-8")
    return page


def test_the_scanner_finds_every_python_block_as_sphinx_shows_it(every_kind):
    found = [(b.line, b.language, b.skip_reason) for b in scan(every_kind)]
    assert found == [
        (4, "python", None),
        (8, "pycon", None),
        (13, "python", None),
        (22, "py", None),
        (27, "python", None),
        (32, "python", None),
        (37, "python3", None),
        (43, "python", "shows a command that serves forever"),
        (47, "starlark", None),
    ]


def test_blocks_the_runner_does_not_execute_are_reported_with_their_lines(every_kind):
    executed = [block.line for block in collected_blocks(make_sybil(every_kind.parent), every_kind)]
    missed = unexecuted(scan(every_kind), executed)
    assert [(b.line, b.first_line) for b in missed] == [
        (27, 'colon_fenced = "rendered, but no Sybil parser looks at colon fences"'),
        (32, 'hidden_in_rst = "rendered, not collected"'),
        (47, 'shown_as_python = "Pygments highlights Starlark with its Python lexer"'),
    ]


# The audit and the runner read skip reasons with code of their own; they must agree.
@pytest.mark.parametrize("read", [skip_reason, written_reason], ids=["audit", "runner"])
@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        ('next "starts a server"', "starts a server"),
        ("next 'single quotes'", "single quotes"),
        ('start "a range"', "a range"),
        ('next if(sys.platform == "win32", reason="POSIX only")', "POSIX only"),
        ("next", None),
        ('next ""', None),
        ('next "  "', None),
        ("next because", None),
        ("next if(True)", None),
        ("end", None),
    ],
)
def test_a_skip_reason_must_be_written_in_quotes(read, arguments, reason):
    assert read(arguments) == reason


# --- visible code is complete ------------------------------------------------------------


def test_a_name_only_an_invisible_block_binds_is_reported_with_both_lines():
    problems = names.check(
        [
            names.Source(3, "import os\nfrom flask import Flask", invisible=True),
            names.Source(8, "app = Flask(__name__)\nprint(len(os.sep))", invisible=False),
        ]
    )
    assert [(p.line, p.message) for p in problems] == [
        (8, "`Flask` is bound only by the invisible block at line 3"),
        (8, "`os` is bound only by the invisible block at line 3"),
    ]


def test_names_bound_by_earlier_visible_code_builtins_and_the_block_itself_are_fine():
    problems = names.check(
        [
            names.Source(1, "from flask import Flask\napp = Flask(__name__)", invisible=False),
            names.Source(5, "client = app.test_client()", invisible=False),
            names.Source(6, "def views():\n    return sorted(app.view_functions)", invisible=False),
            names.Source(9, "[n for n in views() if n]", invisible=False),
        ]
    )
    assert problems == []


def test_names_read_inside_functions_and_comprehensions_count_too():
    problems = names.check(
        [names.Source(1, "def f():\n    return helper()\n[x for x in data]", invisible=False)]
    )
    assert [p.message for p in problems] == [
        "`data` is read here, but no visible block before binds it",
        "`helper` is read here, but no visible block before binds it",
    ]


def test_the_engine_is_not_the_readers():
    problems = names.check(
        [
            names.Source(1, "from harness.services.load import burst", invisible=False),
            names.Source(2, "url = page.tmp_path", invisible=False),
        ]
    )
    assert [p.message for p in problems] == [
        "imports harness.services.load: the guide's engine, not the reader's",
        "`page` is the guide's test engine; a reader has no such name",
    ]
