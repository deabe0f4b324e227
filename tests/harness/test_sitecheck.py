"""harness/sitecheck.py's rules that need no browser: which files are pages, what a
link resolves to, what the crawl reaches, what a copy button must copy; and the
browser service's skip reason without Chromium."""

import pytest

from harness import sitecheck
from harness.services import browser, missing

PAGE = '<html><body><h1 id="top">T</h1><a name="old"></a>{links}</body></html>'


@pytest.fixture
def site(tmp_path):
    files = {
        "index.html": PAGE.format(links='<a href="a/b.html#top">b</a> <a href="c/">c</a>'),
        "a/b.html": PAGE.format(links='<a href="../index.html">home</a>'),
        "c/index.html": PAGE.format(links='<form action="../search.html"></form>'),
        "search.html": PAGE.format(links=""),
        "orphan.html": PAGE.format(links=""),
        "_static/x.html": "",
        "_sources/index.md.txt": "",
        "_examples/quickstart/first_app/index.html": PAGE.format(links=""),
        "_examples/quickstart/first_app/hello.py": "",
        # a template of an example that happens to be called index.html: a file, not a page
        "_examples/bigapp/bigapp/templates/index.html": "{{ title }}",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def test_the_pages_of_a_site(site):
    assert sitecheck.site_pages(site) == [
        "_examples/quickstart/first_app/index.html",
        "a/b.html",
        "c/index.html",
        "index.html",
        "orphan.html",
        "search.html",
    ]


def test_the_crawl_follows_links_and_forms_from_the_landing_page(site):
    assert sitecheck.crawl(site) == ["a/b.html", "c/index.html", "index.html", "search.html"]


@pytest.mark.parametrize(
    ("href", "problem"),
    [
        ("/a/b.html#top", None),
        ("/index.html#old", None),  # <a name>
        ("/c/", None),
        ("/_examples/quickstart/first_app/hello.py", None),
        ("/a/b.html#gone", "no #gone on a/b.html"),
        ("/missing.html", "no such file"),
        ("/a/b%20c.html", "no such file"),
    ],
)
def test_a_link_resolves_to_a_file_and_its_anchor(site, href, problem):
    found = sitecheck.link_problem(site, "http://127.0.0.1:1", "http://127.0.0.1:1" + href)
    assert (found.split(": ", 1)[1] if found else None) == problem


def test_what_a_copy_button_copies():
    assert sitecheck.expected_copy("python", "x = 1\n>>> not a prompt here\n") == (
        "x = 1\n>>> not a prompt here"
    )
    assert sitecheck.expected_copy("pycon", ">>> with x:\n...     y\n...\n>>> z\n1\n") == (
        "with x:\n    y\n\nz"
    )
    # a traceback's bare "..." reads as a continuation too: an empty line, here the
    # last one, which is never copied
    assert sitecheck.expected_copy("pycon", ">>> f()\nTraceback:\n...\nError\n") == "f()"
    assert sitecheck.expected_copy("doscon", "> dir\n file.txt\n") == "dir"
    assert sitecheck.expected_copy("console", "all output\n") is None


def test_without_chromium_the_browser_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(missing.NEEDS, "chromium", (lambda: None, "chromium"))
    with pytest.raises(missing.Missing, match=r"apt-get install chromium"), browser.launched():
        pass
