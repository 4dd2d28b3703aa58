"""What a revision does to real units: every unit scored under both versions.

A revised 细则 is judged by its effect: whose total moves, whose 等次 changes, who
climbs or drops in the ranking.  Units are matched by name (by position when a row
has no name); the largest total change comes first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..ir import text as irtext

UNIT_KEY = "单位"


@dataclass(frozen=True)
class ScoreChange:
    unit: str
    old_total: Decimal | None
    new_total: Decimal | None
    old_grade: str | None
    new_grade: str | None
    old_rank: int | None
    new_rank: int | None
    old_status: str
    new_status: str

    @property
    def delta(self) -> Decimal | None:
        if self.old_total is None or self.new_total is None:
            return None
        return self.new_total - self.old_total

    @property
    def rank_delta(self) -> int | None:
        """Places gained (positive) or lost (negative)."""
        if self.old_rank is None or self.new_rank is None:
            return None
        return self.old_rank - self.new_rank

    @property
    def changed(self) -> bool:
        return (
            self.old_total != self.new_total
            or self.old_grade != self.new_grade
            or self.old_rank != self.new_rank
            or self.old_status != self.new_status
        )


def _restrict(row: Mapping[str, object], names: frozenset[str]) -> dict[str, object]:
    """Only the keys a version knows: a fact added or dropped must not stop the row."""
    return {k: v for k, v in row.items() if k in names or k == UNIT_KEY}


def _names(policy: object) -> frozenset[str]:
    ir_policy = policy.ir if hasattr(policy, "ir") else policy
    return frozenset(f.name for f in ir_policy.facts)


def score_changes(
    old: object,
    new: object,
    rows: Iterable[Mapping[str, object]],
    new_rows: Iterable[Mapping[str, object]] | None = None,
) -> list[ScoreChange]:
    """Score `rows` under both policies (api.Policy: `.score_batch`) and compare.

    `new_rows` may give the new version's own rows (columns read against its facts);
    by default both versions score the same rows, each seeing only its own facts."""
    rows = [dict(r) for r in rows]
    second = [dict(r) for r in new_rows] if new_rows is not None else rows
    old_results = old.score_batch([_restrict(r, _names(old)) for r in rows])  # type: ignore[attr-defined]
    new_results = new.score_batch([_restrict(r, _names(new)) for r in second])  # type: ignore[attr-defined]
    return compare_results(old_results, new_results)


def compare_results(old_results: Sequence, new_results: Sequence) -> list[ScoreChange]:
    """Match results by unit name (else position) and sort by the size of the change."""
    by_name = {}
    for i, r in enumerate(new_results):
        by_name.setdefault(_key(r, i), r)
    out = []
    seen = set()
    for i, a in enumerate(old_results):
        key = _key(a, i)
        b = by_name.get(key)
        seen.add(key)
        out.append(_change(key, a, b))
    for i, b in enumerate(new_results):
        key = _key(b, i)
        if key not in seen:
            out.append(_change(key, None, b))
    out.sort(key=_order)
    return out


def _key(result, index: int) -> str:
    unit = getattr(result, "unit", None)
    return str(unit) if unit not in (None, "") else f"第{index + 1}行"


def _change(unit: str, a, b) -> ScoreChange:
    return ScoreChange(
        unit=unit,
        old_total=getattr(a, "total", None),
        new_total=getattr(b, "total", None),
        old_grade=getattr(a, "grade", None),
        new_grade=getattr(b, "grade", None),
        old_rank=getattr(a, "rank", None),
        new_rank=getattr(b, "rank", None),
        old_status=getattr(a, "status", "无") if a is not None else "无",
        new_status=getattr(b, "status", "无") if b is not None else "无",
    )


def _order(c: ScoreChange):
    """Largest |Δ总分| first; then grade and rank changes; then by name."""
    delta = abs(c.delta) if c.delta is not None else Decimal(-1)
    rank = abs(c.rank_delta) if c.rank_delta is not None else 0
    return (-delta, c.old_grade == c.new_grade, -rank, c.unit)


def total_text(value: Decimal | None) -> str:
    return "—" if value is None else irtext.number(value)


def delta_text(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = irtext.number(value)
    return f"+{text}" if value > 0 else text


def rank_text(change: ScoreChange) -> str:
    """`3 → 1（升2位）`."""
    old = "—" if change.old_rank is None else str(change.old_rank)
    new = "—" if change.new_rank is None else str(change.new_rank)
    moved = change.rank_delta
    if moved is None or moved == 0:
        return f"{old} → {new}" if old != new else old
    word = f"升{moved}位" if moved > 0 else f"降{-moved}位"
    return f"{old} → {new}（{word}）"
