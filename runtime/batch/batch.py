"""Scoring every unit of a dataset with bounded memory, in one process or several.

`Policy.score_batch` holds every result at once; a county's spreadsheet is small,
but a province's CSV may not be.  So a batch is scored in streaming passes over
blocks of rows:

1. when the policy needs batch averages (平均值), a first pass converts each row and
   sums the facts whose mean is needed, exactly (rows that fail conversion are left
   out, as `score_batch` leaves them out);
2. a second pass scores each row with `Policy.score(facts, averages=…)`; its report
   rows go to spools that spill to disk, and each unit leaves only a few numbers
   behind (its ranking key, its name's hash, its row number);
3. ranks are computed from those keys and filled in when the tables are read, and
   unit names seen twice are reported.

A policy scored against the batch (ranks, best values) first runs a statistics pass
per level over the same blocks (`statistics`); each block is then scored with its
units' statistics.

Blocks are scored by `chunks.ChunkScorer`, here or in worker processes
(`parallel.Workers`); they are merged here in input order either way, so the report
does not depend on the number of processes.
"""

from __future__ import annotations

import decimal
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ..io.csvtext import CsvTextSpool
from ..io.dataset import Dataset, UnitRow
from ..io.readers import CsvTable, Row, csv_rows
from ..io.spool import WIDTH_SAMPLE, Encoded, Spool, decode
from ..report.tables import DETAIL_COLUMNS, GRADE_COLUMN, LABEL_COLUMN, RANK_COLUMN, Layout
from ..text.problems import Message, Notice, RowError
from .chunks import SUM_CONTEXT, ChunkBuilder, ChunkResult, ChunkScorer, OnResult, good_rows
from .chunks import policy_error as _policy_error
from .duplicates import Duplicates
from .fractions import FractionWatch, fraction_notices
from .fractions import merge as merge_fractions
from .parallel import Workers
from .quotas import Fall, quota_falls, tie_notices
from .ranking import Order, RankKeys, Ranks
from .statistics import BlockBatch, Collected, Statistics, UnitValues, collect, plan_of

#: The context batch averages are computed in (the policy's own scoring context).
AVERAGE_CONTEXT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)

#: Vetoed or disqualified units kept by name for the terminal (all are in 汇总).
FLAGGED_KEPT = 20

#: Rows per block: large enough that handing a block to a worker costs little beside
#: scoring it, small enough that a few blocks in flight hold little memory.
BLOCK_ROWS = 2000


@dataclass
class Tally:
    """Counts that must add up: rows read = units scored + rows in 错误."""

    rows_in: int = 0
    scored: int = 0
    failed: int = 0
    blank: int = 0
    grades: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    vetoed: int = 0


