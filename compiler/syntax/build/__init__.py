"""Building the AST while the LALR parser runs: header, outline lines, clauses, terms.

Part of the syntax stage (may import what `syntax` may, and `syntax` itself).
"""
