"""From raw cells to a unit's facts: header matching and cell values.

Spreadsheets typed by hand carry full-width letters, stray spaces (often U+3000),
`【】` around names and numbers stored as binary floats.  This module decides, once
per file, which column is which fact (warning about columns it cannot place), and
turns each cell into a value the policy's own conversion accepts — never a float:
a float cell becomes the Decimal that Excel shows.  Blank cells are left out, so a
fact's declared default applies.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from xize.compiler.diagnostics import same_sense
from xize.compiler.ir import Fact
from xize.compiler.source import normalise as fullwidth_to_ascii
from xize.compiler.syntax import cn_to_int

from ..text.fmt import decimal_text
from ..text.problems import Message, Notice
from .xlsx import NoCachedValue

#: Header cells that name the unit column (compared after `header_key`).
UNIT_HEADERS = ("单位", "单位名称", "被考核单位", "被考评单位", "考评对象", "被考核单位名称")

#: Excel keeps 15 significant digits; a float with more is an artefact of binary arithmetic.
_EXCEL_DIGITS = 15

_SPACE = re.compile(r"\s+")


def header_key(text: object) -> str:
    """A header cell reduced to what identifies a column.

    Full-width forms become ASCII, every space (including U+3000 and line breaks from
    wrapped cells) goes, and `【】` or `[]` around the whole name are dropped."""
    key = _SPACE.sub("", fullwidth_to_ascii(str(text)).replace("\ufeff", ""))
    if len(key) > 2 and key[0] in "【[" and key[-1] in "】]":
        key = key[1:-1]
    return key


# ---------------------------------------------------------------------------- columns


@dataclass
class ColumnMap:
    """Where the unit name and each fact sit in a file's rows, and what was noticed."""

    unit_index: int | None
    facts: list[tuple[int, Fact]]
    header_text: dict[str, str]  # fact name → the header as written (for error rows)
    notices: list[Notice] = field(default_factory=list)
    names: tuple[tuple[int, str], ...] = field(init=False)  # (index, fact name) of `facts`
    last: int = field(init=False)  # the largest index in `facts` (-1 without any)

    def __post_init__(self) -> None:
        self.names = tuple((index, fact.name) for index, fact in self.facts)
        self.last = max((index for index, _ in self.facts), default=-1)

    @property
    def has_errors(self) -> bool:
        return any(n.level == "error" for n in self.notices)


def map_columns(header: Sequence[object], facts: Sequence[Fact], path: str = "") -> ColumnMap:
    """Match header cells to facts; report missing, unknown and doubled columns."""
    by_key = {header_key(f.name): f for f in facts}
    unit_index = None
    placed: dict[str, int] = {}
    header_text: dict[str, str] = {}
    notices: list[Notice] = []
    matched: list[tuple[int, Fact]] = []
    for index, cell in enumerate(header):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        key = header_key(cell)
        if key in UNIT_HEADERS and unit_index is None:
            unit_index = index
            continue
        fact = by_key.get(key)
        if fact is None:
            # a column named 未整改问题数 is never steered onto the fact 已整改问题数
            close = [
                c
                for c in difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.5)
                if same_sense(key, c)
            ][:1]
            if close:
                suggestion = by_key[close[0]].name
                msg = Message("column_unknown_close", {"column": str(cell), "fact": suggestion})
            else:
                msg = Message("column_unknown", {"column": str(cell)})
            notices.append(Notice("warning", msg, path))
            continue
        if fact.name in placed:
            notices.append(
                Notice(
                    "error",
                    Message(
                        "column_twice",
                        {"fact": fact.name, "first": placed[fact.name] + 1, "second": index + 1},
                    ),
                    path,
                )
            )
            continue
        placed[fact.name] = index
        header_text[fact.name] = str(cell).strip()
        matched.append((index, fact))
    if unit_index is None:
        notices.append(
            Notice("error", Message("column_no_unit", {"names": "、".join(UNIT_HEADERS[:3])}), path)
        )
    for fact in facts:
        if fact.name in placed:
            continue
        if fact.default is None:
            notices.append(Notice("error", Message("column_missing", {"fact": fact.name}), path))
        else:
            default = (
                decimal_text(fact.default)
                if isinstance(fact.default, (Decimal, int))
                else fact.default
            )
            notices.append(
                Notice(
                    "info", Message("column_default", {"fact": fact.name, "default": default}), path
                )
            )
    return ColumnMap(unit_index, matched, header_text, notices)


