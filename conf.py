"""Sphinx configuration. The pages live in docs/; this file sits at the root.

Build with `make html` (which runs `sphinx-build -c . docs _build/html`).
"""

import importlib.metadata
import os
from urllib.parse import urlsplit

from harness import DOCS
from harness.sphinxext.assets import COPY_PROMPTS

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
    # Pictures: Graphviz's dot (Debian's graphviz) draws docs/_diagrams/*.dot at build time.
    "sphinx.ext.graphviz",
    # The 404 page (sphinx-notfound-page), its links good at any depth.
    "notfound.extension",
    # The engine's build side (harness/sphinxext): the build fails on a block shown
    # as Python that the page runner does not execute, and the API page shows
    # Flask's docstrings without their unexecuted code samples.
    "harness.sphinxext",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", ".venv", "**/README.md"]
templates_path = []

# An unlabelled block is shown as text, never silently highlighted as Python:
# every block shown as Python must be one the harness executes.
highlight_language = "text"
# Code colours that pass WCAG AA contrast in both modes (accessible-pygments):
# comments and output lines stay readable, 4.5:1 or more.
pygments_style = "a11y-light"
pygments_dark_style = "a11y-dark"

myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3
myst_substitutions = {"flask_version": flask_version}

# Standard-library names link to the Python docs. The inventory is a committed
# copy (objects.inv of Debian's python3.11-doc), so the build needs no network:
# a failed download is an untyped warning that -W cannot spare.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3.11", str(DOCS / "_inv" / "python.inv"))
}

# docs/api.md documents the Flask and Werkzeug objects the guide uses, from their
# docstrings. Their annotations name private typing aliases (t.Any,
# ft.RouteCallable) that no inventory has, so signatures show names and defaults.
autodoc_typehints = "none"
autodoc_member_order = "bysource"

html_theme = "furo"
html_title = "Flask, every example running"
html_static_path = ["docs/_static"]
# docs/_static/a11y.css and .js: code blocks that scroll take keyboard focus, the
# copy button shows on focus, landmarks are named (tests/browser/ checks them with axe).
html_css_files = ["a11y.css"]
html_js_files = ["a11y.js"]

# Copy-button: a session block copies its commands without their prompts (Python's
# >>> and ..., a bare ... as the empty line that ends a block, POSIX $, Windows >
# and PowerShell PS>) and never an output line, empty ones included.
# Each language's own prompts (COPY_PROMPTS) are what a button uses; this union is
# sphinx-copybutton's setting, which the stand-in for its copy library replaces.
copybutton_prompt_text = "|".join(COPY_PROMPTS.values())
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_copy_empty_lines = False

# --- Where the guide lives, and what sits around its pages --------------------------------
# The guide has no public address yet. REPOSITORY_URL is the one setting for its
# repository: each page's "Edit this page" link opens the page's source there. The
# site's own address (sitemap.xml, Open Graph, canonical links, llms.txt) is the one
# Read the Docs gives (READTHEDOCS_CANONICAL_URL), or SITE_URL when built elsewhere.
REPOSITORY_URL = "https://github.com/flask-every-example-runs/flask-every-example-runs"
SITE_URL = "https://flask-every-example-runs.readthedocs.io/en/latest/"
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL") or SITE_URL
html_logo = "docs/_static/logo.svg"
html_favicon = "docs/_static/favicon.svg"
html_theme_options = {
    # "Edit this page": the source in the repository. "View this page": the source the
    # site was built from, copied into the site (_sources/), so it works offline too.
    "source_edit_link": REPOSITORY_URL + "/edit/main/docs/{filename}",
    "top_of_page_buttons": ["view", "edit"],
}
html_context = {
    # The description of Sphinx's own pages (index, search) and the 404 page.
    "site_description": "A guide to Flask in which every example runs, and every output "
    "shown is what Flask returned.",
}

# The 404 page: a server sends it for a missing address at any depth, so its links
# start at the site's root path: "/" where make serve and the browser tests serve the
# site, the path of Read the Docs' address there.
notfound_urls_prefix = urlsplit(os.environ.get("READTHEDOCS_CANONICAL_URL", "/")).path
notfound_context = {
    "title": "Page not found",
    "body": (
        "<h1>Page not found</h1>\n<p>No page of this guide lives at this address. "
        f'Start again from <a href="{notfound_urls_prefix}index.html">the contents</a>, '
        "or search for what you were looking for.</p>"
    ),
}
