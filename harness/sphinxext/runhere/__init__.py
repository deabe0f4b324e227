"""Run it here: every block the test suite executes gets a Run button in the page.

The reader's browser runs it with Pyodide against the Flask stack the suite ran
(:mod:`.bundle`), after the page's earlier blocks, in one namespace, as the
suite does (:mod:`.runhere`, in a Web Worker: ``static/worker.mjs``).

While Sphinx reads a page, :func:`page_program` takes the page as the runner
collects it (:func:`harness.runner.parsers.page_program`): its blocks in order,
visible and invisible, and its skip comments. Each block that can run in a
browser is marked for the page's script (``run-here-<n>`` on its literal
block); one that can't gets its reason, shown under it instead of a button:

* it imports what the browser's Python can't do (processes, threads, sockets,
  mail) or doesn't have (a package outside Flask's stack and the page's
  example folder, such as SQLAlchemy or the installable apps);
* it hashes passwords (scrypt and PBKDF2 need OpenSSL, which Pyodide's
  ``hashlib`` lacks), or asks the engine for a server (``page.fixture``);
* it reads a name that only such a block binds, or sits under a skip whose
  condition does;
* its author said so, in a comment above it that a reader never sees::

      % not-here: "prepares the accounts app's tests, which need a mail server"

The program goes into the page as JSON (the visible blocks' code is read from
the page itself). At the end of the build, the bundle, the worker and the
service worker (``run-here-sw.js``, at the site's root: it caches the runtime
for later visits and serves the live apps) are written to the output. When the
bundle can't be built (no Node.js or no ``npm ci``), the build says why and
the buttons say the runner isn't in this build.
"""

from __future__ import annotations

import ast
import doctest
import hashlib
import json
import re
import shutil
import sys
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from ...audit.names import bound_and_read
from ...blocks import Block
from ...runner.documents import module_name_for
from ...runner.examples import top_level_names
from ...runner.parsers import page_program as runner_program
from .. import checks
from ..pagedata import PageData
from . import bundle

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
STATIC = HERE / "static"
OUTPUT = "_static/run-here"
SERVICE_WORKER = "run-here-sw.js"

#: Modules that do what a browser tab's Python can't, and why. Every reason reads
#: after "it" ("Runs on your machine, not here: it starts a process, ...").
CANNOT = {
    "subprocess": "starts a process, which a browser tab can't",
    "multiprocessing": "starts a process, which a browser tab can't",
    "socket": "opens a network connection, which a browser tab can't",
    "urllib.request": "opens a network connection, which a browser tab can't",
    "http.client": "opens a network connection, which a browser tab can't",
    "smtplib": "talks to a mail server, which a browser tab can't",
    "wsgiref.simple_server": "starts a server, which a browser tab can't",
    "werkzeug.debug": "uses Werkzeug's debugger, which needs multiprocessing: "
    "the browser's Python has none",
}
#: Calls that need what a browser tab lacks, and why.
CALLS = {
    "Thread(": "starts a thread, which a browser tab can't",
    "ThreadPoolExecutor(": "starts threads, which a browser tab can't",
    "hashlib.scrypt(": "hashes with scrypt: the browser's Python has no scrypt",
    "pbkdf2_hmac(": "hashes with PBKDF2: the browser's Python has no PBKDF2",
    "generate_password_hash(": "hashes a password with scrypt: the browser's Python has no scrypt",
    "check_password_hash(": "checks a password with scrypt: the browser's Python has no scrypt",
    "page.fixture(": "needs a server the test suite starts (a database, a mail server)",
}
#: What Sphinx leaves out of a shown doctest (trim_doctest_flags): such a block's
#: code goes into the program, since the page's text lacks it.
TRIMMED = re.compile(r"<BLANKLINE>|#\s*doctest:")
#: An author's word that the next block runs on a machine only, and why.
NOT_HERE = re.compile(r'^%[ \t]*not-here:[ \t]*"(?P<why>[^"]+)"[ \t]*$', re.MULTILINE)
USE_EXAMPLE = re.compile(r"""page\.use_example\(\s*["']([^"']+)["']""")


@cache
def installed_modules() -> dict[str, list[str]]:
    """Top-level module -> the distributions that provide it, where the site is built.

    Reading it walks every installed distribution's files: once a build is enough.
    """
    return packages_distributions()


@cache
def bundled_names() -> frozenset[str]:
    """The bundled distributions, their names normalised."""
    return frozenset(bundle.normalise(name) for name in bundle.BUNDLED)


@cache
def python_modules() -> frozenset[str]:
    """The top-level modules of the browser's Python: the standard library and the bundle."""
    bundled = {
        module
        for module, dists in installed_modules().items()
        if any(bundle.normalise(dist) in bundled_names() for dist in dists)
    }
    return frozenset(sys.stdlib_module_names) | bundled


