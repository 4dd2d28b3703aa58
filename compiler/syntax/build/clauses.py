"""Clause lines → the clause forms of LANGUAGE.md §5.

The grammar only says how a clause is shaped (a head, a step `每…`, effects, tails);
which form it is — per unit, threshold, missing items, condition… — is decided here
from the parts (LANGUAGE.md §10): a head that compares and a step verb make a
threshold, the same head with a counting verb a conditional per-unit clause.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.messages import details
from ...source.text import Span
from .. import ast
from .. import keywords as kw
from ..lark_import import Token
from ..numerals import cn_to_int
from .spans import span_of, sub_span, token_span
from .terms import (
    MAX_DEPTH,
    CondSeq,
    EachOf,
    Elided,
    RefList,
    Subject,
    TermsMixin,
    Tiers,
    Versus,
    comparison_word,
    expression_depth,
    value_key,
)

_NUMBER = re.compile(r"\d+(?:\.\d+)?|[" + kw.CN_NUMERAL_CHARS + "]+")
_RANGE = re.compile(
    r"(?P<low>\d+(?:\.\d+)?|["
    + kw.CN_NUMERAL_CHARS
    + r"]+)[ \t]*分?[ \t]*"
    + kw.alternation(kw.RANGE_SEPARATORS)
    + r"[ \t]*(?P<high>\d+(?:\.\d+)?|["
    + kw.CN_NUMERAL_CHARS
    + "]+)"
)
_TAILS = ("CAP_T", "UNTIL_ZERO", "ROUND_CEIL", "ROUND_RATIO", "ROUND_PLACES")
#: The fact a share names (`按【完成率】与最高值的比例…`).
_NAMED = re.compile(r"【([^】]+)】")
#: `按A与B之比` / `按A占B的比例`: the two sides of a ratio written out.
_RATIO = re.compile(r"按[ \t]*([^与占【】]*)(?:与|占)")
_BEST_MENTION = re.compile(r"最|首位|第一名|第1名")
#: The two sides of a written ratio (`按其签约金额占最高值的比例`): who (本单位, 其; 全市
#: 最高, 第1名…) and the value named (`签约金额`, or a plain 值/数值).
_RATIO_SIDES = re.compile(
    r"按[ \t]*(?P<a>[^与占【】]*)(?:与|占)[ \t]*(?P<b>[^【】]*?)的?(?:之比|比值|比例)"
)
_RATIO_WHO = re.compile(
    r"^(?:"
    + "|".join(
        sorted(
            {
                *(w for w in kw.AVERAGE_SCOPE_WORDS if len(w) > 1),
                *kw.AVERAGE_SHARE_OWN,
                "其",
                "本单位",
                "该单位",
                "各单位",
                "首位",
                "第一名",
                "第1名",
            },
            key=len,
            reverse=True,
        )
    )
    + r"|最[高低多少大小长短好优快慢])*(?:的|者)?(?:单位|县区|乡镇|部门)?的?"
)
#: Facts named for no measure of their own (`【指标】`): the document's measure word
#: (`人数`, `浓度`) names them — unless it is another year's value.
_GENERIC_FACTS = frozenset({"指标", "指标值", "数据", "数值", "值", "得分"})
_OTHER_TIME = re.compile(r"上年|去年|上一年|往年|历年|前一年|近[\d一二三四五]年|同期")
_RATIO_PLAIN = frozenset((*kw.AVERAGE_SHARE_PLAIN, "值", "者", "数值", "分", "得分", "成绩"))


def _named_by(subject: object, verb: str | None) -> bool:
    """The fact's name says the verb (`逾期` in 【逾期天数】): what it counts is already that."""
    return (
        isinstance(subject, ast.Ref)
        and verb is not None
        and len(verb) >= 2
        and verb in subject.name
    )


def _share_nouns(text: str) -> tuple[str, ...]:
    """The values a written ratio names, past who it is of: `签约金额` in `按其签约金额占
    最高值的比例`, `上年完成率` in `按本单位上年完成率与最高值之比` (held to the subject)."""
    found = _RATIO_SIDES.search(text)
    if found is None:
        return ()
    nouns = []
    for side in (found["a"], found["b"]):
        side = side.strip()
        noun = side[_RATIO_WHO.match(side).end() :]
        if noun not in _RATIO_PLAIN:
            nouns.append(noun)
    return tuple(nouns)


def _share_order(text: str) -> str | None:
    """Which side of a written ratio names the best: "best_first" (`按最低值与本单位数值
    之比`), "own_first" (`按其金额占最高值的比例`); None for `按与最高者的比例` (one side)."""
    found = _RATIO.match(text)
    if found is None or not found[1].strip():
        return None
    return "best_first" if _BEST_MENTION.search(found[1]) else "own_first"


def _steps_from(target: object, head: object) -> bool:
    """A standard's steps count from the standard: `每低1个百分点`, or the standard named
    again (`达到平均水平的得满分，每低于平均水平1个百分点…`, `达到90%的得满分，每低于90%
    一个百分点…`); another value there is refused (from which does it count?)."""
    if target is None:
        return True
    if isinstance(target, ast.Num) and isinstance(head, ast.Compare):
        # `达到90%的得满分，每低于90%一个百分点扣0.5分`: the standard said again
        right = head.right
        return isinstance(right, ast.Num) and (right.value, right.unit) == (target.value, "%")
    return (
        isinstance(target, ast.Average)
        and target.offset is None
        and isinstance(head, ast.Compare)
        and isinstance(head.right, ast.Average)
        and head.right.offset is None
        and getattr(target, "param", None) == getattr(head.right, "param", None)
    )


def _order_of(text: str) -> str:
    """The direction an ORDER token states (`从高到低`, `按全市由低到高`, `…的顺序`)."""
    return next(kw.RANK_ORDERS[word] for word in kw.RANK_ORDERS if word in text)


#: The best words, longest first: a BEST token ends with the first that fits.
_BEST_LONGEST_FIRST = tuple(sorted(kw.BEST_WORDS, key=len, reverse=True))


def _best_order(text: str) -> str:
    """The direction a BEST token states (`最高者`, `全市最少的`, `最短的单位`): the
    longest best word it ends with."""
    return next(kw.BEST_WORDS[word] for word in _BEST_LONGEST_FIRST if text.endswith(word))


#: `迟报一次`, `有一处不符合`, `一项未录入`: the parts of a step written without 每.
_ONCE = re.compile(
    "^(?:" + re.escape(kw.ONCE_PRE) + ")?(?P<verb>" + kw.alternation(kw.ONCE_VERBS) + ")?"
    r"(?P<num>\d+(?:\.\d+)?|[" + kw.CN_NUMERAL_CHARS + "]+)"
    "(?P<unit>" + kw.alternation(u for u in kw.UNITS if u != kw.POINTS_UNIT) + ")"
    "(?P<post>.*)$"
)
#: Verbs of a missing-items clause (`每缺1项`): the listed facts are 是否 items.
_MISSING_VERBS = frozenset({"缺", "缺少", "缺失", "漏"})
_OUTCOMES = (ast.NoScore, ast.Override, ast.Disqualify, ast.Veto, ast.Label)
#: The `word` of a threshold whose standard is named by `与【X】相比`.
VERSUS_WORD = "与…相比"
_EFFECT_CLASSES = {"扣": ast.Deduct, "得": ast.Earn, "加": ast.Bonus}


@dataclass(frozen=True)
class Step:
    """`每…` as read: the Per, and the target named in it (`每低于全市平均值…`)."""

    per: ast.Per
    target: ast.Expr | None
    #: `超出部分每…`: the steps count from the condition's own bound (only meaningful after
    #: `低于平均值5个百分点的`, where the bound and the average differ).
    beyond: Span | None = None


@dataclass(frozen=True)
class RatioEarn:
    """`【完成率】按完成比例得分`, until its item's points are known."""

    ref: ast.Ref
    span: Span
    text: str


#: The `word` of the Earn a RatioEarn becomes: the checker requires a 百分比 fact there.
RATIO_WORD = "按比例得"
_AVERAGE_SHARE = re.compile(kw.average_share_pattern(groups=True))
_AVERAGE_NOUNS = kw.AVERAGE_SHARE_PLAIN
#: The `word` of the Earn an AverageShare becomes.
AVERAGE_SHARE_WORD = "按占平均值的比例得"


def _said_floor(children: list) -> ast.Num | None:
    """`，最低得4分` after a step down by place: no place earns less (None: 0)."""
    said = next((t for t in children if isinstance(t, Token) and t.type == "STEP_FLOOR"), None)
    return None if said is None else _floor_num(said)


def _step_down(span: Span, step: ast.Num, floor: ast.Num | None) -> ast.RankRule:
    """The rest rule that earns `step` less for each place after those named before."""
    return ast.RankRule(None, False, True, None, (), "", False, span, step=step, floor=floor)


@dataclass(frozen=True)
class SoOn:
    """`依此类推` after places with points: a step rule once the rules before it say the
    step (`_so_on`)."""

    span: Span
    floor: ast.Num | None


@dataclass(frozen=True)
class AverageShare:
    """`按本单位完成率占平均完成率的比例计分`, until its clause's subject and its item's
    points are known: 得(points × 【X】 ÷ 平均值)分.  `nouns` are the names written for
    the unit's value and the average (each must end the subject's name, E256)."""

    span: Span
    nouns: tuple[str, ...]
    #: The average as written (`占全市平均完成率`): its words are checked like any
    #: average's (E258, E262).
    average: ast.Average


def for_item(clauses: list, points: ast.Num | None, diags: list) -> list:
    """The clauses of one item, with `按完成比例得分` turned into 得(points × rate ÷ 100)分;
    an item without points cannot be earned in proportion (E208)."""
    out = []
    for clause in clauses:
        if isinstance(clause, ast.ConditionClause):
            clause = _average_shares(clause, points, diags)
        if isinstance(clause, RatioEarn):
            if points is None:
                diags.append(Diagnostic("E208", clause.span, {"effect": "按完成比例得分"}))
                continue
            hundred = ast.Num(Decimal(100), None, clause.span, "")
            whole = ast.Num(points.value, "分", clause.span, "")
            rate = ast.BinOp("/", clause.ref, hundred, clause.span)
            amount = ast.BinOp("*", rate, whole, clause.span)
            earn = ast.Earn(amount, clause.span, RATIO_WORD)
            clause = ast.ConditionClause(None, (earn,), (), None, clause.span, clause.text)
        out.append(clause)
    return out


def _mean_side(clause: object) -> tuple[str, kw.Comparison, ast.Compare] | None:
    """(fact, comparison, the Compare) of `【X】高于平均值的…`: a clause comparing a fact
    with the batch mean itself (no offset, no best)."""
    if not isinstance(clause, ast.ConditionClause):
        return None
    return _mean_compare(clause.condition)


def _mean_compare(cond: object) -> tuple[str, kw.Comparison, ast.Compare] | None:
    """(fact, comparison, the Compare) of `【X】高于平均值`, or None."""
    if not (isinstance(cond, ast.Compare) and isinstance(cond.left, ast.Ref)):
        return None
    right = cond.right
    if not isinstance(right, ast.Average) or right.offset is not None or right.best:
        return None
    word = kw.COMPARE_BEFORE.get(cond.word) or kw.COMPARE_AFTER.get(cond.word)
    return None if word is None else (cond.left.name, word, cond)


def at_the_mean(clauses: list, points: ast.Num | None, diags: list) -> list:
    """`【X】高于平均水平的得5分；低于平均水平的，按本地X占平均水平的比例计分`: a unit exactly
    on the mean is named by neither.  Where the share gives it the same (points × mean ÷
    mean = the 5 above), 低于 is read 不高于 and the unit earns 5 either way; where both
    sides earn fixed points (`高于…得5分；低于…得3分`), it would earn nothing — refused
    (E116) with the writings that place it."""
    sides: dict[str, list[tuple[int, kw.Comparison]]] = {}
    for index, clause in enumerate(clauses):
        found = _mean_side(clause)
        if found is not None:
            sides.setdefault(found[0], []).append((index, found[1]))
    out = list(clauses)
    for name, pairs in sides.items():
        if any(_exactly_the_mean(c) == name for c in clauses):
            continue  # `与平均水平持平的得3分` between them places the unit on the mean
        above = [i for i, w in pairs if w.direction == "ge" and not w.inclusive]
        below = [i for i, w in pairs if w.direction == "le" and not w.inclusive]
        if len(above) != 1 or len(below) != 1 or len(pairs) != 2:
            continue
        high, low = out[above[0]], out[below[0]]
        earned = [e for e in high.effects if isinstance(e, ast.Earn)]
        shares = [
            e for e in low.effects if isinstance(e, ast.Earn) and e.word == AVERAGE_SHARE_WORD
        ]
        full = (
            points is not None
            and len(earned) == len(high.effects) == 1
            and isinstance(earned[0].amount, ast.Num)
            and earned[0].amount.value == points.value
        )
        if shares and full and len(low.effects) == 1 and not high.otherwise:
            cond = low.condition
            out[below[0]] = dataclasses.replace(
                low, condition=dataclasses.replace(cond, word="不高于")
            )
        elif all(isinstance(e, ast.Earn) for e in high.effects + low.effects) and not (
            high.otherwise or low.otherwise
        ):
            text = f"{high.condition.word}平均值…{low.condition.word}平均值"
            why = (
                "高于、低于平均值各得其分，恰好等于平均值的单位两条都不适用（得0分），"
                "原文没有说明它得几分"
            )
            why_en = (
                "points above and below the mean: a unit exactly on the mean meets "
                "neither (and earns 0); the text does not say what it earns"
            )
            args = {
                "text": text,
                "why": why,
                "why_en": why_en,
                "suggest": "把恰好等于平均值的单位写进其中一档：前一档写 不低于平均值的，"
                "或后一档写 不高于平均值的",
                "suggest_en": "put a unit on the mean in one tier: 不低于平均值的 in the "
                "first, or 不高于平均值的 in the second",
            }
            diags.append(Diagnostic("E116", low.condition.span, args))
    return out


