"""One check per module, each a function over the AST and a shared `Context`.

Part of the check stage (may import what `check` may, and `check` itself).
"""
