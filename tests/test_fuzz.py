"""Fuzzing the front end: whatever the text, the only exception that may leave
`compile_policy` / `load_policy` is `PolicyError`, with a line and a column.

Mutations of the seed policies and of generated policies (characters, keywords,
full-width punctuation, line breaks), huge numbers, deep nesting, a 5 MB file, NUL and
control characters, invalid UTF-8, bidirectional and invisible characters (which must be
reported at their exact line and column), and a linear-time check of the parser.
The atheris harness for long runs is tests/fuzz/fuzz_compile.py (docs/testing.md).
"""

from __future__ import annotations

import gc
import time

import pytest
from helpers import seed_policies
from hypothesis import given, note, settings
from hypothesis import strategies as st
from strategies import policies
from xize.compiler import InputError, PolicyError, compile_policy, load_policy
from xize.compiler.source.text import Source
from xize.compiler.syntax.parser import parse

N = settings().max_examples

SMALL = """\
细则：小型细则
年度：2023
满分：10分

数据：
  缺会次数：次，默认0
  统计表按时上报：是否

等次：
  合格：6分以上
  不合格：其余

(一)领导重视程度(5分)
  - 【缺会次数】每缺1次扣1分
(二)统计表(5分)
  - 【统计表按时上报】得5分，否则不得分
"""

SEEDS = [p.read_text(encoding="utf-8") for p in seed_policies()] + [SMALL]

TOKENS = [
    "扣",
    "分",
    "每",
    "以上",
    "未",
    "得",
    "加",
    "否则",
    "不得分",
    "一票否决",
    "取消考评资格",
    "列为",
    "，最多扣",
    "不设下限",
    "扣完为止",
    "，加分项，最高加2分",
    "【",
    "】",
    "】】",
    "【【",
    "“",
    "”",
    "(",
    ")",
    "（",
    "）",
    "、",
    "，",
    "。",
    "；",
    "：",
    ":",
    "#",
    "- ",
    "\n",
    "  ",
    "\t",
    "测试 “x”：",
    "期望 总分 = ",
    "平均值",
    "百分之",
    "个百分点",
    "%",
    "至",
    "-",
    "×",
    "÷",
    "最大(",
    "取整(",
    "且",
    "或",
    "一、",
    "(一)",
    "1、",
    "1.",
    "(1)",
    "说明：",
    "数据：",
    "参数：",
    "等次：",
    "其余",
    "晚于1月9日",
    "2023-02-30",
    "1e400",
    "99999999999999999999",
    "0.000000000000000000001",
    "-5",
    "〇",
    "两",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "\u3000",
    "！",
    "＃",
    "０",
    "＝",
    "\\",
    "{{",
    "}}",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "满分：",
    "年度：",
    "细则：",
    "精度：0",
    "边界：以上不含本数",
    "人次",
    "批次",
    "个月",
    "日期",
    "是否",
    "百分比",
    "数值",
    "默认",
    "范围0至",
    "=",
    "≥",
    "≤",
    ">=",
    "<",
    "的，",
    "分别",
    "每缺1项",
    "按比例",
    "不足1次按1次计",
    "就高不就低",
    "加扣",
    "酌情扣0至5分",
    "扣1-5分",
    "(【X】×10)",
    "得满分",
    "计",
    "奖",
    "减",
]


