"""``make bench``: how fast the guide builds and tests, and how heavy a page is.

Every figure is measured in a scratch copy of the repository (its tracked and
untracked files, sharing this .venv), through the repository's own Makefile,
several times; the table shows the median and the spread (min-max). Growth is
measured by copying one chapter 10 and 50 times into a scratch docs tree and
building and running it. The figures go to ``_build/bench.json``.

No test asserts a time: these are figures to record and compare, for example
before and after a change::

    python -m harness.bench --repo /path/to/an/older/checkout --out old.json

Only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

from . import ROOT

VENV = Path(sys.prefix)
#: The page a reader meets first: its weight, and its test alone, are measured.
FIRST_PAGE = "quickstart/first-app"


# --- a scratch copy of a repository ---------------------------------------------------------


def repository_files(repo: Path) -> list[str]:
    """What a clean checkout holds, plus files not committed yet (not the ignored ones)."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=repo,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (repo / name).is_file()]


def scratch_copy(repo: Path, into: Path, venv: Path = VENV) -> Path:
    """Copy ``repo`` into ``into``, with ``venv`` linked in as .venv and its stamp kept valid."""
    for name in repository_files(repo):
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(repo / name, target)
    (into / ".venv").symlink_to(venv)
    # The Makefile rebuilds .venv when requirements.txt is newer than its stamp: it is not.
    os.utime(into / "requirements.txt", (0, 0))
    return into


# --- measuring ----------------------------------------------------------------------------


def run(command: list[str], cwd: Path, check: bool = True) -> float:
    """Run a command; its wall time in seconds."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if check and done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{done.stdout}\n{done.stderr}")
    return seconds


def samples(measure: Callable[[], float], repeat: int) -> dict:
    times = [measure() for _ in range(repeat)]
    return {
        "median": round(statistics.median(times), 3),
        "min": round(min(times), 3),
        "max": round(max(times), 3),
        "samples": [round(t, 3) for t in times],
    }


def make(*arguments: str) -> list[str]:
    return ["make", "--no-print-directory", *arguments]


def one_page_test(repo: Path, page: str) -> list[str]:
    """The repository's way to run one page: ``make test PAGE=`` where it exists."""
    if "PAGE" in (repo / "Makefile").read_text():
        return make("test", f"PAGE={page}")
    return make("test", f"ARGS={page}")


def edit(page: Path) -> None:
    """Change a page as an author would: one more line of prose."""
    with page.open("a", encoding="utf-8") as file:
        file.write("\nOne more sentence.\n")


