"""Sentences about a change: this year against last year, and dates with deadlines.

- One side of last year earning (`X同比增长的得2分，持平或下降的不得分`): this year's value
  and last year's are two facts, `【X】高于【上年X】的得2分`.  `下降的不得分` alone leaves
  持平 unsaid (the language's E247: a gap between a condition and its otherwise), so that
  sentence is held with a reason saying what to write.
- Bands of the change in percentage points (`X较上年提高5个百分点以上的得3分，提高不足5个
  百分点的得1.5分，未提高的不得分`): the difference of the two facts,
  `【X】−【上年X】5个百分点以上的得3分`; 提高不足 is a rise (above last year) below the bound.
- A standard on the change with steps (`X较上年提升5个百分点以上的得10分，每少提升1个百分点
  扣2分`): the language's two halves of a standard on the difference (language.md 9.16).
- Deadlines as bands (`3月底前印发…方案的得2分，4月底前印发的得1分，逾期或未印发的不得分`):
  a date fact, each band bounded on both sides so that no unit earns twice.  A unit that
  never issued it has no date: the fact's default is the year's last day, after every
  deadline, so it earns nothing (and is no data error).
"""

from __future__ import annotations

import calendar
import re
from decimal import Decimal

from ...source.text import normalise
from ..names import legal_name
from ..shapes import DECIMAL, Reading

_N = DECIMAL
_UP = "上升|增加|增长|提高|提升|上涨"
_DOWN = "下降|减少|降低|回落"
#: What is compared (the words before 较上年; what was done may come first, before a comma).
_X = r"^(?:[^;；]*?[,，]\s*)?(?P<x>[^,;，；]{2,30}?)\s*"
_VS = r"(?:(?:较|比|与)上年(?:同期)?(?:相比)?|同比)\s*,?\s*"


def _text(sentence: str) -> str:
    return normalise(sentence).strip().rstrip("。;, ")


def _facts(raw: str) -> tuple[str, str] | None:
    """This year's and last year's names of the compared value; None when the words
    already speak of last year (or are too short to name anything)."""
    x = legal_name(raw.strip())
    if len(x) < 2 or "上年" in x or "同比" in x:
        return None
    return x, legal_name("上年" + x)


def _is_down(verb: str) -> bool:
    return re.fullmatch(_DOWN, verb) is not None


# ------------------------------------------------------------ one side of last year

_ONE_SIDE = re.compile(
    rf"{_X}{_VS}(?P<dir>{_UP}|{_DOWN})的?\s*,?\s*得\s*(?P<a>{_N})\s*分\s*[,;]\s*"
    r"(?P<else>[^,;]{1,12}?)的?\s*,?\s*(?:不得分|得\s*0\s*分)$"
)


def _covers_rest(rest: str, verb: str) -> bool | None:
    """True when the otherwise names 持平 and the opposite side (or 未 + the verb), False
    when it names the opposite side only (持平 unsaid), None when it is something else."""
    rest = re.sub(r"^(?:与上年|较上年|比上年|同比)", "", rest)
    opposite = _UP if _is_down(verb) else _DOWN
    if re.fullmatch(rf"未(?:{verb})|没有(?:{verb})|否则", rest):
        return True
    if re.fullmatch(
        rf"持平(?:或|、|及|和|或者)(?:{opposite})|(?:{opposite})(?:或|、|及|和|或者)持平", rest
    ):
        return True
    if re.fullmatch(opposite, rest):
        return False
    return None


def read_one_side(sentence: str) -> Reading | None:
    """`X同比增长的得2分，持平或下降的不得分`: `【X】高于【上年X】的得2分` (the otherwise is
    what the clause already gives, so it is not written)."""
    m = _ONE_SIDE.match(_text(sentence))
    if m is None or _covers_rest(m.group("else"), m.group("dir")) is not True:
        return None
    names = _facts(m.group("x"))
    if names is None:
        return None
    x, last = names
    word = "低于" if _is_down(m.group("dir")) else "高于"
    clause = f"【{x}】{word}【{last}】的得{m.group('a')}分"
    return Reading((x, last), clause, ("数值", "数值"), descriptions=(x, f"上年{x}"), default="")


def one_side_gap(sentence: str) -> str | None:
    """Why `X同比增长的得2分，下降的不得分` is held: 持平 is neither side."""
    m = _ONE_SIDE.match(_text(sentence))
    if m is None or _covers_rest(m.group("else"), m.group("dir")) is not False:
        return None
    names = _facts(m.group("x"))
    if names is None:
        return None
    x, last = names
    word, keep = ("低于", "不高于") if _is_down(m.group("dir")) else ("高于", "不低于")
    a = m.group("a")
    return (
        f"原文没有说与上年持平的得几分（“{m.group('dir')}的得{a}分” 与 “{m.group('else')}的不得分” "
        f"之间）：持平不得分的，写 “【{x}】{word}【{last}】的得{a}分”；持平也得分的，写 "
        f"“【{x}】{keep}【{last}】的得{a}分”，并在 数据： 中声明【{x}】、【{last}】（数值）"
    )


