"""One standard written in two sentences is drafted as one clause on one fact: the halves
of a standard (`不低于全市平均水平的，得4分；低于全市平均水平的，每低1个百分点扣1分`), tiers
of one value (`低于95%的，扣2分；低于85%的，扣5分`: only the deepest counts) and bands that
meet (`80%—90%的，得2分` when the document says 以下 leaves its number out).  A heading never
names a fact: a bare bound under it (`低于85%的`) or a section called `一票否决` is not a
value a unit reports.  Documents are written for the test."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from xize.compiler.api import compile_policy
from xize.compiler.importer import import_document
from xize.compiler.render import render

_DOC = """某市2026年度乡镇（街道）安全生产工作考核细则
一、考核对象
各乡镇人民政府、街道办事处。
二、考核内容及评分标准
（一）隐患治理（12分）
重大隐患整改率不低于全市平均水平的，得4分；低于全市平均水平的，每低1个百分点扣1分，扣完为止。企业安全培训覆盖率低于95%的，扣2分；低于85%的，扣5分。
（二）群众评价（10分）
1.群众安全感满意率在92%以上的，得6分；低于92%的，每低1个百分点扣1分。
2.举报回访满意率达到90%的，得4分；80%—90%的，得2分；80%以下的，不得分。
（三）应急储备（8分）
应急物资储备可保障天数低于30天的，扣4分；低于15天的，扣8分。
三、一票否决
发生较大以上生产安全事故的，实行一票否决。
四、考核等次
考核得分28分及以上为一等，24分（含）至28分为二等，18分（含）至24分为三等，18分以下为四等。
五、附则
本细则所称“以上”含本数，“以下”“不足”不含本数。
"""

_PERFECT = {
    "重大隐患整改率": "97",
    "企业安全培训覆盖率": "100",
    "群众安全感满意率": "92",
    "举报回访满意率": "90",
    "应急物资储备可保障天数": "40",
    "较大以上生产安全事故": "否",
}


def _draft(tmp_path: Path, text: str = _DOC):
    source = tmp_path / "细则.txt"
    source.write_text(text, encoding="utf-8")
    draft = import_document(source)
    return draft, compile_policy(draft.text, filename="<draft>")


def _score(policy, **changes):
    unit = dict(_PERFECT, **changes)
    return policy.score(unit, averages={"重大隐患整改率": "96"})


def test_each_standard_is_one_clause_on_one_fact(tmp_path):
    draft, policy = _draft(tmp_path)
    assert draft.summary.pending == 0
    assert sorted(f.name for f in policy.ir.facts) == sorted(_PERFECT)
    facts = re.findall(r"【([^】]+)】", draft.text)
    assert not {"隐患治理", "群众评价", "应急储备", "一票否决"} & set(facts)
    assert "分别扣2分、5分" in draft.text and "分别得4分、2分" in draft.text


def test_a_unit_meeting_every_standard_gets_full_marks(tmp_path):
    _, policy = _draft(tmp_path)
    result = _score(policy)
    assert result.total == Decimal(30)
    assert result.grade == "一等"


def test_the_halves_and_tiers_count_once(tmp_path):
    _, policy = _draft(tmp_path)
    result = _score(
        policy,
        重大隐患整改率="94",  # 2 below the mean: 4 − 2
        企业安全培训覆盖率="80",  # below 85%: 5, not 2 + 5
        群众安全感满意率="89",  # 6 − 3
        举报回访满意率="80",  # 80 is in 80%—90% (以下不含本数): 2
        应急物资储备可保障天数="10",  # below 15 days: 8, not 12
    )
    nodes = {path: node.score for path, node in result.nodes.items()}
    assert nodes["(一)"] == Decimal(12 - 2 - 5)
    assert nodes["(二)"] == Decimal(3 + 2)
    assert nodes["(三)"] == Decimal(0)
    assert _score(policy, 举报回访满意率="79.9").nodes["(二)2"].score == Decimal(0)
    assert _score(policy, 企业安全培训覆盖率="90").nodes["(一)"].score == Decimal(10)
    assert _score(policy, 较大以上生产安全事故="是").grade == "四等"


def test_a_dash_band_without_the_documents_boundary_stays_pending(tmp_path):
    """Without `以下不含本数`, 80 would be in `80%—90%` and in `80%以下`: not guessed."""
    text = _DOC.replace(
        "本细则所称“以上”含本数，“以下”“不足”不含本数。", "本细则由市应急管理局负责解释。"
    )
    draft, _ = _draft(tmp_path, text)
    assert "分别得4分、2分" not in draft.text
    assert "# 待处理：" in draft.text


def test_a_rendered_policy_keeps_its_earning_item_as_written(tmp_path):
    """An item that earns less than its points is left as the policy writes it when the
    document is a rendered policy: the round trip gives the same tree."""
    rule = """细则：示例
年度：2026
满分：6分

数据：
  制定方案：是否
  未建立制度：是否，默认否

(一)组织保障(6分)
  - 【制定方案】得2分
  - 【未建立制度】扣2分
"""
    policy = compile_policy(rule, filename="<rule>")
    path = tmp_path / "细则.md"
    path.write_text(render(policy, "md"), encoding="utf-8")
    back = compile_policy(import_document(path).text, filename="<draft>")
    assert [n.path for n in back.ir.walk()] == ["(一)"]


def test_bands_each_written_from_its_own_bound_are_one_chain(tmp_path):
    """`达到100%的，得4分；达到90%的，得2分；低于90%的，不得分`: tiers, the highest reached."""
    text = """某县2026年度档案工作考核细则
一、考核内容及评分标准
（一）电子文件归档（4分）
电子文件归档率达到100%的，得4分；达到90%的，得2分；低于90%的，不得分。
"""
    draft, policy = _draft(tmp_path, text)
    assert draft.summary.pending == 0 and draft.summary.sentences == 1
    assert "【电子文件归档率】达到100%、90%的，分别得4分、2分" in draft.text
    for rate, points in (("100", 4), ("95", 2), ("90", 2), ("89.9", 0)):
        assert policy.score({"电子文件归档率": rate}).total == Decimal(points)
