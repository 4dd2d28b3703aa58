"""Bands of one rate, each earning its points, written one sentence a band:

    满意度达到90%以上的，得12分；80%以上不足90%的，得9分；70%以上不足80%的，得6分；
    低于70%的，不得分。

(`为100%的` is the top band: a rate at its whole; a band may restate the end of the
subject, `比例在20%以上、不足30%的`.)

is the language's tiers `【满意度】达到90%、80%、70%的，分别得12分、9分、6分` (only the
highest band reached counts, language.md 9.15).  Read only when the bands meet (each
band's upper bound is the lower bound of the band above) and each lower bound is in its
band (`以上`, `（含）`, `不低于`); a last band with points of its own (`70%以下的，得1分`)
is the band from 0%.  The sentences after the first are joined to it by
`split_sentences` (`is_next_band`), so the chain is one scoring sentence; the item's
points, when the document gives none, are those of the top band (`top_points`).
"""

from __future__ import annotations

import contextlib
import re
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from ...source.text import normalise
from ...syntax import keywords as kw
from ..names import legal_name, name_from
from ..shapes import DECIMAL, Reading

_N = DECIMAL
_IN = r"(?:\s*[(（]含[^)）]{0,6}[)）])?"
_FIRST = re.compile(
    rf"^(?P<subject>[^,，;；]+?)(?:达到|不低于|在|为(?=\s*100\s*%))\s*(?P<lo>{_N})\s*%{_IN}\s*(?:及?以上)?{_IN}的?\s*[,，]?\s*"
    rf"得\s*(?P<p>{_N})\s*分$"
)
_MIDDLE = re.compile(
    rf"^(?:(?P<at>达到)|在)?\s*(?P<lo>{_N})\s*%\s*(?:(?P<above>及?以上){_IN}|(?P<incl>[(（]含[^)）]{{0,6}}[)）])|(?P<dash>))\s*"
    rf"(?:(?<=[上)）%])、\s*|(?<=%)但\s*)?(?:不足|不满|低于|至|到|-|—|～|~)\s*(?P<hi>{_N})\s*%(?:\s*[(（]不含[)）])?(?:以下)?\s*的?\s*[,，]?\s*"
    rf"得\s*(?P<p>{_N})\s*分$"
)
#: `达到90%的，得2分` after `达到100%的，得4分`: the next band down, up to the one before.
_NEXT_AT = re.compile(
    rf"^(?:达到|不低于)\s*(?P<lo>{_N})\s*%\s*(?:及?以上)?{_IN}\s*的?\s*[,，]?\s*得\s*(?P<p>{_N})\s*分$"
)
_LAST = re.compile(
    rf"^(?:(?:低于|不足|不满)\s*(?P<below>{_N})\s*%|(?P<under>{_N})\s*%\s*以下)(?:\s*[(（]不含[^)）]{{0,6}}[)）])?\s*的?\s*[,，]?\s*"
    rf"(?:(?:本项)?不得分|得\s*(?P<p>{_N})\s*分)$"
)


#: Whether the document says `以下` leaves its number out (`以下不含本数`, its 边界).
_BELOW_EXCLUDES: ContextVar[bool] = ContextVar("below_excludes", default=False)
#: Whether it says `以上` leaves its number out (`以上不含本数`).
_ABOVE_EXCLUDES: ContextVar[bool] = ContextVar("above_excludes", default=False)


@contextlib.contextmanager
def boundary(rule: str):
    """Read bands under the document's 边界 (`以上含本数，以下不含本数`)."""
    token = _BELOW_EXCLUDES.set("以下不含" in rule)
    above = _ABOVE_EXCLUDES.set("以上不含" in rule)
    try:
        yield
    finally:
        _ABOVE_EXCLUDES.reset(above)
        _BELOW_EXCLUDES.reset(token)


#: `比例在20%以上、不足30%的` after `…行政村比例不低于30%的`: the band restates the end of
#: the subject before its bounds.
_RESTATED = re.compile(r"^(?P<said>[^\d,，;；%]{2,8}?)(?=在\s*\d|(?:不足|低于|不满)\s*\d)")


def _unrestated(part: str, subject: str) -> str:
    """The band without the subject's last words it restates (only those words)."""
    m = _RESTATED.match(part)
    return part[m.end() :] if m and subject.endswith(m.group("said")) else part


