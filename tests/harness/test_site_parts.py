"""What sits around the pages (harness/sphinxext), on a small site built with the guide's conf.py.

* pictures: a Graphviz file is drawn inline, named by its ``:alt:``, coloured by
  diagrams.css on its page only; no ``:alt:``, a broken file or no Graphviz at
  all is a warning that says what is wrong (and, for the last, what to install);
* every page has a description (its opening sentences, or its front matter's)
  and Open Graph tags; sitemap.xml, llms.txt and llms-full.txt hold every page,
  after an incremental build too; llms-full.txt has the code a page shows;
* ``{verified-versions}`` reads the versions from the environment;
* a page loads sphinx-design's and sphinx-copybutton's files only if it uses them.

The site is built once, strictly (-W -n); each test reads its own page.
"""

import html as html_module
import json
import re
import textwrap
from importlib import metadata

import pytest

from harness.services.missing import Missing, program
from harness.sphinxext import assets, meta
from harness.sphinxext.trial import build_site, warnings_of

DOT = """
digraph example {
  node [shape=box];
  start [label="request", class="yours"];
  start -> finish;
}
"""

PAGES = {
    "index.md": """
        # Index

        The opening sentence of the site. A second one, a little longer, so that the two
        of them reach the shortest length. A third sentence that a description of at
        most two hundred characters leaves out, because the two before it are enough.

        ```{toctree}
        :hidden:

        picture
        plain
        described
        shown
        versions
        tabs
        ```
        """,
    "picture.md": """
        # Picture

        ```{graphviz} pic.dot
        :alt: A request goes to finish.
        :caption: The whole story.
        ```
        """,
    "plain.md": """
        # Plain

        ```{example-folder} foreword
        ```

        Short. The example folder's note above is not part of the description, and
        neither are the list and the section below.

        - an item

        ## A section

        Not in the description.
        """,
    "described.md": """
        ---
        description: Said in the page's own words.
        ---

        # Described

        This opening is not the description.
        """,
    "shown.md": """
        # Shown

        ```{literalinclude} ../shown.py
        :language: python
        ```

        % invisible-code-block: python
        %
        % hidden_setup = "never shown"

        ```python
        visible = "shown and run"
        ```
        """,
    "versions.md": "# Versions\n\n```{verified-versions}\n```\n",
    "tabs.md": """
        # Tabs

        ::::{tab-set}
        :::{tab-item} One
        one
        :::
        :::{tab-item} Two
        two
        :::
        ::::
        """,
}

#: Pages with a problem each, built apart so the good site stays free of warnings.
BAD_PAGES = {
    "index.md": "# Bad\n\n```{toctree}\n:hidden:\n\nnoalt\nbroken\n```\n",
    "noalt.md": "# No alt\n\n```{graphviz} pic.dot\n```\n",
    "broken.md": "# Broken\n\n```{graphviz} broken.dot\n:alt: Nothing.\n```\n",
}


