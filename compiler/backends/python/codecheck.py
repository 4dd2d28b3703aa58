"""The check every generated module passes before it runs: its text is parsed with
`ast.parse`, that very tree is compiled, and the code is refused if it holds a float.

The float check reads the compiled code objects rather than walking the syntax tree:
the constants of the code are what will run (constant folding turns `1/2` into 0.5,
which no literal in the text shows), and scanning them takes a millisecond where
walking the 300,000-node tree of a 1,000-clause policy took a fifth of a second.
Parsing once and compiling the parsed tree also spares a second parse of the text.
"""

from __future__ import annotations

import ast
import types
from collections.abc import Iterator

from .emit_expr import CodegenError

#: Names no generated module may use (as a global, local, attribute or import): binary
#: floating point and the modules built on it.  `tests/test_no_float.py` checks the text.
FLOAT_NAMES = frozenset(("float", "complex", "fromhex", "from_float", "fsum", "math", "fractions"))

CHECK_FILENAME = "<xize generated module>"


def parse(source: str) -> ast.Module:
    """The syntax tree of a generated module (a parse failure is a codegen bug)."""
    try:
        return ast.parse(source)
    except SyntaxError as exc:  # never the policy's fault: its text is only ever data
        raise CodegenError(f"generated module does not parse: {exc}") from exc


def compile_checked(tree: ast.Module, filename: str = CHECK_FILENAME) -> types.CodeType:
    """Compile the parsed tree; refuse the code if any constant or name is a float."""
    code = compile(tree, filename, "exec", dont_inherit=True)
    found = float_uses(code)
    if found:
        raise CodegenError(f"float in generated module: {', '.join(found)}")
    return code


def check(source: str, filename: str = CHECK_FILENAME) -> types.CodeType:
    """Parse, compile and check generated source: the code to execute, or CodegenError."""
    return compile_checked(parse(source), filename)


def float_uses(code: types.CodeType) -> list[str]:
    """Where `code` (and every code object nested in it) has a float or complex
    constant, or uses one of FLOAT_NAMES: "function (line N): what" for each."""
    found = []
    for inner in _code_objects(code):
        where = f"{inner.co_name} (line {inner.co_firstlineno})"
        for value in _constants(inner.co_consts):
            found.append(f"{where}: constant {value!r}")
        names = {*inner.co_names, *inner.co_varnames, *inner.co_cellvars, *inner.co_freevars}
        for name in sorted(names & FLOAT_NAMES):
            found.append(f"{where}: name {name!r}")
    return found


def _code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    """`code` and the code objects nested in its constants, without recursion (a deeply
    nested module must not exhaust the interpreter's recursion limit here)."""
    stack = [code]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(c for c in current.co_consts if isinstance(c, types.CodeType))


def _constants(consts: tuple) -> Iterator[object]:
    """Float and complex values among `consts`, looking inside constant tuples and
    frozensets (how folded containers are stored)."""
    stack = list(consts)
    while stack:
        value = stack.pop()
        if isinstance(value, float | complex):
            yield value
        elif isinstance(value, tuple | frozenset):
            stack.extend(value)
