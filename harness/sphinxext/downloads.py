"""Each page offers its example folder: a zip to download, and the files to browse.

A page names the folder its reader works in with a directive::

    ```{example-folder} becoming_big/dispatching
    ```

It renders as a short note: the folder's name, a link to
``_examples/becoming_big/dispatching.zip`` and a link to a listing of its
files. The zips and the listings are written at the end of every HTML build
for every folder a page names, so an incremental build keeps them. The zip
holds the folder as a reader needs it: no caches, no instance data, no build
metadata. :func:`folder_zip` is what the tests unpack to follow a page from the
download alone.
"""

from __future__ import annotations

import html
import io
import shutil
import zipfile
from pathlib import Path, PurePosixPath

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .. import DOCS, EXAMPLES

#: Folders and files a reader does not need: caches, run-time data, build metadata.
LEFT_OUT = {"__pycache__", ".pytest_cache", "instance", ".ruff_cache", "build", "dist"}
OUTPUT = "_examples"


def is_left_out(relative: Path) -> bool:
    return any(part in LEFT_OUT or part.endswith(".egg-info") for part in relative.parts)


def has_own_page(folder: Path) -> bool:
    """Whether an example folder belongs to a page of its own (the layout rule's slug):
    ``examples/foreword/flask_is_an_example/`` to ``docs/foreword/flask-is-an-example.md``."""
    slug = folder.relative_to(EXAMPLES).as_posix().replace("_", "-")
    return (DOCS / f"{slug}.md").is_file() or (DOCS / slug / "index.md").is_file()


def folder_files(slug: str) -> list[Path]:
    """The files of ``examples/<slug>`` a reader gets, relative to that folder, sorted.

    A folder inside it that belongs to a page of its own is that page's download.
    """
    folder = EXAMPLES / slug
    if not folder.is_dir():
        raise FileNotFoundError(f"no example folder examples/{slug}")
    nested = [d for d in folder.rglob("*") if d.is_dir() and has_own_page(d)]
    return sorted(
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.is_file()
        and not is_left_out(path.relative_to(folder))
        and not any(path.is_relative_to(d) for d in nested)
    )


def folder_zip(slug: str) -> bytes:
    """A zip of ``examples/<slug>``, its files under one folder named like the last part."""
    top = PurePosixPath(slug).name
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in folder_files(slug):
            info = zipfile.ZipInfo(f"{top}/{relative.as_posix()}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (EXAMPLES / slug / relative).read_bytes())
    return buffer.getvalue()


class ExampleFolder(SphinxDirective):
    """``{example-folder} <slug>``: where the reader works, with a zip and the files."""

    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self):
        slug = self.arguments[0].strip("/")
        try:
            files = folder_files(slug)
        except FileNotFoundError as error:
            raise self.error(str(error)) from None
        # Each file, not the folder: Sphinx reads a page again when a dependency is not a
        # file, so a folder would have every page with a download re-read on every build.
        for relative in files:
            self.env.note_dependency(str(EXAMPLES / slug / relative))
        folders = self.env.__dict__.setdefault("harness_example_folders", {})
        folders.setdefault(slug, set()).add(self.env.docname)
        up = "../" * self.env.docname.count("/")
        top = PurePosixPath(slug).name
        paragraph = nodes.paragraph()
        paragraph += nodes.Text("You work in the folder ")
        paragraph += nodes.literal(text=f"examples/{slug}/")
        paragraph += nodes.Text(f" ({len(files)} file{'s' * (len(files) != 1)}): ")
        paragraph += nodes.reference(
            "", f"download {top}.zip", refuri=f"{up}{OUTPUT}/{slug}.zip", internal=False
        )
        paragraph += nodes.Text(", or ")
        paragraph += nodes.reference(
            "", "see its files", refuri=f"{up}{OUTPUT}/{slug}/index.html", internal=False
        )
        paragraph += nodes.Text(".")
        note = nodes.note("", paragraph, classes=["example-folder", *self.options.get("class", [])])
        return [note]


def forget_page(app, env, docname: str) -> None:
    for pages in getattr(env, "harness_example_folders", {}).values():
        pages.discard(docname)


def merge_pages(app, env, docnames, other) -> None:
    mine = env.__dict__.setdefault("harness_example_folders", {})
    for slug, pages in getattr(other, "harness_example_folders", {}).items():
        mine.setdefault(slug, set()).update(pages & set(docnames))


def listing(slug: str, files: list[Path], favicon: str | None = None) -> str:
    """The file listing of ``examples/<slug>``, as ``_examples/<slug>/index.html``.

    ``favicon`` is the site's (``html_favicon``): without a link to one, a browser
    asks for /favicon.ico, which the site does not have.
    """
    if favicon and "://" not in favicon:
        favicon = "../" * (slug.count("/") + 2) + "_static/" + PurePosixPath(favicon).name
    rows = "\n".join(
        f'<li><a href="{html.escape(path.as_posix())}">{html.escape(path.as_posix())}</a></li>'
        for path in files
    )
    top = PurePosixPath(slug).name
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # Long folder and file names wrap on a phone rather than scroll the page.
        "<style>body { overflow-wrap: anywhere; }</style>"
        f'<link rel="icon" href="{html.escape(favicon or "data:,")}">'
        f"<title>examples/{slug}/</title></head>\n<body><main>"
        f"<h1>examples/{html.escape(slug)}/</h1>\n"
        f'<p><a href="../{html.escape(top)}.zip">Download {html.escape(top)}.zip</a></p>\n'
        f"<ul>\n{rows}\n</ul></main></body></html>\n"
    )


def write_folders(app, exception) -> None:
    """Every named folder as a zip and as browsable files, under _examples/ of the output."""
    if exception is not None or app.builder.format != "html":
        return
    output = Path(app.outdir) / OUTPUT
    for slug, pages in sorted(getattr(app.env, "harness_example_folders", {}).items()):
        if not pages:
            continue
        target = output / slug
        shutil.rmtree(target, ignore_errors=True)
        files = folder_files(slug)
        for relative in files:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(EXAMPLES / slug / relative, target / relative)
        page = listing(slug, files, app.config.html_favicon)
        (target / "index.html").write_text(page, encoding="utf-8")
        (output / f"{slug}.zip").write_bytes(folder_zip(slug))


def setup(app):
    app.add_directive("example-folder", ExampleFolder)
    app.connect("env-purge-doc", forget_page)
    app.connect("env-merge-info", merge_pages)
    app.connect("build-finished", write_folders)
