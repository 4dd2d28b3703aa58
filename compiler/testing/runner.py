"""Running a policy's `测试` blocks against a scoring function.

A test lists the facts it is about; every other fact takes its declared default, else
its neutral value (`neutral.py`), and a 平均值 the test does not give is the unit's own
value (a batch of one).  Each `期望` is compared with the result — 总分, a node by its
marker path, 等次 (`无` for none), 状态, 标签 (joined by 、) — and reported expected
versus actual.  The reference interpreter also says which clauses fired, for coverage.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..interpret.engine import Interpreter
from ..ir import nodes as ir
from ..ir import util as irutil
from ..source.text import normalise
from ..support import prelude as rt
from .neutral import neutral_values

NONE_WORD = "无"
LISTED = "测试列出"


@dataclass(frozen=True)
class Check:
    """One 期望: what the test says and what scoring gave."""

    target: str
    expected: str
    actual: str
    passed: bool
    line: int


@dataclass(frozen=True)
class TestOutcome:
    """One 测试 block.  `facts` and `averages` are (name, value, source) with source
    测试列出 / 默认值 / 中性值 / 本单位数值; `values` the converted facts scoring read;
    `fired` the ids of the clauses that fired; `error` why the test could not run."""

    name: str
    line: int
    passed: bool
    checks: tuple[Check, ...]
    facts: tuple[tuple[str, object, str], ...]
    averages: tuple[tuple[str, object, str], ...]
    values: Mapping[str, object]
    fired: frozenset[str]
    result: object | None
    error: str = ""

    @property
    def failures(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.passed)


@dataclass(frozen=True)
class TestReport:
    outcomes: tuple[TestOutcome, ...]
    clauses: tuple[tuple[str, int, str], ...]  # every clause: (id, line, text)

    @property
    def passed(self) -> bool:
        return all(o.passed for o in self.outcomes)

    @property
    def failed(self) -> tuple[TestOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.passed)

    @property
    def fired(self) -> frozenset[str]:
        out: frozenset[str] = frozenset()
        for outcome in self.outcomes:
            out |= outcome.fired
        return out

    @property
    def never_fired(self) -> tuple[tuple[str, int, str], ...]:
        fired = self.fired
        return tuple(c for c in self.clauses if c[0] not in fired)


Scorer = Callable[..., object]


def _bare(name: str) -> str:
    name = name.strip()
    if name.startswith("【") and name.endswith("】"):
        return name[1:-1]
    return name


def run_tests(
    policy: ir.Policy,
    score: Scorer | None = None,
    interpreter: Interpreter | None = None,
    score_batch: Scorer | None = None,
) -> TestReport:
    """Run every 测试 of `policy` with `score(facts, averages=…, batch=…)`, and a test
    that lists its units with `score_batch(rows)` (default: the reference interpreter)."""
    interpreter = interpreter or Interpreter(policy)
    score = score or interpreter.score
    score_batch = score_batch or interpreter.score_batch
    neutral = neutral_values(policy)
    outcomes = tuple(
        _run_batch(policy, test, score_batch, interpreter, neutral)
        if test.units
        else _run(policy, test, score, interpreter, neutral)
        for test in policy.tests
    )
    clauses = tuple((c.id, c.line, c.text) for n in policy.walk() for c in n.clauses)
    return TestReport(outcomes, clauses)


def _failed(test: ir.TestCase, message: str, facts=(), averages=()) -> TestOutcome:
    return TestOutcome(
        test.name,
        test.line,
        False,
        (),
        tuple(facts),
        tuple(averages),
        {},
        frozenset(),
        None,
        message,
    )


def _fill(policy, listed: dict, neutral) -> tuple[dict, list, list[str]]:
    """The facts of a test: the listed ones, then each other fact's default or neutral
    value; and why a fact could not be filled."""
    facts: dict[str, object] = {}
    shown: list[tuple[str, object, str]] = []
    problems: list[str] = []
    for fact in policy.facts:
        if fact.name in listed:
            facts[fact.name] = listed[fact.name]
            shown.append((fact.name, listed[fact.name], LISTED))
            continue
        found = neutral[fact.name]
        if not found.found:
            where = "；".join(f"第{line}行 “{text}”" for line, text in found.clauses)
            problems.append(found.problem + (f"（{where}）" if where else ""))
            continue
        facts[fact.name] = found.value
        shown.append((fact.name, found.value, found.source))
    for name in listed:
        if name not in facts:
            facts[name] = listed[name]  # an unknown name: scoring reports it
            shown.append((name, listed[name], LISTED))
    return facts, shown, problems


def _run(policy, test: ir.TestCase, score: Scorer, interpreter: Interpreter, neutral):
    listed = {_bare(name): raw for name, raw in test.facts}
    facts, shown, problems = _fill(policy, listed, neutral)
    if problems:
        return _failed(test, "；".join(problems), shown)
    try:
        values = interpreter.convert_facts(facts)
    except ValueError as exc:
        return _failed(test, str(exc), shown)
    if listed:
        # neutral values are chosen again with the listed values fixed: what is harmless
        # alone may fire together with them (达到90且未【安装环网】, 【产能】=120 listed)
        given = {name: values[name] for name in listed if name in values}
        facts, shown, problems = _fill(policy, listed, neutral_values(policy, given))
        if problems:
            return _failed(test, "；".join(problems), shown)
        try:
            values = interpreter.convert_facts(facts)
        except ValueError as exc:
            return _failed(test, str(exc), shown)
    given = {_bare(name): raw for name, raw in test.averages}
    averages: dict[str, object] = {}
    average_rows: list[tuple[str, object, str]] = []
    for name in policy.averages:
        if name in given:
            averages[name] = given[name]
            average_rows.append((name, given[name], LISTED))
        else:
            averages[name] = values[name]
            average_rows.append((name, values[name], "本单位数值"))
    try:
        batch = _stats(policy, test, facts, averages, interpreter, values, average_rows)
        result = (
            score(facts, averages=averages, batch=batch)
            if batch
            else score(facts, averages=averages)
        )
        _, fired = interpreter.trace(facts, averages, batch)
    except ValueError as exc:
        return _failed(test, str(exc), shown, average_rows)
    checks = tuple(_check(target, raw, line, result) for target, raw, line in test.expectations)
    return TestOutcome(
        test.name,
        test.line,
        all(c.passed for c in checks),
        checks,
        tuple(shown),
        tuple(average_rows),
        values,
        fired,
        result,
    )


def _unit_facts(policy, listed: dict[str, str], neutral, unit: str = ""):
    """(facts, shown, problems) of one unit: the listed values, else each fact's
    default or neutral value; `unit` prefixes the shown names of a batch test."""
    facts: dict[str, object] = {}
    shown: list[tuple[str, object, str]] = []
    problems: list[str] = []
    prefix = f"“{unit}” " if unit else ""
    for fact in policy.facts:
        if fact.name in listed:
            facts[fact.name] = listed[fact.name]
            shown.append((prefix + fact.name, listed[fact.name], LISTED))
            continue
        found = neutral[fact.name]
        if not found.found:
            where = "；".join(f"第{line}行 “{text}”" for line, text in found.clauses)
            problems.append(prefix + found.problem + (f"（{where}）" if where else ""))
            continue
        facts[fact.name] = found.value
        shown.append((prefix + fact.name, found.value, found.source))
    for name in listed:
        if name not in facts:
            facts[name] = listed[name]  # an unknown name: scoring reports it
            shown.append((prefix + name, listed[name], LISTED))
    return facts, shown, problems


def _run_batch(policy, test: ir.TestCase, score_batch: Scorer, interpreter: Interpreter, neutral):
    """A test that lists its units: they are scored together (`score_batch`, so every
    batch value is computed, not given) and each unit's expectations are checked."""
    common = {_bare(name): raw for name, raw in test.facts}
    rows: list[dict[str, object]] = []
    shown: list[tuple[str, object, str]] = []
    problems: list[str] = []
    for name, listed in test.units:
        facts, unit_shown, unit_problems = _unit_facts(
            policy, {**common, **{_bare(n): raw for n, raw in listed}}, neutral, name
        )
        rows.append({irutil.UNIT_KEY: name, **facts})
        shown += unit_shown
        problems += unit_problems
    if problems:
        return _failed(test, "；".join(problems), shown)
    results = {r.unit: r for r in score_batch(rows)}
    fired: frozenset[str] = frozenset()
    with rt._localcontext(rt._CONTEXT):  # the interpreter's own run, for the clauses fired
        converted = []
        for row in rows:
            try:
                converted.append(interpreter.convert(row) + (None,))
            except ValueError as exc:
                converted.append((row[irutil.UNIT_KEY], None, exc))
        values = rt._batch_stats(
            converted,
            lambda unit, values, given: interpreter._compute(unit, values, given)[0],
            interpreter.average_slots,
            interpreter.stat_infos,
            interpreter.membership,
        )
        for index, (unit, converted_values, error) in enumerate(converted):
            if error is None:
                try:
                    given = tuple(values.get(index, ()))
                    fired |= interpreter._compute(unit, converted_values, given)[1]
                except ValueError:
                    pass
    checks = []
    for unit, target, raw, line in test.unit_expectations:
        check = _check(target, raw, line, results[unit])
        checks.append(
            Check(f"“{unit}” {check.target}", check.expected, check.actual, check.passed, line)
        )
    first = results[test.units[0][0]]
    return TestOutcome(
        test.name,
        test.line,
        all(c.passed for c in checks),
        tuple(checks),
        tuple(shown),
        (),
        {},
        fired,
        first,
    )


