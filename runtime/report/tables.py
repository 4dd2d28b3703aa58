"""The shape of a scoring report: its tables, their columns, and one result as rows.

Every output format (xlsx, csv, json) and the terminal summary draw on these
tables, so a column means the same thing wherever it appears.  Values stay exact
(Decimal) here; each writer decides how to put them on the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xize.compiler.ir import nodes as ir

from ..text.fmt import decimal_text, node_label, value_text
from ..text.problems import RowError
from .sentences import ItemWords, signed_amount

SUMMARY = "汇总"
DETAILS = "扣分明细"
ERRORS = "错误"
ABOUT = "说明"

SUMMARY_HEAD = ("单位", "总分", "等次", "排名", "状态", "原因", "标签")
RANK_COLUMN = SUMMARY_HEAD.index("排名")
GRADE_COLUMN = SUMMARY_HEAD.index("等次")
LABEL_COLUMN = SUMMARY_HEAD.index("标签")
#: A unit without a grade, where band numbers are kept (in an unsigned 16-bit array).
NO_GRADE = 0xFFFF
STATUS_COLUMN = SUMMARY_HEAD.index("状态")

#: What 状态 says of a unit: the policy's status, except that a vetoed unit (which
#: the policy still scores and ranks, last) reads 一票否决 rather than 正常.
NORMAL = "正常"
VETOED = "一票否决"
DISQUALIFIED = "取消考评资格"
#: The 状态 values a reader must not miss (the row is filled in the workbook).
FLAGGED = (VETOED, DISQUALIFIED)
#: The explanation note of a grade ceiling (`一票否优：等次最高为良好`), named in 原因 too.
GRADE_LIMITED = "一票否优"
DETAIL_COLUMNS = ("单位", "节点", "条款原文", "行号", "所用数据", "应扣", "实扣", "类型", "备注")
ERROR_COLUMNS = ("行", "单位", "列", "值", "问题")

_KIND_WORDS = {"deduct": "扣分", "bonus": "加分", "outcome": "结果"}


@dataclass(frozen=True)
class NodeColumn:
    """A top-level scoring category shown as one 汇总 column.

    `negate` marks a category without points, shown as its (negative) deduction."""

    path: str
    title: str
    negate: bool


def node_columns(policy: ir.Policy) -> list[NodeColumn]:
    """One column per top-level category; a heading without points (`一、综合`)
    is replaced by its children, so every column is a category that has a score."""
    columns: list[NodeColumn] = []

    def visit(node: ir.Node) -> None:
        if node.points is not None or node.bonus_cap is not None or not node.children:
            negate = node.points is None and node.bonus_cap is None
            columns.append(NodeColumn(node.path, node_label(node.path, node.title), negate))
        else:
            for child in node.children:
                visit(child)

    for node in policy.nodes:
        visit(node)
    return columns


class Layout:
    """A policy's report tables: headers, and how a Result becomes rows."""

    def __init__(self, policy: ir.Policy, lang: str = "zh", multiple_files: bool = False):
        self.policy = policy
        self.lang = lang
        self.words = ItemWords(policy, lang)
        self.nodes = node_columns(policy)
        self.titles = {n.path: n.title for n in policy.walk()}
        self.multiple_files = multiple_files
        self.summary_columns = SUMMARY_HEAD + tuple(c.title for c in self.nodes)
        self.error_columns = (("文件",) if multiple_files else ()) + ERROR_COLUMNS
        # Texts that units share (the same clause, inputs and amounts recur across a
        # large batch), keyed by what they are made of.  A key compares values, so
        # 2.5 and 2.50 share an entry: right, because their text is the same.
        self._labels: dict[str, str] = {}
        self._inputs: dict[tuple, str] = {}
        self._notes: dict[tuple, str] = {}
        self._bands = {band.name: i for i, band in enumerate(policy.bands)}

    def band_number(self, grade: str | None) -> int:
        """A grade's position among the bands (0 the highest), NO_GRADE for none."""
        return self._bands.get(grade, NO_GRADE) if grade else NO_GRADE

    def summary_row(self, result) -> tuple:
        """单位, 总分, 等次, 排名 (filled in later), 状态, 原因, 标签, then each category."""
        row: list[object] = [
            result.unit,
            result.total,
            result.grade or "",
            None,
            shown_status(result),
            status_reason(result),
            "、".join(result.labels),
        ]
        for column in self.nodes:
            record = result.nodes.get(column.path)
            if record is None:
                row.append(None)
            elif column.negate:
                row.append(negated(record.deduction))
            else:
                row.append(record.score)
        return tuple(row)

    def detail_rows(self, result) -> Iterator[tuple]:
        """One row per item that fired: bonuses as negative amounts, so that 实扣 adds up
        to 满分 − 总分 for each unit."""
        for item in result.items:
            nominal = item.nominal or Decimal(0)
            yield (
                result.unit,
                self._label(item.path),
                item.text,
                item.line,
                self._inputs_text(item),
                negated(nominal) if item.kind == "bonus" else nominal,
                signed_amount(item),
                _KIND_WORDS.get(item.kind, item.kind),
                self._note(item),
            )

    def _label(self, path: str) -> str:
        label = self._labels.get(path)
        if label is None:
            label = self._labels[path] = node_label(path, self.titles.get(path, ""))
        return label

    def _inputs_text(self, item) -> str:
        text = self._inputs.get(item.inputs)
        if text is None:
            text = self.words.inputs(item, "；")
            _remember(self._inputs, item.inputs, text)
        return text

    def _note(self, item) -> str:
        key = (item.clause, item.kind, item.raw, item.nominal, item.applied, item.note)
        text = self._notes.get(key)
        if text is None:
            text = self.words.note(item)
            _remember(self._notes, key, text)
        return text

    def error_row(self, error: RowError) -> tuple:
        value = "" if error.value is None else value_text(error.value, lang=self.lang)
        row = (error.row, error.unit, error.column, value, error.text(self.lang))
        return ((error.path,) + row) if self.multiple_files else row


