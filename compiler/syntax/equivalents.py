"""Batch wordings brought to one form before the lexer reads them.

Offices write the same rule about a unit's place in the batch in many ways:
`各县区【X】在全市排第1至第3名的`, `【X】居全市倒数第1位的`, `【X】在全区排名最后3位的乡镇`.
Most of those words carry no meaning of their own — who is ranked (各县区, 的乡镇),
where (在全市, 全县, 在全区各承办单位中), which verb places the unit (排, 居, 位列, 进入) —
and the grammar would otherwise need a rule for every combination.  `canonical` rewrites
a clause line into the one form the grammar reads (docs/language.md, "同义写法"), and
only a clause line that speaks of places, bests or averages.

Two guarantees hold for every rewrite:
- **Nothing that carries meaning changes.**  Direction words (高/低/多/少/长/短/优/差, 由高到低…),
  倒数, 前/后/末/首, negations (不/未/无/非/没), 除…外, 以上/以下/不足/超过/及/含, 第, 其余/其他,
  and every number with its unit are *protected*: a rewrite whose result does not keep the
  protected words of the text it replaces, in order, is not made (the clause is then read,
  or refused, as written).  A few rewrites drop protected words, each only after checking
  that they say nothing (`_DROPS`): `乘以10分` where 10 is the item's points and the best
  unit earns them (`按…之比乘以10分计分` is the share of the best's points); `以【X】最低的
  为标准得10分` likewise; `第四名起` where the rules before it end at 第三名; `其余…按由少到多
  的顺序` where the best word already said 最少; `其余按名次逐名递减` (the step is the rest);
  `按完成额占第一名的比例` where 完成额 ends the ranked fact's name; the formulas in words
  (`其余得分=本地值÷全市最高值×5`, `以最高值为基准`, `基础分2分…每高1个百分点加0.2分`), each read
  only when its words name the line's fact and it gives the best what the line gives it;
  `第1、2、3名` (consecutive places); `，本项最高3分` where 3 is the item's points.
- **Columns stay those of the original line.**  A rewrite never changes a line's length:
  dropped words become blanks where they stood, and a replacement is written at the start
  of the text it replaces (a place, `最后3位` → ` 后3名`, at its end), padded with blanks.  The map from the lexer's text to the
  original is the identity outside rewritten spans and maps each span onto itself, so a
  caret points at what the writer wrote and every quoted word is the original one.
"""

from __future__ import annotations

import ast as pyast
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from . import keywords as kw
from .numerals import cn_to_int

# --------------------------------------------------------------------------- words

#: What the units of a batch are called (as a subject: `各县区【X】`, `最多的县`, `其余乡镇`).
_NOUN_WORD = r"(?:县市区|县区|乡镇|街道|镇街|学校|单位|医院|部门|分局|承办单位|税务分局|校|县|区|镇|乡|院|局)"
_KIN = rf"(?:{_NOUN_WORD}|市)"
#: A noun may name its kin in brackets: `县（市、区）`, `乡镇（街道）`, `部门（单位）`.
_NOUN = rf"(?:{_NOUN_WORD}(?:\({_KIN}(?:、{_KIN})*\)|（{_KIN}(?:、{_KIN})*）)?)"
#: Where the batch is (`全市`, `在全区`); `居` and `位居` are place verbs, below.
_SCOPE = r"(?:在|于)?\s*全(?:市|省|县|区|国|系统)"
#: A unit of the batch as the subject before a fact: `各县区`, `全市各县区`, `各税务分局`.
#: Words between 各 and the noun that only say which units (`各参评县区`, `各有关单位`):
#: the words of an average's scope (§9.8).  Others name a part of the batch (`各重点乡镇`,
#: `各山区乡镇`): not blanked, so the clause is refused rather than ranked over all units.
_SUBJECT_WORDS = "|".join(
    re.escape(w)
    for w in sorted((*kw.AVERAGE_SCOPE_WORDS, "有关", "相关"), key=len, reverse=True)
    if w not in ("的", "、")
)
_SUBJECT = rf"(?:全(?:市|省|县|区)\s*)?各(?:{_SUBJECT_WORDS}){{0,3}}?{_NOUN}"
#: A place: `第3名`, `第1至第3名`, `前5位`, `倒数第2位`, `最后3位`, `末位`, `首位`, `第一的`.
_NUM = r"(?:\d+|[一二两三四五六七八九十]+)"
_PLACE_START = rf"(?:第\s*{_NUM}|前\s*{_NUM}|后\s*{_NUM}|末\s*{_NUM}|倒数|最后|末位|首位)"
#: Verbs that put a unit at a place: they add nothing to the place itself.
_PLACE_VERB = r"(?:排名|排在|排|位列|位居|名列|居于|居|进入|处于|列)"

#: A fact's name in a line: `【X】`.
_FACT_NAME = re.compile(r"【([^】\n]+)】")
#: Words whose every occurrence a rewrite must keep, in order (see the module docstring).
PROTECTED = re.compile(
    r"\d+(?:\.\d+)?\s*(?:个百分点|百分点|%|万元|元|天|次|件|起|个|人|户|分|名|位)?"
    r"|[〇零一二两三四五六七八九十百千万]+\s*(?:个百分点|百分点|%|万元|元|天|次|件|起|个|人|户|分|名|位)?"
    r"|倒数|以上|以下|以内|以外|不足|超过|超出|低于|高于|达到|其余|其他"
    r"|[高低多少长短大小优差前后末首不未无非没除外及含第]"
)


def protected_words(text: str) -> list[str]:
    """The protected words of `text`, in order, blanks inside them removed (a place
    counted in 位 is the same place counted in 名)."""
    return [
        re.sub(r"\s+", "", m.group()).replace("位", "名").replace("超出", "超过")
        for m in PROTECTED.finditer(text)
    ]


# --------------------------------------------------------------------------- rewrites


@dataclass(frozen=True)
class Rewrite:
    """One rewrite made: columns (0-based, end exclusive) of the line, what stood there
    and what the lexer reads instead (same length)."""

    line: int
    start: int
    end: int
    original: str
    canonical: str
    rule: str


@dataclass(frozen=True)
class _Context:
    """What a rule may need besides the line: the points of the item the clause scores,
    how many clause lines that item has, and the policy's 精度 (`0.01`), if any."""

    points: str | None
    clauses: int = 0
    precision: str | None = None
    #: The declared facts: name → the type word (`次`, `百分比`, `万元`).
    facts: tuple[tuple[str, str], ...] = ()
    #: The facts declared with the lower end as the better (`越低越好`, `越少越好`…).
    low: frozenset[str] = frozenset()
    #: The facts declared with a range of their own (`范围0至300`).
    ranged: frozenset[str] = frozenset()


# A rule: its name, its pattern, and a function from the match (and context) to the
# canonical text of the whole match, or None to leave it as written.
_Rule = tuple[str, re.Pattern[str], Callable[[re.Match[str], _Context], str | None]]


def _blank(_: re.Match[str], __: _Context) -> str:
    return ""


def _keep_groups(*names: str) -> Callable[[re.Match[str], _Context], str]:
    def make(match: re.Match[str], _: _Context) -> str:
        return "".join(match.group(name) or "" for name in names)

    return make


def _in_place(*blanked: str) -> Callable[[re.Match[str], _Context], str]:
    """The match with the named groups blanked where they stand (nothing moves)."""

    def make(match: re.Match[str], _: _Context) -> str:
        text = list(match.group())
        base = match.start()
        for name in blanked:
            if match.group(name) is None:
                continue
            for i in range(match.start(name), match.end(name)):
                text[i - base] = " "
        return "".join(text)

    return make


