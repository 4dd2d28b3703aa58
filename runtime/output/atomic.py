"""Every file xize writes goes through here: written aside, then put in place whole.

A report is first written to a temporary file made with `mkstemp` in the target's
own folder (a random name, created exclusively, so a symlink planted under a
predictable name is never followed), flushed and fsync'ed, given the mode a plain
`open` would have given it (the existing file's mode, or 0666 less the umask), and
only then renamed over the target with `os.replace`.  A reader of the target sees
the old file or the new one, never a part; a full disk or a killed run leaves the
old file as it was and no temporary file behind (the temporary file is removed on
any error).

Reports made of several files (a CSV report: `结果.csv`, `结果-明细.csv`,
`结果-错误.csv`) are written completely first; then, holding a lock on the folder
(`flock`, where the system has it) so that two runs never interleave, the main file
is removed, the companions are renamed into place and the main file last.  So
whenever the main file exists (and no run is between those renames), its
companions come from the same run.  A reader that wants that guarantee even during
a run can take the same lock (`flock` on the folder, shared).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from ..text.problems import OutputFileError

try:  # POSIX; elsewhere runs on one folder are not serialised
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    """The mode `open(target, "w")` would leave: an existing regular file keeps its
    own, a new file gets 0666 less the umask."""
    try:
        info = os.lstat(target)
    except OSError:
        return 0o666 & ~_umask()
    if stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    return 0o666 & ~_umask()


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            pass  # a file system without locks: the renames still happen in order
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _sync_file(name: str) -> None:
    """fsync a finished temporary file (its writer may have closed it already)."""
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Staged:
    """Files being written for one output: each target gets a temporary file in its
    folder; `commit` puts them all in place (the first target last), `discard`
    removes them."""

    def __init__(self, targets: Sequence[str | Path]):
        self.targets = [Path(t) for t in targets]
        self._temps: dict[Path, str] = {}
        self._handles: list[IO] = []

    def open(self, target: str | Path, mode: str = "wb", **kwargs) -> IO:
        """A new temporary file standing in for `target` (one of the targets)."""
        target = Path(target)
        if target not in self.targets:
            raise ValueError(f"{target} is not one of this output's files")
        try:
            fd, temp = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=_folder(target)
            )
        except OSError as exc:
            raise OutputFileError(target, _reason(exc)) from exc
        self._temps[target] = temp
        handle = os.fdopen(fd, mode, **kwargs)
        self._handles.append(handle)
        return handle

    def adopt(self, target: str | Path, temp: str) -> None:
        """`temp`, a finished file made with `mkstemp` in the target's folder, stands in
        for `target` (one of the targets) from now on: it is put in place (or removed)
        with the others."""
        target = Path(target)
        if target not in self.targets:
            raise ValueError(f"{target} is not one of this output's files")
        if Path(temp).parent.resolve() != _folder(target).resolve():
            raise ValueError(f"{temp} is not in the folder of {target}")
        self._temps[target] = temp

    def commit(self) -> None:
        """fsync every file, then rename them into place under the folder lock."""
        current = self.targets[0]
        try:
            for handle in self._handles:
                handle.close()
            for target in self.targets:
                current = target
                _sync_file(self._temps[target])
            for target in self.targets:
                current = target
                os.chmod(self._temps[target], _mode_for(target))
            folders = {_folder(t) for t in self.targets}
            with contextlib.ExitStack() as locks:
                for folder in sorted(folders, key=str):
                    locks.enter_context(_folder_lock(folder))
                main, *companions = self.targets
                if companions:
                    current = main
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(main)
                for target in [*companions, main]:
                    current = target
                    os.replace(self._temps[target], target)
                    del self._temps[target]
            for folder in folders:
                _sync_folder(folder)
        except OSError as exc:
            self.discard()
            raise OutputFileError(current, _reason(exc)) from exc

    def discard(self) -> None:
        for handle in self._handles:
            with contextlib.suppress(OSError):
                handle.close()
        for temp in self._temps.values():
            with contextlib.suppress(OSError):
                os.unlink(temp)
        self._temps.clear()


@contextlib.contextmanager
def staged(*targets: str | Path) -> Iterator[Staged]:
    """Write the files of one output; they replace the targets together when the
    block ends normally, and nothing changes when it raises."""
    stage = Staged(targets)
    try:
        yield stage
    except OSError as exc:
        stage.discard()
        raise OutputFileError(targets[0], _reason(exc)) from exc
    except BaseException:
        stage.discard()
        raise
    stage.commit()


@contextlib.contextmanager
def atomic_file(target: str | Path, mode: str = "wb", **kwargs) -> Iterator[IO]:
    """One file written aside and put in place whole (see the module docstring)."""
    with staged(target) as stage:
        yield stage.open(target, mode, **kwargs)


def write_text(target: str | Path, text: str) -> None:
    with atomic_file(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def write_bytes(target: str | Path, data: bytes) -> None:
    with atomic_file(target, "wb") as handle:
        handle.write(data)


# ------------------------------------------------------------------ inputs untouched


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two names reach one file (links, `..`, hard links and case-folding
    file systems included); a name that does not exist yet compares by its real
    path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


def clash(outputs: Sequence[str | Path], inputs: Sequence[str | Path]) -> tuple[Path, Path] | None:
    """The first (output, input) pair naming one file, or None."""
    for output in outputs:
        for source in inputs:
            if same_file(output, source):
                return Path(output), Path(source)
    return None
