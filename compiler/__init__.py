"""xize.compiler: .rule text → checked AST → IR → a standalone scoring module."""

from .api import Policy, compile_policy, load_policy
from .errors import InputError, PolicyError, XizeError

__all__ = [
    "InputError",
    "Policy",
    "PolicyError",
    "XizeError",
    "compile_policy",
    "load_policy",
]