def is_next_band(previous: str, sentence: str) -> bool:
    """`sentence` is a band after the bands of `previous` (both normalised)."""
    first = _FIRST.match(re.split(r"(?<=分)\s*[,，;；]\s*", previous.strip())[0])
    s = _unrestated(sentence.strip(), first.group("subject")) if first else sentence.strip()
    if not (_MIDDLE.match(s) or _NEXT_AT.match(s) or _LAST.match(s)):
        return False
    return read_tier_chain(f"{previous}，{s}") is not None or bool(
        (_MIDDLE.match(s) or _NEXT_AT.match(s)) and _chain(f"{previous}，{s}", partial=True)
    )


def _chain(text: str, partial: bool = False) -> tuple[str, list[tuple[str, str]]] | None:
    """(subject, [(lower bound, points)…]) of a chain of meeting bands, top first."""
    parts = [p.strip() for p in re.split(r"(?<=分)\s*[,，;；]\s*", normalise(text).strip())]
    first = _FIRST.match(parts[0]) if parts else None
    if first is None and parts and re.search(r"[,，]", parts[0]):
        # `委托第三方开展满意度测评，满意度达到90%以上的得10分`: the lead-in says how the
        # rate is measured (its name is in it); the bands start after it
        cut = max(parts[0].rfind(","), parts[0].rfind("，"))
        lead, rest = parts[0][:cut], parts[0][cut + 1 :]
        after = _FIRST.match(rest.strip())
        if (
            after is not None
            and len(after.group("subject")) >= 2
            and (after.group("subject") in lead or plain_lead(lead))
        ):
            first = after
    if first is None or len(parts) < 2:
        return None
    bands = [(first.group("lo"), first.group("p"))]
    dash = False  # the band before is `80%—90%`: whether 80 is in it, the next band says
    for k, part in enumerate(parts[1:], start=1):
        part = _unrestated(part, first.group("subject"))
        at = _NEXT_AT.match(part)
        if at is not None and not dash:
            if Decimal(at.group("lo")) >= Decimal(bands[-1][0]):
                return None  # `达到90%` after `达到80%`: no band below the one before
            bands.append((at.group("lo"), at.group("p")))
            continue
        middle = _MIDDLE.match(part)
        if middle is not None:
            if Decimal(middle.group("hi")) != Decimal(bands[-1][0]) or dash:
                return None  # a gap or an overlap: the bands do not meet
            bands.append((middle.group("lo"), middle.group("p")))
            # `达到90%但不足100%`: 达到 takes 90 in; `80%—90%` leaves it to the next band
            dash = middle.group("dash") is not None and middle.group("at") is None
            continue
        last = _LAST.match(part)
        if last is None or k != len(parts) - 1:
            return None
        bound = last.group("below") or last.group("under")
        if Decimal(bound) != Decimal(bands[-1][0]):
            return None
        if dash and last.group("under") and not _BELOW_EXCLUDES.get():
            return None  # `80%—90%…；80%以下…`: 80 in both, unless 以下 leaves it out
        if last.group("p") and Decimal(last.group("p")) > 0:
            bands.append(("0", last.group("p")))
        return first.group("subject"), bands
    if dash and not partial:
        return None  # `80%—90%` as the last band: nothing says whether 80 is in it
    return (first.group("subject"), bands) if partial or len(bands) >= 2 else None


#: Words that make a lead-in more than a description: a condition, a negation, points.
_NOT_PLAIN = re.compile(
    r"[得扣加减]\s*\d|\d\s*分|[未不没无非]|发生|出现|被|凡|如|若|造成|的$|部分$"
    r"|超出|超过|低于|高于|达到|不足|少于|多于|以上|以下|以内|之外|除"
)


def plain_lead(lead: str) -> bool:
    """`经县级抽查`, `由县委人才办组织开展人才满意度测评`, `城市社区按每300—500户配备1名专职
    网格员`: who measures the rate, or how — no condition, negation or points, so the bands
    after it are the whole rule."""
    lead = lead.strip()
    return bool(lead) and _NOT_PLAIN.search(lead) is None


