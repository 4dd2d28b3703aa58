"""等次名额: `优秀：9分以上，不超过参加考核单位总数的30%` (docs/language.md §12.2).

Every case is computed by hand: the places are the share of the units in the batch
rounded down (or the count written); the units of the band are placed by total as 排名
places them (1, 2, 2, 4) and those placed beyond the places fall to the band below —
units tied at the last place share it and all keep the band.
The compiled module, the interpreter and `xize score` (any --jobs) must agree."""

from __future__ import annotations

import csv
import decimal
import random
from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlrun import differences, duckdb_results, expected_summary
from xize.compiler import PolicyError, compile_policy
from xize.compiler.diagnostics.errors import InputError
from xize.compiler.fmt import format_source
from xize.compiler.importer import import_document
from xize.compiler.interpret.engine import Interpreter
from xize.compiler.render import render
from xize.runtime.cli.main import cli

HEAD = (
    "细则：等次名额\n年度：2026\n满分：10分\n\n数据：\n  缺会次数：次，默认0\n"
    "  通报批评：是否，默认否\n  弄虚作假：是否，默认否\n  重大事故：是否，默认否\n\n"
    "(一)工作(10分)\n  - 【缺会次数】每缺1次扣1分\n"
)
OUTCOMES = "  - 【通报批评】不得评为优秀\n  - 【弄虚作假】取消考评资格\n  - 【重大事故】一票否决\n"


def build(bands: str, clauses: str = OUTCOMES):
    policy = compile_policy(HEAD + clauses + "\n等次：\n" + bands, filename="quota.rule")
    return policy, Interpreter(policy.ir)


def errors_of(bands: str, clauses: str = OUTCOMES) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        build(bands, clauses)
    return [d.code for d in caught.value.diagnostics if d.is_error]


THIRTY = "  优秀：9分以上，不超过参加考核单位总数的30%，按得分从高到低确定\n  良好：8分以上\n  合格：其余\n"


def rows_of(misses: list[int], **flags) -> list[dict]:
    rows = [{"单位": f"U{i}", "缺会次数": m} for i, m in enumerate(misses)]
    for name, units in flags.items():
        for i in units:
            rows[i][name] = "是"
    return rows


def graded(bands: str, rows: list[dict], clauses: str = OUTCOMES) -> dict[str, tuple]:
    policy, interp = build(bands, clauses)
    compiled = policy.score_batch(rows)
    interpreted = interp.score_batch(rows)
    assert compiled == interpreted
    return {r.unit: (r.grade, r.labels) for r in compiled}


# ------------------------------------------------------------------------ by hand


def test_distinct_totals_keep_the_top_places():
    # 10 units, 30% → 3 places
    rows = rows_of([0, 1, 2, 0, 1, 0, 3, 4, 5, 6])  # totals 10 9 8 10 9 10 7 6 5 4
    out = graded(THIRTY, rows)
    # three units at 10 fill the 3 places exactly: all keep 优秀; the 9s fall to 良好
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U3", "U5"]
    assert out["U1"] == ("良好", ("超出优秀名额",))
    assert out["U4"] == ("良好", ("超出优秀名额",))
    assert out["U2"] == ("良好", ())  # 良好 by its score: no quota involved
    assert out["U6"] == ("合格", ())


def test_units_sharing_the_last_place_all_keep_the_band():
    # 10 units → 3 places; two at 10 (place 1), three at 9 share place 3: all five keep
    # it, as 排名 gives them the same place; the 8s are 良好 by score
    rows = rows_of([0, 0, 1, 1, 1, 2, 2, 3, 4, 5])
    out = graded(THIRTY, rows)
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U1", "U2", "U3", "U4"]
    assert all(labels == () for _, labels in out.values())
    # three at 10 (place 1), two at 9 (place 4): the 9s fall
    rows = rows_of([0, 0, 0, 1, 1, 2, 2, 3, 4, 5])
    out = graded(THIRTY, rows)
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U1", "U2"]
    assert {out[u] for u in ("U3", "U4")} == {("良好", ("超出优秀名额",))}


