"""An earning for doing a standard followed in the same sentence by deductions for failing it.

`各类补助资金按时足额发放的得8分，每发现1起延迟发放扣0.5分，每发现1起少发、漏发扣1分`:
all done earns the points, each way the standard is missed takes a step of them.  Drafted
as it stands a unit that paid one grant late loses the 8 and 0.5 more (language.md 5.1);
where the 8 are the item's points the deductions alone say it — but only when together
they count every way the standard can be missed.  A standard with words of time and of
amount (`按时足额`) needs a deduction for each, and one of them must count the standard
not met at all (`未足额`, `漏发`, `逾期未整改`, `每缺配1名`): deductions for late ones only
(`发放不及时的`, `迟报`, `超期结案`) leave a unit that never did it with all its points.

`农村黑臭水体完成治理的得4分，治理后出现返黑返臭的，每处扣2分` is another case: the
deduction is an event after the standard was met (`治理后…`), not a way of missing it, so
both clauses stand (an earning item: the 4 earned, less 2 a place).

This module only reads (`read_failures`): the parts, each rewritten to the one-kind
sentence the drafter reads (`延迟发放的，每起扣0.5分`), and whether they cover the standard.
`Placer._earned_then_failures` in draft.py drafts them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..shapes import DECIMAL

_NUM = DECIMAL
_UNIT = r"(?:人次|个|件|笔|项|处|条|篇|次|所|家|人|户|名|座|类|起|卷|例|宗)"

#: `X的得P分，rest` (normalised): the standard, its points, the rest.
_HEAD = re.compile(
    rf"^(?P<x>[^;,]*?[^;,的])的?\s*,?\s*得\s*(?P<p>{_NUM})\s*分\s*[,;]\s*(?P<rest>.+)$"
)
#: The cap after the deductions: `扣完3分为止`, `最多扣3分`, `扣完为止`.
_TAIL = re.compile(rf"^(?:扣完\s*(?P<a>{_NUM})?\s*分?为止|(?:最多|最高)扣\s*(?P<b>{_NUM})\s*分)$")
#: `每有1项逾期未整改的扣1.5分`, `每发现1起延迟发放扣0.5分`.
_EACH_FOUND = re.compile(
    rf"^每\s*(?:有|发现)\s*(?:1|一)\s*(?P<u>{_UNIT})(?P<what>[^\d,;]+?)的?\s*(?P<e>[扣减]\s*{_NUM}\s*分)$"
)
#: `每缺配1名扣0.5分`: the shortfall of the thing the standard provides.
_EACH_SHORT = re.compile(
    rf"^每\s*(?P<v>缺配|少配|缺|少)\s*(?:1|一)\s*(?P<u>{_UNIT})\s*(?P<e>[扣减]\s*{_NUM}\s*分)$"
)
#: `配备但未参训的每人扣0.2分`, `发放不及时或标准不到位的,每人次扣0.5分`.
_WHAT_EACH = re.compile(
    rf"^(?P<what>[^\d,;每]+?)的\s*,?\s*每\s*(?P<u>{_UNIT})\s*(?P<e>[扣减]\s*{_NUM}\s*分)$"
)
#: `拨付不及时的扣1分`.
_WHAT_ONCE = re.compile(rf"^(?P<what>[^\d,;每]+?)的\s*,?\s*(?P<e>[扣减]\s*{_NUM}\s*分)$")
#: `未足额拨付的不得分`, `逾期超过30日仍未整改的本项不得分`.
_WHAT_NONE = re.compile(r"^(?P<what>[^,;每]+?)的\s*,?\s*(?:本项|该项)?\s*(?:不得分|得0分)$")

#: The words of a standard and the failures that count against each.
_TIME = re.compile(r"按时|按期|及时|如期|限期|\d+\s*(?:小时|日|天|个工作日)内")
_AMOUNT = re.compile(r"足额|全额")
#: Failures of a time: late ones (`不及时`, `延迟`, `逾期报送`, `超期结案`) or not done by
#: then (`未按时`, `逾期未整改`).
_LATE = re.compile(r"未按时|不按时|未按期|未及时|不及时|逾期|超期|超时|延迟|延期|延误|迟")
_SHORT = re.compile(r"少发|少拨|少付|未足额|不足额|标准不到位|不到位|不足")
#: A failure that counts the standard not met at all, not only late or short.
_NEVER = re.compile(
    r"未按时|未按期|未及时|未足额|标准不到位|漏|缺|(?:逾期|超期)\s*(?:未|仍未|没有)"
    r"|未(?!按时|按期|及时)|没有|不到位"
)
#: An event after the standard was met: `治理后出现返黑返臭`.
_AFTER = re.compile(r"^(?P<v>[^\d,;的]{1,4}?)后")
#: The thing a standard provides, after its verb (`配备1名儿童主任` → `儿童主任`).
_PROVIDES = re.compile(
    r"(?:配备|配齐|配强|设立|建立)\s*(?:\d+\s*[名个人]\s*)?(?P<o>[^\d,;()且并和及、]{2,10})"
)


@dataclass(frozen=True)
class Failures:
    """A sentence read as a standard, its points, and the parts after them, each as the
    one-kind sentence the drafter reads.  `after`: the parts are events after the
    standard was met (both the earning and the deductions stand); `missing`: when the
    deductions do not cover the standard, what they leave out (the reason's words)."""

    standard: str
    points: str
    reads: tuple[str, ...]
    after: bool = False
    missing: str = ""
    cap: str | None = None
    whole: tuple[bool, ...] = ()  # each read: the document's `本项不得分` (the item's)


def _parts(rest: str) -> list[str] | None:
    parts = [p.strip() for p in re.split(r"[,;]", rest) if p.strip()]
    joined: list[str] = []
    for part in parts:
        if joined and not re.search(r"[扣减]\s*\d|不得分|得0分", joined[-1]):
            joined[-1] += "," + part  # `发放不及时或标准不到位的，每人次扣0.5分`
        else:
            joined.append(part)
    return joined or None


def _with_object(what: str, standard: str) -> str:
    """`未开展` after `开展事故整改评估的得5分`: the verb's object is the standard's
    (`未开展事故整改评估`), so the fact says what was not done."""
    m = re.fullmatch(r"未(?P<v>[^\d,;]{2})", what)
    at = standard.find(m.group("v")) if m else -1
    if m is None or at < 0:
        return what
    return "未" + re.sub(r"\s*\([^)]*\)\s*$", "", standard[at:])


def _named(what: str, standard: str) -> str:
    """`村(社区)未配备` after `配备1名儿童主任…的得4分`: the thing not provided is the
    standard's (`村(社区)未配备儿童主任`); `配备但未参训` is said of it (`儿童主任配备但未参训`)."""
    thing = _provides(standard)
    if thing is None or thing in what:
        return what
    if re.search(r"未(?:配备|配齐|配强|设立|建立)$", what):
        return what + thing
    if re.match(r"(?:配备|配齐|设立|建立)但", what):
        return thing + what
    return what


def _provides(standard: str) -> str | None:
    m = _PROVIDES.search(re.sub(r"\([^)]*\)", "", standard))
    return m.group("o") if m else None


def read_failures(n: str) -> Failures | None:
    """`n` (normalised, without its final stop) as a standard and its failures; None when
    it is not this shape (every part after the points must be a deduction this module
    reads)."""
    head = _HEAD.match(n)
    if head is None:
        return None
    standard, points = head.group("x"), head.group("p")
    if re.search(r"[得加]\s*\d", head.group("rest")) or re.match(r"未|不|没有|无", standard):
        return None
    if re.search(r"率|%|百分点", standard):
        return None  # `达到90%的得3分，未达到的扣1分`: a rate's standard, read elsewhere
    parts = _parts(head.group("rest"))
    if parts is None:
        return None
    cap = None
    tail = _TAIL.match(parts[-1])
    if tail is not None:
        cap = tail.group("a") or tail.group("b") or points
        parts = parts[:-1]
    if not any(re.search(r"[扣减]\s*\d", p) for p in parts):
        return None  # `…的得3分，未…的不得分`: the other half of the earning (its `否则`)
    reads: list[str] = []
    whats: list[str] = []
    whole = tuple(bool(re.search(r"(?:本|该)项(?:不得分|得0分)", p)) for p in parts)
    for part in parts:
        if m := _EACH_FOUND.match(part):
            what = _named(m.group("what"), standard)
            read = f"{what}的,每{m.group('u')}{m.group('e')}"
        elif m := _EACH_SHORT.match(part):
            thing = _provides(standard)
            if thing is None:
                return None
            what = f"{thing}{m.group('v')}"
            read = f"{what}的,每{m.group('u')}{m.group('e')}"
        elif m := _WHAT_EACH.match(part):
            what = _named(_with_object(m.group("what"), standard), standard)
            read = f"{what}的,每{m.group('u')}{m.group('e')}"
        elif m := _WHAT_ONCE.match(part):
            what, read = m.group("what"), f"{m.group('what')}的,{m.group('e')}"
        elif m := _WHAT_NONE.match(part):
            what, read = m.group("what"), f"{m.group('what')}的,本项不得分"
        else:
            return None
        reads.append(read)
        whats.append(what)
    # `治理后出现返黑返臭的，每处扣2分`: an event after the standard was met
    afters = [m for w in whats if (m := _AFTER.match(w)) and m.group("v") in standard]
    if afters:
        if len(afters) != len(whats) or any(_LATE.search(w) or _NEVER.search(w) for w in whats):
            return None
        return Failures(standard, points, tuple(reads), after=True, cap=cap)
    if not all(_LATE.search(w) or _SHORT.search(w) or _NEVER.search(w) for w in whats):
        return None  # a part that is no failure of the standard: not this shape
    if not all(_related(w, standard) for w in whats):
        return None  # `建立台账的得4分，未配备统计人员的扣1分`: a failure of something else
    missing = _uncovered(standard, whats)
    return Failures(standard, points, tuple(reads), missing=missing, cap=cap, whole=whole)


_NOT_WORDS = set("的了和及或与、()每有")
#: A negation and the verb it negates (past words of time or amount: `未按期到位` → 到).
_NEGATION = re.compile(r"(?:未|没有|漏|少|缺)(?:按时|按期|及时|如期|足额|全额)?(\S)")


def _related(what: str, standard: str) -> bool:
    """Whether the failure `what` is said of `standard`: the verb it negates is the
    standard's (`逾期未整改` of `按期整改销号`, `未参训` of `参加培训`, `少发、漏发` of
    `发放`); a failure without such a negation (`延迟发放`, `拨付不及时`) shares a word of
    two characters with it."""
    negated = list(_NEGATION.finditer(what))
    if negated:
        return any(m.group(1) in standard for m in negated)
    pairs = {what[k : k + 2] for k in range(len(what) - 1)}
    return any(not (set(pair) & _NOT_WORDS) and pair in standard for pair in pairs)


def covers(what: str, standard: str) -> bool:
    """Whether a count of `what` counts every way `standard` is missed (`未开展` of
    `开展…评估`, `应帮未帮` of `给予帮扶援助`; never `回应不及时` of `24小时内作出回应`)."""
    return _related(what, standard) and not _uncovered(standard, [what])


def _uncovered(standard: str, whats: list[str]) -> str:
    """What the failures `whats` leave out of `standard` ("" when they count every way it
    is missed)."""
    if _TIME.search(standard) and not any(_LATE.search(w) for w in whats):
        return "没有写迟了的扣多少"
    if _AMOUNT.search(standard) and not any(_SHORT.search(w) for w in whats):
        return "扣分只数迟了的，没有写不足额的扣多少"
    if not any(_NEVER.search(w) for w in whats):
        said = "迟了的" if any(_LATE.search(w) for w in whats) else "不足的"
        return f"扣分只数{said}，从未做到的单位反而不失分"
    # `配备…且全部参加…培训`: each requirement joined by 且/并 must have its failure
    for req in re.split(r"且|并且|并", standard)[1:]:
        if not any(_related(w, req) for w in whats):
            return f"没有写 “{req}” 没做到的扣多少"
    return ""
