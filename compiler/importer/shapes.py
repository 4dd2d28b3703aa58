"""Two sentence shapes the general subject search cannot cut into `【subject】rest`.

- A list of failures with one amount each: `无计划、无措施、无总结的分别扣1分` names three
  facts, one per listed failure (`【无计划】、【无措施】、【无总结】的，分别扣1分`).  Only
  lists whose every item names a failure by itself (`无…`, `未…`, `没有…`, `缺…`, `…不…`)
  are read: in `未制定计划、措施的` the `未` covers both and a fact `【措施】` would deduct
  for having measures.
- A requirement for the year and a fixed deduction when it is not met:
  `党员教育培训每年不少于32学时，未达到的扣2分` is `【党员教育培训学时】未达到32学时的，扣2分`
  (the year is the whole assessment, so one amount over the year says it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..source.text import normalise
from ..syntax import keywords as kw
from .names import legal_name

_FAILURE = re.compile(r"^(?:无|未|没有|缺少|缺|不)|不")
_LIST = re.compile(r"^(?P<items>[^,;]+?)(?P<de>的)?\s*,?\s*(?P<rest>(?:分别|各)(?:扣|减).+)$")


@dataclass(frozen=True)
class Reading:
    """Names of the facts (in order) and the clause text with them in `【】`."""

    names: tuple[str, ...]
    clause: str
    units: tuple[str, ...]  # the type each name is expected to have
    description: str = ""
    default: str | None = None  # None: as for any drafted fact of that type


def read_failures(sentence: str) -> Reading | None:
    n = normalise(sentence).strip().rstrip("。;, ")
    m = _LIST.match(n)
    if not m:
        return None
    items = [i.strip() for i in m.group("items").split("、")]
    if len(items) < 2 or not all(2 <= len(i) <= 20 and _FAILURE.search(i) for i in items):
        return None
    names = tuple(legal_name(i) for i in items)
    if len(set(names)) != len(names):
        return None
    clause = "、".join(f"【{name}】" for name in names) + f"的，{m.group('rest')}"
    return Reading(names, clause, ("是否",) * len(names))


_UNITS = "|".join(sorted((re.escape(u) for u in kw.COUNT_UNITS), key=len, reverse=True))
_MEASURES = "|".join(sorted((re.escape(u) for u in kw.MEASURE_UNITS), key=len, reverse=True))
#: Units named by themselves in a fact name (`培训学时`); others take 数 (`演练次数`).
_SELF_NAMED = ("学时", "课时", "小时", "天", "日", "分钟", "工作日", "个月", "月")
_YEAR = r"(?:每年|全年|年度|年内)"
_UNMET = re.compile(
    rf"^(?P<what>[^,;\d]+?){_YEAR}?(?P<verb>[^,;\d]{{0,4}}?)"
    r"(?P<req>不得少于|不少于|至少|应达到|须达到|达到|不低于)\s*"
    rf"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>{_MEASURES}|{_UNITS})(?P<after>[^,;\d]{{0,12}}?)\s*,\s*"
    r"(?:未达到|未达|达不到|未完成)(?:要求|标准|任务)?的?\s*,?\s*"
    r"(?P<effect>(?:扣|减)\s*\d+(?:\.\d+)?\s*分)$"
)


def read_unmet(sentence: str) -> Reading | None:
    n = normalise(sentence).strip().rstrip("。;, ")
    if re.search(r"每个?(?:季度|季|月|周|星期|旬|半年|天|日)", n):
        return None  # a requirement per period: see `periods`
    m = _UNMET.match(n)
    if not m:
        return None
    what = re.sub(_YEAR, "", m.group("what") + m.group("verb") + m.group("after")).strip()
    if len(what) < 2:
        return None
    unit = m.group("unit")
    canonical = kw.COUNT_UNITS.get(unit) or kw.MEASURE_UNITS[unit]
    name = legal_name(
        what + (unit if unit in _SELF_NAMED or unit in kw.MEASURE_UNITS else f"{unit}数")
    )
    clause = f"【{name}】未达到{m.group('n')}{unit}的，{m.group('effect')}"
    description = f"全年{what}的{unit}数（要求不少于{m.group('n')}{unit}）"
    # no default: the hours or times done are data to be filled, never assumed
    return Reading((name,), clause, (canonical,), description, default="")