def _exactly_the_mean(clause) -> str | None:
    """The fact whose units exactly on the batch mean the clause takes (`与平均水平持平的`,
    read by `mean_bands` as 不低于 and 不高于 the mean), or None."""
    cond = getattr(clause, "condition", None)
    if not isinstance(cond, ast.And) or len(cond.operands) != 2:
        return None
    sides = [_mean_compare(part) for part in cond.operands]
    if any(side is None for side in sides):
        return None
    names = {side[0] for side in sides}  # type: ignore[index]
    words = {side[2].word for side in sides}  # type: ignore[index]
    return names.pop() if words == {"不低于", "不高于"} and len(names) == 1 else None


def _average_shares(clause: ast.ConditionClause, points: ast.Num | None, diags: list):
    """`低于平均完成率的，按本单位完成率占平均完成率的比例计分`: the share becomes
    得(points × 【X】 ÷ 平均值)分, 【X】 the fact the clause compares with its average."""
    shares = [e for e in clause.effects + clause.otherwise if isinstance(e, AverageShare)]
    if not shares:
        return clause
    subject = _compared_fact(clause.condition)
    for share in shares:
        if points is None:
            diags.append(Diagnostic("E208", share.span, {"effect": "按占平均值的比例计分"}))
            return None
        if subject is None:
            diags.append(
                Diagnostic(
                    "E101",
                    share.span,
                    {
                        "found": "“按…占平均值的比例计分”",
                        "found_en": "“按…占平均值的比例计分”",
                        "expected": "与平均值比较的条件，如 【完成率】低于平均值的，按本单位完成率占平均完成率的比例计分",
                        "expected_en": "a comparison with the average first, e.g. "
                        "【完成率】低于平均值的，按本单位完成率占平均完成率的比例计分",
                        "did_you_mean": "",
                        "did_you_mean_en": "",
                    },
                )
            )
            return None
        for noun in share.nouns:
            if noun and not kw.tail_of(subject.name, noun):
                written = noun
                diags.append(
                    Diagnostic("E256", share.span, {"written": written, "name": subject.name})
                )
                return None

    def resolve(effect: object) -> object:
        if not isinstance(effect, AverageShare):
            return effect
        assert subject is not None and points is not None
        whole = ast.Num(points.value, "分", effect.span, "")
        ratio = ast.BinOp("/", subject, effect.average, effect.span)
        amount = ast.BinOp("*", ratio, whole, effect.span)
        return ast.Earn(amount, effect.span, AVERAGE_SHARE_WORD)

    return dataclasses.replace(
        clause,
        effects=tuple(resolve(e) for e in clause.effects),
        otherwise=tuple(resolve(e) for e in clause.otherwise),
    )


#: The side of a standard that earns, for each direction of the steps after it: at or
#: below the bound when the excess is deducted, at or above it when the shortfall is.
#: Words whose bound is always included (never changed by the header's 边界).
_STANDARD_SIDE = {
    "excess": (
        "不超过",
        "不高于",
        "不多于",
        "不大于",
        "未超过",
        "至多",
        "低于或等于",
        "等于或低于",
        "小于等于",
        "小于或等于",
        "等于或小于",
        "≤",
        "<=",
    ),
    "shortfall": (
        "达到",
        "不低于",
        "不少于",
        "不小于",
        "达到或超过",
        "达到或高于",
        "高于或等于",
        "等于或高于",
        "大于等于",
        "大于或等于",
        "等于或大于",
        "至少",
        "≥",
        ">=",
    ),
}


#: The side of a standard without its bound: `高于平均水平的得4分；低于平均水平的，每低…`
#: leaves a unit exactly on the bound in neither half.
_STRICT_SIDE = {
    "excess": ("低于", "少于", "小于", "<"),
    "shortfall": ("高于", "超过", "超出", "高出", "多于", "大于", ">"),
}


def _standards(clauses: list, report=None) -> list:
    """`【X】不超过3次的得10分；超过3次的，每多1次扣2分` is the standard in two halves,
    one rule as `【X】不超过3次的得10分，每多1次扣2分` (9.16): the points are the
    base the steps beyond the bound deduct from, not earned only at the standard (which
    would give a unit just beyond it nothing at all).  With the bound on neither side
    (`高于…的得4分；低于…的，每低…扣`) a unit exactly on it is in neither half: E116."""
    out = list(clauses)
    for i in range(len(out) - 1):
        first, j = out[i], i + 1
        while j + 1 < len(out) and _bonus_beyond(out[j], first):
            j += 1  # `…得3分；超过的，每超1个百分点加0.2分；低于的，每低…扣`: the other side
        second = out[j]
        if not (
            isinstance(first, ast.ConditionClause)
            and isinstance(second, ast.ThresholdClause)
            and second.condition is None
            and first.otherwise == ()
            and first.effects
            and all(isinstance(e, ast.Earn) for e in first.effects)
            and isinstance(first.condition, ast.Compare)
            and isinstance(first.condition.left, ast.Ref)
            and isinstance(second.subject, ast.Ref)
            and first.condition.left.name == second.subject.name
            and value_key(first.condition.right) == value_key(second.target)
        ):
            continue
        word = first.condition.word
        if word in _STRICT_SIDE.get(second.direction, ()) and report is not None:
            report("E116", first.condition.span, _unplaced_bound(word, second.direction))
            continue
        if word not in _STANDARD_SIDE.get(second.direction, ()):
            continue
        out[i] = dataclasses.replace(first, condition=None)
        earned = first.effects[0] if len(first.effects) == 1 else None
        if isinstance(earned, ast.Earn):
            out[j] = _within_points(second, earned)
    return out


def _unplaced_bound(word: str, direction: str) -> dict:
    """E116's words for a standard whose halves both leave out the bound."""
    inclusive = "达到（或不低于）" if direction == "shortfall" else "不超过（或不高于）"
    inclusive_en = "达到 (or 不低于)" if direction == "shortfall" else "不超过 (or 不高于)"
    return {
        "text": word,
        "why": f"“{word}” 的一半与按步扣分的一半都不含界上的值：恰好等于标准的单位两条都不适用，原文没有说它得几分",
        "why_en": f"neither the half with {word} nor the steps hold a unit exactly on the "
        "standard; the text does not say what it earns",
        "suggest": f"确认后前一半写 {inclusive}，如 【X】达到平均值的得4分；低于平均值的，每低1个百分点扣1分"
        "（恰好等于标准的单位得4分）",
        "suggest_en": f"once confirmed, write the first half with {inclusive_en}, e.g. "
        "【X】达到平均值的得4分；低于平均值的，每低1个百分点扣1分",
    }


def _within_points(steps: ast.ThresholdClause, earned: ast.Earn) -> ast.ThresholdClause:
    """The steps of a standard take at most the points it earns (`达到100%的得3分，每低5个
    百分点扣0.5分` beside `【活动】得2分` in an item of 5: 50% loses the 3, never the 2 of
    the activity).  Alone in an item of those points, the item's floor said the same."""
    amount = earned.amount
    if not isinstance(amount, ast.Num):
        return steps  # 得满分: the item's points, the item's floor
    cap = steps.cap
    if cap is not None and cap.value <= amount.value:
        return steps
    return dataclasses.replace(steps, cap=ast.Num(amount.value, "分", amount.span, amount.text))


def _bonus_beyond(clause: object, first: object) -> bool:
    """A clause that adds for each step beyond the standard of `first` (a condition
    clause on the same fact and value): it stands between the two halves of that
    standard without changing them."""
    return (
        isinstance(clause, ast.ThresholdClause)
        and isinstance(clause.effect, ast.Bonus)
        and clause.condition is None
        and isinstance(first, ast.ConditionClause)
        and isinstance(first.condition, ast.Compare)
        and isinstance(first.condition.left, ast.Ref)
        and isinstance(clause.subject, ast.Ref)
        and clause.subject.name == first.condition.left.name
        and value_key(clause.target) == value_key(first.condition.right)
    )


def _compared_fact(cond: object) -> ast.Ref | None:
    """The fact a condition compares with its batch average, when there is exactly one."""
    if isinstance(cond, ast.Compare) and isinstance(cond.right, ast.Average):
        return cond.left if isinstance(cond.left, ast.Ref) else None
    return None


@dataclass(frozen=True)
class Half:
    """`减半扣分`, until the clause before it on the line gives the amount."""

    span: Span


def _single_deduction(clause: object) -> ast.Deduct | None:
    """The one deduction of a clause, when it has exactly one."""
    if isinstance(clause, ast.ConditionClause):
        found = [e for e in clause.effects if isinstance(e, ast.Deduct)]
    elif isinstance(clause, ast.PerUnitClause | ast.ThresholdClause | ast.MissingClause):
        found = [clause.effect] if isinstance(clause.effect, ast.Deduct) else []
    else:
        found = []
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class Share:
    """`，扣分按【所辖县数】平均计算`."""

    ref: ast.Ref
    span: Span


@dataclass(frozen=True)
class InTurn:
    """`依次得20分、19分、18分` (also `分别加5至1分`): amounts place by place."""

    amounts: tuple[ast.Num, ...]
    word: str
    span: Span


@dataclass(frozen=True)
class PlaceCond:
    """`且高于全市平均水平5个百分点以上` after a place: what the placed unit must meet too."""

    cond: ast.Cond


@dataclass(frozen=True)
class AmongRule:
    """`，其中低于平均水平20个百分点以上的，实行一票否决`: the units of the rule before that
    also meet the comparison, with their own effect."""

    cond: ast.Cond
    effect: object
    span: Span


@dataclass(frozen=True)
class RuleGroup:
    """The rules of a list of places (`倒数第一、倒数第二的，分别扣4分、2分`), one a place."""

    rules: tuple[ast.RankRule, ...]


@dataclass(frozen=True)
class BestPlaces:
    """`最短的前两名得10分`: a place rule whose best word (`order`) says which end it is."""

    rule: ast.RankRule
    order: str
    span: Span


@dataclass(frozen=True)
class AlsoEffect:
    """`末位的，本项不得分，且不得评为优秀`: another effect for the units of the rule before."""

    effect: object
    span: Span


@dataclass(frozen=True)
class Counter:
    """`，低于90%的不得分`: the comparison (its subject the clause's) and its effect."""

    word: str
    right: object
    effect: object
    span: Span
    #: `，达到80%且低于90%的得4分`: comparisons after 且 (a tier of a chain, `_chain`)
    more: tuple[Elided, ...] = ()
    #: a tier written without its comparison word first (`，80%以下的得2分`)
    post: bool = False
    #: where the comparison is (the span is the comparison and its effect)
    cond_span: Span | None = None
    #: `，其余不得分`: the units no tier before it takes
    rest: bool = False


@dataclass(frozen=True)
class Otherwise:
    effects: tuple[ast.Effect, ...]
    span: Span


@dataclass
class Parts:
    """A clause split into head, the rest, and its tails."""

    head: object | None
    body: list
    otherwise: tuple[ast.Effect, ...]
    cap: ast.Num | None
    rounding: str
    span: Span
    otherwise_span: Span | None = None
    places: ast.Num | None = None  # `，结果保留两位小数`: the step (0.01)