def test_ties_within_the_places_keep_the_band():
    rows = rows_of([0, 0, 1, 2, 2, 3, 4, 5, 6, 7])  # 10 10 9 | 8 … → 3 places, 3 at ≥ 9
    out = graded(THIRTY, rows)
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U1", "U2"]
    assert all(labels == () for _, labels in out.values())


def test_places_round_down_and_a_count_is_a_count():
    rows = rows_of([0, 1, 3, 3, 3, 3, 3])  # 7 units: 30% is 2.1 → 2 places
    out = graded(THIRTY, rows)
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U1"]
    rows = rows_of([0, 1, 1, 3])  # 30% of 4 is 1.2 → 1 place
    assert [u for u, (g, _) in graded(THIRTY, rows).items() if g == "优秀"] == ["U0"]
    count = "  优秀：9分以上，不超过2个\n  良好：8分以上\n  合格：其余\n"
    rows = rows_of([0, 0, 1, 3, 3, 3, 3, 3, 3, 3, 3])
    assert [u for u, (g, _) in graded(count, rows).items() if g == "优秀"] == ["U0", "U1"]


def test_the_batch_counts_vetoed_units_not_disqualified_ones_or_errors():
    # 12 rows: one disqualified, one with bad data, one vetoed → 10 in the batch, 3
    # places (without the vetoed unit 9: 2.7 → 2); U2 at 9 is placed 3rd and keeps 优秀
    rows = rows_of([0, 0, 1, 4, 4, 4, 4, 4, 4, 4, 4, 4], 弄虚作假=[10], 重大事故=[11])
    rows[9]["缺会次数"] = "很多"
    out = graded(THIRTY, rows)
    assert out["U10"][0] is None and out["U9"][0] is None
    assert out["U11"][0] == "合格"  # vetoed: the lowest band, in the batch
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U1", "U2"]
    # 14 rows, one disqualified and one with bad data → 12 in the batch, 3 places
    # (counting them, 14 → 4): U3 at 9 is placed 4th and falls
    rows = rows_of([0, 0, 0, 1, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 弄虚作假=[12])
    rows[13]["缺会次数"] = "很多"
    out = graded(THIRTY, rows)
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U1", "U2"]
    assert out["U3"] == ("良好", ("超出优秀名额",))


def test_a_barred_unit_takes_no_place():
    # U0 (10 points) may not be 优秀 (一票否优): the places go to the next units
    rows = rows_of([0, 0, 1, 1, 2, 3, 4, 5, 6, 7], 通报批评=[0])
    out = graded(THIRTY, rows)
    assert out["U0"] == ("良好", ("等次最高为良好",))
    # U1 10, U2 9, U3 9: three at ≥ 9 for 3 places
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U1", "U2", "U3"]


def test_quotas_on_two_bands_apply_top_down():
    bands = (
        "  优秀：9分以上，不超过参加考核单位总数的20%\n"
        "  良好：8分以上\n"
        "  合格：其余\n"
        "  良好等次原则上不超过参加考核单位总数的30%\n"
    )
    # 10 units: 优秀 2 places, 良好 3 places; totals 10 9 9 9 8 8 8 8 7 6
    rows = rows_of([0, 1, 1, 1, 2, 2, 2, 2, 3, 4])
    out = graded(bands, rows)
    # 优秀: the 10 is 1st, the three 9s share 2nd — all keep it (4 units for 2 places)
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U1", "U2", "U3"]
    # 良好: the four 8s share 1st of 3 places
    assert [u for u, (g, _) in out.items() if g == "良好"] == ["U4", "U5", "U6", "U7"]
    rows = rows_of([0, 0, 1, 1, 2, 2, 2, 3, 4, 5])  # 10 10 9 9 8 8 8 7 6 5
    out = graded(bands, rows)
    # 优秀 keeps the two 10s; the 9s fall to 良好, where they are 1st (with the 8s 3rd)
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U1"]
    assert out["U2"] == ("良好", ("超出优秀名额",))
    assert [u for u, (g, _) in out.items() if g == "良好"] == ["U2", "U3", "U4", "U5", "U6"]
    rows = rows_of([0, 0, 1, 1, 1, 1, 2, 3, 4, 5])  # 10 10 9 9 9 9 8 7 6 5
    out = graded(bands, rows)
    # the four 9s fall to 良好 and fill it past its 3 places: the 8 is placed 5th and
    # falls to 合格; a 9 carries one label
    assert out["U2"] == ("良好", ("超出优秀名额",))
    assert out["U6"] == ("合格", ("超出良好名额",))


def test_the_own_line_form_and_its_words():
    for line in (
        "  优秀等次不超过参加考核单位总数的30%，按得分从高到低确定\n",
        "  优秀等次单位数量原则上不超过参加考核单位总数的30%\n",
        "  优秀比例不得超过参评单位的30%\n",
        "  优秀等次按得分从高到低确定，不超过参加考核单位总数的30%\n",
        "  优秀等次名额不超过考核对象总数的30%，按得分高低依次确定\n",
        "  优秀等次原则上不超过乡镇总数的30%\n",
        "  优秀等次数量不超过考核对象总数的三分之一\n",  # 10 // 3 = 3 places too
    ):
        bands = "  优秀：9分以上\n  良好：8分以上\n  合格：其余\n" + line
        rows = rows_of([0, 0, 0, 1, 1, 2, 2, 3, 4, 5])
        got = [u for u, (g, _) in graded(bands, rows).items() if g == "优秀"]
        assert got == ["U0", "U1", "U2"]


def test_a_fraction_is_exact():
    bands = "  优秀：9分以上，不超过参加考核单位总数的三分之一\n  良好：8分以上\n  合格：其余\n"
    # 9 units: a third is exactly 3 places (0.33 × 9 = 2.97 would give 2): the 9 at
    # place 3 keeps 优秀
    rows = rows_of([0, 0, 1, 3, 3, 3, 3, 3, 3])
    assert [u for u, (g, _) in graded(bands, rows).items() if g == "优秀"] == ["U0", "U1", "U2"]
    # 8 units: 2.67 → 2 places: the 9 at place 3 falls
    rows = rows_of([0, 0, 1, 3, 3, 3, 3, 3])
    out = graded(bands, rows)
    assert [u for u, (g, _) in out.items() if g == "优秀"] == ["U0", "U1"]
    assert out["U2"] == ("良好", ("超出优秀名额",))


def test_the_importer_drafts_a_quota_sentence_of_the_grade_paragraph(tmp_path):
    path = tmp_path / "细则.txt"
    path.write_text(
        "2025年度档案工作考核细则\n一、档案安全（100分）\n1.库房温湿度超标未及时处置的，每次扣2分。\n"
        "二、等次评定\n考核得分90分以上为优秀，75分以上不足90分为良好，60分以上不足75分为合格，"
        "不足60分为不合格。优秀等次按得分从高到低确定，不超过参加考核单位总数的20%。\n",
        encoding="utf-8",
    )
    draft = import_document(path)
    assert "  优秀等次按得分从高到低确定，不超过参加考核单位总数的20%\n" in draft.text
    policy = compile_policy(draft.text, filename="<draft>")
    assert [(q.band, q.share) for q in policy.ir.quotas] == [(0, Decimal("0.2"))]
    # a quota the language cannot read whole stays 待处理
    path.write_text(
        path.read_text("utf-8").replace("按得分从高到低确定", "由考核领导小组研究确定"),
        encoding="utf-8",
    )
    draft = import_document(path)
    assert "待处理：优秀等次由考核领导小组研究确定" in draft.text
    assert compile_policy(draft.text, filename="<draft>").ir.quotas == ()


# ------------------------------------------------------------------ refused


@pytest.mark.parametrize(
    ("bands", "clauses", "code"),
    [
        # on the lowest band: nowhere to fall
        ("  优秀：9分以上\n  合格：其余，不超过3个\n", OUTCOMES, "E259"),
        # two quotas for one band
        (THIRTY + "  优秀等次不超过3个\n", OUTCOMES, "E259"),
        # no unit could keep the band, or more than all
        ("  优秀：9分以上，不超过参加考核单位总数的0%\n  合格：其余\n", OUTCOMES, "E259"),
        ("  优秀：9分以上，不超过参加考核单位总数的150%\n  合格：其余\n", OUTCOMES, "E259"),
        # a unit set to 优秀 outright: in the quota or not?
        (THIRTY, OUTCOMES + "  - 【重大事故】等次最低为优秀\n", "E259"),
        # a band that does not exist
        ("  优秀：9分以上\n  合格：其余\n  卓越等次不超过3个\n", OUTCOMES, "E230"),
        # bands not from the highest down: the band below is not the next one listed
        ("  合格：6分以上\n  优秀：9分以上，不超过3个\n  不合格：其余\n", "", "E232"),
    ],
)
def test_unreadable_quotas_are_refused(bands, clauses, code):
    assert code in errors_of(bands, clauses)


def test_the_refusal_says_what_to_write():
    with pytest.raises(PolicyError) as caught:
        build("  优秀：9分以上\n  合格：其余，不超过3个\n")
    text = str(caught.value)
    assert "E259" in text and "最低一档" in text and "名额写在要限定人数的那一档后面" in text


# --------------------------------------------------------------- one unit alone


def test_score_alone_takes_its_place_from_the_batch_argument():
    policy, interp = build(THIRTY)
    for scorer in (policy, interp):
        keep = scorer.score({"缺会次数": 0}, batch={"单位数": 10, "名额名次【优秀】": 3})
        fall = scorer.score({"缺会次数": 0}, batch={"单位数": 10, "名额名次【优秀】": "4"})
        assert (keep.grade, keep.labels) == ("优秀", ())
        assert (fall.grade, fall.labels) == ("良好", ("超出优秀名额",))
        # a unit below the band needs nothing
        assert scorer.score({"缺会次数": 2}).grade == "良好"
    for batch in (None, {"单位数": 10}, {"单位数": 10, "名额名次【优秀】": "第二"}):
        with pytest.raises((InputError, ValueError)) as caught:
            policy.score({"缺会次数": 0}, batch=batch)
        assert "名额名次【优秀】" in str(caught.value) or "单位数" in str(caught.value)


def test_test_blocks_state_the_place_or_list_a_batch():
    text = (
        HEAD
        + OUTCOMES
        + "\n等次：\n"
        + THIRTY
        + "\n测试 “名额之内”：\n  【缺会次数】= 0\n  名额名次【优秀】= 3，共10个单位\n"
        + "  期望 等次 = 优秀\n"
        + "\n测试 “名额之外”：\n  【缺会次数】= 0\n  名额名次【优秀】= 4，共10个单位\n"
        + "  期望 等次 = 良好，标签 = 超出优秀名额\n"
        + "\n测试 “一批四个单位”：\n"
        + "  单位 “甲”：【缺会次数】= 0\n  单位 “乙”：【缺会次数】= 1\n"
        + "  单位 “丙”：【缺会次数】= 1\n  单位 “丁”：【缺会次数】= 3\n"
        + "  期望 “甲” 等次 = 优秀\n  期望 “乙” 等次 = 良好，标签 = 超出优秀名额\n"
    )
    policy = compile_policy(text, filename="quota.rule")
    outcomes = policy.run_tests().outcomes
    assert [o.passed for o in outcomes] == [True, True, True]
    # alone, a unit is first of a batch of one: 30% of 1 is no place at all
    alone = text.replace("  名额名次【优秀】= 3，共10个单位\n", "")
    outcomes = compile_policy(alone, filename="quota.rule").run_tests().outcomes
    assert [o.passed for o in outcomes] == [False, True, True]


# ------------------------------------------------------------------ properties


@settings(max_examples=60, deadline=None)
@given(
    misses=st.lists(st.integers(0, 10), min_size=0, max_size=25),
    percent=st.integers(1, 100),
    seed=st.integers(0, 10**6),
)
def test_a_quota_is_never_exceeded_and_never_skips_a_better_unit(misses, percent, seed):
    bands = f"  优秀：8分以上，不超过参加考核单位总数的{percent}%\n  良好：5分以上\n  合格：其余\n"
    policy, interp = build(bands, "")
    rows = rows_of(misses)
    results = policy.score_batch(rows)
    assert results == interp.score_batch(rows)
    places = len(rows) * percent // 100
    best = [r for r in results if r.grade == "优秀"]
    fallen = [r for r in results if "超出优秀名额" in r.labels]
    assert all(r.total >= 8 for r in best + fallen)
    assert all(b.total > f.total for b in best for f in fallen)

    def place(r):
        return 1 + sum(1 for o in best + fallen if o.total > r.total)

    assert all(place(r) <= places for r in best)
    assert all(place(r) > places for r in fallen)
    # more units than places only where the last place is shared
    if len(best) > places:
        assert len({r.total for r in best if place(r) == max(map(place, best))}) == 1
        assert sum(1 for r in best if place(r) < max(map(place, best))) < places
    # permuting the batch changes no unit's result
    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    again = {r.unit: r for r in policy.score_batch(shuffled)}
    assert all(again[r.unit] == r for r in results)
    # each unit alone, told its place, gets the same grade
    for r in results:
        if r.grade == "优秀" or "超出优秀名额" in r.labels:
            one = policy.score(
                {"缺会次数": rows[int(r.unit[1:])]["缺会次数"], "单位": r.unit},
                batch={"单位数": len(rows), "名额名次【优秀】": place(r)},
            )
            assert (one.grade, one.labels) == (r.grade, r.labels)


# --------------------------------------------------------------------- SQL

#: Two quotas (a share and a count), a ceiling, a veto, a disqualification: every way a
#: unit meets a quota, for the SQL backend to agree with the Python engine on.
SQL_BANDS = (
    "  优秀：9分以上，不超过参加考核单位总数的30%\n  良好：7分以上，不超过3个\n  合格：其余\n"
)


def sql_batch(seed: int, size: int):
    policy = compile_policy(HEAD + OUTCOMES + "\n等次：\n" + SQL_BANDS, filename="quota.rule")
    rng = random.Random(seed)
    rows = []
    for k in range(size):
        row = {"单位": f"U{k}", "缺会次数": str(rng.choice([0, 0, 1, 1, 2, 3, 5]))}
        for flag, chance in (("通报批评", 0.1), ("弄虚作假", 0.05), ("重大事故", 0.05)):
            row[flag] = "是" if rng.random() < chance else "否"
        if rng.random() < 0.05:
            row["缺会次数"] = "很多"  # a data error: outside the batch
        rows.append(row)
    return policy, rows


@pytest.mark.parametrize(("seed", "size"), [(1, 12), (2, 30), (3, 7), (4, 1)])
def test_duckdb_applies_quotas_as_the_python_engine(seed, size):
    policy, rows = sql_batch(seed, size)
    results = policy.score_batch(rows)
    assert differences(expected_summary(policy.ir, results), duckdb_results(policy.ir, rows)) == []


# ----------------------------------------------------------------- the runtime


def _write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["单位", "缺会次数", "弄虚作假"])
        for row in rows:
            writer.writerow([row["单位"], row["缺会次数"], row.get("弄虚作假", "否")])


