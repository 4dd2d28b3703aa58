"""等次 quotas over a batch scored in blocks (LANGUAGE.md §12.2).

Blocks score each unit before the quotas (`Policy.score_before_quotas`): a quota needs
every unit's total.  Once all blocks are in, `quota_falls` hands the kept ranking keys
(a unit's reported total, scaled exactly) and band numbers to the prelude's
`_quota_falls` — the very code `score_batch` applies them with: the units in the batch
holding a band with a quota are placed by total as 排名 places them (1, 2, 2, 4), and
those placed beyond the quota fall.  Units tied at the last place all keep the band, so
ties can take more places than the quota has: `tie_notices` says so, for the office to
decide.
"""

from __future__ import annotations

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
    """The prelude's `_quota_falls` over the kept ranking keys (a key orders and equals
    as its total does) and band numbers (NO_GRADE is no band)."""
    totals = [keys.key(i) for i in range(len(keys))]
    grades, fallen, kept = prelude._quota_falls(totals, keys.grades, policy.quotas)
    out = Quotas()
    for i, froms in fallen.items():
        labels = tuple(prelude._QUOTA_LABEL.format(policy.bands[b].name) for b in froms)
        out.falls[keys.positions[i]] = Fall(grades[i], froms[0], labels)
    for quota, count in zip(policy.quotas, kept, strict=True):
        places = prelude._quota_places(quota, len(totals))
        if count > places:
            out.crowded.append((quota, places, count))
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
