"""The keyword table of the .rule language: every word the grammar knows, as data.

The grammar file (`grammar/xize.lark`) is a template whose keyword terminals are
alternations built from these tables, longest word first, so that adding a synonym or
a unit is a one-line change here and nowhere else.  The transformer reads the same
tables to turn what was written into canonical words (`日` → `天`, `减` → `扣`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# ------------------------------------------------------------------------------ units

#: Count units (LANGUAGE.md §2): spelling → canonical spelling (天 ≡ 日, 月 ≡ 个月, 人次 ≡ 人每次).
COUNT_UNITS: dict[str, str] = {
    "次": "次",
    "人次": "人次",
    "人每次": "人次",
    "批次": "批次",
    "件": "件",
    "件次": "件次",
    "项": "项",
    "起": "起",
    "例": "例",
    "个": "个",
    "人": "人",
    "名": "名",
    "家": "家",
    "户": "户",
    "处": "处",
    "所": "所",
    "宗": "宗",
    "条": "条",
    "篇": "篇",
    "份": "份",
    "期": "期",
    "点": "点",
    "天": "天",
    "日": "天",
    "周": "周",
    "月": "月",
    "个月": "月",
    "年": "年",
    "季度": "季度",
    # count words real documents use; declare the fact in the same word (数据：)
    "户次": "户次",
    "项次": "项次",
    "家次": "家次",
    "个次": "个次",
    "车次": "车次",
    "班次": "班次",
    "架次": "架次",
    "场次": "场次",
    "批": "批",
    "种": "种",
    "类": "类",
    "部": "部",
    "台": "台",
    "辆": "辆",
    "张": "张",
    "册": "册",
    "套": "套",
    "座": "座",
    "座次": "座次",
    "节": "节",
    "笔": "笔",
    "艘": "艘",
    "场": "场",
    "轮": "轮",
    "栋": "栋",
    "卷": "卷",
    "块": "块",
    "本": "本",
    "幅": "幅",
    "盏": "盏",
    "根": "根",
    "段": "段",
    "株": "株",
    # teams and pairs formed (`每组建1支服务队`, `每结对1组`)
    "支": "支",
    "组": "组",
    "棵": "棵",
    "课时": "课时",
    "学时": "学时",
    "分钟": "分钟",
}

#: Measured quantities (decimals allowed, never negative): the fact is declared in the
#: same word (`巡查里程：公里`) and clauses use it (`每少10公里`).
MEASURE_UNITS: dict[str, str] = {
    "小时": "小时",
    "公里": "公里",
    "千米": "公里",
    "米": "米",
    "平方米": "平方米",
    "平方公里": "平方公里",
    "立方米": "立方米",
    "公顷": "公顷",
    "亩": "亩",
    "元": "元",
    "万元": "万元",
    "亿元": "亿元",
    "吨": "吨",
    "万吨": "万吨",
    "千克": "千克",
    "公斤": "千克",
    "升": "升",
    "千瓦时": "千瓦时",
    "万千瓦时": "万千瓦时",
    # concentrations, as environmental targets state them (`每超1微克/立方米`)
    "微克/立方米": "微克/立方米",
    "毫克/立方米": "毫克/立方米",
    "毫克/升": "毫克/升",
    "分贝": "分贝",
    # an average time in working days is rarely whole (`平均用时2.5个工作日`)
    "工作日": "工作日",
    "个工作日": "工作日",
}
#: Rates per head of population, as statistics state them (`有效投诉量0.8件/万人`,
#: `死亡率1.2人/10万人`, `每少0.1批次/千人`): a decimal measure like the others.
_RATE_BASES = {
    "万人": "万人",
    "万人口": "万人",
    "10万人": "10万人",
    "十万人": "10万人",
    "10万人口": "10万人",
    "十万人口": "10万人",
    "千人": "千人",
    "千人口": "千人",
    "百人": "百人",
    "万户": "万户",
}
for _count in ("件", "人", "人次", "起", "次", "例", "批次", "户", "个", "家"):
    for _base, _canonical in _RATE_BASES.items():
        MEASURE_UNITS[f"{_count}/{_base}"] = f"{_count}/{_canonical}"

#: `人` and `人次` on one fact: the fact's word is how it is counted (a warning says so).
PER_TIME_SUFFIX = "次"

#: Percentage units: `%` for values and thresholds, `个百分点` / `百分点` for steps; real
#: 细则 also write `个点` (`超过平均值5个点`), the same percentage point.
PERCENT_UNITS: dict[str, str] = {
    "%": "%",
    "个百分点": "个百分点",
    "百分点": "个百分点",
    "个点": "个百分点",
}

#: The unit of points.
POINTS_UNIT = "分"

#: Every unit a number may carry in a clause, spelling → canonical.
UNITS: dict[str, str] = {
    **COUNT_UNITS,
    **MEASURE_UNITS,
    **PERCENT_UNITS,
    POINTS_UNIT: POINTS_UNIT,
}

#: Fact types of `数据：` besides the count and measure units (LANGUAGE.md §3.2).
TYPE_WORDS: tuple[str, ...] = (
    "是否",
    "百分比",
    "数值",
    "分",
    "日期",
    *COUNT_UNITS,
    *MEASURE_UNITS,
)

# ------------------------------------------------------------------------------ verbs

#: Step verbs after 每 (need a threshold, a date or an average): verb → kind.
STEP_VERBS: dict[str, str] = {
    "低于": "shortfall",
    "低": "shortfall",
    "少": "shortfall",
    "少于": "shortfall",
    "差": "shortfall",
    "下降": "shortfall",
    "降低": "shortfall",
    "降": "shortfall",
    "超": "excess",
    "超过": "excess",
    "超出": "excess",
    "多": "excess",
    "多于": "excess",
    "上升": "excess",
    "提高": "excess",
    "提升": "excess",
    "高于": "excess",
    "高": "excess",
    "高出": "excess",
    "晚": "late",
    "迟": "late",
    "推迟": "late",
    "延迟": "late",
    "逾期": "late",
    "超期": "late",
    "超时": "late",
    "增加": "excess",
    "增长": "excess",
    "减少": "shortfall",
}

#: Counting verbs of things done (`每完成一项得1分`): after a comparison (`应达到5项，每完成1项
#:得1分`: earn 1 each toward 5, or 1 each only once 5 are done?) they are refused (E253).
DOING_COUNT_VERBS: tuple[str, ...] = (
    "完成",
    "开展",
    "组织",
    "组织开展",
    "组建",
    "结对",
    "举办",
    "召开",
    "建成",
)
#: Counting verbs of what was done or gained (a report adopted, an honour won, a project
#: completed): beside a fact of what was not (【未采用信息】每被采用1条) they say the opposite.
DONE_COUNT_VERBS: tuple[str, ...] = (
    *("采用", "被采用", "录用", "被录用", "刊发", "刊用", "被刊用", "编发", "转发", "被转发"),
    *("报送", "上报", "获得", *DOING_COUNT_VERBS),
)
#: Counting verbs after 每: decoration only (plus `未…`, see COUNT_VERB_NOT).
COUNT_VERBS: tuple[str, ...] = (
    "缺",
    "少",  # only as `少一次` (ONCE_STEP_VERBS): `每少1次` is a step verb
    "缺少",
    "缺失",
    "漏",
    "漏报",
    "迟报",
    "少报",
    "瞒报",
    "晚报",
    "错报",
    "发生",
    "出现",
    "延长",
    "新增",
    "发现",
    "查出",
    "查实",
    "有",
    # what a sanction counts: `每被通报1次扣2分`
    "被通报",
    "被通报批评",
    "被约谈",
    "被曝光",
    "被问责",
    # what news, a report or an earning counts: `每被采用1条加0.5分`, `每获得1项荣誉加1分`,
    # `每完成一项得1分`, `每组建1支服务队得0.5分`, `每结对1组`
    *DONE_COUNT_VERBS,
)

#: `每未按时上报1次`: 未 and a short verb phrase, up to the number of the step.
COUNT_VERB_NOT = "未"

# ---------------------------------------------------------------------------- effects

#: Effect words where an effect may stand: spelling → canonical (扣 / 得 / 加).
EFFECTS: dict[str, str] = {
    "扣": "扣",
    "减": "扣",
    "扣除": "扣",
    "加扣": "扣",
    "另扣": "扣",
    "再扣": "扣",
    "得": "得",
    "计": "得",
    "记": "得",
    "给": "得",
    "加": "加",
    "奖": "加",
    "奖励": "加",
    "扣减": "扣",
    # `低于85%的扣5分；排名末位的再扣3分`, `达到90%的得6分，前三名的另加4分`: each clause
    # of a line applies on its own, so 另 and 再 add nothing to the plain verb.
    "另加": "加",
    "再加": "加",
    # `第四名及以后均得7分`: 均 only repeats that each unit of the places gets it
    "均得": "得",
    "均扣": "扣",
    "均加": "加",
}
#: `本大项不得分` (the whole top-level item, 一、二…, of the clause) comes before the plain
#: forms, so that the longer words are matched first.
NO_SCORE_SECTION: tuple[str, ...] = ("本大项不得分", "该大项不得分", "此大项不得分")
NO_SCORE: tuple[str, ...] = (*NO_SCORE_SECTION, "不得分", "该项不得分", "本项不得分", "此项不得分")
FULL_MARKS = "满分"
DISQUALIFY: tuple[str, ...] = ("取消考评资格", "取消当年考评资格", "取消年度考评资格")
VETO: tuple[str, ...] = ("一票否决", "实行一票否决", "“一票否决”", "实行“一票否决”")
LABEL: tuple[str, ...] = ("列为", "直接列为")
#: 一票否优 and its kin, followed by a band name: `不得评为优秀` bars that band and every
#: band above it; `等次最高为良好` caps the grade; `等次最低为合格` sets a floor.
GRADE_LIMITS: dict[str, str] = {
    "不得评为": "bar",
    "不得评定为": "bar",
    "不能评为": "bar",
    "不予评为": "bar",
    "不得确定为": "bar",
    "等次最高为": "ceiling",
    "等次不得高于": "ceiling",  # never bare 不得高于: that compares (`不得高于5%`)
    "等次不高于": "ceiling",
    "等次最高评为": "ceiling",
    "最高评为": "ceiling",
    "最高只能评为": "ceiling",
    "等次最低为": "floor",
    "等次不低于": "floor",
    "等次不得低于": "floor",
    "等次最低评为": "floor",
    "最低评为": "floor",
    # `一票否决，考核等次定为不合格`: the band itself, whatever the score; only the lowest
    # band is accepted (a ceiling there), a middle band is refused with the two limits
    # that say it (E255).
    "等次定为": "exact",
    "等次确定为": "exact",
}
#: The assessment whose grade is limited, named before the limit: `年度考核不得评为优秀`
#: (the grade this policy gives: the words add nothing).
GRADE_LIMIT_SCOPES: tuple[str, ...] = (
    "年度考核等次",
    "考核等次",
    "考核",
    "年度考核",
    "年度考评",
    "当年考核",
    "当年考评",
    "年度",
    "当年",
)
GRADE_LIMITS.update(
    {
        scope + word: kind
        for scope in GRADE_LIMIT_SCOPES
        for word, kind in list(GRADE_LIMITS.items())
    }
)
#: `一票否优` alone bars the highest band (the first of 等次).
#: `取消评优资格` bars 优秀 only: the unit is still graded (良好 counts as no 评优).
VETO_TOP: tuple[str, ...] = (
    "一票否优",
    "实行一票否优",
    "“一票否优”",
    "实行“一票否优”",
    "取消评优资格",
    "取消评先评优资格",
    "取消评优评先资格",
    # the year named inside (`取消当年评先评优资格`): the year this policy scores
    *(
        "取消" + year + word
        for year in ("当年", "年度", "本年度")
        for word in ("评优资格", "评先评优资格", "评优评先资格")
    ),
)
#: Words after a band name that only repeat what it is (`不得评为优秀等次`).
BAND_SUFFIXES: tuple[str, ...] = ("等次", "档次", "等级")
#: After a barred band: that band and the ones above it (`不得评为良好及以上等次`).
BAND_AND_ABOVE: tuple[str, ...] = ("及以上", "以上")
#: Between barred bands (`不得评为优秀、良好等次`): the list must be the highest bands.
BAND_LIST_SEPARATORS = "、和及或"
DISCRETION = "酌情"
#: `凡未提供佐证材料的，该项不得分`: a rule for every item, refused with the way to write it.
EVERY_ITEM: tuple[str, ...] = ("凡", "各项均", "所有评分项")
#: `【完成率】按完成比例得分`: the item's points × the percentage.
RATIO_EARN: tuple[str, ...] = (
    "按完成比例得分",
    "按完成比例计分",
    "按比例得分",
    "按比例计分",
    "按完成率得分",
    "按完成率计分",
)

#: The bare share words, read as a share of the mean after a comparison below it
#: (`低于全市平均值的，按比例计分`).
RATIO_OF_THE_MEAN: tuple[str, ...] = ("按比例得分", "按比例计分")

#: Whose value is shared out, before its name: `按本县减排量占…`.
AVERAGE_SHARE_OWN: tuple[str, ...] = (
    "本单位",
    "该单位",
    "本地",
    "本县区",
    "本县市区",
    "本县",
    "本区",
    "本市",
    "本乡镇",
    "本乡",
    "本镇",
    "本街道",
    "本部门",
    "本校",
    "本院",
)


#: `低于平均完成率的，按本单位完成率占平均完成率的比例计分`: the item's points × the
#: unit's value ÷ the batch average.  The names of the two values are the tail of the
#: subject's name or a plain word for a value (checked, E256).
def average_share_pattern(groups: bool = False) -> str:
    own = "(?P<own>" if groups else "(?:"
    avg = "(?P<avg>" if groups else "(?:"
    scope = "(?P<scope>" if groups else "(?:"
    return (
        "按(?:"
        + "|".join(AVERAGE_SHARE_OWN)
        + ")?"
        + own
        + "[^\\s，,；;：:【】占的]{0,12})占"
        + scope
        + "[^\\s，,；;【】平]{0,8})平均"
        + avg
        + "[^\\s，,；;【】的]{0,10})的?比例(?:计分|得分|计算得分)"
    )


#: Plain words for a value around `占…平均…的比例` (not a fact's name).
AVERAGE_SHARE_PLAIN: tuple[str, ...] = ("", "值", "数", "数值", "水平", "实际值", "完成值")
#: `未按时报送扣1分；内容不全的，减半扣分`: half the amount of the clause before it.
HALF: tuple[str, ...] = ("减半扣分", "减半扣除", "减半计扣")
#: `【消防考核得分】另行计分`: the item's score is a 分 fact taken from another scheme.
SCORE_FROM: tuple[str, ...] = ("计分", "另行计分", "另行评分", "直接计分")
#: `分别扣1分、2分` and `各扣1分`: one amount (or the n-th amount) for each listed item.
RESPECTIVELY: tuple[str, ...] = ("分别", "各")
OTHERWISE = "否则"
EVERY = "每"
#: `低于平均值5个百分点的，超出部分每低1个百分点…`: steps counted from the condition's
#: own bound (平均值 − 5), not from the average.
BEYOND_PART = ("超出部分", "超过部分")
DECORATION_DE = "的"
#: `存在【弄虚作假】问题的`: a noun between a fact and its 的 that says nothing more.
DE_BEFORE_NOUNS: tuple[str, ...] = ("问题", "情况", "情形", "行为", "现象")
#: `发生【重大事故】的县区，…`: the unit named after 的 is the unit being scored.
DE_SUBJECT_NOUNS: tuple[str, ...] = (
    "县区",
    "县（市、区）",
    "县(市、区)",
    "县市区",
    "乡镇",
    "单位",
    "地区",
    "部门",
    "学校",
    "企业",
)
UNTIL_ZERO: tuple[str, ...] = (
    "扣完为止",
    "减完为止",
    "扣完為止",
    "減完為止",
    "减至0分为止",
    "扣至0分为止",
    "减到0分为止",
    "扣到0分为止",
    # the item's own floor said of it: the same floor
    "本项扣完为止",
    "该项扣完为止",
    "此项扣完为止",
    "扣完本项分值为止",
    "扣完该项分值为止",
    "扣完本项分数为止",
    "扣完该项分数为止",
    # `不倒扣`: nothing below 0 — the same floor (`扣完为止，不倒扣` says it twice)
    "不倒扣",
    "不倒扣分",
)
#: Rounding of step units: `不足1天按1天计` (ceil) and `按比例` (exact ratio).
ROUND_CEIL: tuple[str, str, str] = ("不足", "按", "计")
#: `，按比例` after steps: a part step counts in proportion.  `（按实际差值计算）` says the same —
#: the gap as it is, not cut to whole steps.
ROUND_RATIO: tuple[str, ...] = (
    "按比例计算",
    "按比例扣分",
    "按比例计",
    "按比例",
    *(
        f"{o}按实际{d}{v}{c}"
        for o, c in (("(", ")"), ("", ""))
        for d in ("差值", "差距", "差额")
        for v in ("计算", "折算", "计")
    ),
)
#: `，扣分按【所辖县数】平均计算`: the clause's amount divided by a count.
SHARE_POST: tuple[str, ...] = ("平均计算", "平均分摊", "平均计", "平均")

# ------------------------------------------------------------------------- modifiers

#: Caps, on a node line or after a clause: word + N分.
CAP_WORDS: tuple[str, ...] = (
    "最多扣",
    "限扣",
    "最高扣",
    "最多减",
    "最高减",
    "最多扣除",
    "至多扣",
    "至多减",
    # 累计: what the clause deducts in all, which is what its cap caps
    "累计最多扣",
    "累计最高扣",
    "累计最多减",
    # a clause that adds: `每多1天加0.2分，最高加4分`
    "最多加",
    "最高加",
    # a clause that earns: `每完成一项得1分，最高得3分` (this clause earns at most 3)
    "最多得",
    "最高得",
    "最多计",
    "最高计",
    "累计最多得",
    "累计最高得",
)
#: The verb of a clause cap: what the clause must do for the cap to say what it caps
#: (`最高得3分` after a deduction, `最多扣3分` after an earning: refused, E253).
CAP_VERBS: dict[str, str] = {
    "扣": "deduct",
    "减": "deduct",
    "加": "bonus",
    "得": "earn",
    "计": "earn",
}
#: Caps on a node line: the clause caps that deduct, and the same said of the item
#: (`，本项最高扣6分`, `，累计最多扣6分`).  A cap that adds (`最高加5分`) is a bonus node's,
#: written `加分项，最高加5分`: on a node line alone it is no deduction budget (E117).
NODE_CAP_WORDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        (
            *(w for w in CAP_WORDS if not any(v in w for v in "加得计")),
            *(
                f"{scope}{w}"
                for scope in ("本项", "该项", "此项", "累计")
                for w in ("最多扣", "最高扣")
            ),
            # said of the item: on its line only (in a clause it is refused, E116 — whose cap?)
            "本项限扣",
            "扣分上限",
        )
    )
)
NO_FLOOR: tuple[str, ...] = ("不设下限", "减分不设限", "扣分不设限")
#: `加分项，最高加N分`: the bonus node's mark, then its cap word.
BONUS_NODE = "加分项"
BONUS_CAP_WORDS: tuple[str, ...] = ("最高加", "最多加")
TAKE_MAX: tuple[str, ...] = ("就高不就低", "不重复计分")

# ----------------------------------------------------------------- ranks in the batch

#: `按【X】排名，…`: 按 before the subject (a fact, or a node as 【(二)得分】).
RANK_BY: tuple[str, ...] = ("按照", "按")
#: The ranking direction: words → "high" (a larger value ranks first) or "low".
RANK_ORDERS: dict[str, str] = {
    "从高到低": "high",
    "由高到低": "high",
    "从大到小": "high",
    "由大到小": "high",
    "从低到高": "low",
    "由低到高": "low",
    "从小到大": "low",
    "由小到大": "low",
    "从多到少": "high",
    "由多到少": "high",
    "从少到多": "low",
    "由少到多": "low",
}
#: `，并列的按【结案率】排名`: what comes before the fact that orders equal values.
TIE_BY: tuple[str, ...] = (
    "并列的",
    "并列时",
    "并列者",
    "名次并列的",
    "名次并列时",
    "排名并列的",
    "排名并列时",
    "数值相同的",
    "数值相同时",
    "相同的",
    "相同时",
)
#: `按【X】高低排名` names no direction: as 排名 alone (the direction from elsewhere, or E235).
RANK_WORDS: tuple[str, ...] = (
    "排名",
    "排序",
    "进行排名",
    "进行排序",
    "高低排名",
    "高低排序",
    "名次计分",
    "排名计分",
    "按名次计分",
)
#: In a formula of a rank clause (`按【X】排名，得((单位数−名次+1)÷单位数×6)分`): the
#: unit's place and the number of units in the batch.
PLACE_IN_FORMULA: tuple[str, ...] = (
    "本单位名次",
    "本单位位次",
    "本单位排名",
    "名次",
    "位次",
)
COUNT_IN_FORMULA: tuple[str, ...] = (
    "参评单位数",
    "参评单位总数",
    "参加考核单位数",
    "参加考核单位总数",
    "参加考评单位数",
    "参加排名单位数",
    "单位总数",
    "单位数",
)
#: Words before a place (`排名第1至5名`); a place is `第N名`, `第A至B名`, `前N名`, `后N名`…
PLACE_PREFIXES: tuple[str, ...] = ("排名", "名次", "排在", "位列", "位居", "位次", "名列")
#: Where the place is counted, after those words (`排名全市前三`): the batch scored
#: together, as for 全市平均值.
PLACE_SCOPES: tuple[str, ...] = ("全市", "全省", "全县", "全区", "全国", "全系统", "本系统")
#: `前N名` and `后N名` / `末N名` / `倒数N名` cover N places; the latter count from the bottom;
#: `前三的` (before 的) is `前三名`.
PLACES_TOP: tuple[str, ...] = ("前", "后", "末", "倒数")
PLACES_FROM_END: tuple[str, ...] = ("后", "末", "倒数", "最后")
#: `第四名及以后`: that place and every one after it (`以后` alone may leave the place out).
PLACES_ONWARD: tuple[str, ...] = ("及以后", "及以下", "及之后", "及其后")
#: The last place alone.
LAST_PLACE: tuple[str, ...] = ("末位", "最后一名", "最后一位", "倒数第一名", "倒数第一")
#: `第1名得10分，其后每下降一个名次扣0.5分` / `逐名递减1分`: each place after those the
#: first rule names earns that much less than the last of them, never below 0.
STEP_DOWN_BEFORE: tuple[str, ...] = ("其后", "此后", "以后", "之后", "以下")
STEP_DOWN_VERBS: tuple[str, ...] = (
    "下降",
    "后退",
    "退后",
    "降低",
    "下移",
    "后移",
    "递减",
    "降",
    "下滑",
)
STEP_DOWN_WORDS: tuple[str, ...] = ("逐名递减", "逐位递减", "依次递减")
#: `，最低得4分` after a step down by place: no place earns less (instead of 0).
STEP_FLOOR: tuple[str, ...] = ("最低不低于", "最低不少于", "最低得", "最低为", "最低计", "最低")
#: The first place alone (`位居全市首位的`).
FIRST_PLACE: tuple[str, ...] = ("首位",)
#: What the units scored together are called after 其余/其他 or a best word
#: (`其余乡镇不得分`, `最高的县区得10分`): the words add nothing.
UNIT_NOUNS: tuple[str, ...] = (
    "单位",
    "乡镇",
    "县区",
    "县（市、区）",
    "部门",
    "学校",
    "街道",
    "镇街",
)
#: `最高者得满分`: the first place, which also states the direction.
BEST_WORDS: dict[str, str] = {
    "最高者": "high",
    "最高的": "high",
    "最高的单位": "high",
    "得分最高者": "high",
    "最低者": "low",
    "最低的": "low",
    "最低的单位": "low",
    "得分最低者": "low",
}
#: The same for amounts, counts and durations: `最多的单位得10分`, `最短的得满分`;
#: and any of them followed by what the units are called (`最高的乡镇`).
for _stem, _order in (
    ("最多", "high"),
    ("最大", "high"),
    ("最长", "high"),
    ("最少", "low"),
    ("最小", "low"),
    ("最短", "low"),
):
    BEST_WORDS.update({_stem + "者": _order, _stem + "的": _order, _stem + "的单位": _order})
BEST_WORDS.update(
    {
        word + noun: order
        for word, order in list(BEST_WORDS.items())
        if word.endswith("的")
        for noun in UNIT_NOUNS
    }
)
#: `依次得20分、19分…` (also `分别`): one amount per place, in order.
IN_TURN = "依次"
#: `按第1名的比例得分`, `按与最高者的比例得分`: a share of the first place's points.
PROPORTION_TO: tuple[str, ...] = (
    "第1名",
    "第一名",
    "首位",
    "最高值",
    "最低值",
    *BEST_WORDS,
    *(word.replace("的单位", "单位") for word in BEST_WORDS if word.endswith("的单位")),
)
PROPORTION_WORDS: tuple[str, ...] = (
    "比例折算得分",
    "比例得分",
    "比例计分",
    "比例计算",
    "比例折算",
    "比例给分",
    "比例",
)
#: `去极值平均值` (also as the documents say it, `去掉一个最高值和一个最低值后的平均值`, which
#: the equivalents write so): the batch mean after one highest and one lowest value are
#: left out — a statistic of its own (`ir.BatchStat` "trimmed"), never the plain mean.
TRIMMED_WORD = "去极值"


#: Statistics a 测试 block may state for a unit: `排名【X】= 2，共10个单位`.
STAT_WORDS: tuple[str, ...] = (
    "排名",
    "倒数排名",
    "最高值",
    "最低值",
    "名额名次",
    f"{TRIMMED_WORD}平均值",
)
#: `名额名次【优秀】= 4`: how many units of the batch holding 优秀 have a total at least the
#: unit's (itself included) — what a grade quota needs of a unit scored alone.
QUOTA_PLACE = "名额名次"
#: `单位 “甲”：【X】= 95`: one unit of a 测试 block that scores a small batch.
UNIT_LINE = "单位"
#: A node named as a rank subject: `【(二)得分】` (or the bare path `【(二)】`).
NODE_SCORE_SUFFIX = "得分"

# ------------------------------------------------------------------------ conditions

NOT_WORDS: tuple[str, ...] = ("未", "无", "没有", "缺", "缺少")
#: `发生【重大事故】的，不得评为优秀`: an event word before a fact says no more than the
#: fact itself (`【重大事故】的`); only directly before 【, so it never swallows text.
OCCUR_WORDS: tuple[str, ...] = ("发生", "出现", "存在", "被通报存在", "被查实存在", "经查实存在")
#: `【发案率】与【上年发案率】相比`: the value a step verb is measured against.
VERSUS_PRE: tuple[str, ...] = ("与", "同", "和")
VERSUS_POST: tuple[str, ...] = ("相比", "比较", "相较")
#: The same in one word before the value (`比90%每低1个百分点`, `较【上年完成率】`): only right
#: before a number or a 【数据项】 (never the 比 of 比例, 比值, 占比; `比平均值每高…` is refused
#: with what to write, syntax_errors._BATCH_FORMS).
VERSUS_BY: tuple[str, ...] = ("比", "较", "相比于", "相较于", "较之")
#: A step written without 每 (`有一处不符合扣1分`): 有 before the number, a negated
#: verb phrase after the unit.
ONCE_PRE = "有"
ONCE_POST: tuple[str, ...] = ("未", "不", "没有")
AND_WORDS: tuple[str, ...] = ("且", "并且")
OR_WORDS: tuple[str, ...] = ("或", "或者")
AVERAGE_WORDS: tuple[str, ...] = (
    "平均值",
    "平均数",
    "平均水平",
    "平均分",
    "平均得分",
    "均值",
    "平均",
)
#: `低于全市平均增速的`, `超过全县平均天数的`: 平均 and the tail of the subject fact's
#: name (checked against the fact, E256): the characters of that tail, and what must
#: follow it.  Words of a clause (扣, 得, 每, 以上, 但…) are never part of it.
AVERAGE_NOUN_CHARS = r"[^\s\d,;:=<>≥≤()（）【】%，；：。、的以但每扣得加减持与或且及至不未超高低达]"
#: One character of that tail: 减 too where no amount follows it (`平均减排量`, never the
#: effect of `低于平均减2分`).
AVERAGE_NOUN = r"(?:" + AVERAGE_NOUN_CHARS + r"|减(?![\d一二两三四五六七八九十半]))"
AVERAGE_NOUN_FOLLOW = r"(?=的|[,;，；。]|以[上下内外]|持平|\d|[ \t]*$)"
#: What may stand before 平均 with the average still the batch's own mean (§9.8): where
#: the units are (`全市`, `全县`), which of them (`各`, `参评`, `同类`), what they are
#: (`县区`, `乡镇（街道）`, `单位`) and `的`, in any order.  Anything else names another number
#: — last year's, recent years', the best units', the mean after dropping the highest and
#: lowest — which the batch mean is not: refused (E262), never read as the batch mean.
AVERAGE_SCOPE_WORDS: tuple[str, ...] = (
    # where
    *(
        f"{a}{b}"
        for a in "全本"
        for b in ("国", "省", "市", "州", "盟", "县", "区", "旗", "镇", "乡")
    ),
    *(f"{a}{b}" for a in "全本" for b in ("街道", "局", "系统", "地区", "辖区", "校", "院")),
    "省内",
    "市内",
    "县内",
    "区内",
    "辖区",
    "辖区内",
    "系统内",
    "市域",
    "县域",
    # which of them
    "各",
    "所有",
    "全部",
    "全体",
    "参评",
    "参考",
    "参加考核",
    "参加考评",
    "参与考核",
    "参与考评",
    "被考核",
    "被考评",
    "考核",
    "考评",
    "同类",
    "同级",
    "同期",
    "同批",
    "本批",
    "本次",
    "本轮",
    "本期",
    "当期",
    "当年",
    "本年",
    "本年度",
    "今年",
    "综合",
    "整体",
    "总体",
    # what they are
    "单位",
    "部门",
    "乡镇",
    "街道",
    "镇街",
    "县区",
    "区县",
    "县市区",
    "县市",
    "市县",
    "市州",
    "地市",
    "省份",
    "学校",
    "医院",
    "企业",
    "社区",
    "村居",
    "网格",
    "机构",
    "站所",
    "派出所",
    "分局",
    "支队",
    "大队",
    "中队",
    "科室",
    "处室",
    "园区",
    "窗口",
    "对象",
    "成员单位",
    "责任单位",
    "（街道）",
    "（社区）",
    "（市、区）",
    "（区）",
    "省",
    "市",
    "县",
    "区",
    "州",
    "镇",
    "乡",
    "村",
    "的",
    "、",
)
_AVERAGE_SCOPE = re.compile(
    "(?:"
    + "|".join(re.escape(w) for w in sorted(AVERAGE_SCOPE_WORDS, key=len, reverse=True))
    + ")*"
)


def trimmed(words: str) -> bool:
    """Whether an average's words ask for the mean without the highest and lowest."""
    return words.startswith(TRIMMED_WORD) or words.endswith(TRIMMED_WORD)