@st.composite
def mutated(draw, base_strategy):
    text = draw(base_strategy)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "replace", "char", "swap"]))
        if not text:
            text = draw(st.sampled_from(TOKENS))
            continue
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 40)))
        if op == "insert":
            text = text[:i] + draw(st.sampled_from(TOKENS)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(st.sampled_from(TOKENS)) + text[j:]
        elif op == "char":
            text = text[:i] + draw(st.characters(codec="utf-8")) + text[i:]
        else:
            k = draw(st.integers(0, len(text)))
            a, b = sorted((i, k))
            text = text[a:b] + text[:a] + text[b:]
    return text


def compile_or_error(text: str, filename: str = "<fuzz>"):
    """compile_policy(text): a Policy or a well-formed PolicyError, nothing else."""
    try:
        policy = compile_policy(text, filename=filename)
    except PolicyError as e:
        check_error(e, text)
        return None
    try:
        policy.score({})
    except InputError:
        pass
    return policy


def check_error(e: PolicyError, text: str | None = None) -> None:
    assert isinstance(e.line, int) and e.line >= 1, e.line
    assert isinstance(e.column, int) and e.column >= 1, e.column
    assert e.code and e.message
    assert any(d.is_error for d in e.diagnostics)
    for d in e.diagnostics:
        assert d.span.line >= 1 and d.span.column >= 1, d
    if text is not None:
        assert e.line <= len(text.splitlines()) + 1 or e.line <= text.count("\n") + 1
    str(e)
    e.render("en")


@settings(max_examples=N * 2)
@given(mutated(st.sampled_from(SEEDS)))
def test_mutated_seed_policies(text):
    compile_or_error(text)


@settings(max_examples=N)
@given(mutated(policies(with_tests=False).map(lambda d: d.render())))
def test_mutated_generated_policies(text):
    note(text)
    compile_or_error(text)


@settings(max_examples=N)
@given(
    st.lists(st.sampled_from(TOKENS + list("0123456789.【】扣分每次")), max_size=40).map("".join)
)
def test_token_soup(text):
    compile_or_error(text)
    compile_or_error(SMALL + text)


HEADER = "细则：测试\n年度：2023\n满分：10分\n\n数据：\n  缺会次数：次，默认0\n\n"
HUGE = [
    "满分：99999999999999999999分",
    "满分：1e400分",
    "(一)领导(99999999999999999999分)",
    "(一)领导(1e400分)",
    "  - 【缺会次数】每缺1次扣99999999999999999999分",
    "  - 【缺会次数】每缺1次扣1e400分",
    "  - 【缺会次数】每缺0.000000000000000000000000000000000000001次扣1分",
    "  - 【缺会次数】每缺0次扣1分",
    "  - 扣(99999999999999999999×99999999999999999999×99999999999999999999)分",
    "  - 扣(1÷0)分",
    "  - 扣(【缺会次数】÷0)分",
    "  - 扣(【缺会次数】÷(【缺会次数】-【缺会次数】))分",
    "  - 【缺会次数】超过99999999999999999999999999999999999999999次的，扣1分",
    "  - 【缺会次数】每缺一万亿次扣1分",
    "  - 【缺会次数】每缺九千九百九十九次扣十分",
    "精度：0",
    "精度：-1",
    "精度：0.0000000000000000000000000000001",
    "年度：99999999999",
    "年度：0",
]


@pytest.mark.parametrize("line", HUGE)
def test_huge_and_degenerate_numbers(line):
    base = HEADER + "(一)领导(10分)\n  - 【缺会次数】每缺1次扣1分\n"
    if line.startswith(("满分", "精度", "年度")):
        key = line.split("：")[0]
        lines = [x for x in base.splitlines() if not x.startswith(key)]
        text = "\n".join(lines[:1] + [line] + lines[1:]) + "\n"
    elif line.startswith("("):
        text = HEADER + line + "\n  - 【缺会次数】每缺1次扣1分\n"
    else:
        text = base + line + "\n"
    policy = compile_or_error(text)
    if policy is not None:
        for value in (0, 1, 10**6):
            try:
                r = policy.score({"缺会次数": value})
            except InputError:
                continue
            assert r.total >= 0


def _deep(kind: str, depth: int) -> str:
    if kind == "cond_parens":
        return (
            HEADER
            + "(一)领导(10分)\n  - "
            + "(" * depth
            + "【缺会次数】超过1次"
            + ")" * depth
            + "的，扣1分\n"
        )
    if kind == "expr_parens":
        return HEADER + "(一)领导(10分)\n  - 扣(" + "(" * depth + "1" + ")" * depth + ")分\n"
    if kind == "unbalanced":
        return HEADER + "(一)领导(10分)\n  - 扣(" + "(" * depth + "1分\n"
    if kind == "not_chain":
        return HEADER + "数据：\n  甲：是否\n(一)领导(10分)\n  - " + "未" * depth + "【甲】扣1分\n"
    if kind == "func_nest":
        return HEADER + "(一)领导(10分)\n  - 扣(" + "最大(" * depth + "1" + "，1)" * depth + ")分\n"
    if kind == "indent":
        lines = [HEADER + "(一)领导(10分)"]
        lines += [" " * i + f"({i + 1})项目" for i in range(depth)]
        return "\n".join(lines) + "\n"
    if kind == "markers":
        cycle = ["一、", "(一)", "1、", "(1)"]
        lines = [HEADER]
        for i in range(depth):
            lines.append("  " * (i % 400) + cycle[i % 4] + "项目")
        return "\n".join(lines) + "\n"
    if kind == "brackets":
        return (
            HEADER
            + "(一)领导(10分)\n  - "
            + "【" * depth
            + "缺会次数"
            + "】" * depth
            + "每缺1次扣1分\n"
        )
    if kind == "siblings":
        lines = [HEADER.replace("满分：10分", f"满分：{depth}分")]
        lines += [f"{i + 1}、项目(1分)\n  - 【缺会次数】每缺1次扣1分" for i in range(depth)]
        return "\n".join(lines) + "\n"
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind",
    [
        "cond_parens",
        "expr_parens",
        "unbalanced",
        "not_chain",
        "func_nest",
        "indent",
        "markers",
        "brackets",
        "siblings",
    ],
)
def test_ten_thousand_deep(kind):
    # nesting and marker soup 10 000 deep; outlines of 1 000 real nodes (each node costs
    # a few milliseconds to compile, so 10 000 of them would dominate the suite)
    depth = {"siblings": 1_000, "indent": 1_000, "markers": 5_000}.get(kind, 10_000)
    text = _deep(kind, depth)
    compile_or_error(text)


