"""Scoring one block of rows: the work that can run in any process.

A block's rows become unit rows, each is scored (or refused), and what the report
needs is returned compactly: the rows of 汇总, 扣分明细 and 错误, the counts, and
per scored unit only its name, row number and ranking key.  The same code runs
in the main process (`--jobs 1`) and in worker processes, so the results cannot
depend on how many processes there are: only the order in which the main process
merges blocks matters, and that is input order.

A worker returns a table's rows already encoded (the spool's own file format) when
the main process asks, so those rows are never decoded and encoded again there.
"""

from __future__ import annotations

import decimal
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from xize.compiler.diagnostics import InputError
from xize.compiler.support import prelude

from ..io.csvtext import csv_text
from ..io.dataset import BlankRows, Dataset, TrailingBlank, UnitRow
from ..io.readers import Row
from ..io.spool import dump_rows
from ..io.typed import TypedTexts
from ..report.tables import FLAGGED, Layout, shown_status, status_reason
from ..text.fmt import value_text
from ..text.problems import DataFileError, Message, RowError
from ..text.refusals import refusal
from .fractions import FractionWatch
from .ranking import rank_key

NORMAL = "正常"

#: Batch sums are exact whatever their size, so they do not depend on how rows are
#: grouped; only the mean is rounded (to the policy's 60 digits).
SUM_CONTEXT = decimal.Context(
    prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[]
)

OnResult = Callable[[UnitRow, object, int], None]


@dataclass
class ChunkResult:
    """What one block contributes to the report, in the block's row order.

    `summary`, `details` and `errors` are lists of rows, or their encoding when the
    main process asked for bytes (details: CSV text, when asked); the `*_count`
    fields count rows either way."""

    table: int
    units: int = 0  # unit rows read (scored or not)
    leading_blank: int = 0  # blank rows before the block's first unit row
    blank: int = 0  # blank rows between its unit rows
    trailing_blank: int = 0  # blank rows after its last unit row
    summary: list | bytes = field(default_factory=list)
    summary_count: int = 0
    details: list | bytes | str = field(default_factory=list)
    details_count: int = 0
    errors: list | bytes = field(default_factory=list)
    errors_count: int = 0
    statuses: Counter = field(default_factory=Counter)
    grades: Counter = field(default_factory=Counter)
    vetoed: int = 0
    ranked: list[int] = field(default_factory=list)  # indices into `summary`
    rank_keys: list[int | Decimal] = field(default_factory=list)
    rank_vetoed: bytearray = field(default_factory=bytearray)
    rank_grades: array = field(default_factory=lambda: array("H"))  # band number, NO_GRADE none
    names: list[str] = field(default_factory=list)  # every scored unit's name …
    rows: list[int] = field(default_factory=list)  # … and row number
    # percentage columns written as fractions (see `fractions`)
    fractions: Counter = field(default_factory=Counter)
    over_one: Counter = field(default_factory=Counter)
    fraction_examples: dict = field(default_factory=dict)
    # vetoed or disqualified units: (index into `summary`, unit, 状态, 原因)
    flagged: list[tuple[int, str, str, str]] = field(default_factory=list)


Outcome = tuple["UnitRow | BlankRows | TrailingBlank", "object | RowError | None"]


