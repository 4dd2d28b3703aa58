"""Both implementations of one hand-built IR policy, for tests that must hold for each.

`scorers(p)` gives the compiled module (through `api.from_ir`) and the reference
interpreter; a test parametrised over `KINDS` runs once with each.
"""

from __future__ import annotations

from decimal import Context, localcontext

from xize.compiler.api import from_ir
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.ir import nodes as ir

KINDS = ("compiled", "interpreted")


def scorer(policy: ir.Policy, kind: str):
    """An object with score / total / score_batch for `policy`."""
    if kind == "compiled":
        return from_ir(policy)
    return Interpreter(policy)


def identity_holds(result, full_marks) -> bool:
    """Σ applied deductions − Σ applied bonuses = 满分 − exact total (LANGUAGE.md §4.11)."""
    with localcontext(Context(prec=60)):  # the scoring precision, not the default 28
        deducted = sum((i.applied for i in result.items if i.kind == "deduct"), 0)
        added = sum((i.applied for i in result.items if i.kind == "bonus"), 0)
        return deducted - added == full_marks - result.exact_total
