"""Explanations and templates, on policies built directly as IR."""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl
import pytest
from rich.console import Console
from xize.compiler.ir import nodes as ir
from xize.compiler.support import prelude
from xize.runtime.output.template import validation_for, write_template
from xize.runtime.report.explain import explain_tree
from xize.runtime.report.sentences import ItemWords

FACTS = (
    ir.Fact("缺会次数", "f0", "count", "次", 0, None, None, "查阅会议记录", 1),
    ir.Fact("按时上报", "f1", "bool", "是否", None, None, None, "", 2),
    ir.Fact("化解率", "f2", "percent", "百分比", None, None, None, "", 3),
    ir.Fact("预案扣分", "f3", "points", "分", D(0), D(0), D(5), "酌情", 4),
    ir.Fact("上报日期", "f4", "date", "日期", None, None, None, "", 5),
    ir.Fact("人口", "f5", "number", "数值", None, None, None, "", 6),
)
NODE = ir.Node("(一)", "(一)", "领导重视", 9, D(5), D(5), True, None, False, False, (), ())
BONUS = ir.Node("(二)", "(二)", "加分", 12, None, None, True, D(3), False, False, (), ())
POLICY = ir.Policy("测试细则", 2023, D(5), None, "abc", "t.rule", FACTS, (NODE, BONUS), (), (), ())


def item(text, inputs, kind="deduct", raw=None, nominal=D(0), applied=None, note="", path="(一)"):
    raw = nominal if raw is None else raw
    applied = nominal if applied is None else applied
    return prelude.Item("c0", path, 10, text, inputs, kind, raw, nominal, applied, note)


@pytest.mark.parametrize(
    ("made", "zh", "en"),
    [
        (
            item("【缺会次数】每缺1次扣1分", (("缺会次数", D(2)),), nominal=D(2)),
            "缺会次数 = 2：每缺1次扣1分，扣2分",
            "缺会次数 = 2: 每缺1次扣1分, −2 points",
        ),
        (
            item("【缺会次数】每缺1次扣10分", (("缺会次数", D(9)),), nominal=D(85), applied=D(80)),
            "缺会次数 = 9：每缺1次扣10分，应扣85分，本项扣完为止，实扣80分",
            "the item's points are used up, 80 deducted",
        ),
        (
            item("【缺会次数】每缺1次扣1分，最多扣3分", (("缺会次数", D(4)),), raw=D(4), nominal=D(3)),
            "应扣4分，本条最多扣3分",
            "this clause deducts at most 3",
        ),
        (
            item("未【按时上报】扣2分", (("按时上报", False),), nominal=D(2)),
            "按时上报 = 否：未按时上报扣2分",
            "按时上报 = no",
        ),
        (
            item("【化解率】每低于平均值1个百分点扣0.5分",
                 (("化解率", D(60)), ("平均值【化解率】", D(200) / D(3))), nominal=D(3)),
            "化解率 = 60%，平均值【化解率】 = ≈66.6666666667%：",
            "化解率 = 60%, 平均值【化解率】 = ≈66.6666666667%:",
        ),
        (
            item("【获奖次数】每次加2分", (("获奖次数", D(2)),), kind="bonus", nominal=D(4),
                 applied=D(3), path="(二)"),
            "应加4分，已达加分上限，实加3分",
            "bonus cap reached, 3 added",
        ),
    ],
)  # fmt: skip
def test_sentences(made, zh, en):
    assert zh in ItemWords(POLICY, "zh").sentence(made)
    assert en in ItemWords(POLICY, "en").sentence(made)


def test_explain_tree_shows_outline_items_and_labels():
    records = {
        "(一)": prelude.NodeScore("(一)", "领导重视", D(5), D(2), D(3), False),
        "(二)": prelude.NodeScore("(二)", "加分", D(3), D(0), D(1), True),
    }
    items = (
        item("【缺会次数】每缺1次扣1分", (("缺会次数", D(2)),), nominal=D(2)),
        item("【造成重大影响】取消考评资格", (("造成重大影响", True),), kind="outcome",
             note="取消考评资格"),
    )  # fmt: skip
    result = prelude.Result(
        "一中",
        D(4),
        D(4),
        None,
        None,
        "取消考评资格",
        False,
        ("重点管理单位",),
        records,
        items,
        None,
    )
    console = Console(width=120, record=True)
    console.print(explain_tree(result, POLICY, "zh", None, 3))
    text = console.export_text()
    assert "一中" in text and "总分 4分" in text and "不排名" in text
    assert "(一) 领导重视  5分，得3分，扣2分" in text
    assert "缺会次数 = 2：每缺1次扣1分，扣2分" in text
    assert "造成重大影响 = 是：取消考评资格" in text
    assert "加分项，最高加3分：加1分" in text
    assert "标签：重点管理单位" in text


def test_validation_per_type():
    kinds = {f.name: validation_for(f) for f in FACTS}
    assert (kinds["缺会次数"].type, kinds["缺会次数"].operator, kinds["缺会次数"].formula1) == (
        "whole",
        "greaterThanOrEqual",
        "0",
    )
    assert kinds["按时上报"].formula1 == '"是,否"'
    assert (kinds["化解率"].formula1, kinds["化解率"].formula2) == ("0", "100")
    assert (kinds["预案扣分"].type, kinds["预案扣分"].formula1, kinds["预案扣分"].formula2) == (
        "decimal",
        "0",
        "5",
    )
    assert kinds["上报日期"].type == "date"
    assert kinds["人口"] is None


def test_template_workbook(tmp_path):
    out = tmp_path / "t.xlsx"
    write_template(POLICY, out, "en")
    wb = openpyxl.load_workbook(out)
    ws = wb["数据"]
    assert [c.value for c in ws[1]] == ["单位", *(f.name for f in FACTS)]
    assert "range: 0 to 5" in ws["E1"].comment.text and "default: 0" in ws["E1"].comment.text
    assert "required" in ws["C1"].comment.text
    assert len(ws.data_validations.dataValidation) == 5
    assert ws.freeze_panes == "B2"
    guide = list(wb["填写说明"].iter_rows(values_only=True))
    assert guide[0][0] == "测试细则" and guide[2][0] == "缺会次数"
    assert ws.column_dimensions["F"].number_format == "yyyy-mm-dd"
