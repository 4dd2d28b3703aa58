"""Scoring relative to the batch in SQL: ranks (on a fact and on a node's score),
points by place, the last places, step-downs by place, grade ceilings by place,
offsets from the average and shares of the best — the SQL backend's query in DuckDB
against the Python engine's `score_batch` on batches with ties, all-equal values,
one unit, bad rows, vetoed and disqualified units; and `xize score --engine duckdb`
writing the Python engine's files byte for byte.  (Spark runs the same query in
tests/test_sql_spark.py.)"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_items, expected_summary
from test_engine_duckdb import assert_same_reports, run
from xize.compiler import compile_policy
from xize.runtime.batch import sqlbatch

HEAD = """\
细则：按名次计分
年度：2024
满分：{full}分
精度：0.01分

数据：
  化解率：百分比，越高越好
  事故起数：次，越低越好
  缺会次数：次，默认0
  受理率：百分比
  资金：数值
  弄虚作假：是否，默认否
  重大事故：是否，默认否

等次：
  优秀：90分以上
  良好：80分以上
  合格：60分以上
  不合格：其余

"""

#: Every batch-relative form that SQL computes exactly, in one policy.
RANKS = HEAD.format(full=70) + (
    "(一)基础工作(20分)\n"
    "  1、会议(10分)\n"
    "    - 【缺会次数】每缺1次扣2分\n"
    "  2、受理(10分)\n"
    "    - 【受理率】低于全市平均值5个百分点的，每低于平均值1个百分点扣1分\n"
    "    - 【资金】低于平均值10%的，扣1分\n"
    "(二)化解(20分)\n"
    "  - 按【化解率】从高到低排名，排名第1至3名的，依次得20分、19分、18分，其余得10分\n"
    "  - 按【化解率】从高到低排名，末位的不得评为优秀\n"
    "(三)安全(10分)\n"
    "  - 按【事故起数】排名，末位扣3分，倒数第二的扣2分\n"
    "  - 【弄虚作假】取消考评资格\n"
    "  - 【重大事故】的，一票否决\n"
    "(四)综合(20分)\n"
    "  - 按【(一)得分】排名，第1名得20分，其后每下降一个名次扣2分\n"
    "  - 按【(一)得分】排名，后两名扣3分\n"
    "(五)创新，加分项，最高加3分\n"
    "  - 按【化解率】从高到低排名，前两名加2分\n"
)

#: Shares of the best: quotients that may not terminate (12 places in SQL); with a
#: rank on a fact from either end and on a node's score, Spark's one policy.
SHARES = HEAD.format(full=30) + (
    "(一)化解(10分)\n"
    "  - 【化解率】最高者得满分，其余按与最高者的比例得分\n"
    "(二)安全(10分)\n"
    "  - 按【事故起数】排名，第1名得10分，第2至3名按第1名的比例得分\n"
    "  - 按【事故起数】排名，后两名扣1分\n"
    "(三)综合(10分)\n"
    "  - 按【(一)得分】排名，第1名得10分，其余按与第1名的比例得分\n"
    "  - 【弄虚作假】取消考评资格\n"
    "  - 【重大事故】的，一票否决\n"
)

_POLICIES: dict[str, object] = {}


def policy(text: str):
    if text not in _POLICIES:
        _POLICIES[text] = compile_policy(text, filename="名次.rule")
    return _POLICIES[text]


RATES = ["100", "95", "90", "90", "85.5", "0", "abc", "150", None]
ACCIDENTS = ["0", "0", "1", "2", "5", "-1"]
ABSENCES = ["0", "1", "3", None, "x"]
ACCEPTED = ["80", "85", "90", "95", "100"]
FUNDS = ["100", "89.5", "90", "120", "0"]


def unit(number: int, rate, accidents, absences, accepted, cheat=False, veto=False) -> dict:
    return {
        "资金": FUNDS[number % len(FUNDS)],
        "单位": f"单位{number}",
        "化解率": rate,
        "事故起数": accidents,
        "缺会次数": absences,
        "受理率": accepted,
        "弄虚作假": "是" if cheat else "否",
        "重大事故": "是" if veto else "否",
    }


@st.composite
def units(draw, max_units: int = 8):
    """A batch: values from small pools (ties are common), bad cells among them,
    some units vetoed or disqualified; now and then every unit the same."""
    count = draw(st.integers(1, max_units))
    same = draw(st.booleans()) and draw(st.booleans())
    rows = []
    first = None
    for number in range(count):
        values = (
            draw(st.sampled_from(RATES)),
            draw(st.sampled_from(ACCIDENTS)),
            draw(st.sampled_from(ABSENCES)),
            draw(st.sampled_from(ACCEPTED)),
        )
        if same:
            first = first or values
            values = first
        flags = draw(st.sampled_from([(False, False)] * 4 + [(True, False), (False, True)]))
        rows.append(unit(number, *values, *flags))
    return rows


def close(a, b) -> bool:
    """Within the last place SQL keeps of a quotient (10^-12)."""
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return abs(a - b) <= Decimal("1e-12")
    return a == b


def assert_same(text: str, rows: list[dict], exact: bool = True) -> None:
    """The query's summary and items equal the Python engine's; `exact` False: item
    amounts (never rounded to 精度) within 10^-12, everything else equal."""
    p = policy(text)
    results = p.score_batch(rows)
    summary = duckdb_results(p.ir, rows)
    assert differences(expected_summary(p.ir, results), summary) == []
    items = duckdb_results(p.ir, rows, items=True)
    want = expected_items(results)
    if exact:
        assert differences(want, items) == []
    else:
        assert len(want) == len(items)
        for w, g in zip(want, items, strict=True):
            assert all(close(v, g[k]) for k, v in w.items()), (w, g)


@settings(max_examples=12, deadline=None)
@given(units())
def test_rank_forms_score_the_same_in_duckdb(rows):
    note(repr(rows))
    assert_same(RANKS, rows)


@settings(max_examples=8, deadline=None)
@given(units())
def test_shares_score_the_same_in_duckdb_after_rounding(rows):
    note(repr(rows))
    assert_same(SHARES, rows, exact=False)


EDGES = {
    "one unit": [unit(0, "80", "1", "0", "90")],
    "all equal": [unit(i, "90", "0", "1", "90") for i in range(4)],
    "ties at both ends": [
        unit(0, "95", "0", "0", "90"),
        unit(1, "95", "0", "0", "90"),
        unit(2, "80", "2", "1", "90"),
        unit(3, "80", "2", "1", "90"),
    ],
    "every row bad": [unit(0, "abc", "0", "0", "90"), unit(1, "90", "-1", "0", "90")],
    # no unit in the batch and a mean needed: every unit an error, as in Python
    "every unit disqualified": [
        unit(0, "100", "0", "0", "80", cheat=True),
        unit(1, "90", "1", "0", "90", cheat=True),
    ],
    "the best unit has a data error": [
        unit(0, "100", "x", "0", "90"),
        unit(1, "90", "1", "0", "90"),
        unit(2, "80", "2", "0", "90"),
    ],
    "the best unit disqualified, the worst vetoed": [
        unit(0, "100", "0", "0", "90", cheat=True),
        unit(1, "90", "1", "0", "90"),
        unit(2, "85", "1", "2", "80"),
        unit(3, "70", "4", "0", "70", veto=True),
    ],
}


@pytest.mark.parametrize("text", [RANKS, SHARES], ids=["ranks", "shares"])
@pytest.mark.parametrize("name", list(EDGES))
def test_edge_batches_score_the_same_in_duckdb(text, name):
    assert_same(text, EDGES[name], exact=text is RANKS)


def test_the_statistics_are_columns_of_the_summary():
    """Competition ranks over the batch (disqualified units and errors outside it,
    vetoed units inside), 1, 2, 2, 4 from either end, as the items name them."""
    rows = [
        unit(0, "100", "0", "0", "90", cheat=True),  # outside: ranked among the others
        unit(1, "90", "1", "0", "90"),
        unit(2, "90", "1", "0", "90", veto=True),
        unit(3, "85", "3", "0", "90"),
        unit(4, "80", "3", "0", "90"),
        unit(5, "abc", "0", "0", "90"),  # an error: no statistics
    ]
    got = duckdb_results(policy(RANKS).ir, rows)
    ranks = [r["排名【化解率】"] for r in got]
    from_end = [r["倒数排名【化解率】"] for r in got]
    assert ranks == [1, 1, 1, 3, 4, None]
    assert from_end == [5, 3, 3, 2, 1, None]
    assert [r["倒数排名【事故起数】"] for r in got][:5] == [5, 3, 3, 1, 1]
    assert [r["状态"] for r in got][0] == "取消考评资格"


def test_a_policy_with_ranks_is_scored_in_duckdb_byte_for_byte(tmp_path, monkeypatch):
    """No fallback: DuckDB scores it, the workbook, CSV and JSON are the Python engine's
    (the items' 所用数据 name the ranks and the mean)."""
    policy_path = tmp_path / "名次.rule"
    policy_path.write_text(RANKS, encoding="utf-8")
    lines = ["资金,单位,化解率,事故起数,缺会次数,受理率,弄虚作假,重大事故"]
    for i in range(40):
        row = unit(i, RATES[i % 8], ACCIDENTS[i % 6], ABSENCES[i % 5], ACCEPTED[(i * 3) % 5])
        row["弄虚作假"] = "是" if i % 13 == 4 else ""
        row["重大事故"] = "是" if i % 11 == 2 else "否"
        lines.append(",".join("" if v is None else v for v in row.values()))
    data = tmp_path / "数据.csv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert not assert_same_reports(tmp_path / "r", monkeypatch, policy_path, [data])
    book = (tmp_path / "r" / "dk.csv" / "结果-明细.csv").read_text(encoding="utf-8-sig")
    assert "排名【化解率】 = " in book and "平均值【受理率】 = " in book


#: Shares of facts' best values: the DuckDB engine has the Python engine score each
#: unit (40 places) with the query's ranks, best values and counts, exact there.
FACT_SHARES = HEAD.format(full=30) + (
    "(一)化解(10分)\n"
    "  - 【化解率】最高者得满分，其余按与最高者的比例得分\n"
    "(二)安全(10分)\n"
    "  - 按【事故起数】排名，第1名得10分，第2至3名按第1名的比例得分\n"
    "  - 按【事故起数】排名，后两名扣1分\n"
    "(三)资金(10分)\n"
    "  - 【资金】最高者得满分，其余按与最高者的比例得分\n"
    "  - 【弄虚作假】取消考评资格\n"
    "  - 【重大事故】的，一票否决\n"
)
#: The same without 精度: every score is the 40-place quotient itself.
UNROUNDED = FACT_SHARES.replace("精度：0.01分\n", "")


def shares_csv(folder, rows: list[dict]):
    lines = [",".join(rows[0])] if rows else []
    for row in rows:
        lines.append(",".join("" if v is None else v for v in row.values()))
    data = folder / "数据.csv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data


def rule(folder, text: str):
    path = folder / "比例.rule"
    path.write_text(text, encoding="utf-8")
    return path


def many(n: int) -> list[dict]:
    return [
        unit(
            i,
            (RATES + ["33.3", "66.7", "7"])[i % 12],
            ACCIDENTS[i % 6],
            ABSENCES[i % 5],
            ACCEPTED[(i * 3) % 5],
            cheat=i % 13 == 4,
            veto=i % 11 == 2,
        )
        for i in range(n)
    ]


def test_shares_of_the_best_are_scored_in_duckdb_byte_for_byte(tmp_path, monkeypatch):
    """No fallback: the workbook and CSV are the Python engine's, the items' amounts
    and (without 精度) the scores to the 40th place."""
    data = shares_csv(tmp_path, many(36))
    policy_path = rule(tmp_path, UNROUNDED)
    assert not assert_same_reports(
        tmp_path / "r", monkeypatch, policy_path, [data], (".csv", ".xlsx")
    )
    items = (tmp_path / "r" / "dk.csv" / "结果-明细.csv").read_text(encoding="utf-8-sig")
    # 10 × 100 / 120 = 8.33…: the item shows what was lost, to the 40th place
    assert "资金 = 100；最高值【资金】 = 120；排名【资金】 = 5" in items
    assert ",1.6666666666666666666666666666666666666667," in items


#: Edge batches, each a file: ties at the best; a best of 0; the best value in a
#: disqualified unit and in a row with a data error, the worst unit vetoed.
SHARE_EDGES = {
    "ties at the best": [unit(i, "95", "0", "0", "90") for i in range(2)]
    + [unit(2, "70", "3", "0", "85")],
    "a best of 0": [unit(i, "0", "0", "0", "0") for i in range(3)],
    "the best units out of the batch": [
        unit(0, "100", "0", "0", "90", cheat=True),
        unit(1, "100", "x", "0", "90"),
        unit(2, "90", "1", "0", "90"),
        unit(3, "85", "1", "2", "80"),
        unit(4, "70", "4", "0", "70", veto=True),
    ],
}


@pytest.mark.parametrize("name", list(SHARE_EDGES))
def test_shares_on_edge_batches_are_scored_in_duckdb_byte_for_byte(tmp_path, monkeypatch, name):
    data = shares_csv(tmp_path, SHARE_EDGES[name])
    policy_path = rule(tmp_path, FACT_SHARES)
    assert not assert_same_reports(tmp_path / "r", monkeypatch, policy_path, [data], (".csv",))


@settings(max_examples=2, deadline=None)
@given(units(max_units=6), st.booleans())
def test_shares_score_byte_for_byte_on_random_batches(tmp_path_factory, rows, rounded):
    note(repr(rows))
    folder = tmp_path_factory.mktemp("shares")
    data = shares_csv(folder, rows)
    policy_path = rule(folder, FACT_SHARES if rounded else UNROUNDED)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert not assert_same_reports(folder / "r", monkeypatch, policy_path, [data], (".csv",))


def test_a_batch_of_disqualified_units_falls_back_to_the_python_engine(tmp_path, monkeypatch):
    """No unit left to take the means over: the Python engine scores each unit on its
    own (取消考评资格), which the query does not — a warning, then its report."""
    rows = [unit(i, "90", "0", "0", "90", cheat=True) for i in range(3)]
    data = shares_csv(tmp_path, rows)
    policy_path = rule(tmp_path, RANKS)
    assert assert_same_reports(tmp_path / "r", monkeypatch, policy_path, [data], (".csv",))


def test_a_rank_on_a_score_with_a_share_is_refused_by_the_duckdb_engine_by_line(tmp_path):
    """Ranking (一)'s score, which holds a share: SQL ranks the 12-place score, the
    Python engine the 40-place one — DuckDB refuses, naming the clause that ranks."""
    policy_path = tmp_path / "比例.rule"
    policy_path.write_text(SHARES, encoding="utf-8")
    data = tmp_path / "数据.csv"
    data.write_text(
        "单位,化解率,事故起数,受理率,资金\n甲,90,1,80,5\n乙,80,2,85,6\n", encoding="utf-8"
    )
    result = run("score", policy_path, data, "--engine", "duckdb")
    assert result.exit_code == 1
    assert "第27行" in result.output and "--engine python" in result.output
    with pytest.raises(sqlbatch.SqlUnsupported, match="第27行.*排名【\\(一\\)得分】"):
        sqlbatch.check(policy(SHARES))
    sqlbatch.check(policy(FACT_SHARES))  # shares of facts: scored
