"""`xize sql POLICY --dialect duckdb|spark|postgres`: the policy as one SQL query.

The query reads a facts table (one text column per fact, named as in 数据, and the
unit column 单位) and gives each unit's score; `--items` gives the 扣分明细 rows.
It is printed, or written atomically with `-o`.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from xize.compiler.backends import DIALECTS, SqlUnsupported, compile_sql

from .cmd_common import LANG, guarded
from .loading import load_or_fail
from .terminal import EXIT_ERROR, EXIT_USAGE, Failure, say, warn


@click.command("sql")
@click.argument("policy")
@click.option(
    "--dialect",
    type=click.Choice(DIALECTS),
    default="duckdb",
    show_default=True,
    help="SQL 方言 / the engine the query is for",
)
@click.option(
    "--table",
    default="facts",
    show_default=True,
    help="数据表名 / the facts table (a.b for a schema)",
)
@click.option("--items", is_flag=True, help="输出扣分明细查询 / the 扣分明细 query instead")
@click.option("-o", "--output", default=None, help="写入文件 / file to write (default: stdout)")
@LANG
@guarded
def sql_command(
    policy: str, dialect: str, table: str, items: bool, output: str | None, lang: str
) -> int:
    """把细则编译为 SQL 查询 / compile a policy to one SQL query."""
    compiled = load_or_fail(policy, lang)
    if not table.strip():
        raise Failure("--table 不能为空" if lang == "zh" else "--table is empty", EXIT_USAGE)
    try:
        text = compile_sql(compiled.ir, dialect, table=table, items=items)
    except SqlUnsupported as exc:
        what = "cannot be compiled to SQL" if lang == "en" else "无法编译为 SQL"
        warn(f"{policy}: {what}: {exc}")
        return EXIT_ERROR
    text = text.rstrip("\n") + ";\n"
    if output is None:
        say(text.rstrip("\n"))
        return 0
    target = Path(output)
    if Path(policy).resolve() == target.resolve():
        raise Failure(
            "-o would overwrite the policy" if lang == "en" else "-o 不能覆盖细则文件本身",
            EXIT_USAGE,
        )
    if str(target.parent) and not target.parent.exists():
        raise Failure(
            f"目录不存在：{target.parent}" if lang == "zh" else f"no folder {target.parent}"
        )
    tmp = target.with_name(f".{target.name}.part")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    warn(f"已生成：{target}" if lang == "zh" else f"wrote {target}")
    return 0
