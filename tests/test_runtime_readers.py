"""Reading data files: formats, encodings, header matching and cell values."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from xize.compiler.ir import nodes as ir
from xize.runtime.io.dataset import BlankRows, Dataset, UnitRow
from xize.runtime.io.normalise import cell_value, exact_float, header_key, map_columns
from xize.runtime.io.readers import detect_encoding, open_table
from xize.runtime.text.problems import DataFileError

FACTS = (
    ir.Fact("缺会次数", "f0", "count", "次", 0, None, None, "", 1),
    ir.Fact("统计表按时上报", "f1", "bool", "是否", None, None, None, "", 2),
    ir.Fact("化解率", "f2", "percent", "百分比", None, None, None, "", 3),
)

ROWS = [
    ["单位", "缺会次数", "统计表按时上报", "化解率"],
    ["一中", "2", "是", "85%"],
    ["二中", "0", "否", "90"],
]


def units(dataset: Dataset) -> list[UnitRow]:
    return [r for r in dataset.rows() if isinstance(r, UnitRow)]


def write_csv(path, rows, encoding):
    text = "\n".join(",".join(r) for r in rows) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings_read_alike(tmp_path, encoding):
    path = write_csv(tmp_path / "data.csv", ROWS, encoding)
    expected = "gb18030" if encoding == "gb18030" else "utf-8-sig"
    assert detect_encoding(path) == expected
    rows = units(Dataset([path], FACTS))
    assert [(r.row, r.unit, r.facts) for r in rows] == [
        (2, "一中", {"缺会次数": "2", "统计表按时上报": "是", "化解率": "85%", "单位": "一中"}),
        (3, "二中", {"缺会次数": "0", "统计表按时上报": "否", "化解率": "90", "单位": "二中"}),
    ]


def test_csv_is_read_lazily_and_repeatably(tmp_path):
    path = write_csv(tmp_path / "data.csv", ROWS, "utf-8")
    dataset = Dataset([path], FACTS)
    first = dataset.rows()
    assert not isinstance(first, list)
    assert len(units(dataset)) == len(units(dataset)) == 2


def test_json_list_of_objects_keeps_decimals_exact(tmp_path):
    path = tmp_path / "data.json"
    path.write_text(
        '[{"单位": "一中", "缺会次数": 2, "统计表按时上报": true, "化解率": 85.1},'
        ' {"单位": "二中", "统计表按时上报": "否", "化解率": null}]',
        encoding="utf-8",
    )
    rows = units(Dataset([path], FACTS))
    assert rows[0].facts == {
        "缺会次数": 2,
        "统计表按时上报": True,
        "化解率": Decimal("85.1"),
        "单位": "一中",
    }
    assert rows[0].row == 1
    assert rows[1].problem is not None  # 化解率 is required and null
    assert "化解率" in rows[1].problem.text()


def test_xlsx_values_floats_percent_cells_and_dates(tmp_path):
    path = tmp_path / "data.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2023年考评数据"])  # a title row above the header
    ws.append(["单 位", "【缺会次数】", "统计表按时上报", "化解率"])
    ws.append(["一中", 2.0, True, 0.1 + 0.2])
    ws.append(["二中", 3, "否", 0.855])
    ws["D4"].number_format = "0.0%"
    wb.save(path)
    table = open_table(path)
    assert table.header_row == 2
    rows = units(Dataset([path], FACTS))
    assert [r.row for r in rows] == [3, 4]
    assert rows[0].facts["缺会次数"] == Decimal(2)
    assert rows[0].facts["化解率"] == Decimal("0.3")  # what Excel shows, never a float
    assert rows[1].facts["化解率"] == "85.5%"
    assert all(not isinstance(v, float) for r in rows for v in r.facts.values())


def test_blank_rows_between_units_are_counted_trailing_ones_are_not(tmp_path):
    path = write_csv(
        tmp_path / "d.csv", [ROWS[0], ROWS[1], ["", "", "", ""], ROWS[2], [",,,"], [""]], "utf-8"
    )
    items = list(Dataset([path], FACTS).rows())
    assert [type(i).__name__ for i in items] == ["UnitRow", "BlankRows", "UnitRow"]
    assert isinstance(items[1], BlankRows) and items[1].count == 1


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("缺会次数", "缺会次数"),
        (" 缺会\u3000次数 ", "缺会次数"),
        ("【缺会次数】", "缺会次数"),
        ("[缺会次数]", "缺会次数"),
        ("化解率（％）", "化解率(%)"),
        ("\ufeff单位", "单位"),
        ("缺会\n次数", "缺会次数"),
    ],
)
def test_header_key(raw, key):
    assert header_key(raw) == key


def test_columns_unknown_missing_default_and_unit():
    columns = map_columns(["单位名称", "缺会次素", "化解率", "备注"], FACTS, "d.csv")
    levels = [(n.level, n.message.key) for n in columns.notices]
    assert columns.unit_index == 0
    assert ("warning", "column_unknown_close") in levels  # 缺会次素 → 缺会次数
    assert ("warning", "column_unknown") in levels  # 备注
    assert ("error", "column_missing") in levels  # 统计表按时上报 has no default
    assert ("info", "column_default") in levels  # 缺会次数 defaults to 0
    close = next(n for n in columns.notices if n.message.key == "column_unknown_close")
    assert "缺会次数" in close.render("zh") and "did you mean" in close.render("en")


def test_no_unit_column_and_doubled_column_are_errors():
    columns = map_columns(["名称", "化解率", "【化解率】", "统计表按时上报"], FACTS)
    keys = {n.message.key for n in columns.notices if n.level == "error"}
    assert keys == {"column_no_unit", "column_twice"}


def test_row_with_only_a_unit_name_lists_every_missing_value(tmp_path):
    path = write_csv(tmp_path / "d.csv", [ROWS[0], ["三中", "", "", ""]], "utf-8")
    (row,) = units(Dataset([path], FACTS))
    text = row.problem.text("zh")
    assert "统计表按时上报" in text and "化解率" in text and "缺会次数" not in text
    assert row.problem.row == 2


def test_row_without_unit_name_is_an_error(tmp_path):
    path = write_csv(tmp_path / "d.csv", [ROWS[0], ["", "1", "是", "80"]], "utf-8")
    (row,) = units(Dataset([path], FACTS))
    assert row.problem.problem.key == "row_no_unit"


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (None, "General", None),
        ("  ", "General", None),
        (" ８５％ ", "General", "85%"),
        (3, "General", 3),
        (0.5, "0%", "50%"),
        (1, "0%", "100%"),
        (87.53, "General", Decimal("87.53")),
        (datetime(2023, 1, 9), "yyyy-mm-dd", date(2023, 1, 9)),
        (True, "General", True),
    ],
)
def test_cell_value(value, fmt, expected):
    assert cell_value(value, fmt) == expected


def test_exact_float():
    assert exact_float(0.1 + 0.2) == Decimal("0.3")
    assert exact_float(87.53) == Decimal("87.53")
    assert exact_float(1e20) == Decimal(10**20)
    assert exact_float(1 / 3) == Decimal("0.333333333333333")


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("d.txt", b"x", "file_format"),
        ("d.json", b"{not json", "json_syntax"),
        ("d.json", json.dumps({"a": 1}).encode(), "json_shape"),
        ("d.xlsx", b"not a zip", "file_unreadable"),
        ("d.csv", b"\xff\xfe\x00\xd8\x00", "file_encoding"),
    ],
)
def test_unreadable_files(tmp_path, name, content, key):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataFileError) as info:
        open_table(path)
    assert info.value.message.key == key
    assert str(path) in info.value.render("en")


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError) as info:
        open_table(tmp_path / "nope.csv")
    assert info.value.message.key == "file_missing"
