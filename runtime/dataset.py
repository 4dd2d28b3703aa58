"""The units to score: one or more data files, matched to a policy's facts.

A Dataset opens every file once to read its header and decide its columns, then
yields units lazily and as often as asked.  File-level problems (a missing column)
are known before any row is read, so nothing is scored when the data cannot be.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from xize.compiler.ir import Fact

from .normalise import CellProblem, ColumnMap, cell_value, is_blank, map_columns, unit_name
from .problems import Message, Notice, RowError
from .readers import Cell, Table, open_table


@dataclass(frozen=True)
class UnitRow:
    """One unit's row: its facts ready for `Policy.score`, or the problem that stops it.

    `raw` keeps each fact's cell as read, to quote it back in an error row."""

    path: str
    row: int
    unit: str
    facts: dict[str, object]
    raw: dict[str, object]
    problem: RowError | None = None


@dataclass(frozen=True)
class BlankRows:
    """A run of completely blank rows between units (trailing blank rows are not counted)."""

    path: str
    count: int


class Dataset:
    """Data files opened against one policy's facts."""

    def __init__(self, paths: Sequence[str | Path], facts: Sequence[Fact]):
        self.facts = tuple(facts)
        self.tables: list[tuple[Table, ColumnMap]] = []
        self.notices: list[Notice] = []
        for path in paths:
            table = open_table(path)
            columns = map_columns([c.value for c in table.header], self.facts, str(path))
            self.tables.append((table, columns))
            self.notices.extend(columns.notices)
        self._required = tuple(f.name for f in self.facts if f.default is None)

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
        for table, columns in self.tables:
            yield from self._rows_of(table, columns)

    def _rows_of(self, table: Table, columns: ColumnMap) -> Iterator[UnitRow | BlankRows]:
        path = str(table.path)
        pending_blank = 0
        for number, cells in table.rows():
            values = [c.value for c in cells]
            if is_blank(values):
                pending_blank += 1
                continue
            if pending_blank:
                yield BlankRows(path, pending_blank)
                pending_blank = 0
            yield self._unit_row(path, number, cells, columns)

    def _unit_row(
        self, path: str, number: int, cells: Sequence[Cell], columns: ColumnMap
    ) -> UnitRow:
        """The unit's facts from its row; the first problem found stops the row."""

        def at(index: int) -> Cell | None:
            return cells[index] if index < len(cells) else None

        unit_cell = at(columns.unit_index) if columns.unit_index is not None else None
        unit = unit_name(unit_cell.value if unit_cell is not None else None)
        facts: dict[str, object] = {}
        raw: dict[str, object] = {}
        problem = None
        for index, fact in columns.facts:
            cell = at(index)
            if cell is None:
                continue
            raw[fact.name] = cell.value
            try:
                value = cell_value(cell.value, cell.number_format)
            except CellProblem as exc:
                problem = problem or RowError(
                    path, number, unit, self.column_title(fact.name), cell.value, exc.message
                )
                continue
            if value is not None:
                facts[fact.name] = value
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
        return UnitRow(path, number, unit, facts, raw, problem)
