"""The command line's edges: help and usage errors in Chinese, --lang wherever it is
written, `check` running the 测试 blocks, a closed pipe, `python -m xize`, and
explanations of codes with their placeholders filled in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from xize.compiler.diagnostics import MESSAGES, explain
from xize.runtime.cli.cmd_errors import with_example_values
from xize.runtime.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "policies" / "shuangjie_lianghui_2023.rule"

POLICY = """\
细则：测试细则
年度：2023
满分：10分

数据：
  缺会次数：次，默认0

(一)领导重视程度(10分)
  - 【缺会次数】每缺1次扣1分

测试 “缺会两次”：
  【缺会次数】= 2
  期望 总分 = 8
"""


def run(*args: object, env: dict | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def test_help_speaks_chinese_and_lists_whole_descriptions():
    result = run("--help")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("用法：xize")
    assert "选项：" in out and "命令：" in out
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "[default"):
        assert english not in out
    # no description is cut short with an ellipsis
    commands = out.split("命令：", 1)[1]
    assert "..." not in commands and "…" not in commands
    assert "explain a diagnostic code such as E201." in out
    sub = run("score", "-h").output
    assert sub.startswith("用法：xize score") and "[默认：1" in sub


def test_usage_errors_are_in_the_users_language():
    missing = run("score")
    assert missing.exit_code == 2
    assert "错误：缺少参数 'POLICY'" in missing.output
    assert "运行 'xize score -h' 查看帮助。" in missing.output
    typo = run("chek")
    assert typo.exit_code == 2 and "没有命令 'chek'（您是不是要写 'check'？）" in typo.output
    bad = run("score", "a.rule", "b.csv", "--jobs", "0")
    assert bad.exit_code == 2 and "'-j' / '--jobs' 的值无效：0 不在范围 x>=1 内" in bad.output
    english = run("--lang", "en", "score")
    assert english.exit_code == 2
    assert "Error: Missing argument 'POLICY'." in english.output
    assert "Usage: xize score" in english.output
    assert "Error: Missing argument" in run("score", env={"XIZE_LANG": "en"}).output


def test_lang_on_the_group_reaches_every_command(tmp_path):
    bad = tmp_path / "bad.rule"
    bad.write_text(POLICY.replace("- 【缺会次数】每缺", "- 【缺会次素】每缺"), "utf-8")
    for args in (("--lang", "en", "check", bad), ("check", bad, "--lang", "en")):
        result = run(*args)
        assert result.exit_code == 1
        assert "unknown fact" in result.output and "1 error" in result.output
    assert "个错误" in run("check", bad).output
    # a command's own --lang wins over the group's
    assert "个错误" in run("--lang", "en", "check", bad, "--lang", "zh").output


def test_row_errors_follow_lang_en(tmp_path):
    policy = tmp_path / "p.rule"
    policy.write_text(POLICY, "utf-8")
    data = tmp_path / "d.csv"
    data.write_text("单位,缺会次数\n一中,-1\n二中,两次\n三中,1\n", "utf-8")
    result = run("--lang", "en", "score", policy, data)
    assert result.exit_code == 1
    assert "row 2 (一中): invalid value “-1” for 【缺会次数】: expected a whole number" in (
        result.output
    )
    assert "无效" not in result.output and "应为" not in result.output
    out = tmp_path / "r.csv"
    run("score", policy, data, "-o", out)
    errors = (tmp_path / "r-错误.csv").read_text("utf-8-sig")
    assert "【缺会次数】的值 “-1” 无效：应为不小于0的整数（次）" in errors


def test_check_runs_the_test_blocks(tmp_path):
    good = tmp_path / "good.rule"
    good.write_text(POLICY, "utf-8")
    result = run("check", good)
    assert result.exit_code == 0, result.output
    assert "测试：1 个，全部通过" in result.output
    wrong = tmp_path / "wrong.rule"
    wrong.write_text(POLICY.replace("期望 总分 = 8", "期望 总分 = 7"), "utf-8")
    result = run("check", wrong)
    assert result.exit_code == 1
    assert "✗ 缺会两次" in result.output and "期望 7，实际 8" in result.output
    assert "测试：1 个，1 个失败" in result.output
    assert "未发现问题" in result.output  # the text itself is clean
    skipped = run("check", wrong, "--no-tests")
    assert skipped.exit_code == 0 and "测试" not in skipped.output


def test_explain_error_fills_every_placeholder():
    w302 = run("explain-error", "W302").output
    assert "单次扣分" in w302 and "{amount}" not in w302 and "{budget}" not in w302
    for code in MESSAGES:
        for lang in ("zh", "en"):
            text = with_example_values(code, explain(code, lang), lang)
            head = "\n".join(text.split("\n")[:4])
            assert "{" not in head, (code, lang, head)


def _python(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=kw.get("cwd", ROOT),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.parametrize("module", ["xize", "xize.runtime.cli"])
def test_python_dash_m_runs_the_command_line(module, tmp_path):
    process = _python("-m", module, "check", str(SEED), "--no-tests", cwd=tmp_path)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    assert "W302" in out.decode("utf-8")


def test_a_closed_pipe_ends_quietly():
    # the reader goes away before the module source (tens of kilobytes) is written
    process = _python("-m", "xize", "compile", str(SEED))
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    process.wait(timeout=120)
    assert process.returncode == 0
    assert "内部错误" not in err and "Error" not in err and "Traceback" not in err, err
    assert err.count("\n") <= 1  # at most the policy's one-line warning count
