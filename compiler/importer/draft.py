"""The document's parts → the text of a draft `.rule` file, and what was drafted.

Layout: a comment saying where the draft came from, the header, `数据：` (one line per
fact, with the sentence it came from as its comment), the outline (each node's own
words as its `说明`, then one clause per sentence read, `# 待处理：` for each sentence
not read, in the document's order), the grade bands, and the document's remaining text
as comments.  The draft is checked as a whole; a clause that compiles alone but not in
the draft (a name clash the checker sees) goes back to `待处理` with the checker's words.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..check import run as check
from ..render.standards import bracket, parse_clauses
from ..source.text import Source, display_width, normalise
from ..syntax.numerals import whole_number
from ..syntax.parser import parse
from .clauses import (
    ALL_EACH_MISSING,
    ALL_EACH_SHORT,
    ALL_PLACES,
    AT_THEN_SHARE,
    FULL_EACH_MISS,
    FULL_EACH_MISS_PLAIN,
    FULL_HEAD,
    NEGATED,
    Drafted,
    Drafter,
    all_each_missing,
    all_each_short,
    grade_name,
    is_scoring,
    miss_reads,
    plain_wording,
    split_sentences,
)
from .earned import split_earned, sub_marker, unfilled, unmoved, whole_item
from .known import KnownFacts
from .names import clean_subject, legal_name, name_from
from .outline import NOTE_RULE, DNode, Doc, bonus_cap_of, scoring_text, total_points
from .readers.complements import read_band_steps, read_level_states, written_as_steps
from .readers.failures import covers, read_failures
from .readers.lists import join_steps
from .readers.repeats import read_place_months, with_each
from .readers.tiers import boundary
from .reasons import reason_for
from .trial import try_band, try_clause, try_quota

PENDING = "# 待处理："


@dataclass(frozen=True)
class Anchor:
    """The nearest enclosing item with points: where `计N分`, `不得分` and an uncapped
    `加N分` of an item without points are written (they score that item)."""

    path: str
    points: str
    pad: str
    #: some item under it has points of its own: its points are made of its parts, so
    #: points earned in an item without points cannot be written on it (they could never
    #: fill it, and every unit would lose the difference)
    parts: bool = False


#: A bonus effect in a sentence (`加30分`, `每篇加0.5分`), not `加扣` (an extra deduction).
_BONUS = re.compile(r"(?:加|奖励?)(?!扣)\s*\d")
#: Effects that need an item with points (E208, E209) and mean the same one level up:
#: earned points (`每条计5分`), `不得分` (of the item that has points), a bonus.  Not 酌情
#: (its range would become the upper item's points, which the sentence does not state).
_HOISTED = re.compile(
    r"[得计记]\s*[\d一二两三四五六七八九十]|得满分[，,]\s*每|不得分|(?:加|奖励?)(?!扣)\s*\d"
)
#: A cap on an item's bonus stated in its sentence: `，最多加1分`, `，本项最多加3分`.
_BONUS_CAP = re.compile(r"[，,]\s*([^，,]*\d[^，,]*)$")  # the last phrase, if a cap (bonus_cap_of)
_DEDUCT_OR_EARN = re.compile(r"[扣减得计记]\s*[\d一二两三四五六七八九十]|不得分")


def _stated_cap(node: DNode) -> tuple[str, dict[str, str]] | None:
    """`(cap, {sentence: sentence without the cap})` for an item without points whose only
    scoring sentence is a bonus ending in `最多加N分`; None otherwise (the cap of one
    sentence among others, or of an item with points, is the writer's to place)."""
    if node.points is not None or node.children:
        return None
    sentences = [x for t in scoring_text(node) for x in split_sentences(t) if is_scoring(x)]
    if len(sentences) != 1:
        return None
    n = normalise(sentences[0]).rstrip("。;；")
    m = _BONUS_CAP.search(n)
    cap = bonus_cap_of(m.group(1)) if m else None
    if m is None or cap is None or not _BONUS.search(n[: m.start()]) or _DEDUCT_OR_EARN.search(n):
        return None
    return cap, {sentences[0]: sentences[0][: m.start()]}


#: `，在总分中直接扣除，不受所在项目分值限制` at the end of a deduction.
_ON_TOTAL = re.compile(
    r"[，,]\s*(?:在|从)总分中直接(?:扣除|扣减|扣分)(?:[，,]\s*不受(?:所在)?(?:项目|评分项)?分值限制)?[。；;]?$"
)
#: `每个问题在总分中扣5分` in a part without points: how its deductions count anyway.
_IN_TOTAL = re.compile(r"(?:在|从)总分中(?:直接)?(?=\s*扣\s*\d)")
#: `有下列情形之一的，实行一票否决，年度考核等次直接确定为不合格：` before a list of conditions.
#: `X率达到100%的得5分，未达到的每少1个村扣1分`: all reached, and each place short.
_FULL_THEN_EACH = re.compile(
    r"^(?P<x>[^,，;；]+?率)\s*(?:应)?达到\s*100\s*%的?\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*"
    r"(?:未达到的?\s*[,，]?\s*)?每(?:少|缺)\s*(?:1|一)\s*(?P<u>个|家|所)(?P<noun>[^\d,，;；扣减]{1,4}?)\s*[,，]?\s*"
    r"(?P<e>[扣减]\s*\d+(?:\.\d+)?\s*分)$"
)
#: A step of 百分点 and its size: `每低1个百分点扣0.5分`, `每低5个百分点扣1分` (5).
_STEP_POINTS = re.compile(r"每[^，,每]{0,6}?(\d+(?:\.\d+)?)\s*个百分点\s*[扣减]")
#: `扣分事项在考核总分中直接扣减` after a bonus cap: what a part without points does.
_DEDUCT_ON_TOTAL = re.compile(
    r"^扣分(?:事项|项目|项)?(?:在|从)(?:考核|考评)?(?:总分|总得分)中直接(?:扣减|扣除)$"
)
#: `以下扣分在总分中直接扣除` heading a part: how the deductions of a part without points count.
_HEAD_ON_TOTAL = re.compile(
    r"^以下(?:各项)?扣分(?:事项|项目|项)?(?:均|一律)?(?:在|从)(?:考核|考评)?(?:总分|总得分)中(?:直接)?(?:扣减|扣除)$"
)
_LISTED = re.compile(r"^有下列(?:情形|情况|行为|问题)之一的\s*[，,]\s*(.+?)\s*[：:]?$")
#: `…的，本项不得分，并在总分中另扣2分` in an item with points: the item's 0 where the
#: sentence stands, and the deduction from the total in a part without points.
_TOTAL_TAIL = re.compile(
    r"[，,]\s*(?:并|同时)?\s*另?\s*(?:在|从)(?:考核)?总分中\s*(?:另|再|直接)?\s*(?:扣除?|扣减|减)\s*"
    r"(\d+(?:\.\d+)?)\s*分\s*[。；;]?\s*$"
)
_ZERO_HEAD = re.compile(r"^[^，,；;]+?的\s*[，,]\s*(?:本项|该项|此项)不得分$")
#: A top-level part without points whose deductions come off the total: `扣分项`.
_DEDUCTION_PART = re.compile(r"扣分|扣减|扣除")
TOTAL_PART = "在总分中另扣的分"
#: `实行一票否决，当年不得评为优秀`: the lowest grade, or only not the top one?
_VETO_AND_BAR = re.compile(r"一票否决.*(?:不得|不能|不予)评(?:定)?为|一票否决.*最高(?:只能)?评?为")
_VETO_AND_BAR_REASON = (
    "“实行一票否决” 是评为最低一档，而同句又写 “不得评为…”（只是不能评那一档及以上）：两种读法结果不同。"
    "本意是最低一档的，写 “【…】实行一票否决”；只是不能评为那一档的，写 “【…】不得评为优秀”"
)
_OTHER_TOTAL_REASON = (
    "有分值的评分项中的扣分以本项分值为限，“在总分中另扣” 的分要写在没有分值的一级部分（那里的扣分直接从总分中扣，"
    "language.md 第5节）。草稿只起草 “…的，本项不得分，并在总分中另扣N分”；此句前半句是别的写法，另扣的分是每次都扣"
    "还是只扣一次，原文没有写明：请把前半句写在本项下，另扣的分写在没有分值的一级部分，如 “【…】每次扣N分” 或 “【…】扣N分”"
)
_EACH_ITEM_TOTAL_REASON = (
    "说明中的规则，管每一个评分项：“该项不得分” 说的是出了这种情况的那一项，草稿读不出是哪一项。请在各评分项下写 "
    "“- 【本项…】本项不得分”，并在一个没有分值的一级部分（如 “在总分中另扣的分”）中为每一项写同一数据项的 "
    "“- 【本项…】扣{}分”（没有分值的一级部分的扣分直接从总分中扣，language.md 第5节）"
)


def _conditions(node: DNode) -> bool:
    """The node's children are bare conditions (`（一）发生…的；`): no points, no words."""
    return bool(node.children) and all(
        c.points is None and not c.children and not c.text and not c.lead and c.title.strip()
        for c in node.children
    )


#: A sentence that only caps its item: `本项最高计4分`, `本项计满6分为止`, `本项得分以7分为限`.
#: `答复在法定期限内办结率达到100%的得8分`: all on time earns the item's points.
_RATE_FULL = re.compile(
    r"^(?P<x>[^,，;；]*?(?:期限内|时限内|按期|按时|及时)[^,，;；]*?率)\s*(?:应)?达到\s*100\s*%的?"
    r"\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分$"
)
#: `超过法定期限答复的，每件扣2分`: each late one (its verb, `答复`, in the rate's name).
_LATE_EVENT = re.compile(
    r"^(?:[^,，;；]{0,8}?)(?:超过[^,，;；]{0,6}?(?:期限|时限)|超期|逾期|延期|未按时|未按期)"
    r"(?P<v>[^\d,，;；每的]{2,6}?)的?\s*[,，]?\s*每\s*(?:件|次|个|条)\s*[扣减]"
)
#: `退役士兵按时接收、档案审核无差错的得5分`: nothing wrong earns the item's points.
_CLEAN_FULL = re.compile(
    r"^(?P<x>[^;；]*?(?P<ok>无差错|无错误|按时|按期|及时)[^,，;；]*?)的?\s*[,，]?\s*"
    r"得\s*(?P<p>\d+(?:\.\d+)?)\s*分$"
)
#: `统计报表按期报送的得4分，报表逾期报送的每次扣0.5分`: the same, the failures after it.
_CLEAN_FULL_HEAD = re.compile(
    r"^(?P<x>[^;；,，]*?(?:无差错|无错误|按时|按期|及时)[^;；]*?)的\s*[,，]?\s*"
    r"得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，]\s*(?P<rest>.+)$"
)
#: The failures of each word of `_CLEAN_FULL`, as a deduction sentence names them.  For
#: a time the failures must count what is never done too: `未按时…` does, and late ones
#: (`迟报`) beside missing ones (`漏报`) do; late ones alone would leave a unit that never
#: reports with the points (held back, as ever).
_CLEAN_FAILURES = {
    "无差错": re.compile(r"差错|错误"),
    "无错误": re.compile(r"差错|错误"),
    "按时": re.compile(r"未按时|不按时"),
    "按期": re.compile(r"未按期"),
    "及时": re.compile(r"未及时"),
}
_LATE_WORDS = re.compile(r"迟报|逾期|超期|延期|超时|延误|不及时")
_MISSING_WORDS = re.compile(r"漏报|未报|缺报|未上报|未提交|未报送|未完成")
_TIMELY = ("按时", "按期", "及时")


def _failures_of(subject: str, sentences: list[str]) -> list[str]:
    """The deduction sentences that count the failures of `subject`'s words: errors for
    无差错; for a time, `未按时…`, or late ones together with missing ones."""
    out = [
        x
        for word, failed in _CLEAN_FAILURES.items()
        if word in subject
        for x in sentences
        if failed.search(x) and _DEDUCTS_EACH.search(x)
    ]
    if any(word in subject for word in _TIMELY):
        late = [x for x in sentences if _LATE_WORDS.search(x) and _DEDUCTS_EACH.search(x)]
        missing = [x for x in sentences if _MISSING_WORDS.search(x) and _DEDUCTS_EACH.search(x)]
        if late and missing:
            out += late + missing
    return out


_DEDUCTS_EACH = re.compile(r"每[^,，;；]{0,12}?[扣减]\s*\d")
#: `政府门户网站在季度抽查中合格的得10分`: passing every check earns the item's points.
_PASSED_FULL = re.compile(
    r"^(?P<x>[^,，;；]*?(?:抽查|检查|考核|测评|评估|验收)[^,，;；]*?)(?<!不)(?P<ok>合格|达标|通过)的?"
    r"\s*[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分$"
)
#: `抽查不合格的，每次扣5分`: each failed check (`抽查` in the passing sentence).
_FAILED_EVENT = re.compile(
    r"^(?P<v>[^\d,，;；每]{2,6}?)(?:不合格|未达标|未通过)的?\s*[,，]?\s*每\s*(?:次|件|个|项)\s*[扣减]"
)
_ITEM_CAP = re.compile(
    r"^(?:本项|该项|此项)(?:得分)?(?:(?:最高|最多)(?:可)?(?:计|得|记)?\s*(\d+(?:\.\d+)?)\s*分"
    r"|(?:计满|以)\s*(\d+(?:\.\d+)?)\s*分(?:为止|为限|封顶))$"
)
#: Earning phrases (`得4分`, `每篇计1分`), and a clause ending in a bare `不得分`.
_EARNED = re.compile(r"[得计记]\s*[\d一二两三四五六七八九十]")
_BARE_NONE = re.compile(r"(?<![本该此项])(?<!大项)不得分$")
_BARE_NONE_REASON = (
    "前句按条件给分，此句的 “不得分” 可能只是得不到前句的分，也可能是本项全部不得分（语言中"
    "“不得分”即本项全部不得分）：只是得不到前句的分的，在前句条款末尾写 “，否则不得分”；"
    "本项全部不得分的，写 “【…】本项不得分”"
)


#: `实行一票否决的，考核等次为不合格`: what a veto gives, said in the grade paragraph.
#: The words of a band after its bounds: `，且全年未发生亡人事故`, `，或被一票否决的`.
_BAND_EXTRA = re.compile(r"分[^,，且]*?(?:[,，]|且|并且|同时)\s*(.+)$")
_BAND_VETO = re.compile(r"^或(?:被|实行)?一票否决(?:的)?$")
#: A band's quota after its bounds: `，不超过参加考核单位总数的30%` (what follows the
#: comma, and the comma before it).
_QUOTA_WORDS = r"(?:名额|数量|比例)?\s*(?:原则上)?\s*(?:不超过|不得超过|不多于|最多)"
_BAND_QUOTA = re.compile("^" + _QUOTA_WORDS)
_QUOTA_AFTER = re.compile(rf"[，,](?=\s*{_QUOTA_WORDS})")
#: A 待处理 grade line that gives a score (a band, not a rule or a quota beside them).
_BAND_SOURCE_SCORE = re.compile(r"\d+(?:\.\d+)?\s*分")
_BAND_CONDITION = (
    "此档除分数外还有条件，等次只按分数划档：请照原文写分数档，条件写成条款，"
    "如 “- 【…】不得评为…”（language.md 5.3）"
)


#: The condition of a band that an event not happening states: `且年度内未被上级通报批评的`.
_NOT_HAPPENED = re.compile(
    r"^(?P<score>.*?分[^,，且]*?)\s*(?:[,，]\s*)?(?:且|并且|同时)\s*"
    r"(?P<pre>[^,，;；未不无没]{0,8}?)(?:未|没有)(?P<event>(?:被|发生)?[^,，;；未不无没的]{2,24}?)的?\s*$"
)


def _barring_condition(rng: str) -> tuple[str, str] | None:
    """(the band's score, the event that bars it) of `90分以上且年度内未被上级通报批评的`;
    None for any other condition (a positive one, or two negations, stay 待处理)."""
    m = _NOT_HAPPENED.match(normalise(rng).strip().rstrip("。；;"))
    if m is None:
        return None
    event = legal_name(m.group("pre") + m.group("event"))
    score = re.sub(r"^[^\d]*?(?=\d)", "", m.group("score").strip())  # `考核总分(含加分)在90分以上`
    return (score, event) if len(event) >= 3 else None


def _band_condition(rng: str, last: bool) -> bool:
    """The band says more than its bounds (`95分以上，且全年未发生亡人事故`); `，或被一票
    否决的` only on the lowest band, where 一票否决 puts a unit anyway, and a quota the
    language reads (`，不超过参加考核单位总数的30%`) is no condition."""
    extra = _BAND_EXTRA.search(normalise(rng))
    if extra and not last and _BAND_QUOTA.match(extra.group(1)):
        return not try_band(f"优秀：{_band_range(rng)}")
    return bool(extra) and not (last and _BAND_VETO.match(extra.group(1)))


_VETO_MEANS = re.compile(
    r"^(?:实行|被|出现|有|发生)?(?:实行)?一票否决(?:情形|事项|情况)?的?"
    r"(?:乡镇[（(]街道[）)]|乡镇|街道|单位|县区|部门)?\s*[,，]?\s*(?:当年|年度)?(?:考核|考评)?(?:等次|结果)?(?:直接)?(?:确定|定|评定)?为\s*"
    r"[“\"]?([^,，“”\"]{1,6}?)[”\"]?\s*(?:等次|等级|档次)?$"
)


#: `年度内被通报批评的，不得评为优秀`: the event and the grade it may not reach.
_NOT_GRADED = re.compile(
    r"^(.+?)的?\s*[,，]\s*(?:本年度|年度|当年)?(?:考核)?(?:等次)?(?:不得|不能|不予)(?:评为|评定为|确定为|定为)\s*[“\"]?([^,，“”\"]{1,6}?)[”\"]?\s*(?:等次)?(?:[,，].*)?$"
)
#: `优秀等次单位数量不超过参评单位总数的20%`: a quota of a grade.
_QUOTA = re.compile(
    r"(?:数量|名额|比例)[^，,]{0,6}(?:不超过|不得超过|不高于|原则上不超过|控制在)[^，,]{0,12}\d+(?:\.\d+)?\s*%"
)


#: A step of a deduction (`每低于目标值1个百分点扣2分`, `每少淘汰10辆扣0.5分`).
_STEP = re.compile(r"每[^，,；;]{0,10}?[\d一二两三四五六七八九十半][^，,；;]{0,8}?[扣减]")
#: The other half of a standard that earns points in proportion below it.
_SHARE_HALF = re.compile(r"按[^，,。；;]{0,12}比例(?:计分|得分|计算|折算|给分)")


def _lone_share(text: str) -> bool:
    """A half that only says `未达到的，按比例得分` (it earns nothing of its own)."""
    said = normalise(text)
    return bool(_SHARE_HALF.search(said)) and not re.search(r"[得计记]\s*\d", said)


#: Points earned on a condition, not per step: `【X】得4分`, `【X】达到100%的，得4分`.
_CONDITION_EARN = re.compile(r"^【[^】]+】[^每]*得\s*\d[^每]*$")
#: Points earned on one fact, not per step: `【X】得20分`, `【X】得3分，否则不得分`.
_YES_NO_EARN = re.compile(r"^【([^】]+)】[，,]?\s*得\s*(?:\d[^每]*|满分)$")

#: `本项加分最高2分`, `加分最多3分` as a sentence of its own: the cap of the item's bonuses.
_ITEM_BONUS_CAP = re.compile(
    r"^(?:本项|该项)?(?:加分|奖励分)(?:累计)?(?:最高|最多|不超过|上限为?)\s*(?:加)?\s*\d+(?:\.\d+)?\s*分$"
)
#: `…达到年度考核目标的得10分`: a plain earning of a standard, nothing else in the sentence.
_FULL_EARN = re.compile(r"^[^,;，；]+?的\s*,?\s*得\s*(\d+(?:\.\d+)?)\s*分$")
#: `，最高计3分` at the end of a sentence earning per thing: the cap of that sentence.
_EARN_CAP_TAIL = re.compile(
    r"[,，]\s*(?:本项)?(?:累计)?(?:(?:最高|最多)可?(?:计|得|记)|不超过)\s*(\d+(?:\.\d+)?)\s*分$"
)
_PER_EARN = re.compile(r"每[^，,]{0,6}?[得计记]\s*\d")
#: The note under a sub-item made of a capped earning sentence (`split_earned` reads it).
CAPPED_NOTE = "原文此句句末的得分上限，写作本子项的分值："
SHARE_NOTE = "原文此句按比例得分，"  # a share sub-item (`_share_part`)
ALL_NOTE = "原文此句每一处都做到才得分，"  # all places or none (`_all_places_part`)
FULL_NOTE = "原文此句全部达到得分，"  # all reached, less each one short (`_share_part`)
#: The most 评分标准 sentences before one that it is tried joined to (`_standard_lines`).
_JOINED_MOST = 12
#: The title of the item that holds the rules of the 等次 paragraph.
GRADE_RULES = "等次限定"
_CN = "零一二三四五六七八九十"
_CN_VALUES = {c: i for i, c in enumerate(_CN) if i}
#: `…的单位`, `…的乡镇（街道）`: the unit assessed, after the event that bars a grade.
_UNIT_WORDS = re.compile(
    r"的?(?:单位|乡镇[（(]街道[）)]|乡镇|街道|县[（(]市、区[）)]|县区|部门|地区)$"
)


_GRADE_WORDS = re.compile(r"等次|评为|降低一等|降为|降一档|一票否")


def _sentences_of(text: str) -> list[str]:
    return [x.strip() for x in re.split(r"(?<=。)", text) if x.strip()]


#: Points for the item's own tasks done on time, with no subject of their own.
_ON_TIME_EARN = re.compile(
    r"^【([^】]*?(?:任务|工作)?(?:按时|按期|如期|及时|全部)完成)】得\s*(\d+(?:\.\d+)?)\s*分$"
)
#: A count of the item's tasks not done, or not done on time, naming no other thing.
_FAILED_TASK = re.compile(
    r"(?:未按时|未按期)?(?:未完成|完成不及时|不及时完成|延误|逾期(?:未?完成)?)"
)
#: A step that counts every failure of the standard it follows (`每缺一项`, `每少1次`).
_EVERY_FAILURE = re.compile(r"^每?(?:缺|少|未)")
#: The start of the reason a sentence with its points and their steps stays 待处理.
_PAIRED = "此句的 “得"
_EARN_POINTS = re.compile(r"得\s*(\d+(?:\.\d+)?)\s*分")
_FACT_NAMES = re.compile(r"【([^】]+)】")
#: A deduction per counted thing: `【X】每缺一项扣1分`, `【延误】一项扣1分`.
_COUNT_STEP = re.compile(r"^【([^】]+)】[^得计记加]*?(?:每|[一1])[^得计记加]*[扣减]\s*\d")


def _is_yes_no_earn(clause: str, book: dict) -> bool:
    m = _YES_NO_EARN.match(clause)
    return m is not None and book.get(m.group(1), ("",))[0] == "是否" and "否则" not in clause


def _is_count_step(clause: str, book: dict) -> bool:
    m = _COUNT_STEP.match(clause)
    return m is not None and book.get(m.group(1), ("是否",))[0] not in ("是否", "百分比", "数值")


#: A step below (above) a bound: `【X】低于98%的，每低1个百分点扣5分`.
_SLOPE = re.compile(
    r"^【(?P<f>[^】]+)】(?:未达到|)(?P<dir>低于|高于|超过|少于|多于)\s*(?P<n>\d+(?:\.\d+)?)[^，,]*的[，,]\s*每"
)

#: An item that restates the miss of the item before (`2.未达到年度目标的，…`).
_MISSED = re.compile(r"^(?:未达到|未达|达不到|未完成|没有完成|完不成)")

#: A clause that takes all of its item's points (`本项不得分`), and earning phrases.
_ZERO = re.compile(r"(?:本项|该项|此项)不得分$")
_NONE_AFTER_EARN = re.compile(r"(?<!本项)(?<!此项)(?<!大项)不得分$")
_EARNED_ANY = re.compile(r"[得计记]\s*(?:[\d一二两三四五六七八九十]|满分)")


def _ZEROES_ITEM(drafted: Drafted) -> bool:
    return any(_ZERO.search(c) for c in drafted.clauses)


def _bonus_inside_reason(anchor: Anchor) -> str:
    return (
        f"本项没有分值，上级评分项 {anchor.path}（{anchor.points}分）有分值：这条加分是计入 "
        f"{anchor.path} 的分值之内（只能补回扣分，或与其他小项合成 {anchor.points}分），还是在总分外另加，"
        "原文没有写明：计入分值之内的，请给本项写上分值、把 “加” 写成 “计”；另加的，请写成加分项并照原文写上上限"
    )


def _parts_reason(anchor: Anchor) -> str:
    return (
        f"本项没有分值，而上级评分项 {anchor.path}（{anchor.points}分）的分值由有分值的子项合成："
        f"写到 {anchor.path} 下的得分条款永远得不满 {anchor.path} 的分。请照原文给本项写上分值"
        "（原文没有写的，请向发文单位确认），再写得分条款"
    )


_DEDUCT_IN_BONUS = (
    "加分项中不能写扣分：这条扣分不受加分上限的约束，请把它写在加分项之外"
    "（如没有分值的 “扣分事项” 评分项下，在总分中直接扣减）"
)


def _no_cap_reason(top: str) -> str:
    return (
        f"加分条款须写在加分项中，而草稿没有读出 “{_one_line(top)}” 的加分上限：请在这一行末尾写上"
        "“，加分项，最高加N分”（N 照原文；原文没有规定上限的，请向发文单位确认，不要自定）"
    )


@dataclass
class Summary:
    nodes: int = 0
    points: str = ""
    full_marks: str = ""
    sentences: int = 0  # scoring sentences found
    drafted: int = 0  # of them, drafted into clauses
    clauses: int = 0
    pending: int = 0
    facts: int = 0
    bands: int = 0  # grade bands drafted under `等次：` (0: the draft grades no unit)
    pending_sentences: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (path, text, reason)

    def hold(self, where: str, sentence: str, reason: str, pad: str) -> str:
        """The `# 待处理：` line of a sentence left for the writer, counted here."""
        self.pending += 1
        self.pending_sentences.append((where, sentence, reason))
        return f"{pad}{PENDING}{_one_line(sentence)}（{reason}）"


@dataclass
class Draft:
    text: str
    summary: Summary


def _number(text: str) -> str:
    d = Decimal(text)
    return format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))


