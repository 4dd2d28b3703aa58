"""A hand-written scorer for `policies/shuangjie_lianghui_2023.rule`, the baseline of the benchmarks.

This is the code a careful engineer would write by hand for this one policy: exact
`Decimal` arithmetic with hoisted constants, straight-line code per category, the same
input contract as xize on already-typed values (unknown keys and wrongly typed values are
rejected; strings such as "是" or "85%" are not parsed), and the same semantics as the
policy file (a budget per node with points, 扣完为止, earned-point items).

Two variants:
- `total(facts) -> Decimal` — 总分 only;
- `score(facts) -> Scored` — 总分, 等次, the score of every node with points, and one
  explanation record per item (path, line, text, inputs, nominal, applied), with the
  attribution of LANGUAGE.md §4.11 (a capped node allots its deduction to the items
  beneath it in source order until spent) — the information xize puts in Result.items.

and the same two in integer arithmetic, `total_int` and `score_int`: every amount of
this policy is whole, so an engineer who knows that computes in Python ints and turns
the results into `Decimal` once, at the end.  That is the honest floor for this policy
(the fastest exact code there is in Python), and what xize's generated module is
measured against.

Source lines of the clauses are looked up once, at import, in the policy file.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

POLICY_FILE = Path(__file__).resolve().parent.parent / "policies" / "shuangjie_lianghui_2023.rule"

# ------------------------------------------------------------------------------ facts

BOOL_FACTS = (
    "统计表按时上报",
    "落实包案领导",
    "落实化解方案",
    "落实稳控措施",
    "接访日程表公示",
    "接访登记记录规范",
    "有接访批示案件台帐",
    "按日程接访",
    "制定应急预案",
    "应急预案及时上报",
)
COUNT_FACTS = (
    "缺会次数",
    "日报告漏报次数",
    "赴京非正常初访",
    "赴京非正常重复访",
    "来县集体初访及时疏散",
    "来县集体初访滞留1小时以上",
    "来县重复集体访或到市集体访",
    "赴省集体访及时疏散",
    "赴省集体访被登记或造成影响",
    "赴京集体访被登记",
    "赴国家及省信访局个访",
    "赴省委省政府及两会驻地个访",
)
KNOWN_KEYS = frozenset(BOOL_FACTS + COUNT_FACTS + ("单位",))

# -------------------------------------------------------------------------- constants

FULL = Decimal(100)
D0 = Decimal(0)
D1 = Decimal(1)
D2 = Decimal(2)
D3 = Decimal(3)
D5 = Decimal(5)
D20 = Decimal(20)
D30 = Decimal(30)
D40 = Decimal(40)
D60 = Decimal(60)
D80 = Decimal(80)
D2023 = Decimal(2023)
GRADES = ((Decimal(90), "优秀"), (Decimal(80), "良好"), (Decimal(60), "合格"))
LOWEST = "不合格"

# (path, clause text as written after "- ") in source order.
CLAUSES = {
    "c1": ("(一)", "【缺会次数】每缺1次扣1分"),
    "c21": ("(二)1", "【统计表按时上报】得2分，否则不得分"),
    "c22": ("(二)2", "【落实包案领导】、【落实化解方案】、【落实稳控措施】每缺1项扣1分"),
    "c31": ("(三)1", "【接访日程表公示】得1分，否则不得分"),
    "c32": ("(三)2", "【接访登记记录规范】得1分，否则不得分"),
    "c33": ("(三)3", "【有接访批示案件台帐】得1分，否则不得分"),
    "c34": ("(三)4", "【按日程接访】得2分，否则不得分"),
    "c41": ("(四)1", "未【制定应急预案】或未【应急预案及时上报】的，扣5分"),
    "c42": ("(四)2", "【日报告漏报次数】每漏报1次扣1分"),
    "c511": ("(五)1", "【赴京非正常初访】每人次扣30分"),
    "c512": ("(五)1", "【赴京非正常重复访】每人次扣60分"),
    "c521": ("(五)2", "【来县集体初访及时疏散】每批次扣5分"),
    "c522": ("(五)2", "【来县集体初访滞留1小时以上】每批次扣20分"),
    "c523": ("(五)2", "【来县重复集体访或到市集体访】每批次扣30分"),
    "c524": ("(五)2", "【赴省集体访及时疏散】每批次扣40分"),
    "c525": ("(五)2", "【赴省集体访被登记或造成影响】每批次扣60分"),
    "c526": ("(五)2", "【赴京集体访被登记】每批次扣80分"),
    "c531": ("(五)3", "【赴国家及省信访局个访】每批次扣2023分"),
    "c532": ("(五)3", "【赴省委省政府及两会驻地个访】每批次扣20分"),
}


def _source_lines() -> dict[str, int]:
    """Line of each clause in the policy file (0 when the file or the line is missing)."""
    try:
        lines = POLICY_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    found = {}
    for key, (_path, text) in CLAUSES.items():
        wanted = "- " + text
        found[key] = next(
            (n for n, line in enumerate(lines, 1) if line.strip().rstrip("。；") == wanted), 0
        )
    return found


LINE = _source_lines()

# ------------------------------------------------------------------------------ input


class ScoringInputError(ValueError):
    """A unit's facts that cannot be scored (unknown key, wrong type, missing fact)."""


