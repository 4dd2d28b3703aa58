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
from decimal import Decimal

from ..source.text import normalise
from .names import legal_name, name_from
from .shapes import Reading

_N = r"\d+(?:\.\d+)?"
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


@contextlib.contextmanager
def boundary(rule: str):
    """Read bands under the document's 边界 (`以上含本数，以下不含本数`)."""
    token = _BELOW_EXCLUDES.set("以下不含" in rule)
    try:
        yield
    finally:
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


_LOW_FIRST = re.compile(
    rf"^(?P<subject>[^;；]+?)(?:控制在|在)?\s*(?P<hi>{_N})\s*%\s*(?P<word>以内|及?以下){_IN}\s*的?\s*[,，]?\s*"
    rf"得\s*(?P<p>{_N})\s*分$"
)
_LOW_MIDDLE = re.compile(
    rf"^(?P<lo>{_N})\s*%\s*(?:[(（]不含[)）])?\s*(?:至|到|-|—|～|~)\s*(?P<hi>{_N})\s*%\s*(?:[(（]含[)）])?"
    rf"\s*的?\s*[,，]?\s*得\s*(?P<p>{_N})\s*分$"
)
_LOW_LAST = re.compile(
    rf"^超过\s*(?P<b>{_N})\s*%\s*的?\s*[,，]?\s*(?:(?:本项)?不得分|得\s*0\s*分)$"
)


def read_low_chain(sentence: str) -> Reading | None:
    """`差错率在1%以内的得4分，1%至3%（含）的得2分，超过3%的不得分` (`流失率控制在10%以内的
    得2分，10%至20%的得1分，超过20%的不得分`): bands of a rate where lower is better, the
    language's `【差错率】不超过1%、3%的，分别得4分、2分`.  Read only when each band starts
    where the one before ends (`以内` takes its bound in, so the next band starts above
    it), the last says `超过` the last bound (so that bound is in the band before), and
    the points fall band by band; a lead-in only says how the rate is measured."""
    parts = [
        p.strip()
        for p in re.split(r"(?<=分)\s*[,，;；]\s*", normalise(sentence).strip().rstrip("。；;，, "))
    ]
    if len(parts) < 3:
        return None
    first = _LOW_FIRST.match(parts[0])
    if first is None or (first.group("word") != "以内" and _BELOW_EXCLUDES.get()):
        return None
    subject = first.group("subject")
    cut = max(subject.rfind(","), subject.rfind("，"))
    if cut >= 0:
        if not plain_lead(subject[:cut]):
            return None
        subject = subject[cut + 1 :]
    bands = [(first.group("hi"), first.group("p"))]
    for part in parts[1:-1]:
        middle = _LOW_MIDDLE.match(part)
        if middle is None or Decimal(middle.group("lo")) != Decimal(bands[-1][0]):
            return None
        if "含" in part[: middle.start("hi")] and "不含" not in part[: middle.start("hi")]:
            return None  # `1%（含）至3%`: 1 is in both bands
        bands.append((middle.group("hi"), middle.group("p")))
    last = _LOW_LAST.match(parts[-1])
    if last is None or Decimal(last.group("b")) != Decimal(bands[-1][0]):
        return None
    points = [Decimal(p) for _, p in bands]
    bounds = [Decimal(b) for b, _ in bands]
    if points != sorted(points, reverse=True) or len(set(points)) != len(points):
        return None
    if bounds != sorted(bounds) or len(set(bounds)) != len(bounds):
        return None
    name, description = name_from(subject, "")
    name = legal_name(name)
    if len(name) < 2:
        return None
    said = "、".join(f"{b}%" for b, _ in bands)
    earned = "、".join(f"{p}分" for _, p in bands)
    clause = f"【{name}】不超过{said}的，分别得{earned}"
    return Reading((name,), clause, ("百分比",), description or name, default="")


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
