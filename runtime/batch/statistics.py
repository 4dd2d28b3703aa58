"""Batch statistics for `xize score`, gathered in the processes that score.

A policy with ranks or best values (`按【X】排名…`, `最高者得满分…`) scores each unit
against every other, so the data is read in passes before any unit is scored, the
way `score_batch` does it (LANGUAGE.md §4.9):

1. level 0: each block of rows (in a worker, or here) reports, per unit that reached
   the policy, whether it is in the batch (scored without a data error and not
   disqualified), the ranking key of every ranked fact, the exact sums of the
   averaged facts over its units in the batch and its best values;
2. level k: each unit is scored with the statistics of the levels below — sent with
   its block — and its block reports the ranked nodes' scores the same way (a node's
   score never waits for its own statistics);
3. the last pass scores each unit with all its statistics (`BlockBatch.unit`).

Between passes this process merges the blocks' reports exactly: sums of Decimals,
the best value by the same rule as `score_batch` (the last of equal largest, or the
first of equal smallest, in input order), and each unit's competition rank (1, 2, 2,
4) by binary search in the sorted keys of the units in the batch.  A block's report
depends only on its rows, and blocks are merged in input order, so the statistics —
and so the report — are the same, byte for byte, for any number of processes.

Memory: per unit that reached the policy one 8-byte key per ranked subject and a
byte of flags (a key that does not fit 64 bits is kept exactly, aside); no row is
kept between passes.  A ranking with a tie-break (`并列的按【结案率】排名`) keeps a
tuple of keys per unit aside instead, some hundred bytes each.
"""

from __future__ import annotations

import bisect
import decimal
import itertools
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from xize.compiler.ir import util as irutil
from xize.compiler.support import prelude

from ..text.problems import DataFileError
from .chunks import SUM_CONTEXT, ChunkScorer, good_rows
from .ranking import EXACT, SCALE, rank_key

#: The context means are divided in (the policy's own scoring context).
MEAN_CONTEXT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)

_RANKS = ("rank", "rank_from_end")


class Plan:
    """A policy's statistics: what each pass computes, and the keys `score(batch=…)`
    reads them under."""

    def __init__(self, policy_ir):
        names = [fact.name for fact in policy_ir.facts]
        self.infos = [prelude.StatInfo(*irutil.stat_fields(s, names)) for s in policy_ir.stats]
        self.keys = [prelude._stat_key(info) for info in self.infos]
        self.averaged = tuple(policy_ir.averages)
        # positions in a unit's values (`unit_values`) and node scores (`measure`)
        self.slots = {name: k for k, name in enumerate(names)}
        self.nodes = {node.path: k for k, node in enumerate(policy_ir.walk())}
        # level 0 also when only node statistics are ranked: the means come from it
        self.levels = sorted({info.level for info in self.infos} | {0})
        self.membership = policy_ir.disqualifies()
        # what each level measures: (subject, node, tie-break) triples whose values are
        # ranked; a best value is of a subject without a tie-break
        self.subjects: dict[int, list[tuple]] = {level: [] for level in self.levels}
        self.best: dict[int, list[tuple[str, bool, bool]]] = {level: [] for level in self.levels}
        for info in self.infos:
            if info.kind in ("value", "count") or not info.subject:
                continue
            pair = (info.subject, info.node, info.ties)
            if pair not in self.subjects[info.level]:
                self.subjects[info.level].append(pair)
            best = (info.subject, info.node, info.high)
            if info.kind == "best" and best not in self.best[info.level]:
                self.best[info.level].append(best)

    def placeholders(self) -> dict[str, object]:
        """The batch of a unit before anything is known: every formula is total on it."""
        batch: dict[str, object] = {f"平均值【{name}】": 1 for name in self.averaged}
        for info, key in zip(self.infos, self.keys, strict=True):
            if info.kind != "value":
                batch[key] = prelude._placeholder(info)
        return batch


def plan_of(scorer: ChunkScorer) -> Plan:
    """The scorer's plan, made once per process."""
    plan = getattr(scorer, "_plan", None)
    if plan is None:
        plan = scorer._plan = Plan(scorer.policy.ir)  # type: ignore[attr-defined]
    return plan


