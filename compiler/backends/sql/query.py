"""The whole query: source columns, conversion, batch means and statistics, the walk, the outputs.

`build_query` makes one sqlglot tree; `compile_sql` renders it for a dialect
(`dialects.render`).  The summary query gives one row per row of the facts table;
the items query one row per 扣分明细 item of each unit that scored.
"""

from __future__ import annotations

import re

from sqlglot import exp

from ...ir import nodes as ir
from ...ir import util as irutil
from ...support import prelude as rt
from .clauses import ClauseBuilder
from .dialects import DIALECTS, render
from .fixed import (
    INT,
    Fixed,
    Num,
    SqlUnsupported,
    all_of,
    any_of,
    concat,
    const,
    fit_bigint,
    integer,
    measured,
    when,
)
from .inputs import Inputs, s, unit_prefix
from .plan import Plan, with_ctes
from .quotas import quota_columns
from .walk import Walk

__all__ = ["DIALECTS", "SqlUnsupported", "build_query", "compile_sql", "node_column"]

_KIND_WORDS = {"deduct": "扣分", "bonus": "加分", "outcome": "结果"}
_TEXT = exp.DataType.build("TEXT")
#: Outcome kinds this backend computes; those that give the unit a label.
_OUTCOMES = ("disqualify", "veto", "label", "ceiling", "floor", "override")
_LABELLED = ("label", "ceiling", "floor")


def node_column(node: ir.Node) -> str:
    """A node's output column: its marker path and title, as the report names it."""
    if not node.path or not node.title:
        return node.path or node.title
    return f"{node.path}{node.title}" if node.path[-1] in ")）" else f"{node.path} {node.title}"


