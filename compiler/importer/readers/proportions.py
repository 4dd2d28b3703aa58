"""Sentences that score in proportion to a completion, a rate or a ratio (language.md 9.12,
9.22), each read only where the formula's ends are the sentence's own:

- a share of a target handed down, earning points that are a part of the item:
  `农村生活污水治理率达到年度目标任务的得3分，未达到的按完成比例计分` in an item of 10 is
  `得(最小(【农村生活污水治理率】÷【农村生活污水治理率年度目标任务】, 1)×3)分` (the target a
  fact of the same type, no default; in an item of those very points `clauses` reads it);
- a rate done in time, the time said in the first half:
  `对走失老人，发现后1小时内送返的得3分，未及时送返的按及时送返率×3计分` is
  `得(【及时送返率】÷100×3)分` (the rate at 100% is every case in time, the first half);
- a rise over last year in percentage points, in proportion below the step:
  `X较上年提高5个百分点以上的得2分，提高不足5个百分点的按提高幅度÷5×2计分，未提高的不得分`
  is `得(最小(最大(【X】−【上年X】, 0)÷5, 1)×2)分`;
- a rate of fall against a target: `X较上年下降率达到区下达目标的得4分，未达到的按实际下降率÷
  目标下降率×4计分，较上年上升的不得分` is `得(最小(【X较上年下降率】÷【…目标】, 1)×4)分`
  (the rate a 数值: a rise is a negative fall, and the formula's negative is 0);
- the two halves of a share of an average the document names (`全市平均水平`), joined by
  `split_sentences`: `X达到全市平均水平以上的得5分；低于全市平均水平的，按本地X÷全市平均X×5
  计分` is `得(最小(【X】÷【全市平均X】, 1)×5)分` — the average is a number of the whole
  city, which the units fill in (a pooled share is no mean of the units' shares, and the
  units scored may be a county's).

`proportion_trouble` says why two near shapes stay pending: a deduction `按未完成…的比例扣分`
that does not say the proportion of how many points, and bands of a share of the mean whose
middle band ends at the mean itself (`高于平均数的得3分，达到平均数80%以上的得2分`), which the
language's bands cannot write.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...source.text import normalise
from ..names import legal_name
from ..shapes import DECIMAL, Reading

_N = DECIMAL
_TIMES = r"\s*[×*xX]\s*"
_BY = r"\s*[÷/]\s*"
_SCORED = r"\s*分?\s*(?:计分|得分|计算)"
#: A target handed down, named not numbered.
_TARGET = (
    r"年度目标(?:任务)?|目标值|目标任务|下达(?:的)?目标(?:任务)?|"
    r"(?:县|市|区|省|上级)(?:级)?下达(?:的)?(?:年度)?目标(?:任务)?"
)
_TARGET_SHARE = re.compile(
    r"^(?P<x>[^,;]+?(?:率|人次|人数|户数|件数|个数|次数))\s*(?:应)?达到"
    rf"(?P<t>{_TARGET})的?\s*,?\s*得\s*(?P<p>{_N})\s*分\s*[,;]\s*"
    r"未达到的?\s*,?\s*按(?:实际)?完成比例(?:计分|得分)$"
)
_IN_TIME = re.compile(
    r"^(?:对(?P<who>[^,;]{2,30}?)\s*,\s*)?(?P<lead>[^,;\d]{0,8}?)"
    r"(?P<limit>\d+\s*(?:个)?(?:小时|工作日|日|天)(?:内|以内))(?P<after>[^,;\d]{2,20}?)的?\s*,?\s*"
    rf"得\s*(?P<p>{_N})\s*分\s*[,;]\s*未及时(?P<v>[^,;\d的]{{1,4}}?)的?\s*,?\s*"
    rf"按(?:实际)?(?P<r>及时(?P=v)率){_TIMES}(?P<p2>{_N}){_SCORED}$"
)
_RISE_VERBS = r"提高|提升|增长|上升|增加"
_RISE = re.compile(
    rf"^(?P<x>[^,;]+?)较上(?:一)?年(?:度)?(?P<v>{_RISE_VERBS})\s*(?P<n>{_N})\s*个百分点(?:及)?以上"
    rf"的?\s*,?\s*得\s*(?P<p>{_N})\s*分\s*[,;]\s*(?:{_RISE_VERBS})?(?:不足|不到|未达到|低于|未满)\s*"
    rf"(?P<n2>{_N})\s*个百分点的?\s*,?\s*按(?:实际)?(?:{_RISE_VERBS})?(?:幅度|百分点数?|值)"
    rf"{_BY}(?P<n3>{_N})\s*(?:个百分点)?{_TIMES}(?P<p2>{_N}){_SCORED}"
    rf"(?:\s*[,;]\s*(?:未(?:{_RISE_VERBS})|(?:与上年)?持平(?:或下降)?|下降)的?\s*,?\s*不得分)?$"
)
_FALL_VERBS = r"下降|降低|减少"
_FALL = re.compile(
    rf"^(?P<x>[^,;]+?较上(?:一)?年(?:度)?(?P<v>{_FALL_VERBS})率)\s*(?:应)?达到"
    rf"(?P<t>{_TARGET}|目标(?:{_FALL_VERBS})率)的?\s*,?\s*得\s*(?P<p>{_N})\s*分\s*[,;]\s*"
    rf"未达到的?\s*,?\s*按(?:实际)?(?P=v)率{_BY}(?:目标|下达目标)(?P=v)率{_TIMES}(?P<p2>{_N}){_SCORED}"
    r"(?:\s*[,;]\s*较上(?:一)?年(?:度)?(?:上升|增加|增长|提高)的?\s*,?\s*不得分)?$"
)
_AREA = r"全[市省县区州]"
_AVG = r"平均(?:水平|值|数)"
_MEAN_SHARE = re.compile(
    rf"^(?P<x>[^,;]+?)(?:达到|不低于)\s*(?P<area>{_AREA}){_AVG}(?:及)?以上的?\s*,?\s*"
    rf"得\s*(?P<p>{_N})\s*分\s*[,;]\s*低于\s*(?:{_AREA})?{_AVG}的?\s*,?\s*"
    rf"按(?:本地|本单位|本乡镇|本县区|实际)?(?P<own>[^,;÷/]{{1,10}}?){_BY}"
    rf"(?P=area)?平均(?P<own2>[^,;×*]{{1,10}}?){_TIMES}(?P<p2>{_N}){_SCORED}$"
)


def _plain(sentence: str) -> str:
    return normalise(sentence).strip().rstrip("。;, ")


def _same(*numbers: str) -> bool:
    return len({Decimal(n) for n in numbers}) == 1 and Decimal(numbers[0]) > 0


def _kind(name: str) -> str:
    """The type of a number reached against a target: a rate or a share is a percentage,
    a count its unit (`服务人次` → 人次); the target is of the same type."""
    if re.search(r"(?:率|占比|比例|比重)$", name):
        return "百分比"
    for ending, unit in (("人次", "人次"), ("人数", "人"), ("户数", "户"), ("件数", "件")):
        if name.endswith(ending):
            return unit
    return "次" if name.endswith("次数") else "个"


def read_target_share(sentence: str) -> Reading | None:
    """`X达到区下达目标任务的得3分，未达到的按完成比例计分`: the 3 points × X ÷ the target,
    at most 3 (the target earns them, more earns no more); X and the target are facts of
    one type, with no default (a target of 0 cannot be divided by)."""
    m = _TARGET_SHARE.match(_plain(sentence))
    if m is None:
        return None
    x = legal_name(m.group("x"))
    target = legal_name(f"{x}{m.group('t')}")
    if len(x) < 3 or re.search(r"\d|平均|最|上年", x):
        return None
    kind = _kind(x)
    clause = f"得(最小(【{x}】÷【{target}】, 1)×{m.group('p')})分"
    said = f"{m.group('t')}（{x}应达到的数，照下达的数填写；为0时无法计算比例）"
    return Reading(
        (x, target), clause, (kind, kind), default="", descriptions=(sentence, said), declared=True
    )


def read_in_time(sentence: str) -> Reading | None:
    """`对走失老人，发现后1小时内送返的得3分，未及时送返的按及时送返率×3计分`: the time limit
    says what 及时 is, and the first half is every case in it — the rate at 100%, where
    the formula gives the first half's points: `得(【及时送返率】÷100×3)分`.  Only where
    what is done in time is the rate's verb (`送返`, `送返率`)."""
    m = _IN_TIME.match(_plain(sentence))
    if m is None or not _same(m.group("p"), m.group("p2")):
        return None
    verb = m.group("v")
    if not m.group("after").startswith(verb) or re.search(r"未|不|没有|或|最", m.group("after")):
        return None
    if re.search(r"[得扣加减]|未(?!成年)|不|没有", m.group("lead") + (m.group("who") or "")):
        return None
    rate = legal_name(m.group("r"))
    clause = f"得(【{rate}】÷100×{m.group('p')})分"
    said = f"{m.group('lead')}{m.group('limit')}{verb}的比例（{sentence}）"
    return Reading((rate,), clause, ("百分比",), description=said, default="", declared=True)


