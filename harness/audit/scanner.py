"""Find every block a reader would see highlighted as Python, without Sybil.

This scanner is deliberately independent of the page runner
(:mod:`harness.runner`): it imports nothing from it and reads MyST Markdown
and reStructuredText the way Sphinx renders them, with its own reading of skip
comments. ``tests/test_pages.py`` compares its findings with what the runner
collected; a block found here and not collected there is a block nobody
executes.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ..blocks import SHOWN_AS_PYTHON, Block

#: MyST directives whose content is code, with the language as argument.
CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode", "code-cell"})

# An opening fence in MyST: backticks, tildes or colons (colon_fence), after an
# optional indent, list marker or block quote marker.
FENCE = re.compile(
    r"^(?P<prefix>(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?)"
    r"(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>[^\n]*)$"
)
DIRECTIVE_INFO = re.compile(r"^\{(?P<name>[\w:-]+)\}\s*(?P<argument>.*)$")

# A skip comment: `% skip: next "why"` or `<!-- skip: next "why" -->` in MyST,
# `.. skip: next "why"` in reStructuredText.
MYST_SKIP = re.compile(r"^\s*(?:%|<!--+)\s*skip:?\s+(?P<args>.*?)\s*(?:--+>)?\s*$")
RST_SKIP = re.compile(r"^\s*\.\.\s+skip:?\s+(?P<args>.*?)\s*$")

RST_DIRECTIVE = re.compile(
    r"^(?P<indent>[ \t]*)\.\.\s+(?P<name>code-block|code|sourcecode|doctest)::\s*(?P<argument>\S*)"
)


def skip_reason(arguments: str) -> str | None:
    """Return the written reason of a skip's arguments, or None if it has none.

    ``next "why"`` and ``start "why"`` carry a reason; so does a conditional
    ``next if(condition, reason="why")``. A bare ``next`` does not.
    """
    action, _, rest = arguments.strip().partition(" ")
    rest = rest.strip()
    if action not in {"next", "start"} or not rest:
        return None
    if rest.startswith("if"):
        try:
            call = ast.parse("if_" + rest[2:], mode="eval").body
        except SyntaxError:
            return None
        if not isinstance(call, ast.Call):
            return None
        candidates = [k.value for k in call.keywords if k.arg == "reason"] + call.args[1:2]
    else:
        try:
            candidates = [ast.parse(rest, mode="eval").body]
        except SyntaxError:
            return None
    for node in candidates:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
            return node.value.strip()
    return None


class _SkipState:
    """Tracks which skip, if any, covers the next block (the harness semantics)."""

    def __init__(self) -> None:
        self.next_reason: str | None = None
        self.range_reason: str | None = None

    def see(self, arguments: str) -> None:
        action = arguments.strip().split(" ", 1)[0]
        reason = skip_reason(arguments)
        if action == "next":
            self.next_reason = reason or ""
        elif action == "start":
            self.range_reason = reason or ""
        elif action == "end":
            self.range_reason = None

    def take(self) -> str | None:
        reason = self.next_reason
        self.next_reason = None
        if reason is None:
            reason = self.range_reason
        return reason or None


def _first_code_line(lines: list[str], start: int, end: int) -> str:
    for line in lines[start:end]:
        if line.strip() and not re.match(r"^\s*:[\w-]+:", line) and line.strip() != "---":
            return line.strip()
    return ""


def scan_markdown(path: Path, text: str | None = None, line_offset: int = 0) -> list[Block]:
    """Every Python-lexed block of a MyST page, nested directives included."""
    lines = (path.read_text(encoding="utf-8") if text is None else text).splitlines()
    found: list[Block] = []
    skip = _SkipState()
    containers: list[tuple[str, int]] = []  # (fence, prefix length) of open directives
    i = 0
    while i < len(lines):
        line = lines[i]
        m = MYST_SKIP.match(line)
        if m:
            skip.see(m["args"])
            i += 1
            continue
        m = FENCE.match(line)
        if not m:
            i += 1
            continue
        fence, info, indent = m["fence"], m["info"].strip(), len(m["prefix"])
        if containers and not info and _closes(fence, containers[-1][0]):
            containers.pop()
            i += 1
            continue
        if fence[0] == "`" and "`" in info:
            i += 1  # not a fence: an inline code span at the start of a line
            continue
        end = _closing_line(lines, i, fence)
        directive = DIRECTIVE_INFO.match(info)
        if directive:
            name, argument = directive["name"], directive["argument"].strip().lower()
            if name in CODE_DIRECTIVES:
                language = argument.split()[0] if argument else ""
            elif name == "doctest":
                language = "pycon"
            elif name == "eval-rst":
                body = "\n".join(lines[i + 1 : end])
                found += scan_rst(path, body, line_offset + i + 1)
                i = end + 1
                continue
            else:
                # An admonition or other directive: its body is Markdown again.
                containers.append((fence, indent))
                i += 1
                continue
        else:
            language = info.split()[0].lower() if info else ""
        if language in SHOWN_AS_PYTHON:
            found.append(
                Block(
                    path=str(path),
                    line=line_offset + i + 1,
                    end=line_offset + end + 1,
                    language=language,
                    first_line=_first_code_line(lines, i + 1, end),
                    skip_reason=skip.take(),
                )
            )
        else:
            skip.take()
        i = end + 1
    return found


def _closes(fence: str, opening: str) -> bool:
    return fence[0] == opening[0] and len(fence) >= len(opening)


def _closing_line(lines: list[str], start: int, fence: str) -> int:
    for j in range(start + 1, len(lines)):
        m = FENCE.match(lines[j])
        if m and not m["info"].strip() and _closes(m["fence"], fence):
            return j
    return len(lines) - 1


def scan_rst(path: Path, text: str | None = None, line_offset: int = 0) -> list[Block]:
    """Every Python-lexed block of a reStructuredText page (or eval-rst body)."""
    lines = (path.read_text(encoding="utf-8") if text is None else text).splitlines()
    found: list[Block] = []
    skip = _SkipState()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = RST_SKIP.match(line)
        if m:
            skip.see(m["args"])
            i += 1
            continue
        m = RST_DIRECTIVE.match(line)
        if m:
            end = _indented_end(lines, i, len(m["indent"]))
            language = "pycon" if m["name"] == "doctest" else m["argument"].lower()
            if language in SHOWN_AS_PYTHON:
                found.append(
                    Block(
                        path=str(path),
                        line=line_offset + i + 1,
                        end=line_offset + end,
                        language=language,
                        first_line=_first_code_line(lines, i + 1, end),
                        skip_reason=skip.take(),
                    )
                )
            else:
                skip.take()
            i = end
            continue
        if line.lstrip().startswith(">>>") and (i == 0 or not lines[i - 1].strip()):
            # A paragraph that starts with >>> is a doctest block: Sphinx shows it as pycon.
            end = i
            while end < len(lines) and lines[end].strip():
                end += 1
            found.append(
                Block(
                    path=str(path),
                    line=line_offset + i + 1,
                    end=line_offset + end,
                    language="pycon",
                    first_line=line.strip(),
                    skip_reason=skip.take(),
                )
            )
            i = end
            continue
        if line.rstrip().endswith("::") and not line.lstrip().startswith(".."):
            # A literal block: shown with highlight_language ("text" in conf.py).
            i = _indented_end(lines, i, len(line) - len(line.lstrip()))
            continue
        i += 1
    return found


def _indented_end(lines: list[str], start: int, indent: int) -> int:
    """Index just past the indented body that follows line ``start``."""
    j = start + 1
    while j < len(lines):
        line = lines[j]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        j += 1
    return j


def scan(path: Path) -> list[Block]:
    """Every Python-lexed block of one page, by the page's syntax."""
    if path.suffix == ".rst":
        return scan_rst(path)
    return scan_markdown(path)
