"""A did-you-mean is followed as written, so it must never turn a sentence round.

Over the whole suggestion table — every keyword the syntax errors may offer, every
node modifier W307 may offer — each word is mutated the ways a writer negates or
reverses it (a negation put in or taken out, a direction character swapped for its
opposite); whatever the suggester then offers must keep the mutated text's negations
and directions.  End to end, the sentences that used to get the opposite hint get none.
"""

from __future__ import annotations

import pytest
from xize.compiler import PolicyError, compile_policy
from xize.compiler.check.passes.outline import MODIFIERS, suggest_modifier
from xize.compiler.diagnostics.suggest import NEGATIONS, closest, same_sense, sense
from xize.compiler.syntax.syntax_errors import CANDIDATES, _did_you_mean

OPPOSITES = {
    "多": "少",
    "高": "低",
    "上": "下",
    "增": "减",
    "升": "降",
    "早": "晚",
    "前": "后",
    "内": "外",
    "加": "扣",
    "超": "低",
    "已": "未",
    "达": "缺",
    "得": "失",
}
OPPOSITES |= {b: a for a, b in list(OPPOSITES.items())}
#: Words that widen or narrow what a sentence applies to: dropping one, or swapping the
#: clause (条) for the item (项), changes which points a sentence takes.
SCOPE_DROPPED = "大每各"
SCOPE_SWAPPED = {"条": "项", "项": "条"}

TABLE = sorted({w for words in CANDIDATES.values() for w in words if len(w) >= 2})


def mutations(word: str) -> set[str]:
    """Ways a writer says the opposite of `word`, or the same of something wider or
    narrower (`本大项` for `本项`, `每次` for `次`)."""
    out = set()
    for i in range(len(word) + 1):
        for neg in "不未没":
            out.add(word[:i] + neg + word[i:])
        for wider in SCOPE_DROPPED:
            out.add(word[:i] + wider + word[i:])
    for i, ch in enumerate(word):
        if ch in NEGATIONS or ch in SCOPE_DROPPED:
            out.add(word[:i] + word[i + 1 :])
        if ch in OPPOSITES:
            out.add(word[:i] + OPPOSITES[ch] + word[i + 1 :])
        if ch in SCOPE_SWAPPED:
            out.add(word[:i] + SCOPE_SWAPPED[ch] + word[i + 1 :])
    return {m for m in out if sense(m) != sense(word)}


def test_the_table_and_its_mutations_are_large_enough_to_mean_something():
    assert len(TABLE) > 150
    assert sum(len(mutations(w)) for w in TABLE) > 2000


def test_no_syntax_hint_flips_a_negation_or_a_direction():
    expected = set(CANDIDATES)
    checked = 0
    for word in TABLE:
        for typed in mutations(word):
            text = typed + "1分"
            guess = _did_you_mean(expected, text, 0)
            if guess is None:
                continue
            offered, start, end = guess
            checked += 1
            assert same_sense(text[start:end], offered), (typed, offered)
    assert checked > 0  # some mutations are still mended (e.g. 达不到 → 未达到 is allowed)


@pytest.mark.parametrize("modifier", sorted(MODIFIERS))
def test_no_modifier_hint_flips_a_negation_or_a_direction(modifier):
    for typed in mutations(modifier.replace("N", "5")):
        suggestion = suggest_modifier(typed)
        if suggestion is not None:
            assert same_sense(typed, suggestion), (typed, suggestion)


def test_fact_and_band_names_are_not_mended_into_their_opposites():
    assert closest("未整改问题数", ["已整改问题数"]) is None
    assert closest("合格", ["不合格"]) is None
    assert closest("新增案件数", ["增加案件数"]) is None
    assert closest("缺席次数", ["缺会次数"]) == "缺会次数"  # a real slip is still mended


def test_two_neighbours_swapped_are_one_slip():
    """`整改问数题` for 【整改问题数】 was two edits apart — past the limit, so the swapped
    name became a new fact of its own (inferred, W310) whose column no file has; one
    slip now, mended (a negation added or dropped is still no slip: `same_sense`)."""
    from xize.compiler.diagnostics.suggest import edit_distance

    assert edit_distance("到达", "达到") == 1 and edit_distance("会缺次数", "缺会次数") == 1
    assert edit_distance("kitten", "sitting") == 3 and edit_distance("", "ab") == 2
    assert closest("整改问数题", ["整改问题数"]) == "整改问题数"
    assert closest("达标", ["未达标"]) is None  # still never across a negation
    text = hints("(一)甲(10分)\n  - 【整改问数题】每个扣1分\n")
    assert "E201" in text and "【整改问题数】" in text


