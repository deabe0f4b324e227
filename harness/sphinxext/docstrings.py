"""The API page (docs/api.md) shows Flask's and Werkzeug's docstrings, without their code.

Every Python block this site shows is executed by its test suite; the samples
in third-party docstrings are not, so they are left out, and the references
those docstrings make to the rest of Flask's manual are shown as plain text.
"""

from __future__ import annotations

import re

from docutils.utils import get_source_line

CODE_DIRECTIVE = re.compile(r"^(\s*)\.\. (code-block|code|sourcecode)::")
LEFT_OUT = "*(A code sample of Flask's docstring is left out: this guide shows only code it runs.)*"


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


def drop_code_samples(app, what, name, obj, options, lines):
    """Replace each code sample of a docstring by a one-line note.

    A ``.. code-block::``, a literal block after ``::`` and a ``>>>`` paragraph
    each become :data:`LEFT_OUT`. The build checks (:mod:`harness.sphinxext.checks`)
    fail the build on any Python block that still comes from outside a page.
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
