"""Unit names that come back, found in constant memory per unit.

A unit name seen twice is likely a slip (both rows are scored; the second gets a
warning naming the first).  Holding every name of a million rows in a dict costs
hundreds of bytes a unit, so each scored unit leaves only its name's hash and its
row number; a hash table finds earlier units with the same hash.
Equal hashes are only candidates: once scoring is done, the names of the candidates
are read back from 汇总 and compared, so a hash collision never makes a warning and
a true duplicate is never missed.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from ..text.problems import Message, Notice

_EMPTY = -1


class Duplicates:
    """Every scored unit in input order ("entries"): 汇总 position, name hash, row
    number and file."""

    def __init__(self) -> None:
        self._positions = array("q")
        self._hashes = array("q")
        self._rows = array("q")
        self._file_starts: list[int] = []  # first entry of each run of one file
        self._files: list[str] = []
        self._table = array("q", [_EMPTY]) * 1024  # open addressing: slot → entry
        self._mask = 1023
        # (entry, name, earlier entry with the same hash)
        self._candidates: list[tuple[int, str, int]] = []

    #: The name hash (64 bits, fixed per process; a subclass may collide on purpose).
    digest = staticmethod(hash)

    def add(self, position: int, path: str, row: int, name: str) -> None:
        """A scored unit at 汇总 `position`, from `path` row `row`."""
        self.add_block(position, path, [row], [name])

    def add_block(self, base: int, path: str, rows: Sequence[int], names: Sequence[str]) -> None:
        """Scored units at 汇总 positions base, base + 1, …, from `path`."""
        hashes, candidates, digest = self._hashes, self._candidates, self.digest
        if not self._files or self._files[-1] != path:
            self._files.append(path)
            self._file_starts.append(len(hashes))
        for name in names:
            code = digest(name)
            entry = len(hashes)
            hashes.append(code)
            table, mask = self._table, self._mask
            slot = code & mask
            while True:  # linear probing: an empty slot, or an entry with this hash
                earlier = table[slot]
                if earlier == _EMPTY:
                    table[slot] = entry
                    if 2 * entry >= len(table):
                        self._grow()
                    break
                if hashes[earlier] == code:
                    candidates.append((entry, name, earlier))
                    break
                slot = (slot + 1) & mask
        self._positions.extend(range(base, base + len(names)))
        self._rows.extend(rows)

    def _grow(self) -> None:
        old = self._table
        table = self._table = array("q", [_EMPTY]) * (2 * len(old))
        mask = self._mask = len(table) - 1
        hashes = self._hashes
        for entry in old:
            if entry != _EMPTY:
                slot = hashes[entry] & mask
                while table[slot] != _EMPTY:
                    slot = (slot + 1) & mask
                table[slot] = entry

    def notices(self, names: Iterable[str]) -> list[Notice]:
        """Warnings for the units whose name came back, in input order; `names` gives
        every unit's name in 汇总 order (read only when there are candidates)."""
        if not self._candidates:
            return []
        earlier_entries = {earlier for _, _, earlier in self._candidates}
        at = dict(_names_at(names, {self._positions[e] for e in earlier_entries}))
        # per hash: name → its first entry among the units sharing that hash
        groups: dict[int, dict[str, int]] = {}
        found: list[Notice] = []
        for entry, name, earlier in self._candidates:
            firsts = groups.setdefault(earlier, {at[self._positions[earlier]]: earlier})
            first = firsts.setdefault(name, entry)
            if first == entry:
                continue
            notice = self._notice(name, first, entry)
            if notice is not None:
                found.append(notice)
        return found

    def _notice(self, name: str, first: int, entry: int) -> Notice | None:
        path, first_path = self._file_of(entry), self._file_of(first)
        first_row, row = self._rows[first], self._rows[entry]
        if (first_path, first_row) == (path, row):  # the same file given twice
            return None
        where = str(first_row) if first_path == path else f"{first_path}:{first_row}"
        args = {"unit": name, "first": where, "row": row}
        return Notice("warning", Message("unit_twice", args), path)

    def _file_of(self, entry: int) -> str:
        return self._files[bisect_right(self._file_starts, entry) - 1]


def _names_at(names: Iterable[str], positions: set[int]) -> Iterator[tuple[int, str]]:
    last = max(positions)
    for position, name in enumerate(names):
        if position in positions:
            yield position, name
        if position >= last:
            break