def test_xize_score_applies_quotas_the_same_with_any_jobs(tmp_path, monkeypatch):
    policy_path = tmp_path / "quota.rule"
    policy_path.write_text(HEAD + OUTCOMES + "\n等次：\n" + THIRTY, encoding="utf-8")
    rng = random.Random(7)
    rows = rows_of([rng.choice([0, 0, 1, 1, 2, 3]) for _ in range(5000)], 弄虚作假=[3, 40])
    data = tmp_path / "units.csv"
    _write_csv(data, rows)
    monkeypatch.setattr("xize.runtime.batch.batch.BLOCK_ROWS", 700)
    runner = CliRunner()
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}.csv"
        result = runner.invoke(
            cli, ["score", str(policy_path), str(data), "-o", str(out), "--jobs", str(jobs)]
        )
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
        assert "超出名额" in result.output  # many units share the last place, at 10
    assert outputs[0] == outputs[1]
    expected = {r.unit: r for r in compile_policy(policy_path.read_text("utf-8")).score_batch(rows)}
    with open(tmp_path / "out1.csv", encoding="utf-8-sig") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == len(rows)
    for line in table:
        want = expected[line["单位"]]
        assert line["等次"] == (want.grade or "")
        assert line["标签"] == "、".join(want.labels)
    assert {line["等次"] for line in table} == {"优秀", "良好", "合格", ""}


