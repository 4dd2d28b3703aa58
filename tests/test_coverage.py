"""Test coverage: clauses fired, caps reached, 否则 branches run; JUnit XML for CI."""

from __future__ import annotations

from decimal import Decimal
from xml.etree import ElementTree as ET

from xize.compiler import compile_policy
from xize.compiler.testing.coverage import coverage_report, format_coverage
from xize.compiler.testing.junit import junit_xml

POLICY = """细则：覆盖示例
年度：2023
满分：10分

数据：
  缺会次数：次，默认0
  漏报次数：次，默认0
  按时上报：是否，默认是
  获奖次数：次，默认0

(一)会议(5分)，最多扣3分
  - 【缺会次数】每缺1次扣1分，最多扣2分
  - 【漏报次数】每漏报1次扣1分
(二)上报(5分)
  - 未【按时上报】扣2分，否则扣0分
(三)表彰奖励，加分项，最高加2分
  - 【获奖次数】每次加1分
"""

ONE_TEST = """
测试 “缺会一次”：
  【缺会次数】= 1
  期望 总分 = 9
"""

ALL_TESTS = """
测试 “缺会三次，条款上限”：
  【缺会次数】= 3
  期望 总分 = 8
测试 “缺会漏报，评分项上限”：
  【缺会次数】= 2
  【漏报次数】= 2
  期望 总分 = 7，(一) = 2
测试 “未按时上报，加分到顶”：
  【按时上报】= 否
  【获奖次数】= 3
  期望 总分 = 10，(二) = 3
"""


def _coverage(tests: str):
    policy = compile_policy(POLICY + tests, filename="cov.rule")
    return policy, coverage_report(policy.run_tests(), policy)


def test_uncovered_targets_are_listed_with_lines():
    _, cov = _coverage(ONE_TEST)
    missed = {(t.kind, t.line) for t in cov.missed()}
    assert missed == {
        ("clause", 13),
        ("clause", 15),
        ("clause", 17),
        ("clause_cap", 12),
        ("node_cap", 11),
        ("bonus_cap", 16),
    }
    assert ("otherwise", 15) not in missed  # the default 是 runs the 否则 branch
    assert cov.total == 8 and cov.covered == 2
    assert cov.percent == Decimal("25.0")
    text = format_coverage(cov)
    assert "第13行" in text and "从未达到的条款上限" in text
    assert "line 13" in format_coverage(cov, "en")


def test_full_coverage():
    _, cov = _coverage(ALL_TESTS)
    assert cov.missed() == []
    assert cov.percent == Decimal(100)


def test_otherwise_branch_never_run():
    policy = compile_policy(
        POLICY.replace("按时上报：是否，默认是", "按时上报：是否")
        + "\n测试 “未上报”：\n  【按时上报】= 否\n  期望 总分 = 8\n",
        filename="cov.rule",
    )
    cov = coverage_report(policy.run_tests(), policy)
    assert [(t.kind, t.line) for t in cov.missed("otherwise")] == [("otherwise", 15)]


def test_junit_xml():
    policy = compile_policy(
        POLICY + ONE_TEST + "\n测试 “错的期望”：\n  期望 总分 = 1\n", filename="policies/cov.rule"
    )
    report = policy.run_tests()
    xml = junit_xml([(policy, report)])
    root = ET.fromstring(xml.split("\n", 1)[1])
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "0")
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["缺会一次", "错的期望"]
    assert cases[1].get("classname") == "policies.cov"
    failure = cases[1].find("failure")
    assert failure is not None and "期望 1" in failure.get("message")
