"""Worker processes for `xize score --jobs N`: blocks of rows out, results back in order.

Only per-row work is shared out — reading cells, converting facts, scoring, and
laying out report rows (`chunks.ChunkScorer`).  Everything that needs the whole
batch stays in the main process, which merges the blocks in input order: batch
means (from exact per-block sums), ranks and best values of a policy scored
against the batch (`statistics`), 排名, repeated unit names, counts and the order
of every output table.  So the report is the same, byte for byte, for any N.

The main process reads the file and keeps only a few blocks in flight, so memory
does not grow with the file.  On Linux the workers are forked after the policy is
compiled and inherit it; elsewhere (spawn) each worker compiles it again from its
IR and reopens the data files' headers.

The workers are started once, before the progress bar's thread, and live for every
pass over the data: what a pass learns about the batch (means, ranks) reaches them
as arguments of the next pass's tasks, never by forking again.  A fork once a
thread runs would copy whatever lock that thread held (the terminal's, the
allocator's) into a child that can never release it.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..io.dataset import Dataset
from ..report.tables import Layout
from .chunks import ChunkScorer

#: The scorer of this worker process (set by fork inheritance or by `_start`).
_SCORER: ChunkScorer | None = None


def start_method() -> str:
    """fork where it is safe and available (Linux); spawn elsewhere."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


class Workers:
    """A pool of N processes that score blocks for one policy and dataset.

    Create it before any thread starts (the progress bar runs one): a forked child
    gets a copy of the parent's memory, locks held by other threads included.  The
    processes are started here, at once.  A worker that dies (killed, out of memory)
    breaks the pool: the next result raises instead of waiting for ever."""

    def __init__(
        self, policy, dataset: Dataset, layout: Layout, jobs: int, method: str | None = None
    ):
        global _SCORER
        self.jobs = jobs
        method = method or start_method()
        if method == "fork":
            _SCORER = ChunkScorer(policy, dataset, layout)
            spec = None
        else:
            spec = (policy.ir, [str(t.path) for t, _ in dataset.tables], layout.lang)
        self._pool = ProcessPoolExecutor(
            jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_start,
            initargs=(spec,),
        )
        try:
            self._pool.submit(_ready).result()  # fork every worker now, then go on
        except BaseException:
            self.close()
            raise
        finally:
            _SCORER = None

    def map(self, fn: Callable[..., Any], tasks: Iterable[tuple]) -> Iterator[Any]:
        """`fn(scorer, *task)` for every task, results in task order, with a bounded
        number of tasks in flight (the task iterator is read only as results are taken)."""
        window = 2 * self.jobs + 2
        pending: deque[Future] = deque()
        try:
            for task in tasks:
                pending.append(self._pool.submit(_call, fn, task))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        """Stop the workers; blocks not yet started are dropped."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _start(spec: tuple | None) -> None:
    """Worker set-up.  Ctrl-C is the main process's to handle (it stops the workers):
    a worker interrupted mid-task would print a traceback.  Under spawn, compile the
    policy from its IR and reopen the data files."""
    global _SCORER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if spec is None:
        return
    from xize.compiler.api import from_ir

    policy_ir, paths, lang = spec
    policy = from_ir(policy_ir)
    dataset = Dataset(paths, policy_ir.facts)
    _SCORER = ChunkScorer(policy, dataset, Layout(policy_ir, lang, dataset.multiple))


def _ready() -> bool:
    return True


def _call(fn: Callable[..., Any], task: tuple) -> Any:
    assert _SCORER is not None, "worker not set up"
    return fn(_SCORER, *task)
