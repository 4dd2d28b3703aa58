"""The whole query: source columns, conversion, batch means, the walk, the outputs.

`build_query` makes one sqlglot tree; `compile_sql` renders it for a dialect
(`dialects.render`).  The summary query gives one row per row of the facts table;
the items query one row per 扣分明细 item of each unit that scored.
"""

from __future__ import annotations

from sqlglot import exp

from ...ir import nodes as ir
from ...ir import util as irutil
from ...support import prelude as rt
from .clauses import ClauseBuilder
from .dialects import DIALECTS, render
from .fixed import Fixed, Num, SqlUnsupported, const, integer, when
from .inputs import Inputs, s
from .plan import Plan
from .walk import Walk

__all__ = ["DIALECTS", "SqlUnsupported", "build_query", "compile_sql", "node_column"]

_KIND_WORDS = {"deduct": "扣分", "bonus": "加分", "outcome": "结果"}
_TEXT = exp.DataType.build("TEXT")
#: Outcome kinds this backend computes; those that give the unit a label.
_OUTCOMES = ("disqualify", "veto", "label", "ceiling", "floor")
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
) -> str:
    """The query text for `dialect`; raises SqlUnsupported for what SQL cannot do."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; one of {', '.join(DIALECTS)}")
    tree = build_query(policy, table, items, row_column)
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
    policy: ir.Policy, table: str = "facts", items: bool = False, row_column: str | None = None
) -> exp.Select:
    _check_kinds(policy)
    raws = {f.name: f"_fact{i}" for i, f in enumerate(policy.facts)}
    base = ["_unit", *raws.values()] + (["_row"] if row_column else [])
    source = exp.select(
        exp.alias_(_col(irutil.UNIT_KEY), "_unit"),
        *[exp.alias_(exp.Cast(this=_col(name), to=_TEXT.copy()), raws[name]) for name in raws],
        *([exp.alias_(_col(row_column), "_row")] if row_column else []),
    ).from_(_table(table))
    plan = Plan(base)
    fx = Fixed(plan)
    inputs = Inputs(
        policy, fx, {name: exp.column(col) for name, col in raws.items()}, exp.column("_unit")
    )
    env: dict = {}
    conversion_errors = []
    for fact in policy.facts:
        converted = inputs.convert(fact)
        env[fact.name] = converted.value
        conversion_errors.append(converted.error)
    converted_ok = plan.let(
        _all([exp.Is(this=e, expression=exp.Null()) for e in conversion_errors]), "ok"
    )
    ordinals = irutil.clause_ordinals(policy)
    members = converted_ok
    if policy.averages and _disqualifies(policy):
        # as `_batch_stats`: a unit is in the batch when, scored with every mean 0, it
        # is neither disqualified nor an error (取消考评资格 reads no batch value)
        zeros = {name: const(0) for name in policy.averages}
        probe = Walk(policy, fx, ClauseBuilder(fx, env, zeros, ordinals)).run()
        out = [cond for _, cond in probe.failures]
        out += [e.chosen for e in probe.outcomes if e.outcome.kind == "disqualify"]
        members = plan.let(exp.And(this=converted_ok, expression=exp.Not(this=_any(out))), "ok")
    averages = {}
    for name in policy.averages:
        averages[name] = _mean(fx, env[name], members)
    clauses = ClauseBuilder(fx, env, averages, ordinals)
    walked = Walk(policy, fx, clauses).run()

    failures = [
        exp.If(
            this=cond,
            true=exp.DPipe(
                this=inputs.where,
                expression=s(f"第{clause.line}行的条款 “{clause.text}”无法计算：除数为0"),
            ),
        )
        for clause, cond in walked.failures
    ]
    error_parts = list(conversion_errors)
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
        _any([e.chosen for e in walked.outcomes if e.outcome.kind == "disqualify"]), "dq"
    )
    vetoed = plan.let(_any([e.chosen for e in walked.outcomes if e.outcome.kind == "veto"]), "vt")
    if items:
        return _items_query(plan, source, fx, walked, failed, row_column)
    return _summary_query(
        policy, plan, source, fx, walked, error, failed, disqualified, vetoed, row_column
    )


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
    policy, plan, source, fx, walked, error, failed, disqualified, vetoed, row_column
):
    status_ok = plan.let(
        exp.And(this=exp.Not(this=failed), expression=exp.Not(this=disqualified)), "ok"
    )
    total = walked.total
    bands = tuple(rt.Band(*irutil.band_fields(b)) for b in policy.bands)
    grade = _grade(policy, fx, total, bands, vetoed, disqualified, walked.outcomes)
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
    rank = exp.Window(
        this=exp.Anonymous(this="RANK", expressions=[]),
        partition_by=[group],
        order=exp.Order(expressions=[exp.Ordered(this=total.expr, desc=True)]),
    )
    clear = exp.Window(
        this=exp.Sum(this=when(exp.EQ(this=group, expression=integer(0)), integer(1), integer(0)))
    )
    offset = when(exp.EQ(this=group, expression=integer(1)), clear, integer(0))
    ranked = when(
        status_ok,
        exp.Cast(this=exp.Add(this=rank, expression=offset), to=exp.DataType.build("BIGINT")),
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
        exp.alias_(ranked, "排名", quoted=True),
        exp.alias_(status, "状态", quoted=True),
        exp.alias_(when(failed, s(""), _labels(plan, walked)), "标签", quoted=True),
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
    query = plan.render(source, outputs)
    if row_column:
        query = query.order_by(exp.column("行", quoted=True), copy=False)
    return query


def _grade(policy, fx: Fixed, total: Num, bands, vetoed, disqualified, outcomes) -> exp.Expression:
    """The band (by position, 0 the highest) as `_grade` and `_limit_grade` choose it:
    the first band that matches, the last for a veto, then raised to any 等次最低
    (floor) that fired and lowered to any 等次最高 (ceiling, 一票否优)."""
    if not bands:
        return exp.Null()
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
        ifs.append(exp.If(this=_all(conds), true=exp.Literal.number(index)))
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
    names = exp.Case(
        ifs=[
            exp.If(this=exp.EQ(this=limited, expression=exp.Literal.number(i)), true=s(b.name))
            for i, b in enumerate(bands)
        ],
        default=exp.Null(),
    )
    return exp.Case(
        ifs=[
            exp.If(this=disqualified, true=exp.Null()),
            exp.If(this=vetoed, true=s(bands[-1].name)),
        ],
        default=names,
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
        first = _all([effect.chosen] + [exp.Not(this=e) for e in earlier])
        pieces.append(when(first, s("、" + name), s("")))
        earlier.append(effect.chosen)
    if not pieces:
        return s("")
    joined = plan.let(_concat(pieces), "lab")
    return exp.Substring(this=joined, start=exp.Literal.number(2))


def _items_query(plan, source, fx, walked, failed, row_column):
    """One row per item that fired: the units' rows crossed with the item numbers,
    each column a CASE on the number, amounts picked as scaled integers and turned
    into decimals once, outside."""
    ordered = sorted(walked.items, key=lambda i: i.key)
    index = exp.column("_i")
    scale = max((i.applied.scale for i in ordered), default=0)
    raw_scale = max((i.raw.scale for i in ordered), default=0)
    keep = plan.let(exp.Not(this=failed), "keep")
    fired = [plan.let(i.fired, "z") for i in ordered]
    nominal = [plan.let(fx.rescale(i.amount, scale).expr, "k") for i in ordered]
    applied = [plan.let(fx.rescale(i.applied, scale).expr, "a") for i in ordered]
    raw = [plan.let(fx.rescale(i.raw, raw_scale).expr, "w") for i in ordered]
    carried = [exp.column("_unit"), *([exp.column("_row")] if row_column else [])]
    inner = plan.render(source, [*carried, keep, *fired, *nominal, *applied, *raw])

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

    numbers = [
        exp.Tuple(expressions=[exp.Literal.number(k + 1)]) for k in range(max(1, len(ordered)))
    ]
    values = exp.Values(
        expressions=numbers,
        alias=exp.TableAlias(this=exp.to_identifier("_k"), columns=[exp.to_identifier("_i")]),
    )
    middle = (
        exp.select(
            *carried,
            index,
            exp.alias_(pick(nominal), "_nom"),
            exp.alias_(pick(applied), "_app"),
            exp.alias_(pick(raw), "_raw"),
        )
        .from_(
            exp.Subquery(this=inner, alias=exp.TableAlias(this=exp.to_identifier("_u"))), copy=False
        )
        .join(values, join_type="CROSS", copy=False)
        .where(
            exp.And(this=keep, expression=exp.Paren(this=pick(fired) if ordered else exp.false())),
            copy=False,
        )
    )

    def decimal(name: str, at: int) -> exp.Expression:
        return fx.to_decimal(Num(exp.column(name), at, 38), bind=False)

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
        exp.alias_(decimal("_raw", raw_scale), "原始", quoted=True),
        exp.alias_(decimal("_nom", scale), "应扣", quoted=True),
        exp.alias_(decimal("_app", scale), "实扣", quoted=True),
        exp.alias_(pick([s(i.note) for i in ordered]), "备注", quoted=True),
    ]
    query = exp.select(*outputs).from_(
        exp.Subquery(this=middle, alias=exp.TableAlias(this=exp.to_identifier("_m"))), copy=False
    )
    order = (
        [exp.column("行", quoted=True)]
        if row_column
        else [exp.column(irutil.UNIT_KEY, quoted=True)]
    )
    return query.order_by(*order, exp.column("序号", quoted=True), copy=False)


def _concat(parts: list[exp.Expression]) -> exp.Expression:
    out = parts[0]
    for part in parts[1:]:
        out = exp.DPipe(this=out, expression=part)
    return out


def _any(conds: list[exp.Expression]) -> exp.Expression:
    if not conds:
        return exp.false()
    out = conds[0]
    for c in conds[1:]:
        out = exp.Or(this=out, expression=c)
    return exp.Paren(this=out)


def _all(conds: list[exp.Expression]) -> exp.Expression:
    if not conds:
        return exp.true()
    out = conds[0]
    for c in conds[1:]:
        out = exp.And(this=out, expression=c)
    return exp.Paren(this=out)
