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
from decimal import Decimal

from ..source.text import normalise
from ..syntax import keywords as kw
from .names import legal_name

_FAILURE = re.compile(r"^(?:无|未|没有|缺少|缺|不)|不")
#: The first item of a list may name its subject first: `消防工作未纳入政府工作报告`.
_FAILURE_IN = re.compile(r"(?:无|未|没有|缺少|缺|不)")
_LIST = re.compile(r"^(?P<items>[^,;]+?)(?P<de>的)?\s*,?\s*(?P<rest>(?:分别|各)(?:扣|减).+)$")


@dataclass(frozen=True)
class Reading:
    """Names of the facts (in order) and the clause text with them in `【】`."""

    names: tuple[str, ...]
    clause: str
    units: tuple[str, ...]  # the type each name is expected to have
    description: str = ""
    default: str | None = None  # None: as for any drafted fact of that type
    descriptions: tuple[str, ...] = ()  # one per name, when they differ
    #: tried with the names declared with their units: a use that does not say the type
    #: (`按【X】排名` infers 数值) still declares the one the reading knows (百分比)
    declared: bool = False


def read_failures(sentence: str) -> Reading | None:
    n = normalise(sentence).strip().rstrip("。;, ")
    m = _LIST.match(n)
    if not m:
        return None
    items = [i.strip() for i in m.group("items").split("、")]
    if len(items) < 2 or not all(2 <= len(i) <= 20 and _FAILURE.search(i) for i in items[1:]):
        return None
    # the first may start with what the failures are about (`消防工作未纳入…、未列入…的`)
    if not (2 <= len(items[0]) <= 28 and _FAILURE_IN.search(items[0])):
        return None
    names = tuple(legal_name(i) for i in items)
    if len(set(names)) != len(names):
        return None
    clause = "、".join(f"【{name}】" for name in names) + f"的，{m.group('rest')}"
    return Reading(names, clause, ("是否",) * len(names))


#: Verbs a list of things to do starts with (`未明确分管领导、责任科室的`: 明确 both).
DO_VERBS = (
    "明确|建立|制定|落实|配备|设立|开展|成立|签订|召开|印发|出台|组建|配齐|公开|上报|报送|健全|"
    "完善|确定|指定|设置|编制|组织"
)
_SHARED_NOT = re.compile(
    rf"^(?:未|没有)(?P<verb>{DO_VERBS})(?P<items>[^,;的未不无没]+?)的\s*,?\s*(?P<rest>分别(?:扣|减).+)$"
)


def read_shared_negation(sentence: str) -> Reading | None:
    """`未明确统计工作分管领导、责任科室的，分别扣1分`: 未 and the verb cover every item, each
    missing one costs the amount — the language's `未【明确统计工作分管领导】、【明确责任科室】的，
    分别扣1分` (a fact per thing done, each 否 deducts)."""
    m = _SHARED_NOT.match(normalise(sentence).strip().rstrip("。;, "))
    if not m:
        return None
    verb = m.group("verb")
    items = [i.strip() for i in m.group("items").split("、")]
    if len(items) < 2 or not all(2 <= len(i) <= 20 for i in items):
        return None
    names = tuple(legal_name(verb + i if not re.match(DO_VERBS, i) else i) for i in items)
    if len(set(names)) != len(names):
        return None
    clause = "未" + "、".join(f"【{name}】" for name in names) + f"的，{m.group('rest')}"
    # things done, not failures: no default (a blank cell would read as not done)
    return Reading(names, clause, ("是否",) * len(names), default="")


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


