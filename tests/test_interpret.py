"""The reference interpreter and the shared run-time support: input conversion with
precise messages, records, fired clauses — and the same behaviour from the compiled
module (same results, same error messages)."""

from __future__ import annotations

import json
import pickle
from datetime import date, datetime
from decimal import Decimal

import pytest
from irbuild import (
    avg,
    deduct,
    earn,
    fact,
    late,
    node,
    per_unit,
    policy,
    threshold,
    when,
)
from scorers import KINDS, scorer
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.support import prelude

D = Decimal

P = policy(
    node("(一)", 5, per_unit("缺会次数", 1)),
    node("(二)", 2, when("按时上报", earn(2))),
    node("(三)", 3, threshold("化解率", 80, "0.1")),
    node("(四)", 3, late("上报日期", date(2023, 1, 9), 1)),
    node("(五)", 2, when(None, deduct("酌情"))),
    facts=[
        fact("缺会次数", "count", "次", default=0),
        fact("按时上报", "bool"),
        fact("化解率", "percent"),
        fact("上报日期", "date"),
        fact("酌情", "points", low=0, high=2, default=D(0)),
    ],
    full=15,
)
GOOD = {"按时上报": "是", "化解率": "100%", "上报日期": "2023-01-09"}


@pytest.fixture(params=KINDS)
def s(request):
    return scorer(P, request.param)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True), (False, False), ("是", True), ("否", False), ("√", True), ("×", False),
        ("有", True), ("无", False), ("1", True), ("0", False), ("true", True), ("FALSE", False),
        (1, True), (0, False), (D(1), True), (" 是 ", True), ("ｔｒｕｅ", True),
    ],
)  # fmt: skip
def test_bool_words(value, expected):
    info = prelude.FactInfo("X", "bool", "是否", None, None, None, "", 1)
    assert prelude._convert_bool(value, info, None) is expected


@pytest.mark.parametrize(
    "value", ["是的", "2", 2, -1, D("0.5"), 0.0, [], {}, b"1", "yes", D("NaN")]
)
def test_bool_rejects(value):
    info = prelude.FactInfo("X", "bool", "是否", None, None, None, "", 1)
    with pytest.raises(prelude.InputError) as e:
        prelude._convert_bool(value, info, "甲")
    assert e.value.fact == "X" and e.value.unit == "甲" and e.value.value is value


def test_count_message_is_precise(s):
    with pytest.raises(ValueError) as e:
        s.score({**GOOD, "缺会次数": -1, "单位": "城关镇"})
    err = e.value
    assert str(err) == "单位“城关镇”：【缺会次数】的值 “-1” 无效：应为不小于0的整数（次）"
    assert (err.unit, err.fact, err.value) == ("城关镇", "缺会次数", -1)
    assert err.expected == "应为不小于0的整数（次）"


@pytest.mark.parametrize(
    ("field", "value", "node", "score"),
    [
        ("缺会次数", "3", "(一)", 2), ("缺会次数", "3次", "(一)", 2), ("缺会次数", D("3.0"), "(一)", 2),
        ("缺会次数", 3.0, "(一)", 2), ("化解率", "75", "(三)", D("2.5")), ("化解率", "75.5%", "(三)", D("2.6")),
        ("化解率", D("75"), "(三)", D("2.5")), ("化解率", 0.755e2, "(三)", D("2.6")),
        ("上报日期", "2023年1月11日", "(四)", 1), ("上报日期", "1月10日", "(四)", 2),
        ("上报日期", date(2023, 1, 12), "(四)", 0), ("上报日期", datetime(2023, 1, 10, 9), "(四)", 2),
        ("上报日期", "2023/1/11", "(四)", 1), ("酌情", "1.5", "(五)", D("0.5")), ("酌情", "1.5分", "(五)", D("0.5")),
    ],
)  # fmt: skip
def test_accepted_spellings(s, field, value, node, score):
    r = s.score({**GOOD, field: value})
    assert r.nodes[node].score == score


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("缺会次数", "3.5"), ("缺会次数", 3.5), ("缺会次数", True), ("缺会次数", "1e2"),
        ("缺会次数", "1" * 40), ("化解率", "101"), ("化解率", "-1%"), ("化解率", "NaN"),
        ("化解率", float("inf")), ("化解率", 1e-7), ("上报日期", "2023-02-30"), ("上报日期", 20230109),
        ("酌情", "2.5"), ("酌情", D("-0.1")), ("按时上报", None),
    ],
)  # fmt: skip
def test_refused_values(s, field, value):
    with pytest.raises(ValueError) as e:
        s.score({**GOOD, field: value, "单位": "甲"})
    assert e.value.fact == field and field in str(e.value) and e.value.expected


