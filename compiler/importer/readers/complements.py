"""Yes/no standards with their other side spelled out, exclusive states in tiers, and
counted lists.

- `档案室做到专室专用的得2分，档案室与会议室混用的不得分`: the second half describes not
  meeting the first (a negation of its words, `应…而未…`, or the opposite word of its
  verb: `以内`/`超过`, `完整`/`缺失`, `专用`/`混用`), so it is the `否则` of the first —
  those points are not earned, not the whole item (language.md 5.1, the guide's `有会议
  记录的得2分，无记录的不得分`): `【档案室做到专室专用】的，得2分`, the second half said
  in the fact's note.  `本项不得分`, or a second half that adds a condition of its own
  (`数据准确的得2分，未及时更新的不得分`), is not read here.
- `建立…台账，实行销号管理的得4分`: a yes/no earning whose condition has a comma; both
  parts are required, one fact `【建立…台账并实行销号管理】`.
- `工作总结、年度报表、统计公报，每完成一项得1分`: one yes/no fact per listed item, each
  earning its points (`【完成工作总结】、…的，各得1分`) — a count would let a unit claim
  more than the list holds; the item-by-item facts are what the assessor ticks.
- `上述制度每缺一项扣1分` under an item titled with the systems it means (`建立健全值班、
  交接班、巡查等制度`): a count of the missing ones, named from the title.
- Exclusive states in tiers, of which a unit is in one: `陈列馆建设达到市定标准的得4分，
  正在改造的得2分，未启动的不得分`; `设立便民服务点，配备自助设备和专人的得3分，服务点
  设立但未配备设备或专人的得1分，未设立的不得分`; `将X纳入考核且权重不低于5%的得3分，
  纳入但权重低于5%的得1分，未纳入的不得分`.  Each tier is written as what it adds to
  the one below it, on the condition of being at least in it: `【A】或【B】的，得2分；
  【A】的，得2分` (A: 4, B: 2, neither: 0; a unit that fills both yes is in the higher
  one, 4).  So the clauses never add up past the top tier, and the checker's total of
  the item's earning clauses (W311) is the top tier's points, as the document's.
  `网格专干年内未调整的得2分，调整1次的得1分，调整2次以上或未配备专干的不得分` is the
  times the post changed hands, in the same way (with the post held as a second fact).
- The same increments where tiers cannot be a sub-item that takes the highest (the item
  has other earning sentences, or is numbered （1））: levels of one thing done
  (`…主要负责人主持召开…的得3分，由分管负责人主持召开的得1.5分，未召开的不得分`), a date
  (`【…归档日期】不晚于7月31日的，得2分；…不晚于6月30日的，得2分`), a change in percentage
  points (`【X】高于【上年X】的，得1.5分；【X】−【上年X】5个百分点以上的，得1.5分`), an amount
  against last year with `未安排的不得分`, and a time taken (`1小时内到达现场…的得5分，2小时
  内到达的得3分，超过2小时或未到场的不得分`, with whether anyone came as a fact of its own).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...source.text import normalise
from ..names import legal_name
from ..shapes import DECIMAL, DO_VERBS, Reading, read_vs_last_year
from .changes import read_change_bands, read_deadlines

_N = DECIMAL
#: Words of a condition, a count, a negation or a score: not a plain requirement.
_NOT_PLAIN = re.compile(
    r"\d|[得扣加减]分|每|或|如|若|凡|发生|出现|被|造成|以上|以下|超过|低于|高于|不足|少于|多于"
)
_NEGATION = re.compile(r"未|没有|无|(?<!不)不(?!低于|少于|超过|高于|多于)|非|缺")
_EARNS_THEN_NONE = re.compile(
    rf"^(?P<a>[^,;]+?)的\s*,?\s*得\s*(?P<n>{_N})\s*分\s*[,;]\s*(?P<b>[^,;]+?)的?\s*,?\s*不得分$"
)
#: The opposite words: a requirement's word (in the first half), its failure's words.
_OPPOSITES = (
    ("以内", ("超过", "超出", "突破")),
    ("不超过", ("超过", "超出", "突破")),
    ("完整", ("缺失", "不完整", "不全", "缺项")),
    ("齐全", ("缺失", "不齐全", "不全")),
    ("专用", ("混用", "挪用", "占用")),
    ("到位", ("不到位",)),
    ("合格", ("不合格",)),
    ("规范", ("不规范",)),
    ("达标", ("不达标",)),
)


def _said_in(words: str, a: str) -> bool:
    """`words` are said in `a`: as they stand, or their characters in order within a
    short stretch (`追责` in `追究责任`)."""
    if not words:
        return True
    if words in a:
        return True
    if len(words) < 2:
        return False
    for start in (i for i, ch in enumerate(a) if ch == words[0]):
        k, end = 0, start
        for end in range(start, len(a)):
            if a[end] == words[k]:
                k += 1
                if k == len(words):
                    break
        if k == len(words) and end - start < 2 * len(words):
            return True
    return False


def _shares(words: str, a: str) -> bool:
    """`words` (a restated subject) name something of `a`: two characters of it together."""
    return not words or any(words[i : i + 2] in a for i in range(len(words) - 1))


def _negated(a: str, b: str) -> str | None:
    """Why `b` plainly describes not meeting `a` (a negation of `a`'s words), else None;
    `应…而未…` says so too, the thing due is what `a` does."""
    m = re.fullmatch(
        r"(?P<pre>[^,;]{0,10}?)(?:应(?P<due>[^,;]{1,8}?)而)?(?:未能|未|没有|无|不)(?P<x>[^,;]{2,20})",
        b,
    )
    if m is None or _NEGATION.search(a):
        return None
    x, pre, due = m.group("x"), m.group("pre"), m.group("due")
    if _NEGATION.search(x) or _NOT_PLAIN.search(x + pre):
        return None
    if not (_said_in(x, a) and _shares(pre, a)):
        return None
    if due is not None and not (due == x or _said_in(due, a)):
        return None
    return f"due:{due}" if due is not None else "not"


def _opposite(a: str, b: str) -> bool:
    """`b` says the opposite word of `a`'s requirement about the same thing (`超过指标`
    after `控制在…指标以内`, `台账缺失` after `台账完整`)."""
    for word, failures in _OPPOSITES:
        if word not in a or (word == "以内" and "不超过" in a):
            continue
        for failure in failures:
            k = b.find(failure)
            if k < 0:
                continue
            rest = b[:k] + b[k + len(failure) :]
            if _NOT_PLAIN.search(rest) or _NEGATION.search(rest):
                return False
            return bool(rest) and _shares(rest, a)
    return False


def read_complement(sentence: str) -> Reading | None:
    """`A的得N分，B的不得分` where B is plainly A not met: `【A】的，得N分`."""
    n = normalise(sentence).strip().rstrip("。;, ")
    m = _EARNS_THEN_NONE.match(n)
    if m is None:
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    if _NOT_PLAIN.search(a) or "、" in b and not b.startswith(("未", "没有", "无")):
        return None
    if len(a) < 4 or not 2 <= len(b) <= 24 or re.search(r"(?:本|该|此)项|全部|均", b):
        return None
    how = _negated(a, b) or ("opposite" if _opposite(a, b) else None)
    if how is None:
        return None
    name = legal_name(a)
    said = f"{a}（原文：{b}的不得分，即得不到这{_plain(m.group('n'))}分"
    if how.startswith("due:"):
        said += f"；没有应{how[4:]}情形的，视为做到，填“是”"
    return Reading((name,), f"【{name}】的，得{m.group('n')}分", ("是否",), said + "）", default="")


def _plain(number: str) -> str:
    value = Decimal(number).normalize()
    return f"{value:f}"


#: Verbs a requirement starts with (`建立…台账`, `实行清单化管理`).
_REQUIRE = re.compile(
    rf"^(?:{DO_VERBS}|实行|推行|做到|实现|定期|按时|及时|按要求|按规定|坚持|执行|纳入|督促)"
)
_LEAD_EARNS = re.compile(
    rf"^(?P<lead>[^,;]{{4,30}}),\s*(?P<rest>[^,;]{{2,30}}?)的\s*,?\s*得\s*(?P<n>{_N})\s*分$"
)


def read_comma_lead(sentence: str) -> Reading | None:
    """`建立…台账，实行销号管理的得4分`: two requirements, both needed for the points."""
    m = _LEAD_EARNS.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    lead, rest = m.group("lead").strip(), m.group("rest").strip()
    if not (_REQUIRE.match(lead) and _REQUIRE.match(rest)):
        return None
    if any(_NOT_PLAIN.search(p) or _NEGATION.search(p) for p in (lead, rest)):
        return None
    name = legal_name(f"{lead}并{rest}")
    said = f"{lead}，{rest}"
    return Reading((name,), f"【{name}】的，得{m.group('n')}分", ("是否",), said, default="")


_EACH_DONE = re.compile(
    rf"^(?P<items>[^,;]+?)(?:等)?\s*,\s*(?:每完成(?:一|1)项|每项)\s*(?:得|计)\s*(?P<n>{_N})\s*分$"
)


def read_each_done(sentence: str) -> Reading | None:
    """`工作总结、年度报表、统计公报，每完成一项得1分`: a yes/no fact per listed item."""
    m = _EACH_DONE.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    items = [i.strip() for i in m.group("items").split("、")]
    if len(items) < 2 or not all(2 <= len(i) <= 14 for i in items):
        return None
    if any(_NOT_PLAIN.search(i) or _NEGATION.search(i) for i in items):
        return None
    # `编制大事记、沿革`: the first item's verb is every item's; else each is 完成
    verb = re.match(DO_VERBS, items[0])
    if all(re.match(DO_VERBS, i) for i in items):
        names = tuple(legal_name(i) for i in items)  # `建立台账、制定方案`: each its own
    elif verb is None:
        names = tuple(legal_name(f"完成{i}") for i in items)
    else:
        names = tuple(legal_name(i if k == 0 else verb.group(0) + i) for k, i in enumerate(items))
    if len(set(names)) != len(names):
        return None
    clause = "、".join(f"【{x}】" for x in names) + f"的，各得{m.group('n')}分"
    said = tuple(f"{x}（原文每完成1项得{_plain(m.group('n'))}分）" for x in names)
    return Reading(names, clause, ("是否",) * len(names), default="", descriptions=said)


_LISTED_MISSING = re.compile(
    r"^(?:上述|以上|前述)(?P<kind>[^,;\d]{1,6}?)\s*,?\s*每缺(?:少)?\s*(?:一|1)\s*(?P<u>项|个|种)"
    rf"\s*,?\s*(?P<effect>扣\s*{_N}\s*分(?:\s*,\s*扣完为止)?)$"
)


def read_listed_missing(sentence: str, title: str) -> Reading | None:
    """`上述制度每缺一项扣1分` under `建立健全值班、交接班、巡查等制度`: the missing ones of
    the systems the title names, counted."""
    m = _LISTED_MISSING.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    kind = m.group("kind")
    t = normalise(title)
    listed = re.search(
        rf"(?:{DO_VERBS})*(?P<list>[^,;:。()]*?、[^,;:。()]*?)等?{re.escape(kind)}", t
    )
    if listed is None:
        return None
    things = listed.group("list").strip()
    if _NOT_PLAIN.search(things) or _NEGATION.search(things):
        return None
    name = legal_name(f"{things}等{kind}缺少的{m.group('u')}")
    said = f"{things}等{kind}中缺少的{m.group('u')}数"
    effect = re.sub(r"\s*,\s*", "，", m.group("effect")).replace(" ", "")
    clause = f"【{name}】每缺一{m.group('u')}{effect}"
    return Reading((name,), clause, (m.group("u"),), said, default="0")


def _minus(n1: str, n2: str) -> str:
    return _plain(str(Decimal(n1) - Decimal(n2)))


def _tiered(top: str, below: str, n1: str, n2: str) -> str:
    """`top` (the higher tier's condition) and `below` (the lower tier's, which the
    higher one meets too) as what each adds: the lower tier's points when at least in
    it, the rest when in the top one."""
    return f"{below}的，得{n2}分；{top}的，得{_minus(n1, n2)}分"


_EARN = rf"的\s*,?\s*得\s*(?P<{{g}}>{_N})\s*分\s*,\s*"
_NONE_END = r"的\s*,?\s*不得分$"
#: `陈列馆建设达到市定标准的得4分，正在改造的得2分，未启动的不得分`.
_STATES = re.compile(
    r"^(?P<a>[^,;]+?)"
    + _EARN.format(g="n1")
    + r"(?P<b>(?:正在|基本|部分|初步)[^,;]{1,12}?)"
    + _EARN.format(g="n2")
    + r"(?P<c>(?:未|尚未|没有)[^,;]{1,10}?)"
    + _NONE_END
)
#: Where the thing ends and its state starts: `陈列馆建设|达到市定标准`.
_STATE_START = re.compile(r"达到|已|建成|完成|全面|通过|实现")


def read_states(sentence: str) -> Reading | None:
    """`陈列馆建设达到市定标准的得4分，正在改造的得2分，未启动的不得分`: three states of
    one thing, the top two earning (`【…达到市定标准】或【…正在改造】的，得2分；【…达到
    市定标准】的，得2分`)."""
    m = _STATES.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    a, b, c = m.group("a").strip(), m.group("b").strip(), m.group("c").strip()
    n1, n2 = m.group("n1"), m.group("n2")
    if not 0 < Decimal(n2) < Decimal(n1):
        return None
    if any(re.search(r"\d|每|或|[得扣加减]分", p) for p in (a, b, c)) or _NEGATION.search(a + b):
        return None
    cut = _STATE_START.search(a)
    if cut is None or cut.start() < 2:
        return None
    thing = a[: cut.start()]
    top, lower = legal_name(a), legal_name(thing + b)
    clause = _tiered(f"【{top}】", f"【{top}】或【{lower}】", n1, n2)
    said = (
        f"{a}（原文三档只取一档：{a}的得{_plain(n1)}分，条款中两条合计）",
        f"{thing}{b}（与“{a[cut.start() :]}”“{c}”只居其一；{b}的得{_plain(n2)}分，{c}的不得分）",
    )
    return Reading((top, lower), clause, ("是否", "是否"), default="", descriptions=said)


#: `设立便民服务点，配备自助设备和专人的得3分，服务点设立但未配备设备或专人的得1分，
#: 未设立的不得分`; `将X纳入考核且权重不低于5%的得3分，纳入但权重低于5%的得1分，未纳入的
#: 不得分`.
_PARTS = re.compile(
    r"^(?P<x>[^,;]+?)(?:,|且|并且)\s*(?P<y>[^,;]+?)"
    + _EARN.format(g="n1")
    + r"(?P<x2>[^,;]+?)但\s*(?P<y2>[^,;]+?)"
    + _EARN.format(g="n2")
    + r"(?:未|没有)(?P<x3>[^,;]{1,12}?)"
    + _NONE_END
)
_BOUND = re.compile(
    rf"^(?P<noun>[^\d,;]{{1,8}}?)(?P<cmp>不低于|不少于|达到)\s*(?P<v>{_N})\s*(?P<u>%|项|次|个|人|名)$"
)
_UNDER = re.compile(
    rf"^(?P<noun>[^\d,;]{{0,8}}?)(?:低于|少于|不足|未达到)\s*(?P<v>{_N})\s*(?P<u>%|项|次|个|人|名)$"
)


def read_two_parts(sentence: str) -> Reading | None:
    """A thing done and a second requirement on it, in three tiers: both (the top
    points), the first without the second (fewer), not the first (none) — `【X】的，得1分；
    【X】且【Y】的，得2分`; the second may be a bound (`权重不低于5%`)."""
    m = _PARTS.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    x, y = m.group("x").strip(), m.group("y").strip()
    x2, y2, x3 = (m.group(g).strip() for g in ("x2", "y2", "x3"))
    n1, n2 = m.group("n1"), m.group("n2")
    if not 0 < Decimal(n2) < Decimal(n1):
        return None
    if not (_REQUIRE.match(x) or x.startswith(("在", "将", "把"))):
        return None
    if _NOT_PLAIN.search(x) or _NEGATION.search(x) or not (_said_in(x3, x) and _shares(x2, x)):
        return None
    if _NOT_PLAIN.search(x2 + x3) or _NEGATION.search(x2 + x3):
        return None
    first = legal_name(x)
    tiers = (  # the first fact's note: the three tiers as the document gives them
        f"{x}（原文三档只取一档：{y}的得{_plain(n1)}分，条款中两条合计；{x2}但{y2}的得"
        f"{_plain(n2)}分；未{x3}的不得分）"
    )
    bound = _BOUND.match(y)
    if bound is not None:
        under = _UNDER.match(y2)
        if under is None or (under.group("noun") or bound.group("noun")) != bound.group("noun"):
            return None
        if Decimal(under.group("v")) != Decimal(bound.group("v")) or under.group(
            "u"
        ) != bound.group("u"):
            return None
        noun, unit = bound.group("noun"), bound.group("u")
        name = legal_name(f"{re.sub(r'^(?:将|把)', '', x)}的{noun}")
        kind = "百分比" if unit == "%" else unit
        top = f"【{first}】且【{name}】{bound.group('cmp')}{bound.group('v')}{unit}"
        said = (tiers, f"{re.sub(r'^(?:将|把)', '', x)}的{noun}（未{x3}的不必填实数）")
        clause = _tiered(top, f"【{first}】", n1, n2)
        return Reading((first, name), clause, ("是否", kind), default="", descriptions=said)
    no = re.fullmatch(r"(?:未|没有)(?P<w>[^,;]{2,16})", y2)
    if no is None or not _shares(no.group("w"), y) or _NOT_PLAIN.search(y) or _NEGATION.search(y):
        return None
    if not _REQUIRE.match(y):
        return None
    second = legal_name(y)
    said = (tiers, f"{x}，{y}")
    clause = _tiered(f"【{first}】且【{second}】", f"【{first}】", n1, n2)
    return Reading((first, second), clause, ("是否", "是否"), default="", descriptions=said)


#: `网格员年内未调整的得2分，调整1次的得1分，调整2次以上或未配备网格员的不得分`.
_CHANGES = re.compile(
    r"^(?P<x>[^,;\d]{2,16}?)(?P<y>年内|全年|年度内)?(?:未|没有)(?P<v>调整|变动|更换|调换)"
    + _EARN.format(g="n1")
    + r"(?P=v)\s*(?:1|一)\s*次"
    + _EARN.format(g="n2")
    + r"(?P=v)\s*(?:2|两|二)\s*次\s*(?:及)?以上"
    + r"(?:或(?:未|没有)(?P<do>配备|设立|明确)(?P<who>[^,;\d]{1,10}?))?"
    + _NONE_END
)


def read_changes_count(sentence: str) -> Reading | None:
    """`网格员年内未调整的得2分，调整1次的得1分，调整2次以上…的不得分`: the times the post
    changed hands, in tiers (`【网格员年内调整次数】不超过0次、1次的，分别得2分、1分`); with
    `或未配备网格员`, the post held is a fact too, and the tiers are written as what each
    adds (`【配备网格员】且【…次数】不超过1次的，得1分；…不超过0次的，得1分`)."""
    m = _CHANGES.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    x, v, n1, n2 = m.group("x").strip(), m.group("v"), m.group("n1"), m.group("n2")
    if not 0 < Decimal(n2) < Decimal(n1) or _NOT_PLAIN.search(x) or _NEGATION.search(x):
        return None
    count = legal_name(f"{x}{m.group('y') or '年内'}{v}次数")
    if m.group("who") is None:
        clause = f"【{count}】不超过0次、1次的，分别得{n1}分、{n2}分"
        return Reading(
            (count,), clause, ("次",), f"{x}{m.group('y') or '年内'}{v}的次数", default=""
        )
    who = m.group("who")
    if not _shares(who, x):
        return None
    held = legal_name(f"{m.group('do')}{x}")
    said = (
        f"{m.group('do')}{x}（原文：未{m.group('do')}{who}的不得分）",
        f"{x}{m.group('y') or '年内'}{v}的次数（原文：未{v}的得{_plain(n1)}分，条款中两条合计；"
        f"{v}1次的得{_plain(n2)}分，{v}2次以上的不得分）",
    )
    clause = _tiered(
        f"【{held}】且【{count}】不超过0次", f"【{held}】且【{count}】不超过1次", n1, n2
    )
    return Reading((held, count), clause, ("是否", "次"), default="", descriptions=said)


# ------------------------------------------------------------ tiers as increments
#
# A unit meets one tier only, but the item has other earning sentences (or is numbered
# （1）), so the tiers cannot be a sub-item that takes the highest (`draft._band_tiers`,
# `draft._level_tiers`).  Each tier is written as what it adds to the one below it, on
# the condition of being at least in it: the clauses add up to the tier's points, and
# the checker's total (W311) is the top tier's.

#: `单位主要负责人主持召开专题会议…的得3分，由分管负责人主持召开的得1.5分，未召开的不得分`.
_LEVELS = re.compile(
    rf"^(?P<a>[^,;\d%]{{4,}}?)的\s*,?\s*得\s*(?P<n1>{_N})\s*分\s*[,;]\s*"
    rf"(?P<b>[^,;\d%]{{2,}}?)的\s*,?\s*得\s*(?P<n2>{_N})\s*分\s*[,;]\s*"
    r"(?P<c>(?:均|都|全部)?(?:未|没有|尚未)[^,;\d%]{1,16}?)的?\s*,?\s*不得分$"
)
_COMPARED = re.compile(r"达到|低于|高于|以上|以下|以内|超过|不足|不低于|不少于|少于|多于|每|或")
#: A lower state said without its thing: `已建成未运营` after `…中心建成并投入运营`.
_STATE_ONLY = re.compile(r"^(?:已|只|仅|正在|基本|部分|初步)")


def _completed(b: str, a: str) -> str | None:
    """The lower level `b` with the words it leaves to the top one `a`: the thing
    (`已建成未运营` → `…中心已建成未运营`), or what follows their shared verb (`由分管负责人
    主持召开` → `…主持召开专题会议…`, not a second requirement); None when `b` shares
    nothing with `a`."""
    cut = _STATE_START.search(a)
    if _STATE_ONLY.match(b) and cut is not None and cut.start() >= 2:
        return a[: cut.start()] + b
    for k in range(len(b), 1, -1):
        at = a.rfind(b[-k:])
        if at >= 0:
            tail = a[at + k :]
            # `只建成志愿消防队` after `建成专职消防队并通过验收`: a second requirement of the
            # top level is not the lower one's
            return b if re.search(r"并|且|和|及|同时", tail) else b + tail
    return None


def read_level_states(sentence: str) -> Reading | None:
    """`单位主要负责人主持召开专题会议研究部署审计整改工作的得3分，由分管负责人主持召开的得
    1.5分，未召开的不得分`, `…中心建成并投入运营的得2分，已建成未运营的得1分，未建成的不得分`:
    three levels of one thing, the last none of it — `【A】或【B】的，得1.5分；【A】的，得
    1.5分` (a unit that fills both yes is in the higher one)."""
    m = _LEVELS.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    a, b, c = m.group("a").strip(), m.group("b").strip(), m.group("c").strip()
    n1, n2 = m.group("n1"), m.group("n2")
    if not 0 < Decimal(n2) < Decimal(n1):
        return None
    if any(_COMPARED.search(p) or re.search(r"[得扣加减]分", p) for p in (a, b, c)):
        return None
    if _NEGATION.search(a) or _NEGATION.search(b[:1]):
        return None
    lower = _completed(b, a)
    if lower is None:
        return None
    top, low = legal_name(a), legal_name(lower)
    if top == low or not _shares(c.lstrip("均都全部尚未没有"), a):
        return None
    clause = _tiered(f"【{top}】", f"【{top}】或【{low}】", n1, n2)
    said = (
        f"{a}（原文三档只取一档：{a}的得{_plain(n1)}分，条款中两条合计）",
        f"{lower}（与“{a}”“{c}”只居其一；{b}的得{_plain(n2)}分，{c}的不得分）",
    )
    return Reading((top, low), clause, ("是否", "是否"), default="", descriptions=said)


#: The clauses of the bands `changes.read_deadlines`, `changes.read_change_bands` and
#: `shapes.read_vs_last_year(done=True)` draft, each band bounded on both sides.
_DUE_CLAUSE = re.compile(r"不晚于(?P<d>\d+月\d+日)的得(?P<p>[\d.]+)分$")
_RISE_CLAUSE = re.compile(r"^(?P<change>.+?)(?P<n>[\d.]+)个百分点以上的得(?P<p>[\d.]+)分$")
_SIDE_CLAUSE = re.compile(r"^【(?P<x>[^】]+)】(?P<w>高于|等于|低于)【(?P<last>[^】]+)】")
_POINTS = re.compile(r"的得(?P<p>[\d.]+)分$")


def band_steps(bands: tuple[Reading, ...]) -> Reading | None:
    """The bands of a date, of a change in percentage points, or of this year against
    last year (an amount, `未安排` earning nothing), as increments:
    `【D】不晚于7月31日的得2分；【D】不晚于6月30日的得2分`,
    `【X】高于【上年X】的得1.5分；【X】−【上年X】5个百分点以上的得1.5分`,
    `【X】高于0的得1分；【X】不低于【上年X】且【X】高于0的得2分；【X】高于【上年X】的得1分`."""
    clauses = [r.clause for r in bands]
    first = bands[0]
    said = first.descriptions or (first.description,)
    said = (f"{said[0]}（原文几档只取一档；条款逐档写出比下一档多得的分，合计为所在一档的分）",)
    said += (first.descriptions or ())[1:]
    due = [_DUE_CLAUSE.search(c) for c in clauses]
    if len(clauses) == 2 and all(due) and first.units == ("日期",):
        (name,) = first.names
        (one, a), (two, b) = ((d.group("d"), d.group("p")) for d in due if d is not None)
        clause = _tiered(f"【{name}】不晚于{one}", f"【{name}】不晚于{two}", a, b)
        return Reading(first.names, clause, first.units, said[0], default=first.default)
    rise = _RISE_CLAUSE.match(clauses[0])
    if len(clauses) == 2 and rise is not None:
        change = rise.group("change")
        side, tail = clauses[1].split(f"且{change}", 1) if f"且{change}" in clauses[1] else ("", "")
        b = _POINTS.search(tail)
        if not side or b is None or tail != f"低于{rise.group('n')}个百分点的得{b.group('p')}分":
            return None
        top = f"{change}{rise.group('n')}个百分点以上"
        clause = _tiered(top, side, rise.group("p"), b.group("p"))
        return Reading(first.names, clause, first.units, default="", descriptions=said)
    sides = [_SIDE_CLAUSE.match(c) for c in clauses]
    if not all(sides) or len(first.names) != 2:
        return None
    x, last = first.names
    words = [s.group("w") for s in sides if s is not None]
    points = [_POINTS.search(c) for c in clauses]
    if words[:2] != ["高于", "等于"] or not all(points) or words[2:] not in ([], ["低于"]):
        return None
    amounts = [p.group("p") for p in points if p is not None]
    done = f"且【{x}】高于0"
    if not (
        clauses[1].endswith(f"{done}的得{amounts[1]}分")
        and clauses[2:] in ([], [f"【{x}】低于【{last}】{done}的得{amounts[-1]}分"])
    ):
        return None
    level = f"【{x}】不低于【{last}】{done}"
    steps = []
    if len(amounts) == 3:
        steps.append(f"【{x}】高于0的，得{amounts[2]}分")
        steps.append(f"{level}的，得{_minus(amounts[1], amounts[2])}分")
    else:
        steps.append(f"{level}的，得{amounts[1]}分")
    steps.append(f"【{x}】高于【{last}】的，得{_minus(amounts[0], amounts[1])}分")
    return Reading(first.names, "；".join(steps), first.units, default="", descriptions=said)


def read_band_steps(sentence: str) -> Reading | None:
    """Bands of a date (`6月30日前…的得4分，7月31日前…的得2分，逾期…的不得分`), of a change
    in percentage points (`较上年提高5个百分点以上的得3分，提高不足5个百分点的得1.5分，未提高
    的不得分`) or of an amount against last year with `未安排的不得分`, as increments
    (`band_steps`)."""
    readers = (lambda s: read_vs_last_year(s, done=True), read_change_bands, read_deadlines)
    for read in readers:
        bands = read(sentence)
        if bands:
            return band_steps(bands)
    return None


_SPAN = r"小时|分钟|天|日|个工作日|工作日"
#: `发生灾情险情后，乡镇主要负责同志1小时内到达现场组织处置的得5分，2小时内到达的得3分，
#: 超过2小时或未到场的不得分`.
_WITHIN = re.compile(
    rf"^(?:(?P<lead>(?:发生|接到|收到)[^,;\d]{{1,12}}?后)\s*,?\s*)?(?P<who>[^,;\d]{{2,16}}?)\s*"
    rf"(?P<t1>{_N})\s*(?P<u>{_SPAN})\s*(?:以)?内\s*(?P<v>[^,;\d]{{2,20}}?)的?\s*,?\s*得\s*(?P<a>{_N})\s*分"
    rf"\s*[,;]\s*(?P<t2>{_N})\s*(?P=u)\s*(?:以)?内\s*(?P<v2>[^,;\d]{{1,10}}?)的?\s*,?\s*得\s*(?P<b>{_N})\s*分"
    rf"\s*[,;]\s*超过\s*(?P=t2)\s*(?P=u)\s*或\s*(?P<none>未[^,;\d]{{1,8}}?)的?\s*,?\s*不得分$"
)
#: Where arriving ends: `到达现场` (the organising after it is not timed).
_PLACE = re.compile(r"^.*?(?:现场|事发地|岗位|指定地点)")


def read_within(sentence: str) -> Reading | None:
    """`…1小时内到达现场组织处置的得5分，2小时内到达的得3分，超过2小时或未到场的不得分`:
    the time it took (a fact in the unit of the sentence) and whether it was done at all,
    each band written as what it adds — `【到场】且【…用时】不超过2小时的，得3分；【到场】
    且【…用时】不超过1小时的，得2分` (1小时内 takes 1 hour in, language.md 第10节)."""
    m = _WITHIN.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None:
        return None
    who, v, v2, none = (m.group(g).strip() for g in ("who", "v", "v2", "none"))
    t1, t2, a, b = (m.group(g) for g in ("t1", "t2", "a", "b"))
    if not (Decimal(t1) < Decimal(t2) and 0 < Decimal(b) < Decimal(a)):
        return None
    if not v.startswith(v2) or any(_NOT_PLAIN.search(p) or _NEGATION.search(p) for p in (who, v)):
        return None
    done = none[1:]
    if not (done[-1:] in v or _shares(done, v)):
        return None  # `未到场` after `到达现场`: not doing what is timed
    unit = {"日": "天", "个工作日": "工作日"}.get(m.group("u"), m.group("u"))
    place = _PLACE.match(v)
    timed = place.group(0) if place is not None and place.group(0).startswith(v2) else v2
    lead = m.group("lead") or ""
    took = legal_name(f"{lead}{who}{timed}用时")
    went = legal_name(f"{lead}{who}{done}")
    if took == went:
        return None
    head = f"【{went}】且【{took}】"
    clause = _tiered(f"{head}不超过{t1}{unit}", f"{head}不超过{t2}{unit}", a, b)
    said = (
        f"{lead}{who}{done}（原文：{none}的不得分）",
        f"{lead}{who}{timed}用时（{unit}；{none}的填0。原文{t1}{unit}内的得{_plain(a)}分，"
        f"{t2}{unit}内的得{_plain(b)}分，超过{t2}{unit}的不得分；条款中两条合计）",
    )
    return Reading((went, took), clause, ("是否", unit), default="", descriptions=said)


def written_as_steps(sentence: str) -> bool:
    """Whether a reader here writes the sentence's tiers as increments (clauses that add
    up to the tier's points): in an item that takes only its highest clause (`，就高不就低`)
    they would be cut to one."""
    readers = (read_states, read_two_parts, read_changes_count, read_level_states)
    for read in (*readers, read_band_steps, read_within):
        reading = read(sentence)
        if reading is not None and "；" in reading.clause:
            return True
    return False
