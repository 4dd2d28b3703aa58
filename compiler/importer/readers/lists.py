"""One sentence about a list of things, each of which scores on its own.

- Two rates, one standard, half the points each: `系统账号登录率、使用率均达到90%以上的得2分，
  有一项未达到的得1分，两项均未达到的不得分` is 1 point for each rate that reaches 90%
  (`【系统账号登录率】达到90%的得1分`, and 使用率's: the four cases as the sentence says).
- The first rate first: `修复项目开工率、验收率均达到100%的得4分，开工率达到100%但验收率
  未达到的得2分，开工率未达到100%的不得分` is `【…开工率】达到100%的得2分` and
  `【…开工率】达到100%且【…验收率】达到100%的得2分` (验收率 alone earns nothing, as said).
- Two rates, the item's points, a step each: `报到率、建档率均达到100%的得4分，报到率每低1个
  百分点扣0.4分，建档率每低1个百分点扣0.1分` in an item of 4 is the item's points less the
  steps (`【…报到率】低于100%的，每低1个百分点扣0.4分`, and 建档率's), at most the 4 together.
- Each rate its own standard, then one step: `按时办结率、群众满意率分别达到96%、92%以上的，
  各得2分；未达到的，每低1个百分点相应扣0.5分，扣完为止` is `【…按时办结率】达到96%的得2分，
  每低1个百分点扣0.5分` and 满意率's (language.md 9.16: the step takes at most those 2 points).
- Places of one event: `发生群众到省、进京集体访的，每批次分别扣1.5分、3分` is `【群众到省集体访】、
  【群众进京集体访】每批次分别扣1.5分、3分` (language.md 9.14).
- Two level lists paired by level: `经验在全国、全省会议上作典型发言或被中央、省级媒体报道的，分别加
  2分、1分` is one fact a level, each list at that level (全国 with 中央, 全省 with 省级).
- One 未 and a manner over a list: `未按规定制定责任清单、任务清单的，分别扣2分` is
  `未【按规定制定责任清单】、【按规定制定任务清单】的，分别扣2分` (language.md 9.3: things done,
  each not done deducts).

Each reader returns the readings (a tuple, one clause each) or None; the second item of a
list of rates takes the words the first says before its own (`系统账号登录率、使用率`:
`系统账号使用率`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...source.text import normalise
from ..names import legal_name
from ..shapes import DECIMAL, DO_VERBS, Reading

_N = DECIMAL
_RATE = r"[^,;、]+?率"
_FULL = rf"均(?:达到|不低于)\s*(?P<x>{_N})\s*%(?:及以上|以上)?的?\s*,?\s*得\s*(?P<f>{_N})\s*分"
_NONE = r"(?:不得分|得\s*0\s*分)"
_STEP = r"每(?:低|低于|降低|下降)\s*1\s*个百分点"

#: Words that start a rate's own subject (`城区设施覆盖率、农村覆盖率`): never carried.
_OWN_SUBJECT = re.compile(r"^(?:农村|城市|城镇|城区|乡镇|街道|社区|村|全[省市县区])")


def _clean(sentence: str) -> str:
    return normalise(sentence).strip().rstrip("。;, ")


def _pair(a: str, b: str) -> tuple[str, str] | None:
    """Names of two listed rates: the second takes the words before the first's own
    part, as long as its own (`系统账号登录率、使用率` → `系统账号使用率`)."""
    a, b = a.strip(), b.strip()
    if len(a) < 2 or len(b) < 2:
        return None
    if len(a) > len(b) and not _OWN_SUBJECT.match(b):
        b = a[: len(a) - len(b)] + b
    first, second = legal_name(a), legal_name(b)
    return None if first == second else (first, second)


def _with(name: str, clause: str) -> Reading:
    return Reading((name,), clause, ("百分比",), name, default="")


#: `A率、B率均达到90%以上的得2分，有一项未达到的得1分，两项均未达到的不得分`.
_HALF_EACH = re.compile(
    rf"^(?P<a>{_RATE})、(?P<b>{_RATE}){_FULL}\s*,\s*"
    rf"(?:有|其中)?(?:一|1)项(?:未达到|未达标|达不到)的?\s*,?\s*得\s*(?P<h>{_N})\s*分\s*,\s*"
    rf"(?:两项|2项)?(?:均|都)(?:未达到|未达标|达不到)的?\s*,?\s*{_NONE}$"
)


def read_half_each(sentence: str) -> tuple[Reading, ...] | None:
    """Both rates earn the points, one of them half, none nothing: half for each rate."""
    m = _HALF_EACH.match(_clean(sentence))
    if m is None or Decimal(m.group("h")) * 2 != Decimal(m.group("f")):
        return None
    names = _pair(m.group("a"), m.group("b"))
    if names is None:
        return None
    x, h = m.group("x"), m.group("h")
    return tuple(_with(n, f"【{n}】达到{x}%的得{h}分") for n in names)


#: `A率、B率均达到100%的得4分，A率达到100%但B率未达到的得2分，A率未达到100%的不得分`.
_FIRST_THEN_BOTH = re.compile(
    rf"^(?P<a>{_RATE})、(?P<b>{_RATE}){_FULL}\s*,\s*"
    rf"(?P<a2>[^,;]+?率)达到\s*(?P=x)\s*%(?:及以上|以上)?\s*(?:但|而|,)\s*(?P<b2>[^,;]+?率)"
    rf"(?:未达到|达不到)(?:\s*(?P=x)\s*%)?的?\s*,?\s*得\s*(?P<h>{_N})\s*分\s*,\s*"
    rf"(?P<a3>[^,;]+?率)(?:未达到|达不到)(?:\s*(?P=x)\s*%)?的?\s*,?\s*{_NONE}$"
)


def read_first_then_both(sentence: str) -> tuple[Reading, ...] | None:
    """The first rate earns part, both the rest; the second alone earns nothing."""
    m = _FIRST_THEN_BOTH.match(_clean(sentence))
    if m is None:
        return None
    names = _pair(m.group("a"), m.group("b"))
    f, h = Decimal(m.group("f")), Decimal(m.group("h"))
    if names is None or not Decimal(0) < h < f:
        return None
    a, b = names
    a2, b2, a3 = (legal_name(m.group(k).strip()) for k in ("a2", "b2", "a3"))
    if a2 != a3 or not a.endswith(a2) or not b.endswith(b2) or a.endswith(b2) or b.endswith(a2):
        return None  # the later parts must name the listed rates, the first first
    x, rest = m.group("x"), _number(f - h)
    return (
        _with(a, f"【{a}】达到{x}%的得{m.group('h')}分"),
        Reading(
            (a, b),
            f"【{a}】达到{x}%且【{b}】达到{x}%的得{rest}分",
            ("百分比",) * 2,
            default="",
            descriptions=(a, b),
        ),
    )


#: `A率、B率均达到100%的得4分，A率每低1个百分点扣0.4分，B率每低1个百分点扣0.1分`.
_FULL_STEPS = re.compile(
    rf"^(?P<a>{_RATE})、(?P<b>{_RATE})均(?:达到|不低于)\s*(?P<x>{_N})\s*%(?:及以上|以上)?的?\s*,?\s*"
    rf"得\s*(?:(?P<f>{_N})\s*分|满分)\s*,\s*"
    rf"(?P<sa>[^,;]+?率){_STEP}(?P<ea>(?:扣|减)\s*{_N}\s*分)\s*,\s*"
    rf"(?P<sb>[^,;]+?率){_STEP}(?P<eb>(?:扣|减)\s*{_N}\s*分)(?:\s*,\s*扣完为止)?$"
)


def read_full_steps(
    sentence: str, points: str | None, item_words: str = ""
) -> tuple[Reading, ...] | None:
    """The item's points when both rates reach the standard, each rate's shortfall stepped
    off them: the item's deductions (its points cap them together, as the sentence's own
    points would).  Other points than the item's, or another sentence of the item that
    earns points, make the sentence a part of the item: not read."""
    m = _FULL_STEPS.match(_clean(sentence))
    if m is None or points is None:
        return None
    others = normalise(item_words).replace(_clean(sentence), "")
    if re.search(r"[得计记]\s*(?:\d|满分)", others):
        return None
    if m.group("f") is not None and Decimal(m.group("f")) != Decimal(points):
        return None
    names = _pair(m.group("a"), m.group("b"))
    if names is None:
        return None
    a, b = names
    sa, sb = legal_name(m.group("sa").strip()), legal_name(m.group("sb").strip())
    if not a.endswith(sa) or not b.endswith(sb) or a.endswith(sb) or b.endswith(sa):
        return None
    x = m.group("x")
    return tuple(
        _with(n, f"【{n}】低于{x}%的，每低1个百分点{e.replace(' ', '')}")
        for n, e in ((a, m.group("ea")), (b, m.group("eb")))
    )


#: `A率、B率分别达到96%、92%以上的，各得2分；未达到的，每低1个百分点相应扣0.5分`.
_OWN_STANDARDS = re.compile(
    rf"^(?P<a>{_RATE})、(?P<b>{_RATE})分别(?:达到|不低于)\s*(?P<x>{_N})\s*%\s*、\s*(?P<y>{_N})\s*%"
    rf"(?:及以上|以上)?的?\s*,?\s*各得\s*(?P<f>{_N})\s*分\s*[,;]\s*"
    rf"(?:未达到|未达标|达不到)的?\s*,?\s*{_STEP}\s*(?:相应|分别|各)?(?P<e>(?:扣|减)\s*{_N}\s*分)"
    r"(?:\s*,\s*扣完为止)?$"
)


def read_own_standards(sentence: str) -> tuple[Reading, ...] | None:
    """Each rate its standard, the points and the step (language.md 9.16); `扣完为止`
    after `相应扣` is those points used up, which the standard's step never passes."""
    m = _OWN_STANDARDS.match(_clean(sentence))
    if m is None:
        return None
    names = _pair(m.group("a"), m.group("b"))
    if names is None:
        return None
    f, e = m.group("f"), m.group("e").replace(" ", "")
    return tuple(
        _with(n, f"【{n}】达到{v}%的得{f}分，每低1个百分点{e}")
        for n, v in zip(names, (m.group("x"), m.group("y")), strict=True)
    )


