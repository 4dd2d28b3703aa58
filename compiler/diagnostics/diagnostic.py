"""Diagnostics as values, and the one place where they are put into words.

A pass reports `Diagnostic(code, span, args)`; rendering (zh or en, with the source
line and a caret placed by display width) happens only in `render`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from string import Formatter
from types import MappingProxyType

from ..source.text import Source, Span
from .messages import MESSAGES


class _SafeArgs(dict):
    def __missing__(self, key: str) -> str:
        return "…"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    span: Span
    args: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in MESSAGES:
            raise KeyError(f"unknown diagnostic code {self.code}")
        object.__setattr__(self, "args", MappingProxyType(dict(self.args)))

    @property
    def severity(self) -> str:
        return MESSAGES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str = "zh") -> str:
        e = MESSAGES[self.code]
        return (e.en if lang == "en" else e.zh).format_map(_SafeArgs(self.args))

    def hint(self, lang: str = "zh") -> str:
        e = MESSAGES[self.code]
        text = e.hint_en if lang == "en" else e.hint_zh
        if not text:
            return ""
        # A hint with an argument absent says nothing useful: drop it.  (An argument
        # may itself hold `…`, as in `否则……`: that is text, and shown.)
        if any(name and name not in self.args for _, name, _, _ in Formatter().parse(text)):
            return ""
        return text.format_map(_SafeArgs(self.args))


_LABELS = {
    "zh": {"error": "错误", "warning": "警告", "hint": "提示"},
    "en": {"error": "error", "warning": "warning", "hint": "hint"},
}


def render(diag: Diagnostic, source: Source, lang: str = "zh") -> str:
    """`file:line:col: 错误[E201]: message`, the source line, a caret, and the hint."""
    labels = _LABELS["en" if lang == "en" else "zh"]
    span = diag.span
    head = (
        f"{source.filename}:{span.line}:{span.column}: "
        f"{labels[diag.severity]}[{diag.code}]: {diag.message(lang)}"
    )
    lines = [head]
    text = source.line_text(span.line)
    if text or span.line <= len(source.lines):
        gutter = f"{span.line:>4} | "
        lines.append(gutter + text)
        lines.append(" " * (len(gutter) - 2) + "| " + source.caret(span))
    hint = diag.hint(lang)
    if hint:
        lines.append(f"     = {labels['hint']}: {hint}")
    return "\n".join(lines)


def render_all(diags: Iterable[Diagnostic], source: Source, lang: str = "zh") -> str:
    return "\n\n".join(render(d, source, lang) for d in sort_diagnostics(diags))


def sort_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (d.span.line, d.span.column, d.code))