def _number(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def _place_pair(match: re.Match[str], _: _Context) -> str | None:
    """`居第三、四位的` → `第三至四位的`, `第1、2、3名` → `第1至3名`: places one after the
    other, the later ones without their 第 (from the top only: `倒数第二、三位` is refused
    as written)."""
    numbers = [_number(n) for n in re.split(r"\s*、\s*", match.group("list"))]
    if any(n is None for n in numbers) or any(
        b != a + 1
        for a, b in zip(numbers, numbers[1:], strict=False)  # type: ignore[operator]
    ):
        return None
    last = re.split(r"\s*、\s*", match.group("list"))[-1]
    return f"第{match.group('a')}至{last}{match.group('u')}"


#: A ranking said before on the line (after the rewrites that blank 排名 before places).
_RANKED_BEFORE = re.compile(
    r"排|名次|位次|最[高低多少大小长短]|末位|倒数|[第前后]\s*[\d一二两三四五六七八九十]{1,3}\s*[名位]"
)


def _line_fact(text: str) -> str | None:
    """The one fact a line names (more than one, or none: None)."""
    names = {m.group(1) for m in _FACT_NAME.finditer(text)}
    return names.pop() if len(names) == 1 else None


def _own_subject(match: re.Match[str], context: _Context) -> str | None:
    """`；完成率不足80%的，不得分` after a ranking of `【…征收完成率】`: the one fact named on
    the line, by its tail (blanked: the clause takes the line's ranked fact)."""
    if not _RANKED_BEFORE.search(match.string[: match.start()]):
        return None
    return _placed_subject(match, context)


def _placed_subject(match: re.Match[str], _: _Context) -> str | None:
    """`；激活率排名全市后两位的，…` on a line about `【医保电子凭证激活率】`: the places of the
    line's one fact, named by its tail (blanked: bare places take the line's fact)."""
    name = _line_fact(match.string)
    own = match.group("own")
    return "" if name is not None and own not in _OWN_WORDS and _same_measure(own, name) else None


def _bare_places(match: re.Match[str], _: _Context) -> str | None:
    """`排1—2位的得8分，3—4位的得6分，7位及以后的得2分`: places (the 第 left out) after
    a ranking said on the line; a number of units elsewhere (`3至5名的`) is left."""
    before = match.string[: match.start()]
    ranked = re.search(
        r"排名|排序|排位|位次|名次|[第排居]\s*\d+\s*(?:[—\-至到]\s*\d+\s*)?[名位]", before
    )
    if not (ranked or match.group("verb")):
        return None
    a = match.group("a")
    if match.group("on"):
        return f"{match.group('sp')}第{a}{match.group('u2')}{match.group('on')}"
    return f"{match.group('sp')}第{a}{match.group('sep')}{match.group('b')}{match.group('u')}"


def _times_points(match: re.Match[str], context: _Context) -> str | None:
    """`之比乘以10分计分` → `之比计分` when 10 is the item's points and the best earns them."""
    if context.points is None or match.group("n") != context.points:
        return None
    line = match.string[: match.start()]
    if "满分" not in line and f"得{context.points}分" not in line.replace(" ", ""):
        return None
    return match.group("ratio") + "计分"


def _as_full(match: re.Match[str], context: _Context) -> str | None:
    """`最低的县区为标准得10分` → `最低的为满分` when 10 is the item's points."""
    if context.points is None or match.group("n") != context.points:
        return None
    return match.group("best") + "为满分"


def _next_place(match: re.Match[str], _: _Context) -> str | None:
    """`第四名起每下降一个名次` → `每下降一个名次` when the rules before name places 1, 2, 3
    one after another (a step counts on from the last of them, as `第四名起` says); after
    a gap (第1名, 第3名) the step would count from the first, so the words stay."""
    start = _number(match.group("n"))
    before = match.string[: match.start()]
    named: set[int] = set()
    for found in _PLACES_NAMED.finditer(before):
        first = _number(found.group("a") or found.group("top") and "1" or "")
        last = _number(found.group("b") or found.group("a") or found.group("top"))
        if first is None or last is None or last < first or last > 1000:
            return None
        named.update(range(first, last + 1))
    if start is None or not named or named != set(range(1, start)):
        return None
    return ""


#: Places named before a step: `第3名`, `第1至3名`, `前3名`.
_PLACES_NAMED = re.compile(
    rf"(?<!倒数)第\s*(?P<a>{_NUM})\s*[名位]?\s*(?:(?:至|到|-|—|~)\s*第?\s*(?P<b>{_NUM})\s*[名位])?"
    rf"|前\s*(?P<top>{_NUM})\s*[名位]"
)


def _each(match: re.Match[str], _: _Context) -> str | None:
    """`最后3位的乡镇，每个扣3分`: 每个 after a place is each unit at it (各); after anything
    else (`发现问题的，每个扣1分`) it counts something else and stays."""
    before = re.sub(r"\s+", "", match.string[: match.start()])
    return "各" if re.search(r"[名位]的?,$", before) else None


#: The clause says the higher value is the better (最高者, 最多的, 由高到低…).
_HIGH_SAID = re.compile(r"最[高多大长](?:的|者|值)|[由从][高多大长]到[低少小短]")
_OWN_WORDS = ("本单位", "本县区", "本乡镇", "本地", "本校", "本院", "自身", "该单位", "其")
#: The first place named with the higher as the better (`全市第一的县区得满分`).
_FIRST_SAID = re.compile(rf"第\s*(?:1|一)\s*(?:名|位)?\s*(?:的|者)?\s*(?:{_NOUN})?\s*得")


def _own_share(match: re.Match[str], context: _Context) -> str | None:
    """`按完成额占第一名的比例计分`: the share of the first place's points when what is
    compared is the unit's own value of the ranked fact (its name ends in 完成额, or 其,
    本单位…); anything else (another measure) stays as written."""
    own = match.group("own")
    before = match.string[: match.start()]
    ranked = _FACT_NAME.search(before)
    if ranked is None:
        return None
    name = ranked.group(1)
    first_said = _FIRST_SAID.search(before) and name not in context.low
    if not (_HIGH_SAID.search(before) or first_said):
        return None  # own ÷ first is a share only when the higher is the better
    # `按其增速与第一名增速之比`: the unit's own measure against the first's same measure
    measure = next((own[len(w) :] for w in _OWN_WORDS if own.startswith(w)), own)
    if not (own in _OWN_WORDS or (len(measure) >= 2 and kw.tail_of(name, measure))):
        return None
    again = match.group("again")
    if again is not None and not (
        again == measure or (len(again) >= 2 and kw.tail_of(name, again))
    ):
        return None
    word = "计分" if match.group("word") else ""
    rest = match.group("rest").replace(" ", "")
    if again is not None:
        rest = "的比例"  # the one wording of a share of the first the grammar reads
    return "按" + match.group("to").replace(" ", "") + rest + word


def _benchmark_share(match: re.Match[str], context: _Context) -> str | None:
    """`最低值为标杆，得分=全市最低值÷本地发生率×4`: the best earns the item's points and the
    others the share of the best — best ÷ own when the best is the lowest, own ÷ best when
    it is the highest (any other formula is read as written)."""
    if context.points is None or match.group("n") != context.points:
        return None
    best = match.group("best")
    a = re.sub(r"^全[市省县区]", "", match.group("a").strip())
    b = re.sub(r"^全[市省县区]", "", match.group("b").strip())
    low = best[1] in "低少小短"
    if (low and not a.startswith(best)) or (not low and not b.startswith(best)):
        return None
    if a.startswith("最") == b.startswith("最"):
        return None
    return f"{best}的得满分,其余按{a}与{b}之比计分"


def _division(match: re.Match[str], context: _Context) -> str | None:
    """`以最少天数除以本乡镇天数再乘以10分计分` → `按最少天数与本乡镇天数之比计分`: a ratio
    with the best on one side, written as a division, times the item's points."""
    if context.points is None or match.group("n") != context.points:
        return None
    before = match.string[: match.start()]
    if not re.search(r"其[余他]", before) and not re.search(r"的\s*,?\s*$", before):
        # no `其余` and no condition: the item's points as the formula itself
        # (`。本项得分=本地值÷全市最高值×5`, `_formula`); after a condition of its own
        # (`低于平均水平的，按本地值÷最高值×4计分`) it is read only with 其余, as before
        return None
    a = re.sub(r"^全[市省县区]", "", match.group("a").strip())
    b = re.sub(r"^全[市省县区]", "", match.group("b").strip())
    if a.startswith("最") == b.startswith("最"):
        return None  # the best on neither side (or both): not a share of the best
    return f"按{a}与{b}之比计分"


#: A formula's parts: numbers, operators and parentheses, and the words between them.
_FORMULA_PART = re.compile(r"\d+(?:\.\d+)?|[-+−×*÷/()]|[^\d\-+−×*÷/()\s]+")
#: A word of a formula naming the unit's own value (`本乡镇整改率`, `本地值`, `其增幅`).
_OWN_VALUE = re.compile(r"^(?:本|该|其)")


def _formula(match: re.Match[str], context: _Context) -> str | None:
    """`其余乡镇得分=(本乡镇整改率-最低值)÷(最高值-最低值)×4`: a formula written in words
    → `其余得((本值-最低值)÷(最高值-最低值)×4)分`, where the words for the unit's own
    value become `本值` (the line's one fact) and those for the batch's highest,
    lowest and mean value `最高值` (`最多值`…, the same best word), `最低值`, `平均值`.
    Only when every word is one of those, one names the unit's own value and one a
    batch value: any other formula is read as written (and refused with what to write)."""
    formula = _formula_text(match.group("f"), _line_fact(match.string))
    if formula is None:
        return None
    head = "其余" if match.group("head") else ""
    if head and not _agrees_with_best(match, formula, context):
        return None
    return f"{head}得({formula})分"


#: What a formula's word says before the measure it names: whose value (`本乡镇`, `本地`,
#: `全市最高`, `全县平均`).
_FORMULA_WHOSE = re.compile(
    r"^(?:(?:全[市省县区]|本[市省县区])?\s*(?:最[高低大小多少长短]|平均)"
    rf"|本\s*{_NOUN}|本地|本|该单位|该|其)"
)
#: Measures that name no measure of their own: the value of the line's fact.
_PLAIN_MEASURES = frozenset({"", "值", "数值", "数", "数据", "指标", "指标值", "水平"})


def _names_the_fact(word: str, fact: str | None) -> bool:
    """`本乡镇整改率`, `全市最高值`, `平均增速` name the line's fact `【安全隐患整改率】`
    (`增速` of `【收入增速】`): what follows whose value it is is nothing, or ends the
    fact's name.  Another measure (`本地人口数` on a line about a rate) is not read."""
    whose = _FORMULA_WHOSE.match(word)
    measure = word[whose.end() :] if whose else word
    measure = measure.removesuffix("值") if measure not in _PLAIN_MEASURES else measure
    if measure in _PLAIN_MEASURES:
        return True
    return fact is not None and (kw.tail_of(fact, measure) or _same_measure(measure, fact))


def _formula_text(text: str, fact: str | None) -> str | None:
    """A formula in words (`本地值÷全市最高值×4`) in the grammar's words (`本值÷最高值×4`),
    or None when a word is not the unit's own value or a batch value of the line's one
    fact (see `_formula`)."""
    parts = _FORMULA_PART.findall(text)
    out: list[str] = []
    own = batch = False
    for part in parts:
        if part[0].isdigit() or part in "-+−×*÷/()":
            out.append(part)
            continue
        if not _names_the_fact(part, fact):
            return None
        best = re.findall(r"最([高低大小多少长短])", part)
        if "平均" in part and not best:
            out.append("平均值")
            batch = True
        elif len(best) == 1 and "平均" not in part:
            out.append(f"最{best[0]}值")
            batch = True
        elif not best and _OWN_VALUE.match(part):
            out.append("本值")  # THIS_FACT, as short as the shortest own word (本地值)
            own = True
        else:
            return None
    if not (own and batch):
        return None
    return "".join(out)


#: What a formula's batch words stand for in `_best_earns`: values 1…3, the mean 2; the
#: best unit's own value is the highest (3) or the lowest (1) by the side that is best.
_SAMPLE = {"最高值": 3, "最大值": 3, "最多值": 3, "最长值": 3, "平均值": 2}
_SAMPLE |= {"最低值": 1, "最小值": 1, "最少值": 1, "最短值": 1}
_BEST_OWN = {"high": 3, "low": 1}


def _best_earns(formula: str, side: str) -> Decimal | None:
    """What the formula (in the grammar's words) gives the best unit, on sample values
    (None when it cannot be computed): `以最高值为基准，得分=…` says the best earns the
    item's points only when it does."""
    text = formula
    words = {**_SAMPLE, "本值": _BEST_OWN[side]}
    for word, value in sorted(words.items(), key=lambda w: -len(w[0])):
        text = text.replace(word, str(value))
    text = text.replace("×", "*").replace("÷", "/").replace("−", "-")
    try:
        tree = pyast.parse(text, mode="eval")
    except SyntaxError:
        return None

    def value(node: pyast.AST) -> Decimal:
        if isinstance(node, pyast.Constant) and isinstance(node.value, int | float):
            return Decimal(str(node.value))
        if isinstance(node, pyast.UnaryOp) and isinstance(node.op, pyast.USub):
            return -value(node.operand)
        if isinstance(node, pyast.BinOp):
            a, b = value(node.left), value(node.right)
            ops = {pyast.Add: a.__add__, pyast.Sub: a.__sub__, pyast.Mult: a.__mul__}
            if isinstance(node.op, pyast.Div):
                return a / b
            if type(node.op) in ops:
                return ops[type(node.op)](b)
        raise ValueError("not a formula")

    try:
        return value(tree.body)
    except (ValueError, ArithmeticError, RecursionError):
        return None


def _benchmark_formula(match: re.Match[str], context: _Context) -> str | None:
    """`以全市最高值为基准，得分=本地数值÷全市最高值×5` (or `为满分标准，其余…得分=…`):
    the best earns the item's points and the others the formula, when the formula
    gives the best exactly those points (`_best_earns`); else read as written."""
    fact = _line_fact(match.string)
    formula = _formula_text(match.group("f"), fact)
    if formula is None or context.points is None:
        return None
    if not _names_the_fact("最" + match.group("b") + match.group("m"), fact):
        return None
    best = match.group("b")
    side = "low" if best in "低少小短" else "high"
    if _best_earns(formula, side) != Decimal(context.points):
        return None
    return f"最{best}的得满分,其余得({formula})分"


_AVERAGE_WORD = r"(?:全[市省县区])?\s*平均(?:值|水平|数)?"
_N = r"\d+(?:\.\d+)?"
#: A base at the mean and whole steps either side of it (`_base_points`).
_BASE_POINTS = re.compile(
    rf"(?:等于|达到|与)?\s*{_AVERAGE_WORD}\s*(?:持平)?\s*的\s*,?\s*得\s*(?:基础分|基本分)?\s*(?P<b>{_N})\s*分"
    rf"\s*[,;]\s*(?:高于{_AVERAGE_WORD}的\s*,?\s*)?每\s*(?:高于|高出|高|超过|超出)\s*(?:{_AVERAGE_WORD})?\s*"
    rf"(?P<s1>{_N})\s*个百分点\s*(?:加|得)\s*(?P<a>{_N})\s*分"
    rf"(?:\s*[,;]\s*(?:加分)?\s*(?:最多加|最高加|加分最多)\s*(?P<m>{_N})\s*分"
    rf"|\s*[,;]\s*最高得?\s*(?P<t>{_N})\s*分)?"
    rf"\s*[,;]\s*(?:低于{_AVERAGE_WORD}的\s*,?\s*)?每\s*(?:低于|低|少于)\s*(?:{_AVERAGE_WORD})?\s*"
    rf"(?P<s2>{_N})\s*个百分点\s*(?:扣|减)\s*(?P<d>{_N})\s*分"
    rf"(?:\s*[,;]\s*扣完为止)?"
    rf"(?:\s*[,;]\s*本项最高\s*(?P<t2>{_N})\s*分\s*[、,]\s*最低\s*0\s*分)?"
    r"(?=\s*(?:[,;。]|$))"
)


def _base_points(match: re.Match[str], context: _Context) -> str | None:
    """`达到全市平均值的得基础分2分，每高于平均值1个百分点加0.2分，最多加1分；每低于平均值
    1个百分点扣0.4分，扣完为止` in an item of 3: the unit at the mean has 2, each whole point
    above adds 0.2 (at most 1), each below takes 0.4, within [0, 3] — the formula
    2 + 最小(取整(最大(X − 平均值, 0) ÷ 1) × 0.2, 1) − 取整(最大(平均值 − X, 0) ÷ 1) × 0.4.
    Only in percentage points (a % of the mean is E116), and only when the highest the
    sentence allows (2 + 1, or 最高得3分) is the item's points: else the sentence and the
    item disagree on the most a unit can have (read as written: refused)."""
    if context.points is None:
        return None
    points, base = Decimal(context.points), Decimal(match.group("b"))
    most = match.group("t") or match.group("t2")
    if match.group("m") is not None:
        if base + Decimal(match.group("m")) != points or most is not None:
            return None
    elif most is None or Decimal(most) != points:
        return None
    if not base <= points:
        return None

    def steps(gap: str, size: str) -> str:
        inner = f"最大({gap},0)" + ("" if Decimal(size) == 1 else f"÷{size}")
        return f"取整({inner})"

    up = f"{steps('本值-平均值', match.group('s1'))}×{match.group('a')}"
    if match.group("m") is not None:
        up = f"最小({up},{match.group('m')})"
    down = f"{steps('平均值-本值', match.group('s2'))}×{match.group('d')}"
    return f"得({match.group('b')}+{up}-{down})分"


def _ratio_times(match: re.Match[str], _: _Context) -> str | None:
    """`按本地产量与全市平均产量的比值乘以3分计算`: the formula it spells out, when both
    sides are values of the line's fact and the other the mean (see `_formula`; a ratio
    to the best is a share of the best, `times points`)."""
    text = f"{match.group('a')}÷{match.group('b')}×{match.group('n')}"
    formula = _formula_text(text, _line_fact(match.string))
    if formula is None or "平均值" not in formula or "最" in formula:
        return None
    return f"得({formula})分"


def _benchmark_gap(match: re.Match[str], context: _Context) -> str | None:
    """`以全市最高值为标杆，达到标杆的得4分；低于标杆的，差距每0.5个百分点扣0.25分`: steps
    below the best, when the best's points are the item's (its gap of 0 keeps them)."""
    if context.points is None or match.group("n") != context.points:
        return None
    return f"每低于最{match.group('b')}值{match.group('s')}个百分点"


def _rest_from_the_best(match: re.Match[str], context: _Context) -> str | None:
    """`全市最低的得1分，其余在1分基础上，每高于全市最低值1个百分点加0.5分（按实际差值计算）`:
    the rest start from the best's 1 point and move by the gap to the best — the formula
    `1 + (本值 − 最低值) ÷ 1 × 0.5` (whole steps, 取整, unless 按实际差值) — when the line
    gives the best those points and the step goes away from it (above the lowest)."""
    best, verb, gap = match.group("e"), match.group("v"), "本值-最{}值"
    lowest = best in "低少小短"
    if lowest != (verb in ("高于", "高出")):
        return None  # 每低于最低值: no unit is below the lowest
    said = _BEST_SAID.search(match.string[: match.start()])
    if said is None or said.group("b") != best or said.group("n") != match.group("b"):
        return None
    distance = (gap if lowest else "最{}值-本值").format(best)
    steps = f"({distance})÷{match.group('s')}"
    if not match.group("r"):
        steps = f"取整({steps})"
    sign = "+" if match.group("w") == "加" else "-"
    return f"其余得({match.group('b')}{sign}{steps}×{match.group('a')})分"


def _rest_per_count(match: re.Match[str], context: _Context) -> str | None:
    """`全县最多的乡镇，本项不得分；其余乡镇每发生1起扣1分`: the units a rank rule did not
    take lose 1 a case — `其余扣(本值×1)分` — when the line's one fact is counted in that
    unit (a count: `起`; another measure is read as written)."""
    fact = _line_fact(match.string)
    declared = dict(context.facts).get(fact or "")
    if fact is None or declared != match.group("u") or not _RANKED_RULE.search(match.string):
        return None
    n = 1 if match.group("n") == "一" else int(match.group("n"))
    count = "本值" if n == 1 else f"取整(本值÷{n})"
    return f"其余扣({count}×{match.group('m')})分"


#: A rule by place or by the best before a 其余 (`全县最多的`, `第1名`, `前三名`).
_RANKED_RULE = re.compile(
    r"最[高低多少大小长短](?:的|者)|第\s*[\d一二三四五六七八九十]+\s*[名位]|[前后末]"
)


def _base_step(match: re.Match[str], _: _Context) -> str | None:
    """`以全市最低值为基数，每高出1个百分点得0.25分`: steps from the batch's lowest value
    (`每高出最低值…`), when the base names the line's fact."""
    if not _names_the_fact("最" + match.group("b") + match.group("m"), _line_fact(match.string)):
        return None
    return f"每{match.group('v')}最{match.group('b')}值"


def _item_cap_said(match: re.Match[str], context: _Context) -> str | None:
    return "" if context.points is not None and match.group("n") == context.points else None


#: The best unit's points said before the rest's formula: `最低的县区得6分`, `最高的得满分`.
_BEST_SAID = re.compile(
    rf"最(?P<b>[高低多少大小长短])(?:的|者)\s*(?:{_NOUN})?\s*(?:得\s*(?P<n>\d+(?:\.\d+)?)\s*分|得满分)"
)


def _agrees_with_best(match: re.Match[str], formula: str, context: _Context) -> bool:
    """The rest's formula gives the best unit what the line gives it (`最低的得6分，其余按
    “最低值÷本值×6”`): else a unit just short of the best would drop from 6 to 5 or jump
    above it, which no careful reader takes as meant — read as written (refused)."""
    said = _BEST_SAID.search(match.string[: match.start()])
    if said is None:
        return True
    points = said.group("n") or context.points
    side = "low" if said.group("b") in "低少小短" else "high"
    return points is not None and _best_earns(formula, side) == Decimal(points)


def _rest_benchmark(match: re.Match[str], context: _Context) -> str | None:
    """`其他县区以最低值为基数，按“最低值÷本县区值×6”计分`: the benchmark the formula
    divides by, said before it — the formula for the rest, when it names that best and
    gives it what the line gives the best."""
    fact = _line_fact(match.string)
    formula = _formula_text(match.group("f"), fact)
    best = "最" + match.group("b")
    if formula is None or best not in formula or not _agrees_with_best(match, formula, context):
        return None
    if not _names_the_fact(best + match.group("m"), fact):
        return None
    return f"其余得({formula})分"


#: Names of one growth measure (`增幅` of `【税收收入增长率】`, `负增长` of `【…增速】`).
_GROWTH = ("增速", "增长率", "增幅", "增长幅度", "增长")


def _same_measure(own: str, name: str) -> bool:
    """`own` names the ranked fact: its own tail (`减排量` of `【减排量】`), a word for the
    unit itself (`本县区`), or a growth word when the fact is a growth (`增幅` of
    `【税收收入增长率】`)."""
    if own in _OWN_WORDS or (len(own) >= 2 and kw.tail_of(name, own)):
        return True
    return own in _GROWTH and name.endswith(_GROWTH)


def _negative_share(match: re.Match[str], _: _Context) -> str | None:
    """`…按比值计分，减排量为负数的不得分`: a clause of its own on the ranked fact (or the
    fact compared with the average: `高于平均增速的得4分…；增速为负的不得分`)
    (`；低于0的，不得分`), never dropped: a share already gives a negative value 0, but the
    best unit earns the full points whatever its value, and with every value negative the
    best is negative too — the sentence gives it nothing."""
    before = match.string[: match.start()]
    if not re.search(
        r"之比|比值|比例|排名|排序|名次|位次|第\s*(?:1|一)\s*[名位]|最[高低多少大小]|平均", before
    ):
        return None
    own = match.group("own") or "增长"  # `负增长的`: the growth the clause ranks
    ranked = _FACT_NAME.search(before)
    if ranked is None or not _same_measure(own, ranked.group(1)):
        return None
    if match.group("exact") is not None:  # `调用量为零的`: exactly 0 (a negative is not 零)
        return ";等于0的不得分"
    zero = match.group("zero") is not None
    return ";不高于0的不得分" if zero else ";低于0的不得分"


def _negative_growth(match: re.Match[str], _: _Context) -> str | None:
    """`；利润总额负增长的，…` on a line comparing `【国有企业利润总额增长率】`: the growth
    below 0 — the line's one fact, a growth, named by what grows (or not at all)."""
    name = _line_fact(match.string)
    if name is None or not name.endswith(_GROWTH):
        return None
    own = match.group("own")
    if own and not (own in _OWN_WORDS or own + "增" in name or _same_measure(own, name)):
        return None
    return "低于0"


def _share_floor(match: re.Match[str], _: _Context) -> str | None:
    """`…之比乘以6计分，得分低于3分的按3分计`: the share's floor, `，最低得3分`, when the
    two numbers are one and the words follow a share of the best."""
    before = match.string[: match.start()]
    if match.group("n") != match.group("m") or not re.search(r"之比|比值|比例", before):
        return None
    if not re.search(r"最[高低多少大小长短]|第\s*(?:1|一)\s*名|首位", before):
        return None  # `按比例扣分` of a step: no share of the best
    return f",最低得{match.group('n')}分"


def _no_deduction(match: re.Match[str], _: _Context) -> str | None:
    """`超过全市平均水平的扣4分，未超过的不扣分`: the opposite of a deduction's condition
    loses nothing, as every unit the condition leaves out; dropped only right after a
    deduction whose condition uses the same word."""
    before = match.string[: match.start()]
    word = match.group("word")
    said = re.search(rf"】\s*{word}[^,;]*的\s*扣\s*\d", before)
    return None if said is None else ""


#: `每缺1次扣0.5分，按比例计算`: the rounding of a step's part (a word of the grammar), not
#: a share of the best — it stays as written.
#: A step's amount before `按比例…`, with any effect word (`扣除1分`, `扣减1分`, `计2分`).
_STEP_RATIO = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, kw.EFFECTS), key=len, reverse=True)) + ")"
    r"\s*[0-9０-９.．〇零一二两三四五六七八九十百半]+\s*分\s*[,，]\s*按\s*$"
)


def _scoring_word(match: re.Match[str], _: _Context) -> str | None:
    if match.group("ratio") == "比例" and _STEP_RATIO.search(match.string, 0, match.start()):
        return None
    return match.group("ratio") + "计分"


def _places_before(before: str) -> set[int] | None:
    """The places named one by one or as ranges in `before` (None when a place cannot be
    read, or one counts from the bottom)."""
    if re.search(r"倒数|末位|后\s*" + _NUM + r"\s*[名位]|最后", before):
        return None
    named: set[int] = set()
    for found in _PLACES_NAMED.finditer(before):
        first = _number(found.group("a") or (found.group("top") and "1") or "")
        last = _number(found.group("b") or found.group("a") or found.group("top"))
        if first is None or last is None or last < first or last > 1000:
            return None
        named.update(range(first, last + 1))
    return named


def _rest_nothing(match: re.Match[str]) -> str | None:
    """`前三位的，分别计10分、8分、6分，第四位及以后不计分`: places after the named ones
    earn nothing in a clause that only earns (a unit no rule gives points earns none);
    rewritten to `其余不得分` only when places 1..N−1 are exactly those named before."""
    before = match.string[: match.start()]
    start = _number(match.group("n"))
    named = _places_before(before)
    if start is None or not named or named != set(range(1, start)):
        return None
    if re.search(r"扣|加|减", before.split("】")[-1]):
        return None  # the places lose or gain: nothing to say about the rest's points
    return ",其余不得分"


def _rest_no_deduction(match: re.Match[str]) -> str | None:
    """`居末位的扣5分，居倒数第二位的扣3分，其余不扣分`: dropped when every rule before it
    only takes points off (the rest keep theirs as it says); `第一名的加2分，…，其余不加分`
    likewise when every rule before it only adds."""
    rules = match.string[: match.start()].split("】")[-1]
    if match.group("verb") == "加":
        if not re.search(r"加", rules) or re.search(r"得|扣|减|不得分", rules):
            return None
        return ""
    if not re.search(r"扣", rules) or re.search(r"得|加|不得分", rules):
        return None
    return ""


def _onward(match: re.Match[str], _: _Context) -> str | None:
    """`第10名以后的` right after places 1–9 one by one or in ranges is place 10 and every
    one after it (`第10名及以后`); elsewhere `以后` may leave place 10 out, and stays."""
    start = _number(match.group("n"))
    named = _places_before(match.string[: match.start()])
    if start is None or not named or named != set(range(1, start)):
        return None
    text = re.sub(r"\s+", "", match.group())
    new = text[: text.index(match.group("n")) + len(match.group("n")) + 1] + "及以后"
    return new if len(new) <= len(match.group()) else None