def write_pages(docs, pages):
    docs.mkdir(parents=True)
    (docs / "pic.dot").write_text(DOT, encoding="utf-8")
    (docs / "broken.dot").write_text("digraph { a -> ", encoding="utf-8")
    for name, text in pages.items():
        (docs / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


@pytest.fixture(scope="module")
def graphviz():
    try:
        return program("graphviz")
    except Missing as missing:
        pytest.skip(str(missing))


@pytest.fixture(scope="module")
def site(tmp_path_factory, graphviz):
    """(the folder, the first build)."""
    folder = tmp_path_factory.mktemp("site")
    (folder / "shown.py").write_text('shown = "from the file"\n', encoding="utf-8")
    write_pages(folder / "docs", PAGES)
    return folder, build_site(folder / "docs", folder / "html", "-W", "-n")


def html(site, name: str) -> str:
    return (site[0] / "html" / name).read_text(encoding="utf-8")


def test_the_site_builds_without_a_warning(site):
    assert site[1].returncode == 0, site[1].stderr
    assert warnings_of(site[1]) == []


# --- pictures ----------------------------------------------------------------------------


def test_a_picture_is_drawn_into_its_page_named_by_its_alt_text(site):
    page = html(site, "picture.html")
    svg = re.search(r'<div class="diagram" tabindex="0"><svg[^>]*>.*?</svg>', page, re.S)
    assert svg, page
    opening = re.search(r"<svg[^>]*>", svg.group(0)).group(0)
    assert 'role="img"' in opening
    assert 'aria-label="A request goes to finish."' in opening
    assert "<title>" not in svg.group(0)  # Graphviz's tooltips: the .dot file's node names
    assert ' id="' not in svg.group(0)  # Graphviz's ids repeat on every picture
    assert 'class="node yours"' in svg.group(0)  # diagrams.css colours it by class
    assert ">request</text>" in svg.group(0)
    assert "The whole story." in page  # the caption


def test_the_picture_stylesheet_is_loaded_only_where_there_is_a_picture(site):
    assert "_static/diagrams.css" in html(site, "picture.html")
    assert "diagrams.css" not in html(site, "plain.html")
    assert "graphviz.css" not in html(site, "picture.html")


def test_a_picture_without_alt_text_or_that_graphviz_rejects_is_a_warning(tmp_path, graphviz):
    write_pages(tmp_path / "docs", BAD_PAGES)
    build = build_site(tmp_path / "docs", tmp_path / "html", "-W", "-n")
    assert build.returncode != 0
    (no_alt,) = warnings_of(build, "noalt.md")
    assert "a picture needs :alt:" in no_alt
    (broken,) = warnings_of(build, "broken.md")
    assert "Graphviz could not draw" in broken
    assert "syntax error" in broken


def test_without_graphviz_the_build_says_what_to_install(tmp_path):
    write_pages(tmp_path / "docs", {"index.md": PAGES["picture.md"]})
    build = build_site(
        tmp_path / "docs", tmp_path / "html", "-W", "-D", "graphviz_dot=/nowhere/dot"
    )
    assert build.returncode != 0
    (warning,) = warnings_of(build)
    assert "apt-get install graphviz" in warning
    page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert '<div class="diagram diagram-missing"><p>A request goes to finish.</p>' in page


# --- descriptions, Open Graph, sitemap ------------------------------------------------------


def meta_content(page: str, key: str) -> str:
    found = re.search(rf'<meta (?:name|property)="{key}" content="([^"]*)"', page)
    assert found, f"no {key}"
    return found.group(1)


def test_a_description_is_the_opening_in_whole_sentences(site):
    description = meta_content(html(site, "index.html"), "description")
    assert description == (
        "The opening sentence of the site. "
        "A second one, a little longer, so that the two of them reach the shortest length."
    )
    assert meta_content(html(site, "plain.html"), "description") == (
        "Short. The example folder’s note above is not part of the description, "
        "and neither are the list and the section below."
    )


def test_front_matter_gives_a_page_its_own_description(site):
    assert meta_content(html(site, "described.html"), "description") == (
        "Said in the page's own words."
    )


def test_sphinx_pages_get_the_site_description(site):
    assert meta_content(html(site, "search.html"), "description").startswith("A guide to Flask")


def test_a_long_first_sentence_is_cut_at_a_word():
    long = "word " * 80
    assert meta.summarise(long.strip() + ".").endswith("word…")
    assert len(meta.summarise(long)) <= meta.LONGEST


def test_every_page_has_open_graph_tags(site):
    page = html(site, "plain.html")
    assert meta_content(page, "og:title") == "Plain"
    assert meta_content(page, "og:type") == "website"
    assert meta_content(page, "og:url").endswith("/plain.html")
    assert meta_content(page, "og:description") == meta_content(page, "description")


def sitemap_pages(folder) -> list[str]:
    text = (folder / "html" / "sitemap.xml").read_text(encoding="utf-8")
    return [loc.rsplit("/", 1)[-1] for loc in re.findall(r"<loc>([^<]+)</loc>", text)]


def test_the_sitemap_lists_every_page_after_an_incremental_build_too(site):
    folder, _ = site
    every = sorted(f"{name.removesuffix('.md')}.html" for name in PAGES)
    assert sorted(sitemap_pages(folder)) == every
    plain = folder / "docs" / "plain.md"
    plain.write_text(plain.read_text() + "\nOne more sentence.\n", encoding="utf-8")
    again = build_site(folder / "docs", folder / "html", "-W", "-n")
    assert again.returncode == 0, again.stderr
    assert sorted(sitemap_pages(folder)) == every
    assert (folder / "html" / "llms-full.txt").read_text().count("# Picture") == 1


# --- llms.txt ------------------------------------------------------------------------------


def test_llms_txt_lists_every_page_with_its_description(site):
    text = (site[0] / "html" / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith("# Flask, every example running\n\n> The opening sentence")
    assert "- [Plain](" in text
    assert "plain.html): Short. The example folder" in text
    assert text.count("\n- [") == len(PAGES)


def test_llms_full_txt_has_the_code_a_page_shows_and_not_its_setup(site):
    text = (site[0] / "html" / "llms-full.txt").read_text(encoding="utf-8")
    assert '```python\nshown = "from the file"\n```' in text  # from the literalinclude
    assert '```python\nvisible = "shown and run"\n```' in text
    assert "hidden_setup" not in text
    assert "invisible-code-block" not in text
    assert "[graph: A request goes to finish.]" in text
    assert "You work in the folder" not in text  # the example folder's note
    assert "\n## A section\n" in text


# --- versions, assets ----------------------------------------------------------------------


def test_the_versions_page_reads_the_environment(site):
    page = html(site, "versions.html")
    for name in ("Flask", "Werkzeug", "Jinja2", "SQLAlchemy", "pytest"):
        assert re.search(
            rf"<p>{name}</p></td>\s*<td><p><code[^>]*><span class=\"pre\">"
            rf"{re.escape(metadata.version(name))}</span>",
            page,
        ), name


def test_a_page_loads_sphinx_design_and_copybutton_only_if_it_uses_them(site):
    plain = html(site, "plain.html")
    assert "sphinx-design" not in plain
    assert "design-tabs.js" not in plain
    assert "copybutton" not in plain
    assert "clipboard" not in plain
    tabs = html(site, "tabs.html")
    assert "design-tabs.js" in tabs
    (subset,) = re.findall(r"_static/(sphinx-design-\w+\.css)", tabs)
    css = (site[0] / "html" / "_static" / subset).read_text()
    assert ".sd-tab-set" in css
    assert ".sd-card" not in css
    shown = html(site, "shown.html")
    assert "copybutton.js" in shown
    # The stand-in for the copy library gets each language's own prompts.
    (prompts,) = re.findall(r'<script data-prompts="([^"]*)" src="_static/clipboard\.js', shown)
    assert json.loads(html_module.unescape(prompts)) == assets.COPY_PROMPTS


def test_only_what_a_selector_needs_outside_not_and_is_counts():
    assert assets.needs("a.x:not(.y) > .z:is(.w, .v)") == ({"x", "z"}, set())
    assert assets.needs("#top .menu") == ({"menu"}, {"top"})


def test_a_stylesheet_keeps_the_rules_that_can_match():
    css = (
        ":root{--sd-a:1px;--sd-b:2px}.sd-x,.sd-y{width:var(--sd-a)}"
        "@media (min-width:1px){.sd-y{color:red}.sd-x{color:blue}}"
        "@keyframes spin{to{color:red}}.sd-z{animation:spin 1s}"
    )
    kept = assets.design_subset_css(css, frozenset({"sd-x"}))
    assert (
        kept
        == ":root{--sd-a:1px;}.sd-x{width:var(--sd-a)}@media (min-width:1px){.sd-x{color:blue}}"
    )
