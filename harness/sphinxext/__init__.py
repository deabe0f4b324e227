"""The build side of the engine: a Sphinx extension that ``conf.py`` names ``harness.sphinxext``.

* :mod:`.checks` — the build fails when a block shown as Python is not the
  one the page runner executes;
* :mod:`.docstrings` — the API page shows Flask's docstrings without their
  unexecuted code samples;
* :mod:`.downloads` — ``{example-folder}``: a page names its example folder,
  offered as a zip and as files to browse;
* :mod:`.diagrams` — pictures drawn by Graphviz at build time, inlined as SVG
  that follows the light or dark theme, each with its text alternative;
* :mod:`.meta` — every page's meta description and Open Graph tags;
* :mod:`.sitemap` — ``sitemap.xml``, whole after an incremental build too;
* :mod:`.llms` — ``llms.txt`` and ``llms-full.txt``, the guide for assistants;
* :mod:`.versions` — ``{verified-versions}``: the versions the examples ran
  against, read from the environment at build time;
* :mod:`.assets` — a page loads only the stylesheets and scripts it uses;
* :mod:`.keywords` — a page's front-matter ``keywords`` make it the search's
  first hit for them (main index entries);
* :mod:`.verified` — each page's own result in every combination of versions
  ``make test-matrix`` ran, and ``{verified-matrix}``, the whole table;
* :mod:`.runhere` — a Run button under every block the suite executes: the
  reader's browser runs it with Pyodide against the same Flask;
* :mod:`.pagedata` — what an extension keeps per page in the environment;
* :mod:`.trial` — builds a small site with the guide's ``conf.py``, for the
  tests of these rules.
"""

from . import (
    assets,
    checks,
    diagrams,
    docstrings,
    downloads,
    keywords,
    llms,
    meta,
    runhere,
    sitemap,
    verified,
    versions,
)


def setup(app):
    checks.setup(app)
    docstrings.setup(app)
    downloads.setup(app)
    diagrams.setup(app)
    meta.setup(app)
    sitemap.setup(app)
    llms.setup(app)
    versions.setup(app)
    assets.setup(app)
    keywords.setup(app)
    verified.setup(app)
    runhere.setup(app)
    return {"version": "2", "parallel_read_safe": True, "parallel_write_safe": True}