_PCT = r"\d+(?:\.\d+)?\s*%"
#: `A率和B率应分别达到95%、80%，每低1个百分点扣2分`: one step for two standards.
_BOTH = re.compile(
    rf"^(?P<a>[^,;]+?率)(?:和|、|及|与)(?P<b>[^,;]+?率)(?P<req>应|须)分别达到\s*(?P<x>{_PCT})\s*、\s*"
    rf"(?P<y>{_PCT})\s*,\s*(?P<step>每(?:低|低于|降低|下降)\s*1\s*个百分点(?:扣|减)\s*\d+(?:\.\d+)?\s*分)$"
)
#: `A率应达到100%、B率应达到75%，A率每低1个百分点扣0.2分，B率每低1个百分点扣0.1分`.
_EACH = re.compile(
    rf"^(?P<a>[^,;、]+?率)(?P<ra>应|须)达到\s*(?P<x>{_PCT})\s*、\s*(?P<b>[^,;、]+?率)(?P<rb>应|须)达到\s*(?P<y>{_PCT})"
    rf"\s*,\s*(?P<sa>[^,;]+?率)(?P<stepa>每(?:低|低于|降低|下降)\s*1\s*个百分点(?:扣|减)\s*\d+(?:\.\d+)?\s*分)"
    rf"\s*,\s*(?P<sb>[^,;]+?率)(?P<stepb>每(?:低|低于|降低|下降)\s*1\s*个百分点(?:扣|减)\s*\d+(?:\.\d+)?\s*分)$"
)


def read_standards(sentence: str) -> tuple[Reading, ...] | None:
    """Two rates with a standard each in one sentence: one clause per rate, each with its
    own standard and step (`应达到95%，每低1个百分点扣2分`)."""
    n = normalise(sentence).strip().rstrip("。;, ")
    m = _BOTH.match(n)
    if m:
        pairs = [
            (m.group("a"), m.group("req"), m.group("x"), m.group("step")),
            (m.group("b"), m.group("req"), m.group("y"), m.group("step")),
        ]
    else:
        m = _EACH.match(n)
        if m is None:
            return None
        a, b = legal_name(m.group("a")), legal_name(m.group("b"))
        if not (a.endswith(legal_name(m.group("sa"))) and b.endswith(legal_name(m.group("sb")))):
            return None  # the steps must name the rates of the standards, in order
        pairs = [
            (m.group("a"), m.group("ra"), m.group("x"), m.group("stepa")),
            (m.group("b"), m.group("rb"), m.group("y"), m.group("stepb")),
        ]
    out = []
    for what, req, value, step in pairs:
        name = legal_name(what)
        clause = f"【{name}】{req}达到{value.replace(' ', '')}，{step.replace(' ', '')}"
        out.append(Reading((name,), clause, ("百分比",), name, default=""))
    if len({r.names for r in out}) != len(out):
        return None
    return tuple(out)


#: A number as documents write it (`3`, `0.5`): one pattern for every reader.
DECIMAL = r"\d+(?:\.\d+)?"
_N = DECIMAL
#: `差错率在1%以内（含1%）的不扣分，1%至3%（含3%）的扣2分，3%以上的扣5分`: bands by
#: how far a rate goes, each band saying which side its bounds belong to.
_BANDS = re.compile(
    rf"^(?P<what>[^,;]+?率)在?\s*(?P<a>{_N})%以内\s*(?:\(含(?P=a)%\))?的?\s*不扣分\s*,\s*"
    rf"(?P=a)%?\s*(?:至|-|—|~)\s*(?P<b>{_N})%\s*\(含(?P=b)%\)的?\s*扣\s*(?P<x>{_N})\s*分\s*,\s*"
    rf"(?P=b)%(?:以上|及以上)的?\s*扣\s*(?P<y>{_N})\s*分$"
)


def read_bands(sentence: str) -> Reading | None:
    """The bands of a rate as the language's tiers: `【差错率】超过1%、3%的，分别扣2分、5分`
    (only the deepest band reached counts, language.md 9.15).  Read only when the middle
    band states that its upper bound is in it (`（含3%）`): without it, 3% itself could
    be in either band."""
    m = _BANDS.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    name = legal_name(m.group("what"))
    a, b, x, y = (m.group(k) for k in ("a", "b", "x", "y"))
    clause = f"【{name}】超过{a}%、{b}%的，分别扣{x}分、{y}分"
    return Reading((name,), clause, ("百分比",), name, default="")


#: `主要负责人每半年至少带队开展一次现场督查，未开展的扣2分`: a fixed deduction when the
#: requirement (as a whole) is not met.
_NOT_DONE = re.compile(
    r"^(?P<req>[^,;]*?(?:至少|不少于|不得少于|应当|应|须)[^,;]+?)\s*,\s*"
    r"(?:未|没有)(?P<verb>[^,;的\d]{1,6})的?\s*,?\s*(?P<effect>(?:扣|减)\s*\d+(?:\.\d+)?\s*分)$"
)


