"""The compiler's public API: .rule text → a compiled, importable scoring policy.

`compile_policy` runs the whole pipeline (source → parse → check → lower → codegen),
executes the generated module in a fresh module object and wraps it in a `Policy`.
The parser, checker and lowering are imported when first needed, so that the rest of
the package (the interpreter, codegen, the runtime's readers) imports without them.
The cyclic garbage collector is paused meanwhile (`gcpause`): the pipeline's
short-lived trees made it run full collections over and over.
"""

from __future__ import annotations

import itertools
import types
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from .backends.python import codegen, registry
from .diagnostics.diagnostic import Diagnostic
from .diagnostics.errors import InputError, PolicyError
from .ir import nodes as ir
from .source.gcpause import paused_gc
from .source.text import Source, Span

_COUNTER = itertools.count()
_BOM = "\ufeff"

#: Called with the name of each stage of `compile_policy` as it ends: "parse", "check",
#: "lower", "codegen" (the module text, parsed by ast), "py compile+exec".  The
#: benchmark times the real pipeline with it rather than a copy that could drift.
StageHook = Callable[[str], None]


def _no_hook(stage: str) -> None:
    return None


class Policy:
    """A compiled policy: the generated module and what it was made from.

    `score`, `total` and `score_batch` run the generated module; `score` and `total`
    raise `xize.compiler.InputError` for bad data.  `.interpreter` scores the same IR
    slowly and obviously (for differential checks); `.run_tests()` runs the 测试 blocks.
    The module stays in sys.modules (so its records pickle) while the Policy lives."""

    def __init__(
        self,
        ir_policy: ir.Policy,
        module: types.ModuleType,
        module_source: str,
        source: Source | None = None,
        diagnostics: Iterable[Diagnostic] = (),
    ):
        self.ir = ir_policy
        self.module = module
        self.module_source = module_source
        self.source = source
        self.diagnostics = tuple(diagnostics)
        registry.tie(self, module)  # the module leaves sys.modules with its Policy

    # ---------------------------------------------------------------- the module

    @property
    def facts(self):
        return self.module.FACTS

    @property
    def nodes(self):
        return self.module.NODES

    @property
    def info(self):
        return self.module.POLICY

    @property
    def title(self) -> str:
        return self.ir.title

    def score(
        self,
        facts: Mapping[str, object],
        averages: Mapping | None = None,
        batch: Mapping | None = None,
    ):
        """One unit's Result.  `batch` gives the batch values its rules read, keyed as a
        测试 block writes them (平均值【X】, 排名【X】, 最高值【X】, 单位数 …); `averages`
        (fact → mean) is the older spelling of the means."""
        try:
            return self.module.score(facts, averages, batch)
        except self.module.InputError as exc:
            raise _wrap(exc) from exc

    def score_before_quotas(
        self,
        facts: Mapping[str, object],
        averages: Mapping | None = None,
        batch: Mapping | None = None,
    ):
        """`score` without the 等次 quotas, which need every unit's total: what a batch
        scored in blocks computes per unit before it applies them (`score` itself when
        the policy has none)."""
        function = getattr(self.module, "score_before_quotas", self.module.score)
        try:
            return function(facts, averages, batch)
        except self.module.InputError as exc:
            raise _wrap(exc) from exc

    def total(
        self,
        facts: Mapping[str, object],
        averages: Mapping | None = None,
        batch: Mapping | None = None,
    ) -> Decimal:
        try:
            return self.module.total(facts, averages, batch)
        except self.module.InputError as exc:
            raise _wrap(exc) from exc

    def score_batch(self, rows: Iterable[Mapping[str, object]], quotas: bool = True) -> list:
        """Every unit's Result, scored together; `quotas` false leaves the 等次 quotas
        to the caller (a report scored in blocks applies them once all are in)."""
        if not quotas and self.ir.quotas:
            return self.module.score_batch(rows, quotas=False)
        return self.module.score_batch(rows)

    def score_table(self, table, items: bool = False):
        """Score a whole table in DuckDB (embedded) with the policy's SQL query.

        `table`: a pyarrow Table, a pandas or polars DataFrame — one column per fact
        named as in 数据, and 单位.  Returns a pyarrow Table with 行 (the input row,
        from 1), 单位, 总分, 等次, 排名, 状态, 标签, 错误 and each node's score; with
        `items=True` the 扣分明细 rows instead.  Same numbers as `score_batch`
        (docs/guide.md, 大规模计分)."""
        from .backends.sql.table import score_table

        return score_table(self.ir, table, items)

    def convert(self, facts: Mapping[str, object]) -> dict[str, object]:
        """Fact name → value as scoring reads it (defaults filled in)."""
        try:
            return self.module.convert(facts)
        except self.module.InputError as exc:
            raise _wrap(exc) from exc

    # ------------------------------------------------- passes over a batch

    @property
    def node_paths(self) -> tuple[str, ...]:
        """The nodes' paths in the order `measure` gives their scores."""
        return tuple(node.path for node in self.module.NODES)

    def unit_values(self, facts: Mapping[str, object]) -> tuple[object, tuple]:
        """(unit, values in fact order) as scoring reads them: what `measure` takes.
        Only for a policy scored against the batch (平均值, 排名, 最高值 …)."""
        try:
            return self.module.unit_values(facts)
        except self.module.InputError as exc:
            raise _wrap(exc) from exc

    def batch_values(self, batch: Mapping | None = None, averages: Mapping | None = None):
        """The batch values `score(facts, averages=…, batch=…)` reads, parsed and
        checked once, as a tuple: the means in `ir.averages` order, then the
        statistics in `ir.stats` order (a rank may be replaced by the caller with
        another whole Decimal); for `measure` and `score_given`."""
        try:
            return self.module.batch_values(batch, averages)
        except self.module.InputError as exc:
            raise _wrap(exc) from exc

    def measure(
        self, unit: object, values: tuple, given: tuple | None = None, level: int | None = None
    ):
        """(disqualified, each node's score in `node_paths` order) of a unit's
        `unit_values` with `batch_values` (None: before anything is known): the
        numbers `score` gives, without building its explanation.  `level`: the
        statistics pass it is for — a node ranked at level k depends on statistics
        under k only, so own scores of level k and above are not computed (as
        `score_batch` leaves them in that pass); None computes them all."""
        try:
            return self.module.measure(unit, values, given, level)
        except self.module.InputError as exc:
            raise _wrap(exc) from exc

    def score_given(self, facts: Mapping[str, object], given: tuple):
        """`score_before_quotas(facts, batch=…)` with the batch values from `batch_values`:
        the runtime applies 等次 quotas once every unit of the batch is scored."""
        try:
            return self.module.score_given(facts, given)
        except self.module.InputError as exc:
            raise _wrap(exc) from exc

    # ------------------------------------------------------------------ the rest

    @cached_property
    def interpreter(self):
        from .interpret.engine import Interpreter

        return Interpreter(self.ir)

    def run_tests(self, score=None):
        """Run the policy's 测试 blocks (with the compiled module unless told otherwise)."""
        from .testing.runner import run_tests

        batch = self.score_batch if score is None else None
        return run_tests(self.ir, score or self.score, self.interpreter, batch)

    def __repr__(self) -> str:
        return f"<Policy {self.ir.title!r} ({self.ir.filename})>"


