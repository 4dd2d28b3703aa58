"""Batches of units for the differential tests of the SQL backend: rows of cell text
as a spreadsheet holds them, with bad cells, ties and blanks mixed in."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st
from strategies import fact_values, policies

#: Cells the Python engine refuses or reads specially; none beyond the SQL digit limits.
ODD_CELLS = [
    "-1",
    "150%",
    "是的",
    "",
    "  ",
    " 3 ",
    "３",
    "1.5",
    "1.0",
    "-0",
    "+2",
    ".5",
    "5.",
    "1e3",
    "2人次",
    "3 次",
    "3个",
    "true",
    "FALSE",
    "√",
    "×",
    None,
    "100.5%",
    "12.345678",
    "1,000",
    "１２％",
    "2023年1月9日",
    "2月30日",
    "2023-13-01",
    "5分",
    "-2.5",
    # at the edges of the clean cells the query converts with one cast
    "0007",
    "123456789",
    "12.500000",
    "12.5000000",
    "0.000001",
    "100%",
    "100",
    "101",
    "50.5%",
    "5分 ",
    "是 ",
    "YES",
    "否",
    "0",
]


def cell(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@st.composite
def batches(draw, max_units: int = 6, odd: float = 0.15):
    """(policy description, rows of text cells)."""
    desc = draw(policies(with_tests=False))
    count = draw(st.integers(1, max_units))
    rows = []
    for number in range(count):
        raw, _ = draw(fact_values(desc))
        row = {"单位": f"单位{number}"}
        for fact in desc.facts:
            if fact.name in raw:
                row[fact.name] = cell(raw[fact.name])
            if draw(st.floats(0, 1)) < odd:
                row[fact.name] = draw(st.sampled_from(ODD_CELLS))
        rows.append(row)
        if draw(st.booleans()) and len(rows) < max_units:
            rows.append(dict(row, 单位=f"单位{number}乙"))  # a tie
    return desc, rows
