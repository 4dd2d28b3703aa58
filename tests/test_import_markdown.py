"""Markdown as offices write it: bullets before sentences, bold item titles, a numbered
list under a numbered heading, a quote for the preamble.  The marks are Markdown's, not
the document's: none may reach a fact name, and the nesting Markdown states must be the
outline's."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text

DOCUMENT = """# 2025年度全县消防安全工作考核细则

> 为压实消防安全责任，制定本细则。

## 一、考核对象

各乡镇（街道）。

## 二、考核内容

### （一）隐患整治（20分）

#### 1. 火灾隐患排查（12分）

- 乡镇应每季度开展一次火灾隐患排查。
- 每发现一处重大火灾隐患未整改，扣2分。

#### 2. 重点场所（8分）

1. **九小场所（5分）**：九小场所检查覆盖率达到100%的得5分，未达到的不得分。
2. **人员密集场所（3分）**：人员密集场所发生亡人火灾的，扣3分。

### （二）宣传培训（10分）

- 每少开展一次消防宣传活动，扣1分；宣传材料中 `3\\*4` 等写法照原文保留。
"""


def test_markdown_marks_stay_out_of_the_draft(tmp_path):
    draft, policy = import_text(tmp_path, DOCUMENT, name="细则.md")
    facts = [fact.name for fact in policy.ir.facts]
    assert facts, draft.text
    assert not [name for name in facts if set(name) & set("-*#>`")], facts
    assert policy.ir.title == "2025年度全县消防安全工作考核细则"
    points = {node.path: node.points for node in policy.ir.walk()}
    # the numbered list under `#### 2.` is its sub-items, not siblings of 1. and 2.
    assert points["(一)2(1)"] == Decimal(5), points
    assert points["(一)2(2)"] == Decimal(3), points
    assert points["(一)1"] == Decimal(12)
    assert not any(
        "**" in line or line.lstrip().startswith("- -") for line in draft.text.split("\n")
    )
    # nothing of the document is dropped: the bullet's sentence is in the draft
    assert "每少开展一次消防宣传活动" in draft.text
