"""测试 blocks and batch values: statistics stated for one unit (`排名【X】= 2，共10个单位`,
`最高值【X】= 95`), defaults as if the unit were alone, and a block that lists a small
batch of units with expectations for each."""

from __future__ import annotations

import pytest
from xize.compiler import PolicyError, compile_policy

HEAD = """细则：测试块
年度：2023
满分：16分

数据：
  化解率：百分比
  缺会次数：次，默认0

(一)化解(10分)
  - 【化解率】最高者得满分，其余按与最高者的比例得分
(二)会议(6分)
  - 按【化解率】从高到低排名，第1名得6分，第2至5名按第1名的比例得分，后两名扣1分
"""


def outcomes(tests: str):
    policy = compile_policy(HEAD + tests, filename="t.rule")
    return policy.run_tests().outcomes


def test_stated_statistics_are_used():
    (outcome,) = outcomes(
        "\n测试 “第二”：\n  【化解率】= 80\n  排名【化解率】= 2，共10个单位\n  最高值【化解率】= 100\n"
        "  期望 (一) = 8，(二) = 4.8，总分 = 12.8\n"
    )
    assert outcome.passed, outcome.failures
    shown = {name: source for name, _, source in outcome.averages}
    assert shown["排名【化解率】"] == "测试列出"
    assert shown["最高值【化解率】"] == "测试列出"


def test_unstated_statistics_make_the_unit_a_batch_of_one():
    (outcome,) = outcomes(
        "\n测试 “独自”：\n  【化解率】= 80\n  期望 (一) = 10，(二) = 6，总分 = 16\n"
    )
    assert outcome.passed, outcome.failures  # first of one, and a first is never last
    assert {source for _, _, source in outcome.averages} == {"本单位自成一批"}


def test_a_listed_batch_is_scored_together():
    (outcome,) = outcomes(
        "\n测试 “一批”：\n"
        "  单位 “甲”：【化解率】= 100\n"
        "  单位 “乙”：【化解率】= 80\n"
        "  单位 “丙”：【化解率】= 80\n"
        "  单位 “丁”：【化解率】= 50\n"
        "  期望 “甲” 总分 = 16，排名 = 1\n"
        "  期望 “乙” (二) = 3.8，排名 = 2\n"
        "  期望 “丙” 排名 = 2\n"
        "  期望 “丁” (一) = 5，(二) = 2，排名 = 4\n"
    )
    assert outcome.passed, outcome.failures
    failing = outcomes(
        "\n测试 “一批”：\n  单位 “甲”：【化解率】= 100\n  单位 “乙”：【化解率】= 50\n"
        "  期望 “乙” (一) = 6\n"
    )[0]
    assert not failing.passed
    assert [(c.target, c.actual) for c in failing.failures] == [("“乙” (一)", "5")]


@pytest.mark.parametrize(
    "block",
    [
        "\n测试 “坏”：\n  单位 “甲”：【化解率】= 100\n  期望 “乙” 总分 = 16\n",
        "\n测试 “坏”：\n  单位 “甲”：【化解率】= 100\n  期望 总分 = 16\n",
        "\n测试 “坏”：\n  排名【化解率】= 1\n  单位 “甲”：【化解率】= 100\n  期望 “甲” 总分 = 16\n",
        "\n测试 “坏”：\n  单位 “甲”：【化解率】= 100\n  单位 “甲”：【化解率】= 90\n",
        "\n测试 “坏”：\n  【化解率】= 80\n  排名【缺会次数】= 2\n",
        "\n测试 “坏”：\n  【化解率】= 80\n  排名【化解率】= 第二\n",
        "\n测试 “坏”：\n  【化解率】= 80\n  期望 排名 = 1\n",
    ],
)
def test_bad_batch_tests_are_e211(block):
    with pytest.raises(PolicyError) as info:
        compile_policy(HEAD + block)
    assert {d.code for d in info.value.diagnostics if d.is_error} == {"E211"}
