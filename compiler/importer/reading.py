"""A document as it arrives (.docx, .txt, .md) → a flat list of blocks in reading order.

Word files are read with python-docx at the XML level, so that paragraphs and tables
come in the order they stand in the body and merged cells (`gridSpan`, `vMerge`) are
seen as one cell.  Text files are UTF-8 (with or without a BOM) or GB18030, the two
encodings WPS and Word save Chinese text in.  Nothing is interpreted here: the
outline, points and sentences are found by `outline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

#: The largest document read (bytes): a 细则 is a few hundred KB at most.
MAX_BYTES = 20 * 1024 * 1024


class ImportFailure(Exception):
    """The document cannot be read at all (format, encoding, damaged file)."""


@dataclass(frozen=True)
class Text:
    """Running text.  `split`: outline markers inside it start new nodes (a paragraph);
    False for the text of a table cell, whose own numbering is part of its sentences."""

    text: str
    split: bool = True
    title: bool = False  # the document's title (Word's Title style, a Markdown `# `)


@dataclass(frozen=True)
class Heading:
    """A node made from a table row: the marker (synthesised when the table has none),
    title and points are known, nothing in them is to be split further."""

    marker: str
    title: str
    points: str | None = None
    comment: str = ""


@dataclass(frozen=True)
class Table:
    """A table that is not an outline: rows of cell texts (merged cells once)."""

    rows: tuple[tuple[str, ...], ...]


@dataclass
class Cell:
    text: str
    continued: bool = False  # a vertically merged cell below its first row
    first_col: bool = True  # False for the 2nd… grid column of a horizontally merged cell


@dataclass(frozen=True)
class Rendered:
    """The document says it was written by `xize render` (its properties carry the
    source hash): its outline is a policy's outline, section-like titles included."""


Block = Text | Heading | Table | Rendered


@dataclass
class Grid:
    """A table's cells on its grid: `rows[r][c]`."""

    rows: list[list[Cell]] = field(default_factory=list)


def read_document(path: str | Path) -> list[Block]:
    """The blocks of a .docx, .txt or .md file.  Raises ImportFailure."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailure(f"无法读取 {path}：{exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise ImportFailure(f"{path} 太大（{size} 字节），超过 {MAX_BYTES} 字节的上限")
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".txt", ".md", ".markdown", ".text"):
        text = decode(path.read_bytes(), str(path))
        return read_markdown(text) if suffix in (".md", ".markdown") else read_text(text)
    if suffix in (".doc", ".wps", ".pdf"):
        raise ImportFailure(
            f"不能直接读取 {suffix} 文件：请在 Word 或 WPS 中另存为 .docx（PDF 请复制文字另存为 .txt）"
        )
    raise ImportFailure(f"不认识的文件类型 “{suffix or path.name}”：应为 .docx、.txt 或 .md")


def decode(data: bytes, name: str) -> str:
    """UTF-8 (BOM optional) or GB18030, the encodings Chinese office software saves in."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailure(f"{name} 既不是 UTF-8 也不是 GB18030 编码的文本，请另存为 UTF-8")


def read_text(text: str) -> list[Block]:
    return [Text(line) for line in _lines(text)]


