"""A row the policy refused, in English as well as in the policy's own Chinese.

A compiled policy words its input errors in Chinese (it is standalone and knows no
other language).  For `--lang en` the same refusal is worded here from what the
error carries — the fact, the value as typed, whether it was missing — and the
fact's declared type and range, so no Chinese phrase is translated by pattern.
"""

from __future__ import annotations

from xize.compiler.ir import Fact

from .fmt import decimal_text
from .problems import Message


def _span(fact: Fact) -> str:
    low, high = fact.low, fact.high
    if low is not None and high is not None:
        return f" from {decimal_text(low)} to {decimal_text(high)}"
    if low is not None:
        return f" of at least {decimal_text(low)}"
    if high is not None:
        return f" of at most {decimal_text(high)}"
    return ""


def expected_en(fact: Fact) -> str:
    """What a cell of `fact` should hold, in English."""
    kind = fact.type
    if kind == "bool":
        return "yes or no (是/否, √/×, 有/无, 1/0, true/false)"
    if kind == "count":
        span = _span(fact) or " of at least 0"
        return f"a whole number{span} ({fact.unit})"
    if kind == "percent":
        span = _span(fact) or " from 0 to 100"
        return f"a percentage{span} (e.g. 85 or 85%)"
    if kind == "points":
        return f"points{_span(fact)} (e.g. 2 or 0.5)"
    if kind == "date":
        return "a date (e.g. 2023-01-09 or 1月9日)"
    return f"a number{_span(fact)} (e.g. 12.5)"


def refusal(text: str, fact: Fact | None, value: object, shown: str) -> Message | str:
    """The policy's refusal `text` as a message that also reads in English; the text
    itself when it is not about one fact's value."""
    if fact is None:
        return text
    if text.startswith("缺少【"):
        english = f"no value for 【{fact.name}】: expected {expected_en(fact)}"
    elif "的值 “" in text and "无效" in text:
        english = f"invalid value “{shown}” for 【{fact.name}】: expected {expected_en(fact)}"
    else:
        return text
    return Message("row_refused", {"text": text, "english": english})
