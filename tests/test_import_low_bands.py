"""Bands of a rate where lower is better (`差错率在1%以内的得4分，1%至3%（含）的得2分，超过3%
的不得分`), bands after a lead-in that only says how the rate is measured (`经县级抽查，…`,
`由县委人才办组织开展人才满意度测评，…`), bands of a count with ranges (`5至9人的得2分`), and
`在本项得分基础上再扣2分`.  Documents are written for the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines

_TEXT = """某县2026年度统计与网格工作考核细则
一、考核对象
各乡镇人民政府。
二、考核内容及评分标准
（一）数据质量（4分）
普查数据事后质量抽查差错率在1%以内的得4分，1%至3%（含）的得2分，超过3%的不得分。
（二）队伍稳定（2分）
网格员年度流失率控制在10%以内的得2分，10%至20%的得1分，超过20%的不得分。
（三）改厕质量（4分）
经县级抽查，改厕质量合格率达到95%以上的得4分，90%（含）至95%的得3分，85%（含）至90%的得1分，低于85%的不得分。
（四）群众满意（5分）
由县委人才办组织开展人才满意度测评，满意率达到95%以上的得3分，85%以上不满95%的得2分，75%以上不满85%的得1分，不满75%的不得分。未按时报送测评材料的，扣1分。整治工作被市级以上通报批评的，在本项得分基础上再扣2分。
"""


def test_the_bands_are_drafted_as_tiers(tmp_path):
    draft, _ = import_text(tmp_path, _TEXT)
    assert pending_lines(draft.text) == []
    for clause in (
        "- 【普查数据事后质量抽查差错率】不超过1%、3%的，分别得4分、2分",
        "- 【网格员年度流失率】不超过10%、20%的，分别得2分、1分",
        "- 【改厕质量合格率】达到95%、90%、85%的，分别得4分、3分、1分",
        "- 【满意率】达到95%、85%、75%的，分别得3分、2分、1分",
        "- 【整治工作被市级以上通报批评】扣2分",
    ):
        assert clause in draft.text, clause


def test_each_band_takes_its_own_bounds(tmp_path):
    _, policy = import_text(tmp_path, _TEXT)
    cases = [
        # (差错率, 流失率, 合格率) → ((一), (二), (三))
        (("1", "10", "95"), ("4", "2", "4")),  # 以内 takes its bound in
        (("1.5", "10.5", "94"), ("2", "1", "3")),
        (("3", "20", "90"), ("2", "1", "3")),  # 3%（含）and 至20%: the band below 超过
        (("3.1", "21", "84"), ("0", "0", "0")),
    ]
    for (error, loss, passed), expected in cases:
        facts = {
            "普查数据事后质量抽查差错率": error,
            "网格员年度流失率": loss,
            "改厕质量合格率": passed,
            "满意率": "95",
            "未按时报送测评材料": "否",
            "整治工作被市级以上通报批评": "否",
        }
        nodes = policy.score(facts).nodes
        got = tuple(str(nodes[p].score) for p in ("(一)", "(二)", "(三)"))
        assert got == expected, (error, loss, passed)


def test_bands_that_do_not_meet_or_follow_a_condition_stay_pending(tmp_path):
    text = _TEXT.replace("1%至3%（含）的得2分", "1%（含）至3%的得2分")  # 1% in two bands
    text = text.replace(
        "网格员年度流失率控制在10%以内", "发生网格员离岗的，网格员年度流失率控制在10%以内"
    )  # a condition first: not only how the rate is measured
    draft, _ = import_text(tmp_path, text)
    pending = pending_lines(draft.text)
    assert any("1%（含）至3%" in p for p in pending)
    assert any("发生网格员离岗" in p for p in pending)


def test_again_in_the_items_points_is_a_plain_deduction(tmp_path):
    _, policy = import_text(tmp_path, _TEXT)
    base = {
        "普查数据事后质量抽查差错率": "0",
        "网格员年度流失率": "0",
        "改厕质量合格率": "100",
        "满意率": "95",
        "未按时报送测评材料": "否",
        "整治工作被市级以上通报批评": "是",
    }
    # (四): the 3 earned, less 2 — the item's 5 points are the 3 the bands earn and the 2
    # the deductions take from
    assert policy.score(base).nodes["(四)"].score == policy.score(
        dict(base, 整治工作被市级以上通报批评="否")
    ).nodes["(四)"].score - Decimal(2)


def test_counts_in_bands_with_ranges_and_a_lead_in(tmp_path):
    """`10人以上的得4分，5至9人的得2分，不满5人的不得分`: bands of a count, each range ending
    just below the band above; `书记为第一责任人，年内主持召开…2次以上的得3分，1次的得1.5分`:
    the words before the comma only say who does it.  `5至8人` (a gap before 10) and a
    lead-in that is a condition (`超出控制指标的部分，每死亡1人扣8分`) stay pending."""
    text = (
        "2026年度人才与网格工作考核细则\n一、乡土人才（4分）\n"
        "年内新认定县级以上乡土人才10人以上的得4分，5至9人的得2分，不满5人的不得分。\n"
        "二、组织领导（3分）\n"
        "乡镇党委书记为网格化服务管理第一责任人，年内主持召开专题会议研究网格化工作2次以上的得3分，"
        "1次的得1.5分，未召开的不得分。\n"
        "三、专家（4分）\n年内新引进专家10人以上的得4分，5至8人的得2分，不满5人的不得分。\n"
        "四、事故（8分）\n超出控制指标的部分，每死亡1人扣8分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【年内新认定县级以上乡土人才】达到10人、5人的，分别得4分、2分" in draft.text
    assert "- 【年内主持召开专题会议研究网格化工作】达到2次、1次的，分别得3分、1.5分" in draft.text
    pending = pending_lines(draft.text)
    assert any("5至8人" in p for p in pending)
    assert any("超出控制指标的部分" in p for p in pending)
    facts = {"年内新认定县级以上乡土人才": "9", "年内主持召开专题会议研究网格化工作": "1"}
    nodes = policy.score(facts).nodes
    assert (nodes["一"].score, nodes["二"].score) == (Decimal(2), Decimal("1.5"))
    nodes = policy.score({**facts, "年内新认定县级以上乡土人才": "4"}).nodes
    assert nodes["一"].score == 0


def test_what_else_is_done_about_it_scores_nothing(tmp_path):
    """`弄虚作假的，每发现1起扣3分，并追回相关资金`: recovering the funds is no score; the
    deduction is drafted as it stands."""
    text = "2026年度人才工作考核细则\n一、项目管理（10分）\n人才项目申报中弄虚作假的，每发现1起扣3分，并追回相关资金。\n"
    draft, policy = import_text(tmp_path, text)
    assert "- 【人才项目申报中弄虚作假】每发现1起扣3分" in draft.text
    assert policy.score({"人才项目申报中弄虚作假": "2"}).total == 4


def test_grade_rules_said_with_other_verbs(tmp_path):
    """`被一票否决的乡镇，当年考核直接确定为不合格等次` says what 一票否决 means (the lowest
    grade): no clause; `…的，不得确定为优秀等次` and `…的单位，本年度不得评为优秀` are grade
    limits, drafted in the item of grade rules."""
    text = (
        "2026年度人才工作考核细则\n一、引才（100分）\n未完成引才任务的，扣5分。\n二、考核等次\n"
        "90分以上为优秀，80分以上不足90分为良好，60分以上不足80分为合格，不足60分为不合格。\n"
        "被一票否决的乡镇，当年考核直接确定为不合格等次。未完成年度引才任务的，不得确定为优秀等次。"
        "上年度考核为不合格的单位，本年度不得评为优秀。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert pending_lines(draft.text) == []
    assert "即条款中 “一票否决” 的含义，无需另写" in draft.text
    assert "- 【未完成年度引才任务】不得评为优秀" in draft.text
    assert "- 【上年度考核为不合格】不得评为优秀" in draft.text
    clean = {"未完成引才任务": "否", "未完成年度引才任务": "否", "上年度考核为不合格": "否"}
    assert policy.score(clean).grade == "优秀"
    assert policy.score(dict(clean, 上年度考核为不合格="是")).grade == "良好"


def test_levels_whose_last_part_says_none_was_done(tmp_path):
    """`建成专职消防队并通过验收的得5分，只建成志愿消防队的得3分，均未建成的不得分` and
    `…仍按部门分设窗口的不得分`: the highest level done counts (a sub-item, 就高不就低);
    a last part that is a penalty (`发生责任事故的不得分`) is no level and stays pending."""
    text = (
        "2026年度消防与政务服务考核细则\n一、队伍建设（5分）\n"
        "建成乡镇专职消防队并通过验收的得5分，只建成志愿消防队的得3分，均未建成的不得分。\n"
        "二、窗口改革（3分）\n"
        "政务服务中心全面实行综合窗口无差别受理的得3分，实行分领域综合受理的得2分，仍按部门分设窗口的不得分。\n"
        "三、演练（4分）\n组织全员演练的得4分，组织部分人员演练的得2分，发生责任事故的不得分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【只建成志愿消防队】得3分" in draft.text
    assert "- 【实行分领域综合受理】得2分" in draft.text
    assert [p for p in pending_lines(draft.text) if "责任事故" in p]
    both = {
        "建成乡镇专职消防队并通过验收": "是",
        "只建成志愿消防队": "是",
        "政务服务中心全面实行综合窗口无差别受理": "否",
        "实行分领域综合受理": "是",
    }
    nodes = policy.score(both).nodes
    assert (nodes["一"].score, nodes["二"].score) == (5, 2)  # the highest, not 8


def test_two_counted_failures_and_no_points_earned_before_them(tmp_path):
    """`法定主动公开内容每缺少一类扣1分，每类内容更新不及时的扣0.5分，扣完为止`: two counts, a
    deduction each (the closing `扣完为止` keeps its comma); after points earned in the same
    sentence (`均按期整改销号的得3分，每有1项逾期未整改的扣1.5分`) the misses are of that standard
    — as two clauses a miss would cost the 3 and the step both — and the sentence stays
    pending."""
    text = (
        "2026年度政务公开考核细则\n一、主动公开（12分）\n"
        "经检查，法定主动公开内容每缺少一类扣1分，每类内容更新不及时的扣0.5分，扣完为止。\n"
        "二、隐患整改（10分）\n"
        "重大事故隐患均按期整改销号的得3分，每有1项逾期未整改的扣1.5分，逾期超过30日仍未整改的本项不得分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【法定主动公开内容缺少】每缺少一类扣1分" in draft.text
    assert "- 【内容更新不及时】每类扣0.5分，扣完为止" in draft.text
    assert any("均按期整改销号" in p for p in pending_lines(draft.text))
    unit = {"法定主动公开内容缺少": "2", "内容更新不及时": "3"}
    assert policy.score(unit).nodes["一"].score == Decimal("8.5")


def test_the_people_an_event_struck_are_counted(tmp_path):
    """`发生亡人火灾的，每死亡1人扣3分，扣完为止`: the deaths in such fires, 3 each; the part
    above a limit (`超出控制指标的部分，每死亡1人扣8分`) is no event of its own: pending."""
    text = (
        "2026年度消防工作考核细则\n一、火灾防控（6分）\n发生亡人火灾的，每死亡1人扣3分，扣完为止。\n"
        "二、事故控制（20分）\n超出控制指标的部分，每死亡1人扣8分。\n"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【亡人火灾死亡人数】每人扣3分，扣完为止" in draft.text
    assert any("超出控制指标" in p for p in pending_lines(draft.text))
    assert policy.score({"亡人火灾死亡人数": "1"}).nodes["一"].score == 3


def test_a_veto_and_its_meaning_said_again(tmp_path):
    """`…的，实行一票否决，考核等次为不合格` where 不合格 is the lowest grade: the veto alone
    (it gives the lowest grade); naming another grade stays pending."""
    text = (
        "2026年度档案工作考核细则\n一、档案安全（100分）\n"
        "发生档案丢失、损毁、泄密等重大安全事故的，实行一票否决，考核等次为不合格。"
        "发生档案违规销毁的，实行一票否决，考核等次为合格。\n"
        "二、考核等次\n90分以上为优秀，60分以上不足90分为合格，不足60分为不合格。\n"
    )
    draft, _ = import_text(tmp_path, text)
    assert "- 【档案丢失、损毁、泄密等重大安全事故】实行一票否决" in draft.text
    assert any("违规销毁" in p for p in pending_lines(draft.text))


def test_either_event_and_the_grade_given_outright(tmp_path):
    """`辖区发生重大水污染事件，或者因管理不到位造成重大人员伤亡的，年度考核直接评定为不合格`:
    one condition (either event), the grade given outright."""
    text = (
        "2026年度河湖长制工作考核细则\n一、河湖管护（100分）\n未按规定巡河的，每次扣1分。"
        "辖区发生重大水污染事件，或者因管理不到位造成重大人员伤亡的，年度考核直接评定为不合格。\n"
        "二、考核等次\n90分以上为优秀，60分以上不足90分为合格，不足60分为不合格。\n"
    )
    draft, policy = import_text(tmp_path, text)
    name = "辖区发生重大水污染事件或者因管理不到位造成重大人员伤亡"
    assert f"- 【{name}】直接评定为不合格" in draft.text
    assert policy.score({name: "是", "未按规定巡河": "0"}).grade == "不合格"
    assert policy.score({name: "否", "未按规定巡河": "0"}).grade == "优秀"
