"""What changed between two versions of a policy, as a 修订说明 would list it.

Nodes are matched by marker path and title: same path and title is the same node;
the same title at another path is a move; the same path with another title is a
rename; the rest were added or removed.  Within a matched node, clauses are matched
by the facts they read and their form (the clause with every number blanked out),
so that a changed amount, threshold or cap shows as exactly that change.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..ir import nodes as ir
from ..ir import text as irtext
from .change import KINDS, Change, as_ir, same_text
from .nodes import node_changes

__all__ = ["KINDS", "Change", "as_ir", "diff", "summary_lines"]


def diff(old: object, new: object) -> list[Change]:
    """Every change from `old` to `new` (api.Policy or ir.Policy), in reading order."""
    a, b = as_ir(old), as_ir(new)
    changes = _header(a, b)
    changes += node_changes(a, b)
    changes += _facts(a, b)
    changes += _bands(a, b)
    return changes


# ------------------------------------------------------------------------- header


def _header(a: ir.Policy, b: ir.Policy) -> list[Change]:
    out = []
    fields = (
        ("细则", a.title, b.title),
        ("年度", str(a.year), str(b.year)),
        ("满分", irtext.points(a.full_marks), irtext.points(b.full_marks)),
        ("精度", _opt(a.precision), _opt(b.precision)),
        ("考评对象", a.target or "无", b.target or "无"),
        ("计分", a.mode, b.mode),
    )
    for name, old, new in fields:
        if same_text(old, new):
            continue
        out.append(Change("header", "", name, old, new, f"{name}由 {old} 改为 {new}", name))
    return out


def _opt(value: Decimal | None) -> str:
    return "不取整" if value is None else irtext.number(value)


# -------------------------------------------------------------------------- facts


def _fact_summary(f: ir.Fact, year: int) -> str:
    parts = [irtext.fact_spec(f)]
    if f.default is not None:
        parts.append(f"默认{irtext.value(f.default, f.type, year)}")
    if f.low is not None or f.high is not None:
        lo = irtext.value(f.low, f.type) if f.low is not None else ""
        hi = irtext.value(f.high, f.type) if f.high is not None else ""
        parts.append(f"范围{lo}至{hi}")
    return "，".join(parts)


def _facts(a: ir.Policy, b: ir.Policy) -> list[Change]:
    out = []
    old = {f.name: f for f in a.facts if not f.inferred}
    new = {f.name: f for f in b.facts if not f.inferred}
    for name, f in new.items():
        summary = _fact_summary(f, b.year)
        if name not in old:
            text = f"新增数据项 【{name}】（{summary}）"
            out.append(Change("fact_added", "", name, "", summary, text, "数据项"))
            continue
        before = _fact_summary(old[name], a.year)
        if before != summary:
            text = f"数据项 【{name}】 由 “{before}” 改为 “{summary}”"
            out.append(Change("fact_changed", "", name, before, summary, text, "数据项"))
    for name, f in old.items():
        if name not in new:
            summary = _fact_summary(f, a.year)
            text = f"删除数据项 【{name}】（{summary}）"
            out.append(Change("fact_removed", "", name, summary, "", text, "数据项"))
    return out


# -------------------------------------------------------------------------- bands


def _bands(a: ir.Policy, b: ir.Policy) -> list[Change]:
    out = []
    # a band's words with its quota (`90分以上，不超过参加考核单位总数的30%`)
    old = {band.name: _band_text(a, k) for k, band in enumerate(a.bands)}
    new = {band.name: _band_text(b, k) for k, band in enumerate(b.bands)}
    for name, text_new in new.items():
        if name not in old:
            out.append(
                Change("band_added", "", name, "", text_new, f"新增等次 “{name}”：{text_new}")
            )
        elif old[name] != text_new:
            text_old = old[name]
            text = f"等次 “{name}”：由 {text_old} 改为 {text_new}"
            out.append(Change("band_changed", "", name, text_old, text_new, text))
    for name, text_old in old.items():
        if name not in new:
            out.append(
                Change("band_removed", "", name, text_old, "", f"删除等次 “{name}”（{text_old}）")
            )
    old_order = [n for n in old if n in new]
    new_order = [n for n in new if n in old]
    if old_order != new_order:
        text = f"等次评定顺序由 {'、'.join(old_order)} 改为 {'、'.join(new_order)}"
        out.append(
            Change("band_changed", "", "顺序", "、".join(old_order), "、".join(new_order), text)
        )
    return out


def _band_text(policy: ir.Policy, index: int) -> str:
    return irtext.band_range(policy.bands[index]) + irtext.quota_text(policy, index)


def summary_lines(changes: Iterable[Change]) -> list[str]:
    """The changes as numbered 修订说明 lines."""
    return [f"{i}. {c.text}" for i, c in enumerate(changes, 1)]
