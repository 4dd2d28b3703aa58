"""The revision notes (修订说明) as Markdown: the change list, then the effect on units."""

from __future__ import annotations

from collections.abc import Sequence

from ..render.md import escape
from .compare import Change, as_ir
from .scores import ScoreChange, delta_text, rank_text, total_text


def diff_markdown(
    old: object,
    new: object,
    changes: Sequence[Change],
    scores: Sequence[ScoreChange] | None = None,
) -> str:
    a, b = as_ir(old), as_ir(new)
    title = b.title if a.title == b.title else f"{a.title} → {b.title}"
    out = [f"# 修订说明：{escape(title)}", ""]
    out.append(f"原版本：{escape(a.filename)}（{a.source_hash[:12]}）  ")
    out.append(f"新版本：{escape(b.filename)}（{b.source_hash[:12]}）")
    out.append("")
    if changes:
        out += [f"{i}. {escape(c.text)}" for i, c in enumerate(changes, 1)]
    else:
        out.append("两个版本的计分规则相同。")
    out.append("")
    if scores is not None:
        moved = [s for s in scores if s.changed]
        out += ["## 对各单位得分的影响", ""]
        failed = [s for s in scores if "数据错误" in (s.old_status, s.new_status)]
        if failed:
            out.append(
                f"共 {len(scores)} 个单位，其中 {len(failed)} 个单位数据有误、未能计分"
                f"（xize score 列出错误）；{len(moved)} 个单位的总分、等次或排名有变化。"
            )
        else:
            out.append(
                f"共 {len(scores)} 个单位，其中 {len(moved)} 个单位的总分、等次或排名有变化。"
            )
        out.append("")
        if moved:
            out += [
                "| 单位 | 原总分 | 新总分 | 变化 | 原等次 | 新等次 | 排名 |",
                "|---|---:|---:|---:|---|---|---|",
            ]
            for s in moved:
                cells = (
                    s.unit,
                    total_text(s.old_total) if s.old_status != "数据错误" else "数据错误",
                    total_text(s.new_total) if s.new_status != "数据错误" else "数据错误",
                    delta_text(s.delta),
                    s.old_grade or "—",
                    s.new_grade or "—",
                    rank_text(s),
                )
                out.append("| " + " | ".join(escape(c) for c in cells) + " |")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
