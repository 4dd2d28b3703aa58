"""The terminal: where output goes, how failures end a command, and the progress bar.

Results go to stdout; notices, row errors and failures to stderr, so that
`xize score … > summary.txt` keeps the summary clean.  A `Failure` is a user error
already put into words: the command line prints it and exits with its code, never
with a traceback.

Everything printed passes `text.safe.visible`: a unit's name or a cell value from a
spreadsheet cannot move the cursor, open a link or reorder text on the reader's
terminal (its control characters are shown as escapes), and rich output never reads
data as markup (data reaches rich only as `Text`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.segment import Segment
from rich.text import Text

from ..text.safe import visible

#: Exit codes: 0 success, 1 an error in the user's policy or data, 2 a usage error,
#: 3 an internal error.
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class Failure(Exception):
    """A user-facing failure: `text` is printed to stderr, `code` is the exit code."""

    def __init__(self, text: str, code: int = EXIT_ERROR):
        self.text = text
        self.code = code
        super().__init__(text)


class SafeConsole(Console):
    """A rich console whose printed text has its control characters made visible
    (the styling rich adds itself is unaffected)."""

    def print(self, *objects, **kwargs) -> None:  # type: ignore[override]
        super().print(*(_Visible(o) for o in objects), **kwargs)


class _Visible:
    """A renderable whose segments' text goes through `visible`."""

    def __init__(self, inner: RenderableType):
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        inner = Text(self.inner) if isinstance(self.inner, str) else self.inner  # no markup
        for segment in console.render(inner, options):
            if segment.control or not segment.text:
                yield segment
            else:
                yield Segment(visible(segment.text), segment.style)


#: The width of output that is not a terminal (a pipe, a file): wide enough that no
#: line is ever wrapped mid-word; a table is still only as wide as its content.
PIPE_WIDTH = 10_000


def stdout() -> Console:
    """A console on the current stdout (looked up per call, so tests can capture it).

    A terminal wraps at its own width; piped output is never wrapped, so that `grep`
    and a text file see each sentence on one line."""
    width = None if sys.stdout.isatty() else PIPE_WIDTH
    return SafeConsole(file=sys.stdout, highlight=False, emoji=False, width=width)


def stderr() -> Console:
    return SafeConsole(file=sys.stderr, highlight=False, emoji=False)


def say(text: str = "") -> None:
    """Plain text to stdout: no markup, so `[E201]` and `【】` print as written."""
    click.echo(visible(text))


def warn(text: str) -> None:
    """Plain text to stderr."""
    click.echo(visible(text), err=True)


@contextmanager
def progress(label: str) -> Iterator:
    """A progress bar on stderr when stderr is a terminal; otherwise nothing is drawn.

    Yields a function to call with the number of rows just done."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    )
    task = bar.add_task(label, total=None)
    with bar:
        yield lambda n: bar.advance(task, n)
