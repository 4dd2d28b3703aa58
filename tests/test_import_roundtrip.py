"""`xize render` → `xize import`: a rendered 细则 reads back to the policy it came from.

Everything the rendered document states — header, outline, points and modifiers, grade
bands, the data appendix, and each node's clauses (printed as its `评分标准：` sentences,
which name the appendix's facts) — must come back identical, in .docx and in Markdown,
for the bundled policies and for random ones (outlines with section-like headings such as
`考评范围` included: a rendered document's outline is the policy's).  `round_trip` says
what is left out of the comparison and why.  HTML is rendered but not read by `import`.
"""

from __future__ import annotations

import dataclasses
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import policies
from xize.compiler import compile_policy, load_policy
from xize.compiler.importer import import_document
from xize.compiler.ir.normalise import canonical
from xize.compiler.render import render
from xize.compiler.source.text import normalise

ROOT = Path(__file__).resolve().parent.parent


def _clause(c) -> object:
    return canonical(dataclasses.replace(c, id="", text="", line=0))


def _node(n) -> object:
    return (n.path, normalise(n.title), n.points, n.budget, n.floor, n.bonus_cap, n.take_max)


def _head(p) -> object:
    return (normalise(p.title), p.year, p.full_marks, p.precision, normalise(p.target), p.mode)


def _fact(f) -> object:
    return (
        f.name,
        f.type,
        f.unit,
        f.default,
        f.low,
        f.high,
        f.sense,
        normalise(f.description.strip()),
    )


FORMATS = ("docx", "md")


def round_trip(policy, tmp: Path, fmt: str = "docx"):
    """Render `policy`, import the document, compile the draft: the same IR, clauses
    included (their order within a node too).  Left out of the comparison, because a
    document does not carry them: the `测试` blocks, comments, each node's `说明` and
    each clause's source text and line (the IR of a clause is compared, not its words),
    and the parameter names (the document prints a parameter's value; the IR holds the
    value, so the comparison sees it)."""
    path = tmp / f"细则.{fmt}"
    data = render(policy, fmt)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    draft = import_document(path)
    back = compile_policy(draft.text, filename="<draft>")
    a, b = policy.ir, back.ir
    assert _head(b) == _head(a)
    assert [_node(n) for n in b.walk()] == [_node(n) for n in a.walk()]
    assert [canonical(dataclasses.replace(x, line=0)) for x in b.bands] == [
        canonical(dataclasses.replace(x, line=0)) for x in a.bands
    ]
    assert [_fact(f) for f in b.facts] == [_fact(f) for f in a.facts]
    for x, y in zip(a.walk(), b.walk(), strict=True):
        assert [_clause(c) for c in y.clauses] == [_clause(c) for c in x.clauses], (
            f"{x.path}\n{draft.text}"
        )
    assert draft.summary.pending == 0 and "# 待处理" not in draft.text, draft.text
    assert draft.summary.drafted == draft.summary.sentences
    return draft


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["shuangjie_lianghui_2023", "xinfang_kaoping_shizhi"])
def test_bundled_policies_round_trip(name, fmt, tmp_path):
    policy = load_policy(ROOT / "policies" / f"{name}.rule")
    draft = round_trip(policy, tmp_path, fmt)
    assert draft.summary.clauses == sum(len(n.clauses) for n in policy.ir.walk())


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(desc=policies(with_tests=False), fmt=st.sampled_from(FORMATS))
def test_random_policies_round_trip(desc, fmt, tmp_path):
    round_trip(compile_policy(desc.render(), filename="<random>"), tmp_path, fmt)


@pytest.mark.parametrize("name", ["shuangjie_lianghui_2023", "xinfang_kaoping_shizhi"])
def test_a_document_without_scoring_standards_is_read_without_a_guess(name, tmp_path):
    """A rendered document whose `评分标准` paragraphs were deleted (or one rendered before
    they were printed): clauses come only from sentences that say which fact they count,
    and each is one of its node's own clauses — never another meaning."""
    policy = load_policy(ROOT / "policies" / f"{name}.rule")
    text = render(policy, "md")
    kept = [line for line in text.split("\n") if not line.startswith("评分标准：")]
    assert len(kept) < len(text.split("\n"))
    path = tmp_path / "细则.md"
    path.write_text("\n".join(kept), encoding="utf-8")
    draft = import_document(path)
    back = compile_policy(draft.text, filename="<draft>")
    originals = {n.path: [_clause(c) for c in n.clauses] for n in policy.ir.walk()}
    drafted = 0
    for node in back.ir.walk():
        for clause in node.clauses:
            assert _clause(clause) in originals[node.path], clause.text
            drafted += 1
    assert 0 < drafted < sum(len(v) for v in originals.values())
    assert draft.summary.drafted + draft.summary.pending == draft.summary.sentences


