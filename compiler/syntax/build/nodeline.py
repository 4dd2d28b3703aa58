"""A node line `MARKER TITLE [(N分)] [，MODIFIER …]` → marker, title, points, modifiers.

The grammar hands over the line's `，`-separated parts as runs of tokens.  Points are
the first `(N分)` anywhere on the line (or ` N分` ending a part); a part that is exactly
one modifier is a Modifier; every other part is title text.  The title is the source
line with the points and the modifier parts cut out, so that it reads as written.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...diagnostics.diagnostic import Diagnostic
from ...source.text import Span
from .. import ast
from .. import keywords as kw
from ..lark_import import Token
from ..numerals import cn_to_int, whole_number
from .outline import FlatNode
from .spans import span_of, sub_span, token_span

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_MODIFIER_KINDS = {
    "MOD_UNTIL_ZERO": "until_zero",
    "MOD_CAP": "cap",
    "MOD_NO_FLOOR": "no_floor",
    "MOD_BONUS": "bonus",
    "MOD_TAKE_MAX": "take_max",
}
_NUMBER_IN_MODIFIER = re.compile(r"(\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千万]+)\s*分$")
_SUSPICIOUS = set("扣加分")


class NodeLineReader:
    """Reads one node line; `diags` collects E105, E106 and E110."""

    def __init__(self, line_text: str, normalised_line: str):
        self.line = line_text
        self.norm = normalised_line
        self.diags: list[Diagnostic] = []

    def read(self, marker_token: Token, parts: list[list[Token]]) -> FlatNode:
        tokens = [t for part in parts for t in part]
        span = span_of(marker_token, tokens)
        points, cuts = self._points(parts)
        modifiers: list[ast.Modifier] = []
        suspicious: list[tuple[str, Span]] = []
        for index, part in enumerate(parts):
            if not part:
                continue
            bonus_title = index == 0 and len(part) == 1 and part[0].type == "MOD_BONUS"
            if bonus_title or index > 0 and len(part) == 1 and part[0].type in _MODIFIER_KINDS:
                modifiers.append(self._modifier(part[0]))
                cuts.append((self._comma_before(part[0].column - 1), part[0].end_column - 1))
            elif index > 0:
                text, part_span = self._part_text(part, cuts)
                if text and _SUSPICIOUS & set(text):
                    suspicious.append((text, part_span))
        title = self._title(marker_token, tokens, cuts)
        if not title and modifiers and modifiers[0].kind == "bonus":
            title = kw.BONUS_NODE  # `(二)加分项，最高加5分`: the mark is the whole title
        marker = self._marker(marker_token, title)
        return FlatNode(marker, title, points, tuple(modifiers), span, tuple(suspicious))

    # ------------------------------------------------------------------ parts

    def _marker(self, token: Token, title: str) -> ast.Marker:
        text = token.value
        span = token_span(token)
        kind, digits = {
            "CN_MARKER": ("一、", text[:-1]),
            "PCN_MARKER": ("(一)", text[1:-1]),
            "NUM_MARKER": ("1、", text[:-1]),
            "PNUM_MARKER": ("(1)", text[1:-1]),
            "CIRCLED_MARKER": ("①", str(ord(text[0]) - 0x245F)),
            "BAD_MARKER": ("1、", text[:-1]),
        }[token.type]
        if token.type == "BAD_MARKER":
            suggestion = f"{digits}、{title[:5]}"
            self.diags.append(Diagnostic("E105", span, {"marker": text, "suggestion": suggestion}))
        try:
            number = whole_number(digits)
        except ValueError:
            self.diags.append(Diagnostic("E110", span, {"text": digits}))
            number = 0
        return ast.Marker(kind, number, text, span)

    def _points(self, parts: list[list[Token]]) -> tuple[ast.Num | None, list[tuple[int, int]]]:
        """The line's points and the (start, end) columns to cut from the title."""
        points: ast.Num | None = None
        cuts: list[tuple[int, int]] = []
        for part in parts:
            for position, token in enumerate(part):
                is_end = token.type == "END_POINTS" and position == len(part) - 1
                if token.type != "POINTS" and not is_end:
                    continue
                match = _DIGITS.search(token.value)
                assert match is not None
                cuts.append((token.column - 1, token.end_column - 1))
                if points is not None:
                    text = token.value.strip()
                    self.diags.append(Diagnostic("E106", token_span(token), {"points": text}))
                    continue
                first = len(token.value) - len(token.value.lstrip())
                span = sub_span(token, first, len(token.value))
                points = ast.Num(Decimal(match.group()), "分", span, token.value.strip())
        return points, cuts

    def _modifier(self, token: Token) -> ast.Modifier:
        kind = _MODIFIER_KINDS[token.type]
        value = None
        if kind in ("cap", "bonus"):
            match = _NUMBER_IN_MODIFIER.search(token.value)
            assert match is not None
            digits = match.group(1)
            try:
                value = Decimal(digits) if digits[0].isdigit() else Decimal(cn_to_int(digits))
            except ValueError:
                self.diags.append(Diagnostic("E110", token_span(token), {"text": digits}))
                value = Decimal(0)
        return ast.Modifier(kind, value, token_span(token))

    def _comma_before(self, index: int) -> int:
        """Index of the `，` that opens the part starting at `index`."""
        at = index - 1
        while at > 0 and self.norm[at] in " \t":
            at -= 1
        return at if at >= 0 and self.norm[at] == "," else index

    def _part_text(self, part: list[Token], cuts: list[tuple[int, int]]) -> tuple[str, Span]:
        start = part[0].column - 1
        end = part[-1].end_column - 1
        text = _cut(self.line, start, end, cuts).strip()
        return text, Span(part[0].line, start + 1, part[0].line, end + 1)

    def _title(self, marker: Token, tokens: list[Token], cuts: list[tuple[int, int]]) -> str:
        start = marker.end_column - 1
        end = tokens[-1].end_column - 1 if tokens else start
        return _cut(self.line, start, end, cuts).strip()


def _cut(line: str, start: int, end: int, cuts: list[tuple[int, int]]) -> str:
    """line[start:end] without the (a, b) ranges in `cuts`."""
    out: list[str] = []
    at = start
    for a, b in sorted(cuts):
        if b <= at or a >= end:
            continue
        out.append(line[at:a])
        at = max(at, b)
    out.append(line[at:end])
    return "".join(out)
