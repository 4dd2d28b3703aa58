"""Scoring relative to the batch: ranks, best-in-batch shares, places in turn, node
rankings — each form hand-computed (ties, all equal, one unit, empty batch, the best
unit with a data error, a disqualified unit), on the compiled module and the
interpreter, with hypothesis properties (order of the batch, compiled == interpreter,
shares within [0, points])."""

from __future__ import annotations

import random
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xize.compiler import InputError, PolicyError, compile_policy
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.ir.util import stat_key
from xize.compiler.support import prelude

TEXT = """细则：排名示例
年度：2023
满分：24分

数据：
  化解率：百分比
  缺会次数：次，默认0
  弄虚作假：是否，默认否

(一)排名得分(6分)
  - 按【化解率】从高到低排名，第1名得6分，第2至5名按第1名的比例得分
(二)后进(5分)
  - 按【化解率】从高到低排名，后两名扣3分
(三)前三(3分)
  - 按【化解率】从高到低排名，排名第1至3名的，依次得3分、2分、1分
(四)比例(10分)
  - 【化解率】最高者得满分，其余按与最高者的比例得分
  - 【弄虚作假】取消考评资格
"""

POLICY = compile_policy(TEXT, filename="ranks.rule")
INTERP = Interpreter(POLICY.ir)
D = Decimal


def batch(rows):
    """score_batch on both engines; they must agree exactly."""
    compiled, interpreted = POLICY.score_batch(rows), INTERP.score_batch(rows)
    assert compiled == interpreted
    return compiled


def scores(result):
    return tuple(result.nodes[p].score for p in ("(一)", "(二)", "(三)", "(四)"))


def rows_of(*rates, **extra):
    return [{"单位": f"u{i}", "化解率": rate, **extra} for i, rate in enumerate(rates)]


def test_ties_share_a_rank_and_the_next_is_skipped():
    results = batch(rows_of(100, 80, 80, 50))
    # ranks 1, 2, 2, 4; from the end 4, 2, 2, 1
    assert scores(results[0]) == (D(6), D(5), D(3), D(10))
    assert scores(results[1]) == (D("4.8"), D(2), D(2), D(8))
    assert scores(results[2]) == scores(results[1])
    assert scores(results[3]) == (D(3), D(2), D(0), D(5))
    assert [r.total for r in results] == [D(24), D("16.8"), D("16.8"), D(10)]
    assert [r.rank for r in results] == [1, 2, 2, 4]
    item = next(i for i in results[1].items if i.path == "(二)")
    assert ("排名【化解率】", D(2)) in item.inputs or ("倒数排名【化解率】", D(2)) in item.inputs


def test_all_equal_are_all_first_and_none_is_last():
    # every unit is first; a penalty by place never falls on a unit tied for first,
    # so 后两名扣3分 deducts from no one
    results = batch(rows_of(70, 70, 70))
    for r in results:
        assert scores(r) == (D(6), D(5), D(3), D(10))


def test_one_unit_is_first_and_not_last():
    (only,) = batch(rows_of(40))
    assert scores(only) == (D(6), D(5), D(3), D(10))


def test_empty_batch_and_all_errors():
    assert batch([]) == []
    results = batch(rows_of("坏", "x"))
    assert [r.status for r in results] == ["数据错误", "数据错误"]


def test_the_best_unit_with_a_data_error_leaves_the_batch():
    results = batch(rows_of(100, 80, 50) + [{"单位": "坏", "化解率": "百分之百"}])
    assert results[3].status == "数据错误"
    results = batch([{"单位": "坏", "化解率": 100, "缺会次数": -1}, *rows_of(80, 50)])
    assert results[0].status == "数据错误"
    # 80 is now the best: within 后两名 of two, but a unit tied for first is never last
    assert scores(results[1]) == (D(6), D(5), D(3), D(10))
    assert scores(results[2])[1] == D(2)  # 50 is last
    assert results[2].nodes["(四)"].score == D("6.25")  # 10 × 50 / 80
    assert results[2].nodes["(一)"].score == D("3.75")  # rank 2: 6 × 50 / 80


def test_a_disqualified_unit_is_not_in_the_batch():
    rows = rows_of(80, 50) + [{"单位": "假", "化解率": 100, "弄虚作假": "是"}]
    results = batch(rows)
    assert results[2].status == "取消考评资格" and results[2].rank is None
    assert scores(results[0]) == (D(6), D(5), D(3), D(10))  # 80 ranks first of two
    assert results[1].nodes["(四)"].score == D("6.25")
    # the disqualified unit is scored for information against the batch it left
    assert results[2].nodes["(四)"].score == D(10)


def test_one_unit_with_its_statistics_given():
    facts = {"化解率": 80}
    given = {"排名【化解率】": 2, "倒数排名【化解率】": 3, "最高值【化解率】": 100}
    for engine in (POLICY, INTERP):
        r = engine.score(facts, batch=given)
        assert scores(r) == (D("4.8"), D(5), D(2), D(8))
    with pytest.raises(InputError) as info:
        POLICY.score(facts, batch={"排名【化解率】": 2})
    assert "最高值【化解率】" in str(info.value)
    with pytest.raises(InputError):
        POLICY.score(facts, batch={**given, "排名【化解率】": "第二"})
    # 倒数排名 from 排名 and 单位数 when not given (no ties)
    r = POLICY.score(facts, batch={"排名【化解率】": 9, "单位数": 10, "最高值【化解率】": 100})
    assert r.nodes["(二)"].score == D(2)


def test_statistic_keys_agree_with_the_prelude():
    for stat in POLICY.ir.stats:
        fields = (stat.kind, stat.subject, stat.node, stat.high, stat.level, 0, ())
        assert prelude._stat_key(prelude.StatInfo(*fields)) == stat_key(stat)


