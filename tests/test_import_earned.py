"""An item scored partly by earning and partly by deducting from its points
(`组织保障（6分）：制定方案的，得2分；未建立制度的，扣2分`): a unit that does everything gets
the item's points, the earned points are lost only when their condition fails, and the
deductions come off the whole item — not the language's earning item, where every unit
would get at most the 2 earned points.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from xize.compiler.api import compile_policy
from xize.compiler.importer import import_document

_DOC = """某县2026年度农村供水工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）组织保障（6分）
制定年度农村供水工作方案的，得2分。未建立农村供水工程管护制度的，扣2分。管护人员培训少于2次的，每少1次扣1分。
（二）水质保障（10分）
水质检测覆盖率达到100%的，得6分，每低1个百分点扣0.5分，扣完为止。水质检测结果未按规定公示的，扣2分。
（三）工程运行（4分）
发生工程停水超过24小时的，每次扣1分。
三、考核等次
90分以上为优秀，60分以上为合格，60分以下为不合格。
"""


def _draft(tmp_path: Path):
    source = tmp_path / "细则.txt"
    source.write_text(_DOC, encoding="utf-8")
    draft = import_document(source)
    return draft, compile_policy(draft.text, filename="<draft>")


def _names(policy) -> dict[str, str]:
    """Short words → the fact names the draft chose (they are derived from the sentences)."""
    names = [f.name for f in policy.ir.facts]

    def find(word: str) -> str:
        (name,) = [n for n in names if word in n]
        return name

    return {
        "plan": find("方案"),
        "system": find("管护制度"),
        "training": find("培训"),
        "coverage": find("覆盖率"),
        "public": find("公示"),
        "stop": find("停水"),
    }


def test_every_requirement_met_earns_the_items_points(tmp_path):
    draft, policy = _draft(tmp_path)
    n = _names(policy)
    perfect = {
        n["plan"]: "是",
        n["system"]: "否",
        n["training"]: "2",
        n["coverage"]: "100",
        n["public"]: "否",
        n["stop"]: "0",
    }
    result = policy.score(perfect)
    assert result.nodes["(一)"].score == Decimal(6)
    assert result.nodes["(二)"].score == Decimal(10)
    assert result.total == Decimal(20)
    assert "单列为子项" in draft.text


def test_the_earned_points_and_the_deductions_each_count_once(tmp_path):
    _, policy = _draft(tmp_path)
    n = _names(policy)
    unit = {
        n["plan"]: "否",  # loses the 2 earned points
        n["system"]: "是",  # −2
        n["training"]: "1",  # −1
        n["coverage"]: "97",  # 6 − 3 × 0.5 = 4.5 of the 6
        n["public"]: "是",  # −2
        n["stop"]: "1",
    }
    result = policy.score(unit)
    assert result.nodes["(一)"].score == Decimal(6) - 2 - 2 - 1
    assert result.nodes["(二)"].score == Decimal(10) - Decimal("1.5") - 2
    assert result.nodes["(三)"].score == Decimal(3)


_SHARE_DOC = """某县2026年度农村供水工作考核细则（二）
一、考核内容及评分标准
（一）水质抽检（4分）
水质抽检任务完成率达到100%的，得4分；未达到的，按实际完成比例计分。
（二）应急保障（6分）
应急供水预案未修订的，扣2分。应急演练每年少于1次的，扣2分。
三、考核等次
90分以上为优秀，60分以上为合格，60分以下为不合格。
"""


def test_a_standard_that_earns_in_proportion_below_it_is_not_scored_by_half(tmp_path):
    """`达到100%的，得4分；未达到的，按实际完成比例计分` in an item of 4 points: the first half
    alone would give 0 to a unit at 85% (the document: 3.4); the two are one clause, the
    item's points times the rate, and the rest is drafted."""
    source = tmp_path / "细则.txt"
    source.write_text(_SHARE_DOC, encoding="utf-8")
    draft = import_document(source)
    policy = compile_policy(draft.text, filename="<draft>")
    assert draft.summary.pending == 0
    clauses = [line for line in draft.text.splitlines() if line.lstrip().startswith("- ")]
    assert not any("得4分" in line for line in clauses)
    assert "  - 【水质抽检任务完成率】按完成比例得分" in clauses
    assert sum("扣2分" in line for line in clauses) == 2
    unit = {f.name: "否" if f.type == "bool" else "1" for f in policy.ir.facts}
    unit["水质抽检任务完成率"] = "85"
    assert policy.score(unit).nodes["(一)"].score == Decimal("3.4")


_DEEP_DOC = """某县2026年度网格化工作考核细则
一、基础管理（10分）
（一）信息采集（4分）
1.人口信息（4分）
（1）入格（4分）入格率达到100%的得2分，每低1个百分点扣0.2分；抽查发现漏登的，每条扣0.1分，最多扣2分。
（二）数据共享（6分）
制定数据共享方案的得2分；数据泄露的，扣4分。
"""


def test_an_item_numbered_1_takes_a_circled_sub_item(tmp_path):
    # （1）入格 takes its sub-item at the fifth level (①); （二）数据共享 gets its sub-item
    # as before, so a unit doing everything keeps its 6 points there and its 4 in （1）
    source = tmp_path / "网格.txt"
    source.write_text(_DEEP_DOC, encoding="utf-8")
    draft = import_document(source)
    policy = compile_policy(draft.text, filename="<draft>")
    assert "(1)制定数据共享方案（2分）" in draft.text and "①入格率（2分）" in draft.text
    assert "不能把它单列为子项" not in draft.text
    plan = next(f.name for f in policy.ir.facts if "方案" in f.name)
    leak = next(f.name for f in policy.ir.facts if "泄露" in f.name)
    missed = next(f.name for f in policy.ir.facts if "漏登" in f.name)
    result = policy.score({plan: "是", leak: "否", missed: "0", **_full_rates(policy)})
    assert result.nodes["一(二)"].score == Decimal(6)
    assert result.nodes["一(一)1(1)"].score == Decimal(4)
    # 95% loses 1 of the rate's 2 (its steps stay inside them); 30 omissions cap at 2
    low = policy.score({plan: "是", leak: "否", missed: "30", "入格率": "95"})
    assert low.nodes["一(一)1(1)"].score == Decimal(1)


def _full_rates(policy) -> dict[str, str]:
    return {f.name: "100" for f in policy.ir.facts if f.type == "percent"}
