"""The seed policy encoded for two general rule engines, to compare xize with.

- zen-engine (GoRules): a JDM decision graph built here as JSON — input → one expression
  node computing each category's deduction with its cap, then 总分 → output.  ZEN
  expressions compute with decimals internally, but the Python binding hands numbers
  back as `float`/`int`: results are compared with xize after rounding to 0.01.
- zen-engine's expression language alone, without the graph: the same 总分 as one
  expression (the categories inlined), compiled once with `zen.compile_expression`
  and evaluated per unit with `PyExpression.evaluate` — zen's fastest path.
- rule-engine: one expression per clause (its nominal deduction), evaluated against the
  unit's dict; caps and the total are Python glue.  rule-engine computes with `Decimal`.

Neither engine accepts Chinese identifiers, so facts get ASCII aliases (b01…, q01…):
zen receives a re-keyed dict (the glue a user would write), rule-engine resolves
aliases through a custom resolver.  Both are optional: `available()` says which import.
"""

from __future__ import annotations

import json
from decimal import Decimal

from handwritten import BOOL_FACTS, COUNT_FACTS

ALIAS = {name: f"b{i + 1:02d}" for i, name in enumerate(BOOL_FACTS)}
ALIAS.update({name: f"q{i + 1:02d}" for i, name in enumerate(COUNT_FACTS)})
NAME = {alias: name for name, alias in ALIAS.items()}
A = ALIAS  # short, for the expressions below


def _miss(name: str, amount: int) -> str:
    return f"({A[name]} ? 0 : {amount})"


# Each category: (key, [clause expressions], cap).  Sub-items with their own points
# are capped inside the category expression, as the policy's budgets require.
_FIVE = [
    ("赴京非正常初访", 30),
    ("赴京非正常重复访", 60),
    ("来县集体初访及时疏散", 5),
    ("来县集体初访滞留1小时以上", 20),
    ("来县重复集体访或到市集体访", 30),
    ("赴省集体访及时疏散", 40),
    ("赴省集体访被登记或造成影响", 60),
    ("赴京集体访被登记", 80),
    ("赴国家及省信访局个访", 2023),
    ("赴省委省政府及两会驻地个访", 20),
]


def zen_expressions() -> list[tuple[str, str]]:
    missing3 = " + ".join(_miss(n, 1) for n in ("落实包案领导", "落实化解方案", "落实稳控措施"))
    earned = " + ".join(
        _miss(n, p)
        for n, p in (
            ("接访日程表公示", 1),
            ("接访登记记录规范", 1),
            ("有接访批示案件台帐", 1),
            ("按日程接访", 2),
        )
    )
    plan = f"(({A['制定应急预案']} and {A['应急预案及时上报']}) ? 0 : 5)"
    five = " + ".join(f"{A[n]} * {amount}" for n, amount in _FIVE)
    return [
        ("d1", f"min([{A['缺会次数']} * 1, 5])"),
        ("d2", f"min([min([{_miss('统计表按时上报', 2)}, 2]) + min([{missing3}, 3]), 5])"),
        ("d3", f"min([{earned}, 5])"),
        ("d4", f"min([{plan} + {A['日报告漏报次数']} * 1, 5])"),
        ("d5", f"min([{five}, 80])"),
        ("total", "100 - min([$.d1 + $.d2 + $.d3 + $.d4 + $.d5, 100])"),
    ]


def zen_graph() -> dict:
    """The JDM decision graph (a plain dict, serialisable with json.dumps)."""
    pos = {"x": 0, "y": 0}
    expressions = [
        {"id": f"e{i}", "key": key, "value": value}
        for i, (key, value) in enumerate(zen_expressions())
    ]
    return {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "单位数据", "position": pos, "content": {}},
            {
                "id": "score",
                "type": "expressionNode",
                "name": "扣分",
                "position": pos,
                "content": {"expressions": expressions, "passThrough": False},
            },
            {"id": "out", "type": "outputNode", "name": "总分", "position": pos, "content": {}},
        ],
        "edges": [
            {"id": "e-in", "sourceId": "in", "targetId": "score", "type": "edge"},
            {"id": "e-out", "sourceId": "score", "targetId": "out", "type": "edge"},
        ],
    }


