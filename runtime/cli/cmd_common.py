"""What every command shares: the --lang option and the guard around its body.

The guard turns every user error into a message on stderr and an exit code (0 ok,
1 an error in a policy or data, 2 usage, 3 internal), as the rest of the command
line promises; commands in their own modules use it without depending on `cli.py`.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback

import click
from xize.compiler.diagnostics import PolicyError, XizeError

from ..text.i18n import t
from ..text.problems import DataError, DataFileError
from .loading import policy_error_text
from .terminal import EXIT_ERROR, EXIT_INTERNAL, Failure, warn

#: Where the group's --lang is kept for its commands (click's context meta is shared).
LANG_KEY = "xize.lang"


def _default_lang() -> str:
    """A command's --lang when not given: the group's --lang, else XIZE_LANG, else zh."""
    ctx = click.get_current_context(silent=True)
    lang = ctx.meta.get(LANG_KEY) if ctx is not None else None
    if lang is None:
        lang = os.environ.get("XIZE_LANG", "zh")
    return lang if lang in ("zh", "en") else "zh"


LANG = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=_default_lang,
    help="提示信息的语言，默认 zh（也可写在 xize 之后，或设 XIZE_LANG）/ language of messages",
)


def quiet_broken_pipe() -> None:
    """Output piped into `head` and closed early: stop quietly.  Later writes (and the
    flush at exit) go to the null device, so Python prints no second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # a captured stdout has no descriptor
        pass


def guarded(fn):
    """Run a command body and exit with its code; user errors become messages."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        lang = kwargs.get("lang", "zh")
        try:
            code = fn(*args, **kwargs)
            sys.stdout.flush()  # a closed pipe shows here, not at exit
        except BrokenPipeError:
            quiet_broken_pipe()
            code = 0
        except Failure as exc:
            warn(exc.text)
            code = exc.code
        except PolicyError as exc:
            warn(policy_error_text(exc, lang))
            code = EXIT_ERROR
        except (DataFileError, DataError) as exc:
            warn(exc.render(lang))
            code = EXIT_ERROR
        except XizeError as exc:
            warn(str(exc))
            code = EXIT_ERROR
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            warn(t("interrupted", lang))
            code = 130
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if os.environ.get("XIZE_DEBUG") == "1":
                traceback.print_exc()
            warn(t("internal_error", lang, error=f"{type(exc).__name__}: {exc}"))
            code = EXIT_INTERNAL
        sys.exit(code or 0)

    return run