class ChunkBuilder:
    """Collects the outcomes of one block's rows into a ChunkResult."""

    def __init__(self, table: int, layout: Layout, details_csv: bool = False):
        self.layout = layout
        self.details_csv = details_csv
        self.out = ChunkResult(table)
        self._summary: list[tuple] = []
        self._details: list[tuple] = []
        self._errors: list[tuple] = []

    def add(self, item, outcome) -> int | None:
        """Add one row's outcome; returns the unit's index among the block's 汇总 rows
        when it was scored."""
        out = self.out
        if isinstance(item, (BlankRows, TrailingBlank)):
            if out.units == 0:
                out.leading_blank += item.count
            elif isinstance(item, BlankRows):
                out.blank += item.count
            else:
                out.trailing_blank = item.count
            return None
        out.units += 1
        if isinstance(outcome, RowError):
            self._errors.append(self.layout.error_row(outcome))
            return None
        return self.add_result(item, outcome)

    def add_result(self, item: UnitRow | None, result) -> int:
        """Add a scored unit; returns its index among the block's 汇总 rows."""
        out = self.out
        index = len(self._summary)
        self._summary.append(self.layout.summary_row(result))
        self._details.extend(self.layout.detail_rows(result))
        out.statuses[result.status] += 1
        if result.grade:
            out.grades[result.grade] += 1
        if result.vetoed:
            out.vetoed += 1
        status = shown_status(result)
        if status in FLAGGED:
            out.flagged.append((index, result.unit, status, status_reason(result)))
        if result.status == NORMAL and result.total is not None:
            out.ranked.append(index)
            out.rank_keys.append(rank_key(result.total))
            out.rank_vetoed.append(1 if result.vetoed else 0)
            out.rank_grades.append(self.layout.band_number(result.grade))
        if item is not None:
            out.names.append(item.unit)
            out.rows.append(item.row)
        return index

    def result(self, pickled: tuple[bool, bool, bool] = (False, False, False)) -> ChunkResult:
        out = self.out
        out.summary_count, out.details_count = len(self._summary), len(self._details)
        out.errors_count = len(self._errors)
        tables = (self._summary, self._details, self._errors)
        out.summary, out.details, out.errors = (
            dump_rows(rows) if as_bytes and rows else rows
            for rows, as_bytes in zip(tables, pickled, strict=True)
        )
        if self.details_csv and self._details:
            out.details = csv_text(self._details)
        return out


class ChunkScorer:
    """A policy, its dataset and report layout: scores blocks of raw rows."""

    def __init__(self, policy, dataset: Dataset, layout: Layout):
        self.policy = policy
        self.dataset = dataset
        self.layout = layout
        self.bad_input = input_errors(policy)
        self.convert = converter(policy)
        self.texts = TypedTexts((f.name for f in dataset.facts), policy, dataset.numeric)
        self.percents = [f.name for f in dataset.facts if f.type == "percent"]
        # a disqualified unit is not in the batch its means are taken over
        self.membership = bool(policy.ir.averages) and policy.ir.disqualifies()
        # grade quotas need every unit's total: `Scoring.finish` applies them
        self.score_one = policy.score_before_quotas if policy.ir.quotas else policy.score

    def score(
        self,
        table: int,
        rows: Iterable[Row],
        averages: dict[str, Decimal] | None,
        average_error: Message | None,
        pickled: tuple[bool, bool, bool] = (False, False, False),
        details_csv: bool = False,
        on_result: OnResult | None = None,
        base: int = 0,
        summary=None,
    ) -> ChunkResult:
        """Score the rows of one block of table `table`.  `on_result` sees each scored
        unit with its 汇总 position (`base` + its index in the block); `details_csv`
        gives 扣分明细 as CSV text; `summary` (`statistics.UnitValues`) gives the batch
        statistics of the block's units, for a policy with ranks."""
        builder = ChunkBuilder(table, self.layout, details_csv)
        watch = FractionWatch(self.percents)
        good = 0  # units that reached the policy: `summary` is indexed by them
        values_of = summary
        given = self.parsed(averages) if averages and summary is None else None
        for item in self.dataset.units(table, rows, trailing=True, texts=self.texts):
            batch = None
            if isinstance(item, UnitRow) and item.problem is None:
                watch.see(item)
                if values_of is not None:
                    if good >= values_of.block.count:
                        raise DataFileError("data_changed", path=str(item.path))
                    # parsed once for the block; as a mapping when that failed
                    batch = (
                        values_of(good)
                        if values_of.base is not None
                        else values_of.block.unit(good)
                    )
                good += 1
            if given is not None:
                batch = given
            outcome = self.outcome(item, averages, average_error, batch)
            index = builder.add(item, outcome)
            if on_result is not None and index is not None:
                on_result(item, outcome, base + index)
        if summary is not None and good != summary.block.count:
            path = self.dataset.tables[table][0].path
            raise DataFileError("data_changed", path=str(path))
        out = builder.result(pickled)
        out.fractions, out.over_one = watch.fractions, watch.others
        out.fraction_examples = watch.examples
        return out

    def parsed(self, averages: dict[str, Decimal]) -> tuple | None:
        """The batch means as `Policy.score_given` takes them, parsed once for a
        block; None when they do not parse (each unit then reports it)."""
        try:
            return self.policy.batch_values(None, averages)
        except self.bad_input:
            return None

    def outcome(
        self,
        item,
        averages: dict[str, Decimal] | None,
        average_error: Message | None,
        batch: dict | tuple | None = None,
    ):
        """A unit row's Result or RowError (None for blank rows).  `batch` holds the
        unit's batch values (means, ranks …), parsed (a tuple from `batch_values`, as
        `Policy.score_given` takes it) or as the mapping `score(batch=…)` takes."""
        if not isinstance(item, UnitRow):
            return None
        if item.problem is not None:
            return item.problem
        if average_error is not None:
            return RowError(item.path, item.row, item.unit, "", None, average_error)
        score = self.score_one
        try:
            if type(batch) is tuple:
                return self.policy.score_given(item.facts, batch)
            if batch is not None:
                return score(item.facts, batch=batch)
            if averages:
                return score(item.facts, averages=averages)
            return score(item.facts)
        except self.bad_input as exc:
            return row_error(item, self.dataset, exc)

    def sums(self, table: int, rows: Iterable[Row], names: tuple[str, ...]) -> tuple[dict, int]:
        """Exact sums of the facts in `names` over the rows that convert, and how many."""
        total = dict.fromkeys(names, Decimal(0))
        count = 0
        policy = self.policy
        order = [fact.name for fact in policy.ir.facts]
        slots = [order.index(name) for name in names]
        with decimal.localcontext(SUM_CONTEXT):
            for item in good_rows(self.dataset.units(table, rows, texts=self.texts)):
                try:
                    unit, values = policy.unit_values(item.facts)
                    # 取消考评资格, which the checker keeps independent of batch values,
                    # decided before any mean is known (as `score_batch` decides it)
                    if self.membership and policy.measure(unit, values, None, 0)[0]:
                        continue
                except self.bad_input:
                    continue
                for name, slot in zip(names, slots, strict=True):
                    total[name] += Decimal(values[slot])
                count += 1
        return total, count


