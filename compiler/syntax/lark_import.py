"""Lark, imported without the optional packages the compiler never uses at run time.

`import lark` also imports `regex` (for `Lark(regex=True)`) and `interegular` (for
`strict=True` and for checking terminal collisions while tables are built) whenever
they are installed: a quarter of the time `lark` takes to import, paid by every CLI
run.  The parser uses neither: it loads finished tables, with Python's `re`.  So, if
`lark` is not imported yet, it is imported with those two hidden; `enable_strict()`
brings `interegular` back for the test suite's strict grammar build.

Every module of the compiler imports Lark's names from here, so this runs first.
"""

from __future__ import annotations

import importlib
import sys


def _import_lark() -> None:
    if "lark" in sys.modules:
        return
    hidden = [name for name in ("regex", "interegular") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        importlib.import_module("lark")
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_import_lark()

import lark  # noqa: E402
from lark import Lark, Token, Transformer  # noqa: E402
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken  # noqa: E402
from lark.lexer import LexerState, LineCounter  # noqa: E402
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild  # noqa: E402
from lark.parsers.lalr_analysis import Shift  # noqa: E402
from lark.parsers.lalr_interactive_parser import InteractiveParser  # noqa: E402
from lark.parsers.lalr_parser_state import ParserState  # noqa: E402
from lark.tree import Tree  # noqa: E402


def enable_strict() -> bool:
    """Give Lark `interegular` back (strict mode needs it); False if not installed."""
    lexer = sys.modules["lark.lexer"]
    if getattr(lexer, "has_interegular", False):
        return True
    try:
        interegular = importlib.import_module("interegular")
    except ImportError:
        return False
    lexer.interegular = interegular  # type: ignore[attr-defined]
    lexer.has_interegular = True  # type: ignore[attr-defined]
    return True


__all__ = [
    "ChildFilterLALR_NoPlaceholders",
    "ExpandSingleChild",
    "InteractiveParser",
    "Lark",
    "LexerState",
    "LineCounter",
    "ParserState",
    "Shift",
    "Token",
    "Transformer",
    "Tree",
    "UnexpectedCharacters",
    "UnexpectedInput",
    "UnexpectedToken",
    "enable_strict",
    "lark",
]