class ClausesMixin(TermsMixin):
    """Rules for steps, effects and whole clauses."""

    # ------------------------------------------------------------------ pieces

    def per(self, children: list) -> Step:
        if len(children) == 1 and children[0].type == "ONCE":
            return self._once(children[0])
        beyond = None
        if isinstance(children[0], Token) and children[0].type == "BEYOND_EVERY":
            beyond = token_span(children[0])
            children = children[1:]
        every = children[0]
        verb = target = number = None
        unit = children[-1]
        for item in children[1:-1]:
            if isinstance(item, Token) and item.type == "VERB":
                verb = item
            elif isinstance(item, Token) and item.type in ("NUMBER", "CN_NUM"):
                number = item
            else:
                target = self.leaf(item)
        value = self.number(number) if number is not None else Decimal(1)
        step_span = span_of(number, unit)
        step = ast.Num(
            value, kw.UNITS.get(unit.value, unit.value), step_span, self.original(step_span)
        )
        word = verb.value if verb is not None else None
        kind = kw.STEP_VERBS.get(word, "count") if word else "count"
        per = ast.Per(word, kind, step, span_of(every, unit))
        return Step(per, target, beyond)

    def per_value(self, children: list) -> ast.Num | None:
        """`每低于90%一个百分点`: the standard a step counts from, a percentage (as
        `每低于【目标值】1个百分点` with a parameter of 90%)."""
        number, unit = children
        span = span_of(children)
        if unit.value != "%":  # the standard of a count: a parameter says it
            said = f"{number.value}{unit.value}"
            self.form_error(
                span,
                f"把标准写成参数（参数： 标准 = {said}），在这里写 【标准】",
                f"declare the standard as a parameter (参数： 标准 = {said}) and write 【标准】 here",
            )
            return None
        return ast.Num(self.number(number), "%", span, self.original(span))

    def _once(self, token: Token) -> Step:
        """`迟报一次`, `有一处不符合`, `一项未录入`: a step of one, written without 每.
        Only one: `迟报两次扣1分` may mean “each two” or “from two on”, so it is refused."""
        match = _ONCE.match(token.value)
        assert match is not None
        span = token_span(token)
        num_span = sub_span(token, match.start("num"), match.end("unit"))
        value = self._number_text(match.group("num"), num_span)
        if value != 1:
            self.form_error(
                num_span,
                f"每{match.group('num')}{match.group('unit')}扣N分（每满一组扣一次），"
                f"或 {match.group('num')}{match.group('unit')}以上的，扣N分（够数扣一次）",
                f"每{match.group('num')}{match.group('unit')}扣N分 (per group), "
                f"or {match.group('num')}{match.group('unit')}以上的，扣N分 (once)",
            )
        unit = match.group("unit")
        step = ast.Num(Decimal(1), kw.UNITS.get(unit, unit), num_span, self.original(num_span))
        verb = match.group("verb") or match.group("post") or None
        kind = kw.STEP_VERBS[verb] if verb in kw.ONCE_STEP_VERBS else "count"
        return Step(ast.Per(verb, kind, step, span), None)

    def amount_list(self, children: list) -> AmountList:
        """`扣1分、2分、3分` or `加2、1分`: the n-th amount for the n-th listed item."""
        verb, values = children
        canonical = kw.EFFECTS[verb.value]
        effects = []
        for match in _LIST_ITEM.finditer(values.value):
            if match.group("unit") not in (None, kw.POINTS_UNIT):
                self.form_error(
                    sub_span(values, match.start(), match.end()), "分值（如 1分、2分）", "points"
                )
            span = sub_span(values, match.start("num"), match.end())
            num = ast.Num(self._number_text(match.group("num"), span), "分", span, match.group())
            effects.append(_EFFECT_CLASSES[canonical](num, span_of(verb, span), verb.value))
        return AmountList(tuple(effects), span_of(children))

    def amount_effect(self, children: list) -> ast.Effect:
        verb, amount = children[0], self.leaf(children[1])
        cls = _EFFECT_CLASSES[kw.EFFECTS[verb.value]]
        average = _average_in(amount)
        if average is not None:
            named = {ref.name: ref for ref in _refs_in(amount)}
            if len(named) == 1:  # `得(【X】÷最高值×10)分`: the batch values of 【X】
                if expression_depth(amount) <= MAX_DEPTH:  # deeper: refused (_check_depth)
                    amount = _of_fact(amount, next(iter(named.values())))
            else:  # no fact, or several: whose 平均值 (最高值) it is goes unsaid
                self.form_error(
                    average.span,
                    "数字、【参数】或【数据项】（算式里的 平均值、最高值、最低值 是算式中唯一一项"
                    "【数据项】的，如 得(【X】÷最高值×10)分；算式写了几项数据时不能用）",
                    "a number, 【parameter】 or 【fact】 (平均值, 最高值 and 最低值 in a formula "
                    "are those of the formula's one 【fact】, e.g. 得(【X】÷最高值×10)分)",
                    batch=False,
                )
        return cls(amount, span_of(children), verb.value)

    def full_effect(self, children: list) -> ast.Effect:
        verb = children[0]
        span = span_of(children)
        if kw.EFFECTS[verb.value] != "得":
            self.form_error(span, "得满分", "得满分")
        return ast.Earn(None, span, verb.value)

    def override_effect(self, children: list) -> ast.Effect:
        found = re.search(r"(\d+(?:\.\d+)?)%", children[0].value)
        share = Decimal(found.group(1)) / 100 if found else Decimal(1)
        return ast.Override(share, span_of(children))

    def noscore_effect(self, children: list) -> ast.Effect:
        return ast.NoScore(span_of(children), children[0].value in kw.NO_SCORE_SECTION)

    def average_share_effect(self, children: list) -> AverageShare:
        token = children[0]
        found = _AVERAGE_SHARE.match(token.value)
        assert found is not None, "the terminal matched it"
        nouns = tuple(n for n in (found["own"], found["avg"]) if n not in _AVERAGE_NOUNS)
        # the scope and 平均 (`全市平均`), the words the checker holds to the batch
        written = sub_span(token, found.start("scope"), found.end("scope") + len("平均"))
        return AverageShare(span_of(children), nouns, ast.Average(written, found["scope"]))

    def disqualify_effect(self, children: list) -> ast.Effect:
        return ast.Disqualify(span_of(children))

    def veto_effect(self, children: list) -> ast.Effect:
        return ast.Veto(span_of(children))

    def label_effect(self, children: list) -> ast.Effect:
        return ast.Label(children[1].value.strip(), span_of(children))

    def grade_effect(self, children: list) -> ast.Effect:
        word = children[0].value
        band = children[1].value.strip().strip('“”"')
        for suffix in kw.BAND_SUFFIXES:
            if band.endswith(suffix) and len(band) > len(suffix):
                band = band[: -len(suffix)].rstrip()
                break
        kind = kw.GRADE_LIMITS[word]
        for above in kw.BAND_AND_ABOVE:
            # `不得评为良好以上等次`: 良好 and every band above it, which 不得评为良好 says
            if kind == "bar" and band.endswith(above) and len(band) > len(above):
                band = band[: -len(above)].rstrip()
                break
        return ast.GradeLimit(kind, band, span_of(children), word)

    def top_bar_effect(self, children: list) -> ast.Effect:
        """`一票否优`: the highest band is barred (its name is filled in by the checker)."""
        return ast.GradeLimit("bar", "", span_of(children), children[0].value)

    def half_effect(self, children: list) -> Half:
        return Half(span_of(children))

    def halves(self, clauses: list) -> list:
        """`未【按时报送】扣1分；【内容不全】的，减半扣分`: 减半扣分 is half the deduction
        of the clause before it on the line; with none to halve, it is refused."""
        out: list = []
        for clause in clauses:
            if isinstance(clause, ast.ConditionClause) and any(
                isinstance(e, Half) for e in clause.effects + clause.otherwise
            ):
                before = _single_deduction(out[-1]) if out else None
                effects = self._halved(clause.effects, before)
                otherwise = self._halved(clause.otherwise, before)
                if effects is None or otherwise is None:
                    continue
                clause = dataclasses.replace(clause, effects=effects, otherwise=otherwise)
            out.append(clause)
        return _standards(out, self.report)

    def _halved(self, effects: tuple, before: ast.Deduct | None) -> tuple | None:
        out = []
        for effect in effects:
            if not isinstance(effect, Half):
                out.append(effect)
                continue
            if before is None:
                self.form_error(
                    effect.span,
                    "扣N分（减半扣分只用在同一行“；”前一条扣分条款之后，如 "
                    "未【按时报送】扣1分；【内容不全】的，减半扣分）",
                    "扣N分 (减半扣分 follows a deduction on the same line, before “；”)",
                )
                return None
            amount = before.amount
            if isinstance(amount, ast.Num):
                half: ast.Expr = ast.Num(amount.value / 2, "分", effect.span, "")
            else:
                half = ast.BinOp("/", amount, ast.Num(Decimal(2), None, effect.span), effect.span)
            out.append(ast.Deduct(half, effect.span, "扣"))
        return tuple(out)

    def effects(self, children: list) -> tuple[ast.Effect, ...]:
        return tuple(children)

    def cond_effects(self, children: list) -> tuple:
        return tuple(children)

    def counter(self, children: list) -> Counter:
        """`低于90%的不得分` after a condition clause's effects: a comparison with no
        subject (the clause's own, filled in by `_counter`), then its effect (always the
        last child)."""
        span = span_of(children)
        compared = self._compare(ast.Ref("", span), children[:-1], span)
        at = span_of(children[:-1])
        return Counter(compared.word, compared.right, children[-1], span, cond_span=at)

    def counter_range(self, children: list) -> Counter:
        """`，达到80%且低于90%的得4分`, `，80%以下的得2分`: a tier after the first of a
        chain of tiers on the clause's fact (`_chain`)."""
        span = span_of(children)
        items = [c for c in children[:-1] if not isinstance(c, Elided)]
        more = tuple(c for c in children[:-1] if isinstance(c, Elided))
        compared = self._compare(ast.Ref("", span), items, span)
        post = not (isinstance(children[0], Token) and children[0].type == "CMP_PRE")
        at = span_of(children[:-1])
        return Counter(compared.word, compared.right, children[-1], span, more, post, at)

    counter_post = counter_range

    def counter_rest(self, children: list) -> Counter:
        """`，其余不得分`: the last tier of a chain, for every unit the others leave."""
        span = span_of(children)
        at = token_span(children[0])
        return Counter("其余", None, children[-1], span, cond_span=at, rest=True)

    def counter_unsaid(self, children: list) -> Counter:
        """`，未达到的得2分`: the second condition's value left unsaid — the clause's own
        (`_counter` fills it in; the word must then be its opposite, E247)."""
        span = span_of(children)
        pre = children[0]
        return Counter(comparison_word(pre, None), None, children[-1], span)

    def otherwise(self, children: list) -> Otherwise:
        return Otherwise(children[1], span_of(children))

    # ----------------------------------------------------------------- clauses

    def per_clause(self, children: list) -> ast.Clause | list | None:
        parts = self._parts(children)
        step, effect = parts.body
        self._no_otherwise(parts)
        per = _with_rounding(step.per, parts.rounding)
        text = self.clause_text(parts.span)
        head = parts.head
        if not isinstance(head, ast.Compare) and not self._no_beyond(step):
            return None
        if isinstance(head, Versus):
            return self._versus(head, per, effect, parts, text)
        if isinstance(head, Tiers):
            self.form_error(head.span, "分别扣…（如 低于80%、70%的，分别扣1分、2分）", "分别扣…")
            return None
        if isinstance(head, CondSeq):
            if per.verb is not None or per.step.unit != "项":
                self.form_error(per.span, "每项", "每项 (each condition that holds)")
                return None
            if not self._may_split(parts):
                return None
            return [
                ast.ConditionClause(self._condition(item), (effect,), (), None, parts.span, text)
                for item in head.items
            ]
        if isinstance(head, ast.Compare) and isinstance(head.left, RefList):
            if not self._may_split(parts):
                return None
            out = []
            for ref in head.left.refs:
                one = ast.Compare(ref, head.word, head.right, head.span)
                again = Parts(one, parts.body, (), None, parts.rounding, parts.span)
                out.append(self._per_one(again, per, step, effect, text))
            return [c for c in out if c is not None]
        if isinstance(head, RefList) and not head.negated and not _is_missing(per):
            if not self._may_split(parts):
                return None
            return [
                ast.PerUnitClause(ref, per, effect, None, None, parts.span, text)
                for ref in head.refs
            ]
        return self._per_one(parts, per, step, effect, text)

    def per_respectively_clause(self, children: list) -> ast.Clause | list | None:
        """`【赴省上访】、【赴京上访】每次分别扣5分、10分`: one per-unit clause a fact."""
        parts = self._parts(children)
        step, _, amounts = parts.body
        self._no_otherwise(parts)
        if not self._no_beyond(step):
            return None
        per = _with_rounding(step.per, parts.rounding)
        text = self.clause_text(parts.span)
        head = parts.head
        if not (isinstance(head, RefList) and not head.negated):
            self.form_error(
                parts.span,
                "【A】、【B】每次分别扣N分、M分",
                "【A】、【B】每次分别扣N分、M分 (one amount per listed fact)",
            )
            return None
        effects = self._spread(amounts, len(head.refs), parts.span)
        if effects is None or not self._may_split(parts):
            return None
        return [
            ast.PerUnitClause(ref, per, eff, None, None, parts.span, text)
            for ref, eff in zip(head.refs, effects, strict=True)
        ]

    def standard_clause(self, children: list) -> ast.Clause | list | None:
        """`【达标率】达到90%的得10分，每低1个百分点扣1分`: full marks at the standard, minus
        each step below it (at most the 10 it earns) — one rule, not two that both count."""
        parts = self._parts(children)
        earn, _, step, deduct = parts.body
        self._no_otherwise(parts)
        if not self._no_beyond(step):
            return None
        per = _with_rounding(step.per, parts.rounding)
        text = self.clause_text(parts.span)
        head = parts.head
        direction = _standard_direction(head, per)
        if (
            direction is None
            or not isinstance(earn, ast.Earn)
            or not isinstance(deduct, ast.Deduct)
            or not _steps_from(step.target, head)
        ):
            self.form_error(
                parts.span,
                "【X】达到90%的得10分，每低1个百分点扣1分（标准、得分、每差一步扣分），"
                "或分成两条条款",
                "【X】达到90%的得10分，每低1个百分点扣1分, or two clauses",
            )
            return None
        assert isinstance(head, ast.Compare)
        full = ast.ConditionClause(None, (earn,), (), None, parts.span, text)
        below = ast.ThresholdClause(
            head.left, direction, head.right, per, deduct, parts.cap, parts.span, text, head.word
        )
        return [full, _within_points(below, earn)]

    def _no_beyond(self, step: Step) -> bool:
        """`超出部分` says where the steps start; only a comparison's bound can be that start."""
        if step.beyond is None:
            return True
        self.form_error(
            step.beyond,
            "超出部分 跟在说明界限和方向的比较之后（如 【X】超过3次的，超出部分每次扣1分；"
            "【X】不得超过2次，超出部分每次扣1分；【X】低于平均值5个百分点的，超出部分每低1个百分点扣1分）",
            "超出部分 after a comparison that names a bound and a side (e.g. 【X】超过3次的，"
            "超出部分每次扣1分; 【X】不得超过2次，超出部分每次扣1分; "
            "【X】低于平均值5个百分点的，超出部分每低1个百分点扣1分)",
        )
        return False

    def _offset_steps(self, head: ast.Compare, per: ast.Per, step: Step, effect, parts, text):
        """`【X】低于平均值5个百分点的，…每低1个百分点扣1分`. Where do the steps start? Both
        readings occur, so the sentence must say: `每低于平均值1个百分点` counts from the
        average, `超出部分每低1个百分点` from the bound (平均值 − 5); neither → E244."""
        offset = head.right
        assert isinstance(offset, ast.Average) and offset.offset is not None
        if step.beyond is not None and step.target is None:
            target: ast.Expr = offset  # the bound; lowered as 平均值 ∓ offset
        elif step.beyond is None and isinstance(step.target, ast.Average):
            if step.target.offset is not None:
                self.form_error(step.target.span, "每低于平均值1个百分点", "每低于平均值1个百分点")
                return None
            target = ast.Average(offset.span, offset.words, noun=offset.noun)
        elif step.target is not None:
            self.form_error(
                step.target.span,
                "每低于平均值1个百分点，或 超出部分每低1个百分点",
                "每低于平均值1个百分点, or 超出部分每低1个百分点",
            )
            return None
        else:
            # the hint keeps the sentence's own side and effect (每高…加 stays 每高…加)
            side = "高" if per.verb_kind == "excess" else "低"
            word = getattr(effect, "word", "") or "扣"
            args = {
                "word": head.word,
                "distance": offset.offset.text,
                "from_average": f"每{side}于平均值{per.step.text}{word}N分",
                "beyond_part": f"超出部分每{side}{per.step.text}{word}N分",
            }
            self.report("E244", per.span, args)
            return None
        return ast.ThresholdClause(
            head.left,
            per.verb_kind,
            target,
            per,
            effect,
            parts.cap,
            parts.span,
            text,
            "",
            head,
            step.beyond is not None,
        )

    def _beyond_count(self, head: ast.Compare, per: ast.Per, step: Step, effect, parts, text):
        """`超过3次的，超出部分每次扣1分`, `不得超过2次，超出部分每次扣0.5分`: only the part
        beyond the bound is counted, on the side the comparison names (a condition) or the
        side that breaks it (a standard)."""
        direction = kw.comparison_direction(head.word)
        reading = kw.comparison_reading(head.word)
        de = has_de(self.original, head, per)
        if direction not in ("ge", "le") or reading == "either" or (reading == "standard" and de):
            self._no_beyond(step)  # `达到3次…`, `不超过3次的，超出部分…`: no side to count
            return None
        if reading == "condition":
            side = "excess" if direction == "ge" else "shortfall"
        else:
            side = "shortfall" if direction == "ge" else "excess"
        return ast.ThresholdClause(
            head.left,
            side,
            head.right,
            per,
            effect,
            parts.cap,
            parts.span,
            text,
            head.word,
            None,
            True,
        )

    def _per_one(self, parts: Parts, per: ast.Per, step: Step, effect, text: str):
        head = parts.head
        if isinstance(head, ast.Compare) and per.verb_kind != "count":
            right = head.right
            if isinstance(right, ast.Average) and right.offset is not None:
                return self._offset_steps(head, per, step, effect, parts, text)
        if step.beyond is not None and isinstance(head, ast.Compare) and not step.target:
            if per.verb_kind == "count":
                return self._beyond_count(head, per, step, effect, parts, text)
        elif step.beyond is not None:
            self._no_beyond(step)
            return None
        if isinstance(head, RefList):
            if not isinstance(effect, ast.Deduct):
                self.form_error(effect.span, "扣N分", "扣N分 (a deduction)")
            return ast.MissingClause(head.refs, effect, parts.cap, parts.span, text)
        if step.target is not None:
            if per.verb_kind == "count":
                self.form_error(
                    step.target.span, "低于、超过等比较动词", "a step verb such as 低于 or 超过"
                )
                return None
            if _beyond_the_best(step.target, per):
                self.form_error(
                    per.span,
                    "每低于最高值1个百分点（最低者为好时 每高于最低值1个百分点）",
                    "每低于最高值 (below the highest; when lower is better 每高于最低值)",
                )
                return None
            subject = self._subject(head)
            if subject is None:
                return None
            return ast.ThresholdClause(
                subject, per.verb_kind, step.target, per, effect, parts.cap, parts.span, text, ""
            )
        if isinstance(head, ast.Compare):
            if per.verb_kind != "count":
                return ast.ThresholdClause(
                    head.left,
                    per.verb_kind,
                    head.right,
                    per,
                    effect,
                    parts.cap,
                    parts.span,
                    text,
                    head.word,
                )
            if isinstance(effect, ast.Deduct):
                reading = self._counted_after(head, per)
                if reading != "all":
                    return ast.ThresholdClause(
                        head.left,
                        reading,
                        head.right,
                        per,
                        effect,
                        parts.cap,
                        parts.span,
                        text,
                        head.word,
                    )
            return ast.PerUnitClause(head.left, per, effect, head, parts.cap, parts.span, text)
        subject = self._subject(head)
        if subject is None:
            return None
        if per.verb_kind == "late" and _named_by(subject, per.verb):
            # `【逾期天数】每逾期1天扣0.5分`: the fact is the days late themselves, each one
            # counted (a date or a time taken would need the deadline: E112)
            per = dataclasses.replace(per, verb_kind="count")
        return ast.PerUnitClause(subject, per, effect, None, parts.cap, parts.span, text)

    def _versus(self, head: Versus, per: ast.Per, effect, parts: Parts, text: str):
        """`与【上年发案率】相比，每上升1个百分点扣2分`: the named value is the standard."""
        if per.verb_kind not in ("shortfall", "excess"):
            self.form_error(
                per.span,
                "上升、下降、增加、减少、超过、低于等比较动词（如 每上升1个百分点）",
                "a step verb such as 上升, 下降, 增加, 减少",
            )
            return None
        if _beyond_the_best(head.target, per):  # `与最高值相比，每高1个百分点`
            self.form_error(
                per.span,
                "每低1个百分点（与最高值相比；与最低值相比时 每高1个百分点）",
                "每低 after 与最高值相比 (每高 after 与最低值相比)",
            )
            return None
        return ast.ThresholdClause(
            head.subject,
            per.verb_kind,
            head.target,
            per,
            effect,
            parts.cap,
            parts.span,
            text,
            VERSUS_WORD,
        )

    def _tiers(self, head: Tiers, amounts, parts: Parts, text: str) -> list | None:
        """`【达标率】低于80%、70%、60%的，分别扣1分、2分、3分`: the deepest tier reached
        applies, alone.  Tier n holds when its threshold is met and the next stricter
        one is not, so the tiers exclude each other and at most one clause deducts."""
        self._no_otherwise(parts)
        word = head.word
        base = kw.requirement_words().get(word, word)
        cmp = kw.COMPARE_BEFORE.get(base)
        values = head.values
        last_unit = values[-1].unit
        values = tuple(v if v.unit else ast.Num(v.value, last_unit, v.span, v.text) for v in values)
        if (
            cmp is None
            or cmp.direction == "eq"
            or cmp.date
            or isinstance(head.left, RefList)
            or len({v.value for v in values}) != len(values)
            or not isinstance(amounts, AmountList)
        ):
            self.form_error(
                parts.span,
                "【X】低于80%、70%、60%的，分别扣1分、2分、3分（一个数据项、不同的标准、对应的分值）",
                "【X】低于80%、70%、60%的，分别扣1分、2分、3分",
            )
            return None
        effects = self._spread(amounts, len(values), parts.span)
        if effects is None or not self._may_split(parts):
            return None
        # from the loosest threshold to the strictest (低于: high → low; 达到: low → high)
        order = sorted(range(len(values)), key=lambda i: values[i].value)
        if cmp.direction == "le":
            order.reverse()
        out = []
        for rank, index in enumerate(order):
            reached = ast.Compare(head.left, word, values[index], head.span)
            condition: ast.Cond = reached
            if rank + 1 < len(order):
                deeper = ast.Compare(head.left, word, values[order[rank + 1]], head.span)
                condition = ast.And((reached, ast.Not(deeper, head.span, "未")), head.span)
            out.append(
                ast.ConditionClause(condition, (effects[index],), (), None, parts.span, text)
            )
        return out

    def _may_split(self, parts: Parts) -> bool:
        """A sentence over several facts becomes a clause each; a clause cap would then
        be read once per fact, so it is refused and asked for on the item instead."""
        if parts.cap is None:
            return True
        self.form_error(
            parts.cap.span,
            "把上限写在评分项上（如 (一)…(5分)，最多扣3分），或逐项写条款",
            "the cap on the item (…，最多扣3分), or one clause per fact",
        )
        return False

    def _spread(self, amounts, count: int, span: Span) -> tuple | None:
        """The effect for each of `count` items: one amount for all (`各扣1分`), or one
        each in order (`分别扣1分、2分`); a different number of amounts is refused."""
        if not isinstance(amounts, AmountList):
            return (amounts,) * count
        if len(amounts.effects) == count:
            return amounts.effects
        self.form_error(
            amounts.span,
            f"{count}个分值（与前面列出的{count}项一一对应）",
            f"{count} amounts (one for each of the {count} listed items)",
        )
        return None

    def slash_clause(self, children: list) -> ast.Clause | None:
        parts = self._parts(children)
        effect, unit = parts.body
        self._no_otherwise(parts)
        step = ast.Num(
            Decimal(1), kw.UNITS.get(unit.value, unit.value), token_span(unit), unit.value
        )
        per = _with_rounding(ast.Per(None, "count", step, token_span(unit)), parts.rounding)
        text = self.clause_text(parts.span)
        head = parts.head
        if isinstance(head, ast.Compare):
            return ast.PerUnitClause(head.left, per, effect, head, parts.cap, parts.span, text)
        subject = self._subject(head)
        if subject is None:
            return None
        return ast.PerUnitClause(subject, per, effect, None, parts.cap, parts.span, text)

    def respectively_clause(self, children: list) -> ast.Clause | list | None:
        parts = self._parts(children)
        effect = parts.body[1]
        head = parts.head
        text = self.clause_text(parts.span)
        items = _respective_items(head)
        if isinstance(head, Tiers):
            return self._tiers(head, effect, parts, text)
        if isinstance(head, EachOf):  # 均 joins the facts, 各 would split them again
            self.form_error(
                parts.span,
                "几项都满足才得（扣）一次的，不写 分别/各：【A】、【B】均达到90%的得2分；"
                "每项各自计分的，每项写一条：【A】达到90%的得2分",
                "without 分别/各 when all the facts together score once; one clause per "
                "fact when each scores on its own",
                batch=False,
            )
            return None
        if isinstance(head, Versus):
            self.form_error(
                head.span, "每上升1个百分点扣N分 等", "a step such as 每上升1个百分点扣N分"
            )
            return None
        if isinstance(effect, AmountList) or (items is not None and not _is_missing_head(head)):
            if items is None:
                self.form_error(
                    parts.span, "【A】、【B】的，分别扣N分、M分", "【A】、【B】的，分别扣N分、M分"
                )
                return None
            self._no_otherwise(parts)
            effects = self._spread(effect, len(items), parts.span)
            if effects is None or not self._may_split(parts):
                return None
            return [
                ast.ConditionClause(cond, (eff,), (), None, parts.span, text)
                for cond, eff in zip(items, effects, strict=True)
            ]
        if isinstance(head, RefList) and head.negated:
            self._no_otherwise(parts)
            if not isinstance(effect, ast.Deduct):
                self.form_error(effect.span, "扣N分", "扣N分 (a deduction)")
            return ast.MissingClause(head.refs, effect, parts.cap, parts.span, text)
        if isinstance(head, RefList) or _has_list(head):
            return ast.AmbiguousClause(_list_refs(head), parts.span, text)
        condition = self._condition(head)
        return ast.ConditionClause(
            condition, (effect,), parts.otherwise, parts.cap, parts.span, text
        )

    def discretionary_clause(self, children: list) -> ast.Clause | list | None:
        parts = self._parts(children)
        self._no_otherwise(parts)
        verb = next(t for t in parts.body if isinstance(t, Token) and t.type == "EFFECT_VERB")
        pair = next(t for t in parts.body if isinstance(t, Token) and t.type == "RANGE_PAIR")
        low, high = self._range(pair)
        return self._discretionary(parts, verb, low, high)

    def discretionary_open_clause(self, children: list) -> ast.Clause | list | None:
        """`【宣传扣分】酌情扣分` (0 to the item's points) and `酌情扣分，最高扣5分` (0 to 5)."""
        parts = self._parts(children)
        self._no_otherwise(parts)
        verb = next(t for t in parts.body if isinstance(t, Token) and t.type == "EFFECT_VERB")
        low = ast.Num(Decimal(0), "分", token_span(verb), "0")
        high, parts.cap = parts.cap, None
        return self._discretionary(parts, verb, low, high)

    def every_item_clause(self, children: list) -> None:
        """`凡未提供佐证材料的，该项不得分` speaks of every item at once, each with its own
        fact; one clause cannot say which item's fact it reads, so it is refused with
        the way to write it: one clause under each item, on that item's own fact."""
        self.form_error(
            span_of(children),
            "在每个评分项下各写一条，用该项自己的数据项，如 - 未【(一)1佐证材料】的，不得分",
            "one clause under each item, on its own fact, e.g. - 未【(一)1佐证材料】的，不得分",
        )
        return None

    def ratio_clause(self, children: list) -> RatioEarn | None:
        """`【完成率】按完成比例得分`: the item's points × the rate; the points are known
        once the clause is under its item (`for_item`)."""
        parts = self._parts(children)
        self._no_otherwise(parts)
        below = self._below_the_mean(parts)
        if below is not None:
            return below
        if isinstance(parts.head, ast.Compare) and parts.cap is None:
            self._share_refused(self._condition(parts.head), parts.span)
            return None
        if not isinstance(parts.head, ast.Truth) or parts.cap is not None:
            self.form_error(parts.span, "【完成率】按完成比例得分", "【完成率】按完成比例得分")
            return None
        return RatioEarn(parts.head.ref, parts.span, self.clause_text(parts.span))

    def _below_the_mean(self, parts: Parts) -> ast.ConditionClause | None:
        """`【完成率】低于全市平均值的，按比例计分`: below the mean, the share is of the mean
        (points × 【X】 ÷ 平均值), as `按本单位完成率占平均完成率的比例计分` says in full and
        as `其余按比例得分` after the best is a share of the best.  Only the bare
        `按比例得分`/`按比例计分` and only below the mean: `按完成比例得分` is a share of
        100%, and above the mean a share of the mean is over 1 (refused as written)."""
        word = parts.body[0] if parts.body else None
        if not isinstance(word, Token):
            return None
        if isinstance(parts.head, ast.Truth) or parts.cap is not None:
            return None
        condition = self._condition(parts.head)
        share = self._share_of_the_mean(condition, word)
        if share is None:
            return None
        text = self.clause_text(parts.span)
        return ast.ConditionClause(condition, (share,), (), None, parts.span, text)

    def _share_refused(self, condition: object, span: Span) -> None:
        """E101 for `按比例计分` under a condition other than below the mean: against a
        standard (`低于90%的，按比例计分`) the share may be of the standard (【X】÷90%)
        or of 100% (the rate itself) — both are written out, neither is chosen."""
        right = getattr(condition, "right", None)
        left = getattr(condition, "left", None)
        if isinstance(right, ast.Num) and right.unit == "%" and isinstance(left, ast.Ref):
            value = f"{right.value.normalize():f}%"
            name = f"【{left.name}】"
            expected = (
                f"算式（“按比例”是占{value}的比例，还是{name}本身？原文没有说）："
                f"得({name}÷{value}×10)分 或 得({name}÷100%×10)分（10 换成本项分值）"
            )
            expected_en = (
                f"a formula (a share of {value}, or of 100%? the text does not say): "
                f"得({name}÷{value}×10)分 or 得({name}÷100%×10)分 (10 being the item's points)"
            )
        else:
            expected = "低于平均值的，按比例计分（占平均值的比例），或写出算式"
            expected_en = "低于平均值的，按比例计分 (a share of the mean), or a formula"
        self.form_error(span, expected, expected_en)

    @staticmethod
    def _share_of_the_mean(condition: object, word: Token) -> AverageShare | None:
        """The share `word` (`按比例计分`) means under `condition`, when that compares its
        fact below the plain batch mean; None otherwise."""
        if word.value not in kw.RATIO_OF_THE_MEAN:
            return None
        if not isinstance(condition, ast.Compare) or _compared_fact(condition) is None:
            return None
        mean = condition.right
        side = kw.COMPARE_BEFORE.get(condition.word) or kw.COMPARE_AFTER.get(condition.word)
        if mean.offset is not None or mean.best or side is None or side.direction != "le":
            return None
        return AverageShare(token_span(word), (), mean)

    def times_clause(self, children: list) -> ast.ConditionClause:
        """`按【平台扣分】的10倍扣分`: 扣(【平台扣分】×10)分."""
        ref, times = children[1], children[2]
        parts = self._parts(children, has_head=False)  # the tails: a cap, 否则
        found = re.search(r"\d+(?:\.\d+)?", times.value)
        assert found is not None, "the terminal matched it"
        span = span_of(children)
        factor = ast.Num(Decimal(found.group()), None, token_span(times), found.group())
        amount = ast.BinOp("*", self.leaf(ref), factor, span)
        return self._always(parts, (ast.Deduct(amount, span, "扣"),), span)

    def formula_clause(self, children: list) -> ast.ConditionClause:
        """`得分=70×【达标率】÷100−63`: the score is the formula, as `得(…)分` says it."""
        parts = self._parts(children[1:], has_head=False)
        (amount,) = parts.body
        span = span_of(children)
        return self._always(parts, (ast.Earn(amount, span, "得"),), span)

    def so_on_clause(self, children: list) -> ast.ConditionClause | None:
        """`…第三起扣3分，以此类推`: past the tiers, the k-th further occurrence costs the last
        tier's amount plus k steps — for m further ones, m × last + m(m+1)/2 × step.
        Nothing when `ordinals` refused it (E116 says why)."""
        (token,) = children
        span = token_span(token)
        so_on = self.prepared.so_on.get((token.line, token.column))  # type: ignore[attr-defined]
        if so_on is None:
            return None
        subject = self.line_fact(span)
        further = ast.BinOp("-", subject, _number(Decimal(so_on.after), span), span)
        amount: ast.Expr = ast.BinOp("*", further, _number(so_on.last, span), span)
        if so_on.step:  # m(m+1) × step/2: exact, and no division for the SQL engines
            one = ast.Num(Decimal(1), None, span, "1")
            pairs = ast.BinOp("*", further, ast.BinOp("+", further, one, span), span)
            half = _number(so_on.step / 2, span)
            amount = ast.BinOp("+", amount, ast.BinOp("*", pairs, half, span), span)
        bound = ast.Num(Decimal(so_on.after), so_on.unit, span, f"{so_on.after}{so_on.unit}")
        condition = ast.Compare(subject, "超过", bound, span)
        effect = ast.Deduct(amount, span, "扣")
        return ast.ConditionClause(condition, (effect,), (), None, span, self.clause_text(span))

    def adopted_clause(self, children: list) -> ast.Clause | list | None:
        """`【消防考核得分】另行计分`: the item's score is a 分 fact (0 to its points),
        taken from another scheme or entered by another office."""
        parts = self._parts(children)
        self._no_otherwise(parts)
        word = parts.body[0]
        if parts.cap is not None:
            self.form_error(
                parts.cap.span, "（不写上限：以本项分值为限）", "no cap (the item's points)"
            )
            return None
        low = ast.Num(Decimal(0), "分", token_span(word), "0")
        verb = Token("EFFECT_VERB", "得", line=word.line, column=word.column)
        return self._discretionary(parts, verb, low, None, kind="earn")

    def _discretionary(
        self, parts: Parts, verb: Token, low: ast.Num, high: ast.Num | None, kind: str = ""
    ) -> ast.Clause | list | None:
        head = parts.head
        kind = kind or {"扣": "deduct", "得": "earn", "加": "bonus"}[kw.EFFECTS[verb.value]]
        refs: tuple[ast.Ref, ...]
        if isinstance(head, ast.Truth):
            refs = (head.ref,)
        elif isinstance(head, RefList) and not head.negated:
            refs = head.refs  # `【A扣分】、【B扣分】酌情扣0至10分`: a range for each
        else:
            self.form_error(
                parts.span, "【录入的分值】酌情扣0至5分", "【entered points】酌情扣0至5分"
            )
            return None
        text = self.clause_text(parts.span)
        clauses = [ast.DiscretionaryClause(ref, kind, low, high, parts.span, text) for ref in refs]
        return clauses[0] if len(clauses) == 1 else clauses

    def condition_clause(self, children: list) -> ast.Clause | list | None:
        parts = self._parts(children)
        (effects,) = parts.body
        return self.condition_parts(parts, tuple(effects))

    def condition_parts(self, parts: Parts, effects: tuple) -> ast.Clause | list | None:
        """The clause of a head and its effects (and the tiers after it, `Counter`)."""
        head = parts.head
        text = self.clause_text(parts.span)
        if isinstance(head, Tiers):
            self.form_error(
                head.span, "分别扣…（如 低于80%、70%的，分别扣1分、2分）", "分别扣… after tiers"
            )
            return None
        if isinstance(head, Versus):
            self.form_error(
                head.span, "每上升1个百分点扣N分 等", "a step such as 每上升1个百分点扣N分"
            )
            return None
        items = _respective_items(head)
        if items is not None and all(isinstance(e, _OUTCOMES) for e in effects):
            # `【A】、【B】的，不得分`: any of them; an outcome happens once however many hold
            span = getattr(head, "span", parts.span)
            condition = items[0] if len(items) == 1 else ast.Or(tuple(items), span)
            return ast.ConditionClause(
                condition, effects, parts.otherwise, parts.cap, parts.span, text
            )
        if isinstance(head, CondSeq):
            return ast.AmbiguousClause(_seq_refs(head), parts.span, text)
        if items is not None and not isinstance(head, RefList):
            return ast.AmbiguousClause(tuple(head.left.refs), parts.span, text)
        if isinstance(head, RefList) or _has_list(head):
            return ast.AmbiguousClause(_list_refs(head), parts.span, text)
        condition = self._condition(head)
        if _subject_of_formulas(condition, effects):
            condition = None  # `【粮食总产量】得(【粮食总产量】÷平均值×3)分`: what it computes from
        counters = [e for e in effects if isinstance(e, Counter)]
        if (
            len(counters) > 1
            or any(e.more or e.rest for e in counters)
            or (counters and isinstance(head, ast.And))  # `；达到80%且低于90%的…，低于80%的…`
        ):
            return self._chain(head, condition, effects, parts)
        effects, counter, otherwise = self._counter(head, effects, parts)
        return ast.ConditionClause(
            condition, effects, otherwise, parts.cap, parts.span, text, counter, parts.places
        )

    def _chain(self, head, condition, effects: tuple, parts: Parts) -> list[ast.Clause] | None:
        """`【X】达到90%的得6分，达到80%且低于90%的得4分，低于80%的得2分`: tiers of one
        fact joined by commas, one clause each (as if joined by ；), all marked with the
        sentence's span: the checker holds them to cover every value with no overlap
        (E269, E267), so that what the sentence scores is what each tier says and no
        unit falls between them.  A tail after the last tier (否则, a cap, rounding)
        would not say which tier it is of: refused."""
        tail = parts.otherwise_span or (parts.cap.span if parts.cap is not None else None)
        if tail is None and parts.places is not None:
            tail = parts.places.span
        if tail is not None:
            self.form_error(
                tail,
                "分档句子的结尾（否则、上限、保留小数写在各档自己的条款里，用“；”分开）",
                "the end of the tiers (否则, a cap or rounding belong to one tier's own "
                "clause, separated by ；)",
            )
            return None
        first = head.operands[0] if isinstance(head, ast.And) else head
        fact = first.left if isinstance(first, ast.Compare) else None
        if condition is None or not isinstance(fact, ast.Ref):  # the tiers' one fact
            self.form_error(
                parts.span,
                "两条条款（用“；”分开，各写【数据项】）",
                "two clauses (separated by ；, each with its 【fact】)",
            )
            return None
        last = [e for e in effects if isinstance(e, Counter)][-1]
        tiers: list[tuple[ast.Cond, list, Span]] = [(condition, [], parts.span)]
        for effect in effects:
            if not isinstance(effect, Counter):
                tiers[-1][1].append(effect)
                continue
            if isinstance(effect.effect, Token):  # `按比例计分` is a share of the mean
                self._share_refused(
                    ast.Compare(fact, effect.word, effect.right, effect.span), effect.span
                )
                return None
            at = effect.cond_span or effect.span
            if effect.rest:  # the units no tier before takes; nothing may follow it
                if effect is not last:
                    self.form_error(at, "（其余 只能是最后一档）", "(其余 is the last tier)")
                    return None
                taken = [cond for cond, _, _ in tiers]
                left = taken[0] if len(taken) == 1 else ast.Or(tuple(taken), at)
                tiers.append((ast.Not(left, at), [effect.effect], effect.span))
                continue
            compared = ast.Compare(fact, effect.word, effect.right, at)
            cond = compared
            if effect.more:
                cond = ast.And(self._elided([compared, *effect.more]), at)
            tiers.append((cond, [effect.effect], effect.span))
        earns = any(isinstance(e, ast.Earn) for _, said, _ in tiers for e in said)
        clauses: list[ast.Clause] = []
        for cond, said, start in tiers:
            if earns:  # `，低于80%的不得分` among tiers that earn: none of their points
                said = [self._earns_nothing(e) for e in said]
            last = getattr(said[-1], "span", None) if said else None
            end = last if last is not None and last.line == start.line else start
            span = Span(start.line, start.column, end.end_line, end.end_column)
            said_text = self.clause_text(span)  # the tier's own words, as after ；
            clauses.append(
                ast.ConditionClause(cond, tuple(said), (), None, span, said_text, chain=parts.span)
            )
        return clauses

    def _earns_nothing(self, effect: object) -> object:
        """`不得分` as a tier of a sentence that earns: this sentence gives the unit none
        of its points (as `达到90%的得5分，低于90%的不得分` reads) — `得0分`, never the
        whole item's points lost; `本项不得分` says the item, and is kept."""
        if not isinstance(effect, ast.NoScore) or effect.section:
            return effect
        if self.original(effect.span).strip() != "不得分":
            return effect  # 本项不得分, 该项不得分: the item, as written
        return ast.Earn(ast.Num(Decimal(0), "分", effect.span, "0"), effect.span)

    def _counter(self, head, effects: tuple, parts: Parts) -> tuple:
        """Effects before a second condition (`，低于90%的不得分`) are the clause's; the
        ones after it are taken when that condition holds, which must be the first's
        opposite (checked, E247) — so they are its 否则."""
        at = next((i for i, e in enumerate(effects) if isinstance(e, Counter)), None)
        if at is None:
            return effects, None, parts.otherwise
        counter = effects[at]
        rest = tuple(e for e in effects[at + 1 :] if not isinstance(e, Counter))
        if (
            not isinstance(head, ast.Compare)
            or parts.otherwise
            or any(isinstance(e, Counter) for e in effects[at + 1 :])
        ):
            self.form_error(
                counter.span,
                "两条条款（用“；”分开，各写【数据项】），或 “否则……”",
                "two clauses (separated by ；, each with its 【fact】), or 否则…",
            )
            return effects[:at], None, parts.otherwise
        right = counter.right if counter.right is not None else head.right
        cond = ast.Compare(head.left, counter.word, right, counter.span)
        effect = counter.effect
        if isinstance(effect, Token):  # `，低于平均值的按比例计分`
            effect = self._share_of_the_mean(cond, effect)
            if effect is None:
                self._share_refused(cond, counter.span)
                return effects[:at], None, parts.otherwise
        return effects[:at], cond, (effect, *rest)

    def plain_clause(self, children: list) -> ast.Clause:
        parts = self._parts(children, has_head=False)
        (effects,) = parts.body
        return self._always(parts, effects, parts.span)

    def _always(self, parts: Parts, effects: tuple, span: Span) -> ast.ConditionClause:
        """A clause whose effects always apply, with its tails (否则, a cap, places)."""
        text = self.clause_text(span)
        return ast.ConditionClause(
            None, effects, parts.otherwise, parts.cap, span, text, places=parts.places
        )

    # ------------------------------------------------------------ rank clauses

    def rank_clause(self, children: list) -> ast.Clause | None:
        """`按【X】从高到低排名，第1名得6分，第2至5名按第1名的比例得分` (按 may be left
        out: `【X】排名第1至5名的，依次得…`)."""
        span = span_of(children)  # with 按, when written
        if isinstance(children[0], Token) and children[0].type == "RANK_BY":
            children = children[1:]
        children = self._unsaid_subject(children)
        parts = self._parts(children, has_head=False)
        self._no_otherwise(parts)
        subject = self.leaf(children[0])
        self._same_subject(subject, parts.body)
        order = None
        tie = None
        rules: list[ast.RankRule] = []
        group = 0
        for item in parts.body[1:]:
            if isinstance(item, Token) and item.type == "ORDER":
                order = _order_of(item.value)
            elif isinstance(item, ast.TieBreak):
                tie = item
            elif isinstance(item, SoOn):
                step = self._so_on(rules, item)
                if step is not None:
                    rules.append(step)
                group = 1
            elif isinstance(item, ast.RankRule):
                rules.append(item)
                group = 1
            elif isinstance(item, RuleGroup):
                rules.extend(item.rules)
                group = len(item.rules)
            elif isinstance(item, BestPlaces):
                order = order or item.order
                rules.append(self._best_places(item, order))
                group = 1
            elif isinstance(item, AlsoEffect):
                group = self._also(rules, item, group)
            elif isinstance(item, AmongRule):
                group = self._among(rules, item, group)
        if order is None and rules and rules[0].best and rules[0].order is not None:
            order = rules[0].order  # `；全市最低的县区不得分`: the best word's order
        self._after_rest(rules)
        rules = self._other_end(rules, order, span)
        if rules and rules[0].rest and rules[0].step is None and not rules[0].every:
            self.form_error(
                rules[0].span, "先写名次（如 第1名得6分），再写其余", "places first, then 其余"
            )
        text = self.clause_text(span)
        return ast.RankClause(
            subject, order, tuple(rules), parts.cap, span, text, parts.places, tie
        )

    def tie_break(self, children: list) -> ast.TieBreak:
        """`，并列的按【结案率】从高到低排名`: the ORDER token, if any, is the tie's own."""
        ref = next(c for c in children if isinstance(c, Token) and c.type == "REF")
        said = [c for c in children if isinstance(c, Token) and c.type == "ORDER"]
        order = _order_of(said[0].value) if said else None
        return ast.TieBreak(self.leaf(ref), order, span_of(children))

    def best_clause(self, children: list) -> ast.Clause | None:
        """`【X】最高者得满分，其余按与最高者的比例得分`: the order is the best word's."""
        parts = self._parts(children, has_head=False)
        self._no_otherwise(parts)
        subject = self.leaf(children[0])
        self._same_subject(subject, parts.body)
        found: list[ast.RankRule] = []
        group = 0
        first = next((i for i in parts.body if isinstance(i, ast.RankRule | BestPlaces)), None)
        order = first.order if first is not None else None
        for item in parts.body:
            if isinstance(item, ast.RankRule):
                found.append(item)
                group = 1
            elif isinstance(item, RuleGroup):
                found.extend(item.rules)
                group = len(item.rules)
            elif isinstance(item, BestPlaces):
                found.append(self._best_places(item, order))
                group = 1
            elif isinstance(item, AlsoEffect):
                group = self._also(found, item, group)
            elif isinstance(item, AmongRule):
                group = self._among(found, item, group)
        span = span_of(children)
        self._after_rest(found)
        rules = tuple(self._other_end(found, order, span))
        text = self.clause_text(span)
        return ast.RankClause(subject, order, rules, parts.cap, span, text, parts.places)

    def _other_end(self, rules: list, order: str | None, span: Span) -> list:
        """`最高的得10分，最低的得0分`: a best word that names the other end than the
        clause's order is the last place (it was read as the first, so the lowest unit
        kept a share of the points the sentence takes from it).  With both ends given
        their points, `其余按比例计分` may be a share of the best or a spread between the
        two ends (interpolation): refused with both to write."""
        if order is None:
            return list(rules)
        ends, both = [], False
        for rule in rules:
            if rule.best and rule.order is not None and rule.order != order:
                last = ast.Places(1, 1, True, rule.span, "末位")
                rule = replace(rule, places=last, best=False, order=None)
                both = True
            ends.append(rule)
        shared = next((r for r in ends if r.proportional), None)
        if both and shared is not None:
            args = {"text": self.original(span).strip()}
            args.update(details("why.two_ends", "why"))
            args.update(details("hint.two_ends", "hint"))
            self.report("E253", span, args)
        return ends

    def _after_rest(self, rules) -> None:
        """`其余得3分，末位的得1分`: a place that earns after 其余 is an exception to it (the
        last unit gets 1, not 3 + 1, lower.later_earning).  One that deducts or adds
        (`其余得3分，后两名扣1分`: 2, or −1 on top of nothing?) is unclear: E253."""
        rest = next((i for i, r in enumerate(rules) if r.rest), None)
        if rest is None:
            return
        for rule in rules[rest + 1 :]:
            if isinstance(rule.effect, ast.Deduct | ast.Bonus) and not rule.rest:
                args = {"text": self.original(rule.span).strip()}
                args.update(details("why.after_rest", "why"))
                args.update(details("hint.after_rest", "hint"))
                self.report("E253", rule.span, args)
                return

    def _unsaid_subject(self, children: list) -> list:
        """`；排名末位的，…`, `；全市最低的县区不得分` (a rank clause with no 【X】): the
        subject left unsaid is the line's one fact, named in a clause before (a THIS_FACT
        token standing for it)."""
        first = children[0]
        if isinstance(first, Token) and first.type in ("REF", "THIS_FACT"):
            return children
        span = span_of(children)
        text = self.original(span)
        column = span.column + len(text) - len(text.lstrip())
        end = span.column + len(text.rstrip())
        unsaid = Token("THIS_FACT", text.strip(), 0, span.line, column, span.line, end)
        return [unsaid, *children]

    def best_places_rule(self, children: list) -> BestPlaces:
        places = self._places(children[1])
        rule = self._make_rank_rule(places, False, False, children[2:], span_of(children))
        return BestPlaces(rule, _best_order(children[0].value), token_span(children[0]))

    def _best_places(self, item: BestPlaces, order: str | None) -> ast.RankRule:
        """`最短的前两名` where the shortest rank first (the clause's order is the first best
        word's) are places 1–2; `最长的后两名` the last two.  A best word that names the
        other end than its places (`最长的前两名` when the shortest rank first: the two
        longest, or the first two?) is refused with both rules to write."""
        places = item.rule.places
        assert places is not None
        if order is not None and (item.order == order) == places.from_end:
            where = item.span.merge(places.span)
            args = {"text": self.original(where).strip(), **details("why.best_places", "why")}
            args.update(details("hint.best_places", "hint"))
            self.report("E253", where, args)
        return item.rule

    def also_effect(self, children: list) -> AlsoEffect:
        return AlsoEffect(children[0], span_of(children))

    def _also(self, rules: list[ast.RankRule], also: AlsoEffect, group: int) -> int:
        """A second effect after a rule applies to the same units: the rule again, with that
        effect (`末位的不得分，不得评为优秀` is two rules on 末位; after a list of places,
        each of them).  After a share or a step the units are not one group named by
        place: refused with what to write.  Returns the size of the group still last."""
        before = rules[len(rules) - group :] if group else []
        if not before or any(r.proportional or r.step is not None for r in before):
            self.form_error(
                also.span,
                "名次（如 末位的）后面写这一结果：`末位的，不得评为优秀`",
                "a place before this outcome: `末位的，不得评为优秀`",
            )
            return 0
        rules.extend(
            replace(rule, effect=also.effect, in_turn=(), in_turn_word="", span=also.span)
            for rule in before
        )
        return group

    def among_rule(self, children: list) -> AmongRule:
        span = span_of(children)
        effect = children[-1]
        compared = [c for c in children[1:-1] if not (isinstance(c, Token) and c.type == "AMONG")]
        cond = self._compare(self.line_fact(span), compared, span)
        return AmongRule(cond, effect, span)

    def _among(self, rules: list[ast.RankRule], among: AmongRule, group: int) -> int:
        """`末位的，不得评为优秀，其中低于…的，实行一票否决`: the rules of the group before
        again, each with the comparison as well and the new effect.  Returns the group's
        size (an effect after it is theirs: `…，实行一票否决，本项不得分`)."""
        before = rules[len(rules) - group :] if group else []
        if (
            not before
            or any(r.proportional or r.step is not None or r.rest for r in before)
            or isinstance(among.effect, InTurn | Token)
        ):
            self.form_error(
                among.span,
                "名次（如 末位的）后面写 其中…的：`末位的，不得评为优秀，其中低于平均水平20个百分点以上的，一票否决`",
                "a place before 其中: `末位的，不得评为优秀，其中…的，一票否决`",
            )
            return 0
        for rule in before:
            both = (
                among.cond
                if rule.condition is None
                else ast.And((rule.condition, among.cond), among.span)
            )
            rules.append(
                replace(
                    rule,
                    effect=among.effect,
                    in_turn=(),
                    in_turn_word="",
                    span=among.span,
                    condition=both,
                )
            )
        return group

    def place_cond(self, children: list) -> PlaceCond:
        span = span_of(children)
        return PlaceCond(self._compare(self.line_fact(span), children, span))

    def places_rule(self, children: list) -> ast.RankRule | RuleGroup:
        tokens = [c for c in children if isinstance(c, Token) and c.type == "PLACES"]
        extra = next((c.cond for c in children if isinstance(c, PlaceCond)), None)
        rest = [c for c in children[len(tokens) :] if not isinstance(c, PlaceCond)]
        if len(tokens) == 1:
            places = self._places(children[0])
            rule = self._make_rank_rule(places, False, False, rest, span_of(children))
            return replace(rule, condition=extra)
        group = self._place_list(tokens, rest, span_of(children))
        return RuleGroup(tuple(replace(r, condition=extra) for r in group.rules))

    def _from_end_before(self, token: Token, start: int) -> bool:
        """The places from the end before `倒数第{start}` on the line, one by one from the
        last (`倒数第一的扣2分，倒数第二、第三的…`): the list goes on where they stop."""
        text = self.normalised_lines[token.line - 1][: token.column - 1]
        named = {1} if "末位" in text else set()
        for found in _FROM_END_PLACE.finditer(text):
            number = found.group(1)
            named.add(int(number) if number.isdigit() else _cn_place(number))
        return set(range(1, start)) <= named

    def _place_list(self, tokens: list[Token], rest: list, span: Span) -> RuleGroup:
        """`倒数第一、倒数第二的，分别扣4分、2分`: one rule per place, with its amount in turn
        (or all with the one effect).  A bare `第二` after `倒数第一` counts from the bottom
        too only when the list goes on place by place from 倒数第一 (`倒数第一、第二、第三`),
        or from the places from the end named before it (`倒数第一的…，倒数第二、第三的…`);
        otherwise (`倒数第2位、第3位`) it is unclear, and refused (E253) with the rule to
        write for each place."""
        listed = [self._places(token) for token in tokens]
        bottom = listed[0].from_end
        start = listed[0].first if listed[0].first == listed[0].last else 0
        if start > 1 and not (
            self._from_end_before(tokens[0], start) and _penalises(rest)
        ):  # `倒数第2位、第3位` with no 倒数第一 before it, or that earns: unclear
            start = 0
        for i, (token, places) in enumerate(zip(tokens[1:], listed[1:], strict=True), 1):
            bare = not any(word in token.value for word in kw.PLACES_FROM_END)
            if places.from_end == bottom or not bare:
                continue
            if bottom and start and (places.first == places.last == start + i):
                listed[i] = dataclasses.replace(places, from_end=True)
                continue
            first = tokens[0]
            blank = len(first.value) - len(first.value.lstrip())  # a place verb left blank
            whole = listed[0].span.merge(listed[-1].span)
            where = Span(whole.line, whole.column + blank, whole.end_line, whole.end_column)
            args = {"text": self.original(where).strip(), **details("why.place_list", "why")}
            args.update(details("hint.place_list", "hint"))
            self.report("E253", where, args)
            return RuleGroup(())
        rule = self._make_rank_rule(None, False, False, rest, span)
        if rule.in_turn:
            if len(rule.in_turn) != len(listed):
                self.report("E237", span, {"places": len(listed), "amounts": len(rule.in_turn)})
                return RuleGroup(())
            verb = _EFFECT_CLASSES[rule.in_turn_word]
            rules = tuple(
                replace(
                    rule,
                    places=places,
                    effect=verb(amount, amount.span, rule.in_turn_word),
                    in_turn=(),
                    in_turn_word="",
                )
                for places, amount in zip(listed, rule.in_turn, strict=True)
            )
        else:
            rules = tuple(replace(rule, places=places) for places in listed)
        return RuleGroup(rules)

    def best_rule(self, children: list) -> ast.RankRule:
        rule = self._make_rank_rule(None, True, False, children[1:], span_of(children))
        order = _best_order(children[0].value)
        return ast.RankRule(
            rule.places,
            True,
            False,
            rule.effect,
            rule.in_turn,
            rule.in_turn_word,
            rule.proportional,
            rule.span,
            order,
            share_order=rule.share_order,
            share_named=rule.share_named,
        )

    def best_as_full(self, children: list) -> ast.RankRule:
        """`以【X】最高者为满分`: the first place earns the item's full points."""
        span = span_of(children)
        full = ast.Earn(None, span, "得")
        return ast.RankRule(
            None, True, False, full, (), "", False, span, _best_order(children[0].value)
        )

    def step_rule(self, children: list) -> ast.RankRule:
        """`其后每下降一个名次扣0.5分`: every unit no earlier rule named, by its place."""
        number = next(t for t in children if t.type in ("NUMBER", "CN_NUM"))
        step = ast.Num(self.number(number), "分", token_span(number), number.value)
        return _step_down(span_of(children), step, _said_floor(children))

    def so_on_rule(self, children: list) -> SoOn:
        return SoOn(span_of(children), _said_floor(children))

    def _so_on(self, rules: list[ast.RankRule], item: SoOn) -> ast.RankRule | None:
        """`第1名得6分，第2名得5.5分，第3名得5分，依此类推` (or `第1至3名依次得6分、5.5分、5分，
        依此类推`): the places named, one after another from the first, earn less by one
        same step — which goes on past them (a step rule of that size); anything else
        says no step, and is refused with the way to write one."""
        amounts: list[Decimal] = []
        for rule in rules:
            places = rule.places
            if places is None or places.from_end or places.first != len(amounts) + 1:
                amounts = []
                break
            if rule.in_turn and places.last - places.first + 1 == len(rule.in_turn):
                amounts += [n.value for n in rule.in_turn]
            elif (
                places.first == places.last
                and isinstance(rule.effect, ast.Earn)
                and isinstance(rule.effect.amount, ast.Num)
            ):
                amounts.append(rule.effect.amount.value)
            else:
                amounts = []
                break
        steps = {a - b for a, b in zip(amounts, amounts[1:], strict=False)}
        if len(amounts) < 2 or len(steps) != 1 or min(steps) <= 0:
            self.form_error(
                item.span,
                "名次一名接一名、分数等差（如 第1名得6分，第2名得5.5分，第3名得5分，依此类推），"
                "或写明 其后每下降一个名次扣N分",
                "places one after another with points an equal step apart, or "
                "其后每下降一个名次扣N分",
            )
            return None
        (size,) = steps
        step = ast.Num(size, "分", item.span, format(size.normalize(), "f"))
        return _step_down(item.span, step, item.floor)

    def bare_points(self, children: list) -> ast.Earn:
        """`第一名10分`: the place earns the amount."""
        number = children[0]
        amount = ast.Num(self.number(number), "分", token_span(number), number.value)
        return ast.Earn(amount, span_of(children), "得")

    def rest_rule(self, children: list) -> ast.RankRule:
        return self._make_rank_rule(None, False, True, children[1:], span_of(children))

    def every_rule(self, children: list) -> ast.RankRule:
        """`按【X】排名，得((单位数−名次+1)÷单位数×6)分`: every unit earns the formula of its
        place — a formula that reads no 名次 would give every unit the same, and is no
        rule by place."""
        span = span_of(children)
        rule = self._make_rank_rule(None, False, True, children, span)
        amount = getattr(rule.effect, "amount", None)
        if not any(isinstance(leaf, ast.Place) for leaf in amount_leaves(amount)):
            self.form_error(
                span,
                "名次计分的算式，如 得((单位数−名次+1)÷单位数×6)分",
                "a formula of the place, e.g. 得((单位数−名次+1)÷单位数×6)分",
                batch=False,
            )
        return replace(rule, every=True)

    def in_turn(self, children: list) -> InTurn | ast.Effect:
        verb = next(t for t in children if isinstance(t, Token) and t.type == "EFFECT_VERB")
        numbers = [t for t in children if isinstance(t, Token) and t.type in ("NUMBER", "CN_NUM")]
        ranged = any(isinstance(t, Token) and t.type == "RANGE_PAIR" for t in children)
        if children[0].type == "RESPECTIVELY" and len(numbers) == 1 and not ranged:
            # `前三名各扣3分`, `分别加2分`: one amount for every unit of the places
            cls = _EFFECT_CLASSES[kw.EFFECTS[verb.value]]
            number = numbers[0]
            amount = ast.Num(self.number(number), "分", token_span(number), number.value)
            return cls(amount, span_of(children), verb.value)
        amounts: list[ast.Num] = []
        for item in children:
            if not isinstance(item, Token):
                continue
            if item.type in ("NUMBER", "CN_NUM"):
                amounts.append(ast.Num(self.number(item), "分", token_span(item), item.value))
            elif item.type == "RANGE_PAIR":
                low, high = self._range(item)
                step = Decimal(1) if high.value >= low.value else Decimal(-1)
                value = low.value
                while (value - high.value) * step <= 0 and len(amounts) < 1000:
                    amounts.append(ast.Num(value, "分", low.span.merge(high.span), f"{value}"))
                    value += step
        return InTurn(tuple(amounts), kw.EFFECTS[verb.value], span_of(children))

    def _make_rank_rule(self, places, best, rest, items, span) -> ast.RankRule:
        effect = None
        in_turn: tuple[ast.Num, ...] = ()
        word = ""
        proportional = False
        share_order = None
        share_named = None
        share_nouns: tuple[str, ...] = ()
        floor = None
        for item in items:
            if isinstance(item, Token) and item.type == "STEP_FLOOR":
                floor = _floor_num(item)  # `其余按比例得分，最低得3分`
            elif isinstance(item, Token) and item.type == "PROPORTION":
                proportional = True
                share_order = _share_order(item.value)
                share_nouns = _share_nouns(item.value)
                named = _NAMED.search(item.value)
                if named:  # `按【完成率】与最高值的比例折算得分`: the clause's own subject
                    share_named = ast.Ref(named.group(1), token_span(item))
            elif isinstance(item, InTurn):
                in_turn, word = item.amounts, item.word
            elif not isinstance(item, Token):
                effect = item
        return ast.RankRule(
            places,
            best,
            rest,
            effect,
            in_turn,
            word,
            proportional,
            span,
            share_order=share_order,
            share_named=share_named,
            share_nouns=share_nouns,
            floor=floor,
        )

    def _same_subject(self, subject: object, items: list) -> None:
        """A share named with its fact (`其余按【完成率】与最高值的比例…`) or by the words of
        a written ratio (`按其完成率占最高值的比例`) must name the clause's subject: a share
        of another value (`本单位上年完成率`, another fact) is not what the clause says."""
        name = getattr(subject, "name", None)
        for rule in items:
            for noun in getattr(rule, "share_nouns", ()):
                if name is None or noun == name or kw.tail_of(name, noun):
                    continue
                if name in _GENERIC_FACTS and not _OTHER_TIME.search(noun):
                    continue  # 【指标】 named by its measure: `本县区人数÷最多县区人数`
                # `按本单位上年完成率与最高值之比`: a value other than the ranked one
                self.form_error(
                    rule.span,
                    f"按与最高者的比例得分（比的只能是本条款的【{name}】，“{noun}” 不是它）",
                    f"a share of the best's value (of 【{name}】 only; “{noun}” is not it)",
                )
                return
            named = getattr(rule, "share_named", None)
            if named is not None and named.name != getattr(subject, "name", named.name):
                self.form_error(
                    named.span,
                    "按与第1名（最高者）的比例得分",
                    "a share of the first place's points",
                )

    def _places(self, token: Token) -> ast.Places:
        """`第1名`, `第2至5名`, `前三名`, `后两名`, `倒数第2名`, `末位`: first and last."""
        text = token.value
        span = token_span(token)
        shown = self.original(span).strip()  # as written, before `equivalents`
        numbers = [self._number_text(n, span) for n in _NUMBER.findall(text)]
        whole = [int(n) for n in numbers]
        from_end = any(word in text for word in kw.PLACES_FROM_END)
        if not whole and any(text.endswith(word) for word in kw.FIRST_PLACE):  # 首位
            return ast.Places(1, 1, False, span, shown)
        if not whole:  # 末位, 最后一名, 倒数第一
            return ast.Places(1, 1, True, span, shown)
        if any(word in text for word in kw.PLACES_ONWARD):  # 第四名及以后
            return ast.Places(whole[0], ast.OPEN_PLACE, False, span, shown)
        if len(whole) >= 2:
            return ast.Places(whole[0], whole[1], from_end, span, shown)
        if "第" not in text:  # 前三名, 后两名: N places
            return ast.Places(1, whole[0], from_end, span, shown)
        return ast.Places(whole[0], whole[0], from_end, span, shown)

    # ----------------------------------------------------------------- helpers

    def _parts(self, children: list, has_head: bool = True) -> Parts:
        head = children[0] if has_head else None
        rest = children[1:] if has_head else list(children)
        body: list = []
        otherwise: tuple[ast.Effect, ...] = ()
        otherwise_span = None
        cap = None
        rounding = "floor"
        places = None
        share = next((item for item in rest if isinstance(item, Share)), None)
        if share is not None:
            rest = [self._shared(item, share) for item in rest if item is not share]
        for item in rest:
            if isinstance(item, Otherwise):
                otherwise += item.effects
                otherwise_span = item.span
            elif isinstance(item, Token) and item.type in _TAILS:
                if item.type == "CAP_T":
                    cap = self._cap(item)
                    self._cap_sense(item, rest)
                elif item.type == "ROUND_CEIL":
                    rounding = "ceil"
                elif item.type == "ROUND_RATIO":
                    rounding = "ratio"
                elif item.type == "ROUND_PLACES":
                    places = self._places_said(item)
            else:
                body.append(item)
        span = span_of(children)
        return Parts(head, body, otherwise, cap, rounding, span, otherwise_span, places)

    def _places_said(self, token: Token) -> ast.Num:
        """`，结果保留两位小数` as its step (0.01), remembered until the line's clauses are
        built: only a clause whose points are fixed or computed (a formula, a share of the
        best) can round them, and any other clause on the line is refused (E253)."""
        digits = re.search(r"保留[ \t]*([一二两三四1-4])", token.value)
        assert digits is not None, "the terminal matched it"
        count = int(digits.group(1)) if digits.group(1).isdigit() else _cn_place(digits.group(1))
        step = Decimal(1).scaleb(-count)
        said = ast.Num(step, "分", token_span(token), token.value)
        self.places_said.append(said)
        return said

    def share(self, children: list) -> Share:
        return Share(self.leaf(children[1]), span_of(children))  # type: ignore[arg-type]

    def _shared(self, item: object, share: Share) -> object:
        """`，扣分按【所辖县数】平均计算`: every amount of the clause divided by the count
        (a unit whose count is 0 is a data error; the checker warns where it may be)."""
        if isinstance(item, Otherwise):
            return Otherwise(tuple(self._shared(e, share) for e in item.effects), item.span)
        if isinstance(item, tuple):
            return tuple(self._shared(e, share) for e in item)
        if isinstance(item, AmountList):
            return AmountList(tuple(self._shared(e, share) for e in item.effects), item.span)
        if isinstance(item, ast.Deduct | ast.Earn | ast.Bonus):
            if item.amount is None:
                self.form_error(share.span, "（得满分不能平均）", "(full marks cannot be shared)")
                return item
            amount = ast.BinOp("/", item.amount, share.ref, span_of(item.amount, share.ref))
            return type(item)(amount, item.span, item.word)
        if isinstance(item, ast.NoScore):
            self.form_error(share.span, "扣N分（写明要平均的分值）", "扣N分 (an amount to share)")
        return item

    def _cap_sense(self, token: Token, items: list) -> None:
        """A clause cap names what it caps: `最多扣3分` a deduction, `最高得3分` an earning,
        `最高加3分` a bonus.  After a clause that does something else (`每次得1分，最多扣3分`,
        `其余按比例得分，最多扣3分`: does it earn at most 3, or lose at most 3 of the item?
        `每次扣1分，最高得3分`) the words do not say which cap is meant — never read as
        either (E253, the writings in the hint)."""
        words = token.value.lstrip(", \t")
        verb = _cap_verb(words)
        kinds: set[str] = set()
        for item in items:
            _effect_kinds(item, kinds)
        if verb == "deduct":
            if kinds & {"deduct", "outcome", "other"} or not kinds:
                return
            key = "cap_earning" if "earn" in kinds else "cap_bonus"
        elif verb == "earn":
            if kinds == {"earn"}:
                return
            key = "cap_not_earning"
        else:
            if kinds == {"bonus"}:
                return
            key = "cap_not_bonus"
        args = {"text": words, **details(f"why.{key}", "why")}
        args.update(details(f"hint.{key}", "hint"))
        start = len(token.value) - len(words)
        self.report("E253", sub_span(token, start, len(token.value)), args)

    def _cap(self, token: Token) -> ast.Num:
        match = _NUMBER.search(token.value)
        assert match is not None
        span = sub_span(token, match.start(), match.end())
        return ast.Num(self._number_text(match.group(), span), "分", span, match.group())

    def _range(self, token: Token) -> tuple[ast.Num, ast.Num]:
        match = _RANGE.fullmatch(token.value)
        assert match is not None
        out = []
        for name in ("low", "high"):
            span = sub_span(token, match.start(name), match.end(name))
            text = match.group(name)
            out.append(ast.Num(self._number_text(text, span), "分", span, text))
        return out[0], out[1]

    def _number_text(self, text: str, span: Span) -> Decimal:
        fake = Token(
            "NUMBER",
            text,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
        )
        return self.number(fake)

    def _no_otherwise(self, parts: Parts) -> None:
        if parts.otherwise_span is not None:
            self.form_error(
                parts.otherwise_span, "，最多扣N分 或 ，扣完为止", "，最多扣N分 or ，扣完为止"
            )

    def _counted_after(self, head: ast.Compare, per: ast.Per) -> str:
        """What `COMPARISON，每<counting verb>N…扣` counts (LANGUAGE.md §5, docs/language.md
        “标准与条件”): "shortfall" or "excess" when the comparison states a standard —
        `不得少于4次，每缺1次扣1分` deducts for the inspections not done, never for all of
        them — and "all" when it is a condition (`超过3次的，每次扣1分`).  A standard is
        a modal or 不得 form, or a bare `不少于`/`不超过`… without `的` whose verb counts
        the side that breaks it.  Readings that could go both ways stay "all" here and
        are refused by the checker (E221, E222); a verb against the standard is E220."""
        direction = kw.comparison_direction(head.word)
        if direction not in ("ge", "le"):
            return "all"
        broken = "shortfall" if direction == "ge" else "excess"
        reading = kw.comparison_reading(head.word)
        if reading == "modal":
            return broken
        if reading != "standard" or has_de(self.original, head, per):
            return "all"
        return broken if kw.count_verb_side(per.verb) is not None else "all"

    def _subject(self, head: object) -> ast.Expr | None:
        """What a per-unit or batch clause counts: a fact, or a sum of facts."""
        if isinstance(head, ast.Truth):
            return head.ref
        if isinstance(head, Subject):
            return head.expr
        span = getattr(head, "span", None)
        if span is not None:
            self.form_error(span, "一个【数据项】或几项之和", "one 【fact】 or a sum of facts")
        return None

    def _condition(self, head: object) -> ast.Cond | None:
        """A head used as a condition; a bare sum of facts is not one."""
        bad = _find_subject(head)
        if bad is not None:
            self.form_error(
                bad.span, "条件（如 【A】+【B】超过3次）", "a condition (e.g. 【A】+【B】超过3次)"
            )
            return None
        return head  # type: ignore[return-value]


