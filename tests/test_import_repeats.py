"""Deductions doubled for a repeat, and deductions counted per thing where the document
does not write `每` (readers/repeats.py): `…每处扣0.5分，同一问题被重复发现的加倍扣分` is a
second fact deducting the same amount (the repeats counted in both); `有专职人员、有办公场所、
有工作经费的得3分，缺一项扣1分` in an item of 3 counts the missing ones; `有一本…不规范的扣
0.25分，最多扣3分` counts every 本; `每有1个点位1个月未达标扣0.5分` counts place-months.  Each is
scored on a few units; the near misses stay pending and say why.  Documents are written for
the test."""

from __future__ import annotations

from decimal import Decimal

from helpers import import_text, pending_lines

_HEAD = "某县2026年度城乡环境治理工作考核细则\n一、考核内容及评分标准\n"


def _doc(*items: str) -> str:
    """A document with the items (`（一）标题（N分）\\n句子`)."""
    return _HEAD + "".join(f"{item}\n" for item in items)


def _total(policy, facts: dict[str, str]) -> Decimal:
    return policy.score(facts).total


def _note(text: str, name: str) -> str:
    """The note the draft's 数据 gives `name`."""
    (line,) = [line for line in text.splitlines() if line.startswith(f"  {name}：")]
    return line.split("#", 1)[1].strip()


