"""Every page says what it is about: a meta description and Open Graph tags.

The description is the page's own opening, in whole sentences: the first
paragraphs under its title, before any subsection, between :data:`SHORTEST`
and :data:`LONGEST` characters (cut at a word when the sentences do not fit).
Notes, lists, tables and code are skipped, so a page that opens with its
example folder's note still starts with its first sentence. A page can say
it in its own words with a ``description:`` line in its front matter::

    ---
    description: The versions of Flask and every library the examples ran against.
    ---

Pages that Sphinx makes (the index, the search page) and the 404 page get the
site's own description (``html_context["site_description"]``, or the first
sentence of the root page).

The Open Graph tags (``og:title``, ``og:description``, ``og:type``,
``og:site_name``, and ``og:url`` when ``html_baseurl`` says where the site is
published) let a link to any page show its title and description when shared.
"""

from __future__ import annotations

import html
import re

from docutils import nodes

#: A description is whole sentences, at least SHORTEST characters and at most LONGEST
#: (search engines show about 160); a first sentence too short is completed with a part
#: of the next one, cut at a word.
SHORTEST, LONGEST = 100, 200
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9`\"“(])")


def opening_text(doctree: nodes.document) -> str:
    """The paragraphs directly under the page's title, before its first subsection."""
    section = next(doctree.findall(nodes.section), None)
    if section is None:
        return ""
    texts = []
    for child in section.children:
        if isinstance(child, nodes.section):
            break
        if isinstance(child, nodes.paragraph):
            texts.append(child.astext())
    return " ".join(" ".join(texts).split())


def cut(text: str, length: int = LONGEST) -> str:
    """``text`` shortened to ``length`` characters at a word, with an ellipsis."""
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def summarise(text: str) -> str:
    """Whole sentences of ``text``, between SHORTEST and LONGEST characters if it has them."""
    summary = ""
    for sentence in SENTENCE_END.split(text):
        candidate = f"{summary} {sentence}".strip()
        if len(summary) >= SHORTEST:
            break
        if summary and len(candidate) > LONGEST:
            return cut(candidate)
        summary = candidate
    return cut(summary)


def record_description(app, doctree: nodes.document) -> None:
    """At read time: the page's description, kept in its metadata for the writing phase."""
    metadata = app.env.metadata[app.env.docname]
    if not metadata.get("description"):
        metadata["harness_description"] = summarise(opening_text(doctree))


def site_description(app) -> str:
    given = app.config.html_context.get("site_description")
    if given:
        return given
    root = app.env.metadata.get(app.config.root_doc, {})
    return root.get("description") or root.get("harness_description", "")


def attribute(value: str) -> str:
    """``value`` escaped for a double-quoted attribute; apostrophes stay as they are."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def meta_tags(app, pagename, templatename, context, doctree) -> None:
    metadata = app.env.metadata.get(pagename, {})
    description = (
        metadata.get("description") or metadata.get("harness_description") or site_description(app)
    )
    title = html.unescape(re.sub(r"<[^>]+>", "", context.get("title") or app.config.project))
    tags = [("name", "description", description)] if description else []
    tags += [
        ("property", "og:title", title),
        ("property", "og:type", "website"),
        ("property", "og:site_name", app.config.project),
    ]
    if description:
        tags.append(("property", "og:description", description))
    if app.config.html_baseurl:
        base = app.config.html_baseurl.rstrip("/") + "/"
        tags.append(("property", "og:url", base + app.builder.get_target_uri(pagename)))
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n    <meta {kind}="{name}" content="{attribute(value)}">' for kind, name, value in tags
    )


def setup(app):
    app.connect("doctree-read", record_description)
    app.connect("html-page-context", meta_tags)
