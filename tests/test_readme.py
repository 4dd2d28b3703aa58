"""The README's two commands stay true: the first scores the seed policy into a folder
git ignores (a fresh clone stays clean), the second is exactly what CI runs."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

from click.testing import CliRunner
from xize.runtime.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"```bash\n(.*?)\n```", (ROOT / "README.md").read_text("utf-8"), re.S)


def test_the_first_command_scores_into_an_ignored_folder(tmp_path, monkeypatch):
    command = BLOCKS[0]
    steps = [s.strip() for s in command.split("&&")]
    assert steps[0] == "pip install -e ."
    score = shlex.split(next(s for s in steps if s.startswith("xize score")))
    output = score[score.index("-o") + 1]
    folder = output.split("/")[0]
    assert f"mkdir -p {folder}" in steps
    try:
        ignored = (
            subprocess.run(
                ["git", "check-ignore", "-q", "--no-index", output], cwd=ROOT, check=False
            ).returncode
            == 0
        )
    except FileNotFoundError:  # no git: the rule itself
        ignored = f"/{folder}/" in (ROOT / ".gitignore").read_text("utf-8").split("\n")
    assert ignored, f"{output} is not ignored by .gitignore"
    # the command itself works (writing into a folder of its own here)
    monkeypatch.chdir(ROOT)
    target = tmp_path / output
    target.parent.mkdir()
    args = [*score[1 : score.index("-o")], "-o", str(target)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert target.exists() and f"已写出 {target}" in result.output


def test_the_second_command_is_what_ci_runs():
    assert BLOCKS[1] == "pip install -e '.[test]' && pytest"
    lines = (ROOT / ".ci" / "run").read_text("utf-8").strip().split("\n")
    assert lines[-1] == BLOCKS[1]