def good_rows(items: Iterable) -> Iterator[UnitRow]:
    """The unit rows that reached the policy (no reading problem)."""
    for item in items:
        if isinstance(item, UnitRow) and item.problem is None:
            yield item


def converter(policy) -> Callable[[dict], dict] | None:
    """The policy's own input conversion (`Policy.convert`: fact name → the value
    scoring reads), or None when it offers none."""
    fn = getattr(policy, "convert", None)
    return fn if callable(fn) else None


def input_errors(policy) -> tuple[type[Exception], ...]:
    """The exception classes that mean "this unit's data is bad".

    A generated module is standalone and defines its own InputError; the interpreter
    raises the prelude's; the compiler's API may raise its own.  All three are caught."""
    classes: list[type[Exception]] = [InputError, prelude.InputError]
    module_error = getattr(getattr(policy, "module", None), "InputError", None)
    if isinstance(module_error, type) and issubclass(module_error, Exception):
        classes.append(module_error)
    return tuple(classes)


def row_error(item: UnitRow, dataset: Dataset, exc: Exception) -> RowError:
    return policy_error(
        item, dataset, getattr(exc, "fact", None), getattr(exc, "value", None), str(exc)
    )


def policy_error(
    item: UnitRow, dataset: Dataset, fact: str | None, value: object, text: str
) -> RowError:
    """A row the policy refused, located at the column of the fact it names, quoting
    the cell as the user typed it."""
    column = dataset.column_title(fact) if fact else ""
    shown = item.raw.get(fact, value) if fact else value
    info = next((f for f in dataset.facts if f.name == fact), None) if fact else None
    problem = refusal(_without_unit(text, item.unit), info, value, value_text(shown))
    return RowError(item.path, item.row, item.unit, column, shown, problem)


def _without_unit(message: str, unit: str) -> str:
    """The policy's message without its `单位“X”：` lead: the error row names the unit."""
    lead = f"单位“{unit}”："
    return message[len(lead) :] if unit and message.startswith(lead) else message
