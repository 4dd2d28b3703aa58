"""xize performance benchmarks: `python benchmarks/run.py [--quick] [--profile]`.

Prints, for this machine and this run only:
1. per-unit scoring of policies/shuangjie_lianghui_2023.rule by every implementation
   (after checking that all agree on 5,000 random units), as ratios;
2. compile time of generated policies of 10 … 10,000 clauses, per stage and per clause;
3. `xize score` on generated CSV files: rows/s and peak RSS of the CLI process.
Targets are printed beside the measured values.  Absolute times vary on shared machines;
every figure is the best of N timed passes after a warm-up pass, in one process.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "policies" / "shuangjie_lianghui_2023.rule"
sys.path.insert(0, str(HERE))

import handwritten  # noqa: E402
import peers  # noqa: E402
import workload  # noqa: E402

CENT = Decimal("0.01")

try:
    from rich.console import Console
    from rich.table import Table

    _console = Console(width=140)
except ImportError:  # plain text when rich is missing
    _console = None


# ---------------------------------------------------------------------------- output


def show(title: str, columns: list[str], rows: list[list[str]], note: str = "") -> None:
    if _console is not None:
        table = Table(title=title, title_justify="left", caption=note or None)
        for i, col in enumerate(columns):
            table.add_column(col, justify="left" if i == 0 else "right")
        for row in rows:
            table.add_row(*row)
        _console.print(table)
        return
    widths = [max(len(str(r[i])) for r in [columns, *rows]) for i in range(len(columns))]
    print(f"\n{title}")
    for row in [columns, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    if note:
        print(note)


def machine() -> str:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = "load avg " + " ".join(f"{x:.1f}" for x in os.getloadavg())
    except (AttributeError, OSError):
        load = "load avg n/a"
    return (
        f"{platform.platform()} | {cpu} | cpus {os.cpu_count()} (usable {usable}) | {load} | "
        f"{platform.python_implementation()} {platform.python_version()}"
    )


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


# ------------------------------------------------------------------------- timing


def best_ns(fn, args_list, repeats: int) -> int:
    """Best total time of one pass of fn over args_list (gc off during a pass, like timeit)."""
    best = None
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter_ns()
            for a in args_list:
                fn(a)
            elapsed = time.perf_counter_ns() - t0
        finally:
            gc.enable()
        best = elapsed if best is None else min(best, elapsed)
    return best


def interleaved(impls: dict, units: list, repeats: int, chunk: int = 100) -> dict[str, float]:
    """ns per unit for each implementation.

    The units are cut into chunks of `chunk` (each pass over a chunk takes about a
    millisecond, shorter than a scheduler time slice); every chunk is timed `repeats`
    times per implementation, implementations taken in turn each round so that a noisy
    neighbour slows them alike; the best time of each chunk counts, and the per-unit
    figure is their sum over all units.  One untimed warm-up pass each first."""
    for fn in impls.values():
        for u in units:
            fn(u)
    chunks = [units[i : i + chunk] for i in range(0, len(units), chunk)]
    best: dict[tuple[str, int], int] = {}
    for _ in range(repeats):
        for name, fn in impls.items():
            for index, part in enumerate(chunks):
                t = best_ns(fn, part, 1)
                key = (name, index)
                best[key] = min(best.get(key, t), t)
    return {name: sum(best[(name, i)] for i in range(len(chunks))) / len(units) for name in impls}


# ---------------------------------------------------------------------- 1. scoring


def _items_of(result) -> list[tuple]:
    return sorted((it.path, it.line, it.nominal, it.applied) for it in result.items)


def check_agreement(policy, impls: dict, units: list) -> list[str]:
    """Every implementation against xize `score` on every unit; returns the problems."""
    problems = []
    for u in units:
        ref = policy.score(u)
        exact = ref.total
        for name, fn in impls.items():
            got = fn(u)
            if name.startswith("handwritten") and "score" in name or name.startswith("xize score"):
                if got.total != exact:
                    problems.append(f"{name}: {got.total} ≠ {exact} for {u}")
                elif name.startswith("handwritten"):
                    mine = sorted((i.path, i.line, i.nominal, i.applied) for i in got.items)
                    if mine != _items_of(ref):
                        problems.append(f"{name}: items differ for {u}")
                    for path, value in got.nodes.items():
                        if ref.nodes[path].score != value:
                            problems.append(f"{name}: {path} {value} ≠ {ref.nodes[path].score}")
            elif name.startswith("interpreter"):
                value = got.total if hasattr(got, "total") else got
                if value != exact:
                    problems.append(f"{name}: {value} ≠ {exact}")
            elif name.startswith(("zen-engine", "rule-engine")):
                value = Decimal(str(got)).quantize(CENT)
                if value != exact.quantize(CENT):
                    problems.append(f"{name}: {value} ≠ {exact} (rounded to 0.01)")
            elif got != exact:
                problems.append(f"{name}: {got} ≠ {exact}")
            if len(problems) > 20:
                return problems
    return problems


def bench_scoring(quick: bool) -> dict:
    from xize.compiler import load_policy

    policy = load_policy(str(SEED))
    interp = policy.interpreter
    # The generated module's own functions (the artefact users embed); the Policy
    # wrapper of the API adds a method call and a try block, shown on its own row.
    impls = {
        "xize score": policy.module.score,
        "xize total": policy.module.total,
        "xize Policy.total (API wrapper)": policy.total,
        "interpreter score": interp.score,
        "interpreter total": interp.total,
        "handwritten: score (explained)": handwritten.score,
        "handwritten: total": handwritten.total,
        "handwritten int: score (explained)": handwritten.score_int,
        "handwritten int: total": handwritten.total_int,
    }
    for name, factory in peers.available().items():
        impls[name] = factory()

    agree_units = workload.random_units(5_000, seed=2023)
    problems = check_agreement(policy, impls, agree_units)
    if problems:
        print("DISAGREEMENT — timings would be meaningless:")
        print("\n".join(problems[:20]))
        raise SystemExit(1)
    print(
        f"agreement: {len(impls)} implementations agree on {len(agree_units):,} random units "
        "(xize, interpreter, both handwritten scorers exactly, with items and node scores; "
        "zen-engine and rule-engine after rounding to 0.01)"
    )

    n_units = 500 if quick else 2_000
    repeats = 5 if quick else 15
    units = agree_units[:n_units]
    ns = interleaved(impls, units, repeats)
    batch_ns = best_ns(policy.score_batch, [units], repeats) / n_units

    hw_total = ns["handwritten int: total"]
    hw_score = ns["handwritten int: score (explained)"]
    rows = []
    for name, t in [*ns.items(), ("xize score_batch (per row)", batch_ns)]:
        rows.append(
            [
                name,
                f"{t / 1000:.2f}",
                f"{1e9 / t:,.0f}",
                f"{t / hw_total:.2f}",
                f"{t / hw_score:.2f}",
            ]
        )
    show(
        f"1. Per-unit scoring of {SEED.name} ({n_units:,} units, best of {repeats})",
        ["implementation", "µs/unit", "units/s", "× hw int total", "× hw int score"],
        rows,
        "hw int = the handwritten integer scorer (the floor: every amount of the seed is "
        "whole). zen-engine returns floats, rule-engine Decimals; both compared after "
        "rounding to 0.01.",
    )

    hw_dec_total = ns["handwritten: total"]
    hw_dec_score = ns["handwritten: score (explained)"]
    targets = [
        ("xize total ≤ 1.25× handwritten int total", ns["xize total"] / hw_total, 1.25, "le"),
        ("xize score ≤ 1.5× handwritten int explained", ns["xize score"] / hw_score, 1.5, "le"),
        (
            "xize score ≤ 1.5× handwritten Decimal explained",
            ns["xize score"] / hw_dec_score,
            1.5,
            "le",
        ),
        ("xize total ≤ 1.2× handwritten Decimal total", ns["xize total"] / hw_dec_total, 1.2, "le"),
        (
            "xize score ≥ 10× faster than interpreter score",
            ns["interpreter score"] / ns["xize score"],
            10,
            "ge",
        ),
        (
            "xize total ≥ 10× faster than interpreter total",
            ns["interpreter total"] / ns["xize total"],
            10,
            "ge",
        ),
    ]
    zen_expression = "zen-engine (compiled expression)"
    if zen_expression in ns:
        targets.append(
            (
                "xize total ≥ 5× faster than zen compiled expression",
                ns[zen_expression] / ns["xize total"],
                5,
                "ge",
            )
        )
    if "zen-engine" in ns:
        targets.append(
            (
                "xize total ≥ 5× faster than zen-engine (JDM graph)",
                ns["zen-engine"] / ns["xize total"],
                5,
                "ge",
            )
        )
    if "rule-engine" in ns:
        targets.append(
            ("(info) xize total vs rule-engine", ns["rule-engine"] / ns["xize total"], None, "")
        )
    target_rows = []
    for label, value, bound, how in targets:
        if bound is None:
            target_rows.append([label, f"{value:.2f}×", "", ""])
            continue
        ok = value <= bound if how == "le" else value >= bound
        target_rows.append([label, f"{value:.2f}×", f"{bound}×", verdict(ok)])
    show("1b. Scoring targets", ["target", "measured", "bound", ""], target_rows)
    return {"policy": policy, "units": agree_units}


# ---------------------------------------------------------------------- 2. compile


STAGES = ("parse", "check", "lower", "codegen", "py compile+exec")


def compile_stages(text: str) -> tuple[dict[str, int], int, int, str]:
    """Run `compile_policy` on `text`, timing each of its stages.

    Returns ({stage: CPU ns}, wall ns of all stages, module size in characters, failure
    or "").  The stages are those compile_policy reports through its `stage` hook:
    Source + parse, check, lower, codegen (module text rendered and parsed by ast),
    then compiling that tree, checking it for floats and executing the module.  Timing
    the real function, not a copy of its steps, keeps what is measured what users run
    (the garbage-collector pause included).  CPU time (time.process_time_ns) is what a
    stage costs this process, whatever else runs on the machine; the wall total is
    shown beside it."""
    from xize.compiler import PolicyError, compile_policy

    times: dict[str, int] = {}
    clock = time.process_time_ns
    last = [clock()]

    def stage(name: str) -> None:
        now = clock()
        times[name] = now - last[0]
        last[0] = now

    wall0 = time.perf_counter_ns()
    try:
        policy = compile_policy(text, "<generated>", stage=stage)
    except PolicyError as exc:
        codes = [d.code for d in exc.diagnostics if d.is_error][:3]
        failure = f"generated policy has errors: {codes}"
        return times, time.perf_counter_ns() - wall0, 0, failure
    except Exception as exc:  # a failure is a result here, not a crash
        failed = next((s for s in STAGES if s not in times), STAGES[-1])
        failure = f"{failed}: {type(exc).__name__} {str(exc)[:60]}"
        return times, time.perf_counter_ns() - wall0, 0, failure
    return times, time.perf_counter_ns() - wall0, len(policy.module_source), ""


def cold_compile_seconds() -> float:
    """CPU seconds of `load_policy` of the seed policy in a fresh interpreter (imports,
    grammar construction, compile)."""
    code = (
        "import time; t = time.process_time(); "
        "from xize.compiler import load_policy; "
        f"load_policy({str(SEED)!r}); print(time.process_time() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def bench_compile(quick: bool) -> None:
    sizes = [10, 100, 1_000] if quick else [10, 100, 1_000, 10_000]
    compile_stages(workload.generated_policy(10))  # warm-up: grammar, templates, imports
    rows = []
    per_clause: dict[int, float] = {}
    total_s: dict[int, float] = {}
    for n in sizes:
        text = workload.generated_policy(n)
        repeats = 1 if n >= 10_000 else (2 if n >= 1_000 or quick else 5)
        best: dict[str, int] | None = None
        best_wall = 0
        module_chars, failure = 0, ""
        for _ in range(repeats):
            gc.collect()
            times, wall, module_chars, failure = compile_stages(text)
            if failure:
                best, best_wall = times, wall
                break
            if best is None or sum(times.values()) < sum(best.values()):
                best, best_wall = times, wall
        assert best is not None
        cells = [f"{best[k] / 1e6:,.0f}" if k in best else "—" for k in STAGES]
        if failure:
            total_cells = ["FAILED", f"({best_wall / 1e6:,.0f})", failure]
        else:
            total = sum(best.values())
            total_s[n] = total / 1e9
            per_clause[n] = total / n / 1000
            total_cells = [
                f"{total / 1e6:,.0f}",
                f"{best_wall / 1e6:,.0f}",
                f"{per_clause[n]:,.0f}",
            ]
        rows.append(
            [
                f"{n:,}",
                f"{len(text.splitlines()):,}",
                *cells,
                *total_cells,
                f"{module_chars / 1e6:,.2f}" if module_chars else "—",
            ]
        )
    show(
        "2. Compile time of generated policies (CPU ms; best of N; one clause per item, five forms)",
        ["clauses", ".rule lines", *STAGES, "total", "wall", "CPU µs/clause", "module MB"],
        rows,
        "total = CPU time of the stages of compile_policy in one warmed-up process; wall = "
        "elapsed time of the same run (higher when other processes compete for the CPUs).",
    )
    cold = cold_compile_seconds()
    targets = [
        ["seed policy, fresh process (imports + grammar + compile), CPU", f"{cold:.2f} s", "", ""],
    ]
    if 1_000 in total_s:
        ok = total_s[1_000] < 0.5
        targets.append(
            ["1,000 clauses compile < 0.5 s (CPU)", f"{total_s[1_000]:.2f} s", "0.5 s", verdict(ok)]
        )
    else:
        targets.append(["1,000 clauses compile < 0.5 s", "failed", "0.5 s", "MISSED"])
    largest = max(sizes)
    if largest in per_clause and 100 in per_clause:
        growth = per_clause[largest] / per_clause[100]
        targets.append(
            [
                f"linear: µs/clause at {largest:,} ÷ at 100",
                f"{growth:.2f}",
                "≤ 1.5",
                verdict(growth <= 1.5),
            ]
        )
    else:
        targets.append([f"linear up to {largest:,} clauses", "failed", "≤ 1.5", "MISSED"])
    show("2b. Compile targets", ["target", "measured", "bound", ""], targets)


# -------------------------------------------------------------------------- 3. CLI


def _cli_command() -> list[str]:
    exe = shutil.which("xize")
    if exe:
        return [exe]
    return [
        sys.executable,
        "-c",
        "import sys; from xize.runtime.cli.main import main; sys.exit(main())",
    ]


def _vm_hwm(pid: int) -> int | None:
    """Peak resident set size of a live process (Linux /proc VmHWM), in bytes."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def _children(pid: int) -> list[int]:
    """The live child processes of `pid` (Linux /proc), e.g. `--jobs` workers."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                found.extend(int(c) for c in children.read().split())
    except (OSError, ValueError):
        pass
    return found


def run_cli(args: list[str]) -> tuple[float, float, int, int, int, str]:
    """(wall s, CPU s, peak RSS of the CLI process, of all its processes, exit status,
    stderr tail) of one run.

    Peak RSS: on Linux, the child's VmHWM read from /proc every 20 ms while it runs (the
    last reading before exit); with `--jobs` the workers' VmHWM too, summed over every
    process seen (an upper bound: their peaks need not coincide).  The rusage figure
    (`ru_maxrss` from os.wait4, or getrusage(RUSAGE_CHILDREN)) is used elsewhere, but on
    Linux it cannot be trusted here: exec() carries the parent's own peak RSS into the
    child's ru_maxrss, so after the compile benchmark grew this process, every child
    would report at least that.  CPU is the child's user + system time, which includes
    the workers it waited for.
    """
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([*_cli_command(), *args], stdout=subprocess.DEVNULL, stderr=err)
        peak = None
        peaks: dict[int, int] = {}
        if hasattr(os, "wait4"):
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                peak = _vm_hwm(proc.pid) or peak
                for child in _children(proc.pid):
                    peaks[child] = _vm_hwm(child) or peaks.get(child, 0)
                time.sleep(0.02)
            proc.returncode = os.waitstatus_to_exitcode(status)
        else:  # pragma: no cover - not Linux/macOS
            proc.wait()
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        elapsed = time.perf_counter() - t0
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-800:]
    scale = 1 if sys.platform == "darwin" else 1024  # Linux reports KiB
    cpu = usage.ru_utime + usage.ru_stime
    rss = peak if peak is not None else usage.ru_maxrss * scale
    return elapsed, cpu, rss, rss + sum(peaks.values()), proc.returncode, tail


def bench_cli(quick: bool) -> None:
    sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
    rows = []
    results = {}
    with tempfile.TemporaryDirectory(prefix="xize-bench-") as tmp:
        tmpdir = Path(tmp)
        # 10 rows first: warms the file cache and shows the fixed start-up cost
        for n in [10, *sizes]:
            data = tmpdir / f"rows_{n}.csv"
            workload.write_csv(data, n)
            for jobs in (1, 2) if n >= 100_000 else (1,):
                out = tmpdir / f"out_{n}_{jobs}.csv"
                args = ["score", str(SEED), str(data), "-o", str(out), "--jobs", str(jobs)]
                wall, cpu, rss, total_rss, status, tail = run_cli(args)
                if status != 0:
                    print(f"`xize score` failed on {n:,} rows (exit {status}):\n{tail}")
                    return
                results[n, jobs] = (wall, rss, total_rss)
                label = "10 (start-up)" if n == 10 else f"{n:,}"
                rate = "" if n == 10 else f"{n / wall:,.0f}"
                rows.append(
                    [
                        label,
                        str(jobs),
                        f"{wall:.2f}",
                        f"{cpu:.2f}",
                        rate,
                        f"{rss / 2**20:.0f}",
                        f"{total_rss / 2**20:.0f}" if jobs > 1 else "",
                    ]
                )
                for path in tmpdir.iterdir():
                    if path.name.startswith("out_"):
                        path.unlink()
            data.unlink()
    show(
        "3. `xize score POLICY DATA.csv -o OUT.csv --jobs N` in a subprocess (one run each)",
        ["rows", "jobs", "wall s", "CPU s", "rows/s (wall)", "peak RSS MiB", "+ workers MiB"],
        rows,
        "Includes interpreter start-up, policy compile, CSV reading, and writing the CSV "
        "outputs (totals, items, errors). CPU = user + system time of the CLI process and "
        "its workers. `+ workers`: the peaks of all processes added up.",
    )
    if (1_000_000, 1) in results:
        targets = []
        for jobs in (1, 2):
            wall, rss, total_rss = results[1_000_000, jobs]
            targets.append(
                [f"1M rows < 60 s (--jobs {jobs})", f"{wall:.1f} s", "60 s", verdict(wall < 60)]
            )
            targets.append(
                [
                    f"1M rows peak RSS < 300 MB (--jobs {jobs})",
                    f"{rss / 1e6:.0f} MB"
                    + (f" (all: {total_rss / 1e6:.0f} MB)" if jobs > 1 else ""),
                    "300 MB",
                    verdict(rss < 300e6),
                ]
            )
        show("3b. CLI targets", ["target", "measured", "bound", ""], targets)


# ------------------------------------------------------------------------ profile


def profile(state: dict) -> None:
    policy, units = state["policy"], state["units"]
    for name, fn in (("score", policy.score), ("total", policy.total)):
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(2):
            for u in units:
                fn(u)
        prof.disable()
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out).strip_dirs().sort_stats("tottime")
        stats.print_stats(14)
        print(f"\n--- cProfile of generated `{name}` over {2 * len(units):,} calls (by own time)")
        lines = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
        print("\n".join(lines[start - 2 :]))


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--quick", action="store_true", help="fewer repeats; no 10,000-clause/1M-row cases"
    )
    ap.add_argument(
        "--profile", action="store_true", help="also cProfile the generated score/total"
    )
    ap.add_argument(
        "--only",
        default="scoring,compile,cli",
        help="comma-separated subset of: scoring, compile, cli",
    )
    args = ap.parse_args(argv)
    parts = set(args.only.split(","))
    print(f"machine: {machine()}")
    print(f"mode: {'quick' if args.quick else 'full'}\n")
    state = None
    if "scoring" in parts or args.profile:
        state = bench_scoring(args.quick)
    if args.profile and state:
        profile(state)
    if "compile" in parts:
        bench_compile(args.quick)
    if "cli" in parts:
        bench_cli(args.quick)


if __name__ == "__main__":
    main()
