"""`xize score --jobs N`: every output file and the terminal output are byte for byte
the same for any number of processes."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from xize.runtime.batch import batch
from xize.runtime.cli.main import cli
from xize.runtime.io import spool

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "policies" / "examples").glob("*.csv"))

#: A policy whose deduction compares each unit with the batch mean (平均值): the
#: means must come from every good row, whichever process read it.
AVERAGE_POLICY = """\
细则：平均值与排名
年度：2023
满分：10分

数据：
  缺会次数：次，默认0
  统计表按时上报：是否
  化解率：百分比

等次：
  优秀：9分以上
  合格：6分以上
  不合格：其余

(一)领导重视程度(5分)
  - 【缺会次数】每缺1次扣1分

(二)统计表上报(2分)
  - 【统计表按时上报】得2分，否则不得分

(三)化解(3分)
  - 【化解率】每低于全市平均值1个百分点扣0.1分
"""


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def score_in(folder: Path, monkeypatch, policy: Path, data: list[Path], out: str, jobs: int):
    """Run `xize score` inside `folder` (relative output paths, so that the terminal
    output names the same files whatever the folder)."""
    folder.mkdir()
    monkeypatch.chdir(folder)
    result = run("score", policy, *data, "-o", out, "--jobs", jobs)
    assert "Traceback" not in result.output
    return result.exit_code, result.output, outputs(folder)


def assert_same_for_jobs(tmp_path, monkeypatch, policy, data, suffixes, jobs=(2, 3)):
    for suffix in suffixes:
        first = score_in(tmp_path / f"1{suffix}", monkeypatch, policy, data, f"结果{suffix}", 1)
        assert first[2], "nothing written"
        for n in jobs:
            other = score_in(
                tmp_path / f"{n}{suffix}", monkeypatch, policy, data, f"结果{suffix}", n
            )
            assert other[0] == first[0]
            assert other[1] == first[1]
            assert other[2].keys() == first[2].keys()
            for name, content in first[2].items():
                assert other[2][name] == content, f"{name} differs with --jobs {n}"


@pytest.mark.parametrize("data", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_bundled_examples_identical_for_any_jobs(tmp_path, monkeypatch, data):
    policy = ROOT / "policies" / f"{data.stem}.rule"
    assert_same_for_jobs(tmp_path, monkeypatch, policy, [data], (".csv", ".json", ".xlsx"))


def messy_rows(n: int, seed: int) -> list[str]:
    """Rows with bad values, repeated names, blank runs, short rows and quoted cells."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        name = f"单位{i % 23}" if i % 7 else f"学校{i}"  # names come back
        count = rng.choice(["0", "1", "3", "０", " 2 ", "", "-1", "1.5", "x"])
        flag = rng.choice(["是", "否", "√", "TRUE", "", "是的"])
        rate = rng.choice(["85", "90%", "72.5", "100", "", "150", "８８％", "abc"])
        if i % 11 == 0:
            name = f'"{name}\n分校"'  # a quoted newline inside a cell
        if i % 13 == 0:
            rows.append("")
        if i % 17 == 0:
            rows.append(",,,")
        if i % 19 == 0:
            rows.append(f"短行{i},1")  # a row shorter than the header
        rows.append(f"{name},{count},{flag},{rate}")
    return rows


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\n".join(lines) + "\n\n\n").encode(encoding))  # trailing blanks
    return path


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of 4 rows and a width sample of 5 rows, so that a small file crosses
    many block boundaries and most blocks come back from workers pickled."""
    monkeypatch.setattr(batch, "BLOCK_ROWS", 4)
    monkeypatch.setattr(batch, "WIDTH_SAMPLE", 5)
    monkeypatch.setattr(spool, "WIDTH_SAMPLE", 5)


def test_averages_bad_rows_and_duplicates_identical_for_any_jobs(
    tmp_path, monkeypatch, small_blocks
):
    policy = tmp_path / "avg.rule"
    policy.write_text(AVERAGE_POLICY, encoding="utf-8")
    header = "单位,缺会次数,统计表按时上报,化解率"
    first = write(tmp_path / "一.csv", [header, *messy_rows(90, 1)])
    second = write(tmp_path / "二.csv", ["考评数据", header, *messy_rows(40, 2)], "gb18030")
    book = tmp_path / "三.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header.split(","))
    for i in range(30):
        ws.append([f"单位{i % 5}", i % 3, "是" if i % 4 else "否", 0.8 + i / 200 if i % 9 else "x"])
    ws.cell(row=5, column=4).number_format = "0%"
    wb.save(book)
    again = write(tmp_path / "四.csv", [header, *messy_rows(90, 1)])  # a copy of the first
    data = [first, second, book, again]
    assert_same_for_jobs(tmp_path, monkeypatch, policy, data, (".csv", ".json", ".xlsx"))
    # the run compared really has what the promise is about
    _, output, files = score_in(tmp_path / "check", monkeypatch, policy, data, "r.csv", 2)
    assert "“单位1” 出现多次" in output and "跳过" in output
    errors = files["r-错误.csv"].decode("utf-8-sig")
    assert "abc" in errors and "是的" in errors and "三.xlsx" in errors
    summary = list(csv.reader(io.StringIO(files["r.csv"].decode("utf-8-sig"))))
    assert len({row[3] for row in summary[1:]}) > 5  # several distinct 排名
    assert any("\n" in row[0] for row in summary)  # a quoted newline kept in a name


def test_no_good_rows_for_the_mean_identical_for_any_jobs(tmp_path, monkeypatch, small_blocks):
    policy = tmp_path / "avg.rule"
    policy.write_text(AVERAGE_POLICY, encoding="utf-8")
    lines = ["单位,缺会次数,统计表按时上报,化解率"] + [f"单位{i},0,是,abc" for i in range(9)]
    data = write(tmp_path / "d.csv", lines)
    assert_same_for_jobs(tmp_path, monkeypatch, policy, [data], (".csv",), jobs=(2,))


def test_jobs_is_in_the_help_and_must_be_positive(tmp_path):
    result = run("score", "--help")
    assert result.exit_code == 0 and "--jobs" in result.output
    result = run("score", "p.rule", "d.csv", "--jobs", "0")
    assert result.exit_code == 2