def read_not_done(sentence: str) -> Reading | None:
    """`X每半年至少开展一次Y，未开展的扣2分` → `未【X每半年至少开展一次Y】的，扣2分`: the
    fact is whether the requirement was met (是否, no default: it is to be checked), and
    the deduction is made once, as written (not once per period)."""
    m = _NOT_DONE.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None or m.group("verb") not in m.group("req"):
        return None
    name = legal_name(m.group("req"))
    if len(name) < 4:
        return None
    clause = f"未【{name}】的，{m.group('effect').replace(' ', '')}"
    return Reading((name,), clause, ("是否",), f"是否做到：{m.group('req')}", default="")


#: `案件返工率高于全区平均水平的，每高出1个百分点扣0.3分`, `优秀率、及格率低于全县平均水平的，
#: 每低1个百分点分别扣0.2分`, `A增幅、B增幅分别超过全省平均增幅的，每超过1个百分点各扣0.5分`.
_VS_AVERAGE = re.compile(
    r"^(?P<facts>[^,;]+?)(?P<each>分别)?(?P<dir>高于|超过|低于)(?P<scope>[^,;的]{0,10}?)平均(?P<what>水平|值|数|增幅|增速)?的?"
    r"\s*,\s*每(?P<verb>高出|高于|高|超过|超出|超|低于|低|下降)\s*1\s*个百分点(?P<each2>分别|各)?"
    r"(?P<effect>(?:扣|减)\s*\d+(?:\.\d+)?\s*分)(?P<tail>\s*,\s*扣完为止)?$"
)
_HIGH = ("高出", "高于", "高", "超过", "超出", "超")


def read_vs_average(sentence: str) -> tuple[Reading, ...] | None:
    """A rate against an average the document names (全区、全县、全省…): the average is a
    data item of its own (`【全区平均案件返工率】`, every unit filled with the same value),
    and the step counts from it (`【案件返工率】每高于【全区平均案件返工率】1个百分点扣0.3分`).
    Whether 全省平均 is the mean of the units scored together is not for the draft to
    guess.  Several rates are read only with 分别/各 (each rate on its own)."""
    m = _VS_AVERAGE.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    high = m.group("dir") in ("高于", "超过")
    if high != (m.group("verb") in _HIGH):
        return None  # `高于平均水平的，每低1个百分点`: the sides disagree
    facts = [f.strip() for f in m.group("facts").split("、")]
    if len(facts) > 1 and not (m.group("each") or m.group("each2")):
        return None
    if not all(len(f) >= 2 for f in facts):
        return None
    side = "高于" if high else "低于"
    scope = m.group("scope").strip()
    effect = m.group("effect").replace(" ", "")
    tail = "，扣完为止" if m.group("tail") else ""
    out = []
    for fact in facts:
        name = legal_name(fact)
        average = legal_name(f"{scope}平均{name}")
        clause = f"【{name}】每{side}【{average}】1个百分点{effect}{tail}"
        said = (
            f"{scope}平均{m.group('what') or '水平'}（与【{name}】比较的平均值，各单位填同一个数）"
        )
        out.append(
            Reading(
                (name, average),
                clause,
                ("百分比", "百分比"),
                default="",
                descriptions=(name, said),
            )
        )
    return tuple(out)


#: `A、B均达到90%及以上的得满分，每项每低1个百分点扣0.5分`: each rate on its own.
_ALL_FULL = re.compile(
    rf"^(?P<facts>[^,;]+?)均(?:达到|不低于)\s*(?P<x>{_N})\s*%(?:及以上|以上)?的?\s*,?\s*得满分\s*,\s*"
    rf"每项每(?:低|低于|降低|下降)\s*1\s*个百分点(?P<effect>(?:扣|减)\s*{_N}\s*分)$"
)


