"""Lark's parse errors in the writer's words: E101 (with “此处应为…” and “您是不是要写…”),
E102 (a character the language never uses) and E104 (an unclosed 【).

Terminal names never reach a diagnostic: `EXPECTED` says what each one is in Chinese
and English, in the order a reader would look for them.
"""

from __future__ import annotations

import re
import unicodedata

from ..diagnostics.diagnostic import Diagnostic
from ..diagnostics.suggest import edit_distance, same_sense
from ..source.text import Span
from . import keywords as kw
from .lark_import import Token, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

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
    r"(?:前进|后退|上升|下降|提升|提高|退后|进步|退步)"
)
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
    first, end = found.span()
    return Diagnostic("E115", Span(line, first + 1, line, end + 1), args)


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
    bands = _average_bands(original_line, line)
    if bands is not None:
        return bands
    last_year = _LAST_YEAR_PLACE.search(original_line)
    if last_year is not None:  # a place against last year's: a fact the batch lacks
        first, end = last_year.span()
        return Diagnostic("E114", Span(line, first + 1, line, end + 1), {"text": last_year[0]})
    found, found_en = _found(found_token, text, pos, original_line, column)
    if _indented_block(text, pos):
        zh = "顶格书写的 数据：、参数：、等次： 或 测试 块（行首不留空格）"
        en = "数据:, 参数:, 等次: or 测试 at the very start of a line"
    args = {"found": found, "found_en": found_en, "expected": zh, "expected_en": en}
    args["did_you_mean"] = args["did_you_mean_en"] = ""
    span = Span.point(line, column)
    guess = _did_you_mean(expected, text, pos)
    if guess is not None:
        word, start, end = guess
        first = column - (pos - start)
        span = Span(line, first, line, first + (end - start))
        shown = original_line[first - 1 : first - 1 + (end - start)]
        args["found"] = args["found_en"] = f"“{shown}”"
        args["did_you_mean"] = f"您是不是要写 “{word}”？"
        args["did_you_mean_en"] = f"did you mean “{word}”? "
    return Diagnostic("E101", span, args)


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
    best: tuple[int, str, int, int] | None = None
    for start in sorted({part_start, at}):
        chunk = text[start : min(part_end, start + _LONGEST_GUESS)].strip()
        for word in sorted(words):
            for piece in dict.fromkeys((chunk, chunk[: len(word)])):
                if len(piece) < 2 or len(word) < 2 or piece == word:
                    continue
                if not same_sense(piece, word):
                    continue  # `达不到` is no slip for `达到`: no hint rather than the opposite
                distance = edit_distance(piece, word)
                if distance <= max(1, min(len(piece), len(word)) // 4) and (
                    best is None or distance < best[0]
                ):
                    best = (distance, word, start, start + len(piece))
    return None if best is None else best[1:]
