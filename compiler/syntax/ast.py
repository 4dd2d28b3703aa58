"""The syntax tree of a .rule file: frozen dataclasses, each carrying its source span.

The tree stays close to what the writer typed (Chinese words are kept where their
meaning depends on the header, e.g. `以上` under `边界`); the checker resolves names,
types and units, and `lower` turns it into the IR.  Clause forms are already told
apart here (threshold versus condition is decided by the transformer, LANGUAGE.md §10).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..source.text import Span

# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Num:
    """A number as written, with its unit word: `0.03分`, `80%`, `1个百分点`, `3次`, `二十人`.

    `unit` is the canonical unit from the keyword table (`分`, `%`, `个百分点`, a count
    unit such as `人次`, or None for a bare number).  Percentages keep their percent
    value: `80%` and `百分之八十` are `Num(Decimal(80), "%")`.
    """

    value: Decimal
    unit: str | None
    span: Span
    text: str = ""


@dataclass(frozen=True)
class DateLit:
    """`1月9日`, `2023年1月9日`, `2023-01-09`; `year` None means the policy's 年度, and
    `later` years after it (`次年1月9日`: a year-end report due in the next January)."""

    year: int | None
    month: int
    day: int
    span: Span
    later: int = 0


@dataclass(frozen=True)
class Ref:
    """`【名称】`: a fact or a parameter (one namespace)."""

    name: str
    span: Span


@dataclass(frozen=True)
class Average:
    """`全市综合平均值` and the like: the batch mean of the clause's subject fact.

    `param` is set when the writer names a parameter instead (`【全市平均受理率】`);
    `words` keeps the decoration text (`全市综合`).  `offset` is the distance of
    `低于全市平均值5个百分点`: only in a comparison, whose word says on which side.
    """

    span: Span
    words: str = ""
    offset: Num | None = None
    #: `全市平均增速` names the average by the tail of the fact's name (`增速`); the
    #: checker holds it to the subject fact (E256).
    noun: str = ""
    #: `每低于最高值1个百分点`: not the mean but the batch's best value, "high" (最高值,
    #: 最多的: the largest) or "low" (最低值, 最少的: the smallest).
    best: str | None = None
    #: In a formula (`得(【X】÷最高值×10)分`): the one fact the formula reads, whose
    #: batch value this is (a comparison's average is its subject's instead).
    of: Ref | None = None


@dataclass(frozen=True)
class BinOp:
    """`+ - × ÷` (also `- * /`) between expressions; op is one of "+", "-", "*", "/"."""

    op: str
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True)
class Call:
    """`最大(…)`, `最小(…)`, `取整(…)`; func is "max", "min" or "floor"."""

    func: str
    args: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class Place:
    """`名次` in a formula of a rank clause: the unit's place by the clause's subject
    (competition rank, 1 the first)."""

    span: Span


@dataclass(frozen=True)
class UnitCount:
    """`单位数` in a formula of a rank clause: the number of units in the batch."""

    span: Span


Expr = Num | Ref | Average | BinOp | Call | DateLit | Place | UnitCount

# ----------------------------------------------------------------------- conditions


@dataclass(frozen=True)
class Truth:
    """A bare `【X】` used as a condition: the boolean fact holds."""

    ref: Ref
    span: Span


@dataclass(frozen=True)
class Compare:
    """`【参与人数】20人以上`, `【A】+【B】超过3次`, `(【达标率】≥90%)`.

    `word` is the comparison as written: a Chinese word of LANGUAGE.md §4.8 (`以上`,
    `超过`, `不低于`, `晚于`, `前`, …, or `超过…以上`) or a symbol (`>=`, `<=`, `>`, `<`,
    `=`, `≥`, `≤`).  The checker resolves it to an operator, honouring `边界`.
    """

    left: Expr
    word: str
    right: Expr
    span: Span


@dataclass(frozen=True)
class Not:
    """`未…`, `无…`, `没有…`."""

    operand: Cond
    span: Span
    word: str = "未"


@dataclass(frozen=True)
class And:
    operands: tuple[Cond, ...]
    span: Span


@dataclass(frozen=True)
class Or:
    operands: tuple[Cond, ...]
    span: Span


Cond = Truth | Compare | Not | And | Or

# -------------------------------------------------------------------------- effects


@dataclass(frozen=True)
class Deduct:
    """`扣X分` (also 减, 扣除, 加扣). `amount` may be a parenthesised expression."""

    amount: Expr
    span: Span
    word: str = "扣"


@dataclass(frozen=True)
class Earn:
    """`得X分` (also 计, 记); `得满分` has amount None."""

    amount: Expr | None
    span: Span
    word: str = "得"


@dataclass(frozen=True)
class Bonus:
    """`加X分` (also 奖), only inside a bonus node."""

    amount: Expr
    span: Span
    word: str = "加"


@dataclass(frozen=True)
class Override:
    """`本项按满分计` (share 1), `本项按分值的80%计分` (0.8): the item scores its points times
    `share`, whatever its other clauses give or take (docs/language.md 5.4)."""

    share: Decimal
    span: Span


@dataclass(frozen=True)
class NoScore:
    """`不得分`: the node's whole budget is lost; with `section`, `本大项不得分`, the whole
    budget of the top-level item (一、二…) the clause is written under."""

    span: Span
    section: bool = False


@dataclass(frozen=True)
class Disqualify:
    """`取消考评资格` / `取消当年考评资格`."""

    span: Span


@dataclass(frozen=True)
class Veto:
    """`一票否决`."""

    span: Span


@dataclass(frozen=True)
class Label:
    """`列为NAME` (also `直接列为NAME`)."""

    name: str
    span: Span


@dataclass(frozen=True)
class GradeLimit:
    """一票否优 and its kin: `不得评为优秀` (kind "bar": that band and every band above
    it are barred), `等次最高为良好` ("ceiling"), `等次最低为合格` ("floor").  `band` is
    the band name as written, without a trailing `等次`, or "" for `一票否优` (the
    highest band); `word` the keyword."""

    kind: str
    band: str
    span: Span
    word: str = ""


Effect = Deduct | Earn | Bonus | NoScore | Override | Disqualify | Veto | Label | GradeLimit

# -------------------------------------------------------------------------- clauses


@dataclass(frozen=True)
class Per:
    """The step of a per-unit form: `每缺1次`, `每人次`, `/批次`, `每低于1个百分点`, `每晚1天`.

    `verb` is the verb after 每 as written (None when there is none); `verb_kind` is
    "shortfall", "excess", "late" (step verbs) or "count" (counting verbs and none).
    `step` is the N of `每N…` (1 when not written) with its unit.  `rounding` is
    "floor" (default), "ceil" (`不足N…按N…计`) or "ratio" (`按比例`).
    """

    verb: str | None
    verb_kind: str
    step: Num
    span: Span
    rounding: str = "floor"


@dataclass(frozen=True)
class PerUnitClause:
    """`【缺会次数】每缺1次扣1分`, `【进京非访】扣15分/批次`, `【化解积案】每件计2分`,
    and the conditional form `【A】+【B】超过3次的，每次扣1分` (condition set).

    The subject is what is counted: a fact, or a sum of facts.
    """

    subject: Expr
    per: Per
    effect: Deduct | Earn | Bonus
    condition: Cond | None
    cap: Num | None
    span: Span
    text: str


@dataclass(frozen=True)
class ThresholdClause:
    """Threshold, allowance, versus-the-batch and late-date forms.

    `【隐患化解率】应达到80%，每低于1个百分点扣0.03分` → direction "shortfall", target 80%;
    `【回流次数】不得超过3次，每超1次扣0.1分` → direction "excess";
    `【及时受理率】每低于全市综合平均值1个百分点扣0.02分` → target Average(...);
    `【上报日期】晚于1月9日的，每晚1天扣0.1分` → direction "late", target DateLit.
    `word` is the threshold's comparison word as written (`应达到`, `不得少于`, `晚于`…),
    or "" when the target is stated in the step itself (`每低于…平均值`).
    `condition` is set for `【X】低于全市平均值5个百分点的，每低于平均值1个百分点扣1分`: the
    target is the average, and the steps count only when the condition holds; with
    `超出部分每低1个百分点` the target is the condition's bound (an `Average` with its offset).
    """

    subject: Expr
    direction: str
    target: Expr
    per: Per
    effect: Deduct | Earn | Bonus
    cap: Num | None
    span: Span
    text: str
    word: str = ""
    condition: Cond | None = None
    #: `超出部分每…`: written so, counting only the part beyond the comparison's bound
    beyond: bool = False


@dataclass(frozen=True)
class MissingClause:
    """`【A】、【B】、【C】每缺1项扣1分` and `未【A】、【B】、【C】的，分别扣1分`."""

    facts: tuple[Ref, ...]
    effect: Deduct
    cap: Num | None
    span: Span
    text: str


@dataclass(frozen=True)
class ConditionClause:
    """`COND 效果[，效果…][，否则 效果…][，最多扣N分]`; `condition` None means always.

    Also the expression form `扣(【平台扣分】×10)分` (no condition) and outcomes
    (`【造成重大影响】取消考评资格，列为信访工作重点管理单位`).
    """

    condition: Cond | None
    effects: tuple[Effect, ...]
    otherwise: tuple[Effect, ...]
    cap: Num | None
    span: Span
    text: str
    # `达到90%的得5分，低于90%的不得分`: the other branch's own condition, as written;
    # the checker makes sure it is exactly the opposite of `condition` (E247)
    counter: Cond | None = None
    #: `，结果保留两位小数`: every amount of the clause rounded half-up to this step.
    places: Num | None = None
    #: `【X】达到90%的得6分，达到80%且低于90%的得4分，低于80%的得2分`: the span of the
    #: sentence of tiers this clause is one of (the checker holds them to cover every
    #: value, E269)
    chain: Span | None = None


@dataclass(frozen=True)
class DiscretionaryClause:
    """`【预案工作扣分】酌情扣0至5分`, `【预案工作扣分】扣1-5分`, `酌情加0至2分`; kind
    "deduct", "earn" or "bonus".  `high` None is the item's own points (`酌情扣分`, and
    `【消防考核得分】另行计分`, a score taken from another scheme, kind "earn")."""

    subject: Ref
    kind: str
    low: Num
    high: Num | None
    span: Span
    text: str


@dataclass(frozen=True)
class Places:
    """`第1名`, `第2至5名`, `前三名`, `后两名`, `末位`: places `first`…`last`, counted
    from the top, or from the bottom when `from_end` (`后两名` is 1…2 from the end)."""

    first: int
    last: int
    from_end: bool
    span: Span
    text: str


#: The last place of `第四名及以后`: past any batch.
OPEN_PLACE = 10**9


@dataclass(frozen=True)
class RankRule:
    """One rule of a rank clause: who — `places`, the first place (`best`: 最高者 /
    最低者, whose word gives `order`), or everyone not named before (`rest`: 其余) —
    gets what: an `effect` (得6分, 得满分, 加2分, 扣3分), amounts `in_turn` place by
    place (依次得20分、19分…, `in_turn_word` 扣/得/加), or a `proportional` share of the
    first place's points (按第1名的比例得分)."""

    places: Places | None
    best: bool
    rest: bool
    effect: Effect | None
    in_turn: tuple[Num, ...]
    in_turn_word: str
    proportional: bool
    span: Span
    order: str | None = None
    step: Num | None = None  # `其后每下降一个名次扣0.5分` (a rest rule)
    #: `，最低得4分` after a step or a share: no place earns less (None: 0).
    floor: Num | None = None
    #: A share written as a ratio: "best_first" (`按最低值与本单位数值之比`), "own_first"
    #: (`按其金额占最高值的比例`), None when not written out (`按与最高者的比例`).
    share_order: str | None = None
    #: The fact a share names (`其余按【完成率】与最高值的比例…`): it must be the subject.
    share_named: Ref | None = None
    #: The words a written ratio names its values by (`签约金额` in `按其签约金额占最高值的
    #: 比例`), past the plain ones (本单位, 最高值…): each must end the subject's name.
    share_nouns: tuple[str, ...] = ()
    #: `排名第一且高于全市平均水平5个百分点以上的`: a condition the placed unit must meet too.
    condition: Cond | None = None
    #: `按【X】排名，得((单位数−名次+1)÷单位数×6)分`: a formula of the place, for every unit.
    every: bool = False