def read_all_full(sentence: str) -> Reading | None:
    """`A、B均达到90%及以上的得满分，每项每低1个百分点扣0.5分` is the language's
    `【A】、【B】低于90%的，每低1个百分点扣0.5分` (each rate below 90% on its own steps,
    language.md 9.14): full marks when both reach it, as the sentence says."""
    m = _ALL_FULL.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    names = tuple(legal_name(f.strip()) for f in m.group("facts").split("、"))
    if len(names) < 2 or len(set(names)) != len(names) or any(len(n) < 2 for n in names):
        return None
    clause = (
        "、".join(f"【{n}】" for n in names)
        + f"低于{m.group('x')}%的，每低1个百分点{m.group('effect').replace(' ', '')}"
    )
    return Reading(names, clause, ("百分比",) * len(names), default="")


#: `案件查办数量未达到市局下达任务数的，每少1件扣3分`: a standard named, not numbered.
_NAMED_STANDARD = re.compile(
    r"^(?P<x>[^,;]+?)(?:未达到|未完成|达不到)(?P<y>[^,;的]{2,20}?(?:任务数|目标数|计划数|任务量|序时进度))的?"
    rf"\s*,\s*(?P<step>每(?:少|缺)\s*1\s*(?P<unit>{_UNITS})\s*(?:扣|减)\s*{_N}\s*分)$"
)


def read_named_standard(sentence: str) -> Reading | None:
    """The standard is a number the document names (`市局下达任务数`): it is a data item of
    its own, and the shortfall below it is stepped: `【X】应达到【Y】，每少1件扣3分`."""
    m = _NAMED_STANDARD.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    x, y = legal_name(m.group("x")), legal_name(m.group("y"))
    if len(x) < 2 or x == y:
        return None
    unit = kw.COUNT_UNITS[m.group("unit")]
    clause = f"【{x}】应达到【{y}】，{m.group('step').replace(' ', '')}"
    said = f"{m.group('y')}（{x}的标准，照下达的数填写）"
    return Reading((x, y), clause, (unit, unit), default="", descriptions=(x, said))


#: `粮食播种面积、粮食产量完成县下达任务的，各得3分（；未完成的，相应项目不得分）`.
_EACH_EARNED = re.compile(
    r"^(?P<items>[^,;]+?)的\s*,\s*(?:各|每项)得\s*(?P<n>\d+(?:\.\d+)?)\s*分"
    r"(?:\s*,\s*(?:(?:未|没有)[^,;]{0,8}?的\s*,?\s*(?:相应项目|相应项|该项)?|否则)不得分)?$"
)
_SHARED_VERB = re.compile(r"(?:完成|达到|通过|实现|获得|获评|纳入)")


def read_each_earned(sentence: str) -> Reading | None:
    """Several things listed before one shared verb phrase, each earning the same points:
    one fact per thing (`【粮食播种面积完成县下达任务】、【粮食产量完成县下达任务】的，
    各得3分`); a thing not done earns nothing, which is what `未完成的，相应项目不得分` says."""
    m = _EACH_EARNED.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    items = [i.strip() for i in m.group("items").split("、")]
    verb = _SHARED_VERB.search(items[-1]) if len(items) >= 2 else None
    if verb is None or verb.start() == 0 or any(_SHARED_VERB.search(i) for i in items[:-1]):
        return None
    shared = items[-1][verb.start() :]
    names = tuple(legal_name(i + shared) for i in items[:-1]) + (legal_name(items[-1]),)
    if len(set(names)) != len(names):
        return None
    clause = "、".join(f"【{n}】" for n in names) + f"的，各得{m.group('n')}分"
    return Reading(names, clause, ("是否",) * len(names), default="")


#: `学校党组织每月至少召开一次支部委员会会议，全年少于12次的，每少1次扣0.5分`: the
#: requirement per month, the count over the year.
_YEAR_COUNT = re.compile(
    r"^(?P<who>[^,;]*?)每个?(?:月|季度|周)(?:至少|不少于)?(?P<what>[^,;\d每]*?)(?:一|1)次(?P<thing>[^,;]*?)"
    r"\s*,\s*全年(?:少于|不足)\s*(?P<n>\d+)\s*次的?\s*,\s*"
    rf"(?P<step>每少\s*1\s*次\s*(?:扣|减)\s*{_N}\s*分)$"
)
#: `库房温湿度每日记录一次，每缺一天记录扣0.1分，最高扣3分`: the days without a record.
_DAILY = re.compile(
    r"^(?P<what>[^,;]+?)每(?:日|天)(?P<verb>[^,;\d]{1,4}?)(?:一|1)次\s*,\s*"
    rf"每缺(?:一|1)天(?P=verb)?\s*(?P<effect>(?:扣|减)\s*{_N}\s*分)"
    rf"(?P<tail>\s*,\s*(?:最高|最多)扣\s*{_N}\s*分)?$"
)


