"""`xize render POLICY --format docx|html|md -o OUT`: the official document, regenerated."""

from __future__ import annotations

from pathlib import Path

import click
from xize.compiler.render import FORMATS, render

from ..output.atomic import write_bytes, write_text
from ..text.i18n import t
from .cmd_common import LANG, guarded
from .loading import load_or_fail
from .outpaths import refuse_overwrite
from .terminal import EXIT_USAGE, Failure, say, warn


@click.command("render")
@click.argument("policy")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="输出格式（默认取 -o 的扩展名）/ output format (default: from -o's suffix)",
)
@click.option(
    "-o", "--output", default=None, help="输出文件 / file to write (md/html: default stdout)"
)
@LANG
@guarded
def render_command(policy: str, fmt: str | None, output: str | None, lang: str) -> int:
    """把细则文件还原为正式文本 / render a policy as its official document."""
    if fmt is None:
        suffix = Path(output).suffix.lstrip(".").lower() if output else "md"
        fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
        if fmt not in FORMATS:
            raise Failure(
                f"cannot tell the format from “{output}”; use --format"
                if lang == "en"
                else f"无法从 “{output}” 判断输出格式，请用 --format 指定",
                EXIT_USAGE,
            )
    if fmt == "docx" and output is None:
        raise Failure(
            "docx needs -o FILE" if lang == "en" else "docx 格式须用 -o 指定输出文件", EXIT_USAGE
        )
    if output is not None:
        refuse_overwrite([output], [policy], lang)
    compiled = load_or_fail(policy, lang)
    data = render(compiled, fmt)
    if output is None:
        say(data.rstrip("\n") if isinstance(data, str) else "")
        return 0
    target = Path(output)
    if target.parent and not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        write_text(target, data)
    else:
        write_bytes(target, data)
    warn(t("written", lang, path=target))
    return 0