# ------------------------------------------------------------- what travels with a block


@dataclass
class BlockBatch:
    """The statistics of one block's units: the values every unit shares (means, best
    values, placeholders), each unit's ranks (0: not computed, the placeholder
    stands), and which units are in the batch."""

    count: int  # units that reached the policy
    shared: dict[str, object]
    ranks: dict[str, array]  # statistic key → rank per unit
    members: bytes

    def unit(self, index: int) -> dict[str, object]:
        """The `batch=` argument of the block's `index`-th unit."""
        batch = dict(self.shared)
        for key, ranks in self.ranks.items():
            rank = ranks[index]
            if rank:
                batch[key] = Decimal(rank)
        return batch


class UnitValues:
    """The batch values of a block's units as `Policy.score_given` and `measure` take
    them: the values every unit shares parsed once for the block
    (`Policy.batch_values`), each unit's ranks set in their places.  A rank is a
    positive whole number, which parsing `Decimal(rank)` leaves as it is, so the tuple
    equals what `score(facts, batch=block.unit(index))` parses for itself.

    `base` is None when the shared values do not parse (a mean too large): then each
    unit is scored with its mapping, and the error names the unit."""

    def __init__(self, block: BlockBatch, plan: Plan, policy, bad_input):
        self.block = block
        try:
            self.base: list | None = list(policy.batch_values(block.shared))
        except bad_input:
            self.base = None
        offset = len(plan.averaged)
        self.places = [
            (offset + k, block.ranks[key]) for k, key in enumerate(plan.keys) if key in block.ranks
        ]

    def __call__(self, index: int) -> tuple:
        assert self.base is not None
        out = self.base.copy()
        for place, ranks in self.places:
            rank = ranks[index]
            if rank:
                out[place] = Decimal(rank)
        return tuple(out)


@dataclass
class Collected:
    """One block's report for one pass, per unit that reached the policy in order."""

    table: int = 0
    count: int = 0
    members: bytearray = field(default_factory=bytearray)  # level 0: in the batch
    has: bytearray = field(default_factory=bytearray)  # the unit has its values
    keys: dict[tuple, array] = field(default_factory=dict)
    wide: dict[tuple, dict[int, Decimal | tuple]] = field(default_factory=dict)
    best: dict[tuple[str, bool, bool], Decimal] = field(default_factory=dict)
    sums: dict[str, Decimal] = field(default_factory=dict)
    in_batch: int = 0  # level 0: units in the batch with their values


def _better(candidate: Decimal, best: Decimal | None, high: bool) -> bool:
    """Whether `candidate`, later in input order, replaces `best`: as `score_batch`
    takes the last of the sorted values (high) or the first (low)."""
    return best is None or (candidate >= best if high else candidate < best)


