"""What a reader sees on a page is what runs, and runs as shown.

* Every Python block a reader sees is executed, or skipped with a reason: the
  independent audit (harness/audit) scans the pages without the runner's
  parsers, and the blocks it finds are held against what the runner collects.
* Visible code is complete: every name it reads is bound by visible code
  before it, never only by an invisible block, and never by the guide's engine
  (harness/audit/names.py).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from harness import DOCS, ROOT
from harness.audit import names, scan, unexecuted
from harness.audit.names import Source
from harness.runner.parsers import BlockRegion, collected_blocks, make_sybil, page_files, parse_page

PAGES = page_files(DOCS)
SYBILS = make_sybil(DOCS)


def test_there_are_pages():
    assert DOCS / "index.md" in PAGES
    assert len(PAGES) >= 2


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_every_python_block_is_executed_or_skipped_with_a_reason(path):
    executed = [block.line for block in collected_blocks(SYBILS, path)]
    missed = unexecuted(scan(path), executed)
    if missed:
        pytest.fail(
            "blocks shown as Python that nothing executes (use a ```python fence, "
            "or a skip with a written reason):\n"
            + "\n".join(
                f"  {Path(block.path).relative_to(ROOT)}:{block.line} ({block.language}): "
                f"{block.first_line}"
                for block in missed
            ),
            pytrace=False,
        )


def visible_and_invisible_sources(path):
    """The code of each block of a page as the runner collects it, in page order."""
    document = parse_page(SYBILS, path)
    sources = []
    for _, region in document.regions:
        if isinstance(region, BlockRegion):
            parsed = region.parsed
            text = parsed if isinstance(parsed, str) else parsed.source  # a doctest.Example
            line = document.text.count("\n", 0, region.start) + 1
            sources.append(Source(line, text, region.block.invisible))
    return sources


def page_line_is_a_prompt(path: Path, line: int) -> bool:
    """Whether a page's line is a ``>>>`` prompt: the source of a session's example."""
    return path.read_text(encoding="utf-8").splitlines()[line - 1].lstrip().startswith(">>>")


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_visible_code_is_complete(path):
    """A reader who copies the visible blocks in order gets no NameError and no engine."""
    problems = names.check(visible_and_invisible_sources(path))
    if problems:
        where = Path(path).relative_to(ROOT)
        pytest.fail(
            "visible code that a reader cannot run as shown:\n"
            + "\n".join(f"  {where}:{p.line}: {p.message}" for p in problems),
            pytrace=False,
        )


#: Rules that do not fit a page read as one module: imports come where a block
#: needs them (E402), a session shows a value by naming it (B018), and a page may
#: build a thing again to show another side of it (F811).
PAGE_IGNORES = ["E402", "B018", "F811"]
#: And in a Python session (``>>>``): imports come one per prompt, in the order the
#: story needs them (I001), and a comparison shows its result (B015).
SESSION_IGNORES = {"I001", "B015"}
#: A rule a page may break, with the reason, beside the page (a noqa in the page's
#: code would be copied by every reader).
PAGE_EXCEPTIONS = {
    "docs/in-the-box/testing.md": {"S101": "the page teaches pytest, whose checks are asserts"},
    "docs/becoming-big/scaling.md": {"S310": "the URL is the reader's own server, on loopback"},
    "docs/in-the-box/wsgi.md": {"S310": "the URL is the page's own server, on loopback"},
    "docs/deploying/servers.md": {"S310": "the URLs are the reader's own servers, on loopback"},
    "docs/deploying/gunicorn.md": {"S310": "the URL is the reader's own gunicorn, on loopback"},
    "docs/deploying/waitress.md": {"S310": "the URL is the reader's own waitress, on loopback"},
    "docs/in-the-box/security/password-hashing.md": {
        "S107": "a demo account's password, as the reader types it"
    },
    "docs/in-the-box/security/registration.md": {
        "S106": "passwords the page tries, to show which the app refuses"
    },
}


def test_visible_code_passes_the_linter(tmp_path):
    """Every page's visible blocks, read in order as one module, pass ruff's rules:
    the rules of the repository (pyproject.toml), bugbear and bandit included."""
    modules = {}
    for path in PAGES:
        lines, where = [], []
        for source in visible_and_invisible_sources(path):
            if source.invisible:
                continue
            session = page_line_is_a_prompt(path, source.line)
            for offset, line in enumerate(source.text.splitlines()):
                lines.append(line)
                where.append((source.line + offset, session))
        if lines:
            module = tmp_path / (
                path.relative_to(DOCS).with_suffix(".py").as_posix().replace("/", "__")
            )
            module.write_text("\n".join(lines) + "\n", encoding="utf-8")
            modules[module.name] = (path, where)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--config",
            str(ROOT / "pyproject.toml"),
            "--extend-ignore",
            ",".join(PAGE_IGNORES),
            "--output-format",
            "json",
            "--no-cache",
            str(tmp_path),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=False,
    )
    findings = []
    for found in json.loads(done.stdout or "[]"):
        path, where = modules[Path(found["filename"]).name]
        line, session = where[found["location"]["row"] - 1]
        excepted = PAGE_EXCEPTIONS.get(path.relative_to(ROOT).as_posix(), {})
        if not (session and found["code"] in SESSION_IGNORES) and found["code"] not in excepted:
            findings.append(f"{path.relative_to(ROOT)}:{line}: {found['code']} {found['message']}")
    assert not findings, "visible code that fails the linter:\n" + "\n".join(findings)
