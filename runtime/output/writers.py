"""Writing a scored batch to .xlsx, .csv or .json, chosen by the output's extension.

All three read the same tables (`report`) once, in order, so a large batch is
written as it is read back from its spools.  CSV is written UTF-8 with a BOM (what
Excel needs to open Chinese text correctly); JSON keeps numbers as strings so
that no reader turns an exact score into a float.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from xize.compiler.source import display_width

from ..batch.batch import Scoring
from ..io.csvtext import CsvTextSpool, text_cells, text_value
from ..io.spool import Encoded
from ..report.tables import ABOUT, DETAILS, DISQUALIFIED, ERRORS, STATUS_COLUMN, SUMMARY, VETOED

FORMATS = (".xlsx", ".csv", ".json")

#: 汇总 rows a reader must not miss, filled: a veto red, a disqualification amber.
STATUS_FILLS = {VETOED: "FFC7CE", DISQUALIFIED: "FFE699"}


def summary_fill(row: Sequence[object]) -> str | None:
    """The fill colour of a 汇总 row (None for a unit in good standing)."""
    return STATUS_FILLS.get(row[STATUS_COLUMN]) if len(row) > STATUS_COLUMN else None


def output_paths(path: Path) -> list[Path]:
    """Every file `write_report` creates for `path` (CSV writes three)."""
    if path.suffix.lower() == ".csv":
        return [path, *companion_csv(path)]
    return [path]


def companion_csv(path: Path) -> tuple[Path, Path]:
    """`结果.csv` → `结果-明细.csv`, `结果-错误.csv` beside it."""
    return (path.with_name(f"{path.stem}-明细.csv"), path.with_name(f"{path.stem}-错误.csv"))


def write_report(
    path: str | Path, scoring: Scoring, about: Sequence[tuple[str, object]]
) -> list[Path]:
    """Write the report; returns the files written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(path, scoring, about)
    elif suffix == ".csv":
        details, errors = companion_csv(path)
        _write_csv(path, scoring.summary.columns, scoring.summary_encoded())
        spool = scoring.details
        _write_csv(
            details, spool.columns, spool if isinstance(spool, CsvTextSpool) else spool.encoded()
        )
        _write_csv(errors, scoring.errors.columns, scoring.errors.encoded())
    elif suffix == ".json":
        _write_json(path, scoring, about)
    else:  # the command line checks the extension first
        raise ValueError(f"unsupported output format {suffix}")
    return output_paths(path)


def _write_xlsx(path: Path, scoring: Scoring, about: Sequence[tuple[str, object]]) -> None:
    _need_rows(scoring)
    from .workbook import SheetSpec, write_workbook  # openpyxl: imported only when needed

    about_widths = [max(display_width(str(k)) for k, _ in about), 60]
    write_workbook(
        path,
        [
            SheetSpec(
                SUMMARY,
                scoring.summary.columns,
                scoring.summary_rows(),
                scoring.summary.widths,
                scoring.summary.count,
                row_fill=summary_fill,
            ),
            SheetSpec(
                DETAILS,
                scoring.details.columns,
                scoring.details,
                scoring.details.widths,
                scoring.details.count,
            ),
            SheetSpec(
                ERRORS,
                scoring.errors.columns,
                scoring.errors,
                scoring.errors.widths,
                scoring.errors.count,
            ),
            SheetSpec(ABOUT, ("项目", "内容"), about, about_widths),
        ],
    )


def _write_csv(path: Path, columns: Sequence[str], rows: Iterable[Encoded] | CsvTextSpool) -> None:
    """One CSV file: the header, then the rows (or the text they were made into)."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            if isinstance(rows, CsvTextSpool):
                for text in rows.texts():
                    handle.write(text)
            else:
                writer.writerows(text_cells(rows))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _json_value(value: object) -> object:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return text_value(value)


def _need_rows(scoring: Scoring) -> None:
    if isinstance(scoring.details, CsvTextSpool):  # a programming error, never the user's
        raise ValueError("扣分明细 was kept as CSV text: it can only be written as CSV")


def _write_json(path: Path, scoring: Scoring, about: Sequence[tuple[str, object]]) -> None:
    _need_rows(scoring)
    tmp = path.with_name(f".{path.name}.part")

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    def table(handle, name: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        handle.write(f",\n  {dump(name)}: [")
        first = True
        for row in rows:
            record = {c: _json_value(v) for c, v in zip(columns, row, strict=False)}
            handle.write(("\n    " if first else ",\n    ") + dump(record))
            first = False
        handle.write("\n  ]" if not first else "]")

    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(
                "{\n  " + dump(ABOUT) + ": " + dump({str(k): _json_value(v) for k, v in about})
            )
            table(handle, SUMMARY, scoring.summary.columns, scoring.summary_rows())
            table(handle, DETAILS, scoring.details.columns, scoring.details)
            table(handle, ERRORS, scoring.errors.columns, scoring.errors)
            handle.write("\n}\n")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
