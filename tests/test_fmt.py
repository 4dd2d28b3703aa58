"""`xize fmt`: idempotent, keeps every comment, and never changes what a policy computes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xize.compiler import compile_policy
from xize.compiler.fmt.formatter import FormatError, format_source
from xize.compiler.ir.normalise import differences, same_policy

ROOT = Path(__file__).resolve().parents[1]
POLICIES = sorted((ROOT / "policies").glob("**/*.rule"))


def _comments(text: str) -> list[str]:
    """Every comment's text, in order (a `#` at line start or after white space)."""
    out = []
    for line in text.splitlines():
        m = re.search(r"(?:^|\s)(#.*)$", line)
        if m and "【" not in line[: m.start(1)].split("】")[-1]:
            out.append(m.group(1).rstrip())
    return out


def _assert_same_meaning(original: str, formatted: str) -> None:
    a = compile_policy(original, filename="a.rule").ir
    b = compile_policy(formatted, filename="b.rule").ir
    assert same_policy(a, b), "\n".join(differences(a, b))


# ------------------------------------------------------------------ seed policies


def _compiles(path: Path) -> bool:
    try:
        compile_policy(path.read_text("utf-8"), filename=str(path))
    except Exception:  # noqa: BLE001 - only policies that compile are compared
        return False
    return True


@pytest.mark.parametrize("path", POLICIES, ids=lambda p: p.name)
def test_seed_policies_format_idempotently_to_the_same_ir(path):
    text = path.read_text("utf-8")
    once = format_source(text)
    assert format_source(once) == once
    assert sorted(_comments(once)) == sorted(_comments(text))
    if _compiles(path):
        _assert_same_meaning(text, once)
        before = compile_policy(text).run_tests()
        after = compile_policy(once).run_tests()
        assert [o.passed for o in after.outcomes] == [o.passed for o in before.outcomes]


def test_seed_policy_is_already_canonical_where_it_should_be():
    text = (ROOT / "policies" / "shuangjie_lianghui_2023.rule").read_text("utf-8")
    out = format_source(text)
    assert "（一）领导重视程度（5分）\n" in out
    assert "\n  说明：每周召开一次会议" in out
    assert "\n  - 【缺会次数】每缺1次扣1分\n" in out
    assert "\n  1、1月9日前上报矛盾纠纷排查化解统计表（2分）\n" in out
    assert "\n    - 【统计表按时上报】得2分，否则不得分\n" in out


# --------------------------------------------------------------------- examples

MESSY = """# 文件开头的注释

满分:10分
年度:2023
细则:示例考评细则

(一)领导重视程度(5分) # 行尾注释
      说明:每周开会;查阅记录
   - 【缺会次数】每缺1次扣1分;【漏报次数】每漏报1次扣0.5分
# 说明下一节
(二)信息报告(5分),最多扣3分
 1、上报(2分)
  - 未【按时上报】扣2分。
 2、值班(3分)
     - 【漏报次数】每漏报1次扣1分

数据:
  缺会次数:次,默认0   # 会议记录
  按时上报:是否
  漏报次数:次,默认0
"""


def test_messy_file_gets_the_canonical_layout():
    out = format_source(MESSY)
    assert out.startswith("# 文件开头的注释\n\n细则：示例考评细则\n年度：2023\n满分：10分\n")
    assert "（一）领导重视程度（5分）  # 行尾注释\n" in out
    assert "\n  说明：每周开会；查阅记录\n" in out
    assert "\n  - 【缺会次数】每缺1次扣1分\n  - 【漏报次数】每漏报1次扣0.5分\n" in out
    assert "\n# 说明下一节\n（二）信息报告（5分），最多扣3分\n" in out
    assert "\n  1、上报（2分）\n    - 未【按时上报】扣2分\n" in out
    assert out.index("数据：") < out.index("（一）")
    assert format_source(out) == out
    _assert_same_meaning(MESSY, out)


