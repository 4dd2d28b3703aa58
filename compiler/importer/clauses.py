"""Scoring sentences → clauses, each one tried on the compiler before it is kept.

For a sentence, the candidates are `【subject】rest` for every place where its
predicate may start (after a comma or `的`, before `每`, `扣`, `得`, a number, …),
the shortest subject first; the first candidate that compiles alone (`trial`) is the
clause.  A sentence with several predicates (`单访每次扣0.02分，集体访每次扣0.05分`)
is tried as comma-separated chunks, and drafted only when every chunk compiles.
Anything else stays in the draft as `# 待处理：` with the original words and the reason.
The clause keeps the document's words after the subject; the subject becomes the name.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from ..source.text import normalise
from ..syntax import keywords as kw
from .names import (
    ALTERNATIVE,
    COUNT_VERBS,
    MAX_NAME,
    NameBook,
    clean_subject,
    is_evidence,
    legal_name,
    name_from,
    pieces,
)
from .readers.changes import (
    one_side_gap,
    read_change_bands,
    read_change_steps,
    read_deadlines,
    read_one_side,
)
from .readers.complements import (
    read_band_steps,
    read_changes_count,
    read_comma_lead,
    read_complement,
    read_each_done,
    read_level_states,
    read_listed_missing,
    read_states,
    read_two_parts,
    read_within,
)
from .readers.counted import read_counted_object
from .readers.lists import read_lists
from .readers.periods import PERIODS, PeriodReading, read_period
from .readers.places import place_trouble, read_places
from .readers.proportions import in_item, joins_mean_share
from .readers.repeats import (
    doubled,
    per_unit,
    read_missing_each,
    read_one_each,
    read_place_months,
)
from .readers.requirements import (
    read_places_short,
    read_rate_after_requirements,
    read_short_of_plan,
)
from .readers.tiers import (
    band_trouble,
    is_next_band,
    plain_lead,
    read_low_chain,
    read_low_deductions,
    read_tier_chain,
)
from .reasons import PER_PERIOD, reason_for
from .shapes import (
    DECIMAL,
    DO_VERBS,
    Reading,
    read_all_full,
    read_bands,
    read_best_ratio,
    read_each_earned,
    read_failures,
    read_named_standard,
    read_not_done,
    read_shared_negation,
    read_standards,
    read_unmet,
    read_vs_average,
    read_vs_last_year,
    read_year_count,
)
from .trial import NEGATED_END, Trial, try_clause

#: Sentences with one of these are scoring sentences (the rest is description).
SCORING = re.compile(
    r"[扣减得计记加奖]除?\s*[\d一二两三四五六七八九十半][\d.\s]*分|扣分|不得分|"
    r"取消.{0,6}资格|一票否决|酌情[扣给加减]|列为|得满分|按满分计|计满分|视为满分|"
    r"[扣减加给得]\s*\d+(?:\.\d+)?\s*分?\s*(?:至|到|-|—|~|～)\s*\d+(?:\.\d+)?\s*分|"
    r"[按以][^，,。；;]{0,30}比例(?:计分|得分|计算|折算|给分)|按[^，,。；;]{1,12}率折算(?:得分|计分)|"  # the other half of `…得3分；未完成的，按比例计分`
    # a formula: `未达到的，按达标率×4计分`, `按本地占比÷全市平均占比×5计分`, `得分＝…`
    r"按[^，,。；;]{0,30}?[×÷*/][^，,。；;]{0,20}?(?:计分|得分|计算|折算|给分)|得分\s*[=＝]|"
    # a grade set or limited by a condition: `…的，不得评为优秀`, `…的，年度考核直接评定为不合格`
    r"不得(?:评|确定|定|评定)为|不能评为|等次(?:最高|最低)为|等次不得?[高低]于|一票否优|"
    # `本项按分值的80%计分`: a share of the item's points
    r"按[^，,。；;]{0,6}?分值的?\s*\d+(?:\.\d+)?\s*%\s*(?:计分|得分|计算|计)|"
    r"(?:直接|等次)\s*(?:评定|确定|定|评)?为\s*(?:优秀|良好|合格|不合格|称职|基本称职|不称职)"
)
_PRED_START = set("每扣减得计记加奖不未应要须需达超低高少多晚迟早取一列直酌以至按没无")
_VERB = re.compile(r"每([^\d一二两三四五六七八九十]{1,4}?)[\d一二两三四五六七八九十]")


#: Longer sentences are left 待处理 untried: each place a predicate may start costs a
#: parse, and a run of text without punctuation is no scoring sentence anyway.
MAX_SENTENCE = 300


#: A subject that is only a quantity (`两次以上`, `超过3件`): of what, the sentence does not say.
_QUANTITY_SUBJECT = re.compile(
    r"^(?:超过|达到|满|累计)?\s*[\d一二两三四五六七八九十]+\s*(?:人次|次|件|起|项|处|个|人|天|份)"
    r"\s*(?:及|或)?\s*(?:以上|以下|以内)?$"
)


@dataclass(frozen=True)
class Drafted:
    """A sentence made into clauses (each with its facts), or None with a reason."""

    sentence: str
    clauses: tuple[str, ...]
    facts: tuple[tuple[str, str, str, str], ...]  # (name, type, default, description)
    reason: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.clauses)


def _restated(draft: Drafted, before: list[Drafted]) -> bool:
    """Whether a part names as its fact the tail of an earlier part's (`提升` after
    `污水收集率较上年提升`): the same measure said again, whose bands are read together
    (tiers, or pending with what is unclear) — never a second fact of its own."""
    earlier = [f[0] for d in before for f in d.facts]
    return any(
        name != other and other.endswith(name) for name, *_ in draft.facts for other in earlier
    )


def _together(sentence: str, drafted: list[Drafted]) -> Drafted:
    """The clauses and facts of several drafts of parts of `sentence`, as one draft (a
    fact two clauses use, once)."""
    return Drafted(
        sentence,
        tuple(c for d in drafted for c in d.clauses),
        tuple(dict.fromkeys(f for d in drafted for f in d.facts)),
    )


def split_sentences(text: str) -> list[str]:
    """`。` `；` `！` `？` end a sentence (kept out of it).  `达到100%的，得满分；每低1个
    百分点扣0.5分` stays one sentence: the step is the second half of the standard, and
    the first half alone would take all the points at 99%."""
    parts = [p.strip() for p in re.split(r"[。；;！？!?]", text) if p.strip()]
    out: list[str] = []
    for part in parts:
        if out and is_next_band(normalise(out[-1]), normalise(part)):
            out[-1] = f"{out[-1]}；{part}"  # `达到90%以上的，得12分；80%以上不足90%的，得9分`
            continue
        full = _HALF_FULL.search(normalise(out[-1])) if out else None
        if full and _HALF_STEP.match(normalise(part)):
            out[-1] = f"{out[-1]}，{part}"
            continue
        if out and any(
            first.search(normalise(out[-1])) and second.match(normalise(part))
            for first, second in _HALVES
        ):
            out[-1] = f"{out[-1]}，{part}"
            continue
        if out and _FIRST_PLACE.search(normalise(out[-1])) and _OTHERS_RATIO.match(normalise(part)):
            out[-1] = f"{out[-1]}；{part}"  # `排名第1名的，得5分；其余…按与第1名的比例得分`
            continue
        if out and _FULL_RATE.search(normalise(out[-1])) and _SHARE_REST.match(normalise(part)):
            out[-1] = f"{out[-1]}；{part}"  # `达到100%的，得4分；未达到的，按比例得分`
            continue
        if out and _formula_share(f"{normalise(out[-1])}；{normalise(part)}") is not None:
            out[-1] = f"{out[-1]}；{part}"  # `达标率达到100%的得4分；未达到的，按达标率×4计分`
            continue
        if out and joins_mean_share(out[-1], part):
            out[-1] = f"{out[-1]}；{part}"  # `达到全市平均水平以上的得5分；低于…按…计分`
            continue
        if out and _deeper_tier(normalise(out[-1]), normalise(part)) is not None:
            out[-1] = f"{out[-1]}；{part}"  # `低于90%的，扣2分；低于80%的，扣4分`: tiers
            continue
        tiers = _TIERS_BELOW.match(normalise(part)) if full else None
        if full and tiers and _same_bound(tiers.group("n"), full.group("n") or full.group("at")):
            out[-1] = f"{out[-1]}，{part}"  # `达到92%以上的，得4分；低于92%、85%的，分别扣…`
            continue
        other = _OTHER_SIDE.match(normalise(part)) if full else None
        if full and other and _same_bound(other.group("n"), full.group("n") or full.group("at")):
            # `达到100%的，得4分；未达到的，每低1个百分点扣0.2分`: the second half only
            # restates that the standard is missed before its step
            out[-1] = f"{out[-1]}，{part[other.start('step') :]}"
            continue
        out.append(part)
    return out


_HALF_FULL = re.compile(
    r"(?:(?:达到|不低于|不少于|不超过|不高于)\s*(?P<n>\d+(?:\.\d+)?)?[^,，]*|在\s*(?P<at>\d+(?:\.\d+)?)\s*%\s*"
    r"(?:\s*[(（]含[^)）]{0,6}[)）])?\s*及?以上(?:\s*[(（]含[^)）]{0,6}[)）])?)的?[,，]?\s*得(?:满分|\d+(?:\.\d+)?分)$"
)
_HALF_STEP = re.compile(r"^每(?:低于?|降低|下降|少于?|减少)\s*[\d一二两三四五六七八九十]")
#: The second half saying the standard is missed, then the step: `未达到的，每低…`,
#: `超过8天的，每超过0.5天…`, `低于95%的，每低1个百分点…`.
_OTHER_SIDE = re.compile(
    r"^(?:未达到|未达|达不到|低于|少于|不足|超过|高于)\s*(?P<n>\d+(?:\.\d+)?)?"
    r"(?:[^,，每\d]{0,4}|全[省市县区]平均(?:水平|值|数)?)的\s*[,，]\s*"
    r"(?P<step>每(?:低于?|降低|下降|少于?|减少|超过?|高于?|高出|多|上升|增加)\s*[\d一二两三四五六七八九十])"
)


#: One bound's deduction, then a deeper bound's: `X低于90%的，扣2分` and `低于80%的，扣4分`.
_TIER_FIRST = re.compile(
    r"^(?P<x>[^,，;；]+?)(?<![不未没非])(?P<cmp>低于|少于|不足|超过|高于|多于)\s*(?P<a>\d+(?:\.\d+)?)\s*(?P<u>%|个月|[天次件个人家起])"
    r"的?\s*[,，]?\s*扣\s*(?P<p>\d+(?:\.\d+)?)\s*分$"
)
_TIER_NEXT = re.compile(
    r"^(?P<cmp>低于|少于|不足|超过|高于|多于)\s*(?P<b>\d+(?:\.\d+)?)\s*(?P<u>%|个月|[天次件个人家起])"
    r"的?\s*[,，]?\s*扣\s*(?P<q>\d+(?:\.\d+)?)\s*分$"
)


_TIER_NONE = re.compile(
    r"^(?P<x>[^,，;；]*未[^,，;；]+?)的?\s*[,，]?\s*扣\s*(?P<q>\d+(?:\.\d+)?)\s*分$"
)


def _deeper_tier(previous: str, sentence: str) -> str | None:
    """`X低于90%的，扣2分` then `低于80%的，扣4分`: the tiers of one value, written as the
    language's tiers `X低于90%、80%的，分别扣2分、4分` (only the deepest tier reached
    counts, language.md 9.15; as two clauses a unit at 78% would lose 6).  None unless
    the second bound is deeper on the same side and deducts more."""
    first = _TIER_FIRST.match(previous.strip())
    second = _TIER_NEXT.match(sentence.strip())
    none = _TIER_NONE.match(sentence.strip())
    if first is not None and second is None and none is not None:
        # `全年作出行政处罚决定少于3件的，扣3分；全年未作出行政处罚决定的，扣6分`: none
        # at all is the deeper tier, fewer than one
        said = none.group("x").replace("未", "", 1)
        if first.group("cmp") not in ("少于", "不足") or said != first.group("x"):
            return None
        if Decimal(none.group("q")) <= Decimal(first.group("p")) or first.group("a") == "1":
            return None
        u = first.group("u")
        return (
            f"{first.group('x')}{first.group('cmp')}{first.group('a')}{u}、1{u}的，"
            f"分别扣{first.group('p')}分、{none.group('q')}分"
        )
    if first is None or second is None:
        return None
    if first.group("cmp") != second.group("cmp") or first.group("u") != second.group("u"):
        return None
    a, b = Decimal(first.group("a")), Decimal(second.group("b"))
    deeper = b < a if first.group("cmp") in ("低于", "少于", "不足") else b > a
    if not deeper or Decimal(second.group("q")) <= Decimal(first.group("p")):
        return None
    u = first.group("u")
    return (
        f"{first.group('x')}{first.group('cmp')}{first.group('a')}{u}、{second.group('b')}{u}的，"
        f"分别扣{first.group('p')}分、{second.group('q')}分"
    )


def _tier_chain(sentence: str) -> str | None:
    """`X低于90%扣2分，低于80%扣4分，低于60%扣6分`: three tiers or more of one value (or
    two, parted by a comma), as the language's `X低于90%、80%、60%的，分别扣2分、4分、6分`;
    only the deepest tier reached counts (language.md 9.15).  Each bound deeper on the
    same side and each deduction larger, or None."""
    parts = [p.strip() for p in re.split(r"(?<=分)\s*[,，;；]\s*", sentence.strip())]
    first = _TIER_FIRST.match(parts[0]) if len(parts) >= 2 else None
    if first is None:
        return None
    bounds, amounts = [first.group("a")], [first.group("p")]
    lower = first.group("cmp") in ("低于", "少于", "不足")
    for part in parts[1:]:
        m = _TIER_NEXT.match(part)
        if m is None or m.group("cmp") != first.group("cmp") or m.group("u") != first.group("u"):
            return None
        b, q = Decimal(m.group("b")), Decimal(m.group("q"))
        deeper = b < Decimal(bounds[-1]) if lower else b > Decimal(bounds[-1])
        if not deeper or q <= Decimal(amounts[-1]):
            return None
        bounds.append(m.group("b"))
        amounts.append(m.group("q"))
    u = first.group("u")
    return (
        f"{first.group('x')}{first.group('cmp')}{'、'.join(b + u for b in bounds)}的，"
        f"分别扣{'、'.join(a + '分' for a in amounts)}"
    )


#: Tiers below the standard of the half before: `低于92%、85%、80%的，分别扣1分、2分、4分`.
_TIERS_BELOW = re.compile(r"^低于\s*(?P<n>\d+(?:\.\d+)?)\s*%\s*、[^,，]+的\s*[,，]?\s*分别扣")
#: The two joined: `X达到92%以上的，得4分，低于92%、85%、80%的，分别扣1分、2分、4分`.
_EARN_THEN_TIERS = re.compile(
    r"^(?P<subject>[^,，]+?)(?:达到|不低于)\s*(?P<n>\d+(?:\.\d+)?)\s*%(?:及?以上)?的?\s*[,，]?\s*"
    r"得\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[,，]\s*(?P<tiers>低于\s*(?P=n)\s*%\s*、.+分别扣.+)$"
)


#: `全部达到…的，得7分（得满分）` and `每有1个支部未达标扣2分` after it (each half once).
_ALL_MET_HALF = (
    r"(?P<what>[^,，]*?)全部(?P<std>[^,，]*?)的\s*[,，]?\s*得(?:满分|\s*(?P<p>\d+(?:\.\d+)?)\s*分)"
)
_EACH_UNMET_HALF = (
    r"每有\s*(?:1|一)\s*(?P<unit>个|家|项|所|名|条|处)(?P<thing>[^,，\d]*?)(?P<neg>未|不)(?P<rest>[^,，\d]*?)"
    r"(?P<effect>[扣减]\s*\d+(?:\.\d+)?\s*分)"
)
_ALL_MET = re.compile(_ALL_MET_HALF + "$")
_EACH_UNMET = re.compile("^" + _EACH_UNMET_HALF)
_ALL_EACH = re.compile(
    f"^{_ALL_MET_HALF}\\s*[,，]\\s*{_EACH_UNMET_HALF}(?P<tail>\\s*[,，]\\s*扣完为止)?$"
)
#: `…达到年度目标的，得20分` and `每低于目标值1个百分点扣2分` after it; the step alone
#: (`清洁取暖改造任务完成率每低于年度目标1个百分点扣0.2分`).
_TARGET_WORDS = r"(?:年度|省定|市定|下达的?)?(?:目标值?|任务)"
_TARGET_MET_HALF = rf"达到(?P<t1>{_TARGET_WORDS})的\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分"
_BELOW_TARGET_HALF = (
    rf"每低于(?P<t2>{_TARGET_WORDS})\s*(?:1|一)\s*个百分点(?P<effect>[扣减]\s*\d+(?:\.\d+)?\s*分)"
)
_OVER_TARGET = re.compile(
    r"^(?P<x>[^,，]+?)超过(?P<t>(?:年度|省定|市定|下达的?)?(?:控制)?(?:目标值?|指标))的\s*[,，]\s*"
    r"每超过?\s*(?:1|一)\s*(?P<unit>天|个|次|起|人|家|件)(?P<effect>[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)
#: `超出控制指标的部分，每死亡1人扣8分`, `事故起数超过2起的部分，每起扣3分`: the part above a
#: limit named or said, a step each.
_OVER_PART = re.compile(
    r"^(?P<x>[^,，;；每\d]{0,20}?)(?:超出|超过)(?:(?P<t>(?:年度|县|市|区|省)?(?:下达的?)?(?:控制)?(?:指标|目标|限额))"
    r"|(?P<n>\d+)\s*(?P<nu>人|起|件|次))的部分\s*[,，]?\s*"
    r"每(?P<v>死亡|受伤|失踪|发生)?\s*(?:1|一)?\s*(?P<u>人|起|件|次)\s*(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)
_TARGET_MET = re.compile(_TARGET_MET_HALF + "$")
_BELOW_TARGET = re.compile("^" + _BELOW_TARGET_HALF)
_TARGET_STEP = re.compile(
    f"^(?P<x>[^,，]+?)(?:{_TARGET_MET_HALF}\\s*[,，]\\s*)?{_BELOW_TARGET_HALF}"
    r"(?P<tail>\s*[,，]\s*扣完为止)?$"
)


#: `按期完成的，得4分` / `按规定期限移交档案的，得10分`, then `（逾期未移交的，）每逾期一个月扣2分`:
#: each half once, as text; the joined sentence is read by the two together.
_ON_TIME_HALF = (
    r"(?P<before>[^,，]*?)(?:按期|按时|按规定期限)(?P<after>[^,，]*?)的\s*[,，]?\s*"
    r"得\s*(?P<points>\d+(?:\.\d+)?)\s*分"
)
_LATE_HALF = r"(?:逾期未?[^,，]{0,6}的\s*[,，]\s*)?每逾期\s*(?:一|1)\s*个?月\s*(?P<effect>扣\s*\d+(?:\.\d+)?\s*分)"
_ON_TIME = re.compile(_ON_TIME_HALF + "$")
_LATE_STEP = re.compile("^" + _LATE_HALF)
_ON_TIME_LATE = re.compile(f"^{_ON_TIME_HALF}\\s*[,，]\\s*{_LATE_HALF}$")


#: `，（并）取消当年评先评优资格` at the end: ineligible for honours, no points change.
_NO_AWARDS = re.compile(
    r"[,，]?\s*并?(取消(?:本单位)?(?:当年|年度|当年度)?[^,，]{0,12}?评(?:先评优|优评先|优|先)资格)$"
)


_ONE_UNITS = "|".join(sorted((re.escape(u) for u in kw.COUNT_UNITS), key=len, reverse=True))
#: `每发现一处不达标的扣0.5分`, `每有一批次未按期核查处置的，扣5分` (after a standard, if any).
_EACH_FAILING = re.compile(
    r"^(?:(?P<std>[^,;]+?(?:应达到|达到|符合)[^,;]*?)\s*,\s*)?"
    rf"每(?P<verb>发现|有|查出)?(?:一|1)\s*(?P<unit>{_ONE_UNITS})"
    r"(?P<what>(?:不|未|没有)[^,;的\d]{1,10}?)的?\s*,?\s*(?P<effect>(?:扣|减)\s*\d+(?:\.\d+)?\s*分)$"
)


#: `，同一年度多次交流的不重复加分`, `，多次获评的只加一次`: a bonus given once at most.
_ONCE_TAIL = re.compile(
    r"(?<=分)\s*,\s*(?P<tail>(?:同一(?:年度|年内|事项)\s*)?多次[^,;\d每]{0,12}?的?\s*,?\s*"
    r"(?:不重复加分|只加一次|加分不累计|不累计加分|不重复计分))$"
)
_PLACE_WORD = r"(?:个|处|座|所|家|条)"
#: `每个行政村均配备1名护林员的得2分，有1个村未配备的不得分`: every place, or none of
#: the points (the second half denies the first's verb; the place may be said again).
ALL_PLACES = re.compile(
    rf"^每{_PLACE_WORD}(?P<place>[^,;\d每]{{1,10}}?)(?:均|都|至少|均至少)?"
    r"(?P<verb>[^,;\d未不没无]{2,4}?)(?:\s*(?:1|一)\s*(?:名|个|人|套|支|处|块))?"
    r"(?P<obj>[^,;\d]{2,12}?)的\s*,?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,;]\s*"
    rf"(?:每?有)?\s*(?:1|一)\s*{_PLACE_WORD}(?P<again>[^,;\d]{{1,10}}?)?(?:未|没有)(?P=verb)(?P=obj)?"
    r"的?\s*,?\s*不得分$"
)


#: `区水务局暗访泵站运行情况，每发现1次无人值守的扣0.5分`: who checks what, then each thing
#: found (the check verb in the words before the comma).
_CHECKED_EACH = re.compile(
    r"^(?P<lead>[^,;]{0,24}?(?:抽查|检查|督查|暗访|核查|巡查|抽检)[^,;]{2,24})\s*,\s*"
    rf"每\s*(?:发现|查出|查实)\s*(?:1|一)\s*(?P<u>{_ONE_UNITS})(?P<x>[^,;\d每]{{2,24}}?)的?\s*,?\s*"
    r"(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)


#: `达到100%的得4分，每低1个百分点扣0.2分，扣完为止`: the steps take the part's own points.
_PART_FLOOR = re.compile(
    r"得\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*,\s*每[^,;]*?[扣减][^,;]*?,\s*扣完为止$"
)


def _part_floor(drafted: Drafted, points: str | None) -> Drafted:
    """In an item worth more than the sentence's own points, `扣完为止` is the end of
    those points (a 4-point part of a 10-point item loses at most 4), not of the item:
    drafted as `最多扣4分`."""
    if len(drafted.clauses) != 1 or points is None:
        return drafted
    clause = drafted.clauses[0]
    found = _PART_FLOOR.search(normalise(clause))
    if found is None or Decimal(found.group("n")) >= Decimal(points):
        return drafted
    amount = found.group("n")
    return dataclasses.replace(
        drafted, clauses=(clause.removesuffix("扣完为止") + f"最多扣{amount}分",)
    )


_EACH_THING = "个|项|件|处|卷|份|宗|起|次|人次|家|户|所|条|篇|批次|类"
#: `每有1个门类未按规定归档的扣1.5分`, `每卷（件）不符合规范的扣0.2分`: the failing thing,
#: then the amount per piece (`门类未按规定归档的，每个扣1.5分`).
_EACH_PIECE = re.compile(
    rf"每\s*(?:有|发现|查出)?\s*(?:(?:1|一)\s*)?(?P<u>{_EACH_THING})(?:[（(][^）)]{{1,3}}[）)])?"
    r"(?P<thing>[^\s,，。；;的\d不未没]{0,8}?)(?P<what>(?:不|未|没有)[^,，。；;的]{1,16})的\s*[,，]?\s*"
    r"(?P<eff>[扣减]\s*\d+(?:\.\d+)?\s*分)"
)
#: `常规统计调查项目按实际完成数占市统计局下达任务数的比例计分`,
#: `以实际完成整改的问题数占应完成问题数的比例计分`.
_COUNT_SHARE = re.compile(
    r"^(?P<a>[^,，;；]*?)[,，]?\s*[按以]\s*(?P<x>(?:实际)?[^,，;；占]{0,12}?(?:完成|办结|整改)[^,，;；占]{0,8}?数)"
    r"\s*占\s*(?P<y>[^,，;；]{2,20}?数)\s*的?\s*比例(?:计分|得分)$"
)
#: `按计划完成年度统计执法检查任务的得3分，未完成的按完成比例计分`.
_PLAN_SHARE = re.compile(
    r"^(?P<s>[^,，;；完]{0,20}?)(?:按(?:计划|时|期|要求)?)?完成(?P<x>[^,，;；]{2,24}?)任务的?\s*[,，]?\s*"
    r"得\s*(?P<n>\d+(?:\.\d+)?)\s*分"
    r"\s*[,，;；]\s*未(?:全部)?完成的?\s*[,，]?\s*按(?:实际)?完成比例(?:计分|得分)$"
)
#: `X率达到年度目标任务的得3分，未达到的按完成比例计分`: a share of a named target.
_TARGET_SHARE = re.compile(
    r"^(?P<x>[^,，;；]+?(?:率|人次|人数|户数|件数|个数|次数))\s*(?:应)?达到"
    r"(?P<t>年度目标(?:任务)?|目标值|目标任务|下达(?:的)?目标|(?:县|市|区|省|上级)下达(?:的)?(?:年度)?目标(?:任务)?)的?\s*[,，]?\s*"
    r"得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*未达到的?\s*[,，]?\s*按(?:实际)?完成比例(?:计分|得分)$"
)
#: `存量档案数字化率按完成比例计分`, `…标准化建设任务按完成比例计分`: the item's points × the rate.
_RATE_SHARE = re.compile(
    r"^(?P<x>[^,，;；按]{2,24}?(?:率|任务))\s*按\s*(?:实际)?(?:完成)?比例(?P<word>计分|得分)$"
)
#: `…率为100%的得4分`: reaching 100% (a rate is never above it).
_IS_FULL = re.compile(r"(?<=率)\s*为\s*100\s*[%％]\s*的")
#: `…率达到100%的得5分，未达到的按整改销号比例计分`: below 100%, the share.
_UNMET_SHARE = re.compile(
    r"(?P<head>达到\s*100\s*[%％]\s*的?\s*[,，]?\s*得\s*\d+(?:\.\d+)?\s*分\s*[,，;；]\s*)"
    r"(?:未达到|未完成|低于100\s*[%％])的?\s*[,，]?\s*按[^,，。；;按]{0,8}?比例(?P<word>计分|得分)"
)


def _each_piece(m: re.Match[str]) -> str:
    """Only where the thing counted is named (`每有1个门类未…`) or given a second unit
    (`每卷（件）不符合…`): `每发现一处不达标的` is read as written."""
    if not m.group("thing") and "（" not in m.group() and "(" not in m.group():
        return m.group()
    return f"{m.group('thing')}{m.group('what')}的，每{m.group('u')}{m.group('eff')}"


def plain_wording(sentence: str) -> str:
    """The sentence in the wordings the drafter reads, same meaning: `视情况扣1-3分` →
    `酌情扣1-3分`; `每有1个门类未按规定归档的扣1.5分` → `门类未按规定归档的，每个扣1.5分`;
    `达标率为100%的` → `达标率达到100%的`; `未达到的按完成比例计分` after `达到100%的得N分` →
    `低于100%的按比例计分`."""
    text = _JUDGED_WORDS.sub("酌情", sentence)
    text = _EACH_PIECE.sub(_each_piece, text)
    text = _IS_FULL.sub("达到100%的", text)
    text = re.sub(r"[,，]\s*(?:本项|该项|此项)(?=扣完为止)", "，", text)
    # `在本项得分基础上再扣2分`, `，在本项得分中扣减`: the deduction is the item's, as every
    # deduction of the item is (a deduction from the total says 总分 and is not this)
    text = re.sub(
        r"在(?:本项|该项|此项)(?:得分)?(?:基础上|中)\s*(?:再|另)?\s*(?=[扣减]\s*\d)", "", text
    )
    if not re.search(r"或|、|和|及", text.split("相应", 1)[0]):
        # `每有1个村未建成微型消防站的，在相应分值中扣0.5分`: one failure, from the points
        # it stands against (with several, which points each takes from is not said)
        text = re.sub(r"在相应(?:分值|项目|项)(?:得分)?中\s*(?=[扣减]\s*\d)", "", text)
    text = re.sub(r"[,，]\s*在(?:本项|该项|此项)(?:得分)?中(?:扣减|扣除)(?=$|[,，。；;])", "", text)
    text = _PLAN_SHARE.sub(
        lambda m: (
            f"{m.group('s')}{m.group('x')}任务完成率达到100%的得{m.group('n')}分，低于100%的按比例计分"
        ),
        text,
    )
    text = re.sub(r"^经(?:抽查|检查|核查|复核|抽查复核|实地核查)+发现", "", text)
    text = _LATE_AFTER_DEADLINE.sub(_late_ones, text)
    text = _EACH_PROBLEM.sub(_each_problem, text)
    # `年度考核直接评定为不合格`: the grade given outright, said where a predicate starts
    text = re.sub(
        r"(?<=[,，])\s*(?:年度考核|当年考核|考核)(?:等次)?\s*(?=直接\s*(?:确定|评定|定|评)为)",
        "",
        text,
    )
    # `发生重大水污染事件，或者因…造成重大人员伤亡的，…`: one condition, either event
    text = re.sub(r"^([^,，;；]{2,30}?)[,，]\s*(?=或者?[^,，;；]{2,30}?的\s*[,，])", r"\1", text)
    # `…每发现1起扣3分，并追回相关资金`: what else is done about it scores nothing
    text = re.sub(r"[,，]\s*并(?:追回|收回|责令|督促)[^,，。；;]{1,12}$", "", text)
    text = _RATE_SHARE.sub(
        lambda m: (
            f"按{m.group('x')}{'完成率' if m.group('x').endswith('任务') else ''}"
            f"按比例{m.group('word')}"
        ),
        text,
    )
    shared = _formula_share(text)
    if shared is not None:
        text = shared
    return _UNMET_SHARE.sub(lambda m: f"{m.group('head')}低于100%的按比例{m.group('word')}", text)


#: `行政许可决定应在作出决定之日起5个工作日内公开，每发现1件逾期公开的扣0.3分`: a deadline
#: for the things named first, then a step for each one past it (its verb the deadline's).
_LATE_AFTER_DEADLINE = re.compile(
    r"^(?P<x>[^,，;；\d]{2,20}?)(?P<req>(?:应当?|须|必须)[^,，;；]*?(?P<v>[^\s,，;；\d]{2}))\s*[,，]\s*"
    r"每\s*(?:发现|有|查出)?\s*(?:1|一)\s*(?P<u>件|份|条|个|项|起|宗|批次)"
    r"(?P<late>(?:逾期|超期|超时|延期)未?)(?P=v)的?\s*[,，]?\s*(?=[扣减]\s*\d)"
)
#: Who is to act, not what is counted: `乡镇应在…内上报，每发现1件逾期上报的…`.
_ACTORS = re.compile(r"(?:乡镇|街道|单位|部门|村|社区|学校|医院|企业|各地|县|区|市|机关|人员)$")


def _late_ones(m: re.Match[str]) -> str:
    """`…逾期公开的行政许可决定每件…`: the things past the deadline are what is counted
    (the deadline stays before them, in the fact's note); left as it is where the words
    before the deadline name who acts rather than the things."""
    if _ACTORS.search(m.group("x")):
        return m.group()
    x, late, v = m.group("x"), m.group("late"), m.group("v")
    return f"{x}{m.group('req')}，{late}{v}的{x}每{m.group('u')}"


#: `虚假整改、敷衍整改或"纸面整改"的，每发现一个问题扣3分`: each problem of these kinds.
_EACH_PROBLEM = re.compile(
    r"^(?P<x>[^,，;；\d]{2,40}?)的\s*[,，]\s*每\s*(?:发现|有|查出)?\s*(?:1|一)\s*(?P<u>个|处|项|条)问题"
    r"(?=\s*[扣减]\s*\d)"
)


def _each_problem(m: re.Match[str]) -> str:
    """`…或"纸面整改"的，每发现一个问题` → `…或"纸面整改"问题的，每个`: the fact is the count of
    problems of the kinds named (a subject that already says 问题 is not said twice)."""
    x = m.group("x")
    return f"{x}{'' if x.endswith('问题') else '问题'}的，每{m.group('u')}"


#: `服务站建设达标率达到100%的得4分；未达到的，按达标率×4计分`: the rate times the points.
_FORMULA_SHARE = re.compile(
    r"^(?P<head>(?P<x>[^,，;；]*?(?P<rate>[^,，;；的]{1,6}?率))\s*达到\s*100\s*[%％]\s*的?\s*[,，]?\s*"
    r"得\s*(?P<p>\d+(?:\.\d+)?)\s*分)\s*[,，;；]\s*(?:未达到|未达|达不到|低于100\s*[%％])的?\s*[,，]?\s*"
    r"按(?P<again>[^,，;；×*]{1,12}?)\s*[×*]\s*(?P<n>\d+(?:\.\d+)?)\s*分?\s*(?P<word>计分|得分)$"
)


def _formula_share(text: str) -> str | None:
    """`…达标率达到100%的得4分；未达到的，按达标率×4计分` as `…；低于100%的按比例计分`
    (the rate's share of the 4 points) — only when the formula multiplies the same rate
    (its name ends the subject) by the same points."""
    m = _FORMULA_SHARE.match(text.rstrip("。；;，, "))
    if m is None or Decimal(m.group("p")) != Decimal(m.group("n")):
        return None
    again = m.group("again").strip()
    if not (len(again) >= 2 and again.endswith("率") and m.group("x").endswith(again)):
        return None
    return f"{m.group('head')}；低于100%的按比例{m.group('word')}"


#: A fact's name that swallowed a comparison and a join: `A低于85%或B`.
_FOLDED = re.compile(
    r"^(?P<a>[^，,；;]+?)(?P<cmp>(?:没有|没|未能|未)(?:达到|超过|低于|高于|少于|多于)|未达"
    r"|不低于|不高于|不少于|不超过|(?<![不未没非])(?:低于|高于|超过|不足|达到|少于|多于))\s*"
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>%|％|个百分点|[^\d\s或且和、]{1,3}?)?\s*"
    r"(?P<join>或者|或|并且|且|和|、)(?P<b>[^，,；;]+)$"
)

#: `视情况扣1-3分`, `根据情况扣`, `视情节轻重扣`: the assessors judge, as `酌情` says.
_JUDGED_WORDS = re.compile(
    r"(?:视|根据|按|依据)\s*(?:具体|实际|其)?\s*(?:情况|情节|情节轻重|问题轻重|轻重|程度)\s*[,，]?\s*"
    r"(?=[扣减加给]\s*\d+(?:\.\d+)?\s*分?\s*(?:至|到|-|—|~|～)\s*\d)"
)

#: `酌情扣5至20分`, `【X】扣1-2分`: the lower and upper amounts of a judged deduction.
_JUDGED_FROM = re.compile(
    r"(?:酌情|(?<=】))([扣减加])\s*(\d+(?:\.\d+)?)\s*分?\s*(?:至|到|-|—|~|～)\s*(\d+(?:\.\d+)?)"
)


def _same_bound(second: str | None, first: str | None) -> bool:
    """The restated standard is the first half's (or not restated at all)."""
    return second is None or (first is not None and Decimal(second) == Decimal(first))


#: A cap at the end of a deduction: `，本项最高扣4分` (the sentence's own cap).
_DEDUCT_CAP = re.compile(r"[,，]\s*(本项|该项|此项)?(?:最高|最多)扣\s*(\d+(?:\.\d+)?)\s*分$")
#: A cap at the end of earning phrases: `，本项计满6分为止`, `，最高得6分`, `，本项最高计5分`.
_EARN_CAP = re.compile(
    r"[,，]\s*(?:本项|该项|此项)?(?:(?:最高|最多)可?(?:计|得|记)\s*(\d+(?:\.\d+)?)\s*分"
    r"|(?:计|得|记)满\s*(\d+(?:\.\d+)?)\s*分(?:为止|封顶)?)$"
)
#: `，最高得3分`, `，最多计3分` (not `本项…`, not `计满…为止`): a cap of the sentence itself.
_OWN_EARN_CAP = re.compile(r"^[,，]\s*(最高|最多)可?(计|得|记)\s*\d")
#: `，无记录的不得分`, `；未完成的不得分` after one earning phrase: its other side.
_NONE_HALF = (
    r"(?:无|未|没有|不)(?P<what>[^,，]{0,10}?)的?\s*[,，]?\s*(?:相应项目|相应项|该项)?不得分"
)
_OTHERWISE_NONE = re.compile(rf"[,，]\s*{_NONE_HALF}$")
_EARNS = re.compile(r"得\s*\d+(?:\.\d+)?\s*分")
_EARNS_LAST = re.compile(r"的\s*[,，]?\s*(?:各|每项)?得\s*\d+(?:\.\d+)?\s*分$")
#: `，年度考核（等次）直接确定为不合格（等次）` after a veto.
_FORCED_GRADE = re.compile(
    r"[,，]\s*(?:年度|当年)?(?:考核|考评)?(?:等次|结果)?(?:直接)?(?:确定|定|评定)为\s*"
    r"[“\"]?([^,，“”\"]{1,6}?)[”\"]?\s*(?:等次|等级|档次)?$"
)


#: The halves of one standard that a `；` parts: (the first ends so, the second starts
#: so).  `…的，得3分；未持证的，不得分` (its other side), `所属党支部全部达到要求的，得7分；
#: 每有1个支部未达标扣2分`, `…达到年度目标的，得20分；每低于目标值1个百分点扣2分`,
#: `按期完成的，得4分；每逾期一个月扣1分`.
_HALVES = (
    (_EARNS_LAST, re.compile(f"^{_NONE_HALF}$")),
    (_ALL_MET, _EACH_UNMET),
    (_TARGET_MET, _BELOW_TARGET),
    (_ON_TIME, _LATE_STEP),
    (
        re.compile(
            r"(?:按期|按时|及时)[^,，;；]*?率\s*(?:应)?达到\s*100\s*%的?\s*[,，]?\s*得\s*\d+(?:\.\d+)?\s*分$"
        ),
        re.compile(
            r"^每(?:超期|逾期|延期|迟)[^\d,，]{1,4}?\s*(?:1|一)\s*(?:件|次|条|项|个)\s*[,，]?\s*[扣减]"
        ),
    ),
)


def grade_name(name: str) -> str:
    """`D等`, `D级`, `不合格等次` → `D`, `D`, `不合格`."""
    return re.sub(r"(?:等次|等级|档次|等|级)$", "", normalise(name).strip()) or name


def _replace_tail(text: str, n: str, start: int, new: str) -> str:
    """`text` with its (normalised) tail from `start` replaced: normalising keeps length."""
    body = text.rstrip("。；;，, ")
    return body[:start] + new if len(body) == len(n) else text


#: `另设加分项目和扣分、否决事项`, `考核满分为100分，另设加分项目、扣分项目…`: the parts of
#: the document, no rule (its total is the header's 满分).
_PARTS_SAID = re.compile(r"另设[^，,。；;]*?(?:加分|扣分|减分|否决)[^，,。；;]*?(?:项目|事项)")


def is_scoring(sentence: str) -> bool:
    n = normalise(sentence)
    if _PARTS_SAID.search(n) and not re.search(r"[扣减得加计]\s*\d", n):
        return False
    return bool(SCORING.search(normalise(sentence)))


def _boundaries(n: str) -> list[int]:
    out = []
    for j in range(1, len(n)):
        prev, ch = n[j - 1], n[j]
        if (
            prev in "，,、的"
            or ch in _PRED_START
            or (ch.isdigit() and not prev.isdigit() and prev != ".")
        ):
            out.append(j)
    return out


def _default(type_word: str, name: str, clause: str) -> str:
    if type_word == "是否":
        return (
            "否"
            # `不得分`, `不得评为优秀`: what happens on a failure, not points earned
            if name.startswith(("发生", "出现", "引发", "造成", "因"))
            or not re.search(r"(?<!不)得", clause)
            else ""
        )
    if type_word in ("百分比", "日期", "分", "数值") or type_word in kw.MEASURE_UNITS:
        return ""  # a measured value (`微克/立方米`, `公里`) is data to fill, never assumed
    return "0"


def _declared(reading: Reading, names: tuple[str, ...]) -> str:
    """The 数据 lines a trial of `reading` under `names` declares: none unless the reading
    knows types its clause does not say (see `Reading.declared`)."""
    if not reading.declared:
        return ""
    return "\n".join(f"  {n}：{u}" for n, u in zip(names, reading.units, strict=True))


def _verb(rest: str) -> str:
    """The counting verb of `每缺1次…` (`缺`), or of `迟报一次扣…` when it is one of the
    counting verbs a name lacks; none in `每件扣…`."""
    n = normalise(rest)
    m = _VERB.match(n)
    if not m:
        bare = re.match(r"([^\d一二两三四五六七八九十每]{1,2})[一1]\s*(次|件|件次|起|项)", n)
        return bare.group(1) if bare and bare.group(1) in COUNT_VERBS else ""
    if re.search(r"[扣减得计记加奖]", m.group(1)):
        return ""
    return m.group(1)


#: The amount a drafted band earns (`…的得1.5分`).
_BAND_EARNS = re.compile(r"得(\d+(?:\.\d+)?)分")


class Drafter:
    """Drafts the sentences of one document into one set of names."""

    def __init__(self, book: NameBook | None = None, lowest_band: str = "", highest_band: str = ""):
        self.book = book or NameBook()
        self.points: str | None = "1000"
        self.lowest_band = lowest_band  # the last grade of `等次`: what 一票否决 gives
        self.highest_band = highest_band  # the first grade: what 评先评优 is rated
        #: (path, name, type, default, description) of the last sentence's one fact
        self.last: tuple[str, str, str, str, str] | None = None
        self.last_clause = ""
        #: the sentence that set `last`, and the sentence of the last call whatever came of
        #: it: `last` is the sentence just before only where the two are the same
        self.last_from = ""
        self.previous = ""
        #: sentences read as matters counted once at their highest level (`_highest_level`):
        #: their item adds them up, it does not take the highest (就高不就低)
        self.per_matter: set[str] = set()
        #: sentences of bonuses at levels, `同一年度按最高级别加分` (`_highest_of_year`): their
        #: item takes the highest, and only where they are its only bonuses
        self.highest_of_year: set[str] = set()
        #: the words of the item the sentence is drafted in, where the draft says them
        self.item_words = ""

    def sentence(
        self, sentence: str, title: str, path: str, bonus: bool = False, points: str | None = "1000"
    ) -> Drafted:
        judged = plain_wording(sentence)
        drafted = self._sentence(judged, title, path, bonus, points)
        if judged != sentence:
            drafted = dataclasses.replace(drafted, sentence=sentence)
        drafted = self._judged_from_zero(drafted)
        drafted = _full_part_capped(sentence, drafted, points)
        drafted = self._split_folded(drafted, path, bonus, points)
        refused = _refused_names(drafted.facts) or _two_slopes(drafted.clauses)
        if refused is not None:
            self.release(drafted)
            drafted = Drafted(drafted.sentence, (), (), refused)
        drafted = _part_floor(drafted, points)
        if len(drafted.facts) == 1:
            self.last = (path, *drafted.facts[0])
            self.last_clause = drafted.clauses[-1]
            self.last_from = sentence
        elif drafted.ok:
            self.last = None
        self.previous = sentence
        return drafted

    def release(self, drafted: Drafted) -> None:
        """Forget the facts a drafted sentence claimed (it is not kept after all)."""
        for name, *_ in drafted.facts:
            self.book.release(name)

    def _judged_from_zero(self, drafted: Drafted) -> Drafted:
        """`应急物资储备不足的，视情况扣1-3分` drafted as `【…】酌情扣1至3分` would take at
        least 1 from every unit, the ones with no such problem too (0 is no valid entry):
        the judged range starts at 0, and the fact's note says that a unit with the
        problem is given 1 to 3 as the document says (each judged clause of the sentence,
        `…的得3分，清理不彻底的视情况扣1-2分` too)."""
        clauses = list(drafted.clauses)
        facts = list(drafted.facts)
        for index, clause in enumerate(clauses):
            floor = _JUDGED_FROM.search(clause)
            if floor is None or Decimal(floor.group(2)) <= 0:
                continue
            named = [k for k, fact in enumerate(facts) if f"【{fact[0]}】" in clause]
            if len(named) != 1:
                continue
            verb, low, high = floor.group(1), floor.group(2), floor.group(3)
            clauses[index] = _JUDGED_FROM.sub(lambda m: f"酌情{m.group(1)}0至{m.group(3)}", clause)
            name, kind, _, note = facts[named[0]]
            said = f"原文{verb}{low}至{high}分：有此情形的评定{low}至{high}分，没有的填0"
            note = f"{note}；{said}" if note else said
            default = "0"  # a blank cell is a unit without the problem
            if name in self.book.facts:
                self.book.facts[name] = (self.book.facts[name][0], default, note)
            facts[named[0]] = (name, kind, default, note)
        if clauses == list(drafted.clauses):
            return drafted
        return Drafted(drafted.sentence, tuple(clauses), tuple(facts))

    def _split_folded(
        self, drafted: Drafted, path: str, bonus: bool, points: str | None
    ) -> Drafted:
        """`【综合利用率低于85%或配套率】低于98%的，扣2分`: the first comparison was read
        into the fact's name, and the clause compares the second fact alone.  Drafted as
        `【综合利用率】低于85%或【配套率】低于98%的，扣2分` when that compiles, else 待处理:
        a name never holds a comparison with a number."""
        if len(drafted.clauses) != 1 or len(drafted.facts) != 1:
            return drafted
        name, kind, default, note = drafted.facts[0]
        found = _FOLDED.match(name)
        if found is None or not drafted.clauses[0].startswith(f"【{name}】"):
            return drafted
        self.book.release(name)
        first, second = found.group("a"), found.group("b")
        join = "且" if found.group("join") in ("且", "并且", "和") else "或"
        rest = drafted.clauses[0][len(name) + 2 :]
        clause = f"【{first}】{found.group('cmp')}{found.group('n')}{found.group('u') or ''}{join}【{second}】{rest}"
        trial = try_clause(clause, bonus, "", points)
        kinds = dict(trial.kinds) if trial is not None else {}
        if trial is None or first not in kinds or second not in kinds:
            reason = f"条件中两项数据各自比较，不能合成一个数据项：请写成 “{clause}”，并在 数据： 中声明两项"
            return Drafted(drafted.sentence, (), (), reason)
        a = self.book.claim(first, kinds[first], "", first, path)
        b = self.book.claim(second, kinds[second], "", second, path)
        clause = clause.replace(f"【{first}】", f"【{a}】", 1).replace(
            f"【{second}】", f"【{b}】", 1
        )
        facts = ((a, kinds[first], "", a), (b, kinds[second], "", b))
        return Drafted(drafted.sentence, (clause,), facts)

    def _sentence(
        self, sentence: str, title: str, path: str, bonus: bool, points: str | None
    ) -> Drafted:
        self.points = points
        if len(sentence) > MAX_SENTENCE:
            return Drafted(sentence, (), (), f"句子超过 {MAX_SENTENCE} 个字，未尝试起草")
        repeat = self._doubled(sentence, title, path, bonus, points) or self._place_months(
            sentence, path
        )
        if repeat is not None:
            return repeat
        rate = read_rate_after_requirements(sentence)
        if rate is not None:
            # `每月巡河不少于1次…，巡河达标率达到100%的得3分…`: the rate is scored, the
            # requirements are what it measures (its note)
            drafted = self._sentence(rate, title, path, bonus, points)
            if drafted.ok and len(drafted.facts) == 1:
                name, kind, default, note = drafted.facts[0]
                said = normalise(sentence).split(",")[0]
                clauses = tuple(c.replace(",", "，") for c in drafted.clauses)
                note = f"{note}（{said}…）" if note else said
                if name in self.book.facts:
                    self.book.facts[name] = (self.book.facts[name][0], default, note)
                return Drafted(sentence, clauses, ((name, kind, default, note),))
            self.release(drafted)
        short = self._several(sentence, read_short_of_plan(sentence, points), path, bonus)
        if short is not None:
            return short
        places = read_places_short(sentence)
        if places is not None:
            # `…每年至少组织1次避险演练，每少1个点扣0.5分`: before the period readings
            drafted_places = self._reading(sentence, places, path, bonus)
            if drafted_places is not None:
                return drafted_places
        highest = self._highest_level(sentence, title, path, bonus, points)
        if highest is not None:
            return highest
        once = self._once(sentence, title, path, bonus, points)
        if once is not None:
            return once
        misses = self._misses(sentence, title, path, bonus, points)
        if misses is not None:
            return misses
        own = self._own_steps(sentence, title, path, bonus, points)
        if own is not None:
            return own
        target = (
            self._target_step(sentence, path, bonus, points)
            or self._over_target(sentence, path, bonus)
            or self._over_part(sentence, path, bonus)
        )
        if target is not None:
            return target
        shared = self._share(sentence, title, path, bonus, points) or self._fewer(
            sentence, path, bonus
        )
        if shared is not None:
            return shared
        share = _FULL_THEN_SHARE.match(normalise(sentence).strip().rstrip("。;, "))
        if share is not None:
            # `X达到100%的，得4分；未达到的，按比例得分` in an item of 4 points: the item's
            # points times the rate (language.md 9.22); other points would not be the share
            if points is None or Decimal(share.group("p")) != Decimal(points):
                return Drafted(sentence, (), (), reason_for(sentence))
            x = legal_name(clean_subject(share.group("x")))
            on_rate = self._on_rate(sentence, x, f"【{x}】按完成比例得分", bonus, path, x)
            return on_rate or Drafted(sentence, (), (), reason_for(sentence))
        read = self._read_as(sentence, points)
        if read is None:
            return Drafted(sentence, (), (), reason_for(sentence))
        if read != sentence:
            drafted = self.sentence(read, title, path, bonus, points)
            return Drafted(sentence, drafted.clauses, drafted.facts, drafted.reason)
        period = read_period(sentence, title)
        if period is not None:
            drafted = self._period(sentence, period, path, bonus)
            if drafted is not None:
                return drafted
        several = self._several(sentence, read_standards(sentence), path, bonus)
        if several is not None:
            return several
        several = self._several(sentence, read_vs_last_year(sentence), path, bonus)
        if several is not None:
            return several
        changed = self._changes(sentence, path, bonus)
        if changed is not None:
            return changed
        several = self._several(sentence, read_low_deductions(sentence), path, bonus)
        if several is not None:
            return several
        listed = read_lists(sentence, points, self.item_words)
        several = self._several(sentence, listed, path, bonus)
        if several is not None:
            return several
        readings = (
            read_tier_chain,
            read_low_chain,
            read_failures,
            read_shared_negation,
            read_unmet,
            read_bands,
            read_not_done,
            read_all_full,
            read_named_standard,
            read_each_earned,
            read_year_count,
            read_best_ratio,
            read_places,
            *in_item(points, self.item_words),
            read_complement,
            read_comma_lead,
            read_each_done,
            lambda s: read_listed_missing(s, title),
            read_states,
            read_two_parts,
            read_changes_count,
            read_counted_object,
            read_level_states,
            read_band_steps,
            read_within,
            lambda s: read_missing_each(s, points),
            read_one_each,
            read_place_months,
        )
        for reading in (read(sentence) for read in readings):
            if reading is not None:
                drafted = self._reading(sentence, reading, path, bonus)
                if drafted is not None:
                    return drafted
        places = place_trouble(sentence, several=True)
        if places is not None:
            # `…前2名的得3分，其余的得1分` in no known direction: never `【其余】得1分`
            return Drafted(sentence, (), (), places)
        failing = self._each_failing(sentence, title, path, bonus) or self._each_short_of(
            sentence, title, path, bonus
        )
        if failing is not None:
            return failing
        levels = (
            self._levels(sentence, path, bonus)
            or self._level_pieces(sentence, path, bonus)
            or self._shared_verb(sentence, path, bonus)
        )
        if levels is not None:
            return levels
        places = self._all_places(sentence, path, bonus, points)
        if places is not None:
            return places
        checked = self._checked_each(sentence, path, bonus)
        if checked is not None:
            return checked
        whole = self._one(sentence, title, path, bonus, None)
        if whole is not None:
            return whole
        # `低于全县平均水平的，每低1个百分点` the language reads as it stands (the mean of the
        # units scored together); only a sentence it cannot read names the average as data
        several = self._several(sentence, read_vs_average(sentence), path, bonus)
        if several is not None:
            return several
        chunks = _chunks(sentence)
        if len(chunks) > 1:
            drafted: list[Drafted] = []
            previous = ""
            for chunk in chunks:
                d = self._one(chunk, title, path, bonus, previous)
                if d is None or not d.ok:
                    break  # one chunk not read: the sentence is not drafted by halves
                if _restated(d, drafted):
                    break  # `…提升3个百分点以上的得3分，提升不足3个百分点的得1分`: one measure
                drafted.append(d)
                previous = d.facts[0][3] if d.facts else previous
            else:
                return _together(sentence, drafted)
        lead = _LEAD_IN.match(normalise(sentence).strip())
        if (
            lead is not None
            and plain_lead(lead.group("lead"))
            and not re.search(r"每|\d", lead.group("lead"))
        ):
            # `对农村留守儿童开展全面摸底排查，建档立卡率达到100%的得4分…`, `书记为第一责任人，
            # 年内主持召开…`: the words before the comma say what is done or who does it, no
            # condition, number or negation; the rule is the rest, read alone
            rest = sentence.strip()[lead.start("rest") :]
            # a rest that names nothing (`每发现1次…`) would be named by the item's title
            drafted = (
                None if rest.startswith("每") else self._sentence(rest, title, path, bonus, points)
            )
            if drafted is not None and drafted.ok:
                return Drafted(sentence, drafted.clauses, drafted.facts)
        trouble = band_trouble(sentence) or place_trouble(sentence)
        return Drafted(sentence, (), (), trouble or reason_for(sentence))

    def _doubled(
        self, sentence: str, title: str, path: str, bonus: bool, points: str | None
    ) -> Drafted | None:
        """`…发现隐患的，每处扣0.3分，同一隐患被重复发现的加倍扣分`, or `同一问题…仍未整改的，
        每处加倍扣分` after a sentence of the same item drafted as `【X】每处扣0.2分`: the
        repeats deduct the same amount per the same unit as a fact of their own, noted as
        counted in the first fact too — the two clauses together deduct double.  Only when
        the deduction doubled is one amount per unit and nothing else (a cap or a floor
        on it: whether the doubled ones share it is not said); None otherwise."""
        found = doubled(sentence)
        if found is None:
            return None
        if found.head is not None:
            head = self._sentence(found.head, title, path, bonus, points)
            if not head.ok or len(head.clauses) != 1 or len(head.facts) != 1:
                self.release(head)
                return None
            first, clauses, facts = per_unit(head.clauses[0]), head.clauses, head.facts
            kind = head.facts[0][1]
        else:
            last = self.last
            if last is None or last[0] != path or self.last_from != self.previous:
                return None  # the amount doubled is the sentence's just before, drafted
            if found.unit is None:
                return None  # `…的，加倍扣分` alone: the unit it doubles per is not said
            first, clauses, facts, kind = per_unit(self.last_clause), (), (), last[2]
        if first is None or kind != first[1] or (found.unit and found.unit != first[1]):
            if found.head is not None:
                self.release(head)
            return None
        fact, unit, amount = first
        said = f"{found.what}（这些{unit}也计入【{fact}】：两条合计，即原文的加倍扣分）"
        name = self.book.claim(legal_name(found.what), unit, "0", said, path)
        clause = f"【{name}】每{unit}扣{amount}分"
        if try_clause(clause, bonus, "", points) is None:
            self.book.release(name)
            if found.head is not None:
                self.release(head)
            return None
        return Drafted(sentence, (*clauses, clause), (*facts, (name, unit, "0", said)))

    def _place_months(self, sentence: str, path: str) -> Drafted | None:
        """`每有1个断面1个月未达标扣0.5分` right after `…达到年度考核目标的得10分` in the
        same item: one standard in two halves.  Drafted beside the earning, a unit with one
        place-month short would lose the 10 and the 0.5; the pair stays 待处理 and says
        what to write (the deduction alone, the earning its note)."""
        reading = read_place_months(sentence)
        last = self.last
        if reading is None or last is None or last[0] != path or last[2] != "是否":
            return None
        if not re.search(r"[得计记]\s*\d", normalise(self.last_clause)):
            return None
        reason = (
            f"此句按每个{reading.names[0]}扣分，与前句 “{self.last_clause}” 是同一标准的两半："
            f"照写两条，没达到时既失前句的分又被扣分。前句的得分是本项分值的，只写 “- {reading.clause}”，"
            "前句写作注释（得分即本项分值，由此句逐个扣减）；不是的，把两句写成分值为前句得分的子项"
        )
        return Drafted(sentence, (), (), reason)

    def _share(
        self, sentence: str, title: str, path: str, bonus: bool, points: str | None
    ) -> Drafted | None:
        """A share of points by a rate (language.md 9.22, 9.12):

        - `按年度…任务完成率按比例得分`, `农村自建房…整治按整治完成率按比例得分`,
          `…治理按完成年度任务的比例得分（，完成率达到100%的得9分）` in an item with
          points: `【…完成率】按完成比例得分` (the item's points × the rate, at most all);
        - `X率达到98%的得4分，低于98%的按比例得分`: the 4 points × X ÷ 98%, at most 4,
          written `得(最小(【X率】÷98, 1)×4)分`.

        None when the sentence is none of these (or its points are not the item's)."""
        n = normalise(sentence).strip().rstrip("。;, ")
        if bonus or points is None:
            return None
        m = _BY_RATE.match(n)
        said = re.split(r"[,，]\s*(?=按)", n)
        if m is None and len(said) == 2 and _BY_RATE.match(said[1]):
            # `…由第三方机构评估，按评估得分率折算得分`: the rate of the item, named with
            # its title (the words before say who rates it)
            m = _BY_RATE.match(said[1])
            if m is not None and not m.group("a"):
                m = _BY_RATE.match(f"{clean_subject(normalise(title))}{said[1]}")
        named = _TARGET_SHARE.match(n)
        if named is not None and not bonus and Decimal(named.group("p")) == Decimal(points):
            # `农村生活污水治理率达到年度目标任务的得3分，未达到的按完成比例计分` in an item of
            # 3: its points × the rate ÷ the target, at most all; the target is a number of
            # the document (in a larger item the share would be a part: not drafted here)
            x = legal_name(clean_subject(named.group("x")))
            target = legal_name(f"{x}{named.group('t')}")
            clause = f"得(最小(【{x}】÷【{target}】, 1)×{named.group('p')})分"
            said = f"{named.group('t')}（照下达的数填写）"
            return self._done_over_due(
                sentence, clause, x, target, said, points, path, _target_kind(x)
            )
        counts = _COUNT_SHARE.match(n)
        if counts is not None and not bonus:
            # `…按实际完成数占下达任务数的比例计分`: the item's points × done ÷ due, at
            # most all of them; two counts of the document
            return self._count_share(sentence, counts, path, points)
        task = _BY_TASK.match(n)
        at = AT_THEN_SHARE.match(n)
        if m is not None:
            x = _joined(clean_subject(m.group("a")), clean_subject(m.group("b")))
        elif task is not None:
            if task.group("p") and Decimal(task.group("p")) != Decimal(points):
                return None
            x = clean_subject(task.group("a")) + "完成率"
        elif at is not None:
            x = clean_subject(at.group("x"))
        else:
            return (
                self._rate_formula(sentence, n, path)
                or self._count_formula(sentence, n, path, points)
                or self._rate_times(sentence, n, path, points)
                or self._all_then_rate(sentence, n, path, points)
                or self._standard_formula(sentence, n, path, points)
            )
        x = legal_name(x)
        if len(x) < 3:
            return None
        clause = f"【{x}】按完成比例得分"
        if at is not None:
            t, p = at.group("t"), at.group("p")
            if Decimal(t) != 100 or Decimal(p) != Decimal(points):
                clause = f"得(最小(【{x}】÷{t}, 1)×{p})分"
        return self._on_rate(sentence, x, clause, bonus, path, sentence)

    def _on_rate(
        self, sentence: str, x: str, clause: str, bonus: bool, path: str, description: str
    ) -> Drafted | None:
        """`clause`, on the one rate `x` (a 百分比), when it compiles alone in the sentence's
        item; the rate is claimed only then."""
        if try_clause(clause, bonus, f"  {x}：百分比", self.points) is None:
            return None
        final = self.book.claim(x, "百分比", "", description, path)
        clause = clause.replace(f"【{x}】", f"【{final}】")
        return Drafted(sentence, (clause,), ((final, "百分比", "", description),))

    def _rate_formula(self, sentence: str, n: str, path: str) -> Drafted | None:
        """`检查覆盖率达到100%的得4分，未达到的按实际覆盖率×4计分`, `培训率达到90%以上的得3分，
        未达到的按培训率÷90%×3计分`, `解读率达到100%的得4分，未达到的按解读率乘以4计分`:
        P at the standard, P × X ÷ T below it: `得(最小(【X】÷T, 1)×P)分` (the rate itself
        times P is that share where the standard is 100%; under a lower standard it would
        jump at it, and is left to the writer).  Only where the formula's rate is the
        standard's (its name ends the subject) and its points and bound are the sentence's."""
        m = _RATE_FORMULA.match(n)
        if m is None or re.search(r"[得扣加减]\s*\d", m.group("x")):
            return None
        if m.group("of") and re.search(_NOT_OWN_BASE, m.group("of")):
            return (
                None  # `达到全市平均人数80%`: a number of the batch or another year, not the base
            )
        t, p = m.group("t"), m.group("p")
        for said, same in ((m.group("t1"), t), (m.group("t2"), t), (m.group("p2"), p)):
            if said is not None and Decimal(said) != Decimal(same):
                return None
        x = legal_name(clean_subject(re.split(r"[,，]", m.group("x"))[-1]))
        rate = m.group("r")
        if rate is not None:
            rate = re.sub(r"^(?:实际|本地|本单位|其)", "", rate.strip())
            if len(rate) < 2 or not x.endswith(rate):
                return None
        if len(x) < 3 or Decimal(t) <= 0:
            return None
        if rate is not None and m.group("t2") is None and Decimal(t) != 100:
            return None
        return self._on_rate(sentence, x, f"得(最小(【{x}】÷{t}, 1)×{p})分", False, path, sentence)

    def _rate_times(self, sentence: str, n: str, path: str, points: str) -> Drafted | None:
        """`按辖区考核断面年均水质达标比例×8计分` in an item of 8: the rate (a percentage, 80%
        read as 80) times the points, `得(【X】÷100×8)分`; a full rate earns exactly the
        item.  Other points would be a part whose bounds the sentence does not say."""
        m = _RATE_TIMES.match(n)
        if m is None or Decimal(m.group("p")) != Decimal(points):
            return None
        x = legal_name(re.sub(r"^(?:本?辖区|实际|本地|本单位|其)", "", clean_subject(m.group("x"))))
        if len(x) < 3 or re.search(r"最|平均值|其余|排名|上年", x):
            return None
        return self._on_rate(
            sentence, x, f"得(【{x}】÷100×{m.group('p')})分", False, path, sentence
        )

    def _all_then_rate(self, sentence: str, n: str, path: str, points: str) -> Drafted | None:
        """`辖区内危重病人均及时护送的得4分，未及时护送的按及时护送率×4计分` in an item of 4:
        all done is the rate at 100% (the rate is of the very verb done), so the first half
        is the formula's end, `得(【及时护送率】÷100×4)分`.  A first half naming another
        condition (`按时办结` against `办结率`) is not the rate's 100% and is not drafted."""
        m = _ALL_THEN_RATE.match(n)
        if m is None or re.search(r"[得扣加减]\s*\d|\d", m.group("s")):
            return None
        p = m.group("p")
        if Decimal(p) != Decimal(m.group("p2")) or Decimal(p) != Decimal(points):
            return None
        verb, rate = m.group("v"), m.group("r")
        if m.group("v2") != verb or rate.removesuffix("率") != verb:
            return None
        return self._on_rate(
            sentence, legal_name(rate), f"得(【{rate}】÷100×{p})分", False, path, sentence
        )

    def _standard_formula(self, sentence: str, n: str, path: str, points: str) -> Drafted | None:
        """`人均日上报事件数达到县定标准的得3分，未达到的按实际数÷标准数×3计分`: the number
        over the standard, at most 1, times the points — the standard earns them all, more
        earns no more (in a larger item a part of at most those points).  The standard is not in the document: a number to fill in, with no
        default (a blank would be silently read)."""
        m = _STANDARD_FORMULA.match(n)
        if m is None or (m.group("lead") and not _says_what_is_done(m.group("lead"))):
            return None
        p = m.group("p")
        if Decimal(p) != Decimal(m.group("p2")):
            return None  # the standard earns what the formula gives there, at most (`最小`)
        x = legal_name(clean_subject(m.group("x")))
        if len(x) < 3 or re.search(r"[得扣加减]\s*\d|\d|最|平均", x):
            return None
        standard = legal_name(f"{m.group('t').removesuffix('标准')}{x}标准")
        clause = f"得(最小(【{x}】÷【{standard}】, 1)×{p})分"
        said, note = f"{m.group('t')}（照规定的数填写）", "达到即得满分的数"
        return self._done_over_due(sentence, clause, x, standard, said, points, path, "数值", note)

    def _count_formula(self, sentence: str, n: str, path: str, points: str) -> Drafted | None:
        """`完成搬迁任务的得5分，未完成的按已搬迁户数÷任务户数×5计分`, `按完成比例计分，即实际
        培训人数÷市下达任务数×6分，超额完成的不加分`: the points times done ÷ due, at most
        the points where the sentence says so (full completion earns them, more earns no
        more, `最高不超过6分`); with none of these only in an item of those very points."""
        m = _COUNT_FORMULA.match(n)
        if m is None:
            return None
        p = Decimal(m.group("p"))
        head = m.group("head").strip().rstrip("，, ")
        earned = re.findall(r"得\s*(\d+(?:\.\d+)?)\s*分", head)
        if earned and (len(earned) != 1 or Decimal(earned[0]) != p or not head.endswith("分")):
            return None
        if re.search(r"[扣加减]\s*\d|每", head):
            return None
        if re.search(r"最|平均|其余|其他|第一|首位|名次|排名", head + m.group("a") + m.group("b")):
            return None  # a number of the batch (`按本地人口数÷全区最多人口数×5`): 9.12, not this
        said = m.group("q") or m.group("q2")
        if said is not None and Decimal(said) != p:
            return None
        capped = bool(earned) or m.group("cap") is not None
        if not capped and p != Decimal(points):
            return None
        done = legal_name(re.sub(r"^(?:实际|本单位|本地)", "", m.group("a").strip()))
        due = legal_name(m.group("b").strip())
        if done == due or len(done) < 3 or len(due) < 3:
            return None
        share = f"【{done}】÷【{due}】"
        clause = (
            f"得(最小({share}, 1)×{m.group('p')})分" if capped else f"得({share}×{m.group('p')})分"
        )
        return self._done_over_due(sentence, clause, done, due, m.group("b"), points, path)

    def _done_over_due(
        self,
        sentence: str,
        clause: str,
        done: str,
        due: str,
        due_said: str,
        points: str,
        path: str,
        kind: str = "个",
        due_note: str = "应完成的数",
    ) -> Drafted | None:
        """`clause` on a count done and a count due (both of type `kind`), when it compiles
        alone; both are claimed only then, without a default (a blank count of what was
        done would cost the whole part, and a due of 0 cannot be divided by: the note says
        so)."""
        if try_clause(clause, False, f"  {done}：{kind}\n  {due}：{kind}", points) is None:
            return None
        a = self.book.claim(done, kind, "", sentence, path)
        b = self.book.claim(due, kind, "", f"{due_said}（{due_note}，为0时无法计算比例）", path)
        clause = clause.replace(f"【{done}】", f"【{a}】").replace(f"【{due}】", f"【{b}】")
        return Drafted(sentence, (clause,), ((a, kind, "", sentence), (b, kind, "", sentence)))

    def _count_share(
        self, sentence: str, m: re.Match[str], path: str, points: str
    ) -> Drafted | None:
        subject = clean_subject(m.group("a"))
        done = legal_name(subject + m.group("x").removeprefix("实际"))
        due = legal_name(
            subject + m.group("y") if not m.group("y").startswith(subject) else m.group("y")
        )
        if done == due or len(done) < 3 or len(due) < 3:
            return None
        clause = f"得(最小(【{done}】÷【{due}】, 1)×{points})分"
        return self._done_over_due(sentence, clause, done, due, m.group("y"), points, path)

    def _fewer(self, sentence: str, path: str, bonus: bool) -> Drafted | None:
        """`开展“美丽庭院”创建的得3分，创建户数不足100户的得1.5分`: done in full earns 3, done
        with fewer earns 1.5 instead (not 3 + 1.5), not done earns nothing — the tiers of
        one count, `【开展美丽庭院创建户数】达到100户、1户的，分别得3分、1.5分`."""
        m = _DONE_THEN_FEWER.match(normalise(sentence).strip().rstrip("。;, "))
        if m is None or bonus:
            return None
        a, b, k = Decimal(m.group("a")), Decimal(m.group("b")), int(m.group("n"))
        done, what, u = clean_subject(m.group("do")), clean_subject(m.group("what")), m.group("u")
        if b >= a or k < 2 or len(what) < 3 or what[:2] not in done:
            return None  # the count is of the thing done (`创建户数` of `…创建`)
        x = legal_name(_joined(done, what))
        clause = f"【{x}】达到{k}{u}、1{u}的，分别得{m.group('a')}分、{m.group('b')}分"
        trial = try_clause(clause, bonus, "", self.points)
        unit = dict(trial.kinds).get(x) if trial is not None else None
        if unit is None or unit in ("是否", "百分比", "数值"):
            return None
        final = self.book.claim(x, unit, "0", sentence, path)
        clause = clause.replace(f"【{x}】", f"【{final}】")
        return Drafted(sentence, (clause,), ((final, unit, "0", sentence),))

    def _target_step(
        self, sentence: str, path: str, bonus: bool, points: str | None
    ) -> Drafted | None:
        """`X达到年度目标的，得20分，每低于目标值1个百分点扣2分` in an item of 20 points:
        the points less the steps below the target, which is a data item of its own
        (`【X】每低于【X年度目标】1个百分点扣2分`); also the step alone.  Earned points
        other than the item's are left: the step would not take from them."""
        m = _TARGET_STEP.match(normalise(sentence).strip().rstrip("。;, "))
        if (
            m is None
            or m.group("p")
            and (points is None or Decimal(m.group("p")) != Decimal(points))
        ):
            return None
        x = legal_name(clean_subject(m.group("x")))
        if not x.endswith(("率", "比例", "比重")):
            return None  # a step in 百分点 is a rate's
        y = legal_name(f"{x}{m.group('t1') or m.group('t2')}")
        clause = f"【{x}】每低于【{y}】1个百分点{m.group('effect').replace(' ', '')}"
        said = f"{x}的{m.group('t1') or m.group('t2')}（照下达的目标填写）"
        reading = Reading((x, y), clause, ("百分比", "百分比"), default="", descriptions=(x, said))
        return self._reading(sentence, reading, path, bonus)

    def _over_target(self, sentence: str, path: str, bonus: bool) -> Drafted | None:
        """`重污染天数超过年度控制目标的，每超过1天扣1分`: the target is a data item, and the
        step counts from it (`【重污染天数】每超过【重污染天数年度控制目标】1天扣1分`)."""
        m = _OVER_TARGET.match(normalise(sentence).strip().rstrip("。;, "))
        if m is None:
            return None
        x = legal_name(clean_subject(m.group("x")))
        unit = kw.COUNT_UNITS.get(m.group("unit"))
        if unit is None or len(x) < 2:
            return None
        y = legal_name(f"{x}{m.group('t')}")
        clause = f"【{x}】每超过【{y}】1{m.group('unit')}{m.group('effect').replace(' ', '')}"
        said = f"{x}的{m.group('t')}（照下达的目标填写）"
        reading = Reading((x, y), clause, (unit, unit), default="", descriptions=(x, said))
        return self._reading(sentence, reading, path, bonus)

    def _once(
        self, sentence: str, title: str, path: str, bonus: bool, points: str | None
    ) -> Drafted | None:
        """`工作做法在全省会议上作典型发言的加2分，同一年度多次发言的不重复加分`: the bonus is
        given once however often it happens — what a yes/no fact already says
        (`【…作典型发言】加2分`); the second half goes into the fact's note.  Only where
        the first half drafts alone as one clause on one yes/no fact (a count, `每次加2分`,
        would contradict the second half).  The part it is in still adds its bonuses up:
        the `不重复加分` is this bonus's, not a 就高不就低 of the part."""
        m = _ONCE_TAIL.search(normalise(sentence).strip().rstrip("。;, "))
        if m is None:
            return None
        body = sentence.strip()[: m.start()]
        if "每" in normalise(body):
            return None
        drafted = self._sentence(body, title, path, bonus, points)
        if not drafted.ok:
            return None
        if len(drafted.clauses) != 1 or len(drafted.facts) != 1 or drafted.facts[0][1] != "是否":
            self.release(drafted)
            return None
        name, kind, default, note = drafted.facts[0]
        said = f"原文：{m.group('tail')}（只计一次，填“是”即可）"
        note = f"{note}；{said}" if note else said
        if name in self.book.facts:
            self.book.facts[name] = (self.book.facts[name][0], default, note)
        # its `不重复加分` is about this bonus alone: the part adds its bonuses up
        self.per_matter.add(normalise(sentence).strip())
        return Drafted(sentence, drafted.clauses, ((name, kind, default, note),))

    def _all_places(
        self, sentence: str, path: str, bonus: bool, points: str | None
    ) -> Drafted | None:
        """`每个行政村均配备1名护林员的得2分，有1个村未配备的不得分` in an item of 2: the
        points for every place doing it, none once one place fails — one yes/no fact,
        whether some place fails (`【有行政村未配备护林员】的，不得分`).  Read only where
        the second half denies the first half's verb and no other points are said; in a
        larger item the draft makes the 2 points a sub-item (`draft`)."""
        m = ALL_PLACES.match(normalise(sentence).strip().rstrip("。;, "))
        if m is None or bonus or points is None or Decimal(m.group("p")) != Decimal(points):
            return None
        name = legal_name(f"有{m.group('place')}未{m.group('verb')}{m.group('obj')}")
        again = m.group("again") or ""
        if again not in m.group("place") or NEGATED.search(m.group("obj")) or len(name) > MAX_NAME:
            return None
        return self._named_each(sentence, f"【{name}】的，不得分", [name], bonus, path, True)

    def _checked_each(self, sentence: str, path: str, bonus: bool) -> Drafted | None:
        """`市消防救援大队暗访消防控制室值守情况，每发现1次无人值守或不会操作的扣0.5分`: the
        words before the comma say who checks what (no condition, number or negation), the
        thing found after `每发现1次` is what is counted (`【无人值守或不会操作】每次扣0.5分`);
        the check said first goes into the fact's note."""
        m = _CHECKED_EACH.match(normalise(sentence).strip().rstrip("。;, "))
        if m is None or not plain_lead(m.group("lead")) or re.search(r"每|\d", m.group("lead")):
            return None
        unit = kw.COUNT_UNITS.get(m.group("u"))
        name = legal_name(clean_subject(m.group("x")))
        if unit is None or len(name) < 3 or SCORING.search(name):
            return None
        clause = f"【{name}】每{m.group('u')}{m.group('e').replace(' ', '')}"
        reading = Reading((name,), clause, (unit,), description=sentence.strip(), default="0")
        return self._reading(sentence, reading, path, bonus)

    def _over_part(self, sentence: str, path: str, bonus: bool) -> Drafted | None:
        """`超出控制指标的部分，每受伤1人扣2分`: only the victims above the limit count, a
        step each — the limit named is a data item (`【受伤人数】每超过【受伤人数控制指标】1人
        扣2分`, language.md 9.17), a limit said as a number the language's 限额 (`【受伤人数】
        不得超过3人，每超1人扣2分`, 9.7).  The counted thing is the sentence's subject, or
        the victims of the step where the sentence before it in the item named that limit
        (`死亡人数在控制指标以内的，每死亡1人扣4分；超出控制指标的部分，…`); a limit
        neither named nor said is not guessed."""
        m = _OVER_PART.match(normalise(sentence).strip().rstrip("。;, "))
        if m is None:
            return None
        u = m.group("u")
        said = clean_subject(m.group("x") or "")
        x = legal_name(said or f"{m.group('v') or ''}人数")
        unit = kw.COUNT_UNITS.get(u)
        if unit is None or len(x) < 3 or (not said and not m.group("v")):
            return None
        effect = m.group("e").replace(" ", "")
        if m.group("n") is not None:
            if m.group("nu") != u:
                return None
            clause = f"【{x}】不得超过{m.group('n')}{u}，每超1{u}{effect}"
            return self._reading(sentence, Reading((x,), clause, (unit,), sentence), path, bonus)
        y = legal_name(f"{x}{m.group('t')}")
        clause = f"【{x}】每超过【{y}】1{u}{effect}"
        last = self.last
        if not said and (last is None or last[0] != path or m.group("t") not in last[1]):
            # `超出控制指标的部分` with no sentence before it in the item naming that limit:
            # whose limit it is, and of what, is not said here
            reason = (
                f"超出的是哪一项的{m.group('t')}，本句没有写明：请写成 “{clause}”，并声明两项数据"
            )
            return Drafted(sentence, (), (), reason)
        note = f"{x}的{m.group('t')}（照下达的指标填写）"
        reading = Reading((x, y), clause, (unit, unit), default="", descriptions=(sentence, note))
        return self._reading(sentence, reading, path, bonus)

    def _each_failing(self, sentence: str, title: str, path: str, bonus: bool) -> Drafted | None:
        """`（主次干道路面应达到“六无六净”标准）每发现一处不达标的扣0.5分`, `…处置率应达到100%，
        每有一批次未按期核查处置的，扣5分`: the failure after the count word is what is
        counted, of the thing the standard is about (the title's, or the sentence's)."""
        m = _EACH_FAILING.match(normalise(sentence).strip().rstrip("。;, "))
        if m is None:
            return None
        standard = m.group("std") or normalise(title)
        base = re.split(r"应?达到|不低于|符合", standard)[0].strip()
        what = m.group("what")
        name = legal_name(what if not base or base.endswith("率") else base + what)
        rest = f"每{m.group('verb') or ''}一{m.group('unit')}{m.group('effect')}".replace(" ", "")
        trial = try_clause(f"【{name}】{rest}", bonus, "", self.points)
        if trial is None or dict(trial.kinds).get(name) is None:
            return None
        unit = dict(trial.kinds)[name]
        final = self.book.claim(name, unit, "0", sentence, path)
        return Drafted(sentence, (f"【{final}】{rest}",), ((final, unit, "0", sentence),))

    def _each_short_of(self, sentence: str, title: str, path: str, bonus: bool) -> Drafted | None:
        """`数据审核查询应全部回复，每少回复一条扣0.1分`, `（疑点线索核查应全部办结）每少办结一条
        扣0.5分`: what is counted is the things not done, of what the standard is about
        (`【数据审核查询未回复】每条扣0.1分`); the standard is the sentence's or the title's."""
        m = _EACH_SHORT_OF.match(normalise(sentence).strip().rstrip("。;, "))
        if m is None:
            return None
        standard = m.group("std") or normalise(title)
        if not _ALL_DONE.search(standard):
            return None  # `每少回复一条` counts from all of them only when all are required
        base = clean_subject(_ALL_DONE.split(standard)[0])
        verb = m.group("verb")
        if len(base) < 2:
            return None
        base = base[: -len(verb)] if base.endswith(verb) else base
        name = legal_name(f"{base}未{verb}")
        rest = f"每{m.group('unit')}{m.group('effect')}".replace(" ", "")
        trial = try_clause(f"【{name}】{rest}", bonus, "", self.points)
        if trial is None or dict(trial.kinds).get(name) is None:
            return None
        unit = dict(trial.kinds)[name]
        said = sentence if m.group("std") else f"{title}：{sentence}"
        final = self.book.claim(name, unit, "0", said, path)
        return Drafted(sentence, (f"【{final}】{rest}",), ((final, unit, "0", said),))

    def _levels(self, sentence: str, path: str, bonus: bool) -> Drafted | None:
        """`被省级、市级督查通报的，每次分别扣2分、1分`, `承担国家、省级政务公开试点任务并通过
        验收的，分别加2分、1分`, `禁毒工作被国家禁毒委、省禁毒委通报表扬的，分别加3分、2分`:
        the same event at each level, a fact each (`【被省级督查通报】、【被市级督查通报】每次
        分别扣2分、1分`, language.md 9.14).  Read only where every item of the list starts
        with a level word and the items after the first end as the first does (`国家禁毒委`,
        `省禁毒委`), so that the words around the list are the same for each."""
        n = normalise(sentence).strip().rstrip("。;, ")
        m = _LEVEL_LIST.match(n)
        if m is None:
            return None
        items = m.group("items").split("、")
        first = _LEVEL_START.search(items[0])
        if first is None:
            return None
        pre, head = items[0][: first.start()], items[0][first.start() :]
        end = head[first.end() - first.start() :]  # the words after the level (`禁毒委`)
        *middle, last = items[1:]
        for item in middle:
            level = _LEVEL_START.match(item)
            if level is None or item[level.end() :] != end:
                return None
        level = _LEVEL_START.match(last)
        if level is None or not last[level.end() :].startswith(end):
            return None
        post = last[level.end() + len(end) :]
        named = [head, *middle, last[: level.end() + len(end)]]
        names = [legal_name(f"{pre}{item}{post}") for item in named]
        if len(set(names)) != len(names) or any(len(x) < 4 for x in names):
            return None
        rest = m.group("rest")
        lead = "" if rest.startswith("每") else "的，"
        clause = "、".join(f"【{x}】" for x in names) + lead + rest
        return self._named_each(sentence, clause, names, bonus, path)

    def _named_each(
        self,
        sentence: str,
        clause: str,
        names: list[str],
        bonus: bool,
        path: str,
        yes_no: bool = False,
        default: str | None = None,
    ) -> Drafted | None:
        """`clause` drafted with a fact for each of `names`, typed as the trial infers them
        (only 是否 with `yes_no`); the names are claimed only once all of them have a
        type, so a clause given up claims none.  The default is `default`, else 否 for a
        yes/no and 0 for a count."""
        trial = try_clause(clause, bonus, "", self.points)
        if trial is None:
            return None
        kinds = {normalise(k): v for k, v in trial.kinds}
        types = [kinds.get(normalise(x)) for x in names]
        if not all(types) or (yes_no and any(t != "是否" for t in types)):
            return None
        facts = []
        for x, type_word in zip(names, types, strict=True):
            said = default if default is not None else ("否" if type_word == "是否" else "0")
            final = self.book.claim(x, type_word, said, x, path)
            clause = clause.replace(f"【{x}】", f"【{final}】")
            facts.append((final, type_word, said, x))
        return Drafted(sentence, (clause,), tuple(facts))

    def _misses(
        self, sentence: str, title: str, path: str, bonus: bool, points: str | None
    ) -> Drafted | None:
        """`三级服务中心（站）实现全覆盖的得4分，每有1个乡镇（街道）服务站未建成扣1分，每有1个
        村（社区）服务站未建成扣0.2分` in an item of 4: all done earns the points, each kind
        of miss takes its step of them — as `FULL_EACH_MISS` with several kinds, each drafted
        alone (`【乡镇(街道)服务站未建成】每个扣1分`).  Only where the points are the item's
        (a smaller part becomes a sub-item of them in the draft) and every part is a miss."""
        n = normalise(sentence).strip().rstrip("。;, ")
        head = re.match(FULL_HEAD, n)
        if head is None or bonus or points is None or Decimal(head.group("p")) != Decimal(points):
            return None
        reads = miss_reads(n)
        if reads is None:
            return None
        return self._each_read(sentence, reads, title, path, bonus, points)

    def _each_read(
        self,
        sentence: str,
        reads: list[str],
        title: str,
        path: str,
        bonus: bool,
        points: str | None,
    ) -> Drafted | None:
        """`sentence` as the sentences `reads` it says in parts, each drafted alone into one
        clause that deducts by a step; None (nothing claimed) unless every part is."""
        drafted: list[Drafted] = []
        for read in reads:
            d = self._sentence(read, title, path, bonus, points)
            drafted.append(d)
            if not d.ok or len(d.clauses) != 1 or not re.search(r"每\S{0,3}[扣减]", d.clauses[0]):
                self.release(_together(sentence, drafted))
                return None
        return _together(sentence, drafted)

    def _own_steps(
        self, sentence: str, title: str, path: str, bonus: bool, points: str | None
    ) -> Drafted | None:
        """`年内组织消防演练不少于2次、防汛演练不少于3次，消防演练每少1次扣1分，防汛演练每少1次扣
        0.5分` (`own_steps`), or `按周调度、按月分析防汛形势，每缺一次调度扣0.2分，每缺一次分析扣
        0.5分` (`period_steps`): requirements each with its own step, each drafted alone as
        the one-requirement sentence it stands for."""
        n = normalise(sentence).strip().rstrip("。;, ")
        reads = own_steps(n) or period_steps(n)
        if reads is None:
            return None
        return self._each_read(sentence, reads, title, path, bonus, points)

    def _highest_level(
        self, sentence: str, title: str, path: str, bonus: bool, points: str | None
    ) -> Drafted | None:
        """`获得国家级表彰的加3分，获得省级表彰的加2分，获得市级表彰的加1分，同一事项按最高级别
        计分，不重复加分`: each matter counts once, at its highest level, and different
        matters add up — a count a level of the matters whose highest level it is, each one
        its level's points (`【…获得省级表彰】每项加2分`, the fact's note saying that a matter
        counted at a higher level is not counted again).  The halves after the first that
        name only the verb (`被市级推广的`) take the first half's subject."""
        n = normalise(sentence).strip().rstrip("。;, ")
        year = _YEAR_HIGHEST.search(n)
        if year is not None:
            return self._highest_of_year(sentence, n[: year.start()], title, path, bonus, points)
        tail = _HIGHEST_ONLY.search(n)
        if tail is None:
            return None
        body = (n[: tail.start()] + n[tail.end() :]).strip("，, ")
        parts = re.split(r"(?<=分)\s*[,，]\s*(?=\S)", body)
        first = parts[0]
        for k, part in enumerate(parts[1:], 1):
            verb = _LEVEL_VERB.match(part)
            at = first.find(verb.group()) if verb else -1
            if verb is not None and at > 0:
                parts[k] = first[:at] + part
        body = "，".join(parts)
        body = _EARN_ONCE.sub(lambda m: f"的每项{m.group('v')}{m.group('n')}分", body)
        body = re.sub(r"的\s*[,，]?\s*分别(?=[加得])", "的，每项分别", body)
        drafted = self._sentence(body, title, path, bonus, points)
        if not drafted.ok or not all(re.search(r"每项(?:分别)?[加得]", c) for c in drafted.clauses):
            self.release(drafted)
            return None
        note = "（同一事项按最高级别计：只计入它得到的最高一级，已计入更高一级的不再计入）"
        facts = []
        for name, type_word, default, description in drafted.facts:
            if type_word != "项":
                self.release(drafted)
                return None
            said = description if description.endswith(note) else description + note
            self.book.facts[name] = (type_word, default, said)
            facts.append((name, type_word, default, said))
        self.per_matter.add(normalise(sentence).strip())
        return Drafted(sentence, drafted.clauses, tuple(facts))

    def _highest_of_year(
        self, sentence: str, body: str, title: str, path: str, bonus: bool, points: str | None
    ) -> Drafted | None:
        """`获评省级…示范单位的加3分，获评市级…示范单位的加2分，同一年度按最高级别加分` in a
        bonus part: a yes/no fact a level, each its own bonus; the part takes only the
        highest of them (就高不就低, written on the part by the draft, which checks that
        these are its only bonuses).  Only bonuses at levels of one verb are read here."""
        earning = r"[加得]\s*\d"
        if not bonus:
            return None
        if len(re.findall(earning, self.item_words)) != len(re.findall(earning, body)):
            # other bonuses in the item (or an item unknown): 就高不就低 on it would drop them
            return Drafted(sentence, (), (), _YEAR_HIGHEST_REASON)
        drafted = self._sentence(body, title, path, bonus, points)
        amounts = [_BONUS_CLAUSE.fullmatch(c) for c in drafted.clauses]
        if (
            not drafted.ok
            or len(amounts) < 2
            or any(a is None for a in amounts)
            or any(type_word != "是否" for _, type_word, _, _ in drafted.facts)
        ):
            self.release(drafted)
            return None
        self.highest_of_year.add(normalise(sentence).strip())
        return Drafted(sentence, drafted.clauses, drafted.facts)

    def _shared_verb(self, sentence: str, path: str, bonus: bool) -> Drafted | None:
        """`将老龄工作纳入街道（镇）年度重点工作、纳入对村（社区）年度目标考核的，各得2分`: the
        later items start with the verb of the first (`纳入`), so the words before that verb
        are theirs too — a fact each (`【将老龄工作纳入对村(社区)年度目标考核】`).  Only then,
        or where one verb takes the listed objects (`将安全生产纳入年度工作要点和干部考核内容
        的，分别得1分`: `【将安全生产纳入年度工作要点】`, `【将安全生产纳入干部考核内容】`):
        `未制定计划、措施的分别扣1分` leaves open what `措施` lacks, and stays pending."""
        n = normalise(sentence).strip().rstrip("。;, ")
        listed = _verb_items(n) or _one_verb_items(n)
        if listed is None:
            return None
        names = [legal_name(x) for x in listed[0]]
        if len(set(names)) != len(names):
            return None
        clause = "、".join(f"【{x}】" for x in names) + "的，" + listed[1]
        return self._named_each(sentence, clause, names, bonus, path, yes_no=True, default="")

    def _level_pieces(self, sentence: str, path: str, bonus: bool) -> Drafted | None:
        """`在区级以上媒体宣传报道河湖长制工作的，区级每篇得0.25分，市级每篇得0.5分，省级以上每篇
        得1分`: a count at each level, each piece earning that level's points — one fact a
        level, named by the subject with its `区级以上` said for that level.  A cap after
        them is kept off only where it is the item's own points (a smaller one is a part of
        the item, `_capped_earning` makes it a sub-item)."""
        n = normalise(sentence).strip().rstrip("。;, ")
        cap = _PIECES_CAP.search(n)
        if cap is not None:
            if self.points is None or Decimal(cap.group("cap")) != Decimal(self.points):
                return None
            n = n[: cap.start()]
        m = _LEVEL_PIECES.match(n)
        if m is None:
            return None
        subject = m.group("subject")
        said = _AT_LEAST_LEVEL.findall(subject)
        if not said or len(set(said)) != 1:
            return None
        items = list(_LEVEL_PIECE.finditer(m.group("items")))
        clauses, names = [], []
        for item in items:
            level = item.group("lv")
            name = legal_name(clean_subject(subject.replace(said[0], level)))
            names.append(name)
            clauses.append(f"【{name}】每{item.group('u')}{item.group('v')}{item.group('n')}分")
        if len(set(names)) != len(names) or len({i.group("u") for i in items}) != 1:
            return None
        drafted: list[Drafted] = []
        for name, clause in zip(names, clauses, strict=True):
            one = self._named_each(sentence, clause, [name], bonus, path, default="0")
            if one is None:
                self.release(_together(sentence, drafted))
                return None
            drafted.append(one)
        return _together(sentence, drafted)

    def bands(
        self, sentence: str, path: str, bonus: bool, points: str | None
    ) -> tuple[Drafted, Decimal] | None:
        """Bands of which a unit meets at most one, though the checker would add them up
        (`且`, a difference, a date between two): the drafted clauses and the most they
        earn, for a sub-item that takes the highest (`draft._band_tiers`); None when the
        sentence is not such bands or they do not compile."""
        self.points = points
        readers = (lambda s: read_vs_last_year(s, done=True), read_change_bands, read_deadlines)
        for read in readers:
            drafted = self._several(sentence, read(sentence), path, bonus)
            if drafted is not None:
                amounts = [Decimal(a) for c in drafted.clauses for a in _BAND_EARNS.findall(c)]
                return drafted, max(amounts)
        return None

    def _changes(self, sentence: str, path: str, bonus: bool) -> Drafted | None:
        """A change against last year or a deadline (`changes`): drafted when it compiles;
        `增长的得2分，下降的不得分` (持平 unsaid) is held with what to write."""
        for one in (read_one_side, read_change_steps):
            reading = one(sentence)
            drafted = self._reading(sentence, reading, path, bonus) if reading else None
            if drafted is not None:
                return drafted
        gap = one_side_gap(sentence)
        return Drafted(sentence, (), (), gap) if gap is not None else None

    def _several(
        self, sentence: str, readings: tuple[Reading, ...] | None, path: str, bonus: bool
    ) -> Drafted | None:
        """One clause per reading, kept only when every one compiles."""
        if readings is None:
            return None
        drafted = [self._reading(sentence, r, path, bonus) for r in readings]
        if not all(d is not None for d in drafted):
            return None
        return _together(sentence, [d for d in drafted if d is not None])

    def _read_as(self, sentence: str, points: str | None) -> str | None:
        """The sentence as the language says it, where a common phrase means exactly one
        of its forms; None when a phrase makes the sentence unreadable with certainty.

        - `，本项最高扣4分` at the end caps this sentence's deduction: `，最高扣4分`;
        - `，本项计满6分为止` / `，最高得6分` in an item of 6 points says what the item's
          points already do, so it is dropped; with other points it stays unread;
        - `有会议记录的得2分，无记录的不得分`: the second half is the `否则` of the first
          (those 2 points are not earned), written `，否则不得分`;
        - `实行一票否决，考核等次直接确定为不合格` when 不合格 is the last grade is the
          language's `一票否决` (the lowest grade); another grade stays unread.
        """
        n = normalise(sentence).rstrip("。;, ")
        out = sentence
        checked = _CHECKED_RATE.match(n)
        if checked and len(n) == len(out.rstrip("。;, ")):
            # `随机抽查辖区企业从业人员安全知识，合格率达到90%以上的得3分…`: the rate is the
            # checked thing's (`…安全知识合格率达到…`); how it was checked is no fact
            out = out[checked.start("obj") : checked.end("obj")] + out[checked.start("rate") :]
            n = normalise(out).rstrip("。;, ")
        joined = _AND_VETO.search(n)
        if joined:  # `本项不得分，并实行一票否决`: 并 joins the second effect, as `，` does
            out = _replace_tail(out, n, joined.start(), "，" + n[joined.start(1) :])
            n = normalise(out).rstrip("。;, ")
        m = _STEP_COMMA.search(n)
        if m and len(n) == len(out.rstrip("。;, ")):
            # `每缺少一项，扣1分`: the comma parts nothing; the step and its effect are one
            out = out[: m.end("step")] + out[m.end() :]
            n = normalise(out).rstrip("。;, ")
        m = _ROUND_UP.search(n)
        if m and len(n) == len(out.rstrip("。;, ")):
            # `，不足1个百分点的按1个百分点计算`: the language's `不足1个百分点按1个百分点计`
            out = out[: m.start()] + f"，不足{m.group('a')}按{m.group('a')}计"
            n = normalise(out).rstrip("。;, ")
        m = _LATE_EACH.match(n)
        if m and _late_of(m.group("late") + m.group("v"), m.group("x")):
            # `答复按期率达到100%的得8分，每超期答复1件扣2分` in an item of 8 points: all on
            # time is no late one, so the points less the late ones say it all
            if points is None or Decimal(m.group("p")) != Decimal(points):
                return None
            return f"{m.group('late')}{m.group('v')}的，每{m.group('u')}{m.group('e')}"
        m = _UNTIL_GONE.search(n)
        if m and points is not None and Decimal(m.group("n")) < Decimal(points):
            # `，扣完5分为止` in an item of 8 points: this sentence takes at most 5
            out = _replace_tail(out, n, m.start(), f"，最高扣{m.group('n')}分")
            n = normalise(out).rstrip("。;, ")
        m = _EACH_FOUND.match(n)
        if m and len(n) == len(out.rstrip("。;, ")):
            # `年度报告每出现一处数据逻辑错误或格式不符，扣0.5分`: what is found, counted
            said = {g: out[m.start(g) : m.end(g)] for g in ("x", "u", "what", "rest")}
            out = f"{said['x']}{said['what']}，每{said['u']}{said['rest']}"
            n = normalise(out).rstrip("。;, ")
        m = _FULL_THEN_JUDGED.match(n)
        if m and points is not None and len(n) == len(out.rstrip("。;, ")):
            # `按标准配备保洁员的得满分，配备不足或经费未落实的，酌情扣分`: the item's points,
            # judged down from them (a unit meeting the standard is entered 0)
            out = out[m.start("rest") :]
            n = normalise(out).rstrip("。;, ")
        m = _COMPLETE_EACH.match(n)
        if m:
            # `各环节信息公开完整的得满分，每缺一个环节扣0.5分` in an item of those points:
            # complete is none missing, so the points less the missing ones say it all
            if points is None or m.group("p") and Decimal(m.group("p")) != Decimal(points):
                return None
            return all_each_missing(m, unnamed="项")
        banded = count_bands(n)
        if banded is not None and len(n) == len(out.rstrip("。;, ")):
            return banded
        m = ALL_EACH_SHORT.match(n)
        if m and not NEGATED.search(m.group("what")):
            # `签订责任书的得2分，每少签1家扣0.5分` in an item of 2: all signed is none short
            if points is None or Decimal(m.group("p")) != Decimal(points):
                return None
            return all_each_short(m)
        m = ALL_EACH_MISSING.match(n)
        if m and not NEGATED.search(m.group("what")):
            # `“三到位”的得3分，每缺一项扣1分` in an item of 3: all there is none missing,
            # so the points less the missing ones say it all
            if points is None or Decimal(m.group("p")) != Decimal(points):
                return None
            return all_each_missing(m)
        m = FULL_EACH_MISS.match(n) or FULL_EACH_MISS_PLAIN.match(n)
        if m and points is not None and Decimal(m.group("p")) == Decimal(points):
            # `各阶段工作按期完成的得6分，每有一个阶段未按期完成扣2分` in an item of 6:
            # all done is none missed, so the points less the misses say it all
            return f"{m.group('what')}的，每{m.group('u')}{m.group('e')}"
        m = _AGAIN_EARNS.search(n)
        if m and len(n) == len(out.rstrip("。;, ")):
            # `…的得2分，资金足额拨付到位的再得2分`: 再 adds, as `另`, `再` do before 扣, 加
            out = out[: m.start(1)] + out[m.end(1) :]
            n = normalise(out).rstrip("。;, ")
        m = _EACH_EVENT.match(n)
        if m and not _STEP_WORD.match(m.group("what")):
            # `每超期答复1件扣2分`: the event counted, one a step
            return f"{m.group('what')}的，每{m.group('u')}{m.group('e')}"
        m = _ON_TIME_RATE.match(n)
        if m:
            # `按时完成年度户厕改造任务的得满分，完成率每低1个百分点扣0.4分`: on time in full
            # is the rate at 100%, and the step counts below it
            return f"{m.group('task')}任务完成率达到100%的得满分，{m.group('step')}"
        m = _SHARED_CAP.match(n)
        if m and points is not None and Decimal(m.group("c")) == Decimal(points):
            # `迟报的每次扣0.5分，漏报的每次扣1分，最多扣4分` in an item of 4: the cap is the
            # item's own floor (a smaller cap would be a part of the item: not this)
            return out[: m.end("body")]
        m = _VETO_RESTATED.match(n)
        if m and self.lowest_band and grade_name(m.group("g")) == grade_name(self.lowest_band):
            # `…的，实行一票否决，考核等次为不合格`: the lowest grade is what 一票否决 gives
            return out[: m.end("veto")]
        m = _EACH_VICTIM.match(n)
        if m:
            # `发生亡人火灾的，每死亡1人扣3分`: the people who died in it, counted
            step = re.sub(r"\s*,\s*", "，", m.group("e"))
            return f"{m.group('x')}{m.group('v')}人数，每人{step}"
        m = _DONE_RATE_STEP.match(n)
        if m and m.group("rate")[-3:-1] in m.group("done"):
            # `与下属单位签订责任书的得2分，签订率每低10个百分点扣0.5分`: done in full (the
            # rate's verb, 签订, is what was done) is the rate at 100%, the step below it
            rate = clean_subject(m.group("rate"))
            step = re.sub(r"\s*,\s*", "，", m.group("step"))
            return f"{rate}达到100%的得{m.group('p')}分，{step}"
        m = _EACH_BELOW_RATE.match(n)
        if m:
            # `按期办结率每低于100%一个百分点，扣0.5分`: below the bound, a step a point
            return f"{m.group('x')}低于{m.group('n')}%的，每低1个百分点{m.group('effect')}"
        m = _SHORT_OF_MINIMUM.match(n)
        if m:
            # `统计站未配备2名以上统计人员的，每少1名扣2分`: a minimum and the steps below it
            unit = m.group("unit")
            return (
                f"{m.group('who')}{m.group('verb')}{m.group('what')}不少于{m.group('n')}{unit}，"
                f"每少1{unit}{m.group('effect').replace(' ', '')}"
            )
        halves = re.split(r"[；;]", n)
        if len(halves) == 2:
            tiers = _deeper_tier(halves[0], halves[1])
            if tiers is not None:
                return tiers
        tiers = _tier_chain(n)
        if tiers is not None:
            return tiers
        m = _DEDUCT_CAP.search(n)
        if m and m.group(1):
            out = _replace_tail(out, n, m.start(), f"，最高扣{m.group(2)}分")
            n = normalise(out).rstrip("。;, ")
        m = _EARN_CAP.search(n)
        if m and re.search(r"[得计记]", n[: m.start()]):
            cap = Decimal(m.group(1) or m.group(2))
            if points is not None and cap < Decimal(points) and _OWN_EARN_CAP.match(m.group()):
                # `每完成一项得1分，最高得3分` in an item of 5: this clause's own cap
                # (language.md 7); a cap said of the item (`本项最高计3分`) is not
                said = _OWN_EARN_CAP.match(m.group())
                word = said.group(1) + said.group(2).replace("记", "得")
                out = _replace_tail(out, n, m.start(), f"，{word}{_plain(cap)}分")
                n = normalise(out).rstrip("。;, ")
            elif points is None or cap != Decimal(points):
                return None
            else:
                out = _replace_tail(out, n, m.start(), "")
                n = normalise(out).rstrip("。;, ")
        m = _NO_AWARDS.search(n)
        if m:
            # no points change: the unit may not be honoured, which a label records
            body = out.rstrip("。；;，, ")
            if len(body) == len(n):
                # being rated the top grade is the first of the honours (评优): a unit out
                # of 评先评优 is not rated it either, and carries the label for the rest
                bar = f"，不得评为{self.highest_band}" if self.highest_band else ""
                head = body[: m.start()]
                forced = _FORCED_GRADE.search(normalise(head))
                if "一票否决" in normalise(head) and not forced:
                    # `实行一票否决，取消年度评优评先资格`: the lowest grade, or only the
                    # honours the sentence names? (reasons.py says both writings)
                    return None
                if forced and "一票否决" in normalise(head)[: forced.start()]:
                    # `实行一票否决，考核结果确定为不合格，取消…资格`: the lowest grade is
                    # what 一票否决 gives; any other grade cannot be said
                    grade = grade_name(forced.group(1))
                    if not self.lowest_band or grade != grade_name(self.lowest_band):
                        return None
                    head, bar = head[: forced.start()], ""
                out = head + f"{bar}，列为{m.group(1)}单位"
                n = normalise(out)
        m = _ALL_EACH.match(n)
        if m:
            # all of them meeting the standard earns the item's points, each one failing
            # takes some back: in an item of those points, a count of the failing ones
            if points is None or m.group("p") and Decimal(m.group("p")) != Decimal(points):
                return None
            thing = m.group("thing").strip() or clean_subject(m.group("what"))
            return (
                f"{thing}{m.group('neg')}{m.group('rest')}，每{m.group('unit')}"
                f"{m.group('effect').replace(' ', '')}{m.group('tail') or ''}"
            )
        m = _ON_TIME_LATE.match(n)
        if m:
            # on time earns the item's points, each month late takes some back: in an item
            # of those points that is a count of months late (on time: 0)
            if points is None or Decimal(m.group("points")) != Decimal(points):
                return None
            what = (m.group("before") + m.group("after")).strip()
            return f"{what}逾期月数，每个月{m.group('effect').replace(' ', '')}"
        m = _EARN_THEN_TIERS.match(n)
        if m:
            # reaching the standard earns the item's points; below it, the tiers take from
            # them: in an item of those points that is the tiers alone (language.md 9.15)
            if points is None or Decimal(m.group("points")) != Decimal(points):
                return None
            if len(n) != len(out.rstrip("。；;，, ")):
                return None
            body = out.rstrip("。；;，, ")
            return body[: m.end("subject")] + body[m.start("tiers") :]
        m = _OTHERWISE_NONE.search(n)
        if (
            m
            and _EARNS.search(n[: m.start()])
            # the other side of the same condition (`有记录的得2分，无记录的不得分`), not a
            # second one (`数据准确的得2分，未及时更新的不得分`: accurate but late earns 0)
            and m.group("what").strip() in n[: m.start()]
            and not SCORING.search(re.sub(r"得\s*\d+(?:\.\d+)?\s*分", "", n[: m.start()], count=1))
        ):
            out = _replace_tail(out, n, m.start(), "，否则不得分")
            n = normalise(out).rstrip("。;, ")
        m = _FORCED_GRADE.search(n)
        if m and "一票否决" in n[: m.start()]:
            grade = grade_name(m.group(1))
            if not self.lowest_band or grade != grade_name(self.lowest_band):
                return None
            out = _replace_tail(out, n, m.start(), "")
        return out

    def _period(
        self, sentence: str, period: PeriodReading, path: str, bonus: bool
    ) -> Drafted | None:
        """A requirement per period, on its derived shortfall fact (see `periods`)."""
        trial = try_clause(f"【{period.name}】{period.rest}", bonus, "", self.points)
        if trial is None or dict(trial.kinds).get(period.name) != period.unit:
            return None
        final = self.book.claim(period.name, period.unit, "0", period.description, path)
        clause = f"【{final}】{period.rest}"
        if final != period.name and try_clause(clause, bonus, "", self.points) is None:
            return None
        return Drafted(sentence, (clause,), ((final, period.unit, "0", period.description),))

    def _reading(self, sentence: str, reading: Reading, path: str, bonus: bool) -> Drafted | None:
        """A sentence read by one of `shapes`: kept when it compiles with the types read."""
        trial = try_clause(reading.clause, bonus, _declared(reading, reading.names), self.points)
        if trial is None:
            return None
        kinds = dict(trial.kinds)
        if any(kinds.get(n) != u for n, u in zip(reading.names, reading.units, strict=True)):
            return None
        clause, facts = reading.clause, []
        for i, (name, unit) in enumerate(zip(reading.names, reading.units, strict=True)):
            default = (
                _default(unit, name, reading.clause) if reading.default is None else reading.default
            )
            said = reading.descriptions[i] if reading.descriptions else reading.description or name
            final = self.book.claim(name, unit, default, said, path)
            clause = clause.replace(f"【{name}】", f"【{final}】")
            facts.append((final, unit, default, said))
        finals = tuple(fact[0] for fact in facts)
        decls = _declared(reading, finals)
        if clause != reading.clause and try_clause(clause, bonus, decls, self.points) is None:
            return None
        return Drafted(sentence, (clause,), tuple(facts))

    def _one(
        self, sentence: str, title: str, path: str, bonus: bool, previous: str | None
    ) -> Drafted | None:
        s = sentence.strip().rstrip("。；;，, ")
        n = normalise(s)
        if PER_PERIOD.search(n):
            return None  # a requirement for each quarter or month: one count cannot say it
        s = _OTHER_UNIT.sub(r"\1", _EACH_NOUN.sub(r"每\1", _each_short(s)))
        s = _ONE_NOUN.sub(r"\1一\2", s)
        n = normalise(s)
        candidates: list[tuple[str, str]] = []  # (subject, rest): subjects written first
        for j in _boundaries(n):
            subject = clean_subject(s[:j])
            if subject and _fit_subject(s[:j]):
                candidates.append((s[:j], s[j:].lstrip("，, ")))
        if n[:1] in _PRED_START or n[:1].isdigit():
            candidates.append(("", s))
        for subject, rest in candidates:
            if not rest or not SCORING.search(normalise(rest)):
                continue
            if normalise(rest).rstrip().endswith("的"):
                continue  # `…列为典型案例的`: still the condition, no effect yet
            if subject and _QUANTITY_SUBJECT.match(normalise(clean_subject(subject))):
                continue  # `两次以上每次扣1分`: a count of something the sentence does not name
            if subject:
                name, description = name_from(subject, title, _verb(rest))
                if not previous and level_of_kind(subject):
                    name = description = level_of_kind(subject) or name
                if previous:  # `获得国家级表彰的加3分，省级加2分`: 省级 of the same thing
                    name = description = with_level(name, previous)
            elif previous:
                name, description = name_from(previous, title, _verb(rest))
                name = name + _verb(rest) if _verb(rest) and _verb(rest) not in name else name
            else:
                again = self._again(rest, path, bonus)
                if again is not None:
                    return again
                if _COMPARISON_START.match(normalise(rest)) or "每" not in rest:
                    # a bound or an outcome that names nothing (`低于80%的，扣4分`,
                    # `实行一票否决`) is never about the heading it stands under: a heading
                    # names a part of the document (`抽检监测`), not a value a unit reports;
                    # only a count (`每缺一项扣1分`) counts what the heading requires
                    return None
                name, description = name_from("", title, _verb(rest))
                if self._twice(name, rest, path):
                    return None
            trial = try_clause(f"【{name}】{rest}", bonus, "", self.points)
            if trial is None and (subject or not previous):
                # `（编制…编研材料）每编制一种得1分`: the title says what the verb does
                shorter = _said_before(rest, subject or title)
                if shorter != rest:
                    trial = try_clause(f"【{name}】{shorter}", bonus, "", self.points)
                    rest = shorter if trial is not None else rest
            if trial is None:
                continue
            return self._keep(sentence, name, rest, description or s, trial, path)
        return None

    def _again(self, rest: str, path: str, bonus: bool) -> Drafted | None:
        """`…合格率达到90%以上的，得满分…；低于70%的，本项不得分`: a sentence that starts
        with a comparison and names nothing compares the indicator of the sentence
        before it in the same item (a measured value, never a count of events)."""
        if self.last is None or self.last[0] != path or not _COMPARISON_START.match(rest):
            return None
        _, name, type_word, default, description = self.last
        if type_word not in ("百分比", "数值") and type_word not in kw.MEASURE_UNITS:
            return None
        if re.search(r"[得计记]", normalise(self.last_clause)) and re.search(r"[扣减]", rest):
            # `达到60%的，得8分；…；低于60%的，每低5个百分点扣1分`, `达到92%以上的，得4分；
            # 低于92%、85%的，分别扣1分、2分`: the halves of one standard apart; as two
            # clauses a unit below the standard would lose the points twice
            return None
        trial = try_clause(f"【{name}】{rest}", bonus, "", self.points)
        if trial is None or dict(trial.kinds).get(name) != type_word:
            return None
        final = self.book.claim(name, type_word, default, description, path)
        return Drafted(rest, (f"【{final}】{rest}",), ((final, type_word, default, description),))

    def _twice(self, name: str, rest: str, path: str) -> bool:
        """The title names the indicator the sentence before earned points on
        (`室藏档案数字化率达到60%的，得8分；…；低于60%的，每低5个百分点扣1分`): as a second
        clause on it the unit below the standard would lose the points twice."""
        last = self.last
        return (
            last is not None
            and last[0] == path
            and last[1] == name
            and bool(re.search(r"[得计记]", normalise(self.last_clause)))
            and bool(re.search(r"[扣减]", rest))
        )

    def _keep(
        self, sentence: str, name: str, rest: str, description: str, trial: Trial, path: str
    ) -> Drafted:
        tiers = re.search(r"(?:低于|高于|超过|达到|不低于|少于|多于)\s*\d[\d.]*\s*\S{0,3}、", rest)
        if (
            re.search(r"分别|各[扣减得计记加]", normalise(rest))
            and len(trial.kinds) < 2
            and not tiers  # `低于92%、85%的，分别扣1分、2分`: tiers of one fact
        ):
            # `无计划、无措施、无总结的分别扣1分` deducts for each item: one fact cannot
            return Drafted(sentence, (), (), reason_for(sentence))
        kinds = {normalise(k): v for k, v in trial.kinds}
        type_word = kinds.get(normalise(name), "")
        if not type_word:  # a unit the language does not know (`每缺一家`): no declaration
            return Drafted(sentence, (), (), reason_for(sentence))
        last = self.last
        if (
            last is not None
            and last[0] == path
            and last[2] == type_word
            and type_word in ("百分比", "数值")
            and len(name) >= 2
            and last[1] != name
            and last[1].endswith(name)
        ):
            # `日常监督检查计划完成率低于100%的…；完成率低于80%的，本项不得分`: the same rate
            again = f"【{last[1]}】{rest}"
            if try_clause(again, False, "", self.points) is not None:
                final = self.book.claim(last[1], type_word, last[3], last[4], path)
                return Drafted(sentence, (f"【{final}】{rest}",), ((final, *last[2:]),))
        if type_word in ("百分比", "数值") and re.search(r"率[、和及与]", normalise(name)):
            return Drafted(sentence, (), (), reason_for(sentence))  # several indicators at once
        parts = [p for p in pieces(normalise(description)) if not is_evidence(p)]
        if type_word == "是否" and len(parts) > 1 and _EARNS.search(rest) and "每" not in rest:
            # `县、乡两级机构全部建立，名单在网站公开的，得2分`: both must hold for the
            # points; named by the last part, a unit meeting only that one would earn them
            name = "并".join(parts)
            if (
                len(name) > MAX_NAME
                or try_clause(f"【{name}】{rest}", False, "", self.points) is None
            ):
                return Drafted(sentence, (), (), reason_for(sentence))
        default = _default(type_word, name, rest)
        final = self.book.claim(name, type_word, default, description, path)
        clause = f"【{final}】{rest}"
        if final != name and try_clause(clause, False, "", self.points) is None:
            return Drafted(sentence, (), (), reason_for(sentence))
        return Drafted(sentence, (clause,), ((final, type_word, default, description),))


_LEVEL = r"(?:国家|中央|部|省|市|县|区|乡|镇|街道)级(?:以上)?"


def level_of_kind(subject: str) -> str | None:
    """`获得各级表彰奖励的，国家级` → `获得国家级表彰奖励`: a level after the kind of thing
    it grades names that thing at the level (None when the subject is no such pair)."""
    parts = pieces(normalise(subject))
    if len(parts) < 2 or not re.fullmatch(_LEVEL, parts[-1]):
        return None
    base = parts[-2]
    if "各级" in base:
        return legal_name(base.replace("各级", parts[-1], 1))
    return legal_name(parts[-1] + base)


def with_level(name: str, previous: str) -> str:
    """`省级` after `获得国家级表彰` is `获得省级表彰`; `市级采用` after `信息被区级采用` is
    `信息被市级采用`: a level alone names the previous thing at that level."""
    previous = level_of_kind(previous) or previous
    m = re.fullmatch(rf"(被)?({_LEVEL})(.{{0,4}})", name)
    here = re.search(_LEVEL, previous)
    if m is None or here is None:
        return name
    after = previous[here.end() :]
    if m.group(3) and not after.startswith(m.group(3)):
        return name  # `市级媒体` after `被区级采用`: words of its own
    return previous[: here.start()] + m.group(2) + after


#: Words that tie a phrase to the one before it: such a phrase is no subject of its own;
#: and words that lead an effect (`实行一票否决`, `给予通报`), never an event.
_TIED = ("否则", "否那么", "否", "或", "但", "则", "那么", "另", "再")
EFFECT_LEAD = ("实行", "给予", "予以", "直接", "一律")


def _fit_subject(subject: str) -> bool:
    """A subject holds no scoring phrase of its own (that would drop a predicate) and
    its last part does not lean on the part before (`否则…`)."""
    n = normalise(subject).rstrip("，, ")
    step = r"每(?!一?年)[^，,]{0,4}?[\d一二两三四五六七八九十]"
    # `被市局列为典型经验的`: 列为 in a condition is what happened, not a label it earns
    bare = re.sub(r"列为[^,，]*的$", "", n)
    if SCORING.search(bare) or re.search(step, re.split(r"[，,]", n.rstrip("，, "))[-1]):
        return False  # `每超1天扣…`: a step belongs to the predicate
    if re.search(step, n) and not _PERIOD_CONTEXT.match(n):
        return False  # a step in an earlier part, unless it states a period's requirement
    if NEGATED_END.search(n):
        return False  # `群众满意率没有` + `达到90%的`: the 没有 belongs to the comparison
    parts = pieces(n)
    if not parts or len(parts[-1]) < 2:  # `没少报一件…`: one character names nothing
        return False
    if _NO_NAME.match(parts[-1]):  # `低于80%的，本项不得分`: the subject is elsewhere
        return False
    if re.search(r"在\s*\d[\d.]*\s*%", parts[-1]):
        return False  # `比例在20%以上`: a band of a rate, never the name of a fact
    if parts[-1] in ("发现", "查出", "查实"):  # `…的，发现一座次扣1分`: the verb of the count
        return False
    if parts[-1] in ("缺", "缺少"):  # `缺少一项扣…`: the verb of the step, not a thing
        return False
    if "每" in re.sub(r"每(一)?年(度)?", "", parts[-1]):
        return False  # `每件扣…`, `每少报一次…`: the subject is cut inside the predicate;
        # `每年…` is the assessment's own period, `每季度…不少于1次` is not (see _PER_PERIOD)
    # `未包案的1件扣0.1分`: a quantity at the end belongs to the predicate, not the name
    if re.search(
        r"[\d一二两三四五六七八九十]\s*(个|件次|人次|批次|件|次|项|起|人|天|日|处|条)?$", n
    ):
        return False
    if re.search(rf"[一1两二]\s*(?:{_ALL_UNITS})$", parts[-1]):
        return False
    last = re.split(r"[，,]", n.rstrip("，, "))[-1].strip()
    if last.startswith(ALTERNATIVE) and len(parts) >= 2:
        return True  # `X，或者Y的`: either event (named by both, `name_from`)
    return not last.startswith(_TIED) and not last.startswith(EFFECT_LEAD)


#: A sentence that starts by comparing (`低于70%的`, `高于全市平均水平的`): it names no fact.
_COMPARISON_START = re.compile(
    r"^(?:未达到|未达|达不到|低于|高于|超过|超出|高出|不足|少于|多于|达到|不低于|不超过)\s*"
    r"(?:\d|[^,，;；\d]{0,8}?平均)"
)
_ALL_UNITS = "|".join(
    sorted((re.escape(u) for u in (*kw.COUNT_UNITS, *kw.MEASURE_UNITS)), key=len, reverse=True)
)
#: Subjects that name nothing by themselves: a bare comparison, a pointer back.
_NO_NAME = re.compile(
    r"^(?:(?:未达到|未达|达不到|低于|高于|超过|不足|少于|多于|达到|不低于|不超过)\s*\d[\d.]*\s*\S{0,4}"
    r"|相应项目|相应项|以上\S{0,2}|(?:本项|该项|此项|本条|本大项)\S*|在?上述\S*|\S*基础上\S*"
    r"|(?:低于|高于|超过|不足)\S{0,10}平均\S*"
    r"|(?:排名|排在|位列)?第\s*\d+\s*(?:至|到|-|—|～)?\s*(?:\d+\s*)?名\S{0,4}"
    r"|\d[\d.]*\s*(?:%|％|个百分点|分)?\s*(?:及以上|及以下|以上|以下|以内|以外)\S{0,12}"
    rf"|(?:发现|有)?[一1两二]\s*(?:{_ALL_UNITS}))$"
)


#: `每季度开展一次村庄清洁考评，考评结果排名后三位的`: a period's activity said first, as
#: the context of the event after it (never a step of a deduction).
_PERIOD_CONTEXT = re.compile(
    r"^每个?(?:季度|月|周|学期|半年)(?:开展|组织|进行|举行|召开)[一1]次[^，,每]*[，,][^每]+$"
)


_SHORT = re.compile(
    r"((?:不少于|不得少于|至少)\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?P<unit>[^\d\s，,]{1,2}?)[，,]\s*)少\s*(?:1|一)\s*(?P=unit)\s*(?=[扣减])"
)


_SAID_NOUN = re.compile(r"^每个([^\d,，每扣减得计记加]{1,4}?)(?=[扣减得计记加])")
_SAID_VERB = re.compile(
    r"^每([^\d,，每扣减得计记加一二两三四五六七八九十]{1,4}?)(?=[\d一二两三四五六七八九十])"
)


#: `每缺少一个栏目扣1分`, `每延迟一条扣0.1分`: a counting verb, one of a count word, and
#: perhaps the thing counted, before the effect.
_VERB_COUNTED = re.compile(
    r"^每(?:缺少|缺|少报|漏报|迟报|延迟)\s*(?:一|1)\s*(?P<unit>个|条|项|件|家|篇|份|处)"
    r"[^\d扣减得计记加,，]{0,4}?(?=[扣减])"
)
_COUNTED = re.compile(
    r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:"
    + "|".join(sorted((re.escape(u) for u in kw.COUNT_UNITS), key=len, reverse=True))
    + r")"
)


def _said_before(rest: str, subject: str) -> str:
    """`审计发现问题的，每个问题扣0.5分` → `每个扣0.5分`; `学生无故辍学的，每辍学1人扣1分` →
    `每1人扣1分`: the word after 每 repeats what the subject (the fact's name) says, so
    the step without it counts the same thing."""
    n = normalise(rest)
    said = normalise(subject)
    counted = _VERB_COUNTED.match(n)
    if counted and len(n) == len(rest):
        # `（信息公开专栏）每缺少一个栏目扣1分`: the name says what is missing (`…缺少`)
        return f"每{counted.group('unit')}{rest[counted.end() :]}"
    for pattern, keep in ((_SAID_NOUN, "每个"), (_SAID_VERB, "每")):
        m = pattern.match(n)
        if m and any(
            m.group(1).startswith(v) for v in (*kw.STEP_VERBS, "出", "高", "低", "多", "少")
        ):
            return rest  # `每上升1个百分点`: a step against a standard, never a count
        if m and pattern is _SAID_VERB and not _COUNTED.match(n[m.end() :]):
            return rest  # `每损失1万元`: a measured step (whole or pro rata?) is not guessed
        if m and m.group(1) in said and len(n) == len(rest):
            if kw.negation_before(said, m.group(1)) is not None:
                return rest  # `未完成项目…每完成1项`: the verb says the opposite of the name
            return keep + rest[m.end() :]
    return rest


#: `每家企业扣2分`: the noun after the count word only says what the subject counts.
_EACH_NOUN = re.compile(
    r"每(?:一)?(家|所|个)(?:企业|单位|学校|医院|乡镇|街道|村|社区|部门|项目)(?=\s*[扣减得计记加])"
)


#: `每少回复一条扣0.1分` after a standard that all of them be done (`应全部回复`).
_EACH_SHORT_OF = re.compile(
    r"^(?:(?P<std>[^,;]+?)\s*,\s*)?每少(?P<verb>[^\d一二两三四五六七八九十,;]{1,4}?)(?:一|1)\s*"
    rf"(?P<unit>{_ONE_UNITS})(?P<effect>(?:扣|减)\s*\d+(?:\.\d+)?\s*分)$"
)
#: A standard that every one be done: `应全部办结`, `处置率应达到100%`.
_ALL_DONE = re.compile(
    r"(?:应|须|要|必须)(?:当)?(?:全部|全数|及时)|率\s*(?:应|须)?\s*达到\s*100\s*%"
)


#: `在全市排名第1名的，得5分` and `其余县（市、区）按与第1名的比例得分` after it.
_FIRST_PLACE = re.compile(r"排名第\s*(?:1|一)\s*名?的\s*,?\s*得\s*\d+(?:\.\d+)?\s*分$")
_OTHERS_RATIO = re.compile(r"^其余[^,;]{0,12}?按与第\s*(?:1|一)\s*名的?比例(?:得分|计分)$")
#: `X率达到100%的，得4分` and `未达到的，按比例得分` after it.
_FULL_RATE = re.compile(r"率\s*(?:应)?达到\s*100\s*%\s*的?\s*,?\s*得\s*\d+(?:\.\d+)?\s*分$")
_SHARE_REST = re.compile(
    r"^(?:未达到|未达|达不到|低于100%)的?\s*,?\s*按(?:实际)?(?:完成)?比例(?:得分|计分)$"
)
#: `按年度…任务完成率按比例得分`, `…整治按整治完成率按比例得分`.
_BY_RATE = re.compile(
    r"^(?P<a>[^,，;；按]*?)按(?:照)?(?P<b>[^,，;；按]{2,20}?率)(?:(?:的比例)?按?(?:实际)?比例|折算)(?:得分|计分)$"
)
#: `…治理按完成年度任务的比例得分，完成率达到100%的得9分`.
_BY_TASK = re.compile(
    r"^(?P<a>[^,，;；按]{2,}?)按(?:照)?完成(?:年度|下达的?|上级下达的?)?任务的?比例(?:得分|计分)"
    r"(?:\s*[,，]\s*完成率达到100\s*%的?\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分)?$"
)
#: `X率达到98%的得4分，低于98%的按比例得分` (the same bound on both sides).
AT_THEN_SHARE = re.compile(
    r"^(?P<x>[^,，;；]+?率)\s*(?:应)?(?:达到|不低于)\s*(?P<t>\d+(?:\.\d+)?)\s*%\s*(?:及?以上)?的?\s*[,，]?\s*"
    r"得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*(?:未达到|低于|不足)\s*(?P=t)\s*%的?\s*[,，]?\s*"
    r"按(?:实际)?比例(?:得分|计分)$"
)


_N = DECIMAL
#: `X率达到90%以上的得3分，未达到的按X率÷90%×3计分` (or `按实际X率×3计分`, `按比例折算计分`).
_RATE_FORMULA = re.compile(
    rf"^(?P<x>[^;；]+?(?:率|占比))\s*(?:应)?(?:达到|不低于)\s*(?P<of>[^,，;；\d%％]{{2,10}}?(?:人数|户数|总数|人口))?"
    rf"\s*(?P<t>{_N})\s*[%％]\s*(?:[(（]含[)）])?\s*"
    rf"(?:及?以上)?的?\s*[,，]?\s*得\s*(?P<p>{_N})\s*分\s*[,，;；]\s*"
    rf"(?:未达到|未达|达不到|低于|不足|不满)\s*(?:(?P<t1>{_N})\s*[%％])?\s*的?\s*[,，]?\s*"
    rf"(?:按(?:实际|其)?(?:完成)?比例(?:折算)?(?:得分|计分)"
    rf"|按(?:照)?(?P<r>[^,，;；×÷*/]{{1,14}}?)\s*(?:[÷/]\s*(?P<t2>{_N})\s*[%％])?\s*(?:[×*]|乘以)\s*"
    rf"(?P<p2>{_N})\s*分?\s*(?:计分|得分|计算|折算))$"
)
#: `达到受威胁人数80%` names the rate's own base; these words name another number.
_NOT_OWN_BASE = r"平均|全市|全县|全区|全省|最高|最低|上年|同期|目标|计划|任务|率"
#: `按辖区考核断面年均水质达标比例×8计分`: the rate times the item's points.
_RATE_TIMES = re.compile(
    rf"^按(?:照)?(?P<x>[^,，;；×÷*/按]{{2,24}}?(?:率|比例|占比))\s*(?:[×*]|乘以)\s*(?P<p>{_N})\s*分?"
    r"\s*(?:计分|得分|计算)$"
)
#: `辖区内危重病人均及时护送的得4分，未及时护送的按及时护送率×4计分`: all done is the rate
#: at 100%, the verb done being the rate's own.
_ALL_THEN_RATE = re.compile(
    rf"^(?P<s>[^,，;；]*?)(?:均|全部|都|全数|均已|全部已)(?P<v>[^,，;；\d未不没]{{2,8}}?)的?\s*[,，]?\s*"
    rf"得\s*(?P<p>{_N})\s*分\s*[,，;；]\s*未(?:全部|均)?(?P<v2>[^,，;；\d]{{2,8}}?)的?\s*[,，]?\s*"
    rf"按(?:照)?(?:实际)?(?P<r>[^,，;；×÷*/按]{{2,10}}?率)\s*(?:[×*]|乘以)\s*(?P<p2>{_N})\s*分?"
    r"\s*(?:计分|得分|计算)$"
)
#: `人均日上报事件数达到县定标准的得3分，未达到的按实际数÷标准数×3计分`: a number over a
#: standard the document names but does not give.
_STANDARD_FORMULA = re.compile(
    rf"^(?:(?P<lead>[^,，;；]{{2,40}}?)[,，]\s*)?"
    rf"(?P<x>[^,，;；]{{2,24}}?(?:数|量))\s*(?:应)?达到(?P<t>(?:县|市|区|省|上级)定标准|规定标准)的?\s*[,，]?\s*"
    rf"得\s*(?P<p>{_N})\s*分\s*[,，;；]\s*(?:未达到|达不到|低于标准)的?\s*[,，]?\s*"
    rf"按(?:照)?实际(?:数|值|数值)\s*[÷/]\s*标准(?:数|值|数值)?\s*(?:[×*]|乘以)\s*(?P<p2>{_N})\s*分?"
    r"\s*(?:计分|得分|计算)$"
)
#: `…按已搬迁户数÷任务户数×5计分`, `按完成比例计分，即实际培训人数÷市下达任务数×6分`.
_COUNT_FORMULA = re.compile(
    rf"^(?P<head>[^;；]*?)\s*[,，]?\s*(?:(?:未完成|未达到|达不到)的?\s*[,，]?\s*)?"
    rf"(?:按(?:照)?(?:完成)?比例(?:计分|得分)\s*[,，]\s*(?:即|计算公式为|计算方法为|公式为)\s*[:：]?\s*|按(?:照)?)"
    rf"(?P<a>[^,，;；÷/按]{{2,16}}?数)\s*[÷/]\s*(?P<b>[^,，;；×*]{{2,16}}?数)\s*(?:[×*]|乘以)\s*"
    rf"(?P<p>{_N})\s*分?\s*(?:计分|得分)?"
    rf"(?:\s*[,，]\s*(?P<cap>最高不超过\s*(?P<q>{_N})\s*分|超额完成的?不(?:加分|另加分)|最多得\s*(?P<q2>{_N})\s*分))?$"
)


#: `开展…创建的得3分，创建户数不足100户的得1.5分`: in full, and with fewer.
_DONE_THEN_FEWER = re.compile(
    r"^(?P<do>[^,，;；]+?)的\s*[,，]?\s*得\s*(?P<a>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*"
    r"(?P<what>[^,，;；]+?)(?:不足|(?<![不未没非])少于|未达到)\s*(?P<n>\d+)\s*(?P<u>户|个|家|次|人|项|件|篇|场|所)"
    r"的?\s*[,，]?\s*得\s*(?P<b>\d+(?:\.\d+)?)\s*分$"
)


def _joined(a: str, b: str) -> str:
    """`农村自建房安全隐患排查整治` and `整治完成率`: the words they share said once."""
    for k in range(min(len(a), len(b), 6), 0, -1):
        if a.endswith(b[:k]):
            return a + b[k:]
    return a + b


_FULL_THEN_SHARE = re.compile(
    r"^(?P<x>[^,;]+?率)\s*(?:应)?达到\s*100\s*%\s*的?\s*,?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*;\s*"
    r"(?:未达到|未达|达不到|低于100%)的?\s*,?\s*按(?:实际)?(?:完成)?比例(?:得分|计分)$"
)
#: `X率每低于100%一个百分点，扣0.5分`: the bound and the step in one phrase.
_EACH_BELOW_RATE = re.compile(
    r"^(?P<x>[^,;]+?率)\s*每低于\s*(?P<n>\d+(?:\.\d+)?)\s*%\s*(?:1|一)\s*个百分点\s*,?\s*"
    r"(?P<effect>[扣减]\d+(?:\.\d+)?分)$"
)
#: `未配备2名以上专职人员的，每少1名扣2分`: the minimum, then a step per one short.
_SHORT_OF_MINIMUM = re.compile(
    r"^(?P<who>[^,;]*?)未(?P<verb>配备|配齐|建立|开展|召开|组织|举办)(?P<n>\d+)\s*(?P<unit>名|人|个|次|场|期)"
    r"(?:以上|及以上)(?P<what>[^,;]+?)的\s*,\s*每少\s*(?:1|一)\s*(?P=unit)\s*"
    r"(?P<effect>(?:扣|减)\s*\d+(?:\.\d+)?\s*分)$"
)


#: `每缺少一项，扣1分`, `每超期答复1件，扣2分`: a comma between a step and its effect.
_STEP_COMMA = re.compile(
    r"(?P<step>每(?![^,，;；]*?(?:至少|不少于|不低于|不超过))[^,，;；每\d]{0,6}?(?:\d+|[一二两三四五六七八九十])\s*"
    r"(?:个|件|项|次|条|处|起|篇|家|人))"
    r"\s*[,，]\s*(?=[扣减]\s*\d)"
)
#: `，不足1个百分点的按1个百分点计算` after a step of 百分点.
_ROUND_UP = re.compile(
    r"[,，]\s*不足\s*(?P<a>(?:1|一)\s*个百分点)的?\s*[,，]?\s*按\s*(?P=a)\s*(?:计算|计)$"
)
#: `…的得满分，配备不足或经费未落实的，酌情扣分`: full marks, judged down.
_FULL_THEN_JUDGED = re.compile(
    r"^(?P<std>[^,，;；]+?)的?\s*[,，]?\s*得满分\s*[,，;；]\s*(?P<rest>[^,，;；]+?的\s*[,，]?\s*酌情[扣减]分.*)$"
)
#: `，扣完5分为止` at the end: the sentence's own cap when less than the item's points.
_UNTIL_GONE = re.compile(r"[,，]\s*扣完\s*(?P<n>\d+(?:\.\d+)?)\s*分为止$")
#: `年度报告每出现一处数据逻辑错误或格式不符，扣0.5分`: the thing found after the count.
_EACH_FOUND = re.compile(
    r"^(?P<x>[^,，;；每]{2,}?)每(?:出现|发现|有|查出)(?:一|1)\s*(?P<u>处|个|项|次|条|件)"
    r"(?P<what>[^,，;；\d扣减]{2,16}?)\s*[,，]?\s*(?P<rest>[扣减]\s*\d+(?:\.\d+)?\s*分.*)$"
)
#: `…环节信息公开完整的得满分，每缺一个环节扣0.5分`: complete, and each one missing.
_COMPLETE_EACH = re.compile(
    r"^(?P<what>[^,，;；]+?)(?:完整|齐全|齐备)的?\s*[,，]?\s*得(?:满分|\s*(?P<p>\d+(?:\.\d+)?)\s*分)\s*[,，;；]\s*"
    r"每缺(?:少)?\s*(?:一|1)\s*(?P<u>个|项|条|处|份|件)(?P<thing>[^\d,，;；扣减]{0,4}?)\s*[,，]?\s*"
    r"(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)
#: `专题研究安全生产工作不少于2次的得3分，研究1次的得1.5分，未研究的不得分`: counts that
#: earn in bands, the verb of the fact restated before each lower count.
_BAND_UNIT = r"(?:次|个|场|篇|期|批|项|人|家|户|件|所|名)"
_BAND_TO = r"(?:至|到|-|—|~|～)"
_COUNT_BANDS = re.compile(
    rf"^(?P<x>[^,，;；\d]+?)(?:(?:不少于|达到|至少)\s*(?P<n>\d+)\s*(?P<u>{_BAND_UNIT})(?:及?以上)?"
    rf"|(?P<n2>\d+)\s*(?P<u2>{_BAND_UNIT})\s*(?:及)?以上)\s*的?\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分"
    rf"(?P<lower>(?:\s*[,，;；]\s*[^\d,，;；未不无没]{{0,6}}?\d+(?:\s*{_BAND_TO}\s*\d+)?\s*{_BAND_UNIT}\s*的?\s*[,，]?\s*"
    r"得\s*\d+(?:\.\d+)?\s*分)+)"
    rf"(?:\s*[,，;；]\s*(?:(?:未|没有)[^\d,，;；]{{0,8}}?|(?:不满|不足|少于)\s*(?P<none>\d+)\s*{_BAND_UNIT})的?\s*[,，]?\s*不得分)?$"
)
_LOWER_BAND = re.compile(
    rf"[,，;；]\s*(?P<verb>[^\d,，;；]{{0,6}}?)(?P<m>\d+)(?:\s*{_BAND_TO}\s*(?P<top>\d+))?\s*(?P<unit>\S)\s*的?\s*[,，]?\s*"
    r"得\s*(?P<q>\d+(?:\.\d+)?)\s*分"
)


def count_bands(sentence: str) -> str | None:
    """`…不少于2次的得3分，研究1次的得1.5分，未研究的不得分` as the language's bands
    `…达到2次、1次的，分别得3分、1.5分` (only the highest band reached counts): read when
    the counts and the points fall band by band and each lower count names nothing but
    the fact (no verb, or words of its name); `未研究的不得分` is the count 0, which
    earns nothing in these bands anyway."""
    m = _COUNT_BANDS.match(sentence)
    if m is None:
        return None
    subject, unit = m.group("x").strip(), m.group("u") or m.group("u2")
    counts, points = [int(m.group("n") or m.group("n2"))], [Decimal(m.group("p"))]
    for band in _LOWER_BAND.finditer(m.group("lower")):
        verb = re.sub(r"^(?:只|仅|仅仅)", "", band.group("verb").strip())
        if verb and verb not in subject or band.group("unit") != unit:
            return None
        if band.group("top") is not None and int(band.group("top")) != counts[-1] - 1:
            return None  # `5至9人` after `10人以上`: the band must end just below the one above
        counts.append(int(band.group("m")))
        points.append(Decimal(band.group("q")))
    falling = all(a > b for a, b in pairwise(counts)) and all(a > b for a, b in pairwise(points))
    if not falling or counts[-1] < 1:
        return None
    if m.group("none") is not None and int(m.group("none")) != counts[-1]:
        return None  # `不满5人的不得分` must start where the last band ends
    listed = "、".join(f"{c}{unit}" for c in counts)
    amounts = "、".join(f"{_plain(p)}分" for p in points)
    return f"{subject}达到{listed}的，分别得{amounts}"


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


_SLOPE = re.compile(
    r"【(?P<f>[^】]+)】\s*(?:低于|不足|未达到|高于|超过)\s*(?P<n>\d+(?:\.\d+)?)\s*%[^，,；;]*?[,，]?\s*每(?:低|高|超|少|多)"
)


def _two_slopes(clauses: tuple[str, ...]) -> str | None:
    """`低于95%的每低1个百分点扣0.2分，低于85%的每低1个百分点扣0.5分`: below 85% the first
    slope may go on (the two add up) or stop at 85 (the steeper one alone) — the document
    does not say which, so the sentence is held with both writings."""
    seen: dict[str, str] = {}
    for clause in clauses:
        found = _SLOPE.search(clause)
        if found is None:
            continue
        before = seen.setdefault(found["f"], found["n"])
        if before != found["n"]:
            return (
                f"同一项有两段按步扣分（{before}%、{found['n']}%）：越过第二个界限后前一段是否继续扣，"
                "原文没有说。两段都扣写成两条各自的条款；前一段止于第二个界限写 "
                f"“【X】低于{before}%的，每低1个百分点扣…分，最多扣（两界之差×每步分值）分”"
            )
    return None


def _refused_names(facts: tuple[tuple[str, str, str, str], ...]) -> str | None:
    """Why a sentence's facts cannot stand, or None: a band's bounds as a name
    (`80%（含）至90%的得8分` read alone), or a band that is part of the one before
    (`纳入的得3分，纳入但分值权重不足1%的得1.5分`: as two facts a unit not included at all
    would earn the 1.5, and one included at 0.5% both)."""
    names = [f[0] for f in facts]
    numeric = next((n for n in names if _NO_WORDS(n)), None)
    if numeric is not None:
        return (
            f"“{numeric}” 是一档的界限，不是数据项：请把各档写成一条"
            "（如 【X】达到90%、80%的，分别得10分、8分）"
        )
    restated = next(
        (n for n in names if "但" in n and any(n.split("但")[0] in g for g in names if g != n)),
        None,
    )
    if restated is not None:
        return (
            f"“{restated}” 是前一档的一部分（做到了，但…）：两档要写成互不重叠的条件，"
            "如 “【纳入】且【权重】达到1%的得3分；【纳入】且【权重】不足1%的得1.5分”"
        )
    return None


_BOUND_WORDS = re.compile(
    r"[\d.%％()（）含至到\-~—～、以上下内不足及低高于超过达一二三四五六七八九十百]"
)


def _says_what_is_done(lead: str) -> bool:
    """`网格员每日通过网格通APP开展巡查并上报事件`: the words before a rule that only say what
    is done — no condition, negation, number or points (`每日` is how often, not a step)."""
    return plain_lead(lead) and not re.search(r"\d|每(?!日|天|周|月|年)", lead)


def _target_kind(name: str) -> str:
    """The type of a number reached against a target: a rate is a percentage, a count its
    unit (`服务人次` → 人次); the target is of the same type."""
    if name.endswith("率"):
        return "百分比"
    for ending, unit in (
        ("人次", "人次"),
        ("人数", "人"),
        ("户数", "户"),
        ("件数", "件"),
        ("次数", "次"),
    ):
        if name.endswith(ending):
            return unit
    return "个"


def _NO_WORDS(name: str) -> bool:
    """A name with no words of its own (`80%（含）至90%`, `五70%（含）至80%`): numbers
    and the words of a bound only."""
    return len(_BOUND_WORDS.sub("", name)) < 2 and bool(re.search(r"\d", name))


#: `医疗待遇落实率达到100%的得3分，每有1人未落实扣0.5分`: the points of a full rate.
_FULL_PART = re.compile(r"达到\s*100\s*[%％]\s*的?\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分")


def _full_part_capped(sentence: str, drafted: Drafted, points: str | None) -> Drafted:
    """`医疗待遇落实率达到100%的得3分，每有1人未落实扣0.5分` in an item of 6, drafted as the
    misses alone (100% is none missed): they take at most the 3 of this part, never the
    points of the item's other sentences (`，最多扣3分`)."""
    m = _FULL_PART.search(normalise(sentence))
    if m is None or points is None or Decimal(m.group("p")) >= Decimal(points):
        return drafted
    if len(drafted.clauses) != 1:
        return drafted
    (clause,) = drafted.clauses
    if not re.search(r"每[^，,]*?扣\s*\d", clause) or re.search(
        r"得|最多扣|最高扣|扣完为止", clause
    ):
        return drafted
    capped = f"{clause}，最多扣{m.group('p')}分"
    return dataclasses.replace(drafted, clauses=(capped,))


#: `监管机构、执法人员、工作经费“三到位”的得3分，每缺一项扣1分`: all of a list earns the
#: points, each one missing takes a step of them.
ALL_EACH_MISSING = re.compile(
    r"^(?P<what>[^,，;；]+?)的\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*"
    r"每缺(?:少)?\s*(?:一|1)\s*(?P<u>个|项|条|处|份|件|种|类)(?P<thing>[^\d,，;；扣减]{0,4}?)"
    r"\s*[,，]?\s*(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)
#: `与重点单位签订责任书的得2分，每少签1家扣0.5分`: all done earns the points, each one
#: short (the verb after 少: 签, 配, 建) takes a step of them.
ALL_EACH_SHORT = re.compile(
    r"^(?P<what>[^,，;；]+?)的\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*"
    r"每少(?P<v>[^\d,，;；一]{1,2}?)\s*(?:一|1)\s*(?P<u>个|件|家|人|处|所|户|名|座|项|份)"
    r"\s*[,，]?\s*(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)


def all_each_short(m: re.Match[str]) -> str:
    """The count of those short (`少签` of the thing done), a step each (from the points)."""
    return f"{m.group('what').strip()}少{m.group('v')}的，每{m.group('u')}{m.group('e')}"


#: A negation: `未…的得3分，每缺一项…` is not a list achieved.
NEGATED = re.compile(r"[未不无没非]")


def all_each_missing(m: re.Match[str], unnamed: str | None = None) -> str:
    """The count of the list's missing members, a step each (from the points only);
    members the sentence does not name are called `unnamed` (else by the count word)."""
    thing = m.group("thing").strip() or unnamed or m.group("u")
    return f"{m.group('what').strip()}缺少的{thing}，每{m.group('u')}{m.group('e')}"


#: `…按期完成的得6分，每有一个阶段未按期完成扣2分`: each miss counted (a late one only,
#: `每延迟一次`, `超期结案`, leaves out what is never done: not this; `逾期` and `超时` are
#: past the deadline, done since or not).  The words before may have commas
#: (`落实…制度，辖区…均…的得3分`) but no other points; `每有1类（项）`, `…的扣1分` and a
#: closing `扣完为止` (the floor of those points) are the same sentence.
FULL_HEAD = r"^(?:(?!得\s*\d|[扣减加]\s*\d)[^;；])+?的?\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*"
_MISS_UNIT = r"(?P<u>人次|个|件|笔|项|处|条|篇|次|所|家|人|户|名|座|类|起)"
_MISS_WHAT = (
    r"(?P<what>[^\d,，;；扣减]{0,12}?(?:未|没有|不|逾期|超时|缺位|闲置)[^\d,，;；扣减]{0,12}?)"
)
_MISS_END = r"(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)(?:\s*[,，]\s*扣完为止)?$"
FULL_EACH_MISS = re.compile(
    rf"{FULL_HEAD}每\s*(?:有|发现)?\s*(?:一|1)\s*{_MISS_UNIT}(?:[(（][^)）]{{1,3}}[)）])?"
    rf"{_MISS_WHAT}的?\s*[,，]?\s*{_MISS_END}"
)


def miss_reads(n: str) -> list[str] | None:
    """The kinds of miss after `…的得N分，` (normalised), each as the drafter reads it
    (`乡镇(街道)服务站未建成的，每个扣1分`); None unless there are two or more and every part
    after the points is one."""
    head = re.match(FULL_HEAD, n)
    if head is None:
        return None
    parts = [q for q in re.split(r"(?<=分)\s*[,，]\s*", n[head.end() :]) if q]
    if parts and parts[-1] == "扣完为止":
        parts = parts[:-1]
    if len(parts) < 2:
        return None
    reads = []
    for part in parts:
        m = _ONE_MISS.fullmatch(part) or _ONE_MISS_PLAIN.fullmatch(part)
        if m is None:
            return None
        reads.append(f"{m.group('what')}的，每{m.group('u')}{m.group('e')}")
    return reads


#: One kind of miss after `…的得N分，`: `每有1个乡镇（街道）服务站未建成扣1分`, and put
#: thing first, `配备但未参训的每人扣0.2分`.
_ONE_MISS = re.compile(
    rf"每\s*(?:有|发现)?\s*(?:一|1)\s*{_MISS_UNIT}(?:[(（][^)）]{{1,3}}[)）])?{_MISS_WHAT}的?\s*[,，]?\s*"
    r"(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)"
)
_ONE_MISS_PLAIN = re.compile(
    rf"{_MISS_WHAT}的\s*[,，]?\s*每\s*{_MISS_UNIT}\s*(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)"
)
#: The same once `plain_wording` has put the thing first: `…的得3分，河湖未落实河湖长的，每条扣1分`.
FULL_EACH_MISS_PLAIN = re.compile(
    rf"{FULL_HEAD}{_MISS_WHAT}的\s*[,，]\s*每\s*{_MISS_UNIT}\s*{_MISS_END}"
)
#: `，资金足额拨付到位的再得2分` after an earning phrase.
_AGAIN_EARNS = re.compile(r"得\s*\d+(?:\.\d+)?\s*分\s*[,，][^,，]+的\s*(再)得\s*\d")
#: `每超期答复1件扣2分`: an event and its count, no subject before.
_EACH_EVENT = re.compile(
    r"^每(?P<what>[^\d一二两三四五六七八九十,，;；每]{3,6}?)\s*(?:1|一)\s*(?P<u>件|次|条|项|个|处|起|篇)"
    r"\s*(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)
#: The words of a step against a standard (`每低于`, `每少`), never an event's name.
_STEP_WORD = re.compile(
    r"^(?:低|高|少|多|降|升|增|减|缺|超过|超出|下降|上升|不足|未达"
    r"|年|季|月|周|半年|学期|日|天|个)"  # `每季度报送…`: a period's requirement, no event
)
#: `依申请公开答复按期率达到100%的得8分，每超期答复1件扣2分`.
_LATE_EACH = re.compile(
    r"^(?P<x>[^,，;；]*?(?:按期|按时|及时)[^,，;；]*?率)\s*(?:应)?达到\s*100\s*%的?\s*[,，]?\s*"
    r"得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*每(?P<late>超期|逾期|延期|迟)(?P<v>[^\d,，]{1,4}?)\s*"
    r"(?:1|一)\s*(?P<u>件|次|条|项|个)\s*[,，]?\s*(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)
#: `按时完成年度户厕改造任务的得满分，完成率每低1个百分点扣0.4分`.
#: `A、B的，各得2分` (`分别得…`): a list of things done, each earning.
_VERB_LIST = re.compile(
    r"^(?P<items>[^,，;；、]{4,}(?:、[^,，;；、]{4,})+)的\s*[,，]?\s*"
    r"(?P<rest>(?:各|分别)[得加]\s*\d+(?:\.\d+)?\s*分(?:\s*、\s*\d+(?:\.\d+)?\s*分)*)$"
)


def _verb_items(n: str) -> tuple[list[str], str] | None:
    """(items, what they each earn) of `将老龄工作纳入…、纳入…的，各得2分` (normalised):
    each later item starts with the first one's verb, and takes the words before it."""
    m = _VERB_LIST.match(n)
    if m is None:
        return None
    items = m.group("items").split("、")
    first = items[0]
    names = [first]
    for item in items[1:]:
        verb = item[:2]
        at = first.find(verb, 1)
        if len(item) < 4 or at <= 0 or NEGATED.search(item[:1]):
            return None
        names.append(first[:at] + item)
    return names, m.group("rest")


_ONE_VERB_WORDS = rf"纳入|列入|写入|编入|{DO_VERBS}"
#: `辖区村（社区）全部明确…的`: a standard for all of them, whose misses the item counts
#: one by one elsewhere (both drafted would take the points twice).
_ALL_OF = re.compile(r"全部|全面|均|都|100\s*%")
#: An item that is a deed of its own (`建成微型消防站`): not an object of the verb before.
_DOES = re.compile(
    r"建成|建设|完成|实现|开展|推进|推行|落实|配齐|设置|组织|成立|召开|出台|印发|签订|培训"
)
#: `将安全生产纳入年度工作要点和干部考核内容的，分别得1分`: one verb, its objects listed.
_ONE_VERB = re.compile(
    rf"^(?P<pre>[^,，;；、和及]*)(?P<verb>{_ONE_VERB_WORDS})(?P<objects>[^,，;；的]+)的\s*[,，]?\s*"
    r"(?P<rest>(?:各|分别)[得加]\s*\d+(?:\.\d+)?\s*分(?:\s*、\s*\d+(?:\.\d+)?\s*分)*)$"
)


def _one_verb_items(n: str) -> tuple[list[str], str] | None:
    """(items, what they each earn) of `将安全生产纳入年度工作要点和干部考核内容的，分别得1分`
    (normalised): the last verb before the list takes each object, with the words before
    it.  Only objects of three characters or more that hold no verb of their own and no
    negation (`纳入乡镇和村年度考核` may be 乡镇年度考核: not read)."""
    m = _ONE_VERB.match(n)
    if m is None or NEGATED.search(m.group("pre")) or _ALL_OF.search(m.group("pre")):
        return None
    objects = re.split(r"以及|、|和|及", m.group("objects"))
    if len(objects) < 2 or any(
        len(x) < 3
        or NEGATED.search(x)
        or re.search(_ONE_VERB_WORDS, x)
        or _DOES.match(x[1:] if x[0] in "并再" else x)
        for x in objects
    ):
        return None
    head = m.group("pre") + m.group("verb")
    return [head + x for x in objects], m.group("rest")


#: `县级以上`, `市级以上`, `上级`: the lowest level a subject counts from.
_AT_LEAST_LEVEL = re.compile(r"(?:国家|省|市|县|区)级?以上|上级")
#: `，同一事项按最高级别计分，不重复加分`, `，同一做法按最高级别计`, `，同一事项不重复计分`.
#: `，同一年度按最高级别加分` after the bonuses of several levels: the highest only.
_YEAR_HIGHEST = re.compile(r"[,，]\s*同一年度\s*(?:内)?\s*按最高级别加分$")
#: `【获评省级档案工作示范单位】加3分`, `【…】、【…】的，分别加3分、2分`: bonuses only.
_YEAR_HIGHEST_REASON = (
    "同一年度只取最高一级加分，而本项还有别的加分，就高不就低会把它们一起取最高：请把这几级加分"
    "写在一个只有它们的加分项下，并在评分项行末写 “，就高不就低”"
)
_BONUS_CLAUSE = re.compile(r"【[^】]+】(?:、【[^】]+】)*(?:的，分别)?加[\d.、]+分(?:、[\d.]+分)*")
_HIGHEST_ONLY = re.compile(
    r"[,，]\s*同一(?:事项|做法|项目|举措)\s*(?:按最高级别(?:计分|计算|加分|计)?|不重复(?:加分|计分))"
    r"(?:\s*[,，]\s*不重复(?:加分|计分))?(?=$|[,，])"
)
#: The verb a later half starts with (`被市级推广的`, `获得省级表彰的`).
_LEVEL_VERB = re.compile(r"被|获得|获评|受到")
#: `…的加3分` (once): `…的每项加3分`.
_EARN_ONCE = re.compile(r"(?<!项)的\s*[,，]?\s*(?P<v>[加得])\s*(?P<n>\d+(?:\.\d+)?)\s*分")
_LEVEL_PIECE = re.compile(
    r"(?P<lv>(?:国家|省|市|县|区)级?(?:以上)?)\s*每\s*(?P<u>篇|项|次|个|条|件)\s*(?P<v>[得加计])\s*(?P<n>\d+(?:\.\d+)?)\s*分"
)
_LEVEL_PIECES = re.compile(
    r"^(?P<subject>[^,，;；]+?)的\s*[,，]\s*"
    r"(?P<items>(?:(?:国家|省|市|县|区)级?(?:以上)?\s*每\s*(?:篇|项|次|个|条|件)\s*[得加计]\s*\d+(?:\.\d+)?\s*分\s*[,，]\s*)+"
    r"(?:国家|省|市|县|区)级?(?:以上)?\s*每\s*(?:篇|项|次|个|条|件)\s*[得加计]\s*\d+(?:\.\d+)?\s*分)$"
)
#: `，本项累计最高得4分`, `，累计不超过3分`, `，最高得4分` after counted earnings.
_PIECES_CAP = re.compile(
    r"[,，]\s*(?:本项)?(?:累计)?(?:最高得|最多得|最高加|最多加|不超过|最高|最多)\s*(?P<cap>\d+(?:\.\d+)?)\s*分$"
)
#: Words before the first comma, and the rest: `对…开展全面摸底排查，建档立卡率达到…`.
_LEAD_IN = re.compile(r"^(?P<lead>[^,，;；]{2,40})[,，]\s*(?P<rest>\S.*)$")
#: A level of government or of an office: `国家级`, `省`, `全市`, `中央`.
_LEVEL_START = re.compile(r"(?:国家级?|全国|中央|省级?|全省|市级?|全市|县级?|全县|区级?|全区)")
#: `被省级、市级督查通报的，每次分别扣2分、1分`: a list of levels in one phrase, respective
#: amounts after it.
_LEVEL_LIST = re.compile(
    r"^(?P<items>[^,，;；、]+(?:、[^,，;；、]+)+)的\s*[,，]?\s*"
    r"(?P<rest>(?:每\s*\S{1,2}?\s*)?分别[扣减加得]\s*\d+(?:\.\d+)?\s*分(?:\s*、\s*\d+(?:\.\d+)?\s*分)+"
    r"(?:\s*[,，]\s*(?:扣完为止|最多[扣加得]\s*\d+(?:\.\d+)?\s*分))?)$"
)
#: Two counted deductions and one cap for both: `迟报的每次扣0.5分，漏报的每次扣1分，最多扣4分`.
_SHARED_CAP = re.compile(
    r"^(?P<body>[^,，;；]+?每[^,，;；]{0,6}?[扣减]\s*\d+(?:\.\d+)?\s*分\s*[,，]\s*"
    r"[^,，;；]+?每[^,，;；]{0,6}?[扣减]\s*\d+(?:\.\d+)?\s*分)\s*[,，]\s*"
    r"(?:最多扣|最高扣|扣完)\s*(?P<c>\d+(?:\.\d+)?)\s*分(?:为止)?$"
)
#: `…的，实行一票否决，考核等次为不合格`: 一票否决 and what it means, said again.
_VETO_RESTATED = re.compile(
    r"^(?P<veto>.+?[,，]\s*(?:实行|予以)?一票否决)\s*[,，]\s*(?:年度)?(?:考核|考评)?(?:等次|结果)?"
    r"(?:直接)?(?:确定|评定|定)?为\s*(?P<g>[^,，]{1,6}?)(?:等次|等级)?$"
)
#: `发生亡人火灾的，每死亡1人扣3分，扣完为止`: an event and the people it struck, counted.
_EACH_VICTIM = re.compile(
    r"^(?:发生)?(?P<x>[^,，;；每\d]{2,20}?)的\s*[,，]\s*每(?P<v>死亡|受伤|失踪|伤亡)\s*(?:1|一)\s*人\s*"
    r"(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分(?:\s*[,，]\s*(?:扣完为止|最多扣\s*\d+(?:\.\d+)?\s*分))?)$"
)
#: `…签订安全生产目标责任书的得2分，签订率每低10个百分点扣0.5分`.
_DONE_RATE_STEP = re.compile(
    r"^(?P<done>(?:(?!得\s*\d|[扣减加]\s*\d)[^;；])+?)的\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，]\s*"
    r"(?P<rate>[^,，;；的\d每]{2,10}?率)\s*(?P<step>每低\s*(?:\d+(?:\.\d+)?|一)\s*个百分点[扣减]\s*\d+(?:\.\d+)?\s*分"
    r"(?:\s*[,，]\s*扣完为止)?)$"
)
_ON_TIME_RATE = re.compile(
    r"^按(?:时|期)完成(?P<task>[^,，;；]{2,20}?)任务的?\s*[,，]?\s*得满分\s*[,，]\s*"
    r"完成率(?P<step>每低\s*(?:1|一)\s*个百分点[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)


def _late_of(late: str, rate: str) -> bool:
    """`超期答复` is the miss of `依申请公开答复按期率`: the verb after the late word is in
    the rate's name (so all on time is none late)."""
    verb = re.sub(r"^(?:超期|逾期|延期|迟)", "", late)
    return len(verb) >= 1 and verb in rate


#: `随机抽查X，合格率达到…`: a check of X, then the rate it found.
_CHECKED_RATE = re.compile(
    r"^(?:随机|现场)?(?:抽查|检查|抽检|抽样检查|抽测|测试)(?P<obj>[^，,；;]{2,24}?)[，,]\s*"
    r"(?P<rate>(?:合格|达标|知晓|正确|准确|完好|及格|满意)率)\s*(?=达到|不低于|在|为|低于|高于)"
)
#: `，并实行一票否决` after another effect.
_AND_VETO = re.compile(r"[,，]\s*并且?\s*(实行一票否决)$")


#: `发现一个村扣0.5分`: the noun after the count word is the thing counted, said again.
_ONE_NOUN = re.compile(
    r"(发现|有|查出)(?:一|1)(家|所|个)(?:企业|单位|学校|医院|乡镇|街道|村|社区|部门|项目)"
    r"(?=\s*[扣减])"
)


#: `每完成1条（个）得0.5分`: a second count word in brackets says the same count.
_OTHER_UNIT = re.compile(
    rf"((?:\d+|[一二两三四五六七八九十])\s*(?:{_ONE_UNITS}))\s*[（(](?:{_ONE_UNITS})[)）]"
)


def _each_short(sentence: str) -> str:
    """`不少于4次，少一次扣1分` → `不少于4次，每少1次扣1分`: after a stated minimum, `少一次`
    is a step of the shortfall (the form real 细则 write; the language wants `每`)."""
    return _SHORT.sub(lambda m: f"{m.group(1)}每少1{m.group('unit')}", sentence)


def _chunks(sentence: str) -> list[str]:
    """Comma-separated pieces, each ending where a scoring phrase ends."""
    parts = re.split(r"(?<=[，,])", sentence)
    chunks: list[str] = []
    current = ""
    for part in parts:
        current += part
        if SCORING.search(normalise(current)):
            chunks.append(current.strip().rstrip("，, "))
            current = ""
    if current.strip():
        if not chunks:
            return [sentence]
        chunks[-1] += "，" + current.strip()  # the comma the chunk lost when it was cut
    # a later chunk must stand alone: a per-unit phrase or an event of its own (`…的扣5分`)
    earned = re.search(r"[得计记]\s*\d", normalise(chunks[0])) is not None
    for chunk in chunks[1:]:
        n = normalise(chunk).lstrip()
        alone = (
            n.startswith("每")
            or re.search(r"的[，,]?\s*(酌情)?[扣减加得计记奖]", n)
            or re.search(r"^[^，,]{2,}的[，,]?\s*(?:本项|该项)不得分$", n)
            or re.search(r"^[^，,]+每", n)
            # `内容更新不及时的，每类扣0.5分` — not after points earned in the same sentence:
            # `均按期整改的得3分，逾期未整改的，每项扣1.5分` is one standard (its misses would
            # cost the 3 and the steps both), `高于平均的得5分，低于平均的，每低…` one value
            or (re.search(r"^[^，,]{2,}的[，,]\s*每", n) and not earned)
            or re.search(r"^[^，,]+[一1]\s*(次|件|项|起|人次|件次|批次)\s*[扣减]", n)
            or re.match(rf"^被?{_LEVEL}[^，,]{{0,6}}?[扣减加得计记奖]\s*\d", n)
        )
        if n.startswith(_TIED) or not alone:
            return [sentence]
    return chunks


_COUNT = r"(?:\d+|[一二两三四五六七八九十]+)"
_STEP_AMOUNT = r"(?P<eff>[扣减]\s*\d+(?:\.\d+)?\s*分)"
#: `防汛演练不少于3次`: one of the requirements listed before their steps.
_OWN_REQ = re.compile(
    rf"^(?P<x>[^,，;；、]{{2,}}?)(?P<r>不少于|不得少于|至少)\s*(?P<n>{_COUNT})\s*(?P<u>{_ONE_UNITS})$"
)
#: `防汛演练每少1次扣0.5分`: a step that names its requirement.
_OWN_STEP = re.compile(
    rf"^(?P<s>[^,，;；、每]{{2,}}?)每(?:少|缺|缺少)\s*(?:1|一)\s*(?P<u>{_ONE_UNITS})\s*[,，]?\s*{_STEP_AMOUNT}$"
)


def _abbreviates(short: str, long: str) -> bool:
    """`消防演练` in `年内组织消防应急演练`: every character of `short`, in order."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def own_steps(n: str) -> list[str] | None:
    """`A不少于2次、B不少于3次，A每少1次扣1分，B每少1次扣0.5分` (normalised) as the
    sentences `A不少于2次，每少1次扣1分` and `B不少于3次，每少1次扣0.5分`.  Only where each
    step names one requirement alone (`消防演练` is in `年内组织消防演练`, not in `防汛演练`)
    in its unit; a requirement per month or quarter (its period said once for all) is not
    read."""
    if PER_PERIOD.search(n) or re.search(r"每个?(?:季度|季|月|周|学期|半年)", n):
        return None
    parts = re.split(r"\s*[,，]\s*", n)
    reqs = [_OWN_REQ.match(x.strip()) for x in parts[0].split("、")]
    steps = [_OWN_STEP.match(x.strip()) for x in parts[1:]]
    if len(reqs) < 2 or len(steps) != len(reqs) or not all(reqs) or not all(steps):
        return None
    out = []
    for req in reqs:
        assert req is not None
        own = [
            m
            for m in steps
            if m and m.group("u") == req.group("u") and _abbreviates(m.group("s"), req.group("x"))
        ]
        if (
            len(own) != 1
            or sum(_abbreviates(own[0].group("s"), r.group("x")) for r in reqs if r) != 1
        ):
            return None
        u = req.group("u")
        out.append(
            f"{req.group('x')}{req.group('r')}{req.group('n')}{u}，每少1{u}{own[0].group('eff')}"
        )
    return out


_PERIOD_WORDS = "|".join(sorted(PERIODS, key=len, reverse=True))
_MISSED_ONE = r"每缺少?\s*(?:一|1)\s*次(?P<{s}>[^,，;；\d]{{1,4}}?)\s*[,，]?\s*(?P<{e}>[扣减]\s*\d+(?:\.\d+)?\s*分)"
#: `按周调度、按月分析防汛形势，每缺一次调度扣0.2分，每缺一次分析扣0.5分`.
_PERIOD_PAIR = re.compile(
    rf"^(?P<who>[^,，;；、]*?)(?:按|每)(?P<p1>{_PERIOD_WORDS})(?P<v1>[^,，;；、\d]{{1,4}}?)、"
    rf"(?:按|每)(?P<p2>{_PERIOD_WORDS})(?P<rest>[^,，;；、\d]{{2,}}?)\s*[,，]\s*"
    + _MISSED_ONE.format(s="s1", e="e1")
    + r"\s*[,，]\s*"
    + _MISSED_ONE.format(s="s2", e="e2")
    + "$"
)


def period_steps(n: str) -> list[str] | None:
    """`按周调度、按月分析防汛形势，每缺一次调度扣0.2分，每缺一次分析扣0.5分` (normalised): two
    things each done once a period (the object after the second is both verbs'), a step
    for each missed one, as `每周调度防汛形势不少于1次，每缺1次扣0.2分` and `每月分析防汛形势
    不少于1次，每缺1次扣0.5分` (each then read per period, see `periods`).  Only where each
    step names its verb: the first verb is the first step's word, the second starts the
    words after the second period."""
    m = _PERIOD_PAIR.match(n)
    if m is None or m.group("v1") != m.group("s1") or m.group("s1") == m.group("s2"):
        return None
    second = m.group("rest")
    if not second.startswith(m.group("s2")):
        return None
    thing = second[len(m.group("s2")) :]
    who = m.group("who")
    return [
        f"{who}每{m.group('p1')}{m.group('v1')}{thing}不少于1次，每缺1次{m.group('e1')}",
        f"{who}每{m.group('p2')}{second}不少于1次，每缺1次{m.group('e2')}",
    ]
