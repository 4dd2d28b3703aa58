"""Diagnostics: what the compiler says about a policy, as values, in two languages.

Takes codes and arguments from every stage; gives `Diagnostic` values, their rendering
(file:line:col, source line, caret, hint) in Chinese or English from one message
catalogue, the error catalogue with a worked example per code, did-you-mean
suggestions, and the public error classes.  May import only `source`.
"""

from .catalogue import explain, normalise_code
from .diagnostic import Diagnostic, render, render_all, sort_diagnostics
from .errors import InputError, PolicyError, XizeError
from .examples import EXAMPLES
from .messages import MESSAGES
from .suggest import same_sense

__all__ = [
    "EXAMPLES",
    "Diagnostic",
    "InputError",
    "MESSAGES",
    "PolicyError",
    "XizeError",
    "explain",
    "normalise_code",
    "render",
    "render_all",
    "same_sense",
    "sort_diagnostics",
]