class _Writer:
    def __init__(self, doc: Doc, name: str):
        self.doc = doc
        self.name = name
        self._graded: list[str] = []  # the bands `bands` has written, for a quota to name
        self.known = KnownFacts(doc.facts) if doc.facts or doc.standards else None
        last = len(doc.bands) - 1
        names = [  # the grades the draft writes (a lead-in or a band with a condition is not)
            name
            for k, (name, rng, _) in enumerate(doc.bands)
            if re.search(r"\d|其余|其他|其它", rng) and not _band_condition(rng, k == last)
        ]
        graded = len(set(names)) >= 2
        top = next((n for n, r, _ in doc.bands if re.search(r"\d|其余|其他|其它", r)), "")
        self.drafter = Drafter(  # the top grade left 待处理: no bar can name it yet
            lowest_band=names[-1] if graded else "",
            highest_band=names[0] if graded and names[0] == top else "",
        )
        self.summary = Summary()
        self.lines: list[str] = []
        self.origin: dict[str, tuple[str, str]] = {}  # clause → (path, sentence it reads)
        self.hoisted: dict[str, list[str]] = {}  # node path → clause lines moved up to it
        self.grade_rules: list[str] = []  # clause lines of the 等次 paragraph's rules
        #: node → (clause, cap, note) sub-items
        #: sub-items to write after an item's clauses: (clause, or a tuple of clauses of
        #: which the highest counts, or a list of clauses that all count; points; note)
        self.capped: dict[int, list[tuple[str | tuple[str, ...] | list[str], str, str]]] = {}
        self.earned: dict[int, bool] = {}  # node → an earlier sentence of it earns points
        #: node → the step of the item after it (`2.未达到年度目标的，每超出…扣3分`)
        self.paired: dict[int, str] = {}
        self.used = ""  # the clause lines of the draft
        self.slopes: dict[int, list[re.Match[str]]] = {}  # node → its step clauses
        #: `…，本项不得分，并在总分中另扣2分`: (comment, clause) for a part without points
        self.on_total: list[tuple[str, str]] = []
        self.own_lines: dict[int, int] = {}  # top-level node → its lines before its children

    # ------------------------------------------------------------------ header

    def header(self) -> list[str]:
        doc = self.doc
        out = [
            f"# 由 xize import 从 “{self.name}” 生成的草稿。请逐条核对条款与原文，",
            "# 处理标有 “待处理” 的句子，核实数据项的名称、类型和默认值后再使用。",
        ]
        if doc.preamble:
            out.append("# 原文（正文之前）：")
            out += [f"#   {line}" for line in doc.preamble]
        title = doc.title or _title_from(doc.preamble) or Path(self.name).stem
        year = doc.year or _year_from([title, *doc.preamble])
        notes = []
        if year is None:
            year = datetime.date.today().year
            notes.append(f"# 原文未写年度，暂填 {year}，请核对")
        full = doc.full_marks
        total = total_points(doc.nodes)
        if full is None:
            if total is not None:
                full = (
                    format(total.normalize(), "f")
                    if total != total.to_integral_value()
                    else str(int(total))
                )
                said = next(
                    (t for t in [*doc.preamble, *doc.notes] if "百分制" in normalise(t)), None
                )
                if said is not None and total != 100:
                    # `考核实行百分制` while the items add up to another total: the draft
                    # scores what the items give, and says that the two differ
                    notes.append(
                        f"# 原文 “考核实行百分制”，而各一级评分项分值合计{full}分：满分暂取{full}分，"
                        "请核对原文的分值（按百分制，满分应为100分）"
                    )
                else:
                    notes.append("# 原文未写满分，取各一级评分项分值之和")
            else:
                full = "100"
                notes.append("# 原文未写满分，也没有评分项分值：暂填100分，请核对")
        if doc.continuous:
            notes.append(
                f"# 原文说明 “{_one_line(doc.continuous)}”：每N个百分点的步数按实际比例计，"
                "这些条款末尾写 “，按比例”（language.md 第11节）"
            )
        self.summary.full_marks = _number(full)
        self.summary.points = "" if total is None else _number(str(total))
        out += notes
        out += [f"细则：{_one_line(title)}", f"年度：{year}", f"满分：{_number(full)}分"]
        if doc.precision:
            out.append(f"精度：{doc.precision}")
        if doc.boundary:
            out.append(f"边界：{doc.boundary}")
        if doc.mode:
            out.append(f"计分：{doc.mode}")
        if doc.target:
            out.append(f"考评对象：{_one_line(doc.target)}")
        return out

    # ------------------------------------------------------------------- nodes

    def node(
        self,
        node: DNode,
        depth: int,
        prefix: str,
        in_bonus: bool = False,
        anchor: Anchor | None = None,
        top: str = "",
    ) -> list[str]:
        pad = "  " * depth
        path = prefix + _path_part(node.marker)
        top = top or f"{node.marker}{_one_line(node.title)}"
        self.summary.nodes += 1
        head = f"{pad}{node.marker}{_one_line(node.title) or '（无标题）'}"
        if node.points is not None:
            head += f"（{node.points}分）"
        inner = pad + "  "
        cap = node.bonus_cap
        stated = (
            None
            if self.known or in_bonus or cap is not None or anchor is not None
            else _stated_cap(node)
        )  # under an item with points, a capped bonus may be points of that item (pending)
        if stated is not None:
            cap = stated[0]  # `每篇加0.2分，最多加1分`: the item is a bonus item with that cap
        bonus = in_bonus or cap is not None  # the items of a bonus node add too
        if node.points is not None and not bonus and not node.invented:
            parts = any(n.points is not None for n in _below(node))
            anchor = Anchor(path, node.points, inner, parts)
        body: list[str] = []
        if self.doc.standards:  # a rendered document: the 评分标准 are the clauses
            for text in node.standards:
                for sentence in self._standard_lines(split_sentences(text)):
                    body += self.standard(sentence, path, inner)
        else:
            before = len(self.summary.pending_sentences)
            for text in scoring_text(node):
                sentences = join_steps(split_sentences(text))
                for index, sentence in enumerate(sentences):
                    following = sentences[index + 1] if index + 1 < len(sentences) else ""
                    if self._full_before_place_months(sentence, following, node, bonus):
                        body.append(
                            f"{inner}# 原文 “{_one_line(sentence)}”：“得{_number(node.points)}分”"
                            "即本项分值，由下面的扣分条款逐个扣减（写成得分条款，没达到时既失分又被扣分）"
                        )
                        continue
                    restated = self._restated_cap(sentence, cap, bonus, node, path, inner)
                    if restated is not None:
                        body += restated
                        continue
                    read = stated[1].get(sentence, sentence) if stated else sentence
                    # `有专职人员、有工作经费的得3分，缺一项扣1.5分`: per item where the list is
                    # closed and together loses the points (`repeats.with_each`)
                    read = plain_wording(with_each(read) or read)
                    if node.earned_bonus:  # points of the item it fills (outline)
                        read = re.sub(r"加(?=\s*\d)", "计", read)
                    body += self.sentence(sentence, node, path, inner, bonus, anchor, top, read)
            body = self._halves(
                body, path, self.summary.pending_sentences[before:], self.paired.get(id(node))
            )
            body = self._on_time_base(body, node)
            body = self._capped_bonus(body, node)
            body += self._capped_subs(node, inner)
        held: list[str] = []
        modifiers = list(node.modifiers)
        words = "".join(scoring_text(node))
        highest = _HIGHEST_ONLY.search(normalise(words))
        quoted = words[highest.start() : highest.end()] if highest else ""
        # the sentence that says so left 待处理: its own bonuses are not drafted, and taking
        # the highest of the other bonuses of the item would change what they add
        pending = highest and any(
            line.lstrip().startswith("# 待处理") and quoted in line for line in body
        )
        # `…同一事项按最高级别计分` read as matters counted once each (`_highest_level`):
        # different matters add up, the item does not take the highest
        counted = highest and any(
            normalise(quoted) in sentence for sentence in self.drafter.per_matter
        )
        if (
            highest
            and not any(m in _TAKE_MAX for m in modifiers)
            and bonus
            and not pending
            and not counted
        ):
            # `…加5分，…加3分，…加2分；同一年度多次获评的，按最高级别计分`: the bonuses of
            # one matter at several levels are not added up
            modifiers.append("就高不就低")
        for modifier in modifiers:
            if (
                modifier in _TAKE_MAX
                and _choices(body) < 2
                and highest
                and modifier not in node.modifiers
            ):
                held.append(
                    f"{inner}# 待处理：{quoted}（只取最高一条加分，而本项起草出的加分条款不足两条："
                    "请把它所指的几条加分写在同一评分项下，并在评分项行末写 “，就高不就低”）"
                )
            elif modifier in _TAKE_MAX and _choices(body) < 2:
                # 就高不就低 with fewer than two earning clauses drafted is E223: keep the
                # words for the writer instead of a draft that does not compile
                held.append(f"{inner}# 待处理：{modifier}（本项起草出的得分或加分条款不足两条）")
            else:
                head += f"，{modifier}"
                if highest and modifier == "就高不就低":
                    held.append(
                        f"{inner}# 原文 “{quoted}”：写作就高不就低，几条加分只取最高一条"
                        "（以一件事计；几件不同的事分别获得不同级别的，请核对原文是否分别加分）"
                    )
        if cap is not None:
            head += f"，加分项，最高加{cap}分"
        out = [head, *held]
        out += [f"{inner}# {c}" for c in node.comments]
        if stated is not None:
            out.append(f"{inner}# 原文本项写明 “最多加{cap}分”：本项写作加分项，上限照原文")
        words = "".join(t.strip() for t in node.text if t.strip())
        if words:
            out.append(f"{inner}说明：{_one_line(words)}")
        out += body
        for child, after in zip(node.children, node.children[1:], strict=False):
            said = normalise("".join(scoring_text(after)) or after.title)
            if _MISSED.match(normalise(after.title) or said) and _STEP.search(said):
                self.paired[id(child)] = "".join(scoring_text(after)) or after.title
        children: list[str] = []
        for child in node.children:
            children += self.node(child, depth + 1, path, bonus, anchor, top)
        out += self.hoisted.pop(path, [])
        if depth == 0:
            self.own_lines[id(node)] = len(out)
        return out + children

    def sentence(
        self,
        sentence: str,
        node: DNode,
        path: str,
        pad: str,
        bonus: bool,
        anchor: Anchor | None = None,
        top: str = "",
        read: str | None = None,
    ) -> list[str]:
        """`read` is the sentence as drafted (without a cap the node carries)."""
        read = sentence if read is None else read
        tail = _TOTAL_TAIL.search(read) if self.known is None else None
        if tail and not bonus and (node.points is not None or anchor is not None):
            if _ZERO_HEAD.match(normalise(read[: tail.start()]).strip()):
                return self._zero_and_total(sentence, node, path, pad, anchor, top, read, tail)
            self.summary.sentences += 1
            return [self.summary.hold(path, sentence, _OTHER_TOTAL_REASON, pad)]
        if self.known is not None:
            drafted = self.known.sentence(sentence, path, bonus, node.points)
            if drafted is None:
                return []
        else:
            if not is_scoring(sentence):
                return []
            if anchor is None and node.points is None and not bonus:
                if _HEAD_ON_TOTAL.match(normalise(read).strip().rstrip("。；;，, ")):
                    # what a part without points does already (language.md 第5节)
                    self.summary.sentences += 1
                    self.summary.drafted += 1
                    said = _one_line(sentence).rstrip("。；;")
                    return [
                        f"{pad}# 原文 “{said}”：本项没有分值，其下扣分本来就在总分中扣除，无需另写条款"
                    ]
                # `…每次扣50分，在总分中直接扣除，不受所在项目分值限制` in a part without
                # points: that is how such a part's deductions count (language.md 第5节)
                read = _IN_TOTAL.sub("", _ON_TOTAL.sub("", read))
            listed = _LISTED.match(normalise(read).strip())
            if listed is not None and _conditions(node):
                drafted = self._listed(read, node, path, bonus, listed.group(1))
                if drafted is not None:
                    self.summary.sentences += 1
                    self.summary.drafted += 1
                    self.summary.clauses += len(drafted.clauses)
                    for clause in drafted.clauses:
                        self.origin[clause] = (path, sentence)
                    return [f"{pad}- {c}" for c in drafted.clauses]
            cap = _ITEM_CAP.match(normalise(read).strip().rstrip("。;；"))
            if cap is not None:
                return self._item_cap(
                    sentence, path, pad, node, anchor, cap.group(1) or cap.group(2)
                )
            capped = self._full_when_none_late(sentence, read, node, bonus, pad)
            if capped is None:
                capped = self._earned_then_failures(sentence, read, node, path, bonus, pad)
            if capped is None:
                capped = self._full_then_failures(sentence, read, node, path, bonus, pad)
            if capped is None:
                capped = self._requirement_part(sentence, read, node, path, bonus, pad)
            if capped is None:
                capped = self._all_places_part(sentence, read, node, path, bonus, pad)
            if capped is None:
                capped = self._capped_earning(sentence, read, node, path, bonus, pad)
            if capped is None:
                capped = self._share_part(sentence, read, node, path, bonus, pad)
            if capped is None:
                capped = self._level_tiers(sentence, read, node, path, bonus, pad)
            if capped is None:
                capped = self._band_tiers(sentence, read, node, path, bonus, pad)
            if capped is not None:
                return capped
            # what else the item earns: `同一年度按最高级别加分` takes the highest of its item
            self.drafter.item_words = normalise("".join(scoring_text(node)))
            drafted = self.drafter.sentence(read, node.title, path, bonus, node.points)
            self.drafter.item_words = ""
            earlier = self.earned.get(id(node), False)
            self.earned[id(node)] = earlier or bool(_EARNED.search(normalise(read)))
            alternatives = node.invented and "就高不就低" in node.modifiers
            if (
                drafted.ok
                and earlier
                and not alternatives  # the item is worth its best alternative: 0 either way
                # `X达到100%的得4分，低于100%的不得分`: the 不得分 of the clause's own 得4分
                and any(
                    _BARE_NONE.search(c) and not _EARNED.search(normalise(c))
                    for c in drafted.clauses
                )
            ):
                drafted = Drafted(sentence, (), (), _BARE_NONE_REASON)
            if drafted.ok and node.invented and anchor is not None and _ZEROES_ITEM(drafted):
                # `…的，得6分；被通报不合格的，本项不得分` in an item whose points come from
                # its own `得6分`: 本项 is the item whose points the document states
                return self._hoist(sentence, drafted, path, pad, anchor)
            if not drafted.ok and node.points is None and not bonus:
                n = normalise(read)
                if anchor is not None and _HOISTED.search(n) and "酌情" not in read:
                    # `计5分`, `本项不得分` in an item without points: they score the
                    # nearest item that has points, so the clause is written there
                    above = self.drafter.sentence(read, node.title, path, False, anchor.points)
                    if _BONUS.search(n):
                        # a bonus there would go to the total, out of the item it is
                        # written in; whether it only wins back that item's points is
                        # the writer's to say
                        above = Drafted(sentence, (), (), _bonus_inside_reason(anchor))
                    elif (
                        above.ok
                        and earlier
                        and any(_NONE_AFTER_EARN.search(c) for c in above.clauses)
                    ):
                        above = Drafted(sentence, (), (), _BARE_NONE_REASON)
                    elif (
                        above.ok
                        and anchor.parts
                        and any(_EARNED_ANY.search(c) for c in above.clauses)
                    ):
                        above = Drafted(sentence, (), (), _parts_reason(anchor))
                    if above.ok:
                        return self._hoist(sentence, above, path, pad, anchor)
                    drafted = above
                elif _BONUS.search(normalise(sentence)):
                    drafted = Drafted(sentence, (), (), _no_cap_reason(top))
        if (
            bonus
            and not drafted.ok
            and drafted.reason == reason_for(read)
            and re.search(r"[扣减]\s*\d", normalise(read))
            and not re.search(r"加\s*\d", normalise(read))
        ):
            # `被评为“黑旗”的，每次扣1分` among the bonuses: a deduction, outside the cap
            drafted = Drafted(sentence, (), (), _DEDUCT_IN_BONUS)
        if drafted.ok:
            drafted = self._second_slope(drafted, node)
        if drafted.ok and (self.doc.continuous or self.doc.ceil_steps):
            drafted = self._steps_as_noted(drafted, bonus, node, anchor)
        if drafted.ok and any(_VETO_AND_BAR.search(normalise(c)) for c in drafted.clauses):
            drafted = Drafted(sentence, (), (), _VETO_AND_BAR_REASON)
        notes: list[str] = []
        if drafted.ok and not bonus:
            part = self._earned_and_failed_part(drafted, node, path, pad)
            if part is not None:
                return part
            drafted, notes = self._earned_and_failed(drafted, node)
        elif not bonus and drafted.reason == reason_for(read):
            drafted = self._failures_held(drafted, read, node, path)
        self.summary.sentences += 1
        if drafted.ok:
            for clause in drafted.clauses:
                self.origin[clause] = (path, sentence)
            self.summary.drafted += 1
            self.summary.clauses += len(drafted.clauses)
            return [f"{pad}# {n}" for n in notes] + [f"{pad}- {c}" for c in drafted.clauses]
        return [self.summary.hold(path, sentence, drafted.reason, pad)]

    def _zero_and_total(
        self,
        sentence: str,
        node: DNode,
        path: str,
        pad: str,
        anchor: Anchor | None,
        top: str,
        read: str,
        tail: re.Match[str],
    ) -> list[str]:
        """`…的，本项不得分，并在总分中另扣2分` in an item with points: the item gets 0
        (`【X】本项不得分`, where the sentence stands), and the same fact takes 2 points off the
        total (`【X】扣2分`) in a top-level part without points, whose deductions come off
        the total uncapped by any item (language.md 第5节)."""
        head = read[: tail.start()]
        known = set(self.origin)
        lines = self.sentence(sentence, node, path, pad, False, anchor, top, head)
        new = [c for c in self.origin if c not in known and self.origin[c][1] == sentence]
        if len(new) != 1 or not _ZERO.search(new[0]):
            return lines  # held (its reason is the item's half)
        condition = new[0][: _ZERO.search(new[0]).start()]
        clause = f"{condition}扣{_number(tail.group(1))}分"
        item = anchor.path if anchor is not None and node.points is None else path
        points = _number(tail.group(1))
        for name in _FACT_NAMES.findall(condition):
            kind, default, description = self.drafter.book.facts[name]
            description += f"（原文另在总分中扣{points}分：写在没有分值的一级部分）"
            self.drafter.book.facts[name] = (kind, default, description)
        self.origin[clause] = (path, sentence)
        self.summary.clauses += 1
        said = _one_line(sentence).rstrip("。；;")
        title = f"{node.marker}{_one_line(node.title)}"
        where = f"“{top}” 下的评分项 “{title}”" if title != top else f"评分项 “{top}”"
        if item != path:
            where += f"（本项不得分写在有分值的上级评分项 {item} 下）"
        self.on_total.append((f"# 原文写在 {where}：{said}", clause))
        return lines

    def _awards_ungraded(self, body: list[str]) -> list[str]:
        """`…，取消年度评优资格` drafted `不得评为优秀，列为…单位` while the grade block
        stays commented out (a band of it 待处理): the draft grades no unit, so the bar
        names no grade (E230); the label alone says it, and a note asks for the bar back
        once the grades are completed."""
        top = self.drafter.highest_band
        out: list[str] = []
        for line in body:
            clause = line.strip()[2:] if line.lstrip().startswith("- ") else ""
            if f"不得评为{top}，列为" not in clause or not clause.endswith("资格单位"):
                out.append(line)
                continue
            pad = line[: len(line) - len(line.lstrip())]
            plain = clause.replace(f"，不得评为{top}，列为", "，列为")
            plain = plain.replace(f"不得评为{top}，列为", "列为")
            self.origin[plain] = self.origin.pop(clause, ("", clause))
            out.append(
                f"{pad}# 原文的等次尚未补全（各档暂作注释），草稿暂不评等次：补全等次后，请在 “列为” 前加上 “不得评为{top}，”"
                "（取消评优资格的单位也不能评为最高一档）"
            )
            out.append(f"{pad}- {plain}")
        return out

    def _total_lines(self, body: list[str], starts: dict[int, int]) -> list[str]:
        """The deductions from the total said inside items: in the document's own part of
        deductions without points (`扣分项`), or in a part of their own after the last."""
        if not self.on_total:
            return body
        lines = [x for comment, clause in self.on_total for x in (f"  {comment}", f"  - {clause}")]
        for node in self.doc.nodes:
            if (
                node.points is None
                and node.bonus_cap is None
                and not node.modifiers
                and _DEDUCTION_PART.search(normalise(node.title))
                and id(node) in starts
            ):
                at = starts[id(node)] + self.own_lines[id(node)]
                note = (
                    "  # 以下原文写在有分值的评分项中（“…，本项不得分，并在总分中另扣N分”）：本项不得分"
                    "写在该项下，另扣的分写在这里，直接从总分中扣（language.md 第5节）"
                )
                return body[:at] + [note, *lines] + body[at:]
        numbers = [
            _CN_VALUES.get(normalise(n.marker).strip().rstrip("、"), 0) for n in self.doc.nodes
        ]
        k = max([0, *numbers]) + 1 + (1 if self.grade_rules else 0)
        marker = f"{_CN[k] if k < len(_CN) else '十' + _CN[k - 10]}、"
        return [
            *body,
            "",
            f"{marker}{TOTAL_PART}",
            "  # 原文在下列有分值的评分项中写明 “…，本项不得分，并在总分中另扣N分”：本项不得分写在该项下，"
            "另扣的分写在这一没有分值的一级部分，直接从总分中扣，不受该项分值限制（language.md 第5节）",
            *lines,
        ]

    def _steps_as_noted(
        self, drafted: Drafted, bonus: bool, node: DNode, anchor: Anchor | None
    ) -> Drafted:
        """The document's notes say how a step of 百分点 counts: in part (`按实际差值连续
        计算`: each such step is written `，按比例`) or a part as a whole step (`不足一档的按
        一档计算`: `，不足N个百分点按N个百分点计`), language.md 第11节; whole steps
        otherwise.  A step whose clause then does not compile stays 待处理: as written it
        would not be what the document means."""
        note = self.doc.continuous or self.doc.ceil_steps
        points = node.points if node.points is not None else (anchor.points if anchor else None)
        clauses = []
        for clause in drafted.clauses:
            n = normalise(clause)
            step = _STEP_POINTS.search(n)
            if step and not re.search(r"按比例|不足[^，,]*按", n):
                size = step.group(1)
                added = (
                    "，按比例" if self.doc.continuous else f"，不足{size}个百分点按{size}个百分点计"
                )
                clause += added
                if try_clause(clause, bonus, "", points or "1000") is None:
                    said = "百分点的步数按实际比例计" if self.doc.continuous else "不足一步按一步计"
                    reason = (
                        f"原文说明 “{_one_line(note)}”：{said}，"
                        f"而此句写上 “{added}” 后不能编译：请照原文改写"
                    )
                    return Drafted(drafted.sentence, (), (), reason)
            clauses.append(clause)
        return Drafted(drafted.sentence, tuple(clauses), drafted.facts, drafted.reason)

    def _restated_cap(
        self, sentence: str, cap: str | None, bonus: bool, node: DNode, path: str, pad: str
    ) -> list[str] | None:
        """`加分项目累计最高加5分` under `四、加分项目，加分项，最高加5分`, or in a part of notes
        (`加分项目累计加分不超过5分，扣分事项在考核总分中直接扣减`) when exactly one bonus part
        of the document carries that cap: the cap the draft already writes, no clause.  The
        sentence counts as drafted; a cap of another size stays for the writer."""
        n = normalise(sentence).strip().rstrip("。;；")
        first, *rest = re.split(r"[，,]", n)
        said = bonus_cap_of(first)
        if said is None or not all(_DEDUCT_ON_TOTAL.match(r.strip()) for r in rest):
            return None
        if bonus and cap is not None:
            where = f"{node.marker}{_one_line(node.title)}"
        elif not bonus and node.points is None and not node.children:
            capped = [b for b in self.doc.walk() if b.bonus_cap is not None]
            if len(capped) != 1:
                return None
            cap, where = capped[0].bonus_cap, f"{capped[0].marker}{_one_line(capped[0].title)}"
        else:
            return None
        if cap is None:
            return None
        self.summary.sentences += 1
        if Decimal(said) != Decimal(cap):
            reason = (
                f"此句的加分上限{_number(said)}分与 “{where}” 行上的 “最高加{_number(cap)}分” 不同："
                "请核对原文，在加分项行上照原文写上限"
            )
            return [self.summary.hold(path, sentence, reason, pad)]
        self.summary.drafted += 1
        note = f"原文 “{_one_line(sentence)}”：即 “{where}” 行上的 “最高加{_number(cap)}分”"
        if rest:
            note += "；没有分值的评分项下的扣分在总分中直接扣减"
        return [f"{pad}# {note}，无需另写条款"]

    def _earned_and_failed_part(
        self, drafted: Drafted, node: DNode, path: str, pad: str
    ) -> list[str] | None:
        """`职责清单全部制定并公开的得2分，每缺1人扣0.5分` in an item of 6 whose other sentences
        score the rest: the 2 are a part of the item, the steps count every failure of them
        (`每缺`, `每少`) — a sub-item of 2 holding the step alone (`_earned_and_failed` drafts
        the step alone where the 2 are the item's).  None for anything else."""
        book = self.drafter.book.facts
        earned = [c for c in drafted.clauses if _is_yes_no_earn(c, book)]
        steps = [c for c in drafted.clauses if _is_count_step(c, book)]
        if len(earned) != 1 or len(steps) != 1 or len(drafted.clauses) != 2:
            return None
        points = _EARN_POINTS.search(earned[0])
        every = _EVERY_FAILURE.search(steps[0].split("】", 1)[1])
        if points is None or every is None or node.points is None:
            return None
        p = points.group(1)
        if Decimal(p) >= Decimal(node.points) or node.children or node.modifiers:
            return None
        if _no_deeper(node):
            return None
        if not _other_sentences(node, drafted.sentence):
            return None  # nothing scores the rest: the document and its points disagree
        (fact,) = _FACT_NAMES.findall(earned[0])
        self.drafter.book.release(fact)
        note = f"{FULL_NOTE}同句的扣分数的是没做到的每一处，从这{_number(p)}分中逐个扣减，写作本子项的分值"
        return self._sub_item(node, drafted.sentence, path, pad, steps[0], p, note)

    def _earned_and_failed(self, drafted: Drafted, node: DNode) -> tuple[Drafted, list[str]]:
        """`常规调查任务按时完成的得6分，延误一项扣1分`, `机构、人员、经费落实到位的，得3分，
        每缺一项扣1分`: one standard, its points and the steps it loses them by.  As two
        clauses a unit with one delay loses the 6 and 1 more (the document: 5).  When the
        points are the item's, the steps alone say it (language.md 5.1: in an item of those
        points write only `每缺1项扣1分`); otherwise the sentence stays 待处理 and says so."""
        book = self.drafter.book.facts
        earned = [c for c in drafted.clauses if _is_yes_no_earn(c, book)]
        steps = [c for c in drafted.clauses if _is_count_step(c, book)]
        if len(earned) != 1 or len(steps) != 1 or len(drafted.clauses) != 2:
            return drafted, []
        points = _EARN_POINTS.search(earned[0])
        p = points.group(1) if points else node.points  # `得满分`: the item's points
        # `开展…评估的得5分，未开展的每起扣1分`: the step's own name is the standard not
        # met (`【未开展】每起扣1分`), every failure of it
        every = _EVERY_FAILURE.search(steps[0].split("】", 1)[1]) is not None or covers(
            _FACT_NAMES.findall(steps[0])[0], _FACT_NAMES.findall(earned[0])[0]
        )
        if (
            every
            and p is not None
            and node.points is not None
            and (Decimal(p) == Decimal(node.points))
        ):
            # `每缺一项`, `每少1次`: the steps count every failure of the standard, so from
            # the item's points they say all of it; `迟报一次` would leave one never done
            (fact,) = _FACT_NAMES.findall(earned[0])
            self.drafter.book.release(fact)
            kept = tuple(f for f in drafted.facts if f[0] != fact)
            said = f"得{p}分" if points else "得满分"
            note = (
                f"原文 “{said}” 即本项分值，由下面的扣分条款逐项扣减"
                f"（写成得分条款，没做到时既失{_number(p)}分又被扣分）"
            )
            return Drafted(drafted.sentence, tuple(steps), kept), [note]
        for fact in _FACT_NAMES.findall(" ".join(drafted.clauses)):
            self.drafter.book.release(fact)
        p = _number(p) if p is not None else "N"
        if every:
            reason = (
                f"{_PAIRED}{p}分” 与 “扣分” 是同一标准：照写两条，没做到时既失{p}分又被扣分。"
                f"请把这句写成分值为{p}分的子项，子项下只写扣分条款（如 “- {steps[0]}”，language.md 5.1）"
            )
        else:
            reason = (
                f"{_PAIRED}{p}分” 与 “扣分” 是同一标准：照写两条，没做到时既失{p}分又被扣分；"
                "只写扣分，扣分数的只是其中一种没做到的情形（如延误、迟报），从未做到的单位反而不失分。"
                f"请照原文本意改写：写成分值为{p}分的子项，分别写出各种没做到的情形各扣多少"
            )
        return Drafted(drafted.sentence, (), (), reason), []

    def _earned_then_failures(
        self, sentence: str, read: str, node: DNode, path: str, bonus: bool, pad: str
    ) -> list[str] | None:
        """`抚恤资金按时足额发放的得8分，每发现1起延迟发放扣0.5分，每发现1起少发、漏发扣1分`
        in an item of 8, any number of deductions (`read_failures`): when together they
        count every way the standard is missed and the points are the item's, only the
        deductions are drafted (language.md 5.1), the earning kept as a note; deductions
        for late ones only stay 待处理 and say what is left out.  `完成治理的得4分，治理后
        出现返黑返臭的，每处扣2分`: an event after the standard was met — both clauses.
        None (nothing claimed) for anything else, and where the points are not the item's
        (the sub-item readings, or 待处理, as before)."""
        n = normalise(read).strip().rstrip("。;, ")
        found = read_failures(n)
        if found is None or bonus or node.points is None or node.children or node.modifiers:
            return None
        if len(n) > len(read.strip()) or Decimal(found.points) > Decimal(node.points):
            return None
        if Decimal(found.points) < Decimal(node.points):
            return self._failures_part(sentence, found, node, path, pad)
        if found.cap is not None and Decimal(found.cap) != Decimal(node.points):
            return None  # `最多扣2分` in an item of 3: the sentence's own cap
        p = _number(node.points)
        if found.missing and not found.after:
            clean = _CLEAN_FULL_HEAD.match(n)
            if clean is not None and _LATE_WORDS.search(clean.group("rest")):
                return None  # `按期报送的得4分，逾期报送的每次扣0.5分`: `_full_then_failures`
            reason = (
                f"{_PAIRED}{p}分” 与 “扣分” 是同一标准：照写，没做到时既失{p}分又被扣分；"
                f"只写扣分，{found.missing}。请照原文本意改写：写出各种没做到的情形各扣多少"
            )
            self.summary.sentences += 1
            return [self.summary.hold(path, sentence, reason, pad)]
        reads = list(found.reads)
        if found.after:
            reads.insert(0, f"{found.standard}的,得{found.points}分")
        drafted: list[Drafted] = []
        for one in reads:
            d = self.drafter.sentence(one, node.title, path, False, node.points)
            drafted.append(d)
            if not d.ok or len(d.clauses) != 1:
                for earlier in drafted:
                    self.drafter.release(earlier)
                return None
        clauses = [d.clauses[0] for d in drafted]
        for clause in clauses:
            self.origin[clause] = (path, sentence)
        self.summary.sentences += 1
        self.summary.drafted += 1
        self.summary.clauses += len(clauses)
        if found.after:
            self.earned[id(node)] = True  # the item's later `…不得分` reads as after an earning
            note = (
                f"原文 “{_one_line(sentence)}”：扣分的是达到标准之后发生的事，"
                "不是没达到标准，得分与扣分两条都写"
            )
        else:
            note = (
                f"原文 “{_one_line(sentence)}”：“得{p}分” 即本项分值，同句的扣分条款数的是"
                "没做到的每一种情形，由它们逐个扣减（写成得分条款，没做到时既失分又被扣分）"
            )
        return [f"{pad}# {note}", *(f"{pad}- {c}" for c in clauses)]

    def _failures_part(
        self, sentence: str, found, node: DNode, path: str, pad: str
    ) -> list[str] | None:
        """`困境儿童生活费按时足额发放的得3分，发放不及时或标准不到位的，每人次扣0.5分，扣完3分
        为止` in an item of 6: the 3 points are a part of the item, and the deductions count
        every way that part is missed — a sub-item of 3 holding only the deductions (a unit
        paying late loses only what the steps take, never the 3 and the steps), the
        document's `本项不得分` staying on the item.  None (the reason of `_failures_held`)
        when the deductions miss a way, the deduction is about an event after the standard,
        a cap is not the part's, no other sentence of the item scores the rest (as
        `earned.split_earned` leaves such an item), or no sub-item can be written (under ①)."""
        if found.missing or found.after or _no_deeper(node):
            return None
        if found.cap is not None and Decimal(found.cap) != Decimal(found.points):
            return None
        if not _other_sentences(node, sentence):
            return None  # nothing scores the rest: the document and its points disagree
        clauses: list[str] = []
        whole: list[str] = []
        drafted: list[Drafted] = []
        for one, on_item in zip(found.reads, found.whole, strict=True):
            d = self.drafter.sentence(one, node.title, path, False, found.points)
            drafted.append(d)
            if not d.ok or len(d.clauses) != 1:
                for earlier in drafted:
                    self.drafter.release(earlier)
                return None
            (whole if on_item else clauses).append(d.clauses[0])
        if not clauses:
            for earlier in drafted:
                self.drafter.release(earlier)
            return None
        p = _number(found.points)
        # the note the earning split knows a sub-item of the item's own sentence by
        note = (
            f"{FULL_NOTE}同句的扣分数的是没做到的每一种情形，从这{p}分中逐个扣减，写作本子项的分值"
        )
        lines = self._sub_item(
            node, sentence, path, pad, clauses, found.points, note, drafted=(*clauses, *whole)
        )
        return lines + [f"{pad}- {c}" for c in whole]

    def _failures_held(self, drafted: Drafted, read: str, node: DNode, path: str) -> Drafted:
        """A sentence of `_earned_then_failures` whose points are not the item's, left 待处理
        unread: the reason says what it is — when the deductions count every way the
        standard is missed, the sub-item to write and its deduction clauses; when they
        count late ones only, what they leave out."""
        n = normalise(read).strip().rstrip("。;, ")
        found = read_failures(n)
        if found is None or found.after or len(n) > len(read.strip()):
            return drafted
        if found.cap is not None and Decimal(found.cap) != Decimal(found.points):
            return drafted  # `最多扣2分` of 3 points: a cap the sub-item would not say
        p = _number(found.points)
        if found.missing:
            reason = (
                f"{_PAIRED}{p}分” 与 “扣分” 是同一标准：照写，没做到时既失{p}分又被扣分；"
                f"只写扣分，{found.missing}。请照原文本意改写：写成分值为{p}分的子项，"
                "分别写出各种没做到的情形各扣多少"
            )
            return Drafted(drafted.sentence, (), (), reason)
        clauses: list[str] = []
        whole: list[str] = []
        for one, on_item in zip(found.reads, found.whole, strict=True):
            d = self.drafter.sentence(one, node.title, path, False, found.points)
            self.drafter.release(d)
            if not d.ok or len(d.clauses) != 1:
                return drafted
            (whole if on_item else clauses).append(d.clauses[0])
        if not clauses:
            return drafted
        written = "”“".join(f"- {c}" for c in clauses)
        if whole:
            # `逾期超过30日仍未整改的本项不得分`: the document's 本项 is the item
            written += "”；原文的 “本项不得分” 写在本项上：“" + "”“".join(f"- {c}" for c in whole)
        where = f"本项分值{_number(node.points)}分" if node.points is not None else "本项没有分值"
        reason = (
            f"{_PAIRED}{p}分” 与 “扣分” 是同一标准：照写两条，没做到时既失{p}分又被扣分；"
            f"扣分条款数的是没做到的每一种情形，而{where}。请把这句写成分值为{p}分的子项，"
            f"子项下只写扣分条款（“{written}”，language.md 5.1）"
        )
        return Drafted(drafted.sentence, (), (), reason)

    def _full_before_place_months(
        self, sentence: str, following: str, node: DNode, bonus: bool
    ) -> bool:
        """`国控、省控断面水质达到年度考核目标的得10分` followed by `每有1个断面1个月未达标扣
        0.5分，扣完为止` in an item of 10: one standard in two halves, the earning the item's
        points and the deduction counting every place-month that misses it — the deduction
        alone says it (as `_earned_and_failed` drafts one sentence of both).  The earning is
        a note, counted as drafted; the deduction is drafted next on its own."""
        if bonus or node.points is None or node.children or node.modifiers or not following:
            return False
        m = _FULL_EARN.match(normalise(sentence).strip().rstrip("。；;，, "))
        if m is None or Decimal(m.group(1)) != Decimal(node.points):
            return False
        if read_place_months(following) is None:
            return False
        self.summary.sentences += 1
        self.summary.drafted += 1
        self.drafter.last = None  # the earning is no sentence the deduction pairs with
        return True

    def _capped_earning(
        self, sentence: str, read: str, node: DNode, path: str, bonus: bool, pad: str
    ) -> list[str] | None:
        """`每篇计0.2分，最高计3分` in an item of 5 points: the cap is the points of a sub-item
        of its own, written after the item's clauses; the item's other earning clauses get
        one too (`split_earned`).  Under （1） and ① one counted earning keeps its cap on
        the clause instead (`，最高得3分`, language.md 7): no sub-item one level down."""
        n = normalise(read).strip().rstrip("。；;，, ")
        m = _EARN_CAP_TAIL.search(n)
        if m is None or bonus or node.points is None or node.children or node.modifiers:
            return None
        cap = m.group(1)
        if Decimal(cap) > Decimal(node.points) or not _PER_EARN.search(n[: m.start()]):
            return None
        if Decimal(cap) == Decimal(node.points):
            if "不超过" not in m.group():
                return None  # `最高得4分` in an item of 4: the drafter reads it
            return self._item_capped_earning(sentence, read.strip()[: m.start()], node, path, pad)
        if _no_deeper(node):
            # no lower number for a sub-item: one counted earning carries its own cap
            # (`，最高得3分`, language.md 7), read by the drafter on the item itself
            return None
        drafted = self.drafter.sentence(read.strip()[: m.start()], node.title, path, False, cap)
        if not drafted.ok or not all(_PER_EARN.search(c) for c in drafted.clauses):
            self.drafter.release(drafted)
            return None
        if _numbered_low(node) and len(drafted.clauses) == 1:
            # under （1） one counted earning carries its own cap on the item, as written,
            # rather than a sub-item ① of its cap
            self.drafter.release(drafted)
            return None
        # several counted earnings (`区级每篇得0.25分，市级每篇得0.5分`) add up under the one
        # cap: a list, not a tuple (a tuple is levels of which only the highest counts)
        several = list(drafted.clauses) if len(drafted.clauses) > 1 else drafted.clauses[0]
        return self._sub_item(
            node, sentence, path, pad, several, cap, f"{CAPPED_NOTE}{_number(cap)}分"
        )

    def _item_capped_earning(
        self, sentence: str, body: str, node: DNode, path: str, pad: str
    ) -> list[str] | None:
        """`…每个得2分，…每个得0.5分，累计不超过4分` in an item of 4 (`最高得4分` the drafter
        reads itself): the cap is the item's
        own points, which already bound what its earning clauses give (language.md 5.1), so
        the counted earnings are written on the item (they add up) and the cap is said in
        a note.  Only where every clause earns per unit (a deduction would not be capped)."""
        if re.search(r"[扣减]\s*\d", normalise(body)):
            return None
        drafted = self.drafter.sentence(body, node.title, path, False, node.points)
        if not drafted.ok or not all(_PER_EARN.search(c) for c in drafted.clauses):
            self.drafter.release(drafted)
            return None
        for clause in drafted.clauses:
            self.origin[clause] = (path, sentence)
        self.summary.sentences += 1
        self.summary.drafted += 1
        self.summary.clauses += len(drafted.clauses)
        return [
            f"{pad}# 原文此句句末的得分上限即本项分值{_number(node.points)}分，由本项分值封顶",
            *(f"{pad}- {c}" for c in drafted.clauses),
        ]

    def _sub_item(
        self,
        node: DNode,
        sentence: str,
        path: str,
        pad: str,
        kept: str | tuple[str, ...] | list[str],
        cap: str,
        note: str,
        drafted: tuple[str, ...] | None = None,
    ) -> list[str]:
        """`kept`, clauses of `sentence`, held for a sub-item of `cap` points under `node`
        (`_capped_subs` writes it after the item's own clauses: one clause or a list add
        up, a tuple takes the highest); the sentence counts as drafted, and the item gets
        the line that says where it went.  `drafted`: every clause the sentence gave,
        where some of them stay on the item itself."""
        self.capped.setdefault(id(node), []).append((kept, cap, note))
        given = drafted if drafted is not None else ((kept,) if isinstance(kept, str) else kept)
        for clause in given:
            self.origin[clause] = (path, sentence)
        self.summary.sentences += 1
        self.summary.drafted += 1
        self.summary.clauses += len(given)
        return [f"{pad}# 原文 “{_one_line(sentence)}”：写成下面分值为{_number(cap)}分的子项"]

    def _all_places_part(
        self, sentence: str, read: str, node: DNode, path: str, bonus: bool, pad: str
    ) -> list[str] | None:
        """`每个行政村均配备1名护林员的得2分，有1个村未配备的不得分` in an item of 8: the 2
        points are a part of the item, lost whole once one place fails — a sub-item of 2
        with `【有行政村未配备护林员】的，不得分` (`Drafter._all_places`), which leaves the
        item's other 6 points to its other sentences."""
        m = ALL_PLACES.match(normalise(read).strip().rstrip("。；;，, "))
        if m is None or bonus or node.points is None or node.children or node.modifiers:
            return None
        cap = m.group("p")
        if Decimal(cap) >= Decimal(node.points):
            return None
        if _no_deeper(node):
            return self._no_sub_item(sentence, path, pad, cap)
        drafted = self.drafter.sentence(read, node.title, path, False, cap)
        if not drafted.ok or len(drafted.clauses) != 1:
            self.drafter.release(drafted)
            return None
        note = f"{ALL_NOTE}有一处没做到即失去这{_number(cap)}分，写作本子项的分值"
        return self._sub_item(node, sentence, path, pad, drafted.clauses[0], cap, note)

    def _several_misses(
        self, sentence: str, read: str, node: DNode, path: str, bonus: bool, pad: str
    ) -> list[str] | None:
        """`全覆盖的得4分，每有1个乡镇服务站未建成扣1分，每有1个村服务站未建成扣0.2分` in an
        item of 10: the 4 points are a part of the item, a sub-item of 4 whose deductions
        are the kinds of miss (`Drafter._misses`, which drafts them where the points are the
        item's)."""
        n = normalise(read).strip().rstrip("。；;，, ")
        head = re.match(FULL_HEAD, n)
        if head is None or miss_reads(n) is None:
            return None
        if bonus or node.points is None or node.children or node.modifiers:
            return None
        cap = head.group("p")
        if Decimal(cap) >= Decimal(node.points):
            return None
        drafted = self.drafter.sentence(read, node.title, path, False, cap)
        if not drafted.ok or len(drafted.clauses) < 2:
            self.drafter.release(drafted)
            return None
        if _no_deeper(node):
            self.drafter.release(drafted)
            return self._no_sub_item(sentence, path, pad, cap)
        note = f"{FULL_NOTE}每少一个扣的分从这{_number(cap)}分中扣，写作本子项的分值"
        return self._sub_item(node, sentence, path, pad, list(drafted.clauses), cap, note)

    def _share_part(
        self, sentence: str, read: str, node: DNode, path: str, bonus: bool, pad: str
    ) -> list[str] | None:
        """`留言办结率达到98%的得4分，低于98%的按比例得分` in an item of 10 points: the 4
        points are a part of the item, a sub-item of 4 points (as a capped earning
        sentence, `_capped_earning`); the item's deductions take from the rest."""
        n = normalise(read).strip().rstrip("。；;，, ")
        several = self._several_misses(sentence, read, node, path, bonus, pad)
        if several is not None:
            return several
        m = AT_THEN_SHARE.match(n) or _FULL_THEN_EACH.match(n) or FULL_EACH_MISS.match(n)
        m = m or FULL_EACH_MISS_PLAIN.match(n)
        m = m or ALL_EACH_MISSING.match(n) or ALL_EACH_SHORT.match(n)
        if m is None or bonus or node.points is None or node.children or node.modifiers:
            return None
        if m.re in (ALL_EACH_MISSING, ALL_EACH_SHORT) and NEGATED.search(m.group("what")):
            return None
        cap = m.group("p")
        if Decimal(cap) > Decimal(node.points) or (
            Decimal(cap) == Decimal(node.points) and m.re is AT_THEN_SHARE
        ):
            return None
        if m.re is _FULL_THEN_EACH:
            # `覆盖率达到100%的得5分，未达到的每少1个村扣1分`: all reached earns the 5, each
            # place short takes 1 of them: the places short, counted (from the 5 only)
            said = {g: read.strip()[m.start(g) : m.end(g)] for g in ("x", "u", "noun", "e")}
            read = f"{said['x']}未达到的{said['noun']}，每{said['u']}{said['e']}"
        elif m.re is ALL_EACH_SHORT:
            # `签订责任书的得2分，每少签1家扣0.5分` in an item of 6: those short, from the 2
            read = all_each_short(ALL_EACH_SHORT.match(read.strip()) or m)
        elif m.re is ALL_EACH_MISSING:
            # `“三到位”的得3分，每缺一项扣1分` in an item of 10: the missing, from the 3 only
            read = all_each_missing(ALL_EACH_MISSING.match(read.strip()) or m)
        elif m.re in (FULL_EACH_MISS, FULL_EACH_MISS_PLAIN):
            # `各阶段工作按期完成的得6分，每有一个阶段未按期完成扣2分` in an item of 10: the
            # misses, counted from the 6 only
            said = {g: read.strip()[m.start(g) : m.end(g)] for g in ("what", "u", "e")}
            read = f"{said['what']}的，每{said['u']}{said['e']}"
        drafted = self.drafter.sentence(read, node.title, path, False, cap)
        if drafted.ok and len(drafted.clauses) == 1 and Decimal(cap) == Decimal(node.points):
            self.origin[drafted.clauses[0]] = (path, sentence)
            self.summary.sentences += 1
            self.summary.drafted += 1
            self.summary.clauses += 1
            return [
                f"{pad}# 原文 “得{_number(cap)}分” 即本项分值，由下面的扣分条款逐个扣减",
                f"{pad}- {drafted.clauses[0]}",
            ]
        if not drafted.ok or len(drafted.clauses) != 1:
            self.drafter.release(drafted)
            return None
        if _no_deeper(node):
            self.drafter.release(drafted)
            return self._no_sub_item(sentence, path, pad, cap)
        note = (
            f"{SHARE_NOTE}按比例得的分至多{_number(cap)}分，写作本子项的分值"
            if m.re is AT_THEN_SHARE
            else f"{FULL_NOTE}每少一个扣的分从这{_number(cap)}分中扣，写作本子项的分值"
        )
        return self._sub_item(node, sentence, path, pad, drafted.clauses[0], cap, note)

    def _level_tiers(
        self, sentence: str, read: str, node: DNode, path: str, bonus: bool, pad: str
    ) -> list[str] | None:
        """`主要负责同志专题研究的得2分，分管负责同志专题研究的得1分，未研究的不得分`: the
        higher level done earns its points, a lower one fewer, none nothing — a sub-item
        of the top points whose earning clauses take the highest one (就高不就低).  Where
        no sub-item can be written (other earning sentences, an item numbered （1）) and the
        last part says none was done, each level is written as what it adds instead
        (`complements.read_level_states`, drafted by the drafter)."""
        m = _level_match(read)
        if m is None or bonus or node.points is None or node.modifiers:
            return None
        if Decimal(m.group("n1")) > Decimal(node.points):
            if read_level_states(read) is None:
                return None
            # written as what each level adds, they would earn more than the item
            reason = (
                f"最高一档{_number(m.group('n1'))}分超过本项分值{_number(node.points)}分："
                "请核对原文的分值"
            )
            self.summary.sentences += 1
            return [self.summary.hold(path, sentence, reason, pad)]
        others = [
            x
            for x in _other_sentences(node, sentence)
            if _EARNED.search(normalise(x))
            and not re.search(r"每|比例", normalise(x))
            and _level_match(x) is None  # another level sentence: a sub-item of its own
        ]
        if (others or _numbered_low(node)) and read_level_states(read) is not None:
            # `…的得3分，…的得1.5分，未召开的不得分`: no sub-item needed, each level written
            # as what it adds (`complements.read_level_states`)
            return None
        if others:
            # another plain earning sentence in the item would have to go under a sub-item
            # of its own too, which the document does not give; read as they stand the two
            # levels would add up (both points for a unit that answers both): held back
            reason = (
                f"两档只取做到的最高一档（{_number(m.group('n1'))}分或{_number(m.group('n2'))}分），"
                "而本项还有别的得分句：请把此句写成分值为"
                f"{_number(m.group('n1'))}分、注明“就高不就低”的子项，本项其余得分句另写子项"
            )
            self.summary.sentences += 1
            return [self.summary.hold(path, sentence, reason, pad)]
        if _no_deeper(node):
            return self._no_sub_item(sentence, path, pad, m.group("n1"))
        clauses = []
        for group, amount in (("a", m.group("n1")), ("b", m.group("n2"))):
            name, description = name_from(m.group(group), node.title)
            trial = try_clause(f"【{name}】得{amount}分", False, f"  {name}：是否", m.group("n1"))
            if trial is None:
                return None
            clauses.append((name, amount, description))
        if clauses[0][0] == clauses[1][0]:
            return None
        final = []
        for name, amount, description in clauses:
            claimed = self.drafter.book.claim(name, "是否", "", description, path)
            final.append(f"【{claimed}】得{amount}分")
        note = f"原文按做到的最高一档计分（{_one_line(sentence)}）：几条只取最高一条"
        return self._sub_item(node, sentence, path, pad, tuple(final), m.group("n1"), note)

    def _band_tiers(
        self, sentence: str, read: str, node: DNode, path: str, bonus: bool, pad: str
    ) -> list[str] | None:
        """`3月底前印发…的得2分，4月底前印发的得1分`, `提高5个百分点以上的得3分，提高不足5个
        百分点的得1.5分…`: bands a unit meets one of, written with `且` (or a difference, a
        date between two) that the checker adds up — 3 points where the best band earns 2,
        so the item would be read as short of earning points, or over them.  A sub-item of
        the top band's points that takes the highest (就高不就低) says what they earn; where
        none can be written, each band as what it adds (`complements.read_band_steps`)."""
        if not bonus and _takes_max(node) and written_as_steps(read):
            return self._steps_under_max(sentence, path, pad)
        if bonus or node.points is None or node.modifiers:
            return None
        found = self.drafter.bands(read, path, bonus, node.points)
        if found is None:
            return None
        drafted, top = found
        others = [x for x in _other_sentences(node, sentence) if _EARNED.search(normalise(x))]
        steps = top <= Decimal(node.points) and read_band_steps(read) is not None
        if (others or _numbered_low(node)) and steps:
            # no sub-item needed: each band written as what it adds to the one below
            # (`complements.read_band_steps`), the clauses add up to the band's points
            self.drafter.release(drafted)
            return None
        if top > Decimal(node.points) or others or _no_deeper(node):
            self.drafter.release(drafted)
            reason = (
                f"几档只取做到的一档（最高{_number(str(top))}分），逐档写出时检查器按合计计分：请把此句写成分值为"
                f"{_number(str(top))}分、注明“就高不就低”的子项，条款为 “{'”、“'.join(drafted.clauses)}”"
            )
            self.summary.sentences += 1
            return [self.summary.hold(path, sentence, reason, pad)]
        note = f"原文按做到的一档计分（{_one_line(sentence)}）：几条只取最高一条"
        return self._sub_item(node, sentence, path, pad, tuple(drafted.clauses), str(top), note)

    def _steps_under_max(self, sentence: str, path: str, pad: str) -> list[str]:
        """Tiers a unit meets one of, in an item that takes its highest clause: written as
        what each tier adds, the item would keep only one of the additions."""
        reason = (
            "几档只取做到的一档，而本项写明只取最高一条（就高不就低）：逐档写出比下一档多得的分时只会取其中一条。"
            "请把此句写在不取最高的评分项下，或照原文把各档写成分值为最高一档的子项"
        )
        self.summary.sentences += 1
        return [self.summary.hold(path, sentence, reason, pad)]

    def _no_sub_item(self, sentence: str, path: str, pad: str, cap: str) -> list[str]:
        """A sentence that needs a sub-item of `cap` points under an item numbered （1）:
        the language has no lower number for it, so the sentence is held back."""
        reason = (
            f"此句须写成分值为{_number(cap)}分的子项，而本项已是 “（1）” 一级，下面没有更低一级的编号："
            "请把本项改写成上一级编号的评分项，或把此句所管的分值与本项其他句子分开写"
        )
        self.summary.sentences += 1
        return [self.summary.hold(path, sentence, reason, pad)]

    def _capped_subs(self, node: DNode, inner: str) -> list[str]:
        out: list[str] = []
        for k, (clause, cap, note) in enumerate(self.capped.pop(id(node), []), 1):
            several = isinstance(clause, tuple)
            clauses = list(clause) if isinstance(clause, tuple | list) else [clause]
            (name,) = _FACT_NAMES.findall(clauses[0])[:1]
            out += [
                f"{inner}{sub_marker(node.marker or '', k)}{name}（{_number(cap)}分）"
                + ("，就高不就低" if several else ""),
                f"{inner}  # {note}",
                *(f"{inner}  - {c}" for c in clauses),
            ]
        return out

    def _capped_bonus(self, body: list[str], node: DNode) -> list[str]:
        """`（统计分析，5分）…每篇加0.5分；…每篇加1分；本项加分最高2分`: bonuses with a cap of
        their own inside an item with points.  Whether they only win back this item's
        points (the item stays at most 5) or add to the total (a bonus sub-item, language.md
        9.21) the document does not say; drafted as they stand the cap would be lost."""
        if node.points is None or node.earned_bonus:
            return body
        caps = [
            t
            for text in scoring_text(node)
            for t in split_sentences(text)
            if _ITEM_BONUS_CAP.match(normalise(t).strip().rstrip("。；;"))
        ]
        if not caps:
            return body
        reason = (
            f"本项（{_number(node.points)}分）中的加分写明了上限 “{_one_line(caps[0])}”：加的分是只补回"
            f"本项的扣分（本项最多{_number(node.points)}分），还是在总分外另加（写成下一级评分项 "
            "“1、奖励分，加分项，最高加N分”，language.md 9.21，总分可以超过满分），原文没有写明，"
            "请照发文单位的本意改写"
        )
        return self._hold_back(body, lambda clause: bool(_BONUS.search(clause)), reason)

    def _on_time_base(self, body: list[str], node: DNode) -> list[str]:
        """`（重点工作任务，10分）按时完成的得10分；完成不及时的，每项扣2分；未完成的，每项
        扣5分`: the first sentence names nothing but the item's own tasks done on time, and
        its points are the item's: it is the base the failures below take from.  As an
        earning clause one late task would lose the 10 and 2 more (the document: 8)."""
        if node.points is None:
            return body
        book = self.drafter.book.facts
        clauses = [line.strip()[2:] for line in body if line.lstrip().startswith("- ")]
        failing = [
            c
            for c in clauses
            if _is_count_step(c, book) and _FAILED_TASK.fullmatch(_FACT_NAMES.findall(c)[0])
        ]
        if not any("未完成" in _FACT_NAMES.findall(c)[0] for c in failing):
            # only late tasks cost: as the base, a unit doing none would keep all; as
            # points, one late task would cost them and the step
            reason = (
                "此句按时完成给分，同一项又按完成不及时逐项扣分：照写，一项不及时既失全部得分又被扣分；"
                "只写扣分，从未完成的单位反而不失分。请照原文本意写明未完成的扣多少"
            )
            return self._hold_back(
                body,
                lambda c: (
                    bool(_ON_TIME_EARN.match(c))
                    and book.get(_FACT_NAMES.findall(c)[0], ("",))[0] == "是否"
                ),
                reason,
            )
        out = []
        for line in body:
            clause = line.strip()[2:] if line.lstrip().startswith("- ") else ""
            m = _ON_TIME_EARN.match(clause)
            if (
                m is None
                or Decimal(m.group(2)) != Decimal(node.points)
                or book.get(m.group(1), ("",))[0] != "是否"
            ):
                out.append(line)
                continue
            self.drafter.book.release(m.group(1))
            self.origin.pop(clause, None)
            self.summary.clauses -= 1
            pad = line[: len(line) - len(line.lstrip())]
            out.append(
                f"{pad}# 原文 “{m.group(1)}的得{m.group(2)}分” 即本项分值，由本项的扣分条款逐项扣减"
                f"（写成得分条款，一项没有按时完成就既失{m.group(2)}分又被扣分）"
            )
        return out

    def _second_slope(self, drafted: Drafted, node: DNode) -> Drafted:
        """`低于98%的，每低1个百分点扣5分；低于90%的，每低1个百分点扣10分`: as two clauses
        both slopes run over the whole gap below 90% (5 × 10 + 10 × 2 at 88%), which is
        neither reading of the document: 10 a point only below 90% on top of 5 down to 90%,
        or 10 a point over the whole gap.  The second slope stays 待处理."""
        seen = self.slopes.setdefault(id(node), [])
        for clause in drafted.clauses:
            m = _SLOPE.match(clause)
            if m is None:
                continue
            before = next(
                (
                    b
                    for b in seen
                    if b.group("f", "dir") == m.group("f", "dir") and b.group("n") != m.group("n")
                ),
                None,
            )
            if before is not None:
                return Drafted(
                    drafted.sentence,
                    (),
                    (),
                    f"同一指标按两档斜率扣分（{before.group('dir')}{before.group('n')}与{m.group('n')}），原文没有写明"
                    f"第二档是只对超出{m.group('n')}的部分另按此斜率计（写成 “【{m.group('f')}】{m.group('dir')}"
                    f"{m.group('n')}…的，每…再扣N分”，N 为两档之差），还是整个差额都按此斜率计"
                    "（写成算式或分档）：请照发文单位的本意改写",
                )
            seen.append(m)
        return drafted

    def _share_halves(self, body: list[str], share: str) -> list[str]:
        """`达到100%的，得4分；未达到的，按比例得分` with the share left 待处理: alone, the
        earning half gives 0 to a unit at 85% (the document: 3.4).  The earning clauses of
        the item stay 待处理 beside it, so that no half of the standard is scored alone."""
        reason = (
            f"此句给分，同一项的 “{_one_line(share)}” 在未达到时按比例给分，两句是同一标准的两半；"
            "只起草此句，未达到的一律不得分。请写成按比例的一条，如 “【X】每低于100%1个百分点扣N分，按比例”，"
            "或 “【X】按与【目标值】的比例得分”（language.md 第9节、第11节）"
        )
        return self._hold_back(body, lambda clause: bool(_CONDITION_EARN.match(clause)), reason)

    def _hold_back(self, body: list[str], holds, reason: str) -> list[str]:
        """The item's drafted clauses that `holds` picks turned back into `待处理` with
        `reason`: one line per sentence, however many clauses it was drafted as."""
        out: list[str] = []
        undone: set[str] = set()
        for line in body:
            clause = line.strip()[2:] if line.lstrip().startswith("- ") else ""
            if not holds(clause) or clause not in self.origin:
                out.append(line)
                continue
            where, sentence = self.origin.pop(clause)
            if sentence in undone:
                continue
            undone.add(sentence)
            self.summary.drafted -= 1
            self.summary.clauses -= 1
            pad = line[: len(line) - len(line.lstrip())]
            out.append(self.summary.hold(where, sentence, reason, pad))
        return out

    def _halves(
        self,
        body: list[str],
        path: str,
        pending: list[tuple[str, str, str]],
        sibling: str | None = None,
    ) -> list[str]:
        """`达到年度目标的，得20分；每低于目标值1个百分点扣2分` with the step left 待处理:
        the points earned on a yes/no fact are one half of a standard whose other half
        (the step) is not drafted, and alone they take all the points for any shortfall
        (1 point short: the document 18, the half 0).  Both halves stay 待处理."""
        steps = [
            t
            for p, t, why in pending
            if p == path and _STEP.search(normalise(t)) and not why.startswith(_PAIRED)
        ]
        shares = [t for p, t, _ in pending if p == path and _lone_share(t)]
        if shares:  # `得4分；未达到的，按比例得分`: what the half earns depends on the share
            return self._share_halves(body, shares[0])
        steps += [sibling] if sibling else []
        if not steps:
            return body
        reason = (
            f"此句按是否达到给分，同一项的 “{_one_line(steps[0])}” 按差额逐步扣分，两句是同一标准的"
            "两半；只起草此句，差一点也失去全部得分。请写成一条，如 “【X】达到【目标值】的得N分，"
            "每低1个百分点扣M分”，或把得分改写为按差额扣分"
        )

        against_mean = any("平均" in normalise(t) for t in steps)

        def yes_no_earn(clause: str) -> bool:
            m = _YES_NO_EARN.match(clause)
            fact = self.drafter.book.facts.get(m.group(1)) if m else None
            if fact is not None and fact[0] == "是否":
                return True
            # `平均用时低于全市平均水平的得4分` with `高于全市平均水平的，每高出10%扣1分` left:
            # the points on one side of the mean, the steps on the other — one standard
            return against_mean and "平均" in clause and bool(_EARNS_ON_MEAN.search(clause))

        return self._hold_back(body, yes_no_earn, reason)

    def _listed(
        self, sentence: str, node: DNode, path: str, bonus: bool, effect: str
    ) -> Drafted | None:
        """`有下列情形之一的，实行一票否决，…：（一）…的；（二）…的`: the effect for each listed
        condition (any one of them brings it), drafted only when every one reads."""
        clauses: list[str] = []
        facts: list[tuple[str, str, str, str]] = []
        for child in node.children:
            condition = child.title.strip().rstrip("。；;，,")
            condition = condition if condition.endswith("的") else f"{condition}的"
            drafted = self.drafter.sentence(
                f"{condition}，{effect}", child.title, path, bonus, node.points
            )
            if not drafted.ok or len(drafted.clauses) != 1:
                return None
            clauses += drafted.clauses
            facts += drafted.facts
        return Drafted(sentence, tuple(clauses), tuple(facts))

    def _full_then_failures(
        self, sentence: str, read: str, node: DNode, path: str, bonus: bool, pad: str
    ) -> list[str] | None:
        """`统计报表按期报送的得4分，…报表逾期报送的每次扣0.5分` in an item of 4, one sentence:
        as `_full_when_none_late` with the failures in the same sentence — the 4 points are
        the item's, the rest of the sentence deducts from them."""
        n = normalise(read).strip().rstrip("。；;，, ")
        m = _CLEAN_FULL_HEAD.match(n)
        if m is None or bonus or node.points is None or node.children:
            return None
        if Decimal(m.group("p")) != Decimal(node.points) or len(n) > len(read.strip()):
            return None
        rest = n[m.start("rest") :]
        subject = m.group("x")
        if "率" in subject:
            return None  # `答复按期率达到100%的得8分，每超期答复1件扣2分`: a rate's (_LATE_EACH)
        if re.search(r"得\s*\d|加\s*\d", rest) or not re.search(r"[扣减]\s*\d", rest):
            return None
        parts = [p for p in re.split(r"[,，]", rest) if p]
        steps = [f"{a}，{b}" for a, b in zip(parts, parts[1:], strict=False)] + parts
        if not _failures_of(subject, steps):
            if not _LATE_WORDS.search(rest):
                return None  # other failures (`每有一个阶段未按期完成`): read elsewhere
            # `统计报表按期报送的得4分，…报表逾期报送的每次扣0.5分`: the deductions count late
            # ones only — as a yes/no beside them a late report loses all 4, as the item's
            # points a unit that never reports keeps them: the writer says which
            points = _number(node.points)
            reason = (
                f"“得{points}分” 与同句的扣分是同一标准：照写，迟报一次既失{points}分又被扣分；"
                f"只写扣分，从未报送的单位反而不失分。请写成分值为{points}分的子项，写出各种没做到的"
                "情形各扣多少（如 漏报的每次扣1分）"
            )
            self.summary.sentences += 1
            return [self.summary.hold(path, sentence, reason, pad)]
        drafted = self.drafter.sentence(
            read.strip()[m.start("rest") :], node.title, path, bonus, node.points
        )
        if not drafted.ok:
            self.drafter.release(drafted)
            return None
        for clause in drafted.clauses:
            self.origin[clause] = (path, sentence)
        self.summary.sentences += 1
        self.summary.drafted += 1
        self.summary.clauses += len(drafted.clauses)
        note = (
            f"{pad}# 原文 “{_one_line(sentence)}”：“得{_number(node.points)}分” 即本项分值，"
            "由同句的扣分条款逐个扣减（原文没有另写扣分的情形不扣分）"
        )
        return [note, *(f"{pad}- {c}" for c in drafted.clauses)]

    def _requirement_part(
        self, sentence: str, read: str, node: DNode, path: str, bonus: bool, pad: str
    ) -> list[str] | None:
        """`补助按时足额发放的得2分，未按时发放的扣1分，未足额发放的扣2分` in an item of 8:
        the 2 points are this requirement's part of the item, and the rest of the sentence
        takes from them for each way it is missed — a sub-item of 2 points with the
        deductions only.  Drafted as it stands, a unit paid late answers the requirement
        否 and loses the 2 as well as the 1.  Only when every deduction names a failure of
        the requirement's own words (late for 按时, short for 足额) and one of them is the
        requirement not met at all (`未足额`, `未传递的本项不得分`); `本项不得分` stays on
        the item, as the document's 本项 says."""
        n = normalise(read).strip().rstrip("。；;，, ")
        m = _REQUIREMENT_HEAD.match(n)
        if m is None or bonus or node.points is None or node.children or node.modifiers:
            return None
        cap = m.group("p")
        if Decimal(cap) >= Decimal(node.points) or len(n) > len(read.strip()):
            return None
        rest = n[m.start("rest") :]
        if re.search(r"得\s*\d|加\s*\d", rest):
            return None
        parts = [p for p in re.split(r"[,，;；]", rest) if p.strip()]
        words = [w for w in _REQUIREMENT_FAILURES if w in m.group("x")]
        if not words or not all(
            any(_REQUIREMENT_FAILURES[w].search(p) for w in words) or _NEVER_DONE.search(p)
            for p in parts
        ):
            return None
        judged = [j for p in parts if (j := _JUDGED_TOP.search(p))]
        whole_judged = any(Decimal(j.group(1)) >= Decimal(cap) for j in judged)
        if not whole_judged and not any(_NEVER_DONE.search(p) for p in parts):
            return None  # late ones only: a unit that never does it would keep the points
        # the requirement names what its failures count (`…按时报送` → `…迟报`)
        subject = read.strip()[m.start("x") : m.end("x")]
        drafted = self.drafter.sentence(read.strip()[m.start("rest") :], subject, path, False, cap)
        if not drafted.ok:
            self.drafter.release(drafted)
            return None
        whole = [c for c in drafted.clauses if "不得分" in c]
        part = [c for c in drafted.clauses if "不得分" not in c]
        if not part:
            self.drafter.release(drafted)
            return None
        note = f"{FULL_NOTE}“得{_number(cap)}分” 是这一要求在本项中的分值，由同句的扣分条款逐个扣减，写作本子项的分值"
        lines = self._sub_item(node, sentence, path, pad, part, cap, note, drafted.clauses)
        return [*lines, *(f"{pad}- {c}" for c in whole)]

    def _full_when_none_late(
        self, sentence: str, read: str, node: DNode, bonus: bool, pad: str
    ) -> list[str] | None:
        """`答复在法定期限内办结率达到100%的得8分；超过法定期限答复的，每件扣2分` in an item
        of 8: the rate is 100% exactly when no reply is late, so the 8 points are the item's
        and each late reply takes 2 of them.  Drafted as it stands, one late reply would
        lose the 8 and then 2 more (the two sentences are one standard)."""
        n = normalise(read).strip().rstrip("。；;，, ")
        m = _RATE_FULL.match(n) or _PASSED_FULL.match(n) or _CLEAN_FULL.match(n)
        if m is None or bonus or node.points is None or node.children:
            return None
        if Decimal(m.group("p")) != Decimal(node.points):
            return None
        subject = m.group("x")
        sentences = [normalise(x) for t in scoring_text(node) for x in split_sentences(t)]
        if m.re is _CLEAN_FULL:
            # `档案审核无差错的得5分` beside `档案审核出现差错的，每份扣0.5分`: the failures
            # of the word are counted and deducted (差错 for 无差错; for 按时, 未按时 or
            # late ones with missing ones)
            failures = _failures_of(subject, sentences)
        else:
            miss = _LATE_EVENT if m.re is _RATE_FULL else _FAILED_EVENT
            failures = [
                x for x in sentences if (found := miss.search(x)) and found.group("v") in subject
            ]
        if not failures:
            return None
        self.summary.sentences += 1
        self.summary.drafted += 1
        if m.re is _RATE_FULL:
            said = f"{subject}达到100%即没有一件逾期"
        elif m.re is _CLEAN_FULL:
            said = f"{subject}是没有下面各种扣分情形时的分数（原文没有另写扣分的情形不扣分）"
        else:
            said = f"{subject}{m.group('ok')}即没有一次不{m.group('ok')}"
        return [
            f"{pad}# 原文 “{_one_line(sentence)}”：{said}，"
            f"本项{_number(node.points)}分由下面的扣分条款逐个扣减，无需另写条款"
        ]

    def _item_cap(
        self, sentence: str, path: str, pad: str, node: DNode, anchor: Anchor | None, cap: str
    ) -> list[str]:
        """`本项最高计4分` as a sentence of its own: when it is the item's points (or those of
        the item with points above), the points already say it; otherwise it caps some
        clauses only, which the language cannot write, and stays `待处理`."""
        self.summary.sentences += 1
        points = node.points if node.points is not None else (anchor.points if anchor else None)
        if points is not None and Decimal(points) == Decimal(cap):
            self.summary.drafted += 1
            return [
                f"{pad}# 原文 “{_one_line(sentence)}”：即本项分值{_number(points)}分，无需另写条款"
            ]
        reason = (
            f"本项分值为{_number(points)}分，此句的上限{_number(cap)}分只限本项的一部分条款，"
            "本语言还不能写：请把这些条款写成一个分值为上限的子项"
            if points is not None
            else f"本项没有分值：请照原文把 “({_number(cap)}分)” 写在评分项行上"
        )
        return [self.summary.hold(path, sentence, reason, pad)]

    def _hoist(
        self, sentence: str, drafted: Drafted, path: str, pad: str, anchor: Anchor
    ) -> list[str]:
        """The clauses go under `anchor`; a comment stays where the sentence stands."""
        self.summary.sentences += 1
        self.summary.drafted += 1
        self.summary.clauses += len(drafted.clauses)
        lines = self.hoisted.setdefault(anchor.path, [])
        lines.append(f"{anchor.pad}# 原文 {path}：{_one_line(sentence)}")
        for clause in drafted.clauses:
            self.origin[clause] = (path, sentence)
            lines.append(f"{anchor.pad}- {clause}")
        return [f"{pad}# 本项没有分值，此句的条款写在有分值的上级评分项 {anchor.path} 下"]

    def _standard_lines(self, sentences: list[str]) -> list[str]:
        """The 评分标准 sentences as clause lines: a sentence that does not read alone is
        joined to the fewest sentences before it that make a line that reads (`xize render`
        writes the clauses of a line read together — bands of one line — one after the
        other, each not a clause by itself)."""
        assert self.known is not None
        names = self.known.names

        def reads(run: list[str]) -> bool:
            return parse_clauses(bracket("；".join(run), names)) is not None

        runs: list[list[str]] = []
        for sentence in (s.strip().rstrip("。；;") for s in sentences):
            if not sentence:
                continue
            if not reads([sentence]):
                # a line of bands has a few clauses: a document cannot make this quadratic
                for k in range(len(runs) - 1, max(-1, len(runs) - 1 - _JOINED_MOST), -1):
                    joined = [s for run in runs[k:] for s in run] + [sentence]
                    if reads(joined):
                        runs[k:] = [joined]
                        break
                else:
                    runs.append([sentence])
                continue
            runs.append([sentence])
        return ["；".join(run) for run in runs]

    def standard(self, sentence: str, path: str, pad: str) -> list[str]:
        """A 评分标准 sentence of a rendered document: the appendix's names in `【】`."""
        assert self.known is not None
        self.summary.sentences += 1
        clause = bracket(sentence.strip(), self.known.names)
        parsed = parse_clauses(clause)
        if parsed is not None:
            self.origin[clause] = (path, sentence)
            self.summary.drafted += 1
            self.summary.clauses += len(parsed)
            return [f"{pad}- {clause}"]
        reason = "句式未能识别为条款"
        return [self.summary.hold(path, sentence, reason, pad)]

    def note(self, text: str) -> list[str]:
        """A note as a comment; a sentence in it that is a rule of its own (`…的，一票否决`,
        `…扣5分`) is also listed `待处理`: no item holds it, so no clause was drafted."""
        out = [f"#   {_one_line(text)}"]
        drafted = {normalise(r) for r in self.doc.band_rules}  # grade limits drafted elsewhere
        for sentence in split_sentences(text):
            bare = normalise(re.sub(r"^\s*\d+\s*[.．、]\s*", "", sentence)).rstrip("。；;")
            if bare in drafted:
                continue
            if NOTE_RULE.search(normalise(sentence)):
                reason = reason_for(sentence)
                reason = "说明中的规则，草稿没有写成条款：请写到它所管的评分项下" + (
                    "" if reason == "句式未能识别为条款" else f"；{reason}"
                )
                each = _TOTAL_TAIL.search(sentence)
                if each and re.search(r"该项|各项|每项", sentence):
                    reason = _EACH_ITEM_TOTAL_REASON.format(_number(each.group(1)))
                self.summary.sentences += 1
                out.append(self.summary.hold("说明", sentence, reason, ""))
        return out

    # ------------------------------------------------------------------- bands

    def bands(self) -> list[str]:
        if not self.doc.bands and not self.doc.band_text:
            return []
        out = ["等次："]
        above: Decimal | None = None  # the lower bound of the band before (read top-down)
        bands = self.doc.bands
        named: set[str] = set()
        twice = False  # a band named again: a quota or a condition on it
        rest_of_quota = -1  # `其余为良好` after a quota drafted as one (below)
        for k, (name, rng, source) in enumerate(bands):
            if not re.search(r"\d|其余|其他|其它", rng):
                out.append(f"  # 原文：{_one_line(source)}")  # `考核结果分为优秀、良好…`
                continue
            if k == rest_of_quota:
                out.append(f"  # 原文：{_one_line(source)}（即名额之外的单位落到的一档）")
                continue
            quota = self._top_places(k) if name in named else None
            if quota is not None:
                # `得分90分以上的超过5个的，按得分从高到低取前5名为优秀，其余为良好`: a quota
                out.append(f"  # 原文：{_one_line(source)}")
                out.append(f"  {quota}")
                rest_of_quota = k + 1
                continue
            if name in named:
                # `超过5个的，取前5名为优秀，其余为良好`: a quota's rest, not a second band
                # of that name (two would be E213, and the second never graded)
                out.append(f"  # 待处理（等次）：{_one_line(source)}（{_BAND_TWICE}）")
                twice = True
                continue
            named.add(name)
            ranged = _band_range(rng)
            line = f"{name}：{ranged}"
            low, high = _bounds(_QUOTA_AFTER.split(ranged)[0])  # `不超过1个`: no bound
            if _band_condition(rng, k == len(bands) - 1):
                # `95分以上，且全年未发生亡人事故`: a condition no band can say (the bounds
                # alone would drop it); a veto is only the lowest band's own
                barred = _barring_condition(rng)
                if barred is not None and above is None:  # the top band scored
                    # the top band's `且…未被通报批评的`: the band by its score, and the
                    # event bars it (`【年度内被通报批评】的，不得评为优秀`, language.md 5.3)
                    score, event = barred
                    line = f"{name}：{_band_range(score)}"
                    limit = _NOT_GRADED.match(f"{event}的，不得评为{name}")
                    # the limit drafted first: a band without it would drop the condition
                    if try_band(line) and limit and self._grade_rule(source, limit) is not None:
                        out.append(f"  {line}")
                        out.append(
                            f"  # 原文 “{_one_line(source)}”：条件写作条款，见评分项 “{GRADE_RULES}”"
                        )
                        above = low
                        continue
                out.append(f"  # 待处理（等次）：{_one_line(source)}（{_BAND_CONDITION}）")
                above = low
                continue
            gap = high is not None and above is not None and high < above
            if not try_band(line) or gap:
                line = f"{name}：{_top_down(low, high, above, k == len(bands) - 1)}"
            if try_band(line):
                out.append(f"  {line}")
            elif gap:
                # `75分至89.5分` under a band from 90: a total of 89.7 would belong to no
                # band (E257); which one the document means is for the writer to say
                out.append(f"  # 待处理（等次）：{_one_line(source)}（{_BAND_GAP}）")
            else:
                out.append(f"  # 待处理（等次）：{_one_line(source)}")
            above = low
        self._graded = [  # the bands written so far, for a quota to name
            line.split("：")[0].strip() for line in out[1:] if not line.lstrip().startswith("#")
        ]
        for t in self.doc.band_text:
            if NOTE_RULE.search(normalise(t)) or _QUOTA.search(normalise(t)):
                out += [line for x in _sentences_of(t) for line in self._band_rule(x, True)]
            else:
                out.append(f"  # 待处理（等次）：{_one_line(t)}")
        out += [
            line
            for t in self.doc.band_rules
            for x in _sentences_of(t)
            for line in self._band_rule(x, True)
        ]
        held = twice or any(
            line.lstrip().startswith("# 待处理（等次）") and _BAND_SOURCE_SCORE.search(line)
            for line in out[1:]
        )
        if held:
            # a grade band left 待处理 (a condition besides its score): the others alone
            # would grade every unit of that band into the next one, so the draft grades
            # none until the writer completes the block
            self.summary.bands = 0
            return ["# 等次：（有一档待处理，各档暂作注释：补全那一档后去掉各行的 “#”）"] + [
                f"#   {line.strip()}" if not line.lstrip().startswith("#") else line.strip()
                for line in out[1:]
            ]
        self.summary.bands = sum(  # a quota line (no `：`) is no band
            1
            for line in out[1:]
            if line.startswith("  ") and not line.lstrip().startswith(("#", "-")) and "：" in line
        )
        if len(out) == 1 or all(line.lstrip().startswith("#") for line in out[1:]):
            return [
                line.replace("  #", "#", 1) if line.startswith("  #") else "# 原文等次："
                for line in out
            ]
        return out

    def _band_rule(self, sentence: str, rule: bool = False) -> list[str]:
        """A sentence beside the grade lines: `实行一票否决的，考核等次为不合格` (the lowest
        grade) only says what 一票否决 means; a rule (`…的，不得评为优秀`) is listed
        `待处理` with the clause to write where it belongs; other words stay a comment."""
        sentence = sentence.strip().rstrip("。；;")
        n = normalise(sentence).strip()
        lowest = self.drafter.lowest_band
        veto = _VETO_MEANS.match(n)
        if veto and lowest and grade_name(veto.group(1)) == grade_name(lowest):
            return [f"  # 原文 “{_one_line(sentence)}”：即条款中 “一票否决” 的含义，无需另写"]
        if self._quota(n):
            return [f"  {sentence}"]
        if _QUOTA.search(n):
            reason = (
                "等次的名额（比例）限制，本语言的等次只按分数和条款评定，写不出名额：请在评定结果出来后"
                "按原文的比例人工核定"
            )
        elif not NOTE_RULE.search(n) and not (rule and _GRADE_WORDS.search(n)):
            # a sentence of a paragraph read as rules that speaks of grades stays a rule
            return [f"  # 原文：{_one_line(sentence)}"]
        else:
            reason = "等次一段中的规则，草稿没有写成条款：请写到它所管的评分项下"
            m = _NOT_GRADED.match(n)
            drafted = self._grade_rule(sentence, m) if m else None
            if drafted is not None:
                return drafted
            if m:
                name = legal_name(clean_subject(m.group(1)))
                reason += f"（如 “- 【{name}】不得评为{grade_name(m.group(2))}”）"
        self.summary.sentences += 1
        return [self.summary.hold("等次", sentence, reason, "  ")]

    def _top_places(self, k: int) -> str | None:
        """`按得分从高到低取前5名为优秀` (band k, named before), `其余为良好` after it (the band
        listed next), and `得分90分以上的乡镇超过5个的` before (90 the band's own bound):
        优秀 at most 5 by score — the quota line that says so, else None."""
        bands = self.doc.bands
        name, rng, _ = bands[k]
        top = _TOP_PLACES.match(normalise(rng).strip())
        if top is None or k + 1 >= len(bands) or bands[k + 1][1] != "其余":
            return None
        count = whole_number(top.group(1))
        first = [n for n, r, _ in bands if re.search(r"\d|其余|其他|其它", r)]
        order = list(dict.fromkeys(first))
        if order.index(name) + 1 >= len(order) or order[order.index(name) + 1] != bands[k + 1][0]:
            return None
        scored = (r for n, r, _ in bands if n == name and re.search(r"\d", r))
        low, _ = _bounds(_band_range(next(scored)))  # the band's own lower bound
        for text in (*self.doc.band_text, *self.doc.band_rules):
            when = _MORE_THAN_PLACES.search(normalise(text))
            if when and low is not None and Decimal(when.group(1)) == low:
                if whole_number(when.group(2)) == count:
                    return f"{name}等次不超过{count}个，按得分从高到低确定"
        return None

    def _quota(self, sentence: str) -> bool:
        """`优秀等次单位数量原则上不超过参加考核单位总数的30%` reads as a quota line of `等次：`:
        the language reads it whole and it names a graded band above the lowest."""
        return try_quota(sentence) in self._graded[:-1]

    def _grade_rule(self, sentence: str, m: re.Match[str]) -> list[str] | None:
        """`年度内发生档案安全事故的单位，不得评为优秀` beside the grade lines: a clause of its
        own, in an item without points after the scored ones (`等次限定`); it changes no
        score, only the grade (language.md 5.3)."""
        if re.search(r"[,，]", m.group(0)[m.end(2) :]):
            return None  # more effects after the grade
        subject = re.sub(r"^\s*\d+\s*[.．、]\s*", "", m.group(1))
        subject = _UNIT_WORDS.sub("", subject)
        names = [name for name, _, _ in self.doc.bands]
        grade = m.group(2) if m.group(2) in names else grade_name(m.group(2))
        name, description = name_from(subject, "")
        rest = f"不得评为{grade}"
        if len(name) < 2 or try_clause(f"【{name}】{rest}", False, "", None) is None:
            return None
        final = self.drafter.book.claim(name, "是否", "否", description, GRADE_RULES)
        clause = f"【{final}】{rest}"
        self.summary.sentences += 1
        self.summary.drafted += 1
        self.summary.clauses += 1
        self.origin[clause] = ("等次", sentence)
        self.grade_rules.append(f"  - {clause}")
        return [f"  # 原文 “{_one_line(sentence)}”：写作条款，见评分项 “{GRADE_RULES}”"]

    def grade_node(self) -> list[str]:
        """The item holding the grade rules, numbered after the last top-level item."""
        if not self.grade_rules:
            return []
        numbers = [
            _CN_VALUES.get(normalise(n.marker).strip().rstrip("、"), 0) for n in self.doc.nodes
        ]
        k = max([0, *numbers]) + 1
        marker = f"{_CN[k] if k < len(_CN) else '十' + _CN[k - 10]}、"
        return [
            "",
            f"{marker}{GRADE_RULES}",
            "  # 原文等次一段中的规则：只限定等次，不影响分数（language.md 5.3）",
            *self.grade_rules,
        ]

    # -------------------------------------------------------------------- data

    def data(self) -> list[str]:
        facts = self.known.declarations() if self.known is not None else self._declarations()
        self.summary.facts = len(facts)
        if not facts:
            return []
        width = max(display_width(f[0]) for f in facts) + 2
        out = ["数据："]
        for name, type_word, default, rng, description in facts:
            spec = (
                type_word
                + (f"，默认{default}" if default else "")
                + (f"，范围{rng}" if rng else "")
            )
            comment = f"  # {_one_line(description)}" if description else ""
            out.append(f"  {name}：{' ' * (width - display_width(name))}{spec}{comment}")
        return out

    def _declarations(self) -> list[tuple[str, str, str, str, str]]:
        """The facts the clauses of the draft read (a clause turned back into 待处理
        leaves its fact unread: it is not declared)."""
        return [
            (n, t, d, "", desc)
            for n, (t, d, desc) in self.drafter.book.facts.items()
            if f"【{n}】" in self.used
        ]

    # -------------------------------------------------------------------- all

    def write(self) -> str:
        body: list[str] = []
        starts: dict[int, int] = {}  # top-level node → where its lines start in body
        for node in self.doc.nodes:
            body.append("")
            starts[id(node)] = len(body)
            body += self.node(node, 0, "")
        tail = self.bands()
        if tail and tail[0].startswith("# 等次：（") and self.drafter.highest_band:
            body = self._awards_ungraded(body)
        body += self.grade_node()
        body = self._total_lines(body, starts)
        if self.doc.notes:
            tail += ["", "# 原文说明："] + [line for n in self.doc.notes for line in self.note(n)]
        self.used = "\n".join(x for x in body + tail if x.lstrip().startswith("- "))
        head = self.header()
        data = self.data()
        parts = head + ([""] + data if data else []) + body + ([""] + tail if tail else [])
        return "\n".join(parts).rstrip("\n") + "\n"


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip()


