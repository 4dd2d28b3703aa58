"""Scoring every unit of a dataset with bounded memory.

`Policy.score_batch` holds every result at once; a county's spreadsheet is small,
but a province's CSV may not be.  So a batch is scored in streaming passes:

1. when the policy needs batch averages (平均值), a first pass converts each row and
   sums the facts whose mean is needed (rows that fail conversion are left out, as
   `score_batch` leaves them out);
2. a second pass scores each row with `Policy.score(facts, averages=…)` and sends its
   rows to the report tables (spools that spill to disk), keeping only each unit's
   total for ranking;
3. ranks are computed from those totals and filled in when the tables are read.

Ranking follows `score_batch`: reported 总分 descending, equal totals share a rank
(1, 2, 2, 4); units under 一票否决 rank after all others, among themselves by 总分;
disqualified units and rows with data errors are unranked.
"""

from __future__ import annotations

import decimal
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from xize.compiler.errors import InputError
from xize.compiler.templates import prelude

from .dataset import BlankRows, Dataset, UnitRow
from .problems import Message, Notice, RowError
from .report import DETAIL_COLUMNS, RANK_COLUMN, Layout
from .spool import Spool

#: The context batch averages are computed in (the policy's own scoring context).
AVERAGE_CONTEXT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)

NORMAL = "正常"


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
    """The outcome of scoring a dataset: report tables, ranks and counts."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.summary = Spool(layout.summary_columns)
        self.details = Spool(DETAIL_COLUMNS)
        self.errors = Spool(layout.error_columns)
        self.tally = Tally()
        self.notices: list[Notice] = []
        self.ranks: list[int | None] = []
        self.order: list[int] = []  # ranked units' positions in 汇总, best first
        self._keys: list[tuple[Decimal, bool, int]] = []

    # -- filled in while scoring

    def add_result(self, row: UnitRow, result) -> int:
        """Add a scored unit; returns its position in 汇总."""
        position = self.summary.count
        self.summary.append(self.layout.summary_row(result))
        for detail in self.layout.detail_rows(result):
            self.details.append(detail)
        self.tally.scored += 1
        self.tally.statuses[result.status] += 1
        if result.grade:
            self.tally.grades[result.grade] += 1
        self.ranks.append(None)
        if result.status == NORMAL and result.total is not None:
            self._keys.append((result.total, bool(result.vetoed), position))
        if result.vetoed:
            self.tally.vetoed += 1
        return position

    def add_error(self, error: RowError) -> None:
        self.errors.append(self.layout.error_row(error))
        self.tally.failed += 1

    def finish_ranks(self) -> None:
        """Competition ranks: non-vetoed units first, then vetoed ones."""
        normal = sorted((k for k in self._keys if not k[1]), key=lambda k: (-k[0], k[2]))
        vetoed = sorted((k for k in self._keys if k[1]), key=lambda k: (-k[0], k[2]))
        self._keys = []
        offset = 0
        for group in (normal, vetoed):
            previous = None
            rank = 0
            for i, (total, _, position) in enumerate(group, start=1):
                if total != previous:
                    rank = i
                    previous = total
                self.ranks[position] = offset + rank
                self.order.append(position)
            offset += len(group)

    # -- read when writing

    def summary_rows(self) -> Iterator[tuple]:
        """汇总 rows in input order, with 排名 filled in."""
        for position, row in enumerate(self.summary):
            rank = self.ranks[position]
            yield row[:RANK_COLUMN] + (rank,) + row[RANK_COLUMN + 1 :]

    def close(self) -> None:
        for spool in (self.summary, self.details, self.errors):
            spool.close()


ProgressFn = Callable[[int], None]


def score_dataset(
    policy,
    dataset: Dataset,
    layout: Layout,
    progress: ProgressFn | None = None,
    on_result: Callable[[UnitRow, object, int], None] | None = None,
) -> Scoring:
    """Score every unit row of `dataset`; see the module docstring for the passes."""
    scoring = Scoring(layout)
    bad_input = input_errors(policy)
    seen: dict[str, tuple[str, int]] = {}
    for item, outcome in _outcomes(policy, dataset, bad_input):
        if isinstance(item, BlankRows):
            scoring.tally.blank += item.count
            continue
        scoring.tally.rows_in += 1
        if progress is not None:
            progress(1)
        if isinstance(outcome, RowError):
            scoring.add_error(outcome)
            continue
        _note_duplicate(scoring, seen, item)
        position = scoring.add_result(item, outcome)
        if on_result is not None:
            on_result(item, outcome, position)
    scoring.finish_ranks()
    return scoring


Outcome = tuple["UnitRow | BlankRows", "object | RowError | None"]


def _outcomes(policy, dataset: Dataset, bad_input: tuple) -> Iterator[Outcome]:
    """Each row with its Result or RowError, in input order (blank runs with None)."""
    if policy.ir.averages and _converter(policy) is None:
        yield from _in_memory(policy, dataset)
        return
    averages, average_error = _averages(policy, dataset, bad_input)
    if averages and not _accepts_averages(policy, dataset, averages, bad_input):
        yield from _in_memory(policy, dataset)
        return
    for item in dataset.rows():
        if isinstance(item, BlankRows):
            yield item, None
        elif item.problem is not None:
            yield item, item.problem
        elif average_error is not None:
            yield item, RowError(item.path, item.row, item.unit, "", None, average_error)
        else:
            try:
                result = (
                    policy.score(item.facts, averages=averages)
                    if averages
                    else policy.score(item.facts)
                )
            except bad_input as exc:
                yield item, _row_error(item, dataset, exc)
            else:
                yield item, result


def _accepts_averages(policy, dataset: Dataset, averages: dict, bad_input: tuple) -> bool:
    """Whether `policy.score` takes the batch means at their full precision.

    An exact mean (sum / count) can have more digits than `score` accepts from a
    caller; then the batch is scored by `score_batch`, which computes the same means
    internally, at the cost of holding the batch in memory."""
    for item in dataset.rows():
        if isinstance(item, BlankRows) or item.problem is not None:
            continue
        try:
            policy.score(item.facts, averages=averages)
            return True
        except bad_input as exc:
            fact = getattr(exc, "fact", None)
            if fact in averages and getattr(exc, "value", None) is averages[fact]:
                return False
    return True


def _in_memory(policy, dataset: Dataset) -> Iterator[Outcome]:
    """Score through `policy.score_batch`, keeping input order and row errors."""
    items = list(dataset.rows())
    good = [i for i in items if isinstance(i, UnitRow) and i.problem is None]
    results = iter(policy.score_batch([i.facts for i in good]))
    for item in items:
        if isinstance(item, BlankRows):
            yield item, None
        elif item.problem is not None:
            yield item, item.problem
        else:
            result = next(results)
            if result.error is not None:
                yield item, _batch_error(item, dataset, result.error)
            else:
                yield item, result


def _batch_error(item: UnitRow, dataset: Dataset, error) -> RowError:
    return _policy_error(
        item, dataset, getattr(error, "fact", None), error.value, str(error.message)
    )


def _policy_error(
    item: UnitRow, dataset: Dataset, fact: str | None, value: object, text: str
) -> RowError:
    """A row the policy refused, located at the column of the fact it names, quoting
    the cell as the user typed it."""
    column = dataset.column_title(fact) if fact else ""
    shown = item.raw.get(fact, value) if fact else value
    return RowError(item.path, item.row, item.unit, column, shown, _without_unit(text, item.unit))


def _without_unit(message: str, unit: str) -> str:
    """The policy's message without its `单位“X”：` lead: the error row names the unit."""
    lead = f"单位“{unit}”："
    return message[len(lead) :] if unit and message.startswith(lead) else message


