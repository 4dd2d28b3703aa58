"""More batch sentences as offices write them, each read as its plain form (the first of
its group) or refused — never a third reading (`compiler/syntax/equivalents.py`):

- the subject before an event (`各乡镇发生【X】的`), who found it (`被上级通报【X】的`,
  `被省级以上部门【X】的`), `并实行“一票否优”`, the assessment named before a grade
  limit (`年度安全生产考核不得评为优秀`), `等次不低于良好` / `等次不高于合格`;
- `本项3分全部扣除` (3 the item's points), `按全市位次计分，第1位…`, `排名最后1名的`,
  places joined by `、` (`第一名得3分、第二名得2分`);
- `低于平均值超过5个百分点` (`低于平均值5个百分点`), `5个百分点以内（含5个百分点）`;
- `按其增速与第一名增速之比`, `每比最短用时多0.5个工作日`.

And one reading that was wrong: `低于平均值5个百分点以内的` alone is the band between the
mean and 5 points below it (it was read as `低于平均值5个百分点的`, the units beyond it).

Every batch is small and worked by hand, with a unit on each bound; compiled ==
interpreter, and the SQL query (DuckDB) gives the same scores."""

from __future__ import annotations

from decimal import Decimal

import pytest
from xize.compiler import PolicyError, compile_policy
from xize.compiler.backends.sql.table import score_table

BANDS = "\n等次：\n  优秀：18分以上\n  良好：16分以上\n  合格：12分以上\n  不合格：其余\n"


def build(clause: str, facts: str, points: int = 10):
    text = (
        f"细则：写法\n年度：2024\n满分：{points + 10}分\n\n数据：\n{facts}  通报：是否，默认否\n\n"
        f"(一)基础(10分)\n  - 【通报】扣1分\n(二)本项({points}分)\n  - {clause}\n" + BANDS
    )
    return compile_policy(text, filename="写法.rule")


def outcome(clause: str, facts: str, rows: list[dict], points: int = 10):
    policy = build(clause, facts, points)
    rows = [{"单位": f"单位{i}", **row} for i, row in enumerate(rows)]
    compiled = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled] == [r.to_dict() for r in interpreted]
    return [r.nodes["(二)"].score for r in compiled], [sorted(r.labels) for r in compiled]


EVENT = "  事故：是否，默认否\n"
REPORTS = "  批评：次，默认0\n"
RATE = "  率：百分比，越高越好\n"
COUNT = "  事故起数：起，默认0\n"
TIME = "  开办用时：工作日\n"
GROWTH = "  收入增速：百分比，越高越好\n"
DONE = "  完成率：百分比，越高越好\n"

