"""Clause-level revisions: within one matched node, which amounts, thresholds, steps
and caps changed, and which clauses were added, removed or rewritten.

Clauses are matched by the facts they read and their form — the clause with every
number blanked out — so that changing `2023分` to `20分` is one amount change, not a
removal and an addition.
"""

from __future__ import annotations

import dataclasses

from ..ir import nodes as ir
from ..ir import text as irtext
from .change import Change, label

_BLANK = ("#",)
_IGNORED = frozenset({"id", "path", "line", "text", "inputs", "cap"})


def _shape(value: object) -> object:
    """The clause with every number blanked: two clauses of one form share a shape."""
    if isinstance(value, ir.Const):
        return _BLANK
    if isinstance(value, ir.DaysLate):  # the due date is the clause's threshold
        return ("DaysLate", value.fact, _BLANK)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple(
                (f.name, _shape(getattr(value, f.name)))
                for f in dataclasses.fields(value)
                if f.name not in _IGNORED and f.name not in ("step", "rounding")
            ),
        )
    if isinstance(value, tuple):
        return tuple(_shape(v) for v in value)
    return value


def _consts(value: object) -> list[object]:
    """Every constant in an expression or condition, in reading order."""
    if isinstance(value, ir.Const):
        return [value.value]
    if isinstance(value, ir.DaysLate):
        return [value.due]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: list[object] = []
        for f in dataclasses.fields(value):
            out += _consts(getattr(value, f.name))
        return out
    if isinstance(value, tuple):
        return [c for v in value for c in _consts(v)]
    return []


def _amount_parts(c: ir.Clause) -> tuple[object, ...]:
    if isinstance(c, (ir.Step, ir.Missing)):
        return (c.amount,)
    if isinstance(c, ir.Fixed):
        return tuple(e.amount for e in (*c.then, *c.otherwise) if isinstance(e, ir.Points))
    return ()


def _threshold_parts(c: ir.Clause) -> tuple[object, ...]:
    if isinstance(c, ir.Step):
        if isinstance(c.quantity, ir.DaysLate):  # its guard only says "late at all"
            return (c.quantity,)
        return (c.quantity, c.guard)
    if isinstance(c, ir.Fixed):
        return (c.condition,)
    return ()


def _kind(c: ir.Clause) -> str:
    return getattr(c, "kind", "") or ""


_ROUNDING = {"floor": "不计", "ceil": "按一个单位计", "ratio": "按比例计"}
_VERB = {"deduct": "扣分", "earn": "得分", "bonus": "加分"}


