"""The checker's passes, one concern a module; `compiler/check.py` runs them all.

Each pass is a function `(ctx: Context) -> list[Diagnostic]` that reads the tree and
the shared symbol table and never changes either.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..source.text import Source, Span
from ..syntax import ast
from .boundary import overrides_of
from .resolve import Symbols, resolve


@dataclass(frozen=True)
class Context:
    tree: ast.PolicyFile
    source: Source
    symbols: Symbols
    overrides: dict[str, bool]  # the header's 边界 list

    @staticmethod
    def build(tree: ast.PolicyFile, source: Source) -> Context:
        return Context(tree, source, resolve(tree), overrides_of(tree.header.boundary))

    def text(self, span: Span) -> str:
        """The source text under a one-line span (for quoting in messages)."""
        if span.end_line != span.line:
            return self.source.line_text(span.line)[span.column - 1 :]
        return self.source.line_text(span.line)[span.column - 1 : span.end_column - 1]
