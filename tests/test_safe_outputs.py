"""Outputs that a hostile spreadsheet or a shared folder cannot turn against the user:
no formula in any written cell, no input overwritten, every file written whole,
terminal text without escape sequences or markup."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from xize.runtime.cli.main import cli
from xize.runtime.output import atomic
from xize.runtime.text.problems import OutputFileError
from xize.runtime.text.safe import csv_cell, display_path, is_formula_like, visible, xlsx_text

POLICY = """\
细则：测试细则
年度：2023
满分：10分

数据：
  缺会次数：次，默认0
  统计表按时上报：是否

等次：
  优秀：9分以上
  合格：6分以上
  不合格：其余

(一)领导重视程度(5分)
  - 【缺会次数】每缺1次扣1分

(二)统计表上报(5分)
  - 【统计表按时上报】得5分，否则不得分
"""

FORMULA = '=HYPERLINK("http://evil.example","点我")'
HEADER = "单位,缺会次数,统计表按时上报"


def run(*args: object, env: dict | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def csv_line(*cells: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return buffer.getvalue()


@pytest.fixture
def files(tmp_path):
    policy = tmp_path / "p.rule"
    policy.write_text(POLICY, encoding="utf-8")
    lines = [
        HEADER,
        csv_line(FORMULA, "1", "是"),
        csv_line("+cmd|' /C calc'!A0", "0", "是"),
        csv_line("@SUM(1+1)", "2", "否"),
        csv_line("-2+3", "0", "是"),
        csv_line("一中", "=1+1", "是"),  # a rejected cell value: quoted in 错误
        csv_line("二中", "1", "=A1"),
    ]
    data = tmp_path / "d.csv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return policy, data


def formula_cells(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [
        f"{ws.title}!{c.coordinate}={c.value}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]


# ------------------------------------------------------------------ formula injection


def test_xlsx_report_writes_every_text_as_text(files, tmp_path):
    policy, data = files
    out = tmp_path / "结果.xlsx"
    result = run("score", policy, data, "-o", out)
    assert result.exit_code == 1, result.output  # two rows have bad cells
    assert formula_cells(out) == []
    wb = openpyxl.load_workbook(out)
    names = {c.value: c for c in next(wb["汇总"].iter_cols(min_row=2, max_col=1))}
    assert names[FORMULA].data_type == "s" and names[FORMULA].quotePrefix
    assert names["@SUM(1+1)"].quotePrefix and names["+cmd|' /C calc'!A0"].quotePrefix
    values = [c.value for row in wb["错误"].iter_rows(min_row=2) for c in row]
    assert "=1+1" in values and "=A1" in values
    details = [c.value for row in wb["扣分明细"].iter_rows(min_row=2) for c in row]
    assert FORMULA in details


def test_csv_report_neutralises_formula_cells(files, tmp_path):
    policy, data = files
    out = tmp_path / "结果.csv"
    assert run("score", policy, data, "-o", out).exit_code == 1
    cells = []
    for name in ("结果.csv", "结果-明细.csv", "结果-错误.csv"):
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        cells += [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'" + FORMULA in cells and "'@SUM(1+1)" in cells and "'=1+1" in cells
    assert "'-2+3" in cells and "'+cmd|' /C calc'!A0" in cells and "'=A1" in cells
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == []


def test_csv_negative_numbers_stay_numbers(tmp_path):
    policy = tmp_path / "p.rule"
    policy.write_text(
        POLICY + "\n(三)工作创新，加分项，最高加3分\n  - 【获省级表彰】每次加2分\n",
        encoding="utf-8",
    )
    data = tmp_path / "d.csv"
    data.write_text(HEADER + ",获省级表彰\n一中,0,是,1\n", encoding="utf-8")
    out = tmp_path / "r.csv"
    assert run("score", policy, data, "-o", out).exit_code == 0
    details = (tmp_path / "r-明细.csv").read_text(encoding="utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(details)) for c in row]
    assert "-2" in cells and "'-2" not in cells  # a bonus, written as a negative deduction
    assert csv_cell("-2.5") == "-2.5" and csv_cell("+3") == "+3" and csv_cell("-1e3") == "-1e3"
    assert csv_cell("-1-1") == "'-1-1" and csv_cell("=1") == "'=1" and csv_cell(-2) == -2


@given(st.text(max_size=20))
def test_csv_cell_never_leaves_a_formula_start(text):
    cell = csv_cell(text)
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert not is_formula_like(cell)
        assert cell == text  # only plain numbers are left alone


def test_template_and_diff_xlsx_write_policy_names_as_text(tmp_path):
    policy = tmp_path / "p.rule"
    hostile = POLICY.replace("细则：测试细则", "细则：=1+2").replace("默认0", "默认0  # @SUM(A1)")
    policy.write_text(hostile, encoding="utf-8")
    out = tmp_path / "模板.xlsx"
    result = run("template", policy, "-o", out)
    assert result.exit_code == 0, result.output
    assert formula_cells(out) == []
    guide = [c.value for row in openpyxl.load_workbook(out)["填写说明"].iter_rows() for c in row]
    assert "=1+2" in guide and "@SUM(A1)" in guide
    new = tmp_path / "new.rule"
    new.write_text(hostile.replace("细则：=1+2", "细则：=HYPERLINK(1)"), encoding="utf-8")
    diff = tmp_path / "修订.xlsx"
    result = run("diff", policy, new, "-o", diff)
    assert result.exit_code == 0, result.output
    assert formula_cells(diff) == []
    texts = [c.value for row in openpyxl.load_workbook(diff).active.iter_rows() for c in row]
    assert any(isinstance(v, str) and "=HYPERLINK(1)" in v for v in texts)


# --------------------------------------------------------------- inputs never overwritten


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_output_naming_the_data_is_refused(files, tmp_path, suffix):
    policy, data = files
    target = data if suffix == ".csv" else data.with_suffix(suffix)
    if suffix != ".csv":
        target.write_bytes(data.read_bytes()) if suffix == ".json" else None
    if suffix == ".xlsx":
        wb = openpyxl.Workbook()
        wb.active.append(HEADER.split(","))
        wb.active.append(["一中", 1, "是"])
        wb.save(target)
    if suffix == ".json":
        target.write_text(json.dumps([{"单位": "一中", "统计表按时上报": "是"}]), "utf-8")
    before = target.read_bytes()
    result = run("score", policy, target, "-o", target)
    assert result.exit_code == 2
    assert "覆盖" in result.output and target.name in result.output
    assert target.read_bytes() == before


def test_output_through_a_link_or_companion_is_refused(files, tmp_path):
    policy, data = files
    before = data.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(data)
    assert run("score", policy, data, "-o", link).exit_code == 2
    assert run("score", policy, data, "-o", tmp_path / "sub" / ".." / "d.csv").exit_code in (1, 2)
    companion = tmp_path / "out-明细.csv"
    companion.write_bytes(before)
    result = run("score", policy, companion, "-o", tmp_path / "out.csv")
    assert result.exit_code == 2 and "out-明细.csv" in result.output
    assert companion.read_bytes() == before and data.read_bytes() == before
    assert not (tmp_path / "out.csv").exists()


def test_other_commands_never_overwrite_the_policy(files, tmp_path):
    policy, data = files
    before = policy.read_bytes()
    assert run("compile", policy, "-o", policy).exit_code == 2
    assert run("render", policy, "-o", policy, "--format", "md").exit_code == 2
    assert run("diff", policy, policy, "-o", policy.with_name("p.rule")).exit_code == 2
    assert run("test", policy, "--junit", policy).exit_code == 2
    assert run("template", policy, "-o", data).exit_code == 2
    assert policy.read_bytes() == before
    book = tmp_path / "填好的.xlsx"
    assert run("template", policy, "-o", book).exit_code == 0
    filled = book.read_bytes()
    assert run("diff", policy, policy, "--data", book, "-o", book).exit_code == 2
    assert book.read_bytes() == filled


def test_same_data_file_twice_is_refused(files):
    policy, data = files
    result = run("score", policy, data, Path(str(data.parent) + "/./" + data.name))
    assert result.exit_code == 2 and "两次" in result.output


def test_output_folder_is_refused(files, tmp_path):
    policy, data = files
    folder = tmp_path / "x.csv"
    folder.mkdir()
    assert run("score", policy, data, "-o", folder).exit_code == 2


# -------------------------------------------------------------------------- terminal


def test_markup_and_escape_sequences_never_reach_the_terminal(tmp_path):
    policy = tmp_path / "p.rule"
    policy.write_text(POLICY, encoding="utf-8")
    data = tmp_path / "d.csv"
    lines = [
        HEADER,
        csv_line("[/bold]甲", "0", "是"),
        csv_line("[link=http://evil]乙[/link]", "1", "是"),
        csv_line("\x1b]8;;http://evil\x1b\\丙\x1b[2J", "2", "是"),
        csv_line("\u202e丁", "x\x1b[31m", "是"),
    ]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("score", policy, data)
    assert result.exit_code == 1, result.output  # one bad cell; never 3
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "[/bold]甲" in result.output and "[link=http://evil]乙[/link]" in result.output
    assert "\\x1b]8;;http://evil" in result.output and "\\u202e" in result.output
    explained = run("explain", policy, data, "--unit", "[/bold]甲")
    assert explained.exit_code == 0 and "[/bold]甲" in explained.output


def test_visible_escapes_controls_and_keeps_text():
    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible("\x1b[31m") == "\\x1b[31m" and visible("\x9b") == "\\x9b"
    assert visible("\ud800") == "\\ud800" and visible("一中") == "一中"
    assert xlsx_text("a\x00b\x1f") == "a\\x00b\\x1f"


# ----------------------------------------------------------------- one bad character


def test_control_characters_and_surrogates_in_cells_still_give_a_report(tmp_path):
    policy = tmp_path / "p.rule"
    policy.write_text(POLICY, encoding="utf-8")
    data = tmp_path / "d.json"
    data.write_text(
        '[{"单位": "\\u0007一中\\u0000", "统计表按时上报": "是"},'
        ' {"单位": "\\ud800二中", "统计表按时上报": "是"},'
        ' {"单位": "三中", "统计表按时上报": "\\udfff"}]',
        encoding="utf-8",
    )
    for suffix in (".xlsx", ".csv", ".json"):
        out = tmp_path / f"结果{suffix}"
        result = run("score", policy, data, "-o", out)
        assert result.exit_code == 1, result.output
        assert out.exists()
    names = [c.value for c in next(openpyxl.load_workbook(tmp_path / "结果.xlsx")["汇总"].columns)]
    assert "\\x07一中\\x00" in names and "\\ud800二中" in names


def test_a_file_name_that_is_not_utf8_is_shown_and_written(tmp_path):
    policy = tmp_path / "p.rule"
    policy.write_text(POLICY, encoding="utf-8")
    raw = os.fsencode(tmp_path) + b"/" + "数据".encode("gbk") + b".csv"
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n一中,0,是\n二中,x,是\n")
    name = os.fsdecode(raw)
    assert display_path(name).endswith("数据.csv")
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"结果{suffix}"
        result = run("score", policy, name, "-o", out)
        assert result.exit_code == 1, result.output
        assert out.exists()
    about = {r[0].value: r[1].value for r in openpyxl.load_workbook(tmp_path / "结果.xlsx")["说明"]}
    assert about["数据文件"] == "数据.csv"


# ------------------------------------------------------------------------ atomic writes


def test_files_get_the_mode_a_plain_open_gives(files, tmp_path):
    policy, data = files
    old = os.umask(0o027)
    try:
        for suffix in (".xlsx", ".csv", ".json"):
            out = tmp_path / f"r{suffix}"
            run("score", policy, data, "-o", out)
            assert stat.S_IMODE(out.stat().st_mode) == 0o640, suffix
        run("template", policy, "-o", tmp_path / "t.xlsx")
        assert stat.S_IMODE((tmp_path / "t.xlsx").stat().st_mode) == 0o640
        existing = tmp_path / "r.json"
        existing.chmod(0o604)
        run("score", policy, data, "-o", existing)
        assert stat.S_IMODE(existing.stat().st_mode) == 0o604
    finally:
        os.umask(old)


def test_a_planted_symlink_under_the_old_temporary_name_is_not_followed(files, tmp_path):
    policy, data = files
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    for name in ("r.csv", "r-明细.csv", "r-错误.csv", "r.xlsx", "r.json"):
        (tmp_path / f".{name}.part").symlink_to(victim)
    for suffix in (".csv", ".xlsx", ".json"):
        run("score", policy, data, "-o", tmp_path / f"r{suffix}")
    assert victim.read_text(encoding="utf-8") == "keep"


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic.atomic_file(target, "w", encoding="utf-8") as handle:
            handle.write("half")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_full_disk_is_a_file_error_naming_the_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OutputFileError) as caught:
        atomic.write_text(target, "x")
    assert "out.txt" in caught.value.render() and "No space" in caught.value.render()
    assert list(tmp_path.iterdir()) == []


def test_csv_report_files_are_never_mixed_across_runs(tmp_path, monkeypatch):
    """The main file goes last, after the old one is removed: if the run dies between
    the renames, there is no 汇总 next to companions from another run."""
    main, details, errors = (tmp_path / n for n in ("r.csv", "r-明细.csv", "r-错误.csv"))
    for path in (main, details, errors):
        path.write_text("run 1", encoding="utf-8")
    real = os.replace
    calls = []

    def dying(src, dst):
        calls.append(Path(dst).name)
        if len(calls) == 2:
            raise OSError(5, "killed")
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", dying)
    with pytest.raises(OutputFileError):
        with atomic.staged(main, details, errors) as stage:
            for path in (main, details, errors):
                with stage.open(path, "w", encoding="utf-8") as handle:
                    handle.write("run 2")
    assert calls == ["r-明细.csv", "r-错误.csv"]
    assert not main.exists()  # never "run 1" beside a "run 2" companion
    assert details.read_text(encoding="utf-8") == "run 2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r-明细.csv", "r-错误.csv"]
    monkeypatch.setattr(atomic.os, "replace", real)
    with atomic.staged(main, details, errors) as stage:
        for path in (main, details, errors):
            with stage.open(path, "w", encoding="utf-8") as handle:
                handle.write("run 3")
    assert {p.read_text(encoding="utf-8") for p in (main, details, errors)} == {"run 3"}


def test_fmt_rewrites_whole_or_not_at_all(tmp_path, monkeypatch):
    policy = tmp_path / "p.rule"
    messy = POLICY.replace("  - 【缺会次数】", "    -   【缺会次数】")
    policy.write_text(messy, encoding="utf-8")
    policy.chmod(0o640)

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    result = run("fmt", policy)
    assert result.exit_code == 1 and "p.rule" in result.output
    assert policy.read_text(encoding="utf-8") == messy
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.rule"]
    monkeypatch.undo()
    assert run("fmt", policy).exit_code == 0
    assert policy.read_text(encoding="utf-8") != messy
    assert stat.S_IMODE(policy.stat().st_mode) == 0o640


def test_a_full_disk_during_score_is_exit_1_naming_the_file(files, tmp_path, monkeypatch):
    policy, data = files

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    for suffix in (".xlsx", ".csv", ".json"):
        out = tmp_path / f"r{suffix}"
        result = run("score", policy, data, "-o", out)
        assert result.exit_code == 1 and f"r{suffix}" in result.output, result.output
        assert "内部错误" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv", "p.rule"]


def test_no_openpyxl_temporary_files_are_left(files, tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    policy, data = files

    def full(fd):
        raise OSError(28, "No space left on device")

    run("score", policy, data, "-o", tmp_path / "ok.xlsx")
    monkeypatch.setattr(atomic.os, "fsync", full)
    run("score", policy, data, "-o", tmp_path / "r.xlsx")
    assert list(scratch.iterdir()) == []


# ------------------------------------------------------------------ properties


@given(st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_any_text_is_written_as_text_and_reads_back(tmp_path_factory, texts):
    from xize.runtime.output.workbook import SheetSpec, write_workbook

    path = tmp_path_factory.mktemp("wb") / "t.xlsx"
    write_workbook(path, [SheetSpec("表", ("列",), [(t,) for t in texts])])
    cells = [row[0] for row in openpyxl.load_workbook(path)["表"].iter_rows(min_row=2)]
    assert len(cells) == len(texts)
    for cell, text in zip(cells, texts, strict=True):
        assert cell.data_type != "f"
        if text:
            assert cell.value == xlsx_text(text)
            assert cell.data_type == "s"
            assert bool(cell.quotePrefix) == is_formula_like(xlsx_text(text))


def test_concurrent_runs_never_leave_a_mixed_csv_report(tmp_path):
    """Several writers replace the same three files over and over while a reader that
    takes the folder's shared lock reads them: it always sees one run's set."""
    import fcntl
    import threading

    main, details, errors = (tmp_path / n for n in ("r.csv", "r-明细.csv", "r-错误.csv"))
    seen: list[set[str]] = []
    stop = threading.Event()

    def writer(k: int) -> None:
        for i in range(15):
            with atomic.staged(main, details, errors) as stage:
                for path in (main, details, errors):
                    with stage.open(path, "w", encoding="utf-8") as handle:
                        handle.write(f"{k}-{i}")

    def reader() -> None:
        while not stop.is_set():
            fd = os.open(tmp_path, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_SH)
                if main.exists():
                    seen.append({p.read_text(encoding="utf-8") for p in (main, details, errors)})
            finally:
                os.close(fd)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(3)]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    watcher.join()
    assert seen and all(len(contents) == 1 for contents in seen)
    assert len({p.read_text(encoding="utf-8") for p in (main, details, errors)}) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r-明细.csv", "r-错误.csv", "r.csv"]


def test_file_errors_survive_a_worker_process():
    import pickle

    from xize.runtime.text.problems import DataFileError

    error = DataFileError("csv_unclosed_quote", path="d.csv", row=9)
    again = pickle.loads(pickle.dumps(error))
    assert again.render() == error.render() and "第9行" in again.render("zh")
    full = pickle.loads(pickle.dumps(OutputFileError("r.csv", "No space left on device")))
    assert "r.csv" in full.render("en")


def test_full_width_formula_starts_and_overlong_texts():
    assert csv_cell("＝1+1") == "'＝1+1" and csv_cell("＠SUM(A1)") == "'＠SUM(A1)"
    long = "甲" * 40_000
    cut = xlsx_text(long)
    assert len(cut) == 32_767 and cut.endswith("（共 40000 字，已截断）")
    assert xlsx_text("甲" * 32_767) == "甲" * 32_767


def test_import_never_overwrites_its_document_and_writes_whole(tmp_path):
    document = tmp_path / "细则.txt"
    document.write_text("一、领导重视（5分）\n未按时上报的，每次扣1分。\n", encoding="utf-8")
    before = document.read_bytes()
    link = tmp_path / "草稿.rule"
    link.symlink_to(document)
    result = run("import", document, "-o", link, "--force")
    assert result.exit_code == 2 and document.read_bytes() == before
    old = os.umask(0o027)
    try:
        run("import", document, "-o", tmp_path / "new.rule")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.rule").stat().st_mode) == 0o640