class Scoring:
    """The outcome of scoring a dataset: report tables, ranks and counts.

    `details_csv`: keep 扣分明细 as CSV text (for a CSV report, which is then all it
    can be written as): blocks turn their rows into text where they are scored."""

    def __init__(self, layout: Layout, details_csv: bool = False):
        self.layout = layout
        self.details_csv = details_csv
        self.summary = Spool(layout.summary_columns)
        self.details: Spool | CsvTextSpool = (
            CsvTextSpool(DETAIL_COLUMNS) if details_csv else Spool(DETAIL_COLUMNS)
        )
        self.errors = Spool(layout.error_columns)
        self.tally = Tally()
        self.notices: list[Notice] = []
        self.ranks = Ranks()
        self.order = Order()  # ranked units' positions in 汇总, best first
        # the first vetoed or disqualified units: (汇总 position, unit, 状态, 原因)
        self.flagged: list[tuple[int, str, str, str]] = []
        self.fractions = FractionWatch(())
        self.by_rank = False  # 汇总 in rank order (--sort rank) rather than input order
        self.falls: dict[int, Fall] = {}  # 汇总 position → where a grade quota put it
        self._keys = RankKeys()
        self._duplicates = Duplicates()
        self._table: int | None = None
        self._pending_blank = 0  # blank rows that count if a unit row follows

    # -- filled in while scoring

    def merge(self, chunk: ChunkResult, path: str) -> None:
        """Add a block's results; blocks must come in input order."""
        tally = self.tally
        if chunk.table != self._table:  # blank rows at the end of a file never count
            self._table, self._pending_blank = chunk.table, 0
        if chunk.units:
            tally.blank += self._pending_blank + chunk.leading_blank + chunk.blank
            self._pending_blank = chunk.trailing_blank
        else:
            self._pending_blank += chunk.leading_blank
        tally.rows_in += chunk.units
        base = self.summary.count
        for spool, rows, count in (
            (self.summary, chunk.summary, chunk.summary_count),
            (self.details, chunk.details, chunk.details_count),
            (self.errors, chunk.errors, chunk.errors_count),
        ):
            if isinstance(rows, str):
                spool.append_text(rows, count)
            elif isinstance(rows, bytes):
                spool.extend_pickled(rows, count)
            else:
                spool.extend(rows)
        tally.scored += chunk.summary_count
        tally.failed += chunk.errors_count
        tally.statuses.update(chunk.statuses)
        tally.grades.update(chunk.grades)
        tally.vetoed += chunk.vetoed
        self.ranks.extend(chunk.summary_count)
        for index, key, vetoed, grade in zip(
            chunk.ranked, chunk.rank_keys, chunk.rank_vetoed, chunk.rank_grades, strict=True
        ):
            self._keys.add(base + index, key, bool(vetoed), grade)
        for index, unit, status, reason in chunk.flagged[: FLAGGED_KEPT - len(self.flagged)]:
            self.flagged.append((base + index, unit, status, reason))
        merge_fractions(self.fractions, chunk.fractions, chunk.over_one, chunk.fraction_examples)
        if chunk.names:
            self._duplicates.add_block(base, path, chunk.rows, chunk.names)

    def add_result(self, row: UnitRow | None, result) -> int:
        """Add one scored unit; returns its position in 汇总."""
        builder = ChunkBuilder(-1, self.layout, self.details_csv)
        builder.add_result(row, result)
        position = self.summary.count
        self.merge(builder.result(), row.path if row is not None else "")
        return position

    def finish_ranks(self) -> None:
        """Competition ranks: non-vetoed units first, then vetoed ones; then the grade
        quotas, which need every unit's total (`quotas`)."""
        self.order = self._keys.rank(self.ranks)
        policy = self.layout.policy
        if policy.quotas:
            quotas = quota_falls(self._keys, policy)
            self.falls = quotas.falls
            bands = policy.bands
            for fall in self.falls.values():
                self.tally.grades[bands[fall.was].name] -= 1
                self.tally.grades[bands[fall.band].name] += 1
            self.notices.extend(tie_notices(quotas, policy))
        self._keys = RankKeys()

    def fallen(self, position: int, result):
        """`result` (of the unit at 汇总 `position`, scored before the quotas) with the
        grade and labels the quotas gave it."""
        fall = self.falls.get(position)
        if fall is None:
            return result
        grade = self.layout.policy.bands[fall.band].name
        labels = result.labels + tuple(x for x in fall.labels if x not in result.labels)
        return result._replace(grade=grade, labels=labels)

    def finish(self) -> None:
        """Ranks, and a warning for each unit name seen before (in 汇总 order)."""
        self.finish_ranks()
        names = (row[0] for _, row in self.summary.encoded())  # read only if needed
        self.notices.extend(self._duplicates.notices(names))
        self._duplicates = Duplicates()

    # -- read when writing

    def rows_at(self, positions: set[int]) -> dict[int, tuple]:
        """The 汇总 rows at `positions` (only those are decoded), with 排名."""
        found: dict[int, tuple] = {}
        if not positions:
            return found
        for position, (decimals, row) in enumerate(self.summary_encoded(by_rank=False)):
            if position in positions:
                found[position] = decode(decimals, row)
                if len(found) == len(positions):
                    break
        return found

    def summary_rows(self) -> Iterator[tuple]:
        """汇总 rows in input order, with 排名 filled in."""
        for positions, row in self.summary_encoded():
            yield decode(positions, row) if positions else row

    def summary_encoded(self, by_rank: bool | None = None) -> Iterator[Encoded]:
        """汇总 rows as stored (see `Spool.encoded`), with 排名 filled in; in rank order
        when `by_rank` (default: `self.by_rank`)."""
        if self.by_rank if by_rank is None else by_rank:
            yield from self._by_rank()
            return
        ranks, falls = self.ranks, self.falls
        for position, (positions, row) in enumerate(self.summary.encoded()):
            rank = ranks[position]
            if falls and position in falls:
                row = self._fallen_row(row, falls[position])
            yield positions, row[:RANK_COLUMN] + (rank,) + row[RANK_COLUMN + 1 :]

    def _fallen_row(self, row: tuple, fall: Fall) -> tuple:
        grade = self.layout.policy.bands[fall.band].name
        labels = [x for x in str(row[LABEL_COLUMN] or "").split("、") if x]
        labels += [x for x in fall.labels if x not in labels]
        out = list(row)
        out[GRADE_COLUMN] = grade
        out[LABEL_COLUMN] = "、".join(labels)
        return tuple(out)

    def _by_rank(self) -> Iterator[Encoded]:
        """Ranked units best first (vetoed ones after the rest), then the unranked
        (disqualified) in input order.  The rows are held in memory to be reordered."""
        rows = list(self.summary_encoded(by_rank=False))
        ranked = list(self.order)
        placed = set(ranked)
        for position in ranked:
            yield rows[position]
        for position, row in enumerate(rows):
            if position not in placed:
                yield row

    def close(self) -> None:
        for spool in (self.summary, self.details, self.errors):
            spool.close()


