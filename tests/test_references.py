"""Cross-references in the strict build (conf.py): ours must resolve, Flask's may dangle.

conf.py turns a reference that Flask's or Werkzeug's own docstrings make to
something this site does not document into plain text. These tests build a
small site with the real conf.py to show that this covers only docstrings: a
wrong reference written in a page still fails the build, and standard-library
names resolve from the committed inventory, without the network.
"""

import textwrap
from pathlib import Path

from tests.harness.site import build_site, warnings_of


def build(tmp_path: Path, page: str) -> list[str]:
    """Build one page with the guide's conf.py; return the warnings."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(textwrap.dedent(page).lstrip(), encoding="utf-8")
    result = build_site(docs, tmp_path / "html", "-n")
    assert result.returncode == 0, result.stderr
    return warnings_of(result)


def test_a_dangling_reference_in_a_flask_docstring_is_plain_text(tmp_path):
    # redirect's docstring refers to werkzeug.utils.redirect, which no page documents.
    warnings = build(
        tmp_path,
        """
        # Index

        ```{eval-rst}
        .. autofunction:: flask.redirect
        ```
        """,
    )
    assert warnings == []
    html = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert "werkzeug.utils.redirect" in html


def test_a_wrong_reference_in_a_page_is_still_a_warning(tmp_path):
    warnings = build(
        tmp_path,
        """
        # Index

        {py:func}`flask.no_such_function` and {py:mod}`secrets`.
        """,
    )
    assert len(warnings) == 1, warnings
    assert "py:func reference target not found: flask.no_such_function" in warnings[0]


def test_standard_library_names_link_to_the_python_docs(tmp_path):
    assert build(tmp_path, "# Index\n\n{py:func}`secrets.token_hex`\n") == []
    html = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://docs.python.org/3.11/library/secrets.html#secrets.token_hex"' in html


def test_code_samples_of_flask_docstrings_are_left_out(tmp_path):
    # Markup's docstring holds doctest paragraphs, Flask.route's a code-block.
    warnings = build(
        tmp_path,
        """
        # Index

        ```{eval-rst}
        .. autoclass:: markupsafe.Markup
           :no-members:

        .. automethod:: flask.Flask.route
        ```
        """,
    )
    assert warnings == []
    html = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert html.count("A code sample of Flask’s docstring is left out") >= 3
    assert "highlight-python" not in html
    assert "doctest" not in html


def test_a_python_block_from_another_file_fails_the_build(tmp_path):
    # Sybil executes the blocks of a page, not of what the page pulls in.
    (tmp_path / "snippet.md").write_text("```python\nnot_run = True\n```\n", encoding="utf-8")
    warnings = build(tmp_path, "# Index\n\n```{include} ../snippet.md\n```\n")
    assert len(warnings) == 1, warnings
    assert "snippet.md is shown but nothing executes it" in warnings[0]
    assert warnings[0].endswith("[harness.unexecuted]")