#: Going to a higher level to petition (`到省`, `赴省`, `进京`, `赴京`).
_PLACE = r"(?:到|赴|进)(?:省|京|市)"
_PLACES = re.compile(
    rf"^(?:发生|出现)?(?P<pre>[^,;、]*?)(?P<items>{_PLACE}(?:、{_PLACE})+)(?P<post>[^,;、\d]{{2,12}}?)的?"
    rf"\s*,\s*(?P<rest>每(?:批次|批|人次|次|起)\s*分别(?:扣|减)\s*{_N}\s*分(?:\s*、\s*{_N}\s*分)+)"
    r"(?:\s*,\s*扣完为止)?$"
)


def read_petition_places(sentence: str) -> tuple[Reading, ...] | None:
    """One event by where it went, each place its amount: a count each."""
    m = _PLACES.match(_clean(sentence))
    if m is None:
        return None
    pre, post = m.group("pre").strip(), m.group("post").strip()
    if re.search(r"[未不无没]", pre + post):
        return None
    items = m.group("items").split("、")
    names = tuple(legal_name(f"{pre}{item}{post}") for item in items)
    if len(set(names)) != len(names) or any(len(n) < 4 for n in names):
        return None
    rest = m.group("rest").replace(" ", "")
    clause = "、".join(f"【{n}】" for n in names) + rest
    unit = re.match(r"每(批次|批|人次|次|起)", rest).group(1)
    return (Reading(names, clause, (unit,) * len(names)),)