def test_fact_declarations_are_aligned():
    out = format_source(MESSY)
    block = out.split("数据：\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(block) == 3
    from xize.compiler.source.text import display_width

    columns = set()
    for line in block:
        head, rest = line.split("：", 1)
        pad = len(rest) - len(rest.lstrip(" "))
        columns.add(display_width(head + "：") + pad)
    assert len(columns) == 1, block


def test_unparsable_file_is_refused():
    with pytest.raises(FormatError):
        format_source(
            "细则：x\n年度：2023\n满分：5分\n\n(一)标题(5分)\n  - 【缺会次数每缺1次扣1分\n"
        )


def test_cli_check_and_diff(tmp_path):
    from click.testing import CliRunner
    from xize.runtime.cli.cmd_fmt import fmt_command

    path = tmp_path / "p.rule"
    path.write_text(MESSY, "utf-8")
    runner = CliRunner()
    result = runner.invoke(fmt_command, ["--check", str(path)])
    assert result.exit_code == 1
    result = runner.invoke(fmt_command, ["--diff", str(path)])
    assert result.exit_code == 0 and "+（一）领导重视程度（5分）" in result.output
    assert path.read_text("utf-8") == MESSY
    result = runner.invoke(fmt_command, [str(path)])
    assert result.exit_code == 0
    assert runner.invoke(fmt_command, ["--check", str(path)]).exit_code == 0


# ------------------------------------------------------------- random outlines

FACTS = (
    ("缺会次数", "次，默认0"),
    ("漏报次数", "次，默认0"),
    ("按时上报", "是否"),
    ("落实方案", "是否"),
    ("化解率", "百分比，默认100"),
)

CLAUSES = (
    "【缺会次数】每缺1次扣{a}分",
    "【漏报次数】每漏报1次扣{a}分",
    "未【按时上报】扣{a}分",
    "【按时上报】、【落实方案】每缺1项扣{a}分",
    "【化解率】应达到80%，每低于1个百分点扣0.0{a}分",
    "【缺会次数】超过2次的，另扣{a}分",
    "【化解率】应达到【化解率目标】，每低于1个百分点扣0.0{a}分",
)

CN = "一二三四五六七八九"


def _punct(draw, text: str) -> str:
    """Randomly swap `( ) : ,` between ASCII and full-width, outside 【】."""
    full = {"(": "（", ")": "）", ":": "：", ",": "，"}
    out, inside = [], False
    for ch in text:
        if ch == "【":
            inside = True
        elif ch == "】":
            inside = False
        if not inside and ch in full and draw(st.booleans()):
            ch = full[ch]
        out.append(ch)
    return "".join(out)


@st.composite
def outlines(draw):
    lines: list[str] = []

    def comment() -> None:
        if draw(st.integers(0, 5)) == 0:
            lines.append(" " * draw(st.integers(0, 4)) + f"# 注释{len(lines)}")

    def blank() -> None:
        if draw(st.integers(0, 3)) == 0:
            lines.append("")

    def tail() -> str:
        return f"  # 尾注{len(lines)}" if draw(st.integers(0, 5)) == 0 else ""

    tops = draw(st.integers(1, 3))
    total = 0
    body: list[str] = []
    for i in range(tops):
        children = draw(st.integers(0, 2))
        points = [draw(st.integers(1, 5)) for _ in range(children)]
        top_points = sum(points) if points else draw(st.integers(1, 5))
        total += top_points
        node = []
        node.append(f"({CN[i]})第{CN[i]}项工作({top_points}分)")
        if draw(st.booleans()):
            node.append("说明:按规定考核,每缺1次扣1分")
        if not children or draw(st.booleans()):
            node += _clause_lines(draw)
        for j, p in enumerate(points):
            sep = draw(st.sampled_from(["、", "."]))
            title = "子项" if sep == "、" else "子项工作"
            node.append(f"{j + 1}{sep}{title}{j + 1}({p}分)")
            node += _clause_lines(draw)
        body.append(node)

    head = [("细则", "随机考评细则"), ("年度", "2023"), ("满分", f"{total}分")]
    head = draw(st.permutations(head))
    comment()
    for key, value in head:
        lines.append(_punct(draw, f"{key}:{value}") + tail())
    blank()
    block = ["数据:"] + [f"  {name}:{rest.replace('，', ',')}" for name, rest in FACTS]
    data_first = draw(st.booleans())
    if data_first:
        for line in block:
            comment()
            lines.append(_punct(draw, line) + tail())
        lines.append("")
    for node in body:
        for k, line in enumerate(node):
            comment()
            indent = " " * draw(st.integers(0, 6)) if k else ""
            lines.append(indent + _punct(draw, line) + tail())
            blank()
    if not data_first:
        lines.append("")
        for line in block:
            lines.append(_punct(draw, line) + tail())
    if draw(st.booleans()):
        lines += ["", "参数:", f"  化解率目标 = {draw(st.integers(50, 99))}%"]
    for t in range(draw(st.integers(0, 2))):
        quote = draw(st.sampled_from(['"{}"', "“{}”"]))
        lines += ["", _punct(draw, "测试 " + quote.format(f"用例{t}") + ":")]
        comment()
        lines.append(f"  【缺会次数】= {draw(st.integers(0, 3))}" + tail())
        lines.append(_punct(draw, f"  期望 总分 = {total},(一) = 1") + tail())
    comment()
    return "\n".join(lines) + "\n"


def _clause_lines(draw) -> list[str]:
    clauses = [
        draw(st.sampled_from(CLAUSES)).format(a=draw(st.integers(1, 3)))
        for _ in range(draw(st.integers(1, 3)))
    ]
    if len(clauses) > 1 and draw(st.booleans()):
        return ["- " + ";".join(clauses)]
    return ["- " + c for c in clauses]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines())
