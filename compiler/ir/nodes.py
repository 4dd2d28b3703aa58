"""The intermediate representation: what a policy computes, with nothing left to resolve.

Codegen and the reference interpreter read only this.  Names are resolved, parameters
inlined, comparison words turned into operators (with `边界` applied), units checked,
budgets computed.  Clause kinds form a closed set: adding a kind adds a class here and
one branch in each consumer, and disturbs no other kind.

Numbers are `Decimal`; percentages are in percent points (`80%` → Decimal(80)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# ------------------------------------------------------------------------------ facts

FACT_TYPES = ("bool", "count", "percent", "number", "points", "date")


@dataclass(frozen=True)
class Fact:
    """An input fact. `type` is one of FACT_TYPES; `unit` the count unit (`人次`) or the
    type word for others.  `default` is already converted (bool / int / Decimal / date)
    or None.  `low`/`high` bound accepted values (inclusive) where stated or implied
    (a discretionary clause's range).  `ident` is a generated ASCII identifier.  `sense`
    is the better end declared in 数据 (`越高越好` → "high", `越低越好` → "low")."""

    name: str
    ident: str
    type: str
    unit: str
    default: object | None
    low: Decimal | None
    high: Decimal | None
    description: str
    line: int
    inferred: bool = False
    sense: str | None = None

    @property
    def percent_bounded(self) -> bool:
        """A percentage lies in 0–100 unless its fact declares a range of its own."""
        return self.type == "percent" and self.low is None and self.high is None


# -------------------------------------------------------------------------- expressions


@dataclass(frozen=True)
class Const:
    value: Decimal | date


@dataclass(frozen=True)
class FactValue:
    """The converted value of a fact (bool facts are not used as numbers)."""

    name: str


@dataclass(frozen=True)
class AverageOf:
    """The batch mean of a fact (LANGUAGE.md §4.9): supplied by `averages[name]` in
    `score`, computed over the scored rows in `score_batch`."""

    name: str


@dataclass(frozen=True)
class Arith:
    """op: "+", "-", "*", "/"."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Func:
    """func: "max", "min", "floor", or "round" (args: the value and a step such as 0.01:
    half-up to it, as a clause's `，结果保留两位小数` says)."""

    func: str
    args: tuple[Expr, ...]


@dataclass(frozen=True)
class DaysLate:
    """Whole days by which a date fact is after a date: `(fact - due).days`."""

    fact: str
    due: date


STAT_KINDS = ("rank", "rank_from_end", "count", "best", "value", "trimmed")


@dataclass(frozen=True)
class BatchStat:
    """A statistic of the batch the unit is scored in (LANGUAGE.md §4.9), over a fact
    (`node` False, `subject` its name) or a node's reported score (`node` True,
    `subject` its path): kind "rank" (competition rank, 1 the first), "rank_from_end"
    (1 the last), "count" (units in the batch), "best" (the first place's value),
    "value" (the unit's own node score) or "trimmed" (the mean of a fact over the batch
    without one highest and one lowest value, 去极值平均值).  `high`: a larger value ranks first.  `level`
    is the pass that computes it: facts 0; a node's, 1 + the highest level its own
    subtree reads, so no score ever waits for itself."""

    kind: str
    subject: str
    node: bool = False
    high: bool = True
    level: int = 0
    #: A rank's tie-break (`并列的按【结案率】排名`): (fact, high) pairs ordering units
    #: equal on `subject`, in turn; only for the kinds rank and rank_from_end.
    ties: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class Share:
    """按第1名的比例: `points` × value / best (best / value when a lower value ranks
    first, `high` False), within [0, points]; a value equal to the best gets it all."""

    points: Expr
    value: Expr
    best: Expr
    high: bool = True


@dataclass(frozen=True)
class Pick:
    """依次得20分、19分…: the `index`-th of `amounts` (from 1); 0 outside the list."""

    index: Expr
    amounts: tuple[Decimal, ...]


Expr = Const | FactValue | AverageOf | Arith | Func | DaysLate | BatchStat | Share | Pick

# --------------------------------------------------------------------------- conditions


@dataclass(frozen=True)
class IsTrue:
    fact: str


@dataclass(frozen=True)
class Cmp:
    """op: ">=", ">", "<=", "<", "==", "!="."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Negate:
    operand: Cond


@dataclass(frozen=True)
class AllOf:
    operands: tuple[Cond, ...]


@dataclass(frozen=True)
class AnyOf:
    operands: tuple[Cond, ...]


Cond = IsTrue | Cmp | Negate | AllOf | AnyOf

# ------------------------------------------------------------------------------ effects

POINT_KINDS = ("deduct", "earn", "bonus")


@dataclass(frozen=True)
class Points:
    """Deduct, earn or add `amount` (a negative computed amount counts as 0).

    `zero_node` marks `不得分` (amount is then the node's budget) and `full` marks
    `得满分` (amount is the node's points): both only change how it is explained.
    `whole`: what an earning stepped down by place (`其后每下降一个名次扣0.5分`) or a
    formula of the place (`得((单位数−名次+1)÷单位数×6)分`, `by_place`) gives at the
    most; the part not obtained is explained by the rule, as a share's is."""

    kind: str
    amount: Expr
    zero_node: bool = False
    full: bool = False
    whole: Expr | None = None
    by_place: bool = False


@dataclass(frozen=True)
class Outcome:
    """kind: "disqualify" (取消考评资格), "veto" (一票否决), "label" (列为NAME), or a
    grade limit: "ceiling" (一票否优: the grade is at most the band named by `label`)
    or "floor" (at least that band).  `不得评为优秀` is lowered to the ceiling of the
    band after 优秀."""

    kind: str
    label: str = ""


Effect = Points | Outcome

# ------------------------------------------------------------------------------ clauses


@dataclass(frozen=True)
class ClauseBase:
    """Shared by every clause: where it came from and what it reads.

    `id` is unique within the policy (c0, c1, … in source order); `path` the marker path
    of its node; `line` its source line; `text` the clause as written (for explanations);
    `inputs` the facts whose values explain it, in order of first use; `cap` the clause's
    own `最多扣N分` (None: no clause cap)."""

    id: str
    path: str
    line: int
    text: str
    inputs: tuple[str, ...]
    cap: Decimal | None


@dataclass(frozen=True)
class Step(ClauseBase):
    """Every per-unit form: `kind` × amount × units(quantity), when `guard` holds.

    units(q) = floor(q / step) ("floor"), ceil(q / step) ("ceil") or q / step ("ratio").
    Per unit: quantity = the fact (or sum), guard None or the clause's condition.
    Threshold: quantity = T − F, guard F < T.  Allowance: F − T, guard F > T.
    Versus batch: T = AverageOf(F).  Late date: quantity DaysLate, guard DaysLate > 0.
    A negative quantity counts as no units."""

    kind: str = "deduct"
    amount: Expr = Const(Decimal(0))
    quantity: Expr = Const(Decimal(0))
    step: Decimal = Decimal(1)
    rounding: str = "floor"
    guard: Cond | None = None


@dataclass(frozen=True)
class Missing(ClauseBase):
    """amount × (number of `facts` that are false); kind is "deduct"."""

    kind: str = "deduct"
    amount: Expr = Const(Decimal(0))
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fixed(ClauseBase):
    """When `condition` holds (None: always) apply `then`, else apply `otherwise`.

    The alternatives of one rank clause (`最高者得满分，其余按与最高者的比例得分`) are
    several Fixed clauses of which at most one should explain a unit's points: an
    earning not taken is no loss of its own when `unless` holds (another alternative
    was taken), and never when `missable` is False (a later alternative: the first one
    speaks for the unit no alternative covers)."""

    condition: Cond | None = None
    then: tuple[Effect, ...] = ()
    otherwise: tuple[Effect, ...] = ()
    unless: Cond | None = None
    missable: bool = True


@dataclass(frozen=True)
class Discretionary(ClauseBase):
    """The entered points of a `分` fact, deducted or earned (range checked on input)."""

    kind: str = "deduct"
    fact: str = ""


Clause = Step | Missing | Fixed | Discretionary

# -------------------------------------------------------------------------------- nodes


@dataclass(frozen=True)
class Node:
    """One outline node.

    `points`: its (N分), or None.  `budget`: the most it can lose — min(points, cap),
    the cap alone for a node without points, or None when it passes deductions up
    unchanged.  `floor` False for `不设下限` (no min at this node).  `bonus_cap` is set
    for a bonus node (加分项，最高加N分): its clauses add to a bonus capped there.
    `earns` is True when any own clause earns (得/计), `take_max` for 就高不就低."""

    path: str
    marker: str
    title: str
    line: int
    points: Decimal | None
    budget: Decimal | None
    floor: bool
    bonus_cap: Decimal | None
    earns: bool
    take_max: bool
    clauses: tuple[Clause, ...]
    children: tuple[Node, ...]


@dataclass(frozen=True)
class GradeBand:
    """A band matches a (reported) total t when every stated bound holds:
    low ≤ t (or low < t when not low_inclusive), t ≤ high (or <). `rest`: 其余."""

    name: str
    low: Decimal | None
    low_inclusive: bool
    high: Decimal | None
    high_inclusive: bool
    rest: bool
    line: int


@dataclass(frozen=True)
class GradeQuota:
    """At most `share` of the units in the batch (rounded down) or at most `count` units
    keep band number `band` (0 the highest); the others of that band fall to the band
    below, lowest totals first, and units tied at the last place all keep it (they share
    the place, as in 排名).  Applied after every unit's grade and limits, top band first."""

    band: int
    share: Decimal | None
    count: int | None
    line: int
    text: str
    per: int = 1  # the share is `share` per `per` units (三分之一: 1 per 3)


@dataclass(frozen=True)
class TestCase:
    """A `测试` block: raw input strings (converted by fact type at run time) and raw
    expectations keyed by target (`总分`, `等次`, `状态`, `标签`, or a marker path)."""

    name: str
    line: int
    facts: tuple[tuple[str, str], ...]
    averages: tuple[tuple[str, str], ...]
    expectations: tuple[tuple[str, str, int], ...]  # (target, raw, line)
    stats: tuple[tuple[str, str], ...] = ()  # (key as in score(batch=…), raw)
    # a batch test: its units (name, facts) scored together, and (unit, target, raw, line)
    units: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    unit_expectations: tuple[tuple[str, str, str, int], ...] = ()


@dataclass(frozen=True)
class Policy:
    title: str
    year: int
    full_marks: Decimal
    precision: Decimal | None
    source_hash: str
    filename: str
    facts: tuple[Fact, ...]
    nodes: tuple[Node, ...]
    bands: tuple[GradeBand, ...]
    averages: tuple[str, ...]  # facts whose batch mean some clause needs
    tests: tuple[TestCase, ...]
    target: str = ""
    mode: str = "减分制"
    stats: tuple[BatchStat, ...] = ()  # batch statistics the clauses read, first use first
    quotas: tuple[GradeQuota, ...] = ()  # grade quotas, highest band first

    def disqualifies(self) -> bool:
        """Whether some clause can disqualify a unit (then the batch leaves it out)."""
        return any(
            isinstance(effect, Outcome) and effect.kind == "disqualify"
            for node in self.walk()
            for clause in node.clauses
            if isinstance(clause, Fixed)
            for effect in clause.then + clause.otherwise
        )

    def walk(self):
        """Every node, depth first, parents before children, in source order."""
        stack = list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))