ProgressFn = Callable[[int], None]


def score_dataset(
    policy,
    dataset: Dataset,
    layout: Layout,
    progress: ProgressFn | None = None,
    on_result: OnResult | None = None,
    jobs: int = 1,
    workers: Workers | None = None,
    details_csv: bool = False,
) -> Scoring:
    """Score every unit row of `dataset`; see the module docstring for the passes.

    With `jobs` > 1 (or `workers` given) blocks are scored in worker processes;
    `on_result` (which sees each Result) keeps the scoring in this process.
    `details_csv`: see `Scoring`."""
    scoring = Scoring(layout, details_csv)
    scorer = ChunkScorer(policy, dataset, layout)
    own = None
    if on_result is not None:
        workers = None
    elif workers is None and jobs > 1:
        workers = own = Workers(policy, dataset, layout, jobs)
    try:
        for chunk in _chunks(scorer, scoring, workers, on_result):
            scoring.merge(chunk, str(dataset.tables[chunk.table][0].path))
            if progress is not None and chunk.units:
                progress(chunk.units)
    finally:
        if own is not None:
            own.close()
    scoring.finish()
    scoring.notices.extend(fraction_notices(scoring.fractions, dataset.column_title))
    return scoring


def _chunks(
    scorer: ChunkScorer, scoring: Scoring, workers: Workers | None, on_result: OnResult | None
) -> Iterator[ChunkResult]:
    """Every block's results, in input order."""
    policy, dataset = scorer.policy, scorer.dataset
    if policy.ir.averages and scorer.convert is None:
        yield from _in_memory(scorer, scoring, on_result)
        return
    if policy.ir.stats:
        yield from _ranked_policy(scorer, scoring, workers, on_result)
        return
    averages, average_error = _averages(scorer, workers)
    if averages and not _accepts_averages(scorer, averages):
        yield from _in_memory(scorer, scoring, on_result)
        return
    if workers is None:
        for table, rows in _row_blocks(dataset):
            base = scoring.summary.count
            yield scorer.score(
                table,
                rows,
                averages,
                average_error,
                details_csv=scoring.details_csv,
                on_result=on_result,
                base=base,
            )
        return

    def tasks() -> Iterator[tuple]:
        for table, block in _blocks(dataset):
            yield table, block, averages, average_error, _pickled(scoring), scoring.details_csv

    yield from workers.map(_score_block, tasks())