def has_de(original, head: ast.Compare, per: ast.Per) -> bool:
    """Whether `的` stands between a comparison and the step that follows it
    (`超过3次的，每次…`): the mark of a condition rather than a standard."""
    if per.span.line != head.span.end_line:
        return False
    between = Span(head.span.end_line, head.span.end_column, per.span.line, per.span.column)
    return kw.DECORATION_DE in original(between)


def _with_rounding(per: ast.Per, rounding: str) -> ast.Per:
    if rounding == per.rounding:
        return per
    return ast.Per(per.verb, per.verb_kind, per.step, per.span, rounding)


def _walk_conditions(head: object):
    stack = [head]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.And | ast.Or):
            stack.extend(node.operands)
        elif isinstance(node, ast.Not):
            stack.append(node.operand)


def _has_list(head: object) -> bool:
    return any(isinstance(n, RefList) for n in _walk_conditions(head))


def _list_refs(head: object) -> tuple[ast.Ref, ...]:
    refs: list[ast.Ref] = []
    for node in _walk_conditions(head):
        if isinstance(node, RefList):
            refs.extend(node.refs)
    return tuple(sorted(refs, key=lambda r: (r.span.line, r.span.column)))


def _find_subject(head: object) -> Subject | None:
    for node in _walk_conditions(head):
        if isinstance(node, Subject):
            return node
    return None


