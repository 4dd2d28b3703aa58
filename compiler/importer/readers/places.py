"""Sentences that score a unit by its place in the batch on a value the sentence names.

`网格员上报安全隐患，月均上报件数位列全市前5名的得4分，第6至12名的得2分，其余的得1分` is the
language's `按【月均上报安全隐患件数】从高到低排名，第1至5名得4分，第6至12名得2分，其余得1分`
(language.md 9.9): the places are the batch's, the bands are copied as written, and a
step down after the last band (`每后退1名扣0.5分`, `第7名及以后的，每后退1名在4分基础上扣
0.5分`) is the language's `其后每下降一个名次扣0.5分`, which counts from the last band.

The direction of the ranking is the hazard: a reading that puts the worst unit first
gives it the best place.  It is taken from the sentence (`从高到低`, `由少到多`), from a
value that is itself a place (`年度平均排名`: the smaller the better), or from a name
whose better end every reader knows (`满意度`, `办结率`, a count of work done such as
`上报…件数`).  Anything else — a rate that should be low (`发案率`), a name of unknown
sense — stays pending, and the reason says to write the direction.  So does a sentence
whose bands leave a gap or earn more further down: the places would not be as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from ...check.senses import CHANGE_HEADS, sense_from_name
from ...source.text import normalise
from ...syntax import keywords as kw
from ...syntax.keywords import TURNING_CHARS, TURNING_WORDS
from ...syntax.numerals import whole_number
from ..names import legal_name
from ..shapes import Reading

_NUM = r"\d+|[一二两三四五六七八九十]{1,3}"
_PTS = r"\d+(?:\.\d+)?"
_TO = r"\s*(?:至|到|-|—|～|~)\s*第?\s*"
#: One band of places: `前3名`, `第4至10名`, `第1名` (名 or 位).
_BAND = rf"(?:前\s*(?P<top>{_NUM})|第\s*(?P<a>{_NUM})(?:{_TO}(?P<b>{_NUM}))?)\s*[名位]"
_EARN = rf"的?\s*,?\s*(?:得|计|记)\s*(?P<p>{_PTS})\s*分"
#: Where and how the place is said: `在全区各街道(镇)中排名`, `位列全县`, `居全市`.
_WHERE = r"(?:在)?(?:全[市县区省州]|本系统|全系统)?(?:各[^,;:]{1,12}?中)?"
_VERB = r"(?:排名|排在|位列|位居|名列|居于|居)?\s*(?:全[市县区省州])?"
#: `X位列全县前3名的得3分`: the value, then its first band.
_FIRST = re.compile(rf"^(?P<x>[^,;:]+?)\s*{_WHERE}\s*(?P<verb>{_VERB})\s*{_BAND}{_EARN}")
#: `按得分从高到低排名，第1名得12分`: the value and the direction said first.
_ORDERED = re.compile(
    rf"^按?(?P<x>[^,;:]+?){_WHERE}(?P<dir>{kw.alternation(kw.RANK_ORDERS)})"
    r"(?:的顺序)?(?:排名|排序|排列)\s*[,:]\s*"
    rf"{_WHERE}\s*{_VERB}\s*{_BAND}{_EARN}"
)
#: A value that is only the words saying where or how the place is held (`位列`).
_NO_VALUE = re.compile(rf"^{_WHERE}\s*{_VERB}$")
_NEXT = re.compile(rf"^\s*[,;]\s*(?:排名|位列|位居|居)?\s*{_BAND}{_EARN}")
_REST = re.compile(rf"^\s*[,;]\s*其余(?:的|单位|各单位)?\s*,?\s*(?:得|计|记)\s*(?P<p>{_PTS})\s*分")
_STEP_WORDS = r"(?:每后退|每下降|每后移|每递减|每降低)\s*(?:1|一)\s*(?:个)?\s*(?:名次|位次|名|位)"
#: `每后退1名扣0.5分`, optionally `第7名及以后的，每后退1名在4分基础上扣0.5分`.
_STEP = re.compile(
    rf"^\s*[,;]\s*(?:第\s*(?P<k>{_NUM})\s*[名位](?:及以后|及之后|及以下)的?\s*,?\s*)?"
    rf"(?:其后|以后|之后)?\s*{_STEP_WORDS}\s*(?:在\s*(?P<base>{_PTS})\s*分(?:的)?基础上)?\s*"
    rf"(?:扣|减)\s*(?P<d>{_PTS})\s*分"
)
#: The ranking directions the language reads (`从高到低`…), and a lower-is-better sense said
#: in the sentence (`越少越好`).
_HIGH_WORDS = tuple(w for w, order in kw.RANK_ORDERS.items() if order == "high")
_LOW_WORDS = (
    *(w for w, order in kw.RANK_ORDERS.items() if order == "low"),
    *(w for w, sense in kw.FACT_SENSES.items() if sense == "low"),
)
#: A value too bare to name a fact by itself (`测评结果`, `得分`): it needs the topic the
#: sentence names before it.
_BARE = re.compile(
    r"^(?:年度|全年|月均|平均|综合)*(?:测评|考评|评价|考核|督导|评估)?"
    r"(?:结果|得分|成绩|分数|数量|排名|名次|位次)$"
)
_RANK_END = re.compile(r"(?:排名|名次|位次)$")
#: The topic a lead names for a bare value: a survey or a ranking, with its head word.
_TOPIC_HEAD = re.compile(
    r"(?:测评|考评|评价|考核|督导|评估|调查)(?P<head>结果|得分|成绩|分数|排名|名次|位次)?$"
)
#: `根据第三方开展的满意度测评结果，`, `依据全县督导排名计分：`: where the value comes from.
_SOURCE = re.compile(r"^(?:根据|依据|按照|以)(?P<src>.+?)(?:计分|为准|为依据)?$")
#: Heads whose better end is the higher, beyond the checker's lexicon (`check.senses`):
#: survey results and rates of work done for people.
_HIGH_HEADS = (
    "测评结果",
    "评价结果",
    "测评得分",
    "评估得分",
    "测评成绩",
    "管理率",
    "建档率",
    "签约率",
    "普及率",
    "参保率",
)
#: A count of work a unit is asked to do more of (`上报…件数`): the higher the better.
_WORK_VERBS = ("上报", "报送", "排查", "化解", "调解", "采用", "办结", "归档", "签约", "引进")
_COUNT_END = re.compile(r"(?:数量|总数|件数|次数|个数|人数|户数|起数|篇数|条数|数)$")
#: The count unit a name says itself (`件数` counts 件); others are plain numbers.
_COUNT_UNITS = {"件数": "件", "次数": "次", "个数": "个", "人数": "人", "户数": "户", "篇数": "篇"}


@dataclass(frozen=True)
class _Band:
    first: int
    last: int
    points: Decimal
    text: str  # `第4至10名得2分`


@dataclass(frozen=True)
class _Places:
    """A sentence read as places: the clause lacks only its direction when `order` is ''."""

    name: str
    order: str  # 从高到低, 从低到高, or '' when the sentence does not say and the name cannot
    rules: str  # `第1至3名得3分，…，其余得1分`
    said: str  # the words that name the value, for the fact's note
    why: str = ""  # why the direction is not read (when order is '')


def _band(m: re.Match[str]) -> _Band:
    """A band matched by `_BAND` + `_EARN`, written as the language writes it."""
    if m.group("top"):
        first, last = 1, whole_number(m.group("top"))
    else:
        first = whole_number(m.group("a"))
        last = whole_number(m.group("b")) if m.group("b") else first
    places = f"第{first}名" if first == last else f"第{first}至{last}名"
    return _Band(first, last, Decimal(m.group("p")), f"{places}得{m.group('p')}分")


def _rules(first: _Band, tail: str) -> str | None:
    """The bands and what follows them, one after another from the first place, each
    earning no more than the one before; None for a gap, a rise or words left over
    (a band dropped or a place misplaced would score other units than the document)."""
    bands = [first]
    m = _NEXT.match(tail)
    while m is not None:
        bands.append(_band(m))
        tail = tail[m.end() :]
        m = _NEXT.match(tail)
    if (
        bands[0].first != 1
        or any(b.last < b.first for b in bands)
        or any(b.first != a.last + 1 or b.points > a.points for a, b in pairwise(bands))
    ):
        return None
    last = bands[-1]
    rules = "，".join(b.text for b in bands)
    rest = _REST.match(tail)
    step = _STEP.match(tail)
    if rest is not None and Decimal(rest.group("p")) < last.points:
        return f"{rules}，其余得{rest.group('p')}分" if not tail[rest.end() :].strip() else None
    if step is not None and not tail[step.end() :].strip():
        k, base = step.group("k"), step.group("base")
        if (k is None) != (base is None) or (
            k is not None and (whole_number(k) != last.last + 1 or Decimal(base) != last.points)
        ):
            # `第7名及以后的，每后退1名在4分基础上扣0.5分` after `第4至6名得4分` is the step
            # from the last band; another place or base would not start where it says
            return None
        return f"{rules}，其后每下降一个名次扣{step.group('d')}分"
    return rules if not tail.strip() else None


def _topic(lead: str) -> str:
    """`根据第三方机构开展的经营主体满意度测评结果` → `经营主体满意度测评结果`,
    `开展群众满意度测评` → `群众满意度测评`."""
    source = _SOURCE.match(lead)
    topic = source.group("src") if source else lead
    # what was done is not the topic: `委托第三方开展群众满意度测评` is of 群众满意度测评
    topic = re.split(r"的|开展|进行|组织|实施", topic)[-1]
    return re.sub(r"^全[市县区省州]", "", topic)


def _named(x: str, lead: str) -> str | None:
    """The fact's name: the value as written, completed by the lead when the value is
    bare (`得分` of `…满意度测评结果` is `…满意度测评得分`) or leaves out the object of its
    verb (`月均上报数量` after `网格员排查上报矛盾纠纷` is `月均上报矛盾纠纷数量`)."""
    x = re.sub(r"^(?:各单位|各)", "", x.strip())
    if _BARE.match(x):
        return _completed(x, _topic(lead)) if lead else None
    for verb in (v for v in _WORK_VERBS if v in x and v in lead):
        thing = lead[lead.rfind(verb) + len(verb) :]
        if 2 <= len(thing) <= 12 and thing not in x and not re.search(r"\d", thing):
            cut = x.index(verb) + len(verb)
            return legal_name(x[:cut] + thing + x[cut:])
    return legal_name(x) if len(x) >= 2 else None


def _completed(x: str, topic: str) -> str | None:
    """A bare value (`得分`, `年度平均排名`) on the topic the lead names (`…测评结果`,
    `…督导排名`): the topic's own head word gives way to the value, a word both share
    is said once (`…满意度测评` + `测评结果`); None when the lead names no such topic."""
    topic_head = _TOPIC_HEAD.search(topic)
    if topic_head is None:
        return None
    stem = topic[: topic_head.start("head")] if topic_head.group("head") else topic
    if len(stem) < 2:
        return None
    shared = next((k for k in range(len(x), 0, -1) if stem.endswith(x[:k])), 0)
    return legal_name(stem + x[shared:])


def _turned(name: str, head: str) -> bool:
    """A word before the head that may turn the value around (`未上报…件数`)."""
    before = name[: len(name) - len(head)] if name.endswith(head) else name
    return any(c in before for c in TURNING_CHARS) or any(w in before for w in TURNING_WORDS)


def _sense(name: str) -> str | None:
    """'high' or 'low' when the name says which end is better, else None."""
    if _RANK_END.search(name):
        return "low" if not _turned(name, "") else None  # a place: the first is the best
    sense = sense_from_name(name)
    if sense is not None:
        return sense
    head = next((h for h in _HIGH_HEADS if name.endswith(h)), None)
    if head is not None:
        return None if _turned(name, head) else "high"
    count = _COUNT_END.search(name)
    if count is not None and any(v in name for v in _WORK_VERBS) and not _turned(name, ""):
        return "high"
    return None


def _order(n: str, name: str) -> tuple[str, str]:
    """(direction, why not) of the ranking: the sentence's own words first, then the
    name; ('', reason) when neither tells."""
    high = any(w in n for w in _HIGH_WORDS)
    low = any(w in n for w in _LOW_WORDS)
    if high != low:
        return ("从高到低" if high else "从低到高"), ""
    if high and low:
        return "", "句中的排序方向前后不一"
    sense = _sense(name)
    if sense == "high":
        return "从高到低", ""
    if sense == "low" and _RANK_END.search(name):
        return "从低到高", ""
    if sense == "low":
        return "", f"{name}通常越低越好，原文没有写明名次从哪一头数起"
    return "", f"原文没有写明{name}越高越好还是越低越好"


def _parse(sentence: str) -> _Places | None:
    """The sentence as places on a named value, trying each comma or colon as the end of
    the words that lead in (`网格员排查上报矛盾纠纷，`); the lead holds no number."""
    n = normalise(sentence).strip().rstrip("。;, ")
    for cut in [-1, *(i for i, c in enumerate(n) if c in ",:")]:
        lead, core = n[: max(cut, 0)].strip(), n[cut + 1 :].strip()
        if re.search(r"\d", lead):
            return None
        m = _ORDERED.match(core) or _FIRST.match(core)
        if m is None:
            continue
        x = m.group("x")
        if _NO_VALUE.match(x) or re.search(r"倒数|位列|位居|名列|排在|排名|名次|位次", x):
            continue  # `位列全县倒数前3名`: places from the other end, not a value
        if m.re is _FIRST and m.group("verb").startswith("排名") and x.endswith("平均"):
            x += "排名"  # `年度平均排名第1名`: the value is the average place
        rules = _rules(_band(m), core[m.end() :])
        name = _named(x, lead) if rules is not None else None
        if rules is None or name is None:
            return None
        order, why = _order(n, name)
        said = f"{lead}，{x}" if lead else x
        return _Places(name, order, rules, said, why)
    return None


def _unit(name: str) -> str:
    """The type the ranked value is declared with: a rate is a 百分比 (a growth rate may be
    negative: a number), a count says its unit, an average or a score is a number."""
    if name.endswith(("率", "比例", "占比")) and not name.endswith(CHANGE_HEADS):
        return "百分比"
    if re.search(r"均|平均", name):
        return "数值"
    return next((u for end, u in _COUNT_UNITS.items() if name.endswith(end)), "数值")


def read_places(sentence: str) -> Reading | None:
    """`…位列全县前3名的得3分，第4至10名的得2分，其余的得1分` as the language's
    `按【X】从高到低排名，第1至3名得3分，第4至10名得2分，其余得1分` (see the module)."""
    places = _parse(sentence)
    if places is None or not places.order:
        return None
    clause = f"按【{places.name}】{places.order}排名，{places.rules}"
    said = f"{places.said}（一起考评的各单位的数值，{places.order}排名）"
    return Reading((places.name,), clause, (_unit(places.name),), said, default="", declared=True)


def place_trouble(sentence: str, several: bool = False) -> str | None:
    """Why a sentence of places is not drafted when only its direction is unknown.  With
    `several`, only for more than one rule: one band alone (`…位列全市前2名的得3分`) may
    still be read as a yes/no fact of being in it, which the filler answers."""
    places = _parse(sentence)
    if places is None or places.order or (several and "，" not in places.rules):
        return None
    return (
        f"按名次计分：{places.why}。请写明排名方向："
        f"“按【{places.name}】从高到低排名，{places.rules}”（高者在前）"
        f"或 “按【{places.name}】从低到高排名，{places.rules}”（低者在前），language.md 9.9"
    )
