"""An append-only list of rows that spills to a temporary file when it grows.

Scoring a million units must not hold a million results: rows for each output
table go here as they are produced and are read back once, in order, when the
output is written (after ranks are known).  Small batches never touch the disk.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, Sequence
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

    def _measure(self, row: tuple) -> None:
        widths = self.widths
        for i, value in enumerate(row[: len(widths)]):
            if value is None or widths[i] >= MAX_WIDTH:
                continue
            w = _width(value) if isinstance(value, str) else len(str(value))
            if w > widths[i]:
                widths[i] = min(w, MAX_WIDTH)

    def _spill(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="xize-")
        pickle.dump(self._buffer, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._buffer = []

    def __iter__(self) -> Iterator[tuple]:
        if self._file is not None:
            self._file.flush()
            self._file.seek(0)
            while True:
                try:
                    chunk = pickle.load(self._file)
                except EOFError:
                    break
                yield from chunk
            self._file.seek(0, 2)
        yield from self._buffer

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._buffer = []

    def __len__(self) -> int:
        return self.count
