"""Blocks → the document's parts: header fields, the outline with points, bands, notes.

Outline markers follow GB/T 9704-2012 (`一、` `（一）` `1、`/`1.` `（1）`, full-width or
not).  A paragraph may hold several nodes (text pasted from a web page or a PDF often
runs a whole document into one line), so markers are found inside a paragraph too,
wherever one follows the start, a space or the end of a sentence.  A node line reads
`marker title (N分) text…`; without a printed `(N分)` the title ends at the first
comma or full stop.  Everything that is not a header field, a node head or a grade
line is kept as the text of the node it stands under (or of the preamble).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..render.model import NO_FACTS
from ..render.standards import LEAD as STANDARD_LEAD
from ..source.text import normalise
from .readers.tiers import boundary, top_points
from .reading import Block, Heading, Rendered, Table, Text
from .reasons import PER_PERIOD, PER_PERIOD_ANY

LEVEL_MARKERS = (
    re.compile(r"[一二三四五六七八九十]{1,3}、"),
    re.compile(r"\([一二三四五六七八九十]{1,3}\)"),
    re.compile(r"\d{1,2}(?:、|\.(?!\d))"),
    re.compile(r"\(\d{1,2}\)"),
    re.compile("[\u2460-\u2473]"),  # ①: read only in a rendered document (`_CIRCLED`)
)
_INLINE_MARKER = re.compile(
    r"(?:^|(?<=[\s。；;:：!！?？]))\s*"
    r"([一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}(?:、|\.(?!\d))|\(\d{1,2}\))"
)
#: `①建立台账（3分）` at the start of a rendered document's paragraph: the fifth level
#: (language.md 4.1).  Elsewhere `①…②…` numbers the parts of one sentence, so a document
#: xize did not render keeps them as text.
_CIRCLED = re.compile("\\s*([\u2460-\u2473])")
#: Where a scoring phrase starts: the title of a node without points ends before it.
SCORING_AT = re.compile(
    r"每(?![一]?年|个?季度|个?月|周|学期)|得满分|酌情|[扣减]除?\s*[\d一二两三四五六七八九十]|得\s*[\d一二两三四五六七八九十]|[加计记奖]\s*\d|不得分|取消|一票否决"
)
_SCORES = re.compile(
    r"[扣减得计记加奖]除?\s*[\d一二两三四五六七八九十半]|不得分|一票否决|取消|扣分"
)
#: A title that states a standard (`学习率应达到90%`) is the subject of the step after it.
_STANDARD_TITLE = re.compile(
    r"(应达到|达到|不低于|不少于|不得少于|低于|高于|不超过|不得超过|超过|控制在)\s*\d[\d.]*\s*(%|‰|个百分点)?"
)
#: A heading that names a kind of rule (`一票否决事项`, `一票否决及其他扣分事项`): a title.
_LABEL = re.compile(
    r"^(?:[^\d,，。;；的]{2,20}(?:事项|情形|项目|情况)|(?:实行)?一票否[决优](?:制|规定)?)$"
)
#: A title that states a requirement (`每年至少组织开展1次应急演练`) before `未组织的扣40分`.
_CONDITION_GOES_ON = re.compile(
    r"^(?:[^，,；;。每]+?的\s*[，,]?\s*(?:得|扣|减|计|加)\s*\d"
    r"|(?:或者|或是|或(?!许))[^，,；;。每]+?的\s*[，,]?\s*(?:(?:每|发现)[^，,；;。]{0,4}?)?(?:得|扣|减|计|加|实行一票否决))"
)
_REQUIRED = re.compile(r"(?:至少|不少于|不得少于)[^,，]{0,6}?(?:\d+|[一二两三四五六七八九十]+)")
_PAREN = re.compile(r"\(([^()]{1,40})\)")
_POINTS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*分\s*$")
_BARE_POINTS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")
_MODIFIER = re.compile(
    r"^(?:扣完为止|减完为止|不设下限|就高不就低|不重复计分|(?:本项)?(?:最多扣|限扣)\d+(?:\.\d+)?分"
    r"|加分项|最高加\d+(?:\.\d+)?分)$"
)
_LEADING_MODIFIERS = re.compile(
    r"^[，,]\s*(扣完为止|减完为止|不设下限|就高不就低|不重复计分|(?:本项)?(?:最多扣|限扣)\d+(?:\.\d+)?分)"
)
_SENTENCE_END = re.compile(r"[。；;]")
_TITLE_END = re.compile(r"[，,。；;]")

SECTION_TARGET = (
    "考评对象",
    "考核对象",
    "考评范围",
    "考核范围",
    "适用范围",
    "考评单位",
    "考核单位",
)
SECTION_BODY = ("考评内容", "考核内容", "评分标准", "考核标准", "考评标准", "计分办法", "考核细则")
SECTION_BANDS = (
    "等次评定",
    "等次划分",
    "考核等次",
    "考评等次",
    "评定等次",
    "等次",
    "等级评定",
    "考评结果",
    "考核结果",
    "结果运用",
    "结果评定",
)
SECTION_NOTES = ("说明", "附则", "其他", "其它", "备注", "有关要求", "有关说明", "附注", "组织实施")
#: How the assessment is run (its words go with the header: `满分100分`, not scored).
SECTION_METHOD = (
    "考核方式",
    "考评方式",
    "考核方法",
    "考评方法",
    "考核办法",
    "考评办法",
    "考核计分",
    "考评计分",
    "计分方式",
    "计分方法",
)
BAND_NAMES = (
    "优秀",
    "良好",
    "较好",
    "合格",
    "基本合格",
    "一般",
    "不合格",
    "较差",
    "称职",
    "基本称职",
    "不称职",
    "先进",
    "达标",
    "不达标",
    "好",
    "差",
    "A",
    "B",
    "C",
    "D",
    "一等",
    "二等",
    "三等",
    "四等",
    "五等",
)


@dataclass
class DNode:
    marker: str
    level: int
    title: str
    points: str | None = None
    modifiers: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # the node's own words after its head
    lead: str = ""  # the head's sentence when the title is its subject (`公示得1分`)
    comments: list[str] = field(default_factory=list)
    children: list[DNode] = field(default_factory=list)
    bonus_cap: str | None = None
    standards: list[str] = field(default_factory=list)  # a rendered node's 评分标准 text
    #: the points come from the node's own `得N分`, not from the document's outline: `本项`
    #: in its sentences is the nearest item whose points the document states
    invented: bool = False
    #: its `加N分` are points of the item (`_bonus_that_fills`): drafted as `计N分`
    earned_bonus: bool = False


@dataclass
class Doc:
    title: str = ""
    year: int | None = None
    full_marks: str | None = None
    target: str = ""
    mode: str = ""
    precision: str = ""
    boundary: str = ""
    preamble: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    nodes: list[DNode] = field(default_factory=list)
    bands: list[tuple[str, str, str]] = field(default_factory=list)  # (name, range, source)
    band_text: list[str] = field(default_factory=list)  # grade sentences not read
    #: sentences of a grade paragraph beside its grade lines (`…的，不得评为优秀`)
    band_rules: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # 说明/附则 text outside the outline
    facts: list[tuple[str, ...]] = field(default_factory=list)  # a data appendix's rows
    standards: bool = False  # the document prints 评分标准 paragraphs (`xize render`)
    #: the note saying steps of 百分点 count in part (`按实际差值连续计算`), if any
    continuous: str = ""
    #: `按百分点分档扣分的，不足一档的按一档计算`: a part of a step of 百分点 counts whole
    ceil_steps: str = ""

    def walk(self):
        stack = list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def level_of(marker: str) -> int:
    m = normalise(marker).strip()
    for level, pattern in enumerate(LEVEL_MARKERS):
        if pattern.fullmatch(m):
            return level
    return 2


# ------------------------------------------------------------------------ reading


class _Reader:
    def __init__(self, rendered: bool = False) -> None:
        self.rendered = rendered  # a document xize rendered: its outline is the policy's
        self.doc = Doc()
        self.stack: list[DNode] = []
        self.section = "pre"  # pre | body | target | bands | notes | facts

    # a block at a time
    def block(self, block: Block) -> None:
        if isinstance(block, Rendered):
            return
        if isinstance(block, Text) and self.standard(block.text):
            return
        if isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Heading):
            node = DNode(block.marker, level_of(block.marker), block.title.strip(), block.points)
            _table_bonus_cap(node)
            if block.comment:
                node.comments.append(block.comment)
            self.add_node(node)
        elif block.title and not self.doc.title and not self.doc.nodes:
            self.doc.title = block.text.strip()
        elif block.split:
            self.paragraph(block.text)
        else:
            self.text(block.text)

    def standard(self, text: str) -> bool:
        """A rendered document's `评分标准：…` paragraph: the clauses of the node above."""
        n = normalise(text).strip()
        lead = normalise(STANDARD_LEAD)
        if not (self.rendered and self.stack and n.startswith(lead)):
            return False
        self.stack[-1].standards.append(text.strip()[len(lead) :].strip())
        self.doc.standards = True
        return True

    def table(self, table: Table) -> None:
        head = [re.sub(r"\s+", "", c) for c in table.rows[0]] if table.rows else []
        if head and head[0] in ("等次", "等级") and len(head) >= 2:
            for row in table.rows[1:]:
                if len(row) >= 2 and row[0].strip():
                    self.doc.bands.append((row[0].strip(), row[1].strip(), "、".join(row)))
            return
        if head and head[0] == "数据项":
            self.doc.facts.extend(tuple(r) for r in table.rows[1:])
            self.section = "facts"
            return
        for row in table.rows:
            self.text(" ".join(c for c in row if c.strip()))

    def paragraph(self, text: str) -> None:
        n = normalise(text)
        if self.rendered and _CIRCLED.match(n):
            self.head(text)
            return
        starts = [m.start(1) for m in _INLINE_MARKER.finditer(n)]
        if not starts:
            self.text(text)
            return
        if text[: starts[0]].strip():
            self.text(text[: starts[0]])
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(text)
            self.head(text[start:end])

    def head(self, piece: str) -> None:
        n = normalise(piece)
        marker = _INLINE_MARKER.match(n) or _CIRCLED.match(n)
        assert marker is not None
        mark = piece[marker.start(1) : marker.end(1)]
        rest = piece[marker.end(1) :].strip()
        node = parse_head(mark, rest)
        if node.level > 0 and self.section in _PROSE and not self.rendered:
            self.text(piece)  # `七、其他说明` → `1．…`: a numbered note, not an item
            return
        if node.level == 0 and node.points is None and node.bonus_cap is None and not self.rendered:
            kind = _section_kind(node.title)
            if kind is not None:
                self.start_section(kind, piece.strip(), node)
                return
        self.add_node(node)

    def start_section(self, kind: str, line: str, node: DNode) -> None:
        self.stack.clear()
        self.section = kind
        self.doc.preamble.append(line)
        words = SECTION_TARGET + SECTION_BODY + SECTION_BANDS + SECTION_NOTES
        after = line[len(node.marker) :].strip()
        for word in sorted(words, key=len, reverse=True):
            if normalise(after).startswith(word):
                after = after[len(word) :]
                break
        rest = after.strip().lstrip("：:，, ").strip()
        if rest in (
            "说明",
            "事项",
            "要求",
            "规定",
        ):  # `其他说明`, `其他事项`: the heading's own word
            rest = ""
        if rest.startswith(("和", "及", "与")):
            rest = ""  # `一、考核对象和方式`: the heading names a second part, not the target
        if kind == "target" and rest:
            self.doc.target = self.doc.target or rest.rstrip("。；;")
        elif kind in ("body", "pre", "method") and rest:
            header_fields(self.doc, rest)
        elif kind == "bands" and rest:
            self.band_line(rest)
        elif kind == "notes" and rest:
            self.doc.notes.append(rest)

    def add_node(self, node: DNode) -> None:
        if self.section != "body":
            self.section = "body"
        while self.stack and self.stack[-1].level >= node.level:
            self.stack.pop()
        (self.stack[-1].children if self.stack else self.doc.nodes).append(node)
        self.stack.append(node)

    def text(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        n = normalise(text)
        if re.match(r"^(附[:：]?)?\s*数据项说明", n):
            self.section = "facts"
            self.doc.preamble.append(text)
            return
        if not self.rendered and re.fullmatch(rf"(?:{'|'.join(SECTION_NOTES)})\s*[:：]?", n):
            # a paragraph that is only `说明：` (after a table, say) starts the notes: the
            # numbered paragraphs under it are notes, not items of the last node
            self.stack.clear()
            self.section = "notes"
            self.doc.preamble.append(text)
            return
        band_head = re.match(r"^(等次评定|等次划分|等次|考核等次|考评等次|评定等次)\s*[:：]?", n)
        if band_head and (len(n) < 40 or bands_in(text[band_head.end() :])):
            self.stack.clear()
            self.section = "bands"
            rest = re.sub(
                r"^(等次评定|等次划分|等次|考核等次|考评等次|评定等次)\s*[:：]?", "", text
            ).strip()
            if rest:
                self.band_line(rest)
            return
        if self.section == "bands":
            self.band_line(text)
        elif self.section == "target":
            said = re.match(r"^(?:考评对象|考核对象)\s*(?:为|是)\s*([^。；;]+)", n)
            target = text[said.start(1) : said.end(1)] if said else text.rstrip("。；;")
            self.doc.target = self.doc.target or target
            self.doc.preamble.append(text)
        elif self.stack:
            self.stack[-1].text.append(text)
        elif self.section == "notes" and not self.doc.bands and len(bands_in(text)) >= 2:
            # `1.考核得分90分及以上为优秀，75分至89.5分为良好…` among the notes: the grades
            self.band_line(text)
        elif self.section == "notes" and _NOTE_LIMIT.search(n) and not _NOTE_POINTS.search(n):
            # `4.年度内发生统计造假问题被通报的，不得评为优秀等次`: a grade limit, drafted
            # with the limits of the grade paragraph (the note is kept too)
            self.doc.band_rules.append(_BAND_MARKER.sub("", text).strip().rstrip("。；;"))
            self.doc.notes.append(text)
        elif self.section == "notes":
            self.doc.notes.append(text)
        else:
            # a line of 考核方式 says more than its fields (`满分100分，另设加分项目…`): kept
            if not header_fields(self.doc, text) or self.section == "method":
                self.doc.preamble.append(text)

    def band_line(self, text: str) -> None:
        found = bands_in(text)
        if not found:
            self.doc.band_text.append(text)
            return
        self.doc.bands.extend(found)
        # `…60分以下为不合格。年度内被通报批评的，不得评为优秀。`: a sentence of the grade
        # paragraph that is no grade line is kept (a rule of its own, or words)
        for sentence in re.split(r"[。；;]", text):
            read = bands_in(sentence)
            if sentence.strip() and not read:
                self.doc.band_rules.append(sentence.strip())
                continue
            rest = normalise(sentence)
            for _, _, source in read:
                rest = rest.replace(normalise(source), "", 1)
            rest = _BAND_MARKER.sub("", rest.strip()).strip("，,。 ")
            if len(rest) > 3 and re.search(r"\d", rest):
                # `90分以上的为优秀等次，优秀等次数量不超过参评乡镇总数的30%`: the quota
                # after the band is a rule of the paragraph, not part of the band
                self.doc.band_rules.append(rest)


#: A note that only limits the grade (`…的，不得评为优秀等次`), with no points of its own.
_NOTE_LIMIT = re.compile(
    r"的\s*[,，]\s*(?:年度考核|当年|考核)?\s*(?:不得评为|等次最高为|不得确定为)"
)
_NOTE_POINTS = re.compile(r"[扣减得加计]\s*\d|不得分")

#: Sections whose numbered paragraphs are prose (notes, grade lines), never scored items.
_PROSE = ("notes", "bands", "target", "method")


#: A note that is a rule of its own (a veto, an amount): the draft flags it `待处理`
#: instead of hiding it among the comments.  `扣分` alone (`各项扣分以分值为限`) is how
#: notes speak of deductions in general.
NOTE_RULE = re.compile(
    r"[扣减得计记加奖]除?\s*[\d一二两三四五六七八九十半][\d.\s]*分|不得分|取消.{0,6}资格|一票否决|"
    r"确定为\S{1,4}等|不得评为"
)


def _section_kind(title: str) -> str | None:
    t = re.sub(r"\s+", "", normalise(title))
    if t.rstrip("。:：") in SECTION_METHOD:  # only the bare word: `考核办法及评分标准` is the body
        return "method"
    for kind, words in (
        ("target", SECTION_TARGET),
        ("body", SECTION_BODY),
        ("bands", SECTION_BANDS),
        ("notes", SECTION_NOTES),
    ):
        if any(t.startswith(w) or t == w for w in words):
            return kind
    return None


def parse_head(mark: str, rest: str) -> DNode:
    """A node from its marker and the text after it (see the module docstring)."""
    node = DNode(mark, level_of(mark), "")
    n = normalise(rest)
    sentence_end = _SENTENCE_END.search(n)
    scoring = SCORING_AT.search(n)
    strong = min(
        sentence_end.start() if sentence_end else len(n),
        scoring.start() if scoring and scoring.start() > 0 else len(n),
    )
    for m in _PAREN.finditer(n):
        if m.start() >= strong:
            break
        if _points_group(node, m.group(1), n[: m.start()]):
            node.title = rest[: m.start()].strip()
            remainder = rest[m.end() :]
            while True:
                lead = _LEADING_MODIFIERS.match(normalise(remainder))
                if not lead:
                    break
                node.modifiers.append(remainder[lead.start(1) : lead.end(1)])
                remainder = remainder[lead.end() :]
            remainder = remainder.strip().lstrip("，,。；;：: ").strip()
            if remainder:
                node.text.append(remainder)
            return node
    end = _TITLE_END.search(n)
    title_end = end.start() if end else len(n)
    in_sentence = False
    if scoring and 0 < scoring.start() < title_end and not _VETO_TITLE.match(n):
        title_end, in_sentence = scoring.start(), True
    elif scoring and scoring.start() == 0 and not _LABEL.match(n):
        in_sentence = True  # `6、每发生1人次…，扣0.2分`: the head is the sentence
    node.title = rest[:title_end].strip()
    remainder = rest[title_end:].strip().lstrip("，,。；;：: ").strip()
    head, after = n[:title_end].rstrip(), normalise(remainder)
    if not in_sentence and (SCORING_AT.match(after) or _SCORES.search(after)):
        # `采用率低于全市平均数的，每低…`, `学习率应达到90%，每低…`, `…每年不少于4次，
        # 少一次扣1分`: a condition or a standard before the step is no title
        in_sentence = (
            head.endswith("的")
            or bool(_STANDARD_TITLE.search(head))
            or bool(PER_PERIOD.search(head))
            or bool(PER_PERIOD_ANY.search(head) and re.match(r"每?(?:缺|少|未)", after))
            or bool(_REQUIRED.search(head) and re.match(r"(?:未|没有)", after))
            # `县、乡两级机构全部建立，名单在网站公开的，得2分`: the head is the first of
            # the conditions, cut at a comma; as a title the condition would be lost
            or bool(n[title_end : title_end + 1] in "，," and _CONDITION_GOES_ON.match(after))
        )
    if in_sentence:
        node.lead = rest  # the title is the subject of the sentence
        node.text.append(remainder)
    else:
        remainder = remainder.lstrip("，,。；;：: ").strip()
        if remainder:
            node.text.append(remainder)
    return node


#: A bonus cap as documents state it: `最高加5分`, `累计最多加5分`, `加分不超过5分`,
#: `本项加分上限为3分` (a phrase with 加 or 奖; `最多5分` alone says nothing of a bonus).
BONUS_CAP_PHRASE = re.compile(
    r"^(?:本项|本部分)?(?:(?:加分|奖励分)(?:项目|项|事项)?)?(?:总分|分值)?(?:累计|合计)?(?:加分)?"
    r"(?:(?:最多|最高)可?(?:加|奖励?)?至?|上限为?|最高不超过|最多不超过|不超过|不得超过)"
    r"\s*(\d+(?:\.\d+)?)\s*分(?:为止|封顶)?$"
)


def _table_bonus_cap(node: DNode) -> None:
    """`加分项目（最高加5分）` in a table's item cell: the cap is the item's, as in a heading
    line (the points column of such a row is empty)."""
    n = normalise(node.title)
    m = _PAREN.search(n)
    if node.points is not None or m is None or n[m.end() :].strip():
        return
    probe = DNode(node.marker, node.level, "")
    if _points_group(probe, m.group(1), n[: m.start()]) and probe.bonus_cap and not probe.points:
        node.title = node.title[: m.start()].rstrip()
        node.bonus_cap = probe.bonus_cap
        node.modifiers.extend(probe.modifiers)


def _bonus_cap_under_title(phrase: str) -> str | None:
    """`累计不超过5分` in the parentheses of `加分项目`: the title says it is a bonus."""
    n = normalise(phrase).strip()
    m = BONUS_CAP_PHRASE.match(n)
    return f"最高加{m.group(1)}分" if m else None


def bonus_cap_of(phrase: str) -> str | None:
    """The N of a stated bonus cap, or None."""
    n = normalise(phrase).strip().rstrip("。;；")
    m = BONUS_CAP_PHRASE.match(n)
    return m.group(1) if m and re.search(r"[加奖]", n) else None


#: `含奖励分20分`, `含加分10分` after an item's points: part of the points is a bonus.
_WITHIN = re.compile(r"^含(?:奖励分|加分|附加分)\s*\d+(?:\.\d+)?\s*分$")
#: Words in a bonus part's parentheses that only say what any bonus item does.
_BONUS_NOTE = re.compile(r"^(?:计入|直接计入|加入|列入)(?:年度)?(?:总分|总得分|考核总分|考核得分)$")


def _points_group(node: DNode, inner: str, title: str = "") -> bool:
    """Read `(5分)`, `(加分项，最高加3分)`, `(5分，最多扣3分)`, `(5分，不设下限)` into node;
    under a bonus title (`加分项目`) also `(最高加5分，计入总分)`, `(累计不超过5分)`."""
    parts = [p.strip() for p in re.split(r"[，,]", inner) if p.strip()]
    bonus_title = bool(_BONUS_TITLE.match(normalise(title).strip()))
    if bonus_title:
        parts = [p for p in parts if not _BONUS_NOTE.match(normalise(p))]
        parts = [_bonus_cap_under_title(p) or p for p in parts]
    parts = [f"最高加{bonus_cap_of(p)}分" if bonus_cap_of(p) else p for p in parts]
    if not parts:
        return False
    within = [p for p in parts[1:] if _WITHIN.match(normalise(p))]
    if within and _POINTS.match(parts[0]):  # `(120分，含奖励分20分)`: the points as printed
        node.comments.append(
            f"原文分值 “{inner}”：本项分值照录；其中的{normalise(within[0])[1:]}请核对写法"
            "（加分计入总分、不计入本项，见 language.md 9.21）"
        )
        parts = [p for p in parts if p not in within]
    points = _POINTS.match(parts[0])
    if points is None and not all(_MODIFIER.match(p) for p in parts):
        return False
    if points is None and "加分项" not in parts and any(p.startswith("最高加") for p in parts):
        parts = ["加分项", *parts]  # `三、加分项目（最高加5分）`: only a bonus has such a cap
    if points is not None and not all(_MODIFIER.match(p) for p in parts[1:]):
        return False
    if points is not None:
        node.points = points.group(1)
        parts = parts[1:]
    if "加分项" in parts:
        cap = next((re.search(r"最高加(\d+(?:\.\d+)?)分", p) for p in parts if "最高加" in p), None)
        if cap is None:
            return False
        node.bonus_cap = cap.group(1)
        parts = [p for p in parts if p != "加分项" and "最高加" not in p]
    node.modifiers.extend(parts)
    return True


# ---------------------------------------------------------------------- header


_YEAR_FIELD = re.compile(r"年度\s*[:：]\s*(\d{4})")
_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年")
_FULL = re.compile(
    r"(?:满分|总分|总分值|分值为|考评分值为|考核分值为|考评总分为|满分为|分值|基本分)\s*[:：为是]?\s*(\d+(?:\.\d+)?)\s*分"
)
_MODE = re.compile(r"(减分制|得分制)")
_TARGET = re.compile(r"(?:考评对象|考核对象|考评范围|考核范围|适用范围)\s*[:：]\s*(.+)")
_PRECISION = re.compile(r"保留到(\d+(?:\.\d+)?)分")
#: `得分保留两位小数`, `精确到小数点后两位` in the notes.
_PRECISION_NOTE = re.compile(
    r"保留\s*(?:小数点后)?\s*([一二两三123])\s*位\s*小数|精确到小数点后\s*([一二两三123])\s*位"
)
_DECIMALS = {
    "一": "0.1",
    "1": "0.1",
    "二": "0.01",
    "两": "0.01",
    "2": "0.01",
    "三": "0.001",
    "3": "0.001",
}
_BOUNDARY = re.compile(r"数量界限\s*[:：]\s*([^　]+)")
_TITLE_FIELD = re.compile(r"^细则\s*[:：]\s*(.+)$")


def header_fields(doc: Doc, text: str) -> bool:
    """Read the header fields in a line of text; True when the line was one."""
    n = normalise(text)
    found = False
    m = _TITLE_FIELD.match(n)
    if m:
        doc.title = doc.title or text[m.start(1) :].strip()
        return True
    m = _YEAR_FIELD.search(n)
    if m and doc.year is None:
        doc.year, found = int(m.group(1)), True
    m = _FULL.search(n)
    if m and doc.full_marks is None:
        doc.full_marks, found = m.group(1), True
    m = _MODE.search(n)
    if m and not doc.mode:
        doc.mode, found = m.group(1), True
    m = _TARGET.search(n)
    if m and not doc.target:
        target = text[m.start(1) :].strip().rstrip("。；;")
        if target.endswith(("）", ")")) and target.count("）") + target.count(")") > (
            target.count("（") + target.count("(")
        ):
            target = target[:-1]  # `（考核对象：省直各部门）`: the bracket around the field
        doc.target, found = target, True
    m = _PRECISION.search(n)
    if m and not doc.precision:
        doc.precision, found = m.group(1), True
    m = _BOUNDARY.search(n)
    if m and not doc.boundary:
        doc.boundary, found = m.group(1).strip(), True
    return found


# ----------------------------------------------------------------------- bands

_NAMES = "|".join(sorted(BAND_NAMES, key=len, reverse=True))
_BAND_FIELD = re.compile(rf"^({_NAMES})\s*[:：]\s*(.+)$")
_BAND_SENTENCE = re.compile(
    rf"(?:得分|总分|分数)?\s*(?P<range>[^，,；;。为]*?分[^，,；;。为]*?)\s*(?:的)?"
    rf"(?:\s*[,，]\s*(?P<veto>或(?:被|实行)?一票否决的?)\s*)?\s*(?:(?<=的)\s*[,，]\s*)?"
    rf"(?:为|评为|定为|确定为|评定为|列为)\s*[“\"]?(?P<name>{_NAMES})[”\"]?(?:等次|档次|等级)?"
)
#: `（一）` or `1.` before a grade line of the grade paragraph.
_BAND_MARKER = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}\s*[、.．])\s*"
)


