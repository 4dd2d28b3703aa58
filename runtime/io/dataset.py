"""The units to score: one or more data files, matched to a policy's facts.

A Dataset opens every file once to read its header and decide its columns, then
yields units lazily and as often as asked.  File-level problems (a missing column)
are known before any row is read, so nothing is scored when the data cannot be.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from xize.compiler.ir import Fact

from ..text.problems import DataFileError, Message, Notice, RowError
from .normalise import (
    NUMERIC_TYPES,
    CellProblem,
    ColumnMap,
    cell_value,
    is_blank,
    map_columns,
    numeral_text,
    unit_name,
)
from .readers import Row, Table, open_table
from .typed import BLANK, CellTexts
from .xlsx import NoCachedValue


def _as_read(cell: object) -> object:
    """A cell as an error row quotes it (a formula without result as its formula)."""
    return str(cell) if isinstance(cell, NoCachedValue) else cell


def _refuse_repeats(paths: Sequence[str | Path]) -> None:
    """The same file given twice would score its units twice."""
    seen: list[str | Path] = []
    for path in paths:
        for earlier in seen:
            try:
                same = os.path.samefile(earlier, path)
            except OSError:
                same = False
            if same:
                raise DataFileError(
                    "data_twice", path=str(path), first=str(earlier), second=str(path)
                )
        seen.append(path)


@dataclass(frozen=True)
class UnitRow:
    """One unit's row: its facts ready for `Policy.score`, or the problem that stops it.

    `cells` and `names` keep the row as read, to quote a fact's cell back in an
    error row (`raw`); the mapping is made only for a row that needs it."""

    path: str
    row: int
    unit: str
    facts: dict[str, object]
    cells: Sequence[object] = ()
    names: tuple[tuple[int, str], ...] = ()  # (column index, fact name)
    problem: RowError | None = None

    @property
    def raw(self) -> dict[str, object]:
        """Each fact's cell as read (facts whose column the row is too short for are
        absent)."""
        width, cells = len(self.cells), self.cells
        return {name: _as_read(cells[index]) for index, name in self.names if index < width}


@dataclass(frozen=True)
class BlankRows:
    """A run of completely blank rows between units (trailing blank rows are not counted)."""

    path: str
    count: int


@dataclass(frozen=True)
class TrailingBlank:
    """Blank rows at the end of a file or block: counted only if a unit row follows,
    which the reader of the next block knows and `Dataset.rows` never does."""

    path: str
    count: int


class Dataset:
    """Data files opened against one policy's facts."""

    def __init__(self, paths: Sequence[str | Path], facts: Sequence[Fact]):
        self.facts = tuple(facts)
        self.tables: list[tuple[Table, ColumnMap]] = []
        self.notices: list[Notice] = []
        _refuse_repeats(paths)
        for path in paths:
            table = open_table(path)
            columns = map_columns([c.value for c in table.header], self.facts, str(path))
            self.tables.append((table, columns))
            self.notices.extend(columns.notices)
        self._required = tuple(f.name for f in self.facts if f.default is None)
        self.numeric = frozenset(f.name for f in self.facts if f.type in NUMERIC_TYPES)
        self._texts = CellTexts((f.name for f in self.facts), self.numeric)

    @property
    def has_errors(self) -> bool:
        return any(n.level == "error" for n in self.notices)

    @property
    def multiple(self) -> bool:
        return len(self.tables) > 1

    def column_title(self, fact: str) -> str:
        """A fact's column as the user wrote its header (first file that has it)."""
        for _, columns in self.tables:
            if fact in columns.header_text:
                return columns.header_text[fact]
        return fact

    def rows(self) -> Iterator[UnitRow | BlankRows]:
        """Every unit row of every file, in order; blank rows as counted runs."""
        for index, (table, _) in enumerate(self.tables):
            yield from self.units(index, table.rows())

    def units(
        self,
        index: int,
        rows: Iterable[Row],
        trailing: bool = False,
        texts: CellTexts | None = None,
    ) -> Iterator[UnitRow | BlankRows | TrailingBlank]:
        """The unit rows among raw rows of table `index`, blank rows as counted runs
        (a run is yielded when a unit row follows it: trailing blank rows are not
        counted).  Raw rows may be a whole table or one block of it; for a block,
        `trailing` also yields the blank rows at its end, which count if a later
        block has a unit row.  `texts` decides what a text cell becomes (by default
        the cleaned text; `TypedTexts` gives the policy's own values)."""
        texts = texts or self._texts
        table, columns = self.tables[index]
        path = str(table.path)
        pending_blank = 0
        for number, values, formats in rows:
            if is_blank(values):
                pending_blank += 1
                continue
            if pending_blank:
                yield BlankRows(path, pending_blank)
                pending_blank = 0
            yield self._unit_row(path, number, values, formats, columns, texts)
        if pending_blank and trailing:
            yield TrailingBlank(path, pending_blank)

    def _unit_row(
        self,
        path: str,
        number: int,
        values: Sequence[object],
        formats: Sequence[str] | None,
        columns: ColumnMap,
        texts: CellTexts,
    ) -> UnitRow:
        """The unit's facts from its row; the first problem found stops the row."""
        width = len(values)
        unit_index = columns.unit_index
        raw_unit = values[unit_index] if unit_index is not None and unit_index < width else None
        facts: dict[str, object] = {}
        problem = None
        if isinstance(raw_unit, NoCachedValue):
            args = {"cell": raw_unit.coordinate, "formula": str(raw_unit)}
            problem = RowError(
                path, number, "", "单位", str(raw_unit), Message("cell_formula_no_value", args)
            )
            raw_unit = None
        unit = unit_name(raw_unit)
        plan = texts.plan(columns.names)
        if width <= columns.last:  # a short row: leave out the columns it lacks
            plan = tuple(step for step in plan if step[0] < width)
        for index, name, known in plan:
            cell = values[index]
            if type(cell) is str:  # the CSV case: what cell_value gives, remembered
                value = known.get(cell)
                if value is None:
                    value = texts.learn(name, cell)
                if value is not BLANK:
                    facts[name] = value
                continue
            try:
                value = cell_value(cell, formats[index] if formats is not None else "General")
            except CellProblem as exc:
                problem = problem or RowError(
                    path, number, unit, self.column_title(name), _as_read(cell), exc.message
                )
                continue
            if type(value) is str and name in self.numeric:
                value = numeral_text(value)
            if value is not None:
                facts[name] = value
        if problem is None and not unit:
            problem = RowError(path, number, "", "单位", None, Message("row_no_unit"))
        if problem is None:
            missing = [name for name in self._required if name not in facts]
            if missing:
                problem = RowError(
                    path,
                    number,
                    unit,
                    "、".join(self.column_title(m) for m in missing),
                    None,
                    Message("row_missing", {"facts": "、".join(f"【{m}】" for m in missing)}),
                )
        if unit:
            facts["单位"] = unit
        return UnitRow(path, number, unit, facts, values, columns.names, problem)