GROUPS = [
    # the subject before an event; 一票否优 in quotes after 并实行
    (
        [
            "【事故】的，本项不得分，且不得评为优秀",
            "各乡镇发生【事故】的，本项不得分，且年度考核不得评为优秀",
            "各县（市、区）发生【事故】的，本项不得分，并实行“一票否优”",
            "被上级通报【事故】的乡镇，本项不得分，并实行“一票否优”",
            "【事故】的，本项不得分，年度安全生产考核不得评为优秀",
            # the others keep the item's 10 points anyway
            "发生【事故】的，本项不得分，且年度考核不得评为优秀；未发生的得10分",
        ],
        EVENT,
        10,
        [{"事故": "否"}, {"事故": "是"}],
        [10, 0],
        [[], ["等次最高为良好"]],
    ),
    # who found the events, a level among them
    (
        [
            "【批评】每次扣2分，扣完为止；【批评】达到1次的，不得评为优秀",
            "被省级以上部门【批评】的，每次扣2分，扣完为止；【批评】达到1次的，不得评为优秀",
        ],
        REPORTS,
        10,
        [{"批评": "0"}, {"批评": "1"}, {"批评": "6"}],
        [10, 8, 0],
        [[], ["等次最高为良好"], ["等次最高为良好"]],
    ),
    # all the item's points taken from the last places
    (
        [
            "按【事故起数】从低到高排名，后两名的，不得分",
            "各乡镇【事故起数】按由少到多排序，位居全县末两位的，本项3分全部扣除",
        ],
        COUNT,
        3,
        [{"事故起数": "0"}, {"事故起数": "4"}, {"事故起数": "1"}, {"事故起数": "2"}],
        [3, 0, 3, 0],
        [[], [], [], []],
    ),
    # places scored one by one, the way of scoring said first
    (
        [
            "【率】第1位得8分，每后移1位减0.5分",
            "各县区【率】按全市位次计分，第1位得8分，位次每后移1位减0.5分",
        ],
        RATE,
        8,
        [{"率": "90"}, {"率": "95"}, {"率": "80"}, {"率": "95"}],
        [7, 8, Decimal("6.5"), 8],
        [[], [], [], []],
    ),
    # the last place written 最后1名; places joined by 、; a floor of the grade
    (
        [
            "【率】排名第1的得6分，排名末位的不得分，其余得3分",
            "各县区【率】由高到低排名，排名第1的得6分，排名最后1名的不得分，其余县区得3分",
        ],
        RATE,
        6,
        [{"率": "90"}, {"率": "95"}, {"率": "80"}],
        [3, 6, 0],
        [[], [], []],
    ),
    (
        [
            "【率】第一名得3分，第二名得2分，第三名得1分，其余不得分；排名前两位的，等次最低为良好",
            "各县区【率】全市第一名得3分、第二名得2分、第三名得1分，其余不得分；"
            "排名前两位的，年度考核等次不低于良好",
        ],
        RATE,
        3,
        [{"率": "90"}, {"率": "95"}, {"率": "80"}, {"率": "70"}],
        [2, 3, 1, 0],
        [["等次最低为良好"], ["等次最低为良好"], [], []],
    ),
    # beyond the mean by more than 5 points; 以内 with its bound restated
    (
        [
            "【率】达到或高于平均值的得2分；低于平均值5个百分点以内的得1分；低于平均值5个百分点的不得分",
            "各学校【率】达到或高于全县平均值的得2分；低于平均值5个百分点以内（含5个百分点）的得1分；"
            "低于平均值超过5个百分点的不得分",
        ],
        RATE,
        2,
        # mean 90: 85 exactly 5 below, 84 beyond
        [{"率": "90"}, {"率": "85"}, {"率": "84"}, {"率": "100"}, {"率": "91"}],
        [2, 1, 0, 2, 2],
        [[], [], [], [], []],
    ),
    # the unit's measure against the first's same measure, times the item's points
    (
        [
            "【收入增速】最高者得满分，其余按与最高者的比例得分",
            "各县区【收入增速】全市第一的县区得满分6分，其他县区按其增速与第一名增速之比乘以6计分",
        ],
        GROWTH,
        6,
        [{"收入增速": "8"}, {"收入增速": "4"}, {"收入增速": "6"}],
        [6, 3, Decimal("4.5")],
        [[], [], []],
    ),
    # the subject, the year and competition ranking said again; 排名每后移
    (
        [
            "【事故起数】从低到高排名，第1名得5分，每后移1位减1分",
            "按各县（市、区）全年【事故起数】由少到多排序，第1名得5分，排名每后移1位减1分，"
            "起数相同的名次并列，其后名次顺延",
        ],
        COUNT,
        5,
        # places 4, 1, 2, 2 (competition ranking): 5 − 3, 5, 5 − 1, 5 − 1
        [{"事故起数": "3"}, {"事故起数": "0"}, {"事故起数": "1"}, {"事故起数": "1"}],
        [2, 5, 4, 4],
        [[], [], [], []],
    ),
    # 以此类推 before the step it names; a floor of the grade written 良好以上等次
    (
        [
            "【率】第1名得5分，第2名得4.5分，每下降一个名次扣0.5分",
            "【率】排名第1的得5分，第2名得4.5分，以此类推，每下降一个名次扣0.5分",
        ],
        RATE,
        5,
        [{"率": "90"}, {"率": "95"}, {"率": "80"}, {"率": "70"}],
        [Decimal("4.5"), 5, 4, Decimal("3.5")],
        [[], [], [], []],
    ),
    (
        [
            "【率】第1名的，得5分，等次最低为良好；其余得3分",
            "各县区【率】位居全市第一的，本项得5分，年度考核直接确定为良好以上等次；其余单位得3分",
        ],
        RATE,
        5,
        [{"率": "90"}, {"率": "95"}, {"率": "80"}],
        [3, 5, 3],
        [[], ["等次最低为良好"], []],
    ),
    # the best as the benchmark, its own full points said before the step from it
    (
        [
            "【率】每低于最高值1个百分点扣0.5分，扣完为止",
            "以全市【率】最高值为标杆，达到最高值的得5分，每低于最高值1个百分点扣0.5分，扣完为止",
        ],
        RATE,
        5,
        [{"率": "90"}, {"率": "95"}, {"率": "80"}],
        [Decimal("2.5"), 5, 0],
        [[], [], []],
    ),
    # steps from the shortest time, its measure named again
    (
        [
            "【开办用时】每多于最短值0.5个工作日扣1分，扣完为止",
            "各县区【开办用时】最短的得4分，其余县区每比最短用时多0.5个工作日扣1分，扣完为止",
        ],
        TIME,
        4,
        [{"开办用时": "1.5"}, {"开办用时": "2"}, {"开办用时": "2.9"}, {"开办用时": "5"}],
        [4, 3, 2, 0],
        [[], [], [], []],
    ),
]


@pytest.mark.parametrize(
    "clause, facts, points, rows, scores, labels",
    [
        pytest.param(clause, facts, points, rows, scores, labels, id=f"{k}-{i}")
        for k, (clauses, facts, points, rows, scores, labels) in enumerate(GROUPS)
        for i, clause in enumerate(clauses)
    ],
)
def test_each_wording_scores_as_its_plain_form(clause, facts, points, rows, scores, labels):
    got_scores, got_labels = outcome(clause, facts, rows, points)
    assert got_scores == [Decimal(s) for s in scores]
    assert got_labels == labels


