"""Scoring a dataset in embedded DuckDB with the policy's SQL query (`--engine duckdb`).

DuckDB computes the numbers: the SQL backend's summary query gives each unit's
总分, 等次, 状态, 标签, 一票否决 and node scores, its items query the 扣分明细 items
(clause, amounts, note), both in input order.  This module turns each unit's rows
back into the Result the Python engine would have made — the same Item and
NodeScore records, each item's 所用数据 from the unit's cells converted by the
policy's own converter (`TypedTexts`) — and hands them to the same `ChunkBuilder`,
`Scoring` and writers, so the report is made by the same code as with
`--engine python`.  Rows are streamed from DuckDB in Arrow record batches; only
the report's spools hold them.

What SQL calls an error row is read again by the Python readers and scored by the
Python engine, so that 错误 says exactly what it says there (row, column, the cell
as typed, what was expected).  If the Python engine scores such a row after all (a
cell SQL does not read, like a Chinese numeral), the run cannot stay identical and
`NotIdentical` tells the caller to score with the Python engine.

Ranks are computed by `Scoring` as with the Python engine; batch means come from
the Python engine's own exact pass (`batch._averages`), so 所用数据 shows the very
mean the Python engine shows.

A quotient that may not terminate (a share of the best, `/`) is kept to 40 places
by the Python engine and shown so in 扣分明细, more than any DECIMAL(38) holds: for
such a policy SQL finds the error rows and the batch statistics, and the Python
engine scores each unit with them (`_Units.rescore`).
"""

from __future__ import annotations

import dataclasses
import decimal
import functools
from collections.abc import Callable, Iterator
from decimal import Decimal

from xize.compiler.backends import SqlUnsupported, compile_sql
from xize.compiler.ir import util as irutil
from xize.compiler.support import prelude

from ..io.dataset import Dataset, UnitRow
from ..io.typed import BLANK
from ..report.tables import Layout
from ..text.problems import Message, RowError
from . import sqlsource
from .batch import BLOCK_ROWS, Scoring, _averages
from .chunks import ChunkBuilder, ChunkScorer
from .fractions import FractionWatch, fraction_notices
from .sqlsource import KEY, NotIdentical, Source, split_key
from .statistics import Plan

__all__ = ["NotIdentical", "SqlUnsupported", "queries", "score_with_duckdb"]

CARRY = "__xize_carry__"
SUMMARY_VIEW = "facts_summary"
ITEMS_VIEW = "facts_items"
#: Rows per Arrow record batch fetched from DuckDB.
FETCH_ROWS = 8192

_KINDS = {"扣分": "deduct", "加分": "bonus", "结果": "outcome"}


def queries(policy) -> tuple[str, str]:
    """The summary and items queries; raises SqlUnsupported."""
    check(policy)
    return _queries(policy.ir)


@functools.lru_cache(maxsize=4)
def _queries(tree) -> tuple[str, str]:
    """Kept by the IR's value (frozen, hashable): generating a long policy's two
    queries takes seconds, and one process often scores the same policy again
    (a service scoring each upload, one report per output format)."""
    # 等次 quotas need every unit's total: the query grades before them, and `Scoring`
    # applies them once all units are in, as for the Python engine
    tree = dataclasses.replace(tree, quotas=())
    summary = compile_sql(tree, "duckdb", SUMMARY_VIEW, row_column=CARRY, pretty=False)
    items = compile_sql(tree, "duckdb", ITEMS_VIEW, items=True, row_column=CARRY, pretty=False)
    return summary, items


def check(policy) -> None:
    """Raise SqlUnsupported when DuckDB cannot score `policy` as the Python engine does:
    a rank or best value of a node whose score holds a quotient that may not
    terminate (SQL ranks the 12-place score, the Python engine the 40-place one)."""
    found = inexact_statistic(policy.ir)
    if found is not None:
        clause, stat = found
        raise SqlUnsupported(
            f"第{clause.line}行的条款 “{clause.text.strip()}” 用到{irutil.stat_key(stat)}，"
            f"而这一项的得分含可能除不尽的除法：SQL 保留 {SQL_PLACES} 位小数，"
            "Python 引擎保留 40 位，名次或最高值可能不同"
        )