def compile_sql(
    policy: ir.Policy,
    dialect: str = "duckdb",
    table: str = "facts",
    items: bool = False,
    row_column: str | None = None,
    pretty: bool = True,
    values: bool = False,
) -> str:
    """The query text for `dialect`; raises SqlUnsupported for what SQL cannot do.
    `values`: each row also has the unit's facts as scored, one column per fact
    named `值:` and the fact's name (a 是否 fact as a boolean, the others as
    decimals), for a caller that writes the 所用数据 of an item itself; in the
    summary query, also every potential item k (numbered as `序号` numbers them,
    from 0) as `_f{k}` (whether it fired), `_r{k}`, `_n{k}` and `_a{k}` (原始, 应扣,
    实扣), the tree's `meta["items"]` describing them (see `build_query`)."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; one of {', '.join(DIALECTS)}")
    tree = build_query(policy, table, items, row_column, dialect, values)
    return render(tree, dialect, pretty)


def _table(name: str) -> exp.Table:
    parts = name.split(".")
    return exp.Table(
        this=exp.to_identifier(parts[-1], quoted=True),
        db=exp.to_identifier(parts[-2], quoted=True) if len(parts) > 1 else None,
        catalog=exp.to_identifier(parts[-3], quoted=True) if len(parts) > 2 else None,
    )


def _col(name: str) -> exp.Column:
    return exp.Column(this=exp.to_identifier(name, quoted=True))


def build_query(
    policy: ir.Policy,
    table: str = "facts",
    items: bool = False,
    row_column: str | None = None,
    dialect: str = "duckdb",
    values: bool = False,
    ranks: bool = True,
    stored: bool = False,
) -> exp.Select:
    """The query's tree.  Its scaled integers' types and integer quotients are marked
    `bigint` when no scaled integer of the query can reach BIGINT_DIGITS digits: DuckDB
    then computes in BIGINT (`dialects.render`), the others as ever.

    `ranks=False` (DuckDB's summary query): no 排名 column; each row has instead its
    rank group `_grp` (0 clear, 1 vetoed, 2 neither ranked) and its total as the scaled
    integer `_tot`, from which a caller that has seen every row ranks them itself
    (see `_ranks` for the rule).  Without the join back, the query reads its rows
    once, in order, and streams.

    `stored=True` (DuckDB): the table also carries, as its rows were stored, the
    columns `clean_columns` gives — whether the row is clean (CLEAN_COLUMN) and
    each fact's clean value (`value_column(i)`) — and the query reads them instead
    of testing and converting the texts again; a fact's text is read only for the
    rows that are not clean (it may be NULL on the others).  A policy without a
    clean test (`clean_columns` None) reads its texts as ever."""
    with measured() as widest:
        query = _build(policy, table, items, row_column, dialect, values, ranks, stored)
    fit_bigint(query, widest[0])
    return query


def _build(
    policy, table, items, row_column, dialect, values, ranks=True, stored=False
) -> exp.Select:
    _check_kinds(policy)
    head, source, env, converted_ok, count = _converted(
        policy, table, row_column, dialect, stored and dialect == "duckdb"
    )
    base = ["_unit", *_fact_columns(policy), "_cerr", *(["_row"] if row_column else [])]
    plan = Plan(base, prefix="_s", start=count)
    fx = Fixed(plan, dialect)
    converted_ok = plan.let(converted_ok, "ok")
    where = plan.let(unit_prefix(exp.column("_unit")), "w")
    ordinals = irutil.clause_ordinals(policy)
    members = converted_ok
    holding = {stat: _placeholder(stat) for stat in policy.stats}
    if (policy.averages or policy.stats) and _disqualifies(policy):
        # as `_batch_stats`: a unit is in the batch when, scored with every batch value
        # a placeholder (means, best values and ranks 1), it is neither disqualified nor an error
        # (取消考评资格 reads no batch value)
        ones = {name: const(1) for name in policy.averages}
        probe = Walk(policy, fx, ClauseBuilder(fx, env, ones, ordinals, holding)).run()
        out = [cond for _, cond in probe.failures]
        out += [e.chosen for e in probe.outcomes if e.outcome.kind == "disqualify"]
        members = plan.let(exp.And(this=converted_ok, expression=exp.Not(this=any_of(out))), "ok")
    averages = {}
    for name in policy.averages:
        averages[name] = _mean(fx, env[name], members)
    stats = _statistics(policy, fx, env, averages, ordinals, converted_ok, members, holding)
    clauses = ClauseBuilder(fx, env, averages, ordinals, stats)
    walked = Walk(policy, fx, clauses).run()

    failures = [
        exp.If(
            this=cond,
            true=exp.DPipe(
                this=where,
                expression=s(f"第{clause.line}行的条款 “{clause.text}”无法计算：除数为0"),
            ),
        )
        for clause, cond in walked.failures
    ]
    error_parts = [exp.column("_cerr")]
    if policy.averages:
        # no unit in the batch and a mean needed: the mean does not exist, and no unit is
        # scored against a made-up one (the prelude's NO_MEAN_MESSAGE, docs/language.md 12.1)
        inside = exp.Window(this=exp.Sum(this=when(members, integer(1), integer(0))))
        nobody = plan.let(
            exp.EQ(this=exp.Coalesce(this=inside, expressions=[integer(0)]), expression=integer(0)),
            "nb",
        )
        error_parts.append(
            exp.Case(
                ifs=[exp.If(this=nobody, true=s(rt.NO_MEAN_MESSAGE))],
                default=exp.Null(),
            )
        )
    too_few = _too_few_to_trim(policy, plan, members)
    if too_few is not None:
        error_parts.append(too_few)
    if failures:
        error_parts.append(exp.Case(ifs=failures, default=exp.Null()))
    error = plan.let(
        exp.Coalesce(this=error_parts[0], expressions=error_parts[1:])
        if len(error_parts) > 1
        else (error_parts[0] if error_parts else exp.Null()),
        "err",
    )
    failed = plan.let(exp.Not(this=exp.Is(this=error, expression=exp.Null())), "bad")
    disqualified = plan.let(
        any_of([e.chosen for e in walked.outcomes if e.outcome.kind == "disqualify"]), "dq"
    )
    vetoed = plan.let(any_of([e.chosen for e in walked.outcomes if e.outcome.kind == "veto"]), "vt")
    facts = env if values else {}
    if items:
        return _items_query(plan, head, source, fx, walked, failed, row_column, dialect, facts)
    return _summary_query(
        policy,
        plan,
        head,
        source,
        fx,
        walked,
        error,
        failed,
        disqualified,
        vetoed,
        row_column,
        facts,
        ranks,
        stats,
    )


def _placeholder(stat: ir.BatchStat) -> Num:
    """A statistic's value before its pass (the prelude's `_placeholder`)."""
    return const(0 if stat.kind == "value" else 1)


#: Digits of a count of units (and so of a rank).
_COUNT_DIGITS = 12


def _statistics(policy, fx: Fixed, env, averages, ordinals, converted_ok, members, holding):
    """Each batch statistic's column, in passes by level as `_batch_stats` takes them:
    a fact's over the units in the batch; a node's from a walk with the statistics of
    the lower levels, over the members that walk scores without an error (a unit it
    fails keeps the placeholder, as there)."""
    values = dict(holding)
    for level in sorted({stat.level for stat in policy.stats}):
        inside, scored, records = members, None, {}
        if level > 0:
            builder = ClauseBuilder(fx, env, averages, ordinals, dict(values))
            probe = Walk(policy, fx, builder).run()
            failed = any_of([cond for _, cond in probe.failures])
            scored = fx.plan.let(exp.And(this=converted_ok, expression=exp.Not(this=failed)), "ok")
            inside = fx.plan.let(exp.And(this=members, expression=exp.Not(this=failed)), "ok")
            records = {r.node.path: r.score for r in probe.records}
        for stat in policy.stats:
            if stat.level != level:
                continue
            if stat.kind == "count":  # the number of units: of no fact
                subject = const(0)
            elif stat.node:
                subject = records.get(stat.subject)
                subject = const(0) if subject is None else subject
            else:
                subject = env[stat.subject]
                if not isinstance(subject, Num):
                    raise SqlUnsupported(f"【{stat.subject}】是 是否 项，不能排名")
            ties = [fx.let(env[name], "tv") for name, _ in stat.ties]
            value = _statistic(fx, stat, fx.let(subject, "sv"), inside, ties)
            if scored is not None:
                value = fx.pick(scored, value, holding[stat])
            values[stat] = fx.let(value, "st")
    return values


def _statistic(fx: Fixed, stat: ir.BatchStat, value: Num, inside, ties: list[Num]) -> Num:
    """One statistic of each row, against the units `inside` the batch, by window
    functions over the whole table: with n the units inside, ge those inside whose
    value is as good or better (a running count in the ranking's order: RANGE
    frames take the ties in) and eq those inside with an equal value, the rank is
    1 + ge − eq (competition ranking: 1, 2, 2, 4) and the rank from the end
    1 + n − ge — for a unit outside the batch too (a disqualified unit's rank is
    its place among the others).  A tie-break (`ties`, the values of `stat.ties`)
    orders and partitions by those values after the subject's."""
    if stat.kind == "value":
        return value
    plan = fx.plan
    one = when(inside, integer(1), integer(0))
    dtype = integer(0).to

    def counted(window: exp.Window) -> exp.Column:
        return plan.let(exp.Cast(this=window, to=dtype.copy()), "cnt")

    count = counted(exp.Window(this=exp.Sum(this=one.copy())))
    if stat.kind == "count":
        return Num(count, 0, _COUNT_DIGITS)
    if stat.kind == "trimmed":
        return _trimmed(fx, value, inside, count)
    if stat.kind == "best":
        pick = exp.Max if stat.high else exp.Min
        best = exp.Window(this=pick(this=when(inside, value.expr, exp.Null())))
        best = plan.let(exp.Coalesce(this=best, expressions=[integer(0)]), "best")
        return Num(best, value.scale, value.digits)
    keys = [(value, stat.high)]
    keys += [(tie, high) for tie, (_, high) in zip(ties, stat.ties, strict=True)]
    order = exp.Order(expressions=[exp.Ordered(this=v.expr.copy(), desc=h) for v, h in keys])
    ge = counted(exp.Window(this=exp.Sum(this=one.copy()), order=order))
    alike = [v.expr.copy() for v, _ in keys]
    eq = counted(exp.Window(this=exp.Sum(this=one.copy()), partition_by=alike))
    if stat.kind == "rank":
        rank = exp.Add(this=exp.Sub(this=ge, expression=eq), expression=integer(1))
    elif stat.kind == "rank_from_end":
        rank = exp.Add(this=exp.Sub(this=count, expression=ge), expression=integer(1))
    else:
        raise SqlUnsupported(f"SQL 后端不认识批次统计 {stat.kind}")
    return Num(rank, 0, _COUNT_DIGITS)


