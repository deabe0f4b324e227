"""The whole site, built twice in a scratch copy of the repository: by ``make html``, and
the way Read the Docs builds it.

* Read the Docs builds what ``make html`` builds: its html command, run in its
  working folder with its ``READTHEDOCS*`` variables into its output folder,
  writes the same files, and its options are the Makefile's;
* each Quickstart page weighs at most 150 KiB with every file it loads;
* every picture of ``docs/_diagrams/`` is drawn on its page, with a text alternative;
* every page has a description, Open Graph tags, "edit" and "view source" links,
  the favicon and the logo; sitemap.xml and llms.txt list every page;
* the 404 page works at any depth: its stylesheets, scripts and links resolve
  from a missing address three folders deep;
* the versions page shows the installed versions.

Both builds are strict (-W), so a picture Graphviz cannot draw fails here too.
Without Graphviz (Debian's graphviz) the tests are skipped with that reason.
"""

from __future__ import annotations

import os
import platform
import re
import runpy
import shlex
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path

import pytest
import yaml

from harness import DOCS, ROOT
from harness.bench import page_weight, scratch_copy
from harness.runner.parsers import page_files
from harness.services.commands import HOST, fetch
from harness.services.missing import Missing, program
from harness.sphinxext.assets import QUICKSTART_BUDGET_KIB

CONF = runpy.run_path(str(ROOT / "conf.py"))
PAGES = [page.relative_to(DOCS).with_suffix("").as_posix() for page in page_files(DOCS)]
RTD_URL = "https://flask-every-example-runs.readthedocs.io/en/latest/"


def read_the_docs_environment(repository: Path, output: Path) -> dict[str, str]:
    """The variables Read the Docs sets for a build of the project's latest version."""
    venv = Path(sys.prefix)
    return {
        **os.environ,
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "READTHEDOCS": "True",
        "READTHEDOCS_PROJECT": "flask-every-example-runs",
        "READTHEDOCS_LANGUAGE": "en",
        "READTHEDOCS_VERSION": "latest",
        "READTHEDOCS_VERSION_NAME": "latest",
        "READTHEDOCS_VERSION_TYPE": "branch",
        "READTHEDOCS_CANONICAL_URL": RTD_URL,
        "READTHEDOCS_OUTPUT": str(output),
        "READTHEDOCS_VIRTUALENV_PATH": str(venv),
        "READTHEDOCS_REPOSITORY_PATH": str(repository),
        "READTHEDOCS_GIT_IDENTIFIER": "main",
    }


def run(command: list[str], **kwargs) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{shlex.join(command)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """{"make": make html's output, "rtd": Read the Docs' html output} of one scratch copy."""
    try:
        program("graphviz")
    except Missing as missing:
        pytest.skip(str(missing))
    repository = scratch_copy(ROOT, tmp_path_factory.mktemp("repository"))
    run(["make", "--no-print-directory", "html"], cwd=repository)

    config = yaml.safe_load((repository / ".readthedocs.yaml").read_text())
    output = tmp_path_factory.mktemp("readthedocs")
    # Read the Docs runs each command in a shell, in the folder of sphinx.configuration.
    cwd = repository / Path(config["sphinx"]["configuration"]).parent
    for command in config["build"]["jobs"]["build"]["html"]:
        run(["bash", "-c", command], cwd=cwd, env=read_the_docs_environment(repository, output))
    return {"make": repository / "_build" / "html", "rtd": output / "html"}


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def page(builds, name: str, build: str = "make") -> str:
    return (builds[build] / f"{name}.html").read_text(encoding="utf-8")


# --- Read the Docs --------------------------------------------------------------------------


def test_read_the_docs_builds_the_files_make_html_builds(builds):
    made, read_the_docs = files(builds["make"]), files(builds["rtd"])
    assert [f for f in made if f.endswith(".html")] == [
        f for f in read_the_docs if f.endswith(".html")
    ]
    assert made == read_the_docs


def test_read_the_docs_gives_the_makefile_options():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())
    (command,) = config["build"]["jobs"]["build"]["html"]
    words = shlex.split(command)
    assert words[:3] == ["python", "-m", "sphinx"]
    assert words[-1] == "$READTHEDOCS_OUTPUT/html"
    makefile = (ROOT / "Makefile").read_text()
    options = re.search(r"^SPHINXOPTS \?= (.*)$", makefile, re.M).group(1).split()
    recipe = re.search(r"^\t\$\(SPHINX\) (.*) _build/html$", makefile, re.M).group(1)
    make_words = recipe.replace("$(SPHINXOPTS)", " ".join(options)).split()
    # -T: full tracebacks; -E: a fresh environment (the Makefile's is incremental).
    assert sorted(w for w in words[3:-1] if w not in {"-T", "-E"}) == sorted(make_words)
    apt = (ROOT / ".ci" / "apt-packages").read_text()
    for package in config["build"].get("apt_packages", []):
        assert re.search(rf"^{package}\b", apt, re.M), package
    assert "graphviz" in config["build"]["apt_packages"]
    assert config["python"]["install"] == [{"requirements": "requirements.txt"}]


