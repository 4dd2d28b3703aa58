"""Clause lines → the clause forms of LANGUAGE.md §5.

The grammar only says how a clause is shaped (a head, a step `每…`, effects, tails);
which form it is — per unit, threshold, missing items, condition… — is decided here
from the parts (LANGUAGE.md §10): a head that compares and a step verb make a
threshold, the same head with a counting verb a conditional per-unit clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...source.text import Span
from .. import ast
from .. import keywords as kw
from ..lark_import import Token
from .spans import span_of, sub_span, token_span
from .terms import RefList, Subject, TermsMixin

_NUMBER = re.compile(r"\d+(?:\.\d+)?|[" + kw.CN_NUMERAL_CHARS + "]+")
_RANGE = re.compile(
    r"(?P<low>\d+(?:\.\d+)?|["
    + kw.CN_NUMERAL_CHARS
    + r"]+)[ \t]*分?[ \t]*"
    + kw.alternation(kw.RANGE_SEPARATORS)
    + r"[ \t]*(?P<high>\d+(?:\.\d+)?|["
    + kw.CN_NUMERAL_CHARS
    + "]+)"
)
_TAILS = ("CAP_T", "UNTIL_ZERO", "ROUND_CEIL", "ROUND_RATIO")
_EFFECT_CLASSES = {"扣": ast.Deduct, "得": ast.Earn, "加": ast.Bonus}


@dataclass(frozen=True)
class Step:
    """`每…` as read: the Per, and the target named in it (`每低于全市平均值…`)."""

    per: ast.Per
    target: ast.Expr | None


@dataclass(frozen=True)
class Otherwise:
    effects: tuple[ast.Effect, ...]
    span: Span


@dataclass
class Parts:
    """A clause split into head, the rest, and its tails."""

    head: object | None
    body: list
    otherwise: tuple[ast.Effect, ...]
    cap: ast.Num | None
    rounding: str
    span: Span
    otherwise_span: Span | None = None


class ClausesMixin(TermsMixin):
    """Rules for steps, effects and whole clauses."""

    # ------------------------------------------------------------------ pieces

    def per(self, children: list) -> Step:
        every = children[0]
        verb = target = number = None
        unit = children[-1]
        for item in children[1:-1]:
            if isinstance(item, Token) and item.type == "VERB":
                verb = item
            elif isinstance(item, Token) and item.type in ("NUMBER", "CN_NUM"):
                number = item
            else:
                target = self.leaf(item)
        value = self.number(number) if number is not None else Decimal(1)
        step_span = span_of(number, unit)
        step = ast.Num(
            value, kw.UNITS.get(unit.value, unit.value), step_span, self.original(step_span)
        )
        word = verb.value if verb is not None else None
        kind = kw.STEP_VERBS.get(word, "count") if word else "count"
        per = ast.Per(word, kind, step, span_of(every, unit))
        return Step(per, target)

    def amount_effect(self, children: list) -> ast.Effect:
        verb, amount = children[0], self.leaf(children[1])
        cls = _EFFECT_CLASSES[kw.EFFECTS[verb.value]]
        return cls(amount, span_of(children), verb.value)

    def full_effect(self, children: list) -> ast.Effect:
        verb = children[0]
        span = span_of(children)
        if kw.EFFECTS[verb.value] != "得":
            self.form_error(span, "得满分", "得满分")
        return ast.Earn(None, span, verb.value)

    def noscore_effect(self, children: list) -> ast.Effect:
        return ast.NoScore(span_of(children))

    def disqualify_effect(self, children: list) -> ast.Effect:
        return ast.Disqualify(span_of(children))

    def veto_effect(self, children: list) -> ast.Effect:
        return ast.Veto(span_of(children))

    def label_effect(self, children: list) -> ast.Effect:
        return ast.Label(children[1].value.strip(), span_of(children))

    def grade_effect(self, children: list) -> ast.Effect:
        word = children[0].value
        band = children[1].value.strip().strip('“”"')
        for suffix in kw.BAND_SUFFIXES:
            if band.endswith(suffix) and len(band) > len(suffix):
                band = band[: -len(suffix)].rstrip()
                break
        return ast.GradeLimit(kw.GRADE_LIMITS[word], band, span_of(children), word)

    def top_bar_effect(self, children: list) -> ast.Effect:
        """`一票否优`: the highest band is barred (its name is filled in by the checker)."""
        return ast.GradeLimit("bar", "", span_of(children), children[0].value)

    def effects(self, children: list) -> tuple[ast.Effect, ...]:
        return tuple(children)

    def otherwise(self, children: list) -> Otherwise:
        return Otherwise(children[1], span_of(children))

    # ----------------------------------------------------------------- clauses

    def per_clause(self, children: list) -> ast.Clause | None:
        parts = self._parts(children)
        step, effect = parts.body
        self._no_otherwise(parts)
        per = _with_rounding(step.per, parts.rounding)
        text = self.original(parts.span)
        head = parts.head
        if isinstance(head, RefList):
            if not isinstance(effect, ast.Deduct):
                self.form_error(effect.span, "扣N分", "扣N分 (a deduction)")
            return ast.MissingClause(head.refs, effect, parts.cap, parts.span, text)
        if step.target is not None:
            if per.verb_kind == "count":
                self.form_error(
                    step.target.span, "低于、超过等比较动词", "a step verb such as 低于 or 超过"
                )
                return None
            subject = self._subject(head)
            if subject is None:
                return None
            return ast.ThresholdClause(
                subject, per.verb_kind, step.target, per, effect, parts.cap, parts.span, text, ""
            )
        if isinstance(head, ast.Compare):
            if per.verb_kind != "count":
                return ast.ThresholdClause(
                    head.left,
                    per.verb_kind,
                    head.right,
                    per,
                    effect,
                    parts.cap,
                    parts.span,
                    text,
                    head.word,
                )
            return ast.PerUnitClause(head.left, per, effect, head, parts.cap, parts.span, text)
        subject = self._subject(head)
        if subject is None:
            return None
        return ast.PerUnitClause(subject, per, effect, None, parts.cap, parts.span, text)

    def slash_clause(self, children: list) -> ast.Clause | None:
        parts = self._parts(children)
        effect, unit = parts.body
        self._no_otherwise(parts)
        step = ast.Num(
            Decimal(1), kw.UNITS.get(unit.value, unit.value), token_span(unit), unit.value
        )
        per = _with_rounding(ast.Per(None, "count", step, token_span(unit)), parts.rounding)
        text = self.original(parts.span)
        head = parts.head
        if isinstance(head, ast.Compare):
            return ast.PerUnitClause(head.left, per, effect, head, parts.cap, parts.span, text)
        subject = self._subject(head)
        if subject is None:
            return None
        return ast.PerUnitClause(subject, per, effect, None, parts.cap, parts.span, text)

    def respectively_clause(self, children: list) -> ast.Clause | None:
        parts = self._parts(children)
        effect = parts.body[1]
        head = parts.head
        text = self.original(parts.span)
        if isinstance(head, RefList) and head.negated:
            self._no_otherwise(parts)
            if not isinstance(effect, ast.Deduct):
                self.form_error(effect.span, "扣N分", "扣N分 (a deduction)")
            return ast.MissingClause(head.refs, effect, parts.cap, parts.span, text)
        if isinstance(head, RefList) or _has_list(head):
            return ast.AmbiguousClause(_list_refs(head), parts.span, text)
        condition = self._condition(head)
        return ast.ConditionClause(
            condition, (effect,), parts.otherwise, parts.cap, parts.span, text
        )

    def discretionary_clause(self, children: list) -> ast.Clause | None:
        parts = self._parts(children)
        self._no_otherwise(parts)
        verb = next(t for t in parts.body if isinstance(t, Token) and t.type == "EFFECT_VERB")
        pair = next(t for t in parts.body if isinstance(t, Token) and t.type == "RANGE_PAIR")
        head = parts.head
        kind = {"扣": "deduct", "得": "earn"}.get(kw.EFFECTS[verb.value])
        if kind is None:
            self.form_error(token_span(verb), "扣 或 得", "扣 or 得")
            return None
        if not isinstance(head, ast.Truth):
            self.form_error(
                parts.span, "【录入的分值】酌情扣0至5分", "【entered points】酌情扣0至5分"
            )
            return None
        low, high = self._range(pair)
        text = self.original(parts.span)
        return ast.DiscretionaryClause(head.ref, kind, low, high, parts.span, text)

    def condition_clause(self, children: list) -> ast.Clause | None:
        parts = self._parts(children)
        (effects,) = parts.body
        head = parts.head
        text = self.original(parts.span)
        if isinstance(head, RefList) or _has_list(head):
            return ast.AmbiguousClause(_list_refs(head), parts.span, text)
        condition = self._condition(head)
        return ast.ConditionClause(condition, effects, parts.otherwise, parts.cap, parts.span, text)

    def plain_clause(self, children: list) -> ast.Clause:
        parts = self._parts(children, has_head=False)
        (effects,) = parts.body
        text = self.original(parts.span)
        return ast.ConditionClause(None, effects, parts.otherwise, parts.cap, parts.span, text)

    # ----------------------------------------------------------------- helpers

    def _parts(self, children: list, has_head: bool = True) -> Parts:
        head = children[0] if has_head else None
        rest = children[1:] if has_head else list(children)
        body: list = []
        otherwise: tuple[ast.Effect, ...] = ()
        otherwise_span = None
        cap = None
        rounding = "floor"
        for item in rest:
            if isinstance(item, Otherwise):
                otherwise += item.effects
                otherwise_span = item.span
            elif isinstance(item, Token) and item.type in _TAILS:
                if item.type == "CAP_T":
                    cap = self._cap(item)
                elif item.type == "ROUND_CEIL":
                    rounding = "ceil"
                elif item.type == "ROUND_RATIO":
                    rounding = "ratio"
            else:
                body.append(item)
        return Parts(head, body, otherwise, cap, rounding, span_of(children), otherwise_span)

    def _cap(self, token: Token) -> ast.Num:
        match = _NUMBER.search(token.value)
        assert match is not None
        span = sub_span(token, match.start(), match.end())
        return ast.Num(self._number_text(match.group(), span), "分", span, match.group())

    def _range(self, token: Token) -> tuple[ast.Num, ast.Num]:
        match = _RANGE.fullmatch(token.value)
        assert match is not None
        out = []
        for name in ("low", "high"):
            span = sub_span(token, match.start(name), match.end(name))
            text = match.group(name)
            out.append(ast.Num(self._number_text(text, span), "分", span, text))
        return out[0], out[1]

    def _number_text(self, text: str, span: Span) -> Decimal:
        fake = Token(
            "NUMBER",
            text,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
        )
        return self.number(fake)

    def _no_otherwise(self, parts: Parts) -> None:
        if parts.otherwise_span is not None:
            self.form_error(
                parts.otherwise_span, "，最多扣N分 或 ，扣完为止", "，最多扣N分 or ，扣完为止"
            )

    def _subject(self, head: object) -> ast.Expr | None:
        """What a per-unit or batch clause counts: a fact, or a sum of facts."""
        if isinstance(head, ast.Truth):
            return head.ref
        if isinstance(head, Subject):
            return head.expr
        span = getattr(head, "span", None)
        if span is not None:
            self.form_error(span, "一个【数据项】或几项之和", "one 【fact】 or a sum of facts")
        return None

    def _condition(self, head: object) -> ast.Cond | None:
        """A head used as a condition; a bare sum of facts is not one."""
        bad = _find_subject(head)
        if bad is not None:
            self.form_error(
                bad.span, "条件（如 【A】+【B】超过3次）", "a condition (e.g. 【A】+【B】超过3次)"
            )
            return None
        return head  # type: ignore[return-value]


def _with_rounding(per: ast.Per, rounding: str) -> ast.Per:
    if rounding == per.rounding:
        return per
    return ast.Per(per.verb, per.verb_kind, per.step, per.span, rounding)


def _walk_conditions(head: object):
    stack = [head]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.And | ast.Or):
            stack.extend(node.operands)
        elif isinstance(node, ast.Not):
            stack.append(node.operand)


def _has_list(head: object) -> bool:
    return any(isinstance(n, RefList) for n in _walk_conditions(head))


def _list_refs(head: object) -> tuple[ast.Ref, ...]:
    refs: list[ast.Ref] = []
    for node in _walk_conditions(head):
        if isinstance(node, RefList):
            refs.extend(node.refs)
    return tuple(sorted(refs, key=lambda r: (r.span.line, r.span.column)))


def _find_subject(head: object) -> Subject | None:
    for node in _walk_conditions(head):
        if isinstance(node, Subject):
            return node
    return None
