"""Hypothesis strategies: random valid `.rule` policies, a model of what they mean, and facts.

`policies()` draws a `PolicyDesc`: a description of an outline (1–4 marker levels, points,
sections, modifiers, bonus and earned-points nodes), its facts, parameters, grade bands with
their quotas (等次名额) and clauses (every form of LANGUAGE.md §5, 本项按满分计 included).
`PolicyDesc.render()` writes it as `.rule` text; `render(rng)` writes the same policy with
clauses, sibling nodes and declarations shuffled.  `PolicyDesc.expect(values, averages,
batch)` is a small, independent model of the scoring semantics (LANGUAGE.md §4 and the
settled decisions), `expect_batch` its results for a batch scored together (the quotas):
the tests compare the compiled module and the reference interpreter against it and against
each other.

`fact_values(desc)` draws one unit's facts as (raw value given to `score`, typed value the
model uses) pairs, in the many spellings the API accepts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal, localcontext
from fractions import Fraction

from hypothesis import strategies as st

D = Decimal
ZERO = D(0)

# ------------------------------------------------------------------------------- words

COUNT_FACTS = [
    ("缺会次数", "次"),
    ("日报告漏报次数", "次"),
    ("迟报件数", "件"),
    ("越级上访批次", "批次"),
    ("赴京非正常上访", "人次"),
    ("未按期办结件数", "件"),
    ("集体访批次", "批次"),
    ("重复访件次", "件次"),
    ("被退回重新办理", "件次"),
    ("被责任追究", "起"),
    ("滞留人数", "人"),
    ("每月例会缺席次数", "次"),
    ("扣分事项数", "项"),
    ("未包案件数", "件"),
    ("安全事故", "起"),
    ("信息报送篇数", "篇"),
    ("通报批评次数", "次"),
    ("整改逾期项数", "项"),
    ("违纪人数", "名"),
    ("督办超期件数", "件"),
    ("以上访代表人数", "人"),
    ("分流安置户数", "户"),
    ("扣押车辆数", "个"),
    ("滞留延长天数", "天"),
    ("值班缺岗日数", "日"),
    ("超期月数", "个月"),
    ("加班时长", "小时"),
    ("重点部位隐患点数", "点"),
    ("未报案例", "例"),
    ("停业整顿家数", "家"),
    ("校舍隐患处数", "处"),
    ("涉访学校所数", "所"),
    ("积案宗数", "宗"),
    ("负面信息条数", "条"),
    ("漏报简报份数", "份"),
    ("缺期简报", "期"),
    ("未巡查周数", "周"),
    ("延误年数", "年"),
]
BOOL_FACTS = [
    "统计表按时上报",
    "落实包案领导",
    "落实化解方案",
    "落实稳控措施",
    "制定应急预案",
    "建立工作台账",
    "公示接访日程表",
    "发生重大责任事故",
    "造成重大影响",
    "未按时报送材料",
    "按每月要求召开例会",
    "扣留信访材料",
    "年度工作总结上报",
    "领导分管到位",
    "开展风险评估",
    "分级负责落实",
    "有接访批示案件台帐",
    "引发群体性事件",
    "以上报材料为准",
]
PERCENT_FACTS = [
    "隐患化解率",
    "及时受理率",
    "按期办结率",
    "群众满意率",
    "参评率",
    "达标率",
    "扣分项整改率",
    "每月督办完成率",
    "未结案件清理率",
]
NUMBER_FACTS = ["平台扣分", "考核系数", "超标排放量", "经费投入(万元)", "分值调整数"]
POINTS_FACTS = ["预案工作扣分", "台账规范扣分", "督查评议扣分", "材料质量评分"]
DATE_FACTS = ["上报日期", "总结报送日期", "方案上报时间", "统计表报送日"]

TITLES = [
    "领导重视程度",
    "矛盾纠纷排查化解",
    "党政领导轮流接访",
    "值班及信息报告",
    "来县及越级上访",
    "信访基础工作",
    "信访工作制度建设",
    "信访源头预防工作",
    "信访隐患排查稳控工作",
    "信访接待、调处及答复工作",
    "来信、网上投诉工作",
    "转办交办案件办理",
    "信访工作责任追究制度",
    "赴省访处置",
    "进京访处置",
    "宣传报道",
    "安全生产",
    "扣分项说明",
    "每月例会",
    "未结案件清理",
    "分级负责落实情况",
    "县级以上表彰",
    "1#水库安全度汛",
    "信访工作(含网上信访)",
    "校园安全“三防”建设",
    "综治责任书签订",
]
BONUS_TITLES = ["创新工作", "表彰奖励", "经验推广", "加分事项", "信息被采用"]
SECTION_TITLES = ["考评范围", "考评内容及评分标准", "基础工作", "业务工作", "附则"]
LABELS = [
    "信访工作重点管理单位",
    "重点整改单位",
    "黄牌警告单位",
    "通报批评单位",
    "安全生产重点监管单位",
    "扣分重点单位",
]
NOTES = [
    "查阅会议记录。",
    "以上级通报为准，每月统计一次。",
    "现场查看，未达到要求的酌情扣分。",
    "按时上报得分，否则不扣分以外另行通报。",
    "材料以收件登记日期为准。",
]
BAND_NAMES = ["优秀", "良好", "较好", "合格", "基本合格", "一般", "不合格", "较差"]
POLICY_TITLES = [
    "2023年“双节”及省“两会”期间信访稳定工作考评细则",
    "2023年度信访工作考评细则",
    "平安建设工作考核细则（试行）",
    "安全生产目标责任考核评分细则",
    "学校综合治理工作考评细则",
]
PARAM_NAMES = ["化解率目标", "例会目标次数", "回流上限", "扣分系数", "达标基准"]

CN_DIGITS = "零一二三四五六七八九"
SAME_UNIT = {"天": "日", "日": "天", "月": "个月", "个月": "月"}
MARKER_KINDS = ("一、", "(一)", "1、", "(1)")

# comparison word → (placement, operator) under the default boundary table (§4.8)
WORDS_BEFORE = {
    "达到": ">=",
    "不低于": ">=",
    "不少于": ">=",
    "至少": ">=",
    "不超过": "<=",
    "超过": ">",
    "高于": ">",
    "不满": "<",
    "不足": "<",
    "低于": "<",
    "少于": "<",
}
WORDS_AFTER = {"以上": ">=", "以下": "<=", "以内": "<="}
# words that read as a standard unless 的 follows (xize.compiler.syntax.keywords)
STANDARD_OR_EITHER = {
    "达到",
    "不低于",
    "不少于",
    "至少",
    "不超过",
    "以内",
    "满",
    "≥",
    "≤",
    ">=",
    "<=",
}
SYMBOLS = {">=": ">=", "<=": "<=", ">": ">", "<": "<", "=": "==", "≥": ">=", "≤": "<="}
DATE_BEFORE = {"晚于": ">", "早于": "<", "不晚于": "<="}
DATE_AFTER = {"前": "<=", "之前": "<=", "以前": "<="}

COUNT_VERBS = ["缺", "缺少", "漏报", "迟报", "少报", "瞒报", "晚报", "发生", "出现", "新增"]
SHORT_VERBS = ["低于", "少", "少于", "差", "下降", "降低"]
EXCESS_VERBS = ["超", "超过", "多", "上升", "高于"]
LATE_VERBS = ["晚", "迟", "推迟"]
DEDUCT_WORDS = ["扣", "扣", "扣", "减", "扣除", "加扣", "另扣"]
EARN_WORDS = ["得", "得", "计", "记"]
BONUS_WORDS = ["加", "加", "奖"]

# ------------------------------------------------------------------------------ numbers


def num(d: Decimal | int) -> str:
    """A Decimal as written in a policy: no exponent, no trailing zeros."""
    d = D(d)
    if d == d.to_integral_value():
        return str(d.quantize(D(1)))
    return format(d.normalize(), "f")


def cn_int(n: int) -> str:
    """0..99 in Chinese numerals."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def written(d: Decimal, cn: bool) -> str:
    """A number, in Chinese numerals when asked and possible (integers 1..99)."""
    if cn and d == d.to_integral_value() and 1 <= d <= 99:
        n = int(d)
        return "两" if n == 2 and cn == "两" else cn_int(n)
    return num(d)


def units(q: Decimal, step: Decimal, rounding: str = "floor") -> Decimal:
    """Steps in q: whole steps (floor), a part step counted whole (ceil, `不足N…按N…计`)
    or the exact ratio (`按比例`); a negative quantity counts as no units."""
    if q <= 0:
        return ZERO
    if rounding == "ratio":
        return q / step
    return (q / step).to_integral_value(
        rounding=ROUND_CEILING if rounding == "ceil" else ROUND_FLOOR
    )


def round_to(x: Decimal, step: Decimal | None) -> Decimal:
    if step is None:
        return x
    return (x / step).to_integral_value(rounding=ROUND_HALF_UP) * step


def ctx():
    return localcontext(Context(prec=60))


# ------------------------------------------------------------------------------ choices


class Chooser:
    """Shrinkable random choices through `draw`."""

    def __init__(self, draw):
        self.draw = draw

    def choice(self, seq):
        return self.draw(st.sampled_from(list(seq)))

    def int(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(lo, hi))

    def chance(self, p: float) -> bool:
        return self.draw(st.integers(0, 999)) < int(p * 1000)

    def dec(self, lo, hi, places: int = 2) -> Decimal:
        scale = 10**places
        n = self.draw(st.integers(int(D(lo) * scale), int(D(hi) * scale)))
        return (D(n) / scale).normalize()


# --------------------------------------------------------------------------- facts/params


@dataclass
class FactSpec:
    name: str
    type: str  # bool count percent number points date
    unit: str = ""  # count unit
    default: object = None  # typed
    default_text: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    declare_range: bool = False
    description: str = ""
    sense: str = ""  # 越高越好 / 越低越好 (a ranking's direction; none here rank)
    # +1: more of it never lowers a deduction (adverse); -1: favourable; both: neither
    polarity: set = field(default_factory=set)
    uses: set = field(default_factory=set)  # "avg", "date_due:<iso>", "cond", ...

    def declaration(self, c_colon: str) -> str:
        word = {
            "bool": "是否",
            "percent": "百分比",
            "number": "数值",
            "points": "分",
            "date": "日期",
        }.get(self.type, self.unit)
        text = f"{self.name}{c_colon}{word}"
        if self.default_text is not None:
            text += f"，默认{self.default_text}"
        if self.declare_range:
            text += f"，范围{num(self.low)}至{num(self.high)}"
        if self.sense:
            text += f"，{self.sense}"
        if self.description:
            text += f"    # {self.description}"
        return text


@dataclass
class ParamSpec:
    name: str
    value: Decimal
    suffix: str  # "%", a count unit, or ""

    def declaration(self) -> str:
        return f"{self.name} = {num(self.value)}{self.suffix}"


