"""Declarations: names declared twice (E207), unknown type words (E217), defaults and
ranges that do not fit their type (E210), a better end (`越高越好`) that a fact cannot
have or is given both ways (E250)."""

from __future__ import annotations

from ...diagnostics.diagnostic import Diagnostic
from ...diagnostics.messages import details
from ...diagnostics.suggest import closest
from ..context import Context
from ..units import fact_kind
from ..values import ConversionError, convert

_TYPE_NAMES = ("是否", "百分比", "数值", "日期")


def check_decls(ctx: Context) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for decl in ctx.tree.facts:
        if decl.name in seen:
            diags.append(
                Diagnostic("E207", decl.name_span, {"name": decl.name, "other": seen[decl.name]})
            )
            continue
        seen[decl.name] = decl.span.line
        diags += _check_fact(ctx, decl)
    for param in ctx.tree.params:
        if param.name in seen:
            diags.append(
                Diagnostic("E207", param.name_span, {"name": param.name, "other": seen[param.name]})
            )
            continue
        seen[param.name] = param.span.line
    return diags


def _check_fact(ctx: Context, decl) -> list[Diagnostic]:
    kind = fact_kind(decl.type_word)
    if kind is None:
        word = decl.type_word.strip()
        # only the type words: a unit one character from another (吨次, 人次) means
        # something else, so no unit is ever offered
        guess = closest(word, _TYPE_NAMES)
        if guess is None and word.endswith("数") and fact_kind(word[:-1]) is not None:
            guess = word[:-1]  # `次数`, `人数`, `户数`: a count is declared by its unit
        args = {
            "name": decl.name,
            "type": decl.type_word,
            "did_you_mean": f"您是不是要写 “{guess}”？" if guess else "",
            "did_you_mean_en": f"did you mean “{guess}”? " if guess else "",
        }
        return [Diagnostic("E217", decl.span, args)]
    year = ctx.tree.header.year
    type_word = decl.type_word.strip()
    if decl.sense == "both" or (decl.sense is not None and kind.type in ("bool", "date")):
        why = "sense.both" if decl.sense == "both" else "sense.no_order"
        args = {"name": decl.name, **details(why, "why", type=type_word)}
        return [Diagnostic("E250", decl.span, args)]

    def bad(what: str, value: str, expect: str, **eargs: object) -> Diagnostic:
        args = {"name": decl.name, "value": value, "type": type_word}
        args.update(details(f"what.{what}", "what"))
        args.update(details(f"expect.{expect}", "expected", **eargs))
        return Diagnostic("E210", decl.span, args)

    diags: list[Diagnostic] = []
    values: dict[str, object] = {}
    for what in ("default", "low", "high"):
        raw = getattr(decl, what)
        if raw is None:
            continue
        if what != "default" and kind.type in ("bool", "date"):
            diags.append(bad("range", raw, "no_range", type=type_word))
            continue
        try:
            values[what] = convert(kind.type, raw, year, bounded=not decl.ranged)
        except ConversionError:
            diags.append(bad(what, raw, kind.type))
    low, high = values.get("low"), values.get("high")
    if low is not None and high is not None and low > high:  # type: ignore[operator]
        diags.append(bad("range", f"{decl.low}至{decl.high}", "range"))
        return diags
    default = values.get("default")
    below = default is not None and low is not None and default < low  # type: ignore[operator]
    above = default is not None and high is not None and default > high  # type: ignore[operator]
    if below or above:
        if low is not None and high is not None:
            diags.append(bad("default", decl.default, "within", low=decl.low, high=decl.high))
        elif below:
            diags.append(bad("default", decl.default, "at_least", low=decl.low))
        else:
            diags.append(bad("default", decl.default, "at_most", high=decl.high))
    return diags
