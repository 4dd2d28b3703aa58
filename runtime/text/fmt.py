"""Turning exact values into the text a reader sees, the same way everywhere.

Reports, explanations and error rows all show numbers, booleans and dates; one set
of helpers keeps `2.50` from appearing as `2.5` in one place and `2.50` in another,
and never lets a Decimal pass through float on its way to the screen.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal


def decimal_text(value: Decimal | int) -> str:
    """A Decimal in plain notation without trailing zeros: 2.50 → "2.5", 1E+1 → "10"."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if not value.is_finite():
        return str(value)
    # Not value.normalize(): it rounds to the current context's precision (28 digits).
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def approx_text(value: Decimal, places: int = 10) -> str:
    """A long Decimal (a batch mean) for reading: at most `places` decimals, marked ≈
    when shortened."""
    text = decimal_text(value)
    if "." in text and len(text.split(".", 1)[1]) > places:
        return "≈" + decimal_text(value.quantize(Decimal(1).scaleb(-places)))
    return text


def value_text(value: object, fact_type: str = "", lang: str = "zh") -> str:
    """An input value as the user would write it: 是/否, 85%, 2023年1月9日, 3."""
    if value is None:
        return ""
    if isinstance(value, bool):
        if lang == "en":
            return "yes" if value else "no"
        return "是" if value else "否"
    if isinstance(value, (Decimal, int)):
        text = decimal_text(value)
        return text + "%" if fact_type == "percent" else text
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == 0:
            value = value.date()
        else:
            return value.isoformat(sep=" ")
    if isinstance(value, date):
        if lang == "en":
            return value.isoformat()
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def points_text(value: Decimal | None) -> str:
    """A point amount for a sentence; None (no points) shows as a dash."""
    return "—" if value is None else decimal_text(value)


def node_label(path: str, title: str) -> str:
    """A node as a reader names it: `(一)领导重视程度`, `(二)2 落实包案领导…`.

    A path ending in a bracket reads like the document's own marker; one ending in a
    digit or numeral needs a space before the title to stay legible."""
    if not path or not title:
        return path or title
    return f"{path}{title}" if path[-1] in ")）" else f"{path} {title}"