#: Level words by rank (the highest first), the longest spelling first.
_RANKS = (
    ("全国", "国家级", "国家", "中央"),
    ("全省", "省级", "省委", "省政府", "省"),
    ("全市", "市级", "市委", "市政府", "市"),
    ("全县", "县级", "区级", "县委", "县政府", "县"),
)
_RANK = {word: i for i, words in enumerate(_RANKS) for word in words}
_LEVEL = "|".join(sorted(_RANK, key=len, reverse=True))
_LEVEL_LIST = re.compile(rf"(?:{_LEVEL})(?:、(?:{_LEVEL}))+")
_PAIRED = re.compile(
    rf"^(?P<cond>[^,;]+?)的\s*,\s*(?P<rest>分别(?P<v>加|得|扣)\s*{_N}\s*分(?:\s*、\s*{_N}\s*分)+)$"
)


def read_paired_levels(sentence: str) -> tuple[Reading, ...] | None:
    """Two lists of levels in one condition, paired by level: the i-th fact is the
    condition with each list at its i-th level.  Read only when the lists are as long as
    the amounts and every position names one rank in both (全国 with 中央)."""
    m = _PAIRED.match(_clean(sentence))
    if m is None:
        return None
    cond = m.group("cond")
    lists = list(_LEVEL_LIST.finditer(cond))
    amounts = re.findall(_N, m.group("rest"))
    if len(lists) != 2:
        return None
    levels = [found.group(0).split("、") for found in lists]
    if any(len(words) != len(amounts) for words in levels):
        return None
    ranks = [[_RANK[w] for w in words] for words in levels]
    if ranks[0] != ranks[1] or len(set(ranks[0])) != len(ranks[0]):
        return None
    if re.search(r"[未不无没]", cond):
        return None
    names = []
    for i in range(len(amounts)):
        text, end = "", 0
        for found, words in zip(lists, levels, strict=True):
            text += cond[end : found.start()] + words[i]
            end = found.end()
        names.append(legal_name(re.sub(r"^(?:发生|出现)", "", text + cond[end:])))
    if len(set(names)) != len(names):
        return None
    clause = "、".join(f"【{n}】" for n in names) + "的，" + m.group("rest").replace(" ", "")
    return (Reading(tuple(names), clause, ("是否",) * len(names)),)


