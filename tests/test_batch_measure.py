"""The entry points the passes over a batch use: `unit_values`, `batch_values` (the
batch values parsed once), `measure` (disqualified and node scores, without the
explanation) and `score_given` (`score` with parsed batch values).

They must give exactly the numbers of `score(facts, batch=…)` — the same node scores,
the same 取消考评资格, the same InputError where `score` raises one — for the generated
module and for the interpreter alike: `xize score` reads a ranked policy's batch through
them, and its reports must not change by a byte."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from decimal import Decimal, localcontext
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from strategies import fact_values, policies
from xize.compiler import InputError, compile_policy
from xize.compiler.support import prelude
from xize.runtime.batch.statistics import Plan

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from batch_relative import RANKED  # noqa: E402
from test_batch_jobs import POLICY as LEVELS  # noqa: E402
from test_batch_policy import POLICY as DONE_WHEN  # noqa: E402

# ------------------------------------------------------------ random ranked policies

FACTS = """\
数据：
  缺会次数：次，默认0
  积案数：件，默认0
  受理率：百分比
  化解率：百分比
  通报批评：是否，默认否
  重大事故：是否，默认否
  弄虚作假：是否，默认否
"""

MARKERS = ["(一)", "(二)", "(三)", "(四)", "(五)"]


def _fact_clauses(points: int) -> list[str]:
    """Clauses of a node worth `points` that read facts, their means and ranks."""
    return [
        "【缺会次数】每缺1次扣2分",
        "【通报批评】扣3分",
        "【受理率】低于全市平均值5个百分点的，每低于平均值1个百分点扣1分",
        "【化解率】低于平均值的，扣2分",
        "【化解率】最高者得满分，其余按与最高者的比例得分",
        f"按【化解率】从高到低排名，第1名得{points}分，其余按与第1名的比例得分",
        "按【积案数】从低到高排名，排名第1至3名的，依次得3分、2分、1分",
        "按【受理率】从高到低排名，前三名加2分",
        "按【化解率】从高到低排名，后两名扣3分",
    ]


def _node_clauses(points: int, earlier: str) -> list[str]:
    """Clauses that rank an earlier node's score."""
    return [
        f"按【{earlier}得分】排名，第1名得{points}分，其余按与第1名的比例得分",
        f"按【{earlier}得分】排名，前三名得2分",
        f"按【{earlier}得分】排名，后两名扣1分",
        f"按【{earlier}得分】排名，第1名得{points}分，第2至5名按第1名的比例得分",
    ]


OUTCOMES = ["【重大事故】不得评为优秀", "【弄虚作假】取消考评资格", "【重大事故】一票否决"]


@st.composite
def ranked_texts(draw) -> str:
    """A policy with ranks on facts and on node scores (possibly at several levels),
    best-in-batch shares, offsets from the mean and grade limits."""
    count = draw(st.integers(1, 4))
    points = [draw(st.sampled_from([10, 20, 25])) for _ in range(count)]
    lines = []
    for k in range(count):
        lines.append(f"{MARKERS[k]}项目{k + 1}({points[k]}分)")
        options = _fact_clauses(points[k])
        for earlier in MARKERS[:k]:
            options += _node_clauses(points[k], earlier)
        ranked = [o for o in options if "排名" in o or "最高者" in o]
        chosen = [draw(st.sampled_from(ranked))] if k == 0 else []
        chosen += draw(st.lists(st.sampled_from(options), max_size=2, unique=True))
        chosen = list(dict.fromkeys(chosen)) or [draw(st.sampled_from(options))]
        lines += [f"  - {clause}" for clause in chosen]
    lines += [f"  - {o}" for o in draw(st.lists(st.sampled_from(OUTCOMES), unique=True))]
    precision = draw(st.sampled_from(["精度：0.01\n", "精度：0.1\n", ""]))
    full = sum(points)
    bands = f"等次：\n  优秀：{full * 9 // 10}分以上\n  良好：{full * 3 // 4}分以上\n  合格：其余\n"
    body = "\n".join(lines)
    return f"细则：随机排名\n年度：2024\n满分：{full}分\n{precision}\n{FACTS}\n{body}\n\n{bands}"


_COMPILED: dict[str, object] = {}


def compiled(text: str):
    if text not in _COMPILED:
        _COMPILED[text] = compile_policy(text, "随机.rule")
    return _COMPILED[text]


def ranked_facts():
    percent = st.decimals(0, 100, places=1).map(lambda d: Decimal(format(d.normalize(), "f")))
    return st.fixed_dictionaries(
        {
            "单位": st.sampled_from(["甲", "乙"]),
            "缺会次数": st.integers(0, 12),
            "积案数": st.integers(0, 5),
            "受理率": st.one_of(percent, percent.map(lambda d: f"{d}%")),
            "化解率": percent,
            "通报批评": st.booleans(),
            "重大事故": st.booleans(),
            "弄虚作假": st.sampled_from([False, False, True]),
        }
    )


