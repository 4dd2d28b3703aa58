"""Scoring a dataset: streaming versus score_batch, ranks, reports and their files.

The policy here is built directly as IR and scored by the reference interpreter, so
these tests pin the runtime's own behaviour whatever the parser accepts.
"""

from __future__ import annotations

from decimal import Decimal as D
from types import MappingProxyType

import openpyxl
import pytest
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.ir import nodes as ir
from xize.compiler.support import prelude
from xize.runtime.batch.batch import Scoring, score_dataset
from xize.runtime.io.dataset import Dataset
from xize.runtime.io.spool import Spool
from xize.runtime.output.workbook import exact_cell_value
from xize.runtime.output.writers import write_report
from xize.runtime.report.tables import Layout, about_rows

FACTS = (
    ir.Fact("缺会次数", "f0", "count", "次", 0, None, None, "查阅会议记录", 5),
    ir.Fact("统计表按时上报", "f1", "bool", "是否", None, None, None, "", 6),
    ir.Fact("化解率", "f2", "percent", "百分比", None, None, None, "", 7),
)
CLAUSES = (
    ir.Step(
        "c0", "(一)", 10, "【缺会次数】每缺1次扣1分", ("缺会次数",), None,
        amount=ir.Const(D(1)), quantity=ir.FactValue("缺会次数"),
    ),
    ir.Fixed(
        "c1", "(二)", 12, "【统计表按时上报】得2分，否则不得分", ("统计表按时上报",), None,
        condition=ir.IsTrue("统计表按时上报"), then=(ir.Points("earn", ir.Const(D(2))),),
    ),
    ir.Step(
        "c2", "(三)", 14, "【化解率】每低于平均值1个百分点扣0.5分", ("化解率",), None,
        amount=ir.Const(D("0.5")),
        quantity=ir.Arith("-", ir.AverageOf("化解率"), ir.FactValue("化解率")),
        guard=ir.Cmp("<", ir.FactValue("化解率"), ir.AverageOf("化解率")),
    ),
)  # fmt: skip


def node(path, title, line, points, clause, earns=False):
    return ir.Node(
        path, path, title, line, D(points), D(points), True, None, earns, False, (clause,), ()
    )


NODES = (
    node("(一)", "领导重视", 9, 5, CLAUSES[0]),
    node("(二)", "统计表", 11, 2, CLAUSES[1], earns=True),
    node("(三)", "化解", 13, 3, CLAUSES[2]),
)
BANDS = (
    ir.GradeBand("优秀", D(9), True, None, False, False, 20),
    ir.GradeBand("合格", None, False, None, False, True, 21),
)


def make_policy(averages=("化解率",), nodes=NODES):
    return ir.Policy(
        "测试细则", 2023, D(10), None, "abc", "t.rule", FACTS, nodes, BANDS, averages, ()
    )


class Policy:
    """The part of xize.compiler.Policy the runtime uses, over the interpreter."""

    def __init__(self, policy: ir.Policy, full_precision_averages: bool = True):
        self.ir = policy
        self.interpreter = Interpreter(policy)
        self.full = full_precision_averages
        self.diagnostics = ()

    def score(self, facts, averages=None):
        if averages and self.full:
            # What score() does with the batch means, without the caller-input digit limit.
            with prelude._localcontext(prelude._CONTEXT):
                unit, values = self.interpreter.convert(facts)
                means = tuple(averages[name] for name in self.ir.averages)
                return self.interpreter._compute(unit, values, means)[0]
        return self.interpreter.score(facts, averages)

    def score_batch(self, rows):
        return self.interpreter.score_batch(rows)

    def convert(self, facts):
        return self.interpreter.convert_facts(facts)

    # the passes over a batch
    def unit_values(self, facts):
        return self.interpreter.unit_values(facts)

    def measure(self, unit, values, given=None, level=None):
        return self.interpreter.measure(unit, values, given, level)

    def batch_values(self, batch=None, averages=None):
        if averages and self.full:  # as `score` above: the means as they are
            return tuple(averages[name] for name in self.ir.averages)
        return self.interpreter.batch_values(batch, averages)

    def score_given(self, facts, given):
        return self.interpreter.score_given(facts, given)


ROWS = [
    "单位,缺会次数,统计表按时上报,化解率",
    "一中,2,是,80",
    "二中,0,否,90%",
    "三中,-1,是,70",
    "",
    "四中,,是的,150%",
    "五中,7,否,60",
    "六中,1,是,85",
]


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    return path


def scored(policy, data, **kw) -> Scoring:
    return score_dataset(policy, Dataset([data], policy.ir.facts), Layout(policy.ir), **kw)


