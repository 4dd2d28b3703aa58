"""Revision notes: a copy with one amount and one cap changed gives exactly two changes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from xize.compiler import compile_policy
from xize.compiler.diff.compare import diff
from xize.compiler.diff.md import diff_markdown
from xize.compiler.diff.scores import score_changes

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "policies" / "shuangjie_lianghui_2023.rule"

SMALL = """细则：示例考评细则
年度：2023
满分：10分

数据：
  缺会次数：次，默认0
  漏报次数：次，默认0

(一)领导重视程度(5分)
  - 【缺会次数】每缺1次扣1分
(二)信息报告(5分)
  - 【漏报次数】每漏报1次扣0.5分，最多扣2分

等次：
  优秀：9分以上
  合格：6分以上
  不合格：其余
"""


def _compile(text: str, name: str = "policy.rule"):
    return compile_policy(text, filename=name)


def test_identical_versions_have_no_changes():
    assert diff(_compile(SMALL), _compile(SMALL, "copy.rule")) == []


def test_one_amount_and_one_cap_changed():
    new = SMALL.replace("每缺1次扣1分", "每缺1次扣2分").replace("最多扣2分", "最多扣1.5分")
    changes = diff(_compile(SMALL), _compile(new))
    assert [(c.kind, c.path) for c in changes] == [("amount", "(一)"), ("cap", "(二)")]
    amount, cap = changes
    assert (amount.old, amount.new) == ("1分", "2分")
    assert (cap.old, cap.new) == ("2分", "1.5分")
    assert amount.text == "(一) “领导重视程度”：每次扣分由 1分 改为 2分"


def test_seed_amount_correction_reads_like_a_revision_note():
    text = SEED.read_text("utf-8")
    fixed = text.replace("每批次扣2023分", "每批次扣20分")
    changes = diff(_compile(text, "old.rule"), _compile(fixed, "new.rule"))
    assert len(changes) == 1
    change = changes[0]
    assert change.kind == "amount" and change.path == "(五)3"
    assert "“个人上访”" in change.text
    assert "每批次扣分由 2023分 改为 20分" in change.text


def test_nodes_added_removed_renamed_and_moved():
    new = (
        SMALL.replace("(一)领导重视程度(5分)", "(一)领导重视(5分)")
        .replace("(二)信息报告(5分)", "(三)信息报告(5分)")
        .replace(
            "\n等次：",
            "(二)值班(0分)\n  - 【缺会次数】每缺1次扣1分\n\n等次：",
        )
    )
    kinds = {(c.kind, c.path) for c in diff(_compile(SMALL), _compile(new))}
    assert ("node_renamed", "(一)") in kinds
    assert ("node_moved", "(三)") in kinds
    assert ("node_added", "(二)") in kinds


def test_points_bands_and_facts():
    new = (
        SMALL.replace("(一)领导重视程度(5分)", "(一)领导重视程度(4分)")
        .replace("满分：10分", "满分：9分")
        .replace("优秀：9分以上", "优秀：8.5分以上")
        .replace("  漏报次数：次，默认0\n", "  漏报次数：次，默认0\n  迟报次数：次，默认0\n")
        .replace("最多扣2分\n", "最多扣2分\n  - 【迟报次数】每迟报1次扣0.1分\n")
    )
    changes = diff(_compile(SMALL), _compile(new))
    kinds = [c.kind for c in changes]
    assert "points" in kinds and "header" in kinds
    assert "band_changed" in kinds and "fact_added" in kinds and "clause_added" in kinds
    band = next(c for c in changes if c.kind == "band_changed")
    assert band.text == "等次 “优秀”：由 9分以上 改为 8.5分以上"


def test_scores_under_both_versions_rank_changes():
    old = _compile(SMALL)
    new = _compile(SMALL.replace("每漏报1次扣0.5分", "每漏报1次扣1分"))
    rows = [
        {"单位": "一中", "缺会次数": 1, "漏报次数": 0},
        {"单位": "二中", "缺会次数": 0, "漏报次数": 1},
        {"单位": "三中", "缺会次数": 0, "漏报次数": 0},
    ]
    scores = score_changes(old, new, rows)
    assert [s.unit for s in scores][0] == "二中"  # the largest change first
    by_unit = {s.unit: s for s in scores}
    assert by_unit["二中"].delta == Decimal("-0.5")
    assert (by_unit["二中"].old_rank, by_unit["二中"].new_rank) == (2, 2)
    assert (by_unit["一中"].old_rank, by_unit["一中"].new_rank) == (3, 2)
    assert by_unit["三中"].delta == 0
    md = diff_markdown(old, new, diff(old, new), scores)
    assert "二中" in md and "-0.5" in md


def test_rank_change_order():
    old = _compile(SMALL)
    new = _compile(SMALL.replace("每缺1次扣1分", "每缺1次扣0.2分"))
    rows = [
        {"单位": "一中", "缺会次数": 2},
        {"单位": "二中", "漏报次数": 3},
    ]
    scores = score_changes(old, new, rows)
    first = scores[0]
    assert first.unit == "一中" and first.delta == Decimal("1.6")
    assert (first.old_rank, first.new_rank) == (2, 1)
    assert first.rank_delta == 1


@pytest.mark.parametrize("suffix", [".md", ".xlsx"])
def test_cli_writes_output(tmp_path, suffix):
    from click.testing import CliRunner
    from xize.runtime.cli.cmd_diff import diff_command

    a = tmp_path / "a.rule"
    b = tmp_path / "b.rule"
    a.write_text(SMALL, "utf-8")
    b.write_text(SMALL.replace("最多扣2分", "最多扣1分"), "utf-8")
    data = tmp_path / "data.csv"
    data.write_text("单位,缺会次数,漏报次数\n一中,1,3\n二中,0,5\n", "utf-8")
    out = tmp_path / f"out{suffix}"
    result = CliRunner().invoke(diff_command, [str(a), str(b), "--data", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    if suffix == ".md":
        text = out.read_text("utf-8")
        assert "本条最多扣分由 2分 改为 1分" in text and "二中" in text
    else:
        from openpyxl import load_workbook

        wb = load_workbook(out)
        assert wb.sheetnames == ["修订说明", "得分变化"]


def test_thresholds_dates_and_steps():
    text = """细则：示例
年度：2023
满分：5分

数据：
  化解率：百分比
  上报日期：日期
  受理率：百分比

(一)化解(5分)
  - 【化解率】应达到80%，每低于1个百分点扣0.03分
  - 【上报日期】晚于1月9日的，每晚1天扣0.1分
  - 【受理率】每低于全市综合平均值1个百分点扣0.02分
"""
    new = (
        text.replace("80%", "85%")
        .replace("1月9日", "1月10日")
        .replace("每晚1天", "每晚2天")
        .replace("0.02分", "0.05分")
    )
    texts = [c.text for c in diff(_compile(text), _compile(new))]
    assert texts == [
        "(一) “化解”【化解率】：标准由 80% 改为 85%",
        "(一) “化解”【上报日期】：标准由 1月9日 改为 1月10日",
        "(一) “化解”【上报日期】：计扣单位由 每1天 改为 每2天",
        "(一) “化解”【受理率】：每低于1个百分点扣分由 0.02分 改为 0.05分",
    ]