#: The units a band's bound may carry: `%`, or a count or measure (`1个工作日`, `3天`).
_UNIT = "|".join(
    sorted(
        ["%", *(re.escape(u) for u in (*kw.COUNT_UNITS, *kw.MEASURE_UNITS))], key=len, reverse=True
    )
)
_QTY = rf"(?P<n>{_N})\s*(?P<u>{_UNIT})"
_MARK = r"(?:\s*[(（](?P<m>不?含)[^)）]{0,6}[)）])?"
#: A band's outcome, after its bounds: `得4分`, `不得分`, `不扣分`, `扣2分`, `本项不得分`.
_OUTCOME = re.compile(
    rf"的?\s*[,，]?\s*(?P<out>得\s*(?P<p>{_N})\s*分|(?P<none>(?:本项|该项)?不得分)|不扣分|扣\s*(?P<q>{_N})\s*分)$"
)
#: What a first band's bound follows: `控制在`, `压缩至` (a time cut down to it), `在`.
_TO = re.compile(
    r"^(?:应|须)?(?:控制在|控制到|压缩至|压缩到|压减至|压减到|缩短至|缩短到|降至|降到|在)"
)
#: (pattern, whether the bound is in the band) for a lower and an upper bound; None: the
#: document's 边界 says (`以上`, `以下`).
_LOWER = (
    (re.compile(rf"^(?:超过|高于|多于|大于)\s*{_QTY}{_MARK}"), False),
    (re.compile(rf"^(?:不低于|不少于|达到)\s*{_QTY}{_MARK}"), True),
    (re.compile(rf"^{_QTY}{_MARK}\s*及?以上"), None),
)
_UPPER = (
    (re.compile(rf"^(?:不超过|不高于|不多于)\s*{_QTY}{_MARK}$"), True),
    (re.compile(rf"^(?:低于|少于|不足|不满|小于)\s*{_QTY}{_MARK}$"), False),
    (re.compile(rf"^{_QTY}{_MARK}\s*以内{_MARK.replace('m>', 'm2>')}$"), True),
    (re.compile(rf"^{_QTY}{_MARK}\s*及?以下{_MARK.replace('m>', 'm2>')}$"), None),
)
#: `1%（含）至3%`, `1至2个工作日（含）`: a range whose ends say nothing unless marked.
_RANGE = re.compile(
    rf"^(?P<a>{_N})\s*(?P<au>{_UNIT})?(?:\s*[(（](?P<am>不?含)[^)）]{{0,6}}[)）])?\s*(?:至|到|-|—|～|~)\s*"
    rf"{_QTY}{_MARK}$"
)


@dataclass(frozen=True)
class _Band:
    """One band of a value where lower is better: its bounds (None: open), whether each
    is in the band (None: the band says nothing), and its outcome as written."""

    lo: str | None
    lo_in: bool | None
    hi: str | None
    hi_in: bool | None
    unit: str
    outcome: re.Match[str]


def _said_in(m: re.Match[str], word_in: bool | None, word: str) -> bool:
    """Whether a bound is in its band: a mark `（含）`/`（不含）` says so outright, else the
    comparison word, else (`以上`, `以下`) the document's 边界 (language.md 第10节)."""
    mark = m.groupdict().get("m") or m.groupdict().get("m2")
    if mark:
        return mark == "含"
    if word_in is not None:
        return word_in
    if word == "以上":
        return not _ABOVE_EXCLUDES.get()
    return not _BELOW_EXCLUDES.get()


def _upper(text: str) -> tuple[str, bool | None, str] | None:
    """(bound, in the band, unit) of an upper bound said alone (`5%以下`, `不超过2天`)."""
    for pattern, word_in in _UPPER:
        m = pattern.match(text)
        if m is not None:
            return m.group("n"), _said_in(m, word_in, "以下"), m.group("u")
    return None


def _bounds(text: str) -> tuple[str | None, bool | None, str | None, bool | None, str] | None:
    """(lower, in, upper, in, unit) of a band's words: a range, a lower bound, an upper
    bound or both (`超过1个工作日不超过2个工作日`, `超过5%但低于10%`)."""
    text = _TO.sub("", text.strip()).strip()
    r = _RANGE.match(text)
    if r is not None:
        if r.group("au") not in (None, r.group("u")):
            return None
        lo_in = None if r.group("am") is None else r.group("am") == "含"
        hi_in = None if r.group("m") is None else r.group("m") == "含"
        return r.group("a"), lo_in, r.group("n"), hi_in, r.group("u")
    for pattern, word_in in _LOWER:
        m = pattern.match(text)
        if m is None:
            continue
        lo, lo_in = m.group("n"), _said_in(m, word_in, "以上")
        rest = re.sub(r"^\s*[、,，]?\s*(?:但|且|并且)?\s*(?:在)?", "", text[m.end() :])
        if not rest:
            return lo, lo_in, None, None, m.group("u")
        upper = _upper(rest)
        if upper is None or upper[2] != m.group("u"):
            return None
        return lo, lo_in, upper[0], upper[1], m.group("u")
    upper = _upper(text)
    return None if upper is None else (None, None, upper[0], upper[1], upper[2])


