"""The whole of scoring relative to the batch in one policy: rank points on a subtotal
(按【(一)得分】排名), a best-in-batch share (最高者得满分), an offset from the batch
average (低于全市平均值5个百分点的) and 一票否优 (不得评为优秀).  The policy compiles,
its own tests pass, and `xize score` on 1,000 units (some with bad data, some
disqualified) agrees with an independent computation written here with Fractions,
for one process and for two."""

from __future__ import annotations

import csv
import json
import random
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from click.testing import CliRunner
from xize.compiler import compile_policy
from xize.runtime.cli.main import cli

POLICY = """\
细则：2024年度信访工作考评细则（排名示例）
年度：2024
满分：100分
精度：0.01

数据：
  缺会次数：次，默认0
  受理率：百分比
  化解率：百分比
  通报批评：是否，默认否
  弄虚作假：是否，默认否

(一)基础工作(40分)
  1、会议(20分)
    - 【缺会次数】每缺1次扣2分
  2、受理(20分)
    - 【受理率】低于全市平均值5个百分点的，每低于平均值1个百分点扣1分
(二)化解成效(40分)
  - 【化解率】最高者得满分，其余按与最高者的比例得分
(三)综合排名(20分)
  - 按【(一)得分】排名，第1名得20分，其余按与第1名的比例得分
  - 【通报批评】不得评为优秀
  - 【弄虚作假】取消考评资格

等次：
  优秀：90分以上
  良好：80分以上
  合格：60分以上
  不合格：其余

测试 “第二名”：
  【缺会次数】= 1
  【受理率】= 80
  【化解率】= 90
  平均值【受理率】= 90
  排名【化解率】= 2，共10个单位
  最高值【化解率】= 100
  最高值【(一)得分】= 40
  排名【(一)得分】= 2
  期望 总分 = 78，(一) = 28，(一)1 = 18，(一)2 = 10，(二) = 36，(三) = 14，等次 = 合格

测试 “第一名但受到通报”：
  【受理率】= 95
  【化解率】= 100
  【通报批评】= 是
  平均值【受理率】= 90
  期望 总分 = 100，等次 = 良好，标签 = 等次最高为良好

测试 “一批三个单位”：
  【受理率】= 90
  单位 “甲”：【化解率】= 100，【通报批评】= 是
  单位 “乙”：【化解率】= 80，【缺会次数】= 5
  单位 “丙”：【化解率】= 50，【受理率】= 75，【弄虚作假】= 是
  期望 “甲” 总分 = 100，等次 = 良好，排名 = 1
  期望 “乙” 总分 = 77，(一) = 30，(二) = 32，(三) = 15，等次 = 合格，排名 = 2
  期望 “丙” 状态 = 取消考评资格，等次 = 无
"""

UNITS = 1000


def _rows(seed: int = 2024) -> list[dict[str, str]]:
    rnd = random.Random(seed)
    rows = []
    for i in range(UNITS):
        row = {
            "单位": f"单位{i:04d}",
            "缺会次数": str(rnd.choice([0, 0, 0, 1, 2, 3, 12])),
            "受理率": f"{rnd.randint(600, 1000) / 10}",
            "化解率": f"{rnd.randint(300, 1000) / 10}",
            "通报批评": rnd.choice(["否"] * 9 + ["是"]),
            "弄虚作假": "是" if i % 211 == 5 else "否",
        }
        if i % 97 == 13:
            row["化解率"] = "九十多"  # a data error: the unit leaves the batch
        rows.append(row)
    rows[0]["化解率"] = "100.0"  # the best value belongs to a unit with bad data
    rows[0]["缺会次数"] = "-1"
    return rows


def _round(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)  # 28 digits, then
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)  # half-up at 0.01


def _share(points: int, value: Fraction, best: Fraction) -> Fraction:
    if value == best:
        return Fraction(points)
    return points * value / best if best > 0 and value > 0 else Fraction(0)


