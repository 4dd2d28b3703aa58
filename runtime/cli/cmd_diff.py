"""`xize diff OLD NEW [--data DATA] [-o OUT.xlsx|.md]`: the revision notes of a policy.

Without `--data` it lists what changed in the rules; with it, every unit of the data
file is scored under both versions and the total, 等次 and 排名 changes are listed,
largest first.  Output: Markdown on stdout, or a .md / .xlsx file with `-o`.
"""

from __future__ import annotations

from pathlib import Path

import click
from xize.compiler.diff import diff, diff_markdown, score_changes

from ..io.dataset import Dataset, UnitRow
from ..output.atomic import write_text
from ..text.i18n import t
from .cmd_common import LANG, guarded
from .loading import load_or_fail
from .outpaths import refuse_overwrite
from .terminal import EXIT_USAGE, Failure, say, warn


@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--data", "data", default=None, help="数据文件：按两个版本分别计分 / score units under both"
)
@click.option("-o", "--output", default=None, help="输出 .md 或 .xlsx / write .md or .xlsx")
@LANG
@guarded
def diff_command(old: str, new: str, data: str | None, output: str | None, lang: str) -> int:
    """比较细则的两个版本，生成修订说明 / list the changes between two policy versions."""
    suffix = Path(output).suffix.lower() if output else ".md"
    if suffix not in (".md", ".xlsx"):
        raise Failure(
            "-o must end in .md or .xlsx" if lang == "en" else "-o 的文件应为 .md 或 .xlsx",
            EXIT_USAGE,
        )
    if output is not None:
        refuse_overwrite([output], [old, new, *([data] if data else [])], lang)
    a, b = load_or_fail(old, lang), load_or_fail(new, lang)
    changes = diff(a, b)
    scores = None
    if data is not None:
        scores = score_changes(a, b, _rows(data, a, lang), _rows(data, b, lang))
    if suffix == ".xlsx":
        from ..output.diff_xlsx import write_diff_xlsx

        write_diff_xlsx(output, changes, scores)
        warn(t("written", lang, path=output))
        return 0
    text = diff_markdown(a, b, changes, scores)
    if output is None:
        say(text.rstrip("\n"))
    else:
        write_text(output, text)
        warn(t("written", lang, path=output))
    return 0


def _rows(path: str, policy, lang: str) -> list[dict[str, object]]:
    """The data file's units read against one version's facts.

    A row the reader rejects for this version (a missing value, a bad cell) is kept
    with its raw cells, so that it scores as 数据错误 rather than vanishing."""
    dataset = Dataset([path], policy.ir.facts)
    for notice in dataset.notices:
        if notice.level == "error":
            warn(notice.render(lang))
    rows = []
    for row in dataset.rows():
        if not isinstance(row, UnitRow):
            continue
        facts = dict(row.facts)
        if row.problem is not None:
            facts = {"单位": row.unit or f"第{row.row}行", **row.raw}
        rows.append(facts)
    return rows
