"""Which end of an indicator is the better one, read from its name, for a ranking that
states no direction and whose fact is neither declared `越高越好`/`越低越好` nor scored
elsewhere in the policy.

Real 细则 rank on a small set of indicators whose sense every reader knows: a higher
化解率 is better, a higher 发案率 worse.  The name is read by its head word — how it
ends — so 投诉办结率 is read as 办结率 and 不合格率 as 不合格率 (the longest head word
wins).  The lexicon is deliberately short: a name not in it, or one whose head is
preceded by a word that may turn it around (不、未、非、无、欠、漏、误、缺, 超期, 逾期, 重复,
…), is not read at all, and the ranking is refused (E235) rather than guessed.
"""

from __future__ import annotations

#: Head words of indicators where a higher value is better.
GOOD_HIGH: tuple[str, ...] = (
    "化解率",
    "受理率",
    "办结率",
    "结案率",
    "完成率",
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
    "得分",
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
)

#: Words that, before a head word, may turn the indicator around (a rate of *not*
#: meeting it, of meeting it late): with one of them anywhere before the head, the name
#: is not read.
TURNING_CHARS = "不未非无欠漏误缺"
TURNING_WORDS: tuple[str, ...] = ("超期", "超时", "逾期", "延期", "延迟", "迟", "错", "违", "重复")


def sense_from_name(name: str) -> str | None:
    """ "high" or "low" when the name's head word is in the lexicon and nothing before it
    may turn it around; None otherwise (no guess)."""
    text = name.strip()
    heads = [(w, "high") for w in GOOD_HIGH] + [(w, "low") for w in GOOD_LOW]
    matches = [(len(w), w, sense) for w, sense in heads if text.endswith(w)]
    if not matches:
        return None
    _, head, sense = max(matches)
    before = text[: len(text) - len(head)]
    if any(ch in before for ch in TURNING_CHARS) or any(w in before for w in TURNING_WORDS):
        return None
    return sense
