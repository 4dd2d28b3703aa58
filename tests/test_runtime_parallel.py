"""The pieces behind fast and parallel scoring: CSV blocks, compact ranks, repeated
names, encoded spools, converter fast paths and spawned workers."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from test_cli_jobs import AVERAGE_POLICY, messy_rows
from xize.compiler import compile_policy
from xize.compiler.support import prelude
from xize.runtime.batch.batch import score_dataset
from xize.runtime.batch.duplicates import Duplicates
from xize.runtime.batch.parallel import Workers
from xize.runtime.batch.ranking import RankKeys, Ranks, rank_key
from xize.runtime.io import readers
from xize.runtime.io.dataset import Dataset
from xize.runtime.io.readers import csv_rows, open_table
from xize.runtime.io.spool import Spool, dump_rows
from xize.runtime.io.typed import BLANK, CellTexts, TypedTexts
from xize.runtime.report.tables import Layout
from xize.runtime.text.problems import DataFileError

TRICKY_CSV = (
    "单位,a,b\r\n"
    '"一\n中",1,"x""y"\r\n'  # a quoted newline and an escaped quote
    'ab"c,2,3\n'  # a quote that opens no quoted field
    "\n"
    ",,\n"
    '"二中","多\n行\n文本",4\r'  # a record spread over three lines, ended by \r
    "三中,5,6\n"
    '四中,"7,8",9\n'
)
UNCLOSED = '"五中,10,未闭合\n11'  # an unterminated quote runs to the end of the file


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_csv_blocks_give_exactly_the_rows(tmp_path, size):
    path = tmp_path / "d.csv"
    path.write_bytes(TRICKY_CSV.encode("utf-8"))
    table = open_table(path)
    expected = [(n, list(v)) for n, v, _ in table.rows()]
    got = [
        (n, list(v))
        for first, text in table.blocks(size)
        for n, v, _ in csv_rows(first, text, path)
    ]
    assert got == expected
    assert [n for n, _ in expected] == list(range(2, 9))
    assert expected[-1][1] == ["四中", "7,8", "9"]


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_an_unterminated_quote_is_an_error_in_blocks_too(tmp_path, size):
    """The quote would swallow every later row into one cell: both ways of reading
    refuse the file, naming the row where the quote opens."""
    path = tmp_path / "d.csv"
    path.write_bytes((TRICKY_CSV + UNCLOSED).encode("utf-8"))
    table = open_table(path)
    with pytest.raises(DataFileError, match="第9行"):
        list(table.rows())
    with pytest.raises(DataFileError, match="第9行"):
        for first, text in table.blocks(size):
            list(csv_rows(first, text, path))


@pytest.mark.parametrize("chunk", [16, 1 << 16])
def test_csv_blocks_of_a_long_file_with_quotes_here_and_there(tmp_path, monkeypatch, chunk):
    """Batches of plain lines are cut as they are; a quoted newline may fall anywhere,
    also across the point where one batch of lines ends and the next begins."""
    lines = ["单位,a,b\n"]
    for i in range(30_000):
        if i % 997 == 0:
            lines.append(f'"单位{i}\n第二行",{i},"x""y"\r\n')
        elif i % 1009 == 0:
            lines.append(f"单位{i},{i},\r")
        else:
            lines.append(f"单位{i},{i},{'是' if i % 3 else '否'}\n")
    path = tmp_path / "long.csv"
    path.write_text("".join(lines), encoding="utf-8", newline="")
    table = open_table(path)
    monkeypatch.setattr(readers, "_CHUNK", chunk)  # batches of lines of ~4 × chunk
    expected = [(n, list(v)) for n, v, _ in table.rows()]
    got = [
        (n, list(v)) for first, text in table.blocks(7) for n, v, _ in csv_rows(first, text, path)
    ]
    assert got == expected and len(expected) == 30_000


def test_rank_keys_rank_like_score_batch():
    keys = RankKeys()
    totals = [
        (D("90"), False),
        (D("95.50"), False),
        (D("90.0"), False),  # equal to 90: shares its rank
        (D(1) / D(3) * 300, False),  # 99.99…: too many digits for the array
        (D("99"), True),
        (D("70"), True),
        (D("1E+13"), False),  # too large for the array
        (D("-2.5"), False),
    ]
    for position, (total, vetoed) in enumerate(totals):
        keys.add(position, rank_key(total), vetoed)
    ranks = Ranks()
    ranks.extend(len(totals) + 1)  # one more unit, never ranked
    order = keys.rank(ranks)
    assert list(ranks) == [4, 3, 4, 2, 7, 8, 1, 6, None]
    assert order[:4] == [6, 3, 1, 0] and len(order) == 8
    compact = RankKeys()  # every key in the array: the packed sort
    for position, total in enumerate(["-1", "2.5", "-1.0", "0", "2.50", "-3"]):
        compact.add(position, rank_key(D(total)), position == 5)
    ranks = Ranks()
    ranks.extend(6)
    assert compact.rank(ranks)[:] == [1, 4, 3, 0, 2, 5]
    assert list(ranks) == [4, 1, 4, 3, 1, 6]
    assert rank_key(D("90")) == rank_key(D("90.000")) == 90_000_000
    assert rank_key(D("0.0000001")) == D("0.1")


class Colliding(Duplicates):
    digest = staticmethod(lambda name: 42)  # every name has the same hash


@pytest.mark.parametrize("kind", [Duplicates, Colliding])
def test_repeated_names_found_exactly(kind):
    names = ["甲", "乙", "甲", "丙", "乙", "甲", "丁"]
    found = kind()
    for position, name in enumerate(names):
        found.add(position, "a.csv" if position < 5 else "b.csv", position + 2, name)
    notices = found.notices(iter(names))
    assert [(n.message.args["unit"], n.message.args["first"], n.message.args["row"]) for n in notices] == [
        ("甲", "2", 4),
        ("乙", "3", 6),
        ("甲", "a.csv:2", 7),
    ]  # fmt: skip
    assert Duplicates().notices(iter(())) == []


def test_spool_blocks_keep_decimals_exact():
    rows = [
        ("甲", D("2.50"), D("1E+1"), D("-0"), None, 3, "85"),
        ("乙", None, D("0.1"), "2.5", True, None, D(1) / D(7)),
    ]
    spool = Spool(tuple("abcdefg"), limit=1)
    spool.append(rows[0])
    spool.extend_pickled(dump_rows(rows), 2)
    spool.append(rows[1])
    got = list(spool)
    assert got == [rows[0], *rows, rows[1]]
    for row, expected in zip(got, [rows[0], *rows, rows[1]], strict=True):
        assert [(type(v), str(v)) for v in row] == [(type(v), str(v)) for v in expected]
    assert spool.count == 4
    spool.close()


INFO = prelude.FactInfo("f", "count", "次", None, None, None, "", 1)


@pytest.mark.parametrize(
    "value", ["0", "12", "007", "1" * 30, "1" * 31, " 3", "３", "٣", "-1", "2.0", "", "\u3000"]
)
def test_count_fast_path_agrees_with_the_general_parser(value):
    def general(v):
        number = prelude._parse_decimal(v, ("次", "个"))
        if number is None or number < 0 or number != number.to_integral_value():
            return "bad"
        return int(number)

    expected = "blank" if not value.strip() else general(value)
    try:
        got = prelude._convert_count(value, INFO, None)
    except prelude.InputError as exc:
        got = "blank" if exc.value is None else "bad"
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize("word", ["是", "否", "√", "×", "有", "无", "1", "0", "true", "false"])
def test_bool_words_fast_path(word):
    info = prelude.FactInfo("f", "bool", "是否", None, None, None, "", 1)
    assert prelude._convert_bool(word, info, None) is (word in prelude._TRUE_WORDS)
    assert prelude._convert_bool(f" {word.upper()}\u3000", info, None) is (
        word in prelude._TRUE_WORDS
    )


def test_spawned_workers_score_like_this_process(tmp_path):
    policy = compile_policy(AVERAGE_POLICY)
    path = tmp_path / "d.csv"
    lines = ["单位,缺会次数,统计表按时上报,化解率", *messy_rows(30, 3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dataset = Dataset([Path(path)], policy.ir.facts)
    layout = Layout(policy.ir)
    here = score_dataset(policy, dataset, layout)
    with Workers(policy, dataset, layout, 2, method="spawn") as workers:
        there = score_dataset(policy, dataset, layout, workers=workers)
    try:
        assert list(there.summary_rows()) == list(here.summary_rows())
        assert list(there.details) == list(here.details)
        assert list(there.errors) == list(here.errors)
        assert there.tally == here.tally
        assert there.notices == here.notices
    finally:
        here.close()
        there.close()


def test_texts_are_converted_once_by_the_policys_own_converter():
    """A compiled module offers its converter; what it refuses stays text, so that
    `score` reports it with the unit's name, exactly as before."""
    policy = compile_policy(AVERAGE_POLICY)
    texts = TypedTexts([f.name for f in policy.ir.facts], policy)
    assert texts.enabled
    assert texts.learn("缺会次数", "３") == 3
    assert texts.learn("统计表按时上报", " 是\u3000") is True
    assert texts.learn("化解率", "８８％") == D("88")
    assert texts.learn("化解率", "150") == "150"
    assert texts.learn("化解率", "  ") is BLANK
    assert texts.known["缺会次数"] == {"３": 3}
    plain = CellTexts(["缺会次数"])
    assert plain.learn("缺会次数", "３ ") == "3"