def _trimmed(fx: Fixed, value: Num, inside, count: exp.Expression) -> Num:
    """去极值平均值: (sum − highest − lowest) ÷ (n − 2) over the units inside, divided
    as the mean is (`_mean`); with fewer than three units the rows are errors
    (`_too_few_to_trim`), and the divisor is kept at 1 there so that nothing divides
    by 0 on the way."""
    plan = fx.plan
    taken = when(inside, value.expr, exp.Null())

    def window(fn) -> exp.Expression:
        return exp.Coalesce(this=exp.Window(this=fn(this=taken.copy())), expressions=[integer(0)])

    middle = exp.Sub(
        this=exp.Sub(this=window(exp.Sum), expression=window(exp.Max)),
        expression=window(exp.Min),
    )
    summed = Num(
        plan.let(exp.Cast(this=middle, to=integer(0).to.copy()), "sum"),
        value.scale,
        value.digits + 9,
    )
    divisor = plan.let(
        exp.Greatest(
            this=exp.Sub(this=count.copy(), expression=integer(2)), expressions=[integer(1)]
        ),
        "cnt",
    )
    mean, _ = fx.div(summed, Num(divisor, 0, 10))
    return fx.let(mean, "avg")


def _too_few_to_trim(policy: ir.Policy, plan, members) -> exp.Expression | None:
    """The error of every row when a 去极值平均值 is needed and fewer than three units
    are in the batch (the prelude's NO_TRIMMED_MESSAGE), or None."""
    if not any(stat.kind == "trimmed" for stat in policy.stats):
        return None
    inside = exp.Window(this=exp.Sum(this=when(members, integer(1), integer(0))))
    few = plan.let(
        exp.LT(this=exp.Coalesce(this=inside, expressions=[integer(0)]), expression=integer(3)),
        "few",
    )
    return exp.Case(ifs=[exp.If(this=few, true=s(rt.NO_TRIMMED_MESSAGE))], default=exp.Null())


def _fact_columns(policy: ir.Policy) -> list[str]:
    return [f"_fact{i}" for i in range(len(policy.facts))]


#: The columns a stored table carries for `build_query(stored=True)`: whether the
#: row is clean, and (`value_column`) each fact's clean value.
CLEAN_COLUMN = "__xize_clean__"


def value_column(index: int) -> str:
    """The stored clean value of the `index`-th fact (in 数据 order)."""
    return f"__xize_value{index}__"


def _fast_test(policy: ir.Policy, inputs: Inputs, raw: dict[str, exp.Expression]):
    """(the conditions that a row is clean, each fact's FastCell) over the texts `raw`;
    the conditions are None when the policy has no such test (a date fact without a
    default, say: every row is converted fully)."""
    cells = [inputs.fast(fact, raw[fact.name]) for fact in policy.facts]
    # every patterned cell of the row in one match: texts joined by "," (which no
    # clean text holds, so a cell with a comma adds one and the match fails; a
    # NULL text makes the whole NULL, and the row is not clean)
    patterned = [c for c in cells if c.pattern is not None]
    fast_clean = [check for c in cells for check in c.checks]
    if patterned:
        pieces = [part for c in patterned for part in (s(","), c.text.copy())][1:]
        if any(re.fullmatch(c.pattern, "") for c in patterned):
            joined = concat(pieces)
        else:
            # one CONCAT makes one string per row where || makes one per piece (two
            # thirds of the match's time); it skips a NULL text, which leaves an
            # empty field between two commas that no pattern accepts
            joined = exp.Anonymous(this="CONCAT", expressions=pieces)
        pattern = "^" + ",".join(c.pattern for c in patterned) + "$"
        matched = exp.RegexpLike(this=joined, expression=s(pattern))
        fast_clean.insert(0, exp.Coalesce(this=matched, expressions=[exp.false()]))
    if not fast_clean or any(isinstance(c, exp.Boolean) and not c.this for c in fast_clean):
        return None, cells
    return fast_clean, cells