def available_modules(examples: set[str]) -> tuple[set[str], dict[str, str]]:
    """What the browser's Python can import on a page using ``examples``: the top-level
    modules it has, and the example modules it has but can't run (module -> why)."""
    names = set(python_modules())
    from ... import EXAMPLES

    imports: dict[str, set[str]] = {}  # an example's module -> what its files import
    sources: dict[str, str] = {}
    for slug in examples:
        folder = EXAMPLES / slug
        for module in top_level_names(folder):
            files = [folder / f"{module}.py", *(folder / module).rglob("*.py")]
            found: set[str] = set()
            texts = []
            for file in files:
                if file.is_file():
                    texts.append(file.read_text(encoding="utf-8"))
                    try:
                        found |= bound_and_read(texts[-1])[2]
                    except SyntaxError:
                        continue
            imports[module] = found
            sources[module] = "\n".join(texts)
    names |= set(imports)
    broken: dict[str, str] = {}
    changed = True
    while changed:  # an example module that imports a broken one is broken too
        changed = False
        for module, found in imports.items():
            if module in broken:
                continue
            others = {m for m in found if m.split(".")[0] != module}
            why = why_not(sources[module], others, names - set(broken), broken)
            if why is not None:
                broken[module] = why
                changed = True
    return names, broken


#: Modules whose absence is not the whole story: what really keeps them out.
USES = {
    "accounts": "uses the accounts app, which hashes passwords with scrypt: "
    "the browser's Python has no scrypt",
    "accounts_testing": "uses the accounts app's tests, which need a mail server",
    "bigapp": "uses bigapp, which needs SQLAlchemy: the browser's Python has Flask's stack only",
    # An invisible block that starts what the reader starts in a terminal, and the
    # blocks that talk to it.
    "harness": "needs the servers this page starts, which a browser tab can't run",
}


#: Functions of importlib.metadata that read a package's metadata by its name.
METADATA_CALLS = {"version", "metadata", "distribution", "requires", "files"}


def why_not(
    text: str, modules: set[str], available: set[str], broken: dict[str, str] | None = None
) -> str | None:
    """Why code can't run in the browser, judged by what it imports and calls."""
    for module in sorted(modules):
        for prefix, why in CANNOT.items():
            if module == prefix or module.startswith(prefix + "."):
                return why
        top = module.split(".")[0]
        if top in USES:
            return USES[top]
        if broken and top in broken:
            return broken[top]
        if top not in available:
            dists = installed_modules().get(top, [top])
            return f"needs {dists[0]}, which the browser's Python doesn't have"
    for call, why in CALLS.items():
        if call in text:
            return why
    for name in sorted(metadata_names(text)):
        if bundle.normalise(name) not in bundled_names():
            return f"reads what pip installed of {name}, which the browser's Python lacks"
    return None


def metadata_names(text: str) -> set[str]:
    """The packages whose metadata code reads by a literal name: ``version("redis")``."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return set()
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) in METADATA_CALLS
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def code_of(block: Block) -> str:
    """A block's code for the name analysis: a doctest's examples, joined."""
    if block.source.lstrip().startswith(">>>"):
        return "".join(e.source for e in doctest.DocTestParser().get_examples(block.source))
    return block.source


def page_program(path: Path, srcdir: Path) -> list[dict]:
    """The page's steps for the browser: blocks (runnable or with a reason) and skips."""
    return read_program(path, srcdir)[0]


def read_program(path: Path, srcdir: Path) -> tuple[list[dict], list[str], list[dict]]:
    """The page's steps for the browser, the example folders its invisible blocks use,
    and the live apps of those folders."""
    steps = runner_program(checks.sybils_for(srcdir), path)
    examples = sorted(
        {
            slug
            for step in steps
            if isinstance(step, Block) and step.invisible
            for slug in USE_EXAMPLE.findall(step.source)
        }
    )
    available, broken = available_modules(set(examples))
    text = path.read_text(encoding="utf-8")
    said = {text.count("\n", 0, m.start()) + 1: m["why"] for m in NOT_HERE.finditer(text)}
    program = []
    tainted: dict[str, str] = {}  # name -> why (bound by a block that can't run)
    skip_reason: str | None = None  # a skip: start whose condition can't be judged here
    skip_next: str | None = None
    for step in steps:
        if isinstance(step, tuple):
            action, rest = step
            if action == "end":
                skip_reason = None
            entry = {"skip": action, "arguments": rest}
            if action != "end" and rest and rest.startswith("if"):
                _, read, _ = bound_and_read("_if" + rest[2:])
                why = next((tainted[n] for n in sorted(read) if n in tainted), None)
                if why:  # its condition can't be judged here, nor its blocks run
                    entry["reason"] = why
                    if action == "start":
                        skip_reason = why
                    else:
                        skip_next = why
            program.append(entry)
            continue
        code = code_of(step)
        try:
            bound, read, modules = bound_and_read(code)
        except SyntaxError:
            bound, read, modules = set(), set(), set()
        why = skip_reason or skip_next or why_not(code, modules, available, broken)
        skip_next = None
        told = [line for line in said if line < step.line]
        if told:  # a `% not-here:` above this block, and after the one before
            why = said.pop(max(told))
        if why is None:
            name = next((n for n in sorted(read) if n in tainted), None)
            if name is not None:
                why = tainted[name]
        entry = {"line": step.line, "invisible": True} if step.invisible else {"line": step.line}
        if step.invisible or TRIMMED.search(step.source):
            entry["code"] = step.source  # the page doesn't show it, or not all of it
        if why is None:
            tainted = {n: w for n, w in tainted.items() if n not in bound}
        else:
            entry["reason"] = why
            tainted.update(dict.fromkeys(bound, why))  # what needs it can't run either, for this
        program.append(entry)
    return program, examples, live_apps(examples, broken)