def score_with_duckdb(
    policy,
    dataset: Dataset,
    layout: Layout,
    progress: Callable[[int], None] | None = None,
    details_csv: bool = False,
    sql: tuple[str, str] | None = None,
) -> Scoring:
    """Score every unit row of `dataset` in DuckDB; raises NotIdentical (score with
    the Python engine then) and SqlUnsupported."""
    summary_sql, items_sql = sql or queries(policy)
    if any(stat.kind == "trimmed" for stat in policy.ir.stats):
        # its quotient rarely terminates: the 12 places SQL keeps would show in 所用数据
        raise NotIdentical(Message("engine_differs_trimmed", {}))
    scorer = ChunkScorer(policy, dataset, layout)
    means, mean_error = _averages(scorer, None) if policy.ir.averages else (None, None)
    if mean_error is not None and policy.ir.stats:
        # no unit is in the batch (every one disqualified, say): the Python engine's
        # statistics pass then scores each unit on its own, which SQL does not
        raise NotIdentical(Message("engine_differs_means", {}))

    source = sqlsource.build(dataset)
    scoring = Scoring(layout, details_csv)
    with sqlsource.guarded(source, scoring):
        _carry_views(source)
        # a policy whose quotients the Python engine recomputes needs no SQL items
        items = None if inexact_clause(policy.ir) is not None else items_sql
        sqlsource.plan_within(source.con, (summary_sql, items) if items else (summary_sql,))
        if mean_error is None:
            units = _Units(policy, dataset, layout, means, scorer)
            python_keys = _stream(source, summary_sql, items, units, scoring, progress)
        else:  # no row converts: every row is the Python engine's error row
            python_keys = _all_keys(source)
        keys = sorted(python_keys + source.no_unit)
        _python_rows(scorer, scoring, keys, means, mean_error, progress)
    scoring.tally.blank += source.blank
    scoring.finish()
    scoring.notices.extend(fraction_notices(scoring.fractions, dataset.column_title))
    return scoring


# --------------------------------------------------------------------------- exactness

#: Decimal places the SQL backend keeps of a quotient, and at most of a fact's value.
SQL_PLACES = 12
FACT_PLACES = 6


def inexact_statistic(policy):
    """The first (clause, statistic) where a clause reads a rank or best value of a
    node whose subtree holds an `inexact_clause`: the only quotients whose SQL
    value is used as such (every other one the Python engine recomputes per unit,
    `_Units.rescore`)."""
    inexact = set()
    for node in policy.walk():
        if any(inexact_clause(_Only(n)) is not None for n in _subtree(node)):
            inexact.add(node.path)
    for node in policy.walk():
        for clause in node.clauses:
            for stat in irutil.clause_stats(clause):
                if stat.node and stat.kind != "value" and stat.subject in inexact:
                    return clause, stat
    return None


class _Only:
    """One node as `inexact_clause` walks a policy."""

    def __init__(self, node):
        self.node = node

    def walk(self):
        yield self.node


def _subtree(node):
    yield node
    for child in node.children:
        yield from _subtree(child)


def inexact_clause(policy):
    """The first clause whose amounts the SQL query may round where the Python engine
    does not: a quotient (`/`, a share of the best: `按与最高者的比例`) or an `按比例` step that may not terminate within
    SQL_PLACES (a batch mean in it, or a step whose reciprocal needs too many places).
    A quotient that is floored to whole steps, or only compared, stays exact unless a
    value falls within 10^-12 of a step (docs/guide.md, 大规模计分)."""
    for node in policy.walk():
        for clause in node.clauses:
            parts = irutil.clause_parts(clause)
            if any(_divides(part) for part in parts):
                return clause
            if getattr(clause, "rounding", None) == "ratio" and not _exact_ratio(clause, parts):
                return clause
    return None