def _pickled(scoring: Scoring) -> tuple[bool, ...]:
    """Which tables a worker returns pickled: rows that may fall among the first
    WIDTH_SAMPLE of a table come back as rows, to be measured here."""
    return tuple(
        spool.count >= WIDTH_SAMPLE for spool in (scoring.summary, scoring.details, scoring.errors)
    )


# ------------------------------------------------------------------------------ blocks


#: A block for a worker: CSV text with its first row number, or raw rows.
Block = tuple[int, str] | list[Row]


def _row_blocks(dataset: Dataset) -> Iterator[tuple[int, list[Row]]]:
    """Each table's raw rows in lists of BLOCK_ROWS (scoring in this process)."""
    for index, (table, _) in enumerate(dataset.tables):
        rows = table.rows()
        while block := list(itertools.islice(rows, BLOCK_ROWS)):
            yield index, block


def _blocks(dataset: Dataset) -> Iterator[tuple[int, Block]]:
    """Each table's rows as blocks for a worker: CSV as text (split here, parsed
    there), other formats as raw rows."""
    for index, (table, _) in enumerate(dataset.tables):
        if isinstance(table, CsvTable):
            for block in table.blocks(BLOCK_ROWS):
                yield index, block
        else:
            rows = table.rows()
            while block := list(itertools.islice(rows, BLOCK_ROWS)):
                yield index, block


def _block_rows(scorer: ChunkScorer, table: int, block: Block) -> Iterable[Row]:
    if isinstance(block, tuple):
        first, text = block
        return csv_rows(first, text, scorer.dataset.tables[table][0].path)
    return block


def _score_block(
    scorer: ChunkScorer,
    table: int,
    block: Block,
    averages: dict[str, Decimal] | None,
    average_error: Message | None,
    pickled: tuple[bool, bool, bool],
    details_csv: bool,
    summary: BlockBatch | None = None,
) -> ChunkResult:
    """A worker's task: score one block (with its units' statistics, for a policy with
    ranks)."""
    rows = _block_rows(scorer, table, block)
    values = None if summary is None else _unit_values(scorer, summary)
    return scorer.score(table, rows, averages, average_error, pickled, details_csv, summary=values)


def _unit_values(scorer: ChunkScorer, summary: BlockBatch) -> UnitValues:
    return UnitValues(summary, plan_of(scorer), scorer.policy, scorer.bad_input)


def _sum_block(
    scorer: ChunkScorer, table: int, block: Block, names: tuple[str, ...]
) -> tuple[dict[str, Decimal], int]:
    """A worker's task: exact sums of one block for the batch means."""
    return scorer.sums(table, _block_rows(scorer, table, block), names)


# -------------------------------------------------------------------- ranks, streamed


def _ranked_policy(
    scorer: ChunkScorer,
    scoring: Scoring,
    workers: Workers | None,
    on_result: OnResult | None,
) -> Iterator[ChunkResult]:
    """A policy with ranks or best values: a statistics pass per level (`statistics`),
    then the scoring pass, each over the same blocks, here or in the workers; the
    statistics merged here travel to the blocks with each task."""
    if scorer.convert is None:
        yield from _in_memory(scorer, scoring, on_result)
        return
    dataset = scorer.dataset
    plan = plan_of(scorer)
    stats = Statistics(plan)
    blocks = _row_blocks if workers is None else _blocks
    run: Callable[..., Iterator] = (
        workers.map if workers is not None else (lambda fn, tasks: (fn(scorer, *t) for t in tasks))
    )

    def path(table: int) -> str:
        return str(dataset.tables[table][0].path)

    for level in plan.levels:
        stats.start(level)
        tasks = (
            (table, block, level, stats.block(number, path(table)) if level else None)
            for number, (table, block) in enumerate(blocks(dataset))
        )
        for part in run(_collect_block, tasks):
            stats.merge(level, part, path(part.table))
        stats.finish(level, path(0))
    no_mean = Message(stats.no_mean) if stats.no_mean else None
    if workers is None:
        for number, (table, rows) in enumerate(_row_blocks(dataset)):
            yield scorer.score(
                table,
                rows,
                None,
                no_mean,
                details_csv=scoring.details_csv,
                on_result=on_result,
                base=scoring.summary.count,
                summary=_unit_values(scorer, stats.block(number, path(table))),
            )
        return

    def scoring_tasks() -> Iterator[tuple]:
        for number, (table, block) in enumerate(_blocks(dataset)):
            given = stats.block(number, path(table))
            yield table, block, None, no_mean, _pickled(scoring), scoring.details_csv, given

    yield from workers.map(_score_block, scoring_tasks())


