"""The Sybil configuration that executes the Python blocks of every page.

What it collects, in MyST Markdown (``.md``) and reStructuredText (``.rst``):

* fenced blocks and ``code-block`` / ``code`` / ``sourcecode`` directives whose
  language is ``python``, ``py``, ``python3`` or ``py3``: run as code, or as a
  doctest when the block starts with ``>>>``;
* ``pycon`` / ``python-console`` blocks: always doctests, output checked;
* invisible setup blocks (``% invisible-code-block: python`` in MyST,
  ``.. invisible-code-block: python`` in reST): run, never rendered;
* in reST, paragraphs that start with ``>>>`` (doctest blocks).

Each page is executed in document order in its own namespace, which is the
``__dict__`` of a real module registered in :data:`sys.modules` while the page
runs, so ``Flask(__name__)`` works in a page. The only way out of execution is
a skip comment with a written reason, directly above the block it skips.
"""

from __future__ import annotations

import doctest
import importlib.machinery
import re
import sys
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sybil import Document, Example, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.evaluators.python import PythonEvaluator
from sybil.evaluators.skip import Skipper
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown.lexers import DirectiveInHTMLCommentLexer, FencedCodeBlockLexer
from sybil.parsers.myst import lexers as myst
from sybil.parsers.rest import lexers as rest

from .blocks import Block, scan, skip_reason

#: Languages run as Python code, or as a doctest when the block starts with >>>.
CODE_LANGUAGES = frozenset({"python", "py", "python3", "py3"})
#: Languages that are Python sessions: always doctests.
CONSOLE_LANGUAGES = frozenset({"pycon", "python-console"})

#: Expected output may elide volatile parts (addresses, paths) with "...".
DOCTEST_FLAGS = doctest.ELLIPSIS


class PageError(pytest.Collector.CollectError, ValueError):
    """A page breaks a rule of the harness; raised while collecting it.

    As a CollectError, pytest shows only this message, not the parser's traceback.
    """

    def __init__(self, document: Document, position: int, message: str) -> None:
        line = document.text.count("\n", 0, position) + 1
        super().__init__(f"{display_path(document.path)}, line {line}: {message}")


