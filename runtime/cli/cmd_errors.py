"""`xize explain-error CODE [--lang en]`: what a diagnostic code means and how to fix it."""

from __future__ import annotations

import click
from xize.compiler.diagnostics import MESSAGES, explain, normalise_code

from .cmd_common import LANG, guarded
from .terminal import EXIT_USAGE, Failure, say


@click.command("explain-error")
@click.argument("code")
@LANG
@guarded
def explain_error_command(code: str, lang: str) -> int:
    """说明诊断代码的含义、示例与改法 / explain a diagnostic code (e.g. E201)."""
    key = normalise_code(code)
    if key not in MESSAGES:
        known = "、".join(sorted(MESSAGES)) if lang != "en" else ", ".join(sorted(MESSAGES))
        text = (
            f"unknown code “{code}”; known codes: {known}"
            if lang == "en"
            else f"没有诊断代码 “{code}”。可用的代码：{known}"
        )
        raise Failure(text, EXIT_USAGE)
    say(explain(key, lang).rstrip("\n"))
    return 0
