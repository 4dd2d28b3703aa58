"""A declaration line written like a clause line (`- 【缺会次数】：次`) declares the name
inside (the list mark and the brackets are habit, not part of the name); `xize fmt` writes
it plainly.  A count declared as `次数` (`人数`, `户数`) is offered its unit (`次`)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy
from xize.compiler.fmt import format_source


def text(decls: str) -> str:
    return (
        f"细则：声明\n年度：2025\n满分：5分\n\n数据：\n{decls}\n"
        "(一)工作(5分)\n  - 【缺会次数】每次扣1分\n  - 未【建立台账】扣2分\n"
    )


@pytest.mark.parametrize(
    "decls",
    [
        "  - 【缺会次数】：次，默认0\n  - 建立台账：是否\n",
        "  【缺会次数】：次，默认0\n  建立台账：是否\n",
        "  缺会次数：次，默认0\n  建立台账：是否\n",
    ],
)
def test_the_list_mark_and_brackets_are_no_part_of_the_name(decls):
    policy = compile_policy(text(decls), filename="声明.rule")
    assert {f.name for f in policy.ir.facts} == {"缺会次数", "建立台账"}
    assert policy.score({"缺会次数": 2, "建立台账": "否"}).total == Decimal(1)


def test_fmt_writes_the_declaration_plainly():
    out = format_source(text("  - 【缺会次数】：次，默认0\n  - 建立台账：是否\n"), "声明.rule")
    data = out.split("数据：", 1)[1].split("（一）", 1)[0]
    assert "- " not in data and "【" not in data
    assert "缺会次数：次，默认0" in data


@pytest.mark.parametrize(("word", "unit"), [("次数", "次"), ("人数", "人"), ("户数", "户")])
def test_a_count_word_is_offered_its_unit(word, unit):
    with pytest.raises(PolicyError) as raised:
        compile_policy(text(f"  缺会次数：{word}，默认0\n  建立台账：是否\n"), filename="声明.rule")
    assert "E217" in str(raised.value) and f"您是不是要写 “{unit}”" in str(raised.value)
