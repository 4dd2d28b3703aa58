"""xize.compiler: .rule text → checked AST → IR → a standalone scoring module."""
