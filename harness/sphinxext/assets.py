"""A page loads only the stylesheets and scripts it uses, and loads them small.

Extensions add their files to every page. In ``html-page-context``, as Sphinx
allows, this module takes them off the pages that do not use them:

* sphinx-design's stylesheet (54 KiB, every component it has) becomes, on
  each page, a subset with only the rules for the ``sd-*`` classes that page
  uses, and the colour variables those rules read: a few KiB for tabs or
  cards, nothing on a page without components. Each distinct subset is
  written once, as ``_static/sphinx-design-<hash>.css``;
* sphinx-design's ``design-tabs.js`` stays only on pages with tabs;
* sphinx-copybutton's files stay only on pages with a code block, and its
  copy library (ClipboardJS, 8.9 KiB) gives way to ``docs/_static/clipboard.js``,
  which does what sphinx-copybutton asks of it with the browser's clipboard API.

When the build is done, over the whole site:

* Furo's stylesheet loses the rules that no page can match: a rule is kept
  when every class and id its selector needs (outside ``:not()`` and the
  like) appears in some page or in one of the site's scripts, which add
  classes as they run;
* every stylesheet and script under ``_static/`` is minified (rcssmin,
  rjsmin): comments and spaces go, the code stays.

``harness/bench.py``'s ``page_weight`` measures the result, and
``tests/site/test_build.py`` holds each Quickstart page to :data:`QUICKSTART_BUDGET_KIB`.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import rcssmin
import rjsmin

DESIGN_CSS = "_static/sphinx-design.min.css"
DESIGN_JS = "_static/design-tabs.js"
COPYBUTTON = {"_static/copybutton.css", "_static/copybutton.js", "_static/clipboard.min.js"}
THEME_CSS = "_static/styles/furo.css"
#: sphinx-copybutton's copy library, and the small file of ours with the part it uses.
CLIPBOARD_JS = "_static/clipboard.min.js"
CLIPBOARD_STAND_IN = "_static/clipboard.js"
#: The prompts a copy button leaves out, and copies only the lines of, per language
#: (regular expressions). sphinx-copybutton knows one list for all blocks, so a console
#: block whose output shows ``>>> `` would be copied with that output; the stand-in
#: reads this table from its script tag and asks for the block's own prompt. A block of
#: any other language is copied as shown. conf.py gives sphinx-copybutton their union.
COPY_PROMPTS = {
    "pycon": r">>> |\.\.\.(?: |$)",
    "console": r"\$ ",
    "ps1con": r"PS> ",
    "doscon": r"> ",
}
#: The most a Quickstart page may weigh, with every file it loads (Flask's own: 247.5 KiB).
QUICKSTART_BUDGET_KIB = 150

CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
ID_ATTRIBUTE = re.compile(r'id="([^"]*)"')
FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has|nth-[\w-]+)\(")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
CUSTOM_PROPERTY = re.compile(r"(--[\w-]+)\s*:[^;}]*;?")


# --- reading a stylesheet ----------------------------------------------------------------


def split_items(css: str) -> list[tuple[str, str]]:
    """Top-level items of a stylesheet: (prelude, block) for ``prelude{block}``."""
    items, depth, start, prelude = [], 0, 0, ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                items.append((prelude, css[start:index]))
                start = index + 1
    return items


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:is(...)``)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return [part.strip() for part in parts if part.strip()]


def outside_functions(selector: str) -> str:
    """The selector without the arguments of ``:not()``, ``:is()`` and the like.

    A class named there is not needed for the selector to match (``a:not(.x)``
    matches where no ``.x`` is), so only what is left counts.
    """
    while match := FUNCTIONAL_PSEUDO.search(selector):
        depth, index = 1, match.end()
        while index < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[index], 0)
            index += 1
        selector = selector[: match.start()] + selector[index:]
    return selector


def needs(selector: str) -> tuple[set[str], set[str]]:
    """The classes and ids an element tree must have for ``selector`` to match."""
    bare = outside_functions(selector)
    return set(CLASS.findall(bare)), set(ID.findall(bare))


def keep_rules(css: str, can_match) -> str:
    """The rules of ``css`` with the selectors for which ``can_match(selector)`` is true."""
    kept, keyframes = [], []
    for prelude, block in split_items(css):
        if prelude.startswith("@keyframes"):
            keyframes.append((prelude, block))
        elif prelude.startswith(("@media", "@supports", "@layer", "@container")):
            inner = keep_rules(block, can_match)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{block}}}")  # @font-face, @page: not selectors
        else:
            selectors = [s for s in split_selectors(prelude) if can_match(s)]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{block}}}")
    text = "".join(kept)
    for prelude, block in keyframes:
        if prelude.split()[-1] in text:
            text += f"{prelude}{{{block}}}"
    return text


def drop_unread_properties(css: str, prefix: str) -> str:
    """Declarations of custom properties named ``prefix…`` that nothing reads go."""
    read = set(re.findall(r"var\((--[\w-]+)", css))
    return CUSTOM_PROPERTY.sub(
        lambda m: m.group(0) if not m.group(1).startswith(prefix) or m.group(1) in read else "",
        css,
    )


# --- each page -----------------------------------------------------------------------------


def design_subset_css(css: str, used: frozenset[str]) -> str:
    """sphinx-design's rules that can match a page whose sd-* classes are ``used``."""

    def can_match(selector: str) -> bool:
        classes, _ = needs(selector)
        return {c for c in classes if c.startswith("sd-")} <= used

    return drop_unread_properties(keep_rules(css, can_match), "--sd-")


