"""等次 quotas over a batch scored in blocks (LANGUAGE.md §12.2).

Blocks score each unit before the quotas (`Policy.score_before_quotas`): a quota needs
every unit's total.  Once all blocks are in, `quota_falls` reads the kept ranking keys
(a unit's reported total, scaled exactly) and band numbers and says which units fall
to the band below — the very rule of the prelude's `_apply_quotas`, which
`score_batch` uses: the units in the batch holding a band with a quota are placed by
total as 排名 places them (1, 2, 2, 4), and those placed beyond the quota fall.  Units
tied at the last place all keep the band, so ties can take more places than the
quota has: `tie_notices` says so, for the office to decide.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from xize.compiler.ir import nodes as ir
from xize.compiler.support import prelude

from ..text.problems import Message, Notice
from .ranking import RankKeys


@dataclass(frozen=True)
class Fall:
    """A unit beyond a quota: the band it ends in, the band it was graded by score, and
    a label per quota it missed."""

    band: int
    was: int
    labels: tuple[str, ...]


@dataclass
class Quotas:
    """What the quotas did: 汇总 position → Fall, and per quota whose last place was
    shared beyond its size (band number, places, units that kept the band)."""

    falls: dict[int, Fall] = field(default_factory=dict)
    crowded: list[tuple[ir.GradeQuota, int, int]] = field(default_factory=list)


def quota_falls(keys: RankKeys, policy: ir.Policy) -> Quotas:
    out = Quotas()
    grades = list(keys.grades)
    for quota in policy.quotas:
        places = prelude._quota_places(quota, len(grades))
        members = [i for i, grade in enumerate(grades) if grade == quota.band]
        ascending = sorted(keys.key(i) for i in members)
        label = prelude._QUOTA_LABEL.format(policy.bands[quota.band].name)
        kept = 0
        for i in members:
            if len(ascending) - bisect_right(ascending, keys.key(i)) < places:
                kept += 1
                continue
            grades[i] = quota.band + 1
            position = keys.positions[i]
            before = out.falls.get(position)
            labels = (before.labels if before else ()) + (label,)
            was = before.was if before else quota.band
            out.falls[position] = Fall(quota.band + 1, was, labels)
        if kept > places:
            out.crowded.append((quota, places, kept))
    return out


def tie_notices(quotas: Quotas, policy: ir.Policy) -> list[Notice]:
    """A warning per quota whose last place was shared by more units than it had places
    left: all of them keep the band (they share the place, as in 排名), so more units
    hold it than the quota allows — the document does not say how ties are parted."""
    notices = []
    for quota, places, kept in quotas.crowded:
        args = {
            "band": policy.bands[quota.band].name,
            "places": places,
            "kept": kept,
            "line": quota.line,
        }
        notices.append(Notice("warning", Message("quota_tie", args)))
    return notices