def average_words_unread(words: str) -> str:
    """The part of an average's decoration (`上年全市` in `上年全市平均水平`) from the first
    word that is not a scope on: "" when all of it only says which units the mean is of
    (and, for a trimmed mean, that it is one)."""
    if trimmed(words):
        words = words.removeprefix(TRIMMED_WORD).removesuffix(TRIMMED_WORD)
    if _AVERAGE_SCOPE.fullmatch(words):
        return ""
    found = _AVERAGE_SCOPE.match(words)
    return words[found.end() if found else 0 :]


#: Bands of distance from the average in one clause (`【发案率】超过平均值5个点以内扣1分，
#: 5个点以外扣2分`): the second band is `N个点以外`, `超过N个点` (or both), optionally
#: repeating the side and the average (`，超过平均值5个点以外扣2分`); `以上` there is read
#: only to be refused (with `以内` it would hold the distance itself twice).
BAND_BEYOND_PRE: tuple[str, ...] = ("超过", "超出", "高于", "多于", "大于", "低于", "少于", "小于")
BAND_BEYOND_POST: tuple[str, ...] = ("以外", "以上", "及以上")
FUNCTIONS: dict[str, str] = {"最大": "max", "最小": "min", "取整": "floor"}


@dataclass(frozen=True)
class Comparison:
    """A comparison word: `direction` "ge" (a lower bound), "le" or "eq"; `inclusive`
    under Chinese legal usage (民法典 第1259条); `date` for words about days."""

    direction: str
    inclusive: bool
    date: bool = False