def read_year_count(sentence: str) -> Reading | None:
    """A yearly count against the total the sentence states (`全年少于12次的，每少1次`),
    and a daily duty counted in the days it was missed (`每缺一天记录`)."""
    n = normalise(sentence).strip().rstrip("。;, ")
    m = _YEAR_COUNT.match(n)
    if m is not None:
        name = legal_name(f"{m.group('who')}全年{m.group('what')}{m.group('thing')}次数")
        clause = f"【{name}】少于{m.group('n')}次的，{m.group('step').replace(' ', '')}"
        return Reading((name,), clause, ("次",), f"全年合计的次数：{n}", default="")
    m = _DAILY.match(n)
    if m is not None:
        name = legal_name(f"{m.group('what')}{m.group('verb')}缺少天数")
        tail = (m.group("tail") or "").replace(" ", "").replace(",", "，")
        clause = f"【{name}】每缺一天{m.group('effect').replace(' ', '')}{tail}"
        return Reading((name,), clause, ("天",), f"没有{m.group('verb')}的天数：{n}", default="0")
    return None


#: `以…满意度调查结果为准，全市排名第1的县（市、区）得100分，其余按其满意度与第1名满意度的比值
#: 乘以100计分`: the best unit of the batch scores N, the others N × own ÷ best.
_BEST_RATIO = re.compile(
    r"^(?:以(?P<source>[^,;]*?)(?:调查|测评|评议)?结果为准\s*,\s*)?(?:全[市县区省]|各单位中)?排名第\s*(?:1|一)\s*(?:名)?的[^,;]{0,12}?"
    rf"得\s*(?P<n>{_N})\s*分\s*,\s*其余(?:单位)?按其?(?P<x>[^,;]{{2,12}}?)与第\s*(?:1|一)\s*名(?:的)?(?P=x)?的?比值乘以\s*(?P=n)\s*计分$"
)


#: `X（说明）在全市排名第1名的，得5分；其余县（市、区）按与第1名的比例得分`.
_FIRST_THEN_RATIO = re.compile(
    r"^(?P<x>[^,;(（]+?)\s*(?:[(（](?P<said>[^)）]*)[)）])?\s*在?(?:全[市县区省])排名第\s*(?:1|一)\s*名?的"
    rf"\s*,?\s*得\s*(?P<n>{_N})\s*分\s*[,;]\s*其余[^,;]{{0,12}}?按与第\s*(?:1|一)\s*名的?比例(?:得分|计分)$"
)


def read_best_ratio(sentence: str) -> Reading | None:
    """The language's `按【X】从高到低排名，第1名得N分，其余按与第1名的比例得分`
    (language.md 9.9): the first of the units scored together earns N, each other unit
    N × its value ÷ the first's."""
    first = _FIRST_THEN_RATIO.match(normalise(sentence).strip().rstrip("。;, "))
    if first is not None:
        name = legal_name(first.group("x").strip())
        if len(name) < 2:
            return None
        n = first.group("n")
        clause = f"按【{name}】从高到低排名，第1名得{n}分，其余按与第1名的比例得分"
        said = f"{name}（{first.group('said')}）" if first.group("said") else name
        return Reading((name,), clause, ("数值",), f"{said}（一起考评的各单位的数值）", default="")
    m = _BEST_RATIO.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    source = (m.group("source") or "").strip()
    x = m.group("x").strip()
    name = legal_name(source.split("的")[-1] if source.endswith(x) else x)
    if len(name) < 2:
        return None
    n = m.group("n")
    clause = f"按【{name}】从高到低排名，第1名得{n}分，其余按与第1名的比例得分"
    return Reading(
        (name,), clause, ("数值",), f"{source or x}（一起考评的各单位的数值）", default=""
    )