def used_design_classes(body: str) -> frozenset[str]:
    return frozenset(
        name
        for value in CLASS_ATTRIBUTE.findall(body)
        for name in value.split()
        if name.startswith("sd-")
    )


def design_subset(app, used: frozenset[str]) -> str:
    """The name of the subset of sphinx-design's stylesheet for ``used``, written if new."""
    written = app.builder.__dict__.setdefault("_harness_design_subsets", {})
    if used not in written:
        source = (Path(app.outdir) / DESIGN_CSS).read_text(encoding="utf-8")
        css = design_subset_css(source, used)
        name = f"sphinx-design-{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
        Path(app.outdir, "_static", name).write_text(css, encoding="utf-8")
        written[used] = name
    return written[used]


def trim(app, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html":
        return
    body = context.get("body", "")
    css_files = context.get("css_files", [])
    script_files = context.get("script_files", [])
    used = used_design_classes(body)
    has_code = 'class="highlight' in body

    drop_css = set() if has_code else set(COPYBUTTON)
    drop_js = set() if has_code else set(COPYBUTTON)
    if "sd-tab-set" not in used:
        drop_js.add(DESIGN_JS)
    if any(css.filename == DESIGN_CSS for css in css_files):
        drop_css.add(DESIGN_CSS)
        if used:
            app.add_css_file(design_subset(app, used))
    css_files[:] = [css for css in css_files if css.filename not in drop_css]
    script_files[:] = [js for js in script_files if js.filename not in drop_js]
    for index, js in enumerate(script_files):
        if js.filename == CLIPBOARD_JS:  # the browser's clipboard API does its work
            attributes = {**js.attributes, "data-prompts": json.dumps(COPY_PROMPTS)}
            stand_in = type(js)(CLIPBOARD_STAND_IN, priority=js.priority, **attributes)
            script_files[index] = stand_in


# --- the whole site, when the build is done ------------------------------------------------


def site_names(outdir: Path) -> tuple[set[str], set[str]]:
    """Every class and id on any page, and every word of the site's scripts."""
    classes, ids = set(), set()
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for value in CLASS_ATTRIBUTE.findall(text):
            classes.update(value.split())
        ids.update(ID_ATTRIBUTE.findall(text))
    words = set()
    for script in (outdir / "_static").rglob("*.js"):
        words.update(re.findall(r"[\w-]+", script.read_text(encoding="utf-8", errors="replace")))
    return classes | words, ids | words


def theme_subset_css(css: str, classes: set[str], ids: set[str]) -> str:
    def can_match(selector: str) -> bool:
        needed_classes, needed_ids = needs(selector)
        return needed_classes <= classes and needed_ids <= ids

    return keep_rules(css, can_match)


def slim(app, exception) -> None:
    """Furo's stylesheet without the rules no page uses; every asset minified."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    theme = outdir / THEME_CSS
    if theme.is_file():
        classes, ids = site_names(outdir)
        css = rcssmin.cssmin(theme.read_text(encoding="utf-8"))
        theme.write_text(theme_subset_css(css, classes, ids), encoding="utf-8")
    for path in (outdir / "_static").rglob("*"):
        if path.suffix not in {".css", ".js"} or ".min." in path.name or path == theme:
            continue
        text = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(text) if path.suffix == ".css" else rjsmin.jsmin(text)
        if small != text:
            path.write_text(small, encoding="utf-8")


def setup(app):
    # After the extensions that add their files to every page (priority 500).
    app.connect("html-page-context", trim, priority=900)
    # After Furo, which writes pygments.css when the build is done.
    app.connect("build-finished", slim, priority=900)