def test_explain_and_the_sql_engine(tmp_path):
    policy_path = tmp_path / "quota.rule"
    policy_path.write_text(HEAD + OUTCOMES + "\n等次：\n" + THIRTY, encoding="utf-8")
    data = tmp_path / "units.csv"
    _write_csv(data, rows_of([0, 0, 0, 1, 2, 3, 4, 5, 6, 7]))
    runner = CliRunner()
    result = runner.invoke(cli, ["explain", str(policy_path), str(data), "--unit", "U3"])
    assert result.exit_code == 0, result.output
    assert "等次 良好" in result.output and "超出优秀名额" in result.output
    # DuckDB grades before the quota and the report applies it: the same bytes as Python
    for suffix in ("csv", "xlsx"):
        written = []
        for engine in ("python", "duckdb"):
            out = tmp_path / f"{engine}.{suffix}"
            args = ["score", str(policy_path), str(data), "-o", str(out), "--engine", engine]
            result = runner.invoke(cli, [*args, "--date", "2026-01-01"])
            assert result.exit_code == 0, result.output
            assert "警告" not in result.output  # no tie at the bound, no fallback to Python
            written.append(out.read_bytes())
        assert written[0] == written[1]
    # a query run elsewhere applies the quota itself
    result = runner.invoke(cli, ["sql", str(policy_path)])
    assert result.exit_code == 0 and "超出优秀名额" in result.output