@st.composite
def batch_for(draw, policy) -> dict:
    """Batch values for `policy`, keyed as `score(batch=…)` takes them: statistics
    that could come from a batch, now and then one that cannot (a rank of 0, text)."""
    count = draw(st.integers(1, 30))
    batch: dict[str, object] = {}
    for name in policy.ir.averages:
        batch[f"平均值【{name}】"] = draw(st.decimals(0, 100, places=3))
    for info in policy.module.STATS:
        key = prelude._stat_key(info)
        if info.kind == "value":
            continue
        if info.kind == "count":
            batch[key] = count
        elif info.kind == "best":
            batch[key] = draw(st.decimals(-5, 100, places=2))
        else:
            batch[key] = draw(st.integers(1, count))
    if batch and draw(st.integers(0, 9)) == 0:
        key = draw(st.sampled_from(sorted(batch)))
        batch[key] = draw(st.sampled_from([0, "第二", "", Decimal("1E+25"), "3名"]))
    return batch


# --------------------------------------------------------------------- the checks


@dataclass(frozen=True)
class Raised:
    """An InputError, by its message."""

    message: str


def _either(fn):
    try:
        return fn()
    except (InputError, prelude.InputError) as exc:
        return Raised(str(exc))


def _via_entry_points(engine, facts, batch):
    """(measured, result) through batch_values → unit_values → measure, score_given."""
    given = engine.batch_values(batch)
    unit, values = engine.unit_values(facts)
    measured = engine.measure(unit, values, given)
    return measured, engine.score_given(facts, given)


def _numbers(result, paths) -> tuple:
    """What `measure` must give, read off a full Result."""
    return (
        result.status == "取消考评资格",
        tuple(result.nodes[path].score for path in paths),
    )


def _text(value) -> object:
    """Exact comparison, down to a Decimal's exponent."""
    if isinstance(value, Raised):
        return value
    if isinstance(value, tuple):
        return tuple(_text(v) for v in value)
    if hasattr(value, "to_dict"):
        return repr(value.to_dict())
    return repr(value)


def _scorer(policy):
    """`score`, or where the policy has 等次 quotas the score before them: a pass scores
    each unit before the quotas, which need the whole batch's totals."""
    return policy.score_before_quotas if policy.ir.quotas else policy.score


def check_agreement(policy, facts, batch) -> None:
    """`measure` and `score_given` against `score(batch=…)`, for the compiled module
    and the interpreter, and compiled == interpreter."""
    paths = policy.node_paths
    assert paths == policy.interpreter.paths
    expected = _either(lambda: _scorer(policy)(facts, batch=batch))
    for engine in (policy, policy.interpreter):
        got = _either(lambda engine=engine: _via_entry_points(engine, facts, batch))
        if isinstance(expected, Raised):  # score raised: so does a pass, alike
            assert isinstance(got, Raised), got
            # a pass reads the batch values (for every unit, so without a unit's name)
            # before the facts, `score` after them
            unnamed = Raised(re.sub(r"^单位“[^”]*”：", "", expected.message))
            reading = _either(lambda e=engine: e.unit_values(facts))
            assert got in (expected, unnamed) or reading == expected, (got, expected)
            continue
        measured, result = got
        assert _text(measured) == _text(_numbers(expected, paths))
        assert _text(result) == _text(expected)
    compiled_measure = _either(lambda: _via_entry_points(policy, facts, batch)[0])
    interpreted = _either(lambda: _via_entry_points(policy.interpreter, facts, batch)[0])
    assert _text(compiled_measure) == _text(interpreted)
    if not isinstance(compiled_measure, Raised):
        check_levels(policy, facts, batch, compiled_measure)


def check_levels(policy, facts, batch, measured) -> None:
    """`measure(…, level=k)`, which leaves out the unit's own scores of level k and
    above, gives the numbers the pass at level k reads exactly as the full `measure`:
    取消考评资格 at level 0, and the score of every node ranked at level k."""
    plan = Plan(policy.ir)
    for engine in (policy, policy.interpreter):
        given = engine.batch_values(batch)
        unit, values = engine.unit_values(facts)
        for level in plan.levels:
            got = engine.measure(unit, values, given, level)
            if level == 0:
                assert got[0] == measured[0]
            for subject, node, _ in plan.subjects[level]:
                if node:
                    k = plan.nodes[subject]
                    assert _text(got[1][k]) == _text(measured[1][k]), (level, subject)


def check_placeholders(policy, facts) -> None:
    """`measure` with no batch values is `score` before anything is known — the
    membership test of the first pass (`statistics.Plan.placeholders`)."""
    placeholders = Plan(policy.ir).placeholders()
    expected = _either(lambda: _scorer(policy)(facts, batch=placeholders))
    for engine in (policy, policy.interpreter):
        try:
            unit, values = engine.unit_values(facts)
        except (InputError, prelude.InputError):
            assert isinstance(expected, Raised)
            continue
        got = _either(lambda e=engine, u=unit, v=values: e.measure(u, v))
        if isinstance(expected, Raised):
            assert got == expected
        else:
            assert _text(got) == _text(_numbers(expected, policy.node_paths))
            assert _text(got) == _text(
                engine.measure(unit, values, engine.batch_values(placeholders))
            )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ranked_texts(), data=st.data())