@dataclass(frozen=True)
class TieBreak:
    """`并列的按【结案率】从高到低排名`: units equal on the ranked value are ordered by
    `ref` (a fact); `order` as a RankClause's (None: settled by the checker)."""

    ref: Ref
    order: str | None
    span: Span


@dataclass(frozen=True)
class RankClause:
    """Points by the unit's place in the batch: `按【X】从高到低排名，第1名得6分，第2至5名
    按第1名的比例得分`, `【X】最高者得满分，其余按与最高者的比例得分`.  `subject` names a
    fact or a node (`【(二)得分】`); `order` is "high" (a larger value ranks first),
    "low", or None when not written (the checker infers it from the fact's use)."""

    subject: Ref
    order: str | None
    rules: tuple[RankRule, ...]
    cap: Num | None
    span: Span
    text: str
    #: `，结果保留两位小数`: every amount of the clause rounded half-up to this step.
    places: Num | None = None
    #: `，并列的按【结案率】排名`: the fact that orders units equal on `subject`.
    tie: TieBreak | None = None


@dataclass(frozen=True)
class AmbiguousClause:
    """`【A】、【B】扣1分`: kept so that the checker can report E111 with a span."""

    facts: tuple[Ref, ...]
    span: Span
    text: str


Clause = (
    RankClause
    | PerUnitClause
    | ThresholdClause
    | MissingClause
    | ConditionClause
    | DiscretionaryClause
    | AmbiguousClause
)