def _below(node: DNode):
    """Every node under `node` (not itself)."""
    for child in node.children:
        yield child
        yield from _below(child)


def _path_part(marker: str) -> str:
    return normalise(marker).strip().rstrip("、.").strip()


_NUM = r"(\d+(?:\.\d+)?)"
_LOW = (
    re.compile(rf"{_NUM}\s*分?\s*(?:\(含(?:{_NUM}分?)?\))?\s*(?:及?以上(?!\s*\(不含)|至)"),
    re.compile(rf"(?:≥|>=|不低于|不少于|不小于)\s*{_NUM}"),
    re.compile(rf"{_NUM}\s*分?\s*(?:≤|<=)"),
)
# 低于 only where no 不 turns it around: `不低于0.01分` is a lower bound, not an upper one
_HIGH = (
    re.compile(rf"(?:不满|不足|(?<!不)低于|<|＜|不高于|不超过|不大于)\s*{_NUM}"),
    re.compile(rf"至\s*{_NUM}"),
    re.compile(rf"{_NUM}\s*分?\s*以下"),
)


def _bounds(rng: str) -> tuple[Decimal | None, Decimal | None]:
    """The lower bound (inclusive) and the upper bound a grade line states, as numbers."""
    n = normalise(rng)
    low = next((m for m in (p.search(n) for p in _LOW) if m), None)
    high = next((m for m in (p.search(n) for p in _HIGH) if m), None)
    return (
        Decimal(low.group(1)) if low else None,
        Decimal(high.group(1)) if high else None,
    )