def test_missing_unknown_and_non_mapping(s):
    with pytest.raises(ValueError) as e:
        s.score({"化解率": 90, "上报日期": "1月1日"})
    assert e.value.fact == "按时上报" and "缺少【按时上报】" in str(e.value)
    with pytest.raises(ValueError) as e:
        s.score({**GOOD, "缺会次": 1})
    assert e.value.fact == "缺会次" and "缺会次数" in e.value.expected
    with pytest.raises(ValueError):
        s.score([("按时上报", True)])
    blank = s.score({**GOOD, "缺会次数": "  "})  # a blank cell is a missing value
    assert blank.nodes["(一)"].score == 5


def test_same_messages_from_both():
    bad = {**GOOD, "化解率": "abc", "单位": "乙"}
    messages = []
    for kind in KINDS:
        with pytest.raises(ValueError) as e:
            scorer(P, kind).score(bad)
        messages.append(str(e.value))
    assert messages[0] == messages[1]


def test_embedder_context_does_not_matter(s):
    import decimal

    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        r = s.score({**GOOD, "化解率": "79.12345"})
    assert r.nodes["(三)"].deduction == D("0")
    with decimal.localcontext(decimal.Context(prec=2)):
        r = s.score({**GOOD, "化解率": "12.5"})
    (item,) = [i for i in r.items if i.path == "(三)"]
    assert item.nominal == D("6.7") and r.nodes["(三)"].deduction == 3  # 67 × 0.1


def test_result_records_and_to_dict(s):
    r = s.score({**GOOD, "缺会次数": 2, "按时上报": "否", "单位": "城关镇"})
    assert r.unit == "城关镇" and r.status == "正常" and r.rank is None
    d = r.to_dict()
    json.dumps(d, ensure_ascii=False)
    assert d["total"] == "11" and d["unit"] == "城关镇"
    assert [i["clause"] for i in d["items"]] == ["c0", "c1"]
    assert d["items"][1]["inputs"] == {"按时上报": False}
    assert type(r.nodes["(一)"]).__name__ == "NodeScore"
    assert r.items[0]._fields == (
        "clause", "path", "line", "text", "inputs", "kind", "raw", "nominal", "applied", "note",
    )  # fmt: skip
    assert r._fields == (
        "unit", "total", "exact_total", "grade", "rank", "status", "vetoed", "labels", "nodes",
        "items", "error",
    )  # fmt: skip


def test_results_pickle():
    pol = scorer(P, "compiled")
    r = pol.score({**GOOD, "缺会次数": 1})
    back = pickle.loads(pickle.dumps(r._replace(nodes=dict(r.nodes))))
    assert back.total == r.total


def test_trace_reports_fired_clauses():
    it = Interpreter(P)
    _, fired = it.trace({**GOOD, "缺会次数": 1})
    assert fired == {"c0", "c1"}  # the earning clause held; nothing else fired
    _, fired = it.trace({**GOOD, "按时上报": "否", "上报日期": "1月10日"})
    assert fired == {"c3"}


def test_convert_facts():
    values = Interpreter(P).convert_facts({**GOOD, "缺会次数": "2"})
    assert values["缺会次数"] == 2 and values["按时上报"] is True
    assert values["上报日期"] == date(2023, 1, 9) and values["酌情"] == 0


def test_averages_needed_and_checked():
    p = policy(
        node("(一)", 1, threshold("受理率", avg("受理率"), "0.02")),
        facts=[fact("受理率", "percent")],
        full=1,
    )
    for kind in KINDS:
        s = scorer(p, kind)
        with pytest.raises(ValueError, match="平均值"):
            s.score({"受理率": 80})
        with pytest.raises(ValueError, match="平均值"):
            s.score({"受理率": 80}, averages={"受理率": "x"})
        assert s.score({"受理率": 80}, averages={"受理率": "85%"}).total == D("0.9")
        assert s.total({"受理率": 80}, averages={"受理率": D(85)}) == D("0.9")


def test_batch_with_a_row_that_is_not_a_mapping(s):
    results = s.score_batch([{**GOOD, "单位": "甲"}, None, {**GOOD, "单位": "丙", "缺会次数": 1}])
    assert [r.status for r in results] == ["正常", "数据错误", "正常"]
    assert [r.rank for r in results] == [1, None, 2]
    assert results[1].error.to_dict()["message"]