# -------------------------------------------------------------------------- outline


@dataclass(frozen=True)
class Marker:
    """An outline marker. `kind` is one of "一、", "(一)", "1、", "(1)", "①" (level order of
    GB/T 9704-2012; `1.` is kind "1、"); `number` its value; `text` as written."""

    kind: str
    number: int
    text: str
    span: Span

    @property
    def path_part(self) -> str:
        """The marker as it appears in a path: without its trailing `、` or `.`."""
        return self.text.rstrip("、.").replace("（", "(").replace("）", ")")


@dataclass(frozen=True)
class Modifier:
    """After `，` on a node line: kind "until_zero" (扣完为止), "cap" (最多扣N分, 限扣N分,
    本项限扣N分; value N), "no_floor" (不设下限), "bonus" (加分项，最高加N分; value N),
    "take_max" (就高不就低 / 不重复计分)."""

    kind: str
    value: Decimal | None
    span: Span


@dataclass(frozen=True)
class Note:
    """A `说明：…` line."""

    text: str
    span: Span


@dataclass(frozen=True)
class Node:
    """One outline node with its clauses and children (the tree is built by level)."""

    marker: Marker
    title: str
    points: Num | None
    modifiers: tuple[Modifier, ...]
    notes: tuple[Note, ...]
    clauses: tuple[Clause, ...]
    children: tuple[Node, ...]
    span: Span
    # `，…` parts of the line that are not modifiers and contain 扣/加/分 (W307 material)
    suspicious: tuple[tuple[str, Span], ...] = ()