def test_entry_points_agree_with_score_on_random_ranked_policies(text, data):
    note(text)
    policy = compiled(text)
    assert policy.ir.stats
    facts = data.draw(ranked_facts())
    batch = data.draw(batch_for(policy))
    note(repr((facts, batch)))
    check_agreement(policy, facts, batch)
    check_placeholders(policy, facts)


BUNDLED = {"benchmark": RANKED, "levels": LEVELS, "done_when": DONE_WHEN}


@pytest.mark.parametrize("name", sorted(BUNDLED))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_entry_points_agree_with_score_on_the_bundled_ranked_policies(name, data):
    policy = compiled(BUNDLED[name])
    known = {f.name for f in policy.ir.facts}
    facts = {k: v for k, v in data.draw(ranked_facts()).items() if k in known or k == "单位"}
    for fact in policy.ir.facts:  # facts the generic strategy does not know
        if fact.name not in facts and fact.default is None:
            facts[fact.name] = data.draw(st.integers(0, 100))
    batch = data.draw(batch_for(policy))
    note(repr((facts, batch)))
    check_agreement(policy, facts, batch)
    check_placeholders(policy, facts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(desc=policies(with_tests=False), data=st.data())
def test_entry_points_agree_with_score_on_random_policies_with_means(desc, data):
    """The random policies of `strategies` that compare with the batch mean."""
    averaged = desc.average_facts()
    if not averaged:
        return
    text = desc.render()
    note(text)
    policy = compiled(text)
    raw, _ = data.draw(fact_values(desc))
    raw["单位"] = "某单位"
    means = {f"平均值【{name}】": data.draw(st.decimals(0, 100, places=2)) for name in averaged}
    check_agreement(policy, raw, means)
    check_placeholders(policy, raw)
    # `averages=` and the batch mapping are the same means
    given = policy.batch_values(None, {name: means[f"平均值【{name}】"] for name in averaged})
    assert given == policy.batch_values(means)


def test_a_pass_raises_where_score_raises_and_names_the_same_place():
    """A formula that cannot be computed for a unit (a division by 0) is the same
    InputError, naming the same clause, through `measure` and `score_given` as through
    `score` — in the pass that computes a node's own score, too."""
    text = LEVELS.replace(
        "  - 【缺会次数】每缺1次扣2分\n",
        "  - 【缺会次数】每缺1次扣2分\n  - 扣(【缺会次数】÷【积案数】)分\n",
    )
    policy = compile_policy(text, "除零.rule")
    facts = {"单位": "甲", "缺会次数": 1, "受理率": 90, "化解率": 50, "积案数": 0}
    batch = {k: 1 for k in Plan(policy.ir).placeholders()}
    with pytest.raises(InputError, match="第15行的条款 “扣") as expected:
        policy.score(facts, batch=batch)
    for engine in (policy, policy.interpreter):
        unit, values = engine.unit_values(facts)
        for values_given in (engine.batch_values(batch), None):
            with pytest.raises((InputError, prelude.InputError)) as got:
                engine.measure(unit, values, values_given)
            assert str(got.value) == str(expected.value)
        with pytest.raises((InputError, prelude.InputError)) as got:
            engine.score_given(facts, engine.batch_values(batch))
        assert str(got.value) == str(expected.value)


def test_batch_values_are_parsed_once_as_score_parses_them():
    """Means keep 40 decimal places, as `score` keeps them; text with a unit is read;
    a value `score` refuses is refused here too, without a unit's name."""
    policy = compile_policy(RANKED, "排名.rule")
    with localcontext() as wide:
        wide.prec = 60
        third = Decimal(100) / 3  # 58 decimal places
    batch = {
        "平均值【受理率】": third,
        "排名【化解率】": "3名",
        "最高值【化解率】": "98.5%",
        "排名【(一)得分】": 1,
        "最高值【(一)得分】": "40分",
    }
    given = policy.batch_values(batch)
    mean, rank, best, node_rank, own, node_best = given
    assert mean == Decimal("33." + "3" * 40) and mean.as_tuple().exponent == -40
    assert (rank, best, node_rank, own, node_best) == (3, Decimal("98.5"), 1, 0, 40)
    with pytest.raises(InputError, match="排名【化解率】 的值 “第二” 无效") as refused:
        policy.batch_values({**batch, "排名【化解率】": "第二"})
    assert "单位" not in str(refused.value)
    with pytest.raises(InputError, match="缺少 最高值【化解率】"):
        policy.batch_values({k: v for k, v in batch.items() if k != "最高值【化解率】"})
