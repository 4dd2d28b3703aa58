"""A dataset's rows as one DuckDB relation, read exactly as the Python readers read them.

`xize score --engine duckdb` hands the scoring to the policy's SQL query (the SQL
backend), which reads a facts table of text cells.  This module builds that table
in an embedded DuckDB (no server; extensions neither installed nor loaded):

- CSV is parsed by DuckDB itself (a GB18030 file is first re-encoded to UTF-8 in a
  temporary file), every cell as text; Parquet is read by DuckDB, each cell cast to
  text; .xlsx and .json go through the existing readers and `normalise.cell_value`,
  row by row, into Arrow.
- Each row gets its key (file index × 2^40 + the row number the Python readers
  give it), its unit name cleaned as `normalise.unit_name` cleans it, and a blank
  flag (`normalise.is_blank`).  Blank rows are left out and counted as the Python
  engine counts them (only before a later unit row of the same file); rows without
  a unit name are left to the Python engine (they are error rows there).

Where DuckDB would read a file differently from Python's csv module — an empty line
inside the data (DuckDB skips it, the row numbers would move), a row wider or
narrower than the header, a stray quote — `NotIdentical` says so, and the caller
scores with the Python engine instead.  Every query is built with sqlglot.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlglot import exp
from xize.compiler.backends import CLEAN_COLUMN, clean_columns, value_column

from ..io.dataset import Dataset
from ..io.normalise import NUMERIC_TYPES, CellProblem, cell_value, is_blank, numeral_text, unit_name
from ..io.readers import CsvTable, ParquetTable
from ..io.xlsx import NoCachedValue
from ..text.problems import Message

#: A row's key: file index << KEY_SHIFT | row number (row numbers stay below 2^40).
KEY_SHIFT = 40
KEY = "__xize_key__"
UNIT = "单位"


@functools.cache
def _space_class() -> str:
    """The characters str.strip() removes (U+3000 among them), for the unit name and
    the blank test; RE2's \\s knows only ASCII blanks.  Made when first used:
    scanning every code point takes some 50 ms."""
    return "[" + "".join(f"\\x{{{c:x}}}" for c in range(0x110000) if chr(c).isspace()) + "]"


_CHUNK = 1 << 20
#: The database file (in DuckDB's temporary folder) that holds the parsed CSV rows,
#: and its row groups' size (DuckDB's default): a parallel scan reads row groups.
_ROWS_DB = "_rows"
ROW_GROUP_ROWS = 122_880


class NotIdentical(Exception):
    """The data cannot be read by DuckDB exactly as the Python engine reads it."""

    def __init__(self, message: Message):
        super().__init__(message.key)
        self.message = message


#: DuckDB's memory for a run: past it, sorts and windows spill to a temporary folder,
#: so that a province's rows cost disk, not memory.
MEMORY_LIMIT = "512MB"


def connect(temp_dir: str | None = None):
    """An embedded DuckDB that never installs or loads an extension, keeps rows in
    input order, and spills to `temp_dir` beyond MEMORY_LIMIT."""
    import duckdb

    config = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "preserve_insertion_order": True,
        "memory_limit": MEMORY_LIMIT,
        # an IN list stays a test of each row: made into a join (DuckDB's in_clause
        # rewrite), it would let the rows of a parallel scan come out of order
        "disabled_optimizers": "in_clause",
    }
    if temp_dir is not None:
        config["temp_directory"] = temp_dir
    return duckdb.connect(config=config)


#: How long DuckDB may take to plan a query before the run is given to the Python engine.
PLAN_SECONDS = 20.0


def plan_within(con, queries: tuple[str, ...], seconds: float | None = None) -> None:
    """Plan each query (EXPLAIN) and give up after `seconds`, raising NotIdentical.

    DuckDB's optimizer can take minutes over the chain of stages of some policies —
    a 30-line policy over six rows took over four minutes, where planning usually
    takes a tenth of a second — and a query that cannot be planned in time is no
    reason to wait: the Python engine scores the same units in milliseconds."""
    import duckdb

    limit = PLAN_SECONDS if seconds is None else seconds
    for query in queries:
        timer = threading.Timer(limit, con.interrupt)
        timer.start()
        try:
            con.execute("EXPLAIN " + query).fetchall()
        except duckdb.InterruptException as exc:
            raise NotIdentical(
                Message("engine_duckdb_slow_plan", {"seconds": f"{limit:g}"})
            ) from exc
        finally:
            timer.cancel()


@contextlib.contextmanager
def guarded(source: Source, scoring) -> Iterator[None]:
    """A run in DuckDB: a DuckDB error (out of memory or disk, say) becomes NotIdentical,
    so that the Python engine scores; any failure closes the half-made `scoring`; the
    connection and its temporary files always go."""
    import duckdb

    try:
        yield
    except duckdb.Error as exc:
        scoring.close()
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise NotIdentical(Message("engine_duckdb_failed", {"reason": reason})) from exc
    except BaseException:
        scoring.close()
        raise
    finally:
        source.close()


def key_of(table: int, row: int) -> int:
    return (table << KEY_SHIFT) | row


def split_key(key: int) -> tuple[int, int]:
    return key >> KEY_SHIFT, key & ((1 << KEY_SHIFT) - 1)


@dataclass
class Source:
    """The relation `facts` in `con`: KEY, 单位 and one text column per fact (with
    `stored`, also the columns `clean_columns` gives, and a fact's text only where
    the row is not clean)."""

    con: object
    facts: tuple[str, ...]
    spill: str | None = None  # DuckDB's temporary folder
    stored: bool = False
    blank: int = 0  # blank rows that count (followed by a unit row in their file)
    no_unit: list[int] = field(default_factory=list)  # keys of rows left to Python
    _temps: list[str] = field(default_factory=list)

    def close(self) -> None:
        """Close the connection and remove every temporary file and folder."""
        with contextlib.suppress(Exception):
            self.con.close()
        for temp in self._temps:
            with contextlib.suppress(OSError):
                Path(temp).unlink()
        if self.spill is not None:
            shutil.rmtree(self.spill, ignore_errors=True)


def _col(name: str) -> exp.Column:
    return exp.Column(this=exp.to_identifier(name, quoted=True))


def _s(text: str) -> exp.Literal:
    return exp.Literal.string(text)


def _sql(tree: exp.Expression) -> str:
    return tree.sql(dialect="duckdb", identify=True)


def _text(column: exp.Expression) -> exp.Expression:
    return exp.Cast(this=column, to=exp.DataType.build("TEXT"))


def _stripped(text: exp.Expression) -> exp.Expression:
    """`text.replace("\u3000", " ").strip()` as str.strip does it."""
    pattern = f"^{_space_class()}+|{_space_class()}+$"
    return exp.RegexpReplace(
        this=text, expression=_s(pattern), replacement=_s(""), modifiers=_s("g")
    )


def _is_blank(cells: list[exp.Expression], likely: exp.Expression | None = None) -> exp.Expression:
    """`normalise.is_blank`: every cell NULL or only blanks — the cells joined (CONCAT
    skips NULLs) and matched once, rather than a match per cell.  A row whose cell
    `likely` (the unit's) holds anything but blanks is not blank: most rows are
    told so without joining their cells."""
    joined = exp.Anonymous(this="CONCAT", expressions=list(cells))
    blank = exp.RegexpLike(this=joined, expression=_s(f"^{_space_class()}*$"))
    if likely is None:
        return blank
    filled = exp.RegexpLike(this=likely, expression=_s(f"[^{_space_class()[1:]}"))
    return exp.Case(ifs=[exp.If(this=filled, true=exp.false())], default=blank)


def build(dataset: Dataset, temp_dir: str | None = None, policy=None):
    """The Source for `dataset` in a new connection; raises NotIdentical.

    With `policy` (its IR), for a query built with `stored=True`: each row is stored
    converted where it is clean — a flag and each fact's value (`clean_columns`),
    the texts only for the rows that are not — so that the scoring query neither
    matches nor parses the texts again (a CSV is converted once, as it is stored;
    other files as they are read)."""
    import duckdb

    spill = tempfile.mkdtemp(prefix="xize-duckdb-", dir=temp_dir)
    con = connect(spill)
    source = Source(con, tuple(f.name for f in dataset.facts), spill)
    source.stored = policy is not None and _clean_test(policy, dataset, 0) is not None
    try:
        rows = exp.Attach(
            this=exp.alias_(_s(str(Path(spill) / "rows.duckdb")), _ROWS_DB, quoted=True),
            expressions=[
                exp.AttachOption(
                    this=exp.var("ROW_GROUP_SIZE"), expression=exp.Literal.number(ROW_GROUP_ROWS)
                )
            ],
        )
        con.execute(_sql(rows))
        parts = []
        for index, (table, _) in enumerate(dataset.tables):
            view = f"_t{index}"
            stored = _clean_test(policy, dataset, index) if source.stored else None
            if isinstance(table, CsvTable):
                _csv_view(con, source, view, dataset, index, temp_dir, stored)
            elif isinstance(table, ParquetTable):
                _parquet_view(con, view, dataset, index, stored)
            else:
                _python_view(con, view, dataset, index, stored)
            parts.append(view)
        _facts_view(con, source, dataset, parts)
    except duckdb.Error as exc:
        source.close()
        reason = _first_line(exc)
        raise NotIdentical(Message("engine_differs_csv", {"reason": reason})) from exc
    except BaseException:
        source.close()
        raise
    return source


def _clean_test(policy, dataset: Dataset, index: int):
    """`clean_columns` over the texts c0, c1 … of table `index` (a fact without a
    column reads NULL), or None."""
    placed = dict((name, i) for i, name in dataset.tables[index][1].names)
    raw = {
        fact.name: _col(f"c{placed[fact.name]}")
        if fact.name in placed
        else exp.Cast(this=exp.Null(), to=exp.DataType.build("TEXT"))
        for fact in dataset.facts
    }
    return clean_columns(policy, raw)


def _stored_columns(count: int, values: list | None = None) -> list[exp.Expression]:
    """CLEAN_COLUMN and each fact's value column, over a relation that has
    CLEAN_COLUMN: the `values` of `clean_columns`, each taken only where the row is
    clean (a CASE: a cell that is not clean is never cast), or the columns of a
    table stored with them."""
    clean = _col(CLEAN_COLUMN)
    out = [exp.alias_(clean.copy(), CLEAN_COLUMN, quoted=True)]
    for i in range(count):
        value = (
            _col(value_column(i))
            if values is None
            else exp.Case(ifs=[exp.If(this=clean.copy(), true=values[i])])
        )
        out.append(exp.alias_(value, value_column(i), quoted=True))
    return out


def _with_clean(relation: exp.Select, test) -> exp.Select:
    """`relation` (columns c0, c1 …) with CLEAN_COLUMN, `clean_columns`' test."""
    return exp.select(exp.Star(), exp.alias_(test[0], CLEAN_COLUMN, quoted=True)).from_(
        exp.alias_(exp.Subquery(this=relation), "_w")
    )


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# ------------------------------------------------------------------------------- views


def _row_view(
    con,
    view: str,
    dataset: Dataset,
    index: int,
    relation: exp.Select,
    row: exp.Expression,
    unit: exp.Expression | None = None,
    blank: exp.Expression | None = None,
    stored: list[exp.Expression] | None = None,
    texts: dict[str, exp.Expression] | None = None,
) -> None:
    """view: KEY, 单位, each fact's text, _blank (and the `stored` columns) — over
    `relation` whose columns are c0, c1 … (every column of the file, as text) and
    `row` (the row number); `texts`: a fact's text read otherwise."""
    table, columns = dataset.tables[index]
    width = len(table.header)
    cells = [_col(f"c{i}") for i in range(width)]
    if unit is None or blank is None:
        named, empty = _unit_and_blank(dataset, index)
        unit = named if unit is None else unit
        blank = empty if blank is None else blank
    placed = dict((name, i) for i, name in columns.names)
    outputs = [
        exp.alias_(
            exp.Add(this=exp.Literal.number(index << KEY_SHIFT), expression=row), KEY, quoted=True
        ),
        exp.alias_(unit, UNIT, quoted=True),
    ]
    for fact in dataset.facts:
        where = placed.get(fact.name)
        value = (
            cells[where]
            if where is not None
            else exp.Cast(this=exp.Null(), to=exp.DataType.build("TEXT"))
        )
        if texts is not None:
            value = texts[fact.name]
        outputs.append(exp.alias_(value, fact.name, quoted=True))
    outputs.append(exp.alias_(blank, "_blank", quoted=True))
    outputs += stored or []
    select = exp.select(*outputs).from_(exp.alias_(exp.Subquery(this=relation), "_r"))
    con.execute(
        _sql(
            exp.Create(
                this=exp.to_table(view, quoted=True), kind="VIEW", expression=select, replace=True
            )
        )
    )


def _unit_and_blank(dataset: Dataset, index: int) -> tuple[exp.Expression, exp.Expression]:
    """A row's unit name as `normalise.unit_name` cleans it, and whether it is blank,
    over the columns c0, c1 … of table `index`."""
    table, columns = dataset.tables[index]
    width = len(table.header)
    cells = [_col(f"c{i}") for i in range(width)]
    named = columns.unit_index is not None and columns.unit_index < width
    unit = (
        exp.Coalesce(
            this=_stripped(
                exp.Replace(
                    this=cells[columns.unit_index], expression=_s("\u3000"), replacement=_s(" ")
                )
            ),
            expressions=[_s("")],
        )
        if named
        else _s("")
    )
    likely = cells[columns.unit_index].copy() if named else None
    return unit, (_is_blank(cells, likely) if cells else exp.true())


def _table_fn(cls, path: str, options: dict[str, object]) -> exp.Expression:
    """READ_CSV(path, name = value, …) / READ_PARQUET(…) as a sqlglot expression."""

    def value(v: object) -> exp.Expression:
        if isinstance(v, bool):
            return exp.Boolean(this=v)
        if isinstance(v, int):
            return exp.Literal.number(v)
        if isinstance(v, dict):
            return exp.Struct(
                expressions=[
                    exp.PropertyEQ(this=exp.to_identifier(k), expression=_s(str(t)))
                    for k, t in v.items()
                ]
            )
        return _s(str(v))

    args = [exp.EQ(this=exp.column(k), expression=value(v)) for k, v in options.items()]
    return exp.Table(this=cls(this=_s(path), expressions=args))


def _csv_view(
    con, source: Source, view: str, dataset: Dataset, index: int, temp_dir, typed=None
) -> None:
    table = dataset.tables[index][0]
    path = Path(table.path)
    if table.encoding.lower().replace("-", "").replace("_", "") == "gb18030":
        path = Path(_reencoded(path, table.encoding, temp_dir))
        source._temps.append(str(path))
    _check_lines(path, str(table.path))
    width = len(table.header)
    options = {
        "header": False,
        "skip": table.header_row,
        "all_varchar": True,
        "auto_detect": False,
        "strict_mode": True,
        "delim": ",",
        "quote": '"',
        "escape": '"',
        "columns": {f"c{i}": "VARCHAR" for i in range(width)},
    }
    # parsed once, in parallel, into a table (compressed, in DuckDB's temporary
    # folder) whose row ids are the records' order; every later pass reads it in
    # parallel — ROW_NUMBER() over the parse would keep each pass on one thread
    stored = exp.Table(
        this=exp.to_identifier(f"_csv{index}", quoted=True),
        db=exp.to_identifier(_ROWS_DB, quoted=True),
    )
    # the unit's name and the blank test made once, as the rows are stored
    unit, blank = _unit_and_blank(dataset, index)
    parsed = exp.select(
        exp.Star(), exp.alias_(unit, "_u", quoted=True), exp.alias_(blank, "_b", quoted=True)
    ).from_(_table_fn(exp.ReadCSV, str(path), options))
    texts = None
    if typed is not None:
        # converted as stored: the flag and values, and only where a row is not
        # clean its facts' texts, as one list (NULL for most rows: cheap to store)
        placed = dict((name, i) for i, name in dataset.tables[index][1].names)
        listed = [
            _col(f"c{placed[f.name]}")
            if f.name in placed
            else exp.Cast(this=exp.Null(), to=exp.DataType.build("TEXT"))
            for f in dataset.facts
        ]
        inner = exp.select(
            *[_col(f"c{i}") for i in sorted(set(placed.values()))],
            exp.alias_(unit, "_u", quoted=True),
            exp.alias_(blank, "_b", quoted=True),
            exp.alias_(typed[0], CLEAN_COLUMN, quoted=True),
        ).from_(_table_fn(exp.ReadCSV, str(path), options))
        kept = exp.Case(
            ifs=[exp.If(this=_col(CLEAN_COLUMN), true=exp.Null())],
            default=exp.Array(expressions=listed),
        )
        parsed = exp.select(
            _col("_u"),
            _col("_b"),
            *_stored_columns(len(listed), typed[1]),
            exp.alias_(kept, "_texts", quoted=True),
        ).from_(exp.alias_(exp.Subquery(this=inner), "_p"))
        texts = {
            f.name: exp.Anonymous(
                this="LIST_EXTRACT", expressions=[_col("_texts"), exp.Literal.number(k + 1)]
            )
            for k, f in enumerate(dataset.facts)
        }
    con.execute(_sql(exp.Create(this=stored.copy(), kind="TABLE", expression=parsed)))
    number = exp.alias_(
        exp.Add(this=exp.column("rowid"), expression=exp.Literal.number(1)), "_n", quoted=True
    )
    raw = exp.select(number, exp.Star()).from_(stored)
    row = exp.Add(this=_col("_n"), expression=exp.Literal.number(table.header_row))
    columns = _stored_columns(len(dataset.facts)) if typed is not None else None
    _row_view(con, view, dataset, index, raw, row, _col("_u"), _col("_b"), columns, texts)


def _parquet_view(con, view: str, dataset: Dataset, index: int, typed=None) -> None:
    table, columns = dataset.tables[index]
    options = {"file_row_number": True}
    read_csv_like = _table_fn(exp.ReadCSV, str(table.path), options).this
    fn = exp.Table(
        this=exp.Anonymous(
            this="READ_PARQUET", expressions=[read_csv_like.this, *read_csv_like.expressions]
        )
    )
    names = [c.value for c in table.header]
    kinds = dict(zip(names, table.types, strict=True))
    if columns.unit_index is not None:
        kind = kinds[names[columns.unit_index]]
        if not (
            kind.startswith("string")
            or kind.startswith("large_string")
            or kind.startswith("int")
            or kind.startswith("uint")
        ):
            args = {"path": str(table.path), "kind": kind}
            raise NotIdentical(Message("engine_differs_unit_type", args))
    cells = [
        exp.alias_(_text(exp.Column(this=exp.to_identifier(n, quoted=True))), f"c{i}")
        for i, n in enumerate(names)
    ]
    raw = exp.select(exp.column("file_row_number"), *cells).from_(fn)
    row = exp.Add(this=_col("file_row_number"), expression=exp.Literal.number(1))
    columns = None
    if typed is not None:
        raw, columns = _with_clean(raw, typed), _stored_columns(len(dataset.facts), typed[1])
    _row_view(con, view, dataset, index, raw, row, stored=columns)


def _python_view(con, view: str, dataset: Dataset, index: int, typed=None) -> None:
    """.xlsx and .json: read by the Python readers, each cell as `cell_value` gives it,
    written as text; a row whose cells the reader refuses gets no unit name, which
    leaves it to the Python engine (an error row there)."""
    import pyarrow as pa

    table, columns = dataset.tables[index]
    width = len(table.header)
    numeric = {f.name for f in dataset.facts if f.type in NUMERIC_TYPES}
    named = dict(columns.names)
    rows: list[int] = []
    units: list[str] = []
    blanks: list[bool] = []
    cells: list[list[str | None]] = [[] for _ in range(width)]
    for number, values, formats in table.rows():
        rows.append(number)
        blank = is_blank(values)
        blanks.append(blank)
        refused = False
        unit = ""
        for i in range(width):
            cell = values[i] if i < len(values) else None
            text = None
            if i == columns.unit_index:
                if isinstance(cell, NoCachedValue):
                    refused = True
                else:
                    unit = unit_name(cell)
            elif not blank:
                try:
                    shown = formats[i] if formats is not None and i < len(formats) else "General"
                    text = _value_text(cell_value(cell, shown))
                except CellProblem:
                    refused = True
                if text is not None and named.get(i) in numeric:
                    text = numeral_text(text)
            cells[i].append(text)
        units.append("" if refused else unit)
    arrays = {
        "_n": pa.array(rows, type=pa.int64()),
        "_u": pa.array(units, type=pa.string()),
        "_b": pa.array(blanks, type=pa.bool_()),
    }
    for i in range(width):
        arrays[f"c{i}"] = pa.array(cells[i], type=pa.string())
    # a table, not a registered Arrow object: the queries run on other cursors
    con.register("_arrow_in", pa.table(arrays))
    copy = exp.Create(
        this=exp.to_table(f"_arrow{index}", quoted=True),
        kind="TABLE",
        expression=exp.select(exp.Star()).from_(exp.to_table("_arrow_in", quoted=True)),
    )
    con.execute(_sql(copy))
    con.unregister("_arrow_in")
    raw = exp.select(exp.Star()).from_(exp.to_table(f"_arrow{index}", quoted=True))
    columns = None
    if typed is not None:
        raw, columns = _with_clean(raw, typed), _stored_columns(len(dataset.facts), typed[1])
    _row_view(con, view, dataset, index, raw, _col("_n"), _col("_u"), _col("_b"), columns)


def _value_text(value: object) -> str | None:
    """A cleaned cell value as the text the SQL query converts to the same value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _facts_view(con, source: Source, dataset: Dataset, views: list[str]) -> None:
    """`facts`: the rows with a unit name, in order; counts the blank rows that count
    and keeps the keys of rows without a unit name."""
    parts = [exp.select(exp.Star()).from_(exp.to_table(v, quoted=True)) for v in views]
    union = parts[0]
    for part in parts[1:]:
        union = exp.union(union, part, distinct=False)
    con.execute(
        _sql(
            exp.Create(
                this=exp.to_table("_all", quoted=True), kind="VIEW", expression=union, replace=True
            )
        )
    )
    key, unit, blank = _col(KEY), _col(UNIT), _col("_blank")
    file_of = exp.BitwiseRightShift(this=key, expression=exp.Literal.number(KEY_SHIFT))

    def only(aggregate: exp.Expression, cond: exp.Expression) -> exp.Expression:
        return exp.Filter(this=aggregate, expression=exp.Where(this=cond))

    nameless = exp.And(
        this=exp.Not(this=blank.copy()), expression=exp.EQ(this=unit.copy(), expression=_s(""))
    )
    # one read of the data for both: per file, its last row with a cell, its blank rows
    # and its rows without a unit name (few, in any real file)
    rows = (
        exp.select(
            only(exp.Max(this=key.copy()), exp.Not(this=blank.copy())),
            only(exp.Anonymous(this="LIST", expressions=[key.copy()]), blank.copy()),
            only(exp.Anonymous(this="LIST", expressions=[key.copy()]), nameless),
        )
        .from_("_all")
        .group_by(file_of)
    )
    source.blank = 0
    for last, blanks, unnamed in con.execute(_sql(rows)).fetchall():
        # blank rows count only before the file's last row with a cell (as Python reads)
        source.blank += sum(1 for k in blanks or () if last is not None and k < last)
        source.no_unit += unnamed or []
    source.no_unit.sort()
    extra = [_col(c.alias) for c in _stored_columns(len(source.facts))] if source.stored else []
    keep = (
        exp.select(key, unit, *[_col(n) for n in source.facts], *extra)
        .from_("_all")
        .where(exp.And(this=exp.Not(this=blank), expression=exp.NEQ(this=unit, expression=_s(""))))
    )
    con.execute(
        _sql(
            exp.Create(
                this=exp.to_table("facts", quoted=True), kind="VIEW", expression=keep, replace=True
            )
        )
    )


# ---------------------------------------------------------------------------- CSV text


def _reencoded(path: Path, encoding: str, temp_dir: str | None) -> str:
    """The file as UTF-8 in a temporary file (DuckDB reads UTF-8 only)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    handle = tempfile.NamedTemporaryFile(
        "wb", prefix="xize-", suffix=".csv", dir=temp_dir, delete=False
    )
    with handle, open(path, "rb") as raw:
        while chunk := raw.read(_CHUNK):
            handle.write(decoder.decode(chunk).encode("utf-8"))
        handle.write(decoder.decode(b"", final=True).encode("utf-8"))
    return handle.name


_EMPTY_LINE = re.compile(rb"\n\r?\n")
_FILLED = re.compile(rb"[^\r\n]")


def _check_lines(path: Path, shown: str) -> None:
    """Refuse a file with an empty line before its last record (DuckDB skips empty
    lines, Python's csv module counts them) or with a lone CR line end."""
    tail = b""
    seen_empty = False
    with open(path, "rb") as handle:
        first = True
        while chunk := handle.read(_CHUNK):
            text = tail + chunk
            if first:
                text = b"\n" + text.removeprefix(codecs.BOM_UTF8)  # an empty first line
                first = False
            if seen_empty and _FILLED.search(text):
                raise NotIdentical(Message("engine_differs_empty_line", {"path": shown}))
            found = _EMPTY_LINE.search(text)
            if found is not None:
                seen_empty = True
                if _FILLED.search(text, found.end()):
                    raise NotIdentical(Message("engine_differs_empty_line", {"path": shown}))
            body = text[:-1] if text.endswith(b"\r") else text  # its \n may come next
            if body.count(b"\r") != body.count(b"\r\n"):  # a CR not before LF
                raise NotIdentical(Message("engine_differs_cr", {"path": shown}))
            tail = text[-2:]
