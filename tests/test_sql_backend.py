"""The SQL backend (compiler/backends/sql) run in DuckDB against the Python engine.

Every seed policy and randomly generated policies score batches of units — good
rows, bad cells, ties, batch means — and the query's summary and items equal what
`score_batch` gives, value for value, error message for error message.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal, localcontext

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pytest
import sqlglot
from helpers import compiled, seed_policies
from hypothesis import given, note, settings
from hypothesis import strategies as st
from sqlcases import ODD_CELLS, batches
from sqlrun import differences, duckdb_results, expected_items, expected_summary
from xize.compiler import compile_policy, load_policy
from xize.compiler.backends.sql import DIALECTS, SqlUnsupported, compile_sql
from xize.compiler.ir import nodes as ir

N = settings().max_examples


def _seed_rows(path, policy, odd_every: int = 0) -> list[dict]:
    data = path.parent / "examples" / (path.stem + ".csv")
    names = {f.name for f in policy.ir.facts} | {"单位"}
    with open(data, encoding="utf-8-sig") as handle:
        rows = [{k: v for k, v in r.items() if k in names} for r in csv.DictReader(handle)]
    if odd_every:
        counter = 0
        for row in rows:
            for key in sorted(row):
                if key != "单位":
                    counter += 1
                    if counter % odd_every == 0:
                        row[key] = ODD_CELLS[counter % len(ODD_CELLS)]
    return rows


def _assert_same(policy, rows) -> None:
    results = policy.score_batch(rows)
    got = duckdb_results(policy.ir, rows)
    assert differences(expected_summary(policy.ir, results), got) == []
    items = duckdb_results(policy.ir, rows, items=True)
    assert differences(expected_items(results), items) == []


@pytest.mark.parametrize("path", seed_policies(), ids=lambda p: p.stem)
@pytest.mark.parametrize("odd_every", [0, 7])
def test_seed_policies_score_the_same_in_duckdb(path, odd_every):
    policy = load_policy(path)
    rows = _seed_rows(path, policy, odd_every)
    if odd_every:
        assert any(r.error for r in policy.score_batch(rows))  # the bad cells do bite
    _assert_same(policy, rows)


@settings(max_examples=max(8, N // 4))
@given(batches())
def test_generated_policies_score_the_same_in_duckdb(case):
    desc, rows = case
    text = desc.render()
    note(text)
    note(repr(rows))
    policy = compiled(text)
    try:
        compile_sql(policy.ir, "duckdb")
    except SqlUnsupported as exc:  # refused, never approximated: the message names the line
        assert re.match(r"第\d+行的条款 “|扣分项过多", str(exc)), str(exc)
        return
    _assert_same(policy, rows)


_POLICY = """\
细则：测试细则
年度：2024
满分：100分
精度：0.01分

数据：
  投诉件数：件，默认0
  办结率：百分比
  得分项：分，范围0至5

一、办理（60分）
  - 【投诉件数】每件扣2分
  - 【办结率】低于平均值的，每低1个百分点扣0.5分
二、评议（40分）
  - 【得分项】扣0至5分