@pytest.mark.parametrize(
    "clause, facts, points",
    [
        # a negation before the fact is never blanked with who found it
        ("未被上级表扬【事故】的，本项不得分，且不得评为优秀", EVENT, 10),
        # 3 is not the item's points: which points are taken is not said
        ("按【事故起数】从低到高排名，位居全县末两位的，本项3分全部扣除", COUNT, 5),
        # the restated bound is another number than the band's
        ("【率】低于平均值5个百分点以内（含3个百分点）的扣1分", RATE, 10),
        # another measure than the ranked fact's own
        ("【开办用时】最短的得4分，其余每比最短成本多0.5个工作日扣1分，扣完为止", TIME, 4),
        # 8 is not the item's points: what the others get is not the item's full points
        ("发生【事故】的，本项不得分，且不得评为优秀；未发生的得8分", EVENT, 10),
        # the benchmark's points are not the item's: what the best earns is not said
        ("以全市【率】最高值为标杆，达到最高值的得4分，每低于最高值1个百分点扣0.5分", RATE, 5),
        # own ÷ first on a fact whose lower end is the better, in each way of declaring it:
        # never read as the share of the first (first ÷ own)
        *(
            (
                "【收入增速】第一名得满分，其余按其增速与第一名增速之比计分",
                f"  收入增速：百分比，{w}\n",
                6,
            )
            for w in ("越低越好", "越小越好", "越少越好")
        ),
        # a step from a band within the mean has no start
        ("【率】低于平均值5个百分点以内的，每低1个百分点扣1分", RATE, 10),
    ],
)
def test_what_carries_meaning_is_refused_not_rewritten(clause, facts, points):
    with pytest.raises(PolicyError):
        build(clause, facts, points)


WITHIN = [
    # mean 90; 以内 holds its bound (85, 95), the mean itself is on neither side
    ("【率】低于平均值5个百分点以内的扣1分", [10, 9, 10, 10, 10, 10]),
    ("【率】高于平均值5个百分点以内的扣1分", [10, 10, 10, 9, 10, 10]),
    ("【率】低于平均值5个百分点的扣1分", [10, 10, 9, 10, 10, 10]),
    ("【率】低于平均值5个百分点以内的扣1分，5个百分点以外的扣2分", [10, 9, 8, 10, 10, 10]),
]
WITHIN_ROWS = [{"率": v} for v in ("90", "85", "84", "95", "96", "90")]


@pytest.mark.parametrize("clause, scores", WITHIN, ids=[c for c, _ in WITHIN])
def test_within_the_mean_is_the_band_between_the_mean_and_the_bound(clause, scores):
    assert sum(Decimal(r["率"]) for r in WITHIN_ROWS) / len(WITHIN_ROWS) == 90
    got, _ = outcome(clause, RATE, WITHIN_ROWS)
    assert got == [Decimal(s) for s in scores]
    table = score_table(build(clause, RATE).ir, _arrow(WITHIN_ROWS))
    assert [Decimal(str(v)) for v in table.column("(二)本项").to_pylist()] == got


def _arrow(rows: list[dict]):
    import pyarrow as pa

    units = [f"单位{i}" for i in range(len(rows))]
    return pa.table({"单位": units, "率": [r["率"] for r in rows], "通报": ["否"] * len(rows)})


@pytest.mark.parametrize(
    "clause, facts, code",
    [
        # interpolation between the best and the worst, the minus written full-width, over
        # another measure than the line's fact (人数 on a line about 【率】: not read)
        (
            "【率】最高的得4分，最低的得0分，其余得分＝（本乡镇人数－最低值）÷（最高值－最低值）×4",
            RATE,
            "E253",
        ),
        # bands of the gap to the best that both hold a gap of exactly 5 (以内, 以上)
        ("【率】与全市最高县区相差5个百分点以内的得4分，相差5个百分点以上的得2分", RATE, "E116"),
        # a base score at the average with steps both ways
        (
            "【率】等于全市平均值的得2分，每高于平均值1个百分点加0.5分，每低于平均值1个百分点减0.5分",
            RATE,
            "E116",
        ),
        # steps of a share of the average on a rate: points or a share of the mean?
        ("【率】低于全县平均数的，每低于平均数10%扣0.5分", RATE, "E116"),
    ],
)
def test_wordings_the_language_cannot_take_are_refused_with_what_to_write(clause, facts, code):
    with pytest.raises(PolicyError) as info:
        build(clause, facts, 4)
    first = info.value.first
    assert first.code == code
    assert first.message() and first.hint()


