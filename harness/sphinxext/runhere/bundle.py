"""The Python the reader's browser runs: Pyodide, and Flask's stack at the guide's pins.

npm's ``pyodide`` package (``package-lock.json``) brings the runtime: CPython
compiled to WebAssembly and its standard library as source. :func:`build`
makes the bundle the site serves under ``_static/run-here/pyodide/``:

* the runtime's files as npm installed them;
* ``python_stdlib.zip``, which Pyodide mounts as the standard library: the
  standard library, the packages of :data:`BUNDLED` exactly as they are
  installed in the guide's environment (so the browser runs the versions the
  test suite ran; :func:`check_pins` holds them to ``requirements.txt``), and
  the page runner :mod:`runhere`. MarkupSafe goes without its C speedups, as it
  does wherever they can't load. Every module a first run imports, and all of
  Flask's stack, is precompiled by Pyodide itself in Node (``compile.mjs``),
  so the browser does not compile them: Pyodide otherwise ships source only;
* ``manifest.json``: the versions, sizes and SHA-256 of each file.

Building takes a few seconds and is cached in ``_build/.run-here/<key>``, the
key made of everything that goes in. Without Node or without ``npm ci``,
:func:`build` says why and returns None: the site is built without the runner.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import distribution
from pathlib import Path

from ... import ROOT, normalise, pins

HERE = Path(__file__).parent
#: npm's pyodide package; RUN_HERE_RUNTIME points elsewhere (a test builds a site
#: without the runner that way).
RUNTIME = Path(os.environ.get("RUN_HERE_RUNTIME", ROOT / "node_modules" / "pyodide"))
CACHE = ROOT / "_build" / ".run-here"
#: The runtime's files a page loads (the npm package's others are for Node and types).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
#: What the browser's Python has besides its standard library: Flask's stack, and
#: Flask-WTF for the JSON page's CSRF protection.
BUNDLED = (
    "flask",
    "werkzeug",
    "jinja2",
    "markupsafe",
    "itsdangerous",
    "click",
    "blinker",
    "flask-wtf",
    "wtforms",
)


class NoRuntime(RuntimeError):
    """Why this build has no runner: a sentence for the build's log and the pages."""


def check_pins(requirements: Path = ROOT / "requirements.txt") -> dict[str, str]:
    """The bundled packages' installed versions; each must be its pin in requirements.txt."""
    pinned = pins(requirements)
    versions = {}
    for name in BUNDLED:
        installed = distribution(name).version
        if pinned.get(normalise(name)) != installed:
            raise NoRuntime(
                f"{name} {installed} is installed but requirements.txt pins "
                f"{pinned.get(normalise(name))}: run make venv"
            )
        versions[distribution(name).metadata["Name"]] = installed
    return versions


def package_files(name: str) -> dict[str, bytes]:
    """An installed distribution's importable files and metadata, by path in site-packages."""
    dist = distribution(name)
    files = {}
    for file in dist.files or []:
        path = file.as_posix()
        if path.startswith("..") or "__pycache__" in path or path.endswith((".so", ".pyd")):
            continue  # scripts in bin/, caches, compiled speedups
        files[path] = Path(dist.locate_file(file)).read_bytes()
    return files


def inputs() -> dict[str, bytes]:
    """Everything that goes into the bundle, by name, before compiling."""
    if not (RUNTIME / "package.json").is_file():
        raise NoRuntime("npm's pyodide package is not installed (npm ci)")
    if shutil.which("node") is None:
        raise NoRuntime("Node.js is not installed")
    files = {}
    with zipfile.ZipFile(RUNTIME / "python_stdlib.zip") as stdlib:
        for name in stdlib.namelist():
            files[name] = stdlib.read(name)
    for name in BUNDLED:
        files.update(package_files(name))
    files["runhere.py"] = (HERE / "runhere.py").read_bytes()
    return files


def key_of(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for part in (RUNTIME / "package.json", HERE / "compile.mjs", HERE / "compile_bundle.py"):
        digest.update(part.read_bytes())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:16]


def build() -> Path:
    """The bundle's folder (cached), built if needed; :class:`NoRuntime` if it can't be."""
    versions = check_pins()
    files = inputs()
    folder = CACHE / key_of(files)
    if (folder / "manifest.json").is_file():
        return folder
    work = folder.with_suffix(".partial")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    with zipfile.ZipFile(work / "input.zip", "w", zipfile.ZIP_STORED) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), files[name])
    done = subprocess.run(
        [
            "node",
            str(HERE / "compile.mjs"),
            str(RUNTIME),
            str(work / "input.zip"),
            str(work / "python_stdlib.zip"),
            str(HERE / "compile_bundle.py"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=HERE,
    )
    if done.returncode != 0:
        raise RuntimeError(f"compiling the browser's Python failed:\n{done.stdout}\n{done.stderr}")
    (work / "input.zip").unlink()
    for name in RUNTIME_FILES:
        shutil.copyfile(RUNTIME / name, work / name)
    runtime_version = json.loads((RUNTIME / "package.json").read_text())["version"]
    manifest = {
        "pyodide": runtime_version,
        "python": json.loads((RUNTIME / "pyodide-lock.json").read_text())["info"]["python"],
        "packages": versions,
        "compiled": done.stdout.strip(),
        "files": {
            path.name: {
                "bytes": path.stat().st_size,
                "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            }
            for path in sorted(work.iterdir())
        },
    }
    (work / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    shutil.rmtree(folder, ignore_errors=True)
    work.rename(folder)
    return folder


if __name__ == "__main__":  # python -m harness.sphinxext.runhere.bundle: build and say what
    print(json.dumps(json.loads((build() / "manifest.json").read_text()), indent=2))
    sys.exit(0)