# ------------------------------------------------------------ the change in points

_POINTS = r"\s*个?百分点"
_CHANGE_BANDS = re.compile(
    rf"{_X}{_VS}(?P<v>{_UP}|{_DOWN})\s*(?P<n>{_N}){_POINTS}(?:及)?以上的?\s*,?\s*得\s*(?P<a>{_N})\s*分"
    rf"\s*[,;]\s*(?P=v)?\s*(?:不足|不到|未达到|未达)\s*(?P=n){_POINTS}的?\s*,?\s*得\s*(?P<b>{_N})\s*分"
    r"\s*[,;]\s*未(?P=v)的?\s*,?\s*(?:不得分|得\s*0\s*分)$"
)


#: A value whose change in percentage points is meant: a rate, not a count (`起数下降3个
#: 百分点` would be a rate of change of the count, another datum).
_RATE = re.compile(r"(?:率|比例|占比|比重)$")


def _rates(raw: str) -> tuple[str, str] | None:
    """`_facts` of a rate only."""
    names = _facts(raw)
    return names if names is not None and _RATE.search(names[0]) else None


def _change(x: str, last: str, down: bool) -> str:
    """The change in the good direction: a rise, or a fall when less is better."""
    return f"【{last}】−【{x}】" if down else f"【{x}】−【{last}】"


def read_change_bands(sentence: str) -> tuple[Reading, ...] | None:
    """`X较上年提高5个百分点以上的得3分，提高不足5个百分点的得1.5分，未提高的不得分`:
    `【X】−【上年X】5个百分点以上的得3分` and `【X】高于【上年X】且【X】−【上年X】低于5个百分点
    的得1.5分`.  提高不足 is still a rise: no rise (持平 too) earns nothing, as the last part
    says; without that part the low end of the second band is unsaid."""
    m = _CHANGE_BANDS.match(_text(sentence))
    if m is None or Decimal(m.group("b")) >= Decimal(m.group("a")):
        return None
    names = _rates(m.group("x"))
    if names is None:
        return None
    x, last = names
    down = _is_down(m.group("v"))
    change, n = _change(x, last, down), m.group("n")
    word = "低于" if down else "高于"
    clauses = (
        f"{change}{n}个百分点以上的得{m.group('a')}分",
        f"【{x}】{word}【{last}】且{change}低于{n}个百分点的得{m.group('b')}分",
    )
    said = (x, f"上年{x}")
    return tuple(
        Reading((x, last), c, ("百分比", "百分比"), descriptions=said, default="") for c in clauses
    )


_CHANGE_STEPS = re.compile(
    rf"{_X}{_VS}(?P<v>{_UP}|{_DOWN})\s*(?P<n>{_N}){_POINTS}(?:及)?以上的?\s*,?\s*得\s*(?P<a>{_N})\s*分"
    rf"\s*[,;]\s*每少(?P=v)?\s*(?P<s>{_N}){_POINTS}\s*(?P<e>扣|减)\s*(?P<d>{_N})\s*分"
    r"(?P<end>\s*[,;]\s*(?:扣完为止|减完为止))?$"
)


def read_change_steps(sentence: str) -> Reading | None:
    """`X较上年提升5个百分点以上的得10分，每少提升1个百分点扣2分`: the standard's two halves
    on the difference, `【X】−【上年X】达到5个百分点以上的得10分，每少1个百分点扣2分` (whole
    steps, as for any standard that does not say otherwise)."""
    m = _CHANGE_STEPS.match(_text(sentence))
    if m is None:
        return None
    names = _rates(m.group("x"))
    if names is None:
        return None
    x, last = names
    change = _change(x, last, _is_down(m.group("v")))
    clause = (
        f"{change}达到{m.group('n')}个百分点以上的得{m.group('a')}分，"
        f"每少{m.group('s')}个百分点{m.group('e')}{m.group('d')}分"
        + ("，扣完为止" if m.group("end") else "")
    )
    return Reading(
        (x, last), clause, ("百分比", "百分比"), descriptions=(x, f"上年{x}"), default=""
    )


# ------------------------------------------------------------ deadlines