def _check(facts) -> None:
    if not KNOWN_KEYS.issuperset(facts):
        unknown = sorted(set(facts) - KNOWN_KEYS)
        raise ScoringInputError(f"未知的数据项：{'、'.join(unknown)}")
    for name in BOOL_FACTS:
        value = facts.get(name)
        if value is not True and value is not False:
            raise ScoringInputError(f"【{name}】应为是或否，实为 {value!r}")
    for name in COUNT_FACTS:
        value = facts.get(name, 0)
        if type(value) is not int or value < 0:
            raise ScoringInputError(f"【{name}】应为非负整数，实为 {value!r}")


# ----------------------------------------------------------------------- totals only


def total(facts) -> Decimal:
    """总分 of one unit."""
    _check(facts)
    get = facts.get

    # (一) 5分: 每缺1次扣1分
    d1 = min(D1 * get("缺会次数", 0), D5)

    # (二) 5分: 1、(2分) 得2分否则不得分; 2、(3分) 每缺1项扣1分
    d21 = D0 if facts["统计表按时上报"] else D2
    missing = (
        (not facts["落实包案领导"]) + (not facts["落实化解方案"]) + (not facts["落实稳控措施"])
    )
    d22 = min(D1 * missing, D3)
    d2 = min(d21 + d22, D5)

    # (三) 5分: four earned items of 1, 1, 1 and 2 points
    d3 = D0
    if not facts["接访日程表公示"]:
        d3 += D1
    if not facts["接访登记记录规范"]:
        d3 += D1
    if not facts["有接访批示案件台帐"]:
        d3 += D1
    if not facts["按日程接访"]:
        d3 += D2

    # (四) 5分: 1、未制定或未及时上报扣5分; 2、每漏报1次扣1分
    d4 = D1 * get("日报告漏报次数", 0)
    if not (facts["制定应急预案"] and facts["应急预案及时上报"]):
        d4 += D5
    d4 = min(d4, D5)

    # (五) 80分: per-person / per-batch deductions, 扣完为止
    d5 = min(
        D30 * get("赴京非正常初访", 0)
        + D60 * get("赴京非正常重复访", 0)
        + D5 * get("来县集体初访及时疏散", 0)
        + D20 * get("来县集体初访滞留1小时以上", 0)
        + D30 * get("来县重复集体访或到市集体访", 0)
        + D40 * get("赴省集体访及时疏散", 0)
        + D60 * get("赴省集体访被登记或造成影响", 0)
        + D80 * get("赴京集体访被登记", 0)
        + D2023 * get("赴国家及省信访局个访", 0)
        + D20 * get("赴省委省政府及两会驻地个访", 0),
        D80,
    )

    return FULL - min(d1 + d2 + d3 + d4 + d5, FULL)


# ------------------------------------------------------------------ with explanation


class Item(NamedTuple):
    path: str
    line: int
    text: str
    inputs: tuple
    nominal: Decimal
    applied: Decimal


class Scored(NamedTuple):
    unit: object
    total: Decimal
    grade: str
    nodes: dict  # path -> score (nodes with points)
    items: tuple  # of Item, in source order


def _item(items: list, key: str, inputs: tuple, nominal: Decimal) -> None:
    path, text = CLAUSES[key]
    # [path, line, text, inputs, nominal, applied]; applied is cut by the budgets above
    items.append([path, LINE[key], text, inputs, nominal, nominal])


def _budget(items: list, budget: Decimal) -> Decimal:
    """The node's deduction min(Σ applied, budget), allotting a cut in source order."""
    wanted = sum([it[5] for it in items], D0)
    if wanted <= budget:
        return wanted
    left = budget
    for it in items:
        take = it[5] if it[5] <= left else left
        it[5] = take
        left -= take
    return budget


