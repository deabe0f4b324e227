"""The Sybil parsers that collect the Python blocks of every page.

What they collect, in MyST Markdown (``.md``) and reStructuredText (``.rst``):

* fenced blocks and ``code-block`` / ``code`` / ``sourcecode`` directives whose
  language is in :data:`harness.blocks.RUN_AS_CODE`: run as code, or as a
  doctest when the block starts with ``>>>``;
* blocks in :data:`harness.blocks.RUN_AS_SESSION` (``pycon``): always
  doctests, output checked;
* invisible setup blocks (``% invisible-code-block: python`` in MyST,
  ``.. invisible-code-block: python`` in reST): run, never rendered;
* in reST, paragraphs that start with ``>>>`` (doctest blocks).

Every region they yield is a :class:`BlockRegion`, which carries the
:class:`~harness.blocks.Block` it came from. The only way out of execution is
a skip comment with a written reason, directly above the block it skips.

This module imports neither pytest nor Sphinx: the build checks use it too.
"""

from __future__ import annotations

import doctest
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from sybil import Document, Region, Sybil
from sybil.evaluators.python import PythonEvaluator
from sybil.evaluators.skip import Skipper
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown.lexers import DirectiveInHTMLCommentLexer, FencedCodeBlockLexer
from sybil.parsers.myst import lexers as myst
from sybil.parsers.rest import lexers as rest

from ..blocks import EXECUTED, RUN_AS_SESSION, Block, first_line
from .documents import display_path, document_type
from .outputs import RecordingEvaluator

#: Expected output may elide volatile parts (addresses, paths) with "...".
DOCTEST_FLAGS = doctest.ELLIPSIS


class PageError(ValueError):
    """A page breaks a rule of the runner; raised while collecting it, naming page and line."""

    def __init__(self, document: Document, position: int, message: str) -> None:
        super().__init__(
            f"{display_path(document.path)}, line {line_of(document, position)}: {message}"
        )


def line_of(document: Document, position: int) -> int:
    return document.text.count("\n", 0, position) + 1


class BlockRegion(Region):
    """A region of a page together with the rendered block it belongs to.

    A doctest block gives one region per ``>>>`` example, all with the same block.
    """

    def __init__(self, region: Region, block: Block) -> None:
        super().__init__(region.start, region.end, region.parsed, region.evaluator, region.lexemes)
        self.block = block


# --- code and doctest blocks ---------------------------------------------------


class PythonBlockParser:
    """Collects Python code blocks, doctest blocks and invisible setup blocks."""

    def __init__(self, visible: Iterable, invisible: Iterable) -> None:
        self.lexers = [(lexer, False) for lexer in visible] + [(lexer, True) for lexer in invisible]
        self.code_evaluator = PythonEvaluator()
        self.doctest_parser = DocTestStringParser(RecordingEvaluator(DOCTEST_FLAGS))

    def __call__(self, document: Document) -> Iterator[Region]:
        for lexer, invisible in self.lexers:
            for lexed in lexer(document):
                language = (lexed.lexemes.get("arguments") or "").strip().lower()
                language = language.split()[0] if language else ""
                if language in EXECUTED:
                    yield from self.regions(document, lexed, language, invisible)

    def regions(self, document: Document, lexed: Region, language: str, invisible: bool):
        source = lexed.lexemes["source"]
        block = Block(
            path=document.path,
            line=line_of(document, lexed.start),
            end=line_of(document, max(lexed.start, lexed.end - 1)),
            language=language,
            first_line=first_line(source),
            invisible=invisible,
            source=source,
        )
        if source.lstrip().startswith(">>>"):
            found = False
            for region in self.doctest_parser(source, document.path):
                region.adjust(lexed, source)
                found = True
                yield BlockRegion(region, block)
            if not found:
                raise PageError(document, lexed.start, "a doctest block with no example in it")
        elif language in RUN_AS_SESSION:
            raise PageError(
                document,
                lexed.start,
                f"a {language} block must be a Python session starting with '>>> '",
            )
        else:
            lexed.parsed = source
            lexed.evaluator = self.code_evaluator
            yield BlockRegion(lexed, block)


class RestDocTestParagraphParser:
    """reST paragraphs starting with ``>>>``, outside any directive or comment."""

    def __init__(self, claimed_by: Iterable) -> None:
        self.claimed_by = list(claimed_by)
        self.doctest_parser = DocTestStringParser(RecordingEvaluator(DOCTEST_FLAGS))

    def __call__(self, document: Document) -> Iterator[Region]:
        claimed = [(r.start, r.end) for lexer in self.claimed_by for r in lexer(document)]
        for region in self.doctest_parser(document.text, document.path):
            if any(start <= region.start < end for start, end in claimed):
                continue
            line_start = document.text.rfind("\n", 0, region.start) + 1
            block_start = document.text.rfind("\n\n", 0, region.start)
            block_start = line_start if block_start < 0 else block_start + 2
            block_end = document.text.find("\n\n", region.start)
            block_end = len(document.text) if block_end < 0 else block_end
            block = Block(
                path=document.path,
                line=line_of(document, block_start),
                end=line_of(document, block_end),
                language="pycon",
                first_line=first_line(document.text[block_start:]),
            )
            yield BlockRegion(region, block)


# --- skips ------------------------------------------------------------------------

NEXT_BLOCK = re.compile(
    r"(?:--+>)?\s*(?:"
    r"(?:[ \t]*>)*[ \t]*(?:`{3,}|~{3,})"  # a fence
    r"|[ \t]*%[ \t]*(?:invisible-)?code(?:-block)?:"  # a MyST invisible block
    r"|[ \t]*<!--+\s*(?:invisible-)?code(?:-block)?:"
    r"|[ \t]*\.\.\s+(?:code-block|code|sourcecode|(?:invisible-)?code(?:-block)?)::?"  # reST
    r"|[ \t]*>>>"  # a reST doctest paragraph
    r")"
)

