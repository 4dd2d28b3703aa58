"""Units as the checker and `lower` see them: kinds of quantity and unit equivalence.

The unit words and their canonical spellings (天 ≡ 日, 月 ≡ 个月, 人次 ≡ 人每次) are
the keyword table's (compiler/keywords.py); this module adds what a unit *means*: a
count, a percentage, points — the kinds that uses and declarations are matched by.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..syntax import ast
from ..syntax.keywords import COUNT_UNITS as _COUNT_UNITS
from ..syntax.keywords import MEASURE_UNITS as _MEASURE_UNITS
from ..syntax.keywords import PER_TIME_SUFFIX, POINTS_UNIT
from ..syntax.keywords import PERCENT_UNITS as _PERCENT_UNITS

COUNT_UNITS: frozenset[str] = frozenset(_COUNT_UNITS)
MEASURE_UNITS: frozenset[str] = frozenset(_MEASURE_UNITS)
PERCENT_UNITS: frozenset[str] = frozenset(_PERCENT_UNITS)
DAY_UNITS = frozenset(u for u, canon in _COUNT_UNITS.items() if canon == "天")


def canonical_unit(unit: str) -> str:
    """One spelling per unit: `日` → `天`, `个月` → `月`, `人每次` → `人次`."""
    return _COUNT_UNITS.get(unit) or _MEASURE_UNITS.get(unit) or _PERCENT_UNITS.get(unit) or unit


def is_count_unit(unit: str | None) -> bool:
    return unit is not None and unit in COUNT_UNITS


# Fact type words (LANGUAGE.md §3.2) → ir.FACT_TYPES.
TYPE_WORDS = {"是否": "bool", "百分比": "percent", "数值": "number", "分": "points", "日期": "date"}
# ir type → the word a Chinese reader knows it by.
TYPE_NAMES = {
    "bool": "是否",
    "percent": "百分比",
    "number": "数值",
    "points": "分",
    "date": "日期",
    "numeric": "数值",
}


@dataclass(frozen=True)
class Kind:
    """What a quantity is: an ir fact type, or "numeric" for a bare number that fits
    any numeric type.  `unit` is the canonical count unit of a "count"."""

    type: str
    unit: str = ""

    @property
    def name(self) -> str:
        """The kind in the writer's words: `次`, `公里`, `百分比`, `日期`…"""
        if self.type == "count" or (self.type == "number" and self.unit):
            return self.unit
        return TYPE_NAMES.get(self.type, self.type)


NUMERIC = Kind("numeric")
BOOL = Kind("bool")
DATE = Kind("date")
PERCENT = Kind("percent")
POINTS = Kind("points")


def fact_kind(type_word: str) -> Kind | None:
    """The kind a declared type word stands for (`是否`, `人次`…), None if unknown."""
    word = type_word.strip()
    if word in TYPE_WORDS:
        return Kind(TYPE_WORDS[word])
    if is_count_unit(word):
        return Kind("count", canonical_unit(word))
    if word in MEASURE_UNITS:
        return Kind("number", canonical_unit(word))
    return None


def num_kind(num: ast.Num) -> Kind:
    """The kind of a written number, from its unit: `80%` percent, `3次` count…"""
    unit = num.unit
    if unit is None:
        return NUMERIC
    if unit in PERCENT_UNITS:
        return PERCENT
    if unit == POINTS_UNIT:
        return POINTS
    if is_count_unit(unit):
        return Kind("count", canonical_unit(unit))
    if unit in MEASURE_UNITS:
        return Kind("number", canonical_unit(unit))
    return NUMERIC


def fits(fact: Kind, use: Kind) -> str:
    """Does a fact of kind `fact` fit a use of kind `use`?  "ok", "unit" or "type"."""
    if use.type == "numeric":
        return "ok" if fact.type in ("count", "percent", "number", "points") else "type"
    if use.type == "count":
        if fact.type != "count":
            return "type"
        return "ok" if fact.unit == use.unit else "unit"
    if use.type == "points":
        return "ok" if fact.type in ("points", "number") and not fact.unit else "type"
    if use.type == "number" and use.unit:
        if fact.type != "number":
            return "type"
        return "ok" if fact.unit in ("", use.unit) else "unit"
    return "ok" if fact.type == use.type else "type"


def per_time_pair(declared: str, used: str) -> bool:
    """`人` and `人次` (also 户/户次, 件/件次…): one counts people, the other visits; on
    one fact the declared word decides how it is counted, and a warning says so."""
    a, b = canonical_unit(declared), canonical_unit(used)
    return a != b and (a == b + PER_TIME_SUFFIX or b == a + PER_TIME_SUFFIX)


def comparable(a: Kind | None, b: Kind | None) -> bool:
    """Can two quantities be compared or added?  Unknown kinds are given the benefit."""
    if a is None or b is None:
        return True
    if a.type == "numeric" or b.type == "numeric":
        other = b if a.type == "numeric" else a
        return other.type in ("count", "percent", "number", "points", "numeric")
    if a.type == "count" and b.type == "count":
        return a.unit == b.unit
    if a.type == "number" and b.type == "number" and a.unit and b.unit:
        return a.unit == b.unit
    if {a.type, b.type} == {"points", "number"}:
        return True
    return a.type == b.type and a.type != "bool"
