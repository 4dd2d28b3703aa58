"""What the lexer reads: the normalised text with comments and hidden characters taken out.

Before Lark sees a file, one linear pass over the normalised text
- reports invisible and bidirectional-control characters (E103) and other control
  characters (E108), and replaces each by a blank so that parsing goes on;
- makes every line break a `\\n` (a lone `\\r` and the other breaks `str.splitlines`
  knows), so that line numbers agree with `Source.lines`;
- cuts `#` comments (at a line start or after a blank, never inside 【】 or “”) out of
  the text, keeping them for the formatter;
- blanks a trailing `。` / `；` (LANGUAGE.md §2) and limits parenthesis nesting, so
  that no later stage recurses without bound;
- brings the wordings of clauses about the batch to one form (`equivalents`).

Every replacement keeps the text's length: a column found later is a column of the
original line.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from ..diagnostics.diagnostic import Diagnostic
from ..source.text import Source, Span
from . import keywords as kw
from .ast import Comment
from .equivalents import Rewrite, canonical, lone_clause_lines
from .mean_bands import PLACEHOLDER as BAND_PLACEHOLDER
from .mean_bands import Band, read_line
from .ordinals import PLACEHOLDER as TIER_PLACEHOLDER
from .ordinals import SO_ON_PLACEHOLDER, SoOn
from .ordinals import read_line as read_ordinal_tiers

# U+202A–202E, U+2066–2069 (bidi), U+200B–200D, U+FEFF (zero width), and their kin:
# U+200E/200F/061C (direction marks), U+2060–2064 (word joiner, invisible operators),
# U+00AD (soft hyphen).
_INVISIBLE = "\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\u2060-\u2064\ufeff\u00ad"
# Line breaks of str.splitlines besides \n and \r.
_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Other control characters, surrogates, noncharacters and the replacement character.
# U+E000 is the placeholder of a band of distance from the average (`mean_bands`), U+E001
# that of an escalating tier and U+E002 of `以此类推` after tiers (`ordinals`): never the
# writer's.
_CONTROL = (
    "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff\ufffd"
    + BAND_PLACEHOLDER
    + TIER_PLACEHOLDER
    + SO_ON_PLACEHOLDER
)
_SPECIAL = re.compile(f"[{_INVISIBLE}{_BREAKS}{_CONTROL}\r]")

#: How many E103 / E108 diagnostics one file reports (the rest are still blanked).
CHAR_REPORT_LIMIT = 50
#: Deepest parenthesis nesting a line may have.
MAX_NESTING = 32
_OPENERS = {"【": "】", "“": "”"}


@dataclass
class Prepared:
    """The lexer's text and what the pass found on the way."""

    text: str
    comments: list[Comment] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # line → column just after the line's code (comment cut, trailing blanks dropped,
    # a trailing 。/； still counted): notes keep their final full stop.
    content_end: dict[int, int] = field(default_factory=dict)
    line_starts: list[int] = field(default_factory=list)
    # the batch wordings brought to canonical form (`equivalents`), each in place
    rewrites: list[Rewrite] = field(default_factory=list)
    # bands of distance from the average (`mean_bands`): (line, column) of each
    # placeholder the lexer reads as one comparison
    bands: dict[tuple[int, int], Band] = field(default_factory=dict)
    # escalating tiers (`ordinals`): (line, column) of each placeholder → its ordinal and
    # counting word; of `以此类推` after them → what it continues
    ordinals: dict[tuple[int, int], tuple[int, str]] = field(default_factory=dict)
    so_on: dict[tuple[int, int], SoOn] = field(default_factory=dict)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of an offset into `text`, both 1-based."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