@dataclass(frozen=True)
class AmountList:
    """`扣1分、2分、3分`: an effect for each listed item, in order."""

    effects: tuple[ast.Effect, ...]
    span: Span


_LIST_ITEM = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|["
    + kw.CN_NUMERAL_CHARS
    + r"]+)[ \t]*(?P<unit>"
    + kw.alternation(kw.UNITS)
    + ")?"
)


def _is_missing(per: ast.Per) -> bool:
    """`每缺1项`, `每项`, `缺少一项`: a missing-items step over listed 是否 facts."""
    return per.verb in _MISSING_VERBS or (per.verb is None and per.step.unit == "项")


def _is_missing_head(head: object) -> bool:
    return isinstance(head, RefList) and head.negated


def _respective_items(head: object) -> list | None:
    """The conditions of a listed head, one per item, or None when it lists nothing:
    `未【A】、【B】` → 未A, 未B; `【A】、【B】低于85%` → A<85, B<85; a CondSeq its items."""
    if isinstance(head, RefList):
        if head.negated:
            return [ast.Not(ast.Truth(r, r.span), head.span, "未") for r in head.refs]
        return [ast.Truth(r, r.span) for r in head.refs]
    if isinstance(head, ast.Compare) and isinstance(head.left, RefList):
        return [ast.Compare(r, head.word, head.right, head.span) for r in head.left.refs]
    if isinstance(head, CondSeq):
        out = []
        for item in head.items:
            nested = _respective_items(item)
            if nested is not None:
                out.extend(nested)
            else:
                out.append(item)
        return out
    return None