def read_rise_share(sentence: str) -> Reading | None:
    """`X较上年提高5个百分点以上的得2分，提高不足5个百分点的按提高幅度÷5×2计分，未提高的
    不得分`: this year's and last year's X (percentages, no default), the rise over 5 at
    most 1, times 2: `得(最小(最大(【X】−【上年X】, 0)÷5, 1)×2)分`."""
    m = _RISE.match(_plain(sentence))
    if m is None or not _same(m.group("n"), m.group("n2"), m.group("n3")):
        return None
    if not _same(m.group("p"), m.group("p2")):
        return None
    x = legal_name(re.sub(r"^(?:本年度?|今年|当年)", "", m.group("x")))
    if len(x) < 3 or re.search(r"\d|平均|最|上年|[得扣]", x):
        return None
    last = legal_name(f"上年{x}")
    clause = f"得(最小(最大(【{x}】−【{last}】, 0)÷{m.group('n')}, 1)×{m.group('p')})分"
    return Reading(
        (x, last),
        clause,
        ("百分比", "百分比"),
        default="",
        descriptions=(sentence, f"上年的{x}"),
        declared=True,
    )


def read_fall_share(sentence: str) -> Reading | None:
    """`X较上年下降率达到区下达目标的得4分，未达到的按实际下降率÷目标下降率×4计分，较上年上升
    的不得分`: `得(最小(【X较上年下降率】÷【X较上年下降率区下达目标】, 1)×4)分`.  The rate of
    fall is a 数值 (a rise is filled in as a negative fall, and a negative score is 0 — the
    `不得分` of a rise); the target a percentage, with no default (0 cannot divide)."""
    m = _FALL.match(_plain(sentence))
    if m is None or not _same(m.group("p"), m.group("p2")):
        return None
    x = legal_name(m.group("x"))
    if len(x) < 6 or re.search(r"\d|平均|最", x):
        return None
    t = m.group("t")
    target = legal_name(f"{x}{t}" if not t.startswith("目标") else f"{x}目标")
    clause = f"得(最小(【{x}】÷【{target}】, 1)×{m.group('p')})分"
    said = (
        f"{x}（百分数本身，{m.group('v')}2.5%填2.5；较上年上升的填负数，"
        f"如上升1%填-1）；原文：{sentence}"
    )
    due = f"{t}（应达到的{m.group('v')}率，百分数本身；为0时无法计算比例）"
    return Reading(
        (x, target), clause, ("数值", "百分比"), default="", descriptions=(said, due), declared=True
    )


