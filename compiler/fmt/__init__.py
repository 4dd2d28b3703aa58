"""`xize fmt`: AST → the canonical text of a policy, comments kept.

A writers' tool on top of the pipeline: may import `source`, `diagnostics` and
`syntax`.
"""

from .formatter import FormatError, format_source

__all__ = ["FormatError", "format_source"]
