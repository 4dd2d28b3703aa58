"""An empty data workbook for a policy: the columns `xize score` expects.

Each fact gets a column headed by its exact name (so the filled-in file reads
back without guessing), a comment with its description, type and default, and
Excel data validation so that a wrong entry is refused while typing instead of
reported after scoring.  A second sheet lists the facts for printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from xize.compiler.ir import nodes as ir
from xize.compiler.source import display_width

from ..io.readers import DATA_SHEET
from ..text.fmt import decimal_text, value_text
from ..text.i18n import t
from .atomic import atomic_file
from .workbook import force_text

#: Rows covered by validation (Excel's last row).
_LAST_ROW = 1_048_576

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="DDEBF7", end_color="DDEBF7")
GUIDE_SHEET = "填写说明"


def type_word(fact: ir.Fact, lang: str = "zh") -> str:
    """The type as the policy writes it: 是否, 次, 百分比, 数值, 分, 日期."""
    if fact.type == "count":
        return fact.unit or t("type_count", lang)
    return t(f"type_{fact.type}", lang)


def range_text(fact: ir.Fact, lang: str = "zh") -> str:
    if fact.type == "percent" and fact.low is None and fact.high is None:
        return "0–100"
    low = decimal_text(fact.low) if fact.low is not None else ""
    high = decimal_text(fact.high) if fact.high is not None else ""
    if not low and not high:
        return ""
    if fact.type == "count" and not low:
        low = "0"
    return t("range", lang, low=low or "…", high=high or "…")


def fact_note(fact: ir.Fact, lang: str = "zh") -> str:
    """The header comment: description, then type, default and range."""
    lines = [fact.description] if fact.description else []
    lines.append(t("note_type", lang, type=type_word(fact, lang)))
    if fact.default is not None:
        lines.append(t("note_default", lang, default=value_text(fact.default, fact.type, lang)))
    else:
        lines.append(t("note_required", lang))
    span = range_text(fact, lang)
    if span:
        lines.append(t("note_range", lang, range=span))
    if fact.type == "percent":
        lines.append(t("note_percent", lang))
    return "\n".join(lines)


def validation_for(fact: ir.Fact, lang: str = "zh") -> DataValidation | None:
    """Excel's check for a fact's column, or None when any entry may be valid."""
    error = t(f"expect_{fact.type}", lang)
    if fact.type == "bool":
        dv = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    elif fact.type == "count":
        dv = _numeric("whole", fact.low if fact.low is not None else Decimal(0), fact.high)
    elif fact.type == "percent":
        low = fact.low if fact.low is not None else Decimal(0)
        high = fact.high if fact.high is not None else Decimal(100)
        dv = _numeric("decimal", low, high)
    elif fact.type in ("points", "number"):
        if fact.low is None and fact.high is None:
            return None
        dv = _numeric("decimal", fact.low, fact.high)
    elif fact.type == "date":
        dv = DataValidation(
            type="date",
            operator="between",
            formula1="DATE(1900,1,1)",
            formula2="DATE(9999,12,31)",
            allow_blank=True,
        )
    else:
        return None
    dv.error = error
    dv.errorTitle = t("validation_title", lang)
    dv.prompt = fact.description or error
    dv.showErrorMessage = True
    dv.showInputMessage = bool(fact.description)
    if fact.type == "percent":
        # 0.85 passes a 0–100 check and reads as 0.85%: say how to write 85%
        dv.prompt = "\n".join(p for p in (fact.description, t("note_percent", lang)) if p)
        dv.showInputMessage = True
    return dv


def _numeric(kind: str, low: Decimal | None, high: Decimal | None) -> DataValidation:
    if low is not None and high is not None:
        return DataValidation(
            type=kind,
            operator="between",
            formula1=decimal_text(low),
            formula2=decimal_text(high),
            allow_blank=True,
        )
    if low is not None:
        return DataValidation(
            type=kind, operator="greaterThanOrEqual", formula1=decimal_text(low), allow_blank=True
        )
    return DataValidation(
        type=kind, operator="lessThanOrEqual", formula1=decimal_text(high), allow_blank=True
    )


def write_template(policy: ir.Policy, path: str | Path, lang: str = "zh") -> None:
    """Write the data workbook for `policy` to `path`."""
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    facts: Sequence[ir.Fact] = policy.facts
    headers = ["单位", *(f.name for f in facts)]
    ws.append(headers)
    for col, title in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=False)
        ws.column_dimensions[get_column_letter(col)].width = max(display_width(title) + 4, 10)
    ws.cell(row=1, column=1).comment = _comment(t("note_unit", lang))
    for col, fact in enumerate(facts, start=2):
        letter = get_column_letter(col)
        ws.cell(row=1, column=col).comment = _comment(fact_note(fact, lang))
        dv = validation_for(fact, lang)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{_LAST_ROW}")
        if fact.type == "date":
            ws.column_dimensions[letter].number_format = "yyyy-mm-dd"
    ws.freeze_panes = "B2"
    _write_guide(wb, policy, lang)
    for sheet in wb.worksheets:  # policy names and descriptions: text, never formulas
        for row in sheet.iter_rows():
            for cell in row:
                force_text(cell)
    with atomic_file(path, "w+b") as handle:
        wb.save(handle)


def _write_guide(wb: Workbook, policy: ir.Policy, lang: str) -> None:
    ws = wb.create_sheet(GUIDE_SHEET)
    columns = [
        t(k, lang)
        for k in ("guide_fact", "guide_type", "guide_default", "guide_range", "guide_description")
    ]
    ws.append([policy.title])
    ws.cell(row=1, column=1).font = Font(bold=True)
    ws.append(columns)
    for col in range(1, len(columns) + 1):
        ws.cell(row=2, column=col).font = HEADER_FONT
        ws.cell(row=2, column=col).fill = HEADER_FILL
    widths = [display_width(c) for c in columns]
    for fact in policy.facts:
        default = (
            value_text(fact.default, fact.type, lang)
            if fact.default is not None
            else t("guide_none", lang)
        )
        row = [fact.name, type_word(fact, lang), default, range_text(fact, lang), fact.description]
        ws.append(row)
        widths = [max(w, display_width(str(v))) for w, v in zip(widths, row, strict=True)]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(width, 80) + 2
    ws.freeze_panes = "A3"


def _comment(text: str) -> Comment:
    comment = Comment(text, "xize")
    lines = text.count("\n") + 1
    comment.width = 260
    comment.height = max(60, 20 * lines + 20 * (max(len(x) for x in text.splitlines()) // 18))
    return comment