def test_on_read_the_docs_the_site_names_its_own_address(builds):
    assert f'<link rel="canonical" href="{RTD_URL}quickstart/routing.html"' in page(
        builds, "quickstart/routing", "rtd"
    )
    assert 'href="/en/latest/_static/styles/furo.css' in page(builds, "404", "rtd")


# --- weight ---------------------------------------------------------------------------------


def test_every_quickstart_page_weighs_at_most_its_budget(builds):
    weights = {
        name: page_weight(builds["make"], f"{name}.html")
        for name in PAGES
        if name.startswith("quickstart/")
    }
    assert len(weights) >= 8
    heavy = {name: w for name, w in weights.items() if w["total_kib"] > QUICKSTART_BUDGET_KIB}
    assert not heavy, f"over {QUICKSTART_BUDGET_KIB} KiB: {heavy}"


# --- pictures -------------------------------------------------------------------------------

GRAPHVIZ = re.compile(r"^```\{graphviz\} (?P<path>\S+)$", re.M)


def test_every_picture_is_drawn_on_its_page_with_a_text_alternative(builds):
    drawn = {}
    for name in PAGES:
        source = (DOCS / f"{name}.md").read_text(encoding="utf-8")
        pictures = [(DOCS / name).parent / m["path"] for m in GRAPHVIZ.finditer(source)]
        if not pictures:
            assert "diagrams.css" not in page(builds, name), name
            continue
        html = page(builds, name)
        labels = re.findall(r'<svg [^>]*role="img"[^>]*aria-label="([^"]+)"', html)
        assert len(labels) == len(pictures), name
        assert all(len(label) > 40 for label in labels), name
        assert "_static/diagrams.css" in html
        drawn.update({picture.resolve(): name for picture in pictures})
    sources = sorted((DOCS / "_diagrams").glob("*.dot"))
    assert len(sources) >= 5
    assert [s for s in sources if s.resolve() not in drawn] == []


# --- around the pages -----------------------------------------------------------------------


def meta(html: str, key: str) -> str:
    found = re.search(rf'<meta (?:name|property)="{key}" content="([^"]*)"', html)
    return found.group(1) if found else ""


def test_every_page_has_a_description_tags_links_favicon_and_logo(builds):
    site = CONF["html_baseurl"]
    for name in PAGES:
        html = page(builds, name)
        assert len(meta(html, "description")) >= 40, name
        assert meta(html, "og:title"), name
        assert meta(html, "og:description") == meta(html, "description"), name
        assert meta(html, "og:url") == f"{site}{name}.html", name
        edit = f"{CONF['REPOSITORY_URL']}/edit/main/docs/{name}.md"
        assert f'href="{edit}"' in html, name
        up = "../" * name.count("/")
        assert f'href="{up}_sources/{name}.md.txt"' in html, name
        assert (builds["make"] / "_sources" / f"{name}.md.txt").is_file()
        assert f'icon" href="{up}_static/favicon.svg"' in html, name
        assert re.search(rf'<img class="sidebar-logo" src="{up}_static/logo.svg" alt="[^"]+"', html)
    for extra in ("search", "genindex", "404"):
        assert meta(page(builds, extra), "description"), extra


def test_the_sitemap_and_llms_txt_list_every_page(builds):
    site = CONF["html_baseurl"]
    sitemap = (builds["make"] / "sitemap.xml").read_text(encoding="utf-8")
    assert sorted(re.findall(r"<loc>([^<]+)</loc>", sitemap)) == sorted(
        f"{site}{name}.html" for name in PAGES
    )
    llms = (builds["make"] / "llms.txt").read_text(encoding="utf-8")
    for name in PAGES:
        assert f"]({site}{name}.html)" in llms, name
    full = (builds["make"] / "llms-full.txt").read_text(encoding="utf-8")
    hello = (ROOT / "examples" / "quickstart" / "first_app" / "hello.py").read_text()
    assert f"```python\n{hello}```" in full
    assert "page.use_example" not in full
    assert "{literalinclude}" not in full


class MissingPagesGet404Html(SimpleHTTPRequestHandler):
    """A static host as Read the Docs is one: a missing address gets the site's 404.html."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_the_404_page_works_at_any_depth(builds):
    server = ThreadingHTTPServer(
        (HOST, 0), partial(MissingPagesGet404Html, directory=str(builds["make"]))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://{HOST}:{server.server_port}"
        status, _, body = fetch(f"{base}/quickstart/no/such/page.html")
        assert status == 404
        html = body.decode()
        assert "<h1>Page not found</h1>" in html
        references = set(re.findall(r'(?:href|src)="(/[^"#]*)', html))
        assert any(r.startswith("/_static/styles/furo.css") for r in references)
        assert "/index.html" in references
        broken = [r for r in sorted(references) if fetch(base + r)[0] != 200]
        assert broken == []
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_the_versions_page_shows_what_is_installed(builds):
    html = page(builds, "versions")
    for name in ("Flask", "Werkzeug", "Jinja2", "MarkupSafe", "SQLAlchemy", "Flask-WTF"):
        version = re.escape(metadata.version(name))
        assert re.search(rf"<p>{name}</p></td>\s*<td><p><code[^>]*>.*?{version}<", html), name
    assert re.search(
        rf"<p>Python</p></td>\s*<td><p><code[^>]*>.*?{platform.python_version()}<", html
    )