def collect(
    scorer: ChunkScorer, rows: Iterable, table: int, level: int, given: BlockBatch | None
) -> Collected:
    """A worker's task in a statistics pass: one block's report at `level`.

    Each unit is converted once (`Policy.unit_values`) and, where the pass needs it,
    measured once (`Policy.measure`: whether it is disqualified, its node scores —
    the numbers of `score` without the explanation) with its batch values parsed once
    for the block (`UnitValues`)."""
    plan = plan_of(scorer)
    policy, bad_input = scorer.policy, scorer.bad_input
    subjects = plan.subjects[level]
    bests = plan.best[level]
    out = Collected(
        table,
        keys={pair: array("q") for pair in subjects},
        wide={pair: {} for pair in subjects},
        sums=dict.fromkeys(plan.averaged if level == 0 else (), Decimal(0)),
    )
    # where each subject's value is read: (True, node position) or (False, fact slot)
    places = [
        (node, plan.nodes[subject] if node else plan.slots[subject])
        for subject, node, _ in subjects
    ]
    averaged = [plan.slots[name] for name in plan.averaged] if level == 0 else []
    membership = level == 0 and plan.membership
    values_of = None
    if level:
        assert given is not None
        values_of = UnitValues(given, plan, policy, bad_input)
    best: dict[tuple[str, bool, bool], Decimal | None] = dict.fromkeys(bests)
    best_at = [(triple, subjects.index((*triple[:2], ()))) for triple in bests]
    units = good_rows(scorer.dataset.units(table, rows, texts=scorer.texts))
    for index, item in enumerate(units):
        facts = item.facts
        out.count += 1
        if given is not None and index >= given.count:
            raise DataFileError("data_changed", path=str(item.path))
        values: tuple | None = None
        scores: tuple = ()
        member = True
        try:
            unit, values = policy.unit_values(facts)
            if membership:
                try:
                    member = not policy.measure(unit, values, None, 0)[0]
                except bad_input:
                    member = False
            elif values_of is not None:
                member = bool(given.members[index])  # type: ignore[union-attr]
                if values_of.base is None:
                    values = None  # the batch values do not parse: reported when scored
                else:
                    scores = policy.measure(unit, values, values_of(index), level)[1]
        except bad_input:
            values = None  # reported when the unit is scored
            member = member and not membership
        if level == 0:
            out.members.append(1 if member else 0)
        out.has.append(0 if values is None else 1)
        owns = []
        for pair, place in zip(subjects, places, strict=True):
            own = None if values is None else _own(values, scores, place)
            owns.append(own)
            key = 0 if own is None else rank_key(own)
            if pair[2] and values is not None:  # a tie-break: (value, tie values…), aside
                key = (key, *map(rank_key, prelude._tie_values(pair[2], values)))
            if not isinstance(key, int):
                out.wide[pair][index] = key
                key = 0
            out.keys[pair].append(key)
        if values is None or not member:
            continue
        for triple, at in best_at:
            own = owns[at]
            if _better(own, best[triple], triple[2]):  # type: ignore[arg-type]
                best[triple] = own
        if level == 0:
            out.in_batch += 1
            with decimal.localcontext(SUM_CONTEXT):
                for name, slot in zip(plan.averaged, averaged, strict=True):
                    out.sums[name] += Decimal(values[slot])
    out.best = {k: v for k, v in best.items() if v is not None}
    return out


def _own(values: tuple, scores: tuple, place: tuple[bool, int]) -> Decimal:
    """A unit's value of a ranked subject: its fact's value, or its node's score."""
    node, k = place
    if node:
        score = scores[k]
        return Decimal(0) if score is None else score
    own = values[k]
    return Decimal(own) if type(own) is int else own


# ------------------------------------------------------------------ merged, here


class _Column:
    """One ranked subject's keys, one per unit that reached the policy (with a
    tie-break, every key is a tuple, kept aside in `wide`)."""

    def __init__(self) -> None:
        self.keys = array("q")
        self.wide: dict[int, Decimal | tuple] = {}
        self.has = bytearray()
        self.ordered: array | list = array("q")

    def extend(self, keys: array, wide: dict[int, Decimal | tuple], has: bytearray) -> None:
        base = len(self.keys)
        self.wide.update((base + index, key) for index, key in wide.items())
        self.keys.extend(keys)
        self.has.extend(has)

    def key(self, index: int) -> int | Decimal | tuple:
        return self.wide.get(index, self.keys[index]) if self.wide else self.keys[index]

    def sort(self, members: bytearray) -> None:
        """The keys of the units in the batch (members with a value), ascending."""
        inside = bytes(map(min, members, self.has))
        if not self.wide:
            self.ordered = array("q", sorted(itertools.compress(self.keys, inside)))
        else:
            self.ordered = sorted(self.key(i) for i, flag in enumerate(inside) if flag)