# A reason in quotes: right after the action (`next "why"`), or as the
# reason= of a condition (`next if(sys.platform == "win32", reason="why")`).
QUOTED = r"""(?P<q>["'])(?P<reason>(?:(?!(?P=q)).)*\S(?:(?!(?P=q)).)*)(?P=q)"""
PLAIN_REASON = re.compile(rf"^\s*{QUOTED}\s*$")
CONDITION_REASON = re.compile(rf"^\s*if\s*\(.*\breason\s*=\s*{QUOTED}\s*\)\s*$")


def written_reason(arguments: str) -> str | None:
    """The reason a skip gives in quotes, or None: ``next "why"`` -> ``why``."""
    action, _, rest = arguments.strip().partition(" ")
    if action not in {"next", "start"}:
        return None
    found = PLAIN_REASON.match(rest) or CONDITION_REASON.match(rest)
    return found["reason"].strip() if found else None


class ReasonedSkipParser:
    """Sybil's skip instructions, but a skip must say why, in quotes.

    Sybil counts ``skip: next`` without a reason as a *pass* (the block is not
    run, yet reported green). Here it is an error at collection, as is a
    ``skip: next`` that is not directly followed by the block it skips.
    """

    def __init__(self, lexers: Iterable) -> None:
        self.lexers = list(lexers)
        self.skipper = Skipper("skip")

    def __call__(self, document: Document) -> Iterator[Region]:
        for lexer in self.lexers:
            for lexed in lexer(document):
                arguments = (lexed.lexemes.get("arguments") or "").strip()
                action = arguments.split(" ", 1)[0]
                if action not in {"next", "start", "end"}:
                    raise PageError(document, lexed.start, f"unknown skip action {arguments!r}")
                if action != "end" and written_reason(arguments) is None:
                    raise PageError(
                        document,
                        lexed.start,
                        f"'skip: {arguments}' needs a written reason in quotes, "
                        f'for example: % skip: {action} "starts a server that never returns"',
                    )
                if action == "next" and not NEXT_BLOCK.match(document.text, lexed.end):
                    raise PageError(
                        document,
                        lexed.start,
                        "'skip: next' must be directly above the code block it skips",
                    )
                action, _, reason = arguments.partition(" ")
                yield Region(lexed.start, lexed.end, (action, reason.strip() or None), self.skipper)


# --- putting it together ------------------------------------------------------------


def myst_parsers() -> list:
    fenced = FencedCodeBlockLexer(r".+", mapping={"language": "arguments", "source": "source"})
    directive = myst.DirectiveLexer(r"(sourcecode|code-block|code-cell|code)", arguments=".+")
    hidden = [
        myst.DirectiveInPercentCommentLexer(r"invisible-code(-block)?", arguments=".+"),
        DirectiveInHTMLCommentLexer(r"invisible-code(-block)?", arguments=".+"),
    ]
    skips = [myst.DirectiveInPercentCommentLexer("skip"), DirectiveInHTMLCommentLexer("skip")]
    return [PythonBlockParser([fenced, directive], hidden), ReasonedSkipParser(skips)]


def rest_parsers() -> list:
    directive = rest.DirectiveLexer(r"(sourcecode|code-block|code)")
    hidden = [rest.DirectiveInCommentLexer(r"invisible-code(-block)?")]
    comments = rest.DirectiveInCommentLexer(r"[\w-]+")
    return [
        PythonBlockParser([directive], hidden),
        RestDocTestParagraphParser([directive, comments]),
        ReasonedSkipParser([rest.DirectiveInCommentLexer("skip")]),
    ]


def make_sybil(docs_root: Path) -> list[Sybil]:
    """One Sybil for MyST pages and one for reST pages under ``docs_root``."""
    docs_root = docs_root.resolve()
    page = document_type(docs_root)
    common = dict(
        path=str(docs_root),
        fixtures=["page"],
        document_types={".md": page, ".rst": page},
    )
    return [
        Sybil(myst_parsers(), patterns=["*.md"], **common),
        Sybil(rest_parsers(), patterns=["*.rst"], **common),
    ]


def page_files(docs_root: Path) -> list[Path]:
    """Every page under ``docs_root``: the .md and .rst files the runner executes."""
    return sorted(p for p in docs_root.rglob("*") if p.suffix in {".md", ".rst"})


def parse_page(sybils: list[Sybil], path: Path) -> Document | None:
    """The page as the runner collects it, or None if no Sybil takes that file."""
    path = path.resolve()
    for sybil in sybils:
        if sybil.should_parse(path):
            return sybil.parse(path)
    return None


def collected_blocks(sybils: list[Sybil], path: Path) -> list[Block]:
    """The blocks the runner executes on one page, in page order, each once."""
    document = parse_page(sybils, path)
    if document is None:
        return []
    seen: dict[Block, None] = {}
    for _, region in document.regions:
        if isinstance(region, BlockRegion):
            seen.setdefault(region.block)
    return list(seen)


def page_program(sybils: list[Sybil], path: Path) -> list[Block | tuple[str, str | None]]:
    """What the runner does on one page, in order: each block once, and each skip
    comment as ``(action, arguments)`` (``("next", '"why"')``, ``("end", None)``)."""
    document = parse_page(sybils, path)
    if document is None:
        return []
    steps: list[Block | tuple[str, str | None]] = []
    seen: set[Block] = set()
    for _, region in document.regions:
        if isinstance(region, BlockRegion):
            if region.block not in seen:
                seen.add(region.block)
                steps.append(region.block)
        elif isinstance(region.evaluator, Skipper):
            steps.append(region.parsed)
    return steps
