"""docs/language.md's examples are checked by compiling: every fenced block that is a
whole policy (it starts with `细则：`) compiles without an error, carries at least one
测试, and every 测试 passes — so the score the text states next to an example is the
score the language computes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from xize.compiler import compile_policy

DOC = Path(__file__).resolve().parents[1] / "docs" / "language.md"
BLOCKS = [
    block
    for block in re.findall(r"```\n(.*?)```", DOC.read_text("utf-8"), re.S)
    if block.startswith("细则：")
]


def test_the_reference_has_whole_examples():
    assert len(BLOCKS) >= 9


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.splitlines()[0][3:])
def test_example_compiles_and_its_tests_pass(block):
    policy = compile_policy(block, filename="language.md")
    report = policy.run_tests()
    assert report.outcomes
    assert [(o.name, o.failures, o.error) for o in report.failed] == []
