"""Rendering the one query tree for each engine.

The tree is engine-neutral except for two markers whose spelling differs in meaning,
not just syntax: exact integer division (`exp.IntDiv`: DuckDB divides DECIMALs in
floating point, so it divides HUGEINTs, or BIGINTs where every scaled integer of the
query fits one — then they are all BIGINTs there, see `fixed.measured`; Spark and PostgreSQL divide the exact
multiple a − a % b, whose quotient they hold exactly) and regular-expression groups
(PostgreSQL has no REGEXP_EXTRACT).  Every identifier is quoted by sqlglot.
"""

from __future__ import annotations

from sqlglot import exp

DIALECTS = ("duckdb", "spark", "postgres")
_INT = "DECIMAL(38, 0)"


def _int_div(node: exp.Expression, dialect: str) -> exp.Expression:
    if not isinstance(node, exp.IntDiv):
        return node
    a, b = node.this, node.expression
    small = dialect == "duckdb" and node.meta.get("bigint")
    if dialect == "duckdb":  # each operand once: moved, not copied
        kind = exp.DataType.build("BIGINT" if small else "INT128")
        quotient = exp.IntDiv(
            this=exp.Cast(this=a.pop(), to=kind),
            expression=exp.Cast(this=b.pop(), to=kind.copy()),
        )
    else:
        multiple = exp.Sub(this=a.copy(), expression=exp.Mod(this=a.copy(), expression=b.copy()))
        quotient = exp.Div(this=exp.Paren(this=multiple), expression=b.copy())
    return exp.Cast(this=quotient, to=exp.DataType.build("BIGINT" if small else _INT))


def _bigint(node: exp.Expression) -> exp.Expression:
    """A scaled integer's type as BIGINT (DuckDB), where the query proved they all
    fit (`fixed.measured`, marked by `query.build_query`)."""
    if isinstance(node, exp.DataType) and node.meta.get("bigint"):
        return exp.DataType.build("BIGINT")
    return node


def _postgres_regex(node: exp.Expression) -> exp.Expression:
    if not isinstance(node, exp.RegexpExtract):
        return node
    match = exp.Anonymous(
        this="REGEXP_MATCH", expressions=[node.this.copy(), node.expression.copy()]
    )
    group = node.args.get("group") or exp.Literal.number(1)
    return exp.Bracket(this=exp.Paren(this=match), expressions=[group.copy()])


def render(tree: exp.Expression, dialect: str, pretty: bool = True, copy: bool = True) -> str:
    """The query text; `tree` is left as it was (one copy is rewritten and rendered:
    copying a large policy's tree costs more than generating its text), or, with
    `copy=False`, rewritten in place (for a caller that is done with it)."""
    if copy:
        tree = tree.copy()
    if dialect == "duckdb":
        tree = tree.transform(_bigint, copy=False)
    tree = tree.transform(lambda n: _int_div(n, dialect), copy=False)
    if dialect == "postgres":
        tree = tree.transform(_postgres_regex, copy=False)
    return tree.sql(dialect=dialect, identify=True, pretty=pretty, copy=False)
