"""Coverage-guided fuzzing of the front end with atheris (not run in CI).

    pip install atheris && python tests/fuzz/fuzz_compile.py -atheris_runs=100000

The input bytes are read as a `.rule` file: valid UTF-8 goes through `compile_policy`,
anything else through `load_policy` (the invalid-encoding path).  The only exception
allowed out is `PolicyError` with a line and a column; a policy that compiles is also
scored once with no facts (only `InputError` may come out of that).  Unless a corpus
directory is given, a temporary copy of the seed policies (policies/) and of the small
policies in tests/fuzz/corpus/ is the starting corpus (libFuzzer adds to it as it runs).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["xize", "lark"]):
    # the pipeline's modules are imported lazily by compile_policy: import them here
    # so that they are instrumented too
    import xize.compiler.backends.python.codegen
    import xize.compiler.check.run
    import xize.compiler.lower.lower
    import xize.compiler.syntax.parser  # noqa: F401
    from xize.compiler import InputError, PolicyError, compile_policy, load_policy

ROOT = Path(__file__).resolve().parents[2]
_TMP = Path(tempfile.mkdtemp(prefix="xize-fuzz-"))
_FILE = _TMP / "input.rule"


def _check(e: PolicyError) -> None:
    if not (isinstance(e.line, int) and e.line >= 1):
        raise AssertionError(f"PolicyError without a line: {e.line!r}")
    if not (isinstance(e.column, int) and e.column >= 1):
        raise AssertionError(f"PolicyError without a column: {e.column!r}")
    str(e)


def test_one_input(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _FILE.write_bytes(data)
        try:
            load_policy(_FILE)
        except PolicyError as e:
            _check(e)
            return
        raise AssertionError("invalid UTF-8 was accepted") from None
    try:
        policy = compile_policy(text, filename="<fuzz>")
    except PolicyError as e:
        _check(e)
        return
    try:
        policy.score({})
    except InputError:
        pass


def main() -> None:
    argv = list(sys.argv)
    if not any(not a.startswith("-") for a in argv[1:]):
        corpus = _TMP / "corpus"
        corpus.mkdir(exist_ok=True)
        seeds = sorted((ROOT / "policies").glob("*.rule"))
        seeds += sorted((ROOT / "tests" / "fuzz" / "corpus").glob("*.rule"))
        for i, path in enumerate(seeds):
            (corpus / f"seed{i:02d}-{path.name}").write_bytes(path.read_bytes())
        argv.append(str(corpus))
    if not any(a.startswith("-max_len") for a in argv):
        argv.append("-max_len=40000")
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
