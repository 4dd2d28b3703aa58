"""Requirements said before what is scored: the requirement defines the measure, the
measure is what the sentence scores.

- `镇级河湖长每月巡河不少于1次、村级河湖长每周巡河不少于1次，巡河达标率达到100%的得3分，
  每低1个百分点扣0.1分`: the period requirements say what 达标 is; the sentence scores the
  rate (`【巡河达标率】达到100%的得3分，每低1个百分点扣0.1分`), the requirements in its note.
  Unlike a requirement scored period by period (`reasons.PER_PERIOD`), no shortfall is
  counted here: only the rate, which already counts every period.
- `有人员居住的隐患点每年至少组织1次避险演练，每少1个点扣0.5分`: the places that lack it,
  counted (`【有人员居住的隐患点未组织避险演练】每个扣0.5分`) — the unit `点` is the places
  the subject names.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...source.text import normalise
from ..names import legal_name
from ..shapes import DECIMAL, Reading

_N = DECIMAL
#: A requirement per period: `每月巡河不少于1次`, `每周至少开展1次`.
_PER_PERIOD = re.compile(r"每(?:月|周|季度|季|年|半年|学期)[^,;]*?(?:不少于|至少)\s*\d+\s*次")
_RATE_AFTER = re.compile(
    rf"^(?P<lead>[^;]+?)\s*,\s*(?P<rate>[^\d,;]{{2,12}}?(?:达标率|完成率|覆盖率|落实率))"
    rf"(?P<rest>\s*达到\s*{_N}\s*%[^;]*)$"
)
_PLACES_SHORT = re.compile(
    rf"^(?P<who>[^\d,;]{{2,16}}?(?P<place>点|村|社区|站))每年\s*(?:至少|不少于)\s*"
    rf"(?P<do>组织|开展|召开)\s*(?:1|一)\s*次(?P<what>[^\d,;]{{2,12}}?)\s*,\s*"
    rf"每少\s*(?:1|一)\s*个(?P=place)\s*(?P<e>[扣减]\s*{_N}\s*分)$"
)


def read_rate_after_requirements(sentence: str) -> str | None:
    """The sentence without its leading period requirements, when what follows scores a
    rate of meeting them; the requirements go to the rate's note (`Drafter` reads the
    rest as any rate sentence).  None for anything else."""
    n = normalise(sentence).strip().rstrip("。;, ")
    m = _RATE_AFTER.match(n)
    if m is None or not _PER_PERIOD.search(m.group("lead")):
        return None
    if re.search(r"[得扣加减]\s*\d|未|不得", m.group("lead")):
        return None
    return f"{m.group('rate')}{m.group('rest')}"


def read_places_short(sentence: str) -> Reading | None:
    """`有人员居住的隐患点每年至少组织1次避险演练，每少1个点扣0.5分` →
    `【有人员居住的隐患点未组织避险演练】每个扣0.5分` (a count of the places, default 0)."""
    m = _PLACES_SHORT.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    who, what = m.group("who").strip(), m.group("what").strip()
    name = legal_name(f"{who}未{m.group('do')}{what}")
    clause = f"【{name}】每个{m.group('e').replace(' ', '')}"
    note = f"{who}每年至少{m.group('do')}1次{what}：没有做到的{m.group('place')}的个数"
    return Reading((name,), clause, ("个",), description=note, default="0")


_SHORT_OF_PLAN = re.compile(
    rf"^(?P<std>按计划(?P<do>[^\d,;]{{2,24}}?))的\s*,?\s*得\s*(?P<p>{_N})\s*分\s*,\s*"
    rf"(?:[^\d,;]{{0,12}}?未达到计划\s*[,、]\s*)?差额在\s*(?P<a>{_N})\s*%\s*以内的\s*,?\s*"
    rf"扣\s*(?P<b>{_N})\s*分\s*,\s*差额超过\s*(?P=a)\s*%的\s*,?\s*扣\s*(?P<c>{_N})\s*分"
    rf"(?:\s*,\s*未(?P<none>[^\d,;]{{1,12}}?)的\s*,?\s*(?:本项)?不得分)?$"
)


def read_short_of_plan(sentence: str, points: str | None) -> tuple[Reading, ...] | None:
    """`按计划向档案馆移交到期档案的得5分，移交数量未达到计划、差额在5%以内的扣1分，差额超过5%
    的扣3分，未移交的不得分` in an item of 5: the 5 are the item's, the bands of the shortfall
    take from them (only the deepest, language.md 9.15: `超过0%、5%的，分别扣1分、3分`), and
    none done at all is the item's 不得分.  Only where the points are the item's and the
    deeper band deducts more."""
    m = _SHORT_OF_PLAN.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None or points is None:
        return None
    if Decimal(m.group("p")) != Decimal(points) or not Decimal(m.group("c")) > Decimal(
        m.group("b")
    ):
        return None
    do = m.group("do").strip()
    share = legal_name(f"{do}数量较计划的差额比例")
    note = f"（计划数−实际数）÷计划数×100，按计划全部完成的填0（原文：{m.group('std')}的得{m.group('p')}分）"
    bands = Reading(
        (share,),
        f"【{share}】超过0%、{m.group('a')}%的，分别扣{m.group('b')}分、{m.group('c')}分",
        ("百分比",),
        description=note,
        default="0",
    )
    if m.group("none") is None:
        return (bands,)
    none = legal_name(f"未{do}")
    return (bands, Reading((none,), f"【{none}】本项不得分", ("是否",), default="否"))