def test_a_doubling_in_the_same_sentence(tmp_path):
    """The repeats deduct the same 0.5 per 处 as a fact of their own, noted as counted in
    the first fact too: 3 problems found, one of them found again, loses 1.5 + 0.5."""
    text = _doc(
        "（一）问题整改（5分）\n县级以上明察暗访发现环境问题的，每处扣0.5分，同一问题被重复发现的加倍扣分。"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【县级以上明察暗访发现环境问题】每处扣0.5分" in draft.text
    assert "- 【同一问题被重复发现】每处扣0.5分" in draft.text
    assert "也计入【县级以上明察暗访发现环境问题】" in _note(draft.text, "同一问题被重复发现")
    assert "加倍" in _note(draft.text, "同一问题被重复发现")
    assert pending_lines(draft.text) == []
    first, again = "县级以上明察暗访发现环境问题", "同一问题被重复发现"
    for found, repeated, expected in (
        ("0", "0", "5"),
        ("3", "1", "3"),
        ("4", "4", "1"),
        ("8", "2", "0"),
    ):
        assert _total(policy, {first: found, again: repeated}) == Decimal(expected), (
            found,
            repeated,
        )


def test_a_doubling_after_the_sentence_that_deducts(tmp_path):
    """`同一问题…仍未整改的，每处加倍扣分` after `…的，每处扣0.4分` in the same item: the amount
    of the sentence just before; the sentence after it is its own clause."""
    text = _doc(
        "（一）村容整治（8分）\n巡查发现柴草乱堆、污水横流的，每处扣0.4分；同一问题在下次巡查中仍未整改的，"
        "每处加倍扣分；月度排名全镇末位的，每次扣1分。"
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【同一问题在下次巡查中仍未整改】每处扣0.4分" in draft.text
    assert pending_lines(draft.text) == []
    (first,) = [
        line.split("【", 1)[1].split("】", 1)[0]
        for line in draft.text.splitlines()
        if line.strip().startswith("- 【") and "每处扣0.4分" in line and "下次巡查" not in line
    ]
    assert f"也计入【{first}】" in _note(draft.text, "同一问题在下次巡查中仍未整改")
    # 5 problems, 2 of them not rectified by the next round, ranked last once: 8 - 2 - 0.8 - 1
    facts = {first: "5", "同一问题在下次巡查中仍未整改": "2", "月度排名全镇末位": "1"}
    assert _total(policy, facts) == Decimal("4.2")
    assert _total(policy, {first: "2"}) == Decimal("7.2")


def test_a_doubling_that_is_not_certain_stays_pending(tmp_path):
    """A cap on the deduction doubled (do the repeats share it?), another unit (次 after
    处), a sentence between the deduction and the doubling (which amount?), a doubling
    with nothing before it, a sentence of its own that says no unit: pending with the
    加倍 reason."""
    text = _doc(
        "（一）巡查（4分）\n巡查发现问题的，每处扣0.5分，最多扣3分；同一问题被重复发现的，每处加倍扣分。",
        "（二）督查（4分）\n督查发现问题的，每处扣0.5分；同一问题被重复通报的，每次加倍扣分。",
        "（三）暗访（4分）\n暗访发现问题的，每处扣0.5分；工作台账不全的酌情扣分；同一问题被重复发现的，每处加倍扣分。",
        "（四）复查（4分）\n同一问题被重复发现的，每处加倍扣分。",
        "（五）回访（4分）\n回访发现问题的，每处扣0.5分；同一问题逾期仍未整改的，加倍扣分。",
    )
    draft, _ = import_text(tmp_path, text)
    pending = pending_lines(draft.text)
    doubled = [p for p in pending if "加倍扣分" in p.split("（", 1)[0]]
    assert len(doubled) == 5, pending
    assert all("另设数据项" in p for p in doubled)
    assert "每处扣0.5分，最多扣3分" in draft.text  # the deduction itself is drafted


def test_a_closed_list_missing_one_counts_each_where_they_lose_the_points(tmp_path):
    """3 things × 1 = the 3 points of the item, and 6 things (the number the document gives
    them, `等“六防”`) × 0.5 ≥ the 2 points: the missing ones are counted; the earning is
    the item's points, so the deduction alone is the draft."""
    text = _doc(
        "（一）机构建设（3分）\n社区服务站有专职人员、有办公场所、有工作经费的得3分，缺一项扣1分。",
        "（二）仓库管理（2分）\n仓库防火、防盗、防潮、防虫、防尘、防鼠等“六防”设施配备齐全的得2分，缺一种扣0.5分。",
    )
    draft, policy = import_text(tmp_path, text)
    staff = "社区服务站有专职人员、有办公场所、有工作经费缺少的项"
    store = "仓库防火、防盗、防潮、防虫、防尘、防鼠等六防设施配备齐全缺少的种"
    assert f"- 【{staff}】每项扣1分" in draft.text
    assert f"- 【{store}】每种扣0.5分" in draft.text
    assert "# 原文 “得3分” 即本项分值" in draft.text
    assert pending_lines(draft.text) == []
    for missing, short, expected in (
        ("0", "0", "5"),
        ("1", "1", "3.5"),
        ("3", "2", "1"),
        ("2", "6", "1"),
    ):
        assert _total(policy, {staff: missing, store: short}) == Decimal(expected), (missing, short)


def test_a_list_missing_one_without_a_certain_reading_stays_pending(tmp_path):
    """2 things × 1 < 3 (missing both would keep 1: per item or once?) and an open `等`
    list stay pending; a closed list whose points are a part of the item is a sub-item of
    them, counted per item (draft.py reads it as `每缺一项`, `repeats.with_each`)."""
    text = _doc(
        "（一）台账管理（3分）\n有工作台账、有年度计划的得3分，缺一项扣1分。",
        "（二）设施配备（4分）\n服务站配备桌椅、书柜、电脑等设施的得4分，缺一种扣1分。",
        "（三）机构建设（6分）\n镇级服务站有专职人员、有工作经费的得2分，缺一项扣1分。",
    )
    draft, _ = import_text(tmp_path, text)
    pending = pending_lines(draft.text)
    (two,) = [p for p in pending if p.startswith("有工作台账")]
    assert "两种读法" in two and "仍得1分" in two
    (open_list,) = [p for p in pending if p.startswith("服务站配备桌椅")]
    assert "几项" in open_list
    assert not [p for p in pending if p.startswith("镇级服务站")]
    assert "(1)镇级服务站有专职人员、有工作经费缺少的项（2分）" in draft.text
    clauses = [line.strip() for line in draft.text.splitlines() if line.strip().startswith("- ")]
    assert clauses == ["- 【镇级服务站有专职人员、有工作经费缺少的项】每项扣1分"]


def test_one_of_the_checked_counts_each_under_a_cap_of_many(tmp_path):
    """`有一本…不规范的扣0.25分，最多扣3分`: the cap is 12 times the amount, reached only by
    counting every 本; without a cap (once, or each?), pending."""
    text = _doc(
        "（一）台账规范（5分）\n随机抽查工作台账，有一本登记、归档不规范的扣0.25分，最多扣3分。",
        "（二）档案规范（2分）\n随机抽查档案，有一卷装订不规范的扣0.2分。",
    )
    draft, policy = import_text(tmp_path, text)
    name = "抽查工作台账登记、归档不规范"
    assert f"- 【{name}】每本扣0.25分，最多扣3分" in draft.text
    assert "本数" in _note(draft.text, name)
    pending = pending_lines(draft.text)
    assert [p.split("（", 1)[0] for p in pending] == [
        "随机抽查档案，有一卷装订不规范的扣0.2分。"[:-1]
    ]
    for books, expected in (("0", "7"), ("5", "5.75"), ("30", "4")):
        assert _total(policy, {name: books}) == Decimal(expected), books


def test_places_short_month_by_month(tmp_path):
    """`每有1个点位1个月未达标扣0.5分，扣完为止`: a count of place-months; after an earning
    of the same standard worth the item's points, the deduction alone is drafted (the
    earning a note)."""
    text = _doc(
        "（一）空气质量（4分）\n每有1个监测点位1个月未达标扣0.5分，扣完为止。",
        "（二）水质（6分）\n考核断面水质达到年度目标的得6分；每有1个断面1个月未达标扣1分，扣完为止。",
    )
    draft, policy = import_text(tmp_path, text)
    name = "监测点位月度未达标"
    assert f"- 【{name}】每个扣0.5分，扣完为止" in draft.text
    assert "2个监测点位各有3个月未达标的，计6个" in _note(draft.text, name)
    assert pending_lines(draft.text) == []
    assert "- 【断面月度未达标】每个扣1分，扣完为止" in draft.text
    for months, sections, expected in (("0", "0", "10"), ("3", "0", "8.5"), ("20", "2", "4")):
        assert _total(policy, {name: months, "断面月度未达标": sections}) == Decimal(expected)


def test_with_each_gives_the_per_item_wording_only_where_it_is_the_reading():
    """`with_each` (for the outline, readers/repeats.py): the sentence as a `每缺一项` one
    where the listed things together lose the points, else None."""
    from xize.compiler.importer.readers.repeats import with_each

    assert (
        with_each("站点有专职人员、有办公场所的得2分，缺一项扣1分。")
        == "站点有专职人员、有办公场所的得2分，每缺一项扣1分。"
    )
    assert with_each("有工作台账、有年度计划的得3分，缺一项扣1分") is None  # 2 × 1 < 3
    assert with_each("配备桌椅、书柜、电脑等设施的得2分，缺一种扣1分") is None  # open list
    assert with_each("站点有专职人员、有办公场所的得2分，每缺一项扣1分") is None  # has 每


def test_a_standard_of_the_items_points_then_its_place_months(tmp_path):
    """`…达标的得5分。每有1个监测点位1个月未达标扣0.5分，扣完为止` in an item of 5: the two
    sentences are one standard; the earning is a note and the place-months deduct from
    the 5.  The earning of a part of the item stays pending with the pair."""
    text = _doc(
        "（一）饮用水（5分）\n饮用水水源地水质达标的得5分。每有1个监测点位1个月未达标扣0.5分，扣完为止。",
        "（二）地表水（6分）\n地表水断面水质达标的得3分。每有1个断面1个月未达标扣0.5分，扣完为止。",
    )
    draft, policy = import_text(tmp_path, text)
    assert "- 【监测点位月度未达标】每个扣0.5分，扣完为止" in draft.text
    assert "# 原文 “饮用水水源地水质达标的得5分”" in draft.text
    assert not [p for p in pending_lines(draft.text) if p.startswith("饮用水水源地")]
    assert [p for p in pending_lines(draft.text) if p.startswith("地表水断面水质达标")]
    for months, expected in (("0", "5"), ("3", "3.5"), ("12", "0")):
        result = policy.score({"监测点位月度未达标": months})
        assert result.nodes["(一)"].score == Decimal(expected), months