def test_the_rest_gain_nothing_after_places_that_only_add():
    """`第一名的加2分，第二名、第三名的各加1分，其余不加分` in a bonus item: the rest gain
    nothing anyway, as `其余不扣分` after places that only lose; beside places that earn or
    lose it stays refused (what the rest get is then a question of its own)."""
    head = "细则：写法\n年度：2024\n满分：10分\n\n数据：\n  数量：个，越多越好\n  通报：是否，默认否\n\n"
    body = "(一)基础(10分)\n  - 【通报】扣1分\n(二)加分，加分项，最高加2分\n  - {clause}\n"
    rows = [{"单位": f"单位{i}", "数量": v} for i, v in enumerate(["5", "9", "7", "7", "1"])]
    totals = []
    for clause in (
        "【数量】第一名的加2分，第二名、第三名的各加1分",
        "各县区年度【数量】全市第一名的加2分，第二名、第三名的各加1分，其余不加分",
        "【数量】第一名的加2分，第二名、第三名的各加1分，其余县区不加分",
    ):
        policy = compile_policy(head + body.format(clause=clause), filename="写法.rule")
        compiled = policy.score_batch(rows)
        assert [r.to_dict() for r in compiled] == [
            r.to_dict() for r in policy.interpreter.score_batch(rows)
        ]
        totals.append([r.total for r in compiled])
    assert totals[0] == [10, 12, 11, 11, 10]
    assert totals[1] == totals[0] and totals[2] == totals[0]
    with pytest.raises(PolicyError):
        compile_policy(
            head + body.format(clause="【数量】第一名的得2分，第二名的扣1分，其余不加分"),
            filename="写法.rule",
        )


@pytest.mark.parametrize(
    "clause",
    [
        "【完成率】最高者得满分，其余按与最高者的比例得分",
        "各县区【完成率】以全市最高值为满分5分，其余县区按本县区完成率÷全市最高完成率×5计分",
        "【完成率】以全市最高完成率为满分，其余按本县区完成率÷全市最高完成率×5计分",
    ],
)
def test_the_best_as_full_marks_named_by_its_value_or_measure(clause):
    """`以全市最高值为满分5分` / `以全市最高完成率为满分` (5 the item's points, 完成率 the end of
    the fact's name) is `最高者得满分`.  Rates 80, 100, 50: 4, 5, 2.5."""
    rows = [{"完成率": v} for v in ["80", "100", "50"]]
    assert outcome(clause, DONE, rows, 5)[0] == [4, 5, Decimal("2.5")]


def test_the_best_as_full_marks_of_other_points_or_another_measure_is_refused():
    for clause in (
        "【完成率】以全市最高值为满分4分，其余按本县区完成率÷全市最高完成率×5计分",
        "【完成率】以全市最高增幅为满分，其余按本县区增幅÷全市最高增幅×5计分",
    ):
        with pytest.raises(PolicyError):
            build(clause, DONE, 5)


def test_the_item_recorded_as_zero_is_no_points():
    """`…的，本项记0分` (with 本项: the item's 0) is `不得分`."""
    written = build("被通报【事故】的，本项不得分", EVENT)
    recorded = build("被通报【事故】的，本项记0分", EVENT)
    rows = [{"单位": "甲", "事故": "是"}, {"单位": "乙", "事故": "否"}]
    assert [r.total for r in written.score_batch(rows)] == [
        r.total for r in recorded.score_batch(rows)
    ]


# ------------------------------------------------- the rest, the mean, a share's floor


def test_the_rest_keep_the_points_the_places_take_from():
    # 其余得10分 (the item's points) after rules that only take away: 倒数第二 keeps 10 − 4
    clause = "各县（市、区）【率】排名全市末位的，本项不得分，年度考核不得评为优秀；排名倒数第二的扣4分；其余得10分"
    rows = [{"率": v} for v in ("90", "80", "80", "70", "95")]
    scores, labels = outcome(clause, RATE, rows)
    assert scores == [10, 6, 6, 0, 10]
    assert labels[3] == ["等次最高为良好"] and labels[1] == []  # 不得评为优秀, as a label


def test_a_unit_on_the_mean_earns_what_both_tiers_give_it():
    # mean 35: 甲 exactly on it meets neither 高于 nor 低于, and the share gives it 10 × 35 ÷ 35
    clause = "各县（市、区）【率】高于全市平均水平的得10分；低于全市平均水平的，按本地率占全市平均水平的比例计分"
    rows = [{"率": v} for v in ("35", "28", "42")]
    scores, _ = outcome(clause, RATE, rows)
    assert scores == [10, 8, 10]


