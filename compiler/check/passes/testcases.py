"""`测试` blocks (E211): every fact named exists and its value converts for its type,
every average is one a clause needs, every `期望` names 总分, 等次, 状态, 标签 or a
node path and gives a value of the right shape."""

from __future__ import annotations

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.messages import details
from ...diagnostics.suggest import closest
from ...source.text import Span
from ...syntax import ast
from ...syntax import keywords as kw
from ..context import Context
from ..resolve import batch_subject, clause_refs, node_target, walk
from ..values import ConversionError, convert, parse_decimal
from .grade_limits import LIMIT_LABELS, limit_band

STATUSES = ("正常", "取消考评资格")
NONE_WORD = "无"
RANK_TARGET = "排名"


def averaged_facts(tree: ast.PolicyFile) -> list[str]:
    """Facts whose batch mean some clause needs (`每低于…平均值…`, `低于平均值…的`), in
    source order."""
    names: dict[str, None] = {}  # an ordered set
    for _, node in walk(tree.nodes):
        for clause in node.clauses:
            if (
                isinstance(clause, ast.ThresholdClause)
                and isinstance(clause.target, ast.Average)
                and clause.target.best is None
                and isinstance(clause.subject, ast.Ref)
            ):
                names.setdefault(clause.subject.name)
            condition = getattr(clause, "condition", None)
            for cmp in _compares(condition):
                if isinstance(cmp.right, ast.Average) and isinstance(cmp.left, ast.Ref):
                    names.setdefault(cmp.left.name)
    return list(names)


def _compares(cond: object):
    if isinstance(cond, ast.Compare):
        yield cond
    elif isinstance(cond, ast.Not):
        yield from _compares(cond.operand)
    elif isinstance(cond, ast.And | ast.Or):
        for operand in cond.operands:
            yield from _compares(operand)


def labels_of(tree: ast.PolicyFile) -> set[str]:
    found: set[str] = set()
    names = [band.name for band in tree.bands]
    for _, node in walk(tree.nodes):
        for clause in node.clauses:
            if isinstance(clause, ast.ConditionClause):
                for effect in clause.effects + clause.otherwise:
                    if isinstance(effect, ast.Label):
                        found.add(effect.name)
                    elif isinstance(effect, ast.GradeLimit):
                        limit = limit_band(effect, names)
                        if limit is not None:
                            found.add(LIMIT_LABELS[limit[0]].format(limit[1]))
    found.update(kw.QUOTA_LABEL.format(quota.name) for quota in tree.quotas)
    return found


