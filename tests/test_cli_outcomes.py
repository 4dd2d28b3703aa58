"""What a reader of a report sees of a vetoed or disqualified unit, and of an amount.

A 一票否决 or 取消考评资格 must be unmistakable wherever the unit appears: 状态 and
原因 in 汇总 (xlsx, csv, json), a filled row in the workbook, a line on the
terminal, and the explanation.  An explanation never drops an amount, and piped
output is never wrapped mid-word.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from xize.runtime.cli.main import cli

POLICY = """\
细则：河道管护考核细则
年度：2024
满分：100分

数据：
  发生重大污染事件：是否，默认否
  瞒报污染事件：是否，默认否
  巡河缺勤次数：次，默认0
  水质达标率：百分比，默认100

(一)日常巡河(50分)
  - 【巡河缺勤次数】每缺1次扣2分

(二)水质(50分)
  - 【水质达标率】应达到90%，每低于1个百分点扣0.5分
  - 【发生重大污染事件】的，实行一票否决
  - 【瞒报污染事件】的，取消当年考评资格

等次：
  优秀：90分以上
  合格：60分以上
  不合格：其余
"""

HEADER = "单位,发生重大污染事件,瞒报污染事件,巡河缺勤次数,水质达标率"
ROWS = [
    "甲镇,否,否,0,100",
    "乙镇,是,否,0,100",  # vetoed: 100 points, yet last
    "丙镇,否,是,1,95",  # disqualified
    "丁镇,否,否,3,89",
]


def run(*args: object, env: dict | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    policy = tmp_path / "河道.rule"
    policy.write_text(POLICY, encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return policy, data


def _rows(path: Path) -> dict[str, dict[str, object]]:
    wb = openpyxl.load_workbook(path)
    ws = wb["汇总"]
    head = [c.value for c in ws[1]]
    out = {}
    for row in ws.iter_rows(min_row=2):
        record = dict(zip(head, (c.value for c in row), strict=False))
        record["fill"] = row[0].fill.fgColor.rgb if row[0].fill.fill_type else None
        record["fill_last"] = row[-1].fill.fgColor.rgb if row[-1].fill.fill_type else None
        out[record["单位"]] = record
    return out


def test_veto_and_disqualification_are_unmistakable_in_the_workbook(tmp_path, files):
    policy, data = files
    out = tmp_path / "结果.xlsx"
    result = run("score", policy, data, "-o", out)
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    vetoed, disqualified, fine = rows["乙镇"], rows["丙镇"], rows["甲镇"]
    assert vetoed["状态"] == "一票否决"
    assert vetoed["原因"] == "第16行：【发生重大污染事件】的，实行一票否决"
    assert vetoed["总分"] == 100 and vetoed["排名"] == 3  # after every other ranked unit
    assert disqualified["状态"] == "取消考评资格"
    assert disqualified["原因"] == "第17行：【瞒报污染事件】的，取消当年考评资格"
    assert disqualified["排名"] is None and disqualified["等次"] is None
    assert fine["状态"] == "正常" and fine["原因"] is None
    # the whole row is filled, and differently for the two outcomes
    assert vetoed["fill"] == vetoed["fill_last"] and vetoed["fill"] not in (None, "00000000")
    assert disqualified["fill"] == disqualified["fill_last"]
    assert disqualified["fill"] not in (None, "00000000", vetoed["fill"])
    assert fine["fill"] is None


def test_the_same_status_and_reason_in_csv_and_json(tmp_path, files):
    policy, data = files
    assert run("score", policy, data, "-o", tmp_path / "r.csv").exit_code == 0
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as handle:
        by_unit = {r["单位"]: r for r in csv.DictReader(handle)}
    assert by_unit["乙镇"]["状态"] == "一票否决"
    assert by_unit["乙镇"]["原因"].startswith("第16行：")
    assert by_unit["丙镇"]["状态"] == "取消考评资格"
    assert run("score", policy, data, "-o", tmp_path / "r.json").exit_code == 0
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    by_unit = {r["单位"]: r for r in report["汇总"]}
    assert by_unit["乙镇"]["状态"] == "一票否决"
    assert by_unit["丙镇"]["原因"] == "第17行：【瞒报污染事件】的，取消当年考评资格"


def test_the_terminal_names_each_flagged_unit_and_why(files):
    policy, data = files
    result = run("score", policy, data)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "乙镇：一票否决（第16行：【发生重大污染事件】的，实行一票否决）" in out
    assert "丙镇：取消考评资格（第17行：【瞒报污染事件】的，取消当年考评资格）" in out
    # in the rank table the vetoed unit's grade says why it is last
    assert "不合格（一票否决）" in out


def test_explain_shows_the_veto_as_the_status(files):
    policy, data = files
    result = run("explain", policy, data, "--unit", "乙镇")
    assert result.exit_code == 0, result.output
    assert "状态 一票否决" in result.output
    assert "结果：一票否决" in result.output


def test_score_without_output_says_no_file_was_written(tmp_path, files):
    policy, data = files
    result = run("score", policy, data)
    assert result.exit_code == 0
    assert "未写出文件" in result.output and "-o" in result.output
    assert "已写出" not in result.output
    english = run("score", policy, data, "--lang", "en")
    assert "no file written" in english.output
    written = run("score", policy, data, "-o", tmp_path / "r.xlsx")
    assert "未写出文件" not in written.output and "已写出" in written.output


def test_explain_never_drops_an_amount(files):
    policy, data = files
    # 丁镇: 89% is one point below 90%: the clause says 0.5 and 0.5 was deducted
    result = run("explain", policy, data, "--unit", "丁镇")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "水质达标率 = 89%" in x)
    assert line.rstrip().endswith("每低于1个百分点扣0.5分，实扣0.5分")


def test_piped_output_is_not_wrapped(tmp_path, files):
    policy, data = files
    long_name = "甲" * 70 + "镇"
    data.write_text("\n".join([HEADER, *ROWS, f"{long_name},否,否,3,80"]) + "\n", encoding="utf-8")
    result = run("explain", policy, data, "--unit", long_name)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(len(x) > 80 for x in lines)  # CliRunner's output is not a terminal
    line = next(x for x in lines if "水质达标率 = 80%" in x)
    assert line.rstrip().endswith("每低于1个百分点扣0.5分，扣5分")


def test_the_title_is_not_repeated(files, tmp_path):
    policy, data = files
    assert "河道管护考核细则（2024年度）" in run("score", policy, data).output
    named = tmp_path / "named.rule"
    named.write_text(POLICY.replace("河道管护考核细则", "2024年度河道管护考核细则"), "utf-8")
    out = run("score", named, data).output
    assert "2024年度河道管护考核细则" in out and "（2024年度）" not in out


def test_every_written_file_is_announced_the_same_way(tmp_path, files):
    policy, data = files
    messages = [
        run("score", policy, data, "-o", tmp_path / "a.xlsx").output,
        run("compile", policy, "-o", tmp_path / "a.py").output,
        run("template", policy, "-o", tmp_path / "t.xlsx").output,
        run("render", policy, "-o", tmp_path / "a.md").output,
        run("diff", policy, policy, "-o", tmp_path / "d.md").output,
    ]
    messy = tmp_path / "messy.rule"
    messy.write_text(POLICY.replace("满分：100分", "满分：100分  "), "utf-8")
    messages.append(run("fmt", messy).output)
    for output, name in zip(
        messages, ["a.xlsx", "a.py", "t.xlsx", "a.md", "d.md", "messy.rule"], strict=True
    ):
        assert f"已写出 {tmp_path / name}" in output, output
        assert "已生成" not in output and "已排版" not in output


# ------------------------------------------------------------ order and date of 汇总


def test_sort_rank_orders_the_summary_by_rank(tmp_path, files):
    policy, data = files
    out = tmp_path / "r.json"
    assert run("score", policy, data, "-o", out, "--sort", "rank").exit_code == 0
    summary = json.loads(out.read_text("utf-8"))["汇总"]
    # 甲镇 100, 丁镇 93.5, then the vetoed 乙镇 (100), then the disqualified 丙镇
    assert [(r["单位"], r["排名"]) for r in summary] == [
        ("甲镇", 1),
        ("丁镇", 2),
        ("乙镇", 3),
        ("丙镇", None),
    ]
    default = tmp_path / "d.json"
    assert run("score", policy, data, "-o", default).exit_code == 0
    assert [r["单位"] for r in json.loads(default.read_text("utf-8"))["汇总"]] == [
        "甲镇",
        "乙镇",
        "丙镇",
        "丁镇",
    ]


def test_the_date_of_scoring_is_in_the_about_sheet_and_reproducible(tmp_path, files):
    from datetime import date

    policy, data = files
    today = tmp_path / "today.json"
    env_free = {"SOURCE_DATE_EPOCH": ""}
    assert run("score", policy, data, "-o", today, env=env_free).exit_code == 0
    assert json.loads(today.read_text("utf-8"))["说明"]["计分日期"] == date.today().isoformat()
    one, two = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    epoch = {"SOURCE_DATE_EPOCH": "1700000000"}  # 2023-11-14 22:13:20 UTC
    assert run("score", policy, data, "-o", one, env=epoch).exit_code == 0
    assert run("score", policy, data, "-o", two, env=epoch).exit_code == 0
    assert one.read_bytes() == two.read_bytes()
    about = dict(openpyxl.load_workbook(one)["说明"].iter_rows(min_row=2, values_only=True))
    assert about["计分日期"] == "2023-11-14"
    given = tmp_path / "given.json"
    assert run("score", policy, data, "-o", given, "--date", "2024-01-31", env=epoch).exit_code == 0
    assert json.loads(given.read_text("utf-8"))["说明"]["计分日期"] == "2024-01-31"
    bad = run("score", policy, data, "-o", tmp_path / "x.json", env={"SOURCE_DATE_EPOCH": "x"})
    assert bad.exit_code == 1 and "SOURCE_DATE_EPOCH" in bad.output


def test_a_heading_cut_by_its_parents_budget_says_what_it_cost(tmp_path):
    policy = tmp_path / "p.rule"
    policy.write_text(
        "细则：测试细则\n年度：2023\n满分：2分\n\n数据：\n  来信：次，默认0\n  网投：次，默认0\n\n"
        "(一)基础工作(2分)\n  1、来信办理\n    - 【来信】每次扣1分\n"
        "  2、网投办理\n    - 【网投】每次扣1分\n",
        "utf-8",
    )
    data = tmp_path / "d.csv"
    data.write_text("单位,来信,网投\n一中,2,2\n", "utf-8")
    result = run("explain", policy, data, "--unit", "一中")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(x.endswith("1 来信办理  扣2分") for x in lines), result.output
    assert any(x.endswith("2 网投办理  应扣2分，实扣0分") for x in lines), result.output


def test_the_terminal_reason_reads_in_english(files):
    policy, data = files
    out = run("--lang", "en", "score", policy, data).output
    assert "乙镇: 一票否决 (line 16: 【发生重大污染事件】的，实行一票否决)" in out
