"""The build side of the engine: a Sphinx extension that ``conf.py`` names ``harness.sphinxext``.

* :mod:`.checks` — the build fails when a block shown as Python is not the
  one the page runner executes;
* :mod:`.docstrings` — the API page shows Flask's docstrings without their
  unexecuted code samples;
* :mod:`.downloads` — ``{example-folder}``: a page names its example folder,
  offered as a zip and as files to browse;
* :mod:`.trial` — builds a small site with the guide's ``conf.py``, for the
  tests of these rules.
"""

from . import checks, docstrings, downloads


def setup(app):
    checks.setup(app)
    docstrings.setup(app)
    downloads.setup(app)
    return {"version": "2", "parallel_read_safe": True, "parallel_write_safe": True}