_GAP_VERBS = {"低": "低于", "少": "少于", "多": "多于", "高": "高于"}


def _share_of_average(match: re.Match[str], context: _Context) -> str | None:
    """`【检查次数】不足全市平均水平50%的`: below half the mean, which the language writes
    `低于平均值50%` (below the mean by half of it: 平均值 × (1 − 50%)); 70% is `低于平均值30%`.
    Only for an amount or a count (a percentage's 平均值30% has two readings, E252), and
    only when the fact before it is declared as one."""
    ref = re.findall(r"【([^】]+)】", match.string[: match.start()])
    kinds = dict(context.facts)
    if not ref or ref[-1] not in kinds:
        return None
    kind = kinds[ref[-1]]
    if kind.startswith(("百分比", "%", "是否", "日期", "分")):
        return None
    share = Decimal(match.group("n"))
    if not 0 < share < 100:
        return None
    new = f"低于平均值{(100 - share).normalize():f}%"
    return new if len(new) <= len(match.group()) else None


#: Words that name the ranked fact's value whatever it measures (`以数量最多的…为满分`).
_GENERIC_MEASURES = frozenset({"数量", "数值", "总量", "总数", "指标值"})


def _best_first_as_full(match: re.Match[str], context: _Context) -> str | None:
    """`【X】以全市最多的县区为基准计10分`, `以全市最高值为满分5分`, `以全市最高完成率为满分`
    → `最多的得满分` (10, 5 the item's points; a measure after 最高 must end the fact's name)."""
    amount = match.group("n") or match.group("full")
    if amount is not None and amount != context.points:
        return None
    pre = match.group("pre")
    if pre and pre not in _GENERIC_MEASURES:  # `以数量最多的`: the ranked fact's own measure
        ranked = _FACT_NAME.search(match.string[: match.start()])
        if ranked is None or not kw.tail_of(ranked.group(1), pre):
            return None
    best = match.group("best")
    measure = match.group("m")
    if best.endswith("值") or measure:
        if measure:
            ranked = _FACT_NAME.search(match.string[: match.start()])
            if ranked is None or not kw.tail_of(ranked.group(1), measure):
                return None
        best = best[:2] + "者"
    return best + "得满分"


def _gap_to_best(match: re.Match[str], _: _Context) -> str | None:
    """`每比最多的少10万元` → `每少于最多值10万元`: the gap below the largest (above the
    smallest), only on the side where the other units are."""
    best, verb = match.group("best"), match.group("verb")
    what = match.group("what")
    if what is not None:  # `每比最短用时多`: only the ranked fact's own measure
        ranked = re.findall(r"【([^】]+)】", match.string[: match.start()])
        if not ranked or len(what) < 2 or not kw.tail_of(ranked[-1], what):
            return None
    high = best[1] in "高多大长"
    if high != (verb in "低少"):
        return None  # `每比最多的多…`: no unit is past the best
    return f"每{_GAP_VERBS[verb]}{best}值"


def _best_then_gap(match: re.Match[str], context: _Context) -> str | None:
    """`全县最多的得满分，其余乡镇每比最多的少10万元扣0.5分` → the step alone: the best's gap
    is 0, so it keeps the item's points, as the dropped words say — only when they give
    it the item's points and name the same best as the step."""
    amount = match.group("n")
    if amount is not None and amount != context.points:
        return None
    if context.points is None or match.group("best") != match.group("again"):
        return None
    rest = match.string[match.end() :]
    if not re.match(r"每[^,;]*?\d[^,;]*?(?:扣|减)", rest):
        return None  # the step must take points off
    return ""


def _step_before(match: re.Match[str]) -> bool:
    """The step written before the match counts in the same amount and unit."""
    number, unit = match.group("n"), match.group("u").strip()
    before = match.string[: match.start()]
    return bool(re.search(rf"每[^,;]*?{re.escape(number)}\s*{re.escape(unit)}", before))


def _whole_steps(match: re.Match[str], _: _Context) -> str | None:
    return "" if _step_before(match) else None


def _part_in_proportion(match: re.Match[str], _: _Context) -> str | None:
    """`每低1个百分点扣0.5分，不足1个百分点的按比例扣减` → `…，按比例扣分`: the part of a
    step deducted in proportion (扣减, 扣除 and 减分 are 扣分 there; `其余按比例扣减`
    with no step before stays as written, refused as unclear)."""
    if not _step_before(match) or bool(match.group("o")) != bool(match.group("c")):
        return None
    verb = match.group("v") or ""
    if verb in ("计算", "计分", "计"):  # 计分 as another rule wrote 计算
        return "按比例计算"
    return "按比例扣分" if verb else "按比例"


def _floor_as_cap(match: re.Match[str], context: _Context) -> str | None:
    """`每低于平均值1个百分点扣1分，…，最低得3分` in a 10-point item with no other clause:
    the item never falls below 3, which is this clause taking at most 7 (`最多扣7分`); a
    floor of 0 is every item's own (dropped).  Not in a clause that earns or adds, nor
    beside other clauses (whose points the floor would limit too), nor after places."""
    if context.points is None or context.clauses != 1:
        return None
    line = match.string
    body = line[: match.start()] + line[match.end() :]
    if re.search(r"名次|位次|排名|排序|递减|得\s*\d|得满分|加\s*\d|之比|比例计分|比例得分", body):
        return None
    if not re.search(r"每[^,;]*?(?:扣|减)\s*\d", body):
        return None
    floor = Decimal(match.group("n"))
    points = Decimal(context.points)
    if floor == 0:
        return ""
    if not 0 < floor < points:
        return None
    cap = points - floor
    new = f"{match.group('sep')}最多扣{cap.normalize():f}分"
    return new if len(new) <= len(match.group()) else None


def _precision_said(match: re.Match[str], context: _Context) -> str | None:
    digits = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}.get(match.group("d"))
    places = digits if digits is not None else int(match.group("d"))
    if context.precision is None:
        return None
    exponent = Decimal(context.precision).normalize().as_tuple().exponent
    return "" if isinstance(exponent, int) and -exponent == places else None


#: The unit's place, as a formula names it.
_RANK_NAME = r"(?:名次|位次|排名|本单位名次|本县区名次)"


#: A formula of the place (`（参评单位数−本单位位次+1）÷参评单位数×6`): the words for the
#: units in the batch and for the unit's own place.
_COUNT_WORD = re.compile(
    r"(?:参评|参加考核的?|参加考评的?|参与考核的?|参与排名的?|参加排名的?|考核|考评)?"
    r"(?:单位|县区|县市区|乡镇|街道|部门|学校|医院)(?:总数|数量|个数|数)"
)
_PLACE_WORD = re.compile(
    r"(?:本|该)?(?:单位|县区|县|区|乡镇|镇|街道|部门|学校|医院)?(?:名次|位次|排名|排位)"
)


def _place_interpolation(match: re.Match[str], _: _Context) -> str | None:
    """`得分=（参评单位数−本单位位次+1）÷参评单位数×6`: a formula of the unit's place and
    the number of units → `得((单位数−名次+1)÷单位数×6)分` (read in a clause that ranks:
    E261 otherwise)."""
    formula = _place_words(match.group("f"))
    return None if formula is None else f"得({formula})分"


def _place_words(text: str) -> str | None:
    """A formula of the place in words in the grammar's words (`名次`, `单位数`), or None
    unless every word is one of those two and the place is used."""
    parts = _FORMULA_PART.findall(text)
    out: list[str] = []
    for part in parts:
        if part[0].isdigit() or part in "-+−×*÷/()":
            out.append(part)
        elif _COUNT_WORD.fullmatch(part):
            out.append("单位数")
        elif _PLACE_WORD.fullmatch(part):
            out.append("名次")
        else:
            return None
    if "名次" not in out:
        return None
    return "".join(out)


def _place_formula(match: re.Match[str], _: _Context) -> str | None:
    """`得分=10-（名次-1）×1.5`: place r earns 10 − 1.5 × (r − 1), which is `第1名得10分，
    逐名递减1.5分` (a following `最低0分` is the step's floor).  Only this exact shape: any
    other formula is read as written (and refused with what to write)."""
    step = match.group("s") or match.group("s2")
    new = f"第1名得{match.group('top')}分,逐名递减{step}分"
    return new if len(new) <= len(match.group()) else None


_ENDS = {
    "高": "低",
    "低": "高",
    "多": "少",
    "少": "多",
    "大": "小",
    "小": "大",
    "长": "短",
    "短": "长",
}


def _first_end(match: re.Match[str], _: _Context) -> str:
    """`少的排名靠前`: ranked from the small end first, `从少到多排名`."""
    first = match.group("w")
    return f"从{first}到{_ENDS[first]}排名"


def _tie_rule(match: re.Match[str], _: _Context) -> str:
    return ""


def _order_restated(match: re.Match[str], _: _Context) -> str | None:
    """`最少的乡镇得满分，其余乡镇按由少到多的顺序，每后移一位扣1分`: the order says again what
    the best word said; dropped only when the two agree."""
    before = match.string[: match.start()]
    best = re.search(r"最(高|低|多|少|大|小|长|短)", before)
    if best is None:
        return None
    first = match.group("first")
    if best.group(1) not in first:
        return None
    return ""


def _passive(match: re.Match[str], _: _Context) -> str | None:
    """`被上级通报【X】的`: blanked when the words name only who found it — a level
    (`省级以上`) is the one protected word they may hold; a negation or a number stays."""
    words = re.sub(r"[省市县区部]级以上", "", match.group())
    return None if protected_words(words) else ""


#: `被上级通报【X】的` → `【X】的`: who found an event, on any clause line.
_PASSIVE = (
    "passive event",
    re.compile(r"(?<![^\s\-,;])被[^【】,;的\s]{1,12}?(?=【[^】]+】\s*的)"),
    _passive,
)
#: `（不足1个百分点的不扣分）`, `，不足2个百分点的部分不扣分` after a step of that size:
#: whole steps, as steps always count (docs/language.md 第11节).
_WHOLE_STEPS = (
    (
        "whole steps",
        re.compile(
            r"\(\s*不足\s*(?P<n>\d+(?:\.\d+)?|[一两二三四五六七八九十半])\s*(?P<u>[^\s\d()的]{0,4}?)\s*的?\s*"
            r"(?:部分)?\s*不(?:扣分|扣|计分|计|减分)\s*\)"
        ),
        _whole_steps,
    ),
    # （不足0.5个百分点的部分按0.5个百分点计） → ，不足0.5个百分点的部分按0.5个百分点计
    (
        "part as a step",
        re.compile(
            r"\(\s*(?P<words>不足\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<u>[^\s\d()的]{0,4}?)\s*的?\s*(?:部分)?\s*"
            r"按\s*(?P=n)\s*(?P=u)\s*计)\s*\)"
        ),
        lambda m, c: "," + m.group("words") if _step_before(m) else None,
    ),
    (
        "whole steps",
        re.compile(
            r",\s*(?:(?:差距|差值|相差)\s*中?)?\s*不足\s*(?P<n>\d+(?:\.\d+)?|[一两二三四五六七八九十半])\s*"
            r"(?P<u>[^\s\d,;()的]{0,4}?)\s*的?\s*(?:部分)?\s*"
            r"不(?:扣分|扣|计分|计|减分)(?=\s*(?:[,;]|$))"
        ),
        _whole_steps,
    ),
)
#: `，本项记0分` → `，不得分`: the item's 0 (only with 本项: a place's 得0分 earns nothing).
_ITEM_ZERO = (
    "item zero",
    re.compile(r"(?<=[,;])\s*本项\s*(?:记|计|得)\s*0\s*分"),
    lambda m, c: "不得分",
)
#: The rules read on every clause line, not only on those about the batch.
#: 【事故】为1起及以上的 → 【事故】1起及以上的 (为 before a count and its bound)
_IS: _Rule = (
    "is",
    re.compile(
        r"(?<=】)\s*为(?=\s*\d+(?:\.\d+)?\s*[^\s\d,;的]{0,3}?\s*(?:及以上|以上|及以下|以下)\s*的)"
    ),
    _blank,
)
#: 【合格率】在90%以下的 → 【合格率】90%以下的 (在 before a number and its bound)
_AT: _Rule = (
    "is",
    re.compile(
        r"(?:(?<=】)|(?<=】均)|(?<=】都)|(?<=[,;]))\s*在(?=\s*\d+(?:\.\d+)?\s*(?:%|个百分点|[^\s\d,;的]{0,3}?)\s*"
        r"(?:及以上|以上|及以下|以下)\s*的)"
    ),
    _blank,
)
#: A bound's own remark: `（含）`, `（不含3次）`, `（包括本数）`.
_REMARK = (
    r"[(（]\s*(?P<neg>不)?(?:含|包含|包括)\s*(?:本数|(?P<again>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>%|个百分点|[^\s\d,;()（）的]{0,3}?))?\s*[)）]"
)
_BOUND_UNIT = r"(?:%|个百分点|[^\s\d,;:()（）【】的以及含不]{0,3}?)"
#: `【投诉】3次以上（含3次）的` → `【投诉】达到3次的`: the remark says on which side the bound is,
#: and it wins over the header's 边界 (which only says what a bare 以上 means) — so the
#: words read are those that include or leave out the bound by themselves.
_BOUND_SAID: _Rule = (
    "bound said",
    re.compile(
        r"(?:(?<=】)|(?<=】均)|(?<=】都)|(?<=[,;]))\s*(?:在\s*)?"
        rf"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>{_BOUND_UNIT})\s*"
        rf"(?:(?P<word>及以上|以上|及以下|以下|以内)\s*{_REMARK}"
        rf"|{_REMARK.replace('neg', 'neg2').replace('again', 'again2').replace('unit', 'unit2')}"
        r"\s*(?P<word2>及以上|以上|及以下|以下|以内))"
        r"(?=\s*(?:的|得|扣|加|计|不得分))"
    ),
    lambda m, c: _bound_said(m),
)
#: The word that says a bound's side by itself, by (the word after the number, 不含).
_SIDE_SAID = {
    ("以上", False): "达到",
    ("以上", True): "超过",
    ("以下", False): "不超过",
    ("以下", True): "低于",
    ("以内", False): "不超过",
    ("以内", True): "低于",
}


def _bound_said(match: re.Match[str]) -> str | None:
    again = match.group("again") or match.group("again2")
    if again is not None and Decimal(again) != Decimal(match.group("n")):
        return None  # `3次以上（含5次）`: another number, read (refused) as written
    unit = match.group("unit") or match.group("unit2") or ""
    if unit not in ("", match.group("u")):
        return None  # `（含3次数）`, `（不含90%非）`: more than the bound again
    word = (match.group("word") or match.group("word2")).removeprefix("及")
    excluded = bool(match.group("neg") or match.group("neg2"))
    return f"{_SIDE_SAID[word, excluded]}{match.group('n')}{match.group('u')}"


#: A range's end with its own remark: `80%（含）`, `90%（不含本数）`.
_END_SAID = (
    r"(?P<{n}>\d+(?:\.\d+)?)\s*(?P<{n}u>%|个百分点|[^\s\d,;:()（）【】的以及含不至到和与-]{{0,3}}?)\s*"
    r"[(（]\s*(?P<{n}neg>不)?(?:含|包含|包括)\s*(?:本数)?\s*[)）]"
)
#: `【化解率】在80%（含）至90%（不含）之间的` → `【化解率】达到80%且低于90%的`: each end says
#: whether it is in the range (without the remarks the range is refused, E116).
_RANGE_SAID: _Rule = (
    "range said",
    re.compile(
        r"(?:(?<=】)|(?<=[,;]))\s*(?:在|介于|处于)?\s*"
        + _END_SAID.format(n="a")
        + r"\s*(?:-|—|–|~|～|至|到|和|与)\s*"
        + _END_SAID.format(n="b")
        + r"\s*(?:之间|范围内)?(?=\s*(?:的|得|扣|加|计|不得分))"
    ),
    lambda m, c: _range_said(m),
)


def _range_said(match: re.Match[str]) -> str | None:
    unit = match.group("bu")
    if match.group("au") not in ("", unit) or Decimal(match.group("a")) >= Decimal(
        match.group("b")
    ):
        return None  # `80分（含）至90%（不含）`, `90%（含）至80%（含）`: read (refused) as written
    low = "超过" if match.group("aneg") else "达到"
    high = "低于" if match.group("bneg") else "不超过"
    return f"{low}{match.group('a')}{unit}且{high}{match.group('b')}{unit}"


#: 【X】没有达到90%的 → 【X】未达到90%的: a comparison negated by 没有, 没, 未能 or 未 is the
#: language's own negated word, which says the same (未低于90% is 不低于90%: at least 90).
_NEGATED_COMPARISONS = {
    "达到": "未达到",
    "超过": "未超过",
    "低于": "不低于",
    "高于": "不高于",
    "少于": "不少于",
    "多于": "不多于",
}
_NEGATED: _Rule = (
    "negated comparison",
    re.compile(r"(?<=】)\s*(?:没有|没|未能|未)(?P<word>达到|超过|低于|高于|少于|多于)(?=\s*\d)"),
    lambda m, c: _NEGATED_COMPARISONS[m.group("word")],
)


def _grade_said(match: re.Match[str], _: _Context) -> str | None:
    """`年度考核直接评为优秀`: the grade given outright, `等次确定为优秀` — never after a
    negation (`不得直接评为优秀` is read as written)."""
    before = re.sub(r"\s+", "", match.string[: match.start()])
    if re.search(r"(?:不|未|无|非|没)[得能予可]?$", before):
        return None
    return f"等次确定为{match.group('b')}"


#: `年度考核直接评定为不合格` → `等次确定为不合格`: a line need not speak of the batch for
#: this (`发生重大水污染事件的，年度考核直接评定为不合格`).
_GRADE_SAID = (
    "grade scope",
    re.compile(
        r"(?:年度考核|考核|年度|当年考核)?\s*直接\s*(?:确定|评定|定|评)为\s*"
        r"(?P<b>优秀|良好|合格|称职|基本合格|不合格|不称职)(?!\s*(?:及|或)?\s*以[上下])"
    ),
    _grade_said,
)


