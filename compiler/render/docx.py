"""The rendered document as a Word file laid out like a Chinese official document.

GB/T 9704-2012 and common practice: A4 with margins 37 mm (top), 35 mm (bottom),
28 mm (left), 26 mm (right); title in 方正小标宋简体 二号; headings `一、` in 黑体 and
`（一）` in 楷体; body 仿宋_GB2312 三号 (16 pt) at a fixed 28.95 pt line (22 lines a
page); page numbers `— 1 —` in the footer through a PAGE field, so Word and
LibreOffice number the pages themselves.  The fonts many machines lack get
alternates in the font table (方正小标宋简体 → 华文中宋 → 宋体, 仿宋_GB2312 → 仿宋),
which Word uses when the first choice is missing.
"""

from __future__ import annotations

from typing import IO

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from lxml import etree

from .md import _joint, meta_lines
from .model import NO_FACTS, DocNode, Document

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
PAGE_NUMBER_FONT = "宋体"
WESTERN_FONT = "Times New Roman"

#: Alternates written into the font table: (font, alternate, family).
FONT_TABLE = (
    ("方正小标宋简体", "华文中宋", "script"),
    ("华文中宋", "宋体", "auto"),
    ("宋体", "SimSun", "auto"),
    ("黑体", "SimHei", "modern"),
    ("楷体_GB2312", "楷体", "modern"),
    ("楷体", "KaiTi", "modern"),
    ("仿宋_GB2312", "仿宋", "modern"),
    ("仿宋", "FangSong", "modern"),
)

BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
TABLE_SIZE = Pt(12)  # 小四
LINE = Twips(579)  # 28.95 pt: 22 lines in the 225 mm type area
INDENT = Pt(32)  # two characters of 三号


def render_docx(doc: Document, out: str | IO[bytes]) -> None:
    """Write `doc` as .docx to a path or a binary stream."""
    word = new_document()
    _page(word)
    _styles(word)
    _font_table(word)
    _footer(word)
    props = word.core_properties
    props.title = doc.title
    props.subject = f"{doc.year}年度"
    props.comments = f"xize source sha256 {doc.source_hash}"
    body = word.paragraphs[0] if word.paragraphs else None
    if body is not None:
        body._element.getparent().remove(body._element)
    word.add_paragraph(doc.title, style="Title")
    meta = [word.add_paragraph(line, style="Meta") for line in meta_lines(doc)]
    if meta:
        meta[-1].paragraph_format.space_after = LINE  # one blank line before the body
    for node in doc.nodes:
        _node(word, node, doc.top_heading)
    if doc.bands:
        word.add_paragraph("等次评定", style="Heading 1")
        _table(word, ("等次", "总分"), [list(b) for b in doc.bands], (Mm(40), Mm(116)))
    # always there, even empty: it tells a reader (and `xize import`) what the scoring reads
    word.add_page_break()
    word.add_paragraph("附：数据项说明", style="Heading 1")
    if doc.facts:
        rows = [[f.name, f.type, f.default, f.range, f.description, f.used_in] for f in doc.facts]
        widths = (Mm(30), Mm(17), Mm(17), Mm(15), Mm(53), Mm(24))
        _table(word, ("数据项", "类型", "默认值", "范围", "说明", "用于"), rows, widths)
    else:
        word.add_paragraph(NO_FACTS, style="Normal")
    word.save(out)


# ---------------------------------------------------------------------- content


def _node(word, node: DocNode, top: str) -> None:
    if node.heading:
        style = "Heading 1" if node.kind == top else "Heading 2"
        word.add_paragraph(node.line, style=style)
        if node.text:
            word.add_paragraph(node.text, style="Normal")
    else:
        text = node.line + (_joint(node.line) + node.text if node.text else "")
        word.add_paragraph(text, style="Normal")
    if node.standards:
        word.add_paragraph(node.standard_text, style="Normal")
    for child in node.children:
        _node(word, child, top)


