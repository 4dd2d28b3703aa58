"""A percentage lies in 0–100 unless its fact declares a range: a debt ratio of 150%, a
growth rate of −5%.  The declared range replaces 0–100 in the checker, the 测试 blocks,
the Python engine, the interpreter and the SQL query alike; a value outside it is a data
error naming the range, and an undeclared percentage outside 0–100 is one whose message
says how to declare the range."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import interpreter, item_totals, one_item, one_refusal
from xize.compiler import PolicyError, compile_policy
from xize.runtime.cli.main import cli

POLICY = """\
细则：超出百分之百的比率
年度：2024
满分：4分

数据：
  政府债务率：百分比，范围0至300
  收入增速：百分比，范围-100至1000

（一）债务与增长（4分）
  - 【政府债务率】不高于全市平均值的得4分；高于平均值的，每高出10个百分点扣1分，扣完为止
  - 【收入增速】低于0%的，扣1分

测试 “负增长”：
  【政府债务率】= 150，【收入增速】= -5，平均值【政府债务率】= 120
  期望 总分 = 0
"""

ROWS = [
    ("甲", "110", "5"),
    ("乙", "150", "-5"),
    ("丙", "90", "-0.5"),
    ("丁", "130", "12"),
    ("戊", "120", "3"),
    ("己", "350", "1"),  # beyond the declared 300
    ("庚", "100", "-200"),  # below the declared −100
]
#: mean of the five good units (110 + 150 + 90 + 130 + 120) / 5 = 120
EXPECTED = {"甲": 4, "乙": 0, "丙": 3, "丁": 3, "戊": 4}


def _rows():
    return [{"单位": u, "政府债务率": d, "收入增速": g} for u, d, g in ROWS]


@pytest.mark.parametrize("engine", ["compiled", "interpreter"])
def test_declared_ranges_replace_zero_to_hundred(engine):
    policy = compile_policy(POLICY)
    score_batch = policy.score_batch if engine == "compiled" else interpreter(policy).score_batch
    results = {r.unit: r for r in score_batch(_rows())}
    assert {u: results[u].total for u in EXPECTED} == {u: Decimal(v) for u, v in EXPECTED.items()}
    assert "应为0至300之间的百分比" in results["己"].error.message
    assert "应为-100至1000之间的百分比" in results["庚"].error.message


def test_the_test_block_takes_values_in_the_declared_range():
    policy = compile_policy(POLICY)
    report = policy.run_tests()
    assert len(report.outcomes) == 1 and report.passed


def test_an_undeclared_percentage_stays_within_zero_to_hundred_and_says_how_to_widen():
    text = POLICY.replace("，范围0至300", "").replace("，范围-100至1000", "")
    text = text.split("测试")[0]
    policy = compile_policy(text)
    result = policy.score_batch([{"单位": "乙", "政府债务率": "150", "收入增速": "5"}])[0]
    assert result.status == "数据错误"
    assert "范围0至300" in result.error.message  # the hint names the declaration to write
    with pytest.raises(PolicyError):  # and a 测试 value beyond 100 is refused
        compile_policy(
            text + "\n测试 “超出”：\n  【政府债务率】= 150，【收入增速】= 5\n  期望 总分 = 4\n"
        )


def test_both_engines_write_the_same_reports(tmp_path: Path):
    policy = tmp_path / "p.rule"
    policy.write_text(POLICY, encoding="utf-8")
    data = tmp_path / "d.csv"
    with data.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["单位", "政府债务率", "收入增速"])
        writer.writerows(ROWS)
    files = {}
    for engine in ("python", "duckdb"):
        folder = tmp_path / engine
        folder.mkdir()
        result = CliRunner().invoke(
            cli, ["score", str(policy), str(data), "-o", str(folder / "r.csv"), "--engine", engine]
        )
        assert "Traceback" not in result.output
        files[engine] = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    assert files["python"] == files["duckdb"]
    summary = list(csv.DictReader(files["python"]["r.csv"].decode("utf-8-sig").splitlines()))
    assert {row["单位"]: Decimal(row["总分"]) for row in summary} == {
        u: Decimal(v) for u, v in EXPECTED.items()
    }


@pytest.mark.parametrize(
    "clause, range_text, written, scores",
    [
        (
            "【化解率】达到95%的得6分，90%（含）-95%的得4分，低于90%的不得分",
            "90%（含）-95%",
            "达到90%且低于95%",
            ["6", "4", "4", "0"],
        ),
        (
            "【化解率】95%及以上的得6分，90%-95%的得4分，不超过90%的不得分",
            "90%-95%",
            "超过90%且低于95%",
            ["6", "4", "0", "0"],
        ),
        (
            "【化解率】高于95%的得6分，90%-95%的得4分，低于90%的不得分",
            "90%-95%",
            "达到90%且不超过95%",
            ["4", "4", "4", "0"],
        ),
    ],
)
def test_a_ranges_ends_the_tiers_beside_it_take_are_settled_in_the_hint(
    clause, range_text, written, scores
):
    """`达到95%的…，90%（含）-95%的…`: 95% is the first tier's in so many words, so the
    range can only stop short of it — the hint offers that one way, and the sentence
    with it compiles and scores every value once."""
    facts = "  化解率：百分比\n"
    diagnostic = one_refusal(one_item(clause, facts))
    assert diagnostic.code == "E116"
    assert diagnostic.hint().count("的写 ") == 1 and written in diagnostic.hint()
    fixed = clause.replace(range_text, written)
    assert item_totals(one_item(fixed, facts), "化解率", ["95%", "92%", "90%", "89%"]) == scores
