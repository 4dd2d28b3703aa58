"""Cell texts turned into fact values once per distinct text, not once per cell.

A CSV holds text: every cell is stripped and its full-width digits made ASCII
(`normalise.cell_value`), and then the policy converts it by the fact's type (`是`
→ True, `3` → 3) on every call of `score`.  A large batch repeats the same few
texts in a column millions of times, so each distinct text of a fact is handled
once and the outcome remembered:

- `CellTexts` remembers the cleaned text (what `Dataset.rows` hands out);
- `TypedTexts` also converts it with the policy module's own converter, so `score`
  gets the value it would have made itself.  The converters accept their own
  results unchanged, so the Result is the same.  A text the converter refuses is
  kept as text, and `score` refuses it with the same error, naming the unit.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable

from .normalise import cell_value, numeral_text

#: Distinct texts remembered per fact; past that, each new text is handled anew.
PER_FACT = 1024

#: What a blank text (spaces only) maps to: the fact is left out, so its default applies.
BLANK = object()

Plan = tuple[tuple[int, str, dict[str, object]], ...]


class CellTexts:
    """Per fact: cell text → cleaned text (or BLANK)."""

    def __init__(self, names: Iterable[str], numeric: Iterable[str] = ()) -> None:
        self.known: dict[str, dict[str, object]] = {name: {} for name in names}
        self.numeric = frozenset(numeric)  # facts whose cells may be Chinese numerals
        self._plans: dict[int, tuple[tuple[tuple[int, str], ...], Plan]] = {}

    def plan(self, columns: tuple[tuple[int, str], ...]) -> Plan:
        """(column index, fact name, its texts) for each matched column of a file."""
        plan = self._plans.get(id(columns))
        if plan is None or plan[0] is not columns:  # the tuple is kept: its id stays its own
            plan = self._plans[id(columns)] = (
                columns,
                tuple((index, name, self.known[name]) for index, name in columns),
            )
        return plan[1]

    def learn(self, name: str, cell: str) -> object:
        """The value for a text not yet known, remembered while there is room."""
        text = cell_value(cell)
        if text is not None and name in self.numeric:
            text = numeral_text(text)
        value = BLANK if text is None else self.convert(name, text)
        cache = self.known[name]
        if len(cache) < PER_FACT:
            cache[cell] = value
        return value

    def convert(self, name: str, text: str) -> object:
        return text


class TypedTexts(CellTexts):
    """Per fact: cell text → the policy's own value for it (or the text it refuses)."""

    def __init__(self, names: Iterable[str], policy, numeric: Iterable[str] = ()) -> None:
        super().__init__(names, numeric)
        module = getattr(policy, "module", None)
        self._convert: Callable | None = getattr(module, "_convert_value", None)
        facts = getattr(module, "FACTS", None) or ()
        self._infos = {fact.name: fact for fact in facts}
        self._year = getattr(getattr(module, "POLICY", None), "year", None)
        self._context = getattr(module, "_CONTEXT", None)
        self._refused = getattr(module, "InputError", None)

    @property
    def enabled(self) -> bool:
        """Whether the policy offers what converting needs (a compiled module does)."""
        return None not in (self._convert, self._year, self._context, self._refused)

    def convert(self, name: str, text: str) -> object:
        info = self._infos.get(name)
        if info is None or not self.enabled:
            return text
        try:
            with decimal.localcontext(self._context):
                value = self._convert(text, info, None, self._year)
        except self._refused:
            return text  # `score` reports it, with the unit's name
        return text if value is None else value
