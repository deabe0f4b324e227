"""The build side of the engine: a Sphinx extension that ``conf.py`` names ``harness.sphinxext``.

* :mod:`.checks` — the build fails when a block shown as Python is not the
  one the page runner executes;
* :mod:`.docstrings` — the API page shows Flask's docstrings without their
  unexecuted code samples;
* :mod:`.trial` — builds a small site with the guide's ``conf.py``, for the
  tests of these rules.
"""

from . import checks, docstrings


def setup(app):
    checks.setup(app)
    docstrings.setup(app)
    return {"version": "2", "parallel_read_safe": True, "parallel_write_safe": True}
