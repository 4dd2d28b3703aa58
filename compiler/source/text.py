"""Source text: full-width normalisation, line/column maps and display-width carets.

The lexer sees a normalised copy of the text in which the full-width block
(U+FF01–U+FF5E) and the ideographic space map one to one onto ASCII.  The mapping
never changes a string's length, so a column found in the normalised text is a
code-point index into the original line: diagnostics quote the original text.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_PAIRS = tuple((chr(wide), chr(narrow)) for wide, narrow in _FULLWIDTH.items())


def normalise(text: str) -> str:
    """Map full-width forms onto ASCII, one code point for one code point.

    Equal to `text.translate(_FULLWIDTH)`, which looks every character up in a dict
    (5 ms for a 1,000-clause policy).  For a whole file, one C-speed search per
    full-width form, and a replace for the few present, is several times faster; for
    a short string (a name, a value: most calls) the 95 searches cost more.  The order
    of the replacements does not matter: none makes another full-width form."""
    if len(text) < 64:
        return text.translate(_FULLWIDTH)
    if text.isascii():
        return text
    for wide, narrow in _PAIRS:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


def char_width(ch: str) -> int:
    """Terminal columns taken by one character: CJK wide and full-width forms take two."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


@dataclass(frozen=True, order=True)
class Span:
    """A region of source text. Lines and columns are 1-based; columns count code points."""

    line: int
    column: int
    end_line: int
    end_column: int

    @staticmethod
    def point(line: int, column: int) -> Span:
        return Span(line, column, line, column + 1)

    def merge(self, other: Span) -> Span:
        start = min((self.line, self.column), (other.line, other.column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return Span(start[0], start[1], end[0], end[1])


def _span_init(self: Span, line: int, column: int, end_line: int, end_column: int) -> None:
    """Span's constructor without the frozen dataclass's four `object.__setattr__`
    calls: the parser makes one Span per token and rule, and this halves their cost.
    The instance is as frozen as before (assignment still raises)."""
    fields = self.__dict__
    fields["line"] = line
    fields["column"] = column
    fields["end_line"] = end_line
    fields["end_column"] = end_column


Span.__init__ = _span_init  # type: ignore[method-assign]


@dataclass(frozen=True)
class Source:
    """One .rule file: its original text, its normalised twin and a hash of it."""

    text: str
    filename: str = "<policy>"
    normalised: str = field(init=False)
    lines: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "normalised", normalise(self.text))
        object.__setattr__(self, "lines", tuple(self.text.splitlines()))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def line_text(self, line: int) -> str:
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return ""

    def caret(self, span: Span) -> str:
        """The source line's gutter-free caret line, placed by display width.

        Lark's own context printer counts code points, which puts the caret in the wrong
        place under CJK text; here every wide character counts two columns.
        """
        text = self.line_text(span.line)
        col = max(span.column - 1, 0)
        prefix = text[:col]
        if span.end_line == span.line and span.end_column > span.column:
            marked = text[col : span.end_column - 1]
        else:
            marked = text[col : col + 1]
        pad = "".join("\t" if ch == "\t" else " " * char_width(ch) for ch in prefix)
        return pad + "^" * max(display_width(marked), 1)
