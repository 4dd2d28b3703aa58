"""Counts that earn in bands, one sentence (`compiler/importer/clauses.py`,
`count_bands`): `专题研究安全生产工作不少于2次的得3分，研究1次的得1.5分，未研究的不得分`
is drafted as the language's bands `【…】达到2次、1次的，分别得3分、1.5分` (only the
highest band reached counts).  Bands that do not fall count by count and point by point,
or a lower count named by a verb that is not the fact's, stay as the drafter reads them
(never bands).  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from helpers import import_text

_DOC = """某县2026年度安全生产工作考核细则
一、组织领导（6分）
1.研究部署（3分）。主要负责人年内专题研究安全生产工作不少于2次的得3分，研究1次的得1.5分，未研究的不得分。
2.公众参与（3分）。开展政府开放日等公众参与活动不少于3场的得3分，2场的得2分，1场的得1分。
"""


def _draft(tmp_path: Path, text: str = _DOC):
    return import_text(tmp_path, text)


def test_count_bands_are_drafted_as_bands(tmp_path):
    draft, policy = _draft(tmp_path)
    assert "【主要负责人年内专题研究安全生产工作】达到2次、1次的，分别得3分、1.5分" in draft.text
    assert "【开展政府开放日等公众参与活动】达到3场、2场、1场的，分别得3分、2分、1分" in draft.text
    assert not draft.summary.pending_sentences
    studied, events = "主要负责人年内专题研究安全生产工作", "开展政府开放日等公众参与活动"
    for count, first, second in [(0, 0, 0), (1, 1.5, 1), (2, 3, 2), (5, 3, 3)]:
        result = policy.score({studied: str(count), events: str(count)})
        assert result.nodes["一1"].score == Decimal(str(first))
        assert result.nodes["一2"].score == Decimal(str(second))


@pytest.mark.parametrize(
    "sentence",
    [
        # counts that rise: not bands
        "主要负责人年内专题研究安全生产工作不少于2次的得3分，研究3次的得1.5分",
        # points that rise: not bands
        "主要负责人年内专题研究安全生产工作不少于2次的得1.5分，研究1次的得3分",
        # a lower count of something else
        "主要负责人年内专题研究安全生产工作不少于2次的得3分，约谈1次的得1.5分",
    ],
)
def test_what_is_not_bands_is_never_drafted_as_bands(tmp_path, sentence):
    text = _DOC.replace(
        "主要负责人年内专题研究安全生产工作不少于2次的得3分，研究1次的得1.5分，未研究的不得分",
        sentence,
    )
    draft, _ = _draft(tmp_path, text)
    assert "分别得3分、1.5分" not in draft.text and "分别得1.5分、3分" not in draft.text


def test_count_bands_with_the_count_before_yishang_and_only_before_the_lower_verb(tmp_path):
    """`…专题研究消防工作2次以上的得2分，只召开1次的得1分`, `…招聘会2场以上的得2分，举办1场的得1分`:
    the same bands, the count written before 以上 and 只 before the lower count's verb."""
    text = """某县2026年度消防工作考核细则
一、组织领导（4分）
1.研究部署（2分）。乡镇党委、政府年内召开会议专题研究消防工作2次以上的得2分，只召开1次的得1分。
2.专场招聘（2分）。年内举办退役军人专场招聘会2场以上的得2分，举办1场的得1分。
"""
    draft, policy = _draft(tmp_path, text)
    assert not draft.summary.pending_sentences
    meetings, fairs = "乡镇党委、政府年内召开会议专题研究消防工作", "年内举办退役军人专场招聘会"
    for count, score in [(0, 0), (1, 1), (2, 2), (3, 2)]:
        result = policy.score({meetings: str(count), fairs: str(count)})
        assert result.nodes["一1"].score == score and result.nodes["一2"].score == score


def test_a_task_with_its_subject_before_it_is_the_completion_share(tmp_path):
    """`新建、改建市政消火栓完成年度任务的得4分，未完成的按完成比例计分`: the completion rate's
    share of the 4 points, the subject before 完成 kept in the name."""
    text = "某县2026年度消防工作考核细则\n一、设施建设（4分）\n新建、改建市政消火栓完成年度任务的得4分，未完成的按完成比例计分。\n"
    draft, policy = _draft(tmp_path, text)
    rate = next(f.name for f in policy.ir.facts)
    assert rate.startswith("新建、改建市政消火栓") and rate.endswith("完成率")
    assert [policy.score({rate: v}).total for v in ("100", "75", "0")] == [4, 3, 0]