#: Words written before the number (`超过3次`, `晚于1月9日`, `≥90%`).
COMPARE_BEFORE: dict[str, Comparison] = {
    "达到": Comparison("ge", True),
    "不低于": Comparison("ge", True),
    "不少于": Comparison("ge", True),
    "不小于": Comparison("ge", True),
    "至少": Comparison("ge", True),
    "满": Comparison("ge", True),
    "不超过": Comparison("le", True),
    "不高于": Comparison("le", True),
    "不多于": Comparison("le", True),
    "不大于": Comparison("le", True),
    "至多": Comparison("le", True),
    "未超过": Comparison("le", True),
    "超过": Comparison("ge", False),
    "高于": Comparison("ge", False),
    # `高出全市平均水平2个百分点以上的`, `超出90%的`: above, as 高于
    "高出": Comparison("ge", False),
    "超出": Comparison("ge", False),
    "多于": Comparison("ge", False),
    "大于": Comparison("ge", False),
    "不满": Comparison("le", False),
    "不足": Comparison("le", False),
    "低于": Comparison("le", False),
    "少于": Comparison("le", False),
    "小于": Comparison("le", False),
    "未达到": Comparison("le", False),
    "未达": Comparison("le", False),  # 未达100%的 ≡ 未达到100%的
    "不到": Comparison("le", False),  # 不到90%的 ≡ 未达到90%的
    "未满": Comparison("le", False),
    "等于": Comparison("eq", True),
    "达到或超过": Comparison("ge", True),
    "达到或高于": Comparison("ge", True),
    # durations (`短于全市平均时长的`): shorter is lower, longer is higher
    "短于": Comparison("le", False),
    "长于": Comparison("ge", False),
    "不短于": Comparison("ge", True),
    "不长于": Comparison("le", True),
    "等于或低于": Comparison("le", True),
    "低于或等于": Comparison("le", True),
    "等于或高于": Comparison("ge", True),
    "高于或等于": Comparison("ge", True),
    # `大于等于90%`, `小于等于3次`: the bound included, as ≥ and ≤ read aloud
    "大于等于": Comparison("ge", True),
    "大于或等于": Comparison("ge", True),
    "等于或大于": Comparison("ge", True),
    "小于等于": Comparison("le", True),
    "小于或等于": Comparison("le", True),
    "等于或小于": Comparison("le", True),
    # `达不到90%的`: 未达到 (below the bound, which is never 达到)
    "达不到": Comparison("le", False),
    "不晚于": Comparison("le", True, date=True),
    "晚于": Comparison("ge", False, date=True),
    "早于": Comparison("le", False, date=True),
    "不早于": Comparison("ge", True, date=True),
    ">=": Comparison("ge", True),
    "≥": Comparison("ge", True),
    "<=": Comparison("le", True),
    "≤": Comparison("le", True),
    ">": Comparison("ge", False),
    "<": Comparison("le", False),
    "=": Comparison("eq", True),
    "==": Comparison("eq", True),
    # `不等于100%的`: any other value
    "不等于": Comparison("eq", False),
    "≠": Comparison("eq", False),
    "!=": Comparison("eq", False),
}