_BAND_REST = re.compile(
    rf"(?:其余|其他|其它)(?:的|单位)?\s*(?:为|评为|定为|确定为)\s*[“\"]?({_NAMES})[”\"]?(?:等次|档次|等级)?\s*[。;]?$"
)


def bands_in(text: str) -> list[tuple[str, str, str]]:
    """Grade lines: `优秀：90分以上` or `90分以上为优秀` (several per line)."""
    text = text.strip()
    n = normalise(text)
    marker = _BAND_MARKER.match(n)
    if marker:  # `（一）考核得分90分以上的，为优秀`: the paragraph's numbering
        text, n = text[marker.end() :], n[marker.end() :]
    m = _BAND_FIELD.match(n)
    if m:
        return [(m.group(1), text[m.start(2) :].strip().rstrip("。；;"), text)]
    out = []
    for m in _BAND_SENTENCE.finditer(n):
        rng = text[m.start("range") : m.end("range")].strip()
        if m.group("veto"):  # `不足60分的，或被一票否决的，为不合格`: the veto is the band's
            rng += "，" + m.group("veto")
        # `考核得分90分以上为优秀`: the words naming the score are not part of the range
        rng = re.sub(r"^(?:考核|考评|综合|年度)?(?:得分|总分|分数)\s*(?:在)?\s*(?=\d)", "", rng)
        rng = re.sub(r"^在\s*(?=\d)", "", rng)  # `在75分以上的，评定为良好`
        rng = re.sub(r"(?<=[上下数内])\s*的$", "", rng)
        out.append((m.group("name"), rng, m.group(0)))
    rest = _BAND_REST.search(n)
    if out and rest is not None:  # `…60分以上为合格，其余为不合格`
        out.append((rest.group(1), "其余", rest.group(0)))
    return out


