"""Batch statistics for `xize score` without holding the batch in memory.

A policy with ranks or best values (`按【X】排名…`, `最高者得满分…`) scores each unit
against every other, so the batch is read in passes before any unit is scored, the
way `score_batch` does it (LANGUAGE.md §4.9), keeping only each subject's values:

1. level 0: each unit in the batch (scored without a data error, not disqualified)
   leaves its value of every ranked fact and of every averaged fact;
2. level k: each unit is scored with the statistics of the levels below and leaves
   its ranked nodes' scores (a node's score never waits for its own statistics);
3. the last pass (`Summary.batch`) gives each unit its statistics — its rank is read
   from the sorted values by binary search — and the unit is scored once more.

Everything runs in this process, block by block, so the report is the same, byte
for byte, whatever --jobs says; memory holds a sorted list of values per subject.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterator
from decimal import Decimal

from xize.compiler.support import prelude

from ..io.dataset import UnitRow
from .chunks import SUM_CONTEXT, ChunkScorer, good_rows

#: The context means are divided in (the policy's own scoring context).
MEAN_CONTEXT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)


class Summary:
    """What the batch leaves behind: the means and, per statistic, the ascending
    values of the units in the batch and the best of them."""

    def __init__(self, scorer: ChunkScorer):
        policy = scorer.policy.ir
        names = [fact.name for fact in policy.facts]
        self.scorer = scorer
        self.infos = [
            prelude.StatInfo(
                s.kind, s.subject, s.node, s.high, s.level, -1 if s.node else names.index(s.subject)
            )
            for s in policy.stats
        ]
        self.keys = [prelude._stat_key(info) for info in self.infos]
        self.averaged = tuple(policy.averages)
        # level 0 also when only node statistics are ranked: the means come from it
        self.levels = sorted({info.level for info in self.infos} | {0})
        self.means: dict[str, Decimal] = {}
        self.ordered: dict[tuple, tuple[list, Decimal]] = {}
        self.membership = policy.disqualifies()

    @staticmethod
    def subject(info) -> tuple:
        return (info.subject, info.node, info.high)

    def placeholders(self) -> dict[str, object]:
        batch: dict[str, object] = {f"平均值【{name}】": 0 for name in self.averaged}
        batch.update(self.means)
        for info, key in zip(self.infos, self.keys, strict=True):
            if info.kind != "value":
                batch[key] = prelude._placeholder(info)
        return batch

    def batch(self, facts: dict, upto: int | None = None) -> dict[str, object]:
        """One unit's batch values, levels below `upto` computed (all when None), the
        rest placeholders that nothing below them reads."""
        batch = self.placeholders()
        values = None
        for level in self.levels:
            if upto is not None and level >= upto:
                break
            if level == 0:
                values = self.scorer.convert(facts)
            else:
                result = self.scorer.policy.score(facts, batch=batch)
            for info, key in zip(self.infos, self.keys, strict=True):
                if info.level != level or info.kind == "value":
                    continue
                if info.node:
                    own = result.nodes[info.subject].score or Decimal(0)
                else:
                    own = values[info.subject]  # type: ignore[index]
                    own = Decimal(own) if type(own) is int else own
                ordered, best = self.ordered[self.subject(info)]
                batch[key] = prelude._stat_of(info, own, ordered, best)
        return batch

    def in_batch(self, facts: dict) -> bool:
        """Not disqualified (decided without batch values: the checker's rule)."""
        if not self.membership:
            return True
        result = self.scorer.policy.score(facts, batch=self.placeholders())
        return result.status != prelude._STATUS_DISQUALIFIED


def summarise(scorer: ChunkScorer) -> Summary:
    """The summary of the whole dataset, one streaming pass per level."""
    summary = Summary(scorer)
    members = bytearray()  # per unit row in reading order: in the batch (decided once)
    for level in summary.levels:
        # each ranked subject once (its rank and its best value share the values)
        subjects = {summary.subject(i): i for i in summary.infos if i.level == level}
        collected: dict[tuple, list] = {key: [] for key in subjects}
        sums = dict.fromkeys(summary.averaged, Decimal(0))
        count = 0
        for index, facts in enumerate(_facts(scorer)):
            if index == len(members):
                try:
                    members.append(1 if summary.in_batch(facts) else 0)
                except scorer.bad_input:
                    members.append(0)
            if not members[index]:
                continue
            try:
                if level == 0:
                    values = scorer.convert(facts)
                    for key, info in subjects.items():
                        own = values[info.subject]
                        collected[key].append(Decimal(own) if type(own) is int else own)
                    with decimal.localcontext(SUM_CONTEXT):
                        for name in summary.averaged:
                            sums[name] += Decimal(values[name])
                    count += 1
                else:
                    result = scorer.policy.score(facts, batch=summary.batch(facts, level))
                    for key, info in subjects.items():
                        collected[key].append(result.nodes[info.subject].score or Decimal(0))
            except scorer.bad_input:
                continue  # reported when the unit is scored
        if level == 0 and count:
            with decimal.localcontext(MEAN_CONTEXT):
                for name in summary.averaged:
                    summary.means[f"平均值【{name}】"] = sums[name] / count
        for key, info in subjects.items():
            summary.ordered[key] = prelude._ranking(collected[key], info.high)
    return summary


def _facts(scorer: ChunkScorer) -> Iterator[dict]:
    """Every unit row's facts that reached the policy, table by table, streaming."""
    dataset = scorer.dataset
    for index, (table, _) in enumerate(dataset.tables):
        for item in good_rows(dataset.units(index, table.rows(), texts=scorer.texts)):
            if isinstance(item, UnitRow):
                yield item.facts