def _stats(policy, test, facts, averages, interpreter, values, rows) -> dict[str, object]:
    """The batch statistics of one test: those it states (`排名【X】= 2，共10个单位`),
    the rest as if the unit were scored alone — rank 1 of 1, and the best value its
    own (a node's own score, computed first).  Each is added to `rows` for the report."""
    given = dict(test.stats)
    batch: dict[str, object] = {}
    alone = []
    for stat in policy.stats:
        key = irutil.stat_key(stat)
        if stat.kind == "value" or key in batch:
            continue
        if key in given:
            batch[key] = given[key]
            rows.append((key, given[key], LISTED))
        elif (
            stat.kind == "rank_from_end"
            and irutil.stat_key(ir.BatchStat("rank", stat.subject, stat.node, stat.high)) in given
            and irutil.COUNT_KEY in given
        ):
            continue  # derived from 排名 and 单位数 (no ties)
        else:
            alone.append((key, stat))
    for key, stat in alone:
        if stat.kind in ("best", "trimmed") and not stat.node:
            batch[key] = values[stat.subject]  # the unit alone: its own value, as a mean
        elif stat.kind == "best":
            batch[key] = Decimal(0)  # replaced below by the node's own score
        else:
            batch[key] = 1
    if irutil.COUNT_KEY in given:
        batch[irutil.COUNT_KEY] = given[irutil.COUNT_KEY]
    for quota in policy.quotas:  # a grade quota: the unit alone is first of its band
        key = irutil.quota_key(policy, quota)
        if key in given:
            batch[key] = given[key]
            rows.append((key, given[key], LISTED))
        else:
            batch[key] = 1
            rows.append((key, 1, "本单位自成一批"))
        if irutil.COUNT_KEY not in batch:
            batch[irutil.COUNT_KEY] = 1
            rows.append((irutil.COUNT_KEY, 1, "本单位自成一批"))
    own = [(key, stat) for key, stat in alone if stat.kind == "best" and stat.node]
    if own:
        first = interpreter.score(facts, averages, batch)
        for key, stat in own:
            batch[key] = first.nodes[stat.subject].score
    for key, _ in alone:
        rows.append((key, batch[key], "本单位自成一批"))
    return batch