def check_tests(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    # In source order: a hint's example path is the first of the shortest, the same in
    # every run (a set's order changes with the string hash seed).
    paths = dict.fromkeys(path for path, _ in walk(ctx.tree.nodes))
    averaged = averaged_facts(ctx.tree)
    bands = [b.name for b in ctx.tree.bands]
    labels = labels_of(ctx.tree)
    for test in ctx.tree.tests:
        checker = _TestChecker(ctx, test, paths, averaged, bands, labels)
        diags += checker.run()
    return diags


class _TestChecker:
    def __init__(self, ctx, test: ast.TestCase, paths, averaged, bands, labels):
        self.ctx, self.test = ctx, test
        self.paths, self.averaged, self.bands, self.labels = paths, averaged, bands, labels
        self.diags: list[Diagnostic] = []

    def problem(self, span: Span, key: str, hint: str | None = None, hint_args=None, **args):
        diag_args: dict[str, object] = {"test": self.test.name}
        diag_args.update(details(f"test.{key}", "problem", **args))
        if hint is not None:
            diag_args.update(details(hint, "hint", **(hint_args or {})))
        self.diags.append(Diagnostic("E211", span, diag_args))

    def run(self) -> list[Diagnostic]:
        seen: set[tuple[str, bool, str]] = set()
        for fact in self.test.facts:
            key = (fact.name, fact.average, fact.stat)
            if key in seen:
                self.problem(fact.span, "duplicate_fact", "hint.remove_one", name=fact.name)
                continue
            seen.add(key)
            if fact.stat and self.test.units:
                self.problem(fact.span, "stat_in_batch", "hint.remove_one", stat=fact.stat)
                continue
            self.fact(fact)
        names = self.units()
        targets: dict[str, set[str]] = {}
        for exp in self.test.expectations:
            if self.test.units and exp.unit not in names:
                shown = exp.unit or "（未写单位）"
                self.problem(
                    exp.span, "unknown_unit", "hint.units", {"units": "、".join(names)}, unit=shown
                )
                continue
            if exp.unit and not self.test.units:
                self.problem(exp.span, "unknown_unit", None, unit=exp.unit)
                continue
            self.expectation(exp, targets.setdefault(exp.unit, set()))
        return self.diags

    def units(self) -> list[str]:
        """The units of a batch test, each named once, their facts checked as facts."""
        names: list[str] = []
        for unit in self.test.units:
            if unit.name in names:
                self.problem(unit.span, "duplicate_unit", "hint.remove_one", unit=unit.name)
                continue
            names.append(unit.name)
            seen: set[str] = set()
            for fact in unit.facts:
                if fact.stat or fact.average:
                    self.problem(
                        fact.span, "stat_in_batch", "hint.remove_one", stat=fact.stat or "平均值"
                    )
                    continue
                if fact.name in seen:
                    self.problem(fact.span, "duplicate_fact", "hint.remove_one", name=fact.name)
                    continue
                seen.add(fact.name)
                self.fact(fact)
        return names

    def stat(self, fact: ast.TestFact) -> None:
        """`排名【X】= 2`, `最高值【X】= 95`, `共10个单位`: a statistic some clause reads."""
        whole = fact.stat in ("排名", "倒数排名", "单位数", kw.QUOTA_PLACE)
        number = parse_decimal(fact.raw.rstrip("%"))
        if number is None or (whole and (number != number.to_integral_value() or number < 1)):
            expected = ("正整数", "a whole number ≥ 1") if whole else ("数值", "a number")
            self.problem(
                fact.span,
                "bad_stat",
                "hint.number",
                stat=fact.stat,
                value=fact.raw,
                expected=expected[0],
                expected_en=expected[1],
            )
            return
        if fact.stat == "单位数":
            return
        if fact.stat == kw.QUOTA_PLACE:
            if fact.name not in {quota.name for quota in self.ctx.tree.quotas}:
                self.problem(fact.span, "no_stat", "hint.average", stat=fact.stat, name=fact.name)
            return
        if fact.stat == f"{kw.TRIMMED_WORD}平均值":
            trimmed = {
                ref.name
                for _, node in walk(self.ctx.tree.nodes)
                for clause in node.clauses
                if _reads_trimmed(clause)
                for ref in clause_refs(clause)
            }
            if fact.name not in trimmed:
                self.problem(fact.span, "no_stat", "hint.average", stat=fact.stat, name=fact.name)
            return
        paths = [path for path, _ in walk(self.ctx.tree.nodes)]
        wanted = batch_subject(ast.Ref(fact.name, fact.span), paths)
        ranked = {
            batch_subject(clause.subject, paths)
            for _, node in walk(self.ctx.tree.nodes)
            for clause in node.clauses
            if isinstance(clause, ast.RankClause)
        }
        if wanted not in ranked:
            self.problem(fact.span, "no_stat", "hint.average", stat=fact.stat, name=fact.name)

    def fact(self, fact: ast.TestFact) -> None:
        if fact.stat:
            self.stat(fact)
            return
        sym = self.ctx.symbols
        name = fact.name
        if name in sym.params:
            self.problem(fact.span, "param", name=name)
            return
        info = sym.facts.get(name)
        if info is None:
            suggestion = closest(name, list(sym.facts), limit=max(1, len(name) // 2))
            hint = "hint.did_you_mean_ref" if suggestion else None
            self.problem(fact.span, "unknown_fact", hint, {"suggestion": suggestion}, name=name)
            return
        if info.kind is None:
            return
        if fact.average:
            if name not in self.averaged:
                self.problem(fact.span, "no_average", "hint.average", name=name)
            elif parse_decimal(fact.raw.rstrip("%")) is None:
                self.problem(fact.span, "bad_average", "hint.number", name=name, value=fact.raw)
            return
        try:
            ranged = info.decl is not None and info.decl.ranged
            convert(info.kind.type, fact.raw, self.ctx.tree.header.year, bounded=not ranged)
        except ConversionError:
            self.problem(
                fact.span,
                "bad_value",
                f"expect.{info.kind.type}",
                name=name,
                value=fact.raw,
                type=info.unit,
            )

    def expectation(self, exp: ast.Expectation, targets: set[str]) -> None:
        target = exp.target.strip()
        if target == RANK_TARGET and self.test.units:  # 排名 in a batch test
            if target in targets:
                self.problem(exp.span, "duplicate_target", "hint.remove_one", target=target)
            targets.add(target)
            raw = exp.raw.strip()
            if raw != NONE_WORD and (not raw.isdigit() or int(raw) < 1):
                self.problem(exp.span, "bad_number", "hint.number", target=target, value=raw)
            return
        if target not in ("总分", "等次", "状态", "标签"):
            path = node_target(target, self.paths)
            if path is None:
                example = min(self.paths, key=len) if self.paths else "(一)"
                self.problem(
                    exp.span, "unknown_target", "hint.targets", {"example": example}, target=target
                )
                return
            target = path
        if target in targets:
            self.problem(exp.span, "duplicate_target", "hint.remove_one", target=target)
            return
        targets.add(target)
        raw = exp.raw.strip()
        if target == "等次":
            if raw != NONE_WORD and raw not in self.bands:
                suggestion = closest(raw, self.bands)
                if suggestion:
                    hint, hint_args = "hint.did_you_mean", {"suggestion": suggestion}
                else:
                    hint, hint_args = "hint.bands", {"bands": "、".join(self.bands) or NONE_WORD}
                self.problem(exp.span, "unknown_band", hint, hint_args, value=raw)
        elif target == "状态":
            if raw not in STATUSES:
                self.problem(exp.span, "unknown_status", "hint.statuses", value=raw)
        elif target == "标签":
            for label in (p.strip() for p in raw.split("、")):
                if label and label != NONE_WORD and label not in self.labels:
                    self.problem(exp.span, "unknown_label", value=label)
        elif parse_decimal(raw.removesuffix("分")) is None:
            self.problem(exp.span, "bad_number", "hint.number", target=target, value=raw)


def _reads_trimmed(node: object) -> bool:
    """Whether a clause reads a 去极值平均值 anywhere in it."""
    if isinstance(node, ast.Average):
        return node.best is None and kw.trimmed(node.words)
    if isinstance(node, tuple | list):
        return any(_reads_trimmed(item) for item in node)
    fields = getattr(node, "__dataclass_fields__", None)
    if fields is None or isinstance(node, Span):
        return False
    return any(_reads_trimmed(getattr(node, name)) for name in fields)
