"""Sphinx configuration. The pages live in docs/; this file sits at the root.

Build with `make html` (which runs `sphinx-build -c . docs _build/html`).
"""

import importlib.metadata
import sys
from pathlib import Path

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
    "sphinx_copybutton",
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

html_theme = "furo"
html_title = "Flask, every example running"
html_static_path = []

# Copy-button: copy the code of a session without the >>> and ... prompts and output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
