"""Sphinx's own search page finds the page dedicated to a topic first.

A page claims the words it is the answer to in its front matter (``keywords:``,
harness/sphinxext/keywords.py). Here the site's search page, in Chromium, is
asked for each topic a reader is likely to type.
"""

from __future__ import annotations

import pytest

from harness import sitecheck

FIRST_HIT = {
    "blueprint": "becoming-big/blueprints.html",
    # The session object; in-the-box/security/sessions.md is about logins kept in it.
    "session": "quickstart/sessions.html",
    "url_for": "quickstart/routing.html",  # its "URL building" section
    "test_client": "in-the-box/testing.html",
    "CSRF": "in-the-box/security/csrf.html",
    # No page is only about configuration: the factory page loads it (defaults, the
    # instance folder, the environment, a test config), so it is the best answer today.
    "config": "becoming-big/factories.html",
    "template": "in-the-box/templating.html",
    # No Deploying chapter yet (another issue adds one): the Quickstart's "Logging and
    # deployment" page is the best answer today for both words.
    "deploy": "quickstart/deployment.html",
    "logging": "patterns/logging.html",
    # What's in the box: the general page; becoming-big/testing.md is about a large app.
    "testing": "in-the-box/testing.html",
}


@pytest.mark.parametrize(("query", "page"), FIRST_HIT.items())
def test_the_dedicated_page_is_the_first_hit(site, browser, query, page):
    hits = sitecheck.search(browser, site.url, query)
    assert hits, f"no result for {query!r}"
    rank = hits.index(page) + 1 if page in hits else "nowhere"
    assert hits[0] == page, f"{query!r}: {page} comes {rank}; first: {hits[:5]}"
