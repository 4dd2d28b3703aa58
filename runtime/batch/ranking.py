"""排名 over a whole batch, kept compact: a million units must not cost a million tuples.

Ranking follows `score_batch`: reported 总分 descending, equal totals share a rank
(1, 2, 2, 4); units under 一票否决 rank after all others, among themselves by 总分;
disqualified units and rows with data errors are unranked.

A total is kept as a scaled integer (总分 × 10^6) in an array when it fits in 64
bits — every total with at most six decimal places, as 精度 makes them — and
exactly, as a Decimal, otherwise.  Scaling is exact, so equal totals stay equal and
the order is the order of the totals.
"""

from __future__ import annotations

import decimal
from array import array
from collections.abc import Iterator
from decimal import Decimal

#: Totals are compared as integers in units of 10^-SCALE.
SCALE = 6
_LIMIT = 2**63
#: Scaling changes only the exponent; this context never rounds the coefficient.
EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def rank_key(total: Decimal) -> int | Decimal:
    """The sort key of a reported total: an int when the scaled total is a whole number
    that fits in 64 bits, else the exact scaled Decimal (an int and a Decimal compare
    exactly)."""
    scaled = total.scaleb(SCALE, context=EXACT)
    if scaled.is_finite():
        whole = int(scaled)
        if whole == scaled and -_LIMIT < whole < _LIMIT:
            return whole
    return scaled


class Ranks:
    """排名 by 汇总 position: None for an unranked unit."""

    def __init__(self) -> None:
        self._ranks = array("q")

    def extend(self, count: int) -> None:
        """`count` more units, unranked until `RankKeys.rank` says otherwise."""
        self._ranks.frombytes(bytes(8 * count))

    def set(self, position: int, rank: int) -> None:
        self._ranks[position] = rank

    def __getitem__(self, position: int) -> int | None:
        return self._ranks[position] or None

    def __len__(self) -> int:
        return len(self._ranks)

    def __iter__(self) -> Iterator[int | None]:
        for rank in self._ranks:
            yield rank or None


class Order:
    """汇总 positions of the ranked units, best first; slices are lists."""

    def __init__(self, positions: array | None = None) -> None:
        self._positions = positions if positions is not None else array("q")

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return self._positions[index].tolist()
        return self._positions[index]

    def __len__(self) -> int:
        return len(self._positions)

    def __iter__(self) -> Iterator[int]:
        return iter(self._positions)


class RankKeys:
    """The ranked units' positions, keys and veto flags, in 汇总 order."""

    def __init__(self) -> None:
        self.positions = array("q")
        self.keys = array("q")
        self.vetoed = bytearray()
        self.grades = array("H")  # band numbers, for grade quotas
        self.wide: dict[int, Decimal] = {}  # index → key, for totals the array cannot hold

    def key(self, index: int) -> int | Decimal:
        return self.wide.get(index, self.keys[index])

    def add(self, position: int, key: int | Decimal, vetoed: bool, grade: int = 0) -> None:
        if isinstance(key, int):
            self.keys.append(key)
        else:
            self.wide[len(self.keys)] = key
            self.keys.append(0)
        self.positions.append(position)
        self.vetoed.append(1 if vetoed else 0)
        self.grades.append(grade)

    def __len__(self) -> int:
        return len(self.positions)

    def rank(self, ranks: Ranks) -> Order:
        """Fill in `ranks`; returns the ranked positions, best first."""
        order = array("q")
        offset = 0
        for flag in (0, 1):
            count = 0
            previous: int | Decimal | None = None
            rank = 0
            for place, (key, index) in enumerate(self._group(flag), start=1):
                if key != previous:
                    rank = place
                    previous = key
                position = self.positions[index]
                ranks.set(position, offset + rank)
                order.append(position)
                count = place
            offset += count
        return Order(order)

    def _group(self, flag: int) -> Iterator[tuple[int | Decimal, int]]:
        """(key, index) of the units with veto flag `flag`, key descending, ties in
        汇总 order (sorting is stable)."""
        keys, vetoed = self.keys, self.vetoed
        if self.wide:
            wide = self.wide
            indices = [i for i, v in enumerate(vetoed) if v == flag]
            indices.sort(key=lambda i: wide.get(i, keys[i]), reverse=True)
            for i in indices:
                yield wide.get(i, keys[i]), i
            return
        # One int per unit, (−key, index) packed, sorted ascending: no tuple, no key list.
        shift = len(keys).bit_length()
        mask = (1 << shift) - 1
        packed = [(-keys[i] << shift) | i for i, v in enumerate(vetoed) if v == flag]
        packed.sort()
        for p in packed:
            yield -(p >> shift), p & mask
