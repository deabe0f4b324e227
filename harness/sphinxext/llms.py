"""``llms.txt`` and ``llms-full.txt``, for readers who ask an assistant about the guide.

``llms.txt`` (https://llmstxt.org) names the site, says what it is, and lists
every page in reading order with its address and description.
``llms-full.txt`` holds every page as Markdown text, in the same order, with
the code a reader sees: the files a page shows with ``literalinclude``, the
doctest sessions and their output. The setup blocks a reader does not see stay
out, and so does the example folder's download note; a picture becomes its
text alternative.

Each page's text is made when Sphinx reads the page and kept in the build
environment, so an incremental build writes both files whole. (The
sphinx-llms-txt extension concatenates the page sources instead: there a
``literalinclude`` stays a directive, with none of the code it shows.)
"""

from __future__ import annotations

from pathlib import Path
from types import MethodType

from docutils import nodes
from sphinx.writers.text import TextTranslator

SHORT = "llms.txt"
FULL = "llms-full.txt"
FENCE = "```"


class MarkdownTranslator(TextTranslator):
    """Sphinx's plain-text writer, with Markdown headings, inline code and fenced code."""

    def depart_title(self, node):
        if not isinstance(node.parent, nodes.section):
            return super().depart_title(node)
        text = "".join(item[1] for item in self.states.pop() if item[0] == -1)
        self.stateindent.pop()
        self.states[-1].append((0, ["#" * self.sectionlevel + " " + text, ""]))

    def visit_literal(self, node):
        self.add_text("`")

    def depart_literal(self, node):
        self.add_text("`")

    def visit_literal_block(self, node):
        language = node.get("language", "")
        language = "" if language in {"default", "text", "none"} else language
        lines = [FENCE + language, *node.astext().splitlines(), FENCE, ""]
        self.states[-1].append((0, lines))
        raise nodes.SkipNode

    visit_doctest_block = visit_literal_block

    def visit_note(self, node):
        if "example-folder" in node.get("classes", []):
            raise nodes.SkipNode
        super().visit_note(node)

    def visit_toctree(self, node):
        raise nodes.SkipNode

    def visit_raw(self, node):
        raise nodes.SkipNode

    def unknown_visit(self, node):
        pass  # a node of an extension: its children are written

    def unknown_departure(self, node):
        pass


def page_markdown(app, doctree: nodes.document) -> str:
    translator = MarkdownTranslator(doctree, app.builder)
    # The extensions' writers for the text builder (sphinx.ext.graphviz: "[graph: alt]").
    for name, (visit, depart) in app.registry.translation_handlers.get("text", {}).items():
        setattr(translator, f"visit_{name}", MethodType(visit, translator))
        if depart:
            setattr(translator, f"depart_{name}", MethodType(depart, translator))
    doctree.walkabout(translator)
    return translator.body.strip() + "\n"


def record_page(app, doctree: nodes.document) -> None:
    texts = app.env.__dict__.setdefault("harness_llms", {})
    texts[app.env.docname] = page_markdown(app, doctree.deepcopy())


def forget_page(app, env, docname) -> None:
    getattr(env, "harness_llms", {}).pop(docname, None)


def merge(app, env, docnames, other) -> None:
    mine = env.__dict__.setdefault("harness_llms", {})
    mine.update({name: text for name, text in other.harness_llms.items() if name in docnames})


def reading_order(env, root: str) -> list[str]:
    """The pages as the toctrees order them, depth first; pages in no toctree last."""
    order: list[str] = []

    def visit(docname: str) -> None:
        if docname in order or docname not in env.found_docs:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            visit(child)

    visit(root)
    return order + sorted(env.found_docs - set(order))


def write_files(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    env = app.env
    texts = getattr(env, "harness_llms", {})
    base = app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""
    order = reading_order(env, app.config.root_doc)
    site = env.metadata.get(app.config.root_doc, {})
    summary = site.get("description") or site.get("harness_description", "")
    lines = [f"# {app.config.project}", "", f"> {summary}", ""]
    lines += [
        "Every Python block on these pages runs in the guide's tests against Flask "
        f"{app.config.release}, and every output shown is what Flask returned. "
        f"The whole guide as one Markdown file: [{FULL}]({base}{FULL})",
        "",
        "## Pages",
        "",
    ]
    for docname in order:
        title = env.titles[docname].astext() if docname in env.titles else docname
        metadata = env.metadata.get(docname, {})
        description = metadata.get("description") or metadata.get("harness_description", "")
        address = base + app.builder.get_target_uri(docname)
        lines.append(f"- [{title}]({address})" + (f": {description}" if description else ""))
    Path(app.outdir, SHORT).write_text("\n".join(lines) + "\n", encoding="utf-8")

    parts = [f"# {app.config.project}\n\n> {summary}\n"]
    for docname in order:
        address = base + app.builder.get_target_uri(docname)
        parts.append(f"<!-- {address} -->\n\n{texts.get(docname, '')}")
    Path(app.outdir, FULL).write_text("\n\n".join(parts), encoding="utf-8")


def setup(app):
    app.connect("doctree-read", record_page)
    app.connect("env-purge-doc", forget_page)
    app.connect("env-merge-info", merge)
    app.connect("build-finished", write_files)
