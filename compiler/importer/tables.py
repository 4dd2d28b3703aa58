"""Tables → blocks: the 项目 / 分值 / 考核内容 / 评分标准 layout becomes outline nodes.

The common layout of a 细则 in a table: one row per scored requirement, the item
(`项目`, merged down over its rows), the points (`分值`, merged with the item or one per
row), what is required (`考核内容`) and how it is scored (`评分标准`).  An item becomes a
node; when its rows have points of their own, each row becomes a sub-item.  Items and
rows without a printed number get one in table order (the draft says so).  Any other
table (the grade table, the data appendix of a rendered document, a table of unknown
columns) is passed on as rows.
"""

from __future__ import annotations

import re

from ..source.text import normalise
from .reading import Block, Cell, Grid, Heading, Table, Text

ITEM_WORDS = ("考核项目", "考评项目", "项目", "类别", "一级指标", "考核类别")
POINTS_WORDS = ("分值", "分数", "标准分", "满分")
CONTENT_WORDS = ("考核内容", "考评内容", "工作内容", "二级指标", "考核要点", "工作要求", "内容")
CRITERIA_WORDS = (
    "评分标准",
    "考核标准",
    "考评标准",
    "扣分标准",
    "计分方法",
    "评分办法",
    "评分细则",
    "考核办法",
    "评分方法",
)

_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*分?\s*$")
_MARKER = re.compile(
    r"^\s*([一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}(?:、|[.．](?!\d))|[(（]\d{1,2}[)）])"
)
_CN = "一二三四五六七八九十"


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text))


def _role(header: str) -> str | None:
    h = _clean(header)
    for role, words in (
        ("criteria", CRITERIA_WORDS),
        ("content", CONTENT_WORDS),
        ("points", POINTS_WORDS),
        ("item", ITEM_WORDS),
    ):
        if any(w in h for w in words):
            return role
    return None


def _unique_row(row: list[Cell]) -> tuple[str, ...]:
    return tuple(c.text for c in row if c.first_col)


def table_blocks(grid: Grid) -> list[Block]:
    """The blocks a table stands for (see the module docstring)."""
    rows = [r for r in grid.rows if any(c.text.strip() for c in r)]
    if not rows:
        return []
    for h, row in enumerate(rows[:3]):
        roles: dict[str, int] = {}
        for col, cell in enumerate(row):
            role = _role(cell.text) if cell.first_col else None
            if role and role not in roles and len(_clean(cell.text)) <= 8:
                roles[role] = col
        if "criteria" in roles and len(roles) >= 2 or {"item", "points"} <= roles.keys():
            return [Text(t) for r in rows[:h] for t in _unique_row(r) if t] + _scoring(
                rows[h + 1 :], roles, [c.text for c in row]
            )
    return [Table(tuple(_unique_row(r) for r in rows))]


def _cn(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else _CN[n - 1]
    return ("" if n < 20 else _CN[n // 10 - 1]) + "十" + ("" if n % 10 == 0 else _CN[n % 10 - 1])


def _points_of(cell: Cell | None) -> str | None:
    if cell is None:
        return None
    m = _NUMBER.match(normalise(cell.text))
    return m.group(1) if m else None


#: Points printed in the item's own cell: `医疗质量与安全（30分）`.
_TITLE_POINTS = re.compile(r"\(\s*(\d+(?:\.\d+)?)\s*分\s*\)\s*$")
#: A row that only sums the table up (`合计 | 100`): no item of the outline.
_TOTAL_WORDS = ("合计", "总计", "小计", "总分", "合计分值")


def _is_total(head: Cell | None) -> bool:
    return head is not None and _clean(head.text) in _TOTAL_WORDS


def _split_marker(text: str) -> tuple[str, str]:
    m = _MARKER.match(text)
    return (m.group(1), text[m.end() :].strip()) if m else ("", text.strip())


def _scoring(rows: list[list[Cell]], roles: dict[str, int], header: list[str]) -> list[Block]:
    item_col = roles.get("item")
    points_col = roles.get("points")
    content_col = roles.get("content")
    if item_col is None and content_col is not None:  # each row is an item of its own
        item_col, content_col = content_col, None
    criteria_col = roles.get("criteria")
    used = {c for c in roles.values()}
    others = [c for c in range(len(header)) if c not in used and header[c].strip()]

    def cell(row: list[Cell], col: int | None) -> Cell | None:
        return row[col] if col is not None and col < len(row) else None

    # group rows by item (a new item starts where its cell is not a continuation)
    groups: list[list[list[Cell]]] = []
    for row in rows:
        first = cell(row, item_col)
        if not groups or first is None or not first.continued:
            groups.append([row])
        else:
            groups[-1].append(row)

    out: list[Block] = []
    groups = [g for g in groups if not _is_total(cell(g[0], item_col))]
    for g, group in enumerate(groups, start=1):
        head = cell(group[0], item_col)
        row_points = [cell(r, points_col) for r in group]
        points_merged = len(group) == 1 or all(
            p is not None and p.continued for p in row_points[1:]
        )
        per_row = not points_merged and item_col is not None
        if item_col is not None and head is not None and head.text.strip():
            marker, title = _split_marker(head.text.replace("\n", ""))
            comment = "" if marker else "原表此项无编号，编号按表中顺序添加"
            points = _points_of(row_points[0]) if points_merged else None
            stated = _TITLE_POINTS.search(normalise(title))
            if stated is not None:  # `医疗质量与安全（30分）`: the item states its points
                title = title[: stated.start()].rstrip()
                points = points if points_merged and points is not None else stated.group(1)
            elif per_row and points is None:
                found = [_points_of(p) for p in row_points if p is not None and not p.continued]
                if found and all(found):
                    from decimal import Decimal

                    total = sum(Decimal(x) for x in found if x)
                    points = format(total.normalize(), "f")
                    comment = "；".join(
                        filter(None, [comment, "本项分值为表中各行分值之和（原表未单列）"])
                    )
            out.append(Heading(marker or f"（{_cn(g)}）", title, points, comment))
        k = 0  # the rows that are items of their own, numbered in order
        for r, row in enumerate(group, start=1):
            content = cell(row, content_col)
            criteria = cell(row, criteria_col)
            shared = cell(row, points_col)
            if per_row and r > 1 and shared is not None and shared.continued:
                # `6` merged over this row and the one above: one item of 6 points whose
                # sentences are in two rows, not two items of 6 each
                if content is not None and not content.continued and content.text.strip():
                    out.append(Text(content.text.replace("\n", ""), split=False))
            elif per_row:
                pts = _points_of(cell(row, points_col))
                title_source = content.text if content is not None and content.text.strip() else ""
                marker, title = _split_marker(title_source.replace("\n", ""))
                if title or pts:
                    k += 1
                    out.append(
                        Heading(
                            marker or f"{k}、",
                            title,
                            pts,
                            "" if marker else "原表此行无编号，编号按表中顺序添加",
                        )
                    )
            elif content is not None and not content.continued and content.text.strip():
                out.append(Text(content.text.replace("\n", ""), split=False))
            if criteria is not None and not criteria.continued and criteria.text.strip():
                out.extend(Text(t, split=False) for t in criteria.text.split("\n") if t.strip())
            for col in others:
                extra = cell(row, col)
                if extra is not None and not extra.continued and extra.text.strip():
                    out.append(Text(f"{header[col].strip()}：{extra.text.strip()}", split=False))
    return out
