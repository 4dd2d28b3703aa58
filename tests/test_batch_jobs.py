"""Ranked policies scored in worker processes: the statistics passes run in the blocks,
are merged exactly in the main process and travel back with each block, so the report
is the same, byte for byte, for any number of processes and any block size, and equal
to `score_batch` holding the whole batch in memory."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest
from test_cli_jobs import assert_same_for_jobs, score_in
from xize.compiler import compile_policy
from xize.runtime.batch import batch
from xize.runtime.batch.batch import score_dataset
from xize.runtime.batch.parallel import Workers
from xize.runtime.io import spool
from xize.runtime.io.dataset import Dataset
from xize.runtime.report.tables import Layout
from xize.runtime.text.problems import DataFileError

#: Ranks on facts (both directions, bands), on nodes at two levels (a node ranked by
#: a node that is itself ranked), from the end, a best-in-batch share, an offset from
#: the mean and a disqualification.
POLICY = """\
细则：排名与多进程
年度：2024
满分：100分
精度：0.01

数据：
  缺会次数：次，默认0
  受理率：百分比
  化解率：百分比
  积案数：件，默认0
  弄虚作假：是否，默认否

(一)基础工作(30分)
  - 【缺会次数】每缺1次扣2分
  - 【受理率】低于全市平均值5个百分点的，每低于平均值1个百分点扣1分
(二)化解(20分)
  - 【化解率】最高者得满分，其余按与最高者的比例得分
(三)积案(20分)
  - 按【积案数】从低到高排名，排名第1至3名的，依次得20分、15分、10分
(四)综合(20分)
  - 按【(一)得分】排名，前三名得2分
  - 按【(二)得分】排名，第1名得10分，第2至5名按第1名的比例得分
(五)总评(10分)
  - 按【(四)得分】从高到低排名，第1名得10分，其余按与第1名的比例得分
  - 按【(一)得分】排名，后两名扣3分
  - 【弄虚作假】取消考评资格

等次：
  优秀：90分以上
  良好：75分以上
  合格：60分以上
  不合格：其余
"""

HEADER = ["单位", "缺会次数", "受理率", "化解率", "积案数", "弄虚作假"]


def rows(n: int, seed: int) -> list[list[str]]:
    """Few distinct values (many ties), bad cells, disqualified units, repeated names."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        row = [
            f"单位{i % 37}" if i % 5 else f"学校{i}",
            rnd.choice(["0", "0", "1", "3", "x", "-1"]),
            rnd.choice(["80", "85", "90", "95", "72.5", "88%"]),
            rnd.choice(["60", "75", "90", "100", "约九成", "99.5"]),
            rnd.choice(["0", "1", "2", "5"]),
            "是" if rnd.random() < 0.08 else "否",
        ]
        out.append(row)
    return out


def write_csv(path: Path, body: list[list[str]], encoding: str = "utf-8") -> Path:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(body[: len(body) // 2])
    text.write("\n,,,\n")  # blank rows inside the file
    writer.writerows(body[len(body) // 2 :])
    path.write_bytes(text.getvalue().encode(encoding))
    return path


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of 7 rows: a small file crosses many block boundaries in every pass."""
    monkeypatch.setattr(batch, "BLOCK_ROWS", 7)
    monkeypatch.setattr(batch, "WIDTH_SAMPLE", 5)
    monkeypatch.setattr(spool, "WIDTH_SAMPLE", 5)


def test_the_policy_reads_statistics_at_three_levels():
    policy = compile_policy(POLICY)
    assert {s.level for s in policy.ir.stats} == {0, 1, 2}
    assert {s.kind for s in policy.ir.stats} >= {"rank", "rank_from_end", "best", "value"}
    assert any(not s.high for s in policy.ir.stats)


def test_reports_identical_for_any_jobs_and_block_size(tmp_path, monkeypatch, small_blocks):
    rule = tmp_path / "p.rule"
    rule.write_text(POLICY, encoding="utf-8")
    first = write_csv(tmp_path / "一.csv", rows(120, 1))
    second = write_csv(tmp_path / "二.csv", rows(50, 2), "gb18030")
    assert_same_for_jobs(
        tmp_path, monkeypatch, rule, [first, second], (".csv", ".json", ".xlsx"), jobs=(2, 3)
    )
    # the same report with blocks that are not cut the same way
    monkeypatch.setattr(batch, "BLOCK_ROWS", 2000)
    _, output, files = score_in(tmp_path / "big", monkeypatch, rule, [first, second], "r.csv", 2)
    _, _, small = score_in(tmp_path / "small", monkeypatch, rule, [first, second], "r.csv", 1)
    assert files == small
    summary = list(csv.reader(io.StringIO(files["r.csv"].decode("utf-8-sig"))))
    assert len({row[3] for row in summary[1:]}) > 10  # many distinct 排名, ties among them
    assert "取消考评资格" in files["r.csv"].decode("utf-8-sig")
    assert "约九成" in files["r-错误.csv"].decode("utf-8-sig")


def _scored(policy, dataset, workers=None):
    scoring = score_dataset(policy, dataset, Layout(policy.ir), workers=workers)
    try:
        return [row[:4] for row in scoring.summary_rows()], list(scoring.details), scoring.tally
    finally:
        scoring.close()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_agree_with_score_batch(tmp_path, small_blocks, method):
    policy = compile_policy(POLICY)
    body = rows(90, 3)
    path = write_csv(tmp_path / "d.csv", body)
    dataset = Dataset([path], policy.ir.facts)
    here = _scored(policy, dataset)
    with Workers(policy, dataset, Layout(policy.ir), 2, method=method) as workers:
        there = _scored(policy, dataset, workers)
    assert there == here
    facts = [dict(zip(HEADER, row, strict=True)) for row in body]
    expected = [r for r in policy.score_batch(facts) if r.status != "数据错误"]
    assert here[0] == [(r.unit, r.total, r.grade or "", r.rank) for r in expected]
    statuses = {r.status for r in expected}
    assert "取消考评资格" in statuses and "正常" in statuses


def test_a_file_that_changes_between_passes_is_an_error(tmp_path, small_blocks, monkeypatch):
    policy = compile_policy(POLICY)
    path = write_csv(tmp_path / "d.csv", rows(40, 4))
    dataset = Dataset([path], policy.ir.facts)
    blocks = batch._row_blocks
    calls = []

    def shrinking(data):
        calls.append(1)
        for number, (table, block) in enumerate(blocks(data)):
            if len(calls) > 1 and number == 2:
                block = block + block  # rows added since the first pass
            yield table, block

    monkeypatch.setattr(batch, "_row_blocks", shrinking)
    with pytest.raises(DataFileError) as caught:
        score_dataset(policy, dataset, Layout(policy.ir))
    assert "d.csv" in caught.value.render("zh") and "修改" in caught.value.render("zh")
    assert "changed" in caught.value.render("en")