def _wrap(exc: Exception) -> InputError:
    return InputError(
        str(exc),
        unit=getattr(exc, "unit", None),
        fact=getattr(exc, "fact", None),
        value=getattr(exc, "value", None),
        expected=getattr(exc, "expected", ""),
    )


def build(policy: ir.Policy, stage: StageHook = _no_hook) -> tuple[types.ModuleType, str]:
    """Generate the module for `policy` and execute it as a fresh module object,
    registered in sys.modules (so its records pickle) and in linecache (so tracebacks
    show the generated lines) for as long as the module object lives.

    The text is parsed once: the tree `ast.parse` checked is the one compiled."""
    with paused_gc():
        filename = codegen.pseudo_filename(policy)
        source_text, code = codegen.generate_code(policy, filename, lambda: stage("codegen"))
        name = f"_xize_policy_{policy.source_hash[:12]}_{next(_COUNTER)}"
        module = types.ModuleType(name, policy.title)
        module.__file__ = filename
        registry.register(module, source_text)
        try:
            exec(code, module.__dict__)
        except BaseException:
            registry.forget(name)
            raise
        stage("py compile+exec")
    return module, source_text


def compile_policy(
    text: str, filename: str = "<policy>", lang: str = "zh", *, stage: StageHook = _no_hook
) -> Policy:
    """Compile .rule text.  Raises PolicyError (every error found, rendered in `lang`).
    `stage` is told as each stage ends (see StageHook)."""
    from .check import run as check
    from .lower import lower
    from .syntax import parser

    with paused_gc():
        if text.startswith(_BOM):
            text = text[1:]
        source = Source(text, filename)
        tree, diagnostics = parser.parse(source)
        stage("parse")
        diagnostics = list(diagnostics)
        if tree is None or any(d.is_error for d in diagnostics):
            raise PolicyError(diagnostics, source, lang)
        diagnostics += check.check(tree, source)
        stage("check")
        if any(d.is_error for d in diagnostics):
            raise PolicyError(diagnostics, source, lang)
        policy = lower.lower(tree, source)
        del tree
        stage("lower")
        module, module_source = build(policy, stage)
    warnings = [d for d in diagnostics if not d.is_error]
    return Policy(policy, module, module_source, source, warnings)


def load_policy(path: str | Path, lang: str = "zh") -> Policy:
    """Compile a .rule file (UTF-8, with or without a BOM)."""
    path = Path(path)
    data = path.read_bytes()
    if data.startswith(_BOM.encode("utf-8")):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc, str(path), lang) from None
    return compile_policy(text, filename=str(path), lang=lang)


def _undecodable(data: bytes, exc: UnicodeDecodeError, filename: str, lang: str) -> PolicyError:
    """E108 at the line and column of the first byte that is not UTF-8."""
    start = exc.start
    line = data.count(b"\n", 0, start) + 1
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    text = data.decode("utf-8", "replace")
    span = Span.point(line, column)
    diagnostic = Diagnostic("E108", span, {"char": f"0x{data[start]:02X}"})
    return PolicyError([diagnostic], Source(text, filename), lang)


def from_ir(policy: ir.Policy, source: Source | None = None) -> Policy:
    """A Policy straight from IR (no .rule text): for tools and tests that build IR."""
    module, module_source = build(policy)
    return Policy(policy, module, module_source, source)
