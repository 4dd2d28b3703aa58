"""W308: a number in `说明` that no clause of the node uses.

The 说明 keeps the document's own words; its numbers should reappear in the formal
clauses.  Which numbers count (and which are ignored), so that the warning points at
real disagreements rather than at dates and enumerations:

- Arabic numbers (`0.03`, `80%`, `2023分`) and Chinese numerals *followed by a unit*
  (`一次`, `两项`, `三十分`, `百分之八十`); a bare Chinese numeral (`一票否决`,
  `一是`, `统一`) is text.
- Only numbers that take part in scoring: an amount (`0.03分`), a percentage or
  百分点, or a number near a scoring word (`扣`, `每`, `低于`, `达到`, `以上`…);
  `抽查2个月`, `查阅近3年资料` say how to check, not what to score.
- Ignored: numbers inside `【】`; years (`2023年`, or a bare 1900–2100); dates
  (`1月9日`, `2023-01-09`, `3月底`, `5日前`); ordinals (`第3`, `第三`, `1、`, `(1)`,
  `1.` before a non-digit); integers of five or more digits (hotlines, document numbers).
- Used: every number written in a clause of the node *or of its sub-items* (amounts,
  steps including the implicit `每人次` = 1, thresholds, caps, comparison values,
  discretionary ranges, parameter values), the points of the node and its sub-items,
  the values of its modifiers, and the numbers in the names and descriptions of the
  facts those clauses read (a writer often folds a condition into the fact:
  `【超过20人集体访分管领导未按时到场】`, `# 未在30分钟内到达…的次数`).
  Values are compared as Decimals (`0.50` = `0.5`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ...diagnostics.diagnostic import Diagnostic
from ...source.text import Span, normalise
from ...syntax import ast
from ..context import Context
from ..resolve import Symbols, clause_refs
from ..units import COUNT_UNITS, PERCENT_UNITS
from ..values import fmt

_CN_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_SCALES = {"十": 10, "百": 100, "千": 1000}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SCALES)

_UNITS = sorted(COUNT_UNITS | PERCENT_UNITS | {"分"}, key=len, reverse=True)
_UNIT_ALT = "|".join(re.escape(u) for u in _UNITS)

_ARABIC = re.compile(r"\d+(?:\.\d+)?%?")
_CHINESE = re.compile(rf"([{_CN_CHARS}]+)(?=({_UNIT_ALT}))")
_CN_PERCENT = re.compile(rf"百分之([{_CN_CHARS}]+)")
_CN_FRACTION = re.compile(rf"[千万]分之[{_CN_CHARS}]+|百分点|百分比|百分率")
_BRACKETED = re.compile(r"【[^】]*】")
_DATES = re.compile(
    rf"(?:[{_CN_CHARS}]{{4}}年)?[{_CN_CHARS}]{{1,3}}月[{_CN_CHARS}]{{1,3}}[日号]"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]"
    r"|\d{1,2}月(?:份|底|初|末|中旬|上旬|下旬)"
    r"|\d{1,2}[日号](?:前|之前|以前|后|之后|以后|止)"
    r"|\d+年"
)


def chinese_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 三十 → 30, 一百零五 → 105; digit strings (二〇二三) read digit
    by digit."""
    if not text:
        return None
    if all(ch in _CN_DIGITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SCALES:
            total += (1 if digit is None else digit) * _CN_SCALES[ch]
            digit = None
    return total + (digit or 0)


def note_numbers(text: str) -> Iterator[tuple[Decimal, int, int]]:
    """(value, start, end) of each number in a 说明 text that a clause should use."""
    masked = list(normalise(text))

    def mask(match: re.Match) -> None:
        for i in range(match.start(), match.end()):
            masked[i] = " "

    for pattern in (_BRACKETED, _DATES):
        for m in pattern.finditer("".join(masked)):
            mask(m)
    plain = "".join(masked)
    found: list[tuple[Decimal, int, int]] = []
    for m in _ARABIC.finditer(plain):
        digits = m.group().rstrip("%")
        before = plain[: m.start()].rstrip()
        after = plain[m.end() :]
        if before.endswith("第") or after.startswith("、"):
            continue
        if before.endswith("(") and after.startswith(")"):
            continue
        if after.startswith(".") and not after[1:2].isdigit():
            continue
        if "." not in digits and len(digits) >= 5:
            continue
        value = Decimal(digits)
        if "." not in digits and len(digits) == 4 and 1900 <= value <= 2100:
            if not re.match(rf"\s*({_UNIT_ALT})", after) or after.startswith("年"):
                continue
        found.append((value, m.start(), m.end()))
    for m in _CN_FRACTION.finditer(plain):
        mask(m)
    plain = "".join(masked)
    for m in _CN_PERCENT.finditer(plain):
        value = chinese_int(m.group(1))
        if value is not None:
            found.append((Decimal(value), m.start(), m.end()))
        mask(m)
    plain = "".join(masked)
    for m in _CHINESE.finditer(plain):
        digits, unit = m.group(1), m.group(2)
        if plain[: m.start()].endswith("第"):
            continue
        if digits == "十" and unit == "分":  # 十分重要: "very", not ten points
            continue
        value = chinese_int(digits)
        if value is None or (unit == "年" and value >= 1900):
            continue
        found.append((Decimal(value), m.start(), m.end()))
    scoring = [f for f in found if _scoring(plain, f[1], f[2])]
    return iter(sorted(scoring, key=lambda f: f[1]))


#: Words near a number that make it part of the scoring (an amount, a step, a
#: standard): `扣0.03分`, `每缺1次`, `低于80%`, `20人以上`.  A number with none of them
#: (`抽查2个月`, `查阅近3年资料`) describes how to check, not what to score.
_SCORING_BEFORE = (
    "扣", "减", "得", "加", "计", "记", "奖", "每", "低于", "高于", "超过", "超出", "不足",
    "少于", "多于", "达到", "不少于", "不低于", "不超过", "不高于", "至少", "满", "以内",
)  # fmt: skip
_SCORING_AFTER = ("以上", "以下", "以内", "及以上", "及以下")


def _scoring(plain: str, start: int, end: int) -> bool:
    after = plain[end:].lstrip()
    if after.startswith(("%", "个百分点", "百分点")) or plain[start:end].endswith(("%", "分")):
        return True
    if after.startswith("分") and not after.startswith("分钟"):
        return True
    before = plain[max(0, start - 4) : start]
    if any(word in before for word in _SCORING_BEFORE):
        return True
    return any(word in plain[end : end + 6] for word in _SCORING_AFTER)


def _expr_numbers(expr: object, params: dict[str, ast.ParamDecl]) -> Iterator[Decimal]:
    if isinstance(expr, ast.Num):
        yield expr.value
    elif isinstance(expr, ast.Ref) and expr.name in params:
        yield params[expr.name].value.value
    elif isinstance(expr, ast.BinOp):
        yield from _expr_numbers(expr.left, params)
        yield from _expr_numbers(expr.right, params)
    elif isinstance(expr, ast.Call):
        for arg in expr.args:
            yield from _expr_numbers(arg, params)


def _walk_numbers(obj: object, params: dict[str, ast.ParamDecl]) -> Iterator[Decimal]:
    """Every number reachable from a clause (its dataclass fields, recursively)."""
    if isinstance(obj, ast.Num | ast.Ref | ast.BinOp | ast.Call):
        yield from _expr_numbers(obj, params)
    elif isinstance(obj, tuple):
        for item in obj:
            yield from _walk_numbers(item, params)
    elif hasattr(obj, "__dataclass_fields__") and not isinstance(obj, ast.Node):
        for name in obj.__dataclass_fields__:
            if name != "span":
                yield from _walk_numbers(getattr(obj, name), params)


def used_numbers(node: ast.Node, symbols: Symbols) -> set[Decimal]:
    used: set[Decimal] = set()
    if node.points is not None:
        used.add(node.points.value)
    used |= {m.value for m in node.modifiers if m.value is not None}
    for clause in node.clauses:
        used |= set(_walk_numbers(clause, symbols.params))
        for ref in clause_refs(clause):
            info = symbols.facts.get(ref.name)
            words = ref.name + " " + (info.decl.description if info and info.decl else "")
            used |= {value for value, _, _ in note_numbers(words)}
    for child in node.children:
        used |= used_numbers(child, symbols)
    return used


def check_notes(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    stack = list(ctx.tree.nodes)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if not node.notes:
            continue
        used = used_numbers(node, ctx.symbols)
        for note in node.notes:
            diags += _note(ctx, note, used)
    return diags


def _note(ctx: Context, note: ast.Note, used: set[Decimal]) -> list[Diagnostic]:
    line = normalise(ctx.source.line_text(note.span.line))
    offset = line.find(normalise(note.text)) if note.text else -1
    base = offset + 1 if offset >= 0 else note.span.column
    reported: set[Decimal] = set()
    diags: list[Diagnostic] = []
    for value, start, end in note_numbers(note.text):
        if value in used or value in reported:
            continue
        reported.add(value)
        span = Span(note.span.line, base + start, note.span.line, base + end)
        diags.append(Diagnostic("W308", span, {"number": fmt(value)}))
    return diags