class Assets(HTMLParser):
    """The local stylesheets, scripts and images a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            self.found.append(attrs.get("href") or "")
        elif tag in {"script", "img"} and attrs.get("src"):
            self.found.append(attrs["src"])


def page_weight(html_dir: Path, page: str) -> dict:
    """KiB of a built page: its HTML, and the CSS, JS, images and fonts it loads."""
    path = html_dir / page
    parser = Assets()
    parser.feed(path.read_text(encoding="utf-8"))
    files = {path}
    for reference in parser.found:
        if "://" in reference:
            continue
        asset = (path.parent / reference.split("?")[0]).resolve()
        if asset.is_file():
            files.add(asset)
            if asset.suffix == ".css":  # fonts and images a stylesheet pulls in
                for url in re.findall(r"url\(['\"]?([^'\")]+)", asset.read_text(errors="replace")):
                    if "://" not in url and not url.startswith("data:"):
                        extra = (asset.parent / url.split("?")[0].split("#")[0]).resolve()
                        if extra.is_file():
                            files.add(extra)
    kinds: dict[str, float] = {}
    for file in files:
        kind = {".html": "html", ".css": "css", ".js": "js"}.get(file.suffix, "fonts+images")
        kinds[kind] = kinds.get(kind, 0) + file.stat().st_size / 1024
    return {"total_kib": round(sum(kinds.values()), 1)} | {
        f"{kind}_kib": round(size, 1) for kind, size in sorted(kinds.items())
    }


# --- growth: the same chapter, many times -----------------------------------------------------


def grow(repo: Path, chapter: str, copies: int) -> int:
    """Add ``copies`` copies of docs/<chapter>/ beside it, listed in the root toctree.

    Returns the number of pages the docs tree then has.
    """
    docs = repo / "docs"
    index = docs / "index.md"
    lines = []
    for number in range(1, copies + 1):
        name = f"{chapter}-copy-{number:02d}"
        shutil.copytree(docs / chapter, docs / name)
        lines.append(f"{name}/index")
    text = index.read_text(encoding="utf-8")
    opening = text.index("```{toctree}")
    closing = text.index("```", opening + 3)
    index.write_text(text[:closing] + "\n".join(lines) + "\n" + text[closing:], encoding="utf-8")
    return sum(1 for p in docs.rglob("*") if p.suffix in {".md", ".rst"})


# --- the whole bench -------------------------------------------------------------------------


def bench(repo: Path, repeat: int, growth: list[int], chapter: str, venv: Path = VENV) -> dict:
    results: dict = {
        "repository": str(repo),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True
        ).stdout.strip(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "repeat": repeat,
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        copy = scratch_copy(repo, Path(scratch) / "repo", venv)
        pages = sum(1 for p in (copy / "docs").rglob("*") if p.suffix in {".md", ".rst"})
        results["pages"] = pages
        strict = "SPHINXOPTS=-E -W --keep-going -n"

        def cold() -> float:
            shutil.rmtree(copy / "_build", ignore_errors=True)
            return run(make("html", strict), copy)

        results["cold_build_s"] = samples(cold, repeat)
        results["cold_build_s_per_page"] = round(results["cold_build_s"]["median"] / pages, 4)
        page = copy / "docs" / "becoming-big" / "hooks.md"

        def one_page() -> float:
            edit(page)
            return run(make("html"), copy)

        results["one_page_rebuild_s"] = samples(one_page, repeat)
        results["no_op_rebuild_s"] = samples(lambda: run(make("html"), copy), repeat)
        results["quickstart_weight"] = page_weight(copy / "_build" / "html", FIRST_PAGE + ".html")
        results["make_test_s"] = samples(lambda: run(make("test"), copy), repeat)
        one_test = one_page_test(copy, f"docs/{FIRST_PAGE}.md")
        results["one_page_test_s"] = samples(lambda: run(one_test, copy), repeat)

        results["growth"] = []
        for copies in growth:
            grown = scratch_copy(repo, Path(scratch) / f"grown-{copies}", venv)
            pages = grow(grown, chapter, copies)
            build = run(make("html", "SPHINXOPTS=-E -q"), grown, check=False)
            test = run(make("test", "ARGS=docs -p no:cacheprovider -q"), grown, check=False)
            results["growth"].append(
                {
                    "chapter": chapter,
                    "copies": copies,
                    "pages": pages,
                    "cold_build_s": round(build, 2),
                    "build_s_per_page": round(build / pages, 4),
                    "pages_test_s": round(test, 2),
                    "test_s_per_page": round(test / pages, 4),
                }
            )
    return results


def table(results: dict) -> str:
    def row(name: str, figure: dict, unit: str = "s") -> str:
        return (
            f"| {name} | {figure['median']:.2f} {unit} | "
            f"{figure['min']:.2f}-{figure['max']:.2f} {unit} |"
        )

    weight = results["quickstart_weight"]
    lines = [
        f"make bench: {results['repository']} at {results['commit']}, {results['pages']} pages, "
        f"{results['machine']}, {results['repeat']} runs each",
        "",
        "| measure | median | spread |",
        "| --- | --- | --- |",
        row("cold build (make html, -E)", results["cold_build_s"]),
        f"| cold build per page | {results['cold_build_s_per_page']:.3f} s | |",
        row("one-page rebuild (make html)", results["one_page_rebuild_s"]),
        row("no-op rebuild (make html)", results["no_op_rebuild_s"]),
        row("make test", results["make_test_s"]),
        row(f"one page (make test PAGE=docs/{FIRST_PAGE}.md)", results["one_page_test_s"]),
        f"| {FIRST_PAGE} page weight | {weight['total_kib']:.0f} KiB | "
        + ", ".join(f"{k[:-4]} {v:.0f}" for k, v in weight.items() if k != "total_kib")
        + " |",
    ]
    if results["growth"]:
        lines += [
            "",
            "| copies of docs/" + results["growth"][0]["chapter"] + " | pages | cold build | "
            "per page | pages' tests | per page |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {g['copies']} | {g['pages']} | {g['cold_build_s']:.1f} s | "
            f"{g['build_s_per_page']:.3f} s | {g['pages_test_s']:.1f} s | "
            f"{g['test_s_per_page']:.3f} s |"
            for g in results["growth"]
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure")
    parser.add_argument(
        "--growth",
        type=int,
        nargs="*",
        default=[10, 50],
        help="how many copies of the chapter to add (none: skip growth)",
    )
    parser.add_argument(
        "--chapter",
        default="in-the-box/security",
        help="the docs/ folder to copy (with an index.md)",
    )
    parser.add_argument(
        "--venv",
        type=Path,
        default=VENV,
        help="the virtual environment to measure with (default: this one; give an older "
        "checkout its own, made by its own make venv)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "bench.json")
    options = parser.parse_args(argv)
    results = bench(
        options.repo.resolve(), options.repeat, options.growth, options.chapter, options.venv
    )
    print(table(results))
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {options.out}")


if __name__ == "__main__":
    main()
