"""The lean `total` of an integer-path module: the numbers `_compute` computes, less
what only the explanation reads, simplified where the values' ranges allow.

`_compute` serves `score` and `total` from one body, and its numbers part also keeps
the names the explanation needs afterwards (what a unit missed of an earning, the
outcomes' flags).  `total` returns before any of that is read, so a copy of the
numbers part, made on the syntax tree, does the same arithmetic in fewer steps:

- `_prune`: every assignment whose name nothing after it reads is dropped (backwards,
  through `if` blocks), as long as computing its value cannot fail — a dropped
  computation that could raise would turn the reference path's located error into a
  silently returned total;
- `_unguarded`: `n = 0; if v > 0: n = K * v` on a count is `n = K * v`;
- `_conditional`, `_propagated`, `_inline`: `n = A; if T: n = B` is one choice, a copy of
  a fact's value is the value, and a value read once is put where it is read;
- `_folded`: literal arithmetic done once, and comparisons that the ranges of their
  operands decide replaced by their outcome (a count is an int from 0 to the top the
  generated `total` has tested).

Only integer-path, context-free modules get it (see `intpath`): their arithmetic is int
arithmetic and comparisons, which cannot fail on checked values, and the generated
`total` still falls back on `_compute` for anything unusual (an exception there is
reported by `_compute`, located).
"""

from __future__ import annotations

import ast
import bisect
import textwrap

#: A body longer than this many lines is not copied: `total` then calls `_compute`, so a
#: policy of thousands of clauses is not parsed and compiled twice.
MAX_LINES = 2500

_PURE_OPS = (ast.Add, ast.Sub, ast.Mult)
_PURE_CALLS = frozenset(("max", "min"))


def lean_body(
    lines: list[str], counts: frozenset[str], count_top: int, result: str = "total"
) -> str | None:
    """The statements of `lines` (the numbers part of `_compute`) that `result` depends
    on, as source at indentation level 0; None when the body is too long to copy.
    `counts`: the names holding counts, which the copy may take as ints from 0 to
    `count_top` (what `total` has tested them to be)."""
    if len(lines) > MAX_LINES:
        return None
    tree = ast.parse(textwrap.dedent("\n".join(lines)))
    body, _ = _prune(_unguarded(tree.body, counts), {result})
    keep = frozenset({result})
    body = _propagated(_conditional(body), keep)
    stored, _ = _counts(body)
    ranges = {name: (0, count_top) for name in counts if name not in stored}
    body = _inline(_folded(body, dict(ranges)), keep)
    body = _folded(body, dict(ranges))
    module = ast.fix_missing_locations(ast.Module(body=body, type_ignores=[]))
    return ast.unparse(module)


def _conditional(statements: list[ast.stmt]) -> list[ast.stmt]:
    """`n = A` then `if T: n = B` (A, B, T pure) as `n = B if T else A`: one assignment,
    which `_inline` may then put where `n` is read."""
    out: list[ast.stmt] = []
    for statement in statements:
        if isinstance(statement, ast.If):
            statement.body = _conditional(statement.body)
            statement.orelse = _conditional(statement.orelse)
            previous = out[-1] if out else None
            name = _single_name(previous) if previous is not None else None
            if (
                name is not None
                and not statement.orelse
                and len(statement.body) == 1
                and _single_name(statement.body[0]) == name
                and _pure(statement.test)
                and _pure(statement.body[0].value)
                and _pure(previous.value)
                and name not in _loads(statement)
            ):
                value = ast.IfExp(
                    test=statement.test, body=statement.body[0].value, orelse=previous.value
                )
                out[-1] = ast.Assign(targets=[ast.Name(id=name, ctx=ast.Store())], value=value)
                continue
        out.append(statement)
    return out


Interval = tuple[int, int]

_COMPARE = {
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
}

_APPLY = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b}


def _whole(node: ast.expr) -> int | None:
    return node.value if isinstance(node, ast.Constant) and type(node.value) is int else None