"""


def test_batch_means_and_ties_and_ranks():
    policy = load_policy_text(_POLICY)
    rows = [
        {"单位": "甲", "投诉件数": "1", "办结率": "90%", "得分项": "1"},
        {"单位": "乙", "投诉件数": "1", "办结率": "90", "得分项": "1"},
        {"单位": "丙", "投诉件数": "0", "办结率": "70.5", "得分项": "0.25"},
        {"单位": "丁", "投诉件数": "-1", "办结率": "80", "得分项": "1"},
        {"单位": "戊", "投诉件数": "2", "办结率": "150%", "得分项": "1"},
        {"单位": "己", "投诉件数": "0", "办结率": "100", "得分项": "9"},
    ]
    results = policy.score_batch(rows)
    assert [r.rank for r in results[:3]] == [1, 1, 3] or results[0].rank == results[1].rank
    assert sum(1 for r in results if r.error) == 3
    _assert_same(policy, rows)


def load_policy_text(text: str):
    return compiled(text)


def test_a_value_beyond_the_sql_digits_is_an_error_row_not_a_wrong_score():
    policy = load_policy_text(_POLICY)
    rows = [
        {"单位": "甲", "投诉件数": "1234567890", "办结率": "90", "得分项": "1"},
        {"单位": "乙", "投诉件数": "1", "办结率": "90.1234567", "得分项": "1"},
        {"单位": "丙", "投诉件数": "1", "办结率": "90", "得分项": "1"},
    ]
    got = duckdb_results(policy.ir, rows)
    assert [r["状态"] for r in got] == ["数据错误", "数据错误", "正常"]
    assert "超出SQL计分的范围" in got[0]["错误"] and "单位“甲”" in got[0]["错误"]
    assert "超出SQL计分的范围" in got[1]["错误"]
    assert got[2]["总分"] is not None


def test_a_division_by_zero_is_the_python_engines_error_row():
    text = _POLICY.replace(
        "  - 【得分项】扣0至5分\n",
        "  - 减(【投诉件数】/【得分项】)分\n",
    )
    policy = load_policy_text(text)
    rows = [
        {"单位": "甲", "投诉件数": "1", "办结率": "90", "得分项": "0"},
        {"单位": "乙", "投诉件数": "1", "办结率": "90", "得分项": "2"},
    ]
    _assert_same(policy, rows)


@dataclass(frozen=True)
class _NewKind(ir.ClauseBase):
    """A clause kind this backend has never seen."""


def test_an_unknown_clause_kind_is_refused_not_compiled():
    policy = load_policy(seed_policies()[0])
    node = policy.ir.nodes[0]
    strange = _NewKind("c999", node.path, 7, "新条款", (), None)
    changed = ir.Node(**{**node.__dict__, "clauses": (*node.clauses, strange)})
    broken = ir.Policy(**{**policy.ir.__dict__, "nodes": (changed, *policy.ir.nodes[1:])})
    with pytest.raises(SqlUnsupported, match="第7行的条款 “新条款”.*_NewKind"):
        compile_sql(broken, "duckdb")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_dialect_renders_a_query_that_parses_back(dialect):
    policy = load_policy(seed_policies()[0])
    for items in (False, True):
        text = compile_sql(policy.ir, dialect, table="考核.数据", items=items)
        parsed = sqlglot.parse_one(text, read=dialect)
        assert parsed.find(sqlglot.exp.Select) is not None
        assert "考核" in text and "数据" in text


def test_a_hostile_table_name_stays_an_identifier():
    policy = load_policy(seed_policies()[0])
    text = compile_sql(policy.ir, "duckdb", table='x"; DROP TABLE y; --')
    con = duckdb.connect()
    con.execute("CREATE TABLE y (a INT)")
    with pytest.raises(duckdb.CatalogException):
        con.execute(text)
    assert con.execute("SELECT count(*) FROM y").fetchone() == (0,)


def test_scores_are_exact_decimals_not_floats():
    policy = load_policy(seed_policies()[0])
    rows = _seed_rows(seed_policies()[0], policy)[:3]
    for row in duckdb_results(policy.ir, rows):
        assert isinstance(row["总分"], Decimal)


def test_xize_sql_prints_or_writes_the_query(tmp_path):
    from click.testing import CliRunner
    from xize.runtime.cli.main import cli

    path = str(seed_policies()[0])
    out = CliRunner().invoke(cli, ["sql", path, "--dialect", "spark", "--table", "db.考核数据"])
    assert out.exit_code == 0, out.output
    assert "`db`.`考核数据`" in out.output and "`总分`" in out.output
    target = tmp_path / "items.sql"
    out = CliRunner().invoke(cli, ["sql", path, "--items", "-o", str(target)])
    assert out.exit_code == 0, out.output
    text = target.read_text(encoding="utf-8")
    assert text.endswith(";\n") and '"实扣"' in text
    con = duckdb.connect()
    policy = load_policy(path)
    columns = ", ".join(f'NULL::VARCHAR AS "{f.name}"' for f in policy.ir.facts)
    con.execute(f"CREATE TABLE facts AS SELECT '甲' AS \"单位\", {columns}")
    con.execute(text.rstrip().rstrip(";"))  # the written query runs as it is
    bad = CliRunner().invoke(cli, ["sql", path, "--dialect", "oracle"])
    assert bad.exit_code == 2


def test_score_table_takes_arrow_and_pandas_and_gives_arrow():
    import pyarrow as pa

    policy = load_policy_text(_POLICY)
    rows = [
        {"单位": "甲", "投诉件数": "1", "办结率": "90%", "得分项": "1"},
        {"单位": "乙", "投诉件数": "x", "办结率": "90", "得分项": "1"},
    ]
    table = pa.table({k: [r[k] for r in rows] for k in rows[0]})
    got = policy.score_table(table)
    assert isinstance(got, pa.Table)
    results = policy.score_batch(rows)
    assert got.column("行").to_pylist() == [1, 2]
    assert got.column("总分").to_pylist() == [results[0].total, None]
    assert got.column("错误").to_pylist()[1] == results[1].error.message
    items = policy.score_table(table, items=True)
    assert items.column("实扣").to_pylist() == [i.applied for i in results[0].items]
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"单位": ["甲"], "投诉件数": [1], "办结率": [90.5]})
    one = policy.score_table(frame)  # 得分项 missing: its column is added, the row an error
    assert one.column("状态").to_pylist() == ["数据错误"]
    assert "缺少【得分项】" in one.column("错误").to_pylist()[0]


_TAKE_MAX = """\
细则：测试细则
年度：2024
满分：1分

