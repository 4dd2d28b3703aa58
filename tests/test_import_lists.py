"""Sentences about a list of things, each scoring on its own (`importer.readers.lists`): two rates
with half the points each, the first rate first, two rates stepped off the item's points,
each rate its own standard and step, one event by the place it went to, two level lists
paired by level, and one `未按规定` over a list.  Each is scored on units whose totals were
worked out by hand from the sentence; the near misses stay pending with what to write.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines

_HEAD = "某县2026年度基层治理工作考核细则\n一、考核内容及评分标准\n"


def _doc(*items: str) -> str:
    return _HEAD + "".join(f"{item}\n" for item in items)


def _declared(text: str) -> str:
    return text.split("数据：", 1)[1].split("\n\n")[0]


def _filled(draft, facts: dict[str, str]) -> dict[str, str]:
    """`facts` with every other declared fact that has no default filled (100%, 是, 0):
    the items not under test need a value too."""
    out = {}
    for line in _declared(draft.text).splitlines():
        if "：" not in line:
            continue
        name, said = (part.strip() for part in line.split("#", 1)[0].split("：", 1))
        if "默认" not in said:
            out[name] = {"百分比": "100", "是否": "是"}.get(said, "0")
    return out | facts


def _score(policy, facts: dict[str, str], path: str, draft=None) -> Decimal:
    facts = _filled(draft, facts) if draft is not None else facts
    return policy.score(facts).nodes[path].score


def test_two_rates_earn_half_the_points_each(tmp_path):
    """`均达到90%以上的得2分，有一项未达到的得1分，两项均未达到的不得分` is 1 point a rate;
    the second rate takes the words the first says before its own (`系统账号`)."""
    text = _doc(
        "（一）平台使用（2分）\n系统账号登录率、使用率均达到90%以上的得2分，有一项未达到的得1分，两项均未达到的不得分。",
        "（二）矛盾调处（8分）\n矛盾纠纷及时调处率、按期化解率均达到100%的得4分，有一项未达到的得2分，均未达到的不得分。"
        "发生越级上访的，每人次扣1分。",
        "（三）台账管理（3分）\n台账建档率、更新率均达到100%的得3分，有一项未达到的得2分，均未达到的不得分。",
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【系统账号登录率】达到90%的得1分" in draft.text
    assert "- 【系统账号使用率】达到90%的得1分" in draft.text
    assert "- 【矛盾纠纷按期化解率】达到100%的得2分" in draft.text
    for login, use, expected in (
        ("95", "90", "2"),
        ("95", "89.9", "1"),
        ("80", "99", "1"),
        ("80", "70", "0"),
    ):
        facts = {"系统账号登录率": login, "系统账号使用率": use}
        assert _score(policy, facts, "(一)", draft) == Decimal(expected), (login, use)
    for on_time, solved, visits, expected in (
        ("100", "100", "0", "8"),
        ("100", "98", "0", "6"),
        ("97", "98", "1", "3"),
        ("97", "98", "5", "0"),
    ):
        facts = {
            "矛盾纠纷及时调处率": on_time,
            "矛盾纠纷按期化解率": solved,
            "越级上访": visits,
        }
        assert _score(policy, facts, "(二)", draft) == Decimal(expected), (on_time, solved, visits)
    # 2 of 3 for one rate reached is not a half for each: pending
    pending = pending_lines(draft.text)
    assert any(p.startswith("台账建档率") and "几个数据项" in p for p in pending)


def test_the_first_rate_earns_part_and_both_the_rest(tmp_path):
    """`开工率达到100%但验收率未达到的得2分，开工率未达到100%的不得分`: 2 for the first rate,
    2 more with both; the second alone earns nothing, as the sentence says."""
    text = _doc(
        "（一）修复项目（4分）\n年度水毁修复项目开工率、验收率均达到100%的得4分，"
        "开工率达到100%但验收率未达到的得2分，开工率未达到100%的不得分。",
        "（二）改造项目（4分）\n年度改造项目开工率、验收率均达到100%的得4分，"
        "验收率达到100%但开工率未达到的得2分，开工率未达到100%的不得分。",
    )
    draft, policy = import_text(tmp_path, text)
    start, end = "年度水毁修复项目开工率", "年度水毁修复项目验收率"
    assert f"- 【{start}】达到100%的得2分" in draft.text
    assert f"- 【{start}】达到100%且【{end}】达到100%的得2分" in draft.text
    for started, ended, expected in (
        ("100", "100", "4"),
        ("100", "95", "2"),
        ("95", "100", "0"),
        ("95", "95", "0"),
    ):
        facts = {start: started, end: ended}
        assert _score(policy, facts, "(一)", draft) == Decimal(expected), (started, ended)
    # the later parts name the rates the other way round: not read
    assert any(p.startswith("年度改造项目") for p in pending_lines(draft.text))


def test_two_rates_stepped_off_the_items_points(tmp_path):
    """`均达到100%的得4分，报到率每低1个百分点扣0.4分，建档率每低1个百分点扣0.1分` in an
    item of 4: the item's 4 less both steps and its other deductions, at most all 4.  The
    same sentence with 3 of an item's 5 points, or beside another earning sentence, is a
    part of the item: pending."""
    text = _doc(
        "（一）报到管理（4分）\n社区矫正对象报到率、建档率均达到100%的得4分，报到率每低1个百分点扣0.4分，"
        "建档率每低1个百分点扣0.1分。未及时报告脱管情况的，每人扣1分。",
        "（二）帮教管理（5分）\n刑满释放人员衔接率、帮教率均达到100%的得3分，衔接率每低1个百分点扣0.2分，"
        "帮教率每低1个百分点扣0.1分。建立帮教台账的得2分。",
        "（三）安置管理（4分）\n安置帮教对象衔接率、安置率均达到100%的得4分，衔接率每低1个百分点扣0.2分，"
        "安置率每低1个百分点扣0.1分。建立安置台账的得1分。",
    )
    draft, policy = import_text(tmp_path, text)
    report, filed = "社区矫正对象报到率", "社区矫正对象建档率"
    assert f"- 【{report}】低于100%的，每低1个百分点扣0.4分" in draft.text
    assert f"- 【{filed}】低于100%的，每低1个百分点扣0.1分" in draft.text
    late = "未及时报告脱管情况"
    for r, f, n, expected in (
        ("100", "100", "0", "4"),
        ("98", "90", "0", "2.2"),
        ("95", "100", "1", "1"),
        ("80", "50", "0", "0"),
    ):
        facts = {report: r, filed: f, late: n}
        assert _score(policy, facts, "(一)", draft) == Decimal(expected), (r, f, n)
    pending = pending_lines(draft.text)
    assert any(p.startswith("刑满释放人员衔接率") for p in pending)
    # the item earns points by another sentence too: which of them the steps take is unsaid
    assert any(p.startswith("安置帮教对象衔接率") for p in pending)


def test_each_rate_its_own_standard_then_one_step(tmp_path):
    """`分别达到96%、92%以上的，各得2分；未达到的，每低1个百分点相应扣0.5分，扣完为止`:
    each rate its standard with the step, taking at most its own 2 points."""
    text = _doc(
        "（一）热线办理（7分）\n便民热线工单按时办结率、群众满意率分别达到96%、92%以上的，各得2分；"
        "未达到的，每低1个百分点相应扣0.5分，扣完为止；建立工单回访制度的得3分。",
    )
    draft, policy = import_text(tmp_path, text)
    done, liked = "便民热线工单按时办结率", "便民热线工单群众满意率"
    assert f"- 【{done}】达到96%的得2分，每低1个百分点扣0.5分" in draft.text
    assert f"- 【{liked}】达到92%的得2分，每低1个百分点扣0.5分" in draft.text
    assert not pending_lines(draft.text)
    visit = "建立工单回访制度"
    for d, like, v, expected in (
        ("96", "92", "是", "7"),
        ("94", "92", "是", "6"),
        ("95.5", "91", "是", "6.5"),
        ("90", "80", "否", "0"),
    ):
        facts = {done: d, liked: like, visit: v}
        assert _score(policy, facts, "(一)", draft) == Decimal(expected), (d, like, v)


def test_one_event_at_each_place_it_went(tmp_path):
    """`发生群众到省、进京集体访的，每批次分别扣1.5分、3分`: a count for each place; a list of
    amounts that does not match the places stays pending."""
    text = _doc(
        "（一）信访秩序（6分）\n发生群众到省、进京集体访的，每批次分别扣1.5分、3分，扣完为止。",
        "（二）信访通报（6分）\n发生群众赴省、进京越级访的，每批次分别扣1分、2分、3分。",
    )
    draft, policy = import_text(tmp_path, text)
    province, capital = "群众到省集体访", "群众进京集体访"
    assert f"- 【{province}】、【{capital}】每批次分别扣1.5分、3分" in draft.text
    assert "批次，默认0" in _declared(draft.text)
    for p, c, expected in (("0", "0", "6"), ("1", "0", "4.5"), ("1", "1", "1.5"), ("0", "2", "0")):
        assert _score(policy, {province: p, capital: c}, "(一)", draft) == Decimal(expected), (p, c)
    pending = pending_lines(draft.text)
    assert any(p.startswith("发生群众赴省、进京越级访") for p in pending)


def test_two_level_lists_paired_by_level(tmp_path):
    """`在全国、全省会议上…或被中央、省级媒体报道的，分别加2分、1分`: one fact a level, each
    list at that level; lists whose levels do not pair stay pending."""
    text = _doc(
        "（一）工作成效（10分）\n未完成年度任务的扣5分。",
        "二、加分项（最高加5分）",
        "（一）经验推广\n养老服务工作经验在全国、全省会议上作典型发言或被中央、省级媒体报道的，分别加2分、1分。",
        "（二）经验交流\n社区治理经验在全国、全省会议上作交流或被省级、市级媒体报道的，分别加2分、1分。",
    )
    draft, policy = import_text(tmp_path, text)
    national = "养老服务工作经验在全国会议上作典型发言或被中央媒体报道"
    provincial = "养老服务工作经验在全省会议上作典型发言或被省级媒体报道"
    assert f"- 【{national}】、【{provincial}】的，分别加2分、1分" in draft.text
    task = "未完成年度任务"
    for n, p, t, expected in (
        ("否", "否", "否", "10"),
        ("是", "否", "否", "12"),
        ("是", "是", "否", "13"),
        ("否", "是", "是", "6"),
    ):
        facts = {national: n, provincial: p, task: t}
        assert policy.score(_filled(draft, facts)).total == Decimal(expected), (n, p, t)
    assert any(p.startswith("社区治理经验") for p in pending_lines(draft.text))


def test_one_manner_not_met_over_a_list(tmp_path):
    """`未按规定制定…责任清单、任务清单的，分别扣2分`: each list made as required is a fact
    (no default: to be checked), each not made deducts; more amounts than things listed
    stay pending."""
    text = _doc(
        "（一）责任落实（6分）\n未按规定制定班子成员消防工作责任清单、任务清单的，分别扣2分。",
        "（二）工作部署（3分）\n未按规定制定防汛计划、措施的，分别扣1分、2分、3分。",
    )
    draft, policy = import_text(tmp_path, text)
    duty, task = "按规定制定班子成员消防工作责任清单", "按规定制定任务清单"
    assert f"- 未【{duty}】、【{task}】的，分别扣2分" in draft.text
    declared = _declared(draft.text)
    assert (
        f"{task}：" in declared and "默认" not in declared.split(f"{task}：", 1)[1].split("\n")[0]
    )
    for d, t, expected in (
        ("是", "是", "6"),
        ("是", "否", "4"),
        ("否", "是", "4"),
        ("否", "否", "2"),
    ):
        assert _score(policy, {duty: d, task: t}, "(一)", draft) == Decimal(expected), (d, t)
    assert any(p.startswith("未按规定制定防汛计划") for p in pending_lines(draft.text))


def test_lists_left_pending_say_what_to_write(tmp_path):
    """A capped bonus of two kinds in an item with points, all places done each earning
    points (a per-place deduction would take from them), and two standards sharing one
    set of points: pending, each with what to write."""
    text = _doc(
        "（一）案件查办（10分）\n未完成年度办案任务的扣4分。破获部督、省督毒品案件的，每起分别加2分、1分，加满3分为止。",
        "（二）消防网格（8分）\n辖区村（社区）全部建立消防网格、配备网格员的，分别得4分。",
        "（三）设施覆盖（6分）\n城市社区健身设施覆盖率达到100%、农村覆盖率达到70%以上的得4分，"
        "城市社区每缺1个扣1分，农村覆盖率每低5个百分点扣0.5分。建成健身广场的得2分。",
    )
    draft, _ = import_text(tmp_path, text)
    pending = pending_lines(draft.text)
    bonus = [p for p in pending if p.startswith("破获部督")]
    assert bonus and "几项合计" in bonus[0] and "奖励分，加分项" in bonus[0]
    grid = [p for p in pending if p.startswith("辖区村")]
    assert grid and "全部" in grid[0] and "分值为N分的子项" in grid[0]
    cover = [p for p in pending if p.startswith("城市社区健身设施覆盖率")]
    assert cover and "共得一个分值" in cover[0]
