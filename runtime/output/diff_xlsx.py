"""The revision notes as a workbook: one sheet of changes, one of score changes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from xize.compiler.diff import Change, ScoreChange, rank_text

from .workbook import SheetSpec, write_workbook

KIND_WORDS = {
    "header": "表头",
    "node_added": "新增评分项",
    "node_removed": "删除评分项",
    "node_renamed": "标题修改",
    "node_moved": "评分项移动",
    "points": "分值",
    "budget": "扣分上限",
    "floor": "下限",
    "bonus_cap": "加分上限",
    "take_max": "计分方式",
    "clause_added": "新增条款",
    "clause_removed": "删除条款",
    "clause_rewritten": "条款改写",
    "amount": "扣分/得分值",
    "threshold": "标准",
    "step": "计扣单位",
    "rounding": "不足单位的计法",
    "cap": "条款上限",
    "fact_added": "新增数据项",
    "fact_removed": "删除数据项",
    "fact_changed": "数据项修改",
    "band_added": "新增等次",
    "band_removed": "删除等次",
    "band_changed": "等次修改",
}


def write_diff_xlsx(
    path: str | Path, changes: Sequence[Change], scores: Sequence[ScoreChange] | None
) -> None:
    sheets = [
        SheetSpec(
            "修订说明",
            ("序号", "评分项", "标题", "类别", "原", "新", "说明"),
            [
                (i, c.path, c.title, KIND_WORDS.get(c.kind, c.kind), c.old, c.new, c.text)
                for i, c in enumerate(changes, 1)
            ],
            widths=(6, 10, 24, 12, 24, 24, 60),
            row_count=len(changes),
        )
    ]
    if scores is not None:
        sheets.append(
            SheetSpec(
                "得分变化",
                (
                    "单位",
                    "原总分",
                    "新总分",
                    "变化",
                    "原等次",
                    "新等次",
                    "原排名",
                    "新排名",
                    "排名变化",
                    "原状态",
                    "新状态",
                ),
                [
                    (
                        s.unit,
                        s.old_total,
                        s.new_total,
                        s.delta,
                        s.old_grade,
                        s.new_grade,
                        s.old_rank,
                        s.new_rank,
                        rank_text(s),
                        s.old_status,
                        s.new_status,
                    )
                    for s in scores
                ],
                widths=(20, 8, 8, 8, 8, 8, 8, 8, 16, 10, 10),
                row_count=len(scores),
            )
        )
    write_workbook(path, sheets)