#: Words that make a named assessment another year's or several (`当年和次年考核`,
#: `连续两年考核`): a limit this policy cannot set — read as written (refused).
_OTHER_YEARS = re.compile(r"次年|下一?年|明年|来年|[两二三四五\d]年|连续|和|及|与|或")


def _assessment_named(match: re.Match[str], _: _Context) -> str | None:
    """`年度教育督导考核不得评为优秀`: the name of this year's assessment adds nothing —
    unless it says other years too."""
    if _OTHER_YEARS.search(match.group("name")):
        return None
    return ""


def _half_points(match: re.Match[str], context: _Context) -> str | None:
    """`达到平均值的得4分；低于平均值的，本项得分减半` (4 the item's points, on its only
    clause line): half of what the other clause earns — the units it leaves earn nothing
    else that could be halved.  Beside other amounts, or other lines, read as written."""
    line = match.string
    if context.points is None or context.clauses != 1 + line.count(";"):
        return None  # the item has other lines
    rest = line[: match.start()] + line[match.end() :]
    earned = re.findall(r"得\s*(\d+(?:\.\d+)?)\s*分|得满分", rest)
    if not earned or any(amount and amount != context.points for amount in earned):
        return None
    if re.search(r"[扣加减]\s*\d|每", rest):
        return None
    new = f"得{(Decimal(context.points) / 2).normalize():f}分"
    return new if len(new) <= len(match.group().strip()) else None


#: A unit in parentheses, after a fact's name (`【有效投诉量】（件/万人）`: the unit the
#: data block declares) or after a number (`每高出0.1（人/10万人）`: the number's own).
_UNIT_WORDS = kw.alternation(u for u in kw.UNITS if u != kw.POINTS_UNIT)
_UNIT_REMARK = (
    "unit remark",
    re.compile(rf"(?:(?<=】)|(?P<n>\d+(?:\.\d+)?))\s*\(\s*(?P<u>{_UNIT_WORDS})\s*\)"),
    lambda m, c: m.group("n") + m.group("u") if m.group("n") else "",
)
_HALF_POINTS = (
    "half the points",
    re.compile(
        r"(?<=[,;])\s*(?:本项|该项)?\s*(?:得分|分值)\s*减半(?:计算|计分|计)?(?=\s*(?:[,;。]|$))"
    ),
    _half_points,
)
#: `【完成率】应达到95%，未达到的扣2分` → `【完成率】未达到95%的扣2分`: a requirement, then what a
#: unit that misses it loses — the miss is the requirement's exact complement (words
#: whose side the header's 边界 could change, `95%以上`, are left as written).  Only before
#: a fixed amount or steps of the gap (`每低…`, `每多…`): `超过的，每次扣1分` after a
#: requirement counts the excess, never every occurrence, so it is left as written.
_MISSED_REQUIREMENT = {
    word: (
        kw.COMPLEMENTS[word],
        "shortfall" if kw.COMPARE_BEFORE[word].direction == "ge" else "excess",
    )
    for word in ("达到", "不低于", "不少于", "不超过", "不高于", "不多于")
}
#: The words that name the units missing a requirement, by the side it is missed on.
_MISS_WORDS = {
    "shortfall": (
        "未达到的",
        "没有达到的",
        "达不到的",
        "未达标的",
        "不达标的",
        "低于的",
        "少于的",
        "不足的",
        "否则",
    ),
    "excess": ("超过的", "超出的", "多于的", "高于的", "未达标的", "不达标的", "否则"),
}
#: `不得超过3次` (the requirement 不超过): the word barred is the miss itself.
_BARRED = {
    "超过": "excess",
    "高于": "excess",
    "多于": "excess",
    "低于": "shortfall",
    "少于": "shortfall",
}
_REQUIREMENT_MISSED: _Rule = (
    "requirement missed",
    re.compile(
        r"(?<=】)\s*(?:(?:应当|必须|应|须|需|要)\s*(?P<word>"
        + "|".join(sorted(_MISSED_REQUIREMENT, key=len, reverse=True))
        + r")|不得\s*(?P<barred>"
        + "|".join(sorted(_BARRED, key=len, reverse=True))
        + r")|(?P<plain>"
        + "|".join(
            w for w in sorted(_MISSED_REQUIREMENT, key=len, reverse=True) if w in kw.STANDARD_WORDS
        )
        + r"))\s*(?P<n>\d+(?:\.\d+)?\s*(?:%|个百分点|[^\s\d,;:、()【】的以]{0,3}?))\s*[,;]\s*"
        r"(?P<miss>"
        + "|".join(sorted({w for ws in _MISS_WORDS.values() for w in ws}, key=len, reverse=True))
        + r")\s*,?(?=\s*(?:扣\s*\d|(?:本项|该项)?不得分|每\s*(?:低|少|降|下降|差|缺|超|多|高)))"
    ),
    lambda m, c: _requirement_missed(m),
)


def _requirement_missed(match: re.Match[str]) -> str | None:
    barred = match.group("barred")
    if barred is not None:
        complement, side = barred, _BARRED[barred]
    else:
        # `应达到95%`, or a word that is a standard without 应 (`不少于4次，少于的…`)
        complement, side = _MISSED_REQUIREMENT[match.group("word") or match.group("plain")]
    if match.group("miss") not in _MISS_WORDS[side]:
        return None  # `应达到95%，超过的…`: the other side, read (refused) as written
    number = re.sub(r"[ \t]", "", match.group("n"))
    return f"{complement}{number}的"


#: `【完成率】90%以上得6分、80%以上得4分` → `…得6分；80%以上得4分`: 、 after an amount, before
#: another bound of the line's fact, parts two clauses (as ；) — then read, or refused as
#: tiers (E267), like any two clauses; `分别扣1分、2分` has no bound after it.
_TIER_MARK = (
    "tier mark",
    re.compile(
        r"(?<=分)\s*、(?=\s*(?:\d+(?:\.\d+)?\s*(?:%|个百分点|[^\s\d,;:、()【】的]{0,3}?)\s*(?:及以上|及以下|以上|以下)"
        r"|(?:达到|不低于|不少于|不超过|低于|少于|超过|高于|不足|未达到)\s*\d))"
    ),
    lambda m, c: ";",
)
#: `【例会次数】全年不少于4次，…` → `【例会次数】不少于4次，…`: the period of a fact is the
#: assessment's year (年度); a word for it between the fact and its comparison adds nothing.
_PERIOD_WORDS = kw.PERIOD_WORDS
_DOING_WORDS = kw.DOING_WORDS
#: A period, a verb of doing, or both (`全年召开`): words around a required count.
_PERIOD_OR_DOING = rf"(?:(?:{_PERIOD_WORDS})\s*(?:{_DOING_WORDS})?|(?:{_DOING_WORDS}))"
_COMPARED = rf"(?:{kw.REQUIRED_WORDS})"
_PERIOD = (
    "period",
    re.compile(
        rf"(?<=】)\s*{_PERIOD_OR_DOING}"
        rf"(?=\s*(?:应|须|必须)?\s*{_COMPARED})"
    ),
    lambda m, c: _period(m),
)
_DOING = re.compile(_DOING_WORDS)


def _period(match: re.Match[str]) -> str | None:
    """The period is dropped; a verb of doing only beside a fact that counts the doing:
    `【缺会次数】全年召开不少于4次` requires 4 meetings held, which is no bound on the
    meetings missed (as the verb's reading, 缺会次数 ≥ 4, would take it): refused."""
    if _DOING.search(match.group()) is None:
        return ""
    after = re.match(r"\s*【([^【】]+)】", match.string[match.end() :])
    fact = _fact_before(match) or (after.group(1) if after else "")
    return None if kw.MISSED_NAME.search(fact) else ""  # (syntax_errors `_doing_missed`)


def _fact_before(match: re.Match[str]) -> str:
    """The fact named right before a match (`【X】` then blanks), or ""."""
    found = re.search(r"【([^【】]+)】\s*$", match.string[: match.start()])
    return found.group(1) if found else ""


def _on_done_fact(
    make: Callable[[re.Match[str]], str],
) -> Callable[[re.Match[str], _Context], str | None]:
    """A reading of a verb of doing (`完成90%` as the share reached, `应召开4次` as 应达到)
    only on a fact of what was done: on 【未完成率】 or 【缺会次数】 it would be the
    opposite measure, left as written (syntax_errors `_done_missed`, `_doing_missed`)."""

    def read(match: re.Match[str], _: _Context) -> str | None:
        return None if kw.MISSED_NAME.search(_fact_before(match)) else make(match)

    return read


#: `【培训次数】全年组织培训不少于2次`, `【检查次数】应开展检查不少于12次` → `【培训次数】不少于2次`: a
#: verb of doing and the thing done, which the fact's name already says (`培训` in 【培训次数】);
#: a modal before them stays.
_DOING_NAMED = (
    "doing named",
    re.compile(
        rf"(?<=】)(?P<lead>\s*(?:(?:{_PERIOD_WORDS})\s*)?)(?P<modal>(?:应当|必须|应|须)?)"
        rf"\s*(?:{_DOING_WORDS})\s*(?P<noun>[\u4e00-\u9fff]{{1,6}}?)(?=\s*{_COMPARED})"
    ),
    lambda m, c: _doing_named(m),
)


def _doing_named(match: re.Match[str]) -> str | None:
    fact = _line_fact(match.string)
    if fact is None or not kw.holds_name(fact, match.group("noun")):
        return None  # (`组织培训不少于2次` on 【未培训人数】: a standard the fact turns round)
    modal = match.group("modal")  # kept right before the comparison it belongs to
    return " " * (len(match.group()) - len(modal)) + modal


#: `【例会次数】应召开4次，每缺1次扣1分` → `应达到4次`: 应 and a verb of doing before the number
#: is the requirement (at least that many), as 应达到 says it.
_SHOULD_DO = (
    "should do",
    re.compile(
        rf"(?<=】)\s*(?:(?:{_PERIOD_WORDS})\s*)?(?:应|须|必须|应当)\s*(?:{_DOING_WORDS})"
        r"(?=\s*(?:\d|[一二两三四五六七八九十]))"
    ),
    _on_done_fact(lambda m: "应达到"),
)
#: `【投诉】控制在3次以内，每超1次扣1分`, `应控制在…以下` → `【投诉】3次以内，…`: a ceiling kept
#: is the bound itself (以内 / 以下 stay, so the header's 边界 still says whether 3 is in).
_KEPT_WITHIN = (
    "kept within",
    re.compile(
        rf"(?<=】)\s*(?:(?:{_PERIOD_WORDS})\s*)?(?:应|须|必须|应当|要)?\s*(?:控制在|控制于|保持在)"
        r"(?=\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*[^\s\d,;:()（）【】的]{0,4}?\s*(?:以内|以下))"
    ),
    _blank,
)
#: `全年召开【例会次数】不少于4次` → `【例会次数】不少于4次`: the same words before the fact, at
#: the start of a clause (after 未, 不 or any other word they are read as written).
_PERIOD_BEFORE = (
    "period",
    re.compile(
        rf"(?:(?<=-)|(?<=[,;]))\s*{_PERIOD_OR_DOING}"
        rf"(?=\s*【[^【】\n]+】\s*(?:应|须|必须)?\s*{_COMPARED})"
    ),
    lambda m, c: _period(m),
)
#: `【完成率】达到80%但低于90%的` → `…达到80%且低于90%的`: 但 between two comparisons of one
#: value joins them as 且 does (right after a bound's number, before a comparison word).
_BUT = (
    "but",
    re.compile(rf"(?<=[\d%分次起件项个天日人户元])\s*(?:但|但是|而)(?=\s*(?:不|未)?{_COMPARED})"),
    lambda m, c: "且",
)
#: `【完成率】≥90%得6分，80%≤完成率<90%得4分` → `…，80%及以上且<90%得4分`: the value between two
#: bounds, named by the line's fact (its name or a tail of it of 3 characters or more, as a
#: table's cell writes it).  The numbers keep their columns (what a hint quotes of them is
#: what was written), so only a lower bound that includes its number, with room for
#: `及以上且`, is read; `80%<率≤90%` is read (and refused) as written.
_BETWEEN_SYMBOLS = (
    "between symbols",
    re.compile(r"(?<=\d%)(?P<op1>≤|<=)\s*(?P<x>[\u4e00-\u9fff]{3,12}?)\s*(?=(?:<=|≤|<)\s*\d)"),
    lambda m, c: _between_symbols(m),
)


def _between_symbols(match: re.Match[str]) -> str | None:
    fact = _line_fact(match.string)
    if fact is None or not kw.ends_name(fact, match.group("x")):
        return None  # (`80%≤完成率<90%` on 【未完成率】 names the opposite measure)
    return "及以上且"


#: `每低1个百分点，扣0.5分` → `每低1个百分点 扣0.5分`: a comma between a step and its amount
#: says nothing (the step and the amount are one effect).
_STEP_COMMA = (
    "step comma",
    re.compile(r"每[^,;每的]{1,24}?,(?=\s*(?:扣除|扣|减|得|加|计)\s*\d)"),
    lambda m, c: m.group()[:-1],
)


#: `【达标率】达到100%的得满分；每低1个百分点扣0.5分` → `…得满分,每低…`: a step down with no
#: standard of its own after a standard met and its points is that standard's shortfall —
#: one rule, as with a comma (alone, the step would have nothing to count from).
_STEP_AFTER_STANDARD = (
    "step after standard",
    re.compile(
        r"(?<=分)\s*;(?=\s*每\s*"
        + kw.alternation(v for v, side in kw.STEP_VERBS.items() if side == "shortfall")
        + ")"
    ),
    lambda m, c: _step_after_standard(m),
)
_STANDARD_MET = re.compile(
    r"】\s*(?:达到|不低于|不少于)\s*\d+(?:\.\d+)?\s*(?:%|个百分点|[^\s\d,;]{0,3}?)\s*的?\s*,?\s*"
    r"得\s*(?:\d+(?:\.\d+)?\s*分|满分)\s*$"
)


def _step_after_standard(match: re.Match[str]) -> str | None:
    before = match.string[: match.start()]
    if ";" in before or not _STANDARD_MET.search(before):
        return None
    return ","


#: `【问题数】每个问题扣0.5分`, `每发现一个问题扣0.5分` → `每个扣0.5分` (and `发现1个问题扣0.5分`, a
#: step without 每, → `发现1个扣0.5分`): the noun after the unit is
#: what the fact counts, when the fact's name holds it whole (`每件有效投诉` on 【投诉】 names
#: only some of them: read, and refused, as written).
_COUNTED_NOUN = (
    "counted noun",
    re.compile(
        rf"(?:(?<=每)|(?<=】))\s*(?:{kw.alternation(kw.COUNT_VERBS)})?\s*(?:\d+|[一两二三四五六七八九十]+)?\s*"
        rf"{kw.alternation(kw.UNITS)}(?P<noun>\s*[\u4e00-\u9fff]{{1,6}}?)(?=\s*(?:扣|得|加|减))"
    ),
    lambda m, c: _counted_noun(m),
)


def _counted_noun(match: re.Match[str]) -> str | None:
    fact, noun = _line_fact(match.string), match.group("noun").strip()
    if fact is None or noun not in fact:
        return None
    unit = match.group()[: match.start("noun") - match.start()].rstrip()
    if any(u.startswith(unit[-1] + noun[0]) for u in kw.UNITS):
        return None  # `每缺1个月`: 月 ends the unit 个月, it names nothing
    return match.group()[: match.start("noun") - match.start()]


#: `【整改完成率】100%的得满分` → `≥100%得满分`: a share at 100% on a 百分比 fact whose values end at
#: 100% (no range of its own) is 100% and above — the two readings are one.
_WHOLE_SHARE = (
    "whole share",
    re.compile(r"(?<=】)\s*100\s*%\s*的(?=\s*[,]?\s*(?:得|扣|加|不得分|本项|实行|取消))"),
    lambda m, c: _whole_share(m, c),
)


def _whole_share(match: re.Match[str], context: _Context) -> str | None:
    fact = _line_fact(match.string[: match.start()])
    if fact is None or fact in context.ranged or dict(context.facts).get(fact) != "百分比":
        return None
    return "≥100%"


#: `【率】不是100%的`, `非100%的` → `≠100%的`: any other value (as `不等于`).
_IS_NOT = (
    "is not",
    re.compile(r"(?<=】)\s*(?:不是|并非|非)(?=\s*\d)"),
    lambda m, c: "≠",
)


