"""The bodies of `xize score` and `xize explain`: data in, report or explanation out.

Both run the whole batch (a unit's 平均值-based deductions and its 排名 depend on
the other units), differing only in what they keep: `score` writes every table,
`explain` keeps the one unit asked for.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from ..batch.batch import Scoring, score_dataset
from ..batch.parallel import Workers
from ..io.dataset import Dataset
from ..output.summary import about_counts, error_lines, summary_view
from ..output.writers import FORMATS, output_paths, write_report
from ..report.explain import explain_tree
from ..report.tables import Layout, about_rows
from ..text.i18n import t
from ..text.problems import DataFileError, Message, Notice
from ..text.safe import display_path
from .loading import load_or_fail
from .outpaths import refuse_overwrite, refuse_repeats
from .terminal import EXIT_ERROR, EXIT_OK, EXIT_USAGE, Failure, progress, stdout, warn


def _open(policy_path: str, data: list[str], lang: str):
    policy = load_or_fail(policy_path, lang)
    try:
        dataset = Dataset(data, policy.ir.facts)
    except DataFileError as exc:
        raise Failure(exc.render(lang)) from exc
    return policy, dataset


#: Notices of one kind printed before the rest are counted (a file with 200 000
#: repeated names would otherwise print 200 000 lines).
NOTICES_SHOWN = 20


def _report_notices(notices: list[Notice], lang: str) -> None:
    labels = {
        "error": t("label_error", lang),
        "warning": t("label_warning", lang),
        "info": t("label_info", lang),
    }
    shown: dict[tuple[str, str], int] = {}
    for notice in notices:
        kind = (notice.level, notice.message.key)
        shown[kind] = shown.get(kind, 0) + 1
        if shown[kind] <= NOTICES_SHOWN:
            warn(f"{labels[notice.level]}: {notice.render(lang)}")
    for (level, _), count in shown.items():
        if count > NOTICES_SHOWN:
            warn(t("notices_more", lang, n=count - NOTICES_SHOWN, label=labels[level]))


def _policy_warnings(policy) -> int:
    return sum(1 for d in policy.diagnostics if not d.is_error)


def score(
    policy_path: str,
    data: list[str],
    output: str | None = None,
    strict: bool = False,
    lang: str = "zh",
    jobs: int = 1,
    sort: str = "input",
    on: date | None = None,
    engine: str = "python",
) -> int:
    """Score every unit; exit 1 when any row failed (or, with --strict, on any warning).
    `jobs` > 1 scores blocks of rows in that many worker processes; `sort` "rank" puts
    汇总 in rank order; `on` is the date of scoring shown in 说明 (see `run_date`);
    `engine` "duckdb" computes the scores with the policy's SQL query in embedded
    DuckDB (`batch.sqlbatch`), writing the same report."""
    scored_on = run_date(on, lang)
    if output is not None and Path(output).suffix.lower() not in FORMATS:
        raise Failure(t("output_suffix", lang, path=output), code=EXIT_USAGE)
    if output is not None and str(Path(output).parent) and not Path(output).parent.exists():
        raise Failure(t("no_folder", lang, path=Path(output).parent))
    if output is not None:
        refuse_overwrite(output_paths(Path(output)), [policy_path, *data], lang)
    refuse_repeats(data, lang)
    policy, dataset = _open(policy_path, data, lang)
    _report_notices(dataset.notices, lang)
    if dataset.has_errors:
        raise Failure(t("nothing_scored", lang))
    policy_warnings = _policy_warnings(policy)
    if policy_warnings:
        warn(t("policy_warnings", lang, n=policy_warnings, path=policy_path))
    if strict and (policy_warnings or any(n.level == "warning" for n in dataset.notices)):
        raise Failure(t("strict_stop", lang))
    layout = Layout(policy.ir, lang, dataset.multiple)
    details_csv = output is not None and Path(output).suffix.lower() == ".csv"
    scoring = None
    if engine == "duckdb":
        from ..batch import sqlcsv

        fast = sqlcsv.eligible(policy, dataset, output, sort == "rank")
        scoring = _score_in_duckdb(
            policy, policy_path, dataset, layout, details_csv, lang, fast, output
        )
    if scoring is None:
        scoring = _score_in_python(policy, dataset, layout, jobs, details_csv, lang)
    scoring.by_rank = sort == "rank"
    try:
        return _finish(policy, dataset, scoring, output, strict, lang, scored_on)
    finally:
        scoring.close()


def _score_in_duckdb(
    policy,
    policy_path: str,
    dataset,
    layout,
    details_csv: bool,
    lang: str,
    fast: bool = False,
    output: str | None = None,
):
    """The Scoring made in DuckDB, or None when the data cannot be read there exactly
    as the Python readers read it (the notice says why; the Python engine scores).
    When `fast` (`sqlcsv.eligible`) DuckDB writes the CSV report's lines itself — or,
    with no `output`, makes none and gives the terminal what it shows.  (Imported
    here: the SQL backend and DuckDB are for this engine alone.)"""
    from ..batch import sqlbatch, sqlcsv

    try:
        if fast:
            sqlbatch.check(policy)
            sql = sqlcsv.queries(policy, layout, lines=output is not None)
        else:
            sql = sqlbatch.queries(policy)
    except sqlbatch.SqlUnsupported as exc:
        raise Failure(t("engine_unsupported", lang, path=policy_path, reason=exc)) from exc
    try:
        with progress(t("scoring", lang)) as advance:
            if fast:
                return sqlcsv.score_to_csv(
                    policy, dataset, layout, output, progress=advance, sql=sql
                )
            return sqlbatch.score_with_duckdb(
                policy, dataset, layout, progress=advance, details_csv=details_csv, sql=sql
            )
    except sqlbatch.NotIdentical as exc:
        _report_notices([Notice("warning", exc.message)], lang)
        return None


def _score_in_python(policy, dataset, layout, jobs: int, details_csv: bool, lang: str) -> Scoring:
    # The workers start before the progress bar's thread does (see parallel.Workers).
    with _workers(policy, dataset, layout, jobs) as workers:
        with progress(t("scoring", lang)) as advance:
            scoring = score_dataset(
                policy,
                dataset,
                layout,
                progress=advance,
                workers=workers,
                details_csv=details_csv,
            )
    return scoring


def run_date(given: date | None, lang: str = "zh") -> date:
    """The date of scoring: `--date`, else the date of SOURCE_DATE_EPOCH (so that a
    build that sets it gets the same bytes on any day), else today."""
    if given is not None:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or not epoch.strip():
        return date.today()
    try:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    except (ValueError, OverflowError, OSError) as exc:
        raise Failure(t("bad_epoch", lang, value=epoch)) from exc


def _finish(
    policy,
    dataset: Dataset,
    scoring: Scoring,
    output: str | None,
    strict: bool,
    lang: str,
    scored_on: date,
) -> int:
    tally = scoring.tally
    if tally.blank:
        scoring.notices.append(Notice("info", Message("blank_rows", {"count": tally.blank})))
    _report_notices(scoring.notices, lang)
    if tally.rows_in == 0:
        raise Failure(t("no_units", lang))
    for line in error_lines(scoring, lang):
        warn(line)
    if output is not None:
        about = about_rows(
            policy.ir,
            about_counts(scoring, policy.ir),
            [display_path(Path(p).name) for p in dataset_paths(dataset)],
            scored_on,
        )
        try:
            written = write_report(output, scoring, about)
        except OSError as exc:
            raise Failure(t("cannot_write", lang, path=output, reason=exc.strerror or exc)) from exc
    stdout().print(summary_view(scoring, policy.ir, lang))
    sys.stdout.flush()  # before what follows on stderr, when both go to one pipe
    if output is None:
        warn(t("not_written", lang))
    else:
        for path in written:
            warn(t("written", lang, path=path))
    failed = tally.failed > 0 or (strict and any(n.level == "warning" for n in scoring.notices))
    return EXIT_ERROR if failed else EXIT_OK


@contextmanager
def _workers(policy, dataset: Dataset, layout: Layout, jobs: int) -> Iterator[Workers | None]:
    if jobs <= 1:
        yield None
        return
    with Workers(policy, dataset, layout, jobs) as workers:
        yield workers


def dataset_paths(dataset: Dataset) -> list[str]:
    return [str(table.path) for table, _ in dataset.tables]


def explain(policy_path: str, data: str, unit: str, lang: str = "zh") -> int:
    """Print one unit's outline with every clause that fired under its node."""
    policy, dataset = _open(policy_path, [data], lang)
    if dataset.has_errors:
        _report_notices([n for n in dataset.notices if n.level == "error"], lang)
        raise Failure(t("nothing_scored", lang))
    wanted = unit.strip()
    found: list[tuple[int, object]] = []
    names: set[str] = set()

    def keep(row, result, position: int) -> None:
        names.add(row.unit)
        if row.unit == wanted:
            found.append((position, result))

    scoring = score_dataset(policy, dataset, Layout(policy.ir, lang, False), on_result=keep)
    try:
        if not found:
            failed = error_lines(scoring, lang, unit=wanted)
            if failed:
                for line in failed:
                    warn(line)
                return EXIT_ERROR
            raise Failure(_unknown_unit(wanted, names, lang))
        console = stdout()
        for position, result in found:
            result = scoring.fallen(position, result)  # noqa: PLW2901 (the quotas, now known)
            console.print(
                explain_tree(result, policy.ir, lang, scoring.ranks[position], len(scoring.order))
            )
        return EXIT_OK
    finally:
        scoring.close()


def _unknown_unit(name: str, names: set[str], lang: str) -> str:
    close = difflib.get_close_matches(name, sorted(names), n=5, cutoff=0.3)
    if not close:
        close = [n for n in sorted(names) if name in n or n in name][:5] or sorted(names)[:5]
    listed = "、".join(close) if close else "—"
    return t("unit_unknown", lang, unit=name, names=listed)