class _ClauseDiff:
    def __init__(self, n: ir.Node, m: ir.Node, facts: dict[str, ir.Fact], several: bool, year: int):
        self.n, self.m, self.facts, self.several, self.year = n, m, facts, several, year

    def changes(self) -> list[Change]:
        out: list[Change] = []
        olds, news = list(self.n.clauses), list(self.m.clauses)
        pairs = _pair_by(olds, news, lambda c: (c.inputs, _shape(c)))
        rewritten = _pair_by(olds, news, lambda c: (c.inputs, type(c).__name__, _kind(c)))
        for a, b in pairs:
            out += self._compare(a, b)
        for a, b in rewritten:
            out.append(self._change("clause_rewritten", b, "条款", _quote(a.text), _quote(b.text)))
        for b in news:
            text = f"{label(self.m)}：新增条款 {_quote(b.text)}"
            out.append(Change("clause_added", self.m.path, self.m.title, "", b.text, text, "条款"))
        for a in olds:
            text = f"{label(self.m)}：删除条款 {_quote(a.text)}"
            out.append(
                Change("clause_removed", self.m.path, self.m.title, a.text, "", text, "条款")
            )
        return out

    def _compare(self, a: ir.Clause, b: ir.Clause) -> list[Change]:
        out = []
        old_amt, new_amt = _consts(_amount_parts(a)), _consts(_amount_parts(b))
        if old_amt != new_amt:
            out.append(
                self._change(
                    "amount",
                    b,
                    self._amount_subject(b),
                    self._amounts(_amount_parts(a)),
                    self._amounts(_amount_parts(b)),
                )
            )
        old_t, new_t = _consts(_threshold_parts(a)), _consts(_threshold_parts(b))
        if old_t != new_t:
            out.append(
                self._change("threshold", b, "标准", self._values(old_t, a), self._values(new_t, b))
            )
        step_a, step_b = getattr(a, "step", None), getattr(b, "step", None)
        if step_a != step_b and step_a is not None and step_b is not None:
            unit = self._unit(b)
            old, new = f"每{irtext.number(step_a)}{unit}", f"每{irtext.number(step_b)}{unit}"
            out.append(self._change("step", b, "计扣单位", old, new))
        round_a, round_b = getattr(a, "rounding", None), getattr(b, "rounding", None)
        if round_a != round_b and round_a is not None and round_b is not None:
            old, new = _ROUNDING[round_a], _ROUNDING[round_b]
            out.append(self._change("rounding", b, "不足一个单位的计法", old, new))
        if a.cap != b.cap:
            old = "不限" if a.cap is None else irtext.points(a.cap)
            new = "不限" if b.cap is None else irtext.points(b.cap)
            out.append(self._change("cap", b, "本条最多扣分", old, new))
        return out

    def _change(self, kind: str, c: ir.Clause, subject: str, old: str, new: str) -> Change:
        facts = "".join(f"【{f}】" for f in c.inputs) if self.several else ""
        text = f"{label(self.m)}{facts}：{subject}由 {old} 改为 {new}"
        return Change(kind, self.m.path, self.m.title, old, new, text, subject)

    def _amounts(self, parts: tuple[object, ...]) -> str:
        return "、".join(irtext.amount(p, self.year) for p in parts)  # type: ignore[arg-type]

    def _values(self, consts: list[object], c: ir.Clause) -> str:
        ftype = ""
        if c.inputs and c.inputs[0] in self.facts:
            ftype = self.facts[c.inputs[0]].type
        shown: list[str] = []
        for v in consts:  # a threshold appears in both the guard and the quantity
            text = irtext.value(v, ftype, self.year)
            if text not in shown:
                shown.append(text)
        return "、".join(shown) or "无"

    def _unit(self, c: ir.Clause) -> str:
        if isinstance(c, ir.Step) and isinstance(c.quantity, ir.DaysLate):
            return "天"
        fact = self.facts.get(c.inputs[0]) if c.inputs else None
        if fact is None:
            return ""
        if fact.type == "percent":
            return "个百分点"
        if fact.type == "count":
            return fact.unit
        return ""

    def _amount_subject(self, c: ir.Clause) -> str:
        verb = _VERB.get(_kind(c), "扣分")
        if isinstance(c, ir.Missing):
            return f"每缺1项{verb}"
        if isinstance(c, ir.Step):
            step = "" if c.step == 1 else irtext.number(c.step)
            unit = self._unit(c)
            direction = _direction(c)
            if direction == "count":
                return f"每{step}{unit}{verb}" if unit else f"每{step or 1}{verb}"
            word = {"shortfall": "低于", "excess": "超", "late": "晚"}[direction]
            return f"每{word}{step or 1}{unit}{verb}"
        if isinstance(c, ir.Fixed):
            kinds = {e.kind for e in (*c.then, *c.otherwise) if isinstance(e, ir.Points)}
            return _VERB.get(kinds.pop(), "扣分") if len(kinds) == 1 else "分值"
        return verb


def _direction(c: ir.Step) -> str:
    """How a step clause counts: per unit, shortfall, excess or days late."""
    q = c.quantity
    if isinstance(q, ir.DaysLate):
        return "late"
    if isinstance(q, ir.Arith) and q.op == "-":
        if isinstance(q.right, ir.FactValue):
            return "shortfall"
        if isinstance(q.left, ir.FactValue):
            return "excess"
    return "count"


def _pair_by(olds: list, news: list, key) -> list[tuple[ir.Clause, ir.Clause]]:
    """Pair clauses with equal keys in reading order; paired ones leave both lists."""
    pairs = []
    for a in list(olds):
        k = key(a)
        for b in news:
            if key(b) == k:
                pairs.append((a, b))
                olds.remove(a)
                news.remove(b)
                break
    return pairs


def _quote(text: str) -> str:
    return f"“{text.strip()}”"


def clause_changes(n: ir.Node, m: ir.Node, facts: dict[str, ir.Fact], year: int) -> list[Change]:
    """Revisions of the clauses of node `n` (old) as node `m` (new)."""
    several = len(n.clauses) > 1 or len(m.clauses) > 1
    return _ClauseDiff(n, m, facts, several, year).changes()