#: `【完成率】完成100%的得满分`, `100%完成的` → `达到100%的`: a share done is one reached (the
#: bound included); only with the % before 的 or the effect, never before 以上/以下.
_DONE_PERCENT = (
    "done percent",
    re.compile(
        r"(?<=】)\s*(?:完成\s*(?P<n>\d+(?:\.\d+)?\s*%)|(?P<m>\d+(?:\.\d+)?\s*%)\s*完成)"
        r"(?=\s*(?:的|得|扣))"
    ),
    _on_done_fact(lambda m: "达到" + re.sub(r"\s+", "", m.group("n") or m.group("m"))),
)
#: `完成90%以上的` → `90%以上的`: 以上 stays, for the header's 边界 to read.
_DONE_ABOVE = (
    "done above",
    re.compile(r"(?<=】)\s*完成(?=\s*\d+(?:\.\d+)?\s*%\s*(?:及)?以上)"),
    _on_done_fact(lambda m: ""),
)
#: `未完成90%的`, `没有完成90%的` → `未达到90%的`; `完成不到90%的` → `不到90%的`: a share not done is
#: one not reached (the negation kept, 90% itself not below).
_NOT_DONE = (
    "not done",
    re.compile(
        r"(?<=】)\s*(?:(?:未|没有|没)完成(?=\s*\d+(?:\.\d+)?\s*%\s*(?:的|得|扣))"
        r"|完成(?=\s*(?:不到|未达到|达不到|不足)\s*\d+(?:\.\d+)?\s*%))"
    ),
    _on_done_fact(lambda m: "未达到" if "完成" != m.group().strip() else ""),
)
#: `【完成率】低于90%、不低于80%的` → `低于90% 不低于80%的`: 、 between two comparisons of one
#: value sets them side by side — a range when they bound it from both sides; the same
#: side, or no value between them (`低于60%、高于90%`: either?), is refused as it is
#: without the 、.  Never after an amount (`得6分、80%以上得4分` parts two clauses).
_LISTED_BOUNDS = (
    "listed bounds",
    re.compile(rf"(?<=[\d%次起件项个天日人户元点])\s*、(?=\s*(?:不|未)?{_COMPARED}\s*\d)"),
    _blank,
)
#: `【差错】累计3次以上的`, `一年内累计达3次的` → `3次以上的`, `达到3次的`: what a fact counts
#: is the year's total already; 累计 (and the bare 达 after it) adds nothing.
_CUMULATIVE = (
    "cumulative",
    re.compile(
        r"(?:(?<=】)|(?<=[,;]))\s*(?:一年内|全年|年内|年度内)?\s*累计\s*(?P<da>达(?!到|标))?"
        rf"(?=\s*(?:\d|[一二两三四五六七八九十]|{_COMPARED}))"
    ),
    lambda m, c: "达到" if m.group("da") else "",
)
#: `【上报日期】在1月10日前报送的` → `【上报日期】1月10日前的`: the date is the fact's; 在 before it
#: and the verb after its 前/后 add nothing.
_DATE_DONE = (
    "date done",
    re.compile(
        r"(?:(?<=】)\s*在(?=\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:前|之前|以前|后|之后)))"
        r"|(?:(?<=[日号])(?P<w>\s*(?:前|之前|以前|后|之后))\s*(?:报送|上报|提交|完成|报)(?=\s*的))"
    ),
    _keep_groups("w"),
)
#: `每起扣2分，累计不超过4分`, `扣分不超过4分`, `最多不超过4分` → `,最多扣4分`: what the clause
#: takes (adds, earns) in all is at most 4 — the cap of the grammar, its verb that of the
#: effect before it (a cap naming another verb, `每篇加1分，扣分不超过3分`, stays as written).
#: Only in an item of one clause, where the clause's cap and the item's are one.
_CAP_SAID = (
    "cap said",
    re.compile(
        r"(?<=分)\s*[,、]\s*(?:(?P<v1>扣分|加分|得分)\s*)?"
        r"(?:累计\s*(?:(?P<v2>扣分|加分|得分)\s*)?(?:不超过|不得超过|最多不超过|最多|最高|至多)"
        r"|(?<=[,、])\s*(?P<v3>扣分|加分|得分)\s*(?:不超过|不得超过|最多不超过)"
        r"|最多不超过|最高不超过)"
        r"\s*(?P<n>\d+(?:\.\d+)?)\s*分(?=\s*(?:[,;。.]|$))"
    ),
    lambda m, c: _cap_said(m, c),
)
#: `每次扣1分、最多扣3分` → `每次扣1分,最多扣3分`: 、 before a cap is the comma.
_CAP_LISTED = (
    "cap listed",
    re.compile(r"(?<=分)\s*、(?=\s*(?:累计)?\s*(?:最多|最高|至多)\s*(?:扣|减|加|得|计))"),
    lambda m, c: ",",
)
#: The verb a cap takes from the effect before it: `扣2分`, `减2分` → 扣; `加1分` → 加.
_CAPPED_EFFECT = re.compile(r"(?P<v>扣除|扣|减|加|得|计)\s*\d+(?:\.\d+)?\s*分\s*$")
_CAP_WORD = {"deduct": "扣", "bonus": "加", "earn": "得"}


def _cap_said(match: re.Match[str], context: _Context) -> str | None:
    if context.clauses != 1:
        # `A每个得2分，B每个得1分，累计不超过6分`: of the last clause, or of them all?  Only
        # in an item of one clause are the two the same
        return None
    before = match.string[: match.start()].split(";")[-1]
    effect = _CAPPED_EFFECT.search(before)
    if effect is None:
        return None
    verb = _CAP_WORD[kw.CAP_VERBS[effect.group("v")[0]]]  # 扣除 is 扣's
    named = match.group("v1") or match.group("v2") or match.group("v3")
    if named is not None and named[0] != verb:
        return None
    return f",最多{verb}{match.group('n')}分"


#: `扣除该项全部分值`, `该项得分为零` → `不得分`: the item's whole budget, said in words.
_ITEM_TAKEN = (
    "item taken",
    re.compile(
        r"(?:(?:扣除|扣去|扣减|扣光)\s*(?:该项|本项|此项)\s*(?:全部|所有)?\s*(?:分值|分数|得分)"
        r"|(?:该项|本项|此项)\s*得分\s*(?:为|计)\s*(?:零|0)\s*分?)(?=\s*(?:[,;。.]|$))"
    ),
    lambda m, c: "不得分",
)
#: `低于90%为0分`, `本项为0分`, `该项得0分` → `…不得分` (same length): the item scores
#: nothing.  A bare `得0分` is an earning of nothing (`低于80%的得0分` among tiers that
#: earn): the item's other criteria keep their points, so it stays as written; and what
#: a deduction is (`扣分为0分`, `扣减计0分`: nothing deducted) is never the item's score.
_ZERO_POINTS = (
    "zero points",
    re.compile(r"(?P<scope>本项|该项|此项)?\s*(?P<verb>为|得|计)\s*0\s*分(?=\s*(?:[,;。.]|$))"),
    lambda m, c: _zero_points(m),
)
#: What comes before `为0分` when it is a deduction's amount, not the item's score.
_DEDUCTION_BEFORE = re.compile(r"(?:[扣减罚]\s*分|扣除|扣减|罚|扣|减)\s*$")


def _zero_points(match: re.Match[str]) -> str | None:
    if match.group("verb") != "为" and not match.group("scope"):
        return None  # `得0分`: an earning of nothing
    if _DEDUCTION_BEFORE.search(match.string[: match.start()]):
        return None  # `扣分为0分`: nothing deducted
    return (match.group("scope") or "") + "不得分"


_EVERY_LINE = (
    _DOING_NAMED,
    _PERIOD,
    _PERIOD_BEFORE,
    _SHOULD_DO,
    _KEPT_WITHIN,
    _BUT,
    _LISTED_BOUNDS,
    _IS_NOT,
    _WHOLE_SHARE,
    _DONE_PERCENT,
    _DONE_ABOVE,
    _NOT_DONE,
    _COUNTED_NOUN,
    _BETWEEN_SYMBOLS,
    _STEP_COMMA,
    _STEP_AFTER_STANDARD,
    _DATE_DONE,
    _CAP_LISTED,
    _CAP_SAID,
    _CUMULATIVE,
    _ITEM_TAKEN,
    _ZERO_POINTS,
    _REQUIREMENT_MISSED,
    _TIER_MARK,
    _PASSIVE,
    *_WHOLE_STEPS,
    _ITEM_ZERO,
    _IS,
    _AT,
    _RANGE_SAID,
    _BOUND_SAID,
    _NEGATED,
    _GRADE_SAID,
    _HALF_POINTS,
    _UNIT_REMARK,
)


def _all_taken(match: re.Match[str], context: _Context) -> str | None:
    amount = match.group("n")
    if amount is not None and amount != context.points:
        return None  # not the item's points: read as written
    return "不得分"


def _bound_restated(match: re.Match[str], _: _Context) -> str | None:
    again = match.group("again")
    if again is not None and Decimal(again) != Decimal(match.group("n")):
        return None
    again_unit, unit = match.group("au") or "", match.group("u") or ""
    points = ("个百分点", "百分点", "个点")
    if again_unit not in ("", unit) and not (again_unit in points and unit in points):
        return None  # `（含5个百分点非）`: more than the bound again, read (refused) as written
    text = match.group()
    word = match.group("word")
    return text[: text.index(word) + len(word)]


def _rest_full(match: re.Match[str], context: _Context) -> str | None:
    """`…的，本项不得分，且…；未发生的得10分`: dropped when 10 is the item's points and the
    rule before only takes the item's points away (a unit it leaves alone keeps them)."""
    if context.points is None or match.group("n") != context.points:
        return None
    before = match.string[: match.start()]
    if not re.search(r"(?:本项|该项)?不得分", before) or re.search(r"得\s*\d", before):
        return None
    return ""


def _rest_keeps(match: re.Match[str], context: _Context) -> str | None:
    """`末位的，本项不得分；倒数第二的扣2分；其余得4分` (4 the item's points): the rest keep
    the points every rule before takes from — dropped, so that 倒数第二 keeps 4 − 2 and
    is not scored from 0.  Only after rules about places that all take away."""
    if context.points is None or match.group("n") != context.points:
        return None
    before = match.string[: match.start()]
    if not _PLACE_RULE.search(before) or not re.search(r"扣\s*\d|不得分", before):
        return None
    if re.search(r"得\s*\d|得满分|加\s*\d|比例|之比|比值|依次|分别|递减|每", before):
        return None
    return ""


def _benchmark(match: re.Match[str], context: _Context) -> str | None:
    """`以【X】最高值为标杆，达到最高值的得6分，每低于最高值1个百分点扣0.5分` → `【X】每低于…`:
    only when 6 is the item's points and the step counts down from the same best."""
    if context.points is None or match.group("n") != context.points:
        return None
    return ""


def _grade_floor(match: re.Match[str], _: _Context) -> str | None:
    """`直接确定为良好以上等次`: that band or a better one, the floor `等次最低为良好` —
    never after a negation (`不得评为良好以上等次` bars those bands: read as written)."""
    before = re.sub(r"\s+", "", match.string[: match.start()])
    if re.search(r"(?:不|未|无|非|没)[得能予可]?$", before):
        return None
    return f"等次最低为{match.group('b')}"


_DIRECTION_FIRST = r"(?:高|低|多|少|大|小|长|短)"
#: What a subject does to its fact (`各县区受理【投诉件数】`): the fact's name says it.
_SUBJECT_VERB = r"受理|上报|报送|办理|申报|承办"
#: `各二级医院`, `各三甲医院`, `各一类学校`: a grade of the units, written with a numeral.
_GRADED_SUBJECT = rf"各\s*(?:[一二三]\s*级|[二三]\s*甲|[一二三]\s*类)\s*{_NOUN}"
#: `考核年度内辖区`, `年度内本辖区`, `辖区内`: the year and the unit scored.
_WITHIN = (
    r"(?:(?:考核年度|考核期|年度|当年)内?\s*)?(?:本?辖区内?|本地区内?)|(?:考核年度|考核期)内"
    r"|全年|年度|当年"
)

#: `去掉一个最高值和一个最低值后的平均值`, `剔除最高分、最低分后的全市平均值` → `去极值平均值`,
#: `全市去极值平均值` (kw.TRIMMED_WORD): the mean without the batch's highest and lowest
#: value, a statistic of its own — never the plain mean its last words name.
_TRIMMED: _Rule = (
    "trimmed mean",
    re.compile(
        r"(?:去掉|去除|剔除|除去|扣除)\s*(?:一个)?\s*最高(?:值|分|的)?\s*(?:和|与|及|以及|、|,)\s*"
        r"(?:一个)?\s*最低(?:值|分|的)?\s*(?:后|以后|之后)?\s*的?\s*"
        r"(?P<scope>[^\s\d,;:=()【】%的]{0,8}?)(?P<avg>平均(?:值|数|水平))"
    ),
    lambda m, c: f"{m.group('scope')}{kw.TRIMMED_WORD}{m.group('avg')}",
)