@pytest.mark.parametrize(
    ("typed", "mended", "scores"),
    [
        # `未到` was mended to `不到`, leaving `不到达90%`, refused again
        ("【化解率】未到达90%的扣2分", ("未达", "未达到"), ["8", "10", "10"]),
        # `到达` was mended to `应达`: a requirement where the text has a condition
        ("【化解率】到达或超过90%的得10分", ("达到或超过",), ["0", "10", "10"]),
    ],
)
def test_a_swapped_keyword_is_mended_whole(typed, mended, scores):
    """On a tie the longer mend wins: the whole swapped word, which then compiles and
    scores as the text means (化解率 85%, 90%, 95% on a 10-point item)."""
    text = hints(f"(一)甲(10分)\n  - {typed}\n")
    offered = next(m for m in mended if f"“{m}”" in text)
    fixed = typed.replace("未到达" if "未到达" in typed else "到达或超过", offered, 1)
    policy = compile_policy(HEAD + f"(一)甲(10分)\n  - {fixed}\n")
    got = [policy.score({"化解率": v, "整改问题数": 0}).total for v in ("85%", "90%", "95%")]
    assert [format(t.normalize(), "f") for t in got] == scores


HEAD = "细则：示例\n年度：2024\n满分：10分\n\n数据：\n  化解率：百分比\n  整改问题数：个\n\n"


def hints(body: str) -> str:
    with pytest.raises(PolicyError) as caught:
        compile_policy(HEAD + body)
    return str(caught.value)


def test_a_section_is_not_mended_into_an_item():
    """`本大项不得分` in a sub-item takes the whole section's points; `本项不得分` only the
    sub-item's: offering one for the other would change the score."""
    assert not same_sense("本大项不得分", "本项不得分")
    assert not same_sense("本条最多扣", "本项最多扣")
    assert not same_sense("每次扣", "次扣")
    assert not same_sense("介于", "小于")  # between is not below


def test_equal_and_is_not_are_not_mended_into_other_bounds():
    """`不等与` (≠ mistyped) was offered `不到` (below), `过于` and `于于` were offered
    `等于`, `不比90%低` (at least 90) and `不是100%` (any other value) `不到`: 等, 比 and
    是 carry sense."""
    assert not same_sense("不等与", "不到")
    assert same_sense("不等与", "不等于")
    assert not same_sense("过于", "等于")
    assert not same_sense("不比", "不到")
    assert not same_sense("不是", "不到")
    text = hints("(一)甲(10分)\n  - 【化解率】不等与90%的，扣2分\n")
    assert "“不到”" not in text and "“不等于”" in text


def test_between_is_not_mended_into_below():
    """`介于80%和90%之间` was offered `小于` (below 80%?): a range is refused for what it
    leaves unsaid, with no hint that turns it into one bound."""
    text = hints("(一)甲(10分)\n  - 【化解率】介于80%和90%之间的得3分\n")
    assert "小于" not in text


def test_da_bu_dao_is_read_as_wei_da_dao_never_as_da_dao():
    """`达不到` was once mended into its opposite `达到`; it is now the language's own word
    for 未达到 (below the bound, the bound itself not included)."""
    policy = compile_policy(HEAD + "(一)甲(10分)\n  - 【化解率】达不到90%的，扣2分\n")
    scores = [policy.score({"化解率": v, "整改问题数": "0"}).total for v in ("95%", "90%", "85%")]
    assert scores == [10, 10, 8]


def test_a_mistyped_cap_is_not_mended_into_its_opposite():
    """`最少扣5分` is no slip for `最多扣5分`: no such hint; and as a title part that
    states points it is refused (E117), not kept as title text that caps nothing."""
    text = hints("(一)甲(10分)，最少扣5分\n  - 【整改问题数】每个扣1分\n")
    assert "E117" in text and "最多扣5分”？" not in text


def test_an_undeclared_fact_is_not_steered_to_its_opposite():
    """【未整改问题数】 is no slip for the declared 【整改问题数】: it is a fact of its own
    (inferred, W310 under --strict), never an error whose hint negates it."""
    policy = compile_policy(HEAD + "(一)甲(10分)\n  - 【未整改问题数】每个扣1分\n")
    assert "未整改问题数" in {f.name for f in policy.facts}
    assert not [d for d in policy.diagnostics if d.args.get("suggestion") == "整改问题数"]
    slip = hints("(一)甲(10分)\n  - 【整改问提数】每个扣1分\n")
    assert "E201" in slip and "【整改问题数】" in slip  # a real slip is still mended


def test_the_threshold_hint_never_suggests_counting_instead():
    text = hints("(一)甲(10分)\n  - 【化解率】每低于1个百分点扣0.03分\n")
    assert "E112" in text and "计数动词" not in text and "每缺1次" not in text


def test_a_word_a_facts_name_negates_is_not_mended_into_a_comparison():
    """`【未达标率】达标90%以上的得6分` was offered `达到`, which reads 未达标率 ≥ 90% — the
    opposite of 达标 90%; on 【达标率】 the same mend keeps the sense and is offered."""
    assert "“达到”" not in hints("(一)甲(10分)\n  - 【未达标率】达标90%以上的得6分\n")
    assert "“达到”" in hints("(一)甲(10分)\n  - 【达标率】达标90%以上的得6分\n")
    # a requirement's 应 before the word is no reason to mend it: `应达` on 【未达标率】 is
    # the same turn (未达标率 ≥ 90%)
    assert "“应达”" not in hints(
        "(一)甲(10分)\n  - 【未达标率】应达标90%以上，每低1个百分点扣0.1分\n"
    )
    assert "“应达”" in hints("(一)甲(10分)\n  - 【达标率】应达标90%以上，每低1个百分点扣0.1分\n")
