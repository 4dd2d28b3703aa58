"""Report cells as CSV text, and a spool of CSV text for the 扣分明细 table.

CSV and JSON show exact decimals as text (`2.50` → "2.5"), dates in ISO form and
None as empty.  In CSV, text that a spreadsheet would run as a formula (a unit named
`=HYPERLINK(…)`) gets a leading `'` (`text.safe.csv_cell`); numbers stay numbers.  When the report is a CSV file, the 扣分明细 rows — several per unit,
most of the report — can be turned into CSV text as soon as a block is scored,
in whichever process scored it, and kept as text until the file is written: the
bytes are those `csv.writer` would write from the rows at the end.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import IO

from ..text.fmt import decimal_text
from ..text.safe import STARTS, csv_cell
from .spool import Encoded


def text_value(value: object) -> object:
    """A cell for CSV/JSON: exact decimals as text, dates in ISO form, None as empty."""
    kind = type(value)
    if kind is str or kind is int:  # most cells: nothing to do
        return value
    if kind is Decimal:
        return _decimal_text(value) if value.is_finite() else decimal_text(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


@lru_cache(maxsize=4096)
def _decimal_text(value: Decimal) -> str:
    """decimal_text, remembered: scores repeat.  Equal Decimals (2.5, 2.50) share a
    cache entry, which is right because they share their text too."""
    return decimal_text(value)


def text_cells(rows: Iterable[Encoded]) -> Iterator[list[object]]:
    """Stored rows (see `Spool.encoded`) as text_value cells.  A Decimal stored as its
    text becomes its display text through a cache keyed by that text, without being
    built again: a million rows repeat a few hundred scores.  Which other cells need
    text_value is worked out once per pattern of cell types."""
    shown: dict[str, str] = {}
    # by (positions, cell types): the cells for text_value, and the texts to neutralise
    patterns: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
    for positions, row in rows:
        key = (positions, *map(type, row))
        pattern = patterns.get(key)
        if pattern is None:
            kinds = key[1:]
            pattern = patterns[key] = (
                tuple(i for i, kind in enumerate(kinds) if kind is not str and kind is not int),
                tuple(i for i, kind in enumerate(kinds) if kind is str and i not in positions),
            )
        others, texts = pattern
        cells = list(row)
        for i in texts:
            text = cells[i]
            if text and text[0] in STARTS:
                cells[i] = csv_cell(text)
        for i in others:
            cells[i] = text_value(cells[i])
        for i in positions:
            stored = row[i]
            text = shown.get(stored)
            if text is None:
                text = decimal_text(Decimal(stored))
                if len(shown) < 65536:
                    shown[stored] = text
            cells[i] = text
        yield cells


def csv_text(rows: Iterable[tuple]) -> str:
    """Rows (as a table holds them) as CSV text, exactly as `csv.writer` writes them."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(text_cells(((), row) for row in rows))
    return buffer.getvalue()


class CsvTextSpool:
    """A table kept as CSV text in a temporary file (UTF-8), appended block by block."""

    def __init__(self, columns: Sequence[str]):
        self.columns = tuple(columns)
        self.count = 0
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="xize-")

    def append_text(self, text: str, count: int) -> None:
        self._file.write(text.encode("utf-8", "backslashreplace"))
        self.count += count

    def extend(self, rows: Iterable[tuple]) -> None:
        rows = list(rows)
        if rows:
            self.append_text(csv_text(rows), len(rows))

    def texts(self) -> Iterator[str]:
        """The text, in pieces, from the start."""
        self._file.flush()
        self._file.seek(0)
        decoder = io.TextIOWrapper(self._file, encoding="utf-8", newline="")
        try:
            while piece := decoder.read(1 << 20):
                yield piece
        finally:
            decoder.detach()
            self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()
