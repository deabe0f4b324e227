"""Every page of the built site, in Chromium: what a reader's browser meets.

One pass opens each page (harness/sitecheck.py, ``check_page``) and records
what it finds; each test below asserts one check over every page and names the
pages that fail it. The pages: every page Sphinx writes, and the file listing of
each example folder. ``python -m harness.sitecheck`` prints the same findings
as figures (pages, links checked, axe-core's findings per rule).
"""

from __future__ import annotations

import pprint

import pytest

from harness import sitecheck

#: Sphinx writes the general index, but the theme links it from nowhere; a server
#: sends 404.html for an address that has no page.
NOT_LINKED = {"genindex.html", "404.html"}


@pytest.fixture(scope="module")
def findings(site, browser) -> dict[str, sitecheck.Findings]:
    return {
        page: sitecheck.check_page(browser, site.url, site.root, page)
        for page in sitecheck.site_pages(site.root)
    }


def failing(findings, check) -> dict[str, object]:
    return {page: found for page, f in findings.items() if (found := check(f))}


def report(failures: dict[str, object]) -> str:
    return f"{len(failures)} pages:\n" + pprint.pformat(failures, width=100)


def test_every_page_is_reached_from_the_landing_page(site):
    pages = set(sitecheck.site_pages(site.root))
    assert len(pages) > 40
    assert set(sitecheck.crawl(site.root)) | NOT_LINKED == pages


def test_no_console_error(findings):
    failures = failing(findings, lambda f: f.console_errors)
    assert not failures, report(failures)


def test_no_failed_request(findings):
    failures = failing(findings, lambda f: f.failed_requests)
    assert not failures, report(failures)


def test_no_request_leaves_the_site(findings):
    failures = failing(findings, lambda f: f.outside_requests)
    assert not failures, report(failures)


def test_every_internal_link_and_anchor_resolves(findings):
    assert sum(f.links_checked for f in findings.values()) > 1000
    failures = failing(findings, lambda f: f.broken_links)
    assert not failures, report(failures)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(findings, mode):
    failures = failing(findings, lambda f: [v for v in f.failing_axe() if v[0] == mode])
    assert not failures, report(failures)


def test_no_horizontal_scroll_on_a_phone(findings):
    failures = failing(findings, lambda f: f.horizontal_scroll)
    assert not failures, report(failures)


def test_every_copy_button_copies_the_commands_only(findings):
    assert sum(f.copy_checked for f in findings.values()) > 300
    failures = failing(findings, lambda f: f.copy_problems)
    assert not failures, report(failures)


def test_dark_mode_toggles_and_survives_a_reload(findings):
    themed = [page for page in findings if not page.startswith("_examples/")]
    assert themed
    failures = failing(findings, lambda f: f.dark_mode)
    assert not failures, report(failures)
