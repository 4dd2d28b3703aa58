"""`xize import` never drafts a clause that computes something other than the sentence:
each form here once gave a draft that compiled and scored wrongly, and now is either
drafted so that a unit scores what a careful reader computes (checked by scoring units
by hand) or is left `待处理` with a reason that says what the writer must decide.

The document is written for these tests in the style of a county 细则 (never copied).
"""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text
from xize.compiler import compile_policy

WATER = """某某县2025年度农村饮水安全工作考核细则
考核对象：各乡镇人民政府
一、组织保障（10分）
1.管护体系（4分）
（1）乡、村两级管水员全部配齐，名单在乡镇政务栏公示的，得2分。
（2）供水工程管护制度健全的，得2分。
2.信息报送（6分）
（1）供水月报迟报的，每次扣0.5分。
（2）工作简报被县水利局采用的，每篇加0.2分；被市水利局采用的，每篇加0.5分。
（3）典型做法被县政府推广的，每项加1分，最高加2分。
二、水质保障（30分）
1.水质达标（10分）
（1）开展水源地环境整治的，计6分；未开展的，该项不得分。
（2）水源地巡查覆盖率达到100%的，得4分；每低1个百分点扣0.5分，扣完为止。
2.水质检测（12分）
（1）出厂水浑浊度达到年度目标的，得6分；每超出目标值0.1NTU扣1分。
（2）检测报告按期上报的，得6分；被省级通报检测数据造假的，本项不得分。
3.设施维护（8分）
（1）管网漏损率低于12%的，每低1个百分点扣0.5分；低于8%的，每低1个百分点扣1分。
（2）应急供水物资储备不足的，酌情扣2至6分。
三、加分项目（最高加5分）
1.饮水工程获国家级示范的，加5分；获省级示范的，加3分；获市级示范的，加1分。同一工程按最高级别计分，不重复加分。
2.承担水价改革试点并通过验收的，国家级试点加2分，省级试点加1分。
四、等次评定
考核得分85分以上（含85分）为优秀，70分以上（含70分）不足85分为良好，60分以上（含60分）不足70分为合格，60分以下为不合格。年度内发生饮水安全责任事故的，不得评为优秀。
五、附则
1.本细则所称“以上”含本数，“以下”不含本数。
2.本细则由县水利局负责解释。
"""


_import = import_text


def _pending(draft) -> dict[str, str]:
    return {sentence: reason for _, sentence, reason in draft.summary.pending_sentences}


def _unit(draft, **facts) -> dict:
    """Every fact of the draft without a default filled (是否 → 否, a rate → 100, a count
    → 0), then `facts`."""
    out: dict = {}
    lines = draft.text.split("数据：\n", 1)[1].split("\n\n", 1)[0].splitlines()
    for line in lines:
        name, spec = (x.strip() for x in line.split("：", 1))
        if "默认" not in spec:
            out[name] = "否" if spec.startswith("是否") else Decimal(100 if "百分比" in spec else 0)
    return {**out, **facts}


def _reason(draft, start: str) -> str:
    return next(r for s, r in _pending(draft).items() if s.startswith(start))


def test_every_sentence_computes_the_document_or_is_left(tmp_path):
    draft, policy = _import(tmp_path, WATER)
    text = draft.text
    # both conditions of the first sentence are in its fact: only a unit meeting both
    # earns the 2 points (the first was once read as the title and lost)
    assert "- 【乡、村两级管水员全部配齐并名单在乡镇政务栏公示】得2分" in text

    # bonuses in items without points under an item with points: inside or outside?
    for start in ("工作简报被县水利局采用", "被市水利局采用", "典型做法被县政府推广"):
        assert "还是在总分外另加" in _reason(draft, start), start
    assert "加分项，最高加2分" not in text and "每篇加0.2分\n" not in text
    # points earned in an item without points beside a sibling with points: never on
    # the parent, where they could not fill its 10 points
    assert "得不满" in _reason(draft, "开展水源地环境整治的，计6分")
    assert "未开展的，该项不得分" in _pending(draft)
    # the yes/no half of a standard whose step is left: both halves are left
    assert "两半" in _reason(draft, "出厂水浑浊度达到年度目标的，得6分")
    assert any(s.startswith("每超出目标值0.1NTU扣1分") for s in _pending(draft))
    # a second, steeper slope below a lower bound is not drafted over the whole gap
    assert "- 【管网漏损率】低于12%的，每低1个百分点扣0.5分" in text
    assert "两档斜率" in _reason(draft, "低于8%的，每低1个百分点扣1分")
    # a judged deduction whose range starts above 0 would charge every unit: the range
    # starts at 0, and the fact's note keeps the document's 2 to 6 for a unit with the problem
    assert any(line.strip().endswith("】酌情扣0至6分") for line in text.splitlines())
    assert "原文扣2至6分：有此情形的评定2至6分，没有的填0" in text
    # one half of `国家级试点加2分，省级试点加1分` is not read: the whole sentence is left
    assert "承担水价改革试点并通过验收的，国家级试点加2分，省级试点加1分" in _pending(draft)
    assert "【国家级试点】" not in text and "国家级试点：" not in text

    # 本项 in an item whose points come only from its own 得6分 is the item the document
    # gives points: 2.水质检测 (12), not the 6-point sub-item
    clean = policy.score(_unit(draft, 检测报告按期上报="是"))
    assert clean.nodes["二2"].score == 12  # (1) is still 待处理: nothing deducted there
    zeroed = policy.score(_unit(draft, 检测报告按期上报="是", 被省级通报检测数据造假="是"))
    assert zeroed.nodes["二2"].score == 0
    assert zeroed.total == clean.total - 12

    # 就高不就低: one works praised by the province and the city earns 3, not 4
    both = policy.score(_unit(draft, 检测报告按期上报="是", 获省级示范="是", 获市级示范="是"))
    assert both.total == clean.total + 3
    alone = policy.score(_unit(draft, 检测报告按期上报="是", 获市级示范="是"))
    assert alone.total == clean.total + 1
    # the two conditions: one alone earns nothing
    named = "乡、村两级管水员全部配齐并名单在乡镇政务栏公示"
    assert policy.score(_unit(draft, 检测报告按期上报="是", **{named: "是"})).total == (
        clean.total + 2
    )