def clean_columns(
    policy: ir.Policy, raw: dict[str, exp.Expression]
) -> tuple[exp.Expression, list[exp.Expression]] | None:
    """For a caller that stores the facts table (DuckDB, `build_query(stored=True)`):
    over each fact's text `raw[name]`, whether the row is clean and each fact's
    clean value — a scaled integer as BIGINT (at most fifteen digits: see
    `Inputs.fast`), 是否 as BOOLEAN — as the query would compute them; None when
    the policy has no clean test."""
    plan = Plan(["_unit"], prefix="_k")
    inputs = Inputs(policy, Fixed(plan), {}, exp.column("_unit"))
    conditions, cells = _fast_test(policy, inputs, raw)
    if conditions is None:
        return None
    out = []
    for fact, cell in zip(policy.facts, cells, strict=True):
        value = cell.value
        if fact.type != "bool":
            value = exp.Cast(this=value, to=exp.DataType.build("BIGINT"))
        out.append(value)
    return all_of(conditions), out


def _converted(
    policy: ir.Policy, table: str, row_column: str | None, dialect: str, stored: bool = False
):
    """Every fact's value and the row's first conversion error, as a relation.

    Rows whose cells are all clean (`Inputs.fast`: 是/否, plain digits in range, a
    blank with a default) are read with a single cast per cell; the others with
    the full conversion, with the Python engine's messages.  In DuckDB the test is
    made once per row, as the column `_clean` of the source, and every step of the
    full conversion is a CASE that DuckDB evaluates only for the rows that are not
    clean (a CASE branch runs on its own rows alone): one read of the table, one
    match per row; `stored`: the test and the clean values were made as the table
    was stored (`clean_columns`), and are read from it.  Spark and PostgreSQL
    convert every row fully.
    Returns the CTEs that come first, the relation (the main plan's stage 0), the
    facts' values over it, the condition that a row converted, and the conversion
    plan's count of names (the main plan starts past them)."""
    names = _fact_columns(policy)
    raw = {f.name: exp.Cast(this=_col(f.name), to=_TEXT.copy()) for f in policy.facts}
    unit = exp.alias_(_col(irutil.UNIT_KEY), "_unit")
    row = [exp.alias_(_col(row_column), "_row")] if row_column else []
    flag = ["_clean"] if dialect == "duckdb" else []
    fast_conditions = None
    if flag:
        probe = Inputs(policy, Fixed(Plan(["_unit"], prefix="_k")), {}, exp.column("_unit"))
        fast_conditions, _ = _fast_test(policy, probe, raw)
    stored = stored and fast_conditions is not None
    values_in = [f"_v{i}" for i in range(len(policy.facts))] if stored else []
    cplan = Plan(
        ["_unit", *names, *(["_row"] if row_column else []), *flag, *values_in], prefix="_c"
    )
    columns = {f.name: exp.column(c) for f, c in zip(policy.facts, names, strict=True)}
    inputs = Inputs(policy, Fixed(cplan), columns, exp.column("_unit"))
    values, errors = [], []
    for fact in policy.facts:
        converted = inputs.convert(fact)
        values.append(converted.value)
        errors.append(converted.error)
    error = (
        exp.Coalesce(this=errors[0], expressions=errors[1:])
        if len(errors) > 1
        else (errors[0] if errors else exp.Cast(this=exp.Null(), to=_TEXT.copy()))
    )
    outputs = [v.expr if isinstance(v, Num) else v for v in values]
    source_columns = [
        unit.copy(),
        *[exp.alias_(raw[f.name].copy(), c) for f, c in zip(policy.facts, names, strict=True)],
        *[r.copy() for r in row],
    ]
    if fast_conditions is not None:
        clean = exp.column("_clean")
        if stored:
            source_columns.append(exp.alias_(_col(CLEAN_COLUMN), "_clean"))
            source_columns += [
                exp.alias_(_col(value_column(i)), v) for i, v in enumerate(values_in)
            ]
            fast = [
                exp.column(v) if f.type == "bool" else exp.Cast(this=exp.column(v), to=INT.copy())
                for f, v in zip(policy.facts, values_in, strict=True)
            ]
        else:
            source_columns.append(exp.alias_(all_of(fast_conditions), "_clean"))
            fast = [
                inputs.fast(f, exp.column(c)).value
                for f, c in zip(policy.facts, names, strict=True)
            ]
        for name, body in cplan.defs.items():  # the full conversion: unclean rows only
            cplan.defs[name] = when(clean.copy(), exp.Null(), body)
        outputs = [
            when(clean.copy(), quick, value) for quick, value in zip(fast, outputs, strict=True)
        ]
        error = when(clean.copy(), exp.Cast(this=exp.Null(), to=_TEXT.copy()), error)
    select = exp.Select(expressions=source_columns, from_=exp.From(this=_table(table)))
    ctes, source = cplan.chain(
        select,
        [
            exp.column("_unit"),
            *[exp.alias_(v, name) for v, name in zip(outputs, names, strict=True)],
            exp.alias_(error, "_cerr"),
            *([exp.column("_row")] if row_column else []),
        ],
    )
    env: dict = {}
    for fact, value, name in zip(policy.facts, values, names, strict=True):
        column = exp.column(name)
        env[fact.name] = (
            Num(column, value.scale, value.digits) if isinstance(value, Num) else column
        )
    converted_ok = exp.Is(this=exp.column("_cerr"), expression=exp.Null())
    return ctes, source, env, converted_ok, cplan.count


def _disqualifies(policy: ir.Policy) -> bool:
    """Whether some clause can disqualify a unit (then the batch leaves it out)."""
    return any(
        isinstance(effect, ir.Outcome) and effect.kind == "disqualify"
        for node in policy.walk()
        for clause in node.clauses
        if isinstance(clause, ir.Fixed)
        for effect in clause.then + clause.otherwise
    )