def _table(word, head: tuple[str, ...], rows: list[list[str]], widths) -> None:
    table = word.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = "Table Head"
    _repeat_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.paragraphs[0].text = text
            cell.paragraphs[0].style = "Table Text"
    # Word reads the cell widths, LibreOffice the grid: set both, and a fixed layout.
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


# ------------------------------------------------------------------------ page


def _page(word) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(28) - Mm(7)


def _footer(word) -> None:
    """`— N —` centred, the page number filled in by a PAGE field."""
    footer = word.sections[0].footer
    para = footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run("— ")
    _field(para, "PAGE")
    para.add_run(" —")
    for run in para.runs:
        _run_fonts(run, PAGE_NUMBER_FONT, PAGE_NUMBER_FONT)
        run.font.size = Pt(14)  # 四号


def _field(paragraph, instruction: str) -> None:
    """A complex field (begin, instruction, separate, a placeholder result, end)."""

    def char(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        return run

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run("1")
    char("end")


# ---------------------------------------------------------------------- styles


def _styles(word) -> None:
    styles = word.styles
    normal = styles["Normal"]
    _style_font(normal, BODY_FONT, WESTERN_FONT, BODY_SIZE)
    _spacing(normal, first_line=INDENT)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _no_auto_space(normal)

    title = styles["Title"]
    _style_font(title, TITLE_FONT, TITLE_FONT, TITLE_SIZE)
    _spacing(title, first_line=Pt(0), line=Pt(36), after=LINE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _drop_borders(title)

    for name, font in (("Heading 1", HEADING_FONT), ("Heading 2", SUBHEADING_FONT)):
        style = styles[name]
        _style_font(style, font, WESTERN_FONT, BODY_SIZE)
        _spacing(style, first_line=INDENT)
        style.paragraph_format.keep_with_next = True
        style.font.bold = False

    meta = styles.add_style("Meta", WD_STYLE_TYPE.PARAGRAPH)
    meta.base_style = normal
    _spacing(meta, first_line=Pt(0))
    meta.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for name, font in (("Table Text", BODY_FONT), ("Table Head", HEADING_FONT)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _style_font(style, font, WESTERN_FONT, TABLE_SIZE)
        fmt = style.paragraph_format
        fmt.first_line_indent = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _style_font(style, east: str, west: str, size) -> None:
    font = style.font
    font.name = west
    font.size = size
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), west)
    fonts.set(qn("w:hAnsi"), west)
    fonts.set(qn("w:eastAsia"), east)
    fonts.set(qn("w:cs"), west)


def _run_fonts(run, east: str, west: str) -> None:
    run.font.name = west
    rpr = run._r.get_or_add_rPr()
    rpr.rFonts.set(qn("w:eastAsia"), east)


def _spacing(style, first_line, line=LINE, after=None) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0) if after is None else after
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line
    fmt.first_line_indent = first_line


_AFTER_AUTO_SPACE = (
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


def _no_auto_space(style) -> None:
    """No extra gap between Chinese and digits (`每缺1次`), as official texts are set."""
    ppr = style.element.get_or_add_pPr()
    # The schema orders pPr children: these go before bidi, spacing, ind, jc and the rest.
    later = {qn(f"w:{t}") for t in _AFTER_AUTO_SPACE}
    anchor = next((child for child in ppr if child.tag in later), None)
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "0")
        if anchor is None:
            ppr.append(el)
        else:
            anchor.addprevious(el)


def _drop_borders(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for el in ppr.findall(qn("w:pBdr")):
        ppr.remove(el)


def _font_table(word) -> None:
    """Declare the Chinese fonts with alternates and the GB2312 charset."""
    part = next(p for p in word.part.package.parts if p.partname.endswith("/fontTable.xml"))
    root = etree.fromstring(part.blob)
    known = {el.get(qn("w:name")) for el in root.findall(qn("w:font"))}
    for name, alternate, family in FONT_TABLE:
        if name in known:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alternate)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), family)
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