#: A module of an example folder that makes its app at the top: a live app.
MODULE_APP = re.compile(r"^app = Flask\(", re.MULTILINE)


def live_apps(examples: list[str], broken: dict[str, str]) -> list[dict]:
    """The apps of the page's example folders that the browser's Python can run
    (``broken``: their modules that it can't, from :func:`available_modules`)."""
    from ... import EXAMPLES

    apps = []
    for slug in examples:
        for module in sorted(top_level_names(EXAMPLES / slug)):
            file = EXAMPLES / slug / f"{module}.py"
            if module not in broken and file.is_file() and MODULE_APP.search(file.read_text()):
                apps.append({"slug": slug, "module": module})
    return apps


def read_page(app, doctree: nodes.document) -> None:
    """Mark the page's runnable blocks, and keep its program for the end of the build.

    The page itself carries only what draws its controls (each block's step,
    line and reason; the live apps): the program, with the invisible blocks'
    code, is a file of its own, which the runner fetches on the first click.
    """
    path = Path(app.env.doc2path(app.env.docname)).resolve()
    program, examples, apps = read_program(path, Path(app.srcdir))
    if not any(is_shown(step) for step in program):
        return
    shown = {step["line"]: step for step in program if is_shown(step)}
    for number, node in enumerate(checks.shown_as_python(doctree)):
        step = shown.get(node.line)
        if step is None:
            continue
        step["block"] = number
        node["classes"].append("run-here-block")
        node["classes"].append(f"run-here-{number}")
    PROGRAMS.of(app.env)[app.env.docname] = {
        "page": path.relative_to(Path(app.srcdir).resolve().parent).as_posix(),
        "module": module_name_for(path, Path(app.srcdir).resolve()),
        "examples": examples,
        "apps": apps,
        "steps": program,
    }
    controls = {
        "program": f"{OUTPUT}/programs/{app.env.docname}.json",
        "apps": apps,
        "blocks": [
            [index, step["block"], step["line"], step.get("reason")]
            for index, step in enumerate(program)
            if "block" in step
        ],
    }
    text = json.dumps(controls, separators=(",", ":")).replace("</", "<\\/")
    doctree += nodes.raw(
        "",
        f'<script type="application/json" id="run-here-program">{text}</script>',
        format="html",
    )


def is_shown(step: dict) -> bool:
    """A block the reader sees (not an invisible one, not a skip comment)."""
    return "line" in step and not step.get("invisible")


PROGRAMS = PageData("run_here_programs")


def write_programs(app, exception) -> None:
    """Every page's program, as ``_static/run-here/programs/<page>.json``."""
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / OUTPUT / "programs"
    shutil.rmtree(folder, ignore_errors=True)
    for docname, program in PROGRAMS.of(app.env).items():
        target = folder / f"{docname}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(program, separators=(",", ":")), encoding="utf-8")


def add_files(app, pagename, templatename, context, doctree) -> None:
    """The runner's script and stylesheet, on the pages that have a program only."""
    if doctree is not None and 'id="run-here-program"' in context.get("body", ""):
        app.add_js_file("run-here/run-here.js", defer="defer")
        app.add_css_file("run-here/run-here.css")


def write_runtime(app, exception) -> None:
    """The bundle into ``_static/run-here/pyodide/``; without it, why, in the log."""
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / OUTPUT / "pyodide"
    try:
        folder = bundle.build()
    except bundle.NoRuntime as missing:
        logger.info(f"run here: the site has no runner: {missing}")
        shutil.rmtree(target, ignore_errors=True)
        (Path(app.outdir) / SERVICE_WORKER).unlink(missing_ok=True)
        return
    worker = (HERE / SERVICE_WORKER).read_text(encoding="utf-8")
    (Path(app.outdir) / SERVICE_WORKER).write_text(worker.replace("@BUNDLE@", folder.name))
    built = folder / "manifest.json"
    if (target / "manifest.json").is_file() and (
        (target / "manifest.json").read_bytes() == built.read_bytes()
    ):
        return  # already there, from an earlier build
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(folder, target)


def setup(app):
    # Every page's program comes from this package's rules: a change to them reads
    # every page again, as a change to a page's own text does.
    rules = b"".join(p.read_bytes() for p in sorted(HERE.glob("*.py")))
    app.add_config_value("run_here_rules", hashlib.sha256(rules).hexdigest(), "env")
    app.connect("builder-inited", lambda app: app.config.html_static_path.append(str(STATIC)))
    app.connect("doctree-read", read_page)
    app.connect("html-page-context", add_files)
    PROGRAMS.setup(app)
    app.connect("build-finished", write_programs)
    app.connect("build-finished", write_runtime)