# ---------------------------------------------------------------------- declarations


@dataclass(frozen=True)
class Header:
    title: str
    year: int | None
    full_marks: Num | None
    precision: Num | None
    boundary: tuple[tuple[str, bool], ...]  # (word, includes the number)
    mode: str | None  # "减分制" | "得分制" | None
    target: str | None
    span: Span
    fields: tuple[tuple[str, Span], ...] = ()  # every header field present, for E107 / fmt


@dataclass(frozen=True)
class FactDecl:
    """`名称：类型[，默认值][，范围A至B]  # description`.

    `type_word` is as written: `是否`, `百分比`, `数值`, `分`, `日期` or a count unit.
    `default` and the range ends are kept as written (raw strings) and converted by type.
    `sense` is the declared better end (`越高越好` → "high", `越低越好` → "low"; "both"
    when the line says both), which a ranking with no stated direction follows.
    """

    name: str
    type_word: str
    default: str | None
    low: str | None
    high: str | None
    description: str
    span: Span
    name_span: Span
    sense: str | None = None

    @property
    def ranged(self) -> bool:
        """A range is declared: for a percentage it replaces 0–100 (债务率 150%, 增速 −5%)."""
        return self.low is not None or self.high is not None


@dataclass(frozen=True)
class ParamDecl:
    """`名称 = 值`."""

    name: str
    value: Num
    span: Span
    name_span: Span
    description: str = ""


