"""IR → one standalone Python module, through Jinja2 templates.

The module is the artefact users embed, so it must be safe to read and to import:
policy text only ever appears inside literals written by `pyliteral.py` (the `py`,
`doc` and `comment` filters), identifiers are generated (`emit.py`), the template
environment has no autoescape to surprise and fails on any undefined name, and the
result is parsed (and searched for floats) before it is returned.  The output depends
only on the IR, so the same policy gives the same bytes.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import jinja2

from . import ir, irutil
from .emit import PLACE_MARK, CodegenError, Emitter
from .pyliteral import comment, doc, py

TEMPLATES = Path(__file__).parent / "templates"
PRELUDE = TEMPLATES / "prelude.py"
_MARK = re.compile(r"^\s*" + re.escape(PLACE_MARK) + r"(\d+|-) ·")
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


def generate(policy: ir.Policy) -> str:
    """The module source for `policy`: deterministic, stdlib only, checked by ast."""
    emitter = Emitter(policy)
    facts = []
    for fact in policy.facts:
        if fact.type not in _CONVERTERS:
            raise CodegenError(f"unknown fact type {fact.type!r}")
        extra = f", {py(policy.year)}" if fact.type == "date" else ""
        facts.append(
            {
                "fields": irutil.fact_info_fields(fact),
                "converter": _CONVERTERS[fact.type],
                "extra": extra,
                "fast": _fast_path(fact),
            }
        )
    names = [f.name for f in policy.facts]
    average_slots = tuple(names.index(name) for name in policy.averages)
    source = (
        _environment()
        .get_template("module.py.j2")
        .render(
            policy=policy,
            prelude=prelude_text(),
            bands=[irutil.band_fields(b) for b in policy.bands],
            facts=facts,
            nodes=[irutil.node_info_fields(n, p) for n, p in irutil.nodes_with_parents(policy)],
            places=emitter.places,
            constants=sorted(
                ((n, lit) for lit, n in emitter.constants.items()), key=lambda kv: int(kv[0][2:])
            ),
            unit_key=irutil.UNIT_KEY,
            known=(*names, irutil.UNIT_KEY),
            average_slots=average_slots,
            unpack=_unpack(len(policy.facts), len(policy.averages)),
            averages_code=(
                "_convert_averages(averages, _AVERAGE_FACTS, unit)" if average_slots else "()"
            ),
            records=emitter.records,
            score_body=emitter.score.text(),
            total_body=emitter.total.text(),
        )
    )
    source = _with_spots(source)
    check(source)
    return source


def _fast_path(fact: ir.Fact) -> str:
    """The inline test under which a value needs no conversion (x is the value)."""
    if fact.type == "bool":
        return "x is True or x is False"
    if fact.type == "count" and fact.low is None and fact.high is None:
        return "type(x) is int and 0 <= x <= _MAX_COUNT"
    if fact.type == "date":
        return "type(x) is _date"
    return ""


def _unpack(facts: int, averages: int) -> str:
    lines = []
    if facts:
        names = ", ".join(f"v{i}" for i in range(facts))
        lines.append(f"    {names}{',' if facts == 1 else ''} = values")
    if averages:
        names = ", ".join(f"g{i}" for i in range(averages))
        lines.append(f"    {names}{',' if averages == 1 else ''} = averages")
    return "\n".join(lines)


def _with_spots(source: str) -> str:
    """Append the table that maps generated lines to policy places (clauses, nodes).
    It goes last so that adding it moves no line it refers to."""
    spots = []
    for number, line in enumerate(source.splitlines(), start=1):
        match = _MARK.match(line)
        if match:
            index = match.group(1)
            spots.append((number, -1 if index == "-" else int(index)))
    rows = "".join(f"    ({line}, {index}),\n" for line, index in spots)
    return (
        source.rstrip("\n")
        + "\n\n\n# Generated line → index in _PLACES (-1: no single clause), for errors.\n"
        + f"_SPOTS = (\n{rows})\n"
    )


def _float_lines(tree: ast.AST) -> list[int]:
    """Lines with a float literal or the name `float`.

    `ast.walk` is iterative, so a policy nested ten thousand levels deep cannot exhaust
    the interpreter's recursion limit here."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, float | complex):
            found.append(node.lineno)
        elif isinstance(node, ast.Name) and node.id == "float":
            found.append(node.lineno)
    return sorted(found)


def check(source: str) -> ast.Module:
    """Parse the generated source; refuse it if it has a float literal or names `float`."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:  # a codegen bug, never the policy's fault
        raise CodegenError(f"generated module does not parse: {exc}") from exc
    found = _float_lines(tree)
    if found:
        raise CodegenError(f"float in generated module at lines {found}")
    return tree
