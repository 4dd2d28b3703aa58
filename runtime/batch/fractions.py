"""A percentage column written as fractions: `0.85` meant as 85%, read as 0.85%.

A percentage is read in points (LANGUAGE.md: `85` and `85%` are 85%), so `0.85` is
0.85% — a value the 0–100 check lets through, and one that can cost a unit most of
its points.  One such cell may be right; a whole column of them almost surely is
not.  So while rows are scored, each percentage column counts its values strictly
between 0 and 1 and those that say otherwise (above 1, or written with `%`); a
column with the first and none of the second gets a warning after scoring.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation

from ..io.dataset import UnitRow
from ..text.fmt import decimal_text
from ..text.problems import Message, Notice


class FractionWatch:
    """Counts, per percentage fact, fraction-looking values and the others."""

    def __init__(self, names) -> None:
        self.names = frozenset(names)
        self.fractions: Counter = Counter()
        self.others: Counter = Counter()
        self.examples: dict[str, Decimal] = {}
        self._columns: tuple[object, tuple[tuple[int, str], ...]] = ((), ())

    def see(self, item: UnitRow) -> None:
        if not self.names:
            return
        names = item.names
        if self._columns[0] is not names:  # one tuple per file: its percent columns once
            self._columns = (names, tuple((i, n) for i, n in names if n in self.names))
        cells = item.cells
        for index, name in self._columns[1]:
            cell = cells[index] if index < len(cells) else None
            number = _number(cell, item.facts.get(name))
            if number is None:
                continue
            if 0 < number < 1:
                self.fractions[name] += 1
                self.examples.setdefault(name, number)
            elif number > 1:
                self.others[name] += 1


def _number(cell: object, value: object) -> Decimal | None:
    """The value as a number when it was written without `%` (None otherwise)."""
    if value is None or (isinstance(cell, str) and "%" in cell):
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, str) and "%" not in value:
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return None
    return None


def merge(into: FractionWatch, fractions: Counter, others: Counter, examples: dict) -> None:
    into.fractions.update(fractions)
    into.others.update(others)
    for name, example in examples.items():
        into.examples.setdefault(name, example)


def fraction_notices(watch: FractionWatch, column_title) -> list[Notice]:
    """A warning for each percentage column whose every non-zero value is below 1."""
    notices = []
    for name in sorted(watch.fractions):
        if watch.others[name]:
            continue
        example = watch.examples[name]
        notices.append(
            Notice(
                "warning",
                Message(
                    "percent_fractions",
                    {
                        "column": column_title(name),
                        "example": decimal_text(example),
                        "percent": decimal_text(example.scaleb(2)),
                    },
                ),
            )
        )
    return notices
