"""`按【化解率】从高到低排名，并列的按【结案率】从高到低排名，…`: units equal on the ranked
fact are ordered by another fact before the places are read; units equal on both still
share a place (competition ranking).  Computed by hand, the same from the module, the
interpreter, `xize score` in blocks and worker processes, and DuckDB's query; the
refusals name what to write."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from helpers import both_totals
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_summary
from test_cli_jobs import assert_same_for_jobs
from test_engine_duckdb import assert_same_reports
from xize.compiler import PolicyError, compile_policy

HEAD = (
    "细则：并列\n年度：2024\n满分：6分\n\n数据：\n  化解率：百分比\n  结案率：百分比\n"
    "  投诉：次，默认0\n  通报：是否，默认否\n  指标：数值\n\n一、化解（6分）\n"
)


def build(*lines: str):
    return compile_policy(HEAD + "".join(f"  - {line}\n" for line in lines), filename="并列.rule")


def rows_of(pairs: list[tuple[str, str]]) -> list[dict]:
    return [
        {"单位": f"单位{i}", "化解率": a, "结案率": b, "指标": "1"}
        for i, (a, b) in enumerate(pairs)
    ]


def totals(policy, pairs: list[tuple[str, str]]) -> list[Decimal]:
    """Each unit's total, the same from the module and the interpreter."""
    rows = rows_of(pairs)
    return both_totals(policy, rows)


def errors(*lines: str) -> list:
    with pytest.raises(PolicyError) as caught:
        build(*lines)
    return [d for d in caught.value.diagnostics if d.is_error]


#: (化解率, 结案率): three units at 90%, one of them behind on 结案率; one at 70%.
PAIRS = [("90", "80"), ("90", "85"), ("70", "99"), ("90", "85")]
STEP = "第1名得6分，其后每下降一个名次扣1分"


@pytest.mark.parametrize(
    "clause",
    [
        f"按【化解率】从高到低排名，并列的按【结案率】从高到低排名，{STEP}",
        f"按【化解率】从高到低排名（并列时按【结案率】从高到低排序），{STEP}",
        f"【化解率】从高到低排名，相同的按【结案率】由高到低排名，{STEP}",
        f"按【化解率】从高到低排名，并列时，再按【结案率】从高到低排名，{STEP}",
        f"按【化解率】从高到低排名，名次并列的按照【结案率】从高到低排名，{STEP}",
    ],
)
def test_equal_values_are_ordered_by_the_second_fact(clause):
    """Ranks 3, 1, 4, 1: the two at (90, 85) still share the first place; the one at
    (90, 80) comes after them (third); 70% is fourth."""
    assert totals(build(clause), PAIRS) == [4, 6, 3, 6]


def test_without_a_tie_break_the_three_share_the_first_place():
    assert totals(build(f"按【化解率】从高到低排名，{STEP}"), PAIRS) == [6, 6, 3, 6]


def test_the_tie_break_has_its_own_direction():
    """从低到高 on 结案率: (90, 80) first, the two at (90, 85) second together."""
    clause = f"按【化解率】从高到低排名，并列的按【结案率】从低到高排名，{STEP}"
    assert totals(build(clause), PAIRS) == [6, 5, 3, 5]


def test_the_last_places_count_the_tie_break_too():
    """末位: (70, 80) and (70, 90) are last together without a tie-break; with it only
    (70, 80) is; a fact ranked from low to high orders its ties the same way."""
    pairs = [("70", "80"), ("70", "90"), ("90", "50")]
    plain = build("按【化解率】从高到低排名，末位扣2分")
    assert totals(plain, pairs) == [4, 4, 6]
    tied = build("按【化解率】从高到低排名，并列的按【结案率】从高到低排名，末位扣2分")
    assert totals(tied, pairs) == [4, 6, 6]
    low = build("按【投诉】从低到高排名，并列的按【结案率】从高到低排名，末位扣2分")
    rows = [
        {"单位": "甲", "化解率": "1", "结案率": "80", "投诉": "3", "指标": "1"},
        {"单位": "乙", "化解率": "1", "结案率": "90", "投诉": "3", "指标": "1"},
        {"单位": "丙", "化解率": "1", "结案率": "10", "投诉": "1", "指标": "1"},
    ]
    assert [r.total for r in low.score_batch(rows)] == [4, 6, 6]


def test_the_explanation_names_the_rank_with_the_tie_broken():
    policy = build(f"按【化解率】从高到低排名，并列的按【结案率】从高到低排名，{STEP}")
    first = policy.score_batch(rows_of(PAIRS))[0]
    (item,) = first.items
    assert dict(item.inputs)["排名【化解率】"] == 3
    assert item.applied == 2


