"""What `xize score` prints: counts, the grade distribution, the top and bottom units,
and the first rows that could not be scored.

The numbers here must add up the same way as the report: rows read = units scored +
rows with errors (blank rows are counted apart).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from xize.compiler.ir import nodes as ir

from ..batch.batch import Scoring
from ..report.tables import DISQUALIFIED, STATUS_COLUMN, VETOED
from ..text.fmt import decimal_text
from ..text.i18n import t
from ..text.safe import visible_line

#: How many units the top and bottom tables show, and how many error rows are listed.
SHOWN = 5
ERRORS_SHOWN = 10


def counts(scoring: Scoring, lang: str = "zh") -> list[tuple[str, object]]:
    """The counts as (label, number) pairs, for the terminal and the 说明 sheet."""
    tally = scoring.tally
    rows: list[tuple[str, object]] = [
        (t("count_rows", lang), tally.rows_in),
        (t("count_scored", lang), tally.scored),
        (t("count_failed", lang), tally.failed),
        (t("count_blank", lang), tally.blank),
    ]
    disqualified = tally.statuses.get(DISQUALIFIED, 0)
    if disqualified:
        rows.append((t("count_disqualified", lang), disqualified))
    if tally.vetoed:
        rows.append((t("count_vetoed", lang), tally.vetoed))
    return rows


def about_counts(scoring: Scoring, policy: ir.Policy) -> list[tuple[str, object]]:
    """The counts for the 说明 sheet (always in Chinese, like the sheet), with grades."""
    rows = counts(scoring, "zh")
    rows.extend((f"等次：{name}", number) for name, number in grade_rows(scoring, policy))
    return rows


def grade_rows(scoring: Scoring, policy: ir.Policy) -> list[tuple[str, int]]:
    """Units per grade, in the policy's band order (bands nobody reached included)."""
    names = [b.name for b in policy.bands]
    extra = [g for g in scoring.tally.grades if g not in names]
    return [(name, scoring.tally.grades.get(name, 0)) for name in names + extra]


def summary_view(scoring: Scoring, policy: ir.Policy, lang: str = "zh") -> RenderableType:
    """The rich renderable printed after scoring."""
    parts: list[RenderableType] = [Text(policy_heading(policy, lang), style="bold")]
    tally = scoring.tally
    parts.append(
        Text(
            t(
                "summary_counts",
                lang,
                rows=tally.rows_in,
                scored=tally.scored,
                failed=tally.failed,
                blank=tally.blank,
            )
        )
    )
    outcomes = []
    if tally.statuses.get(DISQUALIFIED):
        outcomes.append(t("summary_disqualified", lang, n=tally.statuses[DISQUALIFIED]))
    if tally.vetoed:
        outcomes.append(t("summary_vetoed", lang, n=tally.vetoed))
    if outcomes:
        parts.append(Text(t("list_sep", lang).join(outcomes)))
        parts.extend(Text(line) for line in flagged_lines(scoring, lang))
    bands = grade_rows(scoring, policy)
    if bands and tally.scored:
        table = Table(title=t("summary_grades", lang), title_justify="left")
        table.add_column(t("col_grade", lang))
        table.add_column(t("col_units", lang), justify="right")
        for name, number in bands:
            table.add_row(_plain(name), str(number))
        ungraded = tally.scored - sum(n for _, n in bands)
        if ungraded:
            table.add_row(t("no_grade", lang), str(ungraded))
        parts.append(table)
    ranked = len(scoring.order)
    if ranked:
        top = scoring.order[:SHOWN]
        bottom = scoring.order[max(SHOWN, ranked - SHOWN) :]  # never repeats the top
        rows = scoring.rows_at(set(top) | set(bottom))
        parts.append(_rank_table(t("summary_top", lang, n=len(top)), top, rows, scoring, lang))
        if bottom:
            parts.append(
                _rank_table(t("summary_bottom", lang, n=len(bottom)), bottom, rows, scoring, lang)
            )
    return Group(*parts)


def policy_heading(policy: ir.Policy, lang: str = "zh") -> str:
    """The policy's title, with its year only when the title does not already say it
    (`2023年度信访工作考评细则`, not `…细则（2023年度）`)."""
    if str(policy.year) in policy.title:
        return policy.title
    return t("summary_title", lang, title=policy.title, year=policy.year)


def flagged_lines(scoring: Scoring, lang: str = "zh") -> list[str]:
    """One line per vetoed or disqualified unit, with the clause and line that did it,
    and how many more there are."""
    lines = [
        "  " + t("flagged_line", lang, unit=unit, status=status, reason=_reason(reason, lang))
        for _position, unit, status, reason in scoring.flagged
    ]
    tally = scoring.tally
    flagged = tally.vetoed + tally.statuses.get(DISQUALIFIED, 0)
    if flagged > len(lines):
        lines.append("  " + t("flagged_more", lang, n=flagged - len(lines)))
    return lines


_LINE = re.compile(r"第(\d+)行：")


def _reason(reason: str, lang: str) -> str:
    """The 原因 cell (`第129行：…`) as the terminal says it: `line 129: …` in English."""
    return _LINE.sub(r"line \1: ", reason) if lang == "en" else reason


def _rank_table(
    title: str, positions: Iterable[int], rows: dict[int, tuple], scoring: Scoring, lang: str
) -> Table:
    table = Table(title=title, title_justify="left")
    for key, justify in (
        ("col_rank", "right"),
        ("col_unit", "left"),
        ("col_total", "right"),
        ("col_grade", "left"),
    ):
        table.add_column(t(key, lang), justify=justify)
    for position in positions:
        row = rows[position]
        unit, total, grade, rank = row[0], row[1], row[2], row[3]
        grade = grade or "—"
        if row[STATUS_COLUMN] == VETOED:
            grade = t("grade_vetoed", lang, grade=grade)
        table.add_row(
            str(rank),
            _plain(str(unit)),
            decimal_text(total) if total is not None else "—",
            _plain(grade),
        )
    return table


def _plain(text: str) -> Text:
    """A name for a rich table: never read as markup, controls shown as escapes."""
    return Text(visible_line(text))


def error_lines(scoring: Scoring, lang: str = "zh", unit: str | None = None) -> list[str]:
    """The first rows that failed (of one unit, when given), one line each, and how many
    more there are."""
    lines = []
    multiple = scoring.layout.multiple_files
    shown = 0
    for row in scoring.errors:
        if unit is not None and row[2 if multiple else 1] != unit:
            continue
        if shown >= ERRORS_SHOWN:
            lines.append(t("errors_more", lang, n=scoring.errors.count - ERRORS_SHOWN))
            break
        shown += 1
        if multiple:
            path, number, name, _column, _value, problem = row
            where = t("where_file_row", lang, path=path, row=number)
        else:
            number, name, _column, _value, problem = row
            where = t("where_row", lang, row=number)
        lines.append(t("error_line", lang, where=where, unit=name or "—", problem=problem))
    return lines