def _band(part: str) -> _Band | None:
    out = _OUTCOME.search(part)
    if out is None:
        return None
    bounds = _bounds(part[: out.start()])
    return None if bounds is None else _Band(*bounds, outcome=out)


def _restated(part: str, subject: str) -> str:
    """A band without the subject (or its last words, two or more) it restates first."""
    for k in range(len(subject) - 1):
        if part.startswith(subject[k:]):
            return part[len(subject) - k :]
    return part


def _low_bands(sentence: str) -> tuple[str, list[_Band]] | None:
    """(subject, bands from the lowest values up) of a chain of bands where lower is
    better, each band after the first starting at the bound the one before ends at; a
    lead-in before the subject may only say how the value is measured."""
    parts = [
        p.strip()
        for p in re.split(r"(?<=分)\s*[,，;；]\s*", normalise(sentence).strip().rstrip("。；;，, "))
    ]
    if len(parts) < 2:
        return None
    out = _OUTCOME.search(parts[0])
    first = None
    for j in range(1, out.start() if out else 0):
        first = _band(parts[0][j:])
        if first is not None:
            break
    if first is None or first.lo is not None:
        return None
    subject = parts[0][:j]
    cut = max(subject.rfind(","), subject.rfind("，"))
    if cut >= 0:
        if not plain_lead(subject[:cut]):
            return None
        subject = subject[cut + 1 :]
    bands = [first]
    for part in parts[1:]:
        band = _band(_restated(part, subject))
        if band is None or band.lo is None or band.unit != first.unit:
            return None
        if bands[-1].hi is None or Decimal(band.lo) != Decimal(bands[-1].hi):
            return None
        bands.append(band)
    if bands[-1].hi is not None or any(b.hi is None for b in bands[:-1]):
        return None
    return subject, bands


def _held_below(bands: list[_Band]) -> list[bool] | str:
    """For each bound between two bands, whether the band below holds it; or, where
    neither or both say they hold it, the words saying so."""
    held = []
    for below, above in pairwise(bands):
        said = (below.hi_in, above.lo_in)
        bound = f"{below.hi}{below.unit}"
        if said == (True, True):
            return f"{bound}同属相邻两档"
        if said == (False, False):
            return f"{bound}不属于任何一档"
        if said == (None, None):
            return f"{bound}属于哪一档原文没有写明"
        held.append(said[0] is True or said[1] is False)
    return held


def _name(subject: str) -> tuple[str, str] | None:
    name, description = name_from(subject, "")
    name = legal_name(re.sub(r"(?:压缩|压减|缩短|降低?)(?:至|到)$", "", name))
    return (name, description or name) if len(name) >= 2 else None


def _unit_type(unit: str) -> str:
    return "百分比" if unit == "%" else kw.COUNT_UNITS.get(unit) or kw.MEASURE_UNITS[unit]


def read_low_chain(sentence: str) -> Reading | None:
    """`差错率在1%以内的得4分，1%至3%（含）的得2分，超过3%的不得分` (`流失率控制在10%以内的
    得2分，10%至20%的得1分，超过20%的不得分`, `办理时间压缩至1个工作日以内的得3分，超过1个
    工作日不超过2个工作日的得1.5分，超过2个工作日的不得分`): bands of a value where lower
    is better, the language's `【差错率】不超过1%、3%的，分别得4分、2分`.  Read only when
    each band starts where the one before ends and every bound is in the band below it
    (`以内` takes its bound in, the next band starts above it, the last says `超过`), and
    the points fall band by band; a lead-in only says how the value is measured."""
    chain = _low_bands(sentence)
    if chain is None or len(chain[1]) < 3:
        return None
    subject, bands = chain
    held = _held_below(bands)
    if isinstance(held, str) or not all(held):
        return None
    earned = [b.outcome.group("p") for b in bands[:-1]]
    if any(p is None for p in earned) or not _nothing(bands[-1]):
        return None
    points = [Decimal(p) for p in earned]
    if points != sorted(points, reverse=True) or len(set(points)) != len(points):
        return None
    named = _name(subject)
    if named is None:
        return None
    u = bands[0].unit
    said = "、".join(f"{b.hi}{u}" for b in bands[:-1])
    clause = f"【{named[0]}】不超过{said}的，分别得{'、'.join(f'{p}分' for p in earned)}"
    return Reading((named[0],), clause, (_unit_type(u),), named[1], default="")


