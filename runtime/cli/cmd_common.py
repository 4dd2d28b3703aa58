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

LANG = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    envvar="XIZE_LANG",
    show_default=True,
    help="提示信息的语言 / language of messages (zh, en)",
)


def guarded(fn):
    """Run a command body and exit with its code; user errors become messages."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        lang = kwargs.get("lang", "zh")
        try:
            code = fn(*args, **kwargs)
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
