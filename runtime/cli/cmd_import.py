"""`xize import DOC.docx|DOC.txt|DOC.md [-o DRAFT.rule]`: draft a policy from its document.

The draft is written (atomically: a temporary file in the target folder, then a
rename), then compiled through the public API, and a summary is printed: nodes,
points, scoring sentences drafted and left `待处理`, and the diagnostics of `check`.
An existing file is never overwritten without `--force`, and never the document read.
"""

from __future__ import annotations

from pathlib import Path

import click
from xize.compiler import PolicyError, compile_policy
from xize.compiler.diagnostics import render, sort_diagnostics
from xize.compiler.importer import ImportFailure, import_document

from ..output.atomic import atomic_file, same_file
from ..text.problems import OutputFileError
from .cmd_common import LANG, guarded
from .terminal import EXIT_ERROR, EXIT_OK, EXIT_USAGE, Failure, say, warn


@click.command("import")
@click.argument("document")
@click.option(
    "-o",
    "--output",
    default=None,
    help="草稿文件（默认：与原文件同名的 .rule；“-” 输出到屏幕）/ the draft to write "
    "(default: the document's name with .rule; '-' for stdout)",
)
@click.option("--force", is_flag=True, help="覆盖已有的文件 / overwrite an existing file")
@LANG
@guarded
def import_command(document: str, output: str | None, force: bool, lang: str) -> int:
    """从 Word 或文本文件起草细则文件 / draft a .rule file from a .docx, .txt or .md document."""
    en = lang == "en"
    source = Path(document)
    if not source.exists():
        raise Failure(f"no such file: {document}" if en else f"找不到文件：{document}", EXIT_USAGE)
    target = None if output == "-" else Path(output) if output else source.with_suffix(".rule")
    if target is not None:
        if same_file(target, source):
            raise Failure(
                "the draft would overwrite the document itself" if en else "草稿不能覆盖原文件",
                EXIT_USAGE,
            )
        if target.exists() and not force:
            raise Failure(
                f"{target} exists; use --force to overwrite it or -o to choose another file"
                if en
                else f"{target} 已存在：加 --force 覆盖，或用 -o 另选文件名",
                EXIT_USAGE,
            )
    try:
        draft = import_document(source)
    except ImportFailure as exc:
        raise Failure(str(exc)) from None
    if target is None:
        say(draft.text.rstrip("\n"))
    else:
        _write_atomic(target, draft.text, lang)
        warn(f"wrote {target}" if en else f"已写出 {target}")
    diagnostics, errors = _check(draft.text, str(target or "<draft>"), lang)
    _summary(draft.summary, errors, len(diagnostics) - errors, lang)
    return EXIT_ERROR if errors else EXIT_OK


def _check(text: str, filename: str, lang: str) -> tuple[list, int]:
    try:
        policy = compile_policy(text, filename=filename, lang=lang)
        diagnostics, source = list(policy.diagnostics), policy.source
    except PolicyError as exc:
        diagnostics, source = list(exc.diagnostics), exc.source
    diagnostics = [d for d in sort_diagnostics(diagnostics) if d.code != "W310"]
    for diag in diagnostics:
        warn(render(diag, source, lang))
        warn("")
    return diagnostics, sum(1 for d in diagnostics if d.is_error)


def _summary(summary, errors: int, warnings: int, lang: str) -> None:
    s = summary
    points = s.points or "—"
    if lang == "en":
        warn(
            f"{s.nodes} nodes, {points} points in the top-level items (full marks {s.full_marks}); "
            f"{s.sentences} scoring sentences: {s.drafted} drafted as {s.clauses} clauses, "
            f"{s.pending} left as 待处理; {s.facts} data items; "
            f"check: {errors} errors, {warnings} warnings"
        )
        if not s.bands:
            warn(
                "no grade bands drafted: scores will carry no grade; write the document's "
                "grades under `等次：` (see the 等次 lines left as comments, if any)"
            )
    else:
        warn(
            f"评分项 {s.nodes} 个，一级评分项合计 {points} 分（满分 {s.full_marks} 分）；"
            f"评分句 {s.sentences} 句：起草为条款 {s.drafted} 句（{s.clauses} 条），"
            f"待处理 {s.pending} 句；数据项 {s.facts} 个；检查：错误 {errors} 个，警告 {warnings} 个"
        )
        if not s.bands:
            warn(
                "草稿没有等次：计分结果不评等次，请照原文在 `等次：` 下写出各档（原文的等次句如留作注释，请据以改写）"
            )


def _write_atomic(target: Path, text: str, lang: str) -> None:
    """Write the draft whole (`output.atomic`: temporary file, fsync, rename)."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise Failure(f"no such folder: {folder}" if lang == "en" else f"文件夹不存在：{folder}")
    try:
        with atomic_file(target, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OutputFileError as exc:
        raise Failure(exc.render(lang)) from None
