"""The bad-input matrix: every fact type against values that must be refused.

`Policy.score` raises `xize.compiler.InputError` naming the unit, the fact, the value and
what was expected; `score_batch` marks that row 数据错误 and scores the others; nothing
is dropped or silently coerced.  A float is accepted only where it converts exactly via
`str` (0.1 → Decimal('0.1')).
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from xize.compiler import InputError, compile_policy
from xize.compiler.support import prelude

D = Decimal

POLICY = """\
细则：坏数据测试细则
年度：2023
满分：35分

数据：
  制定应急预案：是否
  缺会次数：次
  隐患化解率：百分比
  平台扣分：数值
  预案工作扣分：分，范围0至5
  上报日期：日期

(一)应急预案(5分)
  - 未【制定应急预案】扣5分
(二)会议(5分)
  - 【缺会次数】每缺1次扣1分
(三)化解(5分)
  - 【隐患化解率】应达到80%，每低于1个百分点扣0.1分
(四)平台(5分)
  - 扣(【平台扣分】×10)分
(五)预案工作(5分)
  - 【预案工作扣分】酌情扣0至5分
(六)上报(5分)
  - 【上报日期】晚于1月9日的，每晚1天扣1分
(七)化解率精确(5分)
  - 【隐患化解率】超过0.1%的，扣1分
"""

GOOD = {
    "制定应急预案": "是",
    "缺会次数": 0,
    "隐患化解率": 100,
    "平台扣分": 0,
    "预案工作扣分": 0,
    "上报日期": "2023-01-09",
}
TYPES = {
    "制定应急预案": "bool",
    "缺会次数": "count",
    "隐患化解率": "percent",
    "平台扣分": "number",
    "预案工作扣分": "points",
    "上报日期": "date",
}

NAN = float("nan")
DNAN = D("NaN")
# (label, value, types that ACCEPT it)
MATRIX = [
    ("negative int", -1, {"number"}),
    ("negative Decimal", D("-0.5"), {"number"}),
    ("negative str", "-2", {"number"}),
    ("fractional float", 1.5, {"percent", "number", "points"}),
    ("fractional Decimal", D("2.5"), {"percent", "number", "points"}),
    ("fractional str", "2.5", {"percent", "number", "points"}),
    ("NaN float", NAN, set()),
    ("NaN Decimal", DNAN, set()),
    ("NaN str", "NaN", set()),
    ("nan str", "nan", set()),
    ("sNaN Decimal", D("sNaN"), set()),
    ("+inf float", math.inf, set()),
    ("-inf float", -math.inf, set()),
    ("inf Decimal", D("Infinity"), set()),
    ("-inf Decimal", D("-Infinity"), set()),
    ("inf str", "inf", set()),
    ("Infinity str", "Infinity", set()),
    ("1e400 str", "1e400", set()),
    ("1e400 Decimal", D("1e400"), set()),
    ("1e400 float", float("1e400"), set()),
    ("exponent str", "1e2", set()),
    ("empty", "", set()),
    ("blank", "   ", set()),
    ("None", None, set()),
    ("是的", "是的", set()),
    ("150%", "150%", set()),
    ("85%%", "85%%", set()),
    ("2023-02-30", "2023-02-30", set()),
    ("2023年13月1日", "2023年13月1日", set()),
    ("empty list", [], set()),
    ("list", [1], set()),
    ("dict", {"值": 1}, set()),
    ("bytes", b"1", set()),
    ("float 0.1", 0.1, {"percent", "number", "points"}),
    ("True for a number", True, {"bool"}),
    ("percent 100.5", "100.5", {"number"}),
    ("date as int", 20230109, {"count", "number"}),
]


@pytest.fixture(scope="module")
def policy():
    return compile_policy(POLICY, filename="bad_input.rule")


def _facts(**change):
    facts = dict(GOOD)
    facts.update(change)
    facts["单位"] = "某某乡镇"
    return facts


def test_good_row_scores_full_marks(policy):
    r = policy.score(_facts())
    # (七): 100% 超过0.1% → 扣1分
    assert r.total == D(34)
    assert r.nodes["(七)"].score == D(4)


def _cases():
    for label, value, ok in MATRIX:
        for fact, type_ in TYPES.items():
            yield pytest.param(fact, type_, value, type_ in ok, id=f"{type_}-{label}")


def _mentions(message: str, value) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    shown = value if isinstance(value, str) else str(value)
    return shown[:30] in message or repr(value)[:30] in message


@pytest.mark.parametrize(("fact", "type_", "value", "accepted"), list(_cases()))
def test_score_refuses_bad_values(policy, fact, type_, value, accepted):
    facts = _facts(**{fact: value})
    if accepted:
        result = policy.score(facts)
        assert isinstance(result.total, Decimal)
        for item in result.items:
            for name, used in item.inputs:
                if name == fact:
                    assert not isinstance(used, float), (fact, used)
        return
    with pytest.raises(InputError) as info:
        policy.score(facts)
    err = info.value
    assert err.fact == fact
    assert err.unit == "某某乡镇"
    if isinstance(value, float) and math.isnan(value):
        assert err.value is value or (isinstance(err.value, float) and math.isnan(err.value))
    elif isinstance(value, Decimal) and value.is_nan():
        assert isinstance(err.value, Decimal) and err.value.is_nan()
    elif value is not None and not (isinstance(value, str) and not value.strip()):
        assert err.value == value and type(err.value) is type(value)
    assert isinstance(err.expected, str) and err.expected.strip()
    message = str(err)
    assert fact in message and "某某乡镇" in message, message
    assert _mentions(message, value), message


@pytest.mark.parametrize("fact", list(TYPES))
def test_batch_marks_only_the_bad_row(policy, fact):
    bad_value = [1]
    rows = [
        dict(_facts(), 单位="甲"),
        dict(_facts(**{fact: bad_value}), 单位="乙"),
        dict(_facts(缺会次数=2), 单位="丙"),
    ]
    results = policy.score_batch(rows)
    assert [r.unit for r in results] == ["甲", "乙", "丙"]
    bad = results[1]
    assert bad.status == "数据错误"
    assert bad.total is None and bad.rank is None and bad.grade is None
    assert bad.error is not None
    assert bad.error.fact == fact
    assert bad.error.value == bad_value
    assert bad.error.expected
    assert fact in bad.error.message
    for i in (0, 2):
        single = policy.score(rows[i])
        assert results[i].status == "正常"
        assert results[i].total == single.total
    assert results[0].total == D(34) and results[2].total == D(32)
    assert (results[0].rank, results[2].rank) == (1, 2)


def test_unknown_key_is_refused(policy):
    with pytest.raises(InputError) as info:
        policy.score(dict(_facts(), 缺会次=1))
    assert info.value.fact == "缺会次"


def test_missing_fact_without_default_is_refused(policy):
    facts = _facts()
    del facts["隐患化解率"]
    with pytest.raises(InputError) as info:
        policy.score(facts)
    assert info.value.fact == "隐患化解率"
    assert info.value.unit == "某某乡镇"


def test_float_is_taken_exactly_via_str(policy):
    # 0.1 → Decimal('0.1'): 0.1 × 10 = 1 exactly; Decimal(0.1) × 10 would not be 1
    r = policy.score(_facts(平台扣分=0.1, 预案工作扣分=0.1, 隐患化解率=0.1))
    assert r.nodes["(四)"].deduction == D(1)
    assert r.nodes["(四)"].score == D(4)
    assert r.nodes["(五)"].score == D("4.9")
    # 0.1 is not "超过0.1%": the float did not become 0.1000000000000000055…
    assert r.nodes["(七)"].score == D(5)
    for item in r.items:
        for _, value in item.inputs:
            assert not isinstance(value, float)


def test_range_of_points_fact(policy):
    for value in ("5.01", D("-0.01"), 6):
        with pytest.raises(InputError) as info:
            policy.score(_facts(预案工作扣分=value))
        assert info.value.fact == "预案工作扣分"
    assert policy.score(_facts(预案工作扣分="5")).nodes["(五)"].score == 0


AVERAGE_POLICY = """\
细则：平均值测试细则
年度：2023
满分：1分