def _note_duplicate(scoring: Scoring, seen: dict[str, tuple[str, int]], item: UnitRow) -> None:
    """Warn when a unit name comes back: both rows are scored, but one is likely a slip."""
    first = seen.setdefault(item.unit, (item.path, item.row))
    if first != (item.path, item.row):
        where = str(first[1]) if first[0] == item.path else f"{first[0]}:{first[1]}"
        args = {"unit": item.unit, "first": where, "row": item.row}
        scoring.notices.append(Notice("warning", Message("unit_twice", args), item.path))


def _row_error(item: UnitRow, dataset: Dataset, exc: Exception) -> RowError:
    return _policy_error(
        item, dataset, getattr(exc, "fact", None), getattr(exc, "value", None), str(exc)
    )


def input_errors(policy) -> tuple[type[Exception], ...]:
    """The exception classes that mean "this unit's data is bad".

    A generated module is standalone and defines its own InputError; the interpreter
    raises the prelude's; the compiler's API may raise its own.  All three are caught."""
    classes: list[type[Exception]] = [InputError, prelude.InputError]
    module_error = getattr(getattr(policy, "module", None), "InputError", None)
    if isinstance(module_error, type) and issubclass(module_error, Exception):
        classes.append(module_error)
    return tuple(classes)


# ----------------------------------------------------------------------------- averages


def _averages(
    policy, dataset: Dataset, bad_input: tuple
) -> tuple[dict[str, Decimal] | None, Message | None]:
    """The batch means the policy needs, from one streaming pass over the rows that
    convert.  Returns (None, None) when no mean is needed, (None, message) when no
    row converted (every row then fails, as in score_batch)."""
    needed = tuple(policy.ir.averages)
    if not needed:
        return None, None
    convert = _converter(policy)
    if convert is None:  # the caller scores such a policy through score_batch
        return None, None
    sums = dict.fromkeys(needed, Decimal(0))
    count = 0
    with decimal.localcontext(AVERAGE_CONTEXT):
        for item in dataset.rows():
            if isinstance(item, BlankRows) or item.problem is not None:
                continue
            try:
                values = convert(item.facts)
            except bad_input:
                continue
            for name in needed:
                sums[name] += Decimal(values[name])
            count += 1
        if count == 0:
            return None, Message("no_good_rows")
        return {name: sums[name] / count for name in needed}, None


def _converter(policy) -> Callable[[dict], dict] | None:
    """The policy's own input conversion (`Policy.convert`: fact name → the value
    scoring reads), or None when it offers none."""
    fn = getattr(policy, "convert", None)
    return fn if callable(fn) else None
