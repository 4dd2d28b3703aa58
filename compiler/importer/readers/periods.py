"""A requirement per quarter, month, week or semester (`每月开展安全检查不少于1次，每少1次扣0.5分`).

A careful reader counts the shortfall period by period: a unit that inspects twice in
January and never in February has missed one inspection, not none.  No count over the
whole year says that, so the sentence is drafted on a *derived* fact whose name and
declaration carry the period — `每月开展安全检查缺少次数`, declared as the sum over the
months of each month's shortfall below the requirement — and the clause deducts per
unit of it (`【每月开展安全检查缺少次数】每次扣0.5分`).  That computes the document's
meaning as long as the data item is filled as its declaration says; the declaration's
comment says how.

Only a step of one unit is read: with `每少2次扣1分` the whole steps of each period and
of the year's sum differ, and the sentence stays `待处理`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...source.text import normalise
from ...syntax import keywords as kw
from ...syntax.numerals import whole_number
from ..names import clean_subject, legal_name

#: The periods a requirement is stated for, and how the declaration names "each of them".
PERIODS = {
    "季度": "季度",
    "季": "季度",
    "月": "月",
    "周": "周",
    "星期": "周",
    "旬": "旬",
    "半年": "半年",
    "学期": "学期",
    "天": "天",
    "日": "天",
}

_UNITS = "|".join(sorted((re.escape(u) for u in kw.COUNT_UNITS), key=len, reverse=True))
_NUM = r"(?:\d+|[一二两三四五六七八九十]+)"
_PERIOD = "|".join(sorted(PERIODS, key=len, reverse=True))
_HEAD = (
    rf"^(?P<who>[^,;]*?)每个?(?P<period>{_PERIOD})(?P<what>[^,;\d]*?)"
    rf"(?:(?P<req>不得少于|不少于|至少|少于|不足|应|须)(?P<verb>[^,;\d每]{{0,4}}?))?"
    rf"(?P<n>{_NUM})\s*(?P<unit>{_UNITS})(?P<after>[^,;\d]*?)(?P<de>的)?\s*,\s*"
)
_TAIL = r"(?P<tail>(?:\s*,\s*(?:扣完为止|减完为止|(?:最多|最高|限)扣\d+(?:\.\d+)?分))?)$"
#: `…不少于1次，每少1次扣0.5分`: each unit short in each period.
_REQUIREMENT = re.compile(
    _HEAD
    + r"每?(?:少|缺|缺少)(?:[^\d,;每扣减]{1,4}?)?\s*(?:1|一)\s*(?P=unit)(?:的)?\s*[,]?\s*(?:扣|减)\s*"
    r"(?P<amount>\d+(?:\.\d+)?)\s*分" + _TAIL
)
#: `…不少于3条，未达到的每季度扣1分`: each period that falls short.
_PERIOD_MISSED = re.compile(
    _HEAD + r"(?:未达到|未达|达不到|未完成)(?:要求|标准|任务)?的?\s*,?\s*"
    r"每个?(?P=period)\s*(?:扣|减)\s*(?P<amount>\d+(?:\.\d+)?)\s*分" + _TAIL
)
#: The count unit of each period, for a count of periods (`未达到要求的季度数`).
PERIOD_UNITS = {"季度": "季度", "月": "月", "周": "周", "天": "天"}


PER_PERIOD_WORD = re.compile(rf"每个?(?:{_PERIOD})")


@dataclass(frozen=True)
class PeriodReading:
    """The derived fact and the clause on it."""

    name: str
    unit: str
    description: str
    rest: str  # the clause after `【name】`


def read_period(sentence: str, title: str = "") -> PeriodReading | None:
    """The per-period reading of a sentence, or None when it is not one this reads.
    A sentence that names nothing (`每月不少于2次，…`) is about its item's `title`."""
    n = normalise(sentence).strip().rstrip("。;,. ")
    m = _REQUIREMENT.match(n)
    missed = m is None
    if missed:
        m = _PERIOD_MISSED.match(n)
    if not m:
        return None
    unit = kw.COUNT_UNITS[m.group("unit")]
    period = PERIODS[m.group("period")]
    try:
        required = whole_number(m.group("n"))
    except ValueError:
        return None
    if required < 1 or (missed and period not in PERIOD_UNITS):
        return None
    who = m.group("who").strip()
    after = re.sub(r"^(?:及)?以上", "", m.group("after"))  # `1次以上`: the requirement's word
    activity = (m.group("what") + (m.group("verb") or "") + after).strip()
    if not activity and not who:
        who = clean_subject(normalise(title))
        if not who or PER_PERIOD_WORD.search(who):
            return None
    period_word = f"每{m.group('period')}"
    required_text = f"要求{who}{period_word}{activity}不少于{required}{unit}"
    tail = m.group("tail").replace(",", "，").replace(" ", "")
    if missed:
        counted = PERIOD_UNITS[period]
        name = legal_name(f"{who}{period_word}{activity}未达到要求的{period}数")
        description = f"逐{period}计算：{required_text}，全年中少于{required}{unit}的{period}个数"
        return PeriodReading(
            name, counted, description, f"每{counted}扣{m.group('amount')}分{tail}"
        )
    name = legal_name(f"{who}{period_word}{activity}缺少{unit}数")
    description = (
        f"逐{period}计算的差额之和：{required_text}，"
        f"各{period}少于{required}{unit}的差额相加（某{period}少几{unit}记几{unit}，"
        f"达到要求的{period}记0）"
    )
    return PeriodReading(name, unit, description, f"每{unit}扣{m.group('amount')}分{tail}")