#: `未按规定制定A清单、B清单的，分别扣2分`: 未, a manner and a verb over the list.
_MANNER_NOT = re.compile(
    rf"^(?:未|没有)(?P<how>按规定|按要求|按时|及时)(?P<verb>{DO_VERBS})(?P<items>[^,;的未不无没]+?)的"
    r"\s*,?\s*(?P<rest>分别(?:扣|减).+)$"
)


def read_manner_not(sentence: str) -> tuple[Reading, ...] | None:
    """Each listed thing done in that manner is a fact; each not done deducts (as
    `shapes.read_shared_negation`, with the manner said for each)."""
    m = _MANNER_NOT.match(_clean(sentence))
    if m is None:
        return None
    items = [i.strip() for i in m.group("items").split("、")]
    if len(items) < 2 or not all(2 <= len(i) <= 24 for i in items):
        return None
    lead = m.group("how") + m.group("verb")
    names = tuple(legal_name(lead + i) for i in items)
    if len(set(names)) != len(names):
        return None
    said = f"{lead}{m.group('items')}"
    descriptions = tuple(f"{n}（原文 “{said}” 中的一项，做到的填是）" for n in names)
    clause = "未" + "、".join(f"【{n}】" for n in names) + f"的，{m.group('rest')}"
    return (Reading(names, clause, ("是否",) * len(names), default="", descriptions=descriptions),)


def read_lists(
    sentence: str, points: str | None, item_words: str = ""
) -> tuple[Reading, ...] | None:
    """The first of the readers above that reads the sentence (`points` and `item_words`:
    the item's, as `Drafter` knows them)."""
    for read in (
        read_half_each,
        read_first_then_both,
        lambda s: read_full_steps(s, points, item_words),
        read_own_standards,
        read_petition_places,
        read_paired_levels,
        read_manner_not,
    ):
        readings = read(sentence)
        if readings is not None:
            return readings
    return None


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


#: `…分别达到96%、92%以上的，各得2分` then `未达到的，每低1个百分点相应扣0.5分`.
_EACH_EARNS = re.compile(
    rf"分别(?:达到|不低于)\s*{_N}\s*%\s*、\s*{_N}\s*%[^,;]*?,?\s*各得\s*{_N}\s*分$"
)


def join_steps(sentences: list[str]) -> list[str]:
    """The sentences with `…分别达到96%、92%以上的，各得2分` and the step after it
    (`未达到的，每低1个百分点相应扣0.5分`) as one, where `read_own_standards` reads them:
    alone, the first half would take all of a rate's points one step below."""
    out: list[str] = []
    for sentence in sentences:
        if out and _EACH_EARNS.search(_clean(out[-1])):
            joined = f"{out[-1]}；{sentence}"
            if read_own_standards(joined) is not None:
                out[-1] = joined
                continue
        out.append(sentence)
    return out
