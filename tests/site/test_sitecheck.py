"""The checks catch what they look for: a small site with one fault of each kind.

If a check of harness/sitecheck.py went blind, tests/site/test_site.py would
pass on any site; here every check must find its fault.
"""

from __future__ import annotations

import pytest

from harness import sitecheck
from harness.services.browser import serving

FAULTY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Faulty</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"></head>
<body><main><h1>Faulty</h1>
<p style="color: #aaa; background: #fff">Too faint to read.</p>
<p><a href="other.html#here">a good anchor</a>, <a href="other.html#nowhere">a missing
anchor</a>, <a href="missing.html">a missing page</a>.</p>
<img src="gone.png" alt="a missing picture">
<img src="https://example.invalid/outside.png" alt="a picture from elsewhere">
<div style="width: 600px">A block wider than a phone.</div>
<script>console.error("something broke")</script>
</main></body></html>
"""
OTHER = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Other</title>
<link rel="icon" href="data:,"></head>
<body><main><h1 id="here">Other</h1></main></body></html>
"""


@pytest.fixture(scope="module")
def findings(browser, tmp_path_factory) -> sitecheck.Findings:
    root = tmp_path_factory.mktemp("faulty")
    (root / "index.html").write_text(FAULTY)
    (root / "other.html").write_text(OTHER)
    with serving(root) as url:
        return sitecheck.check_page(browser, url, root, "index.html")


def test_a_console_error(findings):
    assert "something broke" in findings.console_errors


def test_a_failed_request(findings):
    assert [r for r in findings.failed_requests if r.endswith("/gone.png: 404")]


def test_a_request_that_leaves_the_site(findings):
    assert findings.outside_requests == ["https://example.invalid/outside.png"]


def test_a_missing_page_and_a_missing_anchor(findings):
    assert findings.links_checked == 3
    problems = sorted(p.split(": ", 1)[1] for p in findings.broken_links)
    assert problems == ["no #nowhere on other.html", "no such file"]


def test_a_contrast_too_low_for_axe(findings):
    assert ("light", "color-contrast", "serious") in [v[:3] for v in findings.failing_axe()]


def test_a_horizontal_scroll_on_a_phone(findings):
    assert findings.horizontal_scroll == "608 px wide in 375 px: ['div']"  # 600 + the margin


def test_no_theme_toggle_is_no_dark_mode(findings):
    assert findings.dark_mode == "no visible theme toggle"