#: Other spellings of a comparison word before its number, read as that word wherever
#: the word is read (`达90%的`, `累计达3次的` ≡ 达到); the grammar takes a bare 达 only
#: right before its number, never the 达 of 达标 or 到达.
ALIASES: dict[str, str] = {"达": "达到"}

#: Characters that negate what follows them in a name (`未完成率` is no 完成率).
NEGATION_CHARS = "不未无没非否"


#: Periods said before a required count (`【例会次数】全年不少于4次`): they add nothing to it.
PERIOD_WORDS = r"全年度?|年内|年度内|本年度?内?|每年度?"
#: Verbs that only say what the counted thing is (a meeting is held, a drill organised):
#: `【例会次数】召开不少于4次`, `全年召开【例会次数】不少于4次`.
DOING_WORDS = r"召开|开展|组织开展|组织|举办|举行|参加|完成|报送|上报|投入"
#: The comparison words of a required count or share (`不少于4次`, `达到90%`), as an
#: alternation: what the words around a requirement stand before.
REQUIRED_WORDS = (
    r"不少于|不低于|不得少于|不得低于|达到|不超过|不得超过|不多于|不高于|少于|低于|超过|高于|多于"
)


def done_name(name: str) -> str:
    """The name of what was done, from the name of what was not that starts with its
    negation (【未完成率】 → 完成率), or "" when the name does not start so; the hints that
    refuse a verb of doing on such a fact offer it."""
    return name[1:] if name[0] in "未没不" and len(name) > 2 else ""