def test_random_outlines(text):
    once = format_source(text)
    assert format_source(once) == once
    assert sorted(_comments(once)) == sorted(_comments(text))
    _assert_same_meaning(text, once)


def test_bundled_policies_are_in_canonical_layout():
    """`xize fmt --check policies/*.rule` passes: the examples users copy are tidy."""
    from pathlib import Path

    from xize.compiler.fmt.formatter import format_source

    for path in sorted((Path(__file__).resolve().parent.parent / "policies").glob("*.rule")):
        text = path.read_text("utf-8")
        assert format_source(text) == text, path.name


READ_TOGETHER = """细则：一行读
年度：2024
满分：8分

数据：
  率：百分比，越高越好
  按时完成：是否

（一）分档（4分）
  - 【率】全市最高的得4分；与最高值差距在5个百分点以内（含5个百分点）的得3分；其余得1分
（二）减半（4分）
  - 【按时完成】的得4分；未【按时完成】的，本项得分减半

等次：
  优秀：90分以上
  良好：75分以上
  合格：60分以上
  不合格：其余
"""


def test_clauses_read_together_stay_on_their_line():
    """Bands of one line and `本项得分减半` beside the clause it halves are read as a line:
    split one clause a line they would mean something else (or nothing), so the layout
    keeps them whole and the result still computes the same; twice gives the same text."""
    formatted = format_source(READ_TOGETHER, filename="a.rule")
    _assert_same_meaning(READ_TOGETHER, formatted)
    assert "；与最高值差距在5个百分点以内" in formatted
    assert format_source(formatted, filename="a.rule") == formatted


def test_clauses_of_their_own_are_still_split():
    text = READ_TOGETHER.replace(
        "（二）减半（4分）\n  - 【按时完成】的得4分；未【按时完成】的，本项得分减半\n",
        "（二）减半（4分）\n  - 【按时完成】的得4分\n",
    ).replace(
        "（一）分档（4分）\n  - 【率】全市最高的得4分；与最高值差距在5个百分点以内（含5个百分点）的得3分；其余得1分\n",
        "（一）分档（4分）\n  - 【率】低于90%的扣1分；【按时完成】的得4分\n",
    )
    formatted = format_source(text, filename="a.rule")
    _assert_same_meaning(text, formatted)
    assert "  - 【率】低于90%的扣1分\n  - 【按时完成】的得4分\n" in formatted