_BAND_GAP = "与上一档之间有空档，落在其中的总分不属于任何等次：请写 “N分以上”（等次从上到下比对），或照原文补齐"


def _top_down(low: Decimal | None, high: Decimal | None, above: Decimal | None, last: bool) -> str:
    """Grades are read from the top, the first that holds wins (language.md 第12节): a band
    `[80, 90)` under one starting at 90 is `80分以上`, and the last band, below the one
    before, is `其余`.  Only where the stated upper bound meets the band above (or falls
    0.1 or 0.01 short of it: `80分至89.9分`, `80分至89.99分` — a total of 89.95 is no less
    良好 than 89.9, and written as stated it would belong to no band, E257); anything else
    is left as written."""
    meets = (
        high is not None
        and above is not None
        and above - high in (0, Decimal("0.01"), Decimal("0.1"))
    )
    if low is not None and (high is None and above is None or meets):
        return f"{_number(str(low))}分以上"
    if low is None and last and meets:
        return "其余"
    return ""


def _band_range(rng: str) -> str:
    """`60分（含）至80分（含）` (a rendered band) reads as the language's `60分至80分`, a
    quota after it (`，不超过参加考核单位总数的10%`) kept."""
    m = re.fullmatch(
        r"(\d+(?:\.\d+)?)分[（(]含[）)]至(\d+(?:\.\d+)?)分[（(]含[）)](.*)", normalise(rng).strip()
    )
    if m:
        return f"{m.group(1)}分至{m.group(2)}分{m.group(3).replace(',', '，')}"
    text = rng.strip().rstrip("。；;")
    for pattern, word in _SAID_INCLUSIVE:
        text = pattern.sub(lambda found, word=word: f"{word}{found.group(1)}分", text)
    return text