RULES: tuple[_Rule, ...] = (
    _TRIMMED,  # first: its 最高 and 最低 are no best value nor place
    # who is ranked, before the fact: 各县区【X】, 全市各县区【X】, 按各县市区【X】, 各县区按【X】,
    # 各县区受理【X】 (the verb says what the fact counts: it adds nothing)
    (
        "subject",
        re.compile(
            rf"(?<![^\s\-,;按]){_SUBJECT}\s*(?:{_SUBJECT_VERB}|属)?"
            r"(?=\s*(?:全年|年度|当年)?\s*(?:发生|出现|按照|按|属)?\s*【)"
        ),
        _blank,
    ),
    # 各二级医院【X】: a grade of the units (二级, 三甲, 一类) names the batch, not a place
    ("graded subject", re.compile(rf"(?<![^\s\-,;按]){_GRADED_SUBJECT}(?=\s*【)"), _blank),
    # 考核年度内辖区【发生…】: when and where the fact happens is the year and the unit scored
    ("subject", re.compile(rf"(?<![^\s\-])(?:{_WITHIN})(?=\s*(?:发生|出现)?\s*【)"), _blank),
    # 在全市由多到少排名 → 由多到少排名; 在全市的排名计分 → 排名计分
    (
        "scope",
        re.compile(
            rf"{_SCOPE}\s*(?:的)?(?=\s*(?:按照?)?\s*(?:[由从]{_DIRECTION_FIRST}到|排名|排序))"
        ),
        _blank,
    ),
    # 对各乡镇排序 → 排序
    ("subject", re.compile(rf"对\s*各[^\s,;:【】()、]{{0,4}}?{_NOUN}\s*(?=排序|排名)"), _blank),
    # 排定各县区位次 / 排定名次 → 排名
    (
        "rank word",
        re.compile(rf"排定\s*(?:各[^\s,;:【】()、]{{0,4}}?{_NOUN})?\s*(?:位次|名次)"),
        lambda m, c: "排名".rjust(len(m.group())),
    ),
    # 在全区各承办单位中 / 各校中: the batch, named again
    (
        "scope",
        re.compile(
            rf"(?:{_SCOPE}\s*)?(?:各|同类|同级|同类型|同等级)[^\s,;:【】()、]{{0,5}}?{_NOUN}中"
            rf"(?=\s*(?:{_PLACE_VERB}|{_PLACE_START}|最|[由从]{_DIRECTION_FIRST}到))"
        ),
        _blank,
    ),
    # 在全市 / 全县 / 居全市 before a place or a place verb (not before 平均: 全市平均值 is a value)
    (
        "scope",
        re.compile(
            rf"(?P<verb>{_PLACE_VERB})?\s*(?P<scope>{_SCOPE})(?=\s*(?:{_PLACE_VERB}|{_PLACE_START}))"
        ),
        _blank,
    ),
    # the place verb: 排第1名, 居倒数第1位, 进入前5位, 位列最后两名
    ("place verb", re.compile(rf"{_PLACE_VERB}(?=\s*{_PLACE_START})"), _blank),
    # 最后3位 / 最后两名 → 后3名 (最后一名 and 最后一位 are the last place, read as written)
    (
        "place",
        re.compile(rf"最后\s*(?P<n>{_NUM})\s*(?P<word>[名位])"),
        lambda m, c: (
            None if _number(m.group("n")) == 1 else f"后{m.group('n')}名".rjust(len(m.group()))
        ),
    ),
    # 最后1名 / 最后一位 → 末位: the last place
    ("last place", re.compile(r"最后\s*(?:1|一)\s*[名位]"), lambda m, c: "末位"),
    # the unit named again after its place or best: 最后3位的乡镇， 第一的乡镇得 最多的县得
    (
        "subject",
        re.compile(rf"(?<=的)\s*{_NOUN}(?=\s*(?:,|;|得|扣|加|为|每|各|$))"),
        _blank,
    ),
    # 后五位者， → 后五位的，
    ("subject", re.compile(r"(?<=[名位])者(?=\s*[,;])"), lambda m, c: "的"),
    # 其余县区 / 其他县区 → 其余 / 其他
    ("subject", re.compile(rf"(?P<rest>其余|其他)\s*{_NOUN}"), _keep_groups("rest")),
    # 每个扣3分 after a place: each unit there
    ("each", re.compile(r"(?<=,)\s*每个(?=\s*(?:扣|得|加))"), _each),
    # 居第三、四位的 → 第三至四位的 (consecutive places, the second without 第)
    (
        "place pair",
        re.compile(
            r"(?<!倒数)第\s*(?P<list>(?P<a>[一二三四五六七八九十\d]{1,3})"
            r"(?:\s*、\s*[一二三四五六七八九十\d]{1,3})+)\s*(?P<u>位|名)"
        ),
        _place_pair,
    ),
    # 本项扣5分 → 扣5分
    ("this item", re.compile(r"本项(?=\s*(?:扣|得|加|不得分))"), _blank),
    # 本项计1分 → 得1分; 其余计满分 → 其余得满分
    (
        "this item",
        re.compile(r"(?:本项\s*)?(?<![合累共统总估设])计(?=\s*(?:\d+(?:\.\d+)?\s*分|满分))"),
        lambda m, c: "得",
    ),
    _ITEM_ZERO,
    # 其余按名次逐名递减1分 → 逐名递减1分 (each place after the named ones, that much less)
    (
        "rest step",
        re.compile(
            r"(?:其余|其他)\s*(?:的)?\s*(?:按\s*(?:名次|排名|位次))?\s*"
            r"(?=逐名递减|逐位递减|依次递减|每\s*(?:下降|后退|退后|降低|下移|后移))"
        ),
        _blank,
    ),
    # 位次每后移1位扣 → 每后移1位扣
    (
        "step",
        re.compile(r"(?:位次|名次|排名)\s*(?=每\s*(?:下降|后退|退后|降低|下移|后移))"),
        _blank,
    ),
    # 第2名得7.5分，以此类推，每下降一个名次… : the step says what 以此类推 does
    (
        "step",
        re.compile(
            r"[,;]\s*(?:以此类推|依此类推)\s*(?=,\s*每\s*(?:下降|后退|退后|降低|下移|后移))"
        ),
        _blank,
    ),
    # 每下降一个名次再减1分 → 每下降一个名次减1分
    (
        "step",
        re.compile(
            r"(?P<keep>每\s*(?:下降|后退|退后|降低|下移|后移)\s*(?:1|一)\s*个?\s*(?:名次|位次|名|位)\s*)"
            r"(?P<again>再)(?=\s*(?:扣|减))"
        ),
        _in_place("again"),
    ),
    # 第四名起每下降一个名次 → 每下降一个名次, when 第三名 is the last place named
    (
        "next place",
        re.compile(rf"第\s*(?P<n>{_NUM})\s*[名位]\s*(?:起|开始|以后)\s*(?=,?\s*每)"),
        _next_place,
    ),
    # ，位次并列的得分相同: the language's own rule for ties (competition ranking)
    (
        "ties",
        re.compile(r",\s*(?:位次|名次|排名)?\s*并列(?:的)?(?:单位)?\s*(?:得分|分值)相同"),
        _tie_rule,
    ),
    # ；并列的按同一名次计分: tied units share the place, as the language ranks them
    (
        "ties",
        re.compile(
            r"[,;]\s*(?:位次|名次|排名)?\s*并列的?(?:单位)?\s*(?:按|取)\s*同一(?:个)?\s*(?:名次|位次)"
            r"\s*(?:计分|扣分|得分|计算)?(?=\s*(?:[,;]|$))"
        ),
        _tie_rule,
    ),
    # ，起数相同的名次并列，其后名次顺延: competition ranking (1, 2, 2, 4), the language's own
    (
        "ties",
        re.compile(
            r",\s*[^,;【】]{0,8}?相同的?\s*(?:名次|位次|排名)?\s*并列\s*[,，]?\s*"
            r"(?:其后|之后|后面)的?\s*(?:名次|位次)\s*顺延"
        ),
        _tie_rule,
    ),
    # ，其余乡镇按由少到多的顺序，每… after 最少的…得满分: the order said again
    (
        "order",
        re.compile(
            rf",\s*(?:(?:其余|其他)\s*)?按?\s*(?:由|从)(?P<first>{_DIRECTION_FIRST})到"
            rf"{_DIRECTION_FIRST}的?(?:顺序|排序|次序)(?=\s*,\s*每)"
        ),
        _order_restated,
    ),
    # 以全市【X】最低的县区为标准得10分 → 以【X】最低的为满分 (the scope blanked in place)
    ("scope", re.compile(r"(?<=以)\s*全(?:市|省|县|区)(?=\s*【)"), _blank),
    # 按本县区激活率与全市最高值之比 → 与最高值之比 (the best is the batch's anyway)
    ("scope", re.compile(r"(?<=与|占|按)\s*全(?:市|省|县|区)(?=\s*最)"), _blank),
    # 达到平均值的得基础分2分,每高1个百分点加0.2分,最多加1分;每低1个百分点扣0.4分 →
    # 得(2+最小(取整(最大(本值-平均值,0))×0.2,1)-取整(最大(平均值-本值,0))×0.4)分
    ("base points", _BASE_POINTS, _base_points),
    # 以全市最高值为基准,得分=本地数值÷全市最高值×5 → 最高的得满分,其余得(本值÷最高值×5)分
    # (5 the item's points, and what the formula gives the highest)
    (
        "benchmark formula",
        re.compile(
            r"以\s*(?:全[市省县区])?\s*最(?P<b>[高低多少大小长短])(?P<m>[^\s,;。为=]{0,6}?)值?\s*为\s*"
            r"(?:满分)?\s*(?:标准|基准|标杆|基数)\s*,\s*"
            rf"(?:其[余他]\s*(?:{_NOUN})?\s*)?(?:的\s*)?(?:得分|分数)\s*=\s*"
            r"(?P<f>[^\s,;。【】“”\"]*?[÷/×*][^\s,;。【】“”\"]*?)"
            r"(?:\s*(?:计分|计算|得分))?(?=\s*(?:[,;。]|$))"
        ),
        _benchmark_formula,
    ),
    # 最低的得6分，其他县区以最低值为基数，按“最低值÷本县区值×6”计分 → …，其余得(最低值÷本值×6)分
    (
        "rest benchmark",
        re.compile(
            rf"(?P<head>其[余他]\s*(?:{_NOUN})?\s*)以\s*(?:全[市省县区])?\s*最(?P<b>[高低多少大小长短])"
            r"(?P<m>[^\s,;。为=]{0,6}?)值?\s*为\s*(?:标准|基准|标杆|基数)\s*,?\s*按\s*“?"
            r"(?P<f>[^\s,;。【】“”\"]*?[÷/×*][^\s,;。【】“”\"]*?)”?"
            r"\s*(?:计分|计算|得分|折算)(?=\s*(?:[,;。]|$))"
        ),
        _rest_benchmark,
    ),
    (
        "best as full",
        re.compile(
            r"(?P<best>最(?:高|低|多|少|大|小|长|短)(?:的|者|值))\s*(?:为|作为)\s*(?:标准|标杆|基准)"
            r"\s*(?:得|计)\s*(?P<n>\d+(?:\.\d+)?)\s*分"
        ),
        _as_full,
    ),
    # 得分按本地产量与全市平均产量的比值乘以3分计算 → 得(本值÷平均值×3)分
    (
        "ratio times",
        re.compile(
            r"(?:得分\s*)?按\s*(?P<a>[^\s,;【】与]{1,10}?)\s*与\s*(?P<b>[^\s,;【】]{1,12}?)\s*的?\s*"
            r"(?:比值|之比)\s*再?\s*乘以\s*(?P<n>\d+(?:\.\d+)?)\s*分?\s*(?:计算|计分|得分)?"
            r"(?=\s*(?:[,;。]|$))"
        ),
        _ratio_times,
    ),
    # 之比乘以10分计算得分 → 之比计分 (10 the item's points)
    (
        "times points",
        re.compile(
            r"(?P<ratio>之比|比值|的比值|比例)\s*(?:再)?\s*乘以\s*(?P<n>\d+(?:\.\d+)?)\s*分?"
            r"\s*(?:计算得分|折算得分|计算|计分|得分|折算)?"
        ),
        _times_points,
    ),
    # 以全市最高值为标杆，达到标杆的得4分；低于标杆的，差距每0.5个百分点扣0.25分 →
    # 每低于最高值0.5个百分点扣0.25分 (4 the item's points: the best's gap is 0)
    (
        "benchmark gap",
        re.compile(
            r"以\s*(?:全[市省县区])?\s*最(?P<b>[高多大长])值?\s*为\s*标杆\s*,\s*达到\s*标杆\s*的?\s*得\s*"
            r"(?P<n>\d+(?:\.\d+)?)\s*分\s*[,;]\s*低于\s*标杆\s*的\s*,?\s*差距\s*每\s*"
            r"(?P<s>\d+(?:\.\d+)?)\s*个百分点\s*(?=扣)"
        ),
        _benchmark_gap,
    ),
    # 以全市最低值为基数，每高出1个百分点得0.25分 → 每高出最低值1个百分点得0.25分
    (
        "base step",
        re.compile(
            r"以\s*(?:全[市省县区])?\s*最(?P<b>[高低多少大小长短])(?P<m>[^\s,;。为=]{0,6}?)值?\s*为\s*"
            r"(?:基数|基准|标准|标杆)\s*,\s*每\s*(?P<v>高出|高于|多于|多出|超过|超出|低于|少于)"
        ),
        _base_step,
    ),
    # ，本项最高3分 (3 the item's points): what the item's points say already
    (
        "item cap said",
        re.compile(
            r"[,;]\s*(?:本项)?\s*最高\s*(?:得|为|计)?\s*(?P<n>\d+(?:\.\d+)?)\s*分(?=\s*(?:[,;。]|$))"
        ),
        _item_cap_said,
    ),
    # 按完成额占第一名的比例计分 → 按第一名的比例计分, when 完成额 is the ranked fact
    (
        "own share",
        re.compile(
            r"按\s*(?P<own>[^\s,;【】与占的]{1,10})\s*(?:与|占)\s*"
            r"(?P<to>第\s*(?:1|一)\s*名|首位)\s*(?P<again>[^\s,;【】的比]{1,6}?)?\s*"
            r"(?P<rest>的?\s*(?:比例|比值|之比))"
            r"\s*(?P<word>折算得分|计算得分|计分|得分|给分|计算|折算)?"
        ),
        _own_share,
    ),
    (
        "benchmark",
        re.compile(
            r"(?<![^\s\-])以\s*(?:全[市省县区])?\s*(?=【[^】]+】\s*最[高低多少大小长短]值?\s*为\s*(?:标杆|基准|标准))"
        ),
        _blank,
    ),
    # 以全市【X】最低值为标杆，得分=全市最低值÷本地发生率×4 → 【X】最低的得满分，其余按最低值与本地
    # 发生率之比计分 (4 the item's points; the best's share is 1)
    (
        "benchmark",
        re.compile(
            r"(?<=】)\s*(?P<best>最[高低多少大小长短])值?\s*为\s*(?:标杆|基准|标准)\s*,\s*"
            r"(?:得分|分数)\s*=\s*(?P<a>[^\s,;【】÷/]{1,10}?)\s*(?:÷|/|除以)\s*(?P<b>[^\s,;【】×*]{1,10}?)\s*"
            r"(?:×|\*|乘以)\s*(?P<n>\d+(?:\.\d+)?)\s*分?"
        ),
        _benchmark_share,
    ),
    # 以最少天数除以本乡镇天数再乘以10分计分 → 按最少天数与本乡镇天数之比计分
    (
        "division",
        re.compile(
            r"(?:以|按|用|(?:得分|分数)\s*=)\s*(?P<a>[^\s,;【】“”除÷/]{1,10}?)\s*(?:除以|÷|/)\s*"
            r"(?P<b>[^\s,;【】“”乘×*]{1,10}?)\s*再?\s*"
            r"(?:乘以|×|\*)\s*(?P<n>\d+(?:\.\d+)?)\s*分?\s*(?:计算得分|折算得分|计分|得分|计算)?"
        ),
        _division,
    ),
    # 最低的得1分，其余在1分基础上，每高于最低值1个百分点加0.5分（按实际差值计算） →
    # 其余得(1+(本值-最低值)÷1×0.5)分 (the rest from the best's points, by the gap to it)
    (
        "rest from the best",
        re.compile(
            rf"(?P<head>其[余他]\s*(?:{_NOUN})?\s*)在\s*(?P<b>{_N})\s*分\s*(?:的)?\s*基础上\s*,?\s*"
            r"每\s*(?P<v>高于|高出|低于|少于)\s*(?:全[市省县区])?\s*最(?P<e>[高低多少大小长短])值\s*"
            rf"(?P<s>{_N})\s*个百分点\s*(?P<w>加|扣|减)\s*(?P<a>{_N})\s*分"
            r"(?P<r>\s*\(?\s*按实际差值(?:计算|折算)\s*\)?)?"
        ),
        _rest_from_the_best,
    ),
    # 全县最多的，本项不得分；其余乡镇每发生1起扣1分 → …；其余扣(本值×1)分 (the rest, by count)
    (
        "rest per count",
        re.compile(
            rf"(?P<head>其[余他]\s*(?:{_NOUN})?\s*)每\s*(?:发生|出现)?\s*(?P<n>\d+|一)\s*"
            r"(?P<u>起|次|件|例|人次|人)\s*(?:扣|减)\s*(?P<m>\d+(?:\.\d+)?)\s*分"
        ),
        _rest_per_count,
    ),
    # 最高的得3分、最低的得1分 → 最高的得3分,最低的得1分 (two rules, as after a comma)
    (
        "rule list",
        re.compile(r"(?<=分)\s*、(?=\s*最[高低多少大小长短](?:的|者))"),
        lambda m, c: ",",
    ),
    # 其余乡镇得分=(本乡镇整改率-最低值)÷(最高值-最低值)×4 → 其余得((本值-最低值)÷(最高值-最低值)×4)分
    (
        "formula",
        re.compile(
            rf"(?P<head>其[余他]\s*(?:{_NOUN})?\s*)?(?:按\s*插值法?\s*(?:计分|计算)\s*[:,]\s*)?"
            r"(?:(?:的\s*)?(?:得分|分数|计分)\s*(?:=|为)|按)\s*"
            r"(?P<q>“)?(?P<f>[^\s,;。【】“”\"]*?[÷/×*][^\s,;。【】“”\"]*?)(?(q)”)"
            r"(?:\s*(?:计分|计算|得分|折算))?(?=\s*(?:[,;。]|$))"
        ),
        _formula,
    ),
    # 按比例计分，得分低于3分的按3分计 → ，最低得3分 (the share's floor)
    (
        "share floor",
        re.compile(
            r",\s*(?:得分|分数|计分)?\s*(?:低于|不足|少于)\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*的\s*"
            r"(?:按|以|计)\s*(?P<m>\d+(?:\.\d+)?)\s*分\s*(?:计算|计分|计)?(?=\s*(?:[,;。.]|$))"
        ),
        _share_floor,
    ),
    # ，减排量为负数的不得分 after a share of the best: what a share does anyway
    (
        "negative share",
        re.compile(
            r"[,;]\s*(?:(?P<own>[^\s,;【】]{1,8}?)\s*(?P<zero>为零或负数|为零或负值|为0或负数|为零或负)?"
            r"(?(zero)|(?:为负数|为负值|为负|小于0|小于零|低于0|低于零|(?P<exact>为零|为0|等于零|等于0)))|负增长)"
            r"(?:\([^()]{1,10}\))?\s*的\s*,?\s*(?:该项|本项)?\s*(?:不得分|得0分)(?=\s*(?:[,;。.]|$))"
        ),
        _negative_share,
    ),
    # ；利润总额负增长的，年度考核不得评为优秀 on a line about 【…利润总额增长率】 → ；低于0的，…
    (
        "negative growth",
        re.compile(
            r"(?<=[,;])\s*(?P<own>[^\s,;【】\d]{0,8}?)\s*(?:负增长|增长为负|增速为负|为负增长)(?=\s*的)"
        ),
        _negative_growth,
    ),
    # 超过平均水平的扣4分，未超过的不扣分: the rest lose nothing anyway
    (
        "no deduction",
        re.compile(
            r",\s*(?:未|不)(?P<word>超过|超出|高于|低于|达到)\s*的\s*不扣分(?=\s*(?:[,;]|$))"
        ),
        _no_deduction,
    ),
    # 超出全市平均水平的 / 未超出的 → 超过; 高出全市平均水平 → 高于
    ("comparison", re.compile(r"超出(?=\s*(?:全[市省县区]\s*)?(?:平均|的))"), lambda m, c: "超过"),
    ("comparison", re.compile(r"高出(?=\s*(?:全[市省县区]\s*)?平均)"), lambda m, c: "高于"),
    # 当年考核结果不得确定为优秀 → 不得确定为优秀 (the grade this policy gives)
    (
        "grade scope",
        re.compile(
            r"(?:当年|年度|本年度)?\s*(?:综合)?\s*(?:考核|考评)\s*结果(?=\s*(?:不得|不能|不予|等次|最高|最低))"
        ),
        _blank,
    ),
    # ，且年度考核等次不得高于良好: a second effect, joined as a comma joins it
    (
        "and effect",
        re.compile(
            r"(?<=,)\s*(?:且|并|同时|并且)(?=\s*(?:年度|当年)?\s*(?:考核|考评)?\s*(?:等次)?\s*"
            r"(?:不得|不能|最高|一票否|取消|实行\s*“?\s*一票否|“一票否))"
        ),
        _blank,
    ),
    # 该校考核等次最高为合格 → 考核等次最高为合格
    (
        "subject",
        re.compile(
            rf"该{_NOUN}(?=\s*(?:考核|考评|年度|当年|等次|不得|扣|得|加))"
            rf"|(?<=[,;])\s*{_NOUN}(?=\s*(?:年度|当年)\s*[^\s,;、【】()“”]{{0,8}}?(?:考核|考评))"
        ),
        _blank,
    ),
    # 之比计算得分 / 比例折算得分 → 之比计分
    (
        "scoring word",
        re.compile(r"(?P<ratio>之比|比值|比例)(?:计算得分|计算)(?![得分])"),
        _scoring_word,
    ),
    # 最高的得满分，其余与最高值相比，每低… → 与最高值相比，每低… (the best's gap is 0: it
    # keeps the item's points anyway)
    (
        "best keeps full",
        re.compile(
            r"(?<=[】,;])\s*最(?P<end>[高低多少大小])的?(?:单位|者)?\s*得满分\s*,\s*其余(?:单位)?\s*"
            r"(?=与\s*(?:全[市省县区])?\s*最(?P=end)值?\s*(?:比较|相比))"
        ),
        _blank,
    ),
    # 年度考核直接评为优秀 → 等次确定为优秀 (the band itself: the top one is a floor)
    _GRADE_SAID,
    # 达到平均值的得4分；低于平均值的，本项得分减半 → …，得2分 (4 the item's points)
    _HALF_POINTS,
    # 【有效投诉量】（件/万人） → 【有效投诉量】; 0.1（人/10万人） → 0.1人/10万人
    _UNIT_REMARK,
    # 低于全县平均数的，每低于平均数10% → 低于全县平均数的，每低10% (the side and the
    # average said twice: the steps are measured from the average the condition names)
    (
        "average restated",
        re.compile(
            r"(?P<side>低于|高于|少于|多于)\s*(?:全[市省县区])?\s*平均(?:值|数|水平)\s*的\s*,\s*"
            r"每\s*(?P=side)\s*(?:全[市省县区])?\s*平均(?:值|数|水平)"
        ),
        lambda m, c: m.group()[: m.group().index("每") + 1] + m.group("side")[0],
    ),
    # 年度考核等次直接定为不合格 → 年度考核等次定为不合格
    (
        "grade scope",
        re.compile(r"等次\s*直接\s*(?P<verb>定为|确定为|评为)"),
        lambda m, c: "等次" + ("定为" if m.group("verb") == "评为" else m.group("verb")),
    ),
    # 发生【X】的，本项不得分，…；未发生的得10分: the others keep the item's points anyway
    (
        "rest full",
        re.compile(
            r"[,;]\s*(?:未发生|没有发生|无)(?:的|者)?\s*[,]?\s*得\s*(?P<n>\d+(?:\.\d+)?)\s*分(?=\s*(?:[,;。.]|$))"
        ),
        _rest_full,
    ),
    # 末位的不得分；倒数第二的扣2分；其余得4分 (the item's points): what the rest keep anyway
    (
        "rest keeps",
        re.compile(
            r"[,;]\s*(?:其余|其他)(?:的)?\s*,?\s*(?:得|计)\s*(?P<n>\d+(?:\.\d+)?)\s*分(?=\s*(?:[,;。.]|$))"
        ),
        _rest_keeps,
    ),
    # 以全市【X】最高值为标杆，达到最高值的得6分，每低于最高值…: the best's own points (6 the
    # item's), which its gap of 0 keeps — the step alone, as `best then gap` reads it
    (
        "benchmark",
        re.compile(
            r"(?<=】)\s*(?P<best>最[高低多少大小长短])值?\s*为\s*(?:标杆|基准|标准)\s*,\s*"
            r"达到\s*(?P=best)值?\s*的?\s*得\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*,\s*"
            r"(?=每\s*(?:低于|少于|高于|多于)\s*(?P=best)值)"
        ),
        _benchmark,
    ),
    # 【X】以全市最高值为标杆，达到最高值的得5分，每低于最高值…: the same, said after the fact
    (
        "benchmark",
        re.compile(
            r"(?<=】)\s*以\s*(?:全[市省县区])?\s*(?P<best>最[高低多少大小长短])值?\s*为\s*"
            r"(?:标杆|基准|标准)\s*,\s*达到\s*(?:(?P=best)值?|标杆|基准)\s*的?\s*得\s*"
            r"(?P<n>\d+(?:\.\d+)?)\s*分\s*,\s*(?=每\s*(?:低于|少于|高于|多于)\s*(?P=best)值)"
        ),
        _benchmark,
    ),
    # the 以 before it, once the benchmark words are gone: `以【X】每低于最高值…`
    (
        "benchmark",
        re.compile(r"(?<![^\s\-])以(?=\s*【[^】]+】\s*每\s*(?:低于|少于|高于|多于)\s*最)"),
        _blank,
    ),
    # 年度考核直接确定为良好以上等次 → 等次最低为良好 (that band or a better one)
    (
        "grade floor",
        re.compile(
            r"(?:等次)?\s*(?:直接)?\s*(?:确定|评定|定|评)为\s*(?P<b>优秀|良好|合格|称职|基本合格)"
            r"\s*(?:及|或)?\s*以上\s*(?:等次|档次)?"
        ),
        _grade_floor,
    ),
    # ，其中倒数第一的… after places that include it: the place itself
    ("among", re.compile(rf"(?<=[,;])\s*其中(?=\s*{_PLACE_VERB}?\s*{_PLACE_START})"), _blank),
    # ，第四位及以后不计分 after places 1–3 that earn: the rest earn nothing anyway
    (
        "rest nothing",
        re.compile(
            rf",\s*第\s*(?P<n>{_NUM})\s*[名位]\s*(?:及以后|及以下|及之后|以后|以下|之后)\s*(?:的)?\s*"
            r"(?:均)?\s*(?:不计分|不得分|得0分|计0分)(?=\s*(?:[,;]|$))"
        ),
        lambda m, c: _rest_nothing(m),
    ),
    # ，其余不扣分 (不加分) after places that only lose (gain) points: the rest lose (gain)
    # nothing anyway
    (
        "rest nothing",
        re.compile(
            rf",\s*(?:其余|其他)\s*(?:{_NOUN})?\s*(?:的)?\s*(?:均)?\s*不(?P<verb>扣|加)分(?=\s*(?:[,;]|$))"
        ),
        lambda m, c: _rest_no_deduction(m),
    ),
    # 第10名以后的得3分 after places 1–9 → 第10名及以后得3分
    (
        "onward",
        re.compile(rf"第\s*(?P<n>{_NUM})\s*[名位]\s*(?:以后|之后|以下)\s*的"),
        _onward,
    ),
    # 得分=10-(名次-1)×1.5 → 第1名得10分,逐名递减1.5分 (the first earns 10, each place 1.5 less)
    (
        "place formula",
        re.compile(
            r"(?:得分|分值|分数)\s*=\s*(?P<top>\d+(?:\.\d+)?)\s*[-−]\s*(?:"
            rf"\(\s*{_RANK_NAME}\s*[-−]\s*1\s*\)\s*[×*]\s*(?P<s>\d+(?:\.\d+)?)"
            rf"|(?P<s2>\d+(?:\.\d+)?)\s*[×*]\s*\(\s*{_RANK_NAME}\s*[-−]\s*1\s*\))"
        ),
        _place_formula,
    ),
    # 得分=(参评单位数-本单位位次+1)÷参评单位数×6 → 得((单位数-名次+1)÷单位数×6)分
    (
        "place interpolation",
        re.compile(
            # the comma before it too, when it follows the ranking (`排名,`: it may go)
            r"(?:(?<=排名|排序|计分)\s*,\s*)?"
            r"(?:(?:的\s*)?(?:得分|分数|分值|计分)\s*(?:=|为)|按)\s*"
            r"(?P<f>[^\s,;。【】“”\"]*?[÷/×*][^\s,;。【】“”\"]*?)"
            r"(?:\s*(?:计分|计算|得分|折算))?(?=\s*(?:[,;。]|$))"
        ),
        _place_interpolation,
    ),
    # 每比最多的少10万元 → 每少于最多值10万元 (a step of the gap to the best)
    (
        "gap to best",
        re.compile(
            rf"每\s*比\s*(?P<best>最[高低多少大小长短])\s*(?:的|者|值)?\s*(?:{_NOUN})?\s*"
            r"(?P<what>[^\s,;【】\d低少多高]{1,4}?)?\s*(?P<verb>[低少多高])(?!于)"
        ),
        _gap_to_best,
    ),
    # 全县最多的得满分，其余每少于最多值…: the best's own points, which its gap of 0 keeps
    (
        "best then gap",
        re.compile(
            rf"(?:{_SCOPE}\s*)?(?P<best>最[高低多少大小长短])\s*(?:的|者)\s*(?:{_NOUN})?\s*得\s*"
            r"(?:满分\s*(?:\d+(?:\.\d+)?\s*分)?|(?P<n>\d+(?:\.\d+)?)\s*分)\s*[,;]\s*"
            r"(?:(?:其余|其他)\s*(?:的)?\s*)?"
            r"(?=每\s*(?:[低少多高]于?|超过|超出)\s*(?P<again>最[高低多少大小长短]))"
        ),
        _best_then_gap,
    ),
    # (不足5件的部分不扣分) after a step of 5件: whole steps, as every step counts
    *_WHOLE_STEPS,
    _IS,
    _AT,
    _PERIOD,
    _CAP_LISTED,  # a cap's own 最多 makes a line a batch line's
    _CAP_SAID,
    _STEP_COMMA,
    _ZERO_POINTS,
    _BOUND_SAID,
    # 不足1个百分点的按比例扣分 after a step of 1个百分点 → 按比例扣分 (the part in proportion)
    (
        "part in proportion",
        re.compile(
            r"(?P<o>\(\s*)?不足\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<u>[^\s\d,;()的]{0,4}?)\s*的\s*"
            r"(?:部分)?\s*按比例(?P<v>扣减|扣除|减分|扣分|计算|计分|计)?(?P<c>\s*\))?"
        ),
        _part_in_proportion,
    ),
    # ，最低得3分 after a clause that only deducts, alone in its item: 最多扣7分
    (
        "floor as cap",
        re.compile(
            r"(?P<sep>[,;])\s*最低\s*(?:得|为|不低于|不少于|得分)?\s*(?P<n>\d+(?:\.\d+)?)\s*分"
            r"(?=\s*(?:[,;]|$))"
        ),
        _floor_as_cap,
    ),
    # ，结果保留两位小数 when the policy's 精度 is 0.01: what every published score does
    (
        "precision",
        re.compile(
            r"[,;]\s*(?:结果|得分|计算结果|分数)?\s*(?:按\s*)?(?:四舍五入)?\s*(?:后)?\s*保留\s*(?P<d>\d|[一两二三四])\s*位小数"
            r"(?=\s*(?:[,;]|$))"
        ),
        _precision_said,
    ),
    # 【X】以全市最多的县区为基准计10分 / 以全市最多的为满分 → 【X】最多的得满分
    (
        "best first as full",
        re.compile(
            r"(?<=】)\s*以\s*(?:全[市省县区])?\s*(?P<pre>[^\s,;【】最以]{1,6}?)?\s*(?P<best>最[高低多少大小长短](?:的|者|值|(?P<m>[^\s,;为的者值]{1,6}?)))\s*"
            rf"(?:{_NOUN})?\s*(?:为|作为)\s*(?:(?:基准|标准|标杆)\s*(?:计|得)\s*"
            r"(?P<n>\d+(?:\.\d+)?)\s*分|满分(?:\s*(?P<full>\d+(?:\.\d+)?)\s*分)?)"
        ),
        _best_first_as_full,
    ),
    # 【次数】不足全市平均水平50%的 → 【次数】低于平均值50%的 (an amount or a count)
    (
        "share of average",
        re.compile(
            r"不足\s*(?:全[市省县区])?\s*(?:各[^\s,;【】]{0,4}?)?\s*平均(?:值|水平|数)\s*(?:的)?\s*"
            r"(?P<n>\d+(?:\.\d+)?)\s*%"
        ),
        _share_of_average,
    ),
    # 被省级以上部门【通报批评】的 / 被上级通报【X】的: who found the event is what the
    # fact counts (its data says it), not a condition of the rule
    _PASSIVE,
    # 年度教育督导考核不得评为优秀 / 年度招商引资考核等次不低于良好: the grade this policy gives
    (
        "grade scope",
        re.compile(
            r"(?:当年|年度|本年度)\s*(?P<name>[^\s,;、【】()“”]{1,8}?)(?:考核|考评)(?:结果)?"
            r"(?=\s*(?:不得|不能|不予|等次|最高|最低|(?:实行\s*)?“?\s*一票否))"
        ),
        _assessment_named,
    ),
    # 本项3分全部扣除 / 本项分值全部扣除 → 不得分 (3 the item's points)
    (
        "all taken",
        re.compile(r"(?:本项)?\s*(?:(?P<n>\d+(?:\.\d+)?)\s*分|分值|分数)?\s*(?:全部|全额)\s*扣除"),
        _all_taken,
    ),
    # 按全市位次计分，第1位得8分 → 第1位得8分: how the places below score says it
    (
        "by places",
        re.compile(
            rf"按\s*(?:{_SCOPE}\s*)?(?:位次|名次|排名|排位|排序)\s*(?:计分|计算得分|得分|赋分)\s*[,:]"
            rf"(?=\s*(?:{_PLACE_VERB}\s*)?第\s*(?:1|一)\s*[名位])"
        ),
        _blank,
    ),
    # …其余得2分；完成率不足80%的，不得分 → ；不足80%的 (the ranked fact by its tail)
    (
        "own subject",
        re.compile(
            r"(?<=[,;])\s*(?P<own>[^\s,;:【】\d()]{2,8}?)(?=\s*(?:不足|低于|高于|超过|未达到|达到|少于|多于)"
            r"\s*\d)"
        ),
        _own_subject,
    ),
    # ；激活率排名全市后两位的 → ；排名全市后两位的 (the line's one fact, by its tail)
    (
        "placed subject",
        re.compile(
            rf"(?<=[,;])\s*(?P<own>[^\s,;:【】\d()]{{2,8}}?)(?=\s*(?:{_SCOPE})?\s*(?:{_PLACE_VERB}|{_PLACE_START}))"
        ),
        _placed_subject,
    ),
    # ，3—4位的得6分 / 排1—2位的 / 7位及以后的 → 第3—4位得6分 (places written without 第)
    (
        "bare places",
        re.compile(
            r"(?<=[,;:】\s])(?P<sp>\s*)(?P<verb>排|居|列|位列|位居)?\s*(?P<a>\d{1,3})\s*"
            r"(?:(?P<sep>—|-|至|到)\s*(?P<b>\d{1,3})\s*(?P<u>位|名)|(?P<u2>位|名)\s*"
            r"(?P<on>及以后|及之后|及其后))\s*的"
        ),
        _bare_places,
    ),
    # 第一名得3分、第二名得2分 → 第一名得3分,第二名得2分 (rules of one ranking)
    (
        "rules of one ranking",
        re.compile(rf"(?<=分)\s*、(?=\s*第\s*{_NUM}\s*[名位]\s*(?:的)?\s*(?:得|扣|加))"),
        lambda m, c: ",",
    ),
    # 低于平均值超过5个百分点的 → 低于平均值5个百分点的 (低于…N个百分点 is already beyond N)
    (
        "beyond average",
        re.compile(
            r"(?P<cmp>低于|高于)\s*(?P<avg>(?:全[市省县区])?\s*平均(?:值|水平|数))\s*超过\s*"
            r"(?P<n>\d+(?:\.\d+)?\s*(?:个百分点|百分点|个点))"
        ),
        lambda m, c: (
            m.group("cmp") + m.group("avg").replace(" ", "") + m.group("n").replace(" ", "")
        ),
    ),
    # 5个百分点以内（含5个百分点） → 5个百分点以内: 以内 holds its bound already
    (
        "bound restated",
        re.compile(
            r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>个百分点|百分点|个点|%|[^\s\d,;()的]{1,3}?)?\s*(?P<word>以内|以上|以下)\s*"
            r"\(\s*含\s*(?:本数|(?P<again>\d+(?:\.\d+)?)\s*(?P<au>个百分点|百分点|个点|%|[^\s\d,;()]{1,3}?)?)?\s*\)"
        ),
        _bound_restated,
    ),
    # ，本项满分4分， → blank (4 the item's points: the item line says it)
    (
        "full said",
        re.compile(r"(?<=[,;])\s*(?:本项|该项)?\s*满分\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*[,;]?"),
        lambda m, c: "" if c.points is not None and m.group("n") == c.points else None,
    ),
    # 【X】少的排名靠前 → 【X】从少到多排名 (the end that comes first)
    (
        "first end",
        re.compile(
            rf"(?<=】)\s*(?:数值|数量|指标值|值)?(?:越)?(?P<w>{_DIRECTION_FIRST})的?(?:者)?\s*"
            r"(?:排名|排序|名次)\s*(?:越)?(?:在前|靠前)"
        ),
        _first_end,
    ),
    # 得满分10分 → 得满分 (10 the item's points)
    (
        "full points",
        re.compile(r"(?P<full>得满分)\s*(?P<n>\d+(?:\.\d+)?)\s*分"),
        lambda m, c: m.group("full") if c.points is not None and m.group("n") == c.points else None,
    ),
)

