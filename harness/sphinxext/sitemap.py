"""``sitemap.xml``: every page of the site, at the address ``html_baseurl`` gives.

It lists every page Sphinx knows, written in this build or not, so an
incremental ``make html`` writes the same sitemap as a clean build. (The
sphinx-sitemap extension lists only the pages a build writes: after one page
is edited, its sitemap misses the others.) Sphinx's own pages (the index,
search) and the 404 page are not content and are left out. Without
``html_baseurl`` there is no address to give, and no sitemap is written.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

NAME = "sitemap.xml"


def page_urls(app) -> list[str]:
    base = app.config.html_baseurl.rstrip("/") + "/"
    return [base + app.builder.get_target_uri(name) for name in sorted(app.env.found_docs)]


def write_sitemap(app, exception) -> None:
    if exception is not None or app.builder.format != "html" or not app.config.html_baseurl:
        return
    entries = "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in page_urls(app))
    Path(app.outdir, NAME).write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n",
        encoding="utf-8",
    )


def setup(app):
    app.connect("build-finished", write_sitemap)
