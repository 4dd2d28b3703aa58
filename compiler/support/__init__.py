"""The run-time support every generated module carries verbatim.

`prelude.py` converts facts, holds the result records, rounds and allots; the Python
backend pastes its text into each module and the interpreter imports it, so both
share one definition of every run-time rule.  Imports nothing of xize.
"""

from . import prelude

__all__ = ["prelude"]
