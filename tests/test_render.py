"""The rendered document: every node with its marker and points, notes, bands, facts;
the Word file read back for its page, styles, fonts and page-number field."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from xize.compiler import load_policy
from xize.compiler.render.formats import FORMATS, render
from xize.compiler.render.model import document_for, printed_marker
from xize.compiler.render.sentences import Sentences
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse

ROOT = Path(__file__).resolve().parents[1]
POLICIES = sorted((ROOT / "policies").glob("*.rule"))
SEED = ROOT / "policies" / "shuangjie_lianghui_2023.rule"


@pytest.fixture(scope="module")
def seed():
    return load_policy(SEED)


def test_markers_follow_gb_t_9704():
    assert printed_marker("一、") == "一、"
    assert printed_marker("(一)") == "（一）"
    assert printed_marker("（二）") == "（二）"
    assert printed_marker("1、") == "1、"
    assert printed_marker("2.") == "2."
    assert printed_marker("(3)") == "（3）"


def test_markdown_has_every_node_with_points(seed):
    md = render(seed, "md")
    doc = document_for(seed)
    assert md.startswith("# 2023年“双节”及省“两会”期间信访稳定工作考评细则")
    for node in doc.walk():
        assert node.title in md
        assert node.marker.replace(".", "\\.") in md or node.marker in md
    assert "（一）领导重视程度（5分）" in md
    assert "（五）来县及越级上访（80分）" in md
    assert "满分：100分" in md


def test_arabic_markers_keep_the_written_kind(seed):
    """`1、1月9日前` must not come out as `1.1月9日前` (read as a decimal)."""
    for fmt in ("md", "html"):
        text = render(seed, fmt)
        assert "1、1月9日前上报矛盾纠纷排查化解统计表" in text
        assert "1.1月" not in text and "1\\.1月" not in text and "1\\. 1月" not in text
    lines = [n.line for n in document_for(seed).walk()]
    assert "1、1月9日前上报矛盾纠纷排查化解统计表（2分）" in lines


def test_notes_are_rendered_and_missing_notes_generated(seed):
    md = render(seed, "md")
    assert "每周召开一次会议研究部署信访稳定工作" in md
    assert "每批次扣2023分" in md


def test_grade_table_and_fact_appendix(seed):
    md = render(seed, "md")
    assert "| 优秀 | 90分以上 |" in md
    assert "| 不合格 | 其余 |" in md
    assert "附：数据项说明" in md
    assert "| 缺会次数 | 次 | 0 |" in md


def test_scoring_standards_name_their_facts():
    """Each node with clauses prints `评分标准：`, one sentence a clause, in the words of a
    细则 where they give the clause back, and every fact named as the appendix lists it."""
    from xize.compiler import compile_policy

    text = """细则：示例考评细则
年度：2023
满分：10分

数据：
  缺会次数：次，默认0
  按时上报：是否
  隐患化解率：百分比
  赴京非正常初访：人次，默认0

(一)会议(2分)
  - 【缺会次数】每缺1次扣1分
(二)上报(2分)
  - 未【按时上报】扣5分
(三)化解(3分)
  - 【隐患化解率】应达到80%，每低于1个百分点扣0.03分
(四)越级访(3分)
  - 【赴京非正常初访】每人次扣30分
"""
    md = render(compile_policy(text), "md")
    assert "评分标准：缺会次数每缺1次扣1分。" in md
    assert "评分标准：未按时上报的扣5分。" in md
    assert "评分标准：隐患化解率应达到80%，每低于1个百分点扣0.03分。" in md
    assert "评分标准：赴京非正常初访的，每人次扣30分。" in md


def test_scoring_standards_of_the_bundled_policies_read_back(seed):
    """Every 评分标准 sentence, with the appendix's names in `【】`, parses to its clauses."""
    from xize.compiler.render.model import document_for
    from xize.compiler.render.standards import bracket, parse_clauses

    doc = document_for(seed)
    names = [f.name for f in doc.facts]
    clauses = sum(len(n.standards) for n in doc.walk())
    assert clauses == sum(len(n.clauses) for n in seed.ir.walk())
    for node in doc.walk():
        for sentence in node.standards:
            assert "【" not in sentence and parse_clauses(bracket(sentence, names)), sentence