def make_zen():
    """A callable facts → 总分 (float or int, as zen returns it)."""
    import zen

    decision = zen.ZenEngine().create_decision(json.dumps(zen_graph(), ensure_ascii=False))
    evaluate = decision.evaluate
    alias = ALIAS

    def total(facts):
        context = {alias[k]: v for k, v in facts.items() if k in alias}
        for name in COUNT_FACTS:  # counts default to 0, as declared
            context.setdefault(alias[name], 0)
        return evaluate(context)["result"]["total"]

    return total


def zen_total_expression() -> str:
    """The 总分 as one ZEN expression: each category's expression put in place of its
    `$.dN` reference in the total's."""
    parts = dict(zen_expressions())
    text = parts.pop("total")
    for key, value in parts.items():
        text = text.replace(f"$.{key}", f"({value})")
    return text


def make_zen_expression():
    """A callable facts → 总分 through zen's pre-compiled expression (float or int)."""
    import zen

    evaluate = zen.compile_expression(zen_total_expression()).evaluate
    alias = ALIAS

    def total(facts):
        context = {alias[k]: v for k, v in facts.items() if k in alias}
        for name in COUNT_FACTS:  # counts default to 0, as declared
            context.setdefault(alias[name], 0)
        return evaluate(context)

    return total


# --------------------------------------------------------------------------- rule-engine


def rule_engine_clauses() -> list[tuple[str, list[str], int]]:
    """(node, clause expressions, budget) bottom-up; the glue caps and sums them."""
    return [
        ("(一)", [f"{A['缺会次数']} * 1"], 5),
        ("(二)1", [f"{A['统计表按时上报']} ? 0 : 2"], 2),
        (
            "(二)2",
            [
                f"({A['落实包案领导']} ? 0 : 1) + ({A['落实化解方案']} ? 0 : 1)"
                f" + ({A['落实稳控措施']} ? 0 : 1)"
            ],
            3,
        ),
        ("(三)1", [f"{A['接访日程表公示']} ? 0 : 1"], 1),
        ("(三)2", [f"{A['接访登记记录规范']} ? 0 : 1"], 1),
        ("(三)3", [f"{A['有接访批示案件台帐']} ? 0 : 1"], 1),
        ("(三)4", [f"{A['按日程接访']} ? 0 : 2"], 2),
        (
            "(四)",
            [
                f"({A['制定应急预案']} and {A['应急预案及时上报']}) ? 0 : 5",
                f"{A['日报告漏报次数']} * 1",
            ],
            5,
        ),
        ("(五)", [f"{A[n]} * {amount}" for n, amount in _FIVE], 80),
    ]


def make_rule_engine():
    """A callable facts → 总分 (Decimal)."""
    import rule_engine

    defaults = dict.fromkeys(COUNT_FACTS, 0)

    def resolve(thing, alias):
        name = NAME[alias]
        value = thing.get(name)
        return defaults[name] if value is None else value

    context = rule_engine.Context(resolver=resolve)
    compiled = [
        (node, [rule_engine.Rule(text, context=context) for text in texts], Decimal(budget))
        for node, texts, budget in rule_engine_clauses()
    ]
    zero, full = Decimal(0), Decimal(100)
    parents = {"(二)1": "(二)", "(二)2": "(二)", "(三)1": "(三)", "(三)2": "(三)"}
    parents.update({"(三)3": "(三)", "(三)4": "(三)"})
    category_budget = {"(二)": Decimal(5), "(三)": Decimal(5)}

    def total(facts):
        categories: dict = {}
        for node, rules, budget in compiled:
            d = min(sum([r.evaluate(facts) for r in rules], zero), budget)
            key = parents.get(node, node)
            categories[key] = categories.get(key, zero) + d
        spent = zero
        for key, d in categories.items():
            cap = category_budget.get(key)
            spent += d if cap is None else min(d, cap)
        return full - min(spent, full)

    return total


def available() -> dict[str, object]:
    """name → factory for the peers that import."""
    found = {}
    try:
        import zen  # noqa: F401

        found["zen-engine"] = make_zen
        if hasattr(zen, "compile_expression"):  # zen-engine ≥ 0.30 (older: no such call)
            found["zen-engine (compiled expression)"] = make_zen_expression
    except ImportError:
        pass
    try:
        import rule_engine  # noqa: F401

        found["rule-engine"] = make_rule_engine
    except ImportError:
        pass
    return found
