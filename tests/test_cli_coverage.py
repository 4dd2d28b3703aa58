"""`xize test`: coverage after the results, `--fail-under N` and `--junit FILE`."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from xize.runtime.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted((ROOT / "policies").glob("*.rule"))

# Five targets: three clauses, the clause cap on line 11, the 否则 on line 14.
# Line 12 (漏报次数) fires in no test and the cap is never reached: 3/5 covered.
POLICY = """细则：覆盖示例
年度：2023
满分：10分

数据：
  缺会次数：次，默认0
  漏报次数：次，默认0
  按时上报：是否，默认是

(一)会议(5分)
  - 【缺会次数】每缺1次扣1分，最多扣2分
  - 【漏报次数】每漏报1次扣1分
(二)上报(5分)
  - 未【按时上报】扣2分，否则扣0分

测试 “缺会一次”：
  【缺会次数】= 1
  期望 总分 = 9

测试 “未按时上报”：
  【按时上报】= 否
  期望 总分 = 8
"""

FAILING_TEST = """
测试 “算错了”：
  【缺会次数】= 1
  期望 总分 = 7
"""


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def partial(tmp_path: Path) -> Path:
    path = tmp_path / "partial.rule"
    path.write_text(POLICY, encoding="utf-8")
    return path


def test_bundled_policies_are_fully_covered():
    assert len(BUNDLED) == 2
    result = run("test", *BUNDLED)
    assert result.exit_code == 0, result.output
    assert result.output.count("测试覆盖率：100.0%") == 2
    assert "从未触发的条款：0/" in result.output
    result = run("test", *BUNDLED, "--fail-under", "100")
    assert result.exit_code == 0, result.output


def test_coverage_follows_each_policys_results(partial):
    result = run("test", partial)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("✓ 未按时上报") < out.index("测试覆盖率：")
    head = next(line for line in out.splitlines() if line.startswith("测试覆盖率："))
    assert "测试覆盖率：60.0%（3/5 项，2 个测试）" == head
    assert "从未触发的条款：1/3" in out
    assert "第12行  (一)  【漏报次数】每漏报1次扣1分" in out
    assert "从未达到的条款上限：1/1" in out
    assert "第11行  (一)" in out
    assert "从未执行的 “否则” 分支：0/1" in out  # 缺会一次 ran it (按时上报 = 是)
    assert "第14行" not in out


def test_coverage_in_english(partial):
    result = run("test", partial, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "coverage: 60.0% (3/5 targets, 2 tests)" in result.output
    assert "clauses never fired: 1/3" in result.output
    assert "line 12  (一)" in result.output


def test_fail_under(partial):
    below = run("test", partial, "--fail-under", "100")
    assert below.exit_code == 1, below.output
    assert "60.0%" in below.output and "--fail-under 100" in below.output
    assert run("test", partial, "--fail-under", "10").exit_code == 0
    assert run("test", partial, "--fail-under", "60").exit_code == 0  # equal is not below
    assert run("test", partial, "--fail-under", "60.1").exit_code == 1
    assert run("test", partial, "--fail-under", "59.99%").exit_code == 0


@pytest.mark.parametrize("bad", ["abc", "101", "-1", "nan"])
def test_fail_under_rejects_bad_values_as_usage_error(partial, bad):
    assert run("test", partial, "--fail-under", bad).exit_code == 2


def test_failing_test_still_exits_1_and_shows_coverage(tmp_path):
    path = tmp_path / "failing.rule"
    path.write_text(POLICY + FAILING_TEST, encoding="utf-8")
    result = run("test", path, "--fail-under", "0")
    assert result.exit_code == 1
    assert "✗ 算错了" in result.output and "测试覆盖率：" in result.output


def test_junit_file_for_all_policies(tmp_path, partial):
    failing = tmp_path / "failing.rule"
    failing.write_text(POLICY + FAILING_TEST, encoding="utf-8")
    out = tmp_path / "reports" / "junit.xml"
    out.parent.mkdir()
    result = run("test", partial, failing, *BUNDLED, "--junit", out)
    assert result.exit_code == 1  # one test fails
    root = ET.parse(out).getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 4
    counts = [(int(s.get("tests")), int(s.get("failures")), int(s.get("errors"))) for s in suites]
    assert counts[:2] == [(2, 0, 0), (3, 1, 0)]
    assert all(t == len(s.findall("testcase")) for (t, _, _), s in zip(counts, suites, strict=True))
    assert all(f == 0 and e == 0 for _, f, e in counts[2:])
    assert int(root.get("tests")) == sum(c[0] for c in counts)
    assert root.get("failures") == "1" and root.get("errors") == "0"
    failure = suites[1].find("testcase[@name='算错了']/failure")
    assert failure is not None and "总分" in failure.get("message")


def test_junit_records_a_policy_that_does_not_compile(tmp_path, partial):
    broken = tmp_path / "broken.rule"
    broken.write_text("细则：坏的\n满分：十分？？\n(一)\n", encoding="utf-8")
    out = tmp_path / "junit.xml"
    result = run("test", partial, broken, "--junit", out)
    assert result.exit_code == 1
    root = ET.parse(out).getroot()
    assert root.get("tests") == "3" and root.get("errors") == "1"


def test_junit_unwritable_path_is_a_message_not_a_traceback(tmp_path, partial):
    result = run("test", partial, "--junit", tmp_path / "missing" / "junit.xml")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
