"""The header fields (`细则：` `年度：` `满分：` …) read into `ast.Header`.

Values are checked here, where their spelling is known (E113), and the required
fields (`细则`, `年度`, `满分`) are demanded (E107).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...diagnostics.diagnostic import Diagnostic
from ...source.text import Span, normalise
from .. import ast
from .. import keywords as kw
from ..numerals import DIGITS

_YEAR = re.compile(r"(\d{4})\s*年?")
_YEAR_CN = re.compile(f"([{''.join(DIGITS)}]{{4}})\\s*年?")
_POINTS = re.compile(r"(\d+(?:\.\d+)?)\s*(分?)")
_BOUNDARY = re.compile(
    r"(?P<word>.+?)\s*(?P<phrase>"
    + "|".join(sorted(kw.BOUNDARY_PHRASES, key=len, reverse=True))
    + ")"
)
_BOUNDARY_WORDS = set(kw.requirement_words()) | set(kw.COMPARE_AFTER)

_EXPECTED: dict[str, tuple[str, str]] = {
    "细则": ("应为细则的名称", "expected the title of the rules"),
    "年度": ("应为年份，如 2023", "expected a year, e.g. 2023"),
    "满分": ("应为正的分值，如 100分", "expected positive points, e.g. 100分"),
    "精度": ("应为正数，如 0.01", "expected a positive number, e.g. 0.01"),
    "边界": (
        "应写作 “以上含本数，以下不含本数”（比较词加 含本数 / 不含本数，以逗号分隔）",
        "expected e.g. “以上含本数，以下不含本数” (comparison words with 含本数 / 不含本数)",
    ),
    "计分": ("应为 减分制 或 得分制", "expected 减分制 or 得分制"),
    "考评对象": ("应为考评对象的说明", "expected who is assessed"),
}


@dataclass(frozen=True)
class HeaderLine:
    """One `名称：值` header line: the field word, its value as written, and where."""

    name: str
    value: str
    value_span: Span
    span: Span


def read_header(lines: list[HeaderLine]) -> tuple[ast.Header, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    values: dict[str, object] = {}
    for line in lines:
        parsed = _value(line)
        if parsed is None:
            zh, en = _EXPECTED[line.name]
            args = {"field": line.name, "value": line.value, "expected": zh, "expected_en": en}
            diags.append(Diagnostic("E113", line.value_span, args))
        else:
            values[kw.HEADER_FIELDS[line.name]] = parsed
    present = {line.name for line in lines}
    for name in kw.REQUIRED_HEADER:
        if name not in present:
            diags.append(Diagnostic("E107", Span(1, 1, 1, 2), {"field": name}))
    span = lines[0].span if lines else Span(1, 1, 1, 1)
    for line in lines[1:]:
        span = span.merge(line.span)
    header = ast.Header(
        title=str(values.get("title", "")),
        year=values.get("year"),  # type: ignore[arg-type]
        full_marks=values.get("full_marks"),  # type: ignore[arg-type]
        precision=values.get("precision"),  # type: ignore[arg-type]
        boundary=values.get("boundary", ()),  # type: ignore[arg-type]
        mode=values.get("mode"),  # type: ignore[arg-type]
        target=values.get("target"),  # type: ignore[arg-type]
        span=span,
        fields=tuple((line.name, line.span) for line in lines),
    )
    return header, diags


def _value(line: HeaderLine) -> object | None:
    """The field's value, or None when it is not a valid one."""
    name = line.name
    if name in ("细则", "考评对象"):
        return line.value.strip() or None
    text = normalise(line.value).strip()
    if name == "年度":
        match = _YEAR.fullmatch(text)
        if match:
            return int(match.group(1))
        match = _YEAR_CN.fullmatch(text)
        if match:
            return int("".join(str(DIGITS[ch]) for ch in match.group(1)))
        return None
    if name in ("满分", "精度"):
        match = _POINTS.fullmatch(text)
        if not match or Decimal(match.group(1)) <= 0:
            return None
        unit = "分" if match.group(2) or name == "满分" else None
        return ast.Num(Decimal(match.group(1)), unit, line.value_span, text)
    if name == "计分":
        return text if text in kw.MODES else None
    if name == "边界":
        return _boundary(text)
    return None  # pragma: no cover - every field word is handled above


def _boundary(text: str) -> tuple[tuple[str, bool], ...] | None:
    items = [part.strip() for part in re.split(r"[,、;]", text) if part.strip()]
    out: list[tuple[str, bool]] = []
    for item in items:
        match = _BOUNDARY.fullmatch(item)
        if not match or match.group("word") not in _BOUNDARY_WORDS:
            return None
        out.append((match.group("word"), kw.BOUNDARY_PHRASES[match.group("phrase")]))
    return tuple(out) or None
