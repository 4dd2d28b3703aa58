"""A formula of the unit's place (docs/language.md 9.9): `按【X】排名，得((单位数−名次+1)÷单位数×6)分`
and the document's own wording `得分=（参评单位数−本单位位次+1）÷参评单位数×6`.  名次 is the
competition rank by the clause's subject, 单位数 the units in the batch (scored, no data error,
not disqualified).  Batches worked by hand; compiled == interpreter == DuckDB; the
refusals say what to write."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import PolicyError, compile_policy
from xize.compiler.backends.sql.table import score_table
from xize.compiler.diagnostics.errors import InputError
from xize.runtime.cli.main import cli

D = Decimal
FORMAL = "按【综合得分】排名，得((单位数−名次+1)÷单位数×6)分"
WORDED = "按【综合得分】排名，得分=（参评单位数−本单位位次+1）÷参评单位数×6"


def rule_text(
    clause: str, precision: str = "", sense: str = "，越高越好", name: str = "综合得分"
) -> str:
    return (
        f"细则：名次算式\n年度：2024\n满分：10分\n{precision}\n数据：\n"
        f"  {name}：数值{sense}\n  弄虚作假：是否，默认否\n\n"
        f"一、名次（6分）\n  - {clause}\n二、其他（4分）\n  - 【弄虚作假】的，取消考评资格\n"
    )


def policy(clause: str = FORMAL, precision: str = ""):
    return compile_policy(rule_text(clause, precision), filename="名次算式.rule")


def rows_of(values, cheats=()) -> list[dict]:
    return [
        {"单位": f"U{i}", "综合得分": v, "弄虚作假": "是" if i in cheats else "否"}
        for i, v in enumerate(values)
    ]


def place_scores(p, values, cheats=()) -> list:
    rows = rows_of(values, cheats)
    compiled = p.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in p.interpreter.score_batch(rows)]
    return [r.nodes["一"].score if r.status == "正常" else None for r in compiled]


def test_places_earn_their_share_and_ties_share_a_place():
    # n = 5; places 1, 2, 2, 4, 5 earn 6×5/5, 6×4/5 (twice), 6×2/5, 6×1/5
    assert place_scores(policy(), ["90", "80", "80", "70", "60"]) == [
        6,
        D("4.8"),
        D("4.8"),
        D("2.4"),
        D("1.2"),
    ]


@pytest.mark.parametrize(
    "clause",
    [
        WORDED,
        "按【综合得分】从高到低排名，得分＝（参评单位数－本单位位次＋1）÷参评单位数×6",
        "按【综合得分】排名，按（参加考核单位总数−本单位名次+1）÷参加考核单位总数×6计分",
        "【综合得分】按名次计分，得分=（单位数-名次+1）/单位数×6",
    ],
)
def test_the_documents_wordings_read_as_the_formula(clause):
    values = ["90", "80", "80", "70", "60", "85", "55"]
    assert place_scores(policy(clause, "精度：0.01分\n"), values) == place_scores(
        policy(FORMAL, "精度：0.01分\n"), values
    )


def test_one_unit_and_all_equal_earn_everything():
    assert place_scores(policy(), ["3"]) == [6]
    assert place_scores(policy(), ["7", "7", "7"]) == [6, 6, 6]


def test_the_batch_leaves_out_disqualified_units():
    # U1 is disqualified: 4 units in the batch, U2 (70) is 2nd of them: 6 × 3/4
    assert place_scores(policy(), ["90", "95", "70", "60", "50"], cheats={1}) == [
        6,
        None,
        D("4.5"),
        D("3"),
        D("1.5"),
    ]


def test_a_quotient_is_rounded_as_the_policy_says():
    p = policy(precision="精度：0.01分\n")
    # n = 7: the 2nd earns 36/7 = 5.142857… → 5.14
    got = place_scores(p, ["90", "80", "70", "60", "50", "40", "30"])
    assert got == [6, D("5.14"), D("4.29"), D("3.43"), D("2.57"), D("1.71"), D("0.86")]


def test_score_alone_takes_the_place_and_the_count_from_batch():
    p = policy(precision="精度：0.01分\n")
    for scorer in (p, p.interpreter):
        alone = scorer.score({"综合得分": 1}, batch={"排名【综合得分】": 2, "单位数": 7})
        assert alone.nodes["一"].score == D("5.14")
    with pytest.raises(InputError) as caught:
        p.score({"综合得分": 1}, batch={"排名【综合得分】": 2})
    assert "单位数" in str(caught.value)


def test_a_test_block_states_them():
    text = rule_text(FORMAL, "精度：0.01分\n") + (
        "\n测试 “第2名”：\n  【综合得分】= 80，排名【综合得分】= 2，共7个单位\n  期望 一 = 5.14\n"
        "\n测试 “第3名”：\n  【综合得分】= 80，排名【综合得分】= 3，共7个单位\n  期望 一 = 5.14\n"
    )
    outcomes = compile_policy(text, filename="名次算式.rule").run_tests().outcomes
    assert [o.passed for o in outcomes] == [True, False]


def test_the_part_not_earned_is_explained_by_the_rule():
    result = policy().score_batch(rows_of(["90", "80", "70", "60"]))[2]
    (item,) = [i for i in result.items if i.path == "一"]
    assert item.note == "按名次算式得分，未得的部分"
    assert item.applied == D("3")  # 6 − 6 × 2/4
    shown = dict(item.inputs)
    assert shown["排名【综合得分】"] == 3 and shown["单位数"] == 4


def test_duckdb_scores_it_as_the_python_engine():
    pa = pytest.importorskip("pyarrow")
    p = policy(precision="精度：0.01分\n")
    rows = rows_of(["90", "80", "80", "70", "60", "95", "30"], cheats={5})
    table = pa.table({k: [r[k] for r in rows] for k in rows[0]})
    scored = score_table(p.ir, table)
    want = [r.total for r in p.score_batch(rows)]
    assert [D(str(v)) if v is not None else None for v in scored.column("总分").to_pylist()] == want


def test_xize_score_with_duckdb_writes_the_same_report(tmp_path):
    rule = tmp_path / "名次算式.rule"
    rule.write_text(rule_text(WORDED, "精度：0.01分\n"), encoding="utf-8")
    data = tmp_path / "数据.csv"
    lines = ["单位,综合得分,弄虚作假"] + [
        f"U{i},{v},否" for i, v in enumerate(["90", "80", "80", "70", "60", "85", "55"])
    ]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for engine in ("python", "duckdb"):
        out = tmp_path / f"{engine}.csv"
        args = ["score", str(rule), str(data), "-o", str(out), "--engine", engine]
        done = CliRunner().invoke(cli, args)
        assert done.exit_code == 0, done.output
    for suffix in ("", "-明细"):
        python = (tmp_path / f"python{suffix}.csv").read_bytes()
        assert python == (tmp_path / f"duckdb{suffix}.csv").read_bytes()
    assert "按名次算式得分，未得的部分" in (tmp_path / "python-明细.csv").read_text("utf-8-sig")


def refusal(clause: str, sense: str = "，越高越好", name: str = "综合得分"):
    with pytest.raises(PolicyError) as raised:
        compile_policy(rule_text(clause, sense=sense, name=name), filename="名次算式.rule")
    return next(d for d in raised.value.diagnostics if d.code.startswith("E"))


def test_a_place_outside_a_ranking_is_refused_with_the_ranking_to_write():
    diag = refusal("得((单位数−名次+1)÷单位数×6)分")
    assert diag.code == "E261"
    assert diag.args["text"] == "单位数"
    assert "按【X】从高到低排名" in diag.hint()


def test_a_formula_without_the_place_is_no_rule_by_place():
    diag = refusal("按【综合得分】排名，得(单位数×6)分")
    assert diag.code == "E101"
    assert "名次计分的算式" in diag.args["expected"]


def test_the_direction_unsaid_on_a_fact_without_sense_is_asked_for():
    clause = FORMAL.replace("综合得分", "考核值")
    assert refusal(clause, sense="", name="考核值").code == "E235"
    # said in the clause, or by the fact's sense: read
    policy(FORMAL.replace("排名", "从低到高排名"))


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=9),
    st.randoms(use_true_random=False),
)
def test_every_unit_earns_its_places_share_whatever_the_order(values, rnd):
    p = policy()
    texts = [str(v) for v in values]
    got = place_scores(p, texts)
    n = len(values)
    for value, score in zip(values, got, strict=True):
        place = 1 + sum(1 for other in values if other > value)
        # exact to the 40 places a quotient keeps
        assert abs(Fraction(score) - Fraction(6 * (n - place + 1), n)) < Fraction(1, 10**38)
        assert 0 < score <= 6
    order = list(range(n))
    rnd.shuffle(order)
    shuffled = place_scores(p, [texts[i] for i in order])
    assert shuffled == [got[i] for i in order]
