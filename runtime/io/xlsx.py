"""Reading an .xlsx sheet as rows, with bounded time and memory whatever the file.

An xlsx file is a zip of XML parts, and a hostile one is cheap to make: a 5 KB file
whose one row is numbered 1,000,000,000 (openpyxl pads every missing row), rows
with one cell in column XFD (openpyxl pads every row to it), or a shared-strings
part that inflates from 1 MB to gigabytes.  So before openpyxl sees the file:

- every part's declared size is checked (zip reading never inflates a part past
  its declared size, and a part whose data does not match fails its CRC check);
- the shared strings are counted in a streaming pass, capped;

and the sheet is read with openpyxl's streaming parser directly, not through its
padding row iterator: a row is only as wide as the columns the caller asked for,
missing rows cost nothing but their count, a row number past Excel's last row or
more stored cells than `MAX_CELLS` ends the reading with an error naming the file.

A formula cell that carries no cached result (usual for files written by scripts,
which do not calculate) is not read as blank — its value would silently become
the fact's default — but as `NoCachedValue`, which the cell reader refuses with an
error naming the cell.

The limits are documented in docs/guide.md (安全与数据完整性).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..text.problems import DataFileError

#: Excel's own limits.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384

#: Cells read from the sheet: those stored, and the empty ones a row is padded with
#: up to its last cell (Excel's grid holds 17 billion; a real data sheet a few million).
MAX_CELLS = 100_000_000

#: Strings in the shared-strings table (one per distinct text of the workbook).
MAX_SHARED_STRINGS = 5_000_000

#: Uncompressed size of the shared strings, and of any other part except sheets
#: (styles, workbook, relationships: read whole into memory by openpyxl).
MAX_STRINGS_BYTES = 512 << 20
MAX_PART_BYTES = 64 << 20

#: Uncompressed size of a worksheet part (streamed: costs time, not memory).
MAX_SHEET_BYTES = 4 << 30

#: How many times its packed size a part may unpack to (real sheets: 5 to 20 times;
#: a "zip bomb" a thousand), for parts above `RATIO_FROM` bytes.  Reading time is
#: proportional to the unpacked size, so this bounds it by the file's own size.
MAX_RATIO = 100
RATIO_FROM = 1 << 20

#: The sheet a template writes; read first when present, else the first sheet.
DATA_SHEET = "数据"

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW = f"{_MAIN}row"
_CELL = f"{_MAIN}c"


@dataclass(frozen=True)
class NoCachedValue:
    """A formula cell without a stored result: `=SUM(B2:D2)` in cell `E5`."""

    coordinate: str
    formula: str = ""

    def __str__(self) -> str:
        return f"={self.formula}" if self.formula else self.coordinate


def _failure(path: Path, reason: str) -> DataFileError:
    return DataFileError("file_unreadable", path=str(path), reason=reason)


def check_package(path: Path) -> None:
    """Refuse an xlsx whose parts would cost unbounded memory to read."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                name = info.filename.lower()
                if name.startswith("xl/worksheets/"):
                    limit = MAX_SHEET_BYTES
                elif name.endswith("sharedstrings.xml"):
                    limit = MAX_STRINGS_BYTES
                else:
                    limit = MAX_PART_BYTES
                if info.file_size > limit:
                    raise DataFileError(
                        "xlsx_too_large",
                        path=str(path),
                        part=info.filename,
                        size=_mib(info.file_size),
                        limit=_mib(limit),
                    )
                packed = max(info.compress_size, 1)
                if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * packed:
                    raise DataFileError(
                        "xlsx_ratio",
                        path=str(path),
                        part=info.filename,
                        ratio=info.file_size // packed,
                        limit=MAX_RATIO,
                    )
                if name.endswith("sharedstrings.xml"):
                    _count_strings(path, archive, info)
    except DataFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _failure(path, str(exc) or type(exc).__name__) from exc


def _mib(size: int) -> str:
    return f"{size / (1 << 20):.0f} MiB"


