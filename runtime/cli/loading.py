"""Compiling a .rule file for a command, with every failure in words.

`xize.compiler.load_policy` raises PolicyError for bad policy text (including text
that is not UTF-8, located at the first bad byte); a command also has to say, in
the user's language, that the file is missing or cannot be opened.
"""

from __future__ import annotations

from pathlib import Path

from xize.compiler.diagnostics import PolicyError, render_all

from ..text.i18n import t
from .terminal import Failure


def compile_file(path: str | Path, lang: str = "zh"):
    """The compiled Policy for `path`; raises PolicyError or Failure."""
    from xize.compiler import load_policy

    path = Path(path)
    if not path.exists():
        raise Failure(t("policy_missing", lang, path=path))
    if path.is_dir():
        raise Failure(t("file_is_dir", lang, path=path))
    try:
        return load_policy(path, lang=lang)
    except OSError as exc:
        raise Failure(t("policy_unreadable", lang, path=path, reason=exc.strerror or exc)) from exc


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
