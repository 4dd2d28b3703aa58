"""Data files made to hurt: bounded time and memory, and every file-level problem an
error naming the file (exit 1 or 2), never an internal error, a traceback or rows
silently lost."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from test_safe_outputs import HEADER, POLICY
from xize.compiler import load_policy
from xize.runtime.cli.main import cli
from xize.runtime.io import xlsx
from xize.runtime.io.dataset import Dataset
from xize.runtime.io.normalise import cell_value, percent_shown
from xize.runtime.io.readers import csv_rows, open_table
from xize.runtime.text.problems import DataFileError


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def policy(tmp_path) -> Path:
    path = tmp_path / "p.rule"
    path.write_text(POLICY, encoding="utf-8")
    return path


def book(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def rewrite_part(path: Path, part: str, change) -> None:
    """Replace one part of a zip package by change(old text)."""
    with zipfile.ZipFile(path) as old:
        items = [(info, old.read(info)) for info in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in items:
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            new.writestr(info.filename, data)


def assert_file_error(result, name: str) -> None:
    assert result.exit_code in (1, 2), result.output
    assert name in result.output, result.output
    assert "内部错误" not in result.output and "Traceback" not in result.output


# ------------------------------------------------------------------------- xlsx bombs


def test_a_row_numbered_past_excel_is_refused_at_once(policy, tmp_path):
    path = book(tmp_path / "d.xlsx", [HEADER.split(","), ["一中", 1, "是"], ["二中", 0, "是"]])
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: (
            xml.replace('<row r="3"', '<row r="1000000000"')
            .replace('"A3"', '"A1000000000"')
            .replace('"B3"', '"B1000000000"')
            .replace('"C3"', '"C1000000000"')
        ),
    )
    started = time.process_time()
    result = run("score", policy, path)
    assert time.process_time() - started < 30  # was ~50 minutes
    assert_file_error(result, "d.xlsx")
    assert "1000000000" in result.output


def test_rows_with_one_cell_in_the_last_column_cost_nothing_extra(policy, tmp_path):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADER.split(","))
    for i in range(3000):
        row: list[object] = [f"单位{i}", 0, "是"]
        ws.append(row)
    wb.save(tmp_path / "d.xlsx")
    path = tmp_path / "d.xlsx"
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(
            r'(<row r="(\d+)">.*?)</row>',
            lambda m: (
                m.group(1)
                + (
                    f'<c r="XFD{m.group(2)}" t="inlineStr"><is><t>x</t></is></c>'
                    if m.group(2) != "1"
                    else ""
                )
                + "</row>"
            ),
            xml,
        ),
    )
    table = open_table(path)
    rows = list(table.rows())
    assert len(rows) == 3000
    assert max(len(values) for _, values, _ in rows) == 4  # 3 columns and the far cell
    assert len(table.header) == 3


def test_cells_are_capped(policy, tmp_path, monkeypatch):
    path = book(tmp_path / "d.xlsx", [HEADER.split(",")] + [["一中", 1, "是"]] * 50)
    monkeypatch.setattr(xlsx, "MAX_CELLS", 60)
    result = run("score", policy, path)
    assert_file_error(result, "d.xlsx")
    assert "60" in result.output


def test_a_shared_strings_bomb_is_refused_before_reading(policy, tmp_path, monkeypatch):
    path = book(tmp_path / "d.xlsx", [HEADER.split(","), ["一中", 1, "是"]])
    path.write_bytes(path.read_bytes())
    strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    strings += "<si><t>a</t></si>" * 200_000 + "</sst>"
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", strings)
    assert path.stat().st_size < 100_000  # a tiny file that unpacks to megabytes
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 100_000)
    result = run("score", policy, path)
    assert_file_error(result, "d.xlsx")
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 1_000_000)
    monkeypatch.setattr(xlsx, "MAX_STRINGS_BYTES", 1 << 20)
    result = run("score", policy, path)
    assert_file_error(result, "d.xlsx")
    assert "sharedStrings.xml" in result.output


@pytest.mark.parametrize(
    "damage",
    [
        lambda xml: xml.replace("<sheetData>", "<sheetData><row"),  # bad XML
        lambda xml: xml.replace('r="A2"', 'r="1A"'),  # a bad cell reference
    ],
)
def test_damaged_sheets_are_file_errors(policy, tmp_path, damage):
    path = book(tmp_path / "d.xlsx", [HEADER.split(","), ["一中", 1, "是"]])
    rewrite_part(path, "xl/worksheets/sheet1.xml", damage)
    assert_file_error(run("score", policy, path, "-o", tmp_path / "r.xlsx"), "d.xlsx")
    assert not (tmp_path / "r.xlsx").exists()


def test_a_crc_error_is_a_file_error(policy, tmp_path):
    path = book(tmp_path / "d.xlsx", [HEADER.split(","), ["一中", 1, "是"]])
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x55
    path.write_bytes(bytes(data))
    assert_file_error(run("score", policy, path), "d.xlsx")


def test_not_a_zip_and_an_empty_file_are_file_errors(policy, tmp_path):
    for content in (b"", b"PK\x03\x04garbage", b"<html></html>"):
        path = tmp_path / "d.xlsx"
        path.write_bytes(content)
        assert_file_error(run("score", policy, path), "d.xlsx")


# ------------------------------------------------------------------- formulas, formats


def test_a_formula_without_a_cached_value_is_a_data_error_naming_the_cell(policy, tmp_path):
    path = book(
        tmp_path / "d.xlsx",
        [HEADER.split(","), ["一中", "=1+1", "是"], ["二中", 0, "是"], ["=A2", 0, "是"]],
    )
    result = run("score", policy, path, "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 1, result.output
    assert "B2" in result.output and "A4" in result.output and "公式" in result.output
    errors = openpyxl.load_workbook(tmp_path / "r.xlsx")["错误"]
    texts = " ".join(str(c.value) for row in errors.iter_rows() for c in row)
    assert "B2" in texts and "=1+1" in texts
    summary = openpyxl.load_workbook(tmp_path / "r.xlsx")["汇总"]
    assert [r[0].value for r in summary.iter_rows(min_row=2)] == ["二中"]  # no full marks


def test_a_literal_percent_sign_in_a_number_format_is_not_a_percentage():
    assert cell_value(0.85, "0.00%") == "85%"
    assert cell_value(0.85, '0.00"%"') == "0.85%"
    assert cell_value(0.85, "0.00\\%") == "0.85%"
    assert cell_value(85, "General") == 85
    assert percent_shown("[Red]0%") == "scaled" and percent_shown("0.0") is None


def test_a_custom_percent_literal_cell_scores_as_shown(policy, tmp_path):
    rule = tmp_path / "r.rule"
    rule.write_text(
        POLICY.replace("  统计表按时上报：是否", "  统计表按时上报：是否\n  化解率：百分比")
        + "\n(三)化解(0分)\n  - 【化解率】低于1%的，扣0分\n",
        encoding="utf-8",
    )
    wb = openpyxl.Workbook()
    wb.active.append([*HEADER.split(","), "化解率"])
    wb.active.append(["一中", 0, "是", 0.85])
    wb.active["D2"].number_format = '0.00"%"'
    wb.save(tmp_path / "d.xlsx")
    dataset = Dataset([tmp_path / "d.xlsx"], load_policy(rule).ir.facts)
    unit = next(iter(dataset.rows()))
    assert unit.facts["化解率"] == "0.85%"


# ------------------------------------------------------------------------- csv, json


def test_an_unclosed_csv_quote_is_an_error_not_lost_rows(policy, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(HEADER + '\n一中,1,是\n二中,"2,是\n三中,0,是\n四中,0,是\n', encoding="utf-8")
    result = run("score", policy, path)
    assert_file_error(result, "d.csv")
    assert "第3行" in result.output and "引号" in result.output
    with pytest.raises(DataFileError):
        list(csv_rows(5, '五中,"1,是\n六中,0,是\n', path))
    assert [r[1] for r in csv_rows(5, '五中,"1\n2",是\n', path)] == [["五中", "1\n2", "是"]]
    closed = tmp_path / "ok.csv"
    closed.write_text(HEADER + '\n"一\n中",1,是\n二中,0,是', encoding="utf-8")  # no final newline
    assert [r[1][0] for r in open_table(closed).rows()] == ["一\n中", "二中"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[{"单位": "一中", "单位": "二中"}]', "两次"),
        ("[" * 100_000 + "]" * 100_000, "嵌套"),
        ('[{"单位": "一中", "缺会次数": ' + "9" * 5000 + "}]", "4300"),
    ],
)
def test_hostile_json_is_a_clear_error(policy, tmp_path, text, words):
    path = tmp_path / "d.json"
    path.write_text(text, encoding="utf-8")
    result = run("score", policy, path)
    assert_file_error(result, "d.json")
    assert words in result.output


def test_the_same_file_twice_is_refused_by_the_dataset(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(HEADER + "\n一中,1,是\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        Dataset([path, tmp_path / "." / "d.csv"], ())


def test_warnings_are_bounded(policy, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(HEADER + "\n" + "一中,0,是\n" * 500, encoding="utf-8")
    result = run("score", policy, path)
    assert result.exit_code == 0, result.output
    assert result.output.count("出现多次") == 20
    assert "另有 479 条同类警告未列出" in result.output


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda text: text.replace("每缺1次扣1分", "每缺1次扣0." + "1" * 70 + "分"), "E240"),
        (
            lambda text: text.replace(
                "  优秀：9分以上\n",
                "".join(f"  第{i}档：{9000 - i}分以上\n" for i in range(1001)),
            ),
            "E241",
        ),
        (lambda text: text.replace("满分：10分", "满分：10分\n精度：0." + "0" * 60 + "1"), "E242"),
    ],
)
def test_policies_past_the_limits_are_refused_not_crashed_or_rounded(change, code):
    from xize.compiler import PolicyError, compile_policy

    with pytest.raises(PolicyError) as caught:
        compile_policy(change(POLICY), filename="p.rule")
    assert code in {d.code for d in caught.value.diagnostics}


def test_a_sheet_that_unpacks_a_thousand_fold_is_refused_at_once(policy, tmp_path):
    path = book(tmp_path / "d.xlsx", [HEADER.split(","), ["一中", 1, "是"]])
    junk = "<y/>" * 2_000_000  # 8 MB of XML in a file of a few KB
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("<sheetData>", f"<x>{junk}</x><sheetData>"),
    )
    assert path.stat().st_size < 100_000
    started = time.process_time()
    result = run("score", policy, path)
    assert time.process_time() - started < 10
    assert_file_error(result, "d.xlsx")
    assert "压缩炸弹" in result.output


def test_what_surrounds_the_rows_is_not_kept(tmp_path, monkeypatch):
    """Elements outside the rows (here 300 000 of them, below the ratio limit) are
    dropped as they are read: reading keeps no more than a row in memory."""
    import tracemalloc

    path = book(tmp_path / "d.xlsx", [HEADER.split(","), ["一中", 1, "是"]])
    monkeypatch.setattr(xlsx, "MAX_RATIO", 10_000)
    junk = "".join(f'<y a="{i}"/>' for i in range(300_000))
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("<sheetData>", f"<x>{junk}</x><sheetData>"),
    )
    table = open_table(path)
    tracemalloc.start()
    rows = list(table.rows())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [values for _, values, _ in rows] == [("一中", 1, "是")]
    assert peak < 5_000_000  # 300 000 kept elements would take far more


def test_entity_expansion_in_a_sheet_is_a_file_error(policy, tmp_path):
    path = book(tmp_path / "d.xlsx", [HEADER.split(","), ["一中", 1, "是"]])
    entities = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
    entities += "".join(f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">' for i in range(8))
    entities += "]>"
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("<worksheet", entities + "<worksheet", 1).replace(
            "<t>&#19968;&#20013;</t>", "<t>&i;</t>"
        ),
    )
    started = time.process_time()
    result = run("score", policy, path)
    assert time.process_time() - started < 20
    assert_file_error(result, "d.xlsx")