def shown_status(result) -> str:
    """状态 as a reader of 汇总 needs it: 一票否决 is a status of its own."""
    if result.status == NORMAL and result.vetoed:
        return VETOED
    return result.status


def status_reason(result) -> str:
    """Why a unit is vetoed, disqualified or barred from a grade (一票否优): each
    clause that did it, with its line (`第129行：【处置不力造成重大影响】的，取消当年考评资格`);
    empty otherwise."""
    seen: list[str] = []
    for item in result.items:
        if item.kind == "outcome" and (
            item.note in FLAGGED or (item.note or "").startswith(GRADE_LIMITED)
        ):
            text = f"第{item.line}行：{(item.text or '').strip()}"
            if text not in seen:
                seen.append(text)
    return "；".join(seen)


#: Entries a text cache keeps; past that it starts again (a batch of all-distinct
#: inputs must not grow memory).
_CACHE_SIZE = 4096


def _remember(cache: dict, key: object, text: str) -> None:
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[key] = text


def negated(value: Decimal | int) -> Decimal | int:
    """−value exactly: Decimal's minus sign rounds to the context's 28 digits."""
    return value.copy_negate() if isinstance(value, Decimal) else -value


def about_rows(
    policy: ir.Policy,
    counts: list[tuple[str, object]],
    files: list[str],
    scored_on: date | None = None,
) -> list[tuple]:
    """The 说明 sheet: what was scored with what, and on which day.  A date, not a
    time: scoring the same data with the same policy on one day (or with the same
    --date or SOURCE_DATE_EPOCH) gives the same file."""
    rows: list[tuple] = [
        ("细则", policy.title),
        ("年度", policy.year),
        ("满分", policy.full_marks),
        ("精度", decimal_text(policy.precision) if policy.precision is not None else "精确"),
        ("细则文件", policy.filename),
        ("细则哈希（SHA-256）", policy.source_hash),
        ("数据文件", "；".join(files)),
    ]
    if scored_on is not None:
        rows.append(("计分日期", scored_on.isoformat()))
    rows.extend(counts)
    rows.append(
        (
            "说明",
            "分数为精确小数：数值单元格按原值写出，超过 Excel 精度（约15位有效数字）的数值以文本写出。"
            "扣分明细中加分记为负数，每个单位的“实扣”之和等于满分减总分"
            + ("（精度舍入之前）。" if policy.precision is not None else "。"),
        )
    )
    return rows