def test_fixed_points_on_both_sides_of_the_mean_are_refused():
    # a unit on the mean would earn nothing: which tier it is in, the text does not say
    with pytest.raises(PolicyError) as raised:
        build("【率】高于全市平均水平的得10分；低于全市平均水平的得6分", RATE)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E116" and "不低于平均值" in diag.hint()
    # on two lines of the item as well
    text = (
        "细则：写法\n年度：2024\n满分：10分\n\n数据：\n" + RATE + "\n(一)本项(10分)\n"
        "  - 【率】高于全市平均水平的得10分\n  - 【率】低于全市平均水平的得6分\n"
    )
    with pytest.raises(PolicyError) as raised:
        compile_policy(text)
    assert raised.value.diagnostics[0].code == "E116"
    # written as the hint says, the unit on the mean is in the first tier
    scores, _ = outcome(
        "【率】不低于全市平均水平的得10分；低于全市平均水平的得6分",
        RATE,
        [{"率": v} for v in ("35", "28", "42")],
    )
    assert scores == [10, 6, 10]


# ------------------------------------------------------- more wordings of the same rules

PLAIN_RATE = "  覆盖率：百分比\n"


def same_as(written: str, plain: str, facts: str, values: tuple[str, ...]) -> list[Decimal]:
    """(二)'s scores of `written`, checked equal (scores and labels) to its plain form's."""
    name = facts.split("：")[0].strip()
    rows = [{name: v} for v in values]
    got = outcome(written, facts, rows)
    assert got == outcome(plain, facts, rows)
    return got[0]


def test_places_step_down_as_offices_write_it():
    # 以后名次每递减一位减0.5分 ≡ 其后每下降一个名次扣0.5分; 计 is 得; 最低计7分 the floor
    written = "各县（市、区）【率】按由高到低排序，第1名计10分，以后名次每递减一位减1分，最低计7分"
    plain = "按【率】从高到低排名，第1名得10分，其后每下降一个名次扣1分，最低得7分"
    values = ("99", "98", "98", "90", "80", "70")
    assert same_as(written, plain, RATE, values) == [10, 9, 9, 7, 7, 7]


def test_the_last_two_places_score_as_written_with_ji():
    clause = "各县（市、区）【率】排名后两位的，本项计4分，年度考核等次最高为良好；其余计满分"
    scores, labels = outcome(clause, RATE, [{"率": v} for v in ("90", "60", "70", "95")])
    assert scores == [10, 4, 4, 10]
    assert labels[1] == ["等次最高为良好"] and labels[0] == []


def test_a_veto_after_the_name_of_the_assessment():
    clause = "【率】低于全市平均水平10个百分点以上的，本项不得分，年度目标考核一票否决"
    policy = build(clause, RATE)
    rows = [{"单位": f"单位{i}", "率": v} for i, v in enumerate(("90", "70", "80"))]
    results = policy.score_batch(rows)
    assert [r.vetoed for r in results] == [False, True, False]  # mean 80: 70 is 10 below


def test_the_most_as_full_with_a_measure_word():
    written = "各县（市、区）【率】以数量最多的县（市、区）为满分，其余按比例得分"
    plain = "【率】最高者得满分，其余按与最高者的比例得分"
    assert same_as(written, plain, RATE, ("80", "40", "60")) == [10, 5, Decimal("7.5")]
    # a word before 最多 that is neither a measure word nor the fact's: left as written
    with pytest.raises(PolicyError):
        build("各县（市、区）【率】以投诉最多的县（市、区）为满分，其余按比例得分", RATE)


def test_compared_with_the_best_step_by_step():
    written = "【率】与全市最高值比较，每低1个百分点扣0.5分，差距不足1个百分点的不扣分，扣完为止"
    plain = "【率】每低于最高值1个百分点扣0.5分"
    values = ("100", "87.5", "95", "99.2")
    assert same_as(written, plain, RATE, values) == [10, 4, Decimal("7.5"), 10]
    with pytest.raises(PolicyError):  # nobody is above the highest
        build("【率】与全市最高值相比，每高1个百分点扣0.5分", RATE)


def test_two_places_with_one_di():
    written = "各县（市、区）【率】由高到低排名，居全市第三、四位的扣2分"
    plain = "按【率】从高到低排名，第3至4名扣2分"
    assert same_as(written, plain, RATE, ("99", "98", "97", "96", "95")) == [10, 10, 8, 8, 10]


def test_places_from_the_end_go_on_after_the_last():
    # after 倒数第一, `倒数第二、第三` both count from the end
    written = "各县区【率】排名倒数第一的扣3分，排名倒数第二、第三的各扣1分"
    rows = [{"率": v} for v in ("60", "70", "80", "90", "95")]
    assert outcome(written, RATE, rows)[0] == [7, 9, 9, 10, 10]
    # alone, the bare 第三 may count from the top: still refused
    with pytest.raises(PolicyError) as raised:
        build("各县区【率】排名倒数第二、第三的各扣1分", RATE)
    assert raised.value.diagnostics[0].code == "E253"


def test_earning_tiers_around_the_mean_say_which_end_is_better():
    # the lower tier earns for 低于: not a sign that low is good, so 末位 is the lowest
    clause = (
        "【覆盖率】达到或高于全市平均值的得10分；低于全市平均值的得6分；排名全市末位的，本项不得分"
    )
    scores, _ = outcome(clause, PLAIN_RATE, [{"覆盖率": v} for v in ("90", "80", "70")])
    assert scores == [10, 10, 0]


