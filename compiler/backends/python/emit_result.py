"""The end of the generated `_compute`: outcomes, 等次, items and node records.

Records are built with `tuple.__new__` on their (namedtuple) class: the same objects as
calling the class, without a Python-level constructor call per record — a result
carries one record per node and per item, so this is most of what `score` costs
beyond `total`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...ir import nodes as ir
from ...ir import util as irutil
from .emit_expr import Writer
from .pyliteral import py

if TYPE_CHECKING:
    from .emit import Emitter, Slot

_OK = py("正常")
_DISQUALIFIED = py("取消考评资格")


def result_tail(e: Emitter, w: Writer) -> None:
    """Outcomes, grade, items, node records and the Result."""
    outcomes = [s for s in e.slots if s.kind == "outcome"]
    vetoes = [s.nominal for s in outcomes if s.outcome.kind == "veto"]
    disqualifiers = [s.nominal for s in outcomes if s.outcome.kind == "disqualify"]
    w(f"vetoed = {' or '.join(vetoes) or 'False'}")
    w(f"disqualified = {' or '.join(disqualifiers) or 'False'}")
    labels = [s for s in outcomes if s.outcome.kind in ("label", *irutil.GRADE_LIMIT_KINDS)]
    if labels:
        w("labels = []")
        for s in labels:
            label = py(irutil.outcome_label(s.outcome))
            with w.block(f"if {s.nominal} and {label} not in labels:"):
                w(f"labels.append({label})")
    _grade(e, w, bool(vetoes), bool(disqualifiers))
    limits = {kind: [] for kind in irutil.GRADE_LIMIT_KINDS}
    for s in outcomes:
        if s.outcome.kind in limits:
            index = irutil.band_index(e.policy, s.outcome.label)
            limits[s.outcome.kind].append(f"({s.nominal} and {index})")
    if any(limits.values()):
        ceilings, floors = (_tuple(limits[kind]) for kind in irutil.GRADE_LIMIT_KINDS)
        w(f"grade = _limit_grade(grade, POLICY.bands, {ceilings}, {floors}, vetoed)")
    w("items = []")
    w("add = items.append")
    for index, slot in enumerate(sorted(e.slots, key=lambda s: s.key)):
        # a nominal is either the ZERO object or positive: identity is the cheap test
        test = slot.nominal if slot.kind == "outcome" else f"{slot.nominal} is not _ZERO"
        if e.ints and slot.kind != "outcome":  # an int nominal is 0 or positive
            test = slot.nominal
        with w.block(f"if {test}:"):
            w(f"add(_item({index}, {_item_args(e, slot)}))")
    w("nodes = _MappingProxyType({")
    for node in e.nodes:
        w(f"    {py(node.path)}: {_record(e, node)},")
    w("})")
    status = f"{_DISQUALIFIED} if disqualified else {_OK}" if disqualifiers else _OK
    label_tuple = "tuple(labels)" if labels else "()"
    w(
        f"return _new(Result, (unit, total, exact, grade, None, {status}, vetoed, "
        f"{label_tuple}, nodes, tuple(items), None))"
    )


def _tuple(parts: list[str]) -> str:
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def _grade(e: Emitter, w: Writer, vetoes: bool, disqualifiers: bool) -> None:
    """The bands as an if/elif chain (the prelude's `_grade`, unrolled)."""
    bands = e.policy.bands
    if not bands:
        w("grade = None")
        return
    arms: list[tuple[str, str]] = []
    if disqualifiers:
        arms.append(("disqualified", "None"))
    if vetoes:
        arms.append(("vetoed", py(bands[-1].name)))
    for band in bands:
        test = "True" if band.rest else _band_test(e, band)
        arms.append((test, py(band.name)))
        if test == "True":
            break
    else:
        arms.append(("True", "None"))
    for index, (test, value) in enumerate(arms):
        if test == "True":
            if index == 0:
                w(f"grade = {value}")
            else:
                with w.block("else:"):
                    w(f"grade = {value}")
            break
        with w.block(f"{'if' if index == 0 else 'elif'} {test}:"):
            w(f"grade = {value}")


def _band_test(e: Emitter, band: ir.GradeBand) -> str:
    parts = []
    if band.low is not None:
        parts.append(f"total {'>=' if band.low_inclusive else '>'} {e.dconst(band.low)}")
    if band.high is not None:
        parts.append(f"total {'<=' if band.high_inclusive else '<'} {e.dconst(band.high)}")
    return " and ".join(parts) or "True"


def _inputs(e: Emitter, clause: ir.ClauseBase) -> str:
    pairs = [f"({py(name)}, {e.fact(name)})" for name in clause.inputs if name in e.facts]
    pairs += [
        f"({py(irutil.AVERAGE_INPUT.format(name))}, {e.average(name)})"
        for name in irutil.clause_averages(clause)
    ]
    pairs += [
        f"({py(irutil.stat_key(stat))}, {e.stat(stat)})"
        for stat in irutil.clause_stats(clause)
        if stat.kind != "value"
    ]
    if len(pairs) == 1:
        return f"({pairs[0]},)"
    return "(" + ", ".join(pairs) + ")"


def _item_args(e: Emitter, slot: Slot) -> str:
    """The unit's part of a slot's item (inputs, nominal, applied, raw when capped);
    its fixed part (clause, path, line, text, kind, note) goes to `e.item_heads`, a
    table of the module, which keeps each item's line short to parse."""
    if slot.kind == "remainder":
        node = slot.node
        head = (None, node.path, node.line, irutil.REMAINDER_TEXT, "deduct", slot.note)
        inputs = "()"
    else:
        clause = slot.clause
        kind = "deduct" if slot.kind == "missed" else slot.kind
        head = (clause.id, clause.path, clause.line, clause.text, kind, slot.note)
        inputs = _inputs(e, clause)
    e.item_heads.append(head)
    nominal = e.zero if slot.kind == "outcome" else slot.nominal
    raw = "" if slot.raw == nominal else f", {e.dec(slot.raw)}"
    return f"{inputs}, {e.dec(nominal)}, {e.dec(slot.applied)}{raw}"


def measure_tail(e: Emitter, w: Writer, mark: str) -> None:
    """`_compute(…, full=2)`: (disqualified, every node's score in NODES order), what a
    pass over the batch reads, without building the explanation.  Every score is the
    expression its record is built with (`_record`), each computed as `score` computes
    it — so this raises wherever `score` would, and under the same place `mark`."""
    outcomes = [s for s in e.slots if s.kind == "outcome"]
    disqualifiers = [s.nominal for s in outcomes if s.outcome.kind == "disqualify"]
    with w.block("if full == 2:"):
        if mark:
            w(mark)
        names = []
        for node in e.nodes:
            k = e.plans[node.path].k
            score = _score(e, node)
            if score != "None":
                w(f"sc{k} = {score}")
            names.append(f"sc{k}" if score != "None" else "None")
        scores = "(" + "".join(f"{name}, " for name in names).rstrip() + ")"
        w(f"return {' or '.join(disqualifiers) or 'False'}, {scores}")


def _score(e: Emitter, node: ir.Node) -> str:
    """The score in a node's record (`_record`)."""
    plan = e.plans[node.path]
    k = plan.k
    if node.bonus_cap is not None:
        bonus = f"b{k}" if plan.has_bonus else "_ZERO"
        return e.rounded(e.dec(bonus))
    if node.points is not None:
        score = e.rounded(e.dec(f"{e.const(node.points)} - d{k}"))
        return f"_r{k}.score if not d{k} else {score}"
    return "None"


def _record(e: Emitter, node: ir.Node) -> str:
    """A node's record.  A node that lost nothing reports ZERO and has a record built
    once, at import (`_r3`, see the prelude's `_untouched`); the interpreter reports
    the same."""
    plan = e.plans[node.path]
    k = plan.k
    head = f"{py(node.path)}, {py(node.title)}"
    deduction = e.dec(f"d{k}")
    if node.bonus_cap is not None:
        bonus = f"b{k}" if plan.has_bonus else "_ZERO"
        cap = e.dconst(node.bonus_cap)
        score = e.rounded(e.dec(bonus))
        return f"_new(NodeScore, ({head}, {cap}, {deduction}, {score}, True))"
    if node.points is not None:
        points = e.dconst(node.points)
        score = e.rounded(e.dec(f"{e.const(node.points)} - d{k}"))
        built = f"_new(NodeScore, ({head}, {points}, {deduction}, {score}, False))"
    else:
        built = f"_new(NodeScore, ({head}, None, {deduction}, None, False))"
    return f"_r{k} if not d{k} else {built}"