#: `90分以上（不含90分）`, `60分以下（含）`: whether the bound is in the band, said beside it,
#: in the words that say so whatever the 边界 header (超过, 低于, 不低于, 不超过).  Read
#: as `90分以上`, `（不含）` would be dropped and a total of exactly 90 graded 优秀.
_SAID_INCLUSIVE = tuple(
    (re.compile(rf"(\d+(?:\.\d+)?)\s*分?\s*{side}\s*[(（]\s*{said}(?:\s*\1\s*分?)?\s*[)）]"), word)
    for side, said, word in (
        ("以上", "不含", "超过"),
        ("以下", "不含", "低于"),
        ("以上", "含", "不低于"),
        ("以下", "含", "不超过"),
    )
)


_TITLE_WORDS = re.compile(r"细则|考评|考核|评分|办法|方案")


_TITLE_END = re.compile(r"(细则|细那么|办法|方案|评分标准)$")


def _title_from(preamble: list[str]) -> str:
    for line in preamble:
        for piece in reversed(re.split(r"\s+", line.strip())):
            piece = re.sub(r"^第.{1,3}篇[:：]?", "", piece)
            if _TITLE_END.search(piece) and 4 <= len(piece) <= 60:
                return piece
    for line in reversed(preamble):
        for piece in reversed(re.split(r"\s+", line.strip())):
            if _TITLE_WORDS.search(piece) and 4 <= len(piece) <= 60:
                return piece
    return ""