def joins_mean_share(before: str, part: str) -> bool:
    """Whether `part` is the second half of the share of an average `before` starts:
    `…达到全市平均水平以上的得5分` then `低于全市平均水平的，按本地占比÷全市平均占比×5计分`
    (one standard: alone, the first half gives 0 just below the average)."""
    return _MEAN_SHARE.match(f"{_plain(before)};{_plain(part)}") is not None


def read_mean_share(sentence: str) -> Reading | None:
    """`X达到全市平均水平以上的得5分；低于全市平均水平的，按本地X÷全市平均X×5计分`:
    `得(最小(【X】÷【全市平均X】, 1)×5)分` — at the average and above 5, below it the
    share of 5.  The average of the whole area is a fact every unit fills in alike (no
    default): a pooled share of the city is no mean of the units', and the units scored
    may be a part of it (language.md 9.8, E258)."""
    m = _MEAN_SHARE.match(_plain(sentence))
    if m is None or not _same(m.group("p"), m.group("p2")):
        return None
    x = legal_name(m.group("x"))
    own, own2 = m.group("own").strip(), m.group("own2").strip()
    if own != own2 or len(own) < 2 or not x.endswith(own) or len(x) < 3:
        return None
    if re.search(r"\d|平均|最|上年|[得扣]", x):
        return None
    area = m.group("area")
    mean = legal_name(f"{area}平均{x}")
    kind = "百分比" if re.search(r"(?:率|占比|比例|比重)$", x) else "数值"
    clause = f"得(最小(【{x}】÷【{mean}】, 1)×{m.group('p')})分"
    said = f"{mean}（{area}的平均水平，各单位填同一个数；为0时无法计算比例）"
    return Reading(
        (x, mean), clause, (kind, kind), default="", descriptions=(sentence, said), declared=True
    )


