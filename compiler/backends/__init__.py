"""Backends: IR → code that scores units.

One folder per target language.  A backend reads only the IR (plus `source`,
`diagnostics` and `support`), never the AST.
"""
