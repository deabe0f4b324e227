"""Sphinx configuration. The pages live in docs/; this file sits at the root.

Build with `make html` (which runs `sphinx-build -c . docs _build/html`).
"""

import importlib.metadata

from harness import DOCS

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
pygments_style = "friendly"
pygments_dark_style = "monokai"

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
html_static_path = []

# Copy-button: copy the code of a session without the >>> and ... prompts and output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