数据：
  A：是否
  B：是否
  C：次

(一)甲(1分)，最多扣0.5分
  1、乙(0.5分)，就高不就低
    - 【A】得0.5分
    - 【B】得0.3分
  2、丙
    - 【C】每次扣0.2分
(二)奖励，加分项，最高加1分，就高不就低
  - 【A】加0.5分
  - 【B】加0.2分
"""


def test_take_max_scores_the_same_in_duckdb_or_is_refused():
    """An earning node with 就高不就低 loses one gap to full marks (no item per
    alternative), in SQL as in Python; a bonus node with it is refused, never guessed."""
    policy = compile_policy(_TAKE_MAX)
    with pytest.raises(SqlUnsupported, match="第16行.*就高不就低"):
        compile_sql(policy.ir, "duckdb")
    earning = compile_policy(_TAKE_MAX.split("(二)")[0])
    rows = [
        {"单位": "甲", "A": "否", "B": "否", "C": 1},
        {"单位": "乙", "A": "否", "B": "是", "C": 2},
        {"单位": "丙", "A": "是", "B": "是", "C": 0},
    ]
    _assert_same(earning, rows)


_CELL_TYPES = """\
细则：测试细则
年度：2024
满分：100分

数据：
  次数：次，默认0
  件数：件，范围0至5
  比率：百分比
  比率二：百分比，默认100
  数值：数值，范围-3至12.5
  分值：分
  达标：是否
  公示：是否，默认是
  日期：日期，默认2024年1月1日

一、甲（100分）
  - 【次数】每次扣1分
  - 【件数】每件扣0.5分
  - 【比率】低于90%的，每低1个百分点扣0.1分
  - 【比率二】低于90%的，扣1分
  - 【数值】超过10的，扣2分
  - 【分值】扣0至5分
  - 未【达标】扣1分
  - 未【公示】扣1分
"""

_EDGE_CELLS = {
    "次数": ["0", "3", "0007", "123456789", None, "", " 3", "3次", "-1", "1.0", "３"],
    "件数": ["0", "5", "6", "05", "1.5", None],
    "比率": ["85", "85%", "100%", "100", "101", "85.5", "85.500000", "85.5000000", "85 %", "-0"],
    "比率二": ["80", None, "  ", "80.25%", "１２％"],
    "数值": ["12.5", "12.6", "0.000001", "-3", "-3.5", "1.", ".5", "+2"],
    "分值": ["5", "5分", "5 分", "2.5分", "6", "0"],
    "达标": ["是", "否", "√", "×", "true", "TRUE", "是 ", "是的", None],
    "公示": ["是", None, "", "无", "有"],
    "日期": [None, "2024-01-02"],
}


def test_clean_cells_take_one_cast_and_score_as_every_other_cell():
    """The fast path (one cast per clean cell) and the full conversion meet at the
    edges of what counts as clean — digits, places, suffixes, ranges, blanks with and
    without a default — and give the Python engine's values and messages on both sides."""
    policy = load_policy_text(_CELL_TYPES)
    text = compile_sql(policy.ir, "duckdb")
    assert '"_clean"' in text and "_clean" not in compile_sql(policy.ir, "spark")
    base = {name: cells[0] for name, cells in _EDGE_CELLS.items()}
    rows = [dict(base, 单位="全净")]
    for name, cells in _EDGE_CELLS.items():
        for number, value in enumerate(cells):
            rows.append(dict(base, 单位=f"{name}{number}", **{name: value}))
    results = policy.score_batch(rows)
    assert any(r.error for r in results) and sum(1 for r in results if not r.error) > 20
    _assert_same(policy, rows)