# ------------------------------------------------------------------------ after


def is_rendered(blocks: list[Block]) -> bool:
    """True for a document with a data appendix (数据项, 类型, …, or `本细则不使用数据项`
    under its heading), as `xize render` writes."""
    return any(
        isinstance(b, Rendered)
        or (isinstance(b, Table) and b.rows and re.sub(r"\s+", "", b.rows[0][0]) == "数据项")
        or (isinstance(b, Text) and normalise(b.text.strip()) == normalise(NO_FACTS))
        for b in blocks
    )


_BOUNDARY_NOTE = re.compile(
    r"[“\"]?以上[”\"]?\s*(含|包括|包含|不含|不包括|不包含)本数\s*[,，、;；]\s*[“\"]?以下[”\"]?\s*"
    r"(?:[、和及]?\s*[“\"](?:不足|低于|不满|未满)[”\"]\s*)*"
    r"(含|包括|包含|不含|不包括|不包含)本数"
)
_INCLUDES = {
    "含": "含",
    "包括": "含",
    "包含": "含",
    "不含": "不含",
    "不包括": "不含",
    "不包含": "不含",
}


def read_outline(blocks: list[Block]) -> Doc:
    reader = _Reader(is_rendered(blocks))
    for block in blocks:
        reader.block(block)
    doc = reader.doc
    if reader.rendered and not doc.facts and not doc.standards:
        # rendered from a policy that reads no data: it has no clause a 说明 could name,
        # so the 说明 stay 说明 (as under a 评分标准) instead of being read as rules
        doc.standards = True
    if not doc.boundary:
        # `本细则所称“以上”含本数，“以下”不含本数` in the notes is the header's 边界
        for text in (*doc.notes, *doc.preamble, *doc.band_text):
            m = _BOUNDARY_NOTE.search(normalise(text))
            if m:
                doc.boundary = f"以上{_INCLUDES[m.group(1)]}本数，以下{_INCLUDES[m.group(2)]}本数"
                break
    if not doc.precision:
        # `按比例计分的，得分保留两位小数` in the notes: the header's 精度 (the language
        # rounds published scores, half up, and only there)
        for text in (*doc.notes, *doc.preamble):
            m = _PRECISION_NOTE.search(normalise(text))
            if m:
                doc.precision = _DECIMALS[m.group(1) or m.group(2)]
                break
    for text in (*doc.notes, *doc.preamble):
        # `以百分比计分的指标，不足1个百分点的部分按实际比例计算`, `按百分点计分的，按实际
        # 差值连续计算，不作取整`: every step of 百分点 counts in part (`，按比例`)
        if _CONTINUOUS_NOTE.search(normalise(text)):
            doc.continuous = text.strip()
            break
        if _CEIL_NOTE.search(normalise(text)):
            doc.ceil_steps = text.strip()
            break
    if not reader.rendered:  # a rendered outline states every point it has
        with boundary(doc.boundary):
            for node in list(doc.walk()):
                _finish(node)
        for node in list(doc.walk()):
            _bonus_that_fills(node)
        _bonus_part(doc)
        _renumber_repeats(doc)
    return doc


