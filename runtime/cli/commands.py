"""The bodies of `xize check`, `xize compile` and `xize template`.

Each takes plain arguments and returns an exit code, so the command line only
parses options and the tests can call the same code.
"""

from __future__ import annotations

from pathlib import Path

from xize.compiler.diagnostics import PolicyError, render, sort_diagnostics

from ..output.atomic import write_text
from ..text.i18n import t
from ..text.problems import OutputFileError
from .loading import compile_file, load_or_fail
from .outpaths import refuse_overwrite
from .terminal import EXIT_ERROR, EXIT_OK, Failure, say, warn

# Reported only under --strict (LANGUAGE.md §3.2: an undeclared fact is inferred from
# its use, and `check --strict` says so).
STRICT_ONLY = frozenset({"W310"})


def check(paths: list[str], strict: bool = False, lang: str = "zh", tests: bool = True) -> int:
    """Diagnostics for every policy, then (with `tests`) the 测试 blocks of each policy
    that compiled: one command to trust a file.  1 on errors or a failing test (or on
    warnings with --strict)."""
    errors = warnings = 0
    first = True
    compiled = []
    for path in paths:
        try:
            policy = compile_file(path, lang)
            diagnostics, source = list(policy.diagnostics), policy.source
            compiled.append((path, policy))
        except PolicyError as exc:
            diagnostics, source = list(exc.diagnostics), exc.source
        except Failure as exc:
            warn(exc.text)
            errors += 1
            continue
        for diag in sort_diagnostics(diagnostics):
            if diag.code in STRICT_ONLY and not strict:
                continue
            if not first:
                say()
            first = False
            say(render(diag, source, lang))
            if diag.is_error:
                errors += 1
            else:
                warnings += 1
    if not first:
        say()
    tests_failed = _run_tests(compiled, lang) if tests else 0
    say(_count_line(errors, warnings, len(paths), lang))
    failed = errors > 0 or tests_failed > 0 or (strict and warnings > 0)
    return EXIT_ERROR if failed else EXIT_OK


def _run_tests(compiled: list, lang: str) -> int:
    """Run the 测试 blocks; show each failing test in full and one count line.
    Returns the number of failing tests."""
    from .testreport import show_outcomes

    total = failed = 0
    for path, policy in compiled:
        report = policy.run_tests()
        outcomes = report.outcomes
        total += len(outcomes)
        bad = [o for o in outcomes if not o.passed]
        if bad:
            failed += len(bad)
            say(t("test_header", lang, path=path))
            show_outcomes(bad, lang, failed_only=True)
            say()
    if total:
        key = "check_tests_failed" if failed else "check_tests_passed"
        say(t(key, lang, n=total, failed=failed, passed=total - failed))
    return failed


def _count_line(errors: int, warnings: int, files: int, lang: str) -> str:
    if not errors and not warnings:
        return t("check_clean", lang, n=files)
    parts = []
    if errors:
        parts.append(t("n_errors", lang, n=errors))
    if warnings:
        parts.append(t("n_warnings", lang, n=warnings))
    return t("list_sep", lang).join(parts)


def compile_module(path: str, output: str | None, lang: str = "zh") -> int:
    """Write the policy's standalone module to `output` (stdout without one)."""
    policy = load_or_fail(path, lang)
    _warn_count(policy, lang)
    if output is None:
        say(policy.module_source.rstrip("\n"))
        return EXIT_OK
    refuse_overwrite([output], [path], lang)
    _write_text(Path(output), policy.module_source, lang)
    warn(t("written", lang, path=output))
    return EXIT_OK


def template(path: str, output: str, lang: str = "zh") -> int:
    """Write the data workbook for a policy."""
    from ..output.template import write_template

    policy = load_or_fail(path, lang)
    target = Path(output)
    if target.suffix.lower() != ".xlsx":
        raise Failure(t("template_suffix", lang, path=output), code=2)
    refuse_overwrite([target], [path], lang)
    _ensure_parent(target, lang)
    try:
        write_template(policy.ir, target, lang)
    except OutputFileError as exc:
        raise Failure(exc.render(lang)) from exc
    warn(t("written", lang, path=output))
    return EXIT_OK


def _warn_count(policy, lang: str) -> None:
    """One line about the policy's warnings: details are `xize check`'s job."""
    n = sum(1 for d in policy.diagnostics if not d.is_error)
    if n:
        warn(t("policy_warnings", lang, n=n, path=policy.source.filename))


def _ensure_parent(target: Path, lang: str) -> None:
    parent = target.parent
    if str(parent) and not parent.exists():
        raise Failure(t("no_folder", lang, path=parent))


def _write_text(target: Path, text: str, lang: str) -> None:
    """Write a text output whole (temporary file, then rename)."""
    _ensure_parent(target, lang)
    try:
        write_text(target, text)
    except OutputFileError as exc:
        raise Failure(exc.render(lang)) from exc
