"""Does a candidate clause compile?  Asked of the real front end, never guessed.

A candidate is put alone into a small policy (one node, no 数据 block, so its facts are
inferred by the checker exactly as in a hand-written file) and parsed and checked.  It
is kept only when there is no error; the checker's inferred type of each new name
(`次`, `人次`, `是否`, `百分比`…) becomes its 数据 declaration.  Known facts (from the
appendix of a rendered document) are declared, so their types are the real ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..check import run as check
from ..check.resolve import resolve
from ..source.text import Source
from ..syntax import ast
from ..syntax.parser import parse


@dataclass(frozen=True)
class Trial:
    clause: ast.Clause
    kinds: tuple[tuple[str, str], ...]  # (fact name, type word) of every fact it uses


def _policy(clause: str, bonus: bool, decls: str, points: str | None) -> str:
    """One node like the clause's own: with its points, without points (under a parent
    that has them), or a bonus node beside a scored one; the total always adds up."""
    full = points if points is not None and not bonus else "1000"
    if bonus:
        head = "一、总(1000分)\n二、草稿，加分项，最高加1000分"
    elif points is None:
        head = "一、总(1000分)\n(一)草稿"
    else:
        head = f"(一)草稿({points}分)"
    block = f"数据：\n{decls}\n" if decls else ""
    text = f"细则：草稿\n年度：2023\n满分：{full}分\n\n{block}{head}\n  - {clause}\n"
    barred = re.search(r"不得评为([^，,；;。\s]{1,6}?)(?:等次)?(?=[，,；;。]|$)", clause)
    given = re.search(
        r"(?<!不得)直接(?:确定|评定|定|评)为([^，,；;。\s]{1,6}?)(?:等次)?(?=[，,；;。]|$)", clause
    )
    if barred:  # `不得评为优秀` names a grade: the draft's 等次 has it above a lower one
        text += f"\n等次：\n  {barred.group(1)}：{full}分以上\n  草稿最低档：其余\n"
    elif given:  # `直接评定为不合格`: the lowest grade (the draft's own 等次 checks it again)
        text += f"\n等次：\n  草稿最高档：{full}分以上\n  {given.group(1)}：其余\n"
    return text


@lru_cache(maxsize=4096)
def try_clause(
    clause: str, bonus: bool = False, decls: str = "", points: str | None = "1000"
) -> Trial | None:
    """The parsed clause and its facts' types when `clause` compiles alone in a node
    like its own (with points, without, or a bonus node), else None."""
    if "\n" in clause or "#" in clause:
        return None
    source = Source(_policy(clause, bonus, decls, points), "<import>")
    tree, diagnostics = parse(source)
    if tree is None or any(d.is_error for d in diagnostics):
        return None
    node = tree.nodes[-1] if tree.nodes else None
    while node is not None and node.children:
        node = node.children[-1]
    if node is None or not node.clauses:
        return None
    # one written clause may stand for several (`达到90%的得满分，每低…扣…` is two halves)
    if any(d.is_error for d in check.check(tree, source)):
        return None
    symbols = resolve(tree)
    if any(
        _COMPARISON_NAME.search(name) or _ONE_OF.match(name) or NEGATED_END.search(name)
        for name in symbols.facts
    ):
        return None
    kinds = tuple((name, info.unit) for name, info in symbols.facts.items())
    return Trial(node.clauses[0], kinds)


#: A name that is part of a comparison with the batch's average, not a datum a unit
#: reports: `【达到平均数】80%以上的得2分`, `【不满平均数80%】得1分`, `【…家次高于全县平均数】`
#: (the average is the batch's, computed, never filled in) — the sentence is held instead.
#: `有一卷…不规范的扣0.2分，最多扣4分`: a count (one volume, then each), never a yes/no
#: that deducts once — whether it counts is the writer's to say, so the sentence is held.
_ONE_OF = re.compile(r"有[一1]\s*[卷份件个处项次类种条人户家起]")
#: A name ending in a negation (`【群众满意率没有】达到90%的`): the 没有 was the comparison's,
#: which reads the opposite without it — never a fact of a draft (nor a subject the
#: drafter cuts, `clauses._fit_subject`).
NEGATED_END = re.compile(r"(?:未能|未|没有|没|不|非|并非)\s*在?$")
#: A unit's own average (`取两项平均值计分，【平均值】达到90%以上的`) is a datum: kept.
_COMPARISON_NAME = re.compile(
    r"(?:高于|低于|达到|超过|不满|不足|少于|多于|未达到)[^，,]{0,16}?平均|平均(?:数|值|水平)\d"
)


#: A policy of one item whose `等次：` block a trial line is written into.
_GRADES_TRIAL = (
    "细则：草稿\n年度：2023\n满分：100分\n\n数据：\n  甲：次，默认0\n\n(一)草稿(100分)\n"
    "  - 【甲】每次扣1分\n\n等次：\n  "
)


@lru_cache(maxsize=256)
def try_quota(line: str) -> str | None:
    """The band a grade quota of its own line names (`优秀等次原则上不超过参加考核单位总数的
    30%`) when the language reads the line as one, else None."""
    if "\n" in line or "#" in line:
        return None
    tree, diagnostics = parse(Source(_GRADES_TRIAL + line + "\n", "<import>"))
    if tree is None or any(d.is_error for d in diagnostics) or len(tree.quotas) != 1:
        return None
    return tree.quotas[0].name


@lru_cache(maxsize=1024)
def try_band(line: str) -> bool:
    """True when `name：range` is a grade band the language reads."""
    if "\n" in line or "#" in line:
        return False
    rest = "" if line.rstrip().endswith("其余") else "  其他档：其余\n"
    source = Source(_GRADES_TRIAL + line + "\n" + rest, "<import>")
    tree, diagnostics = parse(source)
    if tree is None or any(d.is_error for d in diagnostics) or len(tree.bands) != 1 + bool(rest):
        return False
    return not any(d.is_error for d in check.check(tree, source))
