"""IR expressions and conditions as Python expressions, and the names they use.

Names are generated ASCII only: `v3` (fact 3), `g0` (average 0), `z1` (batch statistic 1), `_k7` (constant 7);
policy values appear only as literals written by `pyliteral.py`, operators and
functions only from the whitelists below.  Counts are Python ints at run time: they
are used as they are where an int is exact (a step quantity, a comparison) and as
`Decimal(v)` inside a formula, where int ÷ int would not be.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from ...ir import nodes as ir
from . import intpath
from .pyliteral import py

_ARITH = {"+": "+", "-": "-", "*": "*", "/": "/"}
_CMP = {">=": ">=", ">": ">", "<=": "<=", "<": "<", "==": "==", "!=": "!="}

#: Marks the first generated line of a clause or node block; `codegen` turns these
#: into the table that names the .rule line of an exception.
PLACE_MARK = "# ── place "


class CodegenError(ValueError):
    """IR that cannot be turned into code (a lowering bug, never user input)."""


class Writer:
    """Indented source lines."""

    def __init__(self, level: int):
        self.lines: list[str] = []
        self.level = level

    def __call__(self, text: str) -> None:
        self.lines.append("    " * self.level + text)

    @contextmanager
    def block(self, header: str) -> Iterator[None]:
        self(header)
        self.level += 1
        start = len(self.lines)
        yield
        if len(self.lines) == start:
            self("pass")
        self.level -= 1

    def text(self) -> str:
        return "\n".join(self.lines)


class Expressions:
    """Constants, names, expressions and conditions of one policy.

    With `ints` (see `intpath`), scores are Python ints: whole constants are written as
    int literals, counts are used as they are, and `dec` turns a number into the
    Decimal the result records carry; expressions that are not whole (a percentage in
    a condition, a date) keep their Decimal code."""

    def __init__(self, policy: ir.Policy, ints: bool = False):
        self.policy = policy
        self.ints = ints
        self.zero = "0" if ints else "_ZERO"
        self.facts = {f.name: i for i, f in enumerate(policy.facts)}
        self.counts = {f.name for f in policy.facts if f.type == "count"}
        self.averages = {name: i for i, name in enumerate(policy.averages)}
        self.stats = {stat: i for i, stat in enumerate(policy.stats)}
        self.constants: dict[str, str] = {}  # literal → name
        self.values: dict[str, Decimal | date] = {}  # name → value

    # ----------------------------------------------------------------------- names

    def const(self, value: Decimal | date) -> str:
        """A constant of the score arithmetic: an int literal on the integer path."""
        if self.ints and intpath.whole(value):
            number = int(value)
            literal = py(number) if number >= 0 else f"({py(number)})"
            self.values[literal] = value
            return literal
        return self.dconst(value)

    def dconst(self, value: Decimal | date) -> str:
        """A constant as the Decimal (or date) object, named once in the module."""
        if isinstance(value, Decimal) and value == 0 and str(value) == "0":
            return "_ZERO"
        literal = py(value)
        name = self.constants.get(literal)
        if name is None:
            name = f"_k{len(self.constants)}"
            self.constants[literal] = name
            self.values[name] = value
        return name

    def fact(self, name: str) -> str:
        if name not in self.facts:
            raise CodegenError(f"unknown fact {name!r}")
        return f"v{self.facts[name]}"

    def average(self, name: str) -> str:
        if name not in self.averages:
            raise CodegenError(f"average of {name!r} is not in Policy.averages")
        return f"g{self.averages[name]}"

    def stat(self, stat: ir.BatchStat) -> str:
        if stat not in self.stats:
            raise CodegenError(f"statistic {stat!r} is not in Policy.stats")
        return f"z{self.stats[stat]}"

    # ------------------------------------------------------------ expressions, conditions

    def dec(self, code: str) -> str:
        """The Decimal of a number computed by the module (identity off the integer
        path): what a result record carries."""
        if not self.ints or code == "_ZERO":
            return code
        if code == "0":
            return "_ZERO"
        if code in self.values:
            return self.dconst(self.values[code])
        return f"Decimal({code})"

    def times(self, amount: str, quantity: str) -> str:
        """amount × quantity; on the integer path 1 × q is q itself."""
        return quantity if self.ints and amount == "1" else f"{amount} * {quantity}"

    def expr(self, e: ir.Expr, direct: bool = False) -> str:
        """Python for e.  `direct`: e stands alone where an int count is exact."""
        if self.ints and intpath.int_expr(e, self.counts):
            return self._int_expr(e)
        return self._dec_expr(e, direct)

    def _int_expr(self, e: ir.Expr) -> str:
        """Int code for an expression `intpath.int_expr` accepts."""
        if isinstance(e, ir.Const):
            return self.const(e.value)
        if isinstance(e, ir.FactValue):
            return self.fact(e.name)
        if isinstance(e, ir.DaysLate):
            return f"({self.fact(e.fact)} - {self.dconst(e.due)}).days"
        if isinstance(e, ir.Arith) and e.op in ("+", "-", "*"):
            return f"({self._int_expr(e.left)} {_ARITH[e.op]} {self._int_expr(e.right)})"
        if isinstance(e, ir.Func):
            args = [self._int_expr(a) for a in e.args]
            if e.func == "floor":
                return args[0]
            return args[0] if len(args) == 1 else f"{e.func}({', '.join(args)})"
        raise CodegenError(f"not an int expression: {type(e).__name__}")

    def _dec_expr(self, e: ir.Expr, direct: bool = False) -> str:
        """Decimal code for e (every part of it, whatever the path)."""
        if isinstance(e, ir.Const):
            return self.dconst(e.value)
        if isinstance(e, ir.FactValue):
            name = self.fact(e.name)
            return f"Decimal({name})" if e.name in self.counts and not direct else name
        if isinstance(e, ir.AverageOf):
            return self.average(e.name)
        if isinstance(e, ir.Arith):
            if e.op not in _ARITH:
                raise CodegenError(f"unknown operator {e.op!r}")
            code = f"{self._dec_expr(e.left)} {_ARITH[e.op]} {self._dec_expr(e.right)}"
            return f"_limit({code})" if e.op in "*/" else f"({code})"
        if isinstance(e, ir.Func):
            args = [self._dec_expr(a) for a in e.args]
            if e.func in ("max", "min") and args:
                return args[0] if len(args) == 1 else f"{e.func}({', '.join(args)})"
            if e.func == "floor" and len(args) == 1:
                return f"_floor({args[0]})"
            if e.func == "round" and len(args) == 2:
                return f"_round({args[0]}, {args[1]})"
            raise CodegenError(f"unknown function {e.func!r}/{len(args)}")
        if isinstance(e, ir.DaysLate):
            return f"_days_late({self.fact(e.fact)}, {self.dconst(e.due)})"
        if isinstance(e, ir.BatchStat):
            return self.stat(e)
        if isinstance(e, ir.Share):
            parts = (
                self._dec_expr(e.points),
                self._dec_expr(e.value),
                self._dec_expr(e.best),
                str(e.high),
            )
            return f"_share({', '.join(parts)})"
        if isinstance(e, ir.Pick):
            amounts = "".join(f"{self.dconst(a)}, " for a in e.amounts)
            return f"_pick({self._dec_expr(e.index)}, ({amounts}))"
        raise CodegenError(f"unknown expression {type(e).__name__}")

    def cond(self, c: ir.Cond) -> str:
        if isinstance(c, ir.IsTrue):
            return self.fact(c.fact)
        if isinstance(c, ir.Cmp):
            if c.op not in _CMP:
                raise CodegenError(f"unknown comparison {c.op!r}")
            left, right = self.expr(c.left, True), self.expr(c.right, True)
            return f"({left} {_CMP[c.op]} {right})"
        if isinstance(c, ir.Negate):
            return f"(not {self.cond(c.operand)})"
        if isinstance(c, ir.AllOf | ir.AnyOf):
            if not c.operands:
                return "True" if isinstance(c, ir.AllOf) else "False"
            word = " and " if isinstance(c, ir.AllOf) else " or "
            return "(" + word.join(self.cond(o) for o in c.operands) + ")"
        raise CodegenError(f"unknown condition {type(c).__name__}")

    @staticmethod
    def bare(code: str) -> str:
        """Drop one pair of outer parentheses where they are redundant."""
        if code.startswith("(") and code.endswith(")"):
            depth = 0
            for i, ch in enumerate(code):
                depth += ch == "("
                depth -= ch == ")"
                if depth == 0 and i < len(code) - 1:
                    return code
            return code[1:-1]
        return code