def test_a_part_of_a_step_in_brackets():
    written = (
        "【率】低于全市平均值的，每低0.5个百分点扣1分（不足0.5个百分点的部分按0.5个百分点计），"
        "最多扣4分"
    )
    plain = (
        "【率】低于全市平均值的，每低0.5个百分点扣1分，不足0.5个百分点按0.5个百分点计，最多扣4分"
    )
    rows = [{"率": v} for v in ("98", "97.8", "97.3", "95", "99.9")]  # mean 97.6
    assert outcome(written, RATE, rows) == outcome(plain, RATE, rows)
    # 97.6 − 97.3 = 0.3: one step; 97.6 − 95 = 2.6: five whole steps and a part, six
    assert outcome(written, RATE, rows)[0] == [10, 10, 9, 6, 10]


GROWING = "  增速：百分比，越高越好，范围-100至100\n"


def growth(clause: str, *values: str) -> list[Decimal]:
    """(二)'s scores of units with these 增速."""
    return outcome(clause, GROWING, [{"增速": v} for v in values])[0]


@pytest.mark.parametrize(
    "tail",
    ["；增速为负的，该项不得分", "，负增长的不得分", "；增速为负（同比下降）的，本项不得分"],
)
def test_a_negative_growth_after_places_earns_nothing(tail):
    # after places, a unit whose growth is negative earns nothing — the first place too
    clause = "各县（市、区）【增速】按全市排名，第1名得10分，第2至3名得8分，其余得6分" + tail
    assert growth(clause, "5", "-1", "0", "3") == [10, 0, 8, 8]  # 0 is third: it keeps it
    assert growth(clause, "-5", "-1", "-2") == [0, 0, 0]


def test_zero_or_negative_after_a_share():
    clause = "【增速】全市最高的得10分，其余按本地增速占最高值的比例计分；增速为零或负数的，不得分"
    assert growth(clause, "8", "4", "0", "-2") == [10, 5, 0, 0]
    # another measure's sign is not the ranked fact's: left as written, refused
    with pytest.raises(PolicyError):
        build("【增速】全市最高的得10分，其余按比例得分；利润为负的，不得分", GROWING)


def _sql_scores(clause: str, facts: str, rows: list[dict]) -> list[Decimal]:
    """(二)'s scores from the SQL query in DuckDB, for the same batch."""
    import pyarrow as pa

    names = sorted({k for row in rows for k in row})
    columns = {"单位": [f"单位{i}" for i in range(len(rows))]}
    columns |= {name: [row[name] for row in rows] for name in names}
    columns["通报"] = ["否"] * len(rows)
    table = score_table(build(clause, facts).ir, pa.table(columns))
    return [Decimal(str(v)) for v in table.column("(二)本项").to_pylist()]


@pytest.mark.parametrize(
    ("clause", "facts", "values"),
    [
        ("【率】最高者得满分，其余按比例得分，最低得4分", RATE, ("80", "60", "20", "0")),
        (
            "【率】高于全市平均水平的得10分；低于全市平均水平的，按本地率占全市平均水平的比例计分",
            RATE,
            ("35", "28", "42"),
        ),
        (
            "【增速】全市最高的得10分，其余按本地增速占最高值的比例计分；增速为零或负数的，不得分",
            GROWING,
            ("8", "4", "0", "-2"),
        ),
        (
            "各县区【率】排名倒数第一的扣3分，排名倒数第二、第三的各扣1分",
            RATE,
            ("60", "70", "80", "90"),
        ),
    ],
)
def test_the_sql_query_scores_these_forms_as_the_module_does(clause, facts, values):
    name = facts.split("：")[0].strip()
    rows = [{name: v} for v in values]
    scores, _ = outcome(clause, facts, rows)
    assert _sql_scores(clause, facts, rows) == scores


def test_places_written_without_di():
    written = "【率】在全市排1—2位的得10分，3—4位的得8分，5位及以后的得6分"
    plain = "按【率】从高到低排名，第1至2名得10分，第3至4名得8分，第5名及以后得6分"
    values = ("99", "98", "97", "96", "95", "94")
    assert same_as(written, plain, RATE, values) == [10, 10, 8, 8, 6, 6]
    rows = [{"率": v} for v in values]
    # the ranking said first with a colon
    colon = "【率】按全市排位计分：第1名得10分，第2—3名得8分，其余得6分"
    assert outcome(colon, RATE, rows)[0] == [10, 8, 8, 6, 6, 6]
    # a number of units is not a place: `3至5名的` on a line that ranks nothing is as written
    with pytest.raises(PolicyError):
        build("【率】达到90%的，配备3至5名的得2分", RATE)