def test_grade_paragraph_every_line_and_its_rules(tmp_path):
    draft, policy = _import(tmp_path, WATER)
    text = draft.text
    # `70分以上（含70分）不足85分为良好` under the band from 85 is `70分以上`, read top-down;
    # `85分以上（含85分）` says 含 in the words that say it whatever the 边界 header
    assert "  优秀：不低于85分\n  良好：70分以上\n  合格：60分以上\n  不合格：60分以下" in text
    # the notes say what 以上/以下 include: the header says it too
    assert "边界：以上含本数，以下不含本数" in text
    # the rule beside the grade lines is a clause of an item of its own after the others
    assert "、等次限定\n" in text and "  - 【年度内发生饮水安全责任事故】不得评为优秀" in text
    # the draft's header and grades over one item: each total lands on the grade the
    # document gives it (60 is 合格, 59.5 不合格)
    header = text[: text.index("数据：")].replace("满分：40分", "满分：100分")
    grades = text[text.index("等次：") :].split("\n\n")[0]
    check = (
        header
        + "数据：\n  扣分次数：次\n\n一、总分（100分）\n  - 【扣分次数】每次扣0.5分\n\n"
        + grades
    )
    one = compile_policy(check, filename="<grades>")
    for n, grade in (
        (30, "优秀"),
        (31, "良好"),
        (60, "良好"),
        (61, "合格"),
        (80, "合格"),
        (81, "不合格"),
    ):
        assert one.score({"扣分次数": n}).grade == grade, n


ARCHIVES = """某某市2025年度档案安全工作考核细则
一、考核对象
各区档案馆。
二、考核计分
考核实行百分制，基本分100分。各大项扣分以该大项分值为限。
三、考核内容及评分标准
（一）库房安全（60分）
1.库房温湿度超标未及时处置的，每次扣2分。
2.发生档案损毁事故的，此大项不得分。
（二）制度建设（40分）
1.安全管理制度未上墙的，扣5分。
四、等次评定
考核得分90分以上为优秀，75分以上不足90分为良好，60分以上不足75分为合格，不足60分为不合格。实行一票否决的，考核等次为不合格。
"""


def test_a_section_on_how_points_are_counted_is_no_item(tmp_path):
    draft, policy = _import(tmp_path, ARCHIVES)
    # `二、考核计分` is prose (its 基本分 is the 满分), not an item holding （一）and （二）
    assert [n.path for n in policy.ir.nodes] == ["(一)", "(二)"]
    assert "满分：100分" in draft.text
    assert "- 【档案损毁事故】此大项不得分" in draft.text
    assert "即条款中 “一票否决” 的含义" in draft.text
    assert "  不合格：其余" in draft.text or "  不合格：不足60分" in draft.text
    result = policy.score({"库房温湿度超标未及时处置": 1, "档案损毁事故": "是"})
    assert result.nodes["(一)"].score == 0 and result.total == 40


