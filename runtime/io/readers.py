"""Reading data files into rows of raw cells: .xlsx, .csv and .json.

A reader knows file formats and nothing about policies: it finds the header row,
and yields each later row as `(row number, values, number formats)`, row numbers as
the user sees them in their sheet (header = row 1 in a plain file).  Only xlsx
cells have number formats; CSV and JSON rows give None, so a million CSV rows cost
no per-cell object.  Reading is lazy and can be repeated — scoring reads a file
twice (batch averages first, then each unit), and a generator per pass keeps memory
flat however long the file is.

CSV can also be cut into blocks of whole records (`CsvTable.blocks`) that another
process parses with `csv_rows`: the reading process then only splits lines.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import operator
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..text.problems import DataFileError
from .normalise import UNIT_HEADERS, header_key
from .xlsx import DATA_SHEET as DATA_SHEET  # where templates and readers meet
from .xlsx import open_book, sheet_rows

#: How far down a sheet the header row may sit (title rows above it are skipped).
_HEADER_SEARCH_ROWS = 10

_CHUNK = 1 << 16


@dataclass(frozen=True)
class Cell:
    """One spreadsheet cell: its value and, for xlsx, its number format.

    The number format matters for one thing: a cell shown as `85%` holds 0.85."""

    value: object
    number_format: str = "General"


#: (row number, cell values, number formats or None when every cell is "General").
Row = tuple[int, Sequence[object], "Sequence[str] | None"]


class Table:
    """A data file opened for reading: its header and a re-iterable body."""

    def __init__(self, path: Path, header: Sequence[Cell], header_row: int, kind: str):
        self.path = path
        self.header = tuple(header)
        self.header_row = header_row
        self.kind = kind

    def rows(self) -> Iterator[Row]:  # pragma: no cover - overridden
        raise NotImplementedError


# ------------------------------------------------------------------------------- xlsx


class XlsxTable(Table):
    """A sheet read through `xlsx.sheet_rows`: bounded, and each row only as wide as
    the header (a filled cell further right is kept as one extra value)."""

    def rows(self) -> Iterator[Row]:
        wb, ws = open_book(self.path)
        try:
            width = max(len(self.header), 1)
            yield from sheet_rows(self.path, wb, ws, width=width, first=self.header_row + 1)
        finally:
            wb.close()


def _open_xlsx(path: Path) -> Table:
    wb, ws = open_book(path)
    try:
        found = None
        for number, cells, _ in sheet_rows(path, wb, ws, last=_HEADER_SEARCH_ROWS):
            values = list(cells)
            while values and not _filled(values[-1]):
                values.pop()
            if _looks_like_header(values) or (found is None and any(_filled(v) for v in values)):
                found = (number, tuple(Cell(v) for v in values))
                if _looks_like_header(values):
                    break
    finally:
        wb.close()
    if found is None:
        return XlsxTable(path, (), 1, "xlsx")
    return XlsxTable(path, found[1], found[0], "xlsx")


# -------------------------------------------------------------------------------- csv


class CsvTable(Table):
    def __init__(self, path: Path, header: Sequence[Cell], header_row: int, encoding: str):
        super().__init__(path, header, header_row, "csv")
        self.encoding = encoding

    def rows(self) -> Iterator[Row]:
        with open(self.path, encoding=self.encoding, newline="") as handle:
            yield from _csv_records(csv.reader(_with_end(handle)), 1, self.header_row, self.path)

    def blocks(self, size: int) -> Iterator[tuple[int, str]]:
        """The body as (first row number, text of up to `size` whole records).

        `csv_rows` on a block gives exactly the rows `rows()` gives for those records:
        a line without a quote is a record of its own (it cannot open a quoted field),
        so a batch of lines without any quote is cut into blocks as it is; a line with
        one is handed to `csv.reader`, which pulls just the lines its record spans —
        so a newline inside a quoted cell never splits a record."""
        with open(self.path, encoding=self.encoding, newline="") as handle:
            out = _BlockMaker(size, self.header_row)
            while batch := handle.readlines(_CHUNK * 4):
                if out.number >= self.header_row and not any('"' in line for line in batch):
                    yield from out.add_lines(batch)
                    continue
                try:
                    yield from out.add_records(batch, handle)
                except csv.Error as exc:
                    raise _csv_failure(self.path, exc) from exc
            yield from out.finish()


class _BlockMaker:
    """Cuts a CSV body into blocks of whole records, numbering records as csv.reader
    does (header rows are counted, then left out)."""

    def __init__(self, size: int, header_row: int):
        self.size = size
        self.header_row = header_row
        self.number = 0  # records seen
        self.first = header_row + 1  # the first record of the current block
        self.lines: list[str] = []
        self.records = 0  # records in the current block

    def add_lines(self, lines: list[str]) -> Iterator[tuple[int, str]]:
        """Lines that are one record each (none holds a quote)."""
        start = 0
        while start < len(lines):
            part = lines[start : start + self.size - self.records]
            start += len(part)
            self.lines.extend(part)
            self.records += len(part)
            self.number += len(part)
            if self.records == self.size:
                yield from self._cut()

    def add_records(self, batch: list[str], handle: Iterator[str]) -> Iterator[tuple[int, str]]:
        """The records that start in `batch`; the last may go on in `handle`."""
        taken: list[str] = []
        rest = iter(batch)

        def lines() -> Iterator[str]:
            for line in itertools.chain(rest, handle):
                taken.append(line)
                yield line

        source = lines()
        while operator.length_hint(rest):
            taken.clear()
            line = next(source)
            if '"' in line:  # pulls the rest of the record's lines into `taken`
                next(csv.reader(itertools.chain((line,), source)))
            self.number += 1
            if self.number <= self.header_row:
                continue
            self.lines.extend(taken)
            self.records += 1
            if self.records == self.size:
                yield from self._cut()

    def finish(self) -> Iterator[tuple[int, str]]:
        if self.lines:
            yield from self._cut()

    def _cut(self) -> Iterator[tuple[int, str]]:
        yield self.first, "".join(self.lines)
        self.first, self.lines, self.records = self.number + 1, [], 0


def csv_rows(first: int, block: str, path: Path) -> Iterator[Row]:
    """The rows of a block from `CsvTable.blocks`, numbered from `first`."""
    lines = _with_end(io.StringIO(block, newline=""))
    yield from _csv_records(csv.reader(lines), first, 0, path)


#: A line put after the end of a CSV text.  When every quote is closed it comes back
#: as a record of its own; after a quote that is never closed, `csv.reader` (which
#: does not complain at the end of the text) swallows it into the last cell along
#: with every line after the quote — so it tells an unclosed quote from a long cell.
_END = "\ue000xize: end of file\ue000"


def _with_end(lines: Iterable[str]) -> Iterator[str]:
    yield from lines
    yield _END + "\n"  # csv.reader takes each string as a line, ended or not


def _at_end(record: list[str], number: int, path: Path) -> bool:
    """Whether `record` is the end marker; raises when it was swallowed by a quote."""
    if record == [_END]:
        return True
    raise DataFileError("csv_unclosed_quote", path=str(path), row=number)


def _csv_records(
    records: Iterable[list[str]], first: int, header_row: int, path: Path
) -> Iterator[Row]:
    number = first - 1
    try:
        for record in records:
            number += 1
            if record and _END in record[-1] and _at_end(record, number, path):
                return
            if number > header_row:
                yield number, record, None
    except csv.Error as exc:
        raise _csv_failure(path, exc) from exc


def _csv_failure(path: Path, exc: csv.Error) -> DataFileError:
    return DataFileError("file_unreadable", path=str(path), reason=str(exc))


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as UTF-8, else GB18030.

    Chinese Excel saves "CSV" in GB18030 (GBK); a UTF-8 decode error anywhere in the
    file means it is not UTF-8.  The file is checked in chunks, so a large file costs a
    scan, not its size in memory."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    decoder = codecs.getincrementaldecoder("gb18030")()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise DataFileError("file_encoding", path=str(path)) from exc
    return "gb18030"


def _open_csv(path: Path) -> Table:
    encoding = detect_encoding(path)
    try:
        with open(path, encoding=encoding, newline="") as handle:
            reader = csv.reader(_with_end(handle))
            found = None
            for number, record in enumerate(reader, start=1):
                if number > _HEADER_SEARCH_ROWS:
                    break
                if record and _END in record[-1] and _at_end(record, number, path):
                    break
                if _looks_like_header(record) or (
                    found is None and any(_filled(v) for v in record)
                ):
                    found = (number, tuple(Cell(v) for v in record))
                    if _looks_like_header(record):
                        break
    except csv.Error as exc:
        raise DataFileError("file_unreadable", path=str(path), reason=str(exc)) from exc
    if found is None:
        return CsvTable(path, (), 1, encoding)
    return CsvTable(path, found[1], found[0], encoding)


# ------------------------------------------------------------------------------- json


class JsonTable(Table):
    """A JSON list of objects.  Row numbers are the objects' positions (1-based);
    the header is the union of keys in order of first appearance."""

    def __init__(self, path: Path, header: Sequence[Cell], records: list[dict]):
        super().__init__(path, header, 0, "json")
        self._records = records
        self._index = {c.value: i for i, c in enumerate(header)}

    def rows(self) -> Iterator[Row]:
        width = len(self.header)
        for number, record in enumerate(self._records, start=1):
            values: list[object] = [None] * width
            for key, value in record.items():
                values[self._index[key]] = value
            yield number, values, None


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object whose keys are all different (json would keep the last one)."""
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return record


