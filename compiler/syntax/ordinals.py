"""Escalating amounts by occurrence, read before the lexer:
`【整改超期】第一次扣1分，第二次扣2分，第三次及以上本项不得分` (also by 起, 件, 例…:
`【安全事故】第一起扣1分，第二起扣2分，第三起扣3分，以此类推`).

The k-th occurrence costs its own amount, so the amounts add up as the count grows: one
costs 1, two cost 1 + 2 = 3, three or more zero the item.  That is one clause per tier on
the count, each at least its ordinal — `达到1次` 扣1分, `达到2次` 扣2分, `达到3次` 本项不得分 —
which the language has.  Each `第N次` is replaced in place by one placeholder character
(U+E001, same columns) that the grammar reads as the comparison `达到N` on the line's one
fact, and the commas between tiers by `；` (a tier is a clause of its own).

Read only when it cannot mean anything else: one fact named right before the first tier,
tiers numbered 1, 2, 3 … in order, nothing on the line but the tiers and their effects,
and a last tier that says what every later occurrence costs.  A last tier without
`及以上` (`第二次扣2分`: and the third?) and a last open tier that deducts points
(`第三次及以上扣3分`: each time, or once?) are refused (E116), saying what to write.

`以此类推` after the last tier goes on with the tiers' common step: `第一起扣1分，第二起扣2分，
第三起扣3分，以此类推` makes the fourth cost 4 and the fifth 5.  Its placeholder (U+E002) is
read as one more clause, `超过3起的` with the sum of the costs beyond the third (`SoOn`).
It needs at least two tiers that all deduct, a step the same between every two of them and
never negative (`第一起扣3分，第二起扣1分，以此类推` would end in negative costs): otherwise
E116, saying to write what every later occurrence costs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..diagnostics.diagnostic import Diagnostic
from ..source.text import Span
from .numerals import whole_number

#: The placeholder of one tier in the lexer's text (never the writer's: E108).
PLACEHOLDER = "\ue001"
#: The placeholder of `以此类推` after the tiers (never the writer's either).
SO_ON_PLACEHOLDER = "\ue002"

_CLAUSE_LINE = re.compile(r"[ \t]*-[ \t]*")
_REF = re.compile(r"【([^】\n]+)】")
_EFFECT = r"(?:扣\s*\d+(?:\.\d+)?\s*分|(?:本项|该项|此项)?\s*不得分)"
#: What an occurrence is counted in: the same word in every tier of a line.
UNITS = "人次|批次|件次|起次|次|起|件|例|宗"
_UNIT = rf"(?P<unit>{UNITS})"
_TIER = re.compile(
    rf"第\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*{_UNIT}\s*(?P<open>及以上|及以后|以上|起)?"
    rf"\s*(?:的\s*)?,?\s*(?P<effect>{_EFFECT})"
)
#: A tier's ordinal as written: how a clause read from tiers is known by its text.
ORDINAL = re.compile(rf"第\s*(?:\d+|[一二两三四五六七八九十]+)\s*{_UNIT}")
_SO_ON = re.compile(r"\s*(?P<sep>[,;])\s*(?P<word>(?:以此|依此|依次)类推)")
_POINTS = re.compile(r"扣\s*(\d+(?:\.\d+)?)\s*分")
#: `发生【安全事故】的，第一起扣1分…`: what may stand around the fact (blanked).
_OCCUR = re.compile(r"\s*(?:发生|出现)?\s*")
_SAID = re.compile(r"(?:\s*的\s*,)?")
_SEPARATOR = re.compile(r"\s*[,;]\s*")
_BLANK = re.compile(r"\s*")
_ZERO = re.compile(r"不得分")


@dataclass(frozen=True)
class SoOn:
    """`以此类推` after `after` tiers: the (after + k)-th occurrence costs
    `last + k × step` points; `unit` is the tiers' counting word."""

    after: int
    last: Decimal
    step: Decimal
    unit: str


