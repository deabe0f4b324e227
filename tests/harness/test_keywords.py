"""Search keywords (harness/sphinxext/keywords.py), on a small site built with the guide's conf.py.

A page's front-matter ``keywords`` become main index entries at its title: the
general index lists them, and the search index carries them as main entries,
which Sphinx's search ranks first. Two pages may not claim one keyword.
"""

import json
import textwrap

import pytest

from harness.sphinxext.trial import build_site, warnings_of

PAGES = {
    "index.md": """
        # Index

        ```{toctree}
        sessions
        cookies
        ```
        """,
    "sessions.md": """
        ---
        keywords: session, flash
        ---

        # Sessions and flashing

        Text about the session.
        """,
    "cookies.md": """
        ---
        keywords: cookie, Session
        ---

        # Cookies

        Text about cookies.
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keywords")
    docs = folder / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder / "html", build_site(docs, folder / "html", "-W")


def search_index(html) -> dict:
    text = (html / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def test_keywords_are_main_entries_of_the_search_index(site):
    html, _ = site
    entries = search_index(html)["indexentries"]
    docnames = search_index(html)["docnames"]
    assert [(docnames[i], target, main) for i, target, main in entries["flash"]] == [
        ("sessions", "sessions-and-flashing", True)
    ]
    assert [docnames[i] for i, _, _ in entries["cookie"]] == ["cookies"]


def test_the_general_index_lists_them_in_bold(site):
    html, _ = site
    genindex = (html / "genindex.html").read_text(encoding="utf-8")
    assert 'href="sessions.html#sessions-and-flashing"><strong>flash</strong></a>' in genindex


def test_two_pages_may_not_claim_one_keyword(site):
    _, build = site
    warnings = warnings_of(build, "keyword")
    assert len(warnings) == 1, build.stderr
    assert "keyword 'session' is claimed by cookies and sessions" in warnings[0]
    assert warnings[0].endswith("[harness.keywords]")
    assert build.returncode != 0