SERVICE = """某某区2025年度政务服务工作考核细则
一、服务质量（20分）
1.办件质量（10分）
（1）行政许可、公共服务事项网上可办率达到省定目标的，每项得2分；未达到的，该项不得分。
（2）好差评系统差评整改率达到100%的，得6分；每低1个百分点扣0.5分，扣完为止。
2.群众评价（10分）
由第三方机构组织测评。群众满意率达到95%以上的，得10分；85%以上不足95%的，得7分；75%以上不足85%的，得4分；低于75%的，不得分。
二、窗口建设（10分）
（一）窗口评议（10分）
1.窗口服务测评得分率达到90%以上的，得6分；80%（含）至90%的，得4分；80%以下的，得1分。
2.窗口工作人员被投诉查实的，每次扣1分。
3.设置帮办代办窗口的，得4分。
"""


def test_bands_one_sentence_a_band_and_points_for_each_listed_thing(tmp_path):
    draft, policy = _import(tmp_path, SERVICE)
    text = draft.text
    assert not draft.summary.pending_sentences
    # `A、B达到目标的，每项得2分` in an item without points beside one with points: the
    # item's points are 2 × 2, and each thing is a fact of its own
    assert "（1）行政许可、公共服务事项网上可办率达到省定目标的（4分）" in text
    assert "- 【行政许可达到省定目标】、【公共服务事项网上可办率达到省定目标】的，各得2分" in text
    # bands written one sentence a band are the language's tiers
    assert "- 【群众满意率】达到95%、85%、75%的，分别得10分、7分、4分" in text
    # a last band with points of its own is the band from 0%; the item's points are the
    # top band's (not the parent's 10, which holds a sibling with points)
    assert "1.窗口服务测评得分率达到90%以上的（6分）" in text
    assert "- 【窗口服务测评得分率】达到90%、80%、0%的，分别得6分、4分、1分" in text

    def unit(**facts):
        base = {
            "行政许可达到省定目标": "是",
            "公共服务事项网上可办率达到省定目标": "是",
            "好差评系统差评整改率": 100,
            "群众满意率": 95,
            "窗口服务测评得分率": 90,
            "设置帮办代办窗口": "是",
        }
        return policy.score({**base, **facts})

    assert unit().total == 30
    assert unit(公共服务事项网上可办率达到省定目标="否").nodes["一1"].score == 8
    for rate, points in ((95, 10), (94.9, 7), (85, 7), (84, 4), (75, 4), (74.9, 0)):
        assert unit(群众满意率=Decimal(str(rate))).nodes["一2"].score == points, rate
    for rate, points in ((90, 6), (85, 4), (80, 4), (79.5, 1), (0, 1)):
        assert unit(窗口服务测评得分率=Decimal(str(rate))).nodes["二(一)"].score == points + 4


TARGETS = """某某县2025年度大气环境质量考核细则
一、环境质量（40分）
1.空气优良天数比例（20分）
空气优良天数比例达到年度目标的，得20分；每低于目标值1个百分点扣2分。
2.监测站点（10分）
辖区监测站点全部达到运维规范要求的，得10分；每有1个站点未达标扣3分。
3.散煤治理（10分）
散煤清零任务完成率每低于年度目标1个百分点扣0.5分。
4.群众评价
测评结果排名第1至3名的得5分，第4至6名的得3分。
"""


def test_the_halves_of_a_standard_on_the_item_s_points(tmp_path):
    draft, policy = _import(tmp_path, TARGETS)
    text = draft.text
    # reaching the target earns the item's 20, each point below takes 2: the target is
    # a data item and the step counts from it
    assert "- 【空气优良天数比例】每低于【空气优良天数比例年度目标】1个百分点扣2分" in text
    # all sites meeting the standard earn the item's 10, each failing site takes 3
    assert "- 【站点未达标】每个扣3分" in text
    assert "- 【散煤清零任务完成率】每低于【散煤清零任务完成率年度目标】1个百分点扣0.5分" in text
    # a rank band names nothing: never a fact called 第4至6名
    assert "第4至6名】" not in text
    assert any(s.startswith("测评结果排名第1至3名的得5分") for s in _pending(draft))

    def unit(**facts):
        base = {
            "空气优良天数比例": 85,
            "空气优良天数比例年度目标": 85,
            "站点未达标": 0,
            "散煤清零任务完成率": 100,
            "散煤清零任务完成率年度目标": 100,
        }
        return policy.score({**base, **facts})

    assert unit().total == 40
    assert unit(空气优良天数比例=84).nodes["一1"].score == 18  # 1 point below: 18, not 0
    assert unit(空气优良天数比例=70).nodes["一1"].score == 0  # 15 below: floored at 0
    assert unit(站点未达标=2).nodes["一2"].score == 4
    assert unit(站点未达标=4).nodes["一2"].score == 0
    assert unit(散煤清零任务完成率=96).nodes["一3"].score == 8


