"""`xize score --engine duckdb`: the same report files, byte for byte, as the Python
engine — on the bundled policies and examples, on messy data (bad cells, blank rows,
repeated names, several files, GB18030, xlsx, Parquet) and on random policies — and a
clear refusal for a policy the SQL backend cannot compute."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given, note, settings
from sqlcases import batches
from xize.runtime.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "policies" / "examples").glob("*.csv"))
N = settings().max_examples
FALLBACK = re.compile(r"已改用 Python 引擎计分|scored with the Python engine instead")

AVERAGE_POLICY = """\
细则：平均值与一票否决
年度：2023
满分：10分
精度：0.01分

数据：
  缺会次数：次，默认0
  统计表按时上报：是否
  化解率：百分比
  重大事故：是否，默认否

等次：
  优秀：9分以上
  合格：6分以上
  不合格：其余

(一)领导重视程度(5分)
  - 【缺会次数】每缺1次扣1分
  - 【重大事故】的，一票否决

(二)统计表上报(2分)
  - 【统计表按时上报】得2分，否则不得分

(三)化解(3分)
  - 【化解率】每低于全市平均值1个百分点扣0.1分
"""

HEADER = "单位,缺会次数,统计表按时上报,化解率,重大事故"


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def score_in(folder: Path, monkeypatch, policy: Path, data: list[Path], out: str, engine: str):
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    result = run("score", policy, *data, "-o", out, "--engine", engine, "--date", "2024-05-01")
    assert "Traceback" not in result.output
    return result.exit_code, result.output, outputs(folder)


def assert_same_reports(tmp_path, monkeypatch, policy, data, suffixes=(".csv", ".json", ".xlsx")):
    """Both engines write the same files and print the same lines; returns whether
    the DuckDB run fell back to the Python engine (its warning is the one extra line)."""
    fell_back = set()
    for suffix in suffixes:
        out = f"结果{suffix}"
        python = score_in(tmp_path / f"py{suffix}", monkeypatch, policy, data, out, "python")
        duck = score_in(tmp_path / f"dk{suffix}", monkeypatch, policy, data, out, "duckdb")
        assert python[2], "nothing written"
        assert duck[0] == python[0]
        lines = duck[1].splitlines()
        extra = [line for line in lines if FALLBACK.search(line)]
        fell_back.add(bool(extra))
        assert [line for line in lines if line not in extra] == python[1].splitlines()
        assert duck[2].keys() == python[2].keys()
        for name, content in python[2].items():
            assert duck[2][name] == content, f"{name} differs"
    assert len(fell_back) == 1
    return fell_back.pop()


@pytest.mark.parametrize("data", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("kind", [".csv", ".xlsx"])
def test_bundled_examples_give_the_same_reports(tmp_path, monkeypatch, data, kind):
    """Every output format from the CSV; the workbook input (another reader, the same
    query afterwards) into the workbook output only, which keeps the suite short."""
    policy = ROOT / "policies" / f"{data.stem}.rule"
    suffixes = (".csv", ".json", ".xlsx") if kind == ".csv" else (".xlsx",)
    assert not assert_same_reports(
        tmp_path, monkeypatch, policy, [data.with_suffix(kind)], suffixes
    )


def messy_rows(n: int) -> list[str]:
    """Bad values, repeated names, blank rows (`,,,,`, spaces), quoted newlines,
    vetoes and a row without a unit name; no empty line (see the fallback test)."""
    rows = []
    counts = ["0", "1", "3", "０", " 2 ", "", "-1", "1.5", "x", "2次"]
    flags = ["是", "否", "√", "TRUE", "", "是的"]
    rates = ["85", "90%", "72.5", "100", "", "150", "８８％", "abc", "150%", "-3"]
    for i in range(n):
        name = f"单位{i % 23}" if i % 7 else f"学校{i}"
        if i % 11 == 0:
            name = f'"{name}\n分校"'
        if i % 13 == 0:
            rows.append(",,,,")
        if i % 17 == 0:
            rows.append(" ,\u3000,,,")
        if i % 29 == 5:
            name = "  "
        veto = "是" if i % 31 == 3 else ""
        rows.append(
            f"{name},{counts[i % len(counts)]},{flags[(i * 7) % len(flags)]},"
            f"{rates[(i * 3) % len(rates)]},{veto}"
        )
    return rows


def write(path: Path, lines: list[str], encoding: str = "utf-8", end: str = "\r\n") -> Path:
    path.write_bytes((end.join(lines) + end + "," * 4 + end).encode(encoding))
    return path


def test_bad_cells_blank_rows_and_repeated_names(tmp_path, monkeypatch):
    policy = tmp_path / "avg.rule"
    policy.write_text(AVERAGE_POLICY, encoding="utf-8")
    data = write(tmp_path / "数据.csv", [HEADER, *messy_rows(120)])
    text = data.read_text(encoding="utf-8")
    assert "是的" in text and "150%" in text and "-1" in text
    assert not assert_same_reports(tmp_path, monkeypatch, policy, [data])


def test_several_files_gb18030_and_xlsx(tmp_path, monkeypatch):
    policy = tmp_path / "avg.rule"
    policy.write_text(AVERAGE_POLICY, encoding="utf-8")
    first = write(tmp_path / "一.csv", [HEADER, *messy_rows(60)], end="\n")
    second = write(tmp_path / "二.csv", ["考评数据,,,,", HEADER, *messy_rows(40)], "gb18030")
    book = tmp_path / "三.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    for i in range(30):
        ws.append([f"单位{i % 5}", i % 3, "是" if i % 4 else "否", 0.8 + i / 200 if i % 9 else "x"])
    ws.append([None, None, None, None])
    ws.append(["单位末", 1, "是", 0.9])
    ws.cell(row=5, column=4).number_format = "0%"
    wb.save(book)
    data = [first, second, book]
    assert not assert_same_reports(tmp_path, monkeypatch, policy, data, (".csv", ".xlsx"))


def test_data_duckdb_would_read_differently_falls_back_with_a_warning(tmp_path, monkeypatch):
    """An empty line (skipped by DuckDB, counted by Python's csv module) or a Chinese
    numeral in a policy with batch means: the warning says so, the files are the same."""
    policy = tmp_path / "avg.rule"
    policy.write_text(AVERAGE_POLICY, encoding="utf-8")
    empty = write(tmp_path / "空行.csv", [HEADER, "甲,1,是,80,", "", "乙,2,否,90,"])
    assert assert_same_reports(tmp_path / "a", monkeypatch, policy, [empty], (".csv",))
    numeral = write(tmp_path / "数字.csv", [HEADER, "甲,三,是,80,", "乙,2,否,90,"])
    assert assert_same_reports(tmp_path / "b", monkeypatch, policy, [numeral], (".csv",))


def test_parquet_input_for_both_engines(tmp_path, monkeypatch):
    policy = tmp_path / "avg.rule"
    policy.write_text(AVERAGE_POLICY, encoding="utf-8")
    table = pa.table(
        {
            "单位": [f"单位{i}" for i in range(40)] + ["  ", "单位3"],
            "缺会次数": pa.array([i % 4 for i in range(40)] + [1, None], type=pa.int64()),
            "统计表按时上报": [["是", "否", "是的", None][i % 4] for i in range(42)],
            "化解率": pa.array([70 + i * 0.5 for i in range(41)] + [150.0]),
            "重大事故": pa.array([i == 7 for i in range(42)], type=pa.bool_()),
        }
    )
    data = tmp_path / "数据.parquet"
    pq.write_table(table, data)
    assert not assert_same_reports(tmp_path / "p", monkeypatch, policy, [data])
    result = run("score", policy, data, "--engine", "python")
    assert "单位0" in result.output or result.exit_code in (0, 1)
    assert "Traceback" not in result.output


#: A share of the best may not terminate (12 places in SQL, 40 in the Python engine).
RANK_POLICY = """\
细则：排名
年度：2023
满分：20分

数据：
  化解率：百分比

(一)化解(10分)
  - 【化解率】最高者得满分，其余按与最高者的比例得分
(二)综合(10分)
  - 按【(一)得分】排名，第1名得10分，其余按与第1名的比例得分
"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_policy_sql_cannot_compute_is_refused_clearly(tmp_path, lang):
    policy = tmp_path / "rank.rule"
    policy.write_text(RANK_POLICY, encoding="utf-8")
    assert run("check", policy).exit_code == 0
    data = write(tmp_path / "数据.csv", ["单位,化解率", "甲,80", "乙,90"])
    result = run("score", policy, data, "--engine", "duckdb", "--lang", lang)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "--engine python" in result.output
    assert ("DuckDB 引擎无法计算" if lang == "zh" else "cannot score this policy") in result.output
    assert run("score", policy, data).exit_code == 0  # the Python engine scores it


def _csv_cell(text: str | None) -> str:
    if text is None:
        return ""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


@settings(max_examples=max(6, N // 5))
@given(batches(max_units=8))
def test_random_policies_give_the_same_reports(tmp_path_factory, case):
    desc, rows = case
    text = desc.render()
    note(text)
    note(repr(rows))
    folder = tmp_path_factory.mktemp("gen")
    policy = folder / "p.rule"
    policy.write_text(text, encoding="utf-8")
    names = ["单位", *[f.name for f in desc.facts]]
    lines = [",".join(names)]
    lines += [",".join(_csv_cell(row.get(n)) for n in names) for row in rows]
    data = write(folder / "数据.csv", lines)
    with pytest.MonkeyPatch.context() as monkeypatch:
        duck = score_in(folder / "dk", monkeypatch, policy, [data], "r.csv", "duckdb")
        if "DuckDB 引擎无法计算" in duck[1]:  # refused, never approximated
            assert duck[0] == 1 and "--engine python" in duck[1]
            return
        python = score_in(folder / "py", monkeypatch, policy, [data], "r.csv", "python")
        extra = [line for line in duck[1].splitlines() if FALLBACK.search(line)]
        assert [line for line in duck[1].splitlines() if line not in extra] == python[
            1
        ].splitlines()
        assert duck[0] == python[0]
        assert duck[2] == python[2]
        json_duck = score_in(folder / "dkj", monkeypatch, policy, [data], "r.json", "duckdb")
        json_python = score_in(folder / "pyj", monkeypatch, policy, [data], "r.json", "python")
        assert json_duck[2] == json_python[2]


RATIO_POLICY = """\
细则：比例
年度：2023
满分：10分

数据：
  化解率：百分比

(一)化解(10分)
  - 【化解率】每低于全市平均值1个百分点扣0.1分，按比例
"""


def test_a_quotient_that_may_not_terminate_is_scored_exactly(tmp_path, monkeypatch):
    """The mean of 80, 81, 81 does not terminate: SQL keeps 12 places, the Python
    engine 40 — so the Python engine scores each unit, with the exact mean, and the
    reports are the same to the last digit."""
    policy = tmp_path / "ratio.rule"
    policy.write_text(RATIO_POLICY, encoding="utf-8")
    data = write(tmp_path / "数据.csv", ["单位,化解率", "甲,80", "乙,81", "丙,81"])
    assert not assert_same_reports(tmp_path / "r", monkeypatch, policy, [data], (".csv",))
    assert "0.0666666666666666666666666666666666666667" in (
        tmp_path / "r" / "dk.csv" / "结果-明细.csv"
    ).read_text(encoding="utf-8-sig")


def test_a_duckdb_failure_mid_run_falls_back_to_the_python_engine(tmp_path, monkeypatch):
    """DuckDB out of memory or disk while streaming: a warning, then the Python
    engine's report — never a traceback or half a report."""
    import duckdb
    from xize.runtime.batch import sqlbatch

    def broken(con, query):
        raise duckdb.OutOfMemoryException("could not allocate block")
        yield  # pragma: no cover

    policy = tmp_path / "avg.rule"
    policy.write_text(AVERAGE_POLICY, encoding="utf-8")
    data = write(tmp_path / "数据.csv", [HEADER, *messy_rows(30)])
    python = score_in(tmp_path / "py", monkeypatch, policy, [data], "r.csv", "python")
    monkeypatch.setattr(sqlbatch, "_item_rows", broken)
    duck = score_in(tmp_path / "dk", monkeypatch, policy, [data], "r.csv", "duckdb")
    assert "DuckDB 计分时出错（could not allocate block）" in duck[1]
    assert duck[0] == python[0] and duck[2] == python[2]


DIRECT_POLICY = """\
细则：直写
年度：2023
满分：20分
精度：0.01分

数据：
  缺会次数：次，默认0
  上报：是否
  事故：次，默认0
  省级表彰：次，默认0
  市级表彰：次，默认0

等次：
  优秀：18分以上
  合格：10分以上
  不合格：其余

(一)会议(5分)，最多扣2分
  - 【缺会次数】每缺1次扣1.5分，最多扣3分
  - 【事故】每次扣0.25分

(二)上报(5分)
  - 【上报】得5分，否则不得分

(三)安全(10分)
  - 【事故】每次扣3分
  - 【事故】超过2次的，列为重点整治单位

(四)创新，加分项，最高加3分
  - 【省级表彰】每次加2分
  - 【市级表彰】每次加0.5分
"""

DIRECT_HEADER = "单位,缺会次数,上报,事故,省级表彰,市级表彰"


def direct_rows(n: int) -> list[str]:
    """Names a spreadsheet would run or a CSV reader would split, repeated names,
    bad cells, blank rows; counts that reach the clause cap, the item cap and the
    bonus cap."""
    names = ["=HYPERLINK(1)", "+1", "-2.5", "@a", "＝甲", '"乙,丙"', '"丁""戊"', "'己", "\t庚"]
    counts = ["0", "1", "3", "5", "", " 2 ", "x", "-1"]
    flags = ["是", "否", "√", "", "是的"]
    rows = []
    for i in range(n):
        name = names[(i // 3) % len(names)] if i % 3 == 0 else f"单位{i % 40}"
        if i % 19 == 0:
            rows.append(",,,,,")
        rows.append(
            f"{name},{counts[i % len(counts)]},{flags[(i * 3) % len(flags)]},"
            f"{counts[(i * 5) % len(counts)]},{counts[(i * 7) % 4]},{counts[(i * 3) % 5]}"
        )
    return rows


def direct_case(tmp_path: Path, monkeypatch, why: str) -> tuple[Path, Path]:
    """DIRECT_POLICY and 200 of its rows in `tmp_path`, with the per-unit DuckDB path
    made to fail (`why`): what the test runs must take the direct CSV path."""
    from xize.runtime.batch import sqlbatch

    def not_here(*args, **kwargs):
        raise AssertionError(why)

    policy = tmp_path / "direct.rule"
    policy.write_text(DIRECT_POLICY, encoding="utf-8")
    data = tmp_path / "数据.csv"
    data.write_bytes("\r\n".join([DIRECT_HEADER, *direct_rows(200), ""]).encode())
    monkeypatch.setattr(sqlbatch, "score_with_duckdb", not_here)
    return policy, data


def test_duckdb_writes_the_csv_report_itself_byte_for_byte(tmp_path, monkeypatch):
    """A CSV report of a policy with 是否 and count facts only: DuckDB makes every
    汇总 and 扣分明细 line (not the Python records) — and they are the Python
    engine's bytes: formula-like names behind a `'`, quoted commas, quotes and
    tabs, decimals without trailing zeros, the cap and budget notes, bonuses as
    negative amounts, labels, ranks, repeated names, error rows and blank rows."""
    policy, data = direct_case(tmp_path, monkeypatch, "the report was not written by DuckDB")
    assert not assert_same_reports(tmp_path, monkeypatch, policy, [data], (".csv",))
    details = (tmp_path / "py.csv" / "结果-明细.csv").read_text(encoding="utf-8-sig")
    summary = (tmp_path / "py.csv" / "结果.csv").read_text(encoding="utf-8-sig")
    for text in ("本条最多扣", "本项扣完为止", "已达加分上限", "重点整治单位", "'=HYPERLINK(1)"):
        assert text in details or text in summary, text
    assert '"乙,丙"' in summary and '"丁""戊"' in summary and "\n-2.5," in summary
    errors = (tmp_path / "py.csv" / "结果-错误.csv").read_text(encoding="utf-8-sig")
    assert "是的" in errors
    # in English the notes have ASCII commas, so those cells are quoted
    written = {}
    for engine in ("python", "duckdb"):
        folder = tmp_path / f"en-{engine}"
        folder.mkdir()
        monkeypatch.chdir(folder)
        result = run("score", policy, data, "-o", "r.csv", "--engine", engine, "--lang", "en")
        assert not FALLBACK.search(result.output)
        written[engine] = outputs(folder)
    assert written["duckdb"] == written["python"]
    assert '"10 points earned, bonus cap reached, 3 added"' in written["python"][
        "r-明细.csv"
    ].decode("utf-8-sig")
    # two files: a name seen in the other file is reported as `file:row`
    lines = data.read_bytes().decode().split("\r\n")
    first, second = tmp_path / "一.csv", tmp_path / "二.csv"
    first.write_bytes("\r\n".join(lines[:60] + [""]).encode())
    second.write_bytes("\r\n".join(lines[:1] + lines[40:120] + [""]).encode())
    both = tmp_path / "both"
    assert not assert_same_reports(both, monkeypatch, policy, [first, second], (".csv",))
    monkeypatch.chdir(both)
    result = run("score", policy, first, second, "-o", "again.csv", "--engine", "duckdb")
    assert f"第{first}:" in result.output or "第一.csv:" in result.output


def test_without_a_report_duckdb_prints_what_the_python_engine_prints(tmp_path, monkeypatch):
    """No `-o`: the terminal's counts, grades, top and bottom units, error rows and names
    seen twice, from DuckDB's small columns — no unit's lines made, no Result built in
    Python (that took longer than the Python engine itself) — the Python engine's lines."""
    policy, data = direct_case(tmp_path, monkeypatch, "the units were rebuilt in Python")
    lines = data.read_bytes().decode().split("\r\n")
    second = tmp_path / "二.csv"  # names seen in the other file, as `file:row`
    second.write_bytes("\r\n".join(lines[:1] + lines[40:120] + [""]).encode())
    monkeypatch.chdir(tmp_path)
    for files in ([data], [data, second]):
        printed = {
            engine: run("score", policy, *files, "--engine", engine, "--date", "2024-05-01")
            for engine in ("python", "duckdb")
        }
        assert not FALLBACK.search(printed["duckdb"].output)
        assert printed["duckdb"].exit_code == printed["python"].exit_code == 1  # error rows
        assert printed["duckdb"].output == printed["python"].output
        assert "是的" in printed["python"].output  # an error row is named
    assert sorted(p.name for p in tmp_path.iterdir()) == ["direct.rule", "二.csv", "数据.csv"]


def test_rows_read_in_parallel_are_written_in_input_order(tmp_path, monkeypatch):
    """The parsed rows are stored in row groups that DuckDB's threads read side by
    side; the lines still come in input order (checked as they come: out of order,
    the Python engine would score instead), ranked over all the row groups."""
    from xize.runtime.batch import sqlbatch, sqlsource

    def not_here(*args, **kwargs):
        raise AssertionError("the report was not written by DuckDB")

    monkeypatch.setattr(sqlsource, "ROW_GROUP_ROWS", 2048)
    policy = tmp_path / "direct.rule"
    policy.write_text(DIRECT_POLICY, encoding="utf-8")
    data = tmp_path / "数据.csv"
    data.write_bytes("\r\n".join([DIRECT_HEADER, *direct_rows(12_000), ""]).encode())
    monkeypatch.setattr(sqlbatch, "score_with_duckdb", not_here)
    assert not assert_same_reports(tmp_path, monkeypatch, policy, [data], (".csv",))


def test_clean_rows_are_stored_converted_and_read_so(tmp_path):
    """On the direct CSV path each row is converted as it is stored: a clean row
    keeps its flag and values, not its texts, and the query reads the values; a
    row that is not clean (` 2 `, `x`, `√`, a blank cell without a default) keeps
    its cells as written, for the full conversion and its messages."""
    from xize.compiler import load_policy
    from xize.compiler.backends import CLEAN_COLUMN, value_column
    from xize.runtime.batch import sqlcsv, sqlsource
    from xize.runtime.io.dataset import Dataset
    from xize.runtime.report.tables import Layout

    policy = tmp_path / "direct.rule"
    policy.write_text(DIRECT_POLICY, encoding="utf-8")
    data = tmp_path / "数据.csv"
    rows = direct_rows(40)
    data.write_bytes("\r\n".join([DIRECT_HEADER, *rows, ""]).encode())
    direct = load_policy(policy)
    dataset = Dataset([str(data)], direct.ir.facts)
    source = sqlsource.build(dataset, policy=direct.ir)
    try:
        assert source.stored
        facts = source.con.table("facts")
        got = [dict(zip(facts.columns, row, strict=True)) for row in facts.fetchall()]
    finally:
        source.close()
    written = {line.split(",")[0]: line.split(",") for line in rows if line.startswith("单位")}
    clean = [r for r in got if r[CLEAN_COLUMN]]
    dirty = [r for r in got if not r[CLEAN_COLUMN]]
    assert clean and dirty
    for row in clean:
        assert all(row[name] is None for name in ("缺会次数", "上报", "事故"))
        cells = written.get(row["单位"])
        if cells is not None:  # 事故 as written, or its default 0 when blank
            assert row[value_column(2)] == int(cells[3] or 0)
            assert row[value_column(1)] == (cells[2] in ("是", "√"))
    for row in dirty:
        cells = written.get(row["单位"])
        if cells is not None:
            assert [row[n] for n in ("缺会次数", "上报", "事故")] == [c or None for c in cells[1:4]]
    assert CLEAN_COLUMN in sqlcsv.queries(direct, Layout(direct.ir, "zh", False))


def test_the_direct_csv_path_is_only_for_what_it_writes_exactly(tmp_path):
    from xize.compiler import load_policy
    from xize.runtime.batch import sqlcsv
    from xize.runtime.io.dataset import Dataset

    policy = tmp_path / "direct.rule"
    policy.write_text(DIRECT_POLICY, encoding="utf-8")
    data = tmp_path / "数据.csv"
    data.write_bytes("\r\n".join([DIRECT_HEADER, *direct_rows(5), ""]).encode())
    direct = load_policy(policy)
    dataset = Dataset([str(data)], direct.ir.facts)
    assert sqlcsv.eligible(direct, dataset, "r.csv", by_rank=False)
    assert not sqlcsv.eligible(direct, dataset, "r.csv", by_rank=True)
    # no report: the terminal only, in whatever order 汇总 would have had
    assert sqlcsv.eligible(direct, dataset, None, by_rank=False)
    assert sqlcsv.eligible(direct, dataset, None, by_rank=True)
    assert not sqlcsv.eligible(direct, dataset, "r.xlsx", by_rank=False)
    averages = tmp_path / "avg.rule"
    averages.write_text(AVERAGE_POLICY, encoding="utf-8")
    other = load_policy(averages)
    messy = write(tmp_path / "m.csv", [HEADER, *messy_rows(5)])
    assert not sqlcsv.eligible(other, Dataset([str(messy)], other.ir.facts), "r.csv", False)


def test_parquet_data_through_the_direct_csv_path(tmp_path, monkeypatch):
    """Typed Parquet columns (integers, booleans, a NULL, a name twice) read by DuckDB
    and written as CSV text by DuckDB: the Python engine's bytes."""
    from xize.runtime.batch import sqlbatch

    def not_here(*args, **kwargs):
        raise AssertionError("the report was not written by DuckDB")

    policy = tmp_path / "direct.rule"
    policy.write_text(DIRECT_POLICY, encoding="utf-8")
    table = pa.table(
        {
            "单位": [f"单位{i % 30}" for i in range(40)] + ["=SUM(A1)", "  "],
            "缺会次数": pa.array([i % 5 for i in range(41)] + [None], type=pa.int64()),
            "上报": pa.array([i % 3 != 0 for i in range(42)], type=pa.bool_()),
            "事故": pa.array([(i * 7) % 6 for i in range(42)], type=pa.int32()),
            "省级表彰": pa.array([i % 3 for i in range(42)], type=pa.int64()),
            "市级表彰": [str(i % 4) for i in range(42)],
        }
    )
    data = tmp_path / "数据.parquet"
    pq.write_table(table, data)
    monkeypatch.setattr(sqlbatch, "score_with_duckdb", not_here)
    assert not assert_same_reports(tmp_path / "p", monkeypatch, policy, [data], (".csv",))


#: A generated policy whose DuckDB query once took over four minutes to plan: the
#: ranks' GROUP BY read the totals straight from the chain of stages, and DuckDB's
#: optimizer pushed the grouping down through every stage (see query._ranks).
SLOW_PLAN_POLICY = """\
细则:学校综合治理工作考评细则
年度:2023
满分:3.5分
精度:0.1
计分:减分制

数据:
  积案宗数:宗，默认0
  有接访批示案件台帐:是否    # 每月统计
  上报日期:日期

等次:
  良好:不低于1.53分
  较差:1.13分以上
  优秀:其余

1.做好1#水库安全度汛(3分)，不设下限
说明：现场查看，未达到要求的酌情扣分。
- 【积案宗数】 ＞＝ ５宗，扣０．１分，列为重点整改单位
2.未结案件清理(0.5分)
说明：查阅会议记录。
（1）来信、网上投诉工作（0.06分），最多扣0.06分
- 无【有接访批示案件台帐】或【有接访批示案件台帐】，不得分
- 【上报日期】晚于２０２３－１２－１５的，每晚１日扣０．０２分，最多扣０．５４分
(2)信访工作(含网上信访)(0.12分)
(3)每月例会(0.32分)，本项限扣5分
说明：按时上报得分，否则不扣分以外另行通报。
- 【积案宗数】 ≥ ０宗的，不得分
3、表彰奖励，加分项，最高加0.5分
- 【积案宗数】每宗加５分
"""
SLOW_PLAN_ROWS = [
    "单位,上报日期,有接访批示案件台帐,积案宗数",
    "单位0,2024-01-13,无,1",
    "单位1,0.000001,false,",
    "单位1乙,0.000001,false,",
    "单位2,2024-01-08,12.500000,3 次",
    "单位2乙,2024-01-08,12.500000,3 次",
    "单位3,0,是,12.5000000",
    "单位4,×,-1,3",
]


def test_the_policy_that_took_minutes_to_plan_is_scored_by_duckdb(tmp_path, monkeypatch):
    """Planned at once with DuckDB's default optimizers, and the same report."""
    policy = tmp_path / "slow.rule"
    policy.write_text(SLOW_PLAN_POLICY, encoding="utf-8")
    data = write(tmp_path / "数据.csv", SLOW_PLAN_ROWS)
    assert not assert_same_reports(tmp_path, monkeypatch, policy, [data], (".csv", ".json"))


class _Unplannable:
    """A connection whose planning only ends when it is interrupted, as DuckDB's
    did on some query shapes (minutes): what the watchdog is for."""

    def __init__(self):
        import threading

        self._interrupted = threading.Event()

    def interrupt(self) -> None:
        self._interrupted.set()

    def execute(self, query: str):
        import duckdb

        assert query.startswith("EXPLAIN ")
        assert self._interrupted.wait(60), "the watchdog never interrupted the planning"
        raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")


def test_a_query_duckdb_cannot_plan_in_time_is_scored_by_the_python_engine(tmp_path, monkeypatch):
    """A bounded wait, a warning that says why, and the Python engine's report."""
    from xize.runtime.batch import sqlsource

    plan_within = sqlsource.plan_within
    monkeypatch.setattr(sqlsource, "PLAN_SECONDS", 1.0)
    monkeypatch.setattr(
        sqlsource, "plan_within", lambda con, queries: plan_within(_Unplannable(), queries)
    )
    policy = tmp_path / "slow.rule"
    policy.write_text(SLOW_PLAN_POLICY, encoding="utf-8")
    data = write(tmp_path / "数据.csv", SLOW_PLAN_ROWS)
    for out in ("r.csv", "r.json"):
        python = score_in(tmp_path / ("py" + out), monkeypatch, policy, [data], out, "python")
        duck = score_in(tmp_path / ("dk" + out), monkeypatch, policy, [data], out, "duckdb")
        assert "DuckDB 在 1 秒内未能规划好这份细则的查询，已改用 Python 引擎计分" in duck[1]
        assert duck[0] == python[0] and duck[2] == python[2]


def test_planning_a_usual_query_takes_far_less_than_the_limit():
    import duckdb
    from xize.compiler import load_policy
    from xize.compiler.backends.sql import compile_sql
    from xize.runtime.batch import sqlsource

    policy = load_policy(ROOT / "policies" / "shuangjie_lianghui_2023.rule")
    columns = ", ".join(f'"{name}" TEXT' for name in ["单位", *(f.name for f in policy.ir.facts)])
    con = duckdb.connect()
    con.execute(f'CREATE TABLE facts ({columns}, "行" BIGINT)')
    sqlsource.plan_within(con, (compile_sql(policy.ir, "duckdb"),), seconds=20)


@pytest.mark.parametrize("block", [1, 3])
def test_fired_items_tested_by_blocks_keep_their_lines_and_order(tmp_path, monkeypatch, block):
    """DuckDB tests the items' flags a block at a time before making their 扣分明细
    lines (`sqlcsv._fired`): with one item a block, or blocks that do not divide the
    items (a shorter last one), the lines are still the Python engine's, in order."""
    from xize.runtime.batch import sqlcsv

    monkeypatch.setattr(sqlcsv, "BLOCK_ITEMS", block)
    policy = tmp_path / "direct.rule"
    policy.write_text(DIRECT_POLICY, encoding="utf-8")
    data = tmp_path / "数据.csv"
    data.write_bytes("\r\n".join([DIRECT_HEADER, *direct_rows(60), ""]).encode())
    assert not assert_same_reports(tmp_path, monkeypatch, policy, [data], (".csv",))
    details = (tmp_path / "py.csv" / "结果-明细.csv").read_text(encoding="utf-8-sig")
    assert details.count("\n") > 60


def test_units_spooled_and_counted_in_gathered_batches_rank_as_in_python(tmp_path, monkeypatch):
    """The waiting 汇总 lines are spooled and counted per gathered batches of units
    (`sqlcsv.GATHER_ROWS`), not per fetched batch: with small fetches and gathers
    (several spooled batches, a last one shorter) the ranks, the 汇总 lines and the
    top and bottom units are the Python engine's."""
    from xize.runtime.batch import sqlbatch, sqlcsv

    monkeypatch.setattr(sqlbatch, "FETCH_ROWS", 16)
    monkeypatch.setattr(sqlcsv, "GATHER_ROWS", 20)
    policy = tmp_path / "direct.rule"
    policy.write_text(DIRECT_POLICY, encoding="utf-8")
    data = tmp_path / "数据.csv"
    data.write_bytes("\r\n".join([DIRECT_HEADER, *direct_rows(150), ""]).encode())
    assert not assert_same_reports(tmp_path, monkeypatch, policy, [data], (".csv",))
    summary = (tmp_path / "py.csv" / "结果.csv").read_text(encoding="utf-8-sig")
    assert summary.count("\n") > 50  # three spooled batches at least


def test_a_duckdb_failure_mid_stream_of_the_direct_csv_path_falls_back(tmp_path, monkeypatch):
    """DuckDB failing after some batches of the lines: the command warns and writes
    the Python engine's report; no part file is left beside it."""
    import duckdb
    from xize.runtime.batch import sqlbatch, sqlcsv

    real = sqlcsv._batches

    def failing(con, query):
        for count, batch in enumerate(real(con, query)):
            if count == 2:
                raise duckdb.OutOfMemoryException("could not allocate block")
            yield batch

    monkeypatch.setattr(sqlbatch, "FETCH_ROWS", 16)
    monkeypatch.setattr(sqlcsv, "_batches", failing)
    policy = tmp_path / "direct.rule"
    policy.write_text(DIRECT_POLICY, encoding="utf-8")
    data = tmp_path / "数据.csv"
    data.write_bytes("\r\n".join([DIRECT_HEADER, *direct_rows(150), ""]).encode())
    python = score_in(tmp_path / "py", monkeypatch, policy, [data], "r.csv", "python")
    duck = score_in(tmp_path / "dk", monkeypatch, policy, [data], "r.csv", "duckdb")
    assert "DuckDB 计分时出错（could not allocate block）" in duck[1]
    assert duck[0] == python[0] and duck[2] == python[2]
    assert not [p for p in (tmp_path / "dk").iterdir() if p.suffix == ".part"]
