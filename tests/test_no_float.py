"""No float anywhere: the generated modules contain no float literal and no `float(`
call, and every clause form computes 0.1 + 0.2-style sums exactly."""

from __future__ import annotations

import ast
from decimal import Decimal

import pytest
from helpers import compiled, interpreter, seed_policies
from hypothesis import given, note, settings
from strategies import policies
from xize.compiler import compile_policy, load_policy

D = Decimal
N = settings().max_examples


def float_uses(source: str) -> list:
    """Float literals, `float(...)` calls and float helpers in a module's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, (float, complex)):
            found.append(f"line {node.lineno}: literal {node.value!r}")
        elif isinstance(node, ast.Call):
            f = node.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            if name in ("float", "fromhex", "from_float", "fsum"):
                found.append(f"line {node.lineno}: call {name}(")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names]
            mod = getattr(node, "module", None) or ""
            if mod == "math" or "math" in names or "fractions" in names:
                found.append(f"line {node.lineno}: imports {mod or names}")
    return found


@pytest.mark.parametrize("path", seed_policies(), ids=lambda p: p.name)
def test_seed_modules_have_no_float(path):
    policy = load_policy(path)
    assert float_uses(policy.module_source) == []


def test_there_are_seed_policies():
    assert len(seed_policies()) >= 2


@settings(max_examples=max(5, N // 2))
@given(policies(with_tests=False))
def test_generated_modules_have_no_float(desc):
    text = desc.render()
    note(text)
    assert float_uses(compiled(text).module_source) == []


def test_the_checker_finds_floats():
    assert float_uses("x = 0.1\n")
    assert float_uses("y = float('1')\n")
    assert not float_uses("from decimal import Decimal\nz = Decimal('0.1')\n")


EXACT = """\
细则：精确计算测试细则
年度：2023
满分：11分

数据：
  迟报次数：次，默认0
  漏报次数：次，默认0
  制定预案：是否，默认是
  落实台账：是否，默认是
  落实措施：是否，默认是
  参与人数：人，默认0
  化解率：百分比，默认100
  回流次数：次，默认0
  受理率：百分比，默认100
  上报日期：日期，默认2023-01-09
  评议扣分：分，默认0
  平台扣分：数值，默认0
  化解积案：件，默认0
  获表彰次数：次，默认0
  发生事故：是否，默认否

(一)按次扣分(1分)
  - 【迟报次数】每迟报一次扣0.1分
  - 【漏报次数】每漏报1次扣0.2分
(二)缺项扣分(1分)
  - 【制定预案】、【落实台账】、【落实措施】每缺1项扣0.03分
(三)条件扣分(1分)
  - 【参与人数】20人以上的，扣0.2分
  - 【迟报次数】+【漏报次数】超过3次的，每次扣0.01分
(四)达标与限额(1分)
  - 【化解率】应达到80%，每低于1个百分点扣0.03分
  - 【回流次数】不得超过3次，每超1次扣0.1分
(五)对比平均值(1分)
  - 【受理率】每低于全市综合平均值1个百分点扣0.02分
(六)报送时限(1分)
  - 【上报日期】晚于1月9日的，每晚1天扣0.1分
(七)酌情扣分(1分)
  - 【评议扣分】酌情扣0至1分
(八)公式扣分(1分)
  - 扣(【平台扣分】×0.1)分
(九)按件得分(1分)
  - 【化解积案】每件计0.1分
(十)达标得分(1分)
  - 【制定预案】得0.3分，否则不得分
  - 【落实台账】得0.7分，否则不得分
(十一)事故(1分)
  - 【发生事故】扣0.3分，最多扣0.1分
(十二)表彰，加分项，最高加0.5分
  - 【获表彰次数】每次加0.1分
"""

# Each case: facts, averages, {path: expected deduction}, expected bonus.  The expected
# numbers are worked out here from the clause texts, in Decimal.
CASES = [
    ("0.1+0.2", {"迟报次数": 1, "漏报次数": 1}, {}, {"(一)": D("0.1") + D("0.2")}, 0),
    ("三个0.1", {"迟报次数": 3}, {}, {"(一)": D("0.1") * 3}, 0),
    (
        "缺两项0.03",
        {"制定预案": "否", "落实措施": "否"},
        {},
        {"(二)": D("0.06"), "(十)": D("0.3")},
        0,
    ),
    ("20人以上", {"参与人数": 20}, {}, {"(三)": D("0.2")}, 0),
    (
        "四次超过3次",
        {"迟报次数": 2, "漏报次数": 2},
        {},
        {"(一)": D("0.6"), "(三)": D("0.04")},
        0,
    ),
    ("化解率79.9", {"化解率": "79.9"}, {}, {"(四)": D(0)}, 0),
    ("化解率77", {"化解率": "77%"}, {}, {"(四)": D("0.09")}, 0),
    ("回流5次", {"回流次数": 5}, {}, {"(四)": D("0.2")}, 0),
    ("低于平均3点", {"受理率": "82.5"}, {"受理率": "85.5"}, {"(五)": D("0.06")}, 0),
    ("晚3天", {"上报日期": "2023年1月12日"}, {}, {"(六)": D("0.3")}, 0),
    ("酌情0.3", {"评议扣分": "0.3"}, {}, {"(七)": D("0.3")}, 0),
    ("公式0.3", {"平台扣分": "3"}, {}, {"(八)": D("0.3")}, 0),
    ("公式0.03", {"平台扣分": "0.3"}, {}, {"(八)": D("0.03")}, 0),
    ("积案7件", {"化解积案": 7}, {}, {"(九)": D("0.3")}, 0),
    ("事故", {"发生事故": "是"}, {}, {"(十)": 0, "(十一)": D("0.1")}, 0),
    ("表彰3次", {"获表彰次数": 3}, {}, {}, D("0.3")),
]


@pytest.fixture(scope="module")
def exact_policy():
    return compile_policy(EXACT, filename="exact.rule")


@pytest.mark.parametrize(("name", "facts", "averages", "deductions", "bonus"), CASES)
def test_every_clause_form_is_exact(exact_policy, name, facts, averages, deductions, bonus):
    full = D(11)
    default_averages = {"受理率": D(100)}
    avg = averages or default_averages
    # (九) earns 0.1 per case: without any, it loses its whole point
    expected = {"(九)": D(1)}
    expected.update(deductions)
    if "化解积案" in facts:
        expected["(九)"] = D(1) - D("0.1") * facts["化解积案"]
    for scorer in (exact_policy, interpreter(exact_policy)):
        r = scorer.score(facts, averages=avg)
        for path, node in r.nodes.items():
            if node.bonus:
                assert node.score == D(bonus), (name, path, node)
                continue
            want = expected.get(path, D(0))
            assert node.deduction == want, (name, path, node.deduction, want)
            assert isinstance(node.deduction, Decimal)
            if node.points is not None:
                assert node.score == node.points - want, (name, path)
        total = full - sum(expected.values(), D(0)) + D(bonus)
        assert r.total == total, (name, r.total, total)
        assert Decimal(r.to_dict()["total"]) == total


def test_exact_total_fast_path(exact_policy):
    facts = {"迟报次数": 1, "漏报次数": 1}
    assert exact_policy.total(facts, averages={"受理率": 100}) == D(11) - D("0.3") - D(1)
