"""Search keywords: the page dedicated to a topic is the search's first hit for its name.

A page names the words a reader searches for when they want it, in its front
matter::

    ---
    keywords: session, flash
    ---

Each keyword becomes a *main* index entry pointing at the page's title: the
index (genindex) lists it, and Sphinx's search ranks a main index entry that
matches the query above titles, text and API objects. A keyword belongs to one
page only: the build fails if two pages claim it. ``tests/site/test_search.py``
checks the ranking in the site's own search page.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)


def keywords_of(metadata: dict) -> list[str]:
    return [word.strip() for word in str(metadata.get("keywords", "")).split(",") if word.strip()]


class KeywordEntries(SphinxTransform):
    """The page's keywords as main index entries at its title (before the index
    domain collects the page's entries, so genindex lists them too)."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        words = keywords_of(self.env.metadata.get(self.env.docname, {}))
        section = next(iter(self.document.findall(nodes.section)), None)
        if words and section is not None:
            entries = [("single", word, section["ids"][0], "main", None) for word in words]
            section.insert(1, addnodes.index(entries=entries, inline=False))


def check_unique(app, env) -> None:
    """One page per keyword, over every page (incremental and parallel builds too)."""
    owners: dict[str, list[str]] = {}
    for docname in sorted(env.found_docs):
        for word in keywords_of(env.metadata.get(docname, {})):
            owners.setdefault(word.lower(), []).append(docname)
    for word, docnames in owners.items():
        if len(docnames) > 1:
            logger.warning(
                "keyword %r is claimed by %s: one page per keyword",
                word,
                " and ".join(docnames),
                location=docnames[-1],
                type="harness",
                subtype="keywords",
            )


def setup(app) -> None:
    app.add_transform(KeywordEntries)
    app.connect("env-check-consistency", check_unique)
