"""Golden tests for every E1xx code the front end reports: code, line, column, words.

E111 (`【A】、【B】扣1分`) and E112 (a step verb without a threshold) are reported by the
checker from the AST the parser builds (AmbiguousClause; a PerUnitClause whose step
verb is not a counting verb); `test_parser.py` pins those shapes.
"""

from __future__ import annotations

import pytest
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse

HEAD = "细则：示例\n年度：2023\n满分：10分\n"
NODE = HEAD + "(一)甲(10分)\n"


def diagnostics(text: str):
    tree, diags = parse(Source(text, "t.rule"))
    return tree, [(d.code, d.span.line, d.span.column, d.message(), d.hint()) for d in diags], diags


GOLDEN = {
    "E101 incomplete clause": (
        NODE + "  - 【缺会次数】每缺1次扣\n",
        ("E101", 5, 16, "语法错误：此处不应出现 文件结尾", "此处应为：“(”、数字"),
    ),
    "E101 end of line": (
        NODE + "  - 【B】扣\n(二)乙(5分)\n",
        (
            "E101",
            5,
            9,
            "语法错误：此处不应出现 行尾",
            "此处应为：“(”、数字、分值范围（如 0至5）、满分",
        ),
    ),
    "E101 did you mean a modifier": (
        NODE + "  - 【A】每缺1次扣1分，扣完位止\n",
        (
            "E101",
            5,
            16,
            "语法错误：此处不应出现 “扣完位止”",
            "您是不是要写 “扣完为止”？此处应为：换行、文件结尾、，否则（效果）、，最多扣N分、"
            "，扣完为止、不足1天按1天计、按比例、“；”、，扣分按【数据项】平均计算",
        ),
    ),
    "E101 did you mean a block": (
        HEAD + "数剧：\n  A：是否\n  B：次\n(一)甲(10分)\n",
        (
            "E101",
            4,
            1,
            "语法错误：此处不应出现 “数剧”",
            "您是不是要写 “数据”？此处应为：表头项（细则：、年度：、满分：等）、"
            "评分项编号（一、 (一) 1、 (1)）、条款（“- ” 开头）、说明：、数据：、参数：、等次：、"
            "测试 “名称”：",
        ),
    ),
    "E101 header out of place": (
        NODE + "年度：2024\n",
        ("E101", 5, 1, "语法错误：此处不应出现 “年度”", "此处应为：表头项须写在文件开头"),
    ),
    "E101 nesting": (
        NODE + "  - 扣" + "(" * 40 + "1" + ")" * 40 + "分\n",
        (
            "E101",
            5,
            38,
            "语法错误：此处不应出现 “(”",
            "此处应为：括号至多嵌套32层（请拆分为几个条款，或改用参数）",
        ),
    ),
    "E102": (
        NODE + "  - 【A】每缺1次扣1分 @\n",
        (
            "E102",
            5,
            16,
            "无法识别的字符 “@”",
            "此处应为：换行、，否则（效果）、，最多扣N分、，扣完为止、不足1天按1天计、按比例、“；”、"
            "，扣分按【数据项】平均计算",
        ),
    ),
    "E103": (
        HEAD + "(一)领导重视\u202e程度(10分)\n",
        (
            "E103",
            4,
            8,
            "文件中含有不可见或改变文字方向的字符 U+202E RIGHT-TO-LEFT OVERRIDE",
            "此类字符会让审阅者看到的文字与实际计分规则不一致，请删除",
        ),
    ),
    "E103 zero width": (
        HEAD + "(一)甲(10分)\n  - 【缺会\u200b次数】扣1分\n",
        (
            "E103",
            5,
            8,
            "文件中含有不可见或改变文字方向的字符 U+200B ZERO WIDTH SPACE",
            "此类字符会让审阅者看到的文字与实际计分规则不一致，请删除",
        ),
    ),
    "E104": (
        NODE + "  - 【缺会次数每缺1次扣1分\n",
        ("E104", 5, 5, "【 没有对应的 】", "在名称末尾补上 】"),
    ),
    "E105": (
        NODE + "  1.1月9日前上报统计表(5分)\n",
        ("E105", 5, 3, "编号 “1.” 后紧跟数字，无法区分编号与正文", "改用顿号编号：1、1月9日前"),
    ),
    "E106": (
        HEAD + "(一)领导重视程度(3分)(2分)\n",
        ("E106", 4, 14, "同一行出现第二个分值 (2分)", "一行只能有一个分值；请拆分为子项"),
    ),
    "E107": (
        "细则：示例\n满分：10分\n",
        ("E107", 1, 1, "缺少表头项 “年度”", "在文件开头写上 “年度：…”"),
    ),
    "E108": (
        HEAD + "(一)领导重视\x07程度(10分)\n",
        ("E108", 4, 8, "文件中含有控制字符或无效编码 U+0007", "请以 UTF-8 保存文件并删除该字符"),
    ),
    "E109": (
        HEAD + "- 【A】扣1分\n(一)甲(10分)\n",
        (
            "E109",
            4,
            1,
            "条款或说明出现在任何评分项之前",
            "先写评分项（如 “(一)领导重视程度(5分)”），再在其下写条款",
        ),
    ),
    "E109 note": (
        HEAD + "说明：无主\n(一)甲(10分)\n",
        (
            "E109",
            4,
            1,
            "条款或说明出现在任何评分项之前",
            "先写评分项（如 “(一)领导重视程度(5分)”），再在其下写条款",
        ),
    ),
    "E110": (
        NODE + "  - 【缺会次数】每缺1次扣零点五分\n",
        ("E110", 5, 16, "无法识别的数字 “零点五”", "小数请用阿拉伯数字书写，如 0.03"),
    ),
    "E113 mode": (
        HEAD + "计分：倒扣制\n",
        ("E113", 4, 4, "表头项 “计分” 的值 “倒扣制” 无效", "应为 减分制 或 得分制"),
    ),
    "E113 year": (
        "细则：示例\n年度：明年\n满分：10分\n",
        ("E113", 2, 4, "表头项 “年度” 的值 “明年” 无效", "应为年份，如 2023"),
    ),
    "E113 boundary": (
        HEAD + "边界：以上算本数\n",
        (
            "E113",
            4,
            4,
            "表头项 “边界” 的值 “以上算本数” 无效",
            "应写作 “以上含本数，以下不含本数”（比较词加 含本数 / 不含本数，以逗号分隔）",
        ),
    ),
    "E113 full marks": (
        "细则：示例\n年度：2023\n满分：零分\n",
        ("E113", 3, 4, "表头项 “满分” 的值 “零分” 无效", "应为正的分值，如 100分"),
    ),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden(name):
    text, expected = GOLDEN[name]
    _, found, _ = diagnostics(text)
    assert found == [expected]


def test_every_code_has_an_english_rendering():
    for text, _ in GOLDEN.values():
        _, _, diags = diagnostics(text)
        for diag in diags:
            assert diag.message("en") and "{" not in diag.message("en")
            assert "{" not in diag.hint("en")


def test_english_words_for_syntax_errors():
    _, _, diags = diagnostics(NODE + "  - 【A】每缺1次扣1分，扣完位止\n")
    (diag,) = diags
    assert diag.message("en") == "syntax error: unexpected “扣完位止”"
    assert diag.hint("en").startswith("did you mean “扣完为止”? expected: a line break")
    assert diag.args["did_you_mean"] == "您是不是要写 “扣完为止”？"


def test_several_errors_in_one_run_and_the_rest_still_parses():
    text = (
        NODE
        + "  - 【A】每缺1次扣1分 x\n  - 【B】扣\n  - 【C】得2分\n(二)乙(5分)\n  - 【D】每次扣\n"
    )
    tree, found, _ = diagnostics(text)
    assert [(code, line) for code, line, *_ in found] == [("E101", 5), ("E101", 6), ("E101", 9)]
    assert tree is not None
    assert [n.title for n in tree.nodes] == ["甲", "乙"]
    assert [c.text for c in tree.nodes[0].clauses] == ["【C】得2分"]


def test_a_broken_block_opener_does_not_report_its_whole_body():
    text = HEAD + "数剧：\n  A：是否\n  B：次\n  C：次\n(一)甲(10分)\n  - 【A】扣1a分\n"
    _, found, _ = diagnostics(text)
    assert [(code, line) for code, line, *_ in found] == [("E101", 4), ("E101", 9)]


def test_a_bom_is_not_an_error():
    tree, found, _ = diagnostics("\ufeff" + NODE)
    assert found == [] and tree.header.title == "示例"


def test_many_invisible_characters_are_reported_a_limited_number_of_times():
    _, found, _ = diagnostics(NODE + "\x00" * 500)
    assert len(found) == 50 and {code for code, *_ in found} == {"E108"}


def test_a_lone_carriage_return_is_a_line_break():
    tree, found, _ = diagnostics(NODE.replace("\n", "\r"))
    assert found == [] and tree.nodes[0].span.line == 4


def test_missing_header_fields():
    _, found, _ = diagnostics("(一)甲(10分)\n")
    assert [(f[0], f[3]) for f in found] == [
        ("E107", "缺少表头项 “细则”"),
        ("E107", "缺少表头项 “年度”"),
        ("E107", "缺少表头项 “满分”"),
    ]


def test_a_per_step_after_otherwise_is_refused():
    _, found, _ = diagnostics(NODE + "  - 【A】得3分，否则每缺1项扣1分\n")
    assert [code for code, *_ in found] == ["E101"]


def test_too_many_errors_give_up_without_a_tree():
    tree, found, _ = diagnostics(HEAD + "错\n" * 500)
    assert tree is None and len(found) == 101


def test_an_unknown_type_word_is_one_error_with_a_suggestion():
    """Any word may stand where a type goes, so that an unknown unit gets one clear
    error (E217, naming it and the tables) instead of a syntax error."""
    from xize.compiler.check.run import check

    text = HEAD + "数据：\n  A：是不\n  B：吨次，默认0\n"
    source = Source(text, "t.rule")
    tree, diags = parse(source)
    assert diags == []
    found = [
        (d.code, d.span.line, d.message(), d.hint())
        for d in check(tree, source)
        if d.code[0] == "E"
    ]
    assert len(found) == 2
    assert found[0][:3] == ("E217", 5, "数据项 【A】 的类型或单位 “是不” 无法识别")
    assert found[0][3].startswith("您是不是要写 “是否”？")
    assert found[1][:3] == ("E217", 6, "数据项 【B】 的类型或单位 “吨次” 无法识别")
    assert "您是不是要写" not in found[1][3] and "数值" in found[1][3]


def test_an_average_of_no_one_fact_inside_an_amount_is_refused_not_a_crash():
    """`扣((【A】+【B】)−平均值)分`: the amount names two facts, so whose 平均值 it is goes
    unsaid; the sentence is refused with the form to write (it used to fail while
    lowering).  With one fact (`扣(取整(平均值−【得分】)×0.5)分`) it is that fact's."""
    line = "  - 【得分】低于平均值的，扣(取整(平均值−【得分】−【加分】)×0.5)分\n"
    _, found, _ = diagnostics(NODE + line)
    assert [(c, ln, col) for c, ln, col, _, _ in found] == [("E101", 5, line.index("平均值−") + 1)]
    assert found[0][3] == "语法错误：此处不应出现 “平均值”"
    assert "唯一一项" in found[0][4]
    one = "  - 【得分】低于平均值的，扣(取整(平均值−【得分】)×0.5)分\n"
    assert diagnostics(NODE + one)[1] == []
