"""An append-only list of rows that spills to a temporary file when it grows.

Scoring a million units must not hold a million results: rows for each output
table go here as they are produced and are read back once, in order, when the
output is written (after ranks are known).  Small batches never touch the disk.

The file is a sequence of blocks made by `dump_rows`, so a block of rows made by a
worker process is written as it comes (`extend_pickled`), never decoded here.  A
block stores each Decimal as its exact text (pickle's own way with a Decimal costs
several times as much) and which cells to turn back.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import IO

from xize.compiler.source import display_width

#: Rows kept in memory before the spool starts writing to disk.
IN_MEMORY_ROWS = 20_000

#: Widest column the reports will fit to (in display columns).
MAX_WIDTH = 60

#: Rows whose widths are measured: column widths are cosmetic, and measuring every
#: cell of a million rows would cost more than scoring them.
WIDTH_SAMPLE = 10_000


def dump_rows(rows: Iterable[tuple]) -> bytes:
    """A block of rows as bytes: (positions of Decimals, row with them as text) each.

    Rows of one table mostly share their cells' types, so the positions are found
    once per pattern of types and pickled once per block (pickle's memo)."""
    patterns: dict[tuple[type, ...], tuple[int, ...]] = {}
    encoded = []
    for row in rows:
        kinds = tuple(map(type, row))
        positions = patterns.get(kinds)
        if positions is None:
            positions = patterns[kinds] = tuple(i for i, k in enumerate(kinds) if k is Decimal)
        if positions:
            cells = list(row)
            for i in positions:
                cells[i] = str(cells[i])
            row = tuple(cells)
        encoded.append((positions, row))
    return pickle.dumps(encoded, protocol=pickle.HIGHEST_PROTOCOL)


#: A row as stored: the positions of its Decimals, given as text, and the row.
Encoded = tuple[tuple[int, ...], tuple]


def decode(positions: tuple[int, ...], row: tuple) -> tuple:
    """A stored row with its Decimals back."""
    if not positions:
        return row
    cells = list(row)
    for i in positions:
        cells[i] = Decimal(cells[i])
    return tuple(cells)


@lru_cache(maxsize=8192)
def _cjk_width(text: str) -> int:
    return display_width(text)


def _width(text: str) -> int:
    """Display width, fast for ASCII; clause texts and titles repeat, so CJK is cached."""
    return len(text) if text.isascii() else _cjk_width(text)


class Spool:
    """Rows of one output table, with the display width of each column tracked."""

    def __init__(self, columns: Sequence[str], limit: int = IN_MEMORY_ROWS):
        self.columns = tuple(columns)
        self.widths = [display_width(c) for c in self.columns]
        self.count = 0
        self._limit = limit
        self._buffer: list[tuple] = []
        self._file: IO[bytes] | None = None

    def append(self, row: Sequence[object]) -> None:
        row = tuple(row)
        if self.count < WIDTH_SAMPLE:
            self._measure(row)
        self._buffer.append(row)
        self.count += 1
        if len(self._buffer) >= self._limit:
            self._spill()

    def extend(self, rows: Iterable[Sequence[object]]) -> None:
        for row in rows:
            self.append(row)

    def extend_pickled(self, data: bytes, count: int) -> None:
        """Append `count` rows given as one `dump_rows` block.  Their widths are not
        measured: the caller sends rows as lists while `count < WIDTH_SAMPLE`."""
        if not count:
            return
        if self._buffer:
            self._spill()
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="xize-")
        self._file.write(data)
        self.count += count

    def _measure(self, row: tuple) -> None:
        widths = self.widths
        for i, value in enumerate(row[: len(widths)]):
            if value is None or widths[i] >= MAX_WIDTH:
                continue
            w = _width(value) if isinstance(value, str) else len(str(value))
            if w > widths[i]:
                widths[i] = min(w, MAX_WIDTH)

    def _spill(self) -> None:
        if not self._buffer:
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="xize-")
        self._file.write(dump_rows(self._buffer))
        self._buffer = []

    def __iter__(self) -> Iterator[tuple]:
        for positions, row in self.encoded():
            yield decode(positions, row) if positions else row

    def encoded(self) -> Iterator[Encoded]:
        """The rows as stored, Decimals as their text at the given positions (rows
        still in memory come with no positions and their Decimals): a writer that
        wants text anyway need not build each Decimal again."""
        if self._file is not None:
            self._file.flush()
            self._file.seek(0)
            while True:
                try:
                    block = pickle.load(self._file)
                except EOFError:
                    break
                yield from block
            self._file.seek(0, 2)
        for row in self._buffer:
            yield (), row

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._buffer = []

    def __len__(self) -> int:
        return self.count