def _year_from(texts: list[str]) -> int | None:
    for text in texts:
        m = re.search(r"(20\d{2}|19\d{2})\s*年", normalise(text))
        if m:
            return int(m.group(1))
    return None


def write_draft(doc: Doc, name: str) -> Draft:
    """The draft of a read document, settled so that every clause compiles in place."""
    writer = _Writer(doc, name)
    with boundary(doc.boundary):
        text = writer.write()
    text = _settle(text, writer.summary, writer.origin)
    if writer.known is None:  # a rendered policy reads back as it was written
        text, _ = split_earned(text)
        text = _hold_unfilled(text, writer.summary, writer.origin)
    return Draft(text, writer.summary)


def _hold_unfilled(text: str, summary: Summary, origin: dict[str, tuple[str, str]]) -> str:
    """Earning clauses of an item that earn less than its points and cannot get a
    sub-item of their own go back to `待处理`: written there, every unit would lose the
    rest of the item's points.  The item has sub-items already (or modifiers), or it is
    numbered （1）, with no lower number for one."""
    text = _hold_lines(
        text,
        summary,
        origin,
        unfilled(text),
        "写在有子项的评分项下，得分条款合计不到本项分值：照写，每个单位都得不满本项。请照原文给这句所在的"
        "小项写上分值（原文没有写的，请向发文单位确认），把条款写在小项下",
    )
    text = _hold_lines(
        text,
        summary,
        origin,
        whole_item(text),
        "合计不到本项分值，而句中的 “本项不得分” 管整个评分项：单列为子项会只管子项，照写则每个单位都得不满本项。"
        "请把得分部分写在子项下，把 “…的，本项不得分” 作为本项自己的条款写在本项下",
    )
    return _hold_lines(
        text,
        summary,
        origin,
        unmoved(text),
        "合计不到本项分值，而本项已是 “（1）” 一级，不能把它单列为子项：照写，每个单位都得不满本项。"
        "请把本项改写成上一级编号的评分项，或把这句所管的分值与本项其他句子分开写",
    )