def test_the_ranked_fact_named_by_its_tail_after_the_places():
    clause = "【增速】排名前两位的得10分，其余得8分；增速不足0%的，不得分"
    assert growth(clause, "5", "-1", "0", "3") == [10, 0, 8, 10]
    # another measure named there is not the ranked fact: refused
    with pytest.raises(PolicyError):
        build("【增速】排名前两位的得10分，其余得8分；利润不足0%的，不得分", GROWING)


@pytest.mark.parametrize(
    "clause",
    [
        # 合格率 is the tail of 不合格率 but not its name: read so, each would score the opposite
        "【不合格率】从高到低排名，前两位的扣2分；合格率不足80%的，不得分",
        "【不合格率】最低的得满分，其余按与最低者的比例得分；合格率为负的不得分",
        "【不合格率】以合格率最低的为满分，其余按比例得分",
        "【不合格率】低于全市平均合格率的，扣2分",
        "【未结率】最低的得满分，其余按本地结率与最低值之比计分",
    ],
)
def test_a_tail_turned_around_never_names_the_fact(clause):
    with pytest.raises(PolicyError):
        build(clause, "  不合格率：百分比\n  未结率：百分比\n")


def test_kw_tail_of():
    from xize.compiler.syntax.keywords import tail_of

    assert tail_of("产品合格率", "合格率") and tail_of("减排量", "减排量")
    assert not tail_of("产品不合格率", "合格率")
    assert not tail_of("逾期办结率", "办结率")
    assert not tail_of("合格率", "")


def test_the_other_half_of_a_standard_said_again_after_a_comma():
    # `，低于平均值的，每低…` after `达到平均值的得10分` is the standard's other half
    written = "【率】达到全市平均水平的得10分，低于全市平均水平的，每低1个百分点扣2分，扣完为止"
    plain = "【率】达到全市平均水平的得10分；低于全市平均水平的，每低1个百分点扣2分，扣完为止"
    values = ("84", "80", "77", "79")  # mean 80
    assert same_as(written, plain, RATE, values) == [10, 10, 4, 8]
    bare = "【率】达到90%的得10分，低于的每低1个百分点扣2分"
    assert outcome(bare, RATE, [{"率": "90"}, {"率": "88"}])[0] == [10, 6]


def test_a_gap_counted_as_it_is():
    # `（按实际差值计算）` after steps is `，按比例`: 1.5 points below deducts 1.5 steps
    written = "【率】达到全市平均水平的得10分；低于全市平均水平的，每低1个百分点扣2分（按实际差值计算），扣完为止"
    plain = (
        "【率】达到全市平均水平的得10分；低于全市平均水平的，每低1个百分点扣2分，按比例，扣完为止"
    )
    values = ("81.5", "78.5", "80")  # mean 80
    assert same_as(written, plain, RATE, values) == [10, 7, 10]


def test_the_places_of_the_lines_fact_named_by_its_tail():
    clause = "【处理率】达到全市平均水平的得10分；处理率排名全市后两位的，年度考核等次最高为良好"
    rows = [{"处理率": v} for v in ("90", "80", "70", "60")]  # mean 75
    scores, labels = outcome(clause, "  处理率：百分比，越高越好\n", rows)
    assert scores == [10, 10, 0, 0]
    assert labels == [[], [], ["等次最高为良好"], ["等次最高为良好"]]
    # a tail turned around is another fact: refused
    with pytest.raises(PolicyError):
        build(
            "【处理率】达到全市平均水平的得10分；未处理率排名全市后两位的，年度考核等次最高为良好",
            "  处理率：百分比\n",
        )


def test_the_item_points_said_again_and_ties_on_one_place():
    # `本项满分10分` (the item's 10) and `并列的按同一名次扣分` (the language's ties) say nothing new
    written = "各县（市、区）【率】按从低到高排序，本项满分10分，排名倒数第一、第二的分别扣3分、2分，并列的按同一名次扣分"
    plain = "【率】按从低到高排序，排名倒数第一、第二的分别扣3分、2分"
    # from the worse end (the highest rate): 90 倒数第一, the two 80s both 倒数第二
    assert same_as(written, plain, "  率：百分比，越低越好\n", ("90", "80", "80", "70")) == [
        7,
        8,
        8,
        10,
    ]
    # another item's points are not this one's: read as written (refused)
    with pytest.raises(PolicyError):
        build("【率】按从低到高排序，本项满分8分，排名倒数第一的扣3分", "  率：百分比，越低越好\n")


def test_the_end_ranked_first_said_as_which_comes_first():
    written = "【事故起数】少的排名靠前，第1名得10分，此后每后移一个名次扣2分"
    plain = "【事故起数】从少到多排名，第1名得10分，其后每下降一个名次扣2分"
    assert same_as(written, plain, COUNT, ("0", "3", "1", "1")) == [10, 4, 8, 8]


