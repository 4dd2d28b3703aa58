"""Problems found while reading data, as values that are put into words only when shown.

Like the compiler's diagnostics, a problem carries a key and arguments; `i18n`
renders it in Chinese or English at the edge, so the same problem can go to the
terminal in one language and into a workbook in another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from xize.compiler.diagnostics import XizeError

from .i18n import t
from .safe import display_path


@dataclass(frozen=True)
class Message:
    """A runtime message: an i18n key and its arguments."""

    key: str
    args: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "args", MappingProxyType(dict(self.args)))

    def __reduce__(self):
        """Picklable (a read-only mapping is not), for worker processes."""
        return (Message, (self.key, dict(self.args)))

    def render(self, lang: str = "zh") -> str:
        return t(self.key, lang, **self.args)


@dataclass(frozen=True)
class Notice:
    """Something about a data file as a whole: `level` is "error", "warning" or "info".

    Errors stop scoring before any unit is scored (a missing column would fail every
    row); warnings and infos are reported and scoring goes on."""

    level: str
    message: Message
    path: str = ""

    def render(self, lang: str = "zh") -> str:
        text = self.message.render(lang)
        return f"{self.path}: {text}" if self.path else text


@dataclass(frozen=True)
class RowError:
    """One data row that could not be scored, located as the user sees it.

    `problem` is a runtime Message or the text of the policy's own InputError."""

    path: str
    row: int
    unit: str
    column: str
    value: object
    problem: Message | str

    def text(self, lang: str = "zh") -> str:
        return self.problem if isinstance(self.problem, str) else self.problem.render(lang)


class DataFileError(XizeError):
    """A data file that cannot be read at all (missing, wrong format, bad encoding)."""

    def __init__(self, key: str, **args: object):
        self.message = Message(key, args)
        super().__init__(self.message.render("zh"))

    def __reduce__(self):
        """Picklable, for an error raised in a worker process."""
        return (_rebuild_file_error, (self.message.key, dict(self.message.args)))

    def render(self, lang: str = "zh") -> str:
        return self.message.render(lang)


def _rebuild_file_error(key: str, args: dict) -> DataFileError:
    return DataFileError(key, **args)


class OutputFileError(DataFileError):
    """An output file that could not be written (full disk, no permission, …)."""

    def __init__(self, path: object, reason: str):
        super().__init__("cannot_write", path=display_path(path), reason=reason)


class DataError(XizeError):
    """Data that cannot be scored as a whole (a missing column, no units): the notices say why."""

    def __init__(self, notices: list[Notice]):
        self.notices = tuple(notices)
        super().__init__("\n".join(n.render("zh") for n in self.notices))

    def render(self, lang: str = "zh") -> str:
        return "\n".join(n.render(lang) for n in self.notices)