def read_markdown(text: str) -> list[Block]:
    """Markdown, read with a CommonMark parser (markdown-it-py) rather than line patterns:
    emphasis, list bullets, quotes and escapes go wherever they stand, so `- 每缺一项扣1分`
    and `**财政资金信息（4分）**：…` reach the outline as the sentences they are, and pipe
    tables are tables.  A list numbered `1.` under a heading numbered `1.` is one level
    below it, which Markdown says by nesting and GB/T 9704 by the marker: such items
    become `（1）`, so that they are not read as the heading's siblings."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    heading_numbered = False  # the nearest heading starts with `1.` / `1、`
    lists: list[str] = []  # the open lists, innermost last: "ordered" or "bullet"
    marker = ""  # the outline marker for the next paragraph of an ordered item
    heading: int | None = None  # the level of the heading being read
    cell = False  # reading a table cell
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = int(token.tag[1])
        elif kind == "heading_close":
            heading = None
        elif kind in ("ordered_list_open", "bullet_list_open"):
            lists.append(kind.split("_")[0])
        elif kind in ("ordered_list_close", "bullet_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists and lists[-1] == "ordered":
            number = token.info or "1"
            nested = heading_numbered or lists.count("ordered") > 1
            marker = f"（{number}）" if nested else f"{number}."
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            rows.append(tuple(row))
        elif kind == "table_close":
            blocks.append(Table(tuple(rows)))
            rows = []
        elif kind in ("th_open", "td_open"):
            cell = True
        elif kind in ("th_close", "td_close"):
            cell = False
        elif kind == "inline" and cell:
            row.append(" ".join(line for line in _md_inline(token) if line))
        elif kind == "inline":
            lines = _md_inline(token)
            if marker and lines:
                lines[0] = marker + lines[0]
                marker = ""
            if heading is not None:
                line = "".join(lines)
                if heading == 1 and not any(isinstance(b, Text) and b.title for b in blocks):
                    blocks.append(Text(line, title=True))
                    continue
                heading_numbered = bool(re.match(r"\s*\d+\s*[.．、]", line))
                blocks.append(Text(line))
                continue
            blocks.extend(Text(line) for line in lines)
        elif kind in ("fence", "code_block", "html_block"):
            blocks.extend(Text(line) for line in _lines(token.content) if line.strip())
    return blocks


def _md_inline(token) -> list[str]:
    """The plain text of an inline run, one string per source line (a soft or hard break
    ends a line, as a line of a text file would)."""
    lines = [""]
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            lines.append("")
        elif child.type in ("text", "code_inline", "html_inline"):
            lines[-1] += child.content
        elif child.type == "image":
            lines[-1] += child.content
    return [line.rstrip() for line in lines]


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


# --------------------------------------------------------------------------- .docx


def read_docx(path: Path) -> list[Block]:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFailure(f"{path} 不是有效的 Word（.docx）文件：{exc}") from None
    from .tables import table_blocks

    blocks: list[Block] = []
    if (document.core_properties.comments or "").startswith("xize source sha256"):
        blocks.append(Rendered())
    for child in document.element.body.iterchildren():
        tag = _local(child.tag)
        if tag == "p":
            if _style(child) == "Title":
                blocks.append(Text(_paragraph_text(child).replace("\n", ""), title=True))
                continue
            blocks.extend(Text(line) for line in _paragraph_text(child).split("\n"))
        elif tag == "tbl":
            blocks.extend(table_blocks(grid_of(child)))
        elif tag == "sdt":  # a content control: its paragraphs are part of the text
            for p in child.iter(_w("p")):
                blocks.append(Text(_paragraph_text(p)))
    return blocks


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _paragraph_text(p) -> str:
    """The visible text of a `w:p`: runs, tabs and breaks (deleted revisions left out)."""
    out = []
    for el in p.iter():
        tag = _local(el.tag)
        if tag == "t" and not _inside(el, "del"):
            out.append(el.text or "")
        elif tag == "tab":
            out.append(" ")
        elif tag in ("br", "cr"):
            out.append("\n")
    return "".join(out)


def _style(p) -> str:
    """The style id of a `w:p` (`Title` for Word's title style)."""
    for el in p.iter(_w("pStyle")):
        return el.get(_w("val"), "")
    return ""


def _inside(el, tag: str) -> bool:
    parent = el.getparent()
    while parent is not None:
        if _local(parent.tag) == tag:
            return True
        parent = parent.getparent()
    return False


def grid_of(tbl) -> Grid:
    """The cells of a `w:tbl` on its column grid; merged cells are marked, not repeated."""
    grid = Grid()
    for tr in tbl.findall(_w("tr")):
        row: list[Cell] = []
        for tc in tr.findall(_w("tc")):
            props = tc.find(_w("tcPr"))
            span, continued = 1, False
            if props is not None:
                gs = props.find(_w("gridSpan"))
                if gs is not None:
                    try:
                        span = max(1, int(gs.get(_w("val"), "1")))
                    except ValueError:
                        span = 1
                vm = props.find(_w("vMerge"))
                if vm is not None and vm.get(_w("val"), "continue") != "restart":
                    continued = True
            text = "\n".join(_paragraph_text(p) for p in tc.findall(_w("p"))).strip()
            col = len(row)
            if continued and grid.rows and col < len(grid.rows[-1]):
                text = grid.rows[-1][col].text
            row.append(Cell(text, continued, True))
            row.extend(Cell(text, continued, False) for _ in range(span - 1))
        grid.rows.append(row)
    return grid
