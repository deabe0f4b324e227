"""What "a Python block" is, for every part of the engine.

A block is what a reader sees on a rendered page: a fenced block, a code
directive or a doctest paragraph. The page runner records one :class:`Block`
for each block it executes; the build checks compare those with the doctree;
the independent audit reports the ones it finds on its own in the same record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pygments.lexers.python import Python2Lexer, PythonConsoleLexer, PythonLexer

#: Languages the runner executes as code (or as a doctest when the block starts with >>>).
RUN_AS_CODE = frozenset({"python", "py", "python3", "py3"})
#: Languages the runner executes as a Python session: always doctests.
RUN_AS_SESSION = frozenset({"pycon", "python-console"})
#: Languages the runner executes, one way or the other.
EXECUTED = RUN_AS_CODE | RUN_AS_SESSION

#: Names that Sphinx highlights as Python source or a Python session: what a
#: reader takes for Python, executed or not. Pygments' own aliases (``sage``,
#: ``starlark``, ``pyi``...), and IPython's, whose lexers come with IPython.
SHOWN_AS_PYTHON = frozenset(
    {
        *PythonLexer.aliases,
        *Python2Lexer.aliases,
        *PythonConsoleLexer.aliases,
        *{"ipython", "ipython2", "ipython3", "ipython-console"},
    }
)
assert EXECUTED <= SHOWN_AS_PYTHON


@dataclass(frozen=True)
class Block:
    """A Python block as a reader sees it on the rendered page."""

    path: str  # the page's file
    line: int  # 1-based line of the fence, directive or first >>>
    end: int  # 1-based last line (the closing fence, or the last line of the paragraph)
    language: str
    first_line: str  # the first non-blank line of code, for messages
    invisible: bool = False  # an invisible setup block: runs, never rendered
    skip_reason: str | None = None  # the written reason of a skip that covers it
    #: The code as the runner reads it (the fence's content; an invisible block's without
    #: its comment marks). Not part of a block's identity.
    source: str = field(default="", compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line} ({self.language}): {self.first_line}"


def first_line(source: str) -> str:
    """The first non-blank line of a block's source, stripped."""
    return next((line.strip() for line in source.splitlines() if line.strip()), "")
