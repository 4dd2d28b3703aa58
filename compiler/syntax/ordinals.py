"""Escalating amounts by occurrence, read before the lexer:
`【整改超期】第一次扣1分，第二次扣2分，第三次及以上本项不得分`.

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics.diagnostic import Diagnostic
from ..source.text import Span
from .numerals import whole_number

#: The placeholder of one tier in the lexer's text (never the writer's: E108).
PLACEHOLDER = "\ue001"

_CLAUSE_LINE = re.compile(r"[ \t]*-[ \t]*")
_REF = re.compile(r"【([^】\n]+)】")
_EFFECT = r"(?:扣\s*\d+(?:\.\d+)?\s*分|(?:本项|该项|此项)?\s*不得分)"
_TIER = re.compile(
    r"第\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*次\s*(?P<open>及以上|及以后|以上|起)?"
    rf"\s*(?:的\s*)?,?\s*(?P<effect>{_EFFECT})"
)
_SEPARATOR = re.compile(r"\s*[,;]\s*")
_BLANK = re.compile(r"\s*")
_ZERO = re.compile(r"不得分")


@dataclass
class Tiers:
    """A line's tiers: the line with placeholders, each placeholder's ordinal by its
    1-based column, the stretches rewritten (0-based columns), and the diagnostics."""

    text: str
    ordinals: dict[int, int] = field(default_factory=dict)
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
    tiers = []
    at = refs[0].end()
    while True:
        gap = _SEPARATOR.match(line, at) if tiers else _BLANK.match(line, at)
        found = _TIER.match(line, gap.end()) if gap is not None else None
        if found is None:
            break
        tiers.append(found)
        at = found.end()
    if len(tiers) < 2 or line[at:].strip(" \t,;。") != "":
        return None  # not a run of tiers from the fact to the end of the line
    ordinals = [whole_number(t.group("n")) for t in tiers]
    if ordinals != list(range(1, len(tiers) + 1)):
        return None
    if any(t.group("open") for t in tiers[:-1]):
        return None
    last = tiers[-1]
    span = Span(number, last.start() + 1, number, last.end() + 1)
    result = Tiers(line)
    # the tiers are read either way (so that the refusal is the only error of the line)
    before = [f"达到{i}次的，{_on_top(i, t.group('effect'))}" for i, t in enumerate(tiers[:-1], 1)]
    if not last.group("open") or last.group("open") == "以上" and above_excludes:
        args = _unsaid(last.group(), len(tiers), before)
        result.diagnostics.append(Diagnostic("E116", span, args))
    elif not _ZERO.search(last.group("effect")):
        args = _each_or_once(last.group(), len(tiers), last.group("effect"), before)
        result.diagnostics.append(Diagnostic("E116", span, args))
    text = list(line)
    for tier in tiers:
        start = tier.start()
        end = tier.end("open") if tier.group("open") else line.index("次", tier.end("n")) + 1
        text[start:end] = [PLACEHOLDER] + [" "] * (end - start - 1)
        result.ordinals[start + 1] = whole_number(tier.group("n"))
        result.replaced.append((start, end))
    for before, after in zip(tiers, tiers[1:], strict=False):
        between = line[before.end() : after.start()]
        comma = between.find(",")
        if comma >= 0:
            text[before.end() + comma] = ";"
    result.text = "".join(text)
    return result


def _on_top(k: int, effect: str) -> str:
    """A later tier's amount as the hint writes it: `另扣2分`, so that the tiers read as
    adding up (the tiers of an ordinal run do; E267 refuses bare ones as ambiguous)."""
    return f"另{effect}" if k > 1 and effect.startswith("扣") else effect


def _unsaid(text: str, k: int, before: list[str]) -> dict:
    each = "；".join([*before, f"超过{k - 1}次的，每多1次扣N分"])
    return {
        "text": text,
        "why": f"第{k}次（或其后的每一次）扣多少，原文没有说",
        "why_en": f"the text does not say what the {k}th occurrence (or each after it) costs",
        "suggest": f"照原文本意写明最后一档：如 第{k}次及以上本项不得分；第{k}次起每次都扣的写 {each}",
        "suggest_en": f"say the last tier as meant, e.g. 第{k}次及以上本项不得分; each time "
        f"from the {k}th on: {each}",
    }


def _each_or_once(text: str, k: int, effect: str, before: list[str]) -> dict:
    each = "；".join([*before, f"超过{k - 1}次的，每多1次{effect}"])
    once = "；".join([*before, f"达到{k}次的，{_on_top(k, effect)}"])
    return {
        "text": text,
        "why": f"可以是第{k}次起每次都{effect}，也可以是到第{k}次时{effect}一次",
        "why_en": f"it may cost {effect} for each occurrence from the {k}th on, or once on "
        f"reaching the {k}th",
        "suggest": f"每次都扣的写 {each}；只扣一次的写 {once}",
        "suggest_en": f"each time: {each}; once: {once}",
    }
