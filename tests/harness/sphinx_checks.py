"""A Sphinx extension: the build fails if what a reader sees and what runs differ.

While Sphinx reads a page, every literal block it will highlight as Python is
compared with the blocks the harness (tests/harness/pages.py) executes:

* a block shown as Python that the harness does not collect is never run
  (a colon-fenced code block, a code block inside ``eval-rst``, a new
  language alias) -> warning ``harness.unexecuted``;
* a block shown as Python that comes from elsewhere (a docstring pulled in by
  autodoc) is not executed either -> warning ``harness.unexecuted``;
* a block the harness runs that Sphinx does not show as highlighted code was
  probably indented by mistake and renders as plain text with its backticks
  -> warning ``harness.unrendered``.

With ``-W`` (as in ``make html``) either warning fails the build. Blocks pulled
in with ``literalinclude`` are code from examples/, tested by tests/.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from .blocks import PYTHON_LEXED
from .pages import block_of, make_sybil, parse_page

logger = logging.getLogger(__name__)


@cache
def sybils_for(srcdir: Path) -> list:
    """The harness's Sybils for one source folder, made once per build."""
    return make_sybil(srcdir)


def harness_blocks(srcdir: Path, path: Path) -> tuple[set[int], set[int]]:
    """Lines of the (visible, all) blocks the harness collects from one page."""
    document = parse_page(sybils_for(srcdir), path)
    if document is None:
        return set(), set()
    blocks = [block_of(example) for example in document.examples()]
    blocks = [b for b in blocks if b is not None]
    return {b.line for b in blocks if not b.invisible}, {b.line for b in blocks}


def shown_as_python(doctree: nodes.document) -> list[nodes.Element]:
    shown = []
    for node in doctree.findall(nodes.literal_block):
        if node.get("language", "").lower() in PYTHON_LEXED and "source" not in node:
            shown.append(node)
    shown.extend(doctree.findall(nodes.doctest_block))
    return shown


def _same_file(source: str, path: Path) -> bool:
    try:
        return Path(source).resolve() == path
    except (OSError, ValueError):
        return False


def check_page(app, doctree: nodes.document) -> None:
    path = Path(app.env.doc2path(app.env.docname)).resolve()
    visible, collected = harness_blocks(Path(app.srcdir), path)
    rendered = set()
    for node in shown_as_python(doctree):
        if node.source and not _same_file(node.source, path):
            # From a docstring or another file: not a block of this page, so
            # nothing here executes it, and the reader cannot tell.
            logger.warning(
                f"a Python block from {node.source} is shown but nothing executes it; "
                "leave it out of the page",
                location=node,
                type="harness",
                subtype="unexecuted",
            )
            continue
        rendered.add(node.line)
        if node.line not in collected:
            logger.warning(
                "this block is shown as Python but the harness does not execute it; "
                "use a ```python fence or a {code-block} python directive",
                location=node,
                type="harness",
                subtype="unexecuted",
            )
    for line in sorted(visible - rendered):
        logger.warning(
            "the harness executes this block but it is not shown as highlighted code "
            "(is the fence indented four spaces or more?)",
            location=(app.env.docname, line),
            type="harness",
            subtype="unrendered",
        )


def setup(app):
    app.connect("doctree-read", check_page)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
