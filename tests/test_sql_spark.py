"""The Spark SQL text of the SQL backend, run in PySpark (local mode), against the
Python engine: the same seed policies and generated policies as the DuckDB tests,
on one shared SparkSession and small batches (Spark's cost here is planning the
query, not the rows)."""

from __future__ import annotations

import os
import shutil

import pytest
from helpers import compiled, seed_policies
from hypothesis import given, note, settings
from sqlcases import batches
from sqlrun import differences, expected_items, expected_summary, spark_results
from test_sql_backend import _seed_rows
from xize.compiler import load_policy
from xize.compiler.backends.sql import SqlUnsupported, compile_sql

pyspark = pytest.importorskip("pyspark", reason="pyspark is in the test extra")


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.fail("Spark needs Java 17 (the machines have it): install a JDK")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("xize-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _assert_same(spark, policy, rows, items: bool = True) -> None:
    results = policy.score_batch(rows)
    got = spark_results(spark, policy.ir, rows)
    assert differences(expected_summary(policy.ir, results), got) == []
    if items:
        got = spark_results(spark, policy.ir, rows, items=True)
        assert differences(expected_items(results), got) == []


# The larger seed policy (xinfang, 63 facts) takes Spark one to two minutes to plan per
# query on two cores; the suite runs the smaller one, summary and items.
@pytest.mark.parametrize("path", seed_policies()[:1], ids=lambda p: p.stem)
def test_seed_policy_scores_the_same_in_spark(spark, path):
    policy = load_policy(path)
    rows = _seed_rows(path, policy, odd_every=7)
    assert any(r.error for r in policy.score_batch(rows))
    _assert_same(spark, policy, rows)


@settings(max_examples=2)
@given(batches(max_units=5))
def test_generated_policies_score_the_same_in_spark(spark, case):
    desc, rows = case
    text = desc.render()
    note(text)
    note(repr(rows))
    policy = compiled(text)
    try:
        compile_sql(policy.ir, "spark")
    except SqlUnsupported:
        return
    _assert_same(spark, policy, rows)


def test_batch_relative_forms_score_the_same_in_spark(spark):
    """Ranks (1, 2, 2, 4 from either end) on a fact and on a node's score, points by
    place and shares of the best, as window functions in Spark SQL, on one batch with
    ties, a bad row, a disqualified best unit and a vetoed one (Spark's cost here is
    planning each query: one policy, one batch; the other forms are the same windows
    and CASEs, run in DuckDB by tests/test_sql_ranks.py)."""
    from test_sql_ranks import SHARES, close, policy, unit

    rows = [
        unit(0, "100", "0", "0", "90", cheat=True),
        unit(1, "90", "1", "0", "90"),
        unit(2, "90", "1", "3", "85", veto=True),
        unit(3, "85", "3", "1", "95"),
        unit(4, "abc", "0", "0", "90"),
        unit(5, "80", "3", "0", "80"),
    ]
    p = policy(SHARES)
    results = p.score_batch(rows)
    got = spark_results(spark, p.ir, rows)
    assert differences(expected_summary(p.ir, results), got) == []
    items = spark_results(spark, p.ir, rows, items=True)
    want = expected_items(results)
    assert len(items) == len(want) > 0
    assert any(w["条款原文"].endswith("后两名扣1分") for w in want)
    for w, g in zip(want, items, strict=True):  # amounts within 10^-12
        assert all(close(v, g[k]) for k, v in w.items()), (w, g)


def test_batch_formulas_score_the_same_in_spark(spark):
    """A formula between the batch's two ends and one of its mean, each rounded in the
    clause (docs/language.md 9.12), on a batch with a tie at the lowest and a bad row."""
    from test_batch_formulas import mixed_batch

    _assert_same(spark, *mixed_batch())


def test_tie_breaks_score_the_same_in_spark(spark):
    """A rank whose ties another fact breaks, in its own direction (docs/language.md
    9.9): the window orders and partitions by both values."""
    from test_rank_ties import POLICY, rows_of
    from xize.compiler import compile_policy

    pairs = [(str(60 + (i * 7) % 5), str(50 + (i * 3) % 4)) for i in range(20)]
    _assert_same(spark, compile_policy(POLICY), rows_of(pairs))


def test_item_overrides_score_the_same_in_spark(spark):
    """`本项按满分计` and `本项按分值的80%计分` beside a cap, a second override, an earning
    and a bonus (docs/language.md 5.4)."""
    from test_item_override import override_batch

    _assert_same(spark, *override_batch())


def test_grade_quotas_score_the_same_in_spark(spark):
    """Two quotas over a batch with ties, a ceiling, a veto, a disqualification and a
    data error (docs/language.md 12.2): the quotas' windows in Spark SQL."""
    from test_grade_quotas import sql_batch

    _assert_same(spark, *sql_batch(2, 30), items=False)


#: A quota over a policy of several items with caps: Spark's optimizer ran out of memory
#: on the join that once applied the quota (tracing its keys through every stage).
LONG_QUOTA = """细则：名额
年度：2022
满分：7分
精度：0.01

数据：
  有台帐：是否
  迟报件数：件，默认0
  漏报件数：件，默认0
  缺会次数：件，默认0

等次：
  优秀：0.52分以上，不超过考核单位总数的50%
  一般：其余

(一)表彰(5分)
  1.赴省访处置，限扣2分
    - 无【有台帐】，扣(0.24/5)分
    - 【迟报件数】每3件减0.2分
    - 【漏报件数】扣0.5分/件
(二)例会(2分)，本项限扣0.5分
  1.进京访处置(1.97分)
    - 【迟报件数】三件以内，得满分
    - 【迟报件数】+【缺会次数】不满0件的，每件扣除0.03分
  2.落实情况(0.03分)
"""


def test_a_quota_over_many_stages_scores_in_spark(spark):
    from xize.compiler import compile_policy

    rows = [
        {"单位": "甲", "有台帐": "否", "迟报件数": "4", "漏报件数": "1", "缺会次数": "6"},
        {"单位": "乙", "有台帐": "是", "迟报件数": "0", "漏报件数": "0", "缺会次数": "0"},
        {"单位": "丙", "有台帐": "是", "迟报件数": "1", "漏报件数": "0", "缺会次数": "2"},
    ]
    _assert_same(spark, compile_policy(LONG_QUOTA, filename="名额.rule"), rows, items=False)


def test_a_trimmed_mean_scores_the_same_in_spark(spark):
    """去极值平均值 as windows (sum − max − min over the units in the batch), its
    step and its error when fewer than three units are in the batch."""
    from helpers import one_item
    from test_trimmed_mean import RATE, rows
    from xize.compiler import compile_policy

    clause = "【化解率】低于去掉最高值和最低值后的平均值的，每低1个百分点扣0.5分"
    policy = compile_policy(one_item(clause, RATE))
    _assert_same(spark, policy, rows(["100%", "90%", "90%", "x", "70%", "10%"]))
    _assert_same(spark, policy, rows(["90%", "80%"]), items=False)
