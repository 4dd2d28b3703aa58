"""`xize fmt [--check] [--diff] FILE...`: rewrite .rule files in the canonical layout.

`--check` changes nothing and exits 1 when some file would change (for CI);
`--diff` prints what would change as a unified diff, also without writing.
A file is rewritten whole or not at all: the new text goes to a temporary file
beside it, which then replaces it (`output.atomic`), keeping the file's mode; a
full disk leaves the policy as it was.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

import click
from xize.compiler.fmt import FormatError, format_source

from ..output.atomic import write_bytes
from ..text.i18n import t
from ..text.problems import OutputFileError
from .cmd_common import LANG, guarded
from .loading import decode_rule, read_rule
from .terminal import EXIT_ERROR, Failure, say, warn


@click.command("fmt")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--check", is_flag=True, help="只检查，不改写；有文件需要改写时退出码为1 / check only"
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="显示改动，不改写 / print a diff, write nothing"
)
@LANG
@guarded
def fmt_command(files: tuple[str, ...], check: bool, show_diff: bool, lang: str) -> int:
    """按统一格式排版细则文件 / format .rule files in the one canonical layout."""
    en = lang == "en"
    changed = failed = 0
    for name in files:
        stored = _read(name, lang)
        try:
            formatted = format_source(stored.text, filename=name)
        except FormatError as exc:
            warn(str(exc))
            failed += 1
            continue
        if formatted == stored.text:
            continue
        changed += 1
        if show_diff:
            diff = difflib.unified_diff(
                stored.text.splitlines(keepends=True),
                formatted.splitlines(keepends=True),
                fromfile=f"{name}",
                tofile=f"{name}（排版后）" if not en else f"{name} (formatted)",
            )
            say("".join(diff).rstrip("\n"))
        elif check:
            say(f"would reformat {name}" if en else f"需要排版：{name}")
        else:
            try:  # through a symlink to the policy it points to, as an editor would
                write_bytes(os.path.realpath(name), stored.encode(formatted))
            except OutputFileError as exc:
                raise Failure(exc.render(lang)) from exc
            warn(t("written", lang, path=name))
    if failed:
        return EXIT_ERROR
    if check and changed:
        return 1
    if not changed and not show_diff:
        say(f"{len(files)} file(s) already formatted" if en else f"{len(files)} 个文件已符合格式")
    return 0


@dataclass(frozen=True)
class Stored:
    """A .rule file's text with line feeds, and how the file stores it: encoding, BOM
    and line endings are kept when the file is rewritten (only the layout changes)."""

    text: str
    encoding: str
    bom: bool
    crlf: bool

    def encode(self, text: str) -> bytes:
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode(self.encoding)


def _read(name: str, lang: str) -> Stored:
    """The file as stored; a missing, unreadable or undecodable file ends the command."""
    path = Path(name)
    data = read_rule(path, lang)
    text, encoding = decode_rule(data)
    if text is None:
        raise Failure(t("policy_encoding", lang, path=path))
    crlf = "\r\n" in text
    return Stored(text.replace("\r\n", "\n"), encoding, data.startswith(b"\xef\xbb\xbf"), crlf)