class Statistics:
    """The batch statistics, merged here pass by pass from the blocks' reports."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.members = bytearray()
        self.starts: list[int] = []  # first unit of each block
        self.counts: list[int] = []  # units of each block
        self.columns: dict[tuple, _Column] = {}
        self.best: dict[tuple[str, bool, bool], Decimal] = {}
        self.shared = plan.placeholders()
        self.done = -1  # the highest level merged
        self._sums = dict.fromkeys(plan.averaged, Decimal(0))
        self._in_batch = 0
        self._block = 0
        self.too_few = False  # a 去极值平均值 over fewer than three units

    def start(self, level: int) -> None:
        self._block = 0
        for pair in self.plan.subjects[level]:
            self.columns[pair] = _Column()

    def merge(self, level: int, part: Collected, path: str) -> None:
        """Add one block's report; blocks must come in input order."""
        if level == 0:
            self.starts.append(len(self.members))
            self.counts.append(part.count)
            self.members.extend(part.members)
            self._in_batch += part.in_batch
            with decimal.localcontext(SUM_CONTEXT):
                for name, total in part.sums.items():
                    self._sums[name] += total
        elif self._block >= len(self.counts) or part.count != self.counts[self._block]:
            raise DataFileError("data_changed", path=path)
        self._block += 1
        for pair, keys in part.keys.items():
            self.columns[pair].extend(keys, part.wide[pair], part.has)
        for triple, value in part.best.items():
            if _better(value, self.best.get(triple), triple[2]):
                self.best[triple] = value

    def finish(self, level: int, path: str) -> None:
        """The level's statistics, once every block is merged."""
        plan = self.plan
        if self._block != len(self.counts):
            raise DataFileError("data_changed", path=path)
        if level == 0 and self._in_batch:
            with decimal.localcontext(MEAN_CONTEXT):
                for name in plan.averaged:
                    self.shared[f"平均值【{name}】"] = self._sums[name] / self._in_batch
        for pair in plan.subjects[level]:
            self.columns[pair].sort(self.members)
        for info, key in zip(plan.infos, plan.keys, strict=True):
            if info.level != level:
                continue
            if info.kind == "best":
                self.shared[key] = self.best.get((info.subject, info.node, info.high), Decimal(0))
            elif info.kind == "count":
                self.shared[key] = Decimal(self._in_batch)
            elif info.kind == "trimmed":
                self.shared[key] = self._trimmed(self.columns[(info.subject, info.node, info.ties)])
        self.done = level

    def _trimmed(self, column: _Column) -> Decimal:
        """去极值平均值 from the sorted keys of the units in the batch (each its value
        scaled by 10^SCALE, exactly): as `score_batch` divides it (`_trimmed_mean`).
        Fewer than three units: the placeholder, and `no_mean` makes every row an error."""
        ordered = column.ordered
        if len(ordered) < 3:
            self.too_few = True
            return Decimal(1)
        middle = Decimal(sum(ordered[1:-1])).scaleb(-SCALE, context=EXACT)
        with decimal.localcontext(MEAN_CONTEXT):
            return prelude._trimmed_mean(middle, len(ordered))

    @property
    def no_mean(self) -> str | None:
        """The message key when the policy needs a mean and no unit is in the batch (or a
        去极值平均值 and fewer than three): every row is an error (as in `score_batch`),
        never scored against a placeholder mean; else None."""
        if bool(self.plan.averaged) and self.done >= 0 and not self._in_batch:
            return "no_good_rows"
        return "too_few_to_trim" if self.too_few else None

    def block(self, number: int, path: str) -> BlockBatch:
        """What block `number` is scored with: the statistics of the levels merged."""
        if number >= len(self.counts):
            raise DataFileError("data_changed", path=path)
        start, count = self.starts[number], self.counts[number]
        ranks: dict[str, array] = {}
        for info, key in zip(self.plan.infos, self.plan.keys, strict=True):
            if info.kind in _RANKS and info.level <= self.done:
                ranks[key] = self._ranks(info, start, count)
        members = bytes(self.members[start : start + count])
        return BlockBatch(count, self.shared, ranks, members)

    def _ranks(self, info, start: int, count: int) -> array:
        """Competition ranks of units start … start + count − 1 (0 where the unit has no
        value): 1 + the units in the batch strictly better (or, from the end, worse)."""
        column = self.columns[(info.subject, info.node, info.ties)]
        ordered, has = column.ordered, column.has
        total = len(ordered)
        high = info.high if info.kind == "rank" else not info.high
        out = array("q", bytes(8 * count))
        left, right = bisect.bisect_left, bisect.bisect_right
        for offset in range(count):
            index = start + offset
            if not has[index]:
                continue
            key = column.key(index)
            better = total - right(ordered, key) if high else left(ordered, key)
            out[offset] = 1 + better
        return out