def test_rendered_document_states_what_the_policy_computes():
    """Three things the rendered text used to leave out, found by the round trip:
    就高不就低, the brackets of an 或 inside 且, and a band whose 以上 the 边界 reverses."""
    text = """细则：示例细则
年度：2023
满分：10分
边界：以上不含本数

数据：
  甲：是否
  乙：是否
  丙：是否

(一)基础工作(5分)，就高不就低
  - 【甲】得5分
  - 【乙】得3分
(二)业务工作(5分)
  - 未【甲】且(【乙】或【丙】)扣1分

等次：
  优秀：不低于9分
  合格：其余
"""
    md = render(compile_policy(text), "md")
    assert "（一）基础工作（5分，就高不就低）" in md
    assert "未甲且（乙或丙）" in md
    assert "| 优秀 | 不低于9分 |" in md


def test_a_band_not_lower_than_its_bound_reads_back_as_a_lower_bound(tmp_path):
    """`不低于0.01分` under `0.24分至4.94分` (with 以上不含本数, as rendered) is the band
    from 0.01 up to the one above: its 低于 is turned around by 不, so it states a lower
    bound, not an upper one — read as `低于0.01`, the band seemed to leave a gap and the
    whole 等次 block was held."""
    text = """细则：示例细则
年度：2023
满分：8分
边界：以上不含本数，以下含本数

数据：
  缺会次数：次，默认0

等次：
  优秀：4.94分以上
  较好：0.24分至4.94分
  良好：不低于0.01分
  合格：其余

（一）领导重视程度（8分）
  - 【缺会次数】每次扣1分
"""
    for fmt in FORMATS:
        round_trip(compile_policy(text, filename="<bands>"), tmp_path, fmt)


@pytest.mark.parametrize(
    ("band", "bounds"),
    [
        ("不低于0.01分", ("0.01", None)),
        ("不少于60分", ("60", None)),
        ("低于60分", (None, "60")),
        ("不高于59分", (None, "59")),
        ("不超过59分", (None, "59")),
        ("80分至89分", ("80", "89")),
    ],
)
def test_grade_band_bounds_keep_their_side(band, bounds):
    from xize.compiler.importer.draft import _bounds

    low, high = _bounds(band)
    assert (low, high) == tuple(None if b is None else Decimal(b) for b in bounds)


LINE_READ_TOGETHER = """细则：一行读
年度：2024
满分：8分

数据：
  率：百分比，越高越好
  资金：万元

(一)差距(4分)
  - 【率】全市最高的得4分；与最高值差距在5个百分点以内（含5个百分点）的得3分；其余得1分
(二)几成(4分)
  - 【资金】达到全市平均数1.5倍及以上的得4分；达到平均数但不足1.5倍的得3分；低于平均数的得1分

等次：
  优秀：7分以上
  良好：6分以上
  合格：5分以上
  不合格：其余
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_bands_of_one_line_round_trip(fmt, tmp_path):
    """A line whose clauses are read together (bands: each alone is no clause) is printed
    and read back as one line, not as sentences that each fail."""
    policy = compile_policy(LINE_READ_TOGETHER, filename="一行读.rule")
    draft = round_trip(policy, tmp_path, fmt)
    assert draft.summary.clauses == sum(len(n.clauses) for n in policy.ir.walk())


def test_many_standard_sentences_that_do_not_read_cost_linear_time(tmp_path):
    """A rendered document whose 评分标准 paragraph holds many sentences that do not read
    alone: each is tried joined to at most a few before it, so the import grows linearly
    (a document cannot make it quadratic)."""
    policy = compile_policy(LINE_READ_TOGETHER, filename="一行读.rule")
    text = render(policy, "md")
    text = text if isinstance(text, str) else text.decode("utf-8")
    lead = "评分标准："
    start = text.index(lead)
    end = text.index("\n", start)

    def timed(k: int) -> float:
        bad = "；".join(["与最高值差距在5个百分点以内的得3分"] * k)
        path = tmp_path / f"细则{k}.md"
        path.write_text(text[:start] + lead + bad + "。" + text[end:], encoding="utf-8")
        began = time.process_time()
        draft = import_document(path)
        assert draft.summary.pending >= 1
        return time.process_time() - began

    timed(10)  # warm up
    ratios = []
    for _ in range(3):  # a shared machine can slow one measurement; quadratic is ~100×
        t1, t10 = timed(30), timed(300)
        ratios.append(t10 / max(t1, 1e-3))
        if ratios[-1] <= 15:
            break
    assert min(ratios) <= 15, ratios