def _check_kinds(policy: ir.Policy) -> None:
    """Refuse an IR this backend does not know (a kind added after it was written)."""
    known_clauses = (ir.Step, ir.Missing, ir.Fixed, ir.Discretionary)
    for node in policy.walk():
        for clause in node.clauses:
            if not isinstance(clause, known_clauses):
                raise SqlUnsupported(
                    f"第{clause.line}行的条款 “{clause.text}”：SQL 后端尚不支持条款类型 "
                    f"{type(clause).__name__}，请用 Python 引擎计分"
                )
        for clause in node.clauses:
            kinds = [getattr(clause, "kind", "deduct"), getattr(clause, "rounding", "floor")]
            for effect in (*getattr(clause, "then", ()), *getattr(clause, "otherwise", ())):
                kinds.append(effect.kind)
            for kind in kinds:
                if kind not in (*_OUTCOMES, *ir.POINT_KINDS, "floor", "ceil", "ratio"):
                    raise SqlUnsupported(
                        f"第{clause.line}行的条款 “{clause.text}”：SQL 后端尚不支持 "
                        f"{kind}，请用 Python 引擎计分"
                    )
    for fact in policy.facts:
        if fact.type not in ir.FACT_TYPES:
            raise SqlUnsupported(f"【{fact.name}】的类型 {fact.type} SQL 后端尚不支持")


def _mean(fx: Fixed, value: Num, ok: exp.Expression) -> Num:
    """The batch mean over the rows that converted (as `score_batch` takes it)."""
    plan = fx.plan
    total = plan.let(
        exp.Cast(
            this=exp.Window(this=exp.Sum(this=when(ok, value.expr, integer(0)))),
            to=integer(0).to.copy(),
        ),
        "sum",
    )
    count = plan.let(
        exp.Cast(
            this=exp.Window(this=exp.Sum(this=when(ok, integer(1), integer(0)))),
            to=integer(0).to.copy(),
        ),
        "cnt",
    )
    summed = Num(total, value.scale, value.digits + 9)
    mean, _ = fx.div(summed, Num(count, 0, 10))
    return fx.let(mean, "avg")


def _summary_query(
    policy,
    plan,
    head,
    source,
    fx,
    walked,
    error,
    failed,
    disqualified,
    vetoed,
    row_column,
    facts,
    ranks=True,
    stats=None,
):
    status_ok = plan.let(
        exp.And(this=exp.Not(this=failed), expression=exp.Not(this=disqualified)), "ok"
    )
    total = walked.total
    bands = tuple(rt.Band(*irutil.band_fields(b)) for b in policy.bands)
    # grade quotas need every unit: not in a query whose caller ranks the rows itself
    quotas = bool(policy.quotas and bands) and not (fx.dialect == "duckdb" and not ranks)
    grade, quota_labels = _grade(
        policy, fx, total, bands, vetoed, disqualified, walked.outcomes, quotas, status_ok
    )
    group = plan.let(
        exp.Case(
            ifs=[
                exp.If(this=exp.Not(this=status_ok), true=integer(2)),
                exp.If(this=vetoed, true=integer(1)),
            ],
            default=integer(0),
        ),
        "grp",
    )
    by_count = fx.dialect == "duckdb"
    outside = by_count and not ranks  # ranked by the caller from meta["histogram"]
    if by_count:  # the rank read from the histogram of (group, total): see _ranks
        rank = exp.column("_rank")
    else:
        rank = exp.Window(
            this=exp.Anonymous(this="RANK", expressions=[]),
            partition_by=[group],
            order=exp.Order(expressions=[exp.Ordered(this=total.expr, desc=True)]),
        )
        clear = exp.Window(
            this=exp.Sum(
                this=when(exp.EQ(this=group, expression=integer(0)), integer(1), integer(0))
            )
        )
        offset = when(exp.EQ(this=group, expression=integer(1)), clear, integer(0))
        rank = exp.Add(this=rank, expression=offset)
    ranked = when(
        status_ok,
        exp.Cast(this=rank, to=exp.DataType.build("BIGINT")),
        exp.Null(),
    )
    status = exp.Case(
        ifs=[
            exp.If(this=failed, true=s(rt._STATUS_DATA_ERROR)),
            exp.If(this=disqualified, true=s(rt._STATUS_DISQUALIFIED)),
        ],
        default=s(rt._STATUS_OK),
    )

    def unless_failed(e: exp.Expression) -> exp.Expression:
        return when(failed, exp.Null(), e)

    outputs = []
    if row_column:
        outputs.append(exp.alias_(exp.column("_row"), "行", quoted=True))
    outputs += [
        exp.alias_(exp.column("_unit"), irutil.UNIT_KEY, quoted=True),
        exp.alias_(unless_failed(fx.to_decimal(total)), "总分", quoted=True),
        exp.alias_(unless_failed(grade), "等次", quoted=True),
        *(
            [exp.alias_(group.copy(), "_grp"), exp.alias_(total.expr.copy(), "_tot")]
            if outside
            else [exp.alias_(ranked, "排名", quoted=True)]
        ),
        exp.alias_(status, "状态", quoted=True),
        exp.alias_(
            when(failed, s(""), _with_quota_labels(_labels(plan, walked), quota_labels)),
            "标签",
            quoted=True,
        ),
        exp.alias_(error, "错误", quoted=True),
        exp.alias_(unless_failed(when(vetoed, exp.true(), exp.false())), "一票否决", quoted=True),
        exp.alias_(unless_failed(fx.to_decimal(walked.exact)), "精确总分", quoted=True),
    ]
    for record in walked.records:
        if record.score is not None:
            value = fx.to_decimal(record.score)
        else:
            value = fx.to_decimal(
                Num(
                    exp.Neg(this=exp.Paren(this=record.deduction.expr)),
                    record.deduction.scale,
                    record.deduction.digits,
                )
            )
        outputs.append(exp.alias_(unless_failed(value), node_column(record.node), quoted=True))
    shown: set[str] = set()
    for stat, value in (stats or {}).items():  # what the items' 所用数据 name
        key = irutil.stat_key(stat)
        if stat.kind != "value" and key not in shown:
            shown.add(key)
            outputs.append(exp.alias_(unless_failed(fx.to_decimal(value)), key, quoted=True))
    described = []
    if facts:  # the facts and every potential item, for a caller that writes the items
        outputs += _values(fx, facts)
        for k, item in enumerate(sorted(walked.items, key=lambda i: i.key)):
            outputs += [
                exp.alias_(when(failed, exp.false(), item.fired), f"_f{k}"),
                exp.alias_(fx.to_decimal(item.raw), f"_r{k}"),
                exp.alias_(fx.to_decimal(item.amount), f"_n{k}"),
                exp.alias_(fx.to_decimal(item.applied), f"_a{k}"),
            ]
            kind = _KIND_WORDS[item.kind]
            described.append((item.path, item.line, item.clause or "", item.text, kind, item.note))
    also = [group, total.expr] if by_count else []
    ctes, query = plan.chain(source, outputs, also)
    if by_count and not outside:
        ctes, query = _ranks(ctes, query, group, total.expr)
    query = with_ctes(query, head + ctes)
    if row_column:
        query = query.order_by(exp.column("行", quoted=True), copy=False)
    query.meta["items"] = described  # (节点, 行号, 条款编号, 条款原文, 类型, 备注) by k
    return query