def _seq_refs(head: CondSeq) -> tuple[ast.Ref, ...]:
    refs: list[ast.Ref] = []
    for item in head.items:
        for node in _walk_conditions(item):
            if isinstance(node, ast.Truth):
                refs.append(node.ref)
            elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Ref):
                refs.append(node.left)
            elif isinstance(node, RefList):
                refs.extend(node.refs)
    return tuple(refs)


def _standard_direction(head: object, per: ast.Per) -> str | None:
    """The direction of the deduction half of `达到90%的得10分，每低1个百分点扣1分`:
    shortfall below a lower bound, excess above an upper bound; a step verb must agree."""
    if not isinstance(head, ast.Compare) or isinstance(head.left, RefList):
        return None
    word = head.word.split("…")[0]
    base = kw.requirement_words().get(word, word)
    cmp = kw.COMPARE_BEFORE.get(base) or kw.COMPARE_AFTER.get(head.word)
    if cmp is None or cmp.date:
        return None
    want = {"ge": "shortfall", "le": "excess"}.get(cmp.direction)
    if want is None:
        return None
    if per.verb_kind == "count" or per.verb_kind == want:
        return want
    return None


def amount_leaves(expr: object) -> Iterator[object]:
    """The values an amount expression is computed from, left to right (iteratively: a
    sum of thousands of terms is a tree that deep)."""
    stack = [expr]
    while stack:
        item = stack.pop()
        if isinstance(item, ast.BinOp):
            stack += (item.right, item.left)
        elif isinstance(item, ast.Call):
            stack += reversed(item.args)
        else:
            yield item


