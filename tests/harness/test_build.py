"""The build side (harness/sphinxext), on a small site built with the guide's conf.py.

* blocks shown as Python that the runner does not execute fail the build, and so
  do blocks it executes that are not shown;
* references: ours must resolve, Flask's docstrings may dangle (as plain text),
  standard-library names resolve from the committed inventory, offline;
* the API page shows Flask's docstrings without their code samples.

All the cases are pages of one site, built once; each test reads the warnings
about its own page. A second, incremental build then checks that a problem on a
page that was not read again is still reported.
"""

import textwrap

import pytest

from harness.sphinxext.trial import build_site, warnings_of

PAGES = {
    "index.md": """
        # Index

        ```{toctree}
        :hidden:

        unexecuted
        redirect
        wrong-reference
        standard-library
        samples
        included
        folder
        missing-include
        ```
        """,
    "unexecuted.md": """
        # Unexecuted

        ```python
        run = "yes"
        ```

        :::{code-block} python
        run = "no: colon fences are not collected"
        :::

        :::{note}
            ```python
            indented = "collected, but rendered as plain text"
            ```
        :::
        """,
    # redirect's docstring refers to werkzeug.utils.redirect, which no page documents.
    "redirect.md": """
        # Redirect

        ```{eval-rst}
        .. autofunction:: flask.redirect
        ```
        """,
    "wrong-reference.md": """
        # Wrong

        {py:func}`flask.no_such_function` and {py:mod}`secrets`.
        """,
    "standard-library.md": "# Standard library\n\n{py:func}`secrets.token_hex`\n",
    # Markup's docstring holds doctest paragraphs, Flask.route's a code-block.
    "samples.md": """
        # Samples

        ```{eval-rst}
        .. autoclass:: markupsafe.Markup
           :no-members:

        .. automethod:: flask.Flask.route
        ```
        """,
    # Sybil executes the blocks of a page, not of what the page pulls in.
    "included.md": "# Included\n\n```{include} ../snippet.md\n```\n",
    "folder.md": "# Folder\n\n```{example-folder} foreword/flask_is_an_example\n```\n",
    # A file that is not there, and lines that a file does not have.
    "missing-include.md": """
        # Missing

        ```{literalinclude} ../no_such_example.py
        ```

        ```{literalinclude} ../three_lines.txt
        :lines: 40-50
        ```
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(the folder, the first build): every page built once, strict (-W -n) as make html."""
    folder = tmp_path_factory.mktemp("site")
    docs = folder / "docs"
    docs.mkdir()
    (folder / "snippet.md").write_text("```python\nnot_run = True\n```\n", encoding="utf-8")
    (folder / "three_lines.txt").write_text("one\ntwo\nthree\n", encoding="utf-8")
    for name, text in PAGES.items():
        (docs / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder, build_site(docs, folder / "html", "-W", "-n")


def html(site, name: str) -> str:
    return (site[0] / "html" / name).read_text(encoding="utf-8")


def test_the_build_fails_on_a_block_shown_as_python_but_not_run(site):
    folder, build = site
    assert build.returncode != 0
    page = folder / "docs" / "unexecuted.md"
    warnings = warnings_of(build, "unexecuted.md")
    assert len(warnings) == 2, build.stderr
    assert warnings[0].startswith(f"{page}:7: WARNING: this block is shown as Python")
    assert warnings[0].endswith("[harness.unexecuted]")
    assert warnings[1].startswith(f"{page}:12: WARNING: the harness executes")
    assert warnings[1].endswith("[harness.unrendered]")


def test_an_incremental_build_still_reports_pages_it_did_not_read_again(site):
    folder, _ = site
    doctree = folder / "doctrees" / "unexecuted.doctree"
    read_at = doctree.stat().st_mtime_ns
    other = folder / "docs" / "standard-library.md"
    other.write_text(other.read_text() + "\nOne more sentence.\n", encoding="utf-8")
    again = build_site(folder / "docs", folder / "html", "-W", "-n")
    assert doctree.stat().st_mtime_ns == read_at  # unexecuted.md was not read again
    assert len(warnings_of(again, "unexecuted.md")) == 2, again.stderr
    assert again.returncode != 0


def test_a_dangling_reference_in_a_flask_docstring_is_plain_text(site):
    assert warnings_of(site[1], "redirect") == []
    assert "werkzeug.utils.redirect" in html(site, "redirect.html")


def test_a_wrong_reference_in_a_page_is_still_a_warning(site):
    warnings = warnings_of(site[1], "wrong-reference.md")
    assert len(warnings) == 1, warnings
    assert "py:func reference target not found: flask.no_such_function" in warnings[0]


def test_standard_library_names_link_to_the_python_docs(site):
    assert warnings_of(site[1], "standard-library.md") == []
    assert 'href="https://docs.python.org/3.11/library/secrets.html#secrets.token_hex"' in html(
        site, "standard-library.html"
    )


def test_code_samples_of_flask_docstrings_are_left_out(site):
    assert warnings_of(site[1], "docstring of") == []
    page = html(site, "samples.html")
    assert page.count("A code sample of Flask’s docstring is left out") >= 3
    assert "highlight-python" not in page
    assert "doctest" not in page


def test_a_python_block_from_another_file_fails_the_build(site):
    warnings = warnings_of(site[1], "snippet.md")
    assert len(warnings) == 1, warnings
    assert "snippet.md is shown but nothing executes it" in warnings[0]
    assert warnings[0].endswith("[harness.unexecuted]")


def test_a_missing_file_or_line_range_fails_the_build_naming_page_and_line(site):
    page = site[0] / "docs" / "missing-include.md"
    warnings = warnings_of(site[1], "missing-include.md")
    assert any(
        w.startswith(f"{page}:3: WARNING: Include file ") and "no_such_example.py" in w
        for w in warnings
    ), warnings
    assert any(
        ":6: WARNING: line number spec is out of range(1-3): '40-50'" in w for w in warnings
    ), warnings


def test_nothing_else_warns(site):
    pages = ["unexecuted.md", "wrong-reference.md", "snippet.md", "missing-include.md"]
    others = [w for w in warnings_of(site[1]) if not any(p in w for p in pages)]
    assert others == []


def test_a_page_offers_its_example_folder_as_a_zip_and_as_files(site):
    import io
    import zipfile

    from harness import EXAMPLES

    page = html(site, "folder.html")
    assert "examples/foreword/flask_is_an_example/</span></code>" in page
    assert 'href="_examples/foreword/flask_is_an_example.zip"' in page
    assert 'href="_examples/foreword/flask_is_an_example/index.html"' in page
    output = site[0] / "html" / "_examples" / "foreword"
    with zipfile.ZipFile(io.BytesIO((output / "flask_is_an_example.zip").read_bytes())) as zipped:
        names = zipped.namelist()
        assert "flask_is_an_example/hello_flask.py" in names
        assert "flask_is_an_example/templates/hello.html" in names
        assert not [name for name in names if "__pycache__" in name]
        source = EXAMPLES / "foreword" / "flask_is_an_example" / "hello_flask.py"
        assert zipped.read("flask_is_an_example/hello_flask.py") == source.read_bytes()
    listing = (output / "flask_is_an_example" / "index.html").read_text()
    assert '<a href="hello_flask.py">hello_flask.py</a>' in listing
    assert (output / "flask_is_an_example" / "templates" / "hello.html").is_file()