NODES = """细则：按小计排名
年度：2023
满分：12分

数据：
  缺会次数：次，默认0
  迟报次数：次，默认0

(一)会议(5分)
  - 【缺会次数】每缺1次扣1分
(二)报送(5分)
  - 【迟报次数】每迟报1次扣1分
(三)综合排名(2分)
  - 按【(一)得分】排名，前两名得1分
  - 按【(二)得分】排名，第1名得1分，第2至3名按第1名的比例得分
"""


def test_rank_on_a_node_score_and_direction_by_the_facts_sense():
    policy = compile_policy(NODES)
    interp = Interpreter(policy.ir)
    rows = [
        {"单位": "甲", "缺会次数": 0, "迟报次数": 1},
        {"单位": "乙", "缺会次数": 1, "迟报次数": 0},
        {"单位": "丙", "缺会次数": 3, "迟报次数": 3},
    ]
    results = policy.score_batch(rows)
    assert results == interp.score_batch(rows)
    # (一): 5, 4, 2 → ranks 1, 2, 3; (二): 4, 5, 2 → ranks 2, 1, 3, best 5
    assert [r.nodes["(三)"].score for r in results] == [D("1.8"), D(2), D("0.4")]
    # nothing else in TEXT says whether a high 化解率 is good, but its name does (W330);
    # a name outside the lexicon must have the direction written
    named = compile_policy(TEXT.replace("从高到低排名，后两名", "排名，后两名"))
    assert "W330" in [d.code for d in named.diagnostics]
    rows = rows_of("90", "80", "70", "60")
    assert [scores(r) for r in named.score_batch(rows)] == [scores(r) for r in batch(rows)]
    with pytest.raises(PolicyError) as info:
        compile_policy(
            TEXT.replace("从高到低排名，后两名", "排名，后两名").replace("化解率", "调处率")
        )
    assert [d.code for d in info.value.diagnostics if d.is_error] == ["E235"]


def test_direction_inferred_from_a_deduction_per_unit():
    text = NODES.replace("按【(一)得分】排名，前两名得1分", "按【缺会次数】排名，前两名得1分")
    policy = compile_policy(text)
    rows = [
        {"单位": "甲", "缺会次数": 0},
        {"单位": "乙", "缺会次数": 1},
        {"单位": "丙", "缺会次数": 3},
    ]
    results = policy.score_batch(rows)
    stat = next(s for s in policy.ir.stats if s.subject == "缺会次数")
    assert not stat.high  # fewer missed meetings rank first
    assert [r.nodes["(三)"].score for r in results][2] < results[0].nodes["(三)"].score


RATES = st.lists(
    st.one_of(st.integers(0, 100), st.decimals(0, 100, places=1)), min_size=0, max_size=8
)


@settings(max_examples=60, deadline=None)
@given(rates=RATES, seed=st.integers(0, 10**6))
def test_permuting_the_batch_changes_no_units_result(rates, seed):
    rows = rows_of(*rates)
    results = {r.unit: r for r in batch(rows)}
    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    again = {r.unit: r for r in batch(shuffled)}
    assert results == again


@settings(max_examples=60, deadline=None)
@given(rates=RATES.filter(bool))
def test_shares_stay_within_their_points_and_follow_the_definition(rates):
    results = batch(rows_of(*rates))
    best = max(Decimal(r) for r in rates)
    for rate, r in zip(rates, results, strict=True):
        share = r.nodes["(四)"].score
        assert 0 <= share <= 10
        with localcontext(prelude._CONTEXT):
            if Decimal(rate) == best:
                expected = D(10)
            else:
                expected = prelude._limit(D(10) * Decimal(rate) / best) if best else D(0)
        assert share == expected
        better = sum(1 for other in rates if Decimal(other) > Decimal(rate))
        assert r.nodes["(三)"].score == ([D(3), D(2), D(1)] + [D(0)] * 10)[better]


def test_a_rank_clause_may_leave_out_an():
    """`【X】从高到低排名第1至3名的，依次得…` and `【X】从高到低排名，后两名扣3分` are the
    same clauses as with 按; without a direction (and a name that says none) the same
    error asks for one."""
    bare = TEXT.replace(
        "按【化解率】从高到低排名，排名第1至3名的", "【化解率】从高到低排名第1至3名的"
    ).replace("按【化解率】从高到低排名，后两名", "【化解率】从高到低排名，后两名")
    assert bare.count("按【化解率】") == 1
    policy = compile_policy(bare, filename="bare.rule")
    assert policy.ir.stats == POLICY.ir.stats
    rows = rows_of("90", "95", "80", "95", "60")
    got, expected = policy.score_batch(rows), POLICY.score_batch(rows)
    assert [(r.total, r.rank, scores(r)) for r in got] == [
        (r.total, r.rank, scores(r)) for r in expected
    ]
    # each clause explains itself in the words it was written in, 按 or not
    texts = {clause.text for node in policy.ir.nodes for clause in node.clauses}
    assert "【化解率】从高到低排名第1至3名的，依次得3分、2分、1分" in texts
    assert "按【化解率】从高到低排名，第1名得6分，第2至5名按第1名的比例得分" in texts
    # ranks 3, 1, 4, 1, 5: 后两名 are u2 and u4; 第1至3名 get 3, 3 and 1
    assert [scores(r)[1:3] for r in got] == [(5, 1), (5, 3), (2, 0), (5, 3), (2, 0)]
    unnamed = TEXT.replace("化解率", "调处率")
    with pytest.raises(PolicyError) as caught:
        compile_policy(
            unnamed.replace("按【调处率】从高到低排名，后两名", "【调处率】排名后两名的")
        )
    assert "E235" in str(caught.value)