class _Fold(ast.NodeTransformer):
    """Arithmetic on literals done once, here: `K - (A if T else B)` is `(K - A) if T
    else (K - B)`, and a comparison decided by the range of what it compares (`_range`)
    is its outcome — the earned amount of 得2分 is 0 or 2, so a cap of 2 on it never
    binds, and the four earnings of a node of 5分 never add up to more than 5."""

    def __init__(self, known: dict[str, Interval]):
        self.known = known

    def visit_BinOp(self, node: ast.BinOp) -> ast.expr:
        self.generic_visit(node)
        apply = _APPLY.get(type(node.op))
        if apply is None:
            return node
        left, right = node.left, node.right
        k = _whole(left)
        if k is not None and isinstance(right, ast.IfExp):
            a, b = _whole(right.body), _whole(right.orelse)
            if a is not None and b is not None:
                return ast.IfExp(right.test, ast.Constant(apply(k, a)), ast.Constant(apply(k, b)))
        k = _whole(right)
        if k is not None and isinstance(left, ast.IfExp):
            a, b = _whole(left.body), _whole(left.orelse)
            if a is not None and b is not None:
                return ast.IfExp(left.test, ast.Constant(apply(a, k)), ast.Constant(apply(b, k)))
        return node

    def visit_IfExp(self, node: ast.IfExp) -> ast.expr:
        self.generic_visit(node)
        decided = self._decide(node.test)
        if decided is None:
            return node
        return node.body if decided else node.orelse

    def _decide(self, test: ast.expr) -> bool | None:
        """A comparison (a chain too) that holds, or fails, for any values in range."""
        if not isinstance(test, ast.Compare):
            return None
        sides = [_range(test.left, self.known)] + [_range(c, self.known) for c in test.comparators]
        links = []
        for op, a, b in zip(test.ops, sides, sides[1:], strict=False):
            link = _link(type(op), a, b)
            if link is False:
                return False  # pure operands: the chain fails whichever link fails
            links.append(link)
        return True if all(link is True for link in links) else None


def _link(op: type, a: Interval | None, b: Interval | None) -> bool | None:
    """`a op b` for every a and b in their ranges: True, False, or None (it depends)."""
    if a is None or b is None:
        return None
    if op is ast.Gt or op is ast.GtE:
        op, a, b = (ast.Lt if op is ast.Gt else ast.LtE), b, a
    if op is ast.LtE:
        return True if a[1] <= b[0] else False if a[0] > b[1] else None
    if op is ast.Lt:
        return True if a[1] < b[0] else False if a[0] >= b[1] else None
    return None


def _range(node: ast.expr, known: dict[str, Interval]) -> Interval | None:
    """The least and greatest int `node` can be, when it is made of whole literals,
    names of known range, not, +, −, × by a literal and choices; else None."""
    k = _whole(node)
    if k is not None:
        return k, k
    if isinstance(node, ast.Name):
        return known.get(node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return 0, 1
    if isinstance(node, ast.IfExp):
        a, b = _range(node.body, known), _range(node.orelse, known)
        if not (a and b):
            return None
        if _is_min(node):  # x if x <= k else k: never above k
            return min(a[0], b[0]), min(a[1], b[1])
        return min(a[0], b[0]), max(a[1], b[1])
    if isinstance(node, ast.BinOp):
        a, b = _range(node.left, known), _range(node.right, known)
        if a is None or b is None:
            return None
        if isinstance(node.op, ast.Add):
            return a[0] + b[0], a[1] + b[1]
        if isinstance(node.op, ast.Sub):
            return a[0] - b[1], a[1] - b[0]
        if isinstance(node.op, ast.Mult) and (a[0] == a[1] or b[0] == b[1]):
            ends = (a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1])
            return min(ends), max(ends)
    return None


def _is_min(node: ast.IfExp) -> bool:
    """`x if x <= k else k` (or `<`): the smaller of x and the literal k."""
    test = node.test
    return (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.LtE | ast.Lt)
        and _whole(node.orelse) is not None
        and ast.dump(test.comparators[0]) == ast.dump(node.orelse)
        and ast.dump(test.left) == ast.dump(node.body)
    )


def _folded(statements: list[ast.stmt], known: dict[str, Interval]) -> list[ast.stmt]:
    """The statements with literal arithmetic done and the comparisons that ranges
    decide replaced by their outcome (`_Fold`).  `known`: the range of each name at
    the start, updated statement by statement as the names are assigned (the code is
    straight-line: no loops); after an `if`, a name it assigns has the range of
    either branch."""
    out = []
    for statement in statements:
        fold = _Fold(known)
        if isinstance(statement, ast.If):
            statement.test = fold.visit(statement.test)
            then, otherwise = dict(known), dict(known)
            statement.body = _folded(statement.body, then)
            statement.orelse = _folded(statement.orelse, otherwise)
            for name in _stored(statement):  # either branch's range, whichever ran
                a, b = then.get(name), otherwise.get(name)
                if a is None or b is None:
                    known.pop(name, None)
                else:
                    known[name] = min(a[0], b[0]), max(a[1], b[1])
        elif _single_name(statement) is not None:
            statement.value = fold.visit(statement.value)
            name = _single_name(statement)
            span = _range(statement.value, known)
            if span is None:
                known.pop(name, None)
            else:
                known[name] = span
        else:
            statement = fold.visit(statement)
            for name in _stored(statement):
                known.pop(name, None)
        out.append(statement)
    return out


