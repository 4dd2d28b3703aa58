"""The `xize` command line: options in, one command body called, an exit code out.

Exit codes: 0 success; 1 an error in a policy or in data (or warnings under
--strict); 2 a usage error; 3 an internal error.  A user never sees a traceback:
errors are printed as messages, and an unexpected exception prints a short note
asking for a report (the traceback only with XIZE_DEBUG=1).
"""

from __future__ import annotations

import importlib
import os
import sys
from decimal import Decimal, InvalidOperation

import click

from . import commands
from .clickzh import Context, usage_error_text
from .cmd_common import LANG, LANG_KEY, guarded, quiet_broken_pipe
from .terminal import warn

#: The policy-text tools, each in a module of its own, imported when its command runs
#: (or for `--help`): the importer alone takes half a second to import, which every
#: `xize check` and `xize score` would otherwise pay.
TOOLS: dict[str, tuple[str, str]] = {
    "fmt": (".cmd_fmt", "fmt_command"),
    "render": (".cmd_render", "render_command"),
    "diff": (".cmd_diff", "diff_command"),
    "explain-error": (".cmd_errors", "explain_error_command"),
    "import": (".cmd_import", "import_command"),
    "sql": (".cmd_sql", "sql_command"),
}


class Group(click.Group):
    """The `xize` group: Chinese help headings for it and every command, the command
    list never cut short, and usage errors in the user's language."""

    context_class = Context

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        cmd.context_class = Context
        super().add_command(cmd, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *TOOLS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in TOOLS:
            module, name = TOOLS[cmd_name]
            self.add_command(getattr(importlib.import_module(module, __package__), name))
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        found = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        rows = [
            (name, command.get_short_help_str(limit=1000))
            for name, command in found
            if command is not None and not command.hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(argv, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            warn(usage_error_text(exc, _lang_of(argv)))
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            warn("Aborted!" if _lang_of(argv) == "en" else "已中断")
            sys.exit(1)
        except BrokenPipeError:
            quiet_broken_pipe()
            sys.exit(0)
        sys.exit(code if isinstance(code, int) else 0)


def _lang_of(argv: list[str]) -> str:
    """The language asked for on the command line (or XIZE_LANG), before parsing."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "zh"
    return "en" if os.environ.get("XIZE_LANG") == "en" else "zh"


def _remember_lang(ctx: click.Context, _param, value: str) -> str:
    ctx.meta[LANG_KEY] = value
    return value


@click.group("xize", cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="xize", prog_name="xize")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    envvar="XIZE_LANG",
    show_default=True,
    is_eager=True,
    expose_value=False,
    callback=_remember_lang,
    help="提示信息的语言，各命令通用 / language of messages for every command",
)
def cli() -> None:
    """xize：考评细则编译器。检查、编译、测试细则，按细则给各单位精确计分并说明每一处扣分。

    A compiler for Chinese scoring rules (考评细则): check, compile and test a
    policy, then score units exactly with every deduction explained.
    """


@cli.command("check")
@click.argument("policies", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="有警告也视为失败 / fail on warnings too")
@click.option(
    "--no-tests",
    "no_tests",
    is_flag=True,
    help="不运行 测试 块 / do not run the 测试 blocks",
)
@LANG
@guarded
def check_cmd(policies: tuple[str, ...], strict: bool, no_tests: bool, lang: str) -> int:
    """检查细则文件并运行其中的 测试 块 / check policies and run their 测试 blocks.

    列出错误和警告（带行号、插入符和提示），再运行每份没有错误的细则中的 测试 块；
    有错误或测试失败时退出码为 1。只想看诊断时加 --no-tests。

    Lists errors and warnings, then runs the 测试 blocks of every policy without
    errors; exits 1 on an error or a failing test.
    """
    return commands.check(list(policies), strict=strict, lang=lang, tests=not no_tests)


@cli.command("compile")
@click.argument("policy")
@click.option(
    "-o", "--output", help="输出的 Python 模块 / the module file to write (default: stdout)"
)
@LANG
@guarded
def compile_cmd(policy: str, output: str | None, lang: str) -> int:
    """把细则编译为独立的 Python 模块 / compile a policy into a standalone module."""
    return commands.compile_module(policy, output, lang=lang)


class PercentType(click.ParamType):
    """A percentage 0–100 read as a Decimal (never a float): `90`, `87.5`, `87.5%`."""

    name = "percent"

    def convert(self, value, param, ctx):
        if isinstance(value, Decimal):
            return value
        text = str(value).strip().removesuffix("%").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or not 0 <= number <= 100:
            self.fail(
                f"“{value}” 不是 0 到 100 之间的百分数 / is not a percentage 0–100", param, ctx
            )
        return number


@cli.command("test")
@click.argument("policies", nargs=-1, required=True)
@click.option(
    "--junit",
    "junit",
    metavar="FILE",
    help="把测试结果写为 JUnit XML / write the test results as JUnit XML",
)
@click.option(
    "--fail-under",
    "fail_under",
    type=PercentType(),
    metavar="N",
    help="任一细则测试覆盖率低于 N% 即失败 / fail when any policy's coverage is below N%",
)
@LANG
@guarded
def test_cmd(
    policies: tuple[str, ...], junit: str | None, fail_under: Decimal | None, lang: str
) -> int:
    """运行细则中的 测试 块并报告覆盖率 / run the 测试 blocks of policies, report coverage."""
    from .testreport import run_tests

    return run_tests(list(policies), lang=lang, junit=junit, fail_under=fail_under)


@cli.command("score")
@click.argument("policy")
@click.argument("data", nargs=-1, required=True)
@click.option(
    "-o", "--output", help="结果文件（.xlsx、.csv 或 .json）/ report file (.xlsx, .csv or .json)"
)
@click.option("--strict", is_flag=True, help="有警告即不计分 / stop on any warning")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="用 N 个进程计分，结果与单进程完全相同 / score in N processes; "
    "the results are identical to one process",
)
@click.option(
    "--sort",
    type=click.Choice(["input", "rank"]),
    default="input",
    help="汇总表的顺序：input 按数据文件中的顺序（默认），rank 按排名 / "
    "order of 汇总: as in the data (default) or by rank",
)
@click.option(
    "--date",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="写入说明表的计分日期，默认今天（设了 SOURCE_DATE_EPOCH 时取其日期）/ "
    "the date of scoring shown in 说明 (default: today, or SOURCE_DATE_EPOCH's date)",
)
@click.option(
    "--engine",
    type=click.Choice(["python", "duckdb"]),
    default="python",
    show_default=True,
    help="计分引擎：python，或 duckdb（用细则的 SQL 查询在内嵌 DuckDB 中计分，结果文件相同）/ "
    "scoring engine: python, or duckdb (the policy's SQL query in embedded DuckDB; "
    "the same report files)",
)
@LANG
@guarded
def score_cmd(
    policy: str,
    data: tuple[str, ...],
    output: str | None,
    strict: bool,
    jobs: int,
    sort: str,
    on,
    engine: str,
    lang: str,
) -> int:
    """按细则给数据文件中的每个单位计分 / score every unit in the data files.

    大文件可用 --jobs N 分给 N 个进程计分（如 --jobs 2）；平均值、排名、重名检查和输出顺序
    仍按全部数据一并计算，结果文件与单进程逐字节相同。

    For large files, --jobs N shares the rows among N processes; batch means, ranks,
    repeated names and output order are still computed over the whole batch, so the
    reports are byte for byte the same as with one process.
    """
    from . import scoring

    return scoring.score(
        policy,
        list(data),
        output=output,
        strict=strict,
        jobs=jobs,
        lang=lang,
        sort=sort,
        on=on.date() if on is not None else None,
        engine=engine,
    )


@cli.command("explain")
@click.argument("policy")
@click.argument("data")
@click.option("--unit", "unit", required=True, help="单位名称 / the unit's name")
@LANG
@guarded
def explain_cmd(policy: str, data: str, unit: str, lang: str) -> int:
    """逐项说明一个单位的得分 / explain one unit's score, clause by clause."""
    from . import scoring

    return scoring.explain(policy, data, unit, lang=lang)


@cli.command("template")
@click.argument("policy")
@click.option("-o", "--output", required=True, help="数据模板 .xlsx / the data workbook to write")
@LANG
@guarded
def template_cmd(policy: str, output: str, lang: str) -> int:
    """生成填报数据用的 Excel 模板 / write an Excel workbook to fill in the data."""
    return commands.template(policy, output, lang=lang)


def main() -> None:
    """The console script (and `python -m xize`)."""
    cli.main(prog_name="xize")