EITHER = """某某县2025年度生态环境执法考核细则
一、执法监管（20分）
1.举报处理（6分）
（1）举报电话无法接通，或者举报件未在10个工作日内答复的，每次扣0.5分。
（2）重点排污单位未按期完成提标改造的，每家企业扣2分。
（3）监测站房无人值守，或者采样设备故障未及时报修的，发现一处扣0.5分。
2.信息公开（14分）
（1）行政处罚决定书应当自作出之日起7日内公开，每延迟一条扣0.2分。
（2）环境信息公开专栏，每缺少一个栏目扣1分。
二、否决事项
1.发生重大环境污染事件，或者因监管失职造成重大社会影响的，实行一票否决，考核等次直接确定为不合格。
三、等次评定
考核得分90分以上为优秀，60分以上不足90分为合格，不足60分为不合格。
"""


def test_either_event_and_the_words_after_a_count(tmp_path):
    draft, policy = _import(tmp_path, EITHER)
    text = draft.text
    assert not draft.summary.pending_sentences
    # `X，或者Y的`: either event counts, and the fact names both
    assert "- 【举报电话无法接通或者举报件未在10个工作日内答复】每次扣0.5分" in text
    assert "- 【发生重大环境污染事件或者因监管失职造成重大社会影响】实行一票否决" in text or (
        "- 【重大环境污染事件或者因监管失职造成重大社会影响】实行一票否决" in text
    )
    assert "- 【监测站房无人值守或者采样设备故障未及时报修】发现一处扣0.5分" in text
    # `每家企业`: the noun after the count word repeats what the subject counts
    assert "- 【重点排污单位未按期完成提标改造】每家扣2分" in text
    # no subject: the item's words name what is late or missing (the name says 延迟, so
    # the sentence's own `每延迟一条` counts each one)
    assert "- 【行政处罚决定书应当自作出之日起7日内公开延迟】每延迟一条扣0.2分" in text
    assert "- 【环境信息公开专栏缺少】每个扣1分" in text
    result = policy.score(
        {
            "举报电话无法接通或者举报件未在10个工作日内答复": 3,
            "重点排污单位未按期完成提标改造": 1,
            "行政处罚决定书应当自作出之日起7日内公开延迟": 5,
            "环境信息公开专栏缺少": 2,
        }
    )
    assert result.nodes["一1"].score == Decimal("2.5")  # 6 − 1.5 − 2
    assert result.nodes["一2"].score == 11  # 14 − 1 − 2


FILLS = """某某县2025年度法治政府建设考核细则
一、普法宣传（10分）
1.普法责任清单公布率达到100%的，得6分，每低1个百分点扣0.5分。
2.制作普法短视频、漫画等作品的，每件加0.5分，最高加4分。
二、重点工作（4分）
1.完成年度法治督察整改任务的，得2分，未完成不得分。
2.按计划完成合法性审查培训的，每完成1期（次）得0.5分，最高得2分。
三、复议监督（5分）
1.行政复议纠错数超过年度控制指标的，每超过1件扣1分。
"""


def test_a_capped_bonus_that_fills_its_item_and_more_forms(tmp_path):
    draft, policy = _import(tmp_path, FILLS)
    text = draft.text
    # 10 − 6 = 4 = the cap: the `加` are points of 一, inside its 10
    assert "2.制作普法短视频、漫画等作品的（4分）" in text
    assert "- 【制作普法短视频、漫画等作品】每件计0.5分" in text
    assert "加分项" not in text
    # `，未完成不得分` (no 的) is the other side of the points before it
    assert "- 【完成年度法治督察整改任务】得2分，否则不得分" in text
    # `1期（次）`: one count said twice
    assert "- 【按计划完成合法性审查培训】每完成1期得0.5分" in text
    # a count over a named limit: the limit is a data item
    assert "- 【行政复议纠错数】每超过【行政复议纠错数年度控制指标】1件扣1分" in text

    def unit(**facts):
        base = {
            "普法责任清单公布率": 100,
            "制作普法短视频、漫画等作品": 8,
            "完成年度法治督察整改任务": "是",
            "按计划完成合法性审查培训": 4,
            "行政复议纠错数": 3,
            "行政复议纠错数年度控制指标": 3,
        }
        return policy.score({**base, **facts})

    works = "制作普法短视频、漫画等作品"
    assert unit().total == 19
    assert unit(**{works: 3}).nodes["一"].score == Decimal("7.5")  # 6 + 1.5
    assert unit(**{works: 0}).total == 15  # no free 4 points, and none on top
    assert unit(按计划完成合法性审查培训=1).nodes["二"].score == Decimal("2.5")
    assert unit(完成年度法治督察整改任务="否").nodes["二"].score == 2
    assert unit(行政复议纠错数=5).nodes["三"].score == 3