def score(facts) -> Scored:
    """总分, 等次, node scores and one explanation record per item of one unit."""
    _check(facts)
    get = facts.get
    nodes = {}

    # (一) 5分
    i1: list = []
    n = get("缺会次数", 0)
    if n:
        _item(i1, "c1", (("缺会次数", n),), D1 * n)
    d1 = _budget(i1, D5)
    nodes["(一)"] = D5 - d1

    # (二) 5分
    i21: list = []
    v = facts["统计表按时上报"]
    if not v:
        _item(i21, "c21", (("统计表按时上报", v),), D2)
    d21 = _budget(i21, D2)
    nodes["(二)1"] = D2 - d21
    i22: list = []
    a, b, c = facts["落实包案领导"], facts["落实化解方案"], facts["落实稳控措施"]
    missing = (not a) + (not b) + (not c)
    if missing:
        inputs = (("落实包案领导", a), ("落实化解方案", b), ("落实稳控措施", c))
        _item(i22, "c22", inputs, D1 * missing)
    d22 = _budget(i22, D3)
    nodes["(二)2"] = D3 - d22
    i2 = i21 + i22
    d2 = _budget(i2, D5)
    nodes["(二)"] = D5 - d2

    # (三) 5分
    i3: list = []
    for key, name, points, path in (
        ("c31", "接访日程表公示", D1, "(三)1"),
        ("c32", "接访登记记录规范", D1, "(三)2"),
        ("c33", "有接访批示案件台帐", D1, "(三)3"),
        ("c34", "按日程接访", D2, "(三)4"),
    ):
        v = facts[name]
        if v:
            nodes[path] = points
        else:
            _item(i3, key, ((name, v),), points)
            nodes[path] = D0
    d3 = _budget(i3, D5)
    nodes["(三)"] = D5 - d3

    # (四) 5分
    i4: list = []
    a, b = facts["制定应急预案"], facts["应急预案及时上报"]
    if not (a and b):
        _item(i4, "c41", (("制定应急预案", a), ("应急预案及时上报", b)), D5)
    n = get("日报告漏报次数", 0)
    if n:
        _item(i4, "c42", (("日报告漏报次数", n),), D1 * n)
    d4 = _budget(i4, D5)
    nodes["(四)"] = D5 - d4

    # (五) 80分
    i5: list = []
    for key, name, amount in (
        ("c511", "赴京非正常初访", D30),
        ("c512", "赴京非正常重复访", D60),
        ("c521", "来县集体初访及时疏散", D5),
        ("c522", "来县集体初访滞留1小时以上", D20),
        ("c523", "来县重复集体访或到市集体访", D30),
        ("c524", "赴省集体访及时疏散", D40),
        ("c525", "赴省集体访被登记或造成影响", D60),
        ("c526", "赴京集体访被登记", D80),
        ("c531", "赴国家及省信访局个访", D2023),
        ("c532", "赴省委省政府及两会驻地个访", D20),
    ):
        n = get(name, 0)
        if n:
            _item(i5, key, ((name, n),), amount * n)
    d5 = _budget(i5, D80)
    nodes["(五)"] = D80 - d5

    items = i1 + i2 + i3 + i4 + i5
    spent = _budget(items, FULL)  # the root: 满分 − min(Σ, 满分)
    result = FULL - spent
    grade = LOWEST
    for low, name in GRADES:
        if result >= low:
            grade = name
            break
    return Scored(
        facts.get("单位"),
        result,
        grade,
        nodes,
        tuple(Item(*it) for it in items),
    )


# ------------------------------------------------------------------ integer arithmetic
# The same policy in Python ints (every amount is whole), converted to Decimal at the end.

_FIVE_INT = (
    ("c511", "赴京非正常初访", 30),
    ("c512", "赴京非正常重复访", 60),
    ("c521", "来县集体初访及时疏散", 5),
    ("c522", "来县集体初访滞留1小时以上", 20),
    ("c523", "来县重复集体访或到市集体访", 30),
    ("c524", "赴省集体访及时疏散", 40),
    ("c525", "赴省集体访被登记或造成影响", 60),
    ("c526", "赴京集体访被登记", 80),
    ("c531", "赴国家及省信访局个访", 2023),
    ("c532", "赴省委省政府及两会驻地个访", 20),
)
_EARNED_INT = (
    ("c31", "接访日程表公示", 1, "(三)1"),
    ("c32", "接访登记记录规范", 1, "(三)2"),
    ("c33", "有接访批示案件台帐", 1, "(三)3"),
    ("c34", "按日程接访", 2, "(三)4"),
)
_GRADES_INT = ((90, "优秀"), (80, "良好"), (60, "合格"))
_SMALL = tuple(Decimal(i) for i in range(101))  # the Decimals of 0..100, made once


