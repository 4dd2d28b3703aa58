"""Named columns computed in stages: the SQL counterpart of local variables.

SQL cannot name a value once and read it twice within one SELECT, so every value
that is read more than once (a quotient, a node's deduction, an item's share) is
bound to a generated column with `let`.  A column's stage is one more than the
latest stage it reads; `render` lays the stages out as a chain of CTEs, each adding
the columns of its stage and keeping only what later stages or the outputs read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlglot import exp


class Plan:
    """Generated column name → (expression, stage).  Stage 0 is the source CTE."""

    def __init__(self, base: Sequence[str], prefix: str = "_s", start: int = 0):
        self.stage: dict[str, int] = dict.fromkeys(base, 0)
        self._base = {name: i for i, name in enumerate(base)}
        self.defs: dict[str, exp.Expression] = {}
        self.prefix = prefix  # of the stage CTEs' names
        self._count = start  # a later plan over this one's outputs starts past its names

    @property
    def count(self) -> int:
        """How many names this plan has made (with its start)."""
        return self._count

    def let(self, expr: exp.Expression, hint: str = "v") -> exp.Column:
        """A column holding `expr` (columns and literals are returned as they are)."""
        if isinstance(expr, (exp.Column, exp.Literal, exp.Boolean)):
            return expr
        if isinstance(expr, exp.Cast) and isinstance(expr.this, exp.Literal):
            return expr
        self._count += 1
        name = f"_{hint}{self._count}"
        self.defs[name] = expr
        self.stage[name] = 1 + max((self.stage[d] for d in self.reads(expr)), default=0)
        return exp.column(name)

    def reads(self, expr: exp.Expression) -> set[str]:
        return {c.name for c in expr.find_all(exp.Column) if c.name in self.stage}

    def render(self, source: exp.Expression, outputs: list[exp.Expression]) -> exp.Select:
        """SELECT outputs FROM the chain of stage CTEs over `source` (stage 0)."""
        ctes, query = self.chain(source, outputs)
        return with_ctes(query, ctes)

    def chain(
        self,
        source: exp.Expression,
        outputs: list[exp.Expression],
        also: list[exp.Expression] = (),
    ) -> tuple[list[tuple[str, exp.Expression]], exp.Select]:
        """The stage CTEs (name, body) and the SELECT of outputs over the last one;
        the last stage also has the columns `also` reads (for a query built on it)."""
        needed: set[str] = set()
        todo = [name for out in [*outputs, *also] for name in self.reads(out)]
        last_use: dict[str, int] = {}
        final = 1 + max((self.stage[n] for n in todo), default=0)
        for name in todo:
            last_use[name] = final
        while todo:
            name = todo.pop()
            if name in needed:
                continue
            needed.add(name)
            if name in self.defs:
                for dep in self.reads(self.defs[name]):
                    last_use[dep] = max(last_use.get(dep, 0), self.stage[name])
                    todo.append(dep)
        p = self.prefix
        ctes: list[tuple[str, exp.Expression]] = [(f"{p}0", source)]
        for stage in range(1, final):
            keep = [
                exp.column(n)
                for n in sorted(needed, key=self._order)
                if self.stage[n] < stage and last_use[n] >= stage
            ]
            new = [
                exp.alias_(self.defs[n], n)
                for n in sorted(needed, key=self._order)
                if self.stage[n] == stage
            ]
            ctes.append((f"{p}{stage}", _select(keep + new, f"{p}{stage - 1}")))
        return ctes, _select(outputs, f"{p}{final - 1}")

    def _order(self, name: str) -> tuple[int, int]:
        """Base columns first, then generated ones in the order they were made."""
        if name in self.defs:
            return (1, int(re.search(r"\d+$", name).group()))
        return (0, self._base[name])


def with_ctes(query: exp.Select, ctes: list[tuple]) -> exp.Select:
    """`query` with the CTEs in front (WITH name AS (body), …); a CTE given as
    (name, body, False) is marked NOT MATERIALIZED (DuckDB only)."""
    query.set(
        "with_",
        exp.With(
            expressions=[
                exp.CTE(
                    this=cte[1],
                    alias=exp.TableAlias(this=exp.to_identifier(cte[0])),
                    materialized=cte[2] if len(cte) > 2 else None,
                )
                for cte in ctes
            ]
        ),
    )
    return query


def _select(columns: list[exp.Expression], table: str) -> exp.Select:
    """SELECT columns FROM table, built without the builder's copies of the tree."""
    return exp.Select(expressions=columns, from_=exp.From(this=exp.to_table(table)))