# ---------------------------------------------------------------------- expectations


def _number(raw: str) -> Decimal | None:
    text = normalise(raw).strip()
    if text.endswith("分"):
        text = text[:-1].strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _text(value: object) -> str:
    if value is None:
        return NONE_WORD
    if isinstance(value, Decimal):
        return _number_text(value)
    return str(value)


def _number_text(value: Decimal) -> str:
    """40.0 → "40", 38.50 → "38.5": the number, not the digits a computation kept."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _check(target: str, raw: str, line: int, result) -> Check:
    raw = raw.strip()
    if target == "总分":
        return _numeric(target, raw, line, result.total)
    if target == "等次":
        expected = None if raw == NONE_WORD else raw
        return Check(target, raw, _text(result.grade), result.grade == expected, line)
    if target == "状态":
        return Check(target, raw, result.status, result.status == raw, line)
    if target == "排名":  # in a batch test
        expected = None if raw == NONE_WORD else raw
        actual = None if result.rank is None else str(result.rank)
        return Check(target, raw, _text(actual), actual == expected, line)
    if target == "标签":
        expected = {p.strip() for p in raw.split("、")} - {"", NONE_WORD}
        actual = "、".join(result.labels) or NONE_WORD
        return Check(target, raw, actual, set(result.labels) == expected, line)
    node = result.nodes.get(target)
    if node is None:
        return Check(target, raw, "（没有这一项）", False, line)
    # a node without points has no score: its expectation is read as its deduction
    value = node.score if node.score is not None else node.deduction
    return _numeric(target, raw, line, value)


def _numeric(target: str, raw: str, line: int, actual: Decimal | None) -> Check:
    expected = _number(raw)
    passed = expected is not None and actual is not None and actual == expected
    shown = raw if expected is None else _number_text(expected)
    return Check(target, shown, _text(actual), passed, line)
