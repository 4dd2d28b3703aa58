"""Bands of distance from the batch average, several on one line, read as intervals.

Real 细则 grade a rate by how far it lies from the batch average, band by band:

    【覆盖率】达到或高于全市平均值的得4分；低于平均值3个百分点以内（含3个百分点）的得3分；
    低于平均值3至6个百分点（含6个百分点）的得2分；低于平均值超过6个百分点的不得分

Each band is a set of distances e = 本单位 − 平均值: here e ≥ 0, −3 ≤ e < 0, −6 ≤ e < −3 and
e < −6.  The grammar reads the plain bands (`低于平均值3个百分点以内`) but not a range
(`3至6个百分点`), a band joined by 但 (`低于平均值但差距不足3个百分点`), nor one on both
sides (`与平均值相差1个百分点以内`); and whether such bands say what a unit exactly on a
bound gets can only be told from all of them together.  So this pass reads the whole line
before the lexer does:

- each band's condition becomes an interval, each end open or closed as its word says
  (`以内`、`以上`、`（含N）` close it; `不足`、`超过`、a bare `低于平均值N个百分点` open it; a range
  without `含` takes the end its neighbour leaves);
- the bands must not overlap, every bound between two bands must belong to exactly one, a
  band that ends short of the average or of infinity must meet another band there, and
  when a band earns points (`得N分`) together they must cover every distance — otherwise
  the line is refused (E116) at the band whose bound is unclear, with what to write;
- each band's condition is replaced, in place, by one placeholder character the grammar
  reads as a comparison (`AVG_BAND`); the builder turns it into the comparisons with the
  average the language already has (`低于平均值3个百分点`, `未…`, `且`), so every backend
  computes it as it computes any comparison with the average.

The same reading serves three more kinds of band, each its own scale of e:

- distances from the batch's best value (`与全市最高县区相差5个百分点以内`, `落后全市最快进度
  10个百分点以上`, `全市最高的…`): every unit is on one side of it (e ≤ 0 from the highest),
  and the best units are in a band of their own when the line gives them one (`Band.best`);
- shares of the mean on amounts and counts (`达到全市平均数1.5倍及以上`, `不足平均数80%`):
  e in % of the mean (`Band.unit` "%"), which the lowering turns into 平均值 × (1 + e/100);
- `其余…`: what the other bands leave, when that is one stretch.

Where two bands hold one bound and only one says so outright (`（含3个百分点）`), that one
keeps it; the equivalents that blank such remarks run first, so the line is read with them
put back (`remarks`).  Only lines with a band the grammar cannot read are taken; a line of
plain bands stays as it was.  The columns of the line never change (docs/language.md 9.8,
9.9).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ..diagnostics.diagnostic import Diagnostic
from ..source.text import Span
from . import keywords as kw
from .band_intervals import EARNS, Band, End, best_ends, inferred, is_extreme
from .band_intervals import left as stretches_left
from .band_intervals import problems as band_problems
from .band_messages import band_args

#: What the lexer reads in place of a band's condition (the rest of it is blanked).
PLACEHOLDER = "\ue000"
#: The most bands one line is read as (their checks compare every two of them).
MAX_BANDS = 24


# --------------------------------------------------------------------------- words

_BELOW = ("低于", "少于", "小于", "落后于", "落后")
_ABOVE = ("高于", "超过", "超出", "多于", "大于", "高出")
#: Side words without a distance, as sets of e (`达到平均值`: e ≥ 0).
_AT_LEAST = (
    "达到或高于",
    "达到或超过",
    "高于或等于",
    "等于或高于",
    "大于或等于",
    "大于等于",
    "等于或大于",
    "不低于",
    "不少于",
    "达到",
)
_AT_MOST = (
    "低于或等于",
    "等于或低于",
    "小于或等于",
    "小于等于",
    "等于或小于",
    "不高于",
    "不超过",
    "未超过",
)
_UNDER = ("未达到", "没有达到", "达不到", "未达", "低于", "少于", "小于", "不足", "不到")
_OVER = _ABOVE

_NUM = r"\d+(?:\.\d+)?"
_UNIT = r"(?:个百分点|百分点|个点)"
_AVG = (
    # the words before 平均 (`全市`, `全县各乡镇`) never hold a comparison word: `等于或低于
    # 全县平均数` is no `等于 平均数`
    r"(?P<avg>[^\s\d,;:=<>()【】%的但与或低高于等不未超达以及含大小多少至到]{0,8}?(?:"
    + kw.alternation(w for w in kw.AVERAGE_WORDS if w != "平均")
    + "|平均"
    + kw.AVERAGE_NOUN
    + "{1,8}?"
    + kw.AVERAGE_NOUN_FOLLOW
    + r"|平均))"
)
_GAP = r"(?:[ \t]*(?:的)?(?:差距|相差|差值|差)[ \t]*)?[ \t]*(?:在[ \t]*)?"
_LESS = r"(?:不足|不到|未达到|未满|小于|少于|低于)"
_WITHIN = r"(?:以内|之内)"
#: `不超过5个百分点`: up to and including the distance.
_NOT_OVER = r"(?:不超过|不超出|不高于|不大于|不多于)"
_ATLEAST = r"(?:以上|及以上|或以上)"
_RANGE = r"(?:至|到|-|—|－|~|～)"
#: A remark that says which bound is in: `（含3个百分点）`, `（含）`, `（不含6个百分点）`.
_MARK = r"(?:[ \t]*\((?P<mark>不?(?:含|包含|包括)[^()]{0,12})\))?"
#: What may follow a band's condition: its effects (`的得3分`, `，不得分`).
_FOLLOW = r"[ \t]*(?=的|,|;|$)"


#: A band with a distance, after its side word and the average:
_DISTANCE = re.compile(
    rf"[ \t]*(?:{_GAP})?(?:"
    # 3至6个百分点（含6个百分点）
    rf"(?P<r1>{_NUM})[ \t]*{_UNIT}?[ \t]*{_RANGE}[ \t]*(?P<r2>{_NUM})[ \t]*(?P<ru>{_UNIT})"
    # 超过1个百分点、但差距在3个百分点以内 / 1个百分点以上但不足3个百分点
    rf"|(?:超过|超出)?[ \t]*(?P<b1>{_NUM})[ \t]*(?P<bu>{_UNIT})[ \t]*(?P<bp>{_ATLEAST})?"
    r"(?:[ \t]*\((?P<bmark>不?(?:含|包含|包括)[^()]{0,12})\))?"
    rf"[ \t]*[、,]?[ \t]*(?:但|且)?{_GAP}(?:(?P<bl>{_LESS})[ \t]*(?P<b2>{_NUM})[ \t]*{_UNIT}"
    rf"|(?P<bn>{_NOT_OVER})[ \t]*(?P<b4>{_NUM})[ \t]*{_UNIT}"
    rf"|(?P<b3>{_NUM})[ \t]*{_UNIT}[ \t]*{_WITHIN})"
    # 但差距不足3个百分点 / 不足3个百分点
    rf"|(?:但)?{_GAP}{_LESS}[ \t]*(?P<u1>{_NUM})[ \t]*(?P<uu>{_UNIT})"
    # 3个百分点以内
    rf"|(?P<w1>{_NUM})[ \t]*(?P<wu>{_UNIT})[ \t]*{_WITHIN}"
    # (超过)3个百分点(以上)
    rf"|(?P<x0>超过|超出)?[ \t]*(?P<x1>{_NUM})[ \t]*(?P<xu>{_UNIT})[ \t]*(?P<xp>{_ATLEAST})?"
    r")" + _MARK + _FOLLOW
)
_SIDED = re.compile(rf"(?P<side>{kw.alternation(_BELOW + _ABOVE)})[ \t]*{_AVG}")
#: A share of the average on an amount or a count (`达到全市平均数120%以上`, `不足平均数80%`,
#: `达到平均数1.5倍及以上`): a band of e in % of the mean, e = 120 − 100 = 20 (the checker
#: refuses it on a rate, where 80% could be points).
_RATIO = r"(?P<{0}>\d+(?:\.\d+)?)[ \t]*(?P<{0}u>%|倍)"
_AT_LEAST_RATIO = re.compile(
    # only 达到: `高于平均值10%` is 10% above it (language.md 9.8), not above 10% of it
    rf"(?P<side>达到)[ \t]*{_AVG}[ \t]*的?[ \t]*{_RATIO.format('r')}"
    r"(?:[ \t]*\((?P<mark>不?(?:含|包含|包括)[^()]{0,12})\))?[ \t]*(?P<p>及?以上)?"
)
_UNDER_RATIO = re.compile(
    rf"(?P<side>不足|未达到|不到|未满)[ \t]*{_AVG}[ \t]*的?[ \t]*{_RATIO.format('r')}"
)
#: `低于平均数80%` is 20% below the mean on its own (language.md 9.8), but below 80% of it
#: on a line whose bands are shares of the mean (`达到平均数80%但低于平均数的得2分；低于平均数
#: 80%的得0.5分`): there it is read so, as the line's other bands are.
_UNDER_RATIO_ON_LINE = re.compile(
    rf"(?P<side>不足|未达到|不到|未满|低于|少于)[ \t]*{_AVG}[ \t]*的?[ \t]*{_RATIO.format('r')}"
)
#: What may close a band from above after `但`: `但不足120%`, `但未达到平均数`.
_BUT_UNDER = re.compile(
    rf"[ \t]*[,、]?[ \t]*(?:但|且)[ \t]*(?:不足|低于|未达到|不到|少于)[ \t]*"
    rf"(?:{_AVG.replace('(?P<avg>', '(?:')})?(?:[ \t]*(?:的[ \t]*)?{_RATIO.format('h')})?"
)
_SHARE_SAID = re.compile(r"平均[^,;]{0,4}?\d+(?:\.\d+)?[ \t]*(?:%|倍)")
_REACHES = re.compile(rf"(?:达到|不低于|不少于)[ \t]*{_AVG}")
_ZERO = re.compile(
    rf"(?P<side>{kw.alternation(_AT_LEAST + _AT_MOST + _UNDER + _OVER)})[ \t]*{_AVG}{_MARK}{_FOLLOW}"
)
#: `与全市平均值相差1个百分点以内（含）`, `与平均值相差不足1个百分点`.
_BOTH = re.compile(
    rf"与[ \t]*{_AVG}[ \t]*(?:相比[ \t]*)?(?:的)?(?:相差|差距|差值)[ \t]*(?:在[ \t]*)?"
    rf"(?:(?P<n>{_NUM})[ \t]*(?P<u>{_UNIT})[ \t]*{_WITHIN}|{_LESS}[ \t]*(?P<l>{_NUM})[ \t]*(?P<lu>{_UNIT}))"
    + _MARK
    + _FOLLOW
)
#: `与全市平均水平持平`, `等于平均水平`: exactly the average (in a line whose other bands
#: leave only it, as a careful reader takes 持平 there).
_LEVEL = (
    re.compile(rf"与[ \t]*{_AVG}[ \t]*(?:相比[ \t]*)?持平{_FOLLOW}"),
    re.compile(rf"等于[ \t]*{_AVG}{_FOLLOW}"),
)
#: `；低于3个百分点及以上的`: the average left unsaid after bands that said it.  Only a word
#: that names a side: after `低于平均值5个百分点以内…`, `超过5个百分点的` is further below.
_ELIDED = re.compile(
    rf"(?P<side>{kw.alternation(_BELOW + tuple(w for w in _ABOVE if w not in ('超过', '超出')))})[ \t]*(?P<n>{_NUM})[ \t]*(?P<u>{_UNIT})[ \t]*"
    rf"(?P<p>{_ATLEAST})?" + _MARK + _FOLLOW
)
#: `低于全市平均水平的，差距在2个百分点以内的扣1分，差距超过2个百分点的扣2分`: one side of
#: the average said once, its bands after it each starting with the gap.
_HEADER = re.compile(rf"(?P<side>{kw.alternation(_BELOW + _ABOVE)})[ \t]*{_AVG}[ \t]*的?[ \t]*,")
_SUB_START = re.compile(r"[ \t]*(?:的)?(?:差距|相差|差值)")
_REF = re.compile(r"【([^【】\n]+)】")
#: The batch's best value as a line names it: `全市最高值`, `最低值`, `全市最高县区`, `最多的乡镇`.
_STEMS = {
    "最高": "high",
    "最多": "high",
    "最大": "high",
    "最低": "low",
    "最少": "low",
    "最小": "low",
    # `落后全市最快进度`: progress, the fastest the highest (最快 alone may be the shortest time)
    "最快进度": "high",
}
_NOUNS = r"(?:县区|县\(市、区\)|乡镇|街道|单位|部门|地区)"
_BEST = (
    r"(?P<best>(?:全[市省县区])?[ \t]*(?P<stem>"
    + kw.alternation(_STEMS)
    + rf")[ \t]*(?:值|水平|的{_NOUNS}|{_NOUNS})?)"
)
#: `与全市最高值相差5个百分点以内`, `与最低值差距在2个百分点以上`: a distance from the best
#: value, on the one side every unit is (no unit is above the highest).
_FROM_BEST = re.compile(rf"与[ \t]*{_BEST}[ \t]*(?:相比[ \t]*)?(?:的)?[ \t]*(?=差距|相差|差值)")
#: `落后全市最快进度10个百分点以上`, `低于最高值5个百分点以内`: the side every unit is on,
#: said with a comparison word (`高于最高值` is refused as written).
_SIDED_BEST = re.compile(
    rf"(?P<side>{kw.alternation(('低于', '落后于', '落后', '少于', '高于', '多于', '超过', '超出'))})"
    rf"[ \t]*{_BEST}"
)
#: `；落后5个百分点以上（含）、不足10个百分点的`: the side again, the best said before.
_SIDE_AGAIN = re.compile(
    rf"(?P<side>{kw.alternation(('低于', '落后于', '落后', '少于', '高于', '多于'))})"
)
#: `全市最高的得4分`: the best itself (ties all of them), on a line of distances from it.
#: `其余县区得2分`: the units no other band on the line holds.
_REST = re.compile(rf"其[余他](?:的)?[ \t]*(?:{_NOUNS})?[ \t]*(?=的|,|;|得|扣|加|不得|本项|该项)")
_EXTREME = re.compile(rf"(?:全[市省县区])?[ \t]*(?P<stem>{kw.alternation(_STEMS)})(?:值)?{_FOLLOW}")
#: How a band's effects start: `的得4分`, `的，本项不得分`, `的，年度考核等次最高为合格` — never a
#: number (`低于平均值的80%的` is no band of distance from the average).
_EFFECTS = re.compile(
    r"[ \t]*的?[ \t]*,?[ \t]*(?:本项|该项|此项|年度考核|考核|年度)?[ \t]*"
    r"(?:得|扣|不得|不扣|加|减|计|等次|一票|取消|列为|直接|评为|视为)"
)
_CLAUSE_LINE = re.compile(r"^[ \t]*-[ \t]")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    band: Band
    #: A form the grammar cannot read by itself (a range, 但, both sides, no average).
    new: bool


def _marked(mark: str | None, number: Decimal) -> bool | None:
    """What `（含N）` says of the end at N: True (in), False (`不含`), None (says
    nothing of N: another number, or no remark)."""
    if not mark:
        return None
    numbers = [Decimal(n) for n in re.findall(_NUM, mark)]
    if numbers and number not in numbers:
        return None
    return not mark.startswith("不")


def _closed(mark: str | None, number: Decimal, word_says: bool) -> bool:
    """Whether the end at `number` is in the band: as `（含N）` says, else as the word does."""
    said = _marked(mark, number)
    return word_says if said is None else said


def _end(value: Decimal, mark: str | None, word_says: bool | None) -> End:
    """The end at `value` (a distance as written, signed by the caller), in the band as
    `（含N）` says, else as the word does (None: the word does not say)."""
    said = _marked(mark, abs(value))
    if said is not None:
        return End(value, said, said=True)
    return End(value, word_says)


def _percent_of(found: re.Match[str], group: str) -> Decimal:
    """The share as a distance from the mean in % of it: 80% → −20, 1.5倍 → 50."""
    value = Decimal(found[group])
    return (value * 100 if found[group + "u"] == "倍" else value) - 100


def _ratio(text: str, at: int) -> _Found | None:
    """`达到平均数80%（含80%）但未达到平均数`, `达到平均数但不足1.5倍`, `不足平均数80%`."""
    low: End | None = None
    under_words = _UNDER_RATIO_ON_LINE if _AT_LEAST_RATIO.search(text) else _UNDER_RATIO
    start = _AT_LEAST_RATIO.match(text, at)
    if start is not None:
        low = _end(_percent_of(start, "r"), start["mark"], True)
        avg, end = start["avg"], start.end()
    else:
        reach = _REACHES.match(text, at)
        under = under_words.match(text, at)
        if under is not None:
            # alone, the grammar reads it too (as `低于平均值20%`): not new
            band = Band(None, End(_percent_of(under, "r"), False), under["avg"], "%", "")
            return _finish(text, at, under.end(), band, new=False)
        if reach is None:
            return None
        low, avg, end = End(Decimal(0), True), reach["avg"], reach.end()
    but = _BUT_UNDER.match(text, end)
    if but is None or but.end() == end:
        if start is None:
            return None  # `达到平均数` alone: the plain band, read elsewhere
        return _finish(text, at, end, Band(low, None, avg, "%", ""))
    high = End(_percent_of(but, "h") if but["h"] else Decimal(0), False)
    return _finish(text, at, but.end(), Band(low, high, avg, "%", ""))


def _finish(text: str, at: int, end: int, band: Band, new: bool = True) -> _Found | None:
    """The band read, if its effects follow (`的得3分`)."""
    follow = re.match(_FOLLOW, text[end:])
    if follow is None:
        return None
    stop = end + follow.end()
    return _Found(at, stop, _with_text(band, text[at:stop].rstrip()), new)


def _read(text: str, at: int, bare: bool) -> _Found | None:
    """The band whose condition starts at `at`, or None."""
    ratio = _ratio(text, at)
    if ratio is not None:
        return ratio
    found = _BOTH.match(text, at)
    if found is not None:
        number = Decimal(found["n"] or found["l"])
        end = _end(number, found["mark"], found["n"] is not None)
        band = Band(
            replace(end, value=-number),
            end,
            found["avg"],
            found["u"] or found["lu"],
            found[0].rstrip(),
        )
        return _Found(at, found.end(), band, True)
    level = _LEVEL[0].match(text, at) or _LEVEL[1].match(text, at)
    if level is not None:
        band = Band(End(Decimal(0), True), End(Decimal(0), True), level["avg"], None, "")
        return _Found(at, level.end(), _with_text(band, level[0].rstrip()), True)
    sided = _SIDED.match(text, at)
    if sided is not None:
        below = sided["side"] in _BELOW
        distance = _DISTANCE.match(text, sided.end())
        if distance is not None:
            band = _distance_band(distance, below, sided["avg"])
            if band is not None:
                end = distance.end()
                new = not (distance["w1"] or distance["x1"]) or bool(distance["x0"])
                text_of = text[at:end].rstrip()
                return _Found(at, end, _with_text(band, text_of), new)
    zero = _ZERO.match(text, at)
    if zero is not None:
        side = zero["side"]
        if side in _AT_LEAST:
            band = Band(End(Decimal(0), True), None, zero["avg"], None, "")
        elif side in _AT_MOST:
            band = Band(None, End(Decimal(0), True), zero["avg"], None, "")
        elif side in _UNDER:
            band = Band(None, End(Decimal(0), False), zero["avg"], None, "")
        else:
            band = Band(End(Decimal(0), False), None, zero["avg"], None, "")
        return _Found(at, zero.end(), _with_text(band, text[at : zero.end()].rstrip()), False)
    if bare:
        elided = _ELIDED.match(text, at)
        if elided is not None:
            far = _end(Decimal(elided["n"]), elided["mark"], bool(elided["p"]))
            below = elided["side"] in _BELOW
            band = _one_sided(below, far, "", elided["u"])
            return _Found(at, elided.end(), _with_text(band, elided[0].rstrip()), True)
    return None


def _read_best(line: str, at: int) -> tuple[_Found, tuple[bool, str, str]] | None:
    """`与最高值相差5个百分点以内（含）`: the band and the header the distances after it on
    the line take (`，相差5至10个百分点的`), or None."""
    found = _FROM_BEST.match(line, at) or _SIDED_BEST.match(line, at)
    if found is None:
        return None
    order = _STEMS[found["stem"]]
    sided = "side" in found.groupdict()
    if sided and (found["side"] in _BELOW) != (order == "high"):
        return None  # `高于最高值`: no unit is
    header = (order == "high", found["best"], order)
    band = _sub_band(line, found.end(), header, sided=sided)
    if band is None:
        return None
    return _Found(at, band.end, _with_text(band.band, line[at : band.end].rstrip()), True), header


def _side_again(line: str, at: int, header: tuple | None) -> _Found | None:
    """`落后5个百分点以上（含）、不足10个百分点` after a band that named the best value."""
    found = _SIDE_AGAIN.match(line, at)
    if found is None or header is None or len(header) < 3:
        return None
    if (found["side"] in _BELOW) != header[0]:
        return None
    band = _sub_band(line, found.end(), header, sided=True)
    if band is None:
        return None
    return _Found(at, band.end, _with_text(band.band, line[at : band.end].rstrip()), True)


def _extreme(line: str, at: int) -> _Found | None:
    """`全市最高的`: the units whose value is the best (e = 0)."""
    found = _EXTREME.match(line, at)
    if found is None:
        return None
    order = _STEMS[found["stem"]]
    top = End(Decimal(0), True, said=True)
    band = Band(top, None, "", None, found[0].rstrip(), order)
    if order == "low":
        band = Band(None, top, "", None, found[0].rstrip(), order)
    return _Found(at, found.end(), band, True)


def _sub_band(line: str, at: int, header: tuple | None, sided: bool = False) -> _Found | None:
    """`差距超过2个百分点但不超过5个百分点` after a side said once (`低于平均值的，…`);
    `sided`: the side word was just read, the distance follows without a gap word."""
    if header is None or not (sided or _SUB_START.match(line, at)):
        return None
    distance = _DISTANCE.match(line, at)
    if distance is None:
        return None
    band = _distance_band(distance, header[0], header[1])
    if band is None:
        return None
    if len(header) > 2:
        band = replace(band, best=header[2])  # type: ignore[misc]
    end = distance.end()
    return _Found(at, end, _with_text(band, line[at:end].rstrip()), True)


def _headed(
    line: str, at: int, header: tuple[bool, str] | None
) -> tuple[_Found | None, tuple[bool, str] | None]:
    """`低于全市平均水平的，差距在2个百分点以内（含2个百分点）`: the side said once and the
    first band after it (the header then stands for the bands after it on this clause)."""
    found = _HEADER.match(line, at)
    if found is None or not _SUB_START.match(line, found.end()):
        return None, header
    side = (found["side"] in _BELOW, found["avg"])
    band = _sub_band(line, found.end(), side)
    if band is None:
        return None, header
    text = line[at : band.end].rstrip()
    return _Found(at, band.end, _with_text(band.band, text), True), side


def _with_text(band: Band, text: str) -> Band:
    return replace(band, text=text)


def _one_sided(below: bool, far: End, average: str, unit: str | None) -> Band:
    """Beyond a distance from the average on one side: e ≤ −N (below) or e ≥ N."""
    if below:
        return Band(None, replace(far, value=-far.value), average, unit, "")
    return Band(far, None, average, unit, "")


def _between(below: bool, near: End, far: End, average: str, unit: str) -> Band:
    """From `near` to `far` distance on one side (distances positive as written)."""
    if below:
        low, high = replace(far, value=-far.value), replace(near, value=-near.value)
        return Band(low, high, average, unit, "")
    return Band(near, far, average, unit, "")


def _distance_band(found: re.Match[str], below: bool, average: str) -> Band | None:
    mark = found["mark"]
    zero = End(Decimal(0), False)
    if found["r1"]:
        near, far = Decimal(found["r1"]), Decimal(found["r2"])
        if near >= far:
            return None
        return _between(below, _end(near, mark, None), _end(far, mark, None), average, found["ru"])
    if found["b1"]:
        near = Decimal(found["b1"])
        far = Decimal(found["b2"] or found["b3"] or found["b4"])
        if near >= far:
            return None
        far_closed = found["b3"] is not None or found["b4"] is not None
        near_end = _end(near, found["bmark"], bool(found["bp"]))
        return _between(below, near_end, End(far, far_closed), average, found["bu"])
    if found["u1"]:
        far = Decimal(found["u1"])
        return _between(below, zero, End(far, False), average, found["uu"])
    if found["w1"]:
        far = Decimal(found["w1"])
        return _between(below, zero, _end(far, mark, True), average, found["wu"])
    number = Decimal(found["x1"])
    return _one_sided(below, _end(number, mark, bool(found["xp"])), average, found["xu"])


# --------------------------------------------------------------------------- the line


@dataclass(frozen=True)
class LineBands:
    """What the pass made of one line: the lexer's line, the bands by the 1-based column
    of their placeholder, and the E116 diagnostics."""

    text: str
    bands: dict[int, Band]
    diagnostics: list[Diagnostic]
    #: (start, end) columns, 0-based, of each stretch rewritten
    replaced: list[tuple[int, int]]


def read_line(
    line: str, number: int, points: str | None = None, remarks: str | None = None
) -> LineBands | None:
    """The line with its bands of distance from the average (or from the batch's best
    value) in place, or None when it is not such a line (it is then read as written).
    `points`: the item's points when the line is its only clause line.  `remarks`: the
    line with the remarks an earlier rewrite blanked (`以内（含3个百分点）`) put back, read
    for which band holds a bound; the placeholders go into `line`."""
    if not _CLAUSE_LINE.match(line):
        return None
    best = _FROM_BEST.search(line) is not None or _SIDED_BEST.search(line) is not None
    if ("平均" in line) == best:
        return None  # neither, or both on one line: read as written
    text = remarks if remarks is not None and len(remarks) == len(line) else line
    names = {m.group(1).strip() for m in _REF.finditer(text)}
    first = _REF.search(text)
    if len(names) != 1 or first is None:
        return None
    found: list[tuple[_Found, str, int]] = []  # (band, its effects, its stretch's start)
    others = False
    average_said = False
    last: int | None = None  # the index in `found` the stretch before belongs to
    # (below, the average) of a side said once; (below, the best, its order) of the best
    header: tuple | None = None
    rest: int | None = None  # the index in `found` of `其余…`
    shares = False  # a clause not read as a band names a share of the mean
    for start, end, bare in _clauses(text, first.end()):
        at = _skip(text, start, first.group(0))
        if text[start - 1] != "," and not (header and len(header) > 2):
            header = None
        band = _sub_band(text, at, header)
        if band is None and best:
            read = _read_best(text, at)
            if read is not None:
                band, header = read
            else:
                band = _side_again(text, at, header) or _extreme(text, at)
        if band is None and not best:
            band, header = _headed(text, at, header)
        if band is None and not best:
            band = _read(text, at, bare and average_said)
        alone = _REST.match(text, at) if band is None and found and rest is None else None
        if alone is not None:
            # `其余县区得2分`: its interval is what the other bands leave (below)
            rest = len(found)
            band = _Found(at, alone.end(), Band(None, None, "", None, alone[0].rstrip()), True)
        if band is None or band.end > end:
            if bare and text[start - 1] == "," and last is not None:
                # `…得4分，低于的每低1个百分点扣0.5分`: the clause before goes on
                f, effects, begun = found[last]
                found[last] = (f, effects + text[start - 1 : end], begun)
            else:
                others = others or "平均" in text[start:end] or "最" in text[start:end]
                shares = shares or _SHARE_SAID.search(text, start, end) is not None
                last = None
            continue
        if band.band.average:
            average_said = True
        found.append((band, text[band.end : end], start))
        last = len(found) - 1
    kept = []
    for index, (f, effects, begun) in enumerate(found):
        if "每" in effects or not _EFFECTS.match(effects):
            others = True  # a standard's steps (`…的得4分，低于的每低1个百分点扣0.5分`)
            if index == rest:
                rest = None
        else:
            if index == rest:
                rest = len(kept)
            kept.append((f, effects, begun))
    if len(kept) > MAX_BANDS:
        return None  # no 细则 grades one rate in so many bands: read as written
    if best and not any(f.band.best and not is_extreme(f.band) for f, _, _ in kept):
        return None  # `最高的得10分，其余按与最低值的差距计分`: no distance read
    full = _full_marks(kept, points)
    if not any(f.new for f, _, _ in kept) and not full:
        return None  # plain bands, and none of them only keeps the item's points
    bands = [f.band for f, _, _ in kept]
    kind = next((b.best for b in bands if b.best is not None), None)
    bands = inferred(best_ends(bands, any(is_extreme(b) for b in bands)))
    effects = [e for _, e, _ in kept]
    if rest is None:
        problems = band_problems(bands, effects, others)
    else:
        # `其余…`: what the other bands leave, when they are clear and leave one stretch
        named = bands[:rest] + bands[rest + 1 :]
        problems = band_problems(named, effects[:rest] + effects[rest + 1 :], others, rest=True)
        problems = [(i + (i >= rest), why, value) for i, why, value in problems]
        left = stretches_left(named, kind)
        if not problems and len(left) == 1 and not others:
            bands[rest] = replace(left[0], text=kept[rest][0].band.text, best=kind)
        elif not problems:
            problems = [(rest, "rest", Decimal(0))]
    first_new = next((i for i, (f, _, _) in enumerate(kept) if f.new), 0)
    if (
        not problems
        and any(EARNS.search(e) for e in effects)
        and any(_DEDUCTS.search(e) for e in effects)
        and not full
    ):
        # `达到平均值的得4分；低于平均值但不足3个百分点的扣1分` in an item of 5 (or beside other
        # clause lines): from which points the deduction is taken is not said
        problems = [(first_new, "mixed", Decimal(0))]
    shares = shares or any(_SHARE_SAID.search(e) for e in effects)
    if not problems and shares and any(b.unit == "%" for b in bands):
        # `达到平均数80%…；高于平均数120%的…`: the bands are shares of the mean, and the
        # clause not read as one might be a share or a distance — never read either way
        problems = [(next(i for i, b in enumerate(bands) if b.unit == "%"), "scale", Decimal(0))]
    if problems:
        full = set()
    chars = list(line)
    placed: dict[int, Band] = {}
    replaced: list[tuple[int, int]] = []
    for k in sorted(full, reverse=True):
        # `达到或高于平均值的得4分` (the item's 4 points) beside bands that deduct: the
        # deductions are from the item's points, and this band says only that the units
        # in it keep them — so it goes, with its separator, and the bands deduct
        f, _, begun = kept[k]
        stop = kept[k + 1][2] if k + 1 < len(kept) else len(line)
        gone = (f.start, stop) if k + 1 < len(kept) else (begun - 1, stop)
        chars[gone[0] : gone[1]] = " " * (gone[1] - gone[0])
        replaced.append(gone)
    for index, ((f, _, begun), band) in enumerate(zip(kept, bands, strict=True)):
        if index in full:
            continue
        chars[f.start : f.end] = PLACEHOLDER + " " * (f.end - f.start - 1)
        replaced.append((f.start, f.end))
        if line[begun - 1] == ",":
            chars[begun - 1] = ";"  # `…得4分，与平均值相差不足1个百分点的得3分`: a clause each
            replaced.append((begun - 1, begun))
        placed[f.start + 1] = band
    diagnostics = []
    for i, why, value in problems:
        if why == "cover":  # the bands as a whole: shown at the first one the grammar lacked
            i = first_new
        f = kept[i][0]
        span = Span(number, f.start + 1, number, f.start + 1 + len(f.band.text))
        diagnostics.append(Diagnostic("E116", span, band_args(bands[i], why, value)))
    return LineBands("".join(chars), placed, diagnostics, replaced)


_EARNS_ONLY = re.compile(
    r"[ \t]*的?[ \t]*,?[ \t]*(?:本项|该项)?[ \t]*得[ \t]*(?:(?P<n>\d+(?:\.\d+)?)[ \t]*分|满分)[ \t]*[,;]?[ \t]*$"
)
_DEDUCTS = re.compile(r"扣[ \t]*\d")


def _full_marks(kept: list[tuple[_Found, str, int]], points: str | None) -> set[int]:
    """The bands that earn exactly the item's points, when the others deduct (and no
    band earns anything else): each only says its units keep the item's points."""
    if points is None:
        return set()
    earning = {i for i, (_, effects, _) in enumerate(kept) if EARNS.search(effects)}
    full = set()
    for i in earning:
        found = _EARNS_ONLY.match(kept[i][1])
        if found is None or (found["n"] is not None and Decimal(found["n"]) != Decimal(points)):
            return set()
        full.add(i)
    if not full or not any(_DEDUCTS.search(e) for i, (_, e, _) in enumerate(kept) if i not in full):
        return set()
    return full


def _clauses(line: str, after_ref: int) -> list[tuple[int, int, bool]]:
    """(start, end, bare) of the stretches a band may start: after the fact's name, after
    each `;`, and after a `,` that ends an effect (`…得4分,`)."""
    cuts = [after_ref]
    for i in range(after_ref, len(line)):
        if line[i] == ";" or (line[i] == "," and _effect_before(line, i)):
            cuts.append(i + 1)
    out = []
    for k, start in enumerate(cuts):
        end = cuts[k + 1] - 1 if k + 1 < len(cuts) else len(line)
        out.append((start, end, k > 0))
    return out


def _effect_before(line: str, comma: int) -> bool:
    """Whether an effect ends just before the comma (a window, not the whole line: a line
    of many commas costs linear time)."""
    before = line[max(0, comma - 64) : comma].rstrip(" \t")
    return before.endswith(("分", "优秀", "良好", "合格", "否决"))


def _skip(line: str, at: int, ref: str) -> int:
    """Past blanks, and past the fact's name repeated at a clause's start."""
    while at < len(line) and line[at] in " \t":
        at += 1
    if line.startswith(ref, at):
        at += len(ref)
        while at < len(line) and line[at] in " \t":
            at += 1
    return at
