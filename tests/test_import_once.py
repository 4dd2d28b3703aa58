"""A failure counts once: points and the steps that take them back written in one
standard (`按时完成的得5分，延误一项扣1分`), the item's own tasks done on time before their
failures, bonuses with a cap of their own inside an item, earned points of an item that
has sub-items, and `取消评先评优资格` (not rated the top grade, and the label).  Each is
drafted so that it computes what the document means, or left `待处理` saying what to
write.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from xize.compiler.api import compile_policy
from xize.compiler.importer import import_document
from xize.runtime.cli.main import cli

_DOC = """某县2026年度乡镇（街道）农业农村工作考核细则
一、考核对象
各乡镇人民政府、街道办事处。
二、考核内容及评分标准
（一）基础台账（6分）
村级农业统计台账抽查不规范的，发现一个村扣0.5分，最高扣3分。农业普查工作机构、人员、经费落实到位的，得3分，每缺一项扣1分。
（二）重点任务（10分）
县农业农村局部署的重点任务按时完成的得10分；完成不及时的，每项扣2分；未完成的，每项扣5分。
（三）调查工作（8分）
农产品价格调查任务按时完成的得5分，延误一项扣1分。
（四）信息宣传（5分）
全年报送农业信息不少于6条，每少1条扣0.5分。信息被县级领导批示的，每条加0.5分；被市级以上领导批示的，每条加1分；本项加分最高2分。
（五）社会监督（9分）
农产品质量投诉兑现奖励率达到100%的，得3分，未达到的不得分。投诉件按期办结率每低于100%一个百分点，扣0.5分。
（六）队伍建设（6分）
1.建立农经人员管理制度的，得2分；制度上墙公示的，得1分。
2.农经人员年度培训少于20学时的，扣1分。
三、扣分事项
1.发生重大农产品质量安全事件的，实行一票否决，考核结果确定为不合格，取消当年评先评优资格。
2.瞒报农业灾情的，取消年度评先评优资格。
四、考核等次
40分以上为优秀，35分以上为良好，25分以上为合格，25分以下为不合格。
"""


def _draft(tmp_path: Path, text: str = _DOC):
    source = tmp_path / "细则.txt"
    source.write_text(text, encoding="utf-8")
    draft = import_document(source)
    return draft, compile_policy(draft.text, filename="<draft>")


def _pending(draft) -> dict[str, str]:
    return {text: why for _, text, why in draft.summary.pending_sentences}


def _perfect(policy) -> dict[str, str]:
    unit = {}
    for fact in policy.ir.facts:
        unit[fact.name] = {"bool": "否", "percent": "100"}.get(fact.type, "0")
    unit.update(
        {"农产品质量投诉兑现奖励率": "100", "全年报送农业信息": "6", "农经人员年度培训": "20"}
    )
    return unit


def test_a_unit_doing_everything_gets_every_item_in_full(tmp_path):
    _, policy = _draft(tmp_path)
    result = policy.score(_perfect(policy))
    assert result.total == Decimal(44)
    assert result.grade == "优秀"


def test_tasks_late_or_not_done_cost_their_steps_only(tmp_path):
    draft, policy = _draft(tmp_path)
    assert "【完成不及时】每项扣2分" in draft.text and "按时完成】得10分" not in draft.text
    unit = dict(_perfect(policy), 完成不及时="1", 未完成="1")
    assert policy.score(unit).nodes["(二)"].score == Decimal(3)  # 10 − 2 − 5, not 0
    unit = dict(_perfect(policy), 村级农业统计台账抽查不规范="4")  # a count of villages
    assert policy.score(unit).nodes["(一)"].score == Decimal(4)
    unit = dict(_perfect(policy), 村级农业统计台账抽查不规范="9")
    assert policy.score(unit).nodes["(一)"].score == Decimal(3)


def test_points_and_their_steps_in_one_sentence_stay_pending_with_what_to_write(tmp_path):
    draft, _ = _draft(tmp_path)
    pending = _pending(draft)
    why = pending["农产品价格调查任务按时完成的得5分，延误一项扣1分"]
    assert "子项" in why and "从未做到的单位" in why  # 延误 counts one failure only


def test_all_of_a_list_and_each_one_missing_is_a_sub_item_of_those_points(tmp_path):
    """`机构、人员、经费落实到位的，得3分，每缺一项扣1分` beside a deduction of at most 3 in an
    item of 6: the 3 points are a sub-item, the missing members counted from them only."""
    draft, policy = _draft(tmp_path)
    sentence = "农业普查工作机构、人员、经费落实到位的，得3分，每缺一项扣1分"
    assert sentence not in _pending(draft)
    missing = "农业普查工作机构、人员、经费落实到位缺少的项"
    assert f"(1){missing}（3分）" in draft.text
    for extra, expected in [
        ({}, 6),
        ({missing: "1"}, 5),
        ({"村级农业统计台账抽查不规范": "9"}, 3),
        ({"村级农业统计台账抽查不规范": "9", missing: "5"}, 0),
    ]:
        unit = dict(_perfect(policy), **extra)
        assert policy.score(unit).nodes["(一)"].score == Decimal(expected)


def test_a_negated_list_is_not_read_as_all_of_it(tmp_path):
    """`未建立…的得2分，每缺一项扣1分` says nothing a list achieved would: never the
    count of missing members."""
    text = _DOC.replace(
        "农业普查工作机构、人员、经费落实到位的，得3分，每缺一项扣1分",
        "未落实农业普查工作机构、人员、经费的，得3分，每缺一项扣1分",
    )
    draft, _ = _draft(tmp_path, text)
    assert "缺少的项" not in draft.text


def test_capped_bonuses_inside_an_item_stay_pending(tmp_path):
    draft, _ = _draft(tmp_path)
    pending = _pending(draft)
    for sentence in ("信息被县级领导批示的，每条加0.5分", "被市级以上领导批示的，每条加1分"):
        assert "本项加分最高2分" in pending[sentence] and "加分项" in pending[sentence]
    assert "加0.5分" not in draft.text.split("数据：")[1].split("说明：")[-1]


def test_earned_points_beside_pending_text_get_a_sub_item(tmp_path):
    draft, policy = _draft(tmp_path)
    assert "(1)农产品质量投诉兑现奖励率（3分）" in draft.text
    unit = dict(_perfect(policy), 农产品质量投诉兑现奖励率="90")
    assert policy.score(unit).nodes["(五)"].score == Decimal(6)


def test_earned_points_of_an_item_with_sub_items_stay_pending(tmp_path):
    draft, _ = _draft(tmp_path)
    why = _pending(draft)["建立农经人员管理制度的，得2分"]
    assert "写上分值" in why
    assert "- 【建立农经人员管理制度】" not in draft.text


def test_out_of_honours_is_not_rated_the_top_grade(tmp_path):
    draft, policy = _draft(tmp_path)
    assert "【瞒报农业灾情】不得评为优秀，列为取消年度评先评优资格单位" in draft.text
    result = policy.score(dict(_perfect(policy), 瞒报农业灾情="是"))
    assert result.total == Decimal(44) and result.grade == "良好"
    assert "取消年度评先评优资格单位" in result.labels
    vetoed = policy.score(dict(_perfect(policy), 重大农产品质量安全事件="是"))
    assert vetoed.grade == "不合格" and "取消当年评先评优资格单位" in vetoed.labels


def test_a_draft_without_grades_says_so(tmp_path):
    text = _DOC.split("四、考核等次")[0]
    draft, _ = _draft(tmp_path, text)
    assert draft.summary.bands == 0
    source = tmp_path / "无等次.txt"
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(source), "-o", "-"])
    assert "草稿没有等次" in result.output
    graded = tmp_path / "有等次.txt"
    graded.write_text(_DOC, encoding="utf-8")
    assert import_document(graded).summary.bands == 4


def test_points_whose_steps_miss_a_failure_stay_pending(tmp_path):
    """`按时报送的得2分，每迟报一次扣1分` in an item of 2 points: the steps count late
    reports only, so a unit never reporting would keep the 2; `每缺一项扣1分` counts every
    failure, so in an item of 3 points the steps alone say it."""
    text = """某县2026年度信息报送考核细则
一、考核内容及评分标准
（一）信息报送（2分）
月度信息按时报送的得2分，每迟报一次扣1分。
（二）制度建设（3分）
值班、报告、督办制度健全的得3分，每缺一项扣1分。
"""
    draft, _ = _draft(tmp_path, text)
    pending = _pending(draft)
    assert "子项" in pending["月度信息按时报送的得2分，每迟报一次扣1分"]
    assert "每缺一项扣1分" in draft.text.split("（二）制度建设（3分）")[1]
    assert "值班、报告、督办制度健全的得3分，每缺一项扣1分" not in pending


def test_on_time_points_with_late_steps_only_stay_pending(tmp_path):
    """`按时完成的得10分；完成不及时的，每项扣2分` (nothing for tasks never done): neither
    as points (one late task costs 12) nor as the base (a unit doing none keeps 10)."""
    text = """某县2026年度重点工作考核细则
一、考核内容及评分标准
（一）重点任务（10分）
县委部署的重点任务按时完成的得10分；完成不及时的，每项扣2分。
"""
    draft, _ = _draft(tmp_path, text)
    why = _pending(draft)["县委部署的重点任务按时完成的得10分"]
    assert "未完成" in why
    assert "- 【完成不及时】每项扣2分" in draft.text