#: `按未完成督导任务的比例扣分，最多扣3分`: a share deducted, of no points said.
_SHARE_DEDUCTED = re.compile(
    r"按[^,;]{0,16}?(?:未|没有)[^,;]{0,16}?比例扣分(?:[,;]\s*(?:最多|最高)扣\s*(?P<cap>\d+(?:\.\d+)?)\s*分)?"
)
#: `高于…平均数的得3分，达到平均数80%以上的得2分`: a middle band of a share of the mean
#: up to the mean itself.
_TOP_THEN_SHARE = re.compile(
    rf"(?:高于|超过)[^,;]{{0,16}}?{_AVG}的?\s*,?\s*得\s*{_N}\s*分\s*[,;]\s*"
    rf"达到\s*{_AVG}\s*(?P<r>{_N})\s*%\s*(?:及)?以上"
)


def proportion_trouble(n: str) -> str:
    """Why a sentence of one of two near shapes stays pending (empty: neither)."""
    share = _SHARE_DEDUCTED.search(n)
    if share is not None:
        cap = share.group("cap")
        return (
            "“按未完成的比例扣分” 没有写明是多少分的比例：是"
            + (f"{cap}分×未完成比例（未完成一半扣{cap}分的一半）" if cap else "N分×未完成比例")
            + "，还是本项分值×未完成比例"
            + (f"、最多扣{cap}分" if cap else "")
            + "，两种读法扣分不同。请向发文单位确认后写成算式，如 “扣(【未完成比例】÷100×"
            + (cap or "N")
            + ")分”（未完成比例为百分比数据项）"
        )
    top = _TOP_THEN_SHARE.search(n)
    if top is not None:
        r = top.group("r")
        return (
            f"按平均数的几成分档：高于平均数的一档之下，“达到平均数{r}%以上” 一档到平均数为止（含恰好等于"
            f"平均数的单位），本语言按平均数几成分档的写法中，一档的上界只能是不含的（“但低于平均数”）。"
            f"若恰好等于平均数的单位得高一档，请写成 “【X】达到平均数的得…分；达到平均数{r}%但低于平均数的"
            f"得…分；不足平均数{r}%的得…分”；照原文（恰好等于平均数的得低一档）的，请向发文单位确认后另行写明"
        )
    return ""


_POINTS = re.compile(r"×(?P<p>\d+(?:\.\d+)?)\)分$")


def in_item(points: str | None, item_words: str) -> tuple:
    """The readers of this module, each kept only where the points its clause earns are
    the item's, or a part of them beside other scoring sentences of the item (which
    score the rest).  A part alone in its item (`…得3分，未达到的按完成比例计分` the only
    sentence of an item of 4) would leave points no sentence earns: not drafted."""

    def fitted(reader):
        def read(sentence: str) -> Reading | None:
            reading = reader(sentence)
            found = _POINTS.search(reading.clause) if reading is not None else None
            if found is None or points is None:
                return None
            p, whole = Decimal(found.group("p")), Decimal(points)
            if p == whole:
                return reading
            rest = item_words.replace(_plain(sentence), "")
            others = re.search(r"\d\s*分|不得分|扣分", rest)
            return reading if p < whole and others is not None else None

        return read

    return tuple(
        fitted(r)
        for r in (
            read_target_share,
            read_in_time,
            read_rise_share,
            read_fall_share,
            read_mean_share,
        )
    )