def _collect_block(
    scorer: ChunkScorer, table: int, block: Block, level: int, given: BlockBatch | None
) -> Collected:
    """A worker's task in a statistics pass: one block's report at `level`."""
    return collect(scorer, _block_rows(scorer, table, block), table, level, given)


# ------------------------------------------------------------------------ in memory


def _in_memory(
    scorer: ChunkScorer, scoring: Scoring, on_result: OnResult | None
) -> Iterator[ChunkResult]:
    """Score through `policy.score_batch` (holding the batch in memory), keeping input
    order and row errors: for a policy that needs means but cannot convert rows alone,
    or whose exact means have more digits than `score` accepts."""
    dataset = scorer.dataset
    tables = [list(dataset.units(i, table.rows())) for i, (table, _) in enumerate(dataset.tables)]
    good = [item for items in tables for item in good_rows(items)]
    # quotas=False: `Scoring.finish` applies the grade quotas, as for every other path
    results = iter(scorer.policy.score_batch([item.facts for item in good], quotas=False))
    for index, items in enumerate(tables):
        builder = ChunkBuilder(index, scoring.layout, scoring.details_csv)
        base = scoring.summary.count
        for item in items:
            outcome = None
            if isinstance(item, UnitRow):
                outcome = item.problem
                if outcome is None:
                    result = next(results)
                    error = result.error
                    outcome = result if error is None else _batch_error(item, dataset, error)
            position = builder.add(item, outcome)
            if on_result is not None and position is not None:
                on_result(item, outcome, base + position)
        yield builder.result()


def _batch_error(item: UnitRow, dataset: Dataset, error) -> RowError:
    return _policy_error(
        item, dataset, getattr(error, "fact", None), error.value, str(error.message)
    )


# ----------------------------------------------------------------------------- averages


def _averages(
    scorer: ChunkScorer, workers: Workers | None
) -> tuple[dict[str, Decimal] | None, Message | None]:
    """The batch means the policy needs, from one streaming pass over the rows that
    convert.  Returns (None, None) when no mean is needed, (None, message) when no
    row converted (every row then fails, as in score_batch)."""
    needed = tuple(scorer.policy.ir.averages)
    if not needed:
        return None, None
    dataset = scorer.dataset
    if workers is None:
        parts: Iterable[tuple[dict, int]] = (
            scorer.sums(index, table.rows(), needed)
            for index, (table, _) in enumerate(dataset.tables)
        )
    else:
        tasks = ((index, block, needed) for index, block in _blocks(dataset))
        parts = workers.map(_sum_block, tasks)
    sums = dict.fromkeys(needed, Decimal(0))
    count = 0
    with decimal.localcontext(SUM_CONTEXT):
        for part, rows in parts:
            for name in needed:
                sums[name] += part[name]
            count += rows
    if count == 0:
        return None, Message("no_good_rows")
    with decimal.localcontext(AVERAGE_CONTEXT):
        return {name: sums[name] / count for name in needed}, None


def _accepts_averages(scorer: ChunkScorer, averages: dict) -> bool:
    """Whether `policy.score` takes the batch means at their full precision.

    An exact mean (sum / count) can have more digits than `score` accepts from a
    caller; then the batch is scored by `score_batch`, which computes the same means
    internally, at the cost of holding the batch in memory."""
    for item in good_rows(scorer.dataset.rows()):
        try:
            scorer.policy.score(item.facts, averages=averages)
            return True
        except scorer.bad_input as exc:
            fact = getattr(exc, "fact", None)
            if fact in averages and getattr(exc, "value", None) is averages[fact]:
                return False
    return True
