"""xize.compiler: .rule text → checked AST → IR → a standalone scoring module.

The stages, in the order data flows: `source` → `syntax` (AST) → `check` → `lower` →
`ir` → `backends/python` (and `interpret`, the oracle); `support` is the run-time
code every generated module carries; `diagnostics` words every message.  The tools
`testing`, `fmt`, `render` and `diff` sit on top.  `api` is the one public door, and
this package re-exports what docs/guide.md §6 documents.
"""

from .api import Policy, compile_policy, load_policy
from .diagnostics.errors import InputError, PolicyError, XizeError

__all__ = [
    "InputError",
    "Policy",
    "PolicyError",
    "XizeError",
    "compile_policy",
    "load_policy",
]