def _average_in(expr: object) -> ast.Average | None:
    """The first `平均值` (`最高值`…) inside an amount expression, if any."""
    return next((leaf for leaf in amount_leaves(expr) if isinstance(leaf, ast.Average)), None)


def _subject_of_formulas(condition: object, effects: tuple) -> bool:
    """`【X】得(【X】÷平均值×3)分`: a bare 【X】 before effects that all compute from X is
    the fact they compute from, not a yes/no condition (X, a number, could not be one)."""
    if not isinstance(condition, ast.Truth) or not effects:
        return False
    name = condition.ref.name
    return all(
        isinstance(e, ast.Deduct | ast.Earn | ast.Bonus)
        and isinstance(e.amount, ast.BinOp | ast.Call)
        and any(ref.name == name for ref in _refs_in(e.amount))
        for e in effects
    )


def _refs_in(expr: object) -> list[ast.Ref]:
    """Every `【…】` of an amount expression, left to right."""
    return [leaf for leaf in amount_leaves(expr) if isinstance(leaf, ast.Ref)]


def _of_fact(expr: ast.Expr, fact: ast.Ref) -> ast.Expr:
    """The amount with each 平均值 / 最高值 / 最低值 in it made the batch value of
    `fact` (only below MAX_DEPTH, checked by the caller: recursion is safe)."""
    if isinstance(expr, ast.Average):
        return replace(expr, of=fact)
    if isinstance(expr, ast.BinOp):
        return replace(expr, left=_of_fact(expr.left, fact), right=_of_fact(expr.right, fact))
    if isinstance(expr, ast.Call):
        return replace(expr, args=tuple(_of_fact(a, fact) for a in expr.args))
    return expr


