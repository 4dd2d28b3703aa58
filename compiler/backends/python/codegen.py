"""IR → one standalone Python module, through Jinja2 templates.

The module is the artefact users embed, so it must be safe to read and to import:
policy text only ever appears inside literals written by `pyliteral.py` (the `py`,
`doc` and `comment` filters), identifiers are generated (`emit.py`), the template
environment has no autoescape to surprise and fails on any undefined name, and the
result is parsed, compiled and searched for floats (`codecheck`) before it is used.
The output depends only on the IR, so the same policy gives the same bytes.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from functools import cache
from pathlib import Path

import jinja2

from ...ir import nodes as ir
from ...ir import util as irutil
from ...source.gcpause import paused_gc
from . import codecheck, emit_table, emit_total, intpath
from .emit import PLACE_MARK, CodegenError, Emitter
from .pyliteral import comment, doc, py

TEMPLATES = Path(__file__).parent / "templates"
PRELUDE = Path(__file__).parents[2] / "support" / "prelude.py"
_MARK = re.compile(r"^[ ]*" + re.escape(PLACE_MARK) + r"(\d+|-) ·", re.MULTILINE)
_CONVERTERS = {
    "bool": "_convert_bool",
    "count": "_convert_count",
    "percent": "_convert_percent",
    "number": "_convert_number",
    "points": "_convert_points",
    "date": "_convert_date",
}


def _args(values: tuple) -> str:
    return ", ".join(py(v) for v in values)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["py"] = py
    env.filters["args"] = _args
    env.filters["doc"] = doc
    env.filters["comment"] = comment
    return env


def prelude_text() -> str:
    return PRELUDE.read_text(encoding="utf-8").rstrip("\n") + "\n"


def pseudo_filename(policy: ir.Policy) -> str:
    """The name generated code runs under (and is registered in linecache with)."""
    return f"<xize {policy.filename} {policy.source_hash[:12]}>"


def generate(policy: ir.Policy, integers: bool | None = None) -> str:
    """The module source for `policy`: deterministic, stdlib only, checked.
    `integers`: force the integer path on or off (None: wherever `intpath` allows it;
    forcing it on where it does not is refused)."""
    return generate_code(policy, integers=integers)[0]


def generate_code(
    policy: ir.Policy,
    filename: str | None = None,
    parsed: Callable[[], None] = lambda: None,
    integers: bool | None = None,
) -> tuple[str, types.CodeType]:
    """The module source and its checked code object (compiled under `filename`,
    by default `pseudo_filename(policy)`), from one parse of the text.  `parsed` is
    called once the text is rendered and parsed, before compiling (stage timing)."""
    with paused_gc():  # hundreds of thousands of syntax-tree nodes: no collections
        source = render(policy, integers)
        tree = codecheck.parse(source)
        parsed()
        code = codecheck.compile_checked(tree, filename or pseudo_filename(policy))
    return source, code


def render(policy: ir.Policy, integers: bool | None = None) -> str:
    """The module source for `policy`, not yet checked (`codecheck` does that)."""
    ints = intpath.eligible(policy)
    if integers is not None:
        if integers and not ints:
            raise CodegenError("this policy needs Decimal arithmetic (see intpath)")
        ints = integers
    emitter = Emitter(policy, ints)
    facts = []
    for fact in policy.facts:
        if fact.type not in _CONVERTERS:
            raise CodegenError(f"unknown fact type {fact.type!r}")
        extra = f", {py(policy.year)}" if fact.type == "date" else ""
        facts.append(
            {
                "fields": irutil.fact_info_fields(fact),
                "ir": fact,
                "converter": _CONVERTERS[fact.type],
                "extra": extra,
                "fast": _fast_path(fact),
            }
        )
    names = [f.name for f in policy.facts]
    average_slots = tuple(names.index(name) for name in policy.averages)
    # score/total read the facts inside _compute when no batch value needs them first
    # (one call and one tuple fewer per unit)
    read_inline = bool(policy.facts) and not (policy.averages or policy.stats)
    context_free = ints and intpath.context_free(policy)
    source = (
        _environment()
        .get_template("module.py.j2")
        .render(
            policy=policy,
            prelude=prelude_text(),
            bands=[irutil.band_fields(b) for b in policy.bands],
            quotas=[(q.band, q.share, q.count, q.per) for q in policy.quotas],
            facts=facts,
            facts_table=emit_table.table(
                "FactInfo", [irutil.fact_info_fields(f) for f in policy.facts]
            ),
            nodes_table=emit_table.table("NodeInfo", _node_rows(policy, emitter)),
            places_table=emit_table.table("tuple", emitter.places[: len(emitter.ordinals)]),
            items_table=emit_table.table("tuple", emitter.item_heads),
            node_count=len(emitter.nodes),
            constants=sorted(
                ((n, lit) for lit, n in emitter.constants.items()), key=lambda kv: int(kv[0][2:])
            ),
            unit_key=irutil.UNIT_KEY,
            average_slots=average_slots,
            unpack=_unpack(len(policy.facts), len(policy.averages), len(policy.stats)),
            averages_code=(
                "_batch_values(averages, batch, _AVERAGE_FACTS, _STATS, unit, _measure, values, _OWN)"
                if average_slots or policy.stats
                else "()"
            ),
            stats=[irutil.stat_fields(stat, names) for stat in policy.stats],
            membership=bool(policy.averages or policy.stats) and policy.disqualifies(),
            measures=bool(policy.averages or policy.stats),
            score_body=emitter.score.text(),
            ints=ints,
            whole_max=emitter.whole_max,
            context_free=context_free,
            read_inline=read_inline,
            read_facts=_read_facts(facts, unit_key=irutil.UNIT_KEY, pad="    "),
            read_facts_inline=_read_inline(facts, irutil.UNIT_KEY) if read_inline else "",
            lean_total=(
                _lean_total(facts, irutil.UNIT_KEY, emitter.numbers)
                if read_inline and context_free
                else ""
            ),
        )
    )
    return _with_spots(source)


def _node_rows(policy: ir.Policy, emitter: Emitter) -> list[tuple]:
    """NODES rows in the emitter's node order: node k of the generated code (`d3`,
    `_r3`) is NODES[3], which the module's untouched records are built from."""
    parents = {id(node): parent for node, parent in irutil.nodes_with_parents(policy)}
    return [irutil.node_info_fields(node, parents[id(node)]) for node in emitter.nodes]


