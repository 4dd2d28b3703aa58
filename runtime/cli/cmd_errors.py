"""`xize explain-error CODE [--lang en]`: what a diagnostic code means and how to fix it."""

from __future__ import annotations

import re

import click
from xize.compiler.diagnostics import EXAMPLES, MESSAGES, PolicyError, explain, normalise_code

from .cmd_common import LANG, guarded
from .terminal import EXIT_USAGE, Failure, say

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@click.command("explain-error")
@click.argument("code")
@LANG
@guarded
def explain_error_command(code: str, lang: str) -> int:
    """说明诊断代码的含义、示例与改法 / explain a diagnostic code such as E201."""
    key = normalise_code(code)
    if key not in MESSAGES:
        known = "、".join(sorted(MESSAGES)) if lang != "en" else ", ".join(sorted(MESSAGES))
        text = (
            f"unknown code “{code}”; known codes: {known}"
            if lang == "en"
            else f"没有诊断代码 “{code}”。可用的代码：{known}"
        )
        raise Failure(text, EXIT_USAGE)
    say(with_example_values(key, explain(key, lang), lang).rstrip("\n"))
    return 0


def with_example_values(code: str, text: str, lang: str) -> str:
    """The explanation with its message and hint as the compiler words them for the
    code's example, so that `{amount}` reads as a number, not a placeholder."""
    found = _example_diagnostic(code, lang)
    if found is None:  # no example reports this code: show where words go, not names
        return _PLACEHOLDER.sub("…", text)
    message, hint = found
    prefixes = ("Message: ", "Hint: ") if lang == "en" else ("信息：", "提示：")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(prefixes[0]) and "{" in line:
            lines[i] = prefixes[0] + message
        elif line.startswith(prefixes[1]) and "{" in line and hint:
            lines[i] = prefixes[1] + hint
    return "\n".join(lines)


def _example_diagnostic(code: str, lang: str) -> tuple[str, str] | None:
    """(message, hint) of the diagnostic `code` the compiler reports for its example."""
    from xize.compiler import compile_policy

    example = EXAMPLES.get(code)
    if example is None:
        return None
    try:
        diagnostics = compile_policy(example.bad, filename="示例.rule", lang=lang).diagnostics
    except PolicyError as exc:
        diagnostics = exc.diagnostics
    for diag in diagnostics:
        if diag.code == code:
            return diag.message(lang), diag.hint(lang)
    return None
