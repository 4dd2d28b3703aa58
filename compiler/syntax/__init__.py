"""The syntax stage: source text → AST.

Takes a `Source`; gives the AST (`ast.py`, frozen dataclasses with spans) and syntax
diagnostics.  Holds the keyword table, numerals, grammar loading (grammar/xize.lark
filled from the keyword table), the LALR driver, lexical checks and error recovery;
`build/` turns parser events into AST nodes.  May import `source` and `diagnostics`.
"""

from .numerals import cn_to_int

__all__ = ["cn_to_int"]