def _fast_path(fact: ir.Fact, x: str = "x") -> str:
    """The inline test under which a value needs no conversion (`x` names the value)."""
    if fact.type == "bool":
        return f"{x} is True or {x} is False"
    if fact.type == "count" and fact.low is None and fact.high is None:
        # a bound that is a small int keeps the comparison on CPython's fast int path;
        # a larger count goes through _convert_count, which takes it up to _MAX_COUNT
        return f"type({x}) is int and 0 <= {x} <= {_COUNT_TOP}"
    if fact.type == "date":
        return f"type({x}) is _date"
    return ""


def _read_facts(facts: list[dict], unit_key: str, pad: str) -> str:
    """Statements that read one unit's facts into v0, v1, … (and `unit`) from the
    mapping `facts`: the common case (a bool, an int count, a date) is tested inline,
    anything else goes through the converter of the fact's type."""
    lines = [
        "if type(facts) is not dict:",
        "    _check_mapping(facts)",
        "get = facts.get",
        f"unit = get({py(unit_key)})",
        "if not _KNOWN.issuperset(facts):",
        "    facts = _rekey(facts, _KNOWN, unit)",
        "    get = facts.get",
    ]
    for k, fact in enumerate(facts):
        lines.append(f"x = get({py(fact['fields'][0])})")
        call = f"{fact['converter']}(x, _f{k}, unit{fact['extra']})"
        lines.append(
            f"v{k} = x if {fact['fast']} else {call}" if fact["fast"] else f"v{k} = {call}"
        )
    return "\n".join(pad + line for line in lines)


#: The largest count the inline test takes (a small int keeps CPython's fast path).
_COUNT_TOP = 999999999

#: Counts tested at once by one `0 <= (v0 | v1 | …) <= top`: the or of non-negative ints
#: is at least each of them, and negative if any is; chunks keep the expression shallow.
_OR_CHUNK = 64


def _tested_count(fact: dict) -> bool:
    """A count the inline tests take as an int from 0 to _COUNT_TOP (one without bounds)."""
    return fact["ir"].type == "count" and bool(fact["fast"])


def _fast_tests(facts: list[dict]) -> str:
    """One condition under which every value read into v0, v1, … needs no conversion:
    each fast test of `_fast_path`, the counts' range tested once for all of them.  A
    value that fails it (or is in range but makes the or exceed the top) is read again
    by `_convert`, which accepts or refuses it as before."""
    tests, counts = [], []
    for k, fact in enumerate(facts):
        if _tested_count(fact):
            tests.append(f"type(v{k}) is int")
            counts.append(f"v{k}")
        elif fact["fast"]:
            tests.append(f"({_fast_path(fact['ir'], f'v{k}')})")
    for start in range(0, len(counts), _OR_CHUNK):
        names = " | ".join(counts[start : start + _OR_CHUNK])
        tests.append(f"0 <= {names if len(counts) - start == 1 else f'({names})'} <= {_COUNT_TOP}")
    return " and ".join(tests) or "True"


