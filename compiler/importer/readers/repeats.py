"""Deductions counted per thing where the document does not write `每`, and deductions
doubled for a repeat.

- `…发现隐患的，每处扣0.3分，同一隐患被重复发现的加倍扣分`, or `同一问题…仍未整改的，每处
  加倍扣分` after a sentence that deducts per 处: the language has no `加倍`; the repeats are
  a fact of their own deducting the same amount per the same unit, and the note says that
  they are counted in the first fact too — the two clauses together deduct double
  (`doubled`, `per_unit`; the drafter finds the amount).
- `有专职人员、有工作经费的得3分，缺一项扣1.5分`: a closed list of things to have, and a
  deduction for one missing.  Read per item (language.md 9.13, 9.3) only where the
  number of the listed things times the amount reaches the points (2 × 1.5 = 3): missing
  them all then loses all the points, as missing everything should; a once-only
  deduction would leave 1.5 for having none (`listed_missing`, `read_missing_each`).
- `随机抽查案卷，有一卷…不规范的扣0.2分，最多扣4分`: a cap of many times the amount
  is reached only by counting every 卷 (`read_one_each`).
- `每有1个断面1个月未达标扣0.5分`: a count of section-months (`read_place_months`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...source.text import normalise
from ...syntax.numerals import cn_to_int
from ..names import legal_name
from ..shapes import DECIMAL, Reading

_N = DECIMAL
_UNIT = r"处|个|件|次|起|项|条|份|卷|户|家|宗|批次"


@dataclass(frozen=True)
class Doubled:
    """A deduction doubled for a repeat: `head` the deduction it doubles where it is in
    the same sentence (else the sentence before), `what` the repeat, `unit` its unit
    when the sentence says one."""

    head: str | None
    what: str
    unit: str | None


_DOUBLED = re.compile(
    rf"^(?:(?P<head>.+?)\s*[,;]\s*)?(?P<what>[^,;每]{{2,40}}?)的?\s*,?\s*"
    rf"(?:每\s*(?:[1一]\s*)?(?P<u>{_UNIT}))?\s*加倍\s*(?:扣分|扣除)$"
)
#: The deduction a doubling repeats: `【X】每处扣0.3分`, `【X】每发现1处扣0.3分`, nothing else.
_PER_UNIT = re.compile(
    rf"^【(?P<name>[^】]+)】每\s*(?:[^\d一二两三四五六七八九十扣减,，]{{0,3}}?\s*[1一]\s*)?"
    rf"(?P<u>{_UNIT})\s*[扣减]\s*(?P<a>{_N})\s*分$"
)


def doubled(sentence: str) -> Doubled | None:
    """The parts of a sentence that ends `…的加倍扣分`, or None."""
    n = normalise(sentence).strip().rstrip("。;, ")
    m = _DOUBLED.match(n)
    if m is None:
        return None
    what = m.group("what").strip()
    if re.search(r"[扣减得加]\s*\d|每", what):
        return None
    head = m.group("head")
    return Doubled(head.strip() if head else None, what, m.group("u"))


def per_unit(clause: str) -> tuple[str, str, str] | None:
    """(fact, unit, amount) of a clause that deducts an amount per unit and says nothing
    else (no cap, no floor: which of them the doubled ones share is not said)."""
    m = _PER_UNIT.match(clause.strip())
    return (m.group("name"), m.group("u"), m.group("a")) if m else None


def _numeral(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        return cn_to_int(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Missing:
    """`…的得3分，缺一项扣1.5分`: the list, its count, the points and the deduction."""

    what: str
    count: int
    points: str
    amount: str
    unit: str
    thing: str
    floor: bool  # `，扣完为止` said

    @property
    def name(self) -> str:
        """The fact of the missing ones."""
        return legal_name(f"{self.what}缺少的{self.thing or self.unit}")

    @property
    def reaches(self) -> bool:
        """Missing every listed thing loses at least the points."""
        return self.count * Decimal(self.amount) >= Decimal(self.points)


_MISSING = re.compile(
    rf"^(?P<what>[^,;]+?)的\s*,?\s*得\s*(?P<p>{_N})\s*分\s*[,;]\s*缺(?:少)?\s*(?:一|1)\s*"
    rf"(?P<u>项|种|个|类|条)(?P<thing>[^\d,;扣减]{{0,4}}?)\s*,?\s*[扣减]\s*(?P<a>{_N})\s*分"
    r"(?P<floor>\s*,\s*扣完为止)?$"
)
#: A joining word inside one listed thing: the count of the things is not the count of `、`.
_JOINED = re.compile(r"和|以及|(?<!普)及(?!时|格)|与|并且|或")
#: The number the document gives the list (`“八防”`, `“四有”`, `“三到位”`).
_STATED = re.compile(
    r"[“\"]?([一二两三四五六七八九十]{1,2}|\d{1,2})(?:防|有|到位|落实|统一|公开)[”\"]?"
)


def open_missing(sentence: str) -> bool:
    """`…防虫等设施配备齐全的得4分，缺一种扣0.5分`: the shape of `listed_missing`, but how
    many things the list has is not certain (`等`, a joining word inside one)."""
    n = normalise(sentence).strip().rstrip("。;, ")
    return _MISSING.match(n) is not None and listed_missing(n) is None


def listed_missing(sentence: str) -> Missing | None:
    """`有专职人员、有工作经费的得3分，缺一项扣1.5分` (without `每`): the listed things and
    the deduction, when their number is certain — separated by `、`, no joining word
    inside one, an open `等` only with the number the document gives (`等“八防”设施`),
    no negation (what is listed is had, not failed)."""
    n = normalise(sentence).strip().rstrip("。;, ")
    m = _MISSING.match(n)
    if m is None:
        return None
    what = m.group("what").strip()
    if re.search(r"[未不无没非]", what):
        return None
    listed = [p for p in what.split("、") if p.strip()]
    if len(listed) < 2 or any(_JOINED.search(p) for p in listed):
        return None
    stated = _STATED.search(listed[-1])
    count = len(listed)
    if stated is not None:
        if _numeral(stated.group(1)) != count:
            return None
    elif "等" in listed[-1]:
        return None  # an open list: how many things it has is not said
    return Missing(
        what,
        count,
        m.group("p"),
        m.group("a"),
        m.group("u"),
        m.group("thing").strip(),
        bool(m.group("floor")),
    )


def read_missing_each(sentence: str, points: str | None) -> Reading | None:
    """`镇级服务站有专职人员、有办公场所的得4分，缺一项扣2分` in an item of 4: the missing
    ones, counted — `【镇级服务站有专职人员、有办公场所缺少的项】每项扣2分`; the earning is
    the item's points, from which they deduct (the guide: an earning of the item's points
    with deductions that count every failure is written as the deductions only)."""
    m = listed_missing(sentence)
    if m is None or points is None or not m.reaches:
        return None
    if Decimal(m.points) != Decimal(points):
        return None
    name = m.name
    floor = "，扣完为止" if m.floor else ""
    clause = f"【{name}】每{m.unit}扣{m.amount}分{floor}"
    note = (
        f"{m.what}：缺少的{m.unit}数（原文 “得{m.points}分” 即本项分值，缺一{m.unit}扣{m.amount}分，"
        f"共{m.count}{m.unit}，按{m.unit}计）"
    )
    return Reading((name,), clause, (m.unit,), description=note, default="0")


_ONE_EACH = re.compile(
    rf"^(?:(?P<lead>[^,;\d]{{2,20}}?)\s*,\s*)?有\s*(?:一|1)\s*(?P<u>卷|件|份|册|盒|本|宗)"
    rf"(?P<what>[^,;\d]{{2,30}}?(?:不规范|不合格|不完整|不齐全|不准确|不符合要求|错误|缺失))"
    rf"的?\s*,?\s*[扣减]\s*(?P<a>{_N})\s*分\s*,\s*(?:最多|最高)扣\s*(?P<cap>{_N})\s*分$"
)


def read_one_each(sentence: str) -> Reading | None:
    """`随机抽查案卷，有一卷分类、组卷、编目不规范的扣0.2分，最多扣4分`: a cap of many times
    the amount is reached only by counting every 卷 (a once-only deduction never reaches
    it) — `【抽查案卷分类、组卷、编目不规范】每卷扣0.2分，最多扣4分`, the 卷 with any of the
    listed faults counted once each.  Without such a cap, which reading is meant is not
    said (left to the other readers)."""
    m = _ONE_EACH.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None or Decimal(m.group("cap")) < 2 * Decimal(m.group("a")):
        return None
    lead = re.sub(r"^(?:随机|经)", "", (m.group("lead") or "").strip())
    if re.search(r"[扣减得加]|每", lead):
        return None
    what = m.group("what").strip()
    unit = m.group("u")
    name = legal_name(f"{lead}{what}")
    clause = f"【{name}】每{unit}扣{m.group('a')}分，最多扣{m.group('cap')}分"
    note = f"{(m.group('lead') or '').strip()}：{what}的{unit}数（一{unit}有几处问题的计1{unit}）"
    return Reading((name,), clause, (unit,), description=note.lstrip("："), default="0")


_PLACE_MONTHS = re.compile(
    rf"^每\s*有?\s*(?:1|一)\s*个(?P<a>[^\d,;]{{1,8}}?)\s*(?:1|一)\s*个?(?P<per>月|季度)"
    rf"(?P<what>未达标|不达标|未达到[^\d,;]{{0,8}}?|超标)\s*的?\s*,?\s*[扣减]\s*(?P<amount>{_N})\s*分"
    r"(?P<floor>\s*,\s*扣完为止)?$"
)


def read_place_months(sentence: str) -> Reading | None:
    """`每有1个断面1个月未达标扣0.5分，扣完为止`: each place in each month that misses the
    standard — a count of place-months, `【断面月度未达标】每个扣0.5分，扣完为止` (two
    places missing it for three months each: 6)."""
    m = _PLACE_MONTHS.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    place, per, what = m.group("a").strip(), m.group("per"), m.group("what")
    name = legal_name(f"{place}{per}度{what}" if per == "月" else f"{place}{per}{what}")
    floor = "，扣完为止" if m.group("floor") else ""
    clause = f"【{name}】每个扣{m.group('amount')}分{floor}"
    note = f"每有1个{place}1个{per}{what}计1个（{place}数×{per}数：2个{place}各有3个{per}{what}的，计6个）"
    return Reading((name,), clause, ("个",), description=note, default="0")


_MISSING_STEP = re.compile(r"(?<=[,，;；])(\s*)缺(少)?(\s*(?:一|1)\s*(?:项|种|个|类|条))")


def with_each(sentence: str) -> str | None:
    """`…的得3分，缺一项扣1.5分` as `…的得3分，每缺一项扣1.5分` where `listed_missing` reads
    it per item (the listed things together lose the points), so that the sentence goes
    where a `每缺一项` one goes (a sub-item of its points in a larger item); else None."""
    m = listed_missing(sentence)
    if m is None or not m.reaches:
        return None
    said = _MISSING_STEP.sub(
        lambda s: f"{s.group(1)}每缺{s.group(2) or ''}{s.group(3)}", sentence, 1
    )
    return said if said != sentence else None
