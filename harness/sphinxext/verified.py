"""Each page says which versions of Flask its own code was verified with.

``make test-matrix`` (:mod:`harness.matrix`) writes ``docs/_data/verified.json``:
for each combination of versions, whether each page and each example passed.
Every page that ran in it ends with a line naming the combinations its blocks
passed with and, if any, those they failed with. ``{verified-matrix}`` draws
the whole table on the versions page.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

RESULTS = Path("_data") / "verified.json"  # under the source folder


def results(srcdir: str | Path) -> list[dict]:
    path = Path(srcdir) / RESULTS
    if not path.is_file():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["combinations"]


def label(combination: dict) -> str:
    versions = combination["versions"]
    return (
        f"Flask {versions['Flask']} (Werkzeug {versions['Werkzeug']}, Jinja2 {versions['Jinja2']})"
    )


def page_key(env, docname: str) -> str:
    return Path(env.doc2path(docname)).relative_to(Path(env.srcdir).parent).as_posix()


def stamp(app, doctree: nodes.document) -> None:
    """End the page with its own result in every combination it ran in."""
    found = results(app.srcdir)
    if not found:
        return
    app.env.note_dependency(str(Path(app.srcdir) / RESULTS))
    key = page_key(app.env, app.env.docname)
    passed = [c for c in found if c["pages"].get(key) == "passed"]
    skipped = [c for c in found if c["pages"].get(key) == "skipped"]
    failed = [c for c in found if c["pages"].get(key) == "failed"]
    if not (passed or skipped or failed):
        return  # a page with no code: nothing was run
    paragraph = nodes.paragraph()
    if passed:
        paragraph += nodes.Text("Every block of this page ran as shown with ")
        paragraph += nodes.Text("; ".join(f"{label(c)} ({c['date']})" for c in passed))
        paragraph += nodes.Text(". ")
    if skipped:
        paragraph += nodes.Text("It needs a newer release than ")
        paragraph += nodes.Text("; ".join(label(c) for c in skipped))
        paragraph += nodes.Text(", so it was not run there. ")
    if failed:
        paragraph += nodes.strong(text="It fails with ")
        paragraph += nodes.Text("; ".join(label(c) for c in failed))
        paragraph += nodes.Text(". ")
    reference = addnodes.pending_xref(
        "", refdomain="std", reftype="doc", reftarget="/versions", refexplicit=True,
        refdoc=app.env.docname,
    )  # fmt: skip
    reference += nodes.inline(text="The versions page")
    paragraph += reference
    paragraph += nodes.Text(" has the whole table.")
    doctree += nodes.container("", paragraph, classes=["verified"])


class VerifiedMatrix(SphinxDirective):
    """``{verified-matrix}``: every combination, its versions, and what failed in it."""

    def run(self):
        found = results(self.env.srcdir)
        self.env.note_dependency(str(Path(self.env.srcdir) / RESULTS))
        if not found:
            return [nodes.paragraph(text="No combination has been run yet: make test-matrix.")]
        packages = list(found[0]["versions"])
        table = nodes.table()
        group = nodes.tgroup(cols=len(packages) + 3)
        table += group
        for _ in range(len(packages) + 3):
            group += nodes.colspec(colwidth=1)

        def row(cells):
            entry_row = nodes.row()
            for cell in cells:
                entry_row += nodes.entry("", nodes.paragraph(text=str(cell)))
            return entry_row

        head = nodes.thead()
        head += row(["combination", *packages, "pages passed", "examples passed"])
        # A page or example not counted as passed failed, or needs a newer release (skipped).
        group += head
        body = nodes.tbody()
        for combination in found:
            pages, examples = combination["pages"], combination["examples"]
            body += row(
                [
                    f"{combination.get('description', combination['combination'])} "
                    f"({combination['date']})",
                    *(combination["versions"][name] for name in packages),
                    f"{sum(v == 'passed' for v in pages.values())} of {len(pages)}",
                    f"{sum(v == 'passed' for v in examples.values())} of {len(examples)}",
                ]
            )
        group += body
        out = [table]
        for combination in found:
            outcomes = {**combination["pages"], **combination["examples"]}
            for status, words in (("failed", "Failing"), ("skipped", "Needing a newer release")):
                names = [name for name, found_status in outcomes.items() if found_status == status]
                if names:
                    item = nodes.paragraph()
                    item += nodes.Text(
                        f"{words} than {label(combination)}: "
                        if status == "skipped"
                        else f"{words} with {label(combination)}: "
                    )
                    item += nodes.literal(text=", ".join(names))
                    out.append(item)
        return out


def setup(app):
    app.add_directive("verified-matrix", VerifiedMatrix)
    app.connect("doctree-read", stamp)