def test_the_grade_given_outright_and_a_negative_growth():
    clause = (
        "各县（市、区）属【企业利润增长率】高于全市平均水平的得10分，等于平均水平的得8分，低于平均水平的得6分；"
        "增长率排名全市第一的，年度考核直接评为优秀；利润负增长的，年度考核不得评为优秀"
    )
    rows = [{"企业利润增长率": v} for v in ("9", "5", "-4", "6")]  # mean 4
    scores, labels = outcome(clause, "  企业利润增长率：百分比，范围-100至100，越高越好\n", rows)
    assert scores == [10, 10, 6, 10]
    assert labels == [["等次最低为优秀"], [], ["等次最高为良好"], []]
    # a negation before it is read as written, never as the grade given
    with pytest.raises(PolicyError):
        build("【率】排名全市末位的，年度考核不得直接评为优秀", RATE)


@pytest.mark.parametrize(
    "clause",
    [
        "【率】高于全市平均水平的得10分；低于全市平均水平的，每低1个百分点扣2分",
        "【率】高于全市平均水平的得10分，低于全市平均水平的，每低1个百分点扣2分",
        "【率】高于90%的得10分；低于90%的，每低1个百分点扣2分",
    ],
)
def test_a_standard_whose_halves_both_leave_out_the_bound_is_refused(clause):
    # a unit exactly on the average (on 90%) is in neither half; read as two clauses, a
    # unit below it earned nothing and lost its steps too (0 instead of 10 − 2 × steps)
    with pytest.raises(PolicyError) as raised:
        build(clause, RATE)
    diag = raised.value.diagnostics[0]
    assert diag.code == "E116"
    assert "恰好等于标准的单位两条都不适用" in diag.message()
    assert "达到（或不低于）" in diag.hint()


def test_the_best_keeps_full_marks_then_the_gap_to_it():
    written = "【率】最高的得满分，其余与最高值相比，每低2个百分点扣1分，差距中不足2个百分点的部分不扣分，扣完为止"
    plain = "【率】与全市最高值比较，每低2个百分点扣1分，扣完为止"
    assert same_as(written, plain, RATE, ("90", "85", "87", "60")) == [10, 8, 9, 0]
    # the best at the other end is another rule: read as written (refused)
    with pytest.raises(PolicyError):
        build("【率】最低的得满分，其余与最高值相比，每低2个百分点扣1分", RATE)


def test_a_count_and_its_bound_after_wei():
    written = "【事故起数】每起扣2分；【事故起数】为3起及以上的，本项不得分"
    plain = "【事故起数】每起扣2分；【事故起数】3起及以上的，本项不得分"
    assert same_as(written, plain, COUNT, ("0", "2", "3")) == [10, 6, 0]


def test_the_best_as_benchmark_with_its_formula():
    written = "以全市【发生率】最低值为标杆，得分=全市最低值÷本地发生率×10，得分低于2分的按2分计"
    plain = "【发生率】最低的得满分，其余按最低值与本地发生率之比计分，最低得2分"
    facts = "  发生率：百分比，越低越好\n"
    # best 2: 4 → 10 × 2 ÷ 4 = 5; 20 → 1, raised to the floor 2
    assert same_as(written, plain, facts, ("2", "4", "20")) == [10, 5, 2]
    # the best on the wrong side of the division (the highest ÷ own) is no share of it
    with pytest.raises(PolicyError):
        build("以全市【率】最高值为标杆，得分=全市最高值÷本地率×10", RATE)


def test_a_count_of_zero_after_a_share_of_the_best():
    clause = (
        "【调用量】最多的得10分，其余得分=本地调用量÷全市最多调用量×10；调用量为零的，本项不得分"
    )
    rows = [{"调用量": v} for v in ("40", "10", "0")]
    assert outcome(clause, "  调用量：次，默认0\n", rows)[0] == [10, Decimal("2.5"), 0]
    # every unit at zero: the best too earns nothing
    assert outcome(clause, "  调用量：次，默认0\n", [{"调用量": "0"}, {"调用量": "0"}])[0] == [0, 0]


def test_the_grade_given_outright_on_a_line_without_the_batch():
    """`发生重大水污染事件的，年度考核直接评定为不合格` speaks of no other unit: the grade is
    given outright all the same (it was read only on lines about places and averages, and
    refused elsewhere as a syntax error); a negation before it is still read as written."""
    text = (
        "细则：试\n年度：2024\n满分：100分\n\n数据：\n  重大事故：是否，默认否\n  违规次数：次，默认0\n\n"
        "等次：\n  优秀：90分以上\n  良好：80分以上\n  不合格：不足80分\n\n"
        "一、甲（100分）\n  - 【违规次数】每次扣1分\n  - 【重大事故】的，年度考核直接评定为不合格\n"
    )
    policy = compile_policy(text)
    assert policy.score({"重大事故": "是"}).grade == "不合格"
    assert policy.score({"违规次数": "5"}).grade == "优秀"
    with pytest.raises(PolicyError):
        compile_policy(text.replace("年度考核直接评定为不合格", "年度考核不得直接评定为不合格"))
