"""docs/guide.md (and the README's tour) as a test: every command shown is run and its
output compared.

The guide promises that its outputs are what the program prints.  Each fenced block
that starts with `$ ` is a session: a command, then what it prints, until the next
`$ `.  The command is run (in the repository, with `/tmp/` standing for a fresh
folder), and the printed lines must match the shown ones, where a line that is only
`...` (or `…`, also after tree guides such as `│   ...`) stands for any number of
lines.  `$ echo $?` shows the exit code of the command before it.

The few files the guide uses that are not in the repository (a data file with
errors, a policy with a typo, next year's policy) are made here, as the guide
describes them.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import glob
import io
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from xize.runtime.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide.md"
SEED1 = "policies/shuangjie_lianghui_2023.rule"
SEED2 = "policies/xinfang_kaoping_shizhi.rule"
DATA2 = "policies/examples/xinfang_kaoping_shizhi.csv"

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
_GAP = re.compile(r"^[\s│├└─]*(\.\.\.|…)$")


def sessions(text: str) -> list[tuple[int, list[tuple[str, list[str]]]]]:
    """(line in the guide, [(command, shown lines)]) for each block of commands."""
    found = []
    for match in _FENCE.finditer(text):
        body = match.group(1)
        if not body.startswith("$ "):
            continue
        line = text.count("\n", 0, match.start()) + 2
        steps: list[tuple[str, list[str]]] = []
        for raw in body.rstrip("\n").split("\n"):
            if raw.startswith("$ "):
                steps.append((raw[2:], []))
            else:
                steps[-1][1].append(raw)
        found.append((line, steps))
    return found


def matches(shown: list[str], actual: list[str]) -> bool:
    """Whether `actual` reads as `shown`, a gap line standing for any lines."""
    shown = [s.rstrip() for s in shown]
    actual = [a.rstrip() for a in actual]

    @functools.cache
    def at(i: int, j: int) -> bool:
        if i == len(shown):
            return j == len(actual)
        if _GAP.match(shown[i]):
            return any(at(i + 1, k) for k in range(j, len(actual) + 1))
        return j < len(actual) and shown[i] == actual[j] and at(i + 1, j + 1)

    return at(0, 0)


# ----------------------------------------------------------------- the guide's files


def make_files(tmp: Path) -> None:
    """The files the guide's commands use that the repository does not hold."""
    with open(ROOT / DATA2, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], {r[0]: r for r in rows[1:]}

    def write_csv(name: str, lines: list[list[str]]) -> None:
        with open(tmp / name, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(lines)

    # 3.1: 开展风险评估 typed as 开展风险评价, the 隐患化解率 column deleted
    gone = header.index("隐患化解率")
    renamed = ["开展风险评价" if h == "开展风险评估" else h for h in header]
    write_csv(
        "missing.csv",
        [[c for i, c in enumerate(r) if i != gone] for r in [renamed, *rows[1:]]],
    )

    # 3.4: five rows of the example, three made wrong, a blank row, and a 备注 column
    def changed(unit: str, column: str, value: str) -> list[str]:
        row = list(body[unit])
        row[header.index(column)] = value
        return row

    write_csv(
        "bad.csv",
        [
            [*header, "备注"],
            [*changed("市教育局", "评估不到位引发集体访", "-2"), ""],
            [*changed("市公安局", "隐患化解率", "150%"), ""],
            [*changed("市民政局", "开展风险评估", "是的"), "待核实"],
            [""] * (len(header) + 1),
            [*body["市司法局"], ""],
            [*body["市财政局"], ""],
        ],
    )
    # 5.1: a fact declared as 缺会次数 and used as 缺席次数
    (tmp / "bad.rule").write_text(
        "细则：示例考评细则\n年度：2023\n满分：10分\n\n数据：\n  缺会次数：次，默认0\n\n"
        "(一)领导重视程度(10分)\n  - 【缺席次数】每缺1次扣1分\n",
        encoding="utf-8",
    )
    # 2.8: next year's policy: the year, and the 隐患化解率 standard raised to 85%
    text = (ROOT / SEED2).read_text("utf-8")
    text = text.replace("年度：2023", "年度：2024", 1)
    text = text.replace("- 【隐患化解率】应达到80%", "- 【隐患化解率】应达到85%", 1)
    (tmp / "xinfang_2024.rule").write_text(text, encoding="utf-8")
    # 2.9: a policy typed by hand, with half-width brackets in its header
    text = (ROOT / SEED1).read_text("utf-8")
    text = text.replace(
        "考评对象：各乡镇（街道办事处）中心校", "考评对象：各乡镇(街道办事处)中心校"
    )
    (tmp / "手工录入.rule").write_text(text, encoding="utf-8")


# ------------------------------------------------------------------------- running


def run_command(command: str, tmp: Path) -> tuple[int, list[str]]:
    head = re.fullmatch(r"head -n (\d+) (\S+)", command)
    if head:
        path = Path(head.group(2).replace("/tmp/", f"{tmp}/"))
        return 0, path.read_text("utf-8").split("\n")[: int(head.group(1))]
    words = shlex.split(command.replace("/tmp/", f"{tmp}/"))
    assert words[0] == "xize", f"the guide runs only xize: {command}"
    args: list[str] = []
    for word in words[1:]:
        args.extend(sorted(glob.glob(word)) if "*" in word else [word])
    result = CliRunner().invoke(cli, args, prog_name="xize")
    text = result.output
    for shown in (str(tmp) + "/", str(tmp).replace("_", "\\_") + "/"):
        text = text.replace(shown, "/tmp/")
    return result.exit_code, text.rstrip("\n").split("\n")


GUIDE_SESSIONS = sessions(GUIDE.read_text("utf-8")) + [
    (-line, steps) for line, steps in sessions((ROOT / "README.md").read_text("utf-8"))
]


def test_the_guide_shows_commands():
    commands = [c for _, steps in GUIDE_SESSIONS for c, _ in steps]
    assert len(commands) >= 15
    for name in ("check", "test", "template", "score", "explain", "render", "diff", "fmt"):
        assert any(c.startswith(f"xize {name} ") for c in commands), name


@pytest.mark.parametrize(
    "steps",
    [s for _, s in GUIDE_SESSIONS],
    ids=[f"guide{n}" if n > 0 else f"readme{-n}" for n, _ in GUIDE_SESSIONS],
)
def test_each_shown_output_is_the_programs(steps, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("XIZE_LANG", raising=False)
    make_files(tmp_path)
    code = None
    for command, shown in steps:
        if command == "echo $?":
            assert shown == [str(code)], f"exit code of the command before: {code}"
            continue
        code, actual = run_command(command, tmp_path)
        assert matches(shown, actual), (
            f"$ {command}\n--- the guide shows:\n"
            + "\n".join(shown)
            + "\n--- the program prints:\n"
            + "\n".join(actual)
        )


def test_gaps_and_lines_are_matched_as_the_guide_means():
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "│   ...", "d"], ["a", "d"])
    assert not matches(["a", "d"], ["a", "b", "d"])
    assert not matches(["a", "...", "d"], ["a", "b", "c"])
    assert matches(["x  "], ["x"])