@dataclass
class Tiers:
    """A line's tiers: the line with placeholders, each placeholder's ordinal by its
    1-based column (and `以此类推`'s reading by its column), the stretches rewritten
    (0-based columns), and the diagnostics."""

    text: str
    ordinals: dict[int, tuple[int, str]] = field(default_factory=dict)
    so_on: dict[int, SoOn] = field(default_factory=dict)
    replaced: list[tuple[int, int]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_line(line: str, number: int, above_excludes: bool = False) -> Tiers | None:
    """The line with its tiers in place, or None when it has none (read as written).
    `above_excludes`: the header says 以上不含本数, so a bare `第三次以上` starts after
    the third (`第三次以后`, either way, is not read: it says neither)."""
    if "第" not in line or not _CLAUSE_LINE.match(line):
        return None
    refs = list(_REF.finditer(line))
    if len(refs) != 1:
        return None
    ref = refs[0]
    occur = _OCCUR.fullmatch(line, _CLAUSE_LINE.match(line).end(), ref.start())
    if occur is None:
        return None  # `未【X】第一次…`: only the fact (发生, 出现 at most) before the tiers
    said = _SAID.match(line, ref.end())  # `发生【X】的，第一起…`: the fact, then its tiers
    tiers = []
    at = said.end()
    while True:
        gap = _SEPARATOR.match(line, at) if tiers else _BLANK.match(line, at)
        found = _TIER.match(line, gap.end()) if gap is not None else None
        if found is None:
            break
        tiers.append(found)
        at = found.end()
    so_on = _SO_ON.match(line, at) if tiers else None
    if so_on is not None:
        at = so_on.end()
    if len(tiers) < 2 or line[at:].strip(" \t,;。") != "":
        return None  # not a run of tiers from the fact to the end of the line
    ordinals = [whole_number(t.group("n")) for t in tiers]
    if ordinals != list(range(1, len(tiers) + 1)):
        return None
    if any(t.group("open") for t in tiers[:-1]):
        return None
    unit = tiers[0].group("unit")
    if any(t.group("unit") != unit for t in tiers):
        return None  # 第一次…第二起: not one count
    last = tiers[-1]
    span = Span(number, last.start() + 1, number, last.end() + 1)
    result = Tiers(line)
    # the tiers are read either way (so that the refusal is the only error of the line)
    # each tier as the clause it is read as (`达到2起的，另扣2分`), for the hints
    stated = [f"达到{i}{unit}的，{_on_top(i, t.group('effect'))}" for i, t in enumerate(tiers, 1)]
    before = stated[:-1]
    if so_on is not None:
        reading = _so_on(tiers, unit, stated)
        if isinstance(reading, SoOn):
            result.so_on[so_on.start("word") + 1] = reading
        else:
            word = Span(number, so_on.start("word") + 1, number, so_on.end("word") + 1)
            result.diagnostics.append(Diagnostic("E116", word, reading))
    elif not last.group("open") or last.group("open") == "以上" and above_excludes:
        args = _unsaid(last.group(), len(tiers), before, unit)
        result.diagnostics.append(Diagnostic("E116", span, args))
    elif not _ZERO.search(last.group("effect")):
        args = _each_or_once(last.group(), len(tiers), last.group("effect"), before, unit)
        result.diagnostics.append(Diagnostic("E116", span, args))
    text = list(line)
    for start, end in ((said.start(), said.end()), (occur.start(), occur.end())):
        if end > start:
            text[start:end] = [" "] * (end - start)
            result.replaced.append((start, end))
    for tier in tiers:
        start = tier.start()
        end = tier.end("open") if tier.group("open") else tier.end("unit")
        text[start:end] = [PLACEHOLDER] + [" "] * (end - start - 1)
        result.ordinals[start + 1] = (whole_number(tier.group("n")), unit)
        result.replaced.append((start, end))
    for before, after in zip(tiers, tiers[1:], strict=False):
        between = line[before.end() : after.start()]
        comma = between.find(",")
        if comma >= 0:
            text[before.end() + comma] = ";"
    if so_on is not None:
        start, end = so_on.start("word"), so_on.end("word")
        text[so_on.start("sep")] = ";"
        text[start:end] = [SO_ON_PLACEHOLDER] + [" "] * (end - start - 1)
        result.replaced.append((start, end))
    result.text = "".join(text)
    return result


def _so_on(tiers: list[re.Match[str]], unit: str, stated: list[str]) -> SoOn | dict:
    """What `以此类推` continues, or E116's arguments when the tiers give no step: one
    that is not a deduction, steps that differ, or costs that fall (they would turn
    negative).  `stated`: each tier as the clause it is read as."""
    k = len(tiers)
    amounts = [_POINTS.fullmatch(t.group("effect").strip()) for t in tiers]
    each = "；".join([*stated, f"超过{k}{unit}的，每多1{unit}扣N分"])
    suggest = f"写明以后每一{unit}扣多少：如 {each}"
    suggest_en = f"say what each later occurrence costs, e.g. {each}"
    if tiers[-1].group("open"):
        why = f"第{k}{unit}{tiers[-1].group('open')}已经说了以后每一{unit}，再写以此类推说不清"
        why_en = "the last tier already covers every later occurrence; 以此类推 after it is unclear"
    elif not all(amounts):
        zero = next(i for i, m in enumerate(amounts, 1) if m is None)
        why = "以此类推只能接在每一档都扣分的档次后面"
        why_en = "以此类推 continues only tiers that each deduct points"
        suggest = f"删去以此类推，不得分的一档写 第{zero}{unit}及以上本项不得分"
        suggest_en = f"drop 以此类推 and write the tier as 第{zero}{unit}及以上本项不得分"
    else:
        values = [Decimal(m.group(1)) for m in amounts if m is not None]
        steps = {b - a for a, b in zip(values, values[1:], strict=False)}
        if len(steps) == 1 and min(steps) >= 0:
            return SoOn(k, values[-1], steps.pop(), unit)
        why = f"各档之差不相等或越扣越少，以此类推说不出第{k + 1}{unit}扣多少"
        why_en = (
            f"the tiers are not an equal, non-falling step apart: 以此类推 gives no cost for "
            f"the {k + 1}th"
        )
    written = "，".join(t.group().strip() for t in tiers)
    return {
        "text": f"{written}，以此类推",
        "why": why,
        "why_en": why_en,
        "suggest": suggest,
        "suggest_en": suggest_en,
    }


def _on_top(k: int, effect: str) -> str:
    """A later tier's amount as the hint writes it: `另扣2分`, so that the tiers read as
    adding up (the tiers of an ordinal run do; E267 refuses bare ones as ambiguous)."""
    return f"另{effect}" if k > 1 and effect.startswith("扣") else effect


def _unsaid(text: str, k: int, before: list[str], unit: str) -> dict:
    each = "；".join([*before, f"超过{k - 1}{unit}的，每多1{unit}扣N分"])
    return {
        "text": text,
        "why": f"第{k}{unit}（或其后的每一{unit}）扣多少，原文没有说",
        "why_en": f"the text does not say what the {k}th occurrence (or each after it) costs",
        "suggest": f"照原文本意写明最后一档：如 第{k}{unit}及以上本项不得分；第{k}{unit}起每{unit}都扣的写 "
        f"{each}；各档等差递增的，末尾写 以此类推",
        "suggest_en": f"say the last tier as meant, e.g. 第{k}{unit}及以上本项不得分; each time "
        f"from the {k}th on: {each}; tiers an equal step apart: end with 以此类推",
    }


def _each_or_once(text: str, k: int, effect: str, before: list[str], unit: str) -> dict:
    each = "；".join([*before, f"超过{k - 1}{unit}的，每多1{unit}{effect}"])
    once = "；".join([*before, f"达到{k}{unit}的，{_on_top(k, effect)}"])
    return {
        "text": text,
        "why": f"可以是第{k}{unit}起每{unit}都{effect}，也可以是到第{k}{unit}时{effect}一次",
        "why_en": f"it may cost {effect} for each occurrence from the {k}th on, or once on "
        f"reaching the {k}th",
        "suggest": f"每次都扣的写 {each}；只扣一次的写 {once}",
        "suggest_en": f"each time: {each}; once: {once}",
    }
