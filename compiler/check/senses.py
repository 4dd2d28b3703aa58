"""Which end of an indicator is the better one, read from its name, for a ranking that
states no direction and whose fact is neither declared `越高越好`/`越低越好` nor scored
elsewhere in the policy.

Real 细则 rank on a small set of indicators whose sense every reader knows: a higher
化解率 is better, a higher 发案率 worse.  The name is read by its head word — how it
ends — so 投诉办结率 is read as 办结率 and 不合格率 as 不合格率 (the longest head word
wins).  A change (`税收收入增幅`) reads as what changes.  The lexicon is deliberately short: a name not in it, or one whose head is
preceded by a word that may turn it around (不、未、非、无、欠、漏、误、缺, 超期, 逾期, 重复,
…), is not read at all, and the ranking is refused (E235) rather than guessed.
"""

from __future__ import annotations

#: Words that, before a head word, may turn the indicator around (a rate of *not*
#: meeting it, of meeting it late): with one of them anywhere before the head, the name
#: is not read.
from ..syntax.keywords import TURNING_CHARS, TURNING_WORDS

#: Head words of indicators where a higher value is better.
GOOD_HIGH: tuple[str, ...] = (
    "化解率",
    "受理率",
    "办结率",
    "结案率",
    "完成率",
    "开工率",
    "公示率",
    "达标率",
    "合格率",
    "满意度",
    "满意率",
    "覆盖率",
    "知晓率",
    "及时率",
    "到位率",
    "落实率",
    "整改率",
    "破案率",
    "上报率",
    "参与率",
    "优良率",
    "执行率",
    "利用率",
    "回收率",
    "入学率",
    "巩固率",
    "接种率",
    "处置率",
    "调解成功率",
    "成功率",
    "通过率",
    "审结率",
    "按期办结率",
    "结算率",
    "得分",
    # amounts and counts of what an office is asked to bring about
    "收入",
    "到位资金",
    "采用数",
    "采用量",
    "报道数",
    "优良天数",
    "优良天数比例",
    "规模以上工业企业数",
    "规上工业企业数",
    "规上企业数",
)

#: Head words of indicators where a lower value is better.
GOOD_LOW: tuple[str, ...] = (
    "发案率",
    "事故率",
    "投诉率",
    "差错率",
    "超标率",
    "违法率",
    "死亡率",
    "逾期率",
    "退回率",
    "辍学率",
    "流失率",
    "发生率",
    "复发率",
    "积案率",
    "重复率",
    "不合格率",
    "不满意率",
    "未结率",
    "未完成率",
    "失分",
    "扣分",
    # counts of bad events, complaints, errors; times taken; pollution and energy use
    "事故数",
    "事故起数",
    "事故次数",
    "发案数",
    "投诉量",
    "投诉数",
    "投诉件数",
    "信访量",
    "差错数",
    "差错次数",
    "办理天数",
    "办理时长",
    "办结时长",
    "处置时长",
    "空气质量综合指数",
    "近视率",
    "能耗",
)

#: Heads that measure the change of what comes before them (`税收收入增幅`,
#: `信访量增长率`): the name reads as what changes (a rise of income is good, of
#: complaints bad).
CHANGE_HEADS: tuple[str, ...] = ("增幅", "增长率", "增速", "增长幅度")


def sense_from_name(name: str) -> str | None:
    """ "high" or "low" when the name's head word is in the lexicon and nothing before it
    may turn it around; None otherwise (no guess)."""
    text = name.strip()
    for change in CHANGE_HEADS:
        if text.endswith(change) and len(text) > len(change):
            return sense_from_name(text[: -len(change)])
    heads = [(w, "high") for w in GOOD_HIGH] + [(w, "low") for w in GOOD_LOW]
    matches = [(len(w), w, sense) for w, sense in heads if text.endswith(w)]
    if not matches:
        return None
    _, head, sense = max(matches)
    before = text[: len(text) - len(head)]
    if any(ch in before for ch in TURNING_CHARS) or any(w in before for w in TURNING_WORDS):
        return None
    return sense