# ------------------------------------------------------------------ Python examples


def python_blocks(text: str) -> list[tuple[int, str, list[str] | None]]:
    """(line, code, shown output) for each ```python block; the output is the next
    block when only `输出：` stands between them."""
    blocks = []
    fences = list(_FENCE.finditer(text))
    for index, match in enumerate(fences):
        if not text.startswith("```python", match.start()):
            continue
        shown = None
        if index + 1 < len(fences):
            after = fences[index + 1]
            if text[match.end() : after.start()].strip() == "输出：":
                shown = after.group(1).rstrip("\n").split("\n")
        blocks.append((text.count("\n", 0, match.start()) + 1, match.group(1), shown))
    return blocks


def test_the_python_examples_print_what_the_guide_shows(tmp_path, monkeypatch):
    """Section 6's examples run in order in one namespace, as a reader would type them;
    the compiled module of 6.4 is made first, where the example imports it from."""
    blocks = python_blocks(GUIDE.read_text("utf-8"))
    assert sum(1 for _, _, shown in blocks if shown is not None) >= 2
    monkeypatch.chdir(ROOT)
    make_files(tmp_path)
    result = CliRunner().invoke(cli, ["compile", SEED1, "-o", str(tmp_path / "shuangjie_2023.py")])
    assert result.exit_code == 0, result.output
    monkeypatch.syspath_prepend(str(tmp_path))
    namespace: dict = {}
    for line, code, shown in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(
                compile(code.replace("/tmp/", f"{tmp_path}/"), f"guide.md:{line}", "exec"),
                namespace,
            )
        if shown is not None:
            actual = out.getvalue().rstrip("\n").split("\n")
            assert matches(shown, actual), f"guide.md:{line}\n" + "\n".join(actual)