def _competition(keys: list[tuple[int, int]], high: tuple[bool, bool]) -> list[int]:
    """Competition ranks by hand: 1 + the units strictly better on (化解率, 结案率)."""

    def better(a, b) -> bool:
        oriented = [(x if h else -x, y if h else -y) for (x, y), h in [(a, high[0]), (b, high[0])]]
        first = [oriented[0][0], oriented[1][0]]
        second = [a[1] if high[1] else -a[1], b[1] if high[1] else -b[1]]
        return first[0] > first[1] or (first[0] == first[1] and second[0] > second[1])

    return [1 + sum(better(other, mine) for other in keys) for mine in keys]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=7),
    st.booleans(),
    st.booleans(),
    st.randoms(use_true_random=False),
)
def test_ranks_are_lexicographic_and_independent_of_the_order(pairs, high, tie_high, rnd):
    words = {True: "从高到低", False: "从低到高"}
    policy = build(
        f"按【化解率】{words[high]}排名，并列的按【结案率】{words[tie_high]}排名，"
        "第1名得6分，其后每下降一个名次扣1分"
    )
    texts = [(str(a), str(b)) for a, b in pairs]
    got = totals(policy, texts)
    ranks = _competition(pairs, (high, tie_high))
    assert got == [Decimal(max(6 - (r - 1), 0)) for r in ranks]
    order = list(range(len(pairs)))
    rnd.shuffle(order)
    shuffled = totals(policy, [texts[i] for i in order])
    assert [shuffled[order.index(i)] for i in range(len(pairs))] == got


POLICY = (
    HEAD
    + "  - 按【化解率】从高到低排名，并列的按【结案率】从低到高排名，第1名得6分，其后每下降一个名次扣0.5分\n"
    + "二、末位（0分）\n  - 按【化解率】从高到低排名，并列的按【结案率】从低到高排名，末位扣1分\n"
)


def _csv(path, pairs) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["单位", "化解率", "结案率", "指标"])
        for i, (a, b) in enumerate(pairs):
            writer.writerow([f"单位{i}", a, b, "1"])


def test_every_engine_breaks_ties_alike(tmp_path, monkeypatch):
    """`xize score` (statistics gathered in blocks, with and without workers) and DuckDB
    write the same files, whose totals are `score_batch`'s; the query alone agrees."""
    import xize.runtime.batch.batch as batch

    monkeypatch.setattr(batch, "BLOCK_ROWS", 7)
    rule = tmp_path / "并列.rule"
    rule.write_text(POLICY, encoding="utf-8")
    pairs = [(str(60 + (i * 7) % 5), str(50 + (i * 3) % 4)) for i in range(40)]
    pairs.append(("x", "1"))  # a bad row: reported, the others still ranked
    data = tmp_path / "数据.csv"
    _csv(data, pairs)
    (tmp_path / "jobs").mkdir()
    assert_same_for_jobs(tmp_path / "jobs", monkeypatch, rule, [data], (".csv",), jobs=(2,))
    assert not assert_same_reports(tmp_path / "duck", monkeypatch, rule, [data], (".csv",))
    written = (tmp_path / "jobs" / "1.csv" / "结果.csv").read_text(encoding="utf-8-sig")
    summary = list(csv.DictReader(io.StringIO(written)))
    policy = compile_policy(POLICY)
    results = [r for r in policy.score_batch(rows_of(pairs)) if r.status != "数据错误"]
    assert [Decimal(row["总分"]) for row in summary] == [r.total for r in results]
    assert len({row["一 化解"] for row in summary}) > 3  # ties broken into several places
    good = rows_of(pairs[:-1])
    got = duckdb_results(policy.ir, good)
    assert differences(expected_summary(policy.ir, policy.score_batch(good)), got) == []


@pytest.mark.parametrize(
    ("clause", "code"),
    [
        # the ranked fact itself cannot break its own ties
        (f"按【化解率】从高到低排名，并列的按【化解率】从高到低排名，{STEP}", "E253"),
        # a node's score: enter it as a fact
        (f"按【化解率】从高到低排名，并列的按【一得分】排名，{STEP}", "E253"),
        # a 是否 fact has no order (E202 says its type, as for a 是否 fact ranked)
        (f"按【化解率】从高到低排名，并列的按【通报】排名，{STEP}", "E202 E234"),
        # nothing says which end of 【指标】 is better
        (f"按【化解率】从高到低排名，并列的按【指标】排名，{STEP}", "E235"),
    ],
)
def test_a_tie_break_that_cannot_order_is_refused(clause, code):
    assert [e.code for e in errors(clause)] == code.split()


def test_one_fact_is_ranked_one_way_in_a_policy():
    """排名【化解率】 is one statistic (a 测试 block gives it by that name): two clauses
    ranking it with different tie-breaks are refused, naming the first."""
    (error,) = errors(
        f"按【化解率】从高到低排名，并列的按【结案率】从高到低排名，{STEP}",
        "按【化解率】从高到低排名，末位扣1分",
    )
    assert error.code == "E253"
    assert "第13行" in str(error)


def test_the_direction_of_a_named_tie_fact_is_shown():
    """结案率 is better high by its name: read so, and `xize check` says it (W330)."""
    policy = build(f"按【化解率】从高到低排名，并列的按【结案率】排名，{STEP}")
    assert totals(policy, PAIRS) == [4, 6, 3, 6]
    assert "W330" in [d.code for d in policy.diagnostics]