数据：
  及时受理率：百分比

(一)受理(1分)
  - 【及时受理率】每低于全市综合平均值1个百分点扣0.02分
"""


def test_batch_average_over_good_rows_and_no_good_rows():
    policy = compile_policy(AVERAGE_POLICY)
    rows = [
        {"单位": "甲", "及时受理率": "90"},
        {"单位": "乙", "及时受理率": "abc"},
        {"单位": "丙", "及时受理率": "80%"},
    ]
    results = policy.score_batch(rows)
    assert [r.status for r in results] == ["正常", "数据错误", "正常"]
    # mean of 90 and 80 = 85: 丙 is 5 points below → 0.1
    assert results[0].total == D(1)
    assert results[2].total == D("0.9")
    assert results[1].error.fact == "及时受理率"
    with pytest.raises(InputError) as info:
        policy.score({"单位": "甲", "及时受理率": 90}, averages={})
    assert info.value.fact == "及时受理率"
    only_bad = policy.score_batch([{"单位": "乙", "及时受理率": "abc"}])
    assert only_bad[0].status == "数据错误" and only_bad[0].total is None


WIDE = """\
细则：全角名称
年度：2024
满分：5分

数据：
  细颗粒物（PM2.5）年均浓度：数值

(一)大气(5分)
  - 【细颗粒物（PM2.5）年均浓度】超过2的，扣1分
"""


def test_a_key_spelled_as_in_the_rule_file_names_its_fact():
    # the policy reads the name with ASCII brackets; a caller keys it as the file writes it
    policy = compile_policy(WIDE)
    for spelling in ("细颗粒物（PM2.5）年均浓度", "细颗粒物(PM2.5)年均浓度"):
        assert policy.score({spelling: 3}).total == D(4)
        assert policy.interpreter.score({spelling: 3}).total == D(4)
    # both spellings at once: which value is meant?  Refused, never one silently dropped
    both = {"细颗粒物（PM2.5）年均浓度": 3, "细颗粒物(PM2.5)年均浓度": 1}
    with pytest.raises(InputError):
        policy.score(both)
    with pytest.raises(prelude.InputError):  # the interpreter raises the runtime's own
        policy.interpreter.score(both)
    with pytest.raises(InputError) as info:
        policy.score({"细颗粒物（PM10）年均浓度": 3})
    assert info.value.fact == "细颗粒物（PM10）年均浓度"
