"""Data and policy files as a newcomer brings them: Chinese numerals in cells, a
percentage column typed as fractions, a .rule saved as GBK or with a BOM and CRLF,
and a revision note over data with errors."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from xize.compiler.fmt import format_source
from xize.runtime.cli.main import cli
from xize.runtime.io.normalise import numeral_text

POLICY = """\
细则：测试细则
年度：2023
满分：10分

数据：
  缺会次数：次，默认0
  化解率：百分比
  是否上报：是否，默认是

(一)领导重视程度(5分)
  - 【缺会次数】每缺1次扣1分

(二)化解(5分)
  - 【化解率】应达到80%，每低于1个百分点扣0.5分

测试 “缺会两次”：
  【缺会次数】= 2
  【化解率】= 90
  期望 总分 = 8
"""


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "p.rule"
    path.write_text(POLICY, "utf-8")
    return path


def totals(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {r["单位"]: r["总分"] for r in csv.DictReader(handle)}


# ------------------------------------------------------------------ Chinese numerals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三", "3"),
        ("两次", "2次"),
        ("十二", "12"),
        ("一百零五", "105"),
        ("百分之八十", "80%"),
        ("零", "0"),
        ("三百五", "三百五"),  # ambiguous in a .rule file too: left for the policy to refuse
        ("三个半", "3个半"),  # the policy refuses `3个半`, naming the cell as typed
        ("是", "是"),
        ("85", "85"),
    ],
)
def test_numeral_text(text, expected):
    assert numeral_text(text) == expected


@given(st.text(alphabet="0123456789.%次个 -abc是否√", max_size=8))
def test_numeral_text_leaves_other_text_alone(text):
    assert numeral_text(text) == text


def test_chinese_numerals_in_cells_score_like_digits(tmp_path, policy):
    data = tmp_path / "d.csv"
    data.write_text(
        "单位,缺会次数,化解率,是否上报\n一中,三,百分之八十,是\n二中,两次,七十九,否\n三中,3,80,是\n",
        "utf-8",
    )
    out = tmp_path / "r.csv"
    result = run("score", policy, data, "-o", out)
    assert result.exit_code == 0, result.output
    assert totals(out) == {"一中": "7", "二中": "7.5", "三中": "7"}
    book = tmp_path / "d.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位", "缺会次数", "化解率"])
    ws.append(["一中", "三次", "八十"])
    wb.save(book)
    result = run("score", policy, book, "-o", tmp_path / "x.csv")
    assert result.exit_code == 0, result.output
    assert totals(tmp_path / "x.csv") == {"一中": "7"}


def test_a_numeral_in_a_yes_no_column_is_not_a_number(tmp_path, policy):
    data = tmp_path / "d.csv"
    data.write_text("单位,缺会次数,化解率,是否上报\n一中,0,90,一\n", "utf-8")
    result = run("score", policy, data)
    assert result.exit_code == 1
    assert "【是否上报】的值 “一” 无效" in result.output


# -------------------------------------------------------------- fractions as percents


def test_a_percentage_column_of_fractions_is_warned(tmp_path, policy):
    data = tmp_path / "d.csv"
    data.write_text("单位,缺会次数,化解率\n一中,0,0.85\n二中,0,0.9\n三中,0,1\n", "utf-8")
    result = run("score", policy, data)
    assert result.exit_code == 0
    assert "警告: 列 “化解率” 的值都不大于1（如 0.85）" in result.output
    assert "如果本意是 85%，请写 85 或 85%" in result.output
    strict = run("score", policy, data, "--strict")
    assert strict.exit_code == 1


@pytest.mark.parametrize(
    "cells",
    [
        ["0.85", "90"],  # one value above 1: the column is in points
        ["0.85%", "0.9%"],  # written with %: meant as written
        ["0", "1"],  # nothing between 0 and 1
    ],
)
def test_no_warning_when_the_column_reads_as_points(tmp_path, policy, cells):
    data = tmp_path / "d.csv"
    rows = [f"单位{i},0,{c}" for i, c in enumerate(cells)]
    data.write_text("\n".join(["单位,缺会次数,化解率", *rows]) + "\n", "utf-8")
    result = run("score", policy, data)
    assert "不大于1" not in result.output


def test_the_warning_is_the_same_in_several_processes(tmp_path, policy):
    data = tmp_path / "d.csv"
    rows = [f"单位{i},0,0.{i % 9 + 1}" for i in range(5000)]
    data.write_text("\n".join(["单位,缺会次数,化解率", *rows]) + "\n", "utf-8")
    one = run("score", policy, data)
    two = run("score", policy, data, "--jobs", "2")
    assert "不大于1（如 0.1）" in one.output
    assert one.output == two.output


# ------------------------------------------------------------- how a .rule is stored


def test_a_gbk_policy_is_read_and_said_so(tmp_path):
    path = tmp_path / "gbk.rule"
    path.write_bytes(POLICY.encode("gb18030"))
    result = run("check", path)
    assert result.exit_code == 0, result.output
    assert "不是 UTF-8 编码，已按 GB18030（GBK" in result.output
    assert "E108" not in result.output
    data = tmp_path / "d.csv"
    data.write_text("单位,缺会次数,化解率\n一中,2,90\n", "utf-8")
    assert run("score", path, data).exit_code == 0


def test_an_undecodable_policy_names_the_problem(tmp_path):
    path = tmp_path / "bad.rule"
    path.write_bytes(POLICY.encode("utf-8") + b"\x80\xff\x80")
    result = run("check", path)
    assert result.exit_code == 1
    assert "E108" in result.output


@pytest.mark.parametrize(
    ("bom", "crlf", "encoding"),
    [
        (True, False, "utf-8"),
        (False, True, "utf-8"),
        (True, True, "utf-8"),
        (False, True, "gb18030"),
    ],
)
def test_fmt_keeps_the_bom_line_endings_and_encoding(tmp_path, bom, crlf, encoding):
    def stored(text: str) -> bytes:
        text = text.replace("\n", "\r\n") if crlf else text
        return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)

    canonical = format_source(POLICY)
    path = tmp_path / "p.rule"
    path.write_bytes(stored(canonical))
    checked = run("fmt", "--check", path)
    assert checked.exit_code == 0, checked.output
    assert "已符合格式" in checked.output
    path.write_bytes(stored(canonical.replace("满分：10分", "满分：10分   ")))
    assert run("fmt", "--check", path).exit_code == 1
    assert run("fmt", path).exit_code == 0
    assert path.read_bytes() == stored(canonical)


# ----------------------------------------------------------------------- diff --data


def test_diff_data_counts_rows_with_errors_apart(tmp_path, policy):
    data = tmp_path / "d.csv"
    data.write_text("单位,缺会次数,化解率\n一中,2,90\n二中,-1,90\n三中,0,abc\n四中,0,79\n", "utf-8")
    new = tmp_path / "new.rule"
    new.write_text(POLICY.replace("每缺1次扣1分", "每缺1次扣2分"), "utf-8")
    result = run("diff", policy, new, "--data", data)
    assert result.exit_code == 0, result.output
    assert "共 4 个单位，其中 2 个单位数据有误、未能计分" in result.output
    assert "1 个单位的总分、等次或排名有变化" in result.output


def test_the_template_says_how_to_write_a_percentage(tmp_path, policy):
    out = tmp_path / "模板.xlsx"
    assert run("template", policy, "-o", out).exit_code == 0
    ws = openpyxl.load_workbook(out)["数据"]
    header = {c.value: c for c in ws[1]}
    assert "85 或 85% 表示 85%（0.85 表示 0.85%）" in header["化解率"].comment.text
    assert "0.85" not in header["缺会次数"].comment.text
    prompts = {
        str(dv.sqref).split(":")[0]: (dv.prompt, dv.showInputMessage)
        for dv in ws.data_validations.dataValidation
    }
    column = header["化解率"].column_letter
    prompt, shown = prompts[f"{column}2"]
    assert shown and "0.85 表示 0.85%" in prompt
