"""Small builders for hand-written IR, so that tests read like the rules they encode.

Clauses and nodes are written without ids, paths or lines; `policy(...)` walks the
outline in source order and fills them in (lines count up from 10: one for each node,
one for each clause), derives budgets and `earns`, and collects the averages used.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import date
from decimal import Decimal

from xize.compiler.ir import nodes as ir
from xize.compiler.ir import util as irutil

D = Decimal


def num(value) -> ir.Const:
    return ir.Const(value if isinstance(value, date) else D(str(value)))


def val(x) -> ir.Expr:
    """A fact name, a number (also written as a string: "0.5") or an expression."""
    if isinstance(x, str):
        return num(x) if re.fullmatch(r"-?\d+(\.\d+)?", x) else ir.FactValue(x)
    if isinstance(x, int | float | Decimal | date) and not isinstance(x, bool):
        return num(x)
    return x


def add(a, b) -> ir.Arith:
    return ir.Arith("+", val(a), val(b))


def sub(a, b) -> ir.Arith:
    return ir.Arith("-", val(a), val(b))


def mul(a, b) -> ir.Arith:
    return ir.Arith("*", val(a), val(b))


def div(a, b) -> ir.Arith:
    return ir.Arith("/", val(a), val(b))


def avg(name: str) -> ir.AverageOf:
    return ir.AverageOf(name)


def cmp(left, op: str, right) -> ir.Cmp:
    return ir.Cmp(op, val(left), val(right))


def yes(name: str) -> ir.IsTrue:
    return ir.IsTrue(name)


def no(cond) -> ir.Negate:
    return ir.Negate(yes(cond) if isinstance(cond, str) else cond)


def all_of(*conds) -> ir.AllOf:
    return ir.AllOf(tuple(yes(c) if isinstance(c, str) else c for c in conds))


def any_of(*conds) -> ir.AnyOf:
    return ir.AnyOf(tuple(yes(c) if isinstance(c, str) else c for c in conds))


# ------------------------------------------------------------------------------- facts


def fact(name, type="count", unit=None, default=None, low=None, high=None) -> ir.Fact:
    units = {"bool": "是否", "percent": "百分比", "number": "数值", "points": "分", "date": "日期"}
    return ir.Fact(
        name=name,
        ident="f_" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8],
        type=type,
        unit=unit or units.get(type, "次"),
        default=default,
        low=None if low is None else D(str(low)),
        high=None if high is None else D(str(high)),
        description="",
        line=1,
    )


# ----------------------------------------------------------------------------- clauses

_BASE = {"id": "", "path": "", "line": 0, "inputs": (), "cap": None}


def _base(text, inputs, cap):
    return {
        **_BASE,
        "text": text,
        "inputs": tuple(inputs),
        "cap": None if cap is None else D(str(cap)),
    }


def per_unit(
    fact_name, amount, step=1, *, kind="deduct", rounding="floor", guard=None, cap=None, text=None
) -> ir.Step:
    """`【F】每N次扣A分` (kind earn: 计, bonus: 加)."""
    return ir.Step(
        **_base(text or f"【{fact_name}】每{step}次扣{amount}分", [fact_name], cap),
        kind=kind,
        amount=val(amount),
        quantity=val(fact_name),
        step=D(str(step)),
        rounding=rounding,
        guard=guard,
    )


def threshold(fact_name, target, amount, step=1, *, rounding="floor", cap=None, text=None):
    """`【F】应达到T，每低于N扣A分`: quantity T − F when F < T."""
    t = val(target)
    return ir.Step(
        **_base(
            text or f"【{fact_name}】应达到{target}，每低于{step}扣{amount}分", [fact_name], cap
        ),
        kind="deduct",
        amount=val(amount),
        quantity=ir.Arith("-", t, ir.FactValue(fact_name)),
        step=D(str(step)),
        rounding=rounding,
        guard=ir.Cmp("<", ir.FactValue(fact_name), t),
    )


def allowance(fact_name, limit, amount, step=1, *, cap=None, text=None):
    """`【F】不得超过T，每超N扣A分`: quantity F − T when F > T."""
    t = val(limit)
    return ir.Step(
        **_base(
            text or f"【{fact_name}】不得超过{limit}，每超{step}扣{amount}分", [fact_name], cap
        ),
        kind="deduct",
        amount=val(amount),
        quantity=ir.Arith("-", ir.FactValue(fact_name), t),
        step=D(str(step)),
        rounding="floor",
        guard=ir.Cmp(">", ir.FactValue(fact_name), t),
    )


def late(fact_name, due: date, amount, *, cap=None, text=None):
    """`【F】晚于D的，每晚1天扣A分`."""
    days = ir.DaysLate(fact_name, due)
    return ir.Step(
        **_base(text or f"【{fact_name}】晚于{due}的，每晚1天扣{amount}分", [fact_name], cap),
        kind="deduct",
        amount=val(amount),
        quantity=days,
        step=D(1),
        rounding="floor",
        guard=ir.Cmp(">", days, ir.Const(D(0))),
    )


def missing(facts, amount, *, cap=None, text=None) -> ir.Missing:
    names = "、".join(f"【{f}】" for f in facts)
    return ir.Missing(
        **_base(text or f"{names}每缺1项扣{amount}分", facts, cap),
        kind="deduct",
        amount=val(amount),
        facts=tuple(facts),
    )


def deduct(amount, *, zero_node=False) -> ir.Points:
    return ir.Points("deduct", val(amount), zero_node=zero_node)


def earn(amount, *, full=False) -> ir.Points:
    return ir.Points("earn", val(amount), full=full)


def bonus(amount) -> ir.Points:
    return ir.Points("bonus", val(amount))


def disqualify() -> ir.Outcome:
    return ir.Outcome("disqualify")


def veto() -> ir.Outcome:
    return ir.Outcome("veto")


def label(name) -> ir.Outcome:
    return ir.Outcome("label", name)


def when(cond, *then, otherwise=(), inputs=None, cap=None, text=None) -> ir.Fixed:
    """`CONDITION EFFECT…[，否则 EFFECT…]`; cond None: always."""
    c = yes(cond) if isinstance(cond, str) else cond
    if inputs is None:
        inputs = []
        for x in irutil.subexpressions(c) if c is not None else ():
            name = getattr(x, "fact", None) or getattr(x, "name", None)
            if isinstance(x, ir.IsTrue | ir.FactValue) and name not in inputs:
                inputs.append(name)
    return ir.Fixed(
        **_base(text or "条件条款", inputs, cap),
        condition=c,
        then=tuple(then),
        otherwise=tuple(otherwise),
    )


def judged(fact_name, *, kind="deduct", cap=None, text=None) -> ir.Discretionary:
    return ir.Discretionary(
        **_base(text or f"【{fact_name}】酌情扣分", [fact_name], cap), kind=kind, fact=fact_name
    )


# ------------------------------------------------------------------------------- nodes


def node(
    marker, points=None, *items, title=None, cap=None, floor=True, bonus_cap=None, take_max=False
) -> ir.Node:
    """An outline node; `items` are clauses and child nodes, in source order."""
    clauses = tuple(i for i in items if not isinstance(i, ir.Node))
    children = tuple(i for i in items if isinstance(i, ir.Node))
    p = None if points is None else D(str(points))
    k = None if cap is None else D(str(cap))
    budget = min(p, k) if p is not None and k is not None else (p if p is not None else k)
    return ir.Node(
        path=marker,
        marker=marker,
        title=title or f"项目{marker}",
        line=0,
        points=p,
        budget=budget,
        floor=floor,
        bonus_cap=None if bonus_cap is None else D(str(bonus_cap)),
        earns=False,
        take_max=take_max,
        clauses=clauses,
        children=children,
    )


def _earns(clause) -> bool:
    if isinstance(clause, ir.Step | ir.Discretionary):
        return clause.kind == "earn"
    if isinstance(clause, ir.Fixed):
        return any(
            isinstance(e, ir.Points) and e.kind == "earn" for e in clause.then + clause.otherwise
        )
    return False


def policy(
    *nodes,
    facts=(),
    full=100,
    precision=None,
    bands=(),
    title="测试细则",
    year=2023,
    filename="test.rule",
    tests=(),
) -> ir.Policy:
    counter = {"line": 10, "clause": 0}
    averages: list[str] = []

    def finish(n: ir.Node, prefix: str) -> ir.Node:
        path = prefix + n.marker
        line = counter["line"]
        counter["line"] += 1
        clauses = []
        for c in n.clauses:
            clauses.append(
                dataclasses.replace(c, id=f"c{counter['clause']}", path=path, line=counter["line"])
            )
            counter["clause"] += 1
            counter["line"] += 1
            for name in irutil.clause_averages(clauses[-1]):
                if name not in averages:
                    averages.append(name)
        children = tuple(finish(ch, path) for ch in n.children)
        return dataclasses.replace(
            n,
            path=path,
            line=line,
            clauses=tuple(clauses),
            children=children,
            earns=any(_earns(c) for c in clauses),
        )

    built = tuple(finish(n, "") for n in nodes)
    return ir.Policy(
        title=title,
        year=year,
        full_marks=D(str(full)),
        precision=None if precision is None else D(str(precision)),
        source_hash=hashlib.sha256(title.encode("utf-8", "surrogatepass")).hexdigest(),
        filename=filename,
        facts=tuple(facts),
        nodes=built,
        bands=tuple(bands),
        averages=tuple(averages),
        tests=tuple(tests),
    )


def band(name, low=None, *, low_inclusive=True, high=None, high_inclusive=False, rest=False):
    return ir.GradeBand(
        name=name,
        low=None if low is None else D(str(low)),
        low_inclusive=low_inclusive,
        high=None if high is None else D(str(high)),
        high_inclusive=high_inclusive,
        rest=rest,
        line=1,
    )


def rest(name):
    return band(name, rest=True)


# -------------------------------------------------------------------------- the seed


def seed() -> ir.Policy:
    """The first seed document (policies/shuangjie_lianghui_2023.rule), by hand."""
    b = lambda name: fact(name, "bool")  # noqa: E731
    c = lambda name, unit="次": fact(name, "count", unit, default=0)  # noqa: E731
    return policy(
        node("(一)", 5, per_unit("缺会次数", 1), title="领导重视程度"),
        node(
            "(二)",
            5,
            node("1", 2, when("统计表按时上报", earn(2), otherwise=[deduct(2, zero_node=True)])),
            node("2", 3, missing(["落实包案领导", "落实化解方案", "落实稳控措施"], 1)),
            title="矛盾纠纷排查化解",
        ),
        node(
            "(三)",
            5,
            node("1", 1, when("接访日程表公示", earn(1), otherwise=[deduct(1, zero_node=True)])),
            node("2", 1, when("接访登记记录规范", earn(1), otherwise=[deduct(1, zero_node=True)])),
            node(
                "3", 1, when("有接访批示案件台帐", earn(1), otherwise=[deduct(1, zero_node=True)])
            ),
            node("4", 2, when("按日程接访", earn(2), otherwise=[deduct(2, zero_node=True)])),
            title="党政领导轮流接访",
        ),
        node(
            "(四)",
            5,
            node("1", None, when(any_of(no("制定应急预案"), no("应急预案及时上报")), deduct(5))),
            node("2", None, per_unit("日报告漏报次数", 1)),
            title="值班及信息报告",
        ),
        node(
            "(五)",
            80,
            node("1", None, per_unit("赴京非正常初访", 30), per_unit("赴京非正常重复访", 60)),
            node(
                "2",
                None,
                per_unit("来县集体初访及时疏散", 5),
                per_unit("来县集体初访滞留1小时以上", 20),
                per_unit("来县重复集体访或到市集体访", 30),
                per_unit("赴省集体访及时疏散", 40),
                per_unit("赴省集体访被登记或造成影响", 60),
                per_unit("赴京集体访被登记", 80),
            ),
            node(
                "3",
                None,
                per_unit("赴国家及省信访局个访", 2023),
                per_unit("赴省委省政府及两会驻地个访", 20),
            ),
            title="来县及越级上访",
        ),
        facts=[
            c("缺会次数"),
            b("统计表按时上报"),
            b("落实包案领导"),
            b("落实化解方案"),
            b("落实稳控措施"),
            b("接访日程表公示"),
            b("接访登记记录规范"),
            b("有接访批示案件台帐"),
            b("按日程接访"),
            b("制定应急预案"),
            b("应急预案及时上报"),
            c("日报告漏报次数"),
            c("赴京非正常初访", "人次"),
            c("赴京非正常重复访", "人次"),
            c("来县集体初访及时疏散", "批次"),
            c("来县集体初访滞留1小时以上", "批次"),
            c("来县重复集体访或到市集体访", "批次"),
            c("赴省集体访及时疏散", "批次"),
            c("赴省集体访被登记或造成影响", "批次"),
            c("赴京集体访被登记", "批次"),
            c("赴国家及省信访局个访", "批次"),
            c("赴省委省政府及两会驻地个访", "批次"),
        ],
        bands=[band("优秀", 90), band("良好", 80), band("合格", 60), rest("不合格")],
        title="2023年“双节”及省“两会”期间信访稳定工作考评细则",
        filename="shuangjie_lianghui_2023.rule",
    )


SEED_ALL_TRUE = {
    name: True
    for name in (
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
}


# -------------------------------------------------------------- whole-number policies
# Policies whose every amount, cap and budget is whole: the generated module computes
# them in ints (backends/python/intpath.py).  Together they use every clause form the
# integer path accepts, with budgets that bind, earned items, 就高不就低, bonuses with
# a cap, a node without a floor, outcomes, and conditions on percentages, dates and
# batch means (which stay Decimal inside an int module).

WHOLE_DUE = date(2023, 1, 9)


def whole(precision=None, averages=True) -> ir.Policy:
    """Most of the language in whole points; `precision` 精度, `averages` a condition
    on a batch mean (which makes the module switch to its decimal context)."""
    mean = [when(cmp("受理率", "<", avg("受理率")), deduct(3))] if averages else []
    return policy(
        node(
            "一",
            None,
            node(
                "(一)",
                10,
                per_unit("缺会", 1),
                per_unit("迟报", 2, step=3, rounding="ceil"),
                per_unit("违纪", 3, step=2, cap=5),
            ),
            node(
                "(二)",
                6,
                when("报表", earn(2)),
                when("台账", earn(3)),
                when("总结", earn(4)),
                take_max=True,
            ),
            node("(三)", 5, when("报表", earn(2)), when("台账", earn(3)), per_unit("缺会", 1)),
            title="基础工作",
        ),
        node(
            "二",
            20,
            node("1", 8, late("上报日期", WHOLE_DUE, 1), allowance("回流", 3, 2), cap=3),
            node("2", None, missing(["报表", "台账", "总结"], 2), cap=4),
            node(
                "3",
                4,
                when(cmp("化解率", "<", 80), deduct(2)),
                when(cmp(add("缺会", "迟报"), ">=", 5), deduct(1), otherwise=[deduct(0)]),
                when(cmp("化解率", "<", "60.5"), deduct(1)),
            ),
            node("4", 2, per_unit("违纪", 1), floor=False),
            node("5", 5, *mean, threshold("参与人数", 20, 1, step=5, cap=3)),
            node("6", 3, when(None, deduct(mul(sub("违纪", 1), 2)))),
            node("7", 4, when(cmp("违纪", ">", 2), deduct(max_of("违纪", 3)), cap=4)),
            title="业务工作",
        ),
        node("(加)", None, per_unit("表彰", 1, kind="bonus"), when("创新", bonus(2)), bonus_cap=2),
        node(
            "三",
            5,
            when(any_of(all_of("事故", no("报表")), cmp("违纪", ">", 5)), veto()),
            when("影响", disqualify(), label("重点管理单位")),
            judged("酌情扣次", cap=2),
        ),
        facts=[
            fact("缺会", default=0),
            fact("迟报", default=0),
            fact("违纪", unit="人", default=0),
            fact("化解率", "percent"),
            fact("报表", "bool"),
            fact("台账", "bool"),
            fact("总结", "bool", default=True),
            fact("上报日期", "date"),
            fact("回流", default=0),
            fact("参与人数", unit="人", default=0),
            fact("表彰", default=0),
            fact("创新", "bool", default=False),
            fact("受理率", "percent"),
            fact("事故", "bool", default=False),
            fact("影响", "bool", default=False),
            fact("酌情扣次", default=0),
        ],
        full=45,
        precision=precision,
        bands=[band("优秀", 40), band("合格", 30, high=40), rest("不合格")],
    )


def max_of(*args) -> ir.Func:
    return ir.Func("max", tuple(val(a) for a in args))