def _floor_num(said: Token) -> ast.Num:
    """`，最低得4分` (a step's or a share's floor) as the number it names."""
    found = re.search(r"\d+(?:\.\d+)?", said.value)
    assert found is not None, "the terminal ends in a number"
    return ast.Num(Decimal(found.group()), "分", token_span(said), said.value.lstrip(", \t"))


#: `倒数第二` / `倒数第2名` before a list of places (the places from the end named earlier).
_FROM_END_PLACE = re.compile(r"倒数第\s*([一二三四五六七八九十\d]{1,3})")


def _cn_place(text: str) -> int:
    try:
        return cn_to_int(text)
    except ValueError:
        return 0


def _penalises(items: list) -> bool:
    """What a rule does takes away (扣, 不得分, a grade limit): a list of places from the
    end that penalises goes on counting from the end."""
    for item in items:
        if isinstance(item, ast.Earn | ast.Bonus):
            return False
        if isinstance(item, InTurn) and item.word in ("得", "加"):
            return False
    return any(not isinstance(item, Token) for item in items)


def _beyond_the_best(target: object, per: ast.Per) -> bool:
    """`每高于最高值…`: no unit is beyond the best; the gap is on the other side."""
    best = getattr(target, "best", None)
    return best is not None and per.verb_kind != ("shortfall" if best == "high" else "excess")


def _cap_verb(words: str) -> str:
    """`最多扣`, `限扣` → deduct; `最高得`, `最多计` → earn; `最高加` → bonus
    (`累计` in `累计最多得` is no verb)."""
    words = words.removeprefix("累计")
    for ch in words:
        if ch in kw.CAP_VERBS:
            return kw.CAP_VERBS[ch]
    return "deduct"


def _effect_kinds(item: object, kinds: set[str]) -> None:
    """What one built part of a clause does: earn, deduct (扣, 不得分), bonus, or an
    outcome; the step (`每次`) and the condition do nothing of their own."""
    if isinstance(item, ast.Earn):
        kinds.add("earn")
    elif isinstance(item, ast.Bonus):
        kinds.add("bonus")
    elif isinstance(item, ast.Deduct | ast.NoScore):
        kinds.add("deduct")
    elif isinstance(item, ast.Disqualify | ast.Veto | ast.Label | ast.GradeLimit | ast.Override):
        kinds.add("outcome")
    elif isinstance(item, ast.RankRule):
        if item.step is not None:
            kinds.add("deduct")  # a step down by place: its own words
        elif item.proportional or isinstance(item.effect, ast.Earn):
            kinds.add("earn")
        elif isinstance(item.effect, ast.Bonus):
            kinds.add("bonus")
        elif item.in_turn and item.in_turn_word in ("得", "加"):
            kinds.add("earn" if item.in_turn_word == "得" else "bonus")
        elif item.effect is not None:
            _effect_kinds(item.effect, kinds)
    elif isinstance(item, tuple | list):
        for part in item:
            _effect_kinds(part, kinds)
    elif isinstance(item, AmountList | Otherwise):
        for part in item.effects:
            _effect_kinds(part, kinds)
    elif isinstance(item, Counter):
        _effect_kinds(item.effect, kinds)
    elif isinstance(item, Step | ast.Per | Token) or _is_condition(item):
        return
    else:
        kinds.add("other")


def _is_condition(item: object) -> bool:
    return isinstance(
        item,
        ast.Truth | ast.Compare | ast.Not | ast.And | ast.Or | ast.Ref | ast.BinOp | ast.Call,
    )


def _number(value: Decimal, span: Span) -> ast.Num:
    """A number the reading computed (`以此类推`'s amounts), written as a formula would."""
    return ast.Num(value, None, span, format(value.normalize(), "f"))