#: Rules that may drop protected words: each checks by itself that the words say nothing.
_DROPS = frozenset(
    {
        "trimmed mean",  # its 最高 and 最低 say which values the mean leaves out
        "zero points",  # writes 不得分: the score of nothing it says
        "negated comparison",
        "half the points",
        "unit remark",
        "average restated",
        "ties",
        "full said",
        "first end",
        "benchmark",
        "rest full",
        "rest keeps",
        "grade floor",
        "last place",
        "passive event",
        "all taken",
        "beyond average",
        "requirement missed",
        "bound said",
        "range said",
        "item taken",
        "cap said",
        "done percent",
        "not done",
        "is not",
        "whole share",
        "between symbols",
        "cumulative",
        "should do",
        "bound restated",
        "graded subject",
        "rest nothing",
        "onward",
        "full points",
        "place formula",
        "gap to best",
        "share of average",
        "best first as full",
        "best then gap",
        "whole steps",
        "best keeps full",
        "part in proportion",
        "floor as cap",
        "precision",
        "times points",
        "benchmark formula",
        "rest benchmark",
        "base step",
        "place pair",
        "rest per count",
        "rest from the best",
        "benchmark gap",
        "base points",
        "item cap said",
        "ratio times",
        "next place",
        "best as full",
        "item zero",
        "order",
        "rest step",
        "own share",
        "division",
        "negative share",
        "negative growth",
        "share floor",
        "bare places",
        "own subject",
        "placed subject",
        "no deduction",
    }
)

#: A clause line about places, bests or averages: the only lines rewritten.
_BATCH_LINE = re.compile(
    rf"排|名次|位次|{_PLACE_START}|最(?:高|低|多|少|大|小|长|短)|平均|并列|等次|评为|评优|优秀|一票否"
)
_CLAUSE_LINE = re.compile(r"[ \t]*-")
#: A node line and its points: `(一)考核项(10分)`.
_NODE = re.compile(r"[ \t]*(?:\([^)\n]{1,6}\)|[一二三四五六七八九十]+、|\d+[、.])")
_POINTS = re.compile(r"\(\s*(\d+(?:\.\d+)?)\s*分\s*\)")


def canonical(text: str) -> tuple[str, list[Rewrite]]:
    """The text with every clause line's batch wordings in canonical form (same length,
    same line breaks), and the rewrites made."""
    lines = text.split("\n")
    rewrites: list[Rewrite] = []
    points: str | None = None
    precision = next((m.group(1) for m in map(_PRECISION.match, lines) if m), None)
    counts = _clause_counts(lines)
    facts, low, ranged = _declared(lines)
    kinds = dict(facts)  # once: a line asks for one fact's type
    for number, line in enumerate(lines, 1):
        if _NODE.match(line):
            found = _POINTS.search(line)
            points = found.group(1) if found else None
            continue
        if not _CLAUSE_LINE.match(line):
            continue
        # a table from `0起的` first: `发生1起的` there is exact, not a verb tier's count
        line, made = _exact_counts(line, number, kinds, tables_only=True)
        rewrites += made
        line, made = _count_tiers(line, number)
        rewrites += made
        line, made = _exact_counts(line, number, kinds)
        rewrites += made
        line, made = _per_then_outcome(line, number)
        rewrites += made
        line, made = _lower_half(line, number)
        rewrites += made
        line, made = _next_bound(line, number)
        rewrites += made
        context = _Context(points, counts.get(number, 0), precision, facts, low, ranged)
        if not _BATCH_LINE.search(line):
            for name, pattern, make in _EVERY_LINE:
                line, made = _apply(line, number, name, pattern, make, context)
                rewrites += made
            lines[number - 1] = line
            continue
        lines[number - 1] = _line(line, number, context, rewrites)
    return "\n".join(lines), rewrites


_DECLARED = re.compile(
    r"[ \t]+(?:【(?P<ref>[^】]+)】|(?P<name>[^\s:：,，=【】]+))\s*[:：]\s*(?P<kind>[^\s,，]+)"
)


def _declared(
    lines: list[str],
) -> tuple[tuple[tuple[str, str], ...], frozenset[str], frozenset[str]]:
    """The facts of the `数据：` block with their type words, those declared with the
    lower end as the better (`越低越好`, `越小越好`, `越少越好`), and those declared with a
    range of their own (`范围0至300`)."""
    found: list[tuple[str, str]] = []
    low: set[str] = set()
    ranged: set[str] = set()
    low_words = [word for word, sense in kw.FACT_SENSES.items() if sense == "low"]
    inside = False
    for line in lines:
        if re.match(r"数据\s*[:：]", line):
            inside = True
            continue
        if inside and line.strip() and not line[:1].isspace():
            inside = False
        if inside:
            match = _DECLARED.match(line)
            if match:
                name = match.group("ref") or match.group("name")
                found.append((name, match.group("kind")))
                if any(word in line for word in low_words):
                    low.add(name)
                if "范围" in line:
                    ranged.add(name)
    return tuple(found), frozenset(low), frozenset(ranged)