_UP = "上升|增加|增长|提高|提升|上涨"
_DOWN = "下降|减少|降低|回落"
#: `辖区未成年人犯罪人数较上年下降的得4分，与上年持平的得3分，上升的不得分`.
#: What was done may come first (`组织乡土人才参加技能培训，培训人次较上年增长的…`): the
#: compared value is the words just before 较上年.  The third side may earn less than 持平
#: (`较上年减少的得1分`), and a last part may say that nothing done earns nothing
#: (`未安排的不得分`: an amount of 0, whatever last year's was).
_VS_LAST_YEAR = re.compile(
    rf"^(?:[^;；]*?[,，]\s*)?(?P<x>[^,;，；]{{2,30}}?)\s*(?:(?:较|比|与)上年(?:同期)?(?:相比)?|同比)\s*,?\s*"
    rf"(?P<dir>{_UP}|{_DOWN})的?\s*,?\s*得\s*(?P<a>{_N})\s*分\s*[,;]\s*"
    rf"(?:与上年|较上年|比上年)?\s*持平的?\s*,?\s*得\s*(?P<b>{_N})\s*分"
    rf"(?:\s*[,;]\s*(?:较上年|比上年)?\s*(?P<other>{_UP}|{_DOWN})的?\s*,?\s*"
    rf"(?:不得分|得\s*(?P<c>{_N})\s*分))?"
    r"(?:\s*[,;]\s*未(?P<none>[^,;的]{1,20}?)的?\s*,?\s*(?:不得分|得\s*0\s*分))?$"
)


def _none_is_zero(none: str, x: str) -> bool:
    """`未安排的` of `财政安排专项经费`: the verb (and what follows it, if written) is the
    compared amount's own, so not doing it is the amount 0."""
    return none in x or (none[:2] in x and none[2:] in x)


def read_vs_last_year(sentence: str, done: bool = False) -> tuple[Reading, ...] | None:
    """`X较上年下降的得4分，与上年持平的得3分，上升的不得分`: this year's value and last
    year's, two facts (`【X】低于【上年X】的得4分；【X】等于【上年X】的得3分`); the third
    side earns nothing, or what it says when that is less than 持平.  The third side named
    the same way as the first, or earning as much as 持平, is not this sentence.
    `未安排的不得分` after a growth (more is better) holds back 持平 and the third side from
    an amount of 0: `且【X】高于0` (0 in both years is no arrangement, not 持平).  Those
    bands meet no side the checker can tell apart, so they are read only when `done` asks
    for them (a sub-item that takes the highest, `draft._band_tiers`)."""
    m = _VS_LAST_YEAR.match(normalise(sentence).strip().rstrip("。;, "))
    if not m:
        return None
    down = re.fullmatch(_DOWN, m.group("dir")) is not None
    other = m.group("other")
    if other is not None and (re.fullmatch(_DOWN, other) is not None) == down:
        return None
    a, b = Decimal(m.group("a")), Decimal(m.group("b"))
    c = Decimal(m.group("c")) if m.group("c") is not None else Decimal(0)
    if b >= a or (c > 0 and c >= b):
        return None  # 持平 earning as much as the better side (or the worse side as 持平)
    x = legal_name(m.group("x").strip())
    if len(x) < 2 or "上年" in x:
        return None
    none = m.group("none")
    if (none is not None) != done:
        return None
    if none is not None and (down or other is None or not _none_is_zero(none, x)):
        return None  # 0 is the best side, or the side below 持平 is left unsaid
    last = legal_name("上年" + x)
    word, opposite = ("低于", "高于") if down else ("高于", "低于")
    done = f"且【{x}】高于0" if none is not None else ""
    said = (f"{x}（未{none}的填0）" if none else x, f"上年{x}")
    clauses = [
        f"【{x}】{word}【{last}】的得{m.group('a')}分",
        f"【{x}】等于【{last}】{done}的得{m.group('b')}分",
    ]
    if c > 0:
        clauses.append(f"【{x}】{opposite}【{last}】{done}的得{m.group('c')}分")
    return tuple(
        Reading((x, last), clause, ("数值", "数值"), descriptions=said, default="")
        for clause in clauses
    )