def _with_quota_labels(labels: exp.Expression, quota_labels) -> exp.Expression:
    """The 列为/等次 labels, then each quota's (`、`-led in `quota_labels`)."""
    if quota_labels is None:
        return labels
    more = quota_labels.copy()
    joined = exp.DPipe(this=labels, expression=more)
    return exp.Case(
        ifs=[
            exp.If(
                this=exp.EQ(this=labels.copy(), expression=s("")),
                true=exp.Substring(this=more.copy(), start=exp.Literal.number(2)),
            )
        ],
        default=joined,
    )


def _values(fx: Fixed, facts: dict) -> list[exp.Expression]:
    """The facts as scored: `值:` and the name (是否 a boolean, others decimals)."""
    out = []
    for name, value in facts.items():
        shown = fx.to_decimal(value, bind=False) if isinstance(value, Num) else value.copy()
        out.append(exp.alias_(shown, f"值:{name}", quoted=True))
    return out


def _ranks(ctes, query: exp.Select, group: exp.Column, total: exp.Column):
    """RANK() OVER (PARTITION BY group ORDER BY total DESC), plus the clear units'
    count for the vetoed ones, without a window over the units: a window holds
    every row, all its columns, until the last has come (gigabytes at ten million
    units).  Instead the units are counted per (group, total) — a few hundred
    rows — and a unit's rank is 1 + the count of its group with a higher total,
    joined back on (group, total).  The units' last stage is read twice, not
    materialised (NOT MATERIALIZED): computing the totals again costs less than
    holding every unit.

    The totals reach the GROUP BY through UNNEST of a one-element list: grouped
    directly over the chain of stages, DuckDB's optimizer pushes the grouping
    down through every stage, substituting each stage's expressions into the
    next, and on some policies plans for minutes (tests/test_engine_duckdb.py,
    SLOW_PLAN_POLICY)."""
    last, body = ctes[-1]
    ctes = [*ctes[:-1], (last, body, False)]
    g, t, n = (exp.column(c) for c in ("_g", "_t", "_n"))
    totals = exp.select(
        exp.alias_(group.copy(), "_g"),
        exp.alias_(exp.Explode(this=exp.Array(expressions=[total.copy()])), "_t"),
    ).from_(last)
    counts = (
        exp.select(g.copy(), t.copy(), exp.alias_(exp.Count(this=exp.Star()), "_n"))
        .from_("_gt")
        .group_by(g.copy(), t.copy())
    )
    higher = exp.Window(
        this=exp.Sum(this=n.copy()),
        partition_by=[g.copy()],
        order=exp.Order(expressions=[exp.Ordered(this=t.copy(), desc=True)]),
    )
    clear = (
        exp.select(exp.Coalesce(this=exp.Sum(this=n.copy()), expressions=[exp.Literal.number(0)]))
        .from_("_h")
        .where(exp.EQ(this=g.copy(), expression=exp.Literal.number(0)))
    )
    rank = exp.Add(
        this=exp.Add(
            this=exp.Sub(this=higher, expression=n.copy()), expression=exp.Literal.number(1)
        ),
        expression=when(
            exp.EQ(this=g.copy(), expression=exp.Literal.number(1)),
            exp.Subquery(this=clear),
            exp.Literal.number(0),
        ),
    )
    ranks = exp.select(g.copy(), t.copy(), exp.alias_(rank, "_rank")).from_("_h")
    on = exp.and_(
        exp.EQ(this=group.copy(), expression=exp.column("_g", "_r")),
        exp.EQ(this=total.copy(), expression=exp.column("_t", "_r")),
    )
    query = query.join(exp.to_table("_r"), on=on, join_type="LEFT", copy=False)
    return [*ctes, ("_gt", totals), ("_h", counts), ("_r", ranks)], query


