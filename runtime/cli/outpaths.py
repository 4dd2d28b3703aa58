"""Output paths checked before anything is read or written.

An output that names an input — the policy, a data file, or (for a CSV report) a
companion file `结果-明细.csv` that happens to be a data file — would destroy the
input, so it is refused with exit 2 before any work is done.  Names are compared as
files, not as text: `./data.csv`, a symlink to it or a hard link all count
(`output.atomic.same_file`).  The same data file given twice is refused as well: its
units would be scored twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..output.atomic import clash, same_file
from ..text.i18n import t
from ..text.safe import display_path
from .terminal import EXIT_USAGE, Failure


def refuse_overwrite(
    outputs: Sequence[str | Path], inputs: Sequence[str | Path], lang: str = "zh"
) -> None:
    """Failure (exit 2) when an output is a folder or would overwrite an input."""
    for output in outputs:
        if Path(output).is_dir():
            raise Failure(t("output_is_dir", lang, path=display_path(output)), EXIT_USAGE)
    found = clash(outputs, inputs)
    if found is not None:
        output, source = found
        raise Failure(
            t("output_is_input", lang, output=display_path(output), input=display_path(source)),
            EXIT_USAGE,
        )


def refuse_repeats(paths: Sequence[str], lang: str = "zh") -> None:
    """Failure (exit 2) when two of the data files are one file."""
    for i, first in enumerate(paths):
        for second in paths[i + 1 :]:
            if Path(first).exists() and same_file(first, second):
                raise Failure(
                    t(
                        "data_twice",
                        lang,
                        path=display_path(second),
                        first=display_path(first),
                        second=display_path(second),
                    ),
                    EXIT_USAGE,
                )