# ------------------------------------------------------------------------------ cells


class CellProblem(ValueError):
    """A cell whose content cannot be handed to a policy at all (e.g. a JSON list)."""

    def __init__(self, key: str, **args: object):
        self.message = Message(key, args)
        super().__init__(key)


def cell_value(value: object, number_format: str = "General") -> object | None:
    """A cell's value for the policy, or None for a blank cell.

    Floats become exact Decimals (Excel's 15 significant digits); a cell formatted as a
    percentage (holding 0.85 for 85%) becomes the string "85%"; midnight datetimes
    become dates; text is stripped and its full-width digits and signs made ASCII.
    A formula cell without a stored result is refused (`cell_formula_no_value`): read
    as blank, the fact's default would silently stand in for it."""
    if value is None:
        return None
    if isinstance(value, str):
        text = fullwidth_to_ascii(value).strip()
        return text or None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        value = exact_float(value)
    if isinstance(value, (int, Decimal)):
        if number_format and "%" in number_format:
            shown = percent_shown(number_format)
            if shown == "scaled":
                return decimal_text(Decimal(value) * 100) + "%"
            if shown == "literal":  # `0.00"%"` shows 0.85 as “0.85%”
                return decimal_text(Decimal(value)) + "%"
        return value
    if isinstance(value, NoCachedValue):
        raise CellProblem("cell_formula_no_value", cell=value.coordinate, formula=str(value))
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date()
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, (list, dict)):
        raise CellProblem("cell_not_scalar")
    return str(value).strip() or None


_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def percent_shown(number_format: str) -> str | None:
    """How a number format shows `%`: "scaled" when Excel multiplies by 100 (`0%`,
    `0.00%`), "literal" when the sign is only text (`0.00"%"`, `0.00\\%`), else None.
    Quoted text, escaped characters, `[Red]`-style sections and the `_x`/`*x` padding
    of a format are text, not format codes."""
    if "%" not in number_format:
        return None
    if "%" in _FORMAT_LITERALS.sub("", number_format):
        return "scaled"
    return "literal"


#: Fact types whose cells may be written in Chinese numerals (`三`, `十二次`, `百分之八十`).
NUMERIC_TYPES = frozenset({"count", "number", "points", "percent"})

_NUMERAL = re.compile(r"(百分之)?([〇○零一二两三四五六七八九十百千万]+)(.*)", re.S)


def numeral_text(text: str) -> str:
    """A cell written in Chinese numerals as the policy reads Arabic ones: `三` → `3`,
    `十二次` → `12次`, `百分之八十` → `80%`; any other text is returned unchanged (the
    policy then accepts or refuses it).  Integers only, as in a .rule file."""
    m = _NUMERAL.fullmatch(text)
    if m is None:
        return text
    percent, numeral, rest = m.groups()
    try:
        number = cn_to_int(numeral)
    except ValueError:
        return text
    if percent:
        return f"{number}%" if not rest.strip() else text
    return f"{number}{rest}"


def exact_float(value: float) -> Decimal:
    """The Decimal a float cell stands for: the shortest repr when it has at most 15
    significant digits, else the 15-digit rounding Excel itself displays."""
    if not math.isfinite(value):
        raise CellProblem("cell_not_finite", value=repr(value))
    if value.is_integer() and abs(value) < 2**53:
        return Decimal(int(value))
    shortest = Decimal(repr(value))
    if len(shortest.as_tuple().digits) <= _EXCEL_DIGITS:
        return shortest
    return Decimal(format(value, f".{_EXCEL_DIGITS}g"))


def unit_name(value: object) -> str:
    """A unit's name as text; numeric codes (1001.0 from Excel) without a trailing .0."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = exact_float(value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    return str(value).replace("\u3000", " ").strip()


def is_blank(cells: Sequence[object]) -> bool:
    """True when every cell is empty or only spaces."""
    for value in cells:
        if value is None:
            continue
        if isinstance(value, str) and not value.replace("\u3000", " ").strip():
            continue
        return False
    return True
