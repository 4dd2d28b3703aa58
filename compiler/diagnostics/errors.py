"""The exceptions of the public API. Everything a user can cause is an XizeError."""

from __future__ import annotations

from collections.abc import Sequence

from ..source.text import Source
from .diagnostic import Diagnostic, render_all


class XizeError(Exception):
    """Base of every error a user of xize can cause (bad policy text, bad data)."""


class PolicyError(XizeError):
    """A .rule file that does not compile. Carries every error diagnostic found.

    `.code`, `.line`, `.column`, `.message`, `.hint` describe the first error;
    `.diagnostics` holds all of them (errors and warnings) in source order.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], source: Source, lang: str = "zh"):
        self.diagnostics = tuple(diagnostics)
        self.source = source
        errors = [d for d in self.diagnostics if d.is_error] or list(self.diagnostics)
        first = min(errors, key=lambda d: (d.span.line, d.span.column))
        self.first = first
        self.code = first.code
        self.line = first.span.line
        self.column = first.span.column
        self.message = first.message(lang)
        self.hint = first.hint(lang)
        super().__init__(render_all(errors, source, lang))

    def render(self, lang: str = "zh") -> str:
        return render_all([d for d in self.diagnostics if d.is_error], self.source, lang)


class InputError(XizeError, ValueError):
    """A unit's data that cannot be scored: names the unit, fact, value and expectation."""

    def __init__(
        self,
        message: str,
        *,
        unit: object = None,
        fact: str | None = None,
        value: object = None,
        expected: str = "",
        row: int | None = None,
    ):
        self.unit = unit
        self.fact = fact
        self.value = value
        self.expected = expected
        self.row = row
        super().__init__(message)
