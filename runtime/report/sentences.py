"""One fired clause as a sentence: `缺会次数 = 2：每缺1次扣1分，扣2分`.

Explanations and the 扣分明细 sheet describe the same items; both take their words
from here, so a cap (`本条最多扣5分`) or a budget cut (`本项扣完为止，实扣80分`)
is worded once.
"""

from __future__ import annotations

import re
from decimal import Decimal

from xize.compiler.ir import nodes as ir

from ..text.fmt import approx_text, decimal_text, value_text
from ..text.i18n import t

_LEADING_REFS = re.compile(r"^(?:【[^】]*】)(?:、【[^】]*】)*")
_OPERATOR_AFTER = set("+-×*÷/")
#: Batch values in the fact's own unit: the mean, and the best value of a ranking
#: (`最高值【化解率】 = 90%`); a node's (【(二)得分】) is in points and has no fact type.
_AVERAGE = re.compile(r"(?:平均值|最高值|最低值)【(.*)】")


class ItemWords:
    """Words for a policy's items: knows each fact's type and which clauses earn."""

    def __init__(self, policy: ir.Policy, lang: str = "zh"):
        self.lang = lang
        self.fact_types = {f.name: f.type for f in policy.facts}
        self.earning: set[str] = set()
        for node in policy.walk():
            for clause in node.clauses:
                if _earns(clause):
                    self.earning.add(clause.id)

    def inputs(self, item, sep: str = "，") -> str:
        """`缺会次数 = 2，统计表按时上报 = 否，平均值【化解率】 = ≈76.6666666667%`."""
        return sep.join(f"{name} = {self.value(name, value)}" for name, value in item.inputs)

    def value(self, name: str, value: object) -> str:
        m = _AVERAGE.fullmatch(name)
        if m:
            text = approx_text(value) if isinstance(value, Decimal) else str(value)
            return text + ("%" if self.fact_types.get(m.group(1)) == "percent" else "")
        return value_text(value, self.fact_types.get(name, ""), self.lang)

    def clause(self, item) -> str:
        """The clause as written, without its leading `【fact】` and without brackets."""
        text = (item.text or "").strip()
        if text.startswith("- "):
            text = text[2:].strip()
        m = _LEADING_REFS.match(text)
        if m and item.inputs and m.end() < len(text) and text[m.end()] not in _OPERATOR_AFTER:
            rest = text[m.end() :].lstrip("，, 的")
            text = rest or text
        return text.replace("【", "").replace("】", "")

    def amount(self, item) -> str:
        """What the item cost: `扣2分`, or the cap and budget story when they cut it."""
        lang = self.lang
        raw, nominal, applied = item.raw, item.nominal, item.applied
        if item.kind == "outcome":
            return ""
        if item.kind == "bonus":
            if applied < nominal:
                return t("amount_bonus_cut", lang, nominal=_n(nominal), applied=_n(applied))
            return t("amount_bonus", lang, applied=_n(applied))
        parts = []
        missed = item.clause in self.earning
        if raw is not None and raw > nominal:
            parts.append(t("amount_clause_cap", lang, raw=_n(raw), nominal=_n(nominal)))
        if applied < nominal:
            if not parts:
                parts.append(t("amount_due", lang, nominal=_n(nominal)))
            parts.append(t("amount_budget_cut", lang, applied=_n(applied)))
        elif not parts:
            key = "amount_missed" if missed else "amount_deduct"
            parts.append(t(key, lang, applied=_n(applied)))
        return t("list_sep", lang).join(parts)

    def note(self, item) -> str:
        """The cap/budget remark alone, for the 备注 column (empty when nothing cut)."""
        if item.kind == "outcome":
            return item.note or ""
        if (item.raw is not None and item.raw > item.nominal) or item.applied < item.nominal:
            return self.amount(item)
        return item.note or ""

    def sentence(self, item) -> str:
        """The whole sentence: inputs, clause text and amount."""
        lang = self.lang
        clause = self.clause(item)
        amount = self.amount(item)
        if amount and clause.endswith(amount):
            # `每件次扣0.01分` alone would not say whether 0.01 was deducted: say it
            # as what was applied, never drop it.
            amount = t("amount_applied", lang, applied=_n(item.applied))
        if item.kind == "outcome" and item.note:
            amount = t("amount_outcome", lang, outcome=item.note)
        body = t("list_sep", lang).join(p for p in (clause, amount) if p)
        inputs = self.inputs(item, t("list_sep", lang))
        return t("sentence", lang, inputs=inputs, body=body) if inputs else body


def _earns(clause: ir.Clause) -> bool:
    if isinstance(clause, (ir.Step, ir.Discretionary)):
        return clause.kind == "earn"
    if isinstance(clause, ir.Fixed):
        return any(isinstance(e, ir.Points) and e.kind == "earn" for e in clause.then)
    return False


def _n(value: Decimal | int | None) -> str:
    return "0" if value is None else decimal_text(value)


def signed_amount(item) -> Decimal:
    """An item's applied amount as a deduction: bonuses negative, so that a unit's
    items add up to 满分 − 总分."""
    applied = item.applied or Decimal(0)
    if item.kind != "bonus":
        return applied
    # copy_negate: exact, where the minus sign would round to the context's 28 digits
    return applied.copy_negate() if isinstance(applied, Decimal) else -applied
