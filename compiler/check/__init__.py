"""The check stage: AST → diagnostics, and the symbol table lowering needs.

Takes the AST; resolves names, types and units, budgets and boundaries, then runs one
pass per concern (`passes/`: declarations, names, outline, points, clauses, bands,
notes, tests).  Gives diagnostics with codes.  May import `source`, `diagnostics`
and `syntax`.
"""