def _count_strings(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    from xml.etree.ElementTree import ParseError, iterparse

    count = 0
    try:
        with archive.open(info) as source:
            for _, element in iterparse(source):
                if element.tag == f"{_MAIN}si":
                    count += 1
                    element.clear()
                    if count > MAX_SHARED_STRINGS:
                        raise DataFileError(
                            "xlsx_too_many_strings", path=str(path), limit=MAX_SHARED_STRINGS
                        )
    except ParseError as exc:
        raise _failure(path, f"{info.filename}: {exc}") from exc


def open_book(path: Path):
    """The workbook (read-only) and its data sheet; every failure a DataFileError."""
    check_package(path)
    try:
        wb = _load(path)
    except DataFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure inside a corrupt package
        raise _failure(path, str(exc) or type(exc).__name__) from exc
    if not wb.worksheets:
        wb.close()
        raise _failure(path, "no worksheet")
    ws = wb[DATA_SHEET] if DATA_SHEET in wb.sheetnames else wb.worksheets[0]
    return wb, ws


def _load(path: Path):
    """openpyxl's `load_workbook(read_only=True, data_only=True)`, except that a sheet
    is not parsed up to its `<dimension>` on opening: that parse keeps whatever comes
    before the rows in memory, and the dimensions are not trusted anyway."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class Sheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:
            pass

    class Reader(ExcelReader):
        def read_worksheets(self) -> None:
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files or "chartsheet" in rel.Type:
                    continue
                ws = Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

    reader = Reader(path, read_only=True, keep_vba=False, data_only=True, keep_links=False)
    reader.read()
    return reader.wb


class _Formats:
    """Number formats by style id (what a cell shown as `85%` needs)."""

    def __init__(self, wb):
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

        self._styles = getattr(wb, "_cell_styles", None) or []
        self._custom = getattr(wb, "_number_formats", None) or []
        self._builtin = BUILTIN_FORMATS
        self._offset = BUILTIN_FORMATS_MAX_SIZE
        self._known: dict[int, str] = {0: "General"}

    def __call__(self, style_id: int) -> str:
        known = self._known.get(style_id)
        if known is None:
            known = "General"
            try:
                number = self._styles[style_id].numFmtId
                if number < self._offset:
                    known = self._builtin.get(number, "General")
                else:
                    known = self._custom[number - self._offset]
            except (IndexError, AttributeError, TypeError):
                pass
            self._known[style_id] = known
        return known


def sheet_rows(
    path: Path, wb, ws, width: int = MAX_COLUMNS, first: int = 1, last: int = MAX_ROWS
) -> Iterator[tuple[int, tuple, tuple | None]]:
    """(row number, values, number formats or None) of rows `first`..`last`, each
    cut to `width` columns; rows the file leaves out come as empty rows."""
    try:
        with ws._get_source() as source:
            yield from _rows(path, wb, ws, source, width, first, last)
    except DataFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - bad XML, CRC errors, bad references
        raise _failure(path, str(exc) or type(exc).__name__) from exc


def _rows(path: Path, wb, ws, source, width: int, first: int, last: int):
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser
    from openpyxl.xml.functions import iterparse

    class Parser(WorkSheetParser):
        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None:
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    cell["value"] = NoCachedValue(
                        element.get("r") or "", (formula.text or "").strip()
                    )
            return cell

    parser = Parser(
        None,
        ws._shared_strings,
        data_only=True,
        epoch=wb.epoch,
        date_formats=wb._date_formats,
        timedelta_formats=wb._timedelta_formats,
    )
    formats = _Formats(wb)
    cells = per_row = 0
    expected = first
    in_row = False
    # The elements now open.  Every element is taken out of the tree once it ends (a
    # row once it is read), so the tree never holds more than one row, whatever the
    # sheet holds besides its rows.
    open_elements: list = []
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start":
            open_elements.append(element)
            if element.tag == _ROW:
                in_row = True
                per_row = 0
            continue
        open_elements.pop()
        if not in_row:
            if open_elements:
                open_elements[-1].remove(element)
            continue
        tag = element.tag
        if tag == _CELL:
            per_row += 1
            if per_row > MAX_COLUMNS:
                raise _failure(path, f"a row has more than {MAX_COLUMNS} cells")
            continue
        if tag != _ROW:
            continue
        in_row = False
        number, row = parser.parse_row(element)
        if open_elements:
            open_elements[-1].remove(element)
        if number > MAX_ROWS:
            raise DataFileError("xlsx_row_limit", path=str(path), row=number, limit=MAX_ROWS)
        if number > last:
            return
        if number < expected:
            if number < first:
                continue
            raise _failure(path, f"row {number} appears twice or out of order")
        while expected < number:  # rows the file leaves out are empty rows
            yield expected, (), None
            expected += 1
        expected = number + 1
        values, styles = _cut(row, width, formats)
        cells += max(len(values), len(row))
        if cells > MAX_CELLS:
            raise DataFileError("xlsx_too_many_cells", path=str(path), limit=MAX_CELLS)
        yield number, values, styles


def _cut(row: list[dict], width: int, formats: _Formats) -> tuple[tuple, tuple | None]:
    """The values (and formats) of one parsed row, as a tuple `width` wide at most.

    A filled cell beyond `width` (right of the last header) is kept as one extra value
    at the end, so that a row holding only such cells is not taken for a blank row."""
    if not row:
        return (), None
    last = max(cell["column"] for cell in row)
    if last > MAX_COLUMNS:
        raise ValueError(f"column {last} is past Excel's last column")
    end = min(last, width)
    values: list[object] = [None] * end
    styles: list[str] | None = None
    beyond = None
    for cell in row:
        column = cell["column"]
        if column > end:
            if beyond is None and cell["value"] not in (None, ""):
                beyond = cell["value"]
            continue
        values[column - 1] = cell["value"]
        style = cell["style_id"]
        if style:
            if styles is None:
                styles = ["General"] * end
            styles[column - 1] = formats(style)
    if beyond is not None:
        values.append(beyond)
        if styles is not None:
            styles.append("General")
    return tuple(values), (tuple(styles) if styles is not None else None)