_DUE = r"(?P<m{k}>\d{{1,2}})\s*月\s*(?:(?P<end{k}>底|末)|(?P<d{k}>\d{{1,2}})\s*日)\s*(?:\(含\))?\s*(?:前|以前|之前)"
_VERBS = (
    "印发|制定|出台|上报|报送|提交|完成|下发|发布|编制|召开|成立|建立|签订|启动|修订|公布|"
    "部署|开展|组织"
)
_DEADLINES = re.compile(
    rf"^(?:在|于)?\s*{_DUE.format(k=1)}\s*(?P<v>{_VERBS})(?P<obj>[^,;的\d]{{2,30}}?)的?\s*,?\s*"
    rf"得\s*(?P<a>{_N})\s*分\s*[,;]\s*(?:在|于)?\s*{_DUE.format(k=2)}\s*(?P=v)的?\s*,?\s*"
    rf"得\s*(?P<b>{_N})\s*分"
    r"(?:\s*[,;]\s*(?:逾期(?P=v)?(?:或|及|和)未(?P=v)|未(?P=v)(?:或|及|和)逾期(?P=v)?|逾期未(?P=v)|逾期(?P=v)?)"
    r"的?\s*,?\s*(?:不得分|得\s*0\s*分))?$"
)
_DONE_VERBS = f"{_VERBS}|归档|移交|整改"
_LATE = (
    r"(?:逾期(?P=v)?(?:或|及|和)未(?P=v)|未(?P=v)(?:或|及|和)逾期(?P=v)?|逾期未(?P=v)|逾期(?P=v)?)"
)
_THIS_YEAR = r"(?:本年|当年|本年度|当年度)?"
#: `上年度文书档案于本年6月30日前归档完毕的得4分，7月31日前归档完毕的得2分，逾期归档的不得分`:
#: what is done first, then its deadlines.
_DEADLINES_AFTER = re.compile(
    rf"^(?P<obj>[^,;的\d]{{2,30}}?)(?:在|于)\s*{_THIS_YEAR}\s*{_DUE.format(k=1)}\s*"
    rf"(?P<v>{_DONE_VERBS})(?P<fin>完毕|完成|到位)?的?\s*,?\s*得\s*(?P<a>{_N})\s*分\s*[,;]\s*"
    rf"(?:(?:在|于)\s*)?{_THIS_YEAR}\s*{_DUE.format(k=2)}\s*(?P=v)(?P=fin)?的?\s*,?\s*"
    rf"得\s*(?P<b>{_N})\s*分\s*[,;]\s*{_LATE}的?\s*,?\s*(?:不得分|得\s*0\s*分)$"
)
#: The default of a date never filled in: after every deadline the reading accepts.
NOT_DONE = (12, 31)


def _due(m: re.Match[str], k: int) -> tuple[int, int] | None:
    """(month, day) of `3月底前` / `3月31日前`; February's end depends on the year, so it is
    not read (nor a day that no month has)."""
    month = int(m.group(f"m{k}"))
    if not 1 <= month <= 12 or (m.group(f"end{k}") and month == 2):
        return None
    last = calendar.monthrange(2023, month)[1]
    day = last if m.group(f"end{k}") else int(m.group(f"d{k}"))
    return (month, day) if 1 <= day <= last else None


def read_deadlines(sentence: str) -> tuple[Reading, ...] | None:
    """`3月底前印发年度防汛方案的得2分，4月底前印发的得1分，逾期或未印发的不得分`:
    `【印发年度防汛方案日期】不晚于3月31日的得2分` and `…晚于3月31日且…不晚于4月30日的得1分`
    (each band bounded, so an early unit earns 2, not 3).  The fact defaults to 12月31日:
    a unit that never did it has no date and earns nothing."""
    m = _DEADLINES.match(_text(sentence))
    if m is not None:
        return _deadline_bands(m, legal_name(f"{m.group('v')}{m.group('obj').strip()}日期"))
    m = _DEADLINES_AFTER.match(_text(sentence))
    if m is not None:
        # `于本年6月30日前归档完毕`: the year is the policy's (a date reads its 年度)
        return _deadline_bands(m, legal_name(f"{m.group('obj').strip()}{m.group('v')}日期"))
    return None


def _deadline_bands(m: re.Match[str], name: str) -> tuple[Reading, ...] | None:
    """The two bands of `m` on the date fact `name`, each bounded on both sides; None
    where the earlier deadline does not earn more or the dates are not in order."""
    if Decimal(m.group("b")) >= Decimal(m.group("a")):
        return None
    first, second = _due(m, 1), _due(m, 2)
    if first is None or second is None or not first < second < NOT_DONE:
        return None
    verb = m.group("v")
    if len(name) < 6:
        return None
    one, two = (f"{mo}月{d}日" for mo, d in (first, second))
    clauses = (
        f"【{name}】不晚于{one}的得{m.group('a')}分",
        f"【{name}】晚于{one}且【{name}】不晚于{two}的得{m.group('b')}分",
    )
    said = f"{name}（未{verb}的不填，按逾期计，不得分）"
    default = f"{NOT_DONE[0]}月{NOT_DONE[1]}日"
    return tuple(Reading((name,), c, ("日期",), said, default=default) for c in clauses)
