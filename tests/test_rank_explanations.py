"""What a unit is told it lost under a rank clause: the rule that gave it its points.

`【化解率】最高者得满分，其余按与最高者的比例得分`: the unit at 60% when the best is
90% got 10 × 60 ÷ 90 and lost the rest *by the share* — the explanation must say so
with the share's inputs (its rate, the best rate, its rank), not blame `最高者得满分`
for points it could never have had at that rank, and the best unit has nothing to
explain.  A unit no rule pays (7th where only the first five score) lost the first
rule's points.  Hand-computed, compiled == interpreter, and for every unit the items
add up to 满分 − 总分."""

from __future__ import annotations

from decimal import Decimal, localcontext

from hypothesis import given
from hypothesis import strategies as st
from xize.compiler import compile_policy
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.ir.util import NOTE_MISSED, NOTE_SHARE
from xize.compiler.support import prelude
from xize.runtime.report.sentences import ItemWords

TEXT = """细则：按名次的说明
年度：2024
满分：16分

数据：
  化解率：百分比
  办结率：百分比

(一)比例(10分)
  - 【化解率】最高者得满分，其余按与最高者的比例得分
(二)名次(6分)
  - 按【办结率】从高到低排名，第1名得6分，第2至5名按第1名的比例得分
"""

POLICY = compile_policy(TEXT, filename="explain.rule")
INTERP = Interpreter(POLICY.ir)
D = Decimal


def batch(rows):
    compiled, interpreted = POLICY.score_batch(rows), INTERP.score_batch(rows)
    assert compiled == interpreted
    return compiled


def lost(points: int, value: int, best: int) -> Decimal:
    """points − points × value ÷ best, as the engines compute it (40 decimal places)."""
    with localcontext(prelude._CONTEXT):
        return D(points) - prelude._limit(D(points) * D(value) / D(best))


def own(result, path):
    return [i for i in result.items if i.path == path]


RATES = [90, 60, 45, 80, 70, 65, 50]  # 办结率 ranks: 1, 5, 7, 2, 3, 4, 6


def rows():
    return [
        {"单位": f"u{i}", "化解率": rate, "办结率": rate} for i, rate in enumerate(RATES, start=1)
    ]


def test_the_best_unit_has_nothing_to_explain():
    best = batch(rows())[0]
    assert best.total == D(16) and best.items == ()


def test_a_share_explains_what_it_did_not_give():
    results = batch(rows())
    (item,) = own(results[1], "(一)")  # 60% of a best 90%: 10 × 60 ÷ 90 = 6.67, lost 3.33
    assert item.text.endswith("其余按与最高者的比例得分")
    assert item.note == NOTE_SHARE
    assert item.nominal == item.applied == lost(10, 60, 90)
    assert dict(item.inputs) == {"化解率": D(60), "最高值【化解率】": D(90), "排名【化解率】": D(5)}
    (item,) = own(results[3], "(二)")  # 办结率 80%, 2nd: 6 × 80 ÷ 90
    assert item.note == NOTE_SHARE and item.applied == lost(6, 80, 90)


def test_a_unit_no_rule_pays_lost_the_first_rule():
    results = batch(rows())
    (item,) = own(results[2], "(二)")  # 45%: 7th, outside 第2至5名
    assert item.text.startswith("- 按【办结率】") or "第1名得6分" in item.text
    assert item.note == NOTE_MISSED and item.applied == D(6)
    assert results[2].nodes["(二)"].score == 0


def test_the_words_give_the_best_value_in_the_facts_unit():
    results = batch(rows())
    (item,) = own(results[1], "(一)")
    sentence = ItemWords(POLICY.ir).sentence(item)
    assert "最高值【化解率】 = 90%" in sentence and "化解率 = 60%" in sentence


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=100)),
        min_size=1,
        max_size=9,
    )
)
def test_items_add_up_and_one_rule_explains_each_clause(values):
    data = [{"单位": f"u{i}", "化解率": a, "办结率": b} for i, (a, b) in enumerate(values)]
    for result in batch(data):
        with localcontext(prelude._CONTEXT):
            assert sum((i.applied for i in result.items), D(0)) == D(16) - result.exact_total
        for path in ("(一)", "(二)"):
            assert len([i for i in own(result, path) if i.applied > 0]) <= 1