def negation_before(name: str, words: str, whole: bool = False) -> int | None:
    """Where a negation or turning character stands right before `words` in a fact's
    `name` — by their first character (完成 in 【未完成项目】, 获得 in 【未获奖项目】), or
    their first two when `whole` (通报批评 in 【未通报次数】): the name counts what the
    words did not do — or None."""
    start = words[:2] if whole else words[:1]
    return next(
        (m.start() for m in MISSED_NAME.finditer(name) if name[m.end() :].startswith(start)),
        None,
    )


def holds_name(name: str, words: str) -> bool:
    """Whether a fact's `name` holds `words` with no negation before them: `培训` is what
    【培训次数】 counts, not what 【未培训人数】 does."""
    at = name.find(words)
    return at >= 0 and MISSED_NAME.search(name[:at]) is None


def ends_name(name: str, words: str) -> bool:
    """Whether `words` end a fact's `name` with no negation in the part left off: `完成率`
    ends 【任务完成率】, never 【未完成率】 (the opposite measure)."""
    left = name[: len(name) - len(words)]
    return name.endswith(words) and MISSED_NAME.search(left) is None


#: The exact complement of a bound written before its number: the same number, the other
#: side, the bound on the other side of it too (`达到90%` / `未达到90%`) — never a word the
#: header's 边界 could change.  What a unit that misses a requirement falls under.
COMPLEMENTS: dict[str, str] = {
    "达到": "未达到",
    "不低于": "低于",
    "不少于": "少于",
    "不超过": "超过",
    "不高于": "高于",
    "不多于": "多于",
    "未超过": "超过",
    "大于等于": "低于",
    "小于等于": "超过",
}