class Env:
    """Typed fact values, averages and parameters, for the model."""

    def __init__(self, values, averages, params, boundary):
        self.values = values
        self.averages = averages
        self.params = params
        self.boundary = boundary


def compare(a, op: str, b) -> bool:
    return {
        ">=": a >= b,
        ">": a > b,
        "<=": a <= b,
        "<": a < b,
        "==": a == b,
    }[op]


def boundary_op(word: str, op: str, boundary: dict) -> str:
    if word in boundary:
        return op.rstrip("=") + ("=" if boundary[word] else "")
    return op


# --------------------------------------------------------------------------- expressions


@dataclass
class EConst:
    value: Decimal

    def render(self, style) -> str:
        return num(self.value)

    def eval(self, env) -> Decimal:
        return self.value

    def facts(self):
        return []


@dataclass
class ERef:
    name: str
    param: bool = False

    def render(self, style) -> str:
        return f"【{self.name}】"

    def eval(self, env) -> Decimal:
        if self.param:
            return env.params[self.name]
        return D(env.values[self.name])

    def facts(self):
        return [] if self.param else [self.name]


@dataclass
class EBin:
    op: str  # + - * /
    left: object
    right: object
    sym: str = ""

    def render(self, style) -> str:
        sym = self.sym or {"+": "+", "-": "-", "*": "×", "/": "÷"}[self.op]
        left = self.left.render(style)
        right = self.right.render(style)
        if isinstance(self.left, EBin) and self.left.op in "+-" and self.op in "*/":
            left = f"({left})"
        if isinstance(self.right, EBin) and (
            self.op in "*/" or (self.op == "-" and self.right.op in "+-")
        ):
            right = f"({right})"
        return f"{left}{sym}{right}"

    def eval(self, env) -> Decimal:
        a, b = self.left.eval(env), self.right.eval(env)
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        return a / b

    def facts(self):
        return self.left.facts() + self.right.facts()


@dataclass
class EFunc:
    func: str  # 最大 最小 取整
    args: list

    def render(self, style) -> str:
        return f"{self.func}({'，'.join(a.render(style) for a in self.args)})"

    def eval(self, env) -> Decimal:
        vals = [a.eval(env) for a in self.args]
        if self.func == "最大":
            return max(vals)
        if self.func == "最小":
            return min(vals)
        return vals[0].to_integral_value(rounding=ROUND_FLOOR)

    def facts(self):
        return [f for a in self.args for f in a.facts()]


# ---------------------------------------------------------------------------- conditions


@dataclass
class CTruth:
    fact: str

    def render(self, style) -> str:
        return f"【{self.fact}】"

    def holds(self, env) -> bool:
        return bool(env.values[self.fact])

    def polarity(self) -> dict:
        return {}


@dataclass
class CNot:
    operand: CTruth
    word: str = "未"

    def render(self, style) -> str:
        return self.word + self.operand.render(style)

    def holds(self, env) -> bool:
        return not self.operand.holds(env)

    def polarity(self) -> dict:
        return {k: {-p for p in v} for k, v in self.operand.polarity().items()}


@dataclass
class CAll:
    operands: list

    def render(self, style) -> str:
        parts = []
        for o in self.operands:
            t = o.render(style)
            parts.append(f"({t})" if isinstance(o, CAny) else t)
        return "且".join(parts)

    def holds(self, env) -> bool:
        return all(o.holds(env) for o in self.operands)

    def polarity(self) -> dict:
        return merge_pol(o.polarity() for o in self.operands)


def _satisfiable(operands: list) -> list:
    """The operands of a 且, less any fixed comparison that leaves its fact no value with
    the ones before it (`超过4次且0次以下`: the checker refuses such a clause, E271) —
    whatever the header's 边界 makes of 以上 and 以下."""
    kept: list = []
    bounds: dict[str, list] = {}
    for operand in operands:
        fixed = [
            c
            for c in _conjuncts(operand)
            if isinstance(c, CCmp) and len(c.left) == 1 and isinstance(c.value, Decimal)
        ]
        trial = {k: list(v) for k, v in bounds.items()}
        for c in fixed:
            # the header's 边界 (drawn later) may leave the number out of 以上 / 以下
            op = c.op.rstrip("=") if c.word in ("以上", "以下") and c.op != "==" else c.op
            trial.setdefault(c.left[0], []).append((op, c.value))
        if all(_some_value(b) for b in trial.values()):
            kept.append(operand)
            bounds = trial
    return kept


def _conjuncts(condition) -> list:
    """Every condition a 且 holds, through the 且 inside it (they render as one chain)."""
    if isinstance(condition, CAll):
        return [c for o in condition.operands for c in _conjuncts(o)]
    return [condition]


def _some_value(bounds: list) -> bool:
    lows = [(v, op != ">") for op, v in bounds if op in (">=", ">", "==")]
    highs = [(v, op != "<") for op, v in bounds if op in ("<=", "<", "==")]
    if not lows or not highs:
        return True
    low = max(lows, key=lambda b: (b[0], not b[1]))
    high = min(highs, key=lambda b: (b[0], b[1]))
    return low[0] < high[0] or (low[0] == high[0] and low[1] and high[1])


@dataclass
class CAny:
    operands: list

    def render(self, style) -> str:
        return "或".join(o.render(style) for o in self.operands)

    def holds(self, env) -> bool:
        return any(o.holds(env) for o in self.operands)

    def polarity(self) -> dict:
        return merge_pol(o.polarity() for o in self.operands)


@dataclass
class CCmp:
    """`LEFT WORD VALUE`: left is a list of facts (summed) of one type."""

    left: list
    word: str
    placement: str  # before / after / symbol
    value: object  # Decimal, date, or ERef (parameter)
    suffix: str  # unit text after the value ("次", "%", "")
    op: str
    kind: str  # count / percent / number / date
    cn: object = False

    def render(self, style) -> str:
        left = "+".join(f"【{f}】" for f in self.left)
        if isinstance(self.value, ERef):
            value = self.value.render(style)
        elif isinstance(self.value, date):
            value = render_date(self.value, style)
        elif (
            self.suffix == "%"
            and self.cn
            and self.value == int(self.value)
            and 0 < self.value < 100
        ):
            value = "百分之" + cn_int(int(self.value))
        else:
            value = written(self.value, self.cn and self.suffix not in ("%", "")) + self.suffix
        if self.placement == "after":
            return f"{left}{value}{self.word}"
        if self.placement == "symbol":
            sp = " " if style.get("spaces") else ""
            return f"{left}{sp}{self.word}{sp}{value}"
        return f"{left}{self.word}{value}"

    def subject(self, env):
        if self.kind == "date":
            return env.values[self.left[0]]
        return sum((D(env.values[f]) for f in self.left), ZERO)

    def target(self, env):
        if isinstance(self.value, ERef):
            return self.value.eval(env)
        return self.value

    def holds(self, env) -> bool:
        op = boundary_op(self.word, self.op, env.boundary)
        return compare(self.subject(env), op, self.target(env))

    def polarity(self) -> dict:
        if self.kind != "count":
            return {}
        if self.op == "==":
            p = {1, -1}
        else:
            p = {1} if self.op.startswith(">") else {-1}
        return {f: set(p) for f in self.left}


def merge_pol(dicts) -> dict:
    out: dict = {}
    for d in dicts:
        for k, v in d.items():
            out.setdefault(k, set()).update(v)
    return out