def independent(rows: list[dict[str, str]]) -> dict[str, dict]:
    """The expected report, from the rules as docs/language.md states them."""
    units = {}
    for row in rows:
        try:
            missed = int(row["缺会次数"])
            if missed < 0:
                raise ValueError
            units[row["单位"]] = {
                "missed": missed,
                "accept": Fraction(row["受理率"]),
                "solve": Fraction(row["化解率"]),
                "warned": row["通报批评"] == "是",
                "cheat": row["弄虚作假"] == "是",
            }
        except ValueError:
            continue
    batch = [u for u in units.values() if not u["cheat"]]
    mean = sum(u["accept"] for u in batch) / len(batch)
    best_solve = max(u["solve"] for u in batch)
    for u in units.values():
        meeting = min(2 * u["missed"], 20)
        accept = 0
        if u["accept"] < mean - 5:
            accept = min(int(mean - u["accept"]), 20)  # whole points below the mean
        u["one"] = 40 - meeting - accept
        u["two"] = _share(40, u["solve"], best_solve)
    best_one = max(Fraction(u["one"]) for u in batch)
    for u in units.values():
        u["three"] = _share(20, Fraction(u["one"]), best_one)
        exact = u["one"] + u["two"] + u["three"]
        u["total"] = _round(exact)
        grade = (
            "优秀"
            if u["total"] >= 90
            else "良好"
            if u["total"] >= 80
            else "合格"
            if u["total"] >= 60
            else "不合格"
        )
        if u["warned"] and grade == "优秀":
            grade = "良好"
        u["grade"] = None if u["cheat"] else grade
    ranked = sorted((u["total"] for u in batch), reverse=True)
    for u in units.values():
        u["rank"] = None if u["cheat"] else 1 + sum(1 for t in ranked if t > u["total"])
    return units


def test_the_policy_compiles_and_its_tests_pass():
    policy = compile_policy(POLICY, filename="batch.rule")
    report = policy.run_tests()
    assert len(report.outcomes) == 3
    assert all(o.passed for o in report.outcomes), [
        (o.name, o.error, [c for c in o.checks if not c.passed]) for o in report.outcomes
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_xize_score_matches_an_independent_computation(tmp_path, jobs):
    rows = _rows()
    data = tmp_path / "units.csv"
    with data.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    rule = tmp_path / "batch.rule"
    rule.write_text(POLICY, encoding="utf-8")
    out = tmp_path / f"report{jobs}.json"
    result = CliRunner().invoke(
        cli, ["score", str(rule), str(data), "-o", str(out), "-j", str(jobs)]
    )
    assert result.exit_code in (0, 1), result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    expected = independent(rows)
    scored = {entry["unit"]: entry for entry in _units(report)}
    assert set(scored) == set(expected)
    assert len(expected) < UNITS  # data errors are reported, not scored
    for name, unit in expected.items():
        got = scored[name]
        assert Decimal(got["total"]) == unit["total"], name
        assert got["grade"] == unit["grade"], name
        assert got["rank"] == unit["rank"], name
    warned_top = [
        n for n, u in expected.items() if u["warned"] and u["total"] >= 90 and not u["cheat"]
    ]
    assert warned_top  # the 一票否优 clause really decided some grades
    for name in warned_top:
        assert "等次最高为良好" in scored[name]["labels"]


def _units(report: dict) -> list[dict]:
    """The 汇总 rows of a JSON report, with 总分, 等次, 排名 and 标签 as values."""
    table = next(
        rows
        for rows in report.values()
        if isinstance(rows, list) and rows and "总分" in rows[0] and "单位" in rows[0]
    )
    out = []
    for row in table:
        rank = row.get("排名")
        out.append(
            {
                "unit": row["单位"],
                "total": row["总分"],
                "grade": row.get("等次") or None,
                "rank": int(rank) if rank not in (None, "", "—") else None,
                "labels": row.get("标签") or "",
            }
        )
    return out


def test_reports_are_byte_identical_for_any_number_of_processes(tmp_path):
    rows = _rows(7)[:300]
    data = tmp_path / "units.csv"
    with data.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    rule = tmp_path / "batch.rule"
    rule.write_text(POLICY, encoding="utf-8")
    outputs = []
    for jobs in (1, 3):
        out = tmp_path / f"out{jobs}.csv"
        result = CliRunner().invoke(
            cli, ["score", str(rule), str(data), "-o", str(out), "-j", str(jobs)]
        )
        assert result.exit_code in (0, 1), result.output
        outputs.append([p.read_bytes() for p in sorted(tmp_path.glob(f"out{jobs}*.csv"))])
    assert outputs[0] == outputs[1] and len(outputs[0]) == 3