def _nothing(band: _Band) -> bool:
    """The last band earns nothing: `不得分`, `得0分`."""
    p = band.outcome.group("p")
    return band.outcome.group("none") is not None or (p is not None and Decimal(p) == 0)


def read_low_deductions(sentence: str) -> tuple[Reading, ...] | None:
    """`纠错率在5%以内的不扣分，5%至10%（含）的扣2分，超过10%的本项不得分`: bands of a value
    where lower is better, the first deducting nothing, each one after it deducting more
    (the last may take the item's points): a clause for each band with its own bounds
    (`【纠错率】超过5%且【纠错率】不超过10%的，扣2分`, `【纠错率】超过10%的，本项不得分`), so
    a unit is in one band only.  Read only when each bound is in exactly one band
    (`band_trouble` says why not)."""
    chain = _low_bands(sentence)
    if chain is None:
        return None
    subject, bands = chain
    held = _held_below(bands)
    if isinstance(held, str) or not _deducting(bands):
        return None
    named = _name(subject)
    if named is None:
        return None
    name, u = named[0], bands[0].unit
    out = []
    for k, band in enumerate(bands[1:]):
        low = f"【{name}】{'超过' if held[k] else '不低于'}{band.lo}{u}"
        if band.hi is not None:
            low += f"且【{name}】{'不超过' if held[k + 1] else '低于'}{band.hi}{u}"
        effect = "本项不得分" if band.outcome.group("none") else f"扣{band.outcome.group('q')}分"
        out.append(Reading((name,), f"{low}的，{effect}", (_unit_type(u),), named[1], default=""))
    return tuple(out)


def _deducting(bands: list[_Band]) -> bool:
    """The first band deducts nothing, the middle ones more and more, the last more still
    or the item's points (`本项不得分`)."""
    if bands[0].outcome.group("out") != "不扣分" or len(bands) < 2:
        return False
    last = bands[-1].outcome.group("none") or ""
    amounts = [b.outcome.group("q") for b in (bands[1:-1] if last else bands[1:])]
    if last.startswith("不") or any(q is None for q in amounts):
        return False  # a bare `不得分` here: this band's points or the item's, unclear
    values = [Decimal(q) for q in amounts]
    return values == sorted(values) and len(set(values)) == len(values) and all(values)


def band_trouble(sentence: str) -> str | None:
    """Why a chain of bands where lower is better is not drafted although it is read:
    a bound in two bands, in none, or not said (with what to write instead)."""
    chain = _low_bands(sentence)
    if chain is None:
        return None
    held = _held_below(chain[1])
    if not isinstance(held, str):
        return None
    return (
        f"分档的界限不清：{held}（“以下”“以内”含本数，“至”两端不写明时由相邻一档确定，language.md 第10节）"
        "：请照原文写明界上的值归哪一档，每档写成一条，如 “【X】超过A且【X】不超过B的，扣N分”"
        "（界上的值归上一档的写 “不低于A”“低于B”）；原文规定 “以下” 不含本数的，在表头写 "
        "`边界：以上含本数，以下不含本数`"
    )


def read_tier_chain(sentence: str) -> Reading | None:
    chain = _chain(sentence.rstrip("。；;，, "))
    if chain is None:
        return None
    subject, bands = chain
    points = [Decimal(p) for _, p in bands]
    if len(bands) < 2 or points != sorted(points, reverse=True):
        return None  # a lower band earning more is no tier chain
    name, description = name_from(subject, "")
    name = legal_name(name)
    bounds = "、".join(f"{lo}%" for lo, _ in bands)
    earned = "、".join(f"{p}分" for _, p in bands)
    clause = f"【{name}】达到{bounds}的，分别得{earned}"
    return Reading((name,), clause, ("百分比",), description or name, default="")


def top_points(text: str) -> str | None:
    """The points of the top band of a chain in `text` (the sentences of one item)."""
    for sentence in re.split(r"。", text):
        chain = _chain(sentence.rstrip("；;，, "))
        if chain is not None and read_tier_chain(sentence) is not None:
            return chain[1][0][1]
    return None
