"""``make new-page NAME=becoming-big/caching``: a page, its example folder and its test.

The three files follow the layout rule (one slug for page, example folder and
tests) and pass every check as they are: the page runs its example, shows it,
offers it for download, and its visible code is complete. The page is added
to its chapter's toctree (the chapter's ``index.md``, or the root page for a
page at the top). Then write the page: the scaffold holds one small app and
one check of it, to be replaced by what the page teaches.

    python -m harness.scaffold becoming-big/caching [--title "Cache responses"]
"""

from __future__ import annotations

import argparse
import importlib.machinery
import re
import sys
from pathlib import Path

from . import ROOT

NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:/[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*$")


class ScaffoldError(ValueError):
    """The page can't be made as asked; the message says why."""


def module_name(slug: str) -> str:
    """The example module's name: the slug's last part, unless that would shadow a module."""
    name = slug.rsplit("/", 1)[-1]
    if name in sys.builtin_module_names or importlib.machinery.PathFinder.find_spec(name):
        name += "_app"  # `logging` would shadow the standard library's
    return name


def page_text(name: str, title: str, slug: str, module: str) -> str:
    up = "../" * name.count("/")
    return f"""# {title}

Say in one or two sentences what this page shows and why a reader wants it.

```{{example-folder}} {slug}
```

```{{literalinclude}} {up}../examples/{slug}/{module}.py
:caption: examples/{slug}/{module}.py
:language: python
```

% invisible-code-block: python
%
% page.use_example("{slug}")

In the folder, the app answers:

```pycon
>>> from {module} import app
>>> app.test_client().get("/").text
'{title}'
```
"""


def module_text(title: str) -> str:
    return f'''"""{title}: the example of its page."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "{title}"
'''


def test_text(slug: str, module: str, title: str) -> str:
    return f'''"""examples/{slug}/{module}.py: the app of its page."""


def test_the_index_answers(client):
    response = client.get("/")
    assert (response.status_code, response.text) == (200, "{title}")
'''


def add_to_toctree(index: Path, entry: str) -> None:
    """Add ``entry`` at the end of the first toctree of ``index``."""
    text = index.read_text(encoding="utf-8")
    opening = text.find("```{toctree}")
    if opening < 0:
        raise ScaffoldError(f"{index} has no ```{{toctree}}: add the page to a toctree by hand")
    closing = text.index("\n```", opening + 3)
    if re.search(rf"^{re.escape(entry)}$", text[opening:closing], re.MULTILINE):
        return
    index.write_text(text[:closing] + f"\n{entry}" + text[closing:], encoding="utf-8")


def scaffold(name: str, title: str | None = None, root: Path = ROOT) -> list[Path]:
    """Write the page ``docs/<name>.md``, its example and its test; return the files."""
    if not NAME.match(name):
        raise ScaffoldError(
            f"{name!r}: use the page's path under docs/ in kebab-case, such as becoming-big/caching"
        )
    slug = name.replace("-", "_")
    module = module_name(slug)
    title = title or name.rsplit("/", 1)[-1].replace("-", " ").capitalize()
    files = {
        root / "docs" / f"{name}.md": page_text(name, title, slug, module),
        root / "examples" / slug / f"{module}.py": module_text(title),
        root / "tests" / "examples" / slug / f"test_{module}.py": test_text(slug, module, title),
    }
    existing = [path for path in files if path.exists()]
    if existing:
        raise ScaffoldError(f"already there: {', '.join(map(str, existing))}")
    chapter, _, page = name.rpartition("/")
    index = root / "docs" / chapter / "index.md" if chapter else root / "docs" / "index.md"
    if not index.is_file():
        raise ScaffoldError(f"{index} is missing: a page's chapter needs an index.md")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    add_to_toctree(index, page if chapter else name)
    return [*files, index]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the page's path under docs/, such as becoming-big/caching")
    parser.add_argument("--title", help="the page's title (from the name otherwise)")
    options = parser.parse_args(argv)
    try:
        written = scaffold(options.name, options.title)
    except ScaffoldError as error:
        raise SystemExit(f"make new-page: {error}") from None
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