def _grade(
    policy,
    fx: Fixed,
    total: Num,
    bands,
    vetoed,
    disqualified,
    outcomes,
    quotas: bool = False,
    ok: exp.Expression | None = None,
) -> tuple:
    """The band (by position, 0 the highest) as `_grade` and `_limit_grade` choose it:
    the first band that matches, the last for a veto, then raised to any 等次最低
    (floor) that fired and lowered to any 等次最高 (ceiling, 一票否优), then moved by
    the quotas (`quotas.py`; with their labels, else None)."""
    if not bands:
        return exp.Null(), None
    plan = fx.plan
    ifs = []
    for index, band in enumerate(bands):
        if band.rest:
            ifs.append(exp.If(this=exp.true(), true=exp.Literal.number(index)))
            break
        conds = []
        if band.low is not None:
            conds.append(fx.compare(">=" if band.low_inclusive else ">", total, const(band.low)))
        if band.high is not None:
            conds.append(fx.compare("<=" if band.high_inclusive else "<", total, const(band.high)))
        ifs.append(exp.If(this=all_of(conds), true=exp.Literal.number(index)))
    position = plan.let(exp.Case(ifs=ifs, default=exp.Literal.number(-1)), "gi")
    limited = position
    for kind, pick in (("floor", exp.Least), ("ceiling", exp.Greatest)):
        for effect in outcomes:
            if effect.outcome.kind != kind:
                continue
            bound = exp.Literal.number(irutil.band_index(policy, effect.outcome.label))
            moved = pick(this=limited, expressions=[bound])
            limited = plan.let(when(effect.chosen, moved, limited), "gi")
    found = exp.GTE(this=position, expression=exp.Literal.number(0))
    limited = when(found, limited, position)  # no band: no grade to limit
    if quotas:  # the band's number, for the quotas (`quotas.py`) to move
        assert ok is not None
        index = plan.let(
            exp.Case(
                ifs=[
                    exp.If(this=disqualified, true=exp.Literal.number(-1)),
                    exp.If(this=vetoed, true=exp.Literal.number(len(bands) - 1)),
                ],
                default=limited,
            ),
            "gq",
        )
        after, labels = quota_columns(policy, plan, index, ok, total.expr)
        return band_names(bands, after), labels
    names = band_names(bands, limited)
    return exp.Case(
        ifs=[
            exp.If(this=disqualified, true=exp.Null()),
            exp.If(this=vetoed, true=s(bands[-1].name)),
        ],
        default=names,
    ), None


def band_names(bands, index: exp.Expression) -> exp.Case:
    """The band's name by its number (0 the highest)."""
    return exp.Case(
        ifs=[
            exp.If(this=exp.EQ(this=index.copy(), expression=exp.Literal.number(i)), true=s(b.name))
            for i, b in enumerate(bands)
        ],
        default=exp.Null(),
    )


def _labels(plan: Plan, walked) -> exp.Expression:
    """列为 labels in the order they first fired, joined by 、."""
    pieces = []
    seen: dict[str, list[exp.Expression]] = {}
    for effect in walked.outcomes:
        if effect.outcome.kind not in _LABELLED:
            continue
        name = irutil.outcome_label(effect.outcome)
        earlier = seen.setdefault(name, [])
        first = all_of([effect.chosen] + [exp.Not(this=e) for e in earlier])
        pieces.append(when(first, s("、" + name), s("")))
        earlier.append(effect.chosen)
    if not pieces:
        return s("")
    joined = plan.let(concat(pieces), "lab")
    return exp.Substring(this=joined, start=exp.Literal.number(2))


