"""Pictures drawn by Graphviz at build time, inlined as SVG that follows the page's theme.

A page draws a picture kept in ``docs/_diagrams/`` with Sphinx's own directive::

    ```{graphviz} ../_diagrams/lifecycle.dot
    :alt: One request, from the server's call to the last teardown: ...
    :caption: What runs during one request.
    ```

``sphinx.ext.graphviz`` runs ``dot`` (Debian's ``graphviz`` package) on the file,
offline, and caches the SVG under ``_images/``. This module changes only how
the picture lands in the HTML:

* the SVG is written into the page, not linked, so the page's colours apply to
  it: ``diagrams.css`` colours nodes by their Graphviz ``class`` (``yours``,
  ``signal``, ``error``, ``outside``, ``context``) for light and dark mode, and
  the theme switch redraws it at once;
* the ``:alt:`` text is the picture's accessible name (``role="img"``); a
  picture without one is a warning;
* without ``dot`` the build warns, naming the package to install, and shows
  the ``:alt:`` text in the picture's place; a ``.dot`` file that Graphviz
  rejects is a warning too. Under ``-W`` (``make html``, CI) either fails the
  build, so every picture is known to render.

``diagrams.css`` is loaded only on the pages that have a picture.
"""

from __future__ import annotations

import html
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from docutils import nodes
from sphinx.ext.graphviz import GraphvizError, graphviz, render_dot
from sphinx.util import logging

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

MISSING_DOT = (
    "Graphviz's dot program is not installed, so this picture cannot be drawn: "
    "install Debian's graphviz package (apt-get install graphviz; .ci/apt-packages "
    "has it) or set graphviz_dot in conf.py"
)


def inline_svg(svg_text: str, alt: str) -> str:
    """Graphviz's SVG, ready to sit in a page: named by ``alt``, without ids or tooltips.

    Graphviz gives every node and edge a ``<title>`` (shown as a tooltip: the
    node's name in the .dot file) and an id (``node1``, the same on every
    picture), and paints a white background. All three go; the size becomes
    pixels, one per point, so 14-point labels are 14 pixels high.
    """
    root = ET.fromstring(svg_text)  # noqa: S314 (Graphviz's output for our own .dot files)
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{SVG}}}title":
                parent.remove(child)
        parent.attrib.pop("id", None)
    graph = root.find(f"{{{SVG}}}g")
    if graph is not None:
        background = graph.find(f"{{{SVG}}}polygon")
        if background is not None and background.get("fill") == "white":
            graph.remove(background)
    width = float(root.get("width", "0").removesuffix("pt") or 0)
    height = float(root.get("height", "0").removesuffix("pt") or 0)
    root.set("width", f"{width:.0f}")
    root.set("height", f"{height:.0f}")
    # Never wider than drawn; on a phone no narrower than 32rem: the picture scrolls
    # sideways in its frame rather than shrink its labels past reading.
    root.set("style", f"max-width: {width:.0f}px; min-width: min({width:.0f}px, 32rem)")
    root.set("role", "img")
    root.set("aria-label", alt)
    root.set("focusable", "false")
    root.set("class", "diagram-svg")
    text = ET.tostring(root, encoding="unicode")
    return re.sub(r">\s+<", "><", text)


def visit_graphviz(self, node: graphviz) -> None:
    """Replaces sphinx.ext.graphviz's HTML visitor: the SVG inline, or a visible fallback."""
    builder = self.builder
    alt = node.get("alt", "").strip()
    if not alt:
        logger.warning(
            "a picture needs :alt:, the text that stands for it (read aloud, shown without it)",
            location=node,
            type="harness",
            subtype="diagram",
        )
    dot = node["options"].get("graphviz_dot", builder.config.graphviz_dot)
    svg = None
    if shutil.which(dot) is None:
        logger.warning(MISSING_DOT, location=node, type="harness", subtype="diagram")
    else:
        try:
            _, path = render_dot(
                self, node["code"], node["options"], "svg", "diagram", node.get("filename")
            )
        except GraphvizError as error:
            logger.warning(
                "Graphviz could not draw %s: %s",
                node.get("filename", "this picture"),
                " ".join(str(error).split()),  # dot's own message, on the warning's line
                location=node,
                type="harness",
                subtype="diagram",
            )
        else:
            svg = inline_svg(Path(path).read_text(encoding="utf-8"), alt)
    if svg is None:
        text = html.escape(alt or "(a picture)")
        self.body.append(f'<div class="diagram diagram-missing"><p>{text}</p></div>\n')
    else:
        # Focusable, so that a keyboard can scroll it where it is wider than the screen.
        self.body.append(f'<div class="diagram" tabindex="0">{svg}</div>\n')
    raise nodes.SkipNode


def stylesheets(app, pagename, templatename, context, doctree) -> None:
    """diagrams.css on the pages that have a picture, and on no other; graphviz.css on none.

    sphinx.ext.graphviz adds graphviz.css to every page, for the ``<img>`` and
    ``<object>`` it writes; the inline pictures do not need it.
    """
    context["css_files"][:] = [
        css for css in context["css_files"] if css.filename != "_static/graphviz.css"
    ]
    if doctree is not None and next(doctree.findall(graphviz), None) is not None:
        app.add_css_file("diagrams.css")


def add_static_path(app, config) -> None:
    config.html_static_path.append(str(STATIC))


def setup(app):
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(graphviz, override=True, html=(visit_graphviz, None))
    app.connect("config-inited", add_static_path)
    app.connect("html-page-context", stylesheets)