#: Words written after the number (`20人以上`, `1月9日前`).
COMPARE_AFTER: dict[str, Comparison] = {
    "以上": Comparison("ge", True),
    "及以上": Comparison("ge", True),
    "以下": Comparison("le", True),
    "及以下": Comparison("le", True),
    "以内": Comparison("le", True),
    "以外": Comparison("ge", False),
    "前": Comparison("le", True, date=True),
    "之前": Comparison("le", True, date=True),
    "以前": Comparison("le", True, date=True),
    "后": Comparison("ge", False, date=True),
    "之后": Comparison("ge", False, date=True),
}

#: A requirement is a comparison with a modal word in front: `应达到80%`, `不得少于4次`.
MODAL_PREFIXES: tuple[str, ...] = ("应", "须", "需", "要", "必须", "应当")

#: Bare comparison words that state a standard even without 应/须/不得: after them a
#: per-step deduction counts the shortfall or the excess, never every occurrence
#: (`【巡查次数】不少于4次，每缺1次扣1分` deducts for the inspections not done).
STANDARD_WORDS: tuple[str, ...] = (
    "不低于",
    "不少于",
    "不小于",
    "至少",
    "不超过",
    "不高于",
    "不多于",
    "不大于",
    "至多",
    "以内",
)

#: Bare words that read as a standard (`达到4次，每缺1次扣1分`) or as a condition
#: (`达到3起的，每起扣2分`): with 的 they are a condition; without it a per-step
#: deduction with a counting verb is refused as ambiguous.
EITHER_WORDS: tuple[str, ...] = ("达到", "满", "≥", "≤", ">=", "<=")