@dataclass(frozen=True)
class Band:
    """A grade band: `优秀：9分以上`, `合格：6分至9分`, `不合格：其余`.

    `low`/`high` are (value, word) pairs, the word as written (`以上`, `不低于`, `以下`,
    `低于`, `至`…) for the checker to resolve under `边界`; `rest` is `其余`.
    """

    name: str
    low: tuple[Num, str] | None
    high: tuple[Num, str] | None
    rest: bool
    span: Span


@dataclass(frozen=True)
class GradeQuota:
    """`优秀：90分以上，不超过参加考核单位总数的30%` or a line of its own, `优秀等次不超过
    参加考核单位总数的30%，按得分从高到低确定`: at most `share` (a fraction, 0.3) of the
    units in the batch, or at most `count` units, keep the band `name`; the others of
    that band, lowest totals first, fall to the band below (LANGUAGE.md §12.2)."""

    name: str
    share: Decimal | None
    count: int | None
    text: str  # as written, from the first word of the quota
    span: Span
    per: int = 1  # `三分之一`: share 1 per 3 (a share that no decimal holds exactly)


@dataclass(frozen=True)
class TestFact:
    """`【缺会次数】= 2` or, with `average`, `平均值【及时受理率】= 85`; with `stat`, a
    statistic of the batch: `排名【X】= 2` (stat 排名, 倒数排名, 最高值, 最低值) or
    `共10个单位` (stat 单位数, name "", raw "10")."""

    name: str
    raw: str
    average: bool
    span: Span
    stat: str = ""


@dataclass(frozen=True)
class Expectation:
    """One `期望` item: target is `总分`, `等次`, `状态`, `标签` or a marker path;
    `unit` names the unit of a batch test (`期望 “甲” 总分 = 10`), "" otherwise."""

    target: str
    raw: str
    span: Span
    unit: str = ""


@dataclass(frozen=True)
class TestUnit:
    """`单位 “甲”：【化解率】= 95，【缺会次数】= 1`: one unit of a batch test."""

    name: str
    facts: tuple[TestFact, ...]
    span: Span


@dataclass(frozen=True)
class TestCase:
    """A 测试 block.  With `units` it scores them together as a batch (the facts
    outside any unit line apply to every unit) and checks each unit's expectations."""

    name: str
    facts: tuple[TestFact, ...]
    expectations: tuple[Expectation, ...]
    span: Span
    units: tuple[TestUnit, ...] = ()


@dataclass(frozen=True)
class Comment:
    text: str
    span: Span


@dataclass(frozen=True)
class PolicyFile:
    header: Header
    facts: tuple[FactDecl, ...]
    params: tuple[ParamDecl, ...]
    bands: tuple[Band, ...]
    tests: tuple[TestCase, ...]
    nodes: tuple[Node, ...]
    span: Span
    comments: tuple[Comment, ...] = field(default=())
    quotas: tuple[GradeQuota, ...] = field(default=())