def test_html_is_self_contained_and_escaped(seed):
    html = render(seed, "html")
    assert html.startswith("<!DOCTYPE html>")
    assert "<style>" in html and "@page" in html and "37mm 26mm 35mm 28mm" in html
    assert "<link" not in html and "<script" not in html
    assert "（一）领导重视程度（5分）" in html
    assert "&lt;" not in render(seed, "md")  # markdown is not html-escaped


def test_html_escapes_policy_text():
    from xize.compiler import compile_policy

    text = "细则：<b>测试</b>细则\n年度：2023\n满分：1分\n\n(一)<script>x</script>(1分)\n"
    html = render(compile_policy(text), "html")
    assert "<script>x" not in html and "&lt;script&gt;" in html


def _docx(policy):
    from docx import Document

    return Document(io.BytesIO(render(policy, "docx")))


def test_docx_page_setup(seed):
    section = _docx(seed).sections[0]

    def mm(length) -> float:  # Word stores twentieths of a point: compare to 0.1 mm
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (37, 35)
    assert (mm(section.left_margin), mm(section.right_margin)) == (28, 26)


def _east_asia(style) -> str:
    from docx.oxml.ns import qn

    fonts = style.element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia"))


def test_docx_styles_and_fonts(seed):
    from docx.shared import Pt

    word = _docx(seed)
    styles = word.styles
    assert _east_asia(styles["Title"]) == "方正小标宋简体"
    assert _east_asia(styles["Heading 1"]) == "黑体"
    assert _east_asia(styles["Normal"]) == "仿宋_GB2312"
    assert styles["Normal"].font.size == Pt(16)
    assert word.paragraphs[0].style.name == "Title"
    assert word.paragraphs[0].text == "2023年“双节”及省“两会”期间信访稳定工作考评细则"


def test_docx_font_table_has_fallbacks(seed):
    data = render(seed, "docx")
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        fonts = z.read("word/fontTable.xml").decode("utf-8")
    assert 'w:name="方正小标宋简体"' in fonts and 'w:val="华文中宋"' in fonts
    assert 'w:name="华文中宋"' in fonts and 'w:val="宋体"' in fonts
    assert 'w:name="仿宋_GB2312"' in fonts and 'w:val="仿宋"' in fonts


def test_docx_every_node_title_and_points(seed):
    word = _docx(seed)
    text = "\n".join(p.text for p in word.paragraphs)
    for node in document_for(seed).walk():
        assert node.line in text, node.line
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert "（一）领导重视程度（5分）" in headings
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "优秀" in cells and "缺会次数" in cells


def test_docx_page_number_field(seed):
    word = _docx(seed)
    footer = word.sections[0].footer
    xml = footer._element.xml
    assert "fldChar" in xml and "PAGE" in xml
    assert footer.paragraphs[0].text.startswith("—")


@pytest.mark.parametrize("path", POLICIES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_seed_policy_renders(path, fmt):
    data = render(load_policy(path), fmt)
    assert data


def test_cli_render(tmp_path):
    from click.testing import CliRunner
    from xize.runtime.cli.cmd_render import render_command

    out = tmp_path / "x.docx"
    result = CliRunner().invoke(render_command, [str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
    result = CliRunner().invoke(render_command, [str(SEED), "--format", "md"])
    assert result.exit_code == 0 and "领导重视程度" in result.output


@pytest.mark.parametrize(
    ("formula", "said"),
    [
        ("(【A】-2)×3+(【A】-2)×(【A】-1)×0.5", "（A−2）×3+（A−2）×（A−1）×0.5"),
        ("【A】-(【A】+1)", "A−（A+1）"),
        ("【A】÷(【A】×2)", "A÷（A×2）"),
        ("【A】×2+1", "A×2+1"),
        ("(【A】+1)÷2", "（A+1）÷2"),
        ("【A】-1-1", "A−1−1"),
    ],
)
def test_formulas_are_written_with_the_parentheses_a_reader_needs(formula, said):
    text = (
        "细则：算式\n年度：2024\n满分：6分\n\n数据：\n  A：数值\n\n"
        f"一、测试（6分）\n  - 扣({formula})分\n"
    )
    tree, diags = parse(Source(text, "算式.rule"))
    assert tree is not None and not [d for d in diags if d.is_error]
    (clause,) = tree.nodes[0].clauses
    assert Sentences().clause(clause) == f"扣（{said}）分"