#: Counting verbs that count what is missing (and `未…`): after a lower bound they count
#: the shortfall (`不少于4次，每缺1次`); after an upper bound they make no sense.
SHORTFALL_COUNT_VERBS: tuple[str, ...] = ("缺", "缺少", "缺失", "漏", "漏报", "少报")
#: Verbs of a step written without 每 (`，少一次扣1分`) that read as the same step with
#: 每 (`每少1次`): a shortfall from a standard, refused without one (E112).
ONCE_STEP_VERBS: tuple[str, ...] = ("少", "逾期", "超期", "超时")
#: The verbs a step without 每 may start with (`迟报一次`, `少一次`, `逾期1天`).
ONCE_VERBS: tuple[str, ...] = tuple(dict.fromkeys((*COUNT_VERBS, *ONCE_STEP_VERBS)))
#: Counting verbs that count what happened: after an upper bound they count the excess
#: (`不超过【上年起数】，每新增1起`); after a lower bound they make no sense.
OCCURRENCE_COUNT_VERBS: tuple[str, ...] = (
    "发生",
    "出现",
    "新增",
    "迟报",
    "晚报",
    "错报",
    "瞒报",
    "延长",
    "查实",
)


def comparison_reading(word: str) -> str:
    """How a comparison word before a per-step effect reads: "modal" (`应达到`,
    `不得少于`: always a standard), "standard" (`不少于`, `不超过`: a standard unless
    `的` makes it a condition), "either" (`达到`, `满`, `≥`: `的` or `应` must say which)
    or "condition" (`超过3次的`, `低于80%的`, `20人以上的`)."""
    word = ALIASES.get(word, word)  # `达4次，每缺1次…` asks as `达到4次` does
    base = requirement_words().get(word)
    if base is not None and base != word:
        return "modal"
    if word in STANDARD_WORDS:
        return "standard"
    if word in EITHER_WORDS:
        return "either"
    return "condition"


def count_verb_side(verb: str | None) -> str | None:
    """ "shortfall" for a counting verb of what is missing, "excess" for one of what
    happened, None for no verb (`每次`, `每人次`)."""
    if not verb:
        return None
    if verb in SHORTFALL_COUNT_VERBS or verb.startswith(COUNT_VERB_NOT):
        return "shortfall"
    if verb in OCCURRENCE_COUNT_VERBS:
        return "excess"
    return None


def comparison_direction(word: str) -> str | None:
    """ "ge", "le" or "eq" for a comparison word in any spelling; None for dates."""
    base = requirement_words().get(word, word)
    cmp = COMPARE_BEFORE.get(base) or COMPARE_AFTER.get(base)
    if cmp is None or cmp.date:
        return None
    return cmp.direction


#: `超过20人以上`, `高于90%以上`, `低于60%及以下` name an exclusive and an inclusive word of
#: one side; the checker warns and reads the first (exclusive).  After a distance from
#: the mean (`高于平均值1个百分点以上`) the pair is no ambiguity: 以上 takes the distance in.
AMBIGUOUS_PAIRS = frozenset(
    (first, tail + last)
    for firsts, last in (
        (("超过", "高于", "多于", "大于", "高出", "超出"), "以上"),
        (("低于", "少于", "小于"), "以下"),
    )
    for first in firsts
    for tail in ("", "及")
)


