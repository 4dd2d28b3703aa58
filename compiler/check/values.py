"""Raw text → typed fact values, and Decimal → display text.

One converter serves fact defaults and ranges (converted once, when lowering),
values in `测试` blocks (checked at compile time, E211) and anything else that reads
a fact value from text, so that what the checker accepts is what scoring accepts
(NOTES: bool words, counts, `85` / `85%` / `85.5%`, three date spellings).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ..source.text import normalise

TRUE_WORDS = frozenset({"是", "√", "有", "1", "true"})
FALSE_WORDS = frozenset({"否", "×", "无", "0", "false"})

_DECIMAL = re.compile(r"[+-]?\d+(?:\.\d+)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CN_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")


class ConversionError(ValueError):
    """A raw value that does not fit its type; `.type` names the type."""

    def __init__(self, type_: str, raw: str):
        self.type = type_
        self.raw = raw
        super().__init__(f"{raw!r} is not a valid {type_}")


def parse_decimal(raw: str) -> Decimal | None:
    """A plain decimal (`12`, `-0.5`); no exponent, NaN or infinity."""
    text = normalise(raw).strip()
    if not _DECIMAL.fullmatch(text):
        return None
    return Decimal(text)


def parse_date(raw: str, year: int | None) -> date | None:
    """`2023-01-09`, `2023年1月9日`, or `1月9日` in the policy's year."""
    text = normalise(raw).strip()
    m = _ISO_DATE.fullmatch(text)
    parts: tuple[int, int, int] | None = None
    if m:
        parts = (int(m[1]), int(m[2]), int(m[3]))
    else:
        m = _CN_DATE.fullmatch(text)
        if m:
            y = int(m[1]) if m[1] else year
            if y is None:
                return None
            parts = (y, int(m[2]), int(m[3]))
    if parts is None:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def convert(type_: str, raw: str, year: int | None = None, bounded: bool = True) -> object:
    """Convert `raw` to a value of fact type `type_` (one of ir.FACT_TYPES).

    bool → bool, count → int, percent/number/points → Decimal, date → date.
    Raises ConversionError when the text does not fit.  `bounded`: a percentage lies in
    0–100 (False for a fact that declares its own range, and for the range's bounds).
    """
    text = normalise(raw).strip()
    if type_ == "bool":
        low = text.lower()
        if low in TRUE_WORDS:
            return True
        if low in FALSE_WORDS:
            return False
        raise ConversionError(type_, raw)
    if type_ == "date":
        d = parse_date(text, year)
        if d is None:
            raise ConversionError(type_, raw)
        return d
    if type_ == "percent" and text.endswith("%"):
        text = text[:-1].strip()
    value = parse_decimal(text)
    if value is None:
        raise ConversionError(type_, raw)
    if type_ == "count":
        if value < 0 or value != value.to_integral_value():
            raise ConversionError(type_, raw)
        return int(value)
    if type_ == "percent" and bounded and not (0 <= value <= 100):
        raise ConversionError(type_, raw)
    if type_ in ("percent", "number", "points"):
        return value
    raise ConversionError(type_, raw)


def fmt(value: Decimal | int) -> str:
    """A Decimal as a reader writes it: `80`, `0.5`, `0.03` (no exponent, no trailing 0)."""
    text = format(Decimal(value), "f")  # exact at any magnitude: no context rounding
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
