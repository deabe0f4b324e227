"""Sphinx configuration. The pages live in docs/; this file sits at the root.

Build with `make html` (which runs `sphinx-build -c . docs _build/html`).
"""

import importlib.metadata
import re
import sys
from pathlib import Path

from docutils.utils import get_source_line

ROOT = Path(__file__).parent.resolve()
sys.path.insert(0, str(ROOT))  # tests.harness.sphinx_checks (the page checks) and examples/

project = "Flask, every example running"
author = "the maintainers of this guide"
copyright = "2026, " + author
flask_version = importlib.metadata.version("flask")
version = flask_version
release = flask_version

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
    "sphinx_design",
    "tests.harness.sphinx_checks",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", ".venv", "**/README.md"]
templates_path = []

# An unlabelled block is shown as text, never silently highlighted as Python:
# every block shown as Python must be one the harness executes.
highlight_language = "text"
pygments_style = "friendly"
pygments_dark_style = "monokai"

myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3
myst_substitutions = {"flask_version": flask_version}

# Standard-library names link to the Python docs. The inventory is a committed
# copy (objects.inv of Debian's python3.11-doc), so the build needs no network:
# a failed download is an untyped warning that -W cannot spare.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3.11", str(ROOT / "docs" / "_inv" / "python.inv"))
}

# docs/api.md documents the Flask and Werkzeug objects the guide uses, from their
# docstrings. Their annotations name private typing aliases (t.Any,
# ft.RouteCallable) that no inventory has, so signatures show names and defaults.
autodoc_typehints = "none"
autodoc_member_order = "bysource"

html_theme = "furo"
html_title = "Flask, every example running"
html_static_path = []

# Copy-button: copy the code of a session without the >>> and ... prompts and output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True


def docstring_references_as_text(app, env, node, contnode):
    """Show a reference that Flask's or Werkzeug's own docstrings make, and that
    this site does not document, as plain text instead of a warning.

    Those docstrings point at Flask's whole manual (``/patterns/flashing``,
    ``werkzeug.routing.Rule``). References written in our pages are not
    covered: with -n they must resolve.
    """
    source, _ = get_source_line(node)
    if source and ":docstring of " in source:
        return contnode
    return None


CODE_DIRECTIVE = re.compile(r"^(\s*)\.\. (code-block|code|sourcecode)::")
LEFT_OUT = "*(A code sample of Flask's docstring is left out: this guide shows only code it runs.)*"


def drop_code_samples(app, what, name, obj, options, lines):
    """Remove the code samples of Flask's and Werkzeug's docstrings from the API page.

    Every Python block this site shows is executed by its test suite; the
    samples in third-party docstrings are not, so they are not shown. A
    ``.. code-block::``, a literal block after ``::`` and a ``>>>`` paragraph
    are each replaced by a one-line note. tests/harness/sphinx_checks.py fails the build on any
    Python block that still comes from outside a page.
    """
    kept, index = [], 0
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith(">>>"):  # a doctest paragraph: up to the next blank line
            while index < len(lines) and lines[index].strip():
                index += 1
            kept += [" " * (len(line) - len(line.lstrip())) + LEFT_OUT, ""]
            continue
        directive = CODE_DIRECTIVE.match(line)
        literal = line.rstrip().endswith("::") and not line.lstrip().startswith("..")
        if not (directive or literal):
            kept.append(line)
            index += 1
            continue
        indent = len(line) - len(line.lstrip())
        index += 1
        while index < len(lines) and (
            not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent
        ):
            index += 1
        if literal and line.strip() != "::":
            kept.append(line.rstrip()[:-1])  # "For example::" -> "For example:"
        kept += ["", " " * indent + LEFT_OUT, ""]
    lines[:] = kept


def setup(app):
    app.connect("missing-reference", docstring_references_as_text)
    app.connect("autodoc-process-docstring", drop_code_samples)