def requirement_words() -> dict[str, str]:
    """Every spelling of a comparison written before its number → the base word.

    `应达到` → `达到`, `不得少于` → `不少于`, `应不低于` → `不低于`.
    """
    out: dict[str, str] = {}
    for word in (*COMPARE_BEFORE, *ALIASES):
        base = ALIASES.get(word, word)
        out[word] = base
        if _is_symbol(word):
            continue
        for form in _unmodal_forms(word):
            out.setdefault(form, base)
            for modal in MODAL_PREFIXES:
                out.setdefault(modal + form, base)
    return out


def _unmodal_forms(word: str) -> list[str]:
    """`不少于` is also written `不得少于`."""
    if word.startswith("不") and len(word) > 1:
        return [word, "不得" + word[1:]]
    return [word]


def comparison_words_before() -> list[str]:
    """The words before a number without their modal prefix (`达到`, `不得少于`, `≥`)."""
    return [form for word in (*COMPARE_BEFORE, *ALIASES) for form in _unmodal_forms(word)]


def _is_symbol(word: str) -> bool:
    return not any("\u4e00" <= ch <= "\u9fff" for ch in word)


# ---------------------------------------------------------------------------- header

#: Header field words → the Header attribute they fill.
HEADER_FIELDS: dict[str, str] = {
    "细则": "title",
    "年度": "year",
    "满分": "full_marks",
    "精度": "precision",
    "边界": "boundary",
    "计分": "mode",
    "考评对象": "target",
}
REQUIRED_HEADER: tuple[str, ...] = ("细则", "年度", "满分")
MODES: tuple[str, ...] = ("减分制", "得分制")
#: `边界：以上含本数，以下不含本数`: phrase → includes the number.
BOUNDARY_PHRASES: dict[str, bool] = {
    "含本数": True,
    "包含本数": True,
    "包括本数": True,
    "不含本数": False,
    "不包含本数": False,
    "不包括本数": False,
}

# ---------------------------------------------------------------------------- blocks

DATA_BLOCK = "数据"
PARAM_BLOCK = "参数"
GRADE_BLOCK = "等次"
TEST_BLOCK = "测试"
EXPECT = "期望"
NOTE = "说明"
REST_BAND: tuple[str, ...] = (
    "其余",
    "其他",
    *(word + noun for word in ("其余", "其他") for noun in UNIT_NOUNS),
)
#: A grade's quota (`优秀：90分以上，不超过参加考核单位总数的30%`): the words of "at most",
#: and what the share is of (the units in the batch, LANGUAGE.md §12.2).  `原则上` (as a
#: rule) is read as the rule itself: the office applies the quota.
QUOTA_AT_MOST: tuple[str, ...] = ("不超过", "不得超过", "不多于", "不高于", "最多", "至多")
QUOTA_SUBJECT: tuple[str, ...] = ("名额", "数量", "比例", "个数", "单位数量", "单位数", "单位")
QUOTA_BASES: tuple[str, ...] = tuple(
    lead + noun + tail
    for lead in (
        "参加考核",
        "参加考评",
        "参与考核",
        "参与考评",
        "参评",
        "被考核",
        "被考评",
        "考核",
        "本批",
        "",
    )
    for noun in ("单位", "乡镇", "街道", "乡镇(街道)", "县区", "县(市、区)", "部门", "学校", "对象")
    for tail in ("总数", "数", "数量", "")
    if lead or tail == "总数"
)
#: `，按得分从高到低确定`: how the quota's units are chosen, the only order the language
#: takes (a quota chosen another way is not a computation).
QUOTA_ORDER: tuple[str, ...] = ("从高到低", "由高到低", "高低")
#: The label of a unit a quota moved down (the prelude's `_QUOTA_LABEL` says the same).
QUOTA_LABEL = "超出{}名额"
DEFAULT_WORDS: tuple[str, ...] = ("默认", "默认值", "默认为")
RANGE_WORDS: tuple[str, ...] = ("范围", "取值范围")
#: A fact's sense in 数据 (`化解率：百分比，越高越好`): which end is better, so a ranking
#: that states no direction ranks the better end first.
FACT_SENSES: dict[str, str] = {
    "越高越好": "high",
    "越大越好": "high",
    "越多越好": "high",
    "越低越好": "low",
    "越小越好": "low",
    "越少越好": "low",
}
#: Between the two ends of a range (`0至5分`, `1-5分`).
RANGE_SEPARATORS: tuple[str, ...] = ("至", "到", "-", "~", "—")
EXPECT_TARGETS: tuple[str, ...] = ("总分", "等次", "状态", "标签")

# --------------------------------------------------------------------------- numerals

CN_DIGITS = "〇零一二两三四五六七八九"
CN_NUMERAL_CHARS = CN_DIGITS + "十百千万"
PERCENT_CN_PREFIX = "百分之"

# ------------------------------------------------------------------------- utilities


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, longest first (so that `少报`
    wins over `少` and `个百分点` over `个`), as a non-capturing group."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")"


# ------------------------------------------------------------------ a fact by its tail

#: Words that may turn a name's head around (`不合格率`, `未完成率`, `逾期办结率`): a name
#: with one before its head is not that head (check/senses.py reads no sense from it).
TURNING_CHARS = "不未非无欠漏误缺"
TURNING_WORDS: tuple[str, ...] = ("超期", "超时", "逾期", "延期", "延迟", "迟", "错", "违", "重复")
#: Characters of a fact's name that say it counts what was missed or not done
#: (【未培训次数】, 【缺会次数】, 【漏报次数】): a verb of doing beside it says the opposite.
MISSED_NAME = re.compile("[" + "".join(dict.fromkeys(NEGATION_CHARS + TURNING_CHARS)) + "]")


def tail_of(name: str, tail: str) -> bool:
    """`tail` names the fact `name` by its end (`合格率` for `【抽检合格率】`) — never when a
    word before it may turn it around (`合格率` is not `【抽检不合格率】`: read as that, a
    sentence about the one would score the other, the opposite)."""
    if not tail or not name.endswith(tail):
        return False
    before = name[: len(name) - len(tail)]
    return not (
        any(ch in before for ch in TURNING_CHARS) or any(w in before for w in TURNING_WORDS)
    )
