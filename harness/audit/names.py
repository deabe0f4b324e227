"""Visible code is complete: every name it reads, a visible block before it gave.

A reader copies the blocks they see, in order, into one Python session. For
that to work, every global name a visible block reads must be a builtin, or
bound (assigned, imported, defined) by a visible block earlier on the page or
by the block itself. A name only an invisible block binds is a NameError for
the reader; so is anything of the guide's engine (``page``), and importing the
engine (``harness``) or the guide's tests (``tests``) is refused outright.

The analysis is static (:mod:`symtable`), so it sees names read inside
functions and classes too, not only at the top of a block.
"""

from __future__ import annotations

import builtins
import symtable
from collections.abc import Iterable
from dataclasses import dataclass

#: What every module has: names a reader's own file or session defines too.
ALWAYS_THERE = frozenset(dir(builtins)) | {"__name__"}

#: Modules a page must not show its readers: the guide's engine and its tests.
ENGINE_MODULES = ("harness", "tests")


@dataclass(frozen=True)
class Source:
    """One block of a page, or one ``>>>`` example of a doctest block."""

    line: int  # where the block starts on the page
    text: str
    invisible: bool


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


def bound_and_read(text: str) -> tuple[set[str], set[str], set[str]]:
    """(names the code binds at the top level, global names it reads, modules it imports)."""
    table = symtable.symtable(text, "<block>", "exec")
    bound, read = set(), set()
    for symbol in table.get_symbols():
        if symbol.is_assigned() or symbol.is_imported() or symbol.is_namespace():
            bound.add(symbol.get_name())
        elif symbol.is_referenced():
            read.add(symbol.get_name())

    def inner(scope: symtable.SymbolTable) -> None:
        for child in scope.get_children():
            for symbol in child.get_symbols():
                if symbol.is_global() and symbol.is_referenced():
                    read.add(symbol.get_name())
            inner(child)

    inner(table)
    return bound, read - bound, _imported_modules(text)


def _imported_modules(text: str) -> set[str]:
    import ast

    modules = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


def check(sources: Iterable[Source]) -> list[Problem]:
    """The names visible code reads that no earlier visible code bound, in page order."""
    visible_bound: set[str] = set()
    invisible_bound: dict[str, int] = {}
    problems = []
    for source in sources:
        try:
            bound, read, modules = bound_and_read(source.text)
        except SyntaxError as error:
            problems.append(Problem(source.line, f"cannot be parsed: {error.msg}"))
            continue
        if source.invisible:
            for name in bound:
                invisible_bound.setdefault(name, source.line)
            continue
        for module in sorted(modules):
            if module.split(".")[0] in ENGINE_MODULES:
                problems.append(
                    Problem(source.line, f"imports {module}: the guide's engine, not the reader's")
                )
        for name in sorted(read - visible_bound - ALWAYS_THERE):
            if name == "page":
                why = "`page` is the guide's test engine; a reader has no such name"
            elif name in invisible_bound:
                why = (
                    f"`{name}` is bound only by the invisible block at line {invisible_bound[name]}"
                )
            else:
                why = f"`{name}` is read here, but no visible block before binds it"
            problems.append(Problem(source.line, why))
        visible_bound |= bound
    return problems
