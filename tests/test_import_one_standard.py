"""Sentences of one item that are one standard, or that look like facts but are not
(`compiler/importer`): each is drafted so that it computes what the document means, or
left `待处理` saying what to write — never drafted into something else.

- `…在规定时限内办结率达到100%的得6分；超过规定时限办结的，每件扣1.5分` in an item of 6:
  the rate is 100% exactly when none is late, so the 6 points are the item's and each
  late one takes 1.5 (drafted as they stand, one late case lost the 6 and 1.5 more);
- `…在年度抽查中合格的得8分；抽查不合格的，每次扣4分` likewise;
- `列入年度考核的得4分，列入但权重低于2%的得2分`: the second band is part of the first
  (held back: as two facts, a unit not listed at all earned the 2);
- a band chain after a lead-in that says how the rate is measured (`组织开展群众满意率测评，
  群众满意率达到95%以上的得6分，…`, the rate named in it) is one set of bands; a chain that does not meet is
  held back, and a band's bounds (`85%（含）至95%`) never become a fact's name;
- `…的得3分，整治不到位的视情况扣1-2分`: the judged range starts at 0 (no problem is 0);
- two sentences of levels in one item (`由主要负责同志牵头的得2分，由分管负责同志牵头的得1分`)
  each get a sub-item that takes the highest level; beside another earning sentence they
  are held back (read as they stand the two levels would add up).

Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from helpers import import_text

_DOC = """某区2026年度社区治理工作考核细则
一、办理时效（6分）
群众诉求在规定时限内办结率达到100%的得6分；超过规定时限办结的，每件扣1.5分，扣完为止。
二、台账抽查（8分）
社区台账在年度抽查中合格的得8分；抽查不合格的，每次扣4分。
三、群众评价（6分）
组织开展群众满意率测评，群众满意率达到95%以上的得6分，85%（含）至95%的得4分，低于85%的得1分。
四、环境整治（5分）
组织开展环境卫生集中整治的得3分，整治不到位的视情况扣1-2分；背街小巷保洁到位的得2分。
五、组织领导（4分）
1.议事协调（4分）。由主要负责同志牵头的得2分，由分管负责同志牵头的得1分。建立工作台账并按月更新的得2分，建立台账但未按月更新的得1分。
"""


def _draft(tmp_path: Path, text: str = _DOC):
    return import_text(tmp_path, text)


def _pending(draft) -> dict[str, str]:
    return {text: why for _, text, why in draft.summary.pending_sentences}


def _node(policy, path: str, **facts: str) -> Decimal:
    unit = {}
    for fact in policy.ir.facts:
        unit[fact.name] = {"bool": "否", "percent": "100"}.get(fact.type, "0")
    unit.update(facts)
    return policy.score(unit).nodes[path].score


def test_all_on_time_is_none_late(tmp_path):
    draft, policy = _draft(tmp_path)
    assert "群众诉求在规定时限内办结率】" not in draft.text  # no all-or-nothing 6 points
    late = next(f.name for f in policy.ir.facts if f.name.startswith("超过规定时限办结"))
    assert [_node(policy, "一", **{late: str(n)}) for n in (0, 1, 3, 9)] == [
        6,
        Decimal("4.5"),
        Decimal("1.5"),
        0,
    ]


def test_passing_every_check_is_none_failed(tmp_path):
    draft, policy = _draft(tmp_path)
    failed = next(f.name for f in policy.ir.facts if "不合格" in f.name)
    assert [_node(policy, "二", **{failed: str(n)}) for n in (0, 1, 2)] == [8, 4, 0]


def test_bands_after_a_lead_in_are_one_chain(tmp_path):
    draft, policy = _draft(tmp_path)
    assert "【群众满意率】达到95%、85%、0%的，分别得6分、4分、1分" in draft.text
    rate = "群众满意率"
    assert [_node(policy, "三", **{rate: v}) for v in ("96", "95", "90", "85", "70")] == [
        6,
        6,
        4,
        4,
        1,
    ]


def test_bands_that_do_not_meet_never_name_a_fact_by_their_bounds(tmp_path):
    text = _DOC.replace("85%（含）至95%的得4分", "85%（含）至90%的得4分")
    draft, _ = _draft(tmp_path, text)
    assert "【85%" not in draft.text and "【三85%" not in draft.text
    assert not any("85%" in f for f in _facts(draft))


def _facts(draft) -> list[str]:
    head = draft.text.split("数据：")[1].split("\n\n")[0]
    return [line.split("：")[0].strip() for line in head.splitlines() if line.strip()]


def test_a_judged_range_beside_earned_points_starts_at_zero(tmp_path):
    draft, policy = _draft(tmp_path)
    judged = next(f for f in policy.ir.facts if f.name.startswith("整治不到位"))
    assert "酌情扣0至2分" in draft.text
    done = {f.name: "是" for f in policy.ir.facts if f.type == "bool" and "保洁" in f.name}
    done.update({f.name: "是" for f in policy.ir.facts if f.name.startswith("组织开展环境")})
    assert _node(policy, "四", **done) == 5
    assert _node(policy, "四", **done, **{judged.name: "0"}) == 5
    assert _node(policy, "四", **done, **{judged.name: "2"}) == 3


def test_levels_of_two_sentences_each_take_the_highest(tmp_path):
    draft, policy = _draft(tmp_path)
    assert draft.text.count("就高不就低") >= 2
    lead, deputy = "由主要负责同志牵头", "由分管负责同志牵头"
    ledger, partial = "建立工作台账并按月更新", "建立台账但未按月更新"
    assert _node(policy, "五1", **{lead: "是", ledger: "是"}) == 4
    assert _node(policy, "五1", **{lead: "是", deputy: "是", ledger: "是"}) == 4  # never 2 + 1
    assert _node(policy, "五1", **{deputy: "是", partial: "是"}) == 2


def test_levels_beside_another_earning_sentence_are_held_back(tmp_path):
    text = _DOC.replace(
        "建立工作台账并按月更新的得2分，建立台账但未按月更新的得1分", "建立工作台账的得2分"
    )
    draft, _ = _draft(tmp_path, text)
    why = _pending(draft)["由主要负责同志牵头的得2分，由分管负责同志牵头的得1分"]
    assert "就高不就低" in why


def test_a_band_that_is_part_of_the_one_before_is_held_back(tmp_path):
    text = _DOC.replace(
        "组织开展环境卫生集中整治的得3分，整治不到位的视情况扣1-2分；背街小巷保洁到位的得2分",
        "列入年度考核的得4分，列入但权重低于2%的得2分",
    ).replace("四、环境整治（5分）", "四、环境整治（4分）")
    draft, _ = _draft(tmp_path, text)
    why = _pending(draft)["列入年度考核的得4分，列入但权重低于2%的得2分"]
    assert "前一档的一部分" in why


def test_a_rate_times_the_points_below_the_full_rate_is_its_share(tmp_path):
    """`…建设达标率达到100%的得4分；未达到的，按达标率×4计分`: the rate's share of the 4
    points (85% → 3.4); the second sentence was a formula no scoring word named, and
    was lost from the draft."""
    text = "某区2026年度服务体系考核细则\n一、服务站（6分）\n服务站建设达标率达到100%的得4分；未达到的，按达标率×4计分。发生投诉的，每起扣1分。\n"
    draft, policy = _draft(tmp_path, text)
    assert "未达到的，按达标率×4计分" not in _pending(draft)
    rate = "服务站建设达标率"
    assert [_node(policy, "一", **{rate: v}) for v in ("100", "85", "0")] == [6, Decimal("5.4"), 2]


def test_a_share_of_the_average_written_as_a_formula_is_drafted(tmp_path):
    """`低于本区平均水平的，按本地占比÷本区平均占比×5计分`: the formula over the batch mean
    (docs/language.md 9.12) — the units below the mean (4) earn their share of 5, the
    others 5 (the sentence was kept pending while formulas could not name the mean)."""
    text = (
        "某区2026年度禁毒工作考核细则\n一、戒断巩固（5分）\n"
        "戒断人员占比达到本区平均水平以上的得5分；低于本区平均水平的，按本地占比÷本区平均占比×5计分。\n"
    )
    draft, policy = _draft(tmp_path, text)
    assert "低于本区平均水平的，按本地占比÷本区平均占比×5计分" not in _pending(draft)
    rows = [{"单位": u, "戒断人员占比": v} for u, v in (("甲", "6"), ("乙", "3"), ("丙", "3"))]
    scored = [r.nodes["一"].score for r in policy.score_batch(rows)]
    assert scored == [5, Decimal("3.75"), Decimal("3.75")]


def test_a_formula_over_another_measure_is_kept_pending(tmp_path):
    """`按本地人口数÷全区最多人口数×5计分` on a line whose one fact is a rate: the formula
    names another measure than the line's fact, so it is not read as the fact's."""
    text = (
        "某区2026年度禁毒工作考核细则\n一、戒断巩固（5分）\n"
        "戒断人员占比最高的得5分；其余按本地人口数÷全区最多人口数×5计分。\n"
    )
    draft, _ = _draft(tmp_path, text)
    assert any("人口数" in sentence for sentence in _pending(draft))


def test_nothing_wrong_is_the_items_points_beside_counted_failures(tmp_path):
    """`档案按时移交、目录著录无差错的得5分。著录出现差错的，每条扣0.5分` in an item of 5: the
    5 points are the item's, each error takes 0.5 (drafted as a yes/no, one error lost the 5
    and 0.5 more).  Beside a failure of something else (`发生事故的，每起扣1分`) a yes/no
    earning stays what it says."""
    text = (
        "某区2026年度档案工作考核细则\n一、移交著录（5分）\n"
        "档案按时移交、目录著录无差错的得5分。著录出现差错的，每条扣0.5分，本项扣完为止。\n"
        "二、工作方案（5分）\n制定工作方案的得5分；发生事故的，每起扣1分。\n"
    )
    draft, policy = _draft(tmp_path, text)
    errors = next(f.name for f in policy.ir.facts if "差错" in f.name)
    assert [_node(policy, "一", **{errors: str(n)}) for n in (0, 1, 4, 20)] == [
        5,
        Decimal("4.5"),
        3,
        0,
    ]
    assert "- 【制定工作方案】得5分" in draft.text


def test_the_misses_of_a_full_rate_take_at_most_its_part(tmp_path):
    """`优抚对象医疗待遇落实率达到100%的得3分，每有1人未落实扣0.5分` beside another 3-point
    sentence in an item of 6: 100% is none missed, and the misses take at most the 3 of
    this part (8 misses took 4, 1 of them from the other sentence)."""
    text = (
        "某区2026年度优抚工作考核细则\n一、医疗与供养（6分）\n"
        "优抚对象医疗待遇落实率达到100%的得3分，每有1人未落实扣0.5分。集中供养的得3分。\n"
    )
    draft, policy = _draft(tmp_path, text)
    assert "最多扣3分" in draft.text or "（3分）" in draft.text  # a cap, or a sub-item of 3
    missed = next(f.name for f in policy.ir.facts if "未落实" in f.name)
    kept = {f.name: "是" for f in policy.ir.facts if f.name == "集中供养"}
    got = [_node(policy, "一", **kept, **{missed: str(n)}) for n in (0, 2, 8)]
    assert got == [6, 5, 3]


def test_each_of_a_list_earning_counts_each_and_misses_by_school(tmp_path):
    """`…注册率、学习完成率达到95%以上的，各得1分` earns up to 2 (the sub-item was sized 1,
    as if the two were tiers of one fact), and `…落实率达到100%的得3分，每有1所学校未落实扣
    0.5分` is the misses from the 3 (所 is a count word like 个)."""
    text = (
        "某区2026年度禁毒工作考核细则\n一、青少年（5分）\n"
        "辖区学校课时落实率达到100%的得3分，每有1所学校未落实扣0.5分；"
        "在校学生学习平台注册率、学习完成率达到95%以上的，各得1分。\n"
    )
    draft, policy = _draft(tmp_path, text)
    assert "（2分）" in draft.text and "（3分）" in draft.text
    flags = {f.name: "是" for f in policy.ir.facts if f.type == "bool"}
    missed = next(f.name for f in policy.ir.facts if "未落实" in f.name)
    assert _node(policy, "一", **flags) == 5
    assert _node(policy, "一", **flags, **{missed: "8"}) == 2


def test_on_time_points_and_the_late_and_missing_ones_in_one_sentence(tmp_path):
    """`统计报表按期报送的得4分，迟报的每次扣0.5分，漏报的每次扣1分` in an item of 4, one
    sentence: the 4 points are the item's and each late or missing report takes its
    amount (as a yes/no, two late reports lost all 4).  Late ones alone leave a unit that
    never reports with the 4: held back, as ever."""
    text = (
        "某区2026年度统计工作考核细则\n一、数据报送（4分）\n"
        "统计报表按期报送的得4分，迟报的每次扣0.5分，漏报的每次扣1分，扣完为止。\n"
    )
    draft, policy = _draft(tmp_path, text)
    late = next(f.name for f in policy.ir.facts if "迟报" in f.name)
    missing = next(f.name for f in policy.ir.facts if "漏报" in f.name)
    assert _node(policy, "一") == 4
    assert _node(policy, "一", **{late: "2"}) == 3
    assert _node(policy, "一", **{late: "2", missing: "2"}) == 1
    only_late = text.replace("，漏报的每次扣1分", "")
    draft, _ = _draft(tmp_path, only_late)
    why = next(w for s, w in _pending(draft).items() if s.startswith("统计报表按期报送的得4分"))
    assert "子项" in why and "从未报送" in why
    assert "【统计报表按期报送】得4分" not in draft.text  # never the yes/no beside the steps


def test_all_done_and_each_one_short_by_its_verb(tmp_path):
    """`与重点单位签订责任书的得2分，每少签1家扣0.5分` (the item's 2) and `…配备人数达到建设标准
    的得3分，每少配1人扣0.5分` (3 of an item of 6): those short, counted from the points of
    their own sentence; a negated condition is not read so."""
    text = (
        "某县2026年度消防工作考核细则\n一、责任落实（2分）\n"
        "与辖区消防安全重点单位签订年度消防安全责任书的得2分，每少签1家扣0.5分。\n"
        "二、队伍建设（6分）\n专职消防队员配备人数达到建设标准的得3分，每少配1人扣0.5分。建立值班制度的得3分。\n"
        "三、其他（2分）\n未签订责任书的得2分，每少签1家扣0.5分。\n"
    )
    draft, policy = _draft(tmp_path, text)
    short = {f.name: f.name for f in policy.ir.facts}
    signed = next(n for n in short if n.endswith("少签"))
    staffed = next(n for n in short if n.endswith("少配"))
    duty = {"建立值班制度": "是"}
    assert [_node(policy, "一", **{signed: str(k)}) for k in (0, 1, 9)] == [2, Decimal("1.5"), 0]
    assert [_node(policy, "二", **duty, **{staffed: str(k)}) for k in (0, 2, 9)] == [6, 5, 3]
    assert any(s.startswith("未签订责任书的得2分") for s in _pending(draft))


def test_a_veto_that_only_names_the_honours_lost_is_held_back(tmp_path):
    """`造成严重后果的，实行一票否决，取消年度评优评先资格`: the lowest grade, or only the honours?
    Held back with both writings (it was drafted as 一票否决, the lowest grade)."""
    text = (
        "某区2026年度保密工作考核细则\n一、保密审查（10分）\n"
        "发生泄密的，每起扣5分；造成严重后果的，实行一票否决，取消年度评优评先资格。\n"
    )
    draft, _ = _draft(tmp_path, text)
    why = _pending(draft)["造成严重后果的，实行一票否决，取消年度评优评先资格"]
    assert "实行一票否决" in why and "不得评为优秀" in why
    assert "- 【造成严重后果】实行一票否决" not in draft.text