_CN_DIGITS = "一二三四五六七八九十"
#: `五、扣分事项及一票否决`: a part's title that names the vetoes, no sentence.
_VETO_TITLE = re.compile(r"^[^，,。；;的\d]{0,10}(?:及|和|与|、)一票否决(?:事项|情形)?\s*[。:：]?$")
#: A note that every step of 百分点 counts in part: the language's `，按比例` (第11节).
_CEIL_NOTE = re.compile(
    r"(?:百分点|档)[^。；;]{0,12}?不足\s*(?:一|1)\s*(?:档|个百分点)的?(?:部分)?\s*按\s*(?:一|1)\s*"
    r"(?:档|个百分点)\s*(?:计算|计)"
)
_CONTINUOUS_NOTE = re.compile(
    r"(?:百分比|百分点)[^。；;]{0,12}?(?:不足\s*(?:1|一)\s*个百分点[^。；;]{0,20}?按实际比例|"
    r"按实际差值连续计算|按实际(?:差值|差距|差额)(?:计算|折算|计)|按实际比例计算)"
)


def _cn_number(k: int) -> str:
    if k <= 10:
        return _CN_DIGITS[k - 1]
    return (
        ("" if k < 20 else _CN_DIGITS[k // 10 - 1])
        + "十"
        + ("" if k % 10 == 0 else _CN_DIGITS[k % 10 - 1])
    )


def _same_style(marker: str, number: str) -> str:
    """`1．` with number 4 → `4．`; `（二）` → `（四）`: the marker's own brackets and stop."""
    return re.sub(r"[一二三四五六七八九十]+|\d+", number, marker, count=1)


def _renumber_repeats(doc: Doc) -> None:
    """`四、加分项目` after a table whose items run 一、…五、: the same top-level number twice
    is an error in a policy, so the later part takes the next free number (and says so)."""
    used = {normalise(n.marker).strip() for n in doc.nodes}
    seen: set[str] = set()
    for node in doc.nodes:
        mark = normalise(node.marker).strip()
        if mark in seen:
            number = _cn_number if node.level == 0 else str
            k = 1
            while normalise(_same_style(node.marker, number(k))) in used:
                k += 1
            new = _same_style(node.marker, number(k))
            node.comments.append(f"原文编号 “{node.marker}” 与前文重复，按顺序改为 “{new}”")
            node.marker = new
            used.add(new)
            mark = new
        seen.add(mark)


_BONUS_TITLE = re.compile(r"^(?:加分项目?|加分事项|奖励加分|附加分|奖励分|加分)$")


def _bonus_part(doc: Doc) -> None:
    """`三、加分项（5分）` when the stated 满分 is the sum of the other parts: the 5 points
    are the bonus cap, outside 满分 (as `加分项，最高加5分`); never guessed without 满分."""
    for node in doc.nodes:  # `三、加分项目` whose first words are `加分累计不超过5分。`
        if node.points is None and node.bonus_cap is None and node.text:
            first = re.split(r"[。；;]", node.text[0].strip())[0]
            cap = bonus_cap_of(first)
            if cap is not None and re.search(r"加分|奖励", normalise(node.title) + first):
                node.bonus_cap = cap
    if doc.full_marks is None:
        return
    for node in doc.nodes:
        title = normalise(node.title).strip().rstrip("。:：")
        if node.points is None or node.bonus_cap is not None or not _BONUS_TITLE.match(title):
            continue
        others = total_points([n for n in doc.nodes if n is not node])
        if others is not None and others == Decimal(doc.full_marks):
            node.comments.append(
                f"原文 “{node.title}（{node.points}分）”：满分{doc.full_marks}分不含本项，读作加分项，最高加{node.points}分"
            )
            node.bonus_cap, node.points = node.points, None


_INLINE_POINTS = re.compile(
    r"^(?P<title>.+?)\s*\(\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<fen>分?)\s*\)\s*[。.]?\s*$"
)
_EARN = re.compile(r"(?:得|(?<=最高)计|(?<=最多)计)\s*(\d+(?:\.\d+)?)\s*分")
#: `每` counting things (`每个领域`, `每项`, `每条`), not the period of a duty (`每年`, `每月`).
_PER_THING = re.compile(r"每(?!一?年|个?季|个?月|周|半年|学期|日|天)")
_EACH_EARN = re.compile(r"([^，,；;。]+?)的\s*[，,]?\s*(各|每项)得\s*(\d+(?:\.\d+)?)\s*分")


def scoring_text(node: DNode) -> list[str]:
    """The texts to draft clauses from: the head's sentence stands for the first text."""
    if node.lead:
        return [node.lead, *node.text[1:]]
    return list(node.text)


def _finish(node: DNode) -> None:
    """Sub-items written inside a sentence, and points read from `得N分`."""
    if not node.children and node.text:
        _inline_children(node)
    if node.points is None and node.bonus_cap is None and not node.children:
        earned = []
        said: list[str] = []  # the sentence of each earned amount
        for text in scoring_text(node):
            for sentence in re.split(r"[；;。]", normalise(text)):
                for m in _EARN.finditer(sentence):
                    said.append(sentence)
                    # `每个领域全部完成的，得14分` earns per field: the item's points are not 14
                    before = sentence[: m.start()]
                    if re.search(r"(?:最高|最多)$", before):
                        # `每条计0.5分；…；本项最高计5分`: the cap of the item's own earning
                        if re.search(
                            r"每[^；;。]*?[得计]\s*\d", normalise("".join(scoring_text(node)))
                        ):
                            earned.append(m.group(1))
                    elif not _PER_THING.search(before):
                        earned.append(m.group(1))
        each = _EACH_EARN.search(normalise("".join(scoring_text(node))))
        top = top_points("".join(scoring_text(node)))
        if top is not None:
            earned = [top]  # `达到90%以上的，得8分；80%（含）至90%的，得6分…`: the top band
        k = len(each.group(1).split("、")) if each is not None else 0
        if k >= 2 and (earned == [each.group(3)] or not earned and each.group(2) == "每项"):
            # `A、B完成任务的，各得3分` (`每项得3分`): each of the listed things earns 3
            total = Decimal(each.group(3)) * k
            node.points = format(total.normalize(), "f")
            node.invented = True
            node.comments.append(
                f"原文本项未标分值，分值取自 “{each.group(2)}得{each.group(3)}分”（{k}项，合计{node.points}分）"
            )
        elif len(earned) == 1:
            node.points = earned[0]
            node.invented = True
            node.comments.append(f"原文本项未标分值，分值取自 “得{earned[0]}分”")
        elif _partial_alternatives(earned, said):
            # `纳入计划和考核的，得3分；仅纳入计划的，得1分`: one requirement met in full or
            # in part, the points of the full one, and only the highest met counts
            node.points = earned[0]
            node.invented = True
            node.modifiers.append("就高不就低")
            node.comments.append(
                f"原文本项未标分值，分值取自 “得{earned[0]}分”；其后的 “得{'分”“得'.join(earned[1:])}分” "
                "是只做到一部分时的分，只取最高一条（就高不就低）"
            )


#: A sentence earning less for meeting a requirement in part: `仅纳入年度计划的`, `登记不完整的`.
_PARTIAL = re.compile(r"仅|只有|部分|不完整|不全|不齐|兼职|基本")


def _partial_alternatives(earned: list[str], said: list[str]) -> bool:
    """The first amount is the highest, each later one is earned for meeting the same
    requirement only in part (its sentence says so), and each sentence earns once."""
    if len(earned) < 2 or len(said) != len(earned) or len(set(said)) != len(said):
        return False
    amounts = [Decimal(e) for e in earned]
    return all(a < amounts[0] for a in amounts[1:]) and all(
        _PARTIAL.search(s) and not _PARTIAL.search(said[0]) for s in said[1:]
    )


_BONUS_STEP = re.compile(
    r"每[^，,；;。]{0,6}?加\s*\d+(?:\.\d+)?\s*分[，,]\s*(?:本项)?(?:最高|最多)加\s*(\d+(?:\.\d+)?)\s*分$"
)


def _bonus_that_fills(node: DNode) -> None:
    """`（三）政策解读（10分）1.…（6分）2.…每件加0.5分，最高加4分`: the one sub-item without
    points adds up to exactly what its siblings leave of the item (6 + 4 = 10), so its
    `加` are points of the item, not a bonus on the total: it takes the cap as points."""
    if node.points is None or node.bonus_cap is not None or not node.children:
        return
    lacking = [c for c in node.children if c.points is None and c.bonus_cap is None]
    if len(lacking) != 1 or lacking[0].children:
        return
    child = lacking[0]
    sentences = [
        t for t in re.split(r"[。；;]", normalise("".join(scoring_text(child)))) if t.strip()
    ]
    caps = [m for m in (_BONUS_STEP.search(t.strip()) for t in sentences) if m]
    if len(sentences) != 1 or len(caps) != 1:
        return
    others = sum((Decimal(c.points) for c in node.children if c is not child), Decimal(0))
    if Decimal(node.points) - others != Decimal(caps[0].group(1)):
        return
    child.points, child.invented, child.earned_bonus = caps[0].group(1), True, True
    child.comments.append(
        f"原文本项未标分值：上级{node.points}分减去其他小项的{_plain(others)}分正好是 “最高加{child.points}分”，"
        f"本项的 “加” 是上级分值之内的得分，写作 “计”，分值{child.points}分"
    )


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _inline_children(node: DNode) -> None:
    text = "".join(node.text)
    segments = [s for s in re.split(r"[；;]", text)]
    matches = [_INLINE_POINTS.match(normalise(s).strip()) for s in segments]
    if sum(1 for m in matches if m and m.group("fen")) < 2:
        return
    kept: list[str] = []
    level = node.level + 1
    k = 0
    for seg, m in zip(segments, matches, strict=True):
        if m is None:
            if seg.strip():
                kept.append(seg.strip())
            continue
        k += 1
        stripped = seg.strip()
        title = stripped[: m.end("title")].strip()
        child = DNode(_child_marker(level, k), min(level, 3), title, m.group("n"))
        if not m.group("fen"):
            child.comments.append(f"原文写作 “({m.group('n')})”，漏写 “分”，按{m.group('n')}分录入")
        node.children.append(child)
    node.comments.append("原文句中带分值的要求，写成子项（docs/language.md 4.4）")
    node.text = ["；".join(kept)] if kept else []
    node.lead = ""


def _child_marker(level: int, k: int) -> str:
    cn = "一二三四五六七八九十"
    word = cn[k - 1] if k <= 10 else str(k)
    return {0: f"{word}、", 1: f"（{word}）", 2: f"{k}、"}.get(level, f"（{k}）")


def total_points(nodes: list[DNode]) -> Decimal | None:
    points = [Decimal(n.points) for n in nodes if n.points is not None and n.bonus_cap is None]
    return sum(points, Decimal(0)) if points else None
