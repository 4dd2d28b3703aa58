"""Writing report tables into an .xlsx workbook, exactly and reproducibly.

openpyxl writes a numeric cell with `"%.16g" % value`, which goes through float.
A Decimal is therefore written as a number only when that text is the Decimal
itself (true for every score with at most 15 significant digits, so 总分 stays
sortable in Excel); any other Decimal is written as text.  Every text cell is
written as a string, never as a formula (openpyxl would store `=HYPERLINK(…)` from a
unit's name as a live formula), text that a spreadsheet would re-read as a formula
gets Excel's quote prefix, and characters XML cannot hold are written as escapes
(`text.safe`).  Rows are streamed
(write-only mode), a sheet that reaches Excel's row limit continues in a second
sheet, and the saved file carries fixed timestamps so that the same input gives the
same bytes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from ..text.safe import STARTS, is_formula_like, xlsx_text
from .atomic import atomic_file

#: Rows per sheet in Excel (header included).
EXCEL_ROWS = 1_048_576

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="DDEBF7", end_color="DDEBF7")
HEADER_ALIGN = Alignment(vertical="center")

#: The fixed time written into the package (docProps and zip entries).
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIXED_DOC_TIME = datetime(2000, 1, 1)


def exact_cell_value(value: object) -> object:
    """The value to hand openpyxl: a Decimal only when it will be written exactly."""
    if isinstance(value, Decimal):
        # openpyxl writes numbers as "%.16g" of the float; hand it the Decimal only when
        # that text is the Decimal itself.  (This float is a check, never a score.)
        if value.is_finite() and Decimal(format(float(value), ".16g")) == value:
            return value
        return format(value, "f")
    return value


class SheetSpec:
    """One sheet to write: name, columns, rows (an iterable read once) and widths."""

    def __init__(
        self,
        name: str,
        columns: Sequence[str],
        rows: Iterable[Sequence[object]],
        widths: Sequence[int] | None = None,
        row_count: int | None = None,
        row_fill: Callable[[Sequence[object]], str | None] | None = None,
    ):
        self.name = name
        self.row_fill = row_fill  # a row → the RGB colour to fill it with, or None
        self.columns = tuple(columns)
        self.rows = rows
        self.widths = list(widths) if widths is not None else [10] * len(self.columns)
        self.row_count = row_count


def write_workbook(path: str | Path, sheets: Sequence[SheetSpec]) -> None:
    """Write `sheets` into a new workbook at `path` (replacing it when complete)."""
    path = Path(path)
    wb = Workbook(write_only=True)
    wb.properties.created = wb.properties.modified = _FIXED_DOC_TIME
    for spec in sheets:
        _write_sheet(wb, spec)
    try:
        with atomic_file(path, "w+b") as handle:
            # ExcelWriter rather than wb.save(): save() stamps the current time into the file.
            with _FixedTimeZip(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                ExcelWriter(wb, archive).write_data()
    finally:
        remove_sheet_files(wb)


def remove_sheet_files(wb: Workbook) -> None:
    """Remove the files a write-only workbook keeps its sheets in (openpyxl removes
    them only once a sheet is in the archive, or at exit)."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        out = getattr(writer, "out", None)
        if isinstance(out, str) and os.path.exists(out):
            with contextlib.suppress(OSError):
                os.remove(out)


def _string_cell(cell, text: str):
    """Give `cell` the text as a string (never a formula or an error value), with the
    quote prefix when Excel would re-read it as a formula once edited."""
    cell.value = xlsx_text(text)
    cell.data_type = "s"
    if is_formula_like(cell.value):
        cell.quotePrefix = True
    return cell


def text_cell(ws, text: str) -> object:
    """What to hand a write-only sheet for `text`: plain text as it is; text openpyxl
    would turn into a formula or an error value, or that Excel would re-read as a
    formula, as a cell typed as a string."""
    safe = xlsx_text(text)
    if safe and (safe[0] in STARTS or safe in ERROR_CODES):
        return _string_cell(WriteOnlyCell(ws, value=None), safe)
    return safe


def force_text(cell) -> None:
    """Make an ordinary cell holding text a string cell (see `text_cell`)."""
    if isinstance(cell.value, str):
        _string_cell(cell, cell.value)


def _write_sheet(wb: Workbook, spec: SheetSpec) -> None:
    part = 1
    ws = _new_sheet(wb, spec, spec.name, spec.row_count)
    written = 1
    for row in spec.rows:
        if written >= EXCEL_ROWS:
            part += 1
            remaining = (
                None if spec.row_count is None else spec.row_count - (EXCEL_ROWS - 1) * (part - 1)
            )
            ws = _new_sheet(wb, spec, f"{spec.name}({part})", remaining)
            written = 1
        colour = spec.row_fill(row) if spec.row_fill is not None else None
        if colour is None:
            ws.append([_cell(ws, v) for v in row])
        else:
            ws.append([_filled(ws, v, colour) for v in row])
        written += 1


def _new_sheet(wb: Workbook, spec: SheetSpec, name: str, rows: int | None):
    ws = wb.create_sheet(title=name)
    for i, width in enumerate(spec.widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(width, 4), 60) + 2
    ws.freeze_panes = "A2"
    if rows is not None and spec.columns:
        last = min(rows, EXCEL_ROWS - 1) + 1
        ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{last}"
    header = []
    for title in spec.columns:
        cell = _string_cell(WriteOnlyCell(ws, value=None), str(title))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGN
        header.append(cell)
    ws.append(header)
    return ws


def _cell(ws, value: object) -> object:
    value = exact_cell_value(value)
    if type(value) is str:
        return text_cell(ws, value)
    if isinstance(value, (datetime, date)):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def _filled(ws, value: object, colour: str):
    cell = _cell(ws, value)
    if not hasattr(cell, "fill"):  # a plain value, not a cell already styled
        cell = WriteOnlyCell(ws, value=cell)
    cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
    return cell


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose entries all carry one fixed time, so that writing the same
    report twice gives the same bytes."""

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
        info.compress_type = self.compression
        info.external_attr = 0o600 << 16
        return info

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        info = self._info(arcname or os.path.basename(filename))
        with open(filename, "rb") as src, self.open(info, "w", force_zip64=True) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
