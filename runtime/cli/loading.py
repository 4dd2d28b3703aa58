"""Compiling a .rule file for a command, with every failure in words.

`xize.compiler.load_policy` raises PolicyError for bad policy text (including text
that is not UTF-8, located at the first bad byte); a command also has to say, in
the user's language, that the file is missing or cannot be opened.
"""

from __future__ import annotations

from pathlib import Path

from xize.compiler.diagnostics import PolicyError, render_all

from ..text.i18n import t
from .terminal import Failure, warn


def compile_file(path: str | Path, lang: str = "zh"):
    """The compiled Policy for `path`; raises PolicyError or Failure."""
    from xize.compiler import compile_policy, load_policy

    path = Path(path)
    text, encoding = decode_rule(read_rule(path, lang))
    if text is None:  # neither UTF-8 nor GB18030: E108 at the first bad byte
        return load_policy(path, lang=lang)
    if encoding != "utf-8":
        warn(t("label_info", lang) + ": " + t("policy_gb18030", lang, path=path))
    return compile_policy(text, filename=str(path), lang=lang)


_BOM = b"\xef\xbb\xbf"


def read_rule(path: Path, lang: str = "zh") -> bytes:
    """A .rule file's bytes; a missing, folder or unreadable path ends the command."""
    if not path.exists():
        raise Failure(t("policy_missing", lang, path=path))
    if path.is_dir():
        raise Failure(t("file_is_dir", lang, path=path))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Failure(t("policy_unreadable", lang, path=path, reason=exc.strerror or exc)) from exc


def decode_rule(data: bytes) -> tuple[str | None, str]:
    """A .rule file's text and its encoding: UTF-8 (a BOM dropped), else GB18030 — what
    Windows Notepad and WPS save as "ANSI" on a Chinese system, as for data files."""
    try:
        return data.removeprefix(_BOM).decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return None, ""


def policy_error_text(error: PolicyError, lang: str = "zh") -> str:
    """Every error diagnostic of a PolicyError, rendered, and a count line."""
    errors = [d for d in error.diagnostics if d.is_error]
    body = render_all(errors, error.source, lang) if errors else str(error)
    return body + "\n\n" + t("policy_failed", lang, path=error.source.filename, n=len(errors) or 1)


def load_or_fail(path: str | Path, lang: str = "zh"):
    """Compile for a command that needs a working policy: errors end the command."""
    try:
        return compile_file(path, lang)
    except PolicyError as exc:
        raise Failure(policy_error_text(exc, lang)) from exc