def _hold_lines(
    text: str,
    summary: Summary,
    origin: dict[str, tuple[str, str]],
    numbers: list[int],
    why: str,
) -> str:
    lines: list[str | None] = list(text.split("\n"))
    undone: set[str] = set()
    held: set[str] = set()  # the facts of the clauses held back
    for number in numbers:
        line = lines[number - 1] or ""
        clause = line.strip()[2:]
        held.update(_FACT_NAMES.findall(clause))
        path, sentence = origin.get(clause, ("", clause))
        pad = line[: len(line) - len(line.lstrip())]
        reason = f"拟写的得分条款 “{clause}” {why}"
        summary.clauses -= 1
        if sentence not in undone:
            undone.add(sentence)
            summary.drafted -= 1
            lines[number - 1] = summary.hold(path, sentence, reason, pad)
        else:
            lines[number - 1] = None  # the sentence's other clause: one 待处理 line says it
    _drop_unread(lines, held, summary)
    return "\n".join(line for line in lines if line is not None)


def _drop_unread(lines: list[str | None], held: set[str], summary: Summary) -> None:
    """A fact only the held clauses read is no longer declared (it would be required data
    that scores nothing)."""
    used = "\n".join(x for x in lines if x is not None and x.lstrip().startswith("- "))
    for k, line in enumerate(lines):
        if line is None or not line.startswith("  ") or "：" not in line:
            continue
        name = line.split("：", 1)[0].strip()
        if name in held and f"【{name}】" not in used and _DATA_LINE.match(line):
            lines[k] = None
            summary.facts -= 1