def test_fmt_render_and_import_keep_the_quota(tmp_path):
    text = (
        HEAD
        + OUTCOMES
        + "\n等次：\n  优秀：9分以上\n  良好：8分以上\n  合格：其余\n  优秀等次不超过参加考核单位总数的30%\n"
    )
    once = format_source(text)
    assert "  优秀等次不超过参加考核单位总数的30%" in once and format_source(once) == once
    policy = compile_policy(text)
    assert Decimal("0.3") == policy.ir.quotas[0].share
    markdown = render(policy, "md")
    assert "| 优秀 | 9分以上，不超过参加考核单位总数的30% |" in markdown
    for fmt in ("md", "docx"):
        path = tmp_path / f"细则.{fmt}"
        data = render(policy, fmt)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        back = compile_policy(import_document(path).text, filename="<draft>")
        assert back.ir.quotas == tuple(
            q.__class__(q.band, q.share, q.count, b.line, b.text)
            for q, b in zip(policy.ir.quotas, back.ir.quotas, strict=True)
        )


def test_diff_names_a_changed_quota(tmp_path):
    old, new = tmp_path / "a.rule", tmp_path / "b.rule"
    old.write_text(HEAD + "\n等次：\n" + THIRTY, encoding="utf-8")
    new.write_text(HEAD + "\n等次：\n" + THIRTY.replace("30%", "20%"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert "不超过参加考核单位总数的30% 改为 9分以上，不超过参加考核单位总数的20%" in result.output


def test_the_importer_reads_the_first_places_as_a_quota_only_when_they_agree(tmp_path):
    head = (
        "2025年度老龄工作考评细则\n一、养老服务（100分）\n1.设施（100分）\n社区养老服务站闲置的，每个扣5分。\n"
        "二、等次\n考评得分90分以上的为优秀，80分以上不满90分的为良好，60分以上不满80分的为合格，"
        "不满60分的为不合格。"
    )
    path = tmp_path / "细则.txt"
    path.write_text(
        head + "得分90分以上的乡镇超过5个的，按得分从高到低取前5名为优秀，其余为良好。\n", "utf-8"
    )
    policy = compile_policy(import_document(path).text, filename="<draft>")
    assert [(q.band, q.count) for q in policy.ir.quotas] == [(0, 5)]
    # 8 units at 90 or more (100 ×5, 95, 95, 90): the best 5 are 优秀, the others 良好
    rows = [
        {"单位": f"U{i}", "社区养老服务站闲置": m} for i, m in enumerate([0, 0, 0, 0, 0, 1, 1, 2])
    ]
    out = {r.unit: r.grade for r in policy.score_batch(rows)}
    assert list(out.values()).count("优秀") == 5 and out["U5"] == out["U7"] == "良好"
    # the same after a sentence naming the grades (`考核结果分为优秀、良好…`) and a band whose
    # score is explained in parentheses
    path.write_text(
        head.replace(
            "二、等次\n考评得分90分以上",
            "二、等次\n考核结果分为优秀、良好、合格、不合格四个等次。考核得分（含加分）90分以上",
        )
        + "得分90分以上的乡镇超过5个的，按得分从高到低取前5名为优秀，其余为良好。\n",
        "utf-8",
    )
    draft = import_document(path)
    assert "\n  优秀等次不超过5个，按得分从高到低确定\n" in draft.text, draft.text
    # the places and the condition disagree (超过6个, 前5名), or 其余 names another band:
    # held for the writer, never drafted
    for tail in (
        "得分90分以上的乡镇超过6个的，按得分从高到低取前5名为优秀，其余为良好。\n",
        "得分90分以上的乡镇超过5个的，按得分从高到低取前5名为优秀，其余为合格。\n",
    ):
        path.write_text(head + tail, "utf-8")
        draft = import_document(path)
        assert "不超过5个" not in draft.text and "待处理（等次）" in draft.text


@pytest.mark.parametrize(
    "line",
    [
        "  优秀等次不低于参加考核单位总数的30%\n",  # at least, not at most
        "  优秀等次不少于3个\n",
        "  优秀等次超过参加考核单位总数的30%\n",
    ],
)
def test_a_floor_on_a_band_is_never_read_as_its_quota(line):
    with pytest.raises(PolicyError):
        build(THIRTY + line)


@pytest.mark.parametrize(
    ("size", "place", "grade"), [(27, 3, "优秀"), (27, 4, "良好"), (1000, 125, "优秀")]
)
def test_places_are_counted_whatever_the_callers_decimal_context(size, place, grade):
    """12.5% of 27 is 3.375 places: counted in integers, never in the caller's context
    (prec=2 with Inexact trapped once raised from the compiled module)."""
    text = HEAD + OUTCOMES + "\n等次：\n  优秀：9分以上，不超过参加考核单位总数的12.5%\n"
    text += "  良好：其余\n"
    policy = compile_policy(text, filename="quota.rule")
    for scorer in (policy, policy.interpreter):
        with decimal.localcontext() as tight:
            tight.prec = 2
            tight.traps[decimal.Inexact] = True
            result = scorer.score(
                {"缺会次数": 0}, batch={"单位数": size, "名额名次【优秀】": place}
            )
        assert result.grade == grade


def test_total_needs_no_places():
    """A quota moves the grade, never the total: `total` of both engines takes no places."""
    policy, interp = build("  优秀：9分以上，不超过参加考核单位总数的30%\n  良好：其余\n")
    assert policy.total({"缺会次数": 2}) == interp.total({"缺会次数": 2}) == 8


@pytest.mark.parametrize("quota", ["不超过参加考核单位总数的10%", "不超过1个"])
def test_a_quota_on_a_band_between_two_scores_survives_render_and_import(tmp_path, quota):
    """Rendered `8分（含）至9分（含），不超过参加考核单位总数的10%` reads back as the band
    and its quota (it was held as 待处理 and the draft had no 等次; `不超过1个` was read as
    the band's upper bound, a gap below the band above)."""
    bands = f"  优秀：9分以上\n  良好：8分至9分，{quota}\n  合格：其余\n"
    policy, _ = build(bands)
    document = tmp_path / "名额.docx"
    document.write_bytes(render(policy, "docx"))
    draft = import_document(document)
    again = compile_policy(draft.text, filename="draft.rule")
    assert [(q.share, q.band) for q in again.ir.quotas] == [
        (q.share, q.band) for q in policy.ir.quotas
    ]
    assert [b.name for b in again.ir.bands] == ["优秀", "良好", "合格"]
