"""A clause read back as a sentence of the 细则: `【缺会次数】每缺1次扣1分` → `每缺1次扣1分`.

Where a node has no `说明`, the rendered document still has to say how the node is
scored, in the words of an official text rather than the notation of the rule file:
brackets go, parameters become their values, and the few fixed sentence shapes of
real 细则 (`未…的扣5分`, `应达到80%，每低于1个百分点扣0.03分`, `发生…的，每人次扣30分`)
are used.  The sentences are built from the syntax tree, which keeps the writer's words.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..ir.text import number
from ..syntax import ast
from ..syntax import keywords as kw

_OPS = {"+": "+", "-": "−", "*": "×", "/": "÷"}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_FUNCS = {"max": "最大", "min": "最小", "floor": "取整"}
_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "≥": "≥", "≤": "≤"}
# Comparison words written after the number: `20人以上`, `1月9日前`.
_POSTFIX = ("以上", "及以上", "以下", "及以下", "以内", "前", "之前", "以前", "超过…以上")
# Endings of a count fact's name that the step phrase already says (`缺会次数` → `缺会`).
_COUNT_SUFFIXES = ("批次数", "次数", "天数", "数量", "数")
# Subjects that already name an event read without a leading `发生`.
_EVENT_WORDS = ("发生", "未", "不", "没有", "无")


class Sentences:
    """Turns AST clauses into sentences; `params` maps parameter names to values."""

    def __init__(self, params: Mapping[str, ast.Num] | None = None):
        self.params = dict(params or {})

    # ------------------------------------------------------------------ values

    def num(self, n: ast.Num) -> str:
        unit = n.unit or ""
        return f"{number(n.value)}{unit}"

    def expr(self, e: ast.Expr) -> str:
        if isinstance(e, ast.Num):
            return self.num(e)
        if isinstance(e, ast.Ref):
            param = self.params.get(e.name)
            return self.num(param) if param is not None else e.name
        if isinstance(e, ast.Average):
            offset = self.num(e.offset) if e.offset is not None else ""
            if e.best is not None:
                return ("最高值" if e.best == "high" else "最低值") + offset
            return f"{e.words}平均值{offset}"
        if isinstance(e, ast.DateLit):
            year = f"{e.year}年" if e.year is not None else ""
            return f"{year}{e.month}月{e.day}日"
        if isinstance(e, ast.BinOp):
            op = _OPS.get(e.op, e.op)
            return f"{self._operand(e.left, e.op)}{op}{self._operand(e.right, e.op, right=True)}"
        if isinstance(e, ast.Call):
            args = "，".join(self.expr(a) for a in e.args)
            return f"{_FUNCS.get(e.func, e.func)}（{args}）"
        if isinstance(e, ast.Place):
            return "名次"
        if isinstance(e, ast.UnitCount):
            return "单位数"
        return str(e)

    def _operand(self, e: ast.Expr, op: str, right: bool = False) -> str:
        """An operand, in parentheses only where the reader needs them: `a−（b+c）`,
        `（a+b）×c`, `a÷（b×c）` — never `（（a−2）×3）+…`."""
        text = self.expr(e)
        if not isinstance(e, ast.BinOp):
            return text
        inner, outer = _PRECEDENCE[e.op], _PRECEDENCE[op]
        if inner < outer or right and inner == outer and op in "-/":
            return f"（{text}）"
        return text

    def subject(self, e: ast.Expr) -> str:
        """What is counted: a fact, or `A与B合计` for a sum."""
        if isinstance(e, ast.BinOp) and e.op == "+":
            return f"{self.subject(e.left)}与{self.subject(e.right)}合计"
        return self.expr(e)

    def amount(self, e: ast.Expr) -> str:
        """An amount of points: `1分`, `（【平台扣分】×10）分` → `（平台扣分×10）分`."""
        if isinstance(e, ast.Num):
            return f"{number(e.value)}分"
        if isinstance(e, ast.Ref) and e.name in self.params:
            return f"{number(self.params[e.name].value)}分"
        return f"（{self.expr(e)}）分"

    # -------------------------------------------------------------- conditions

    def cond(self, c: ast.Cond) -> str:
        if isinstance(c, ast.Truth):
            return self.expr(c.ref)
        if isinstance(c, ast.Not):
            return f"{c.word}{self._grouped(c.operand, (ast.And, ast.Or))}"
        if isinstance(c, ast.And):
            # 且 binds tighter than 或: an 或 inside 且 keeps its brackets, or the
            # document would state another condition than the policy computes
            return "且".join(self._grouped(o, (ast.Or,)) for o in c.operands)
        if isinstance(c, ast.Or):
            return "或".join(self.cond(o) for o in c.operands)
        if isinstance(c, ast.Compare):
            left, right = self.subject(c.left), self.expr(c.right)
            if c.word in _SYMBOLS:
                return f"{left}{_SYMBOLS[c.word]}{right}"
            if c.word == "超过…以上":
                return f"{left}超过{right}"
            if c.word in _POSTFIX:
                return f"{left}{right}{c.word}"
            before, _, after = c.word.partition("…")
            return f"{left}{before}{right}{after}"
        return str(c)

    def _grouped(self, c: ast.Cond, kinds: tuple[type, ...]) -> str:
        text = self.cond(c)
        return f"（{text}）" if isinstance(c, kinds) else text

    # ----------------------------------------------------------------- effects

    def effect(self, e: ast.Effect) -> str:
        if isinstance(e, ast.Deduct):
            word = e.word if e.word in ("扣", "加扣", "另扣", "再扣", "扣除", "减") else "扣"
            return f"{word}{self.amount(e.amount)}"
        if isinstance(e, ast.Earn):
            word = "得" if e.word in ("得", "") else e.word
            return f"{word}满分" if e.amount is None else f"{word}{self.amount(e.amount)}"
        if isinstance(e, ast.Bonus):
            return f"加{self.amount(e.amount)}"
        if isinstance(e, ast.NoScore):
            return "本大项不得分" if e.section else "不得分"
        if isinstance(e, ast.Disqualify):
            return "取消考评资格"
        if isinstance(e, ast.Veto):
            return "一票否决"
        if isinstance(e, ast.Label):
            return f"列为{e.name}"
        if isinstance(e, ast.GradeLimit):
            return f"{e.word}{e.band}" if e.band else e.word
        return str(e)

    def per(self, p: ast.Per, target: str = "") -> str:
        """`每缺1次`, `每人次`, `每低于1个百分点`, `每低于全市综合平均值1个百分点`."""
        unit = p.step.unit or ""
        step = number(p.step.value)
        verb = p.verb or ""
        if not verb and not target and p.step.value == 1:
            text = f"每{unit}" if unit else "每1"
        else:
            text = f"每{verb}{target}{step}{unit}"
        return text

    def _rounding(self, p: ast.Per) -> str:
        step = f"{number(p.step.value)}{p.step.unit or ''}"
        if p.rounding == "ceil":
            return f"（不足{step}的按{step}计）"
        if p.rounding == "ratio":
            return "（按比例计算）"
        return ""

    @staticmethod
    def _cap(c: ast.Clause) -> str:
        """The clause's own cap in the words of what it caps: `最高得3分` after an earning
        (`最多扣3分` there is refused, E253), `最高加3分` after a bonus."""
        cap = getattr(c, "cap", None)
        if cap is None:
            return ""
        effects = getattr(c, "effects", None) or (getattr(c, "effect", None),)
        word = "最多扣"
        if all(isinstance(e, ast.Earn) for e in effects):
            word = "最高得"
        elif all(isinstance(e, ast.Bonus) for e in effects):
            word = "最高加"
        return f"，{word}{number(cap.value)}分"

    # ----------------------------------------------------------------- clauses

    def clause(self, c: ast.Clause) -> str:
        """One clause as a sentence, without the final `。`."""
        if isinstance(c, ast.PerUnitClause):
            return self._per_unit(c)
        if isinstance(c, ast.ThresholdClause):
            return self._threshold(c)
        if isinstance(c, ast.MissingClause):
            names = "、".join(self.expr(f) for f in c.facts)
            if "分别" in c.text:
                return f"未{names}的，分别{self.effect(c.effect)}{self._cap(c)}"
            return f"{names}每缺1项{self.effect(c.effect)}{self._cap(c)}"
        if isinstance(c, ast.ConditionClause):
            return self._condition(c)
        if isinstance(c, ast.DiscretionaryClause):
            verb = {"deduct": "酌情扣", "earn": "酌情给", "bonus": "酌情加"}[c.kind]
            if c.high is None:
                return "另行计分" if c.kind == "earn" else f"{verb}分（以本项分值为限）"
            return f"{verb}{number(c.low.value)}至{number(c.high.value)}分"
        return getattr(c, "text", "")

    def _per_unit(self, c: ast.PerUnitClause) -> str:
        effect = self.effect(c.effect)
        step = self.per(c.per) + effect + self._rounding(c.per) + self._cap(c)
        subject = self.subject(c.subject)
        if c.condition is not None:
            return f"{self.cond(c.condition)}的，{step}"
        verb = c.per.verb or ""
        stripped = _strip_count(subject, c.per.step.unit)
        if verb and verb in stripped:
            return step
        if verb:
            return f"{subject}{step}"
        if stripped != subject:  # `劝返接回超时天数` → `劝返接回超时每天扣…`
            return f"{stripped}{step}"
        if not isinstance(c.effect, ast.Deduct):
            return f"{subject}{step}"
        if subject.startswith(_EVENT_WORDS):  # `发生…`, `未…`: already an event
            return f"{subject}的，{step}"
        return f"发生{subject}的，{step}"

    def _threshold(self, c: ast.ThresholdClause) -> str:
        effect = self.effect(c.effect)
        subject = self.subject(c.subject)
        tail = self._rounding(c.per) + self._cap(c)
        beyond = "超出部分" if c.beyond else ""
        if c.condition is not None:  # 低于平均值5个百分点的，…: say where the steps start
            step = self.per(c.per, "" if c.beyond else self.expr(c.target))
            return f"{self.cond(c.condition)}的，{beyond}{step}{effect}{tail}"
        if not c.word:
            return f"{subject}{self.per(c.per, self.expr(c.target))}{effect}{tail}"
        target = self.expr(c.target)
        if c.word == "与…相比":
            return f"{subject}与{target}相比，{self.per(c.per)}{effect}{tail}"
        if c.word in _POSTFIX:
            standard = f"{subject}{target}{c.word}"
        else:
            standard = f"{subject}{c.word}{target}"
        condition = c.beyond and kw.comparison_reading(c.word) == "condition"
        joint = "的，" if c.direction == "late" or condition else "，"
        return f"{standard}{joint}{beyond}{self.per(c.per)}{effect}{tail}"

    def _condition(self, c: ast.ConditionClause) -> str:
        effects = "，".join(self.effect(e) for e in c.effects)
        otherwise = ""
        if c.otherwise:
            otherwise = "，否则" + "，".join(self.effect(e) for e in c.otherwise)
        cap = self._cap(c)
        if c.condition is None:
            return f"{effects}{otherwise}{cap}"
        cond = self.cond(c.condition)
        if c.effects and isinstance(c.effects[0], ast.Earn):
            return f"{cond}{effects}{otherwise}{cap}"
        simple = isinstance(c.condition, (ast.Truth, ast.Not)) and not isinstance(
            getattr(c.condition, "operand", None), (ast.And, ast.Or)
        )
        points_only = all(isinstance(e, (ast.Deduct, ast.NoScore)) for e in c.effects)
        joint = "的" if simple and points_only else "的，"
        return f"{cond}{joint}{effects}{otherwise}{cap}"


def _strip_count(name: str, unit: str | None = None) -> str:
    """The event a count fact counts: `缺会次数` → `缺会`, `滞留批次` (unit 批次) → `滞留`."""
    # A one-character unit is too often part of a word (`案件`, `事件`) to be cut off.
    suffixes = _COUNT_SUFFIXES + ((unit,) if unit and len(unit) > 1 else ())
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def join(sentences: list[str]) -> str:
    """Several clause sentences as one paragraph: `…；…。`."""
    parts = [s.rstrip("。；; ") for s in sentences if s.strip()]
    return "；".join(parts) + "。" if parts else ""


def param_values(params: tuple[ast.ParamDecl, ...]) -> dict[str, ast.Num]:
    return {p.name: p.value for p in params}
