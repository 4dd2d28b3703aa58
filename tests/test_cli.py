"""The `xize` command line end to end, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from xize.runtime.cli.main import cli

POLICY = """\
细则：测试细则
年度：2023
满分：10分

数据：
  缺会次数：次，默认0          # 查阅会议记录
  统计表按时上报：是否
  隐患化解率：百分比

等次：
  优秀：9分以上
  合格：6分以上
  不合格：其余

(一)领导重视程度(5分)
  - 【缺会次数】每缺1次扣1分

(二)统计表上报(2分)
  - 【统计表按时上报】得2分，否则不得分

(三)隐患化解(3分)
  - 【隐患化解率】应达到80%，每低于1个百分点扣0.5分

测试 “缺会两次”：
  【缺会次数】= 2
  【统计表按时上报】= 是
  【隐患化解率】= 90
  期望 总分 = 8，(一) = 3，等次 = 合格
"""

FAILING_TEST = """
测试 “算错了”：
  【缺会次数】= 1
  【统计表按时上报】= 是
  【隐患化解率】= 90
  期望 总分 = 7，(一) = 3
"""

HEADER = "单位,缺会次数,统计表按时上报,隐患化解率"
GOOD = ["一中,2,是,85", "二中,0,否,90%", "三中,0,是,70", "四中,1,是,100"]


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "细则.rule"
    path.write_text(POLICY, encoding="utf-8")
    return path


def csv_file(
    tmp_path: Path, lines: list[str], name: str = "data.csv", header: str = HEADER
) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def sheet_rows(path: Path, sheet: str) -> list[tuple]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in wb[sheet].iter_rows(values_only=True)]
    finally:
        wb.close()


# ------------------------------------------------------------------------------- check


def test_check_clean(policy):
    result = run("check", policy)
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output


def test_check_error_is_rendered_with_location_and_caret(tmp_path, policy):
    bad = tmp_path / "bad.rule"
    bad.write_text(POLICY.replace("- 【缺会次数】每缺", "- 【缺会次素】每缺"), encoding="utf-8")
    result = run("check", bad)
    assert result.exit_code == 1
    assert f"{bad}:16:" in result.output
    assert "E201" in result.output and "^" in result.output
    assert "个错误" in result.output
    english = run("check", bad, "--lang", "en")
    assert english.exit_code == 1
    assert "unknown fact" in english.output and "1 error" in english.output


def test_check_warnings_pass_unless_strict(tmp_path):
    warned = tmp_path / "warned.rule"
    warned.write_text(
        POLICY.replace("数据：\n", "数据：\n  没用的数据：次，默认0\n"), encoding="utf-8"
    )
    result = run("check", warned)
    assert result.exit_code == 0, result.output
    assert "个警告" in result.output
    assert run("check", warned, "--strict").exit_code == 1
    assert "warning" in run("check", warned, "--lang", "en").output


def test_check_missing_file(tmp_path):
    result = run("check", tmp_path / "none.rule")
    assert result.exit_code == 1
    assert "找不到细则文件" in result.output
    assert "Traceback" not in result.output


# ----------------------------------------------------------------------- compile, test


def test_compile_writes_the_module(tmp_path, policy):
    out = tmp_path / "policy.py"
    result = run("compile", policy, "-o", out)
    assert result.exit_code == 0, result.output
    namespace: dict = {}
    exec(compile(out.read_text(encoding="utf-8"), str(out), "exec"), namespace)
    facts = {"缺会次数": 2, "统计表按时上报": "是", "隐患化解率": "85"}
    assert str(namespace["score"](facts).total) == "8"


def test_test_command_passes_and_fails(tmp_path, policy):
    result = run("test", policy)
    assert result.exit_code == 0, result.output
    assert "✓" in result.output and "缺会两次" in result.output
    failing = tmp_path / "failing.rule"
    failing.write_text(POLICY + FAILING_TEST, encoding="utf-8")
    result = run("test", failing)
    assert result.exit_code == 1
    assert "✗" in result.output and "算错了" in result.output
    assert "总分" in result.output and "7" in result.output and "9" in result.output


# ------------------------------------------------------------------------------- score


def test_score_good_data_writes_four_sheets(tmp_path, policy):
    data = csv_file(tmp_path, GOOD)
    out = tmp_path / "结果.xlsx"
    result = run("score", policy, data, "-o", out)
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "扣分明细", "错误", "说明"]
    summary = sheet_rows(out, "汇总")
    assert summary[0][:7] == ("单位", "总分", "等次", "排名", "状态", "原因", "标签")
    by_unit = {r[0]: r for r in summary[1:]}
    assert by_unit["一中"][1:4] == (8, "合格", 2)
    assert by_unit["四中"][1:4] == (9, "优秀", 1)
    assert by_unit["三中"][1] == 7
    assert wb["汇总"].freeze_panes == "A2"
    assert wb["汇总"]["A1"].font.b
    details = sheet_rows(out, "扣分明细")
    assert details[0][:7] == ("单位", "节点", "条款原文", "行号", "所用数据", "应扣", "实扣")
    capped = next(r for r in details if r[0] == "三中")
    assert (capped[5], capped[6]) == (5, 3)
    assert "前" in result.output and "四中" in result.output


def test_score_bad_rows_do_not_stop_the_others(tmp_path, policy):
    lines = [
        *GOOD,
        "五中,-1,是,90",  # a negative count
        "六中,0,是,150%",  # a rate above 100%
        ",,,",  # a blank row
        "七中,0,是的,90",  # not a yes/no
        "八中,3,否,60",
    ]
    data = csv_file(tmp_path, lines)
    out = tmp_path / "out.xlsx"
    result = run("score", policy, data, "-o", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    summary = sheet_rows(out, "汇总")[1:]
    errors = sheet_rows(out, "错误")
    assert errors[0] == ("行", "单位", "列", "值", "问题")
    by_row = {r[0]: r for r in errors[1:]}
    assert set(by_row) == {6, 7, 9}  # header is row 1; the blank row 8 is skipped
    assert by_row[6][2:4] == ("缺会次数", "-1")
    assert by_row[7][2:4] == ("隐患化解率", "150%")
    assert by_row[9][2:4] == ("统计表按时上报", "是的")
    assert len(summary) == 5
    assert len(summary) + len(errors) - 1 == 8  # rows in = scored + errors
    assert "跳过 1 个空行" in result.output
    about = dict(sheet_rows(out, "说明")[1:])
    assert about["读入行数"] == 8 and about["已评分单位"] == 5 and about["数据错误行数"] == 3


def test_score_missing_column_scores_nothing(tmp_path, policy):
    data = csv_file(tmp_path, ["一中,2,是"], header="单位,缺会次数,统计表按时上报")
    out = tmp_path / "out.xlsx"
    result = run("score", policy, data, "-o", out)
    assert result.exit_code == 1
    assert "隐患化解率" in result.output and "未计分" in result.output
    assert not out.exists()


def test_score_unknown_column_warns_with_suggestion(tmp_path, policy):
    data = csv_file(tmp_path, ["一中,2,是,85,x"], header=HEADER + ",缺会次素")
    result = run("score", policy, data)
    assert result.exit_code == 0, result.output
    assert "缺会次素" in result.output and "您是不是要写 “缺会次数”" in result.output
    assert run("score", policy, data, "--strict").exit_code == 1


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_score_text_outputs(tmp_path, policy, suffix):
    data = csv_file(tmp_path, [*GOOD, "五中,-1,是,90"])
    out = tmp_path / f"out{suffix}"
    result = run("score", policy, data, "-o", out)
    assert result.exit_code == 1
    if suffix == ".json":
        report = json.loads(out.read_text(encoding="utf-8"))
        assert set(report) == {"说明", "汇总", "扣分明细", "错误"}
        assert {r["单位"]: r["总分"] for r in report["汇总"]}["一中"] == "8"
        assert len(report["错误"]) == 1
    else:
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
        assert (tmp_path / "out-明细.csv").exists()
        assert "五中" in (tmp_path / "out-错误.csv").read_text(encoding="utf-8-sig")


def test_score_json_and_gb18030_inputs(tmp_path, policy):
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(("\n".join([HEADER, *GOOD]) + "\n").encode("gb18030"))
    data = tmp_path / "data.json"
    data.write_text(
        json.dumps(
            [{"单位": "一中", "缺会次数": 2, "统计表按时上报": "是", "隐患化解率": 85}],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    for path in (gbk, data):
        result = run("score", policy, path)
        assert result.exit_code == 0, result.output
        assert "一中" in result.output


def test_score_english(tmp_path, policy):
    data = csv_file(tmp_path, [*GOOD, "五中,-1,是,90"])
    result = run("score", policy, data, "--lang", "en")
    assert result.exit_code == 1
    assert "units scored" in result.output and "row 6" in result.output


# ---------------------------------------------------------------------- explain, template


def test_explain_unit(tmp_path, policy):
    data = csv_file(tmp_path, GOOD)
    result = run("explain", policy, data, "--unit", "一中")
    assert result.exit_code == 0, result.output
    assert "缺会次数 = 2：每缺1次扣1分，扣2分" in result.output
    capped = run("explain", policy, data, "--unit", "三中")
    assert "应扣5分，本项扣完为止，实扣3分" in capped.output
    missing = run("explain", policy, data, "--unit", "一种")
    assert missing.exit_code == 1
    assert "一中" in missing.output and "Traceback" not in missing.output


def test_template_has_comments_and_validation(tmp_path, policy):
    out = tmp_path / "模板.xlsx"
    result = run("template", policy, "-o", out)
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    ws = wb["数据"]
    assert [c.value for c in ws[1]] == ["单位", "缺会次数", "统计表按时上报", "隐患化解率"]
    assert "查阅会议记录" in ws["B1"].comment.text and "默认" in ws["B1"].comment.text
    kinds = {
        str(dv.sqref).split(":")[0]: (dv.type, dv.formula1)
        for dv in ws.data_validations.dataValidation
    }
    assert kinds["B2"] == ("whole", "0")
    assert kinds["C2"] == ("list", '"是,否"')
    assert kinds["D2"][0] == "decimal"
    assert ws.freeze_panes == "B2"

    untouched = run("score", policy, out)
    assert untouched.exit_code == 1
    assert "没有任何单位" in untouched.output
    ws.append(["一中"])
    wb.save(out)
    only_name = run("score", policy, out)
    assert only_name.exit_code == 1
    assert "缺少数据" in only_name.output and "Traceback" not in only_name.output


# ---------------------------------------------------------------------------- exit codes


def test_usage_errors_exit_2(tmp_path, policy):
    data = csv_file(tmp_path, GOOD)
    assert run("score", policy, data, "-o", tmp_path / "out.txt").exit_code == 2
    assert run("score", policy).exit_code == 2
    assert run("explain", policy, data).exit_code == 2
    assert run("nonsense").exit_code == 2


def test_missing_and_unreadable_inputs_exit_1(tmp_path, policy):
    result = run("score", policy, tmp_path / "none.csv")
    assert result.exit_code == 1 and "找不到文件" in result.output
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    result = run("score", policy, broken)
    assert result.exit_code == 1 and "无法读取" in result.output
    assert "Traceback" not in result.output


def test_internal_error_exits_3(tmp_path, policy, monkeypatch):
    from xize.runtime.cli import scoring

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(scoring, "score_dataset", boom)
    data = csv_file(tmp_path, GOOD)
    result = run("score", policy, data)
    assert result.exit_code == 3
    assert "请报告" in result.output and "Traceback" not in result.output
    debug = run("score", policy, data, env={"XIZE_DEBUG": "1"})
    assert debug.exit_code == 3 and "Traceback" in debug.output


def test_score_xlsx_with_untidy_headers(tmp_path, policy):
    data = tmp_path / "data.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2023年各单位考评数据"])  # a title row above the header
    ws.append(["单位名称", "【缺会次数】", " 统计表按时上报\u3000", "隐患化解率"])
    ws.append(["一中", 2.0, "是", 0.85])
    ws["D3"].number_format = "0%"  # Excel holds 0.85 and shows 85%
    ws.append(["二中", 0, True, 90])
    wb.save(data)
    out = tmp_path / "out.json"
    result = run("score", policy, data, "-o", out)
    assert result.exit_code == 0, result.output
    totals = {r["单位"]: r["总分"] for r in json.loads(out.read_text(encoding="utf-8"))["汇总"]}
    assert totals == {"一中": "8", "二中": "10"}


def test_explain_in_english_and_compile_to_stdout(tmp_path, policy):
    data = csv_file(tmp_path, GOOD)
    result = run("explain", policy, data, "--unit", "三中", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "total 7" in result.output and "5 points due" in result.output
    compiled = run("compile", policy)
    assert compiled.exit_code == 0 and "def score(" in compiled.output
