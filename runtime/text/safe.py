"""Untrusted text made harmless where it is shown: terminals, CSV cells, xlsx cells.

Unit names, cell values and file names come from spreadsheets that units fill in
themselves, so any of them may be an attack:

- on a terminal, an escape sequence (ESC, OSC 8 links, cursor movement) or a bidi
  override changes what the reader sees; `visible` writes every such character as
  an escape (`\\x1b`, `\\u202e`) instead, and a lone surrogate (which no terminal
  can encode) the same way;
- in a CSV file opened by Excel, a cell that begins with `=`, `+`, `-`, `@`, a tab or
  a carriage return is run as a formula (CWE-1236); `csv_cell` puts a `'` in front,
  as the OWASP guidance on CSV injection says, leaving plain numbers alone;
- in an xlsx file, characters XML cannot hold make the writer fail; `xlsx_text`
  writes them as escapes too, so one bad cell never costs the whole report, and
  cuts a text longer than Excel's 32 767 characters (Excel would refuse to open
  the file), saying so in the cell.
"""

from __future__ import annotations

import os
import re

#: C0 controls except tab and newline, DEL, C1 controls, bidi embeddings, overrides
#: and isolates, and lone surrogates (from JSON escapes or undecodable file names).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: The same without the tab and the newline exemption (for a value on one line).
_UNSAFE_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: What an xlsx cell cannot hold (XML 1.0) or should not (surrogates).
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: First characters that make a spreadsheet read a cell as a formula (with their
#: full-width forms, which an input method may turn into the ASCII ones).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
STARTS = "=+-@\t\r＝＋－＠"

#: The longest text an Excel cell holds.
XLSX_CELL_CHARS = 32_767

#: Text Excel reads as a plain number (never a formula): left as it is in CSV.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` for a terminal: controls other than tab and newline, bidi controls and
    lone surrogates written as escapes."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def visible_line(text: str) -> str:
    """Like `visible`, and tabs and newlines escaped too: a name stays on one line."""
    return _UNSAFE_LINE.sub(_escape, text) if _UNSAFE_LINE.search(text) else text


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would take this text for a formula (or part of one)."""
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs: text that could start a formula gets a
    leading `'` (Excel shows the text as written).  Numbers, and text that is a
    plain number such as `-2.5`, are left as they are."""
    if type(value) is str and value and value[0] in STARTS and is_formula_like(value):
        return "'" + value
    return value


def csv_row(row: list[object]) -> list[object]:
    """`csv_cell` on every cell of a row (in place), returned for chaining."""
    for i, value in enumerate(row):
        if type(value) is str and value and value[0] in STARTS:
            row[i] = csv_cell(value)
    return row


def xlsx_text(text: str) -> str:
    """Text an xlsx cell can hold: characters XML refuses written as escapes, and at
    most 32 767 characters (a longer text is cut, and the cell says how long it was)."""
    if _XML_UNSAFE.search(text):
        text = _XML_UNSAFE.sub(_escape, text)
    if len(text) > XLSX_CELL_CHARS:
        note = f"……（共 {len(text)} 字，已截断）"
        text = text[: XLSX_CELL_CHARS - len(note)] + note
    return text


def display_path(path: object) -> str:
    """A file name as a person can read it.

    A name that is not UTF-8 (a GBK name from a Chinese Windows share) reaches Python
    with its bytes kept as lone surrogates; those bytes are decoded as GB18030, and
    anything still undecodable is shown as `\\xNN`."""
    text = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
    if not re.search("[\udc80-\udcff]", text):
        return visible_line(text)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # other lone surrogates: shown as escapes
        return visible_line(text)
    try:
        return visible_line(raw.decode("gb18030"))
    except UnicodeDecodeError:
        return visible_line(raw.decode("utf-8", "backslashreplace"))