def _open_json(path: Path) -> Table:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            # parse_float=Decimal: a JSON number like 0.1 stays exactly 0.1.
            data = json.load(handle, parse_float=Decimal, object_pairs_hook=_unique_keys)
    except UnicodeDecodeError as exc:
        raise DataFileError("file_encoding", path=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(
            "json_syntax", path=str(path), line=exc.lineno, column=exc.colno, reason=exc.msg
        ) from exc
    except _DuplicateKey as exc:
        raise DataFileError("json_duplicate_key", path=str(path), name=exc.key) from exc
    except RecursionError as exc:
        raise DataFileError("json_too_deep", path=str(path)) from exc
    except ValueError as exc:  # an integer past Python's 4300-digit limit for int()
        raise DataFileError("json_number", path=str(path)) from exc
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise DataFileError("json_shape", path=str(path))
    keys: dict[str, None] = {}
    for record in data:
        for key in record:
            keys.setdefault(str(key), None)
    records = [{str(k): v for k, v in r.items()} for r in data]
    return JsonTable(path, tuple(Cell(k) for k in keys), records)


# ---------------------------------------------------------------------------- parquet


class ParquetTable(Table):
    """A Parquet file read through pyarrow, a batch of rows at a time.  Row numbers are
    the rows' positions (1-based), as for JSON; the header is the schema's column
    names and `types` their Arrow types (as text)."""

    def __init__(self, path: Path, header: Sequence[Cell], types: Sequence[str]):
        super().__init__(path, header, 0, "parquet")
        self.types = tuple(types)

    def rows(self) -> Iterator[Row]:
        import pyarrow.parquet as pq

        number = 0
        try:
            with pq.ParquetFile(self.path) as handle:
                for batch in handle.iter_batches(batch_size=_PARQUET_BATCH):
                    for values in zip(*(c.to_pylist() for c in batch.columns), strict=True):
                        number += 1
                        yield number, values, None
        except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
            raise DataFileError("file_unreadable", path=str(self.path), reason=str(exc)) from exc


_PARQUET_BATCH = 8192


def _open_parquet(path: Path) -> Table:
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except (OSError, ValueError) as exc:
        raise DataFileError("file_unreadable", path=str(path), reason=str(exc)) from exc
    return ParquetTable(path, tuple(Cell(n) for n in schema.names), [str(t) for t in schema.types])


# ---------------------------------------------------------------------------- opening

READERS = {
    ".xlsx": _open_xlsx,
    ".xlsm": _open_xlsx,
    ".csv": _open_csv,
    ".json": _open_json,
    ".parquet": _open_parquet,
}


def open_table(path: str | Path) -> Table:
    """Open a data file by its extension; every failure is a DataFileError."""
    path = Path(path)
    opener = READERS.get(path.suffix.lower())
    if path.suffix.lower() in (".xls", ".et", ".wps"):
        raise DataFileError("file_old_excel", path=str(path))
    if opener is None:
        raise DataFileError("file_format", path=str(path), suffix=path.suffix or "—")
    if not path.exists():
        raise DataFileError("file_missing", path=str(path))
    if path.is_dir():
        raise DataFileError("file_is_dir", path=str(path))
    try:
        return opener(path)
    except PermissionError as exc:
        raise DataFileError("file_unreadable", path=str(path), reason=exc.strerror or "") from exc


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _looks_like_header(values: Sequence[object]) -> bool:
    return any(isinstance(v, str) and header_key(v) in UNIT_HEADERS for v in values)