def fullwidth(text: str) -> str:
    """ASCII letters, digits and punctuation as their full-width forms (LANGUAGE.md §2:
    they map back one to one before lexing), except inside 【】 names."""
    out = []
    depth = 0
    for ch in text:
        if ch == "【":
            depth += 1
        elif ch == "】":
            depth = max(0, depth - 1)
        if depth == 0 and "!" <= ch <= "~":
            out.append(chr(ord(ch) + 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def render_date(d: date, style) -> str:
    form = style.get("date", 0)
    if form == 1:
        return f"{d.year}年{d.month}月{d.day}日"
    if form == 2:
        return d.isoformat()
    return f"{d.month}月{d.day}日"


# ------------------------------------------------------------------------------- clauses


@dataclass
class Contribution:
    """What a clause does for one unit (model side)."""

    deduct: Decimal = ZERO  # nominal (after a clause cap)
    earned: Decimal = ZERO  # earned points that hold
    earn_failed: Decimal = ZERO  # nominal of an earn clause whose condition fails
    bonus: Decimal = ZERO
    zero_node: bool = False
    outcomes: list = field(default_factory=list)  # ("disqualify"|"veto"|"label", name)
    override: Decimal | None = None  # 本项按满分计 / 按分值的80%计分 that holds: the share


class Clause:
    cap: Decimal | None = None
    until_zero: bool = False
    kind = "deduct"
    rounding: str = "floor"
    ratio_word: str = "按比例扣分"
    ceil_unit: str = ""

    def round_tail(self) -> str:
        """`，不足2次按2次计` (ceil) or `，按比例扣分` (ratio) after a step form."""
        if self.rounding == "ceil":
            n = num(self.step)
            return f"，不足{n}{self.ceil_unit}按{n}{self.ceil_unit}计"
        if self.rounding == "ratio":
            return "，" + self.ratio_word
        return ""

    def tail(self) -> str:
        text = self.round_tail()
        if self.cap is not None:
            text += f"，最多扣{num(self.cap)}分"
        if self.until_zero:
            text += "，扣完为止"
        return text

    def capped(self, raw: Decimal) -> Decimal:
        raw = max(raw, ZERO)
        return raw if self.cap is None else min(raw, self.cap)

    def polarity(self) -> dict:
        return {}


def effect_sign(kind: str) -> int:
    """+1 when the effect adds to a deduction, -1 when it lowers one (earn, bonus)."""
    return 1 if kind == "deduct" else -1


@dataclass
class PerUnit(Clause):
    """`【F】每缺2次扣1分`, `【F】每人次扣30分`, `【F】扣15分/批次`, `【F】每件计2分`,
    `【F】每次加2分`, and the conditional form `COND的，每次扣1分` (subject = left of COND)."""

    subject: list = field(default_factory=list)
    unit: str = "次"
    step: Decimal = D(1)
    amount: Decimal = D(1)
    kind: str = "deduct"
    word: str = "扣"
    verb: str = ""
    shape: str = "verb"  # verb / plain / slash
    condition: object = None
    cn: object = False
    cap: Decimal | None = None
    until_zero: bool = False
    rounding: str = "floor"
    ratio_word: str = "按比例扣分"
    ceil_unit: str = ""

    def render(self, style) -> str:
        amount = written(self.amount, self.cn)
        if self.shape == "slash":
            step = f"{self.word}{amount}分/{self.unit}"
        elif self.shape == "verb":
            step = f"每{self.verb}{written(self.step, self.cn)}{self.unit}{self.word}{amount}分"
        else:
            n = "" if self.step == 1 else written(self.step, self.cn)
            step = f"每{n}{self.unit}{self.word}{amount}分"
        if self.condition is not None:
            # `不少于3次，每次扣1分` states a standard (or is refused as ambiguous): the
            # condition form needs its 的 after such words (docs/language.md 标准与条件).
            de = style.get("de") or getattr(self.condition, "word", "") in STANDARD_OR_EITHER
            head = self.condition.render(style) + ("的，" if de else "，")
        else:
            head = "+".join(f"【{f}】" for f in self.subject)
        return head + step + self.tail()

    def contribute(self, env, node) -> Contribution:
        if self.condition is not None and not self.condition.holds(env):
            return Contribution()
        q = sum((D(env.values[f]) for f in self.subject), ZERO)
        value = self.amount * units(q, self.step, self.rounding)
        if self.kind == "deduct":
            return Contribution(deduct=self.capped(value))
        if self.kind == "earn":
            return Contribution(earned=value)
        return Contribution(bonus=value)

    def polarity(self) -> dict:
        s = effect_sign(self.kind)
        pol = {f: {s} for f in self.subject}
        if self.condition is not None:
            cond = {k: {p * s for p in v} for k, v in self.condition.polarity().items()}
            pol = merge_pol([pol, cond])
        return pol


@dataclass
class Missing(Clause):
    facts: list = field(default_factory=list)
    amount: Decimal = D(1)
    shape: str = "each"  # each / respectively
    word: str = "扣"
    cap: Decimal | None = None
    until_zero: bool = False

    def render(self, style) -> str:
        names = "、".join(f"【{f}】" for f in self.facts)
        if self.shape == "each":
            return f"{names}每缺1项{self.word}{num(self.amount)}分" + self.tail()
        return f"未{names}的，分别{self.word}{num(self.amount)}分" + self.tail()

    def contribute(self, env, node) -> Contribution:
        missing = sum(1 for f in self.facts if not env.values[f])
        return Contribution(deduct=self.capped(self.amount * missing))


@dataclass
class Effect:
    kind: str  # deduct earn bonus zero full disqualify veto label
    amount: object = None  # EConst / expression
    word: str = ""
    label: str = ""
    paren: bool = False  # computed amount: `扣(…)分`
    cn: object = False

    def render(self, style) -> str:
        if self.kind in ("deduct", "earn", "bonus"):
            if self.paren:
                return f"{self.word}({self.amount.render(style)})分"
            return f"{self.word}{written(self.amount.value, self.cn)}分"
        return {
            "zero": "不得分",
            "full": "得满分",
            "disqualify": self.word or "取消考评资格",
            "veto": "一票否决",
            "label": f"{self.word or '列为'}{self.label}",
        }[self.kind]


def _standard(c):
    """(fact, direction) of a per-step clause from a fixed standard, which E266 holds
    against another on the same fact and side (`不得超过60%，每超…；不得超过86%，每超…`)."""
    if not isinstance(c, Threshold) or not isinstance(c.target, Decimal):
        return None
    if c.word_deduct in ("另扣", "加扣"):
        return None  # said to come on top: read as written
    return c.fact, c.direction


def _range(c):
    """((fact, effect kind), (low, high)) of a clause the checker reads as one tier over a
    range of one fact (E267: `低于90%且不低于80%的扣1分`, or one bound), or None; an open
    end is None."""
    cond = getattr(c, "condition", None)
    if not isinstance(c, Fixed) or c.otherwise or c.cap is not None or len(c.then) != 1:
        return None
    if c.then[0].kind not in ("earn", "deduct", "bonus"):
        return None
    fact = low = high = None
    for part in cond.operands if isinstance(cond, CAll) else [cond]:
        if not isinstance(part, CCmp) or len(part.left) != 1 or part.kind == "date":
            return None
        if isinstance(part.value, ERef) or part.op not in (">=", ">", "<", "<="):
            return None
        if fact not in (None, part.left[0]):
            return None
        fact = part.left[0]
        if part.op in (">=", ">"):
            low = part.value if low is None else max(low, part.value)
        else:
            high = part.value if high is None else min(high, part.value)
    return (fact, c.then[0].kind), (low, high)


def _ranges_meet(a: tuple, b: tuple) -> bool:
    """Two ranges share a value, or touch (a bound's side is not weighed: kept out)."""
    lows = [x for x in (a[0], b[0]) if x is not None]
    highs = [x for x in (a[1], b[1]) if x is not None]
    return not lows or not highs or max(lows) <= min(highs)


def without_nested_bounds(clauses: list) -> list:
    """A node's clauses without a tier nested in (or overlapping) another of the same fact
    and effect (`达到90%得6分；达到80%得4分`, E267) or a second per-step standard on the same fact and
    side (E266): the language refuses such pairs — which is the deepest tier, or do they
    add up — so a valid policy never holds one."""
    kept: list = []
    for c in clauses:
        r = _range(c)  # one-sided bounds on one side always meet: nested tiers too
        if r is not None and any(
            (o := _range(k)) is not None
            and o[0] == r[0]
            and o[1] != r[1]
            and _ranges_meet(o[1], r[1])
            for k in kept
        ):
            continue
        s = _standard(c)
        if s is not None and any(_standard(k) == s and k.target != c.target for k in kept):
            continue
        p = _per_deduction(c)
        if p is not None and any(
            (o := _per_deduction(k)) is not None and o[0] == p[0] and o[1] != p[1] for k in kept
        ):
            continue  # 每次扣0.5分 beside 超过3次的，每次扣1分: E116 (which rate past 3?)
        kept.append(c)
    return kept


def _amount_past_rate(a, b) -> bool:
    """Two clauses that on one line (`【F】每次扣1分；【F】超过2次的，扣1分`) ask whether the
    amount replaces the rate or comes on top (E116): they are written on lines of their
    own, where they add up."""
    for rate, tier in ((a, b), (b, a)):
        p, r = _per_deduction(rate), _range(tier)
        if p is not None and not p[1] and r is not None and r[0] == (p[0], "deduct"):
            if r[1][0] is not None:
                return True
    return False


def _per_deduction(c):
    """(fact, conditional?) of a per-unit deduction of one fact, or None."""
    if not isinstance(c, PerUnit) or c.kind != "deduct" or len(c.subject) != 1:
        return None
    return c.subject[0], c.condition is not None


def earn_effects(clause) -> int:
    """How many earning effects a clause has (就高不就低 chooses among them)."""
    if isinstance(clause, Fixed):
        return sum(e.kind in ("earn", "full") for e in clause.then + clause.otherwise)
    return 1 if getattr(clause, "kind", "") == "earn" else 0


@dataclass
class Fixed(Clause):
    condition: object = None
    then: list = field(default_factory=list)
    otherwise: list = field(default_factory=list)
    sep: str = "，"  # between condition and effects: "，", "的，", ""
    cap: Decimal | None = None
    until_zero: bool = False

    def render(self, style) -> str:
        text = ""
        if self.condition is not None:
            text = self.condition.render(style) + self.sep
        text += "，".join(e.render(style) for e in self.then)
        if self.otherwise:
            text += "，否则" + "，".join(e.render(style) for e in self.otherwise)
        return text + self.tail()

    @property
    def kind(self):
        for e in self.then + self.otherwise:
            if e.kind in ("deduct", "earn", "bonus", "zero", "full"):
                return {"zero": "deduct", "full": "earn"}.get(e.kind, e.kind)
        return "outcome"

    def contribute(self, env, node) -> Contribution:
        holds = self.condition is None or self.condition.holds(env)
        out = Contribution()
        effects = self.then if holds else self.otherwise
        if not holds and any(e.kind == "earn" for e in self.then):
            # `得X分，否则不得分` ≡ `得X分`: the 否则 only restates the missed points
            effects = [e for e in effects if e.kind != "zero"]
        for e in effects:
            self._apply(e, env, node, out)
        if not holds:
            for e in self.then:
                if e.kind == "earn":
                    out.earn_failed += max(e.amount.eval(env), ZERO)
                elif e.kind == "full":
                    out.earn_failed += node.points
        return out

    def _apply(self, e, env, node, out):
        if e.kind == "deduct":
            out.deduct += self.capped(e.amount.eval(env))
        elif e.kind == "earn":
            out.earned += max(e.amount.eval(env), ZERO)
        elif e.kind == "full":
            out.earned += node.points
        elif e.kind == "bonus":
            out.bonus += max(e.amount.eval(env), ZERO)
        elif e.kind == "zero":
            out.zero_node = True
        else:
            out.outcomes.append((e.kind, e.label))

    def polarity(self) -> dict:
        if self.condition is None:
            pol: dict = {}
        else:
            cond = self.condition.polarity()
            pol = {}
            for e in self.then:
                if e.kind in ("deduct", "zero", "earn", "full", "bonus"):
                    s = 1 if e.kind in ("deduct", "zero") else -1
                    pol = merge_pol([pol, {k: {p * s for p in v} for k, v in cond.items()}])
            for e in self.otherwise:
                if e.kind in ("deduct", "zero"):
                    pol = merge_pol([pol, {k: {-p for p in v} for k, v in cond.items()}])
        for e in self.then + self.otherwise:
            if e.amount is not None and e.paren:
                for f in e.amount.facts():
                    pol.setdefault(f, set()).update({1, -1})
        return pol


@dataclass
class Threshold(Clause):
    """Threshold (shortfall), allowance (excess), versus the batch (target None)."""

    fact: str = ""
    direction: str = "short"  # short / excess
    target: object = None  # Decimal, ERef (parameter), or None for 平均值
    word: str = "应达到"
    verb: str = "低于"
    step: Decimal = D(1)
    unit: str = "个百分点"  # step unit
    target_suffix: str = "%"
    amount: Decimal = D("0.03")
    avg_words: str = ""
    word_deduct: str = "扣"
    cn: object = False
    cap: Decimal | None = None
    until_zero: bool = False
    rounding: str = "floor"
    ratio_word: str = "按比例扣分"
    ceil_unit: str = ""

    def render(self, style) -> str:
        # `一百分点` would read as 100 分点: Chinese numerals only before 个百分点
        step = written(self.step, self.cn and self.unit != "百分点")
        tail = f"{self.word_deduct}{num(self.amount)}分" + self.tail()
        if self.target is None:
            return f"【{self.fact}】每{self.verb}{self.avg_words}平均值{step}{self.unit}{tail}"
        if isinstance(self.target, ERef):
            t = self.target.render(style)
        else:
            t = written(self.target, self.cn and self.target_suffix != "%") + self.target_suffix
        return f"【{self.fact}】{self.word}{t}，每{self.verb}{step}{self.unit}{tail}"

    def contribute(self, env, node) -> Contribution:
        value = D(env.values[self.fact])
        if self.target is None:
            t = env.averages[self.fact]
        elif isinstance(self.target, ERef):
            t = self.target.eval(env)
        else:
            t = self.target
        gap = t - value if self.direction == "short" else value - t
        return Contribution(deduct=self.capped(self.amount * units(gap, self.step, self.rounding)))

    def polarity(self) -> dict:
        return {self.fact: {-1 if self.direction == "short" else 1}}


@dataclass
class Late(Clause):
    fact: str = ""
    due: date = date(2023, 1, 9)
    verb: str = "晚"
    step: Decimal = D(1)
    unit: str = "天"
    amount: Decimal = D("0.1")
    cn: object = False
    cap: Decimal | None = None
    until_zero: bool = False
    rounding: str = "floor"
    ratio_word: str = "按比例扣分"
    ceil_unit: str = ""

    def render(self, style) -> str:
        due = render_date(self.due, style)
        step = written(self.step, self.cn)
        return (
            f"【{self.fact}】晚于{due}的，每{self.verb}{step}{self.unit}扣{num(self.amount)}分"
            + self.tail()
        )

    def contribute(self, env, node) -> Contribution:
        days = D((env.values[self.fact] - self.due).days)
        return Contribution(deduct=self.capped(self.amount * units(days, self.step, self.rounding)))


@dataclass
class Discretionary(Clause):
    fact: str = ""
    low: Decimal = ZERO
    high: Decimal = D(5)
    shape: str = "酌情"

    def render(self, style) -> str:
        if self.shape == "酌情":
            return f"【{self.fact}】酌情扣{num(self.low)}至{num(self.high)}分"
        return f"【{self.fact}】扣{num(self.low)}-{num(self.high)}分"

    def contribute(self, env, node) -> Contribution:
        return Contribution(deduct=D(env.values[self.fact]))


@dataclass
class Override(Clause):
    """`【F】的，本项按满分计`, `COND的，本项按分值的80%计分` (docs/language.md 5.4): when the
    condition holds the item scores its points × share, whatever its other clauses give."""

    condition: object = None
    share: Decimal = D(1)  # a fraction of the points, 0..1
    words: str = "本项按满分计"
    sep: str = "的，"
    kind = "override"

    def render(self, style) -> str:
        return self.condition.render(style) + self.sep + self.words

    def contribute(self, env, node) -> Contribution:
        if self.condition.holds(env):
            return Contribution(override=self.share)
        return Contribution()

    def polarity(self) -> dict:
        # the item's score is set outright: more of a fact may raise it or lower it
        return {k: {1, -1} for k in self.condition.polarity()}


# --------------------------------------------------------------------------------- nodes


@dataclass
class NodeDesc:
    kind: str  # one of MARKER_KINDS
    number: int
    title: str
    points: Decimal | None = None
    cap: Decimal | None = None
    cap_word: str = "最多扣"
    no_floor: bool = False
    until_zero: str = ""  # "扣完为止" / "减完为止" / ""
    bonus_cap: Decimal | None = None
    clauses: list = field(default_factory=list)
    children: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    fullwidth: bool = False
    dot: bool = False  # `1.` instead of `1、`
    points_style: int = 0  # 0 "(5分)" after the title, 1 " 5分" at the end
    join: bool = False  # render two clauses on one line joined by `；`
    take_max: bool = False  # 就高不就低: the largest earned amount, not the sum
    path: str = ""

    def marker(self) -> str:
        n = self.number
        if self.kind == "一、":
            return cn_int(n) + "、"
        if self.kind == "(一)":
            return f"（{cn_int(n)}）" if self.fullwidth else f"({cn_int(n)})"
        if self.kind == "1、":
            return f"{n}." if self.dot else f"{n}、"
        return f"（{n}）" if self.fullwidth else f"({n})"

    def path_part(self) -> str:
        return self.marker().rstrip("、.").replace("（", "(").replace("）", ")")

    @property
    def earns(self) -> bool:
        return any(c.kind == "earn" for c in self.clauses)

    def budget(self) -> Decimal | None:
        if self.points is not None and self.cap is not None:
            return min(self.points, self.cap)
        if self.points is not None:
            return self.points
        return self.cap

    def line(self, style) -> str:
        text = self.marker() + self.title
        if self.points is not None:
            plain_end = not (self.cap or self.no_floor or self.until_zero or self.take_max)
            if self.points_style == 1 and plain_end and self.bonus_cap is None:
                text += f" {num(self.points)}分"
            elif self.fullwidth:
                text += f"（{num(self.points)}分）"
            else:
                text += f"({num(self.points)}分)"
        if self.bonus_cap is not None:
            text += f"，加分项，最高加{num(self.bonus_cap)}分"
        if self.cap is not None:
            text += f"，{self.cap_word}{num(self.cap)}分"
        if self.no_floor:
            text += "，不设下限"
        if self.until_zero:
            text += f"，{self.until_zero}"
        if self.take_max:
            text += "，就高不就低"
        return text


@dataclass
class Quota:
    """等次名额 (docs/language.md 12.2): `不超过参加考核单位总数的30%`, `不超过4个`; written
    after its band (`优秀：90分以上，不超过…`) or on a line of its own under `等次：`."""

    share: Fraction | None = None  # of the units in the batch, in (0, 1]: 三分之一 exactly
    count: int | None = None
    amount: str = "30%"  # as written: 30%, 三分之一, 4个
    word: str = "不超过"
    base: str = "参加考核单位总数的"  # before a share; "" for a bare 30%
    lead: str = "等次"  # own line: what follows the band's name (等次原则上, 比例 …)
    tail: str = ""  # `，按得分从高到低确定`
    own_line: bool = False

    def places(self, size: int) -> int:
        """Units that keep the band in a batch of `size`: the share rounded down."""
        if self.count is not None:
            return self.count
        return int(self.share * size)  # a Fraction ≥ 0: int() rounds it down

    def phrase(self) -> str:
        base = self.base if self.share is not None else ""
        return f"{self.word}{base}{self.amount}{self.tail}"


@dataclass
class Band:
    name: str
    low: Decimal | None  # None: 其余
    word: str = "以上"  # 以上 / 不低于 / 超过 / 至
    high: Decimal | None = None
    quota: Quota | None = None

    def render(self, colon: str) -> str:
        text = self._render(colon)
        if self.quota is not None and not self.quota.own_line:
            text += "，" + self.quota.phrase()
        return text

    def quota_line(self) -> str:
        return f"{self.name}{self.quota.lead}{self.quota.phrase()}"

    def _render(self, colon: str) -> str:
        if self.low is None:
            return f"{self.name}{colon}其余"
        if self.word == "以上":
            return f"{self.name}{colon}{num(self.low)}分以上"
        if self.word == "至":
            return f"{self.name}{colon}{num(self.low)}分至{num(self.high)}分"
        return f"{self.name}{colon}{self.word}{num(self.low)}分"

    def matches(self, total: Decimal, boundary: dict) -> bool:
        if self.low is None:
            return True
        if self.word == "至":
            return self.low <= total <= self.high
        op = {"以上": ">=", "不低于": ">=", "超过": ">"}[self.word]
        return compare(total, boundary_op(self.word, op, boundary), self.low)


# ------------------------------------------------------------------------------- policy


@dataclass
class ModelNode:
    path: str
    points: Decimal | None
    deduction: Decimal
    score: Decimal | None
    bonus: bool
    item_nominal: Decimal  # Σ nominal of the deduction items of this path (model)


@dataclass
class ModelResult:
    total: Decimal
    exact_total: Decimal
    grade: str | None
    status: str
    vetoed: bool
    labels: tuple
    nodes: dict
    # the batch values `score` reads for the quotas: 单位数 and 名额名次【等次】 (with_quotas)
    places: dict = field(default_factory=dict)


@dataclass
class PolicyDesc:
    title: str
    year: int
    full_marks: Decimal
    precision: Decimal | None
    facts: list
    params: list
    nodes: list
    bands: list
    boundary: dict = field(default_factory=dict)
    boundary_text: str = ""
    target_text: str = ""
    mode_text: str = ""
    tests: list = field(default_factory=list)  # (name, values, averages, expect, places)
    quota_lines_first: bool = False  # own-line quotas written before the bands
    style: dict = field(default_factory=dict)
    blocks_first: bool = True

    # -------------------------------------------------------------- queries
    def fact(self, name: str) -> FactSpec:
        for f in self.facts:
            if f.name == name:
                return f
        raise KeyError(name)

    def walk(self):
        stack = list(reversed(self.nodes))
        while stack:
            n = stack.pop()
            yield n
            stack.extend(reversed(n.children))

    def average_facts(self) -> list:
        return [f.name for f in self.facts if "avg" in f.uses]

    def adverse_counts(self) -> list:
        return [f.name for f in self.facts if f.type == "count" and f.polarity == {1}]

    def has_outcomes(self) -> bool:
        return any(_has_outcome(c) for n in self.walk() for c in n.clauses)

    def quotas(self) -> list:
        """(band index, band) of the bands with a quota, highest first."""
        return [(i, b) for i, b in enumerate(self.bands) if b.quota is not None]

    def has_overrides(self) -> bool:
        return any(isinstance(c, Override) for n in self.walk() for c in n.clauses)

    # -------------------------------------------------------------- text
    def render(self, rng: random.Random | None = None) -> str:
        s = self.style
        colon = "：" if not s.get("ascii_colon") else ":"
        out = [f"细则{colon}{self.title}", f"年度{colon}{self.year}"]
        out.append(f"满分{colon}{num(self.full_marks)}分")
        if self.precision is not None:
            out.append(f"精度{colon}{num(self.precision)}")
        if self.boundary_text:
            out.append(f"边界{colon}{self.boundary_text}")
        if self.mode_text:
            out.append(f"计分{colon}{self.mode_text}")
        if self.target_text:
            out.append(f"考评对象{colon}{self.target_text}")
        out.append("")
        blocks = []
        facts = list(self.facts)
        params = list(self.params)
        if rng is not None:
            rng.shuffle(facts)
            rng.shuffle(params)
        blocks.append([f"数据{colon}"] + ["  " + f.declaration(colon) for f in facts] + [""])
        if params:
            blocks.append([f"参数{colon}"] + ["  " + p.declaration() for p in params] + [""])
        if self.bands:
            lines = ["  " + b.render(colon) for b in self.bands]
            own = [b for b in self.bands if b.quota is not None and b.quota.own_line]
            if rng is not None:
                rng.shuffle(own)  # the quotas apply from the highest band down, as written
            quota_lines = ["  " + b.quota_line() for b in own]
            lines = quota_lines + lines if self.quota_lines_first else lines + quota_lines
            blocks.append([f"等次{colon}"] + lines + [""])
        for name, values, averages, expect, places in self.tests:
            blocks.append(self._render_test(name, values, averages, expect, colon, places))
        if rng is not None:
            rng.shuffle(blocks)
        outline: list[str] = []
        nodes = list(self.nodes)
        if rng is not None:
            rng.shuffle(nodes)
        for n in nodes:
            self._render_node(n, 0, outline, rng)
        if self.blocks_first:
            for b in blocks:
                out.extend(b)
            out.extend(outline)
        else:
            out.extend(outline)
            out.append("")
            for b in blocks:
                out.extend(b)
        return "\n".join(out) + "\n"

    def _render_node(self, n: NodeDesc, depth: int, out: list, rng) -> None:
        s = self.style
        pad = "  " * depth if s.get("indent", True) else ""
        if s.get("comments") and depth == 0:
            out.append(f"{pad}# {n.title}")
        out.append(pad + n.line(s) + ("    # 评分项" if s.get("comments") and n.points else ""))
        inner = pad + ("  " if s.get("indent", True) else "")
        for note in n.notes:
            out.append(f"{inner}说明：{note}")
        clauses = list(n.clauses)
        if rng is not None:
            rng.shuffle(clauses)
        lines = [c.render(s) for c in clauses]
        if s.get("fullwidth"):
            lines = [fullwidth(line) for line in lines]
        if n.join and len(lines) >= 2 and not _amount_past_rate(*clauses[:2]):
            lines = ["；".join(lines[:2])] + lines[2:]
        end = s.get("end", "")
        for text in lines:
            out.append(f"{inner}- {text}{end}")
        children = list(n.children)
        if rng is not None:
            rng.shuffle(children)
        for c in children:
            self._render_node(c, depth + 1, out, rng)

    def _render_test(self, name, values, averages, expect, colon, places) -> list:
        lines = [f"测试 “{name}”{colon}"]
        for fname, raw in values.items():
            lines.append(f"  【{fname}】= {test_text(self.fact(fname), raw)}")
        for fname, value in averages.items():
            lines.append(f"  平均值【{fname}】= {num(value)}")
        for k, (key, value) in enumerate((k, v) for k, v in places.items() if k != "单位数"):
            size = f"，共{places['单位数']}个单位" if k == 0 and "单位数" in places else ""
            lines.append(f"  {key}= {value}{size}")
        parts = [f"{k} = {v}" for k, v in expect]
        lines.append("  期望 " + "，".join(parts))
        lines.append("")
        return lines

    # -------------------------------------------------------------- model
    def expect(
        self,
        values: dict,
        averages: dict | None = None,
        batch: dict | None = None,
        quotas: bool = True,
    ) -> ModelResult:
        """The model's result for one unit: `values` are typed (bool/int/Decimal/date).
        `batch` holds what `score(…, batch=…)` is told of the unit's place for the quotas
        (单位数, 名额名次【等次】); without it the unit is a batch of its own, as in a 测试
        block that lists no places.  `quotas` false: the result before the quotas (what
        `expect_batch` applies them to over a whole batch)."""
        full = {}
        for f in self.facts:
            if f.name in values:
                full[f.name] = values[f.name]
            else:
                full[f.name] = f.default
        env = Env(full, dict(averages or {}), {p.name: p.value for p in self.params}, self.boundary)
        records: dict = {}
        outcomes: list = []
        with ctx():
            top_d = ZERO
            bonus = ZERO
            for n in self.nodes:
                d, b = self._eval(n, env, records, outcomes)
                top_d += d
                bonus += b
            exact = self.full_marks - min(top_d, self.full_marks) + bonus
            total = round_to(exact, self.precision)
            for r in records.values():
                if r.score is not None:
                    r.score = round_to(r.score, self.precision)
        disq = any(k == "disqualify" for k, _ in outcomes)
        veto = any(k == "veto" for k, _ in outcomes)
        labels: list = []
        for k, name in outcomes:
            if k == "label" and name not in labels:
                labels.append(name)
        grade = None
        if not disq:
            if veto:
                grade = self.bands[-1].name if self.bands else None
            else:
                for band in self.bands:
                    if band.matches(total, self.boundary):
                        grade = band.name
                        break
        if grade is not None and not disq and quotas:
            grade = self._quota_one(grade, labels, batch)
        return ModelResult(
            total=total,
            exact_total=exact,
            grade=grade,
            status="取消考评资格" if disq else "正常",
            vetoed=veto,
            labels=tuple(labels),
            nodes=records,
        )

    def _quota_one(self, grade: str, labels: list, batch: dict | None) -> str:
        """A unit's grade under the quotas, told its place in the band (1 + the units of
        the band with a higher total) and the size of its batch: beyond the places (the
        share of the batch rounded down, or the count) it falls to the next band listed,
        labelled 超出…名额, and meets that band's quota in turn."""
        batch = {"单位数": 1} if batch is None else batch
        for i, band in self.quotas():
            if grade != band.name:
                continue
            place = int(batch.get(f"名额名次【{band.name}】", 1))
            if place > band.quota.places(int(batch["单位数"])):
                grade = self.bands[i + 1].name
                label = f"超出{band.name}名额"
                if label not in labels:
                    labels.append(label)
        return grade

    def expect_batch(self, rows: list, averages: dict | None = None) -> list:
        """The model's results of a batch scored together: `rows` are typed values, or
        None for a row with bad data (no result, outside the batch)."""
        results = [
            None if values is None else self.expect(values, averages, quotas=False)
            for values in rows
        ]
        return self.with_quotas(results)

    def with_quotas(self, results: list) -> list:
        """The quotas over a batch scored together: `results` are the model's results of
        its rows before the quotas (None for a row with bad data).  The batch is the units
        scored and not disqualified (vetoed ones count); the bands with quotas apply from
        the highest down: the units holding the band are placed by published total (1, 2,
        2, 4) and those placed beyond the places fall to the next band — units tied at the
        last place keep it.  Each result's `places` is what `score` alone must be told."""
        out = [
            None if r is None else replace(r, labels=tuple(r.labels), places={}) for r in results
        ]
        members = [r for r in out if r is not None and r.status == "正常"]
        for i, band in self.quotas():
            holders = [r for r in members if r.grade == band.name]
            places = band.quota.places(len(members))
            for r in holders:
                place = 1 + sum(1 for o in holders if o.total > r.total)
                r.places["单位数"] = len(members)
                r.places[f"名额名次【{band.name}】"] = place
                if place > places:
                    r.grade = self.bands[i + 1].name
                    label = f"超出{band.name}名额"
                    if label not in r.labels:
                        r.labels += (label,)
        return out

    def _eval(self, n: NodeDesc, env, records, outcomes) -> tuple[Decimal, Decimal]:
        """(deduction passed up, bonus passed up) of node n."""
        contributions = [c.contribute(env, n) for c in n.clauses]
        for c in contributions:
            outcomes.extend(c.outcomes)
        if n.bonus_cap is not None:
            raw = sum((c.bonus for c in contributions), ZERO)
            for child in n.children:
                raw += self._eval(child, env, records, outcomes)[1]
            b = min(raw, n.bonus_cap)
            records[n.path] = ModelNode(n.path, n.bonus_cap, ZERO, b, True, ZERO)
            return ZERO, b
        own = sum((c.deduct for c in contributions), ZERO)
        nominal = sum((c.deduct for c in contributions if c.deduct > 0), ZERO)
        zeros = sum(1 for c in contributions if c.zero_node)
        if zeros:
            own += n.budget()
            nominal += n.budget() * zeros  # each 不得分 that fires is an item
        if n.earns:
            earned = sum((c.earned for c in contributions), ZERO)
            if n.take_max:
                earned = max((c.earned for c in contributions), default=ZERO)
            de = n.points - min(earned, n.points)
            failed = sum((c.earn_failed for c in contributions), ZERO)
            own += de
            # 就高不就低: one item, the gap to full marks; else one per earning missed
            nominal += de if n.take_max else max(failed, de)
        child_d = ZERO
        child_b = ZERO
        for child in n.children:
            d, b = self._eval(child, env, records, outcomes)
            child_d += d
            child_b += b
        raw = own + child_d
        budget = n.budget()
        d = raw if (n.no_floor or budget is None) else min(raw, budget)
        shares = [c.override for c in contributions if c.override is not None]
        if shares:
            # the item scores points × share whatever its other clauses give (a cap, 不设下限
            # or 不得分 included); each override that holds lists the part not given as its
            # item, which the first applies
            d = n.points - n.points * shares[0]
            nominal += d * len(shares)
        score = None if n.points is None else n.points - d
        records[n.path] = ModelNode(n.path, n.points, d, score, False, nominal)
        return d, child_b

    # -------------------------------------------------------------- ranking
    @staticmethod
    def expected_ranks(results) -> list:
        """Competition ranks: by total desc; vetoed after the others; unranked None."""
        rankable = [
            (i, r) for i, r in enumerate(results) if r.status == "正常" and r.total is not None
        ]
        ranks: list = [None] * len(results)
        groups = [[x for x in rankable if not x[1].vetoed], [x for x in rankable if x[1].vetoed]]
        offset = 0
        for group in groups:
            for i, r in group:
                ranks[i] = offset + 1 + sum(1 for _, o in group if o.total > r.total)
            offset += len(group)
        return ranks


def _has_outcome(c) -> bool:
    return isinstance(c, Fixed) and any(
        e.kind in ("disqualify", "veto", "label") for e in c.then + c.otherwise
    )


def test_text(f: FactSpec, typed) -> str:
    if f.type == "bool":
        return "是" if typed else "否"
    if f.type == "date":
        return typed.isoformat()
    if f.type == "percent":
        return num(typed) + "%"
    return num(D(typed))


# ---------------------------------------------------------------------------- generation


class Builder:
    """State while drawing one policy."""

    def __init__(self, r: Chooser, year: int):
        self.r = r
        self.year = year
        self.facts: list[FactSpec] = []
        self.params: list[ParamSpec] = []
        self.names: set[str] = set()
        self.stress = r.chance(0.3)
        # every amount, cap and point value whole: the generated module's integer path
        self.whole = r.chance(0.35)

    # -------------------------------------------------------------- names
    def fresh(self, base: str) -> str:
        name = base
        i = 2
        while name in self.names:
            name = f"{base}{cn_int(i)}" if i < 10 else f"{base}{i}"
            i += 1
        self.names.add(name)
        return name

    def new_fact(self, type_: str, unit: str = "") -> FactSpec:
        r = self.r
        if type_ == "count":
            base, default_unit = r.choice(COUNT_FACTS)
            unit = unit or default_unit
        else:
            base = r.choice(
                {
                    "bool": BOOL_FACTS,
                    "percent": PERCENT_FACTS,
                    "number": NUMBER_FACTS,
                    "points": POINTS_FACTS,
                    "date": DATE_FACTS,
                }[type_]
            )
        f = FactSpec(self.fresh(base), type_, unit)
        if r.chance(0.3):
            f.description = r.choice(["以上级通报为准", "查阅会议记录", "每月统计", "含未扣分事项"])
        if type_ == "count" and r.chance(0.6):
            f.default, f.default_text = 0, "0"
        elif type_ == "bool" and r.chance(0.3):
            f.default = r.chance(0.5)
            f.default_text = "是" if f.default else "否"
        if type_ in ("percent", "number") and r.chance(0.2):
            f.sense = r.choice(["越高越好", "越低越好"])
        self.facts.append(f)
        return f

    def fact(self, type_: str, unit: str = "", reuse: float = 0.35) -> FactSpec:
        pool = [f for f in self.facts if f.type == type_ and (not unit or f.unit == unit)]
        if type_ in ("points", "date"):
            pool = []  # one discretionary / late clause per fact keeps ranges simple
        if pool and self.r.chance(reuse):
            return self.r.choice(pool)
        return self.new_fact(type_, unit)

    def rounded(self, clause, unit: str):
        """Sometimes `不足N…按N…计` (ceil) or `按比例` (exact ratio, exact steps only)."""
        roll = self.r.int(0, 19)
        if roll < 3:
            clause.rounding, clause.ceil_unit = "ceil", unit
        elif roll < 5 and clause.step in (1, 2, 4, 5):
            clause.rounding = "ratio"
            clause.ratio_word = self.r.choice(["按比例扣分", "按比例计算", "按比例计", "按比例"])
        return clause

    def half(self, value: Decimal) -> Decimal | None:
        """value / 2, unless that is not whole in a whole-number policy."""
        if self.whole and value % 2:
            return None
        return value / 2 if not self.whole else value // 2

    def points(self) -> Decimal:
        return self.r.choice(WHOLE_POINTS if self.whole else POINT_CHOICES)

    def split(self, total: Decimal, n: int) -> list:
        return split_points(self.r, total, n, whole=self.whole and total == total.to_integral())

    def param(self, value: Decimal, suffix: str) -> ERef:
        name = self.fresh(self.r.choice(PARAM_NAMES))
        self.params.append(ParamSpec(name, value, suffix))
        return ERef(name, param=True)

    # -------------------------------------------------------------- pieces
    def amount(self, budget: Decimal | None = None) -> Decimal:
        choices = [D("0.01"), D("0.02"), D("0.03"), D("0.05"), D("0.1"), D("0.2"), D("0.25")]
        choices += [D("0.5"), D(1), D(2), D(3), D(5), D(10)]
        if self.whole:
            choices = [D(1), D(2), D(3), D(5), D(10)]
        if budget is not None:
            fitting = [c for c in choices if c <= budget]
            if fitting and self.r.chance(0.9):
                choices = fitting
        return self.r.choice(choices)

    def cap_for(self, amount: Decimal) -> Decimal | None:
        if self.r.chance(0.2):
            extra = [ZERO] if self.whole else [ZERO, D("0.01"), D("0.5")]
            return amount * self.r.int(1, 4) + self.r.choice(extra)
        return None

    def condition(self, depth: int = 0):
        r = self.r
        roll = r.int(0, 9)
        if depth < 2 and roll == 0:
            return CAll(_satisfiable([self.condition(depth + 1) for _ in range(r.int(2, 3))]))
        if depth < 2 and roll == 1:
            return CAny([self.condition(depth + 1) for _ in range(r.int(2, 3))])
        if roll <= 4:
            t = CTruth(self.fact("bool").name)
            if r.chance(0.4):
                return CNot(t, r.choice(["未", "未", "无", "没有"]))
            return t
        return self.comparison()

    def comparison(self) -> CCmp:
        r = self.r
        kind = r.choice(["count", "count", "count", "percent", "number", "date"])
        if kind == "date":
            f = self.fact("date")
            f.uses.add("cond")
            due = date(self.year, r.int(1, 12), r.int(1, 28))
            f.uses.add("due:" + due.isoformat())
            if r.chance(0.5):
                word = r.choice(list(DATE_BEFORE))
                return CCmp([f.name], word, "before", due, "", DATE_BEFORE[word], "date")
            word = r.choice(list(DATE_AFTER))
            return CCmp([f.name], word, "after", due, "", DATE_AFTER[word], "date")
        if kind == "count":
            first = self.fact("count")
            left = [first.name]
            if r.chance(0.2):
                left.append(self.fact("count", first.unit, reuse=0.1).name)
                left = list(dict.fromkeys(left))
            value: object = D(r.int(0, 6))
            suffix = first.unit
        elif kind == "percent":
            left = [self.fact("percent").name]
            value = r.dec(50, 99, r.int(0, 1))
            suffix = "%"
            if r.chance(0.15):
                value = self.param(value, "%")
        else:
            left = [self.fact("number").name]
            value = r.dec(0, 50, r.int(0, 2))
            suffix = ""
        shape = r.int(0, 2)
        cn = r.chance(0.2) and kind in ("count", "percent")
        if shape == 0:
            word = r.choice(list(WORDS_BEFORE))
            return CCmp(left, word, "before", value, suffix, WORDS_BEFORE[word], kind, cn)
        if shape == 1:
            word = r.choice(list(WORDS_AFTER))
            return CCmp(left, word, "after", value, suffix, WORDS_AFTER[word], kind, cn)
        sym = r.choice(list(SYMBOLS))
        return CCmp(left, sym, "symbol", value, suffix, SYMBOLS[sym], kind)

    def expression(self, depth: int = 0):
        r = self.r
        roll = r.int(0, 9)
        if depth >= 2 or roll <= 2:
            if r.chance(0.5):
                return EConst(r.dec(0, 20, r.int(0, 2)))
            if r.chance(0.15):
                return self.param(r.dec(1, 10, 1), "")
            fact = self.fact(r.choice(["number", "number", "percent"]))
            if fact.type == "percent":  # a percentage as a fraction: points are no percent (E268)
                return EBin("/", ERef(fact.name), EConst(D(100)), r.choice(["÷", "/"]))
            return ERef(fact.name)
        if roll <= 7:
            op = r.choice(["+", "-", "*", "*", "/"])
            sym = {
                "+": "+",
                "-": r.choice(["-", "−"]),
                "*": r.choice(["×", "*"]),
                "/": r.choice(["÷", "/"]),
            }[op]
            if op == "/":
                return EBin(
                    op, self.expression(depth + 1), EConst(r.choice([D(2), D(4), D(5), D(10)])), sym
                )
            return EBin(op, self.expression(depth + 1), self.expression(depth + 1), sym)
        func = r.choice(["最大", "最小", "取整"])
        if func == "取整":
            return EFunc(func, [self.expression(depth + 1)])
        return EFunc(func, [self.expression(depth + 1) for _ in range(r.int(2, 3))])

    # -------------------------------------------------------------- clauses
    def deduct_clause(self, node: NodeDesc):
        r = self.r
        budget = node.budget()
        form = r.choice(
            [
                "per",
                "per",
                "per",
                "missing",
                "cond",
                "cond",
                "condper",
                "threshold",
                "allowance",
                "versus",
                "late",
                "discretionary",
                "expr",
                "outcome",
                "zero",
            ]
        )
        if form == "zero" and node.points is None or form == "zero" and node.no_floor:
            form = "cond"
        amount = self.amount(budget)
        word = r.choice(DEDUCT_WORDS)
        cn = r.choice([False, False, False, True, "两"])
        if form == "per":
            f = self.fact("count")
            shape = r.choice(["verb", "verb", "plain", "slash"])
            step = D(1) if shape == "slash" else D(r.choice([1, 1, 1, 2, 3]))
            unit = f.unit
            if unit in SAME_UNIT and r.chance(0.5):
                unit = SAME_UNIT[unit]
            c = PerUnit(
                subject=[f.name],
                unit=unit,
                step=step,
                amount=amount,
                word=word,
                verb=r.choice(COUNT_VERBS),
                shape=shape,
                cn=cn,
                cap=self.cap_for(amount),
                until_zero=r.chance(0.1),
            )
            f.polarity |= {1}
            return self.rounded(c, unit) if shape != "slash" else c
        if form == "missing":
            names = list(dict.fromkeys(self.fact("bool").name for _ in range(r.int(2, 4))))
            while len(names) < 2:
                names.append(self.new_fact("bool").name)
            return Missing(
                facts=names,
                amount=amount,
                shape=r.choice(["each", "respectively"]),
                word=r.choice(["扣", "扣", "减"]),
                cap=self.cap_for(amount),
            )
        if form == "cond":
            cond = self.condition()
            then = [Effect("deduct", EConst(amount), word, cn=cn)]
            if r.chance(0.15):
                then.append(Effect("label", label=r.choice(LABELS)))
            otherwise = []
            if r.chance(0.15):
                otherwise = [Effect("deduct", EConst(self.amount(budget)), "扣")]
            c = Fixed(
                condition=cond,
                then=then,
                otherwise=otherwise,
                sep=r.choice(["，", "的，", ""])
                if not isinstance(cond, CCmp) or cond.placement != "symbol"
                else r.choice(["，", "的，"]),
                cap=self.half(amount) if r.chance(0.1) and not otherwise else None,
            )
            self._note_polarity(c)
            return c
        if form == "condper":
            first = self.fact("count")
            subject = [first.name]
            if r.chance(0.4):
                subject = list(
                    dict.fromkeys(subject + [self.fact("count", first.unit, reuse=0.2).name])
                )
            word_ = r.choice(list(WORDS_BEFORE) + list(WORDS_AFTER))
            placement = "before" if word_ in WORDS_BEFORE else "after"
            op = WORDS_BEFORE.get(word_) or WORDS_AFTER[word_]
            cond = CCmp(subject, word_, placement, D(r.int(0, 5)), first.unit, op, "count")
            c = PerUnit(
                subject=subject,
                unit=first.unit,
                step=D(1),
                amount=amount,
                word=word,
                shape="plain",
                condition=cond,
                cap=self.cap_for(amount),
            )
            self._note_polarity(c)
            return c
        if form in ("threshold", "allowance"):
            direction = "short" if form == "threshold" else "excess"
            if r.chance(0.5):
                f = self.fact("percent")
                target: object = r.dec(60, 100, r.int(0, 1))
                suffix, unit = "%", r.choice(["个百分点", "个百分点", "百分点"])
                step = D(r.choice([1, 1, 2]))
                if r.chance(0.2):
                    target = self.param(target, "%")
            else:
                f = self.fact("count")
                target = D(r.int(1, 6))
                suffix = unit = f.unit
                step = D(r.choice([1, 1, 2]))
                if r.chance(0.2):
                    target = self.param(target, f.unit)
            if direction == "short":
                word_ = r.choice(["应达到", "不得少于", "不得低于", "应不低于"])
                verb = r.choice(SHORT_VERBS)
            else:
                word_ = r.choice(["不得超过", "不超过", "不得高于"])
                verb = r.choice(EXCESS_VERBS)
            f.polarity |= {-1 if direction == "short" else 1}
            c = Threshold(
                fact=f.name,
                direction=direction,
                target=target,
                word=word_,
                verb=verb,
                step=step,
                unit=unit,
                target_suffix=suffix,
                amount=amount,
                word_deduct=word,
                cn=cn,
                cap=self.cap_for(amount),
                until_zero=r.chance(0.1),
            )
            return self.rounded(c, unit)
        if form == "versus":
            f = self.fact("percent")
            f.uses.add("avg")
            direction = r.choice(["short", "short", "excess"])
            verb = (
                r.choice(["低于", "下降"]) if direction == "short" else r.choice(["高于", "超过"])
            )
            return Threshold(
                fact=f.name,
                direction=direction,
                target=None,
                verb=verb,
                step=D(r.choice([1, 1, 2])),
                unit=r.choice(["个百分点", "百分点"]),
                amount=amount,
                avg_words=r.choice(["", "全市综合", "全县", "全省"]),
                cap=self.cap_for(amount),
            )
        if form == "late":
            f = self.fact("date")
            due = date(self.year, r.int(1, 12), r.int(1, 28))
            f.uses.add("due:" + due.isoformat())
            c = Late(
                fact=f.name,
                due=due,
                verb=r.choice(LATE_VERBS),
                step=D(r.choice([1, 1, 2])),
                unit=r.choice(["天", "日"]),
                amount=amount,
                cn=cn,
                cap=self.cap_for(amount),
            )
            return self.rounded(c, c.unit)
        if form == "discretionary":
            f = self.fact("points")
            high = budget if budget is not None and r.chance(0.7) else r.choice([D(1), D(2), D(5)])
            low = ZERO if r.chance(0.7) else min(D("0.5"), high)
            f.low, f.high = low, high
            f.declare_range = r.chance(0.4)
            return Discretionary(fact=f.name, low=low, high=high, shape=r.choice(["酌情", "range"]))
        if form == "expr":
            e = Effect("deduct", self.expression(), r.choice(["扣", "减"]), paren=True)
            cond = self.condition() if r.chance(0.4) else None
            c = Fixed(condition=cond, then=[e], sep="，")
            self._note_polarity(c)
            return c
        if form == "zero":
            c = Fixed(
                condition=self.condition(), then=[Effect("zero")], sep=r.choice(["的，", "，"])
            )
            self._note_polarity(c)
            return c
        # outcome
        effects = []
        kinds = r.choice(
            [
                ["disqualify"],
                ["veto"],
                ["label"],
                ["disqualify", "label"],
                ["deduct", "label"],
                ["veto", "label"],
            ]
        )
        for k in kinds:
            if k == "deduct":
                effects.append(Effect("deduct", EConst(amount), "扣"))
            elif k == "label":
                effects.append(
                    Effect(
                        "label", label=r.choice(LABELS), word=r.choice(["列为", "列为", "直接列为"])
                    )
                )
            elif k == "disqualify":
                effects.append(
                    Effect("disqualify", word=r.choice(["取消考评资格", "取消当年考评资格"]))
                )
            else:
                effects.append(Effect("veto"))
        c = Fixed(condition=self.condition(), then=effects, sep=r.choice(["，", "的，"]))
        self._note_polarity(c)
        return c

    def earn_clauses(self, node: NodeDesc) -> list:
        r = self.r
        m = node.points
        clauses: list = []
        n = r.int(1, 3)
        parts = self.split(m, n) if r.chance(0.85) else [self.amount(m) for _ in range(n)]
        for part in parts:
            roll = r.int(0, 9)
            if roll <= 3:
                cond = self.condition()
                otherwise = [Effect("zero")] if r.chance(0.5) else []
                c = Fixed(
                    condition=cond,
                    then=[Effect("earn", EConst(part), r.choice(EARN_WORDS))],
                    otherwise=otherwise,
                    sep=r.choice(["，", "的，", ""]),
                )
            elif roll <= 5:
                f = self.fact("count")
                c = PerUnit(
                    subject=[f.name],
                    unit=f.unit,
                    step=D(1),
                    amount=part,
                    kind="earn",
                    word=r.choice(EARN_WORDS),
                    shape="plain",
                )
            elif roll == 6 and len(parts) == 1:
                c = Fixed(condition=self.condition(), then=[Effect("full")], sep="，")
            elif roll == 7:
                e = Effect("earn", self.expression(), "得", paren=True)
                c = Fixed(condition=self.condition() if r.chance(0.5) else None, then=[e], sep="，")
            else:
                f = self.fact("percent")
                cond = CCmp([f.name], "达到", "before", r.dec(60, 100, 0), "%", ">=", "percent")
                c = Fixed(condition=cond, then=[Effect("earn", EConst(part), "得")], sep="")
            self._note_polarity(c)
            clauses.append(c)
        return clauses

    def override_clauses(self, node: NodeDesc) -> list:
        """One (now and then two) `本项按满分计` / `本项按分值的80%计分` of one share, for an
        item with points and nothing under it (E260)."""
        r = self.r
        shares = [p for p in OVERRIDE_PERCENTS if not self.whole or node.points * p % 100 == 0]
        percent = r.choice(shares) if r.chance(0.6) else D(100)
        if percent == 100 and r.chance(0.8):
            words = r.choice(["本项按满分计", "本项按满分计", "该项按满分计算", "本行按满分计"])
        else:
            words = r.choice([f"本项按分值的{num(percent)}%计分", f"本项按{num(percent)}%计分"])
        clauses = []
        for _ in range(2 if r.chance(0.15) else 1):
            c = Override(
                condition=self.condition(),
                share=percent / 100,
                words=words,
                sep=r.choice(["的，", "的，", "，"]),
            )
            self._note_polarity(c)
            clauses.append(c)
        return clauses

    def bonus_clauses(self, node: NodeDesc) -> list:
        r = self.r
        clauses: list = []
        for _ in range(r.int(1, 3)):
            amount = self.amount()
            if r.chance(0.5):
                f = self.fact("count")
                c = PerUnit(
                    subject=[f.name],
                    unit=f.unit,
                    step=D(r.choice([1, 1, 2])),
                    amount=amount,
                    kind="bonus",
                    word=r.choice(BONUS_WORDS),
                    shape="plain",
                )
            elif r.chance(0.7):
                c = Fixed(
                    condition=self.condition(),
                    then=[Effect("bonus", EConst(amount), r.choice(BONUS_WORDS))],
                    sep=r.choice(["，", "的，"]),
                )
            else:
                c = Fixed(
                    condition=None, then=[Effect("bonus", self.expression(), "加", paren=True)]
                )
            self._note_polarity(c)
            clauses.append(c)
        return clauses

    def _note_polarity(self, c) -> None:
        for name, pol in c.polarity().items():
            for f in self.facts:
                if f.name == name:
                    f.polarity |= pol


def split_points(r: Chooser, total: Decimal, n: int, whole: bool = False) -> list:
    """n positive parts of `total`, on a 0.01 grid (`whole`: a grid of 1), adding up
    exactly."""
    scale = 1 if whole else 100
    cents = int(total * scale)
    n = max(1, min(n, cents))
    cuts = sorted(set(r.int(1, cents - 1) for _ in range(n - 1))) if cents > 1 else []
    bounds = [0] + cuts + [cents]
    if whole:
        return [D(b - a) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return [D(b - a) / 100 for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


OVERRIDE_PERCENTS = [D(80), D(80), D(50), D(60), D(70), D(75), D(90), D("33.3"), D(100)]
POINT_CHOICES = [D("0.5"), D(1), D(2), D(3), D(5), D(10), D(20), D("0.3"), D("0.15")]
WHOLE_POINTS = [D(1), D(2), D(3), D(5), D(10), D(20)]


@st.composite
def policies(draw, max_top: int = 4, max_depth: int = 4, with_tests: bool = True):
    """A random valid policy and its description (see module docstring)."""
    r = Chooser(draw)
    year = r.choice([2022, 2023, 2024])
    b = Builder(r, year)
    budget_nodes = [r.int(3, 12)]  # how many more nodes may be made
    overrides = 0.3 if r.chance(0.35) else 0.0  # each item's chance of 本项按满分计

    def make_node(kind_index: int, number: int, points, depth: int, leaf_only=False) -> NodeDesc:
        kind = MARKER_KINDS[kind_index]
        title = r.choice(TITLES)
        if kind == "1、" and title[0].isdigit():
            title = "做好" + title
        n = NodeDesc(kind=kind, number=number, title=title, points=points)
        n.fullwidth = r.chance(0.2)
        n.dot = kind == "1、" and r.chance(0.3)
        n.points_style = 1 if r.chance(0.1) and points is not None else 0
        if r.chance(0.2):
            n.notes.append(r.choice(NOTES))
        deeper = [i for i in range(kind_index + 1, 4)]
        can_nest = deeper and depth < max_depth and not leaf_only and budget_nodes[0] > 0
        roll = r.int(0, 9)
        if can_nest and roll <= 3:
            # a node with children (and perhaps its own clauses)
            child_kind = deeper[0] if r.chance(0.7) else r.choice(deeper)
            k = r.int(1, 3)
            budget_nodes[0] -= k
            if points is not None and r.chance(0.85):
                parts = b.split(points, k)
            else:
                parts = [b.points() for _ in range(k)]
            for i, part in enumerate(parts):
                pts = part if r.chance(0.85) else None
                n.children.append(make_node(child_kind, i + 1, pts, depth + 1))
            if r.chance(0.1):  # a bonus item inside a category: its bonus goes to 总分
                n.children.append(make_bonus(child_kind, len(n.children) + 1))
            if r.chance(0.3):
                n.clauses.append(b.deduct_clause(n))
        elif points is not None and roll <= 5:
            n.clauses.extend(b.earn_clauses(n))
            # 就高不就低 needs two earning effects to choose from (E223 otherwise)
            n.take_max = r.chance(0.15) and sum(earn_effects(c) for c in n.clauses) >= 2
            if r.chance(0.15):
                n.clauses.append(b.deduct_clause(n))
        else:
            for _ in range(r.int(0 if points is not None else 1, 3)):
                n.clauses.append(b.deduct_clause(n))
        if not n.take_max:
            n.clauses = without_nested_bounds(n.clauses)
        # modifiers
        zeroes = any(
            isinstance(c, Fixed) and any(e.kind == "zero" for e in c.then + c.otherwise)
            for c in n.clauses
        )
        if not n.earns and r.chance(0.2):
            half = b.half(points) if points is not None and r.chance(0.5) else None
            n.cap = half if half else b.points()
            n.cap_word = r.choice(["最多扣", "限扣", "本项限扣"])
            if zeroes and points is not None and n.cap < points:
                n.cap = None  # 不得分 under a cap below the points is refused (E119)
        elif (
            points is not None
            and not n.earns
            and r.chance(0.08)
            and not any(
                isinstance(c, Fixed) and any(e.kind == "zero" for e in c.then) for c in n.clauses
            )
        ):
            n.no_floor = True
        if r.chance(0.1) and not n.no_floor:
            n.until_zero = r.choice(["扣完为止", "减完为止"])
        if points is not None and not n.children and r.chance(overrides):
            n.clauses.extend(b.override_clauses(n))
        n.join = r.chance(0.15)
        return n

    def make_bonus(kind_index: int, number: int) -> NodeDesc:
        n = NodeDesc(kind=MARKER_KINDS[kind_index], number=number, title=r.choice(BONUS_TITLES))
        n.bonus_cap = r.choice([D(1), D(2), D(5)] if b.whole else [D("0.5"), D(1), D(2), D(5)])
        n.clauses = without_nested_bounds(b.bonus_clauses(n))
        return n

    nodes: list[NodeDesc] = []
    sections = r.chance(0.2)
    if sections:
        # top level: 一、 headings without points; points one level down
        for i in range(r.int(1, 3)):
            sec = NodeDesc(kind="一、", number=i + 1, title=r.choice(SECTION_TITLES))
            if r.chance(0.3):
                sec.notes.append("市直部门、省直部门")
            else:
                child_kind = r.choice([1, 1, 2])
                for j in range(r.int(1, 3)):
                    sec.children.append(make_node(child_kind, j + 1, b.points(), 2))
                if r.chance(0.2):
                    sec.children.append(make_bonus(child_kind, len(sec.children) + 1))
            nodes.append(sec)
        if not any(sec.children for sec in nodes):
            nodes[0].notes = []
            nodes[0].children.append(make_node(1, 1, b.points(), 2))
        full = sum((c.points for s in nodes for c in s.children if c.points is not None), ZERO)
    else:
        top_kind = r.choice([0, 1, 1, 1, 2])
        for i in range(r.int(1, max_top)):
            nodes.append(make_node(top_kind, i + 1, b.points(), 1))
        if r.chance(0.25):
            nodes.append(make_bonus(top_kind, len(nodes) + 1))
        full = sum((n.points for n in nodes if n.points is not None), ZERO)

    desc = PolicyDesc(
        title=r.choice(POLICY_TITLES),
        year=year,
        full_marks=full,
        precision=r.choice([None, None, D("0.01"), D("0.1"), D(1), D("0.5")]),
        facts=b.facts,
        params=b.params,
        nodes=nodes,
        bands=[],
    )
    assign_paths(desc)
    # grade bands
    if r.chance(0.7):
        k = r.int(1, 3)
        names = list(dict.fromkeys(r.choice(BAND_NAMES) for _ in range(k + 1)))
        top = full - D("0.01")
        cuts = sorted({r.dec(D("0.01"), top, 2) for _ in range(len(names) - 1)}, reverse=True)
        cuts = [c for c in cuts if c > 0]
        prev = None
        for name, cut in zip(names, cuts, strict=False):
            word = r.choice(["以上", "以上", "不低于", "超过"])
            if prev is not None and r.chance(0.2):
                desc.bands.append(Band(name, cut, "至", prev))
            else:
                desc.bands.append(Band(name, cut, word))
            prev = cut
        if r.chance(0.8) or not desc.bands:
            desc.bands.append(
                Band(names[len(desc.bands)] if len(desc.bands) < len(names) else "其他", None)
            )
        if len(desc.bands) >= 2 and r.chance(0.6):
            add_quotas(desc, r)
    if r.chance(0.15):
        desc.boundary = {"以上": r.chance(0.5), "以下": r.chance(0.5)}
        desc.boundary_text = "，".join(
            f"{w}{'含本数' if inc else '不含本数'}" for w, inc in desc.boundary.items()
        )
    if r.chance(0.2):
        desc.target_text = r.choice(["各乡镇中心校，县管各学校", "市直部门、省直部门"])
    if r.chance(0.1):
        desc.mode_text = "减分制"
    desc.style = {
        "indent": r.chance(0.8),
        "comments": r.chance(0.2),
        "de": r.chance(0.5),
        "spaces": r.chance(0.3),
        "date": r.int(0, 2),
        "end": r.choice(["", "", "", "。", "；"]),
        "ascii_colon": r.chance(0.15),
        "fullwidth": r.chance(0.15),
    }
    desc.blocks_first = r.chance(0.8)
    finish_facts(desc, r)
    if with_tests and r.chance(0.5):
        for i in range(r.int(1, 2)):
            values = {f.name: draw(typed_value(f, desc)) for f in desc.facts}
            averages = {name: draw(st.decimals(0, 100, places=1)) for name in desc.average_facts()}
            # an average the test does not list is the unit's own value (a batch of one)
            listed = {k: v for k, v in averages.items() if not r.chance(0.3)}
            # a quota place the test does not list is first of a batch of one
            places = draw(quota_places(desc)) if r.chance(0.6) else {}
            m = desc.expect(
                values,
                {**averages, **{k: values[k] for k in averages if k not in listed}},
                places or None,
            )
            averages = listed
            expect = [("总分", num(m.total))]
            for path, rec in m.nodes.items():
                if rec.score is not None and r.chance(0.5):
                    expect.append((path, num(rec.score)))
            expect.append(("等次", m.grade or "无"))
            expect.append(("状态", m.status))
            if m.labels and r.chance(0.5):
                expect.append(("标签", "、".join(m.labels)))
            desc.tests.append((f"随机用例{cn_int(i + 1)}", values, averages, expect, places))
    return desc


def add_quotas(desc: PolicyDesc, r: Chooser) -> None:
    """Quotas on some bands above the lowest (E259: one per band, more than 0 and at most
    all units; no clause here sets a grade outright), inline or on lines of their own."""
    bands = desc.bands[:-1]
    chosen = [band for band in bands if r.chance(0.5)] or [r.choice(bands)]
    for band in chosen:
        band.quota = draw_quota(r)
    desc.quota_lines_first = r.chance(0.2)


def draw_quota(r: Chooser) -> Quota:
    q = Quota()
    roll = r.int(0, 9)
    if roll <= 5:
        percent = r.choice([D(10), D(20), D(25), D(30), D(30), D(40), D(50), D("12.5"), D(100)])
        q.share, q.amount = Fraction(percent) / 100, num(percent) + "%"
    elif roll <= 7:
        q.count = r.int(1, 4)
        q.amount = f"{q.count}{r.choice(['个', '名', '家'])}"
    else:
        den = r.choice([2, 3, 4, 5])
        q.share, q.amount = Fraction(1, den), f"{cn_int(den)}分之一"
    q.word = r.choice(["不超过", "不超过", "不得超过", "不多于", "不高于", "最多", "至多"])
    q.base = r.choice(["参加考核单位总数的", "参评单位的", "考核单位总数的", "本批单位数的", ""])
    q.tail = r.choice(["", "", "，按得分从高到低确定", "，按总分从高到低确定"])
    q.own_line = r.chance(0.4)
    if q.own_line:
        q.lead = r.choice(
            ["等次", "等次原则上", "等次单位数量原则上", "比例", "等次名额", "等次数量"]
        )
    return q


def quota_places(desc: PolicyDesc):
    """Strategy: what `score(facts, batch=…)` of one unit is told of its place under the
    quotas — 单位数 and 名额名次【等次】 for every band with a quota ({} without quotas)."""
    if not desc.quotas():
        return st.just({})
    keys = [f"名额名次【{band.name}】" for _, band in desc.quotas()]
    return st.integers(1, 30).flatmap(
        lambda size: st.fixed_dictionaries(
            {"单位数": st.just(size), **{k: st.integers(1, size) for k in keys}}
        )
    )


def assign_paths(desc: PolicyDesc) -> None:
    def go(n: NodeDesc, prefix: str) -> None:
        n.path = prefix + n.path_part()
        for c in n.children:
            go(c, n.path)

    for n in desc.nodes:
        go(n, "")


def finish_facts(desc: PolicyDesc, r: Chooser) -> None:
    for f in desc.facts:
        if f.type == "points" and f.high is None:
            f.low, f.high = ZERO, D(5)


# ------------------------------------------------------------------------------- values


def typed_value(f: FactSpec, desc: PolicyDesc):
    """A strategy for one typed value of fact f (the model's view)."""
    if f.type == "bool":
        return st.booleans()
    if f.type == "count":
        return st.one_of(st.integers(0, 6), st.integers(0, 30))
    if f.type == "percent":
        return st.decimals(0, 100, places=2).map(lambda d: d.normalize())
    if f.type == "number":
        return st.decimals(-20, 200, places=2).map(lambda d: d.normalize())
    if f.type == "points":
        lo, hi = f.low, f.high
        return st.integers(int(lo * 100), int(hi * 100)).map(lambda n: (D(n) / 100).normalize())
    dues = [date.fromisoformat(u[4:]) for u in f.uses if u.startswith("due:")] or [
        date(desc.year, 6, 1)
    ]
    return st.sampled_from(sorted(dues)).flatmap(
        lambda due: st.integers(-15, 40).map(lambda k: due + timedelta(days=k))
    )


def spell(f: FactSpec, typed, desc: PolicyDesc):
    """Strategy: one of the spellings `score` accepts for a typed value."""
    if f.type == "bool":
        words = ["是", "√", "有", "1", "true"] if typed else ["否", "×", "无", "0", "false"]
        return st.sampled_from([typed, typed, *words])
    if f.type == "count":
        return st.sampled_from([typed, str(typed), D(typed)])
    if f.type in ("percent", "number", "points"):
        options = [typed, num(typed)]
        if f.type == "percent":
            options.append(num(typed) + "%")
        if typed == typed.to_integral_value():
            options.append(int(typed))
        return st.sampled_from(options)
    options = [typed, typed.isoformat(), f"{typed.year}年{typed.month}月{typed.day}日"]
    if typed.year == desc.year:
        options.append(f"{typed.month}月{typed.day}日")
    return st.sampled_from(options)


@st.composite
def fact_values(draw, desc: PolicyDesc, omit_defaults: bool = True):
    """(raw facts for `score`, typed values for the model)."""
    raw: dict = {}
    typed: dict = {}
    for f in desc.facts:
        value = draw(typed_value(f, desc))
        if omit_defaults and f.default is not None and draw(st.integers(0, 4)) == 0:
            typed[f.name] = f.default
            continue
        typed[f.name] = value
        raw[f.name] = draw(spell(f, value, desc))
    return raw, typed


@st.composite
def averages_for(draw, desc: PolicyDesc):
    return {name: draw(st.decimals(0, 100, places=2)).normalize() for name in desc.average_facts()}


@st.composite
def policy_and_facts(draw, **kw):
    desc = draw(policies(**kw))
    raw, typed = draw(fact_values(desc))
    averages = draw(averages_for(desc))
    return desc, raw, typed, averages
