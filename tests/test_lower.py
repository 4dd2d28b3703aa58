"""Lowering: the IR shape of every clause form, names, budgets, paths, bands and tests,
and the comparison words of LANGUAGE.md §4.8."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from xize.compiler.check.boundary import operator
from xize.compiler.check.run import check
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.ir import nodes as ir
from xize.compiler.lower.lower import lower
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse
from xize.compiler.testing.runner import run_tests

ROOT = Path(__file__).resolve().parents[1]
HEAD = "细则：示例\n年度：2023\n满分：{full}分\n"


def lowered(body: str, full: str = "5", header: str = "") -> ir.Policy:
    text = HEAD.format(full=full) + header + "\n" + body
    source = Source(text, "t.rule")
    tree, diags = parse(source)
    assert tree is not None and not [d for d in diags if d.is_error], diags
    errors = [d for d in check(tree, source) if d.is_error]
    assert not errors, [(d.code, d.message()) for d in errors]
    return lower(tree, source)


def only_clause(body: str, **kw) -> ir.Clause:
    policy = lowered(body, **kw)
    clauses = [c for n in policy.walk() for c in n.clauses]
    assert len(clauses) == 1
    return clauses[0]


def node_of(body: str, **kw) -> ir.Node:
    return lowered(body, **kw).nodes[0]


C = ir.Const
F = ir.FactValue
D = Decimal


# ---------------------------------------------------------------------- clause forms


def test_per_unit():
    clause = only_clause("(一)a(5分)\n  - 【缺会次数】每缺1次扣1分\n")
    assert clause == ir.Step(
        id="c0",
        path="(一)",
        line=6,
        text="【缺会次数】每缺1次扣1分",
        inputs=("缺会次数",),
        cap=None,
        kind="deduct",
        amount=C(D(1)),
        quantity=F("缺会次数"),
        step=D(1),
        rounding="floor",
        guard=None,
    )


def test_per_unit_slash_notation_and_chinese_numerals():
    clause = only_clause("(一)a(80分)\n  - 【进京非访】扣15分/批次\n", full="80")
    assert (clause.kind, clause.amount, clause.quantity, clause.step) == (
        "deduct",
        C(D(15)),
        F("进京非访"),
        D(1),
    )
    clause = only_clause("(一)a(5分)\n  - 【迟报次数】每迟报一次扣0.01分\n")
    assert (clause.amount, clause.step) == (C(D("0.01")), D(1))


def test_per_unit_earned_and_bonus():
    node = node_of("(一)a(5分)\n  - 【化解积案】每件计2分\n")
    assert node.earns and node.clauses[0].kind == "earn"
    policy = lowered(
        "(一)a(5分)\n  - 【缺会】每缺1次扣1分\n(二)奖励，加分项，最高加2分\n  - 【获省级表彰】每次加2分\n"
    )
    bonus = policy.nodes[1]
    assert (bonus.points, bonus.budget, bonus.bonus_cap) == (None, None, D(2))
    assert bonus.clauses[0].kind == "bonus" and bonus.clauses[0].amount == C(D(2))


def test_step_rounding_words():
    clause = only_clause("(一)a(5分)\n  - 【延误天数】每延长2天扣1分，不足2天按2天计\n")
    assert (clause.step, clause.rounding) == (D(2), "ceil")


def test_missing_items_both_spellings():
    for line in ("【A】、【B】、【C】每缺1项扣1分", "未【A】、【B】、【C】的，分别扣1分"):
        clause = only_clause(f"(一)a(5分)\n  - {line}\n")
        assert isinstance(clause, ir.Missing)
        assert (clause.kind, clause.amount, clause.facts) == ("deduct", C(D(1)), ("A", "B", "C"))
        assert clause.inputs == ("A", "B", "C")


def test_condition_forms():
    clause = only_clause("(一)a(1分)\n  - 【制定应急预案】得1分，否则不得分\n", full="1")
    assert clause.condition == ir.IsTrue("制定应急预案")
    assert clause.then == (ir.Points("earn", C(D(1))),) and clause.otherwise == ()
    clause = only_clause("(一)a(5分)\n  - 未【制定应急预案】扣5分\n")
    assert clause.condition == ir.Negate(ir.IsTrue("制定应急预案"))
    assert clause.then == (ir.Points("deduct", C(D(5))),)
    clause = only_clause("(一)a(5分)\n  - 【参与人数】20人以上的，扣0.2分\n")
    assert clause.condition == ir.Cmp(">=", F("参与人数"), C(D(20)))
    assert clause.then == (ir.Points("deduct", C(D("0.2"))),)
    clause = only_clause("(一)a(5分)\n  - 【A】且(【B】或未【C】)的，扣1分，最多扣2分\n")
    assert clause.condition == ir.AllOf(
        (ir.IsTrue("A"), ir.AnyOf((ir.IsTrue("B"), ir.Negate(ir.IsTrue("C")))))
    )
    assert clause.cap == D(2) and clause.inputs == ("A", "B", "C")


def test_no_score_and_full_marks_use_the_node():
    # (a cap below the points beside 不得分 is refused, E119: tests/test_hazards.py)
    policy = lowered(
        "(一)a(5分)，最多扣8分\n  - 【A】不得分\n(二)b(2分)\n  - 【B】得满分\n", full="7"
    )
    zero, full = policy.nodes[0].clauses[0], policy.nodes[1].clauses[0]
    assert zero.then == (ir.Points("deduct", C(D(5)), zero_node=True),)
    assert full.then == (ir.Points("earn", C(D(2)), full=True),)


def test_conditional_per_unit_counts_the_whole_subject():
    clause = only_clause("(一)a(5分)\n  - 【A】+【B】超过3次的，每次扣1分\n")
    total = ir.Arith("+", F("A"), F("B"))
    assert clause.quantity == total
    assert clause.guard == ir.Cmp(">", total, C(D(3)))
    assert clause.inputs == ("A", "B")


def test_threshold_allowance_and_parameter():
    clause = only_clause("(一)a(5分)\n  - 【隐患化解率】应达到80%，每低于1个百分点扣0.03分\n")
    assert clause.quantity == ir.Arith("-", C(D(80)), F("隐患化解率"))
    assert clause.guard == ir.Cmp("<", F("隐患化解率"), C(D(80)))
    assert (clause.amount, clause.step) == (C(D("0.03")), D(1))
    clause = only_clause(
        "(一)a(5分)\n  - 【隐患化解率】应达到【目标】，每低于1个百分点扣0.03分\n",
        header="\n参数：\n  目标 = 百分之八十\n",
    )
    assert clause.quantity == ir.Arith("-", C(D(80)), F("隐患化解率"))
    clause = only_clause("(一)a(5分)\n  - 【回流次数】不得超过3次，每超1次扣0.1分\n")
    assert clause.quantity == ir.Arith("-", F("回流次数"), C(D(3)))
    assert clause.guard == ir.Cmp(">", F("回流次数"), C(D(3)))


def test_versus_the_batch_average():
    policy = lowered("(一)a(5分)\n  - 【及时受理率】每低于全市综合平均值1个百分点扣0.02分\n")
    clause = policy.nodes[0].clauses[0]
    mean = ir.AverageOf("及时受理率")
    assert clause.quantity == ir.Arith("-", mean, F("及时受理率"))
    assert clause.guard == ir.Cmp("<", F("及时受理率"), mean)
    assert policy.averages == ("及时受理率",)


def test_late_date_uses_the_policy_year():
    clause = only_clause("(一)a(5分)\n  - 【上报日期】晚于1月9日的，每晚1天扣0.1分\n")
    late = ir.DaysLate("上报日期", date(2023, 1, 9))
    assert clause.quantity == late
    assert clause.guard == ir.Cmp(">", late, C(D(0)))
    assert (clause.amount, clause.step) == (C(D("0.1")), D(1))


def test_discretionary_narrows_the_fact_range():
    policy = lowered(
        "(一)a(5分)\n  - 【预案工作扣分】酌情扣0至5分\n",
        header="\n数据：\n  预案工作扣分：分，默认0，范围0至10\n",
    )
    clause = policy.nodes[0].clauses[0]
    assert clause == ir.Discretionary(
        id="c0",
        path="(一)",
        line=9,
        text="【预案工作扣分】酌情扣0至5分",
        inputs=("预案工作扣分",),
        cap=None,
        kind="deduct",
        fact="预案工作扣分",
    )
    fact = policy.facts[0]
    assert (fact.type, fact.default, fact.low, fact.high) == ("points", D(0), D(0), D(5))


def test_expressions():
    clause = only_clause("(一)a(5分)\n  - 扣(【平台扣分】×10)分\n")
    assert clause.condition is None
    assert clause.then == (ir.Points("deduct", ir.Arith("*", F("平台扣分"), C(D(10)))),)
    clause = only_clause("(一)a(5分)\n  - 得(最大(70×【达标率】−63, 0))分\n")
    expr = ir.Func("max", (ir.Arith("-", ir.Arith("*", C(D(70)), F("达标率")), C(D(63))), C(D(0))))
    assert clause.then == (ir.Points("earn", expr),)


def test_outcomes():
    clause = only_clause("(一)a(5分)\n  - 【造成重大影响】取消考评资格，列为信访工作重点管理单位\n")
    assert clause.then == (ir.Outcome("disqualify"), ir.Outcome("label", "信访工作重点管理单位"))
    clause = only_clause("(一)a(5分)\n  - 【发生重大责任事故】一票否决\n")
    assert clause.then == (ir.Outcome("veto"),)


# ---------------------------------------------------------------------- comparison words


@pytest.mark.parametrize(
    "word, op",
    [
        ("以上", ">="),
        ("以下", "<="),
        ("以内", "<="),
        ("达到", ">="),
        ("不低于", ">="),
        ("不超过", "<="),
        ("不少于", ">="),
        ("至少", ">="),
        ("超过", ">"),
        ("不满", "<"),
        ("不足", "<"),
        ("低于", "<"),
        ("高于", ">"),
        ("少于", "<"),
        ("超过…以上", ">"),
        ("应达到", ">="),
        ("不得少于", ">="),
        ("不晚于", "<="),
        ("前", "<="),
        ("之前", "<="),
        ("以前", "<="),
        ("晚于", ">"),
        ("早于", "<"),
        ("≥", ">="),
        ("=", "=="),
    ],
)
def test_comparison_words(word, op):
    assert operator(word) == op


def test_header_boundary_overrides_the_table():
    overrides = {"以上": True, "以下": False}
    assert operator("以下", overrides) == "<" and operator("以上", overrides) == ">="
    clause = only_clause(
        "(一)a(5分)\n  - 【人数】20人以下的，扣1分\n", header="边界：以上含本数，以下不含本数\n"
    )
    assert clause.condition == ir.Cmp("<", F("人数"), C(D(20)))


def test_date_comparisons():
    clause = only_clause("(一)a(5分)\n  - 【上报】1月9日前的，得5分\n")
    assert clause.condition == ir.Cmp("<=", F("上报"), C(date(2023, 1, 9)))
    clause = only_clause("(一)a(5分)\n  - 【上报】早于2023年1月9日的，扣1分\n")
    assert clause.condition == ir.Cmp("<", F("上报"), C(date(2023, 1, 9)))


# ---------------------------------------------------------------------- policy shape


def test_facts_are_typed_and_named_in_ascii():
    policy = lowered(
        "(一)a(5分)\n"
        "  - 【缺会次数】每缺1次扣1分\n"
        "  - 【按时上报】得1分，否则不得分\n"
        "  - 【化解率】达到80%的，扣1分\n"
        "  - 【上报日期】晚于1月9日的，扣1分\n"
        "  - 扣(【平台扣分】×10)分\n",
        header="\n数据：\n  值班：是否，默认是\n  回流：人次，默认0\n  率：百分比，默认85%\n",
    )
    shape = [(f.ident, f.name, f.type, f.unit, f.default, f.inferred) for f in policy.facts]
    assert shape == [
        ("f0", "值班", "bool", "是否", True, False),
        ("f1", "回流", "count", "人次", 0, False),
        ("f2", "率", "percent", "百分比", D(85), False),
        ("f3", "缺会次数", "count", "次", None, True),
        ("f4", "按时上报", "bool", "是否", None, True),
        ("f5", "化解率", "percent", "百分比", None, True),
        ("f6", "上报日期", "date", "日期", None, True),
        ("f7", "平台扣分", "number", "数值", None, True),
    ]
    assert all(f.ident.isascii() and f.ident.isidentifier() for f in policy.facts)


def test_paths_budgets_and_flags():
    policy = lowered(
        "一、基础(10分)，最多扣6分，不设下限\n"
        "  1、甲(4分)\n"
        "    (1)子项(2分)，就高不就低\n"
        "      - 【A】得2分，否则不得分\n"
        "      - 【D】得1分\n"
        "  2、乙\n"
        "    - 【B】每次扣1分\n"
        "二、其他，最多扣3分\n"
        "  - 【C】每次扣1分\n",
        full="10",
    )
    shape = {
        n.path: (n.marker, n.points, n.budget, n.floor, n.earns, n.take_max) for n in policy.walk()
    }
    assert shape == {
        "一": ("一、", D(10), D(6), False, False, False),
        "一1": ("1、", D(4), D(4), True, False, False),
        "一1(1)": ("(1)", D(2), D(2), True, True, True),
        "一2": ("2、", None, None, True, False, False),
        "二": ("二、", None, D(3), True, False, False),
    }
    ids = [(c.id, c.path, c.line) for n in policy.walk() for c in n.clauses]
    assert ids == [("c0", "一1(1)", 8), ("c1", "一1(1)", 9), ("c2", "一2", 11), ("c3", "二", 13)]


def test_bands():
    policy = lowered(
        "(一)a(10分)\n  - 【A】每次扣1分\n"
        "\n等次：\n  优秀：9分以上\n  良好：6分至9分\n  合格：超过3分\n  不合格：其余\n",
        full="10",
    )
    bands = [
        (b.name, b.low, b.low_inclusive, b.high, b.high_inclusive, b.rest) for b in policy.bands
    ]
    assert bands == [
        ("优秀", D(9), True, None, False, False),
        ("良好", D(6), True, D(9), True, False),
        ("合格", D(3), False, None, False, False),
        ("不合格", None, False, None, False, True),
    ]


def test_tests_keep_raw_strings():
    policy = lowered(
        "(一)a(5分)\n  - 【及时受理率】每低于全市综合平均值1个百分点扣0.02分\n"
        "\n测试 “t”：\n  【及时受理率】= 82%\n  平均值【及时受理率】= 85\n"
        "  期望 总分 = 4.94，(一) = 4.94，等次 = 无\n",
    )
    (test,) = policy.tests
    assert (test.name, test.line) == ("t", 8)
    assert test.facts == (("及时受理率", "82%"),)
    assert test.averages == (("及时受理率", "85"),)
    assert test.expectations == (("总分", "4.94", 11), ("(一)", "4.94", 11), ("等次", "无", 11))


def test_policy_header_and_determinism():
    text = (
        HEAD.format(full="5") + "精度：0.01\n考评对象：各单位\n\n(一)a(5分)\n  - 【A】每次扣1分\n"
    )
    source = Source(text, "p.rule")
    tree, _ = parse(source)
    first, second = lower(tree, source), lower(tree, source)
    assert first == second
    assert (first.title, first.year, first.full_marks, first.precision) == (
        "示例",
        2023,
        D(5),
        D("0.01"),
    )
    assert (first.source_hash, first.filename, first.target, first.mode) == (
        source.sha256,
        "p.rule",
        "各单位",
        "减分制",
    )


@pytest.mark.parametrize("name", ["shuangjie_lianghui_2023", "xinfang_kaoping_shizhi"])
def test_seed_policies_pass_their_own_tests(name):
    source = Source((ROOT / "policies" / f"{name}.rule").read_text("utf-8"), f"{name}.rule")
    tree, _ = parse(source)
    policy = lower(tree, source)
    interpreter = Interpreter(policy)
    report = run_tests(policy, interpreter.score, interpreter)
    failed = [o.name for o in report.outcomes if not o.passed]
    assert failed == []