#: The header's `精度：0.01` (after full-width punctuation is made plain).
_PRECISION = re.compile(r"\s*精度\s*[:：]\s*(\d+(?:\.\d+)?)\s*$")


def _clause_counts(lines: list[str]) -> dict[int, int]:
    """For each clause line, how many clause lines (and clauses split by ；) its item has
    (a floor `最低得3分` is the item's, a cap `最多扣7分` the clause's: the same only when
    the clause is the item's only one)."""
    counts: dict[int, int] = {}
    group: list[int] = []
    total = 0
    for number, line in enumerate(lines, 1):
        if _NODE.match(line) or not line.strip() or not line.startswith((" ", "\t", "-")):
            for member in group:
                counts[member] = total
            group, total = [], 0
            continue
        if _CLAUSE_LINE.match(line):
            group.append(number)
            total += 1 + line.count(";") + line.count("；")
    for member in group:
        counts[member] = total
    return counts


def lone_clause_lines(lines: list[str]) -> dict[int, str]:
    """The clause lines that are their item's only one, with the item's points (`4` of
    `(二)本项(4分)`): what such a line earns is all the item earns."""
    out: dict[int, str] = {}
    points: str | None = None
    group: list[int] = []

    def close() -> None:
        if len(group) == 1 and points is not None:
            out[group[0]] = points

    for number, line in enumerate(lines, 1):
        if _NODE.match(line):
            close()
            found = _POINTS.search(line)
            points, group = (found.group(1) if found else None), []
        elif _CLAUSE_LINE.match(line):
            group.append(number)
    close()
    return out


def canonical_line(line: str, points: str | None = None) -> tuple[str, list[Rewrite]]:
    """One clause line in canonical form (`points`: the item's points, if known)."""
    rewrites: list[Rewrite] = []
    return _line(line, 1, _Context(points), rewrites), rewrites


def _line(line: str, number: int, context: _Context, rewrites: list[Rewrite]) -> str:
    for _ in range(2):  # a second pass reads what the first uncovered (各校中 before 最高者)
        changed = False
        for name, pattern, make in RULES:
            line, made = _apply(line, number, name, pattern, make, context)
            rewrites += made
            changed = changed or bool(made)
        line, made = _semicolons(line, number)
        rewrites += made
        line, after = _places_after_average(line, number)
        rewrites += after
        made += after
        if not (changed or made):
            break
    return line


#: A fact's name (【…】) and a quotation (“…”), which no rewrite touches.
#: A quoted formula (`按“最低值÷本县区值×6”计分`) is the rule itself, read as one.
_NAMED = re.compile(r"【[^】\n]*】|“(?![^”\n]*[÷×])[^”\n]*”|\"[^\"\n]*\"")


def _apply(
    line: str,
    number: int,
    name: str,
    pattern: re.Pattern[str],
    make: Callable[[re.Match[str], _Context], str | None],
    context: _Context,
) -> tuple[str, list[Rewrite]]:
    made: list[Rewrite] = []
    names = [m.span() for m in _NAMED.finditer(line)]
    for match in pattern.finditer(line):  # lengths never change: spans stay valid
        start, end = match.span()
        if start == end or any(start < b and a < end for a, b in names):
            continue  # a fact's name or a quotation is the writer's own: never rewritten
        new = make(match, context)
        original = match.group()
        if new is None or len(new) > end - start or new == original.rstrip():
            continue
        padded = new + " " * (end - start - len(new))
        if padded == original:
            continue
        changed = line[:start] + padded + line[end:]
        if not _keeps_meaning(line, changed, start, end, name in _DROPS):
            continue  # would change a word that carries meaning: read as written
        line = changed
        made.append(Rewrite(number, start, end, original, padded, name))
    return line, made


def _keeps_meaning(before: str, after: str, start: int, end: int, drops: bool) -> bool:
    """The protected words of the line are those it had (for a rule of `_DROPS`: those
    outside the span and those the rule wrote), and no blank left by the rewrite joins
    two words into one (`两…名次` read as `两名`).  Only the stretch around the rewrite
    can differ (a rewrite keeps the line's length), so only it is read: a line of
    thousands of rewrites costs linear time, not quadratic."""
    low, high = max(0, start - _AROUND), min(len(after), end + _AROUND)
    before, after = before[low:high], after[low:high]
    start, end = start - low, end - low
    outside = protected_words(after[:start]) + protected_words(after[start:end])
    outside += protected_words(after[end:])
    if protected_words(after) != outside:
        return False
    return drops or protected_words(after) == protected_words(before)


#: How far around a rewrite a protected word may reach (the longest is far shorter).
_AROUND = 40


_SEMI_NEXT = re.compile(rf";(?=\s*(?:{_PLACE_VERB}?\s*{_PLACE_START}|其余|其他|其中))")
_PLACE_RULE = re.compile(rf"{_PLACE_START}|最(?:高|低|多|少|大|小|长|短)")


_COMMA_PLACE = re.compile(
    rf",(?=\s*(?:{_SCOPE})?\s*(?:排名|排序|位列|居)?\s*(?:最(?:高|低|多|少|大|小)的|末位|倒数第))"
)


def _places_after_average(line: str, number: int) -> tuple[str, list[Rewrite]]:
    """`达到平均水平的得4分，低于平均水平的得2分，全市最低的县区不得分`: after the rules
    about the mean, a rule about a place or the best is a clause of its own (a ；), on
    the line's one fact — never a third branch of the comparison."""

    def wanted(text: str, start: int) -> bool:
        segment = text[:start][text[:start].rfind(";") + 1 :]
        end = text.find(";", start)
        tail = text[start : end if end >= 0 else len(text)]
        return "平均" in segment and not _PLACE_RULE.search(segment) and "【" not in tail

    return _separators(line, number, _COMMA_PLACE, ";", "places after the mean", wanted)


def _semicolons(line: str, number: int) -> tuple[str, list[Rewrite]]:
    """`排第1至第3名的，…；排第4至第8名的，得6分；其余县区得4分`: a ；between the rules of one
    ranking (the part after it names another place, or the rest, with no fact of its own)
    joins them as a comma does."""

    def wanted(text: str, start: int) -> bool:
        before = text[:start]
        segment = before[before.rfind(";") + 1 :]
        if "【" not in before or not _PLACE_RULE.search(segment):
            return False
        following = text[start + 1 :]
        nxt = following.find(";")
        return "【" not in (following if nxt < 0 else following[:nxt])

    return _separators(line, number, _SEMI_NEXT, ",", "rules of one ranking", wanted)


#: `，低于全市平均水平的，每低1个百分点扣1分` after `达到全市平均水平的得5分`: the other half of a
#: standard, its condition said again.
_LOWER_HALF = re.compile(
    r",(?=[ \t]*(?:低于|未达到|未达|不足|少于|不到)[^,;【】每]{0,16}?的?[ \t]*,?[ \t]*每)"
)
_EFFECT_END = re.compile(r"得[ \t]*(?:\d+(?:\.\d+)?[ \t]*分|满分)[ \t]*$")


#: `…每低1个百分点扣1分，在90%以下的本项不得分`: after a clause's points, a number and its
#: bound start a clause of their own.
_NEXT_BOUND = re.compile(
    r",(?=[ \t]*(?:在[ \t]*\d+(?:\.\d+)?[ \t]*%[ \t]*(?:及以下|以下|及以上|以上)|"
    r"\d+(?:\.\d+)?[ \t]*%[ \t]*(?:及以下|以下|及以上|以上)|(?:低于|不足|不满|未达到|高于|超过)[ \t]*"
    r"\d+(?:\.\d+)?[ \t]*%)[ \t]*的[ \t]*,?[ \t]*(?:本项|该项|此项)?[ \t]*"
    # an effect of its own, never the rounding of the steps (`，不足10%的按比例扣分`)
    r"(?:不得分|得[ \t]*\d|扣[ \t]*\d|不得评为|等次))"
)
_POINTS_END = re.compile(r"(?:扣|得|减)[ \t]*\d+(?:\.\d+)?[ \t]*分[ \t]*$")


def _next_bound(line: str, number: int) -> tuple[str, list[Rewrite]]:
    """`【X】达到95%以上的得4分，每低1个百分点扣1分，90%以下的本项不得分`: the comma after the
    steps' points is the `；` before a clause of the bound (never more of the steps)."""

    def wanted(text: str, start: int) -> bool:
        window = text[max(0, start - 80) : start]  # never the whole line: linear time
        return bool(_POINTS_END.search(window)) and "每" in window

    return _separators(line, number, _NEXT_BOUND, ";", "next bound", wanted)


def _lower_half(line: str, number: int) -> tuple[str, list[Rewrite]]:
    """`【X】达到平均值的得5分，低于平均值的，每低1个百分点扣1分`: the comma after the points
    is the `；` between a standard's halves (docs/language.md 9.16), so that the second half
    is read as written after `；` — never as more of the first clause's effects."""

    def wanted(text: str, start: int) -> bool:
        return bool(_EFFECT_END.search(text[max(0, start - 40) : start]))

    return _separators(line, number, _LOWER_HALF, ";", "lower half", wanted)


def _separators(
    line: str,
    number: int,
    pattern: re.Pattern[str],
    new: str,
    rule: str,
    wanted: Callable[[str, int], bool],
) -> tuple[str, list[Rewrite]]:
    """Each separator `pattern` finds outside a name or a quotation, where `wanted`, made
    `new` (one character for one: columns stay)."""
    made: list[Rewrite] = []
    names = [m.span() for m in _NAMED.finditer(line)]
    for match in pattern.finditer(line):
        start = match.start()
        if any(a <= start < b for a, b in names) or not wanted(line, start):
            continue
        old = line[start]
        line = line[:start] + new + line[start + 1 :]
        made.append(Rewrite(number, start, start + 1, old, new, rule))
    return line, made


#: After ；(or ，), a count of the line's one fact with the verb that names it:
#: `；发生1起的`, `；被通报2次及以上的`, `，出现3次以上的`.
_COUNT_TIER = re.compile(
    r"(?P<sep>[;,])(?P<space>[ \t]*)(?P<verb>发生|出现|被[^\s,;:【】“”\d]{1,6}?|[^\s,;:【】“”\d被]{2,6}?)"
    r"[ \t]*(?P<n>\d+)[ \t]*(?P<unit>起|次|件|例|人次|人)(?P<post>[ \t]*(?:及以上|以上))?[ \t]*的"
)


#: A count or share said exactly, as a tier starts (after the fact, `，` or `；`):
#: `0次的`, `为1次的`, `为100%的`; `为3次及以上的` (为 before a bound says nothing more).
_EXACT = re.compile(
    r"(?P<lead>【[^】\n]+】|[,;])(?P<space>[ \t]*)(?:(?P<is>为)|(?P<occur>发生|出现))?[ \t]*"
    r"(?P<n>\d+(?:\.\d+)?)[ \t]*"
    r"(?P<unit>[^\s\d.,;:【】“”的及以]{1,2}?)[ \t]*(?P<post>的|及以上|以上|及以下|以下|以内)"
)


def _exact_counts(
    line: str, number: int, kinds: dict[str, str], tables_only: bool = False
) -> tuple[str, list[Rewrite]]:
    """`【投诉次数】0次的得6分，1次的得4分，2次及以上的不得分`: counts of the line's one fact
    said as they are, a table by exact count; `【X】为1次的扣2分`: 为 is 等于.

    `为N次的` is exactly N wherever it stands (为 → `=`, one column for one); before a bound
    (`为3次及以上的`) the 为 adds nothing and is blanked.  A bare `1次的` may be exactly one
    or at least one, so it is read as exact only on a line that also says `0次的` — a
    table that starts at none, where the counts can only be the values themselves; it
    becomes `=1次` (its 的 dropped: same columns), and the tiers are then held to cover
    every count once (E269).  `发生`/`出现` before a count (`【事故】发生1起及以上的`) only
    names what the fact counts and is blanked where the count reads.  Only a fact declared
    in a counting unit (or a share, for 为), in that very unit; elsewhere the line is read
    as written."""
    heads = _FACT_NAME.findall(line)
    if len(set(heads)) != 1:
        return line, []
    kind = kinds.get(heads[0], "")
    unit = kw.COUNT_UNITS.get(kind)
    share = kind == "百分比"
    if unit is None and not share:
        return line, []
    tiers = [
        m
        for m in _EXACT.finditer(line)
        if (kw.COUNT_UNITS.get(m.group("unit")) == unit if unit else m.group("unit") == "%")
    ]
    zero = any(
        m.group("is") is None and m.group("post") == "的" and Decimal(m.group("n")) == 0
        for m in tiers
    )
    if tables_only and not zero:
        return line, []
    made: list[Rewrite] = []
    for tier in tiers:
        occur = tier.group("occur")
        if occur is not None and (tier.group("post") != "的" or zero):
            # `【事故】发生1起及以上的`: the verb only names what the fact counts
            at = tier.start("occur")
            line = line[:at] + " " * len(occur) + line[at + len(occur) :]
            made.append(
                Rewrite(number, at, at + len(occur), occur, " " * len(occur), "exact count")
            )
        if tier.group("is") is not None:
            at = tier.start("is")
            new = "=" if tier.group("post") == "的" else " "
            line = line[:at] + new + line[at + 1 :]
            made.append(Rewrite(number, at, at + 1, "为", new, "exact count"))
        elif zero and unit is not None and tier.group("post") == "的":
            start, end = tier.start("n"), tier.end("post")
            old = line[start:end]
            new = ("=" + tier.group("n") + tier.group("unit")).ljust(len(old))
            line = line[:start] + new + line[end:]
            made.append(Rewrite(number, start, end, old, new, "exact count"))
    return line, made


_COUNTING_UNIT = kw.alternation(kw.COUNT_UNITS)
#: `【事故】每起扣2分，3起及以上的不得分`: a per-occurrence deduction, then, after a comma,
#: a count of the same unit that zeroes the item or has an outcome.
_PER_THEN_OUTCOME = re.compile(
    rf"^[ \t]*-[ \t]*【[^】\n]+】[ \t]*每[ \t]*(?:发生|出现)?[ \t]*(?:\d+[ \t]*)?(?P<unit>{_COUNTING_UNIT})"
    r"[ \t]*扣[ \t]*\d+(?:\.\d+)?[ \t]*分[ \t]*(?P<sep>,)[ \t]*(?:发生|出现)?[ \t]*"
    r"(?:(?:达到|超过|不少于)[ \t]*)?\d+[ \t]*(?P=unit)[ \t]*(?:及以上|以上)?[ \t]*的?[ \t]*,?[ \t]*"
    r"(?:本项不得分|该项不得分|不得分|取消考评资格|实行一票否决|一票否决|不得评为|等次最高为)"
)


def _per_then_outcome(line: str, number: int) -> tuple[str, list[Rewrite]]:
    """`【事故】每起扣2分，3起及以上的不得分`: the comma starts a rule of its own (`；`) — the
    item zeroed, or an outcome, once the count is reached, beside the deduction for each.
    Only when the second rule has no amount of its own: `…，3起及以上的扣10分` may be 10
    instead of the 2 each or on top of them, and is left as written (refused)."""
    found = _PER_THEN_OUTCOME.match(line)
    if found is None or line.count("【") != 1:
        return line, []
    at = found.start("sep")
    line = line[:at] + ";" + line[at + 1 :]
    return line, [Rewrite(number, at, at + 1, ",", ";", "rule after a rate")]


def _count_tiers(line: str, number: int) -> tuple[str, list[Rewrite]]:
    """`【X】每发生1起扣2分；发生1起的，不得评为优秀，发生2起及以上的，等次最高为合格`:
    after the clause that names 【X】, counts of X as tiers, the verb naming X dropped.

    Read only when it cannot mean anything else: one fact named before the tiers, the
    verb `发生`/`出现` or words of that fact's name (`被通报` for 【营商环境问题通报批评】),
    and tiers that never overlap — exact counts (`1起的` is exactly 1 only beside a
    tier above it, `2起及以上的`) and at most one `以上` tier, above every exact count.
    A tier after `，` then starts its own clause (`；`): the tiers are separate rules.
    A count alone (`；发生1起的，…` with no other tier) is left as written: 1起 may be
    exactly one or at least one, and the writer says which (`达到1起的`, `等于1起的`)."""
    tiers = list(_COUNT_TIER.finditer(line))
    if not tiers:
        return line, []
    names = {m.group(1).strip() for m in _FACT_NAME.finditer(line[: tiers[0].start()])}
    if len(names) != 1 or any("【" in line[t.start() : t.end()] for t in tiers):
        return line, []
    (name,) = names
    if "【" in line[tiers[0].start() :]:
        return line, []  # another fact after the tiers: whose counts they are is unclear
    for tier in tiers:
        verb = tier.group("verb").removeprefix("被")
        if protected_words(tier.group("verb")):
            return line, []  # 未发生, 超过, 不少于: words that carry meaning stay
        if verb not in ("发生", "出现") and (len(verb) < 2 or verb not in name):
            return line, []
    exact = [int(t.group("n")) for t in tiers if not t.group("post")]
    above = [int(t.group("n")) for t in tiers if t.group("post")]
    if len(set(exact)) != len(exact) or len(above) > 1:
        return line, []
    if exact and not (above or len(exact) > 1):
        return line, []
    if above and exact and above[0] <= max(exact):
        return line, []
    made: list[Rewrite] = []
    for index, tier in enumerate(tiers):
        start = tier.start("verb")
        end = tier.end("verb")
        verb = tier.group("verb")
        new = ("" if tier.group("post") else "等于").ljust(len(verb))
        if len(new) > len(verb):
            new = "=".ljust(len(verb))
        line = line[:start] + new + line[end:]
        made.append(Rewrite(number, start, end, verb, new, "count tiers"))
        if index and tier.group("sep") == ",":
            at = tier.start("sep")
            line = line[:at] + ";" + line[at + 1 :]
            made.append(Rewrite(number, at, at + 1, ",", ";", "count tiers"))
    return line, made
