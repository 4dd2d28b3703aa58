"""去掉最高值和最低值后的平均值 (去极值平均值) — docs/language.md 9.8 and 12.1.

The mean of the batch without one highest and one lowest value: a statistic of its own,
never the plain mean its last words name; fewer than three units and it does not exist
(every unit an error).  Every engine gives the same numbers: the module, the
interpreter, `xize score` in one or two processes, and the SQL query in DuckDB.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from fractions import Fraction

import pytest
from helpers import both_totals, one_item
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import duckdb_results
from xize.compiler import compile_policy
from xize.compiler.support.prelude import NO_TRIMMED_MESSAGE

RATE = "  化解率：百分比\n"
BATCH = ["100%", "90%", "80%", "70%", "10%"]  # mean 70, trimmed mean 80


def rows(values) -> list[dict]:
    return [{"单位": f"u{i}", "化解率": v} for i, v in enumerate(values)]


def totals(clause: str, values=BATCH) -> list[str]:
    policy = compile_policy(one_item(clause, RATE))
    return [format(t.normalize(), "f") for t in both_totals(policy, rows(values))]


@pytest.mark.parametrize(
    "clause",
    [
        "【化解率】低于去掉最高值和最低值后的平均值的扣2分",
        "【化解率】低于去掉一个最高值和一个最低值后的平均值的扣2分",
        "【化解率】低于全市去掉一个最高值和一个最低值后的平均值的扣2分",
        "【化解率】低于去掉最高值和最低值后的全市平均值的扣2分",
        "【化解率】低于剔除最高分、最低分后的平均水平的扣2分",
        "【化解率】低于去极值平均值的扣2分",
        "【化解率】低于全市去极值平均值的扣2分",
    ],
)
def test_the_trimmed_mean_leaves_out_one_highest_and_one_lowest(clause):
    # trimmed mean 80: 70% and 10% are below it
    assert totals(clause) == ["6", "6", "6", "4", "4"]


def test_the_plain_mean_is_another_number():
    # the plain mean is 70: only 10% is below it
    assert totals("【化解率】低于平均值的扣2分") == ["6", "6", "6", "6", "4"]


def test_steps_and_formulas_read_the_trimmed_mean():
    step = "【化解率】低于去掉最高值和最低值后的平均值的，每低1个百分点扣0.5分"
    assert totals(step) == ["6", "6", "6", "1", "0"]  # 70%: 10 below → 5
    share = "得(【化解率】÷去掉最高值和最低值后的平均值×6)分，最多得6分"
    assert totals(share) == ["6", "6", "6", "5.25", "0.75"]


def test_ties_at_an_end_leave_only_one_out():
    clause = "【化解率】低于去极值平均值的扣2分"
    # 90, 90, 90, 60: trimmed (90 + 90) / 2 = 90 → 60% below; a mean of every 90 dropped would be none
    assert totals(clause, ["90%", "90%", "90%", "60%"]) == ["6", "6", "6", "4"]


def test_fewer_than_three_units_make_every_unit_an_error():
    policy = compile_policy(one_item("【化解率】低于去极值平均值的扣2分", RATE))
    for batch in (rows(["90%", "80%"]), rows(["90%", "x", "y"])):
        results = policy.score_batch(batch)
        assert all(r.total is None for r in results)
        good = [r for r in results if "x" not in r.error.message and "y" not in r.error.message]
        assert good and all(r.error.message == NO_TRIMMED_MESSAGE for r in good)
        interpreted = policy.interpreter.score_batch(batch)
        assert [r.to_dict() for r in interpreted] == [r.to_dict() for r in results]


def test_a_unit_scored_alone_is_given_the_trimmed_mean():
    policy = compile_policy(one_item("【化解率】低于去极值平均值的扣2分", RATE))
    assert policy.score({"化解率": "79%"}, batch={"去极值平均值【化解率】": "80%"}).total == 4
    with pytest.raises(Exception, match="去极值平均值【化解率】"):
        policy.score({"化解率": "79%"})


def test_a_test_block_states_it():
    text = one_item("【化解率】低于去极值平均值的扣2分", RATE) + (
        "\n测试 “低于去极值平均值”：\n  【化解率】= 79\n  去极值平均值【化解率】= 80\n  期望 总分 = 4\n"
    )
    outcomes = compile_policy(text).run_tests().outcomes
    assert [o.passed for o in outcomes] == [True]
    wrong = text.replace("期望 总分 = 4", "期望 总分 = 6")
    assert [o.passed for o in compile_policy(wrong).run_tests().outcomes] == [False]


def test_a_test_block_naming_it_where_no_clause_reads_it_is_refused():
    text = one_item("【化解率】低于平均值的扣2分", RATE) + (
        "\n测试 “无”：\n  【化解率】= 79\n  去极值平均值【化解率】= 80\n  期望 总分 = 4\n"
    )
    with pytest.raises(Exception, match="E211"):
        compile_policy(text)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 1000), min_size=3, max_size=12))
def test_it_is_the_exact_mean_of_the_middle_values(tenths):
    """Against a hand computation in fractions: one point for each whole percentage
    point below the trimmed mean, engines agreeing."""
    values = [f"{t / 10}%" for t in tenths]
    ordered = sorted(Fraction(t, 10) for t in tenths)
    trimmed = sum(ordered[1:-1]) / (len(ordered) - 2)
    policy = compile_policy(
        one_item("【化解率】低于去极值平均值的，每低1个百分点扣1分", RATE, points=100)
    )
    got = both_totals(policy, rows(values))
    for tenth, total in zip(tenths, got, strict=True):
        below = trimmed - Fraction(tenth, 10)
        steps = int(below) if below > 0 else 0  # whole steps, the default
        assert total == max(Decimal(100 - steps), Decimal(0)), (tenth, trimmed)


def test_duckdb_computes_it_as_the_python_engine():
    policy = compile_policy(one_item("【化解率】低于去极值平均值的，每低1个百分点扣0.5分", RATE))
    for values in (BATCH, ["33.3%", "66.7%", "12.5%", "99.9%", "50%", "50%"], ["90%", "80%"]):
        batch = rows(values)
        expected = [(r.total, r.error and r.error.message) for r in policy.score_batch(batch)]
        got = [
            (None if r["总分"] is None else Decimal(r["总分"]).normalize(), r.get("错误"))
            for r in duckdb_results(policy.ir, batch)
        ]
        want = [(None if t is None else t.normalize(), e) for t, e in expected]
        assert got == want


def test_xize_score_writes_the_same_report_in_every_engine(tmp_path):
    from click.testing import CliRunner
    from xize.runtime.cli.main import cli

    rule = tmp_path / "t.rule"
    rule.write_text(
        one_item(
            "【化解率】低于去掉一个最高值和一个最低值后的平均值的，每低1个百分点扣0.5分", RATE
        ),
        encoding="utf-8",
    )
    data = tmp_path / "d.csv"
    with data.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["单位", "化解率"])
        for i in range(40):
            writer.writerow([f"u{i}", f"{(i * 37) % 1000 / 10}%"])
    runner = CliRunner()
    outputs = {}
    for name, extra in (("one", []), ("two", ["--jobs", "2"]), ("duck", ["--engine", "duckdb"])):
        out = tmp_path / f"{name}.csv"
        result = runner.invoke(cli, ["score", str(rule), str(data), "-o", str(out), *extra])
        assert result.exit_code == 0, result.output
        outputs[name] = (out.read_bytes(), out.with_name(f"{name}-明细.csv").read_bytes())
        if name == "duck":
            assert "去极值平均值" in result.output  # it says why Python scored
    assert outputs["one"] == outputs["two"] == outputs["duck"]
    assert "去极值平均值【化解率】 = " in outputs["one"][1].decode("utf-8-sig")
