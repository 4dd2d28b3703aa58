"""The body of `xize test`: run each policy's 测试 blocks and show what failed.

A passing test is one line.  A failing one lists every 期望 with expected versus
actual, and the data the test ran with (and where each value came from: listed in
the test, the declared default, or the neutral value), since a wrong expectation
is as often a wrong input as a wrong rule.  After the results comes the policy's
coverage: the clauses no test fired, the caps no test reached and the 否则
branches no test ran, each with its line, and the share covered.

For CI: `--junit FILE` writes every policy's tests as JUnit XML, and
`--fail-under N` fails the run when any policy's coverage is below N percent.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from xize.compiler.testing import coverage_report, format_coverage, junit_xml

from ..text.fmt import value_text
from ..text.i18n import t
from .commands import _write_text
from .loading import load_or_fail
from .outpaths import refuse_overwrite
from .terminal import EXIT_ERROR, EXIT_OK, Failure, say, warn

PASS, FAIL = "✓", "✗"

_SOURCES = {
    "测试列出": "test_src_listed",
    "默认值": "test_src_default",
    "中性值": "test_src_neutral",
    "本单位数值": "test_src_own",
}


def run_tests(
    paths: list[str],
    lang: str = "zh",
    junit: str | None = None,
    fail_under: Decimal | None = None,
) -> int:
    """Run every policy's tests and show each policy's coverage.

    1 when any test failed, any policy did not compile, or (with `fail_under`) any
    policy's coverage percentage is below `fail_under`."""
    if junit is not None:
        refuse_overwrite([junit], paths, lang)
    failed = False
    suites: list[tuple[object, object]] = []
    for number, path in enumerate(paths):
        if number:
            say()
        try:
            policy = load_or_fail(path, lang)
        except Failure as exc:
            warn(exc.text)
            failed = True
            suites.append(_unloaded(path, exc.text))
            continue
        report = policy.run_tests()
        failed |= not report.passed
        suites.append((policy, report))
        _show(path, report, lang)
        cov = coverage_report(report, policy)
        say(format_coverage(cov, lang).rstrip("\n"))
        if fail_under is not None and cov.percent < fail_under:
            warn(t("test_fail_under", lang, path=path, percent=cov.percent, limit=fail_under))
            failed = True
    if junit is not None:
        _write_text(Path(junit), junit_xml(suites), lang)
    return EXIT_ERROR if failed else EXIT_OK


def _unloaded(path: str, message: str) -> tuple[object, object]:
    """A policy that did not compile, as a JUnit suite with one error."""
    policy = SimpleNamespace(filename=path, title=path)
    outcome = SimpleNamespace(name=path, line=0, passed=False, error=message, checks=())
    return policy, [outcome]


def _show(path: str, report, lang: str) -> None:
    outcomes = report.outcomes
    if not outcomes:
        say(t("test_none", lang, path=path))
        return
    say(t("test_header", lang, path=path))
    show_outcomes(outcomes, lang)
    passed = sum(1 for o in outcomes if o.passed)
    say(
        t(
            "test_summary",
            lang,
            path=path,
            n=len(outcomes),
            passed=passed,
            failed=len(outcomes) - passed,
        )
    )


def show_outcomes(outcomes, lang: str, failed_only: bool = False) -> None:
    """One line per passing test (unless `failed_only`); a failing one with every
    期望 and the data it ran with."""
    for outcome in outcomes:
        if outcome.passed:
            if not failed_only:
                say(f"  {PASS} {outcome.name}")
            continue
        say(f"  {FAIL} {outcome.name}  " + t("test_line", lang, line=outcome.line))
        if outcome.error:
            say("      " + t("test_error", lang, error=outcome.error))
        for check in outcome.checks:
            mark = PASS if check.passed else FAIL
            say(
                "      "
                + mark
                + " "
                + t(
                    "test_check",
                    lang,
                    target=check.target,
                    expected=check.expected,
                    actual=check.actual,
                )
            )
        if outcome.facts:
            say("      " + t("test_inputs", lang))
            for name, value, source in outcome.facts:
                origin = t(_SOURCES.get(source, "test_src_listed"), lang)
                say(
                    "        "
                    + t("test_input", lang, name=name, value=_value(value, lang), origin=origin)
                )


def _value(value: object, lang: str) -> str:
    return value if isinstance(value, str) else value_text(value, lang=lang)