def _walk(value) -> Iterator:
    yield value
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from _walk(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _walk(getattr(value, name))


def _divides(part) -> bool:
    return any(
        (type(v).__name__ == "Arith" and v.op == "/") or type(v).__name__ == "Share"
        for v in _walk(part)
    )


def _exact_ratio(clause, parts) -> bool:
    if any(type(v).__name__ == "AverageOf" for part in parts for v in _walk(part)):
        return False
    amount = clause.amount
    if type(amount).__name__ != "Const" or not isinstance(amount.value, Decimal):
        return False
    with decimal.localcontext(decimal.Context(prec=60)):
        reciprocal = Decimal(1) / clause.step
    places = max(0, -reciprocal.normalize().as_tuple().exponent)
    if places > 20:  # does not terminate
        return False
    amount_places = max(0, -amount.value.as_tuple().exponent)
    return FACT_PLACES + amount_places + places <= SQL_PLACES


# ------------------------------------------------------------------------------ views


def _carry_views(source: Source) -> None:
    """facts_summary carries each row's key and fact cells through the summary query
    (its row column, a struct ordered by the key first); facts_items the key alone."""
    from sqlglot import exp

    key = exp.Column(this=exp.to_identifier(KEY, quoted=True))
    fields = [exp.PropertyEQ(this=exp.to_identifier("k"), expression=key)]
    fields += [
        exp.PropertyEQ(
            this=exp.to_identifier(f"f{i}"),
            expression=exp.Column(this=exp.to_identifier(name, quoted=True)),
        )
        for i, name in enumerate(source.facts)
    ]
    for view, carry in ((SUMMARY_VIEW, exp.Struct(expressions=fields)), (ITEMS_VIEW, key)):
        select = exp.select(exp.Star(), exp.alias_(carry, CARRY, quoted=True)).from_(
            exp.to_table("facts", quoted=True)
        )
        create = exp.Create(
            this=exp.to_table(view, quoted=True), kind="VIEW", expression=select, replace=True
        )
        source.con.execute(create.sql(dialect="duckdb", identify=True))


# --------------------------------------------------------------------------- streaming


def _all_keys(source: Source) -> list[int]:
    from sqlglot import exp

    key = exp.Column(this=exp.to_identifier(KEY, quoted=True))
    query = exp.select(key).from_(exp.to_table("facts", quoted=True)).order_by(key)
    return [k for (k,) in source.con.execute(query.sql(dialect="duckdb", identify=True)).fetchall()]


def _batches(con, query: str) -> Iterator:
    cursor = con.cursor()
    try:
        relation = cursor.sql(query)
        reader = getattr(relation, "to_arrow_reader", None)  # DuckDB 2.x
        if reader is None:
            reader = relation.fetch_arrow_reader  # 1.x
        yield from reader(FETCH_ROWS)
    finally:
        cursor.close()


def _item_rows(con, query: str) -> Iterator[tuple]:
    """(key, 节点, 行号, 条款编号, 条款原文, 类型, 原始, 应扣, 实扣, 备注) in order."""
    names = ("节点", "行号", "条款编号", "条款原文", "类型", "原始", "应扣", "实扣", "备注")
    for batch in _batches(con, query):
        columns = [batch.column("行").to_pylist()]
        columns += [batch.column(n).to_pylist() for n in names]
        yield from zip(*columns, strict=True)


def _stream(
    source: Source, summary_sql: str, items_sql: str | None, units, scoring, progress
) -> list:
    """Merge every unit SQL scored into `scoring`, in order; returns the keys of the
    rows SQL called errors (for the Python engine to say why).  `items_sql` None:
    no unit's items come from SQL (`_Units.rescore`)."""
    con = source.con
    errors: list[int] = []
    items = _item_rows(con, items_sql) if items_sql is not None else iter(())
    pending = next(items, None)
    builder: ChunkBuilder | None = None
    table = -1
    count = 0

    def flush() -> None:
        nonlocal builder, count
        if builder is not None and builder.out.units:
            chunk = builder.result()
            chunk.fractions, chunk.over_one = units.watch.fractions, units.watch.others
            chunk.fraction_examples = units.watch.examples
            units.watch = FractionWatch(units.percents)
            scoring.merge(chunk, units.paths[table])
            if progress is not None:
                progress(chunk.units)
        builder, count = None, 0

    for batch in _batches(con, summary_sql):
        carry = batch.column("行")
        keys = carry.field("k").to_pylist()
        cells = [carry.field(f"f{i}").to_pylist() for i in range(len(source.facts))]
        failed = batch.column("错误").to_pylist()
        rows = [batch.column(name).to_pylist() for name in units.wanted]
        for index, row in enumerate(zip(*rows, strict=True)):
            key = keys[index]
            if failed[index] is not None:
                errors.append(key)
                continue
            fired = []
            while pending is not None and pending[0] == key:
                fired.append(pending)
                pending = next(items, None)
            number = split_key(key)
            if number[0] != table or count >= BLOCK_ROWS:
                flush()
                table = number[0]
                builder = ChunkBuilder(table, scoring.layout, scoring.details_csv)
            texts = [column[index] for column in cells]
            item, result = units.result(number, row, texts, fired)
            builder.add_result(item, result)
            builder.out.units += 1
            count += 1
    flush()
    return errors


# ------------------------------------------------------------------------------ results


class _Units:
    """Turns a unit's query rows into the Result the Python engine makes.

    A policy with a quotient that may not terminate (a share of the best, `/`, an
    `按比例` step over a mean) is `rescore`d: SQL keeps 12 places of a quotient, the
    Python engine 40, and the 扣分明细 show the amounts unrounded.  Each unit SQL
    found without a data error is then scored by the Python engine itself, given
    the batch statistics from the query's columns — exact there: ranks and counts
    are whole, a best value is a unit's own cell, and `check` refuses a statistic
    of a node whose score holds such a quotient — and the exact batch means, so its
    Result is the one `--engine python` makes, by construction."""

    def __init__(self, policy, dataset: Dataset, layout: Layout, means, scorer: ChunkScorer):
        module = policy.module
        texts = scorer.texts
        self.scorer = scorer
        self.rescore = inexact_clause(policy.ir) is not None
        self.layout = layout
        self.paths = [str(table.path) for table, _ in dataset.tables]
        self.facts = [f.name for f in policy.ir.facts]
        self.texts = texts
        self.defaults = {info.name: info.default for info in module.FACTS}
        self.names = tuple(enumerate(self.facts))
        self.percents = [f.name for f in policy.ir.facts if f.type == "percent"]
        self.watch = FractionWatch(self.percents)
        self.columns = [(c.path, c.title, c.negate) for c in layout.nodes]
        #: the summary query's columns `result` reads, in its order
        self.wanted = ["单位", "总分", "精确总分", "等次", "状态", "标签", "一票否决"]
        self.wanted += [c.title for c in layout.nodes]
        #: the batch statistics the items name (排名【X】…), as the query's columns say
        self.stats = list(
            dict.fromkeys(irutil.stat_key(s) for s in policy.ir.stats if s.kind != "value")
        )
        self.wanted += self.stats
        self.means: dict[str, object] = {}
        if means:
            with decimal.localcontext(module._CONTEXT):
                values = module._convert_averages(means, module._AVERAGE_FACTS, None)
            self.means = dict(zip((i.name for i in module._AVERAGE_FACTS), values, strict=True))
        self.inputs: dict[str | None, tuple[tuple[str, ...], ...]] = {None: ((), (), ())}
        facts = set(self.facts)
        for node in policy.ir.walk():
            for clause in node.clauses:
                self.inputs[clause.id] = (
                    tuple(n for n in clause.inputs if n in facts),
                    tuple(irutil.clause_averages(clause)),
                    tuple(
                        irutil.stat_key(s) for s in irutil.clause_stats(clause) if s.kind != "value"
                    ),
                )
        self.heads: dict[tuple, tuple] = {}
        #: the `score(batch=…)` mapping before a unit's statistics: placeholders, means
        self.batch: dict[str, object] = {}
        if self.rescore:
            self.batch = Plan(policy.ir).placeholders()
            for name, mean in (means or {}).items():
                self.batch[f"平均值【{name}】"] = mean

    def values(self, texts: list) -> dict[str, object]:
        """Fact name → the value the policy's converter gives the cell."""
        out: dict[str, object] = {}
        known = self.texts.known
        for name, text in zip(self.facts, texts, strict=True):
            value = BLANK
            if text is not None:
                value = known[name].get(text)
                if value is None:
                    value = self.texts.learn(name, text)
            if value is BLANK:
                out[name] = self.defaults[name]
            elif type(value) is str:  # SQL read a cell the policy refuses
                raise _Differs(name)
            else:
                out[name] = value
        return out

    def result(self, number: tuple[int, int], summary: tuple, texts: list, fired: list):
        """`summary`: the unit's summary columns, in `wanted` order."""
        table, row = number
        unit, total, exact, grade, status, labels, vetoed = summary[:7]
        try:
            values = self.values(texts)
        except _Differs as exc:
            args = {"path": self.paths[table], "row": row}
            raise NotIdentical(Message("engine_differs_cell", args)) from exc
        scored = summary[7 + len(self.columns) :]
        stats = dict(zip(self.stats, scored, strict=True))
        item = UnitRow(self.paths[table], row, unit, values, texts, self.names)
        self.watch.see(item)
        if self.rescore:
            return item, self._rescored(table, row, unit, texts, stats)
        items = tuple(self._item(values, stats, f) for f in fired)
        nodes = {}
        shown = summary[7 : 7 + len(self.columns)]
        for (path, title, negate), value in zip(self.columns, shown, strict=True):
            if negate:  # the column shows −deduction
                deduction = value.copy_negate() if value else Decimal(0)
                nodes[path] = prelude.NodeScore(path, title, None, deduction, None, False)
            else:
                nodes[path] = prelude.NodeScore(path, title, None, None, value, False)
        result = prelude.Result(
            unit,
            total,
            exact,
            grade,
            None,
            status,
            bool(vetoed),
            tuple(labels.split("、")) if labels else (),
            nodes,
            items,
            None,
        )
        return item, result

    def _rescored(self, table: int, row: int, unit: str, texts: list, stats: dict):
        """The Python engine's Result for a unit, with the query's statistics; its
        facts as the Python readers give them (a blank cell left out)."""
        facts: dict[str, object] = {}
        known = self.texts.known
        for name, text in zip(self.facts, texts, strict=True):
            if text is None:
                continue
            value = known[name].get(text)
            if value is None:
                value = self.texts.learn(name, text)
            if value is not BLANK:
                facts[name] = value
        facts["单位"] = unit
        batch = dict(self.batch)
        batch.update((key, value) for key, value in stats.items() if value is not None)
        path = self.paths[table]
        outcome = self.scorer.outcome(UnitRow(path, row, unit, facts), None, None, batch)
        if isinstance(outcome, RowError):  # SQL scored what the Python engine refuses
            args = {"path": path, "row": row}
            raise NotIdentical(Message("engine_differs_row", args))
        return outcome

    def _item(self, values: dict, stats: dict, fired: tuple):
        _, path, line, clause, text, kind, raw, nominal, applied, note = fired
        clause = clause or None
        names, averages, batch = self.inputs.get(clause, ((), (), ()))
        inputs = tuple((n, values[n]) for n in names)
        if averages:
            inputs += tuple((irutil.AVERAGE_INPUT.format(n), self.means[n]) for n in averages)
        if batch:
            inputs += tuple((key, stats[key]) for key in batch)
        return prelude.Item(
            clause,
            path,
            line,
            text,
            inputs,
            _KINDS[kind],
            None if raw == nominal else raw,
            nominal,
            applied,
            note,
        )


class _Differs(Exception):
    pass


# ------------------------------------------------------------------------ Python rows


def _python_rows(scorer, scoring, keys: list[int], means, mean_error, progress) -> None:
    """The rows SQL did not score, read by the Python readers and scored (or refused)
    by the Python engine: they become the report's 错误 rows."""
    if not keys:
        return
    dataset = scorer.dataset
    wanted: dict[int, set[int]] = {}
    for key in keys:
        table, row = split_key(key)
        wanted.setdefault(table, set()).add(row)
    for table, rows in sorted(wanted.items()):
        source, _ = dataset.tables[table]
        picked = (r for r in source.rows() if r[0] in rows)
        builder = ChunkBuilder(table, scoring.layout, scoring.details_csv)
        watch = FractionWatch(scorer.percents)
        for item in dataset.units(table, picked, texts=scorer.texts):
            if not isinstance(item, UnitRow):
                continue
            outcome = scorer.outcome(item, means, mean_error)
            if item.problem is None:
                watch.see(item)
            if not isinstance(outcome, RowError):
                args = {"path": str(source.path), "row": item.row}
                raise NotIdentical(Message("engine_differs_cell", args))
            builder.add(item, outcome)
        chunk = builder.result()
        chunk.fractions, chunk.over_one, chunk.fraction_examples = (
            watch.fractions,
            watch.others,
            watch.examples,
        )
        scoring.merge(chunk, str(source.path))
        if progress is not None:
            progress(chunk.units)