@pytest.mark.parametrize("full", [True, False])
def test_streaming_matches_score_batch(data, full):
    policy = Policy(make_policy(), full_precision_averages=full)
    scoring = scored(policy, data)
    rows = [
        dict(zip(ROWS[0].split(","), line.split(","), strict=True)) for line in ROWS[1:] if line
    ]
    rows = [{k: v for k, v in r.items() if v} for r in rows]
    expected = [r for r in policy.score_batch(rows) if r.status != "数据错误"]
    got = list(scoring.summary_rows())
    assert [(r[0], r[1], r[2], r[3]) for r in got] == [
        (r.unit, r.total, r.grade, r.rank) for r in expected
    ]
    tally = scoring.tally
    assert (tally.rows_in, tally.scored, tally.failed, tally.blank) == (6, 4, 2, 1)
    assert tally.rows_in == tally.scored + tally.failed


def test_policy_without_averages_streams_row_by_row(data, monkeypatch):
    policy = Policy(make_policy(averages=(), nodes=NODES[:2]))
    monkeypatch.setattr(policy, "score_batch", None)  # never needed
    scoring = scored(policy, data)
    assert scoring.tally.scored == 4


def test_spool_spills_to_disk_and_reads_back_in_order():
    spool = Spool(("a", "b"), limit=3)
    for i in range(10):
        spool.append((i, D(i) / 4))
    assert spool._file is not None
    assert [r[0] for r in spool] == list(range(10))
    assert [r[0] for r in spool] == list(range(10))  # readable twice
    spool.close()


def result(unit, total, status="正常", vetoed=False):
    return prelude.Result(
        unit, D(total), D(total), None, None, status, vetoed, (), MappingProxyType({}), (), None
    )


def test_ranks_competition_veto_and_unranked():
    scoring = Scoring(Layout(make_policy()))
    for r in [
        result("甲", 90),
        result("乙", 95),
        result("丙", 90),
        result("丁", 99, vetoed=True),
        result("戊", 80),
        result("己", 100, status="取消考评资格"),
        result("庚", 70, vetoed=True),
    ]:
        scoring.add_result(None, r)
    scoring.finish_ranks()
    assert {row[0]: row[3] for row in scoring.summary_rows()} == {
        "甲": 2, "乙": 1, "丙": 2, "戊": 4, "丁": 5, "庚": 6, "己": None,
    }  # fmt: skip
    assert scoring.order[:2] == [1, 0]


def test_exact_cell_values():
    assert exact_cell_value(D("87.53")) == D("87.53")
    assert exact_cell_value(D("899560452888.497")) == "899560452888.497"  # would not survive %.16g
    assert exact_cell_value(D(1) / D(3)) == format(D(1) / D(3), "f")
    assert exact_cell_value("x") == "x"


def test_xlsx_report_reads_back_exactly_and_reproducibly(tmp_path, data):
    policy = Policy(make_policy())
    scoring = scored(policy, data)
    about = about_rows(policy.ir, [("读入行数", scoring.tally.rows_in)], ["d.csv"])
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_report(first, scoring, about)
    write_report(second, scoring, about)
    assert first.read_bytes() == second.read_bytes()
    wb = openpyxl.load_workbook(first)
    assert wb.sheetnames == ["汇总", "扣分明细", "错误", "说明"]
    totals = {r[0]: r[1] for r in wb["汇总"].iter_rows(min_row=2, values_only=True)}
    for row in scoring.summary_rows():
        written = totals[row[0]]
        assert D(repr(written)) == row[1] if not isinstance(written, str) else D(written) == row[1]
    details = list(wb["扣分明细"].iter_rows(min_row=2, values_only=True))
    per_unit: dict = {}
    for row in details:
        per_unit[row[0]] = per_unit.get(row[0], D(0)) + D(str(row[6]))
    for row in scoring.summary_rows():
        assert per_unit.get(row[0], D(0)) == D(10) - row[1]  # Σ 实扣 = 满分 − 总分
    assert wb["错误"]["A2"].value == 4


def test_sheet_overflow_continues_in_a_second_sheet(tmp_path, data, monkeypatch):
    from xize.runtime.output import workbook

    monkeypatch.setattr(workbook, "EXCEL_ROWS", 3)  # header + 2 rows a sheet
    policy = Policy(make_policy())
    scoring = scored(policy, data)
    out = tmp_path / "o.xlsx"
    write_report(out, scoring, about_rows(policy.ir, [], []))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["汇总", "汇总(2)"]
    names = [
        r[0]
        for ws in (wb["汇总"], wb["汇总(2)"])
        for r in ws.iter_rows(min_row=2, values_only=True)
    ]
    assert names == [r[0] for r in scoring.summary_rows()]