def test_a_row_with_a_blank_cell_is_never_read_as_clean():
    """The clean test joins a row's cells in one CONCAT, which skips a NULL: the
    empty field left between two commas matches no cell's pattern, wherever the
    blank is, so a blank cell without a default is the Python engine's error row."""
    policy = load_policy_text(_CELL_TYPES)
    text = compile_sql(policy.ir, "duckdb", pretty=False)
    assert re.search(r"REGEXP_(FULL_)?MATCH(ES)?\(CONCAT\(", text)
    base = {name: cells[0] for name, cells in _EDGE_CELLS.items()}
    rows = [dict(base, 单位=f"空{name}", **{name: None}) for name in _EDGE_CELLS]
    rows.append({"单位": "全空"})
    results = policy.score_batch(rows)
    assert [r.error is not None for r in results[:-1]] == [
        name in ("件数", "比率", "数值", "分值", "达标") for name in _EDGE_CELLS
    ]
    assert results[-1].error is not None
    _assert_same(policy, rows)


_BUDGET = """\
细则：测试细则
年度：2024
满分：100分
精度：0.01分

数据：
  甲：次，默认0
  乙：次，默认0
  丙：次，默认0
  丁：次，默认0

一、扣完为止（10分）
  - 【甲】每次扣3分
  - 【乙】每次扣2.5分
  - 【丙】每次扣4分，最多扣4分
二、其余（90分）
  - 【丁】每次扣1分
"""


def test_items_that_fit_their_budget_and_items_that_exhaust_it_are_shared_alike():
    """Each item's share of a budget is its amount when every amount fits (a test
    made once per row) and the closed form otherwise: both sides of the edge (the
    items just fitting, just not) give the Python engine's 实扣 item by item."""
    policy = load_policy_text(_BUDGET)
    rows = [
        {"单位": f"{a}{b}{c}", "甲": str(a), "乙": str(b), "丙": str(c), "丁": "1"}
        for a in range(4)
        for b in range(3)
        for c in range(3)
    ]
    results = policy.score_batch(rows)
    cut = [r for r in results if any(i.applied < i.nominal for i in r.items)]
    spent = {r.unit: sum(i.applied for i in r.items if i.path.startswith("一")) for r in results}
    assert cut and len(cut) < len(results)
    assert any(v == 10 for u, v in spent.items() if u not in {r.unit for r in cut})
    _assert_same(policy, rows)


def test_an_item_row_exists_exactly_when_the_python_engine_lists_the_item():
    path = seed_policies()[0]
    policy = load_policy(path)
    rows = _seed_rows(path, policy) + _seed_rows(path, policy, odd_every=5)
    results = policy.score_batch(rows)
    got = duckdb_results(policy.ir, rows, items=True)
    want = {(n, i.line, i.path) for n, r in enumerate(results, 1) for i in r.items}
    assert {(r["行"], r["行号"], r["节点"]) for r in got} == want
    assert len(got) == len(want) == sum(len(r.items) for r in results)
    assert any(not r.items for r in results) and any(len(r.items) > 1 for r in results)


def _fixed_values(make) -> tuple[list[Decimal], str]:
    """The numbers `make(fx)` builds, computed by DuckDB, and the query's text: built
    and marked as `build_query` builds and marks a policy's query."""
    from sqlglot import exp
    from xize.compiler.backends.sql import fixed, render_sql
    from xize.compiler.backends.sql.plan import Plan

    with fixed.measured() as widest:
        plan = Plan(["_unit"])
        fx = fixed.Fixed(plan, "duckdb")
        outputs = [
            exp.alias_(fx.to_decimal(n), f"v{i}", quoted=True) for i, n in enumerate(make(fx))
        ]
        query = plan.render(exp.select(exp.alias_(exp.Literal.string("u"), "_unit")), outputs)
    fixed.fit_bigint(query, widest[0])
    text = render_sql(query, "duckdb")
    return list(duckdb.connect().execute(text).fetchone()), text