def _fast_read(facts: list[dict], unit_key: str, then: list[str], unit: bool) -> list[str]:
    """Statements that read a plain dict holding exactly the policy's facts (and perhaps
    the unit) by subscript, test the values at once, convert the others in FACTS order
    (`unit` read first when they, or `unit`, need it) and run `then`; anything else is
    left to the statements after them.  The values it accepts are those `_read_facts`
    accepts as they are, and the first error a converter raises is the one `_convert`
    would raise first, so both give the same results and errors."""
    lines = [
        f"if type(facts) is dict and len(facts) - ({py(unit_key)} in facts) == {len(facts)}:",
        "    try:",
        *(f"        v{k} = facts[{py(f['fields'][0])}]" for k, f in enumerate(facts)),
        "    except KeyError:",
        "        pass",
        "    else:",
        f"        if {_fast_tests(facts)}:",
    ]
    slow = [k for k, f in enumerate(facts) if not f["fast"]]
    body = [f"unit = facts.get({py(unit_key)})"] if slow or unit else []
    for k in slow:
        f = facts[k]
        body.append(f"v{k} = {f['converter']}(v{k}, _f{k}, unit{f['extra']})")
    return lines + ["            " + line for line in body + then]


def _read_inline(facts: list[dict], unit_key: str) -> str:
    """`_compute`'s reading of a unit's facts: the plain dict of exactly the policy's
    facts by `_fast_read`, anything else as `_convert` reads it."""
    lines = [
        "fast = False",
        *_fast_read(facts, unit_key, ["fast = True"], unit=True),
        "if not fast:",
        *_read_facts(facts, unit_key, pad="    ").split("\n"),
    ]
    return "\n".join("        " + line for line in lines)


def _lean_total(facts: list[dict], unit_key: str, numbers: list[str]) -> str:
    """`total`'s own reading and arithmetic (`emit_total`), before its call of
    `_compute`; empty when the numbers are too many to copy.  An exception in the copy
    is left to `_compute`, which raises it located at its .rule line."""
    counts = frozenset(f"v{k}" for k, f in enumerate(facts) if _tested_count(f))
    body = emit_total.lean_body(numbers, counts, _COUNT_TOP)
    if body is None:
        return ""
    then = [
        "try:",
        *("    " + line for line in body.splitlines()),
        "except Exception:",
        "    pass  # _compute, below, reports it at its place",
        "else:",
        "    return total",
    ]
    return "\n".join("    " + line for line in _fast_read(facts, unit_key, then, unit=False))


def _unpack(facts: int, averages: int, stats: int = 0) -> str:
    lines = []
    if facts:
        names = ", ".join(f"v{i}" for i in range(facts))
        lines.append(f"    {names}{',' if facts == 1 else ''} = values")
    if averages or stats:
        batch = [f"g{i}" for i in range(averages)] + [f"z{i}" for i in range(stats)]
        lines.append(f"    {', '.join(batch)}{',' if len(batch) == 1 else ''} = averages")
    return "\n".join(lines)


def _with_spots(source: str) -> str:
    """Append the table that maps generated lines to policy places (clauses, nodes).
    It goes last so that adding it moves no line it refers to.  It is one string of
    "line:place" pairs (place -1: no single clause), read only when an exception needs
    its .rule line: as a literal tuple it was a tenth of the module's syntax tree."""
    spots = []
    line, last = 1, 0
    found = source.find(PLACE_MARK)
    while found >= 0:  # str.find, then the pattern at the line start: a quick scan
        start = source.rfind("\n", 0, found) + 1
        match = _MARK.match(source, start)
        if match:
            line += source.count("\n", last, start)
            last = start
            index = match.group(1)
            spots.append(f"{line}:{-1 if index == '-' else int(index)}")
        found = source.find(PLACE_MARK, found + 1)
    rows = "\n".join(_wrapped(spots, 96))
    return (
        source.rstrip("\n")
        + "\n\n\n# Generated line:index in _PLACES (-1: no single clause), for errors.\n"
        + f"_SPOTS = (\n{rows}\n)\n"
    )


def _wrapped(words: list[str], width: int) -> list[str]:
    """The words as string literals of about `width` characters, one per line (Python
    joins adjacent literals), so that the table reads as lines, not one long line."""
    lines, current = [], ""
    for word in words:
        if current and len(current) + len(word) > width:
            lines.append(f"    {py(current)}")
            current = ""
        current += word + " "
    lines.append(f"    {py(current)}")
    return lines


def check(source: str) -> types.CodeType:
    """Parse the generated source, compile the tree, refuse it if it has a float."""
    with paused_gc():
        return codecheck.check(source)