def _propagated(statements: list[ast.stmt], keep: frozenset[str]) -> list[ast.stmt]:
    """`n = v` with `n` assigned once and `v` never assigned here (a fact's value): every
    `n` read as `v`, and the copy dropped."""
    stores, _ = _counts(statements)
    copies = {}
    for statement in statements:
        name = _single_name(statement)
        if (
            name is not None
            and name not in keep
            and stores[name] == 1
            and isinstance(statement.value, ast.Name)
            and statement.value.id not in stores
        ):
            copies[name] = statement.value.id
    if not copies:
        return statements
    kept = [s for s in statements if _single_name(s) not in copies]
    for statement in kept:
        for n in ast.walk(statement):
            if type(n) is ast.Name and type(n.ctx) is ast.Load and n.id in copies:
                n.id = copies[n.id]
    return kept


def _counts(statements: list[ast.stmt]) -> tuple[dict[str, int], dict[str, int]]:
    """How many times each name is assigned, and read, in the statements (one walk)."""
    stores: dict[str, int] = {}
    loads: dict[str, int] = {}
    for statement in statements:
        for n in ast.walk(statement):
            if type(n) is ast.Name:
                counts = loads if type(n.ctx) is ast.Load else stores
                counts[n.id] = counts.get(n.id, 0) + 1
    return stores, loads


class _Put(ast.NodeTransformer):
    """Each inlined name replaced by its value, whose own inlined names are replaced in
    turn (each is read once: every value is put in one place, and the work is linear)."""

    def __init__(self, values: dict[str, ast.expr]):
        self.values = values

    def visit_Name(self, node: ast.Name) -> ast.expr:
        if isinstance(node.ctx, ast.Load) and node.id in self.values:
            return self.visit(self.values.pop(node.id))
        return node


def _inline(statements: list[ast.stmt], keep: frozenset[str]) -> list[ast.stmt]:
    """Each name assigned once from a pure value and read once, later in the same
    statement list (in an assignment's value or an `if`'s test), replaced there by
    its value — as long as nothing the value reads is assigned in between — and its
    assignment dropped: the same arithmetic without a store and a load per name."""
    stores, loads = _counts(statements)
    values: dict[str, ast.expr] = {}
    body = _inline_list(statements, stores, loads, keep, values)
    put = _Put(values)
    return [put.visit(statement) for statement in body]


def _inline_list(statements, stores, loads, keep, values) -> list[ast.stmt]:
    """`_inline` on one statement list (and, first, on those inside its `if`s): the
    names to replace go into `values`, the statements kept are returned."""
    body = list(statements)
    for statement in body:
        if isinstance(statement, ast.If):
            statement.body = _inline_list(statement.body, stores, loads, keep, values)
            statement.orelse = _inline_list(statement.orelse, stores, loads, keep, values)
    where: dict[str, list[int]] = {}  # a name → indices of the statements storing it
    read: dict[str, tuple[int, bool]] = {}  # a name read once → (index, in a value or test)
    reads: list[set[str]] = []  # what each value or test reads, once names are replaced
    for index, statement in enumerate(body):
        stored, loaded = _counts([statement])
        for name in stored:
            where.setdefault(name, []).append(index)
        direct = _direct(statement)
        reads.append(_loads(direct) if direct is not None else set())
        for name in loaded:
            read[name] = (index, name in reads[-1])
    alive = [True] * len(body)
    for index, statement in enumerate(body):
        name = _single_name(statement)
        if (
            name is None
            or name in keep
            or stores.get(name) != 1
            or loads.get(name) != 1
            or name not in read
            or not _pure(statement.value)
        ):
            continue
        target, direct = read[name]
        if not direct or target <= index:
            continue
        operands = reads[index]
        if any(_between(where.get(o, ()), index, target) for o in operands):
            continue
        values[name] = statement.value
        reads[target] = (reads[target] - {name}) | operands
        for o in operands:  # now read where the name was
            if o in read:
                read[o] = (target, True)
        alive[index] = False
    return [statement for statement, keep_it in zip(body, alive, strict=True) if keep_it]