def test_duckdb_computes_in_bigint_exactly_up_to_eighteen_digits():
    from xize.compiler.backends.sql.fixed import const

    nines = const(999_999_999)

    def make(fx):
        third, _ = fx.div(const(1), const(3))
        return [
            fx.mul(nines, nines),  # 18 digits: the widest a BIGINT query may hold
            fx.mul(nines, const(-999_999_999)),
            third,
            fx.round_to(const(Decimal("-2.5")), 0),  # half to even
            fx.round_step(const(Decimal("-2.345")), Decimal("0.01")),  # half up
            fx.steps(const(-7), Decimal(2), "floor"),
        ]

    values, text = _fixed_values(make)
    assert "AS BIGINT" in text and "INT128" not in text
    assert values == [
        Decimal(999_999_998_000_000_001),
        Decimal(-999_999_998_000_000_001),
        Decimal("0.333333333333"),
        Decimal(-2),
        Decimal("-2.35"),
        Decimal(-4),
    ]


def test_a_query_with_a_wider_integer_keeps_decimal_38_in_duckdb():
    from xize.compiler.backends.sql.fixed import const

    def make(fx):
        wide = fx.mul(const(9_999_999_999), const(999_999_999))  # 19 digits
        return [wide, fx.div(wide, const(7))[0]]

    values, text = _fixed_values(make)
    product = 9_999_999_999 * 999_999_999
    with localcontext() as exact:
        exact.prec = 60
        seventh = (Decimal(product) / 7).quantize(Decimal("1e-12"))  # half to even
    assert values == [Decimal(product), seventh]
    assert "BIGINT" not in text and "INT128" in text


def test_whole_amounts_over_counts_are_bigints_in_duckdb_only():
    policy = next(p for p in seed_policies() if p.stem == "shuangjie_lianghui_2023")
    policy = load_policy(policy)
    duck = compile_sql(policy.ir, "duckdb")
    assert "INT128" not in duck and duck.count("AS BIGINT") > 100
    for dialect in ("spark", "postgres"):  # the rank alone is a BIGINT there
        assert compile_sql(policy.ir, dialect).count("BIGINT") == 1


_VETO_POLICY = """\
细则：名次
年度：2024
满分：10分
精度：0.01分

数据：
  缺会次数：次，默认0
  重大事故：是否，默认否

(一)会议(10分)
  - 【缺会次数】每缺1次扣0.5分
  - 【重大事故】的，一票否决
"""


@settings(max_examples=max(10, N // 4))
@given(
    st.lists(
        st.tuples(st.sampled_from(["0", "1", "2", "7", "x", "-1"]), st.sampled_from(["是", "否"])),
        min_size=1,
        max_size=30,
    )
)
def test_ranks_from_the_histogram_equal_the_query_ranks(cells):
    """The summary query without its rank join (`ranks=False`, DuckDB's streaming
    path) gives what ranks each unit, from the count per (group, total), as the
    query with the join does: ties share a rank, vetoed units come after every
    clear one, error rows have none."""
    from xize.compiler.backends.sql import build_query, render_sql
    from xize.runtime.batch.sqlcsv import Ranks

    policy = load_policy_text(_VETO_POLICY)
    rows = [{"单位": f"单位{i}", "缺会次数": a, "重大事故": b} for i, (a, b) in enumerate(cells)]
    con = duckdb.connect()
    want = {r["行"]: r["排名"] for r in duckdb_results(policy.ir, rows, con=con)}
    tree = build_query(policy.ir, row_column="行", ranks=False)
    assert "排名" not in tree.named_selects
    got = con.sql(render_sql(tree, "duckdb")).to_arrow_table()
    counts = got.group_by(["_grp", "_tot"]).aggregate([([], "count_all")]).to_pylist()
    ranks = Ranks([(c["_grp"], c["_tot"], c["count_all"]) for c in counts])
    ranked = ranks.of(
        got.column("_grp").combine_chunks(), got.column("_tot").combine_chunks(), pa, pc
    )
    assert dict(zip(got.column("行").to_pylist(), ranked.to_pylist(), strict=True)) == want
