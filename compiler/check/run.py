"""Static checks of a parsed policy (LANGUAGE.md §6): every E2xx / W3xx diagnostic.

`check` builds the symbol table once and runs one pass per concern (checks/*.py);
the result is sorted by position and free of exact duplicates.  It never raises on a
tree the parser produced: a check that cannot apply simply reports nothing.
"""

from __future__ import annotations

from decimal import localcontext

from ..diagnostics.diagnostic import Diagnostic, sort_diagnostics
from ..source.gcpause import paused_gc
from ..source.text import Source
from ..syntax import ast
from .context import Context
from .passes.bands import check_bands
from .passes.batch import check_batch
from .passes.chains import check_chains
from .passes.clauses import check_clauses
from .passes.decls import check_decls
from .passes.formulas import check_formulas
from .passes.grade_limits import check_grade_limits
from .passes.limits import check_limits
from .passes.names import check_names
from .passes.notes import check_notes
from .passes.outline import check_outline
from .passes.overrides import check_overrides
from .passes.points import check_points
from .passes.quotas import check_quotas
from .passes.testcases import check_tests

PASSES = (
    check_decls,
    check_names,
    check_clauses,
    check_chains,
    check_formulas,
    check_outline,
    check_points,
    check_bands,
    check_grade_limits,
    check_quotas,
    check_overrides,
    check_batch,
    check_notes,
    check_tests,
    check_limits,
)


def check(tree: ast.PolicyFile, source: Source) -> list[Diagnostic]:
    """All semantic errors and warnings of `tree`, in source order.

    W310 (an inferred fact) is always reported; a front end shows it under
    `check --strict` only.

    The cyclic collector is paused (`gcpause`): the passes make many short-lived
    objects and no garbage cycles, and full collections over a large tree made the
    checker's time grow faster than the policy.
    """
    with paused_gc():
        return _check(tree, source)


def _check(tree: ast.PolicyFile, source: Source) -> list[Diagnostic]:
    ctx = Context.build(tree, source)
    found: list[Diagnostic] = []
    with localcontext() as exact:
        exact.prec = 60  # sums of points are exact, whatever the caller's context
        for run in PASSES:
            found += run(ctx)
    unique: dict[tuple, Diagnostic] = {}
    for diag in found:
        unique.setdefault((diag.code, diag.span, tuple(sorted(diag.args.items()))), diag)
    return sort_diagnostics(unique.values())


def has_errors(diags: list[Diagnostic]) -> bool:
    return any(d.is_error for d in diags)
