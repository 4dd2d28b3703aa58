"""click's own words in Chinese: the help page's headings and the usage errors.

click writes `Usage:`, `Options:`, `Commands:` and its error messages in English.
The help page here is Chinese first (each command's description is bilingual), so
its headings are Chinese; a usage error is put in the user's language (--lang or
XIZE_LANG) by `usage_error_text`.  click's text is matched by pattern, and a message
no pattern knows is shown as click wrote it, never lost.
"""

from __future__ import annotations

import re

import click

#: Section headings of a help page.
SECTIONS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}

USAGE_PREFIX = {"zh": "用法：", "en": "Usage: "}

#: click's usage-error messages → Chinese, as (pattern, replacement) pairs.
_ERRORS_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"^Missing argument (.+)\.$", r"缺少参数 \1"),
        (r"^Missing option (.+)\.$", r"缺少选项 \1"),
        (r"^No such option:? (.+?)\.?$", r"没有选项 \1"),
        (r"^No such command (.+?)\.?$", r"没有命令 \1"),
        (r"^Option (.+) requires an argument\.$", r"选项 \1 后面需要一个值"),
        (r"^Option (.+) requires (\d+) arguments\.$", r"选项 \1 后面需要 \2 个值"),
        (r"^Got unexpected extra arguments? \((.+)\)$", r"多余的参数：\1"),
        (r"^'(.+)' is not one of (.+)\.$", r"“\1” 不是可选值 \2 之一"),
        (r"^'(.+)' is not a valid integer(?: range)?\.$", r"“\1” 不是整数"),
        (r"^(.+) is not in the range (.+)\.$", r"\1 不在范围 \2 内"),
    )
)
_INVALID = re.compile(r"^Invalid value for (.+?): (.+)$", re.S)
_DID_YOU_MEAN = re.compile(r"Did you mean (\S+?)\?|\(Possible options: (.+)\)")


def usage_error_zh(message: str) -> str:
    """click's message in Chinese (as written when no pattern knows it)."""
    text = message.strip()
    hint = _DID_YOU_MEAN.search(text)
    base = text[: hint.start()].strip() if hint else text
    invalid = _INVALID.match(base)
    if invalid:
        return f"{invalid.group(1)} 的值无效：{usage_error_zh(invalid.group(2))}"
    for pattern, replacement in _ERRORS_ZH:
        if pattern.match(base):
            translated = pattern.sub(replacement, base)
            if hint:
                translated += f"（您是不是要写 {hint.group(1) or hint.group(2)}？）"
            return translated
    return text


#: click's own help texts, as they appear in a help page's option list.
_HELP_TEXTS = {
    "Show this message and exit.": "显示本帮助并退出 / show this help and exit",
    "Show the version and exit.": "显示版本号并退出 / show the version and exit",
}
_DEFAULT = re.compile(r"\[default: ([^\]]*)\]")


class HelpFormatter(click.HelpFormatter):
    """A help page with Chinese headings: 用法、选项、命令、参数."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE_PREFIX["zh"])

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{SECTIONS.get(heading, heading)}：\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl(
            [(first, _help_text(second)) for first, second in rows], col_max, col_spacing
        )


def _help_text(text: str) -> str:
    for english, chinese in _HELP_TEXTS.items():
        text = text.replace(english, chinese)
    text = _DEFAULT.sub(r"[默认：\1]", text)
    return text.replace("[required]", "[必填]")


class Context(click.Context):
    formatter_class = HelpFormatter


def usage_error_text(error: click.UsageError, lang: str) -> str:
    """What click's `UsageError.show` prints, in the user's language."""
    lines = []
    ctx = error.ctx
    if ctx is not None:
        usage = ctx.get_usage()
        if lang == "en":
            usage = usage.replace(USAGE_PREFIX["zh"], USAGE_PREFIX["en"], 1)
        lines.append(usage)
        if ctx.command.get_help_option(ctx) is not None:
            help_name = ctx.help_option_names[0]
            lines.append(
                f"Try '{ctx.command_path} {help_name}' for help."
                if lang == "en"
                else f"运行 '{ctx.command_path} {help_name}' 查看帮助。"
            )
        lines.append("")
    message = error.format_message()
    lines.append(f"Error: {message}" if lang == "en" else f"错误：{usage_error_zh(message)}")
    return "\n".join(lines)