def display_path(path: str | Path, root: Path | None = None) -> str:
    """A path relative to ``root`` (the working directory) when it is below it, else absolute."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class BlockInfo:
    """The rendered block a region belongs to, for reports and messages."""

    line: int
    first_line: str
    language: str
    invisible: bool


def _line_of(document: Document, position: int) -> int:
    return document.text.count("\n", 0, position) + 1


def _first_line(source: str) -> str:
    return next((line.strip() for line in source.splitlines() if line.strip()), "")


# --- pages as modules ---------------------------------------------------------


def module_name_for(path: Path, docs_root: Path) -> str:
    """A top-level module name for a page: ``becoming-big/hooks.md`` -> ``becoming_big_hooks``.

    Flask derives an app's root path from the module named by ``__name__``, so a
    page must be a module with a file. A name that an importable module already
    uses (``json.md``) would shadow it, so that is refused.
    """
    relative = path.relative_to(docs_root).with_suffix("")
    name = re.sub(r"\W", "_", "_".join(relative.parts))
    if name[0].isdigit():
        name = "page_" + name
    if name in sys.builtin_module_names or importlib.machinery.PathFinder.find_spec(name):
        raise ValueError(
            f"{path}: the page would run as module {name!r}, which shadows an importable "
            "module; rename the page"
        )
    return name


class PageDocument(Document):
    """A page whose namespace is the ``__dict__`` of a module named after it."""

    docs_root: Path  # set by make_sybil on a subclass

    def __init__(self, text: str, path: str) -> None:
        super().__init__(text, path)
        name = module_name_for(Path(path), self.docs_root)
        self.module = types.ModuleType(name, f"The executed blocks of {path}")
        self.module.__file__ = path
        self.module.__spec__ = importlib.machinery.ModuleSpec(name, None, origin=path)
        self.namespace = self.module.__dict__

    def enter(self) -> None:
        sys.modules[self.module.__name__] = self.module

    def leave(self) -> None:
        if sys.modules.get(self.module.__name__) is self.module:
            del sys.modules[self.module.__name__]


# --- code and doctest blocks ---------------------------------------------------


class PythonBlockParser:
    """Collects Python code blocks, doctest blocks and invisible setup blocks.

    Every region it yields carries ``region.block``: the rendered block it came
    from, so a report can count blocks (not doctest examples) and a failure can
    name the block's first line.
    """

    def __init__(self, visible: Iterable, invisible: Iterable) -> None:
        self.lexers = [(lexer, False) for lexer in visible] + [(lexer, True) for lexer in invisible]
        self.code_evaluator = PythonEvaluator()
        self.doctest_parser = DocTestStringParser(DocTestEvaluator(DOCTEST_FLAGS))

    def __call__(self, document: Document) -> Iterator[Region]:
        for lexer, invisible in self.lexers:
            for lexed in lexer(document):
                language = (lexed.lexemes.get("arguments") or "").strip().lower()
                language = language.split()[0] if language else ""
                if language in CODE_LANGUAGES | CONSOLE_LANGUAGES:
                    yield from self.regions(document, lexed, language, invisible)

    def regions(self, document: Document, lexed: Region, language: str, invisible: bool):
        source = lexed.lexemes["source"]
        block = BlockInfo(_line_of(document, lexed.start), _first_line(source), language, invisible)
        if source.lstrip().startswith(">>>"):
            found = False
            for region in self.doctest_parser(source, document.path):
                region.adjust(lexed, source)
                region.block = block
                found = True
                yield region
            if not found:
                raise PageError(document, lexed.start, "a doctest block with no example in it")
        elif language in CONSOLE_LANGUAGES:
            raise PageError(
                document,
                lexed.start,
                f"a {language} block must be a Python session starting with '>>> '",
            )
        else:
            lexed.parsed = source
            lexed.evaluator = self.code_evaluator
            lexed.block = block
            yield lexed


class RestDocTestParagraphParser:
    """reST paragraphs starting with ``>>>``, outside any directive or comment."""

    def __init__(self, claimed_by: Iterable) -> None:
        self.claimed_by = list(claimed_by)
        self.doctest_parser = DocTestStringParser(DocTestEvaluator(DOCTEST_FLAGS))

    def __call__(self, document: Document) -> Iterator[Region]:
        claimed = [(r.start, r.end) for lexer in self.claimed_by for r in lexer(document)]
        for region in self.doctest_parser(document.text, document.path):
            if any(start <= region.start < end for start, end in claimed):
                continue
            line_start = document.text.rfind("\n", 0, region.start) + 1
            block_start = document.text.rfind("\n\n", 0, region.start)
            block_start = line_start if block_start < 0 else block_start + 2
            region.block = BlockInfo(
                _line_of(document, block_start),
                _first_line(document.text[block_start:]),
                "pycon",
                False,
            )
            yield region


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
                if action != "end" and skip_reason(arguments) is None:
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
    document_type = type("Page", (PageDocument,), {"docs_root": docs_root})
    common = dict(
        path=str(docs_root),
        fixtures=["page"],
        document_types={".md": document_type, ".rst": document_type},
    )
    return [
        Sybil(myst_parsers(), patterns=["*.md"], **common),
        Sybil(rest_parsers(), patterns=["*.rst"], **common),
    ]


def page_files(docs_root: Path) -> list[Path]:
    """Every page under ``docs_root``: the .md and .rst files the harness runs."""
    return sorted(p for p in docs_root.rglob("*") if p.suffix in {".md", ".rst"})


def parse_page(sybils: list[Sybil], path: Path) -> Document | None:
    """The page as the harness collects it, or None if no Sybil takes that file."""
    path = path.resolve()
    for sybil in sybils:
        if sybil.should_parse(path):
            return sybil.parse(path)
    return None


def collected_lines(sybils: list[Sybil], path: Path) -> list[int]:
    """The first line of every region the harness collects from one page."""
    document = parse_page(sybils, path)
    if document is None:
        return []
    return [_line_of(document, region.start) for _, region in document.regions]


def unexecuted_blocks(sybils: list[Sybil], path: Path) -> list[Block]:
    """Python-lexed blocks of a page (found by the independent scanner) that the
    harness neither collects nor skips with a written reason."""
    lines = collected_lines(sybils, path)
    return [
        block
        for block in scan(path)
        if not any(block.line <= line <= block.end for line in lines) and not block.skip_reason
    ]


def block_of(example: Example) -> BlockInfo | None:
    return getattr(example.region, "block", None)