def char_name(ch: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: how a diagnostic names an invisible character."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def prepare(source: Source) -> Prepared:
    text = source.normalised
    diags: list[Diagnostic] = []
    counts = {"E103": 0, "E108": 0}
    pieces: list[str] = []
    last = 0
    special: list[tuple[int, str]] = []
    for match in _SPECIAL.finditer(text):
        pos = match.start()
        ch = text[pos]
        if ch == "\r":
            replacement = " " if text.startswith("\n", pos + 1) else "\n"
        elif ch in _BREAKS:
            replacement = "\n"
            special.append((pos, "E108"))
        elif ch == "\ufeff" and pos == 0:
            replacement = " "
        else:
            replacement = " "
            code = "E103" if re.match(f"[{_INVISIBLE}]", ch) else "E108"
            special.append((pos, code))
        pieces.append(text[last:pos])
        pieces.append(replacement)
        last = pos + 1
    if pieces:
        pieces.append(text[last:])
        text = "".join(pieces)

    prepared = Prepared(text)
    prepared.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for pos, code in special:
        if counts[code] >= CHAR_REPORT_LIMIT:
            continue
        counts[code] += 1
        line, col = prepared.position(pos)
        ch = source.text[pos] if pos < len(source.text) else ""
        diags.append(Diagnostic(code, Span.point(line, col), {"char": char_name(ch)}))

    prepared.text, prepared.rewrites = canonical(_strip_lines(prepared, source, diags))
    _read_bands(prepared, diags)
    _read_ordinals(prepared, diags)
    prepared.diagnostics = diags
    return prepared


#: The header's `边界：以上不含本数` (the tiers' `以上` follows it).
_ABOVE_EXCLUDED = re.compile(
    r"^[ \t]*边界[ \t]*[:：][^\n]*以上[ \t]*(?:"
    + "|".join(p for p, inc in kw.BOUNDARY_PHRASES.items() if not inc)
    + ")",
    re.MULTILINE,
)


def _read_ordinals(prepared: Prepared, diags: list[Diagnostic]) -> None:
    """`第一次扣1分，第二次扣2分，第三次及以上本项不得分`: each tier replaced in place by one
    placeholder the grammar reads as `达到N` (`ordinals`)."""
    if "第" not in prepared.text:
        return
    lines = prepared.text.split("\n")
    above_excludes = _ABOVE_EXCLUDED.search(prepared.text) is not None
    for number, line in enumerate(lines, 1):
        found = read_ordinal_tiers(line, number, above_excludes)
        if found is not None:
            for column, ordinal in found.ordinals.items():
                prepared.ordinals[(number, column)] = ordinal
            for column, reading in found.so_on.items():
                prepared.so_on[(number, column)] = reading
            lines[number - 1] = _placed(prepared, diags, number, line, found, "ordinal tier")
    prepared.text = "\n".join(lines)


def _read_bands(prepared: Prepared, diags: list[Diagnostic]) -> None:
    """Several bands of distance from the average on a clause line, each condition read
    as an interval and replaced in place by one placeholder (`mean_bands`)."""
    if "平均" not in prepared.text and "最" not in prepared.text:
        return
    lines = prepared.text.split("\n")
    lone = lone_clause_lines(lines)
    remarks: dict[int, list[Rewrite]] = {}
    for rewrite in prepared.rewrites:
        if rewrite.rule in ("bound restated", "share of average"):
            remarks.setdefault(rewrite.line, []).append(rewrite)
    for number, line in enumerate(lines, 1):
        said = line
        for rewrite in remarks.get(number, ()):
            said = said[: rewrite.start] + rewrite.original + said[rewrite.end :]
        found = read_line(line, number, lone.get(number), said)
        if found is not None:
            for column, band in found.bands.items():
                prepared.bands[(number, column)] = band
            lines[number - 1] = _placed(prepared, diags, number, line, found, "mean band")
    prepared.text = "\n".join(lines)


def _placed(
    prepared: Prepared, diags: list[Diagnostic], number: int, line: str, found, rule: str
) -> str:
    """The line with a pass's placeholders (`found.text`); its rewrites recorded (each
    stretch, for the columns of diagnostics) and its diagnostics kept."""
    for start, end in found.replaced:
        prepared.rewrites.append(
            Rewrite(number, start, end, line[start:end], found.text[start:end], rule)
        )
    diags.extend(found.diagnostics)
    return found.text


def _strip_lines(prepared: Prepared, source: Source, diags: list[Diagnostic]) -> str:
    """Cut comments, blank a trailing 。/；, guard parenthesis depth; line by line."""
    text = prepared.text
    lines = text.split("\n")
    original = source.text
    offset = 0
    for number, line in enumerate(lines, 1):
        start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        code = line
        if "#" in line:
            cut = _comment_start(line)
            if cut is not None:
                comment = original[start + cut : start + len(line)].rstrip()
                end = cut + len(comment)
                prepared.comments.append(Comment(comment, Span(number, cut + 1, number, end + 1)))
                code = line[:cut] + " " * (len(line) - cut)
        stripped = code.rstrip()
        prepared.content_end[number] = len(stripped) + 1
        while stripped and stripped[-1] in "。;":
            stripped = stripped[:-1].rstrip()
        if "。" in stripped and stripped.lstrip().startswith("-"):
            stripped = _sentences_as_clauses(stripped)
        code = stripped + " " * (len(line) - len(stripped))
        if code.count("(") > MAX_NESTING:  # fewer cannot nest too deep
            too_deep = _too_deep(code)
            if too_deep is not None:
                diags.append(_nesting_diagnostic(number, too_deep + 1))
                code = " " * len(line)
        lines[number - 1] = code
    return "\n".join(lines).rstrip()


def _sentences_as_clauses(code: str) -> str:
    """`…不得评为优秀。本项得分=…` on a clause line: a sentence ends where a clause does, so
    a 。 inside the line (outside 【…】 and “…”) is read as ；.  Otherwise the sentence
    after it ran into the words before (`等次 “优秀。本项得分…” 不在 等次： 中`)."""
    out = []
    closing = ""
    for i, ch in enumerate(code):
        if closing:
            closing = "" if ch == closing else closing
        elif ch in _OPENERS:
            closing = _OPENERS[ch]
        elif ch == "。" and not code[i + 1 :].lstrip().startswith(_CLAUSE_TAILS):
            ch = ";"  # (`…扣1分。最多扣2分` is a tail misplaced, reported as such)
        out.append(ch)
    return "".join(out)


#: What continues a clause rather than starting one (`，最多扣2分`, `，扣完为止`).
_CLAUSE_TAILS = ("最多", "最高", "扣完", "否则", "按比例", "不足", "累计")


def _comment_start(line: str) -> int | None:
    """Index of the `#` that starts a comment: at the line start or after a blank,
    outside 【…】 and “…”."""
    closing = ""  # the bracket or quote that ends the name or quotation we are in
    for i, ch in enumerate(line):
        if closing:
            if ch == closing:
                closing = ""
        elif ch in _OPENERS:
            closing = _OPENERS[ch]
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return None


def _too_deep(code: str) -> int | None:
    """Index of the first `(` nested deeper than MAX_NESTING, outside 【…】."""
    depth = 0
    in_name = False
    for i, ch in enumerate(code):
        if ch == "【":
            in_name = True
        elif ch == "】":
            in_name = False
        elif in_name:
            continue
        elif ch == "(":
            depth += 1
            if depth > MAX_NESTING:
                return i
        elif ch == ")":
            depth = max(depth - 1, 0)
    return None


def _nesting_diagnostic(line: int, column: int) -> Diagnostic:
    return Diagnostic(
        "E101",
        Span.point(line, column),
        {
            "found": "“(”",
            "found_en": "“(”",
            "expected": f"括号至多嵌套{MAX_NESTING}层（请拆分为几个条款，或改用参数）",
            "expected_en": f"at most {MAX_NESTING} nested parentheses (split the clause, or use a parameter)",
            "did_you_mean": "",
            "did_you_mean_en": "",
        },
    )