def _settle(
    text: str, summary: Summary, origin: dict[str, tuple[str, str]], rounds: int = 5
) -> str:
    """Turn clause lines with errors back into `待处理` until the draft has none there."""
    for _ in range(rounds):
        source = Source(text, "<draft>")
        tree, diagnostics = parse(source)
        if tree is not None and not any(d.is_error for d in diagnostics):
            diagnostics = list(diagnostics) + check.check(tree, source)
        bad = {d.span.line for d in diagnostics if d.is_error}
        lines = text.split("\n")
        clause_lines = {i + 1 for i, line in enumerate(lines) if line.lstrip().startswith("- ")}
        hit = bad & clause_lines
        if not hit:
            return text
        held: dict[tuple[str, str], int] = {}  # sentence → the line its 待处理 takes
        out: list[str | None] = list(lines)
        for number in sorted(hit):
            line = lines[number - 1]
            pad = line[: len(line) - len(line.lstrip())]
            clause = line.strip()[2:]
            key = origin.get(clause, ("", clause))
            if key in held:
                continue
            why = next(d for d in diagnostics if d.is_error and d.span.line == number)
            reason = f"拟写的条款 “{clause}” 在草稿中不能编译：{why.code} {why.message()}"
            out[number - 1] = summary.hold(key[0], key[1], reason, pad)
            held[key] = number
            summary.drafted -= 1
        # the other clauses of a sentence held back go with it: half a sentence drafted
        # would score what the sentence does not say
        facts: set[str] = set()
        for number in clause_lines:
            clause = lines[number - 1].strip()[2:]
            key = origin.get(clause, ("", clause))
            if key in held:
                summary.clauses -= 1
                facts.update(_FACT_NAMES.findall(clause))
                if held[key] != number:
                    out[number - 1] = None
        _drop_unread(out, facts, summary)
        text = "\n".join(line for line in out if line is not None)
    return text


#: A line of the 数据 block: `  名称：  类型，默认0  # 说明`.
_DATA_LINE = re.compile(r"^  [^\s：#][^：#]*：\s*[^\s#]")
_TAKE_MAX = ("就高不就低", "不重复计分")
_COMPARED = re.compile(r"达到|低于|高于|以上|以下|以内|超过|不足|不低于|不少于|少于|多于|每")


#: `A的得2分，B的得1分，未…的不得分`: levels of one thing done, the highest counted; the
#: last part says none was done (`均未建成的`, `仍按部门分设窗口的`), never a penalty.
def _level_match(sentence: str) -> re.Match[str] | None:
    """The levels of a sentence `_level_tiers` makes a sub-item of: two that earn, the
    lower less (tiers of a rate or a count are read as tiers elsewhere)."""
    m = _LEVEL_TIERS.match(normalise(sentence).strip().rstrip("。；;，, "))
    if m is None or any(_COMPARED.search(m.group(g)) for g in ("a", "b")):
        return None
    return m if 0 < Decimal(m.group("n2")) < Decimal(m.group("n1")) else None


_LEVEL_TIERS = re.compile(
    r"^(?P<a>[^,，;；\d%]{4,}?)的\s*[,，]?\s*得\s*(?P<n1>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*"
    r"(?P<b>[^,，;；\d%]{2,}?)的\s*[,，]?\s*得\s*(?P<n2>\d+(?:\.\d+)?)\s*分"
    r"(?:\s*[,，;；]\s*(?:(?:均|都|全部)?(?:未|没有|无|不)|仍)[^,，;；]{0,20}?的?\s*[,，]?\s*不得分)?$"
)
#: A sentence that takes only the highest of the bonuses before it.
_HIGHEST_ONLY = re.compile(
    r"(?:同一(?:事项|年度|项目|成果)[^，,。；;]{0,10}?[，,]?)?按最高(?:级别|等次|档次)?(?:计分|加分|计算|计)"
    r"(?:[，,]\s*不(?:重复|累计)(?:加分|计分))?|就高不就低|不重复加分|不累计加分"
)
_CHOICE = re.compile(r"(?:得|计|记|加|奖)\s*(?:\d|\(|（|满分)")


def _choices(lines: list[str]) -> int:
    """Drafted clauses that earn or add points: what 就高不就低 chooses among."""
    return sum(1 for line in lines if line.lstrip().startswith("- ") and _CHOICE.search(line))


#: `按得分从高到低取前5名`: a band named again as the first places of a ranking.
_TOP_PLACES = re.compile(
    r"^按(?:考核|考评)?(?:得分|总分|分数)\s*(?:从高到低|由高到低)\s*(?:排名|排序)?\s*取前\s*(\d+|[一二三四五六七八九十]+)\s*名$"
)
#: `得分90分以上的乡镇超过5个的`: when the places above apply.
_MORE_THAN_PLACES = re.compile(
    r"(\d+(?:\.\d+)?)\s*分以上的?[^,，;；]{0,8}?超过\s*(\d+|[一二三四五六七八九十]+)\s*个"
)
_BAND_TWICE = (
    "这一档前面已有分数段，这里又给它名额或条件（如只取前N名、其余为某档）；本语言的等次只按分数评定，"
    "名额请在评定后另行处理，或写成等次限定条款"
)


def _takes_max(node: DNode) -> bool:
    """The item takes only its highest earning clause (`，就高不就低`)."""
    return any(m in _TAKE_MAX for m in node.modifiers)


def _other_sentences(node: DNode, sentence: str) -> list[str]:
    """The item's sentences other than `sentence` (compared as normalised)."""
    this = normalise(sentence).strip()
    return [
        x for t in scoring_text(node) for x in split_sentences(t) if normalise(x).strip() != this
    ]


def _numbered_low(node: DNode) -> bool:
    """An item numbered （1） or ①: tiers there are written as increments on the item
    rather than as a sub-item one level further down."""
    return (
        _no_deeper(node)
        or re.fullmatch(r"\s*[（(]\s*\d+\s*[)）]\s*", node.marker or "") is not None
    )


def _no_deeper(node: DNode) -> bool:
    """An item numbered ①: the outline has no lower level for a sub-item of it (below
    （1） the language has ①, language.md 4.1)."""
    return re.fullmatch(r"\s*[\u2460-\u2473]\s*", node.marker or "") is not None


#: `补助按时足额发放的得2分，…`: a requirement with its words of time, amount or care,
#: then the ways it is missed.
_REQUIREMENT_HEAD = re.compile(
    r"^(?P<x>[^;；,，]*?(?:按时|按期|及时|足额|按月|按季|小时内|日内|无差错|无错误|全面|到位)[^;；,，]*?)的\s*"
    r"[,，]?\s*得\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*(?P<rest>.+)$"
)
#: The failures of each word of a requirement, as a deduction names them.
_LATE = re.compile(r"未按时|不按时|未按期|不及时|未及时|逾期|超时|迟|延误|超过")
_REQUIREMENT_FAILURES = {
    "按时": _LATE,
    "按期": _LATE,
    "及时": _LATE,
    "按月": _LATE,
    "按季": _LATE,
    "小时内": _LATE,
    "日内": _LATE,
    "足额": re.compile(r"未足额|不足额|不足|少发|未发放|未足"),
    "无差错": re.compile(r"差错|错误"),
    "无错误": re.compile(r"差错|错误"),
    "全面": re.compile(r"不到位|未到位|未全面|不全面|未落实|不全"),
    "到位": re.compile(r"不到位|未到位"),
}
#: `视情况扣1-3分`: a judged deduction whose top takes all of the requirement's points
#: covers it not done at all.
_JUDGED_TOP = re.compile(
    r"(?:视|根据|酌情)[^，,；;]{0,8}?扣\s*\d+(?:\.\d+)?\s*分?\s*(?:至|到|-|—|~|～)\s*(\d+(?:\.\d+)?)\s*分"
)
#: A deduction for the requirement not met at all (not only late).
_NEVER_DONE = re.compile(r"未足额|不足额|未(?!按时|按期|及时)[^\d,，;；的]{1,6}|漏|不得分")


#: `【X】低于全市平均水平的得4分`: points for one side of the mean.
_EARNS_ON_MEAN = re.compile(
    r"^【[^】]+】\s*(?:低于|高于|不低于|不高于|达到|超过)[^，,；;]*平均[^，,；;]*的?\s*得\s*\d"
)