def _items_query(plan, head, source, fx, walked, failed, row_column, dialect, facts):
    """One row per item that fired, and only those: each unit's items as a list of
    (number, fired, amounts) filtered to the fired ones and unnested (DuckDB, Spark),
    or a LATERAL VALUES list filtered the same way (PostgreSQL).  Amounts stay scaled
    integers until the outer SELECT turns the few item rows into decimals; the
    texts of an item are picked by its number there."""
    ordered = sorted(walked.items, key=lambda i: i.key)
    index = exp.column("_i")
    scale = max((i.applied.scale for i in ordered), default=0)
    raw_scale = max((i.raw.scale for i in ordered), default=0)
    keep = plan.let(exp.Not(this=failed), "keep")
    fired = [plan.let(i.fired, "z") for i in ordered] or [exp.false()]
    nominal = [plan.let(fx.rescale(i.amount, scale).expr, "k") for i in ordered] or [integer(0)]
    applied = [plan.let(fx.rescale(i.applied, scale).expr, "a") for i in ordered] or [integer(0)]
    raw = [plan.let(fx.rescale(i.raw, raw_scale).expr, "w") for i in ordered] or [integer(0)]
    values = {name: facts[name] for name in facts}  # fact name → Num or boolean column
    carried = ["_unit", *(["_row"] if row_column else [])]
    carried += [(v.expr if isinstance(v, Num) else v).name for v in values.values()]
    ctes, inner = plan.chain(
        source,
        [
            *[exp.column(c) for c in carried],
            exp.alias_(keep, "_keep"),
            *fired,
            *nominal,
            *applied,
            *raw,
        ],
    )
    fields = ("_i", "_f", "_n", "_a", "_r")
    rows = [
        (exp.Literal.number(k + 1), f, n, a, r)
        for k, (f, n, a, r) in enumerate(zip(fired, nominal, applied, raw, strict=True))
    ]

    def pick(values: list[exp.Expression]) -> exp.Expression:
        if not values:
            return exp.Null()
        return exp.Case(
            ifs=[
                exp.If(this=exp.EQ(this=index, expression=exp.Literal.number(k + 1)), true=v)
                for k, v in enumerate(values)
            ],
            default=exp.Null(),
        )

    units = exp.to_table("_u")
    if dialect == "duckdb":
        middle = _fired_unnested(carried, fields, rows, units)
    elif dialect == "postgres":
        middle = _fired_lateral(carried, fields, rows, units)
    else:
        middle = _fired_crossed(carried, rows, units, pick)

    def decimal(name: str, at: int) -> exp.Expression:
        # one of the amounts above, as wide as they were made (`rescale`)
        return fx.to_decimal(Num(exp.column(name), at, 1), bind=False)

    outputs = []
    if row_column:
        outputs.append(exp.alias_(exp.column("_row"), "行", quoted=True))
    outputs += [
        exp.alias_(exp.column("_unit"), irutil.UNIT_KEY, quoted=True),
        exp.alias_(exp.Cast(this=index, to=exp.DataType.build("INT")), "序号", quoted=True),
        exp.alias_(pick([s(i.path) for i in ordered]), "节点", quoted=True),
        exp.alias_(pick([exp.Literal.number(i.line) for i in ordered]), "行号", quoted=True),
        exp.alias_(pick([s(i.clause or "") for i in ordered]), "条款编号", quoted=True),
        exp.alias_(pick([s(i.text) for i in ordered]), "条款原文", quoted=True),
        exp.alias_(pick([s(_KIND_WORDS[i.kind]) for i in ordered]), "类型", quoted=True),
        exp.alias_(decimal("_r", raw_scale), "原始", quoted=True),
        exp.alias_(decimal("_n", scale), "应扣", quoted=True),
        exp.alias_(decimal("_a", scale), "实扣", quoted=True),
        exp.alias_(pick([s(i.note) for i in ordered]), "备注", quoted=True),
    ]
    for name, value in values.items():
        shown = (
            fx.to_decimal(Num(exp.column(value.expr.name), value.scale, value.digits), bind=False)
            if isinstance(value, Num)
            else exp.column(value.name)
        )
        outputs.append(exp.alias_(shown, f"值:{name}", quoted=True))
    query = exp.select(*outputs).from_("_m", copy=False)
    query = with_ctes(query, [*head, *ctes, ("_u", inner), *middle])
    order = (
        [exp.column("行", quoted=True)]
        if row_column
        else [exp.column(irutil.UNIT_KEY, quoted=True)]
    )
    return query.order_by(*order, exp.column("序号", quoted=True), copy=False)


def _fired_unnested(carried, fields, rows, units) -> list[tuple[str, exp.Expression]]:
    """DuckDB: each unit's items as a list of structs, filtered to the fired ones in
    the list and unnested — one row per fired item, none for the others."""
    structs = exp.Array(
        expressions=[
            exp.Struct(
                expressions=[
                    exp.PropertyEQ(this=exp.to_identifier(f), expression=v)
                    for f, v in zip(fields, r, strict=True)
                ]
            )
            for r in rows
        ]
    )
    item = exp.to_identifier("_x")
    fired = exp.ArrayFilter(
        this=structs,
        expression=exp.Lambda(
            this=exp.Dot(this=exp.column(item.copy()), expression=exp.to_identifier("_f")),
            expressions=[item],
        ),
    )
    unnested = (
        exp.select(*carried, exp.alias_(exp.Explode(this=fired), "_it"))
        .from_(units, copy=False)
        .where(exp.column("_keep"), copy=False)
    )
    fields_out = [
        exp.alias_(exp.Dot(this=exp.column("_it"), expression=exp.to_identifier(f)), f)
        for f in fields
        if f != "_f"
    ]
    return [("_x", unnested), ("_m", exp.select(*carried, *fields_out).from_("_x", copy=False))]


def _fired_lateral(carried, fields, rows, units) -> list[tuple[str, exp.Expression]]:
    """PostgreSQL: the items as a LATERAL VALUES list, filtered to the fired ones."""
    values = exp.Values(expressions=[exp.Tuple(expressions=list(r)) for r in rows])
    lateral = exp.Lateral(
        this=exp.Subquery(this=values),
        alias=exp.TableAlias(
            this=exp.to_identifier("_k"), columns=[exp.to_identifier(f) for f in fields]
        ),
    )
    query = (
        exp.select(*carried, *[exp.column(f, "_k") for f in fields if f != "_f"])
        .from_(units, copy=False)
        .join(lateral, join_type="CROSS", copy=False)
        .where(exp.And(this=exp.column("_keep"), expression=exp.column("_f", "_k")), copy=False)
    )
    return [("_m", query)]


def _fired_crossed(carried, rows, units, pick) -> list[tuple[str, exp.Expression]]:
    """Spark: the units crossed with the item numbers, amounts picked by number and
    the unfired rows dropped.  (Spark's optimizer inlines the whole scoring chain
    into an array of structs and runs out of memory planning it; a join stops that.)"""
    numbers = exp.Values(
        expressions=[exp.Tuple(expressions=[r[0].copy()]) for r in rows],
        alias=exp.TableAlias(this=exp.to_identifier("_k"), columns=[exp.to_identifier("_i")]),
    )
    fired, nominal, applied, raw = ([r[k] for r in rows] for k in range(1, 5))
    query = (
        exp.select(
            *carried,
            "_i",
            exp.alias_(pick(nominal), "_n"),
            exp.alias_(pick(applied), "_a"),
            exp.alias_(pick(raw), "_r"),
        )
        .from_(units, copy=False)
        .join(numbers, join_type="CROSS", copy=False)
        .where(
            exp.And(this=exp.column("_keep"), expression=exp.Paren(this=pick(fired))), copy=False
        )
    )
    return [("_m", query)]
