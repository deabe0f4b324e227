"""The build fails if what a reader sees and what runs differ.

While Sphinx reads a page, every literal block it will highlight as Python is
compared with the blocks the page runner (:mod:`harness.runner.parsers`)
executes:

* a block shown as Python that the runner does not collect is never run (a
  colon-fenced code block, a code block inside ``eval-rst``, a new language
  alias) -> warning ``harness.unexecuted``;
* a block shown as Python that comes from elsewhere (a docstring pulled in by
  autodoc, an ``include``) is not executed either -> ``harness.unexecuted``;
* a block the runner executes that Sphinx does not show as highlighted code was
  probably indented by mistake and renders as plain text with its backticks
  -> warning ``harness.unrendered``.

The findings of each page are kept in the build environment and reported at
the end of every build, so an incremental build (one page edited, the others
read from the cache) still fails for a problem on a page it did not re-read.
With ``-W`` either warning fails the build. Blocks pulled in with
``literalinclude`` are code from examples/, tested by tests/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from ..blocks import SHOWN_AS_PYTHON
from ..runner.parsers import collected_blocks, make_sybil
from .pagedata import PageData

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Finding:
    """One problem on one page, kept in the environment until the page is read again."""

    location: tuple[str, int] | str  # (docname, line), or "file:line" for a foreign block
    subtype: str  # "unexecuted" or "unrendered"
    message: str


@cache
def sybils_for(srcdir: Path) -> list:
    """The runner's Sybils for one source folder, made once per build."""
    return make_sybil(srcdir)


def shown_as_python(doctree: nodes.document) -> list[nodes.Element]:
    """Literal blocks Sphinx highlights as Python, and doctest blocks; not literalinclude."""
    shown = [
        node
        for node in doctree.findall(nodes.literal_block)
        if node.get("language", "").lower() in SHOWN_AS_PYTHON and "source" not in node
    ]
    shown.extend(doctree.findall(nodes.doctest_block))
    return shown


def _same_file(source: str, path: Path) -> bool:
    try:
        return Path(source).resolve() == path
    except (OSError, ValueError):
        return False


def findings_of(docname: str, path: Path, srcdir: Path, doctree: nodes.document) -> list[Finding]:
    blocks = collected_blocks(sybils_for(srcdir), path)
    collected = {block.line for block in blocks}
    visible = {block.line for block in blocks if not block.invisible}
    found, rendered = [], set()
    for node in shown_as_python(doctree):
        if node.source and not _same_file(node.source, path):
            # From a docstring or another file: not a block of this page, so
            # nothing executes it, and the reader cannot tell.
            found.append(
                Finding(
                    f"{node.source}:{node.line}",
                    "unexecuted",
                    f"a Python block from {node.source} is shown but nothing executes it; "
                    "leave it out of the page",
                )
            )
            continue
        rendered.add(node.line)
        if node.line not in collected:
            found.append(
                Finding(
                    (docname, node.line),
                    "unexecuted",
                    "this block is shown as Python but the harness does not execute it; "
                    "use a ```python fence or a {code-block} python directive",
                )
            )
    found += [
        Finding(
            (docname, line),
            "unrendered",
            "the harness executes this block but it is not shown as highlighted code "
            "(is the fence indented four spaces or more?)",
        )
        for line in sorted(visible - rendered)
    ]
    return found


FINDINGS = PageData("harness_findings")


def check_page(app, doctree: nodes.document) -> None:
    docname = app.env.docname
    path = Path(app.env.doc2path(docname)).resolve()
    FINDINGS.of(app.env)[docname] = findings_of(docname, path, Path(app.srcdir), doctree)


def report(app, env) -> None:
    """Every page's findings, whether it was read in this build or earlier."""
    for docname in sorted(FINDINGS.of(env)):
        for finding in FINDINGS.of(env)[docname]:
            logger.warning(
                finding.message,
                location=finding.location,
                type="harness",
                subtype=finding.subtype,
            )


def setup(app):
    app.connect("doctree-read", check_page)
    FINDINGS.setup(app)
    app.connect("env-updated", report)
