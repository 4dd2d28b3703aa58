"""Spans of Lark tokens and of whatever the transformer builds from them."""

from __future__ import annotations

from collections.abc import Iterable

from lark import Token

from .source import Span


def token_span(token: Token) -> Span:
    return Span(token.line, token.column, token.end_line, token.end_column)


def span_of(*items: object) -> Span:
    """The smallest span covering every token or spanned value among `items`
    (lists and tuples are searched; None is skipped)."""
    found: Span | None = None
    for span in _spans(items):
        found = span if found is None else found.merge(span)
    if found is None:
        raise ValueError("nothing with a position")
    return found


def _spans(items: Iterable[object]) -> Iterable[Span]:
    for item in items:
        if item is None:
            continue
        if isinstance(item, Token):
            if item.line is not None:
                yield token_span(item)
        elif isinstance(item, list | tuple):
            yield from _spans(item)
        else:
            span = getattr(item, "span", None)
            if isinstance(span, Span):
                yield span


def sub_span(token: Token, start: int, end: int) -> Span:
    """The span of `token.value[start:end]` (tokens never cross a line break)."""
    return Span(token.line, token.column + start, token.line, token.column + end)
