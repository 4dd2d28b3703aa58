"""Who is in the batch when a share of the mean meets 取消考评资格.

Membership is decided by scoring each unit before any batch value is known.  A share
of the mean (本单位完成率÷平均完成率) divides by the mean there, so the value that
stands in for it must not be 0: with 0, every unit failed that pass, none was in the
batch and every unit came out as 除数为0.  And when no unit is in the batch at all
(every one disqualified or in error), no mean exists: every unit is an error, in
`score_batch` as in `xize score` with either engine, never a score against a stand-in.
"""

from __future__ import annotations

import csv
from decimal import Context, Decimal, localcontext
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import interpreter
from xize.compiler import compile_policy
from xize.runtime.cli.main import cli

MEAN_SHARE = """\
细则：比例与取消资格
年度：2024
满分：20分
考评对象：各县区

数据：
  完成率：百分比
  化解率：百分比
  弄虚作假：是否，默认否

（一）任务完成（10分）
  - 【完成率】达到或超过全市平均完成率的得10分，低于平均完成率的，按本单位完成率占平均完成率的比例计分
  - 【弄虚作假】取消考评资格
（二）化解（10分）
  - 【化解率】最高者得满分，其余按与最高者的比例得分
"""

#: The mean-only policy takes the streaming path without statistics passes.
MEAN_ONLY = MEAN_SHARE.split("（二）")[0].replace("满分：20分", "满分：10分")

ROWS = [
    {"单位": "甲", "完成率": "90", "化解率": "80", "弄虚作假": "否"},
    {"单位": "乙", "完成率": "100", "化解率": "90", "弄虚作假": "否"},
    {"单位": "丙", "完成率": "80", "化解率": "70", "弄虚作假": "是"},
    {"单位": "丁", "完成率": "95", "化解率": "半数", "弄虚作假": "否"},  # a data error
]


def _share(points: int, value: int, base: Decimal) -> Decimal:
    with localcontext(Context(prec=60)):
        return Decimal(points) * Decimal(value) / base


def _close(score: Decimal, exact: Decimal) -> bool:
    """The engines keep 40 decimal places of a quotient that does not terminate."""
    with localcontext(Context(prec=60)):
        return abs(score - exact) < Decimal("1e-39")


def _engines(text: str):
    policy = compile_policy(text)
    return {"compiled": policy.score_batch, "interpreter": interpreter(policy).score_batch}


@pytest.mark.parametrize("engine", ["compiled", "interpreter"])
def test_the_mean_is_over_the_units_neither_disqualified_nor_in_error(engine):
    results = {r.unit: r for r in _engines(MEAN_SHARE)[engine](ROWS)}
    mean = Decimal(95)  # 甲 and 乙 only: 丙 is disqualified, 丁 has bad data
    assert results["甲"].status == "正常"
    assert _close(results["甲"].nodes["(一)"].score, _share(10, 90, mean))
    assert results["乙"].nodes["(一)"].score == 10
    assert _close(results["甲"].nodes["(二)"].score, _share(10, 80, Decimal(90)))
    assert results["丙"].status == "取消考评资格"
    assert _close(results["丙"].nodes["(一)"].score, _share(10, 80, mean))
    assert results["丁"].status == "数据错误"
    assert "化解率" in results["丁"].error.message


@pytest.mark.parametrize("text", [MEAN_SHARE, MEAN_ONLY], ids=["ranked", "mean-only"])
@pytest.mark.parametrize("engine", ["compiled", "interpreter"])
def test_no_unit_in_the_batch_makes_every_unit_an_error(text, engine):
    rows = [ROWS[2], {**ROWS[0], "弄虚作假": "是"}]
    results = _engines(text)[engine](rows)
    assert [r.status for r in results] == ["数据错误", "数据错误"]
    assert all("没有可计算平均值" in r.error.message for r in results)
    assert all(r.total is None for r in results)


def _score(folder: Path, policy: Path, data: Path, engine: str, jobs: int) -> dict[str, bytes]:
    folder.mkdir()
    out = folder / "结果.csv"
    result = CliRunner().invoke(
        cli,
        ["score", str(policy), str(data), "-o", str(out), "--engine", engine, "--jobs", str(jobs)],
    )
    assert "Traceback" not in result.output
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _write(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("text", [MEAN_SHARE, MEAN_ONLY], ids=["ranked", "mean-only"])
@pytest.mark.parametrize("members", [True, False], ids=["members", "none-in-batch"])
def test_xize_score_agrees_with_score_batch_for_both_engines_and_any_jobs(tmp_path, text, members):
    policy = tmp_path / "p.rule"
    policy.write_text(text, encoding="utf-8")
    rows = ROWS if members else [ROWS[2]]
    data = _write(tmp_path / "d.csv", rows)
    runs = {
        (engine, jobs): _score(tmp_path / f"{engine}{jobs}", policy, data, engine, jobs)
        for engine in ("python", "duckdb")
        for jobs in (1, 2)
    }
    first = runs[("python", 1)]
    for key, files in runs.items():
        assert files == first, key
    summary = list(csv.DictReader(first["结果.csv"].decode("utf-8-sig").splitlines()))
    errors = list(csv.DictReader(first["结果-错误.csv"].decode("utf-8-sig").splitlines()))
    expected = {r.unit: r for r in compile_policy(text).score_batch(rows)}
    for row in summary:
        assert expected[row["单位"]].status == row["状态"]
        assert Decimal(row["总分"]) == expected[row["单位"]].total
    assert {row["单位"] for row in errors} == {u for u, r in expected.items() if r.error}
    if members:
        assert {row["单位"]: row["状态"] for row in summary}["甲"] == "正常"
    else:
        assert summary == []
        assert [row["问题"] for row in errors] == ["没有可计算平均值的有效数据行"]
