"""Writing a scored batch to .xlsx, .csv or .json, chosen by the output's extension.

All three read the same tables (`report`) once, in order, so a large batch is
written as it is read back from its spools.  CSV is written UTF-8 with a BOM (what
Excel needs to open Chinese text correctly) with every text cell that a spreadsheet
would run as a formula neutralised (`text.safe.csv_cell`); JSON keeps numbers as
strings so that no reader turns an exact score into a float.  Every file is
written aside and put in place whole (`atomic`); the three files of a CSV report
are put in place together.  A character UTF-8 cannot encode (a lone surrogate from
a JSON escape) is written as its escape, so one cell never costs the report.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from xize.compiler.source import display_width

from ..batch.batch import Scoring
from ..io.csvtext import CsvTextSpool, text_cells, text_value
from ..io.spool import Encoded
from ..report.tables import ABOUT, DETAILS, DISQUALIFIED, ERRORS, STATUS_COLUMN, SUMMARY, VETOED
from ..text.safe import csv_row
from .atomic import Staged, atomic_file, staged

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
        spool = scoring.details
        written = getattr(scoring, "take_file", None)  # files DuckDB's lines made (sqlcsv)
        with staged(path, details, errors) as stage:
            if written is not None:
                stage.adopt(path, written("summary"))
                stage.adopt(details, written("details"))
            else:
                _write_csv(stage, path, scoring.summary.columns, scoring.summary_encoded())
                _write_csv(
                    stage,
                    details,
                    spool.columns,
                    spool if isinstance(spool, CsvTextSpool) else spool.encoded(),
                )
            _write_csv(stage, errors, scoring.errors.columns, scoring.errors.encoded())
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


def _write_csv(
    stage: Staged, path: Path, columns: Sequence[str], rows: Iterable[Encoded] | CsvTextSpool
) -> None:
    """One CSV file: the header, then the rows (or the text they were made into)."""
    with stage.open(
        path, "w", encoding="utf-8-sig", errors="backslashreplace", newline=""
    ) as handle:
        writer = csv.writer(handle)
        writer.writerow(csv_row(list(columns)))
        if isinstance(rows, CsvTextSpool):
            for text in rows.texts():
                handle.write(text)
        else:
            writer.writerows(text_cells(rows))


def _json_value(value: object) -> object:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return text_value(value)


def _need_rows(scoring: Scoring) -> None:
    if isinstance(scoring.details, CsvTextSpool):  # a programming error, never the user's
        raise ValueError("扣分明细 was kept as CSV text: it can only be written as CSV")


def _write_json(path: Path, scoring: Scoring, about: Sequence[tuple[str, object]]) -> None:
    _need_rows(scoring)

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

    with atomic_file(path, "w", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(
            "{\n  " + dump(ABOUT) + ": " + dump({str(k): _json_value(v) for k, v in about})
        )
        table(handle, SUMMARY, scoring.summary.columns, scoring.summary_rows())
        table(handle, DETAILS, scoring.details.columns, scoring.details)
        table(handle, ERRORS, scoring.errors.columns, scoring.errors)
        handle.write("\n}\n")
