"""Lark's parse errors in the writer's words: E101 (with “此处应为…” and “您是不是要写…”),
E102 (a character the language never uses) and E104 (an unclosed 【).

Terminal names never reach a diagnostic: `EXPECTED` says what each one is in Chinese
and English, in the order a reader would look for them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from ..diagnostics.diagnostic import Diagnostic
from ..diagnostics.messages import details
from ..diagnostics.suggest import edit_distance, same_sense
from ..source.text import Span
from . import keywords as kw
from .lark_import import Token, UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from .ordinals import UNITS as _ORDINAL_UNITS

#: terminal → (zh, en), in the order they are listed.
EXPECTED: dict[str, tuple[str, str]] = {
    "_NL": ("换行", "a line break"),
    "_NL_INDENT": ("换行", "a line break"),
    "NEWLINE": ("换行", "a line break"),
    "$END": ("文件结尾", "the end of the file"),
    "HEADER_KW": (
        "表头项（细则：、年度：、满分：等）",
        "a header field (细则:, 年度:, 满分: and so on)",
    ),
    "CN_MARKER": ("评分项编号（一、 (一) 1、 (1)）", "an outline marker (一、 (一) 1、 (1))"),
    "PCN_MARKER": ("评分项编号（一、 (一) 1、 (1)）", "an outline marker (一、 (一) 1、 (1))"),
    "NUM_MARKER": ("评分项编号（一、 (一) 1、 (1)）", "an outline marker (一、 (一) 1、 (1))"),
    "PNUM_MARKER": ("评分项编号（一、 (一) 1、 (1)）", "an outline marker (一、 (一) 1、 (1))"),
    "CIRCLED_MARKER": ("评分项编号（一、 (一) 1、 (1)）", "an outline marker (一、 (一) 1、 (1))"),
    "BAD_MARKER": ("评分项编号（一、 (一) 1、 (1)）", "an outline marker (一、 (一) 1、 (1))"),
    "DASH": ("条款（“- ” 开头）", "a clause (starting with “- ”)"),
    "NOTE_KW": ("说明：", "说明:"),
    "DATA_KW": ("数据：", "数据:"),
    "PARAM_KW": ("参数：", "参数:"),
    "GRADE_KW": ("等次：", "等次:"),
    "TEST_KW": ("测试 “名称”：", "测试 “name”:"),
    "EXPECT_KW": ("期望", "期望"),
    "AVG_KW": ("平均值【数据项】", "平均值【fact】"),
    "REF": ("【数据项】", "a 【fact】"),
    "DECL_NAME": ("名称", "a name"),
    "NOT": ("未 / 无 / 没有", "未 / 无 / 没有"),
    "_LPAR": ("“(”", "“(”"),
    "_RPAR": ("“)”", "“)”"),
    "CMP_PRE": ("比较词（超过、达到、低于等）", "a comparison word (超过, 达到, 低于, etc.)"),
    "CMP_POST": ("以上 / 以下 / 前", "以上 / 以下 / 前"),
    "NUMBER": ("数字", "a number"),
    "CN_NUM": ("数字", "a number"),
    "PERCENT_CN": ("数字", "a number"),
    "RANGE_PAIR": ("分值范围（如 0至5）", "a range of points (e.g. 0至5)"),
    "DATE": ("日期（如 1月9日）", "a date (e.g. 1月9日)"),
    "AVG": ("平均值", "平均值 (an average)"),
    "UNIT": ("单位（次、人次、%等）", "a unit (次, 人次, %, etc.)"),
    "FEN": ("分", "分"),
    "EVERY": ("每（如 每缺1次）", "每 (e.g. 每缺1次)"),
    "VERB": ("动词（缺、低于、超等）", "a verb (缺, 低于, 超, etc.)"),
    "EFFECT_VERB": ("扣 / 得 / 加", "扣 / 得 / 加"),
    "FULL": ("满分", "满分"),
    "NOSCORE": ("不得分", "不得分"),
    "DISQ": ("取消考评资格", "取消考评资格"),
    "VETO": ("一票否决", "一票否决"),
    "LABEL_KW": ("列为（名称）", "列为 (a name)"),
    "GRADE_LIMIT": ("不得评为（等次） / 等次最高为（等次）", "不得评为 / 等次最高为 (a band)"),
    "VETO_TOP": ("一票否优", "一票否优"),
    "RANK_BY": ("按【数据项】排名", "按【fact】排名"),
    "ORDER": ("从高到低 / 从低到高", "从高到低 / 从低到高"),
    "RANK_KW": ("排名", "排名"),
    "PLACES": (
        "名次（第1名、第2至5名、前三名、后两名）",
        "places (第1名, 第2至5名, 前三名, 后两名)",
    ),
    "BEST": ("最高者 / 最低者", "最高者 / 最低者"),
    "IN_TURN": ("依次（得20分、19分…）", "依次 (得20分、19分…)"),
    "PROPORTION": ("按第1名的比例得分", "按第1名的比例得分"),
    "STAT_KW": ("排名【数据项】", "排名【fact】"),
    "BATCH_SIZE": ("共N个单位", "共N个单位"),
    "UNIT_KW": ("单位 “名称”：", "单位 “name”:"),
    "DISCRETION": ("酌情", "酌情"),
    "RESPECTIVELY": ("分别", "分别"),
    "_DE": ("的", "的"),
    "_AND": ("且", "且"),
    "_OR": ("或", "或"),
    "ADDOP": ("+ / -", "+ / -"),
    "MULOP": ("× / ÷", "× / ÷"),
    "FUNC": ("最大 / 最小 / 取整", "最大 / 最小 / 取整"),
    "OTHERWISE": ("，否则（效果）", "“，否则” and an effect"),
    "CAP_T": ("，最多扣N分", "“，最多扣N分”"),
    "UNTIL_ZERO": ("，扣完为止", "“，扣完为止”"),
    "ROUND_CEIL": ("不足1天按1天计", "不足1天按1天计"),
    "ROUND_RATIO": ("按比例", "按比例"),
    "TITLE_TEXT": ("标题", "a title"),
    "TITLE_PAREN": ("标题", "a title"),
    "POINTS": ("分值（如 (5分)）", "points (e.g. (5分))"),
    "END_POINTS": ("分值（如 (5分)）", "points (e.g. (5分))"),
    "MOD_UNTIL_ZERO": ("扣完为止", "扣完为止"),
    "MOD_CAP": ("最多扣N分", "最多扣N分"),
    "MOD_NO_FLOOR": ("不设下限", "不设下限"),
    "MOD_BONUS": ("加分项，最高加N分", "加分项，最高加N分"),
    "MOD_TAKE_MAX": ("就高不就低", "就高不就低"),
    "TYPE_WORD": (
        "类型（是否、百分比、数值、分、日期或计数单位）",
        "a type (是否, 百分比, 数值, 分, 日期 or a count unit)",
    ),
    "DEFAULT_KW": ("默认（值）", "默认 (a value)"),
    "RANGE_KW": ("范围（如 0至100）", "范围 (e.g. 0至100)"),
    "REST_KW": ("其余", "其余"),
    "QUOTED": ("“名称”", "a “name”"),
    "EXPECT_TARGET": (
        "总分 / 等次 / 状态 / 标签 / 评分项路径",
        "总分 / 等次 / 状态 / 标签 / a node path",
    ),
    "RAW_VALUE": ("值", "a value"),
    "REST_TEXT": ("文字", "text"),
    "LABEL_TEXT": ("名称", "a name"),
    "_COLON": ("“：”", "“：”"),
    "_COMMA": ("“，”", "“，”"),
    "_SEMI": ("“；”", "“；”"),
    "_DUN": ("“、”", "“、”"),
    "_EQ": ("“=”", "“=”"),
    "_SLASH": ("“/”", "“/”"),
    "ONCE": ("次数（如 迟报一次）", "a count (e.g. 迟报一次)"),
    "NUM_LIST": ("几个数（如 1分、2分）", "several numbers (e.g. 1分、2分)"),
    "LIST_SEP": ("“的，”", "“的，”"),
    "STEP_SEP": ("“，每…”", "“，每…”"),
    "VERSUS_PRE": ("与", "与"),
    "VERSUS_POST": ("相比", "相比"),
    "SCORE_FROM": ("另行计分", "另行计分"),
    "HALF": ("减半扣分", "减半扣分"),
    "EVERY_ITEM": ("凡…（对每一项的规定）", "凡… (a rule for every item)"),
    "RATIO_EARN": ("按完成比例得分", "按完成比例得分"),
    "SHARE_PRE": ("，扣分按【数据项】平均计算", "“，扣分按【fact】平均计算”"),
    "SHARE_POST": ("平均计算", "平均计算"),
}

#: Words to compare a mistyped text with, by the terminal that was expected.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "HEADER_KW": tuple(kw.HEADER_FIELDS),
    "DATA_KW": (kw.DATA_BLOCK,),
    "PARAM_KW": (kw.PARAM_BLOCK,),
    "GRADE_KW": (kw.GRADE_BLOCK,),
    "TEST_KW": (kw.TEST_BLOCK,),
    "NOTE_KW": (kw.NOTE,),
    "EXPECT_KW": (kw.EXPECT,),
    "OTHERWISE": (kw.OTHERWISE,),
    "UNTIL_ZERO": kw.UNTIL_ZERO,
    "CAP_T": tuple(w + "N分" for w in kw.CAP_WORDS),
    "ROUND_RATIO": kw.ROUND_RATIO,
    "EFFECT_VERB": tuple(kw.EFFECTS),
    "NOSCORE": kw.NO_SCORE,
    "DISQ": kw.DISQUALIFY,
    "VETO": kw.VETO,
    "LABEL_KW": kw.LABEL,
    "DISCRETION": (kw.DISCRETION,),
    "RESPECTIVELY": kw.RESPECTIVELY,
    "CMP_PRE": tuple(kw.requirement_words()),
    "CMP_POST": tuple(kw.COMPARE_AFTER),
    "VERB": (*kw.STEP_VERBS, *kw.COUNT_VERBS),
    "UNIT": tuple(kw.UNITS),
    "TYPE_WORD": kw.TYPE_WORDS,
    "DEFAULT_KW": kw.DEFAULT_WORDS,
    "RANGE_KW": kw.RANGE_WORDS,
    "SENSE_KW": tuple(kw.FACT_SENSES),
    "REST_KW": kw.REST_BAND,
    "FUNC": tuple(kw.FUNCTIONS),
    "EXPECT_TARGET": kw.EXPECT_TARGETS,
    "AVG": kw.AVERAGE_WORDS,
}

_BREAKS = ",;:、 \t\n"
#: How many expected items a hint lists, and how long a phrase “您是不是要写” compares.
_MAX_LISTED = 10
_LONGEST_GUESS = 16
#: A place compared with last year's (`排名比上年后退5位`): refused as E114 wherever the
#: parser stops on such a line.
_LAST_YEAR_PLACE = re.compile(
    r"(?:排名|名次|位次)[^,，;；]{0,4}?(?:比|较|与|同)[^,，;；]{0,2}?(?:上年|去年|上一年)[^,，;；]{0,8}?"
    r"(?P<every>每)?(?P<way>前进|后退|上升|下降|提升|提高|退后|进步|退步)"
)
#: The words of a change of place that say it got better (the rest: worse).
_PLACE_UP = ("前进", "上升", "提升", "提高", "进步")
#: What follows the change (`5位以上的扣1分`, `1个位次加0.5分`), up to the clause's end.
_PLACE_REST = re.compile(r"[^；;。]*")


def _last_year(found: re.Match[str], original_line: str, line: int) -> Diagnostic:
    """E114, its hint the sentence itself on a fact to report: `【化解率】排名较上年后退5位
    以上的扣1分` → declare `化解率名次后退：名，默认0`, write `【化解率名次后退】5名以上的扣1分`
    (the change in the same direction and the same words; a place is counted in 名)."""
    before = re.findall(r"【([^【】]+)】", original_line[: found.start()])
    way = "前进" if found["way"] in _PLACE_UP else "后退"
    rest = _PLACE_REST.match(original_line, found.end())[0].strip()  # type: ignore[index]
    rest = re.sub(r"个?(?:位次|位|名次)", "名", rest)
    if not found["every"] and re.match(r"\d+(?:\.\d+)?名(?!及?以[上下内])", rest):
        rest = f"达到{rest}"  # `前进3位的`: three places or more, as the reported fact reads
    args = {"text": found[0]}
    if before and rest:
        name = f"{before[-1]}名次{way}"
        written = f"【{name}】{'每' if found['every'] else ''}{rest}"
        args.update(declared=f"{name}：名，默认0", written=written)
    else:
        args.update(
            declared="化解率名次后退：名，默认0", written="【化解率名次后退】5名以上的，扣1分"
        )
    return _at("E114", found, line, args)


#: `【A】、【B】有一项低于80%的扣1分`: facts listed, then "one of them" — once when any
#: does, or once for each that does (有一次… is a step without 每)?  E120 with both.
_ANY_ONE = re.compile(
    r"(?P<refs>(?:【[^【】]+】[ \t]*[、,，和及与]?[ \t]*){2,})"
    r"(?P<q>其中任一项|其中任何一项|其中有一项|其中一项|有任何一项|有任一项|任一项|任何一项|任意一项|有一项)"
    r"(?P<cmp>[^，,；;。的]+)的[ \t]*[，,]?[ \t]*(?P<effect>[^，,；;。]*)"
)


def _at(
    code: str, found: re.Match[str], line: int, args: dict, start: int | None = None
) -> Diagnostic:
    """A refusal underlining what `found` matched on `line` (from `start` when given)."""
    first, end = found.span()
    first = first if start is None else start
    return Diagnostic(code, Span(line, first + 1, line, end + 1), args)


def _unclear(
    found: re.Match[str],
    line: int,
    text: str,
    why: tuple[str, str],
    suggest: tuple[str, str],
    start: int | None = None,
) -> Diagnostic:
    """E116 underlining what `found` matched: “text”: why, and what to write instead (each
    a Chinese and an English wording)."""
    args = {"text": text, "why": why[0], "why_en": why[1]}
    return _at(
        "E116", found, line, {**args, "suggest": suggest[0], "suggest_en": suggest[1]}, start
    )


#: `【事故起数】每起扣0.5分，超过3起的每起扣1分`: another rate past a limit.
_HIGHER_RATE = re.compile(
    r"(?P<ref>【[^【】]+】)\s*每\s*(?P<u>[起次件例个项人])\s*扣\s*(?P<a>\d+(?:\.\d+)?)\s*分\s*[,，;；]\s*"
    r"(?:超过|超出|多于)\s*(?P<n>\d+)\s*(?P=u)?\s*(?:以上)?(?:的|后)\s*[,，]?\s*(?:超过部分)?\s*"
    r"每\s*(?P=u)\s*扣\s*(?P<b>\d+(?:\.\d+)?)\s*分"
)


def _higher_rate(original_line: str, line: int) -> Diagnostic | None:
    """`每起扣0.5分，超过3起的每起扣1分`: past the limit, does every occurrence cost the
    other amount, or only those past it?  Both readings, written out, to choose from."""
    found = _HIGHER_RATE.search(original_line)
    if found is None or Decimal(found["a"]) == Decimal(found["b"]):
        return None
    args = rate_past_limit(found["ref"], found["u"], found["n"], found["a"], found["b"])
    return _at("E116", found, line, {"text": found[0], **args})


def rate_past_limit(ref: str, unit: str, n: str, a: str, b: str) -> dict[str, str]:
    """E116's reason and the two readings of `{ref}每{unit}扣{a}分，超过{n}{unit}的每{unit}扣
    {b}分`: every occurrence at `b` once past `n`, or only those past `n` at `b` (the
    first `n` at `a`); each written in the language (tests score both)."""
    low, high = Decimal(a), Decimal(b)
    every = f"{ref}不超过{n}{unit}的，每{unit}扣{a}分；{ref}超过{n}{unit}的，每{unit}扣{b}分"
    if high > low:
        extra = format((high - low).normalize(), "f")
        past = f"{ref}每{unit}扣{a}分；{ref}超过{n}{unit}的，每多1{unit}另扣{extra}分"
    else:
        first = format((low * Decimal(n)).normalize(), "f")
        past = f"{ref}每{unit}扣{a}分，最多扣{first}分；{ref}超过{n}{unit}的，每多1{unit}扣{b}分"
    return {
        "why": f"超过{n}{unit}后，是每一{unit}都按{b}分扣，还是只有超过的部分按{b}分扣，原文没有说",
        "why_en": f"past {n}: does every occurrence cost {b}, or only those past it? "
        "the text does not say",
        "suggest": f"每一{unit}都按{b}分的写 {every}；只有超过部分按{b}分的写 {past}；"
        "两者相加的写 “另扣”",
        "suggest_en": f"every occurrence at {b}: {every}; only those past it: {past}; "
        "adding up: write “另扣”",
    }


_ORDINAL = rf"第[ \t]*(?:\d+|[一二两三四五六七八九十]+)[ \t]*(?:{_ORDINAL_UNITS})"
_AMOUNT = r"\d+(?:\.\d+)?"
#: `第一起、第二起、第三起分别扣1分、2分、3分，以此类推`: escalating tiers as two lists.
_ORDINAL_LIST = re.compile(
    rf"(?P<ords>{_ORDINAL}(?:[ \t]*[、,，][ \t]*{_ORDINAL})+)[ \t]*的?[ \t]*[,，]?[ \t]*分别[ \t]*扣[ \t]*"
    rf"(?P<amounts>{_AMOUNT}[ \t]*分?(?:[ \t]*[、,，][ \t]*{_AMOUNT}[ \t]*分?)*)"
    r"(?P<so_on>[ \t]*[,，;；][ \t]*(?:以此|依此|依次)类推)?"
)


def _ordinal_list(original_line: str, line: int) -> Diagnostic | None:
    """Escalating tiers as a list of ordinals and a list of amounts: the language reads
    them one tier at a time (`第一起扣1分，第二起扣2分…`), which the hint writes out."""
    found = _ORDINAL_LIST.search(original_line)
    if found is None:
        return None
    ordinals = re.findall(_ORDINAL, found["ords"])
    amounts = re.findall(_AMOUNT, found["amounts"])
    if len(ordinals) == len(amounts):
        tiers = "，".join(
            f"{o.replace(' ', '')}扣{a}分" for o, a in zip(ordinals, amounts, strict=True)
        )
        written = tiers + ("，以此类推" if found["so_on"] else "")
    else:
        written = "第一次扣1分，第二次扣2分，…（每一档一个分数）"
    return _unclear(
        found,
        line,
        found[0].strip(),
        ("逐次加重的各档要一档一句地写", "escalating tiers are written one tier at a time"),
        (f"写成 {written}", f"write {written}"),
    )


_RANGE_UNIT = r"%|％|个百分点|分|次|起|件|人次|人|户|项|天|日|小时|万元|元"
_RANGE_REMARK = (
    r"(?P<{n}>[ \t]*[(（][ \t]*(?P<{n}neg>不)?(?:含|包含|包括)[ \t]*(?:本数)?[ \t]*[)）])?"
)
#: `【化解率】80%-90%的得3分`, `在80%至90%之间的`, `介于80%和90%之间的`: a range whose ends
#: may or may not be in it — the document does not say, and the next tier's bound is
#: often the same number.  (With both ends remarked, `80%（含）至90%（不含）`, it is read.)
_RANGE = re.compile(
    r"(?P<pre>在|介于|处于)?[ \t]*(?P<a>\d+(?:\.\d+)?)[ \t]*(?P<ua>"
    + _RANGE_UNIT
    + r")?"
    + _RANGE_REMARK.format(n="ra")
    + r"[ \t]*(?:[-—–~～至到]|和|与)[ \t]*(?P<b>\d+(?:\.\d+)?)[ \t]*(?P<ub>"
    + _RANGE_UNIT
    + r")"
    + _RANGE_REMARK.format(n="rb")
    + r"[ \t]*(?:之间|以内|范围内|区间)?[ \t]*(?=的|得|扣|加|计|不得分)"
)
#: How each end of a range is written in or out of it: (lower end in?, upper end in?).
_RANGE_WORDS = {
    (True, False): ("达到", "低于"),
    (False, True): ("超过", "不超过"),
    (True, True): ("达到", "不超过"),
    (False, False): ("超过", "低于"),
}


def _range(original_line: str, line: int) -> Diagnostic | None:
    """A range with an end not said to be in it or not: refused with the range written
    each way the remarks leave open (the lower end in, the upper end in, both)."""
    found = _RANGE.search(original_line)
    if found is None or found["ua"] not in (None, found["ub"]):
        return None
    if Decimal(found["a"]) >= Decimal(found["b"]):
        return None
    low, high = f"{found['a']}{found['ub']}", f"{found['b']}{found['ub']}"
    said = [_end_said(found, "ra"), _end_said(found, "rb")]
    # an end another tier of the line takes (or leaves) in so many words: this one is
    # the rest (`达到95%的…，90%（含）-95%的…`: 95% is the first tier's, not this one's)
    beside = original_line[: found.start()] + " " + original_line[found.end() :]
    for i, (value, side) in enumerate(((found["a"], "le"), (found["b"], "ge"))):
        taken = _taken_beside(beside, value, found["ub"], side)
        if said[i] is None and taken is not None:
            said[i] = not taken
    ways = [w for w in _RANGE_WORDS if all(s is None or s == w[i] for i, s in enumerate(said))]
    if said == [None, None]:
        ways.remove((False, False))  # neither end in: no document means that by a bare range
    zh, en = [], []
    for low_in, high_in in ways:
        words = _RANGE_WORDS[low_in, high_in]
        written = f"{words[0]}{low}且{words[1]}{high}"
        zh.append(
            f"{'含' if low_in else '不含'}{low}、{'含' if high_in else '不含'}{high}的写 {written}"
        )
        en.append(
            f"{low} {'in' if low_in else 'out'}, {high} {'in' if high_in else 'out'}: {written}"
        )
    text = found[0].strip()
    return _unclear(
        found,
        line,
        text,
        (
            f"{low}和{high}本身算不算在这一档里，原文没有说全",
            f"whether {low} and {high} themselves are in this band, the text does not say",
        ),
        (
            f"把 “{text}” 写成比较词：" + "；".join(zh),
            f"write “{text}” with comparison words: " + "; ".join(en),
        ),
    )


#: Words that bound a tier with or without the number itself, whatever the header's 边界
#: says (bare 以上 / 以下 are left out: the header decides them): side → word → included.
_BOUND_BEFORE = {
    "ge": {
        "达到": True,
        "不低于": True,
        "不少于": True,
        "大于等于": True,
        "≥": True,
        "超过": False,
        "高于": False,
        "多于": False,
        "大于": False,
    },
    "le": {
        "不超过": True,
        "不高于": True,
        "不多于": True,
        "小于等于": True,
        "≤": True,
        "低于": False,
        "不足": False,
        "少于": False,
        "小于": False,
        "未达到": False,
    },
}
_BOUND_AFTER = {"ge": {"及以上": True}, "le": {"及以下": True}}


def _taken_beside(text: str, value: str, unit: str, side: str) -> bool | None:
    """Whether another tier in `text` takes `value` itself (True), leaves it (False), on
    the `side` past it ("ge": from the value up), or None when no tier says."""
    number = re.escape(value) + r"[ \t]*" + re.escape(unit)
    found: set[bool] = set()
    for word, included in sorted(_BOUND_BEFORE[side].items(), key=lambda w: -len(w[0])):
        pattern = rf"(?<![不未大小]){re.escape(word)}[ \t]*{number}(?![\d.])"
        if word.startswith(("大", "小")):
            pattern = rf"{re.escape(word)}[ \t]*{number}(?![\d.])"
        if re.search(pattern, text):
            found.add(included)
    for word, included in _BOUND_AFTER[side].items():
        if re.search(rf"(?<![\d.]){number}[ \t]*{re.escape(word)}", text):
            found.add(included)
    return found.pop() if len(found) == 1 else None


def _end_said(found: re.Match[str], end: str) -> bool | None:
    """Whether a range's end is said to be in it (`（含）`), out of it (`（不含）`), or unsaid."""
    if found.group(end) is None:
        return None
    return found.group(end + "neg") is None


#: `【例会次数】每季度不少于1次`: a requirement on every quarter (month, week), while the
#: fact is the year's count — four meetings in one quarter meet the year's count, not it.
_EACH_PERIOD = re.compile(
    r"(?P<ref>【[^【】]+】)[ \t]*(?:每|各)(?P<period>个?季度|季|个?月|半年|周|旬)[ \t]*(?:应|须|必须)?[ \t]*"
    r"(?:召开|开展|组织|举办|举行)?[ \t]*(?:不少于|不低于|不得少于|达到|至少)"
)


def _each_period(original_line: str, line: int) -> Diagnostic | None:
    """A requirement on every period, over a fact that counts the year: which periods fell
    short is not in the data; the writer counts them in a fact of their own."""
    found = _EACH_PERIOD.search(original_line)
    if found is None:
        return None
    period = found["period"].removeprefix("个")
    fact = f"【未达到要求的{period}数】"
    return _unclear(
        found,
        line,
        found[0].strip(),
        (
            f"这是对每个{period}的要求，{found['ref']}只有全年的数，读不出哪个{period}没有达到",
            f"a requirement on every {period}; {found['ref']} is one count for the year, "
            f"which cannot tell which {period} fell short",
        ),
        (
            f"数据中另记没有达到要求的{period}数，写 {fact}每个扣N分",
            f"count the periods that fell short in a fact of their own: {fact}每个扣N分",
        ),
    )


#: `每低于目标值1天扣0.2分`, `每超过控制指标1起`: a standard named, not numbered.
_NAMED_STANDARD = re.compile(
    r"每[ \t]*(?P<verb>低于|超过|高于|少于|多于|超出|差)[ \t]*"
    r"(?P<name>目标值|目标任务|目标|标准值|控制值|控制指标|指标值|考核指标|任务数)"
    r"(?P<value>[ \t]*\d+(?:\.\d+)?[ \t]*(?:%|％|[^\s\d,，;；。()（）【】扣得加减分]{1,6}?))?"
    r"(?=[ \t]*(?:\d|[一二两三四五六七八九十]))"
)


def _named_standard(original_line: str, line: int) -> Diagnostic | None:
    """A step from a standard the document names (目标值) without the language knowing its
    number: the writer declares it once as a parameter and names it in 【】."""
    found = _NAMED_STANDARD.search(original_line)
    if found is None:
        return None
    name, verb = found["name"], found["verb"]
    value = (found["value"] or "").strip() or "（原文的数值）"
    return _unclear(
        found,
        line,
        found[0].strip(),
        (
            f"“{name}” 是多少，条款里没有写成本语言能读的数",
            f"“{name}” is not a number the language can read",
        ),
        (
            f"在 参数： 中写 {name} = {value}，条款写 每{verb}【{name}】…",
            f"declare it under 参数: {name} = {value}, and write 每{verb}【{name}】…",
        ),
    )


#: `每起倒扣2分`: deducting on past zero (a 1-point item that loses 2), or only deducting?
_REVERSE = re.compile(r"倒[ \t]*扣[ \t]*(?P<n>\d+(?:\.\d+)?)[ \t]*分")
#: `每起扣2分，上不封顶`: no cap — on the clause (it has none unless written), or on the
#: item, which may then go below zero?
_NO_CAP = re.compile(r"[,，][ \t]*(?:扣分|减分)?[ \t]*(?:上不封顶|不封顶|不设上限|不设限|无上限)")


def _no_floor(original_line: str, line: int) -> Diagnostic | None:
    """`倒扣` and `扣分不封顶` in a clause: whether the item may end below zero is the item's
    to say (`扣分不设限` on its line); the clause deducts as any does."""
    found = _REVERSE.search(original_line) or _NO_CAP.search(original_line)
    if found is None or not re.search(r"扣|减", original_line[: found.end()]):
        return None  # `每项加1分，上不封顶`: a bonus, whose cap is another matter
    text = found[0].strip(" ,，")
    amount = found.groupdict().get("n")
    clause, clause_en = (
        (f"条款写 扣{amount}分", f"扣{amount}分 in the clause")
        if amount
        else (f"条款删去 “{text}”", f"drop “{text}” from the clause")
    )
    return _unclear(
        found,
        line,
        text,
        (
            "本项可不可以扣成负分，条款里说不清",
            "whether the item may end below zero is not the clause's to say",
        ),
        (
            f"本项可以扣成负分的，在评分项行写 扣分不设限，{clause}；扣到0分为止的，{clause}",
            f"below zero allowed: write 扣分不设限 on the item's line and {clause_en}; "
            f"down to 0 only: {clause_en}",
        ),
    )


def _clause_after(original_line: str, end: int) -> str:
    """The rest of the clause from `end` (up to ；or 。): what a hint writes after the
    part it rewrites."""
    return re.split(r"[；;。]", original_line[end:], maxsplit=1)[0].rstrip()


#: `【达标】不达标的扣2分`, `【整改到位】未到位的`, `【按时上报】没有按时上报的`: the words after
#: the fact negate what its name already says.
_NEGATED_NAME = re.compile(
    r"【(?P<name>[^【】]+)】[ \t]*(?P<neg>未能|未|没有|没能|没|不|非)"
    r"(?P<words>[\u4e00-\u9fff]{1,6}?)(?=[ \t]*(?:的|[,，]))"
)


def _negated_name(original_line: str, line: int) -> Diagnostic | None:
    """`【达标】不达标的扣2分`: 未 before the fact says it (`未【达标】的扣2分`).  Naming a fact
    after both (【达标达标】) would mean nothing.  A count per step on what was not done
    (`【达标天数】未达标的每天扣0.1分`) is another fact: the days not up to standard."""
    for found in _NEGATED_NAME.finditer(original_line):
        name, neg, words = found["name"], found["neg"], found["words"]
        if not kw.holds_name(name, words):
            continue
        rest = _clause_after(original_line, found.end())
        per_step = re.match(r"[ \t]*的?[^每扣得加,，]{0,6}[ \t]*[,，]?[ \t]*(?P<step>每.*)", rest)
        if per_step is not None:
            missed = f"{'未' if neg[0] == '没' else neg[0]}{name}"  # 不达标天数, 非优良天数
            written = f"【{missed}】{per_step['step']}"
            suggest = (
                f"写 {written}（数据： 中声明 {missed}，数没做到的）",
                f"write {written} (declare {missed} under 数据:, counting what was not done)",
            )
        else:
            written = f"未【{name}】{rest}"
            suggest = (
                f"【{name}】记是否的，写 {written}；记数或比例的，写明标准（如 【{name}】低于N…的）",
                f"when 【{name}】 is 是否: write {written}; when it is a count or a share, "
                f"write the standard (say 【{name}】低于N…的)",
            )
        return _unclear(
            found,
            line,
            found[0],
            (
                f"“{neg}{words}”说的就是【{name}】没有做到",
                f"“{neg}{words}” is 【{name}】 not done",
            ),
            suggest,
        )
    return None


#: `未建立【制度】的`, `【制度】未建立的`: a negated verb beside a 是否 fact's name.  What is
#: recorded is the fact; the verb may say something else of it (建立, 修订, 公开…).
_NEGATED_VERB = re.compile(
    r"(?P<before>(?:未|没有|没)(?P<verb>[\u4e00-\u9fff]{1,4}?)【(?P<name>[^【】]+)】(?=[ \t]*(?:的|[,，]|$)))"
    r"|(?P<after>【(?P<name2>[^【】]+)】(?:未|没有|没|不)(?P<verb2>[\u4e00-\u9fff]{1,3}?)(?=的|[,，]))"
)


def _negated_verb(original_line: str, line: int) -> Diagnostic | None:
    """A verb between a negation and a fact: the fact's name must say it (`未【建立制度】`),
    for the data to record what the sentence asks."""
    found = _NEGATED_VERB.search(original_line)
    if found is None:
        return None
    verb = found["verb"] or found["verb2"]
    name = found["name"] or found["name2"]
    if verb in ("发生", "出现", "按时", "按期"):
        return None  # `未发生【X】` is read; the time words are other refusals' business
    if verb.startswith("扣") or verb in ("得分", "加分", "计分"):
        return None  # `【X】不扣分`: an effect, never a thing about the fact
    written = f"未【{verb}{name}】"
    return _unclear(
        found,
        line,
        found[0],
        (
            f"“{verb}”说的是【{name}】的哪一件事，要写在数据项名里",
            f"“{verb}” says which thing about 【{name}】 is meant: it belongs in the fact's name",
        ),
        (
            f"写成 {written}（数据： 中声明 {verb}{name}：是否）",
            f"write {written} (declared under 数据: as {verb}{name}：是否)",
        ),
    )


#: `【未培训次数】全年组织不少于2次`, `全年召开【缺会次数】不少于4次`: a verb of doing beside
#: a fact that counts what was not done (equivalents `_period` keeps such a verb).
_DOING_MISSED = re.compile(
    rf"(?:【(?P<name>[^【】]+)】[ \t]*(?:(?:{kw.PERIOD_WORDS})[ \t]*)?(?:应当|必须|应|须)?[ \t]*"
    rf"(?P<verb>(?:{kw.DOING_WORDS})[\u4e00-\u9fff]{{0,6}}?)"
    rf"|(?:(?:{kw.PERIOD_WORDS})[ \t]*)?(?P<verb2>{kw.DOING_WORDS})[ \t]*【(?P<name2>[^【】]+)】)"
    rf"[ \t]*(?:应当|必须|应|须)?[ \t]*(?:(?P<cmp>{kw.REQUIRED_WORDS})|(?=[ \t]*[\d一二两三四五六七八九十]))"
    r"[ \t]*(?P<rest>[^；;。]*)"
)


def _doing_missed(original_line: str, line: int) -> Diagnostic | None:
    """`【未培训次数】全年组织不少于2次，每少1次扣1分`: the verb requires trainings held, the
    fact counts those missed — read without the verb it would deduct from the units that
    missed none.  The requirement is written on a fact of the trainings held; a limit on
    the missed ones without the verb."""
    found = _DOING_MISSED.search(original_line)
    if found is None:
        return None
    name, verb = found["name"] or found["name2"], found["verb"] or found["verb2"]
    if not kw.MISSED_NAME.search(name):
        return None
    # 【未培训次数】 → 【培训次数】, 【未完成率】 → 【完成率】; a count of people
    # (【未培训人数】) is not one of times
    share = name.endswith("率")
    what = "比例" if share else "次数"
    done = kw.done_name(name) if name.endswith("次数") or share else ""
    unit = (
        "次" if name.endswith("次数") else "人" if name.endswith("人数") else "%" if share else ""
    )
    held = f"【{done}】" if done else f"一项记做到的{what}的数据项（名称里不带 未、缺、漏）"
    # `应召开4次` is the requirement at least 4 (`应达到4次`)
    written = f"【{done}】{found['cmp'] or '不少于'}{found['rest']}" if done else ""
    return _unclear(
        found,
        line,
        found[0],
        (
            f"“{verb}”要求的是做到的{what}，【{name}】数的却是没做到的：照写会把这个要求当成没做到的{what}的标准，读反",
            f"“{verb}” requires what was done, while 【{name}】 counts what was not: "
            "as written the requirement would bound the misses",
        ),
        (
            f"要求做到的{what}的，用{held}（数据： 中声明）"
            + (f"，写 {written}" if written else "")
            + f"；限制没做到的{what}的，去掉 “{verb}”，写 【{name}】不超过N{unit}",
            f"a requirement on what was done: a fact of it{f' ({written})' if written else ''}; "
            f"a limit on the misses: drop “{verb}” and write 【{name}】不超过N{unit}",
        ),
    )


#: `【未完成率】完成90%以上的得6分`: a share done said of a fact of the share not done
#: (equivalents `_on_done_fact` reads 完成 only on a fact of what was done).
_DONE_MISSED = re.compile(
    r"【(?P<name>[^【】]+)】[ \t]*(?P<said>(?:未|没有|没)?完成[ \t]*(?:不到|未达到|达不到|不足)?"
    r"[ \t]*\d+(?:\.\d+)?[ \t]*%)(?P<rest>[^；;。]*)"
)


def _done_missed(original_line: str, line: int) -> Diagnostic | None:
    """`【未完成率】完成90%以上的得6分`: read without 完成 it would give 6 to the units that
    left 90% undone.  Written on a fact of the share done (【完成率】) it says what it means."""
    found = _DONE_MISSED.search(original_line)
    if found is None or not kw.MISSED_NAME.search(found["name"]):
        return None
    name = found["name"]
    done = kw.done_name(name)
    written = f"【{done}】{found['said']}{found['rest']}".rstrip() if done else ""
    held = (
        f"写 {written}（数据： 中声明 {done}：百分比）"
        if done
        else "改用完成的比例（数据： 中声明）"
    )
    return _unclear(
        found,
        line,
        found[0].rstrip(),
        (
            f"“{found['said']}”说的是完成的比例，【{name}】却是没完成的比例：照写读反",
            f"“{found['said']}” is the share done, while 【{name}】 is the share not done",
        ),
        (
            f"{held}；限制没完成的比例的，去掉 “完成”，写 【{name}】不超过N%",
            f"{written or 'a fact of the share done'}; a limit on the share not done: "
            f"drop “完成” and write 【{name}】不超过N%",
        ),
    )


#: `按时完成【工作】的`, `【工作】完成得好的`, `被【督查】通报批评的`: words beside a fact that
#: say which thing about it counts — they belong in its name.
_WORDS_BESIDE = re.compile(
    r"(?:^[ \t]*-?[ \t]*|(?<=[；;，,]))[ \t]*(?P<pre>[\u4e00-\u9fff]{0,6}?)【(?P<name>[^【】]+)】"
    r"(?P<post>[\u4e00-\u9fff]{0,8}?)(?=[ \t]*(?:的|[,，]|(?P<effect>得|扣|加)[ \t]*\d))"
)
#: Words the language reads beside a fact, and words that compare or rank (other errors').
_READ_BESIDE = {
    *("", "发生", "出现", "存在", "有", "未", "无", "没有", "缺", "缺少", "按"),
    *("未发生", "未出现", "没有发生", "没有出现", "不存在"),
}
_COMPARING = re.compile(
    r"以上|以下|达到|低于|高于|超过|不足|少于|多于|平均|最|名|排|均|都|每|次|起|件|逾期|超期|延期|迟|晚|早"
)


#: A count in the words beside a fact (`发现一个问题`): a step, never part of a name.
_COUNTED_IN = re.compile(r"[\d一二两三四五六七八九十]")


def _words_beside(original_line: str, line: int) -> Diagnostic | None:
    """Words beside a fact that the grammar stopped at: the fact's name must hold them."""
    for found in _WORDS_BESIDE.finditer(original_line):
        pre, post = found["pre"], found["post"]
        if pre in _READ_BESIDE and post == "" or _COMPARING.search(post):
            continue
        if found["effect"] and (not post or post[0] in "不未没无非" or _COUNTED_IN.search(post)):
            continue  # `【资料】齐全得2分` names a state; `【X】不得2分`, `发现一个问题扣…` name none
        name, start = f"{pre}{found['name']}{post}", found.start("pre")
        turned = _turned_round(found, original_line, line, start) or _said_twice(
            found, original_line, line
        )
        if turned is not None:
            return turned
        if not pre and found["name"] in post:  # `【投诉】群众投诉经核实的`: the words name it whole
            name = post
        return _unclear(
            found,
            line,
            original_line[start : found.end()],
            (
                f"“{pre}{post}”说的是【{found['name']}】的哪一件事，要写在数据项名里",
                f"“{pre}{post}” says which thing about 【{found['name']}】 counts: "
                "it belongs in the fact's name",
            ),
            (
                f"写成 【{name}】（数据： 中用这个名称声明）",
                f"write 【{name}】 (declared under 数据: by that name)",
            ),
            start,
        )
    return None


#: Words before what was done that add nothing to it (`已整改`, `全部办结`, `按期完成`).
_DONE_BEFORE = re.compile(r"^(?:已经|已|均已|均|全部|都|按期|按时|及时)")


#: `的不扣分，否则扣2分` after what was done: the deduction is for what was not.
_SPARED_ELSE = re.compile(
    r"^[ \t]*的?[ \t]*不扣分[ \t]*[，,][ \t]*否则[ \t]*(?P<effect>扣[ \t]*\d+(?:\.\d+)?[ \t]*分)[ \t]*$"
)


def _said_twice(found: re.Match[str], original_line: str, line: int) -> Diagnostic | None:
    """`【制度健全】健全的得1分`: the words say again what the name says."""
    fact, post = found["name"], found["post"]
    if found["pre"] or not post or not kw.holds_name(fact, post):
        return None
    rest = _clause_after(original_line, found.end())
    written = f"【{fact}】{rest}"
    return _unclear(
        found,
        line,
        original_line[found.start("pre") : found.end()],
        (f"“{post}”已经在【{fact}】的名称里", f"“{post}” is in the name 【{fact}】 already"),
        (f"写 {written}", f"write {written}"),
    )


def _turned_round(
    found: re.Match[str], original_line: str, line: int, start: int
) -> Diagnostic | None:
    """`【未达标】达标的加1分`, `【未整改】已整改的`: the words say what was done, the name
    (its 未 right before the same action) what was not.  Naming the fact after both
    (【未达标达标】) would mean nothing; the sentence belongs on a fact of what was done."""
    fact, post = found["name"], found["post"]
    core = _DONE_BEFORE.sub("", post)
    if found["pre"] or not core or kw.negation_before(fact, core, whole=True) is None:
        return None
    done = kw.done_name(fact)
    rest = _clause_after(original_line, found.end())
    otherwise = _SPARED_ELSE.match(rest)
    if otherwise is not None:  # `已整改的不扣分，否则扣2分`: the deduction is for the misses
        written = f"【{fact}】的{otherwise['effect']}"
        suggest = (f"写 {written}", f"write {written}")
    else:
        if done == core and "不扣分" not in rest:
            written = f"【{done}】{rest}"
            done_zh = f"写 {written}（数据： 中声明 {done}，类型与 {fact} 相同）"
            done_en = f"write {written} (declare {done} under 数据:, of the type of {fact})"
        else:
            done_zh = f"按做到的写：另声明一项（如 {done or core}）写在它上面"
            done_en = f"on what was done: declare a fact of it (say {done or core})"
        suggest = (
            f"{done_zh}；按没做到的写：直接写 【{fact}】 的条款，不写 “{post}”",
            f"{done_en}; on what was not: write the clause on 【{fact}】 without “{post}”",
        )
    return _unclear(
        found,
        line,
        original_line[start : found.end()],
        (
            f"“{post}”说的是做到了的，【{fact}】记的却是没有做到的：照写读反",
            f"“{post}” is what was done, while 【{fact}】 records what was not: "
            "as written it reads the other way round",
        ),
        suggest,
        start,
    )


#: `【信息】每被省级采用1条加0.5分`: words between 每 and what it counts (a level, a
#: place) say which of the fact's things are counted — they belong in its name.
_EACH_WITH_WORDS = re.compile(
    r"【(?P<name>[^【】]+)】[ \t]*每[ \t]*(?P<by>被)?(?P<words>[\u4e00-\u9fff]{1,6}?)(?P<verb>"
    + "|".join(
        sorted((v.removeprefix("被") for v in kw.COUNT_VERBS if len(v) > 1), key=len, reverse=True)
    )
    + r")[ \t]*(?:\d+|[一两二三四五六七八九十]+)[ \t]*(?P<unit>"
    + "|".join(sorted(map(re.escape, kw.UNITS), key=len, reverse=True))
    + r")[ \t]*(?P<rest>[扣得加减][^，,；;。]*)"
)
#: `【事故】发生1起扣2分，2起扣5分，3起及以上不得分`: a table by exact count (1, 2, … then
#: the last count and more).  Read per occurrence (`1起扣2分` alone is 2 for each) the
#: second tier would add to the first — E116 with the tiers written out, by ；.
_COUNT_TABLE = re.compile(
    r"(?P<ref>【[^【】]+】)[ \t]*(?:发生|出现)?[ \t]*"
    r"(?P<tiers>(?:\d+[ \t]*(?P<unit>"
    + "|".join(sorted(map(re.escape, kw.UNITS), key=len, reverse=True))
    + r")[ \t]*的?[ \t]*扣[ \t]*\d+(?:\.\d+)?[ \t]*分[ \t]*[，,][ \t]*)+)"
    r"(?P<last>\d+)[ \t]*(?P=unit)[ \t]*(?P<above>及?以上)[ \t]*的?[ \t]*[，,]?[ \t]*"
    r"(?P<effect>不得分|扣[ \t]*\d+(?:\.\d+)?[ \t]*分|取消考评资格|实行一票否决|一票否决)"
)
_COUNT_TIER = re.compile(r"(?P<n>\d+)[ \t]*[^\d扣]*?扣[ \t]*(?P<a>\d+(?:\.\d+)?)[ \t]*分")


def _count_table(original_line: str, line: int) -> Diagnostic | None:
    found = _COUNT_TABLE.search(original_line)
    if found is None:
        return None
    tiers = [(int(m["n"]), m["a"]) for m in _COUNT_TIER.finditer(found["tiers"])]
    last, unit = int(found["last"]), found["unit"]
    if len(tiers) < 2 or [n for n, _ in tiers] != list(range(1, last)):
        # not 1, 2, … up to the last: read (or refused) as written; one tier and the
        # rest (`1起扣2分，2起及以上不得分`) reads the same both ways
        return None
    effect = re.sub(r"[ \t]", "", found["effect"])
    written = "；".join(
        [f"{found['ref'] if n == 1 else ''}等于{n}{unit}的扣{a}分" for n, a in tiers]
        + [f"{last}{unit}{found['above']}的{effect}"]  # 以上 as the header's 边界 reads it
    )
    return _unclear(
        found,
        line,
        found[0],
        (
            f"按{unit}数分档（正好1{unit}、2{unit}……{last}{unit}及以上）还是每{unit}都扣，原文的写法两样都能读",
            f"tiers by the exact count, or a deduction for each {unit}? The wording reads both ways",
        ),
        (
            f"按{unit}数分档的写 {written}（没有发生的不扣分）",
            f"tiers by the count: {written} (none: nothing deducted)",
        ),
    )


#: `【率】低于90%（含）的`: a comparison word, its number, then a remark on the number itself.
_WORD_REMARK = re.compile(
    r"(?P<word>"
    + kw.alternation(
        w for w, c in kw.COMPARE_BEFORE.items() if c.direction in ("ge", "le") and not c.date
    )
    + r")[ \t]*(?P<n>\d+(?:\.\d+)?[ \t]*(?:%|个百分点|[^\s\d(（的]{0,3}?))[ \t]*"
    r"[(（][ \t]*(?P<neg>不)?(?:含|包含|包括)[ \t]*(?:本数|\d+(?:\.\d+)?[ \t]*\S{0,3}?)?[ \t]*[)）]"
)
#: The plain word for each side of a bound, with the number in it or not.
_SIDE_WORD = {
    ("ge", True): "达到",
    ("ge", False): "超过",
    ("le", True): "不超过",
    ("le", False): "低于",
}


def _word_remark(original_line: str, line: int) -> Diagnostic | None:
    """`低于90%（含）`: the word already says whether 90% is in; a remark that agrees is
    dropped, one that contradicts it leaves the writer to choose (both written)."""
    found = _WORD_REMARK.search(original_line)
    if found is None:
        return None
    word, number = found["word"], re.sub(r"[ \t]", "", found["n"])
    said = kw.COMPARE_BEFORE[word]
    remark_in = found["neg"] is None
    plain = f"{word}{number}"
    if said.inclusive == remark_in:
        why = (f"“{word}” 本来就{'含' if remark_in else '不含'}{number}，括号重复了它", "")
        suggest = f"去掉括号，写 {plain}"
    else:
        meant = f"{_SIDE_WORD[said.direction, remark_in]}{number}"
        why = (
            f"“{word}” {'不含' if remark_in else '含'}{number}，括号里却说{'含' if remark_in else '不含'}",
            "",
        )
        suggest = f"{'含' if remark_in else '不含'}{number}的写 {meant}；照 “{word}” 的写 {plain}"
    return _unclear(
        found,
        line,
        found[0],
        (why[0], f"the remark on {number} after “{word}” repeats or contradicts the word"),
        (suggest, suggest),
    )


#: The counting units (`起`, `人次`…), longest first, as a regex alternation.
_COUNTING = kw.alternation(kw.COUNT_UNITS)
#: `【事故】每起扣2分，3起及以上的扣10分`: after a rate, a count with an amount of its own.
_RATE_THEN_AMOUNT = re.compile(
    r"(?P<ref>【[^【】]+】)[ \t]*每[ \t]*(?:发生|出现)?[ \t]*(?:\d+[ \t]*)?(?P<unit>"
    + _COUNTING
    + r")[ \t]*扣[ \t]*(?P<a>\d+(?:\.\d+)?)[ \t]*分[ \t]*[，,][ \t]*(?:发生|出现)?[ \t]*"
    r"(?P<cond>(?P<pre>达到|超过|不少于)?[ \t]*(?P<n>\d+)[ \t]*(?P=unit)[ \t]*(?P<post>及以上|以上)?)"
    r"[ \t]*的?[ \t]*[，,]?[ \t]*扣[ \t]*(?P<b>\d+(?:\.\d+)?)[ \t]*分"
)


def rate_then_amount(ref: str, unit: str, a: str, b: str, cond: str, sides) -> dict[str, str]:
    """E116's reason and the two readings of `{ref}每{unit}扣{a}分，{cond}的扣{b}分` (or
    with `；`): `b` instead of `a` each once `cond` holds, or `b` on top.  `sides` are the
    (below, reached) conditions of the instead reading, one pair for each side of a
    bound the header decides; each written in the language (tests score both)."""
    on_top = f"{ref}每{unit}扣{a}分；{cond}的另扣{b}分"
    instead = "，或 ".join(f"{ref}{lo}的，每{unit}扣{a}分；{hi}的扣{b}分" for lo, hi in sides)
    return {
        "why": f"“{cond}的扣{b}分” 是代替每{unit}{a}分，还是在每{unit}{a}分之外另扣，原文没有说",
        "why_en": f"“{cond}的扣{b}分”: instead of {a} for each, or on top of it? The text does not say",
        "suggest": f"另扣的写 {on_top}；代替的写 {instead}",
        "suggest_en": f"on top: {on_top}; instead: {instead}",
    }


def _rate_then_amount(original_line: str, line: int) -> Diagnostic | None:
    """`每起扣2分，3起及以上的扣10分`: from the third on, 10 instead of 2 each, or 10 on top?
    Both written out; after a bare `3起以上` (the header's 边界 decides whether 3 is in) the
    instead reading is written for each side of 3."""
    found = _RATE_THEN_AMOUNT.search(original_line)
    if found is None or (found["pre"] is None) == (found["post"] is None):
        return None
    ref, unit, a, b, n = found["ref"], found["unit"], found["a"], found["b"], found["n"]
    cond = re.sub(r"[ \t]", "", found["cond"])
    if found["post"] == "以上":
        sides = ((f"低于{n}{unit}", f"达到{n}{unit}"), (f"不超过{n}{unit}", f"超过{n}{unit}"))
    else:
        below = f"不超过{n}{unit}" if found["pre"] == "超过" else f"低于{n}{unit}"
        sides = ((below, cond),)
    said = rate_then_amount(ref, unit, a, b, cond, sides)
    return _unclear(
        found,
        line,
        found[0],
        (said["why"], said["why_en"]),
        (said["suggest"], said["suggest_en"]),
    )


#: `【事故】1起的扣2分`: a count with no word saying exactly, at least or each.
_BARE_COUNT = re.compile(
    r"(?P<ref>【[^【】]+】)[ \t]*(?:发生|出现)?[ \t]*(?P<n>\d+)[ \t]*(?P<unit>"
    + _COUNTING
    + r")[ \t]*的[ \t]*[，,]?[ \t]*(?P<effect>(?P<verb>[扣得加])[ \t]*(?P<a>\d+(?:\.\d+)?)[ \t]*分)"
)


#: `【整改完成率】100%的得满分`: a share with no comparison word (the effect, and any step after it).
_BARE_PERCENT = re.compile(
    r"(?P<ref>【[^【】]+】)[ \t]*(?P<n>\d+(?:\.\d+)?)[ \t]*%[ \t]*的?[ \t]*[，,]?[ \t]*"
    r"(?P<effect>(?:扣|得|加)[ \t]*(?:\d+(?:\.\d+)?[ \t]*分|满分)|(?:本项)?不得分)"
    r"(?P<rest>[ \t]*[，,][^；;。]*)?"
)


def _bare_percent(original_line: str, line: int) -> Diagnostic | None:
    """`【整改完成率】100%的得满分`: exactly 100%, or 100% and above?  Both written out; with
    a step after it (`，每降低1个百分点扣0.1分`) only the bound the step counts from."""
    found = _BARE_PERCENT.search(original_line)
    if found is None:
        return None
    ref, n = found["ref"], found["n"] + "%"
    effect = re.sub(r"[ \t]", "", found["effect"])
    rest = re.sub(r"[ \t]", "", found["rest"] or "").replace(",", "，")
    reached = f"{ref}达到{n}的{effect}{rest}"
    if rest:
        readings = (f"写 {reached}", f"write {reached}")
    else:
        exact = f"{ref}等于{n}的{effect}"
        readings = (
            f"{n}及以上的写 {reached}；恰好{n}的写 {exact}",
            f"{n} or more: {reached}; exactly {n}: {exact}",
        )
    return _unclear(
        found,
        line,
        found[0],
        (
            f"“{n}的” 是恰好{n}，还是{n}及以上，原文没有说",
            f"“{n}的”: exactly {n}, or {n} or more? The wording does not say",
        ),
        readings,
    )


def _bare_count(original_line: str, line: int) -> Diagnostic | None:
    """`【事故】1起的扣2分`: exactly one, one or more, or each one?  The readings written out
    (a table that starts at `0起的` reads as exact counts: equivalents `_exact_counts`)."""
    found = _BARE_COUNT.search(original_line)
    if found is None or int(found["n"]) == 0:
        return None
    ref, n, unit = found["ref"], found["n"], found["unit"]
    effect = re.sub(r"[ \t]", "", found["effect"])
    readings = [
        f"恰好{n}{unit}的写 {ref}等于{n}{unit}的{effect}",
        f"{n}{unit}及以上的写 {ref}达到{n}{unit}的{effect}",
    ]
    readings_en = [
        f"exactly {n}: {ref}等于{n}{unit}的{effect}",
        f"{n} or more: {ref}达到{n}{unit}的{effect}",
    ]
    if n == "1" and found["verb"] in "扣加":
        readings.append(f"每{unit}都{found['verb']}的写 {ref}每{unit}{effect}")
        readings_en.append(f"for each one: {ref}每{unit}{effect}")
    return _unclear(
        found,
        line,
        found[0],
        (
            f"“{n}{unit}的” 是恰好{n}{unit}、{n}{unit}及以上，还是每{unit}，原文没有说",
            f"“{n}{unit}的”: exactly {n}, {n} or more, or each one? The wording does not say",
        ),
        ("；".join(readings), "; ".join(readings_en)),
    )


#: `【率】低于60%的扣4分，低于80%且达到60%的扣2分，其余不扣分`: tiers that only deduct,
#: then the rest losing nothing — which the language never writes (a unit no clause
#: takes loses nothing); joined by commas the tiers would have to say every case, so
#: the hint writes them by ；.  (Places: the batch wordings' `rest_nothing`.)
_REST_NONE = re.compile(
    r"[，,][ \t]*(?:其余|其他)(?:的|单位)?[ \t]*均?[ \t]*(?:不扣分|不予扣分|不扣)[ \t]*。?[ \t]*$"
)
_PLACE_WORDS = re.compile(r"名|位|排|末|倒数")


def _rest_of_tiers(original_line: str, line: int) -> Diagnostic | None:
    found = _REST_NONE.search(original_line)
    if found is None:
        return None
    body = original_line[: found.start()].strip().lstrip("-").strip()
    if _PLACE_WORDS.search(body) or "扣" not in body or re.search(r"得|加|不得分", body):
        return None
    written = _TIER_COMMA.sub("；", body)
    return _unclear(
        found,
        line,
        found[0].strip("，, \t"),
        (
            "不在各档的单位本来就不扣分，不用写；用逗号连成一句的各档则须把所有情况说全",
            "a unit in no tier loses nothing anyway; tiers joined by commas must say every case",
        ),
        (
            f"写成 {written}（各档用 “；” 分开，其余单位不扣分）",
            f"write {written} (the tiers separated by ；: the rest lose nothing)",
        ),
    )


#: Words that negate or compare: never moved into a name (their sentence is another's).
_NOT_A_NAME = re.compile(r"[未不没无非否]|以上|以下|超|低|高|多|少|每")


def _each_with_words(original_line: str, line: int) -> Diagnostic | None:
    found = _EACH_WITH_WORDS.search(original_line)
    if found is None or _NOT_A_NAME.search(re.sub(r"级及?以上", "级", found["words"])):
        return None  # (`市级以上` is a level, not a comparison)
    by = found["by"] or ""
    name = f"{found['name']}{by}{found['words']}{found['verb']}"
    written = f"【{name}】每{found['unit']}{found['rest'].strip()}"
    return _unclear(
        found,
        line,
        found[0],
        (
            f"“{by}{found['words']}{found['verb']}”说的是【{found['name']}】中数哪一些，要写在数据项名里",
            f"“{by}{found['words']}{found['verb']}” says which of 【{found['name']}】 are counted: "
            "it belongs in the fact's name",
        ),
        (
            f"写成 {written}（数据： 中声明 {name}：{found['unit']}）",
            f"write {written} (declared under 数据: as {name}：{found['unit']})",
        ),
    )


#: `80%≤率<90%`: a value between two bounds written as a table's cell (the form the
#: language reads, equivalents `_BETWEEN_SYMBOLS`, needs the fact's name of 3 characters
#: or more and a lower bound that includes its number).
_BETWEEN = re.compile(
    r"(?P<lo>\d+(?:\.\d+)?[ \t]*%?)[ \t]*(?P<op1><=|≤|<)[ \t]*(?P<x>【[^【】]+】|[\u4e00-\u9fff]{1,12}?)"
    r"[ \t]*(?P<op2><=|≤|<)[ \t]*(?P<hi>\d+(?:\.\d+)?[ \t]*%?)"
)


def _between(original_line: str, line: int) -> Diagnostic | None:
    found = _BETWEEN.search(original_line)
    if found is None:
        return None
    facts = set(re.findall(r"【([^【】]+)】", original_line[: found.start()]))
    if len(facts) != 1 or not kw.ends_name(facts.pop(), found["x"].strip("【】")):
        # `80%≤合格率<90%` on a line of 【完成率】, `完成率` on 【未完成率】: another value
        return None
    lo, hi = (re.sub(r"[ \t]", "", found[g]) for g in ("lo", "hi"))
    low, high = (_SIDE_WORD[side, found[op] != "<"] for side, op in (("ge", "op1"), ("le", "op2")))
    words = f"{low}{lo}且{high}{hi}"
    clause = original_line.strip().lstrip("-").strip()
    written = clause.replace(found[0], words, 1)
    return _unclear(
        found,
        line,
        found[0],
        (
            f"“{found[0]}” 把【数据项】写在两个界之间，要用比较词写",
            f"“{found[0]}” puts the fact between two bounds: write it with comparison words",
        ),
        (f"写成 {written}", f"write {written}"),
    )


#: `【投诉次数】0次得6分，1次得4分，2次及以上不得分`: a table by count that starts at none,
#: written without 的 (the language reads it with: equivalents `_exact_counts`).
_TABLE_NO_DE = re.compile(
    rf"(?P<ref>【[^【】]+】)[ \t]*0[ \t]*(?P<unit>{_COUNTING})[ \t]*的?[ \t]*(?=得|扣|加|不得分)"
)
_TIER_NO_DE = re.compile(
    rf"(?<![\d.])(?P<count>\d+[ \t]*(?:{_COUNTING})[ \t]*(?:及以上|以上|及以下|以下)?)[ \t]*(?=得|扣|加|不得分)"
)


def _table_no_de(original_line: str, line: int) -> Diagnostic | None:
    found = _TABLE_NO_DE.search(original_line)
    if found is None:
        return None
    clause = original_line[found.start() :].strip()
    written = _TIER_NO_DE.sub(lambda m: m["count"].replace(" ", "") + "的", clause)
    if written == clause:
        return None  # every tier has its 的: another error's
    return _unclear(
        found,
        line,
        found[0].strip(),
        (
            "按次数分档的表，每一档的次数后面要写 “的”",
            "a table by count: write 的 after each tier's count",
        ),
        (f"写成 {written}", f"write {written}"),
    )


#: `【投诉】每件有效投诉扣1分`: a noun after the unit that the fact's name does not hold
#: whole (equivalents `_COUNTED_NOUN` drops one it does) — which of them are counted.
_EACH_NOUN = re.compile(
    r"【(?P<name>[^【】]+)】[ \t]*每[ \t]*(?:\d+|[一两二三四五六七八九十]+)?[ \t]*"
    r"(?P<unit>个|件|起|次|项|处|条|篇|人|户|家)(?P<noun>[\u4e00-\u9fff]{2,8}?)[ \t]*"
    r"(?P<rest>[扣得加减][ \t]*\d[^，,；;。]*)"
)


#: Words between a step and its amount that speak of the amount, not of what is counted:
#: a multiplier (`每件加倍扣0.5分`) or an amount on top of the others (`每件追加扣0.5分`).
_TIMES_WORDS = {"加倍": 2, "双倍": 2, "翻倍": 2}
_ON_TOP_WORDS = ("追加", "额外", "另外")
_EFFECT_AMOUNT = re.compile(r"(?P<verb>[扣得加减])[ \t]*(?P<a>\d+(?:\.\d+)?)[ \t]*分(?P<tail>.*)")


def _each_noun(original_line: str, line: int) -> Diagnostic | None:
    found = _EACH_NOUN.search(original_line)
    if found is None or found["noun"] in found["name"] or _NOT_A_NAME.search(found["noun"]):
        return None
    noun, unit = found["noun"], found["unit"]
    amount = _EFFECT_AMOUNT.match(found["rest"].strip())
    if amount is not None and (noun in _TIMES_WORDS or noun in _ON_TOP_WORDS):
        return _amount_word(found, amount, _clause_after(original_line, found.end()), line)
    written = f"【{noun}】每{unit}{found['rest'].strip()}"
    return _unclear(
        found,
        line,
        found[0],
        (
            f"“{noun}”说的是【{found['name']}】中数哪一些，要写在数据项名里",
            f"“{noun}” says which of 【{found['name']}】 are counted: it belongs in the fact's name",
        ),
        (
            f"写成 {written}（数据： 中声明 {noun}：{unit}）",
            f"write {written} (declared under 数据: as {noun}：{unit})",
        ),
    )


def _amount_word(found: re.Match[str], amount: re.Match[str], after: str, line: int) -> Diagnostic:
    """`【A】每件加倍扣0.5分`: the word is of the amount — never a fact's name.  A multiplier
    is written out (扣1分); an amount on top of the others is `另扣`."""
    noun, head = found["noun"], f"【{found['name']}】每{found['unit']}"
    verb, tail = amount["verb"], amount["tail"].strip() + after
    if noun in _TIMES_WORDS:
        times = Decimal(amount["a"]) * _TIMES_WORDS[noun]
        written = f"{head}{verb}{times.normalize():f}分{tail}"
        why = (
            f"“{noun}”说的是分数翻倍：每{found['unit']}{verb}几分要写出来",
            f"“{noun}” doubles the amount: write the amount for each {found['unit']}",
        )
        suggest = (
            f"翻倍后的写 {written}；不翻倍的去掉 “{noun}”",
            f"doubled: {written}; if not, drop “{noun}”",
        )
    else:
        written = f"{head}另{verb}{amount['a']}分{tail}"
        why = (
            f"“{noun}”说的是在别的扣分、加分之外另算",
            f"“{noun}” says the amount comes on top of the others",
        )
        suggest = (f"写 {written}", f"write {written}")
    return _unclear(found, line, found[0], why, suggest)


#: `【通报】每次扣1分，本项最多扣3分` in a clause: the cap of this clause, or of the whole item?
_ITEM_CAP = re.compile(
    r"[,，][ \t]*(?:本项|该项|此项)[ \t]*(?:最多|最高|限)[ \t]*扣[ \t]*(?P<n>\d+(?:\.\d+)?)[ \t]*分"
)


def _item_cap(original_line: str, line: int) -> Diagnostic | None:
    """A cap said of the item after one of its clauses: both places to write it."""
    found = _ITEM_CAP.search(original_line)
    if found is None:
        return None
    n = found["n"]
    return _unclear(
        found,
        line,
        found[0].strip(" ,，"),
        (
            "上限是这一条条款的，还是整个评分项的，条款里说不清",
            "the cap of this clause, or of the whole item?",
        ),
        (
            f"整个评分项的：写在评分项行的分值后 “，最多扣{n}分”；只限这一条的：条款写 “，最多扣{n}分”",
            f"the whole item: “，最多扣{n}分” on the item's line; this clause only: “，最多扣{n}分” in it",
        ),
    )


#: `1月10日以后的`: the day itself may or may not be after it (以前 includes it, 之后 and 后
#: do not — 以后 is said both ways).
_DATE_ONWARD = re.compile(
    r"(?P<date>(?:\d{4}[ \t]*年[ \t]*)?\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*[日号])[ \t]*以后"
)


def _date_onward(original_line: str, line: int) -> Diagnostic | None:
    """A date with 以后: the day in or out, both written with comparison words."""
    found = _DATE_ONWARD.search(original_line)
    if found is None:
        return None
    date = re.sub(r"[ \t]", "", found["date"])
    return _unclear(
        found,
        line,
        found[0],
        (
            f"{date}当天算不算“以后”，原文没有说",
            f"whether {date} itself is “以后”, the text does not say",
        ),
        (
            f"不含当天的写 晚于{date}；含当天的写 不早于{date}",
            f"the day out: 晚于{date}; the day in: 不早于{date}",
        ),
    )


def _any_one(original_line: str, line: int) -> Diagnostic | None:
    found = _ANY_ONE.search(original_line)
    if found is None:
        return None
    refs = re.findall(r"【[^【】]+】", found["refs"])
    cmp, effect = found["cmp"].strip(), found["effect"].strip() or "扣1分"
    args = {
        "text": found[0].strip(),
        "once": "或".join(f"{r}{cmp}" for r in refs) + f"的{effect}",
        "each": "、".join(f"{r}{cmp}" for r in refs) + f"的，每项{effect}",
    }
    return _at("E120", found, line, args)


#: `【迟报次数】迟报一次不扣分，两次以上每次扣1分`: the first free — then from the second
#: on, does each occurrence count (2 → 2分) or only those past the first (2 → 1分)?  E121
#: with both; without the tail (`迟报一次不扣1分`) it says what the deductions are not.
_FIRST_FREE = re.compile(
    r"(?P<ref>【[^【】]+】)[^，,；;【】]{0,10}?(?:一|1)[ \t]*(?P<unit>次|起|件|人次|项|处|个)"
    r"[^，,；;【】\d]{0,4}?(?:不|未|免于?|暂不)[ \t]*(?:扣|扣除|计扣)[ \t]*(?:\d+(?:\.\d+)?[ \t]*)?分?"
    r"(?:[ \t]*[，,][^，,；;]*?(?:每|各)[^，,；;]*?扣[ \t]*(?P<amount>\d+(?:\.\d+)?)[ \t]*分)?"
)


#: Words that bound a count (`不超过1次的`, `1次以内的`): a case, not an occurrence.
_BOUND_SAID = re.compile(r"不超过|超过|以内|以下|以上|低于|少于|不足|未达到|达到|不多于|至多|最多")


def _first_free(original_line: str, line: int) -> Diagnostic | None:
    found = _FIRST_FREE.search(original_line)
    if found is None:
        return None
    if found["amount"] is None and _BOUND_SAID.search(found[0]):
        # `【次数】不超过1次的不扣分，超过1次的扣2分`: a bound and a case that loses nothing,
        # no occurrence counted — E123's (the line that remains), not a first one free
        return None
    ref, unit, amount = found["ref"], found["unit"], found["amount"] or "1"
    args = {
        "text": found[0].strip(),
        "each": f"{ref}达到2{unit}的，每{unit}扣{amount}分",
        "beyond": f"{ref}超过1{unit}的，每超1{unit}扣{amount}分",
    }
    return _at("E121", found, line, args)


#: `【完成率】达到90%的不扣分，否则扣2分`, `【投诉】3次以内的不扣分，超过3次的，每多1次扣1分`:
#: a case that deducts nothing, which the language does not write (a unit no clause
#: speaks of loses nothing) — E123 with the line that remains.
_NO_DEDUCTION = re.compile(
    r"(?P<ref>【[^【】]+】)?[ \t]*(?P<cond>[^，,；;。【】]{0,24}?)[ \t]*的?[ \t]*[，,]?[ \t]*"
    r"(?:不扣分|不予扣分|不扣除|不扣|免于扣分|免扣分)(?=[ \t]*(?:[，,；;。]|$))"
    r"(?:[ \t]*[，,；;。][ \t]*(?P<rest>[^；;。]*))?"
)
#: A bound whose exact complement the language has (`kw.COMPLEMENTS`, or `N以内` → 超过N).
_BOUND_WORDS = re.compile(
    r"^(?:(?P<word>"
    + "|".join(sorted(kw.COMPLEMENTS, key=len, reverse=True))
    + r")[ \t]*(?P<n>\d+(?:\.\d+)?[ \t]*(?:%|个百分点|[^\s\d的]{0,3}?))"
    r"|(?P<n2>\d+(?:\.\d+)?[ \t]*(?:%|个百分点|[^\s\d的]{0,3}?))[ \t]*(?P<within>以内|及以下)"
    r"|(?P<n3>\d+(?:\.\d+)?[ \t]*(?:%|个百分点|[^\s\d的]{0,3}?))[ \t]*及以上)$"
)


def _opposite(bound: re.Match[str]) -> tuple[str, str]:
    """The comparison word and number of a bound's exact opposite (`3次以内` → 超过, 3次)."""
    if bound["word"]:
        word = kw.COMPLEMENTS[bound["word"]]
    else:
        word = "超过" if bound["n2"] else "低于"
    return word, re.sub(r"[ \t]", "", bound["n"] or bound["n2"] or bound["n3"])


_OTHERWISE = re.compile(
    r"^(?:否则|反之)[ \t]*[，,]?[ \t]*(?P<effect>扣[ \t]*\d+(?:\.\d+)?[ \t]*分|不得分)$"
)


def _no_deduction(original_line: str, line: int) -> Diagnostic | None:
    found = _NO_DEDUCTION.search(original_line)
    if found is None:
        return None
    ref, cond, rest = found["ref"] or "", found["cond"].strip(), (found["rest"] or "").strip()

    def refuse(zh: str, en: str) -> Diagnostic:
        return _at("E123", found, line, {"text": found[0].strip(), "rest": zh, "rest_en": en})

    otherwise = _OTHERWISE.match(rest)
    if ref and not cond and otherwise is not None:
        # `【按时上报】的不扣分，否则扣1分`: the deduction is for a 是否 fact not holding
        written = f"未{ref}的{otherwise['effect']}"
        return refuse(written, written)
    if not re.search(r"\d", cond):
        return None  # `情节轻微的不扣分`: an exemption, not a bound — deleting it would deduct

    bound = _BOUND_WORDS.match(cond)
    if otherwise is not None:
        effect = otherwise["effect"]
        if bound is None:
            # `90%以上的不扣分，否则扣2分`: which side holds 90% depends on the header's 边界
            return refuse(
                f"{ref}（“{cond}” 的反面，界上的值归哪一边写清）的{effect}",
                f"{ref}(the opposite of “{cond}”, saying which side holds the bound)的{effect}",
            )
        word, number = _opposite(bound)
        written = f"{ref}{word}{number}的{effect}"
        return refuse(written, written)
    if not rest:
        before = original_line[: found.start()].strip().lstrip("-").strip().rstrip("，, \t")
        if "扣" in before:
            # `超过3次的扣6分，超过1次且不超过3次的扣3分，不超过1次的不扣分`: the tiers that
            # deduct, each its own clause (by commas they would have to say every case)
            written = _TIER_COMMA.sub("；", before)
            return refuse(written, written)
        return refuse("（删去这一句）", "(delete it)")
    if not _OWN_CASE.match(rest):
        # `3次以内不扣分，每超1次扣1分`: the rest has no case of its own — the bound's
        # opposite is its case (without it, a step has no standard and 每次 counts all)
        zh, en = _past_the_bound(ref, cond, bound, rest)
        return refuse(zh, en)
    written = rest if rest.startswith("【") or not ref else f"{ref}{rest}"
    each = _EACH_TIME.match(written)
    if each is None:
        # `达到80%且低于90%的扣2分，低于80%的扣4分`: without the tier that deducted
        # nothing the rest no longer says every case — each its own clause, by ；
        written = _TIER_COMMA.sub("；", written)
        if _NONE_COUNTED.fullmatch(cond):
            # `0起的不扣分，1起的扣2分…`: the counts were exact beside 0起; alone they say so
            written = _BARE_TIER.sub(r"\g<lead>等于\g<count>", written)
        return refuse(written, written)
    # `3次以内不扣分，超过3次的每次扣1分`: the allowance says the first 3 are free — or,
    # past 3, does every occurrence cost?  Both, to choose from.
    head, unit, effect = each["head"].rstrip(" \t的") + "的", each["unit"], each["effect"]
    if bound is not None and "以上" in head:
        # `3次以内不扣分，4次以上每次扣1分`: past the allowance is past 3, not past 4
        word, number = _opposite(bound)
        base = f"{ref}{word}{number}的"
    else:
        base = head
    every, past = f"{head}，每{unit}{effect}", f"{base}，每多1{unit}{effect}"
    return refuse(*_every_or_past(every, past))


#: `0起`, `发生0起`: a tier of none, which makes the counts beside it exact.
_NONE_COUNTED = re.compile(rf"(?:发生|出现)?[ \t]*0+[ \t]*(?:{_COUNTING})")
#: A count said without a comparison as a tier starts (`1起的`, `；2起的`).
_BARE_TIER = re.compile(
    rf"(?P<lead>^|】|；)[ \t]*(?:发生|出现)?[ \t]*(?P<count>\d+[ \t]*(?:{_COUNTING})[ \t]*的)"
)
#: A comma between a tier's effect and the next tier's comparison.
_TIER_COMMA = re.compile(
    r"(?<=分)[ \t]*[，,][ \t]*(?=(?:"
    + "|".join(sorted(kw.COMPARE_BEFORE, key=len, reverse=True))
    + r"|\d))"
)
#: The units an occurrence is counted in after 每 in a rest (`每次`, `每起`, `每人次`).
_EACH_UNIT = r"(?P<unit>次|起|件|人次|项|处|个|例|户)"
#: A rest that deducts for each occurrence past a bound (`超过3次的每次扣1分`,
#: `4次以上每次扣1分`).
_EACH_TIME = re.compile(
    r"^(?P<head>(?:【[^【】]+】)?[ \t]*(?:(?:超过|多于|高于)[^，,；;]{1,12}?"
    rf"|\d+[ \t]*(?:{_COUNTING})[ \t]*(?:及)?以上)[ \t]*的?)[ \t]*[，,]?[ \t]*"
    rf"每[ \t]*{_EACH_UNIT}[ \t]*(?P<effect>扣[ \t]*\d+(?:\.\d+)?[ \t]*分)$"
)
#: A rest with a case of its own: a number before its first effect word that is not a
#: step's (`低于90%的扣2分`, `超过3次每次扣1分`; not `每超1次扣1分`, `每次扣1分`, `扣2分`).
_OWN_CASE = re.compile(r"^(?!每)[^扣得加减]*?\d")
#: A step from a standard the rest does not name (`每超1次`, `每低1个百分点`): up or down.
_STEP = re.compile(r"^每[ \t]*(?P<verb>" + kw.alternation(kw.STEP_VERBS) + ")")
_STEP_FACES = {"excess": "ge", "shortfall": "le"}
#: Each occurrence, with no case of its own (`每次扣1分`, `超过的每次扣1分`, `超过部分每次扣1分`).
_EACH_BARE = re.compile(
    r"^(?:(?:超过|超出|多于|高于)[ \t]*(?P<part>部分)?[ \t]*的?[ \t]*[，,]?[ \t]*)?"
    rf"每[ \t]*{_EACH_UNIT}[ \t]*(?P<effect>扣[ \t]*\d+(?:\.\d+)?[ \t]*分)$"
)
#: A plain effect (`扣2分`, `不得分`): the bound's opposite is all it needs.
_PLAIN_EFFECT = re.compile(r"^(?:扣[ \t]*\d+(?:\.\d+)?[ \t]*分|不得分)$")


def _past_the_bound(ref: str, cond: str, bound, rest: str) -> tuple[str, str]:
    """The hint for a rest with no case of its own after a bound that deducts nothing:
    the bound's opposite as its case (`超过3次的，每超1次扣1分`) where the language has it
    and it faces the step's way; otherwise the case left for the writer to say."""
    head, faces = None, None
    if bound is not None:
        word, number = _opposite(bound)
        head, faces = f"{ref}{word}{number}的", kw.COMPARE_BEFORE[word].direction
    unsaid = (
        f"{ref}（“{cond}” 的反面，界上的值归哪一边写清）的",
        f"{ref}(the opposite of “{cond}”, saying which side holds the bound)的",
    )
    verb = _STEP.match(rest)
    step = _STEP_FACES.get(kw.STEP_VERBS[verb["verb"]]) if verb is not None else None
    if step is not None:
        if head is None or faces != step:
            return f"{unsaid[0]}，{rest}", f"{unsaid[1]}，{rest}"
        return f"{head}，{rest}", f"{head}，{rest}"
    if _PLAIN_EFFECT.match(rest):
        if head is None:
            return f"{unsaid[0]}{rest}", f"{unsaid[1]}{rest}"
        return f"{head}{rest}", f"{head}{rest}"
    each = _EACH_BARE.match(rest)
    if each is not None and head is not None and faces == "ge" and "%" not in head:
        unit, effect = each["unit"], each["effect"]
        past = f"{head}，每多1{unit}{effect}"
        if each["part"]:  # `超过部分每次扣1分`: only those past the bound
            return past, past
        return _every_or_past(f"{head}，每{unit}{effect}", past)
    return f"{unsaid[0]}{rest}", f"{unsaid[1]}{rest}"


def _every_or_past(every: str, past: str) -> tuple[str, str]:
    """Both readings of a deduction for each occurrence after an allowance, to choose from."""
    return (
        f"每一次都扣的写 {every}；只扣超过部分的写 {past}",
        f"every occurrence: {every}; only those past the bound: {past}",
    )


#: `【完成率】达到100%的得4分，在4分基础上，超出部分每超1个百分点加0.5分，最高得6分`: base
#: points at a standard, more for each step past it, up to a total — E122 with the two
#: clauses that say it (the bonus capped at the total less the base).
_ABOVE_BASE = re.compile(
    r"(?P<ref>【[^【】]+】)[ \t]*(?P<cmp>达到|完成|超过)[ \t]*(?P<n>\d+(?:\.\d+)?[ \t]*%?)[ \t]*(?:及以上)?的?[ \t]*"
    r"得[ \t]*(?P<base>\d+(?:\.\d+)?)[ \t]*分[ \t]*[，,;；][ \t]*"
    r"(?:在[ \t]*(?:此|这|该|\d+(?:\.\d+)?[ \t]*分)[ \t]*(?:的)?基础上[ \t]*[，,]?[ \t]*)?"
    r"(?:(?:超出|超过)(?:的)?部分[ \t]*[，,]?[ \t]*)?"
    r"每(?:超|超过|超出|多|高|提高|增加)[ \t]*(?P<step>\d+(?:\.\d+)?[ \t]*(?:个百分点|百分点|%|[^\d，,；;。]{0,3}?))[ \t]*"
    r"(?:加|增加|得|计)[ \t]*(?P<amount>\d+(?:\.\d+)?)[ \t]*分[ \t]*[，,]?[ \t]*"
    r"(?:最高|最多|最高得|最多得|总分最高|满分|以)[ \t]*(?:得|为)?[ \t]*(?P<top>\d+(?:\.\d+)?)[ \t]*分(?:为限)?"
)


def _above_base(original_line: str, line: int) -> Diagnostic | None:
    found = _ABOVE_BASE.search(original_line)
    if found is None:
        return None
    base, top = Decimal(found["base"]), Decimal(found["top"])
    if top <= base:
        return None
    ref, number, step = found["ref"], found["n"].replace(" ", ""), found["step"].replace(" ", "")
    more = format((top - base).normalize(), "f")
    args = {
        "text": found[0].strip(),
        "rewrite": f"{ref}{'超过' if found['cmp'] == '超过' else '达到'}{number}的得{found['base']}分；"
        f"{ref}超过{number}的，每超{step}加{found['amount']}分，最多加{more}分",
        "more": more,
        "top": found["top"],
    }
    return _at("E122", found, line, args)


#: A rate per head of population written with its base alone (`1.5/10万`): the unit
#: names what is counted (`1.5人/10万人`), as the fact's declared unit does.
_BARE_RATE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*/\s*(?P<b>10万|十万|万|千|百)(?![人户])")
#: Bands of distance from the average that the grammar does not take as one clause
#: (`超过平均值5个点以内扣1分；5个点以外扣2分`): refused as E115 with the one clause
#: that says it (`…5个百分点以内扣1分，5个百分点以外扣2分`).
_NUM = r"(\d+(?:\.\d+)?)"
_DISTANCE = r"[ \t]*(?:个百分点|百分点|个点|%)?[ \t]*"
_AVERAGE_BANDS = re.compile(
    r"(【[^【】]+】)[ \t]*(超过|高于|低于)([^，,；;【】]{0,6}?平均(?:值|数|水平)?)[ \t]*"
    + _NUM
    + _DISTANCE
    + r"以内[ \t]*的?[，,]?[ \t]*扣[ \t]*"
    + _NUM
    + r"[ \t]*分[ \t]*[，,；;][ \t]*"
    + r"(?:\2?[^，,；;【】]{0,6}?平均(?:值|数|水平)?)?[ \t]*"
    + _NUM
    + _DISTANCE
    + r"以外[ \t]*的?[，,]?[ \t]*扣[ \t]*"
    + _NUM
    + r"[ \t]*分"
)


def _average_bands(original_line: str, line: int) -> Diagnostic | None:
    found = _AVERAGE_BANDS.search(original_line)
    if found is None:
        return None
    ref, word, average, distance, within, again, beyond = found.groups()
    if distance != again:
        return None
    args = {
        "text": found[0],
        "suggest": f"{ref}{word}{average}{distance}个百分点以内扣{within}分，"
        f"{distance}个百分点以外扣{beyond}分",
    }
    return _at("E115", found, line, args)


@dataclass(frozen=True)
class _BatchForm:
    """A sentence about the batch that the language does not take as written, refused as
    E116 with why and the sentences to write instead ({ref} is the line's first fact)."""

    pattern: re.Pattern
    why: str
    why_en: str
    suggest: str
    suggest_en: str


_AVG_WORDS = r"[^，,；;【】\s]{0,8}?平均[^，,；;【】\s]{0,8}?"
_BATCH_FORMS = (
    _BatchForm(
        re.compile(r"(?:降|降低|下降|下调)(?:一|1|两|二|2)?个?(?:等次|档次|等级|档|等(?![级次]))"),
        "评定等次后再降档，本语言不能表达",
        "lowering the grade after it is given cannot be written",
        "本语言只能限定等次（等次最高为良好、不得评为优秀）或定为最低一档（一票否决），"
        "都与降档不同；请在评定后另行调整，或向发文单位确认",
        "the language limits a grade (等次最高为良好, 不得评为优秀) or gives the lowest band "
        "(一票否决), neither of which lowers by one band; adjust after grading, or ask the issuer",
    ),
    _BatchForm(
        re.compile(r"与" + _AVG_WORDS + r"持平"),
        "“持平” 没有说明是完全相等，还是按公布的精度（如保留一位小数）相等",
        "“持平” does not say whether exactly equal, or equal at the published precision",
        "完全相等的写 {ref}高于平均值的得10分；等于平均值的得8分；低于平均值的得5分"
        "（各档用 “；” 分开）；按公布精度相等的，先把数据按那个精度填报",
        "for exact equality write {ref}高于平均值的得10分；等于平均值的得8分；低于平均值的得5分; "
        "for equality at the published precision, report the data at that precision",
    ),
    _BatchForm(
        re.compile(
            r"(?:以"
            + _AVG_WORDS
            + r"为基准|(?:等于|达到)"
            + _AVG_WORDS
            + r"的?[ \t]*得[ \t]*\d+(?:\.\d+)?[ \t]*分[ \t]*[，,][ \t]*每(?:高|超|多))"
        ),
        "以平均值为基准、另给基准分的写法要拆成两条",
        "a base score at the average is written as two clauses",
        "写成 {ref}达到平均值的得8分，每低1个百分点扣1分；高于平均值的，每高1个百分点得0.5分"
        "（基准分、每步的分照原文；最高分就是本项分值；按整步计，按实际比例计的各加 “，按比例”）",
        "write {ref}达到平均值的得8分，每低1个百分点扣1分；高于平均值的，每高1个百分点得0.5分 "
        "(the item's points are the maximum; add “，按比例” for partial steps)",
    ),
    _BatchForm(
        re.compile(r"比" + _AVG_WORDS + r"每(?:高出|高于|高|多|超过|超出|增加)"),
        "只写了比平均值每高多少加分，没有写明本项不加分时得几分",
        "only the bonus above the average is written, not what the item is worth without it",
        "加分写在加分项下：1、奖励分，加分项，最高加3分，其下写 {ref}高于平均值的，每高2个百分点加1分；"
        "本项的基础分另写一条",
        "put the bonus under a bonus item (1、奖励分，加分项，最高加3分) as "
        "{ref}高于平均值的，每高2个百分点加1分, and state the item's base separately",
    ),
    _BatchForm(
        re.compile(r"比" + _AVG_WORDS + r"每(?:低于|低|少|下降|减少)"),
        "与平均值相比每低多少扣分，要写明低于平均值这一条件",
        "a deduction per step below the average is written with its condition",
        "写成 {ref}低于平均值的，每低1个百分点扣1分",
        "write {ref}低于平均值的，每低1个百分点扣1分",
    ),
    _BatchForm(
        re.compile(r"平均[^，,；;【】]{0,8}?但(?:不足|未达到|未达|不到|未满|低于|高于|超过)"),
        "“…但…” 分档给分时，原文没有说明恰好在界上的单位（如恰好等于平均值）得几分",
        "the bands joined by 但 leave a unit exactly on a bound (e.g. at the average) unscored",
        "向发文单位确认后逐档写明，用 达到 / 超过、不低于 / 低于 写清界上的值归哪一档，各档用 “；” 分开",
        "ask the issuer, then write each band with 达到 / 超过 or 不低于 / 低于 so that the "
        "bound belongs to one band, separated by “；”",
    ),
    _BatchForm(
        # `高于全市平均水平不足1个百分点的得8分`: the same bands without 但
        re.compile(
            r"(?:高于|低于|超过|超出|高出)[^，,；;【】]{0,4}?"
            + _AVG_WORDS
            + r"[^，,；;【】]{0,2}?不足[ \t]*\d+(?:\.\d+)?[ \t]*(?:个百分点|%|个点)"
        ),
        "按与平均值相差多少分档给分时，原文没有说明恰好在界上的单位（如恰好等于平均值、恰好相差1个百分点）得几分",
        "the bands of distance from the average leave a unit exactly on a bound (at the "
        "average, or exactly 1 point from it) unscored",
        "向发文单位确认后逐档写明，用 以上（含本数）或不写（不含）说清界上的值归哪一档，从满分起每档一条扣分，"
        "如 {ref}低于平均值的扣5分；{ref}低于平均值1个百分点以上的扣3分（恰好低1个百分点的两条都扣）",
        "ask the issuer, then write one deducting clause per band from the full points, with "
        "达到 / 超过 or 不低于 / 低于 saying which band a bound belongs to",
    ),
    _BatchForm(
        # `按超出平均值的幅度扣分，每超出10%扣2分`: steps of the share of the average
        re.compile(
            r"按[ \t]*(?:超出|超过|高于|低于|高出|少于)?[^，,；;【】]{0,6}?幅度[ \t]*(?:扣分|计分|扣减|扣)"
            r"|每[ \t]*(?:低于|高于|超过|超出|少于|多于|低|高)"
            + _AVG_WORDS
            + r"[ \t]*\d+(?:\.\d+)?[ \t]*%"
        ),
        "按与平均值相差的幅度（平均值的百分之几）逐步或分档扣分，本语言不能直接写",
        "deducts by the distance from the average as a share of it, which the language cannot "
        "write directly",
        "金额、次数、数值型数据逐档写出，每档一条：{ref}超过平均值10%以上的扣2分；"
        "{ref}超过平均值20%以上的扣2分（平均值的百分之几，每越过一档多扣一次）；低于一侧写 低于平均值10%以上的",
        "for amounts, counts and numbers write one clause per band: {ref}超过平均值10%以上的扣2分；"
        "{ref}超过平均值20%以上的扣2分 (a share of the average; each band passed adds one deduction)",
    ),
    _BatchForm(
        re.compile(r"但(?:高于|低于|超过|不低于|不高于)" + _AVG_WORDS + r"的"),
        "“…但…” 分档给分时，原文没有说明恰好在界上的单位（如恰好等于平均值）得几分",
        "the bands joined by 但 leave a unit exactly on a bound (e.g. at the average) unscored",
        "向发文单位确认后逐档写明，用 达到 / 超过、不低于 / 低于 写清界上的值归哪一档，"
        "并写明低一档的扣分从哪一档的分数扣起，各档用 “；” 分开",
        "ask the issuer, then write each band so that the bound belongs to one band, and "
        "from which band's points a lower band deducts, separated by “；”",
    ),
    _BatchForm(
        re.compile(
            r"平均[^，,；;【】]{0,8}?(?:\d+(?:\.\d+)?)(?:个百分点|%|个点)[^，,；;【】]{0,4}?[（(]含[）)]"
        ),
        "与平均值相差分几档给分（含界上的值），要写成逐档累加的扣分",
        "bands of distance from the average are written as deductions that add up band by band",
        "从满分起每档一条，如 {ref}高于平均值的扣3分；{ref}高于平均值0.5个百分点的扣3分；"
        "{ref}高于平均值1个百分点的扣4分（高于 不含本数，所以恰好高0.5个百分点的只扣第一档）",
        "one clause per band from the full points, e.g. {ref}高于平均值的扣3分；"
        "{ref}高于平均值0.5个百分点的扣3分；{ref}高于平均值1个百分点的扣4分 (高于 excludes the bound)",
    ),
)
_FIRST_REF = re.compile(r"【[^【】]+】")


def _first_ref(original_line: str) -> str:
    """The line's first `【X】` (what a suggested sentence is about), or `【X】`."""
    found = _FIRST_REF.search(original_line)
    return found[0] if found else "【X】"


def batch_refusal(original_line: str, line: int) -> Diagnostic | None:
    """E115 / E116 / E253 for a batch wording the language cannot take, whatever part of the
    front end found the line wrong (the parser, or a phrase built in the wrong place)."""
    return (
        _average_bands(original_line, line)
        or _fixed_base(original_line, line)
        or _batch_form(original_line, line)
        or _batch_wording(original_line, line)
    )


#: `以12%为基准，每下降1个百分点加1分，每上升1个百分点扣1分`: steps both ways from a
#: fixed value.  What the item scores at the value itself is not said (its points?
#: then the steps up add nothing, as an item never exceeds its points), so it is
#: refused (E116) with the formula that says it, the base score left to the writer.
_FIXED_BASE = re.compile(
    r"以[ \t]*(?:【[^【】]+】[ \t]*(?:的)?[ \t]*)?(\d+(?:\.\d+)?)[ \t]*(%|％|个百分点)?[ \t]*"
    r"(?:为|作为)(?:基准|基数|基准值|标准)"
)
_STEP_BOTH = {
    "down": re.compile(
        r"每[ \t]*(?:下降|降低|减少|低于|低|少|减)[ \t]*(\d+(?:\.\d+)?)[^\d，,；;。]{0,5}?"
        r"(加|扣|减|得)[ \t]*(\d+(?:\.\d+)?)[ \t]*分"
    ),
    "up": re.compile(
        r"每[ \t]*(?:上升|提高|增加|高于|超过|高|多|增)[ \t]*(\d+(?:\.\d+)?)[^\d，,；;。]{0,5}?"
        r"(加|扣|减|得)[ \t]*(\d+(?:\.\d+)?)[ \t]*分"
    ),
}


def _fixed_base(original_line: str, line: int) -> Diagnostic | None:
    found = _FIXED_BASE.search(original_line)
    if found is None:
        return None
    base, percent = found[1], "%" if found[2] else ""
    ref = _first_ref(original_line)
    steps = {}
    for side, pattern in _STEP_BOTH.items():
        step = pattern.search(original_line, found.end())
        if step is not None:
            steps[side] = step.groups()
    if len(steps) == 1 and next(iter(steps.values()))[1] in ("扣", "减"):
        # deductions on one side only: the item keeps its points up to the base
        side, (size, _, amount) = next(iter(steps.items()))
        word = "低" if side == "down" else "高"
        unit = "个百分点" if percent else ""
        suggest = f"写成 {ref}{word}于{base}{percent}的，每{word}{size}{unit}扣{amount}分"
        suggest_en = suggest.replace("写成", "write")
    else:
        terms = []
        for side, (size, word, amount) in steps.items():
            gap = f"{base}−{ref}" if side == "down" else f"{ref}−{base}"
            per = "" if Decimal(size) == 1 else f"÷{size}"
            terms.append(f"{'−' if word in ('扣', '减') else '+'}取整(最大({gap},0){per})×{amount}")
        formula = f"得(5{''.join(terms)})分" if terms else f"得(5−取整(最大({ref}−{base},0))×1)分"
        suggest = (
            f"把基准上得的分写进算式（下面的5分换成原文或发文单位确认的分数）：{formula}"
            "（结果在0与本项分值之间；按实际差值计的去掉 取整）"
        )
        suggest_en = (
            f"write the score at the base into a formula (replace 5 by the stated one): "
            f"{formula} (the result stays between 0 and the item's points; drop 取整 for "
            "partial steps)"
        )
    args = {
        "text": found[0],
        "why": "以一个数为基准逐步加减分，原文没有写明恰在基准上得几分",
        "why_en": "steps from a fixed value, but what the item scores at that value is not said",
        "suggest": suggest,
        "suggest_en": suggest_en,
    }
    return _at("E116", found, line, args)


def _batch_form(original_line: str, line: int) -> Diagnostic | None:
    for form in _BATCH_FORMS:
        found = form.pattern.search(original_line)
        if found is None:
            continue
        ref = _first_ref(original_line)
        args = {
            "text": found[0],
            "why": form.why,
            "why_en": form.why_en,
            "suggest": form.suggest.format(ref=ref),
            "suggest_en": form.suggest_en.format(ref=ref),
        }
        return _at("E116", found, line, args)


#: Batch wordings the grammar does not take because their meaning is unclear or the
#: language cannot express them: refused as E253 with the words to write for each
#: reading (messages.DETAILS `why.KEY`, `hint.KEY`).  Checked in this order.
_NOUNS = r"(?:单位|乡镇|县区|部门|学校|街道)?"
_NUMERAL = r"(?:\d+|[一二两三四五六七八九十]+)"
_BATCH_WORDINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"与最低值?的?差距|差距占最高值?与最低值?的?(?:差距|之差)"), "spread"),
    (re.compile(r"按比例(?:递减|递增|减少|扣减|减分|降低)"), "decline"),
    (
        re.compile(
            r"(?:前|后|中间)[ \t]*(?:\d+(?:\.\d+)?[ \t]*%|[一二两三四五六七八九十]+[ \t]*分之[ \t]*[一二两三四五六七八九]+)"
        ),
        "share_places",
    ),
    (
        re.compile(r"平均(?:值|数|水平)?[ \t]*的?[ \t]*[\d一二两三四五六七八九十.]+[ \t]*倍"),
        "times",
    ),
    (re.compile(r"每相差[^，,；;]{0,12}?加减|相应加减"), "both_ways"),
    (re.compile(r"基础分[ \t]*\d+(?:\.\d+)?[ \t]*分"), "base"),
    (re.compile(r"其[余他]" + _NOUNS + r"[ \t]*按[^，,；;比【】]{1,10}?(?:折算|换算)"), "convert"),
    (
        re.compile(
            r"差距占最[高多大][^，,；;【】]{0,3}?与最[低少小][^，,；;【】]{0,3}?(?:差距|之差)"
        ),
        "spread",
    ),
    (
        re.compile(
            r"插值|等差递减|等差计分|按名次等差|分之间(?:按比例|线性)?(?:计分|得分)"
            r"|分之间[^，,；;]{0,12}?线性|[(（][ \t]*最[高大多][^，,；;()（）]{0,6}?[-−－][ \t]*最[低小少]"
        ),
        "interpolate",
    ),
    (re.compile(r"与最优值?的?差距"), "gap"),
    (
        re.compile(
            r"与[ \t]*(?:全[市省县区])?[ \t]*最[高低大小多少]值?的?(?:[^\s，,；;【】\d]{0,4}?)(?:相差|差距)"
        ),
        "from_best",
    ),
    (re.compile(r"[÷/][ \t]*(?:全[市省县区])?[^，,；;÷/×]{0,6}?平均"), "formula_average"),
    (
        re.compile(
            r"每比最[高低大小多少优][值的者]?(?:[^，,；;\d]{0,4}?)(?:低|高|少|多|差)"
            r"|比最[高低大小多少优]值?每(?:低|高|少|多|差)"
        ),
        "from_best",
    ),
    (re.compile(r"[÷/][ \t]*(?:标杆值|最高值|最大值|最优值|最低值|最小值)"), "formula"),
    (
        re.compile(
            # only from the end: `第二名、第三名` counts from the top, as read
            r"倒数第?[ \t]*"
            + _NUMERAL
            + r"[ \t]*[名位]?"
            + r"[ \t]*、[ \t]*第[ \t]*"
            + _NUMERAL
            + r"[ \t]*[名位]"
        ),
        "place_list",
    ),
    (
        re.compile(
            r"(?:其余|其他|第[ \t]*"
            + _NUMERAL
            + r"[ \t]*[名位][ \t]*(?:及以后|以后|之后|及以下|以下))"
            r"[^，,；;]{0,3}?(?:不计分|不扣分)"
            r"(?=[ \t]*(?:[，,；;。]|$))"
        ),
        "rest_nothing",
    ),
    (re.compile(r"第[ \t]*" + _NUMERAL + r"[ \t]*[名位][ \t]*以后"), "onward"),
    (
        re.compile(
            r"[，,；;][ \t]*(?:在?全[市省县区])?[ \t]*(?:排名|位列|位居|居)?[ \t]*"
            r"(?:末位|倒数第?|第|前|后)[^，,；;【】]{0,8}?(?:另|再)(?:加|扣|减|得)"
        ),
        "place_subject",
    ),
    (re.compile(r"最低[ \t]*(?:不低于|不少于|得|为)?[ \t]*\d+(?:\.\d+)?[ \t]*分"), "floor"),
    (
        re.compile(
            r"不占用?[ \t]*(?:后续|其后|后面的?)?[ \t]*名次|(?:后续|其后)名次不(?:顺延|递延)"
            r"|按[^，,；;]{0,6}?名次中?[^，,；;]{0,2}?(?:靠后|较后|较低)的?名次"
            r"|所占名次的?平均|名次的?平均(?:值|数)作为名次|取平均名次"
        ),
        "tie_rule",
    ),
    (
        re.compile(
            r"(?<=[，,；;])[ \t]*(?:发生|出现|被[^\s，,；;【】\d]{1,6}?)[ \t]*\d+[ \t]*"
            r"(?:起|次|件|例|人次|人)[ \t]*的"
        ),
        "lone_count",
    ),
)
_RANK_WORDS = re.compile(r"排名|名次|位次|排序|位列|排位")
_FIRST_NAME = re.compile(r"【([^【】]+)】")
#: A clause that scores by place or by the best (where 最低得3分 is a floor).
_RANKED = re.compile(
    r"排名|名次|位次|排序|递减|第[ \t]*(?:\d+|[一二两三四五六七八九十]+)[ \t]*[名位]|最[高低多少大小短长](?:者|的)"
)
_BEST_WORD = re.compile(r"最([高低多少大小短长])(?:者|的)")


def _batch_wording(original_line: str, line: int) -> Diagnostic | None:
    for pattern, key in _BATCH_WORDINGS:
        found = pattern.search(original_line)
        if found is None:
            continue
        if key == "share_places" and not _RANK_WORDS.search(original_line):
            continue
        if key == "place_subject" and _RANKED.search(original_line[: found.start()]):
            continue  # the places follow a ranking of their own: not this
        if key == "floor":
            if not _RANKED.search(original_line):
                continue
            key, extra = _floor(original_line, found, _FIRST_NAME.search(original_line))
        elif key == "lone_count":
            extra = {"count": re.sub(r"\D*(\d+)[ \t]*(\S+?)[ \t]*的$", r"\1\2", found[0])}
        else:
            extra = {}
        ref = _FIRST_NAME.search(original_line)
        name = ref[1] if ref else "X"
        best = _BEST_WORD.search(original_line)  # the best the clause itself names
        best_word = f"最{best[1]}者" if best else "最高者（最低者为好时写 最低者）"
        args = {"text": found[0], **details(f"why.{key}", "why")}
        args.update(details(f"hint.{key}", "hint", name=name, best=best_word, **extra))
        return _at("E253", found, line, args)
    return None


_FIRST_AMOUNT = re.compile(
    r"(?:第[ \t]*(?:1|一)[ \t]*[名位]|首位|最[高低多少大小长短](?:的|者))[^，,；;]{0,6}?得[ \t]*(\d+(?:\.\d+)?)[ \t]*分"
)
_ORDER_SAID = re.compile(r"[由从]([高低多少大小长短])到[高低多少大小长短]")
_STEP_AMOUNT = re.compile(
    r"(?:递减|每[^，,；;]{0,10}?(?:名次|位次|名|位)[ \t]*(?:扣|减|少得))[ \t]*(\d+(?:\.\d+)?)[ \t]*分"
)


def _floor(
    original_line: str, found: re.Match[str], ref: re.Match[str] | None
) -> tuple[str, dict[str, object]]:
    """`第一名得10分，以下逐名递减0.3分，最低不低于5分`: the places that reach the floor
    get a rule of their own — from place K on, where 10 − 0.3 × (K − 1) first falls to 5
    or below (K = ⌈(10 − 5) ÷ 0.3⌉ + 1 = 18) — and the step keeps counting from the first
    place, so every place earns max(5, 10 − 0.3 × (r − 1)), as the sentence says.  A floor
    under a share of the best has no such rule."""
    floor = Decimal(re.search(r"\d+(?:\.\d+)?", found[0])[0])  # type: ignore[index]
    first = _FIRST_AMOUNT.search(original_line)
    step = _STEP_AMOUNT.search(original_line)
    if first is None or step is None:
        return ("floor_share" if "比" in original_line else "floor_step_plain"), {}
    top, less = Decimal(first[1]), Decimal(step[1])
    if less <= 0 or top <= floor:
        return "floor_step_plain", {}
    place = int(((top - floor) / less).to_integral_value(rounding=ROUND_CEILING)) + 1
    order = _ORDER_SAID.search(original_line)
    best = _BEST_WORD.search(original_line)
    if order is not None:
        said = "从高到低" if order[1] in "高多大长" else "从低到高"
    elif best is not None:
        said = "从高到低" if best[1] in "高多大长" else "从低到高"
    else:
        said = ""
    name = ref[0] if ref else "【X】"
    rule = (
        f"按{name}{said}排名，第1名得{top}分，第{place}名及以后得{floor}分，"
        f"其后每下降一个名次扣{less}分"
    )
    return "floor_step", {"rule": rule, "place": place, "floor": floor}


#: Characters the language uses outside free text; anything else unexpected is E102.
_USED = set('【】“”"()[]+-−×÷*/=<>≥≤%.,;:、~—#。') | {" ", "\t", "\n"}


def describe(
    error: UnexpectedInput, expected: set[str], text: str, original_line: str
) -> Diagnostic:
    """The diagnostic for one Lark error.  `expected` are the terminals the parser would
    have accepted, `text` the lexer's text, `original_line` the source line."""
    pos, line, column, found_token = where(error, text)
    if pos < len(text) and text[pos] == "【" and _unclosed(text, pos):
        return Diagnostic("E104", Span.point(line, column))
    zh, en = _expected_words(expected)
    ch = text[pos] if pos < len(text) else ""
    if ch and _unusual(ch):
        shown = original_line[column - 1] if 0 < column <= len(original_line) else ch
        return Diagnostic(
            "E102",
            Span.point(line, column),
            {"char": f"“{shown}”", "expected": zh, "expected_en": en},
        )
    for refusal in (
        _rest_of_tiers,
        batch_refusal,
        _any_one,
        _first_free,
        _no_deduction,
        _above_base,
        _higher_rate,
        _ordinal_list,
        _range,
        _each_period,
        _named_standard,
        _no_floor,
        _negated_name,
        _negated_verb,
        _done_missed,
        _doing_missed,
        _words_beside,
        _each_with_words,
        _each_noun,
        _between,
        _table_no_de,
        _count_table,
        _word_remark,
        _rate_then_amount,
        _bare_count,
        _bare_percent,
        _date_onward,
        _item_cap,
    ):
        refused = refusal(original_line, line)
        if refused is not None:
            return refused
    last_year = _LAST_YEAR_PLACE.search(original_line)
    if last_year is not None:  # a place against last year's: a fact the batch lacks
        return _last_year(last_year, original_line, line)
    found, found_en = _found(found_token, text, pos, original_line, column)
    bare = _BARE_RATE.search(original_line)
    if bare is not None and bare.start() <= column - 1 <= bare.end():
        # `每超过0.1/10万`: a rate per head written without what is counted
        zh = f"带计数词的单位，如 {bare['n']}人/{bare['b']}人（与数据项声明的单位相同，如 人/10万人）"
        en = f"a unit with what is counted, e.g. {bare['n']}人/{bare['b']}人 (as the fact declares it)"
    if _indented_block(text, pos):
        zh = "顶格书写的 数据：、参数：、等次： 或 测试 块（行首不留空格）"
        en = "数据:, 参数:, 等次: or 测试 at the very start of a line"
    args = {"found": found, "found_en": found_en, "expected": zh, "expected_en": en}
    args["did_you_mean"] = args["did_you_mean_en"] = ""
    span = Span.point(line, column)
    guess = _did_you_mean(expected, text, pos)
    if _next_condition(original_line, column):
        # `达到90%的得6分，达到80%的得3分`: a condition after an effect and a comma
        args["did_you_mean"] = "这里是另一条条款的条件：与前一条之间用 “；” 分开？"
        args["did_you_mean_en"] = (
            "another clause's condition: separate it from the one before with “；”? "
        )
    elif guess is not None and not _negated_by_a_name(
        original_line, guess[0], text[guess[1] : guess[2]]
    ):
        word, start, end = guess
        first = column - (pos - start)
        span = Span(line, first, line, first + (end - start))
        shown = original_line[first - 1 : first - 1 + (end - start)]
        args["found"] = args["found_en"] = f"“{shown}”"
        args["did_you_mean"] = f"您是不是要写 “{word}”？"
        args["did_you_mean_en"] = f"did you mean “{word}”? "
    return Diagnostic("E101", span, args)


def _negated_by_a_name(original_line: str, word: str, typed: str) -> bool:
    """Whether a did-you-mean would turn a word that a fact's name on the line negates
    into a comparison: `【未达标率】达标90%以上` offered `达到` reads 未达标率 ≥ 90% — the
    opposite of 达标 90%; `应达标90%以上` offered `应达` the same."""
    action = re.sub(r"^(?:应当|应该|必须|须|应|要|需)", "", typed)  # the requirement's verb
    return word != typed and any(
        kw.negation_before(name, action) is not None
        for name in re.findall(r"【([^【】]+)】", original_line)
    )


_EFFECT_END = re.compile(r"(?:分|不得分|满分|一票否决|考评资格)[ \t]*[,，][ \t]*$")
_CONDITION_START = re.compile(
    r"[ \t]*(?:(?:发生|出现)?\d+(?:\.\d+)?[ \t]*(?:%|％|[^\s\d,，;；:：()（）【】]{0,3}?)[ \t]*"
    r"(?:及以上|以上|及以下|以下)|(?:未|不)?(?:达到|低于|高于|超过|不足|少于|多于|满))"
)


_PART_STEP = re.compile(
    r"[ \t]*不足[ \t]*(?:\d+(?:\.\d+)?|[一两二三四五六七八九十半])[^,，;；]{0,6}?的"
)


def _next_condition(original_line: str, column: int) -> bool:
    """Whether the parser stopped at a comparison that follows an effect and a comma:
    the start of another clause, which the language separates with ；."""
    before, after = original_line[: column - 1], original_line[column - 1 :]
    if after[:1] in (",", "，"):  # stopped at the comma itself
        before, after = before + after[0], after[1:]
    if _PART_STEP.match(after):
        return False  # `，不足1个百分点的不扣分`: how a part step counts, not a condition
    return bool(_EFFECT_END.search(before) and _CONDITION_START.match(after))


def where(error: UnexpectedInput, text: str) -> tuple[int, int, int, Token | None]:
    """(offset, line, column, the unexpected token or None for a character) of an error;
    anything but a token or a character counts as the end of the text."""
    if isinstance(error, UnexpectedToken) and error.token.type != "$END":
        token = error.token
        return token.start_pos, token.line, token.column, token
    if isinstance(error, UnexpectedCharacters):
        return error.pos_in_stream, error.line, error.column, None
    pos = len(text)
    line = text.count("\n") + 1
    column = pos - (text.rfind("\n") + 1) + 1
    end = error.token if isinstance(error, UnexpectedToken) else Token("$END", "")
    return pos, line, column, end


_BLOCK_OPENER = re.compile(
    kw.alternation([kw.DATA_BLOCK, kw.PARAM_BLOCK, kw.GRADE_BLOCK])
    + r"[ \t]*:|"
    + kw.alternation([kw.TEST_BLOCK])
    + r"[ \t]*[“\"]"
)


def _indented_block(text: str, pos: int) -> bool:
    """A block opener written indented: it would read as a line of the block above."""
    line_start = text.rfind("\n", 0, pos) + 1
    return (
        pos > line_start
        and not text[line_start:pos].strip()
        and _BLOCK_OPENER.match(text, pos) is not None
    )


def _unclosed(text: str, pos: int) -> bool:
    end = text.find("\n", pos)
    rest = text[pos + 1 : end if end >= 0 else len(text)]
    close = rest.find("】")
    reopen = rest.find("【")
    return close < 0 or (0 <= reopen < close)


def _unusual(ch: str) -> bool:
    """A character no part of the language uses (`@`, `$`, `&`…), as opposed to a
    letter, a digit or punctuation that is merely out of place."""
    if ch in _USED or ch.isalnum():
        return False
    if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef":
        return False
    return unicodedata.category(ch)[0] not in "LN"


def _expected_words(expected: set[str]) -> tuple[str, str]:
    zh: list[str] = []
    en: list[str] = []
    for name in EXPECTED:
        if name in expected:
            z, e = EXPECTED[name]
            if z not in zh:
                zh.append(z)
                en.append(e)
    if not zh:
        return "其他内容", "something else"
    if len(zh) > _MAX_LISTED:
        return "、".join(zh[:_MAX_LISTED]) + "等", ", ".join(en[:_MAX_LISTED]) + ", etc."
    return "、".join(zh), ", ".join(en)


def _found(
    token: Token | None, text: str, pos: int, original_line: str, column: int
) -> tuple[str, str]:
    if token is not None and token.type == "$END":
        return "文件结尾", "end of file"
    if token is not None and token.type in ("_NL", "_NL_INDENT", "NEWLINE"):
        return "行尾", "end of line"
    end = pos
    while end < len(text) and end - pos < 12 and text[end] not in _BREAKS:
        end += 1
    word = original_line[column - 1 : column - 1 + max(end - pos, 1)]
    return f"“{word}”", f"“{word}”"


def _did_you_mean(expected: set[str], text: str, pos: int) -> tuple[str, int, int] | None:
    """The keyword the text at `pos` (or the phrase it ends) was probably meant to be,
    with the phrase's start and end offsets."""
    words: set[str] = set()
    for name in expected:
        words.update(CANDIDATES.get(name, ()))
    if not words:
        return None
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    at = pos
    while at < line_end and text[at] in ",;、 \t":
        at += 1  # the unexpected text is the separator: look at what follows it
    part_start = max(text.rfind(ch, line_start, at) for ch in ",;:、(") + 1
    part_start = max(part_start, line_start)
    while part_start < at and text[part_start] in " \t-":
        part_start += 1
    part_end = at
    while part_end < line_end and text[part_end] not in _BREAKS and not text[part_end].isdigit():
        part_end += 1
    best: tuple[tuple[int, int], str, int, int] | None = None
    for start in sorted({part_start, at}):
        chunk = text[start : min(part_end, start + _LONGEST_GUESS)].strip()
        for word in sorted(words):
            for piece in dict.fromkeys((chunk, chunk[: len(word)])):
                if len(piece) < 2 or len(word) < 2 or piece == word:
                    continue
                if "【" in piece or "】" in piece:
                    continue  # a fact's name is the writer's: `【上报日期】` is no slip for `以上`
                if not same_sense(piece, word):
                    continue  # `达不到` is no slip for `达到`: no hint rather than the opposite
                distance = edit_distance(piece, word)
                # on a tie the longer mend: `未到达` is `未达到`, not `不到` for its `未到`
                rank = (distance, -len(piece))
                if distance <= max(1, min(len(piece), len(word)) // 4) and (
                    best is None or rank < best[0]
                ):
                    best = (rank, word, start, start + len(piece))
    return None if best is None else best[1:]