def test_five_megabyte_file():
    note_line = "  说明：" + "信访稳定工作考评" * (5 * 1024 * 1024 // 24) + "\n"
    text = HEADER + "(一)领导(10分)\n" + note_line + "  - 【缺会次数】每缺1次扣1分\n"
    assert len(text.encode("utf-8")) >= 5 * 1024 * 1024
    compile_or_error(text)


def test_five_megabytes_of_comments_via_file(tmp_path):
    comment = "# 录入说明：原文为网页转载件，带有识别错误，录入时按原意改正。\n"
    text = HEADER + "(一)领导(10分)\n" + comment * (5 * 1024 * 1024 // len(comment.encode()))
    text += "  - 【缺会次数】每缺1次扣1分\n"
    path = tmp_path / "big.rule"
    path.write_text(text, encoding="utf-8")
    try:
        policy = load_policy(path)
    except PolicyError as e:
        check_error(e)
    else:
        assert policy.score({"缺会次数": 2}).total == 8


def _find(e: PolicyError, codes: set, line: int, column: int):
    return [
        d
        for d in e.diagnostics
        if d.code in codes and d.span.line == line and d.span.column == column
    ]


COMMENTED = SMALL.replace("(一)领导重视程度(5分)", "(一)领导重视程度(5分)  # 注释文字")
NEEDLES = ("小型细则", "缺会次数：", "领导重视", "缺会次数】", "每缺1次", "6分以上", "得5分")


INVISIBLE = [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
INVISIBLE += ["\u200b", "\u200c", "\u200d"]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\x9b"]


def _inserted(ch: str):
    """SMALL with `ch` inserted in several places (title, names, clauses, a comment…),
    each with the line and column where `ch` now stands."""
    places = [(SMALL, SMALL.index(n) + 1) for n in NEEDLES]
    places.append((COMMENTED, COMMENTED.index("注释文字") + 2))
    cases = []
    for base, offset in places:
        text = base[:offset] + ch + base[offset:]
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        cases.append((text, line, column))
    return cases


@pytest.mark.parametrize("ch", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_bidi_and_invisible_characters_are_errors_at_their_place(ch):
    for text, line, column in _inserted(ch):
        with pytest.raises(PolicyError) as info:
            compile_policy(text)
        e = info.value
        check_error(e, text)
        assert _find(e, {"E103"}, line, column), (
            f"U+{ord(ch):04X} at {line}:{column}",
            [(d.code, d.span.line, d.span.column) for d in e.diagnostics],
        )
        assert e.line <= line


@pytest.mark.parametrize("ch", CONTROL, ids=lambda c: f"U+{ord(c):04X}")
def test_control_characters_are_errors_at_their_place(ch):
    for text, line, column in _inserted(ch):
        with pytest.raises(PolicyError) as info:
            compile_policy(text)
        e = info.value
        check_error(e, text)
        assert _find(e, {"E108", "E102", "E103"}, line, column), (
            f"U+{ord(ch):04X} at {line}:{column}",
            [(d.code, d.span.line, d.span.column) for d in e.diagnostics],
        )


BAD_BYTES = [
    b"\xff",
    b"\xfe\xff",
    b"\xc0\xaf",  # overlong '/'
    b"\xe4\xb8",  # truncated 3-byte sequence
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"\x80",
]


@pytest.mark.parametrize("bad", BAD_BYTES, ids=lambda b: b.hex())
def test_invalid_utf8_via_load_policy(tmp_path, bad):
    data = SMALL.encode("utf-8")
    at = data.index("领导重视".encode())  # line 13
    blob = data[:at] + bad + data[at:]
    path = tmp_path / "bad.rule"
    path.write_bytes(blob)
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    e = info.value
    check_error(e)
    line = blob.count(b"\n", 0, at) + 1
    column = len(blob[blob.rfind(b"\n", 0, at) + 1 : at].decode("utf-8")) + 1
    assert _find(e, {"E108"}, line, column), (
        (line, column),
        [(d.code, d.span.line, d.span.column) for d in e.diagnostics],
    )
    assert e.line == line


def test_valid_file_loads_and_bom_is_harmless(tmp_path):
    path = tmp_path / "ok.rule"
    path.write_bytes(SMALL.encode("utf-8"))
    assert load_policy(path).score({"统计表按时上报": "是"}).total == 10
    path.write_bytes(b"\xef\xbb\xbf" + SMALL.encode("utf-8"))
    try:
        policy = load_policy(path)
    except PolicyError as e:
        check_error(e)
    else:
        assert policy.score({"统计表按时上报": "是"}).total == 10


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\ufeff",
        "细则：",
        "细则：x\n年度：2023\n满分：0分\n",
        "#" * 1000,
        "【" * 1000,
    ],
)
def test_degenerate_files(text):
    compile_or_error(text)


def test_lone_surrogate_text():
    compile_or_error(SMALL.replace("领导重视", "领\udc80导重视"))
    compile_or_error(SMALL + "\ud800")


# ---------------------------------------------------------------------------- linear time


def _nodes(k: int) -> str:
    lines = [f"细则：线性测试\n年度：2023\n满分：{k}分\n\n数据："]
    lines += [f"  事项{i}：次，默认0\n  达标{i}：是否，默认是" for i in range(k)]
    lines.append("")
    for i in range(k):
        lines.append(f"{i + 1}、第{i + 1}项工作(1分)\n  说明：查阅会议记录，每缺1次扣0.5分。")
        lines.append(f"  - 【事项{i}】每缺1次扣0.5分，最多扣1分")
        lines.append(f"  - 未【达标{i}】或【事项{i}】超过3次的，扣1分")
    return "\n".join(lines) + "\n"


def _long_condition(k: int) -> str:
    cond = "或".join(f"【事项】超过{i}次" for i in range(k))
    return HEADER.replace("缺会次数", "事项") + f"(一)领导(10分)\n  - {cond}的，扣1分\n"


def _long_title(k: int) -> str:
    return HEADER + "(一)" + "领导重视程度" * k + "(10分)\n  - 【缺会次数】每缺1次扣1分\n"


def _long_note(k: int) -> str:
    return (
        HEADER
        + "(一)领导(10分)\n  说明："
        + "每缺1次扣1分，" * k
        + "\n  - 【缺会次数】每缺1次扣1分\n"
    )


def _timed(fn, text: str, repeats: int = 4) -> float:
    """Best of a few runs, with the collector paused (it is the algorithm that is measured)."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            fn(text)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def _parse(text: str):
    tree, diags = parse(Source(text))
    assert tree is not None, [d.code for d in diags]


@pytest.mark.parametrize(
    ("shape", "k"),
    [(_nodes, 30), (_long_condition, 200), (_long_title, 5_000), (_long_note, 5_000)],
    ids=["nodes", "long_condition", "long_title", "long_note"],
)
def test_parse_time_grows_linearly(shape, k):
    small, large = shape(k), shape(10 * k)
    _parse(small)  # warm up (grammar built once)
    ratios = []
    for _ in range(3):  # a shared machine can slow one measurement; quadratic is ~100×
        t1 = _timed(_parse, small, repeats=3)
        t10 = _timed(_parse, large, repeats=3)
        ratios.append(t10 / max(t1, 1e-4))
        if ratios[-1] <= 15:
            break
    assert min(ratios) <= 15, ratios


def test_compile_time_grows_linearly():
    small, large = _nodes(10), _nodes(100)
    compile_policy(small)
    t1 = _timed(compile_policy, small, repeats=3)
    t10 = _timed(compile_policy, large, repeats=3)
    assert t10 <= 15 * t1, (t1, t10)


@pytest.mark.parametrize(
    "clause",
    ["【缺会次数】每缺0次扣1分", "【缺会次数】每缺0次扣1分，按比例", "【缺会次数】每缺零次扣1分"],
)
def test_a_zero_step_is_refused_at_compile_time(clause):
    """`每0次` divides by zero for every unit that has one: the compiler can know it
    (LANGUAGE.md §1.5), so it must not surface later as every unit's data error."""
    text = HEADER + f"(一)领导(10分)\n  - {clause}\n"
    with pytest.raises(PolicyError) as info:
        compile_policy(text)
    check_error(info.value, text)
    assert info.value.line == text.count("\n")


def _many_rewrites(k: int) -> str:
    """A clause line with k spots an equivalent rewrites (`与全市最…`): each rewrite once
    checked the whole line's protected words, which made such a line quadratic."""
    return HEADER + "(一)领导(10分)\n  - 【缺会次数】" + "与全市最高县区差距在" * k + "得1分\n"


def test_a_line_of_many_rewrites_is_read_in_linear_time():
    def read(text: str) -> None:
        parse(Source(text))

    small, large = _many_rewrites(200), _many_rewrites(2_000)
    read(small)
    t1 = _timed(read, small, repeats=3)
    t10 = _timed(read, large, repeats=3)
    assert t10 <= 15 * max(t1, 1e-4), (t1, t10)
