"""`xize score --engine duckdb -o 结果.csv`: DuckDB writes the report's text itself.

The summary and items queries of the SQL backend are wrapped in one more SELECT
each that makes every 汇总 and 扣分明细 row into the very line the Python writer
writes (`csv.writer` over `Layout.summary_row` / `detail_rows`, cells through
`text_cells` and `csv_cell`): decimals without trailing zeros, a text cell that a
spreadsheet would run as a formula behind a `'`, a cell with a comma, quote or
line break quoted, CRLF line ends.  The lines come back in Arrow batches and
their bytes go to the report's files as they are, without a Python object per
unit; what the terminal and 错误 need (counts, grades, the top and bottom units,
names seen twice, the rows SQL refused) is taken from small columns beside them.

With no report to write (no `-o`) the same query gives only the columns the terminal
shows (`queries(lines=False)`): the counts, grades, ranks and ends, and the rows SQL
refused, with no line of text made.

Only what can be written byte for byte the same takes this path (`eligible`):
a CSV report in input order (or none); CSV or Parquet data; facts that are 是否 or counts
(their values are written as 是/否 and whole numbers); no batch means; no outcome
other than 列为 (so 原因 is always empty).  Everything else is scored by
`sqlbatch`, which rebuilds each unit's Result in Python.  Rows that SQL calls
errors are read again and explained by the Python engine, as there.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path

from sqlglot import exp
from xize.compiler.backends import build_query, render_sql
from xize.compiler.ir import nodes as ir

from ..io.dataset import Dataset
from ..io.readers import CsvTable, ParquetTable
from ..report.tables import DETAIL_COLUMNS, NORMAL, VETOED, Layout
from ..text.fmt import value_text
from ..text.i18n import t
from ..text.problems import Message, Notice
from ..text.safe import STARTS, csv_row
from . import sqlsource
from .batch import Scoring
from .chunks import ChunkScorer
from .sqlbatch import CARRY, ITEMS_VIEW, _batches, _carry_views, _python_rows, inexact_clause
from .sqlsource import NotIdentical, split_key

__all__ = ["eligible", "score_to_csv"]

#: Units kept for the terminal's top and bottom tables (summary.SHOWN).
ENDS = 5
_PLAIN_NUMBER = r"^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?%?$"


def eligible(policy, dataset: Dataset, output: str | None, by_rank: bool) -> bool:
    """Whether DuckDB can write this report itself, byte for byte (see the module) —
    or, with no `output`, give the terminal its counts, grades and ends without a
    Python object per unit (the order of 汇总 is then nobody's: `by_rank` aside)."""
    if output is not None and (Path(output).suffix.lower() != ".csv" or by_rank):
        return False
    if policy.ir.averages or policy.ir.stats or inexact_clause(policy.ir) is not None:
        return False
    if policy.ir.quotas:  # a grade a quota moves is known only after every unit's total
        return False
    if not all(isinstance(table, (CsvTable, ParquetTable)) for table, _ in dataset.tables):
        return False
    if any(f.type not in ("bool", "count") for f in policy.ir.facts):
        return False
    for node in policy.ir.walk():
        for clause in node.clauses:
            for effect in (*getattr(clause, "then", ()), *getattr(clause, "otherwise", ())):
                if isinstance(effect, ir.Outcome) and effect.kind != "label":
                    return False
    return True


# ----------------------------------------------------------------------------- cells


def _s(text: str) -> exp.Literal:
    return exp.Literal.string(text)


def _col(name: str) -> exp.Column:
    return exp.Column(this=exp.to_identifier(name, quoted=True))


def _when(cond: exp.Expression, then: exp.Expression, other: exp.Expression) -> exp.Case:
    return exp.Case(ifs=[exp.If(this=cond, true=then)], default=other)


def _concat(parts: list[exp.Expression]) -> exp.Expression:
    """The texts joined, in one CONCAT (one string made, not one per `||`); every
    part here is a text that is never NULL.  A CONCAT among the parts gives its own
    parts (no string made for it alone), and literals side by side are one."""
    flat: list[exp.Expression] = []
    for part in parts:
        inner = part.expressions if _is_concat(part) else [part]
        for piece in inner:
            if _is_text(piece) and flat and _is_text(flat[-1]):
                flat[-1] = _s(flat[-1].this + piece.this)
            elif not (_is_text(piece) and piece.this == "" and len(parts) > 1):
                flat.append(piece)
    if not flat:
        return _s("")
    return flat[0] if len(flat) == 1 else exp.Anonymous(this="CONCAT", expressions=flat)


def _is_concat(e: exp.Expression) -> bool:
    return isinstance(e, exp.Anonymous) and e.name.upper() == "CONCAT"


def _is_text(e: exp.Expression) -> bool:
    return isinstance(e, exp.Literal) and e.is_string


def _fn(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def _formula_safe(text: exp.Expression) -> exp.Expression:
    """`csv_cell` of a non-NULL text: a `'` before a text that could start a formula,
    not before a plain number such as -2.5.  (CASE, so that the pattern is tested
    only for the few texts that start with such a character.)"""
    first = _fn("LEFT", text.copy(), exp.Literal.number(1))
    plain = exp.RegexpLike(this=text.copy(), expression=_s(_PLAIN_NUMBER))
    guarded = _when(plain, text.copy(), exp.DPipe(this=_s("'"), expression=text.copy()))
    return _when(exp.In(this=first, expressions=[_s(c) for c in STARTS]), guarded, text.copy())


def _quoted(text: exp.Expression) -> exp.Expression:
    """`csv.writer`'s minimal quoting of a text: quoted when it holds a comma, a quote
    or a line break, its quotes doubled."""
    special = [_fn("CONTAINS", text.copy(), _s(c)) for c in (",", '"', "\r", "\n")]
    needs = special[0]
    for other in special[1:]:
        needs = exp.Or(this=needs, expression=other)
    replaced = exp.Anonymous(this="REPLACE", expressions=[text.copy(), _s('"'), _s('""')])
    return _when(needs, _concat([_s('"'), replaced, _s('"')]), text.copy())


def _decimal_cell(value: exp.Expression, whole: bool = False, null: str = "") -> exp.Expression:
    """`decimal_text` of a DECIMAL: plain notation without trailing zeros; NULL reads
    `null`.  `whole`: the value is an integer (a DECIMAL of scale 0), whose text has
    no point."""
    text = exp.Cast(this=value, to=exp.DataType.build("TEXT"))
    shown = text
    if not whole:
        trimmed = _fn("RTRIM", _fn("RTRIM", text.copy(), _s("0")), _s("."))
        shown = _when(_fn("CONTAINS", text.copy(), _s(".")), trimmed, text)
    if _never_null(value):
        return shown
    return exp.Coalesce(this=shown, expressions=[_s(null)])


def _never_null(value: exp.Expression) -> bool:
    """A COALESCE ending in a literal (perhaps negated): its text needs no default."""
    while isinstance(value, (exp.Neg, exp.Paren)):
        value = value.this
    return isinstance(value, exp.Coalesce) and isinstance(value.expressions[-1], exp.Literal)


def _cell(text: str) -> str:
    """How `csv.writer` writes one text cell after `csv_cell` (a constant)."""
    out = io.StringIO()
    csv.writer(out).writerow(csv_row([text, ""]))
    return out.getvalue()[: -len(",\r\n")]


def header_line(columns) -> bytes:
    """The header as `_write_csv` writes it, with the UTF-8 BOM."""
    out = io.StringIO()
    csv.writer(out).writerow(csv_row(list(columns)))
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


# ---------------------------------------------------------------------------- queries


def _template(key: str, lang: str, values: dict[str, exp.Expression]) -> list:
    """t(key) as parts: its literal pieces (str) and each {name} filled by the SQL
    text of a number (which holds digits, `.` and `-` only)."""
    marks = {name: f"\x00{name}\x00" for name in values}
    text = t(key, lang, **marks)
    parts: list = []
    for i, piece in enumerate(text.split("\x00")):
        if i % 2:
            parts.append(values[piece].copy())
        elif piece:
            parts.append(piece)
    return parts


def _text_cell(parts: list) -> exp.Expression:
    """The CSV cell (`csv_cell`, then `csv.writer`'s quoting) of a text made of literal
    pieces (str) and numbers' texts, decided here from the pieces where they decide
    it: a number holds no comma, quote or line break, so the quoting depends on the
    literals alone, and a text whose first piece is a literal not starting as a
    formula can get no `'`.  Otherwise (a number first, a `-` perhaps) the test is
    made on the row's text."""
    merged: list = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif not (isinstance(part, str) and part == ""):
            merged.append(part)
    if not merged:
        return _s("")
    if all(isinstance(part, str) for part in merged):
        return _s(_cell("".join(merged)))
    if not isinstance(merged[0], str) or merged[0][0] in STARTS:
        text = _concat([_s(p) if isinstance(p, str) else p for p in merged])
        return _quoted(_formula_safe(text))
    if any(c in part for part in merged if isinstance(part, str) for c in ',"\r\n'):
        merged = ['"', *[p.replace('"', '""') if isinstance(p, str) else p for p in merged], '"']
    return _concat([_s(p) if isinstance(p, str) else p for p in merged])


def _stage(table: exp.Select, alias: str, columns: list[exp.Expression]) -> exp.Select:
    return exp.select(*columns, copy=False).from_(
        exp.alias_(exp.Subquery(this=table), alias, copy=False), copy=False
    )


def _note(item: tuple, k: int, lang: str, uncapped: bool, whole: set[str]) -> exp.Expression:
    """备注 of item k as `ItemWords.note` words it, as a finished CSV cell (for a
    fired item).  `uncapped`: its 原始 is its 应扣 (no cap of its own); `whole`: the
    columns that hold integers."""
    _, _, _, _, kind, note = item
    if kind == "结果":
        return _text_cell([note or ""])
    raw, nominal, applied = (exp.column(f"_{c}{k}") for c in "rna")

    def number(c: exp.Column) -> exp.Expression:  # `_n`: None reads 0
        return _decimal_cell(c.copy(), c.name in whole, null="0")

    n = {"raw": number(raw), "nominal": number(nominal), "applied": number(applied)}
    capped = exp.false() if uncapped else exp.GT(this=raw.copy(), expression=nominal.copy())
    cut = exp.LT(this=applied.copy(), expression=nominal.copy())
    sep = t("list_sep", lang)
    if kind == "加分":
        told = _when(
            cut.copy(),
            _text_cell(
                _template(
                    "amount_bonus_cut", lang, {"nominal": n["nominal"], "applied": n["applied"]}
                )
            ),
            _text_cell(_template("amount_bonus", lang, {"applied": n["applied"]})),
        )
    else:
        cap = _template("amount_clause_cap", lang, {"raw": n["raw"], "nominal": n["nominal"]})
        budget = _template("amount_budget_cut", lang, {"applied": n["applied"]})
        due = _template("amount_due", lang, {"nominal": n["nominal"]})
        if uncapped:  # only the item's points running out has a story
            return _when(cut, _text_cell([*due, sep, *budget]), _text_cell([note or ""]))
        both = exp.And(this=capped.copy(), expression=cut.copy())
        told = exp.Case(
            ifs=[
                exp.If(this=both, true=_text_cell([*cap, sep, *budget])),
                exp.If(this=capped.copy(), true=_text_cell(cap)),
            ],
            default=_text_cell([*due, sep, *budget]),
        )
    story = exp.Coalesce(this=exp.Or(this=capped, expression=cut), expressions=[exp.false()])
    return _when(story, told, _text_cell([note or ""]))


def _inputs(item: tuple, clauses: dict, facts: dict, lang: str, whole: set[str]) -> exp.Expression:
    """所用数据 of item k as one finished CSV cell: `name = value` joined by ；.  Only
    the names can hold what a CSV cell must quote or start a formula with (a value
    is 是/否 or digits), so how the cell is written is decided here."""
    clause = clauses.get(item[2])
    names = [n for n in clause.inputs if n in facts] if clause is not None else []
    if not names:
        return _s("")
    words = (value_text(True, "bool", lang), value_text(False, "bool", lang))
    pieces: list[str | exp.Expression] = []
    for name in names:
        value = exp.column(f"值:{name}", quoted=True)
        shown = (
            _when(value, _s(words[0]), _s(words[1]))
            if facts[name].type == "bool"
            else _decimal_cell(value, f"值:{name}" in whole)
        )
        pieces += (["；"] if pieces else []) + [f"{name} = ", shown]
    first = names[0]
    lead = "'" if first[:1] in STARTS else ""
    quote = any(c in name for name in names for c in ',"\r\n')
    if quote:
        pieces = [p.replace('"', '""') if isinstance(p, str) else p for p in pieces]
        lead = '"' + lead
    parts = [_s(p) if isinstance(p, str) else p for p in [lead, *pieces] if p != ""]
    if quote:
        parts.append(_s('"'))
    return _concat(parts)


def summary_query(policy, layout: Layout) -> exp.Select:
    """The summary query (over the view carrying each row's key as 行), one row per
    unit in input order with: 行 (the key), 错误 (NULL when scored), 单位, 总分, 等次,
    `_grp` and `_tot` (what it is ranked by: `Ranks`), 状态 (as shown), `_line` and
    `_tail` (its 汇总 line before and after 排名) and `_items` (its 扣分明细 lines, in
    序号 order).

    Built in stages so that no expression is written twice: the texts that come
    from the data (the unit's name; its grade, status and labels) made formula-safe
    (`csv_cell`), then quoted, then every line joined — a fired item's line in one
    CASE branch, made only for the units where it fired, its note and 所用数据
    already finished cells (`_text_cell`, `_inputs`: what they must quote or guard
    is known from the policy); decimals of scale 0 written as they are."""
    inner = build_query(
        policy.ir,
        ITEMS_VIEW,
        row_column=CARRY,
        dialect="duckdb",
        values=True,
        ranks=False,
        stored=True,
    )
    inner.set("order", None)  # the rows stream in input order: no join, no sort
    items = inner.meta["items"]
    lang = layout.lang
    facts = {f.name: f for f in policy.ir.facts}
    clauses = {c.id: c for node in policy.ir.walk() for c in node.clauses}
    selected = {e.alias_or_name: e for e in inner.expressions}
    whole = {name for name, e in selected.items() if _decimal_scales(e) == {0}}
    for name in whole:  # written as text only: the integers as the chain made them
        e = selected[name]
        if name[:2] in ("_n", "_a", "_r", "值:") and isinstance(e.this, exp.Cast):
            e.set("this", e.this.this)

    def number(name: str, value: exp.Expression | None = None) -> exp.Expression:
        return _decimal_cell(_col(name) if value is None else value, name in whole)

    status = _when(
        exp.And(
            this=exp.EQ(this=_col("状态"), expression=_s(NORMAL)),
            expression=exp.Coalesce(this=_col("一票否决"), expressions=[exp.false()]),
        ),
        _s(VETOED),
        _col("状态"),
    )
    keep = [_col(c) for c in ("行", "错误", "单位", "总分", "等次", "_grp", "_tot")]
    texts = {"_t0": _col("单位"), "_t1": _col("等次"), "_t2": status, "_t3": _col("标签")}
    numbers = {"_d0": number("总分")}
    numbers.update({f"_d{2 + i}": number(c.title) for i, c in enumerate(layout.nodes)})
    # what the items' lines read, carried to the last stage as it is
    carried = []
    for k in range(len(items)):
        carried += [f"_f{k}", f"_n{k}", f"_a{k}"]
        if selected[f"_r{k}"].this != selected[f"_n{k}"].this:
            carried.append(f"_r{k}")
    for name in facts:
        if f"值:{name}" in selected:
            carried.append(f"值:{name}")
    first = _stage(
        inner,
        "_q",
        [
            *keep,
            exp.alias_(status.copy(), "状态", quoted=True, copy=False),
            *[
                exp.alias_(exp.Coalesce(this=e, expressions=[_s("")]), n, copy=False)
                for n, e in texts.items()
            ],
            *[exp.alias_(e, n, copy=False) for n, e in numbers.items()],
            *[_col(c) for c in carried],
        ],
    )
    ahead = [*[c.copy() for c in keep], _col("状态")]
    second = _stage(
        first,
        "_a",
        [
            *ahead,
            *[exp.alias_(_formula_safe(exp.column(n)), n, copy=False) for n in texts],
            *[exp.column(n) for n in numbers],
            *[_col(c) for c in carried],
        ],
    )
    third = _stage(
        second,
        "_b",
        [
            *[c.copy() for c in ahead],
            *[exp.alias_(_quoted(exp.column(n)), n, copy=False) for n in texts],
            *[exp.column(n) for n in numbers],
            *[_col(c) for c in carried],
        ],
    )
    # the line in two halves around 排名, which is known only once every unit is
    # scored: `_summary` joins them with each unit's rank (`Ranks`)
    head = [exp.column("_t0"), exp.column("_d0"), exp.column("_t1"), _s("")]
    cells = [
        exp.column("_t2"),
        _s(""),  # 原因: no veto, disqualification or grade limit (`eligible`)
        exp.column("_t3"),
        *[exp.column(f"_d{2 + i}") for i in range(len(layout.nodes))],
    ]
    lines = []
    for k, item in enumerate(items):
        path, line, _, text, kind, _ = item
        amounts = []
        for name in (f"_n{k}", f"_a{k}"):
            value = exp.Coalesce(this=exp.column(name), expressions=[exp.Literal.number(0)])
            if kind == "加分":
                value = exp.Neg(this=exp.Paren(this=value))
            amounts.append(number(name, value))
        constant = ",".join(["", _cell(layout._label(path)), _cell(text), str(line), ""])
        row = [
            exp.column("_t0"),
            _s(constant),
            _inputs(item, clauses, facts, lang, whole),
            _s(","),
            amounts[0],
            _s(","),
            amounts[1],
            _s(f",{_cell(kind)},"),
            _note(item, k, lang, f"_r{k}" not in carried, whole),
            _s("\r\n"),
        ]
        lines.append((exp.column(f"_f{k}"), _concat(row)))
    query = _stage(
        third,
        "_c",
        [
            *[c.copy() for c in ahead],
            exp.alias_(_concat(_joined(head)[:-1]), "_line", copy=False),
            exp.alias_(_concat([_s(","), *_joined(cells)]), "_tail", copy=False),
            exp.alias_(_fired(lines), "_items", copy=False),
        ],
    )
    return query


#: Items per block of `_fired`: a unit has few fired items, so most blocks are
#: passed over by one test of their items' flags.
BLOCK_ITEMS = 4


def _fired(lines: list[tuple[exp.Expression, exp.Expression]]) -> exp.Expression:
    """The lines of the fired items, in order: (flag, line) pairs, each line made
    only where its flag holds — tested by blocks of BLOCK_ITEMS first (one CASE per
    block rather than one per item for the rows where none of them fired)."""
    if not lines:
        return _s("")

    def one(flag: exp.Expression, line: exp.Expression) -> exp.Expression:
        return _when(flag, line, _s(""))

    parts = []
    for start in range(0, len(lines), BLOCK_ITEMS):
        block = lines[start : start + BLOCK_ITEMS]
        if len(block) == 1:
            parts.append(one(*block[0]))
            continue
        flags = [flag.copy() for flag, _ in block]
        any_fired = flags[0]
        for flag in flags[1:]:
            any_fired = exp.Or(this=any_fired, expression=flag)
        inner = exp.Anonymous(this="CONCAT", expressions=[one(f, line) for f, line in block])
        parts.append(_when(any_fired, inner, _s("")))
    return parts[0] if len(parts) == 1 else exp.Anonymous(this="CONCAT", expressions=parts)


def _decimal_scales(e: exp.Expression) -> set[int]:
    """The scales of the DECIMAL types in an expression (DECIMAL(38, 0) only: a
    whole number, whose text has no point)."""
    found = set()
    for dt in e.find_all(exp.DataType):
        if dt.this == exp.DataType.Type.DECIMAL:
            params = dt.expressions
            found.add(int(params[1].this.this) if len(params) > 1 else -1)
    return found


def _joined(cells: list[exp.Expression]) -> list[exp.Expression]:
    """The parts of a CSV line of the cells: commas between, CRLF at the end."""
    parts: list[exp.Expression] = []
    for cell in cells:
        if parts:
            parts.append(_s(","))
        parts.append(cell)
    parts.append(_s("\r\n"))
    return parts


# --------------------------------------------------------------------------- scoring


class _Ends:
    """The ranked units' 汇总 positions best first, as `summary_view` reads them:
    its length, its first ENDS and its last ENDS (the middle is never asked for)."""

    def __init__(self, count: int, top: list[int], bottom: list[int]):
        self._count, self._top, self._bottom = count, top, bottom

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int | slice):
        if isinstance(index, slice):
            return [self[i] for i in range(self._count)[index]]
        if index < 0:
            index += self._count
        if index < len(self._top):
            return self._top[index]
        back = index - (self._count - len(self._bottom))
        if 0 <= back < len(self._bottom):
            return self._bottom[back]
        raise IndexError(index)

    def __iter__(self) -> Iterator[int]:  # pragma: no cover - summary_view slices
        raise TypeError("only the ends of the order are kept")


class CsvScoring(Scoring):
    """A Scoring whose 汇总 and 扣分明细 are already CSV files (`bodies`: temporary
    files in the report's folder, header and all), made from DuckDB's lines; 错误,
    the counts and the notices are as usual."""

    def __init__(self, layout: Layout):
        super().__init__(layout, details_csv=True)
        self.bodies: dict[str, str] = {}  # "summary"/"details" → a file of lines
        self.kept: dict[int, tuple] = {}  # 汇总 position → row, for the terminal

    def rows_at(self, positions: set[int]) -> dict[int, tuple]:
        return {p: self.kept[p] for p in positions}

    def take_file(self, which: str) -> str:
        """The finished file ("summary" or "details"), now the caller's to put in place."""
        return self.bodies.pop(which)

    def close(self) -> None:
        super().close()
        for path in self.bodies.values():
            try:
                os.unlink(path)
            except OSError:
                pass
        self.bodies = {}


#: What ranks a unit and what the terminal shows of it, kept (spooled) until every unit
#: is counted — with its 汇总 line's halves when a report is written.
_RANKED = ("_grp", "_tot", "单位", "总分", "等次", "状态")
#: What the terminal needs of each unit when no report is written (`queries(lines=False)`).
_COUNTED = ("行", "错误", *_RANKED)


def queries(policy, layout: Layout, lines: bool = True) -> str:
    """The query giving each unit's lines; raises SqlUnsupported.  Without `lines`, only
    the columns the terminal needs: DuckDB drops the texts no column asks for, so the
    units are scored without their report's lines being made."""
    query = summary_query(policy, layout)
    if not lines:
        query = exp.select(*[_col(c) for c in _COUNTED]).from_(
            exp.alias_(exp.Subquery(this=query), "_u", copy=False), copy=False
        )
    return render_sql(query, "duckdb", pretty=False, copy=False)


def score_to_csv(
    policy,
    dataset: Dataset,
    layout: Layout,
    output: str | None,
    progress: Callable[[int], None] | None = None,
    sql: str | None = None,
) -> CsvScoring:
    """Score every unit in DuckDB, its 汇总 and 扣分明细 lines written by DuckDB to
    temporary files beside `output`; raises NotIdentical (score another way then).
    With no `output`, no line is made: the counts, grades, ranks and ends the
    terminal shows, and the 错误 rows, as with one (`sql` then `queries(lines=False)`)."""
    import pyarrow.compute as pc

    scorer = ChunkScorer(policy, dataset, layout)
    query = sql or queries(policy, layout, lines=output is not None)
    source = sqlsource.build(dataset, policy=policy.ir)  # the query reads it `stored`
    scoring = CsvScoring(layout)
    with sqlsource.guarded(source, scoring):
        _carry_views(source)
        sqlsource.plan_within(source.con, (query,))
        if output is not None:
            folder = str(Path(output).parent) or "."
            for which in ("summary", "details"):
                fd, path = tempfile.mkstemp(
                    prefix=f".{Path(output).name}.", suffix=".part", dir=folder
                )
                os.close(fd)
                scoring.bodies[which] = path
        errors = _summary(source, query, scoring, dataset, progress, pc)
        _python_rows(scorer, scoring, sorted(errors + source.no_unit), None, None, progress)
    scoring.tally.blank += source.blank
    return scoring


def _write(handle, lines) -> None:
    """The bytes of a string array of whole lines, as they are (no object per line)."""
    import pyarrow as pa

    count = len(lines)
    if count == 0:
        return
    if lines.null_count:  # a cell the query could not write: never a missing line
        raise NotIdentical(Message("engine_duckdb_failed", {"reason": "NULL line"}))
    if lines.type not in (pa.string(), pa.large_string()):
        handle.write("".join(lines.to_pylist()).encode("utf-8"))
        return
    _, offsets, data = lines.buffers()
    view = memoryview(offsets).cast("i" if lines.type == pa.string() else "q")
    handle.write(memoryview(data)[view[lines.offset] : view[lines.offset + count]])


class Ranks:
    """Each unit's 排名 from the count of units per (rank group, total): as RANK()
    over each group by total, highest first, the vetoed group (1) ranked after
    every clear unit (group 0); group 2 (errors, disqualified) is not ranked."""

    def __init__(self, counts: list[tuple]):
        counted: dict[int, dict] = {}
        for group, total, number in counts:
            counted.setdefault(group, {})[total] = number
        clear = sum(counted.get(0, {}).values())
        self.tables: dict[int, tuple[list, list[int]]] = {}
        for group in (0, 1):
            totals = sorted(counted.get(group, {}), reverse=True)
            ranks, above = [], 1 + (clear if group == 1 else 0)
            for total in totals:
                ranks.append(above)
                above += counted[group][total]
            self.tables[group] = (totals, ranks)

    def of(self, groups, totals, pa, pc):
        """The ranks of a batch's units (an Arrow int64 array, null where unranked)."""
        ranks = pa.nulls(len(groups), pa.int64())
        for group, (keys, values) in self.tables.items():
            if not keys:
                continue
            place = pc.index_in(totals, value_set=pa.array(keys, type=totals.type))
            found = pc.take(pa.array(values, type=pa.int64()), place)
            ranks = pc.if_else(pc.equal(groups, group), found, ranks)
        return ranks


#: What the 汇总 lines need once every unit is ranked, kept meanwhile in a file.
_SPOOLED = ("_line", "_tail", *_RANKED)
#: Units gathered before they are spooled and counted: Arrow's group-by and a record
#: batch cost about the same per call whatever their rows (a few ms), so they are
#: paid per 64k units rather than per fetched batch of 8k.
GATHER_ROWS = 1 << 16


def _summary(source, query: str, scoring: CsvScoring, dataset: Dataset, progress, pc) -> list[int]:
    """Write the 扣分明细 lines and then the 汇总 lines; count, rank ends and names;
    returns the keys SQL refused.

    The query runs once.  A unit's rank is known only when every unit is scored,
    so its 汇总 line waits, in two halves with what ranks it, in an Arrow file in
    DuckDB's temporary folder, while the units are counted per (rank group,
    total); then the halves are joined around each unit's 排名 (`Ranks`)."""
    import pyarrow as pa

    tally = scoring.tally
    lines = "details" in scoring.bodies  # else the terminal's columns only (`_COUNTED`)
    spooled = list(_SPOOLED if lines else _RANKED)
    errors: list[int] = []
    counted: dict[tuple, int] = {}
    last = -1
    spool = str(Path(source.spill) / "summary.arrow")
    writer = None
    gathered: list = []  # the spooled columns of units not yet counted and spooled
    size = 0

    def flush() -> None:
        """Spool and count the gathered units in one record batch and one group-by."""
        nonlocal writer, gathered, size
        if not gathered:
            return
        table = pa.Table.from_batches(gathered).combine_chunks()
        if writer is None:
            writer = pa.ipc.new_file(spool, table.schema)
        writer.write_table(table)
        groups = table.select(["_grp", "_tot"]).group_by(["_grp", "_tot"])
        for row in groups.aggregate([([], "count_all")]).to_pylist():
            key = (row["_grp"], row["_tot"])
            counted[key] = counted.get(key, 0) + row["count_all"]
        gathered, size = [], 0

    try:
        with open(scoring.bodies["details"], "wb") if lines else nullcontext() as details:
            if lines:
                details.write(header_line(DETAIL_COLUMNS))
            for batch in _batches(source.con, query):
                keys = batch.column("行")
                if len(keys) == 0:
                    continue
                if pc.min(keys).as_py() <= last or not _increasing(keys, pc):
                    raise NotIdentical(Message("engine_duckdb_failed", {"reason": "order"}))
                last = pc.max(keys).as_py()
                failed = pc.is_valid(batch.column("错误"))
                if pc.any(failed).as_py():
                    errors += pc.filter(keys, failed).to_pylist()
                    batch = batch.filter(pc.invert(failed))
                count = batch.num_rows
                if count == 0:
                    continue
                if lines:
                    _write(details, batch.column("_items"))
                gathered.append(batch.select(spooled))
                size += count
                if size >= GATHER_ROWS:
                    flush()
                tally.rows_in += count
                tally.scored += count
                for status, number in _counts(batch.column("状态"), pc):
                    tally.statuses[NORMAL if status == VETOED else status] += number
                    if status == VETOED:
                        tally.vetoed += number
                for grade, number in _counts(batch.column("等次"), pc):
                    if grade:
                        tally.grades[grade] += number
                if progress is not None:
                    progress(count)
            flush()
    finally:
        if writer is not None:
            writer.close()
    ranking = Ranks([(g, t, n) for (g, t), n in counted.items()])
    top: list[tuple] = []  # (rank, position, row)
    bottom: list[tuple] = []
    ranked = position = 0
    with open(scoring.bodies["summary"], "wb") if lines else nullcontext() as handle:
        if lines:
            handle.write(header_line(scoring.layout.summary_columns))
        if writer is not None:
            # read, not mapped: a mapped file's pages would count in the resident
            # memory (about 150 bytes a unit) until the kernel drops them
            with pa.OSFile(spool, "rb") as stored:
                kept = pa.ipc.open_file(stored)
                for i in range(kept.num_record_batches):
                    batch = kept.get_batch(i)
                    ranks = ranking.of(batch.column("_grp"), batch.column("_tot"), pa, pc)
                    if lines:
                        shown = pc.fill_null(pc.cast(ranks, pa.string()), "")
                        line = pc.binary_join_element_wise(
                            batch.column("_line"), shown, batch.column("_tail"), ""
                        )
                        _write(handle, line)
                    ranked += len(ranks) - ranks.null_count
                    top, bottom = _ends(batch, ranks, position, top, bottom, pc)
                    position += batch.num_rows
    scoring.order = _Ends(ranked, [p for _, p, _ in top], [p for _, p, _ in bottom])
    scoring.kept = {p: row for _, p, row in top + bottom}
    paths = [str(table.path) for table, _ in dataset.tables]
    scoring.notices.extend(_repeated(source, set(errors), paths))
    return errors


def _increasing(keys, pc) -> bool:
    if len(keys) < 2:
        return True
    return pc.all(pc.less(keys[:-1], keys[1:])).as_py()


def _counts(column, pc) -> list[tuple]:
    counted = pc.value_counts(column)
    return list(
        zip(counted.field("values").to_pylist(), counted.field("counts").to_pylist(), strict=True)
    )


def _ends(batch, ranks, base: int, top: list, bottom: list, pc) -> tuple[list, list]:
    """The ENDS best and worst ranked units so far, as (rank, position, row), rank
    order being (排名, 汇总 position) as `RankKeys.rank` orders them (Arrow's sort
    is stable: ties stay in position order; the unranked come last)."""
    count = len(ranks) - ranks.null_count
    if count == 0:
        return top, bottom
    order = pc.sort_indices(ranks)  # nulls last
    ends = sorted(
        set(order[:ENDS].to_pylist()) | set(order[max(count - ENDS, 0) : count].to_pylist())
    )
    placed = sorted((ranks[i].as_py(), i) for i in ends)

    def entry(rank: int, i: int) -> tuple:
        row = (
            batch.column("单位")[i].as_py(),
            batch.column("总分")[i].as_py(),
            batch.column("等次")[i].as_py() or "",
            rank,
            batch.column("状态")[i].as_py(),
        )
        return (rank, base + i, row)

    top = sorted(top + [entry(r, i) for r, i in placed[:ENDS]], key=lambda e: e[:2])[:ENDS]
    bottom = sorted(bottom + [entry(r, i) for r, i in placed[-ENDS:]], key=lambda e: e[:2])
    return top, bottom[-ENDS:]


def _repeated(source, refused: set[int], paths: list[str]) -> list[Notice]:
    """What `Duplicates` warns of, found by DuckDB: each scored unit whose name an
    earlier scored unit had, in input order, naming the first row with that name
    (`file:row` when it is in another file).  The names are grouped in DuckDB
    (which spills beyond its memory limit), so no name or row stays here."""
    key, unit = _col(sqlsource.KEY), _col(sqlsource.UNIT)
    keys = exp.Anonymous(
        this="LIST_SORT", expressions=[exp.Anonymous(this="LIST", expressions=[key.copy()])]
    )
    facts = exp.to_table("facts", quoted=True)
    twice = exp.GT(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(1))
    # the names' hashes seen twice first (grouping 64-bit integers, not every name
    # with a list of its rows: a third of the time on 10M rows); a name whose hash
    # another name shares is among them too, and the exact grouping leaves it out
    hashed = exp.Anonymous(this="HASH", expressions=[unit.copy()])
    candidates = exp.select(hashed.copy()).from_(facts.copy()).group_by(hashed.copy())
    query = (
        exp.select(unit, exp.alias_(keys, "_k"))
        .from_(facts)
        .where(exp.In(this=hashed, query=exp.Subquery(this=candidates.having(twice.copy()))))
        .group_by(unit.copy())
        .having(twice)
    )
    found: list[tuple[int, Notice]] = []
    for batch in _batches(source.con, query.sql(dialect="duckdb", identify=True)):
        for name, group in zip(
            batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True
        ):
            scored = [k for k in group if k not in refused]
            if len(scored) < 2:
                continue
            first_table, first_row = split_key(scored[0])
            for later in scored[1:]:
                table, row = split_key(later)
                path, first_path = paths[table], paths[first_table]
                if (first_path, first_row) == (path, row):  # the same file given twice
                    continue
                where = str(first_row) if first_path == path else f"{first_path}:{first_row}"
                args = {"unit": name, "first": where, "row": row}
                found.append((later, Notice("warning", Message("unit_twice", args), path)))
    return [notice for _, notice in sorted(found, key=lambda f: f[0])]
