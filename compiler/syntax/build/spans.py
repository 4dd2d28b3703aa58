"""Spans of Lark tokens and of whatever the transformer builds from them."""

from __future__ import annotations

from ...source.text import Span
from ..lark_import import Token


def token_span(token: Token) -> Span:
    return Span(token.line, token.column, token.end_line, token.end_column)


def span_of(*items: object) -> Span:
    """The smallest span covering every token or spanned value among `items`
    (lists and tuples are searched; None is skipped).

    Called for nearly every grammar rule, so it compares plain tuples and makes one
    Span at the end rather than merging Spans pairwise."""
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    pending: list = [items]
    while pending:
        for item in pending.pop():
            if item is None:
                continue
            if isinstance(item, Token):
                if item.line is None:
                    continue
                first = (item.line, item.column)
                last = (item.end_line, item.end_column)
            elif isinstance(item, list | tuple):
                pending.append(item)
                continue
            else:
                span = getattr(item, "span", None)
                if not isinstance(span, Span):
                    continue
                first = (span.line, span.column)
                last = (span.end_line, span.end_column)
            if start is None or first < start:
                start = first
            if end is None or last > end:
                end = last
    if start is None or end is None:
        raise ValueError("nothing with a position")
    return Span(start[0], start[1], end[0], end[1])


def sub_span(token: Token, start: int, end: int) -> Span:
    """The span of `token.value[start:end]` (tokens never cross a line break)."""
    return Span(token.line, token.column + start, token.line, token.column + end)
