"""Lowering: checked AST → IR.

Takes an AST that passed `check`, with its symbol table; gives `ir.nodes.Policy`.
May import `source`, `diagnostics`, `syntax`, `check` and `ir`.
"""
