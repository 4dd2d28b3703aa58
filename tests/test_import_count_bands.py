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