def _between(indices: list[int], low: int, high: int) -> bool:
    """Whether the sorted `indices` hold one strictly between low and high."""
    at = bisect.bisect_right(indices, low)
    return at < len(indices) and indices[at] < high


def _stored(statement: ast.stmt) -> set[str]:
    return set(_counts([statement])[0])


def _direct(statement: ast.stmt) -> ast.expr | None:
    """An assignment's value or an `if`'s test: where a value put in place of a name it
    reads is computed exactly when the name would have been read."""
    if isinstance(statement, ast.Assign):
        return statement.value
    if isinstance(statement, ast.If):
        return statement.test
    return None


def _unguarded(statements: list[ast.stmt], counts: frozenset[str]) -> list[ast.stmt]:
    """`n = 0` then `if v > 0: n = K * v` (每次扣K分 on a count) as `n = K * v`: for an
    int v ≥ 0 both give K × v, and the test is gone."""
    out: list[ast.stmt] = []
    for statement in statements:
        if isinstance(statement, ast.If):
            statement.body = _unguarded(statement.body, counts)
            statement.orelse = _unguarded(statement.orelse, counts)
            previous = out[-1] if out else None
            product = _guarded_product(statement, counts)
            if (
                product is not None
                and isinstance(previous, ast.Assign)
                and _single_name(previous) == product.targets[0].id
                and _is_zero(previous.value)
            ):
                out[-1] = product
                continue
        out.append(statement)
    return out


def _guarded_product(statement: ast.If, counts: frozenset[str]) -> ast.Assign | None:
    """The assignment of `if v > 0: n = v` or `n = K * v` (K a whole literal), v a count."""
    test = statement.test
    if statement.orelse or len(statement.body) != 1 or not isinstance(test, ast.Compare):
        return None
    if not (
        isinstance(test.left, ast.Name)
        and test.left.id in counts
        and [type(op) for op in test.ops] == [ast.Gt]
        and _is_zero(test.comparators[0])
    ):
        return None
    assign = statement.body[0]
    if _single_name(assign) is None:
        return None
    value, v = assign.value, test.left.id
    if isinstance(value, ast.Name) and value.id == v:
        return assign
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult):
        sides = (value.left, value.right)
        names = [s for s in sides if isinstance(s, ast.Name) and s.id == v]
        whole = [s for s in sides if isinstance(s, ast.Constant) and type(s.value) is int]
        if len(names) == 1 and len(whole) == 1:
            return assign
    return None


def _is_zero(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int and node.value == 0


def _prune(statements: list[ast.stmt], live: set[str]) -> tuple[list[ast.stmt], set[str]]:
    """The statements still needed for the names in `live` after them, and the names
    needed before them."""
    kept: list[ast.stmt] = []
    for statement in reversed(statements):
        if isinstance(statement, ast.Pass):
            continue
        target = _single_name(statement)
        if target is not None and isinstance(statement, ast.Assign):
            if target not in live and _pure(statement.value):
                continue
            live = (live - {target}) | _loads(statement.value)
        elif isinstance(statement, ast.If):
            body, body_live = _prune(statement.body, set(live))
            orelse, else_live = _prune(statement.orelse, set(live))
            if not body and not orelse and _pure(statement.test):
                continue
            statement = ast.If(test=statement.test, body=body or [ast.Pass()], orelse=orelse)
            live = body_live | else_live | _loads(statement.test)
        else:  # anything else is kept, and whatever it reads stays needed
            live = live | _loads(statement)
        kept.append(statement)
    kept.reverse()
    return kept, live


def _single_name(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        if isinstance(target, ast.Name):
            return target.id
    return None


def _loads(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _pure(node: ast.expr) -> bool:
    """Whether computing `node` can neither fail nor do anything but give a value: names,
    literals, + − ×, comparisons, not/and/or, conditional expressions, max and min."""
    if isinstance(node, ast.Name | ast.Constant):
        return True
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, _PURE_OPS) and _pure(node.left) and _pure(node.right)
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, ast.Not | ast.USub) and _pure(node.operand)
    if isinstance(node, ast.BoolOp):
        return all(_pure(v) for v in node.values)
    if isinstance(node, ast.Compare):
        return _pure(node.left) and all(_pure(c) for c in node.comparators)
    if isinstance(node, ast.IfExp):
        return _pure(node.test) and _pure(node.body) and _pure(node.orelse)
    if isinstance(node, ast.Call):
        return (
            isinstance(node.func, ast.Name)
            and node.func.id in _PURE_CALLS
            and not node.keywords
            and all(_pure(a) for a in node.args)
        )
    return False