def total_int(facts) -> Decimal:
    """总分 of one unit, in int arithmetic."""
    _check(facts)
    get = facts.get

    d1 = get("缺会次数", 0)
    if d1 > 5:
        d1 = 5

    d2 = 0 if facts["统计表按时上报"] else 2
    missing = (
        (not facts["落实包案领导"]) + (not facts["落实化解方案"]) + (not facts["落实稳控措施"])
    )
    d2 += missing  # at most 3, the sub-item's points
    if d2 > 5:
        d2 = 5

    d3 = 0
    if not facts["接访日程表公示"]:
        d3 += 1
    if not facts["接访登记记录规范"]:
        d3 += 1
    if not facts["有接访批示案件台帐"]:
        d3 += 1
    if not facts["按日程接访"]:
        d3 += 2

    d4 = get("日报告漏报次数", 0)
    if not (facts["制定应急预案"] and facts["应急预案及时上报"]):
        d4 += 5
    if d4 > 5:
        d4 = 5

    d5 = (
        30 * get("赴京非正常初访", 0)
        + 60 * get("赴京非正常重复访", 0)
        + 5 * get("来县集体初访及时疏散", 0)
        + 20 * get("来县集体初访滞留1小时以上", 0)
        + 30 * get("来县重复集体访或到市集体访", 0)
        + 40 * get("赴省集体访及时疏散", 0)
        + 60 * get("赴省集体访被登记或造成影响", 0)
        + 80 * get("赴京集体访被登记", 0)
        + 2023 * get("赴国家及省信访局个访", 0)
        + 20 * get("赴省委省政府及两会驻地个访", 0)
    )
    if d5 > 80:
        d5 = 80

    spent = d1 + d2 + d3 + d4 + d5
    return _SMALL[100 - (spent if spent <= 100 else 100)]


def score_int(facts) -> Scored:
    """`score` in int arithmetic: the same records, numbers turned into Decimal once."""
    _check(facts)
    get = facts.get
    nodes = {}

    # (一) 5分
    i1: list = []
    n = get("缺会次数", 0)
    if n:
        _item(i1, "c1", (("缺会次数", n),), n)
    d1 = _budget_int(i1, 5)
    nodes["(一)"] = 5 - d1

    # (二) 5分
    i21: list = []
    v = facts["统计表按时上报"]
    if not v:
        _item(i21, "c21", (("统计表按时上报", v),), 2)
    d21 = _budget_int(i21, 2)
    nodes["(二)1"] = 2 - d21
    i22: list = []
    a, b, c = facts["落实包案领导"], facts["落实化解方案"], facts["落实稳控措施"]
    missing = (not a) + (not b) + (not c)
    if missing:
        inputs = (("落实包案领导", a), ("落实化解方案", b), ("落实稳控措施", c))
        _item(i22, "c22", inputs, missing)
    d22 = _budget_int(i22, 3)
    nodes["(二)2"] = 3 - d22
    i2 = i21 + i22
    d2 = _budget_int(i2, 5)
    nodes["(二)"] = 5 - d2

    # (三) 5分
    i3: list = []
    for key, name, points, path in _EARNED_INT:
        v = facts[name]
        if v:
            nodes[path] = points
        else:
            _item(i3, key, ((name, v),), points)
            nodes[path] = 0
    d3 = _budget_int(i3, 5)
    nodes["(三)"] = 5 - d3

    # (四) 5分
    i4: list = []
    a, b = facts["制定应急预案"], facts["应急预案及时上报"]
    if not (a and b):
        _item(i4, "c41", (("制定应急预案", a), ("应急预案及时上报", b)), 5)
    n = get("日报告漏报次数", 0)
    if n:
        _item(i4, "c42", (("日报告漏报次数", n),), n)
    d4 = _budget_int(i4, 5)
    nodes["(四)"] = 5 - d4

    # (五) 80分
    i5: list = []
    for key, name, amount in _FIVE_INT:
        n = get(name, 0)
        if n:
            _item(i5, key, ((name, n),), amount * n)
    d5 = _budget_int(i5, 80)
    nodes["(五)"] = 80 - d5

    items = i1 + i2 + i3 + i4 + i5
    result = 100 - _budget_int(items, 100)
    grade = LOWEST
    for low, name in _GRADES_INT:
        if result >= low:
            grade = name
            break
    dec = _SMALL  # every node score and the total lie in 0..100
    for path, value in nodes.items():
        nodes[path] = dec[value]
    return Scored(
        facts.get("单位"),
        dec[result],
        grade,
        nodes,
        tuple(Item(p, ln, t, i, Decimal(nom), Decimal(app)) for p, ln, t, i, nom, app in items),
    )


def _budget_int(items: list, budget: int) -> int:
    """`_budget` on int amounts."""
    wanted = 0
    for it in items:
        wanted += it[5]
    if wanted <= budget:
        return wanted
    left = budget
    for it in items:
        take = it[5] if it[5] <= left else left
        it[5] = take
        left -= take
    return budget
