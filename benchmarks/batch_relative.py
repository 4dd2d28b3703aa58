"""`xize score` on a policy scored relative to the batch, against a plain policy.

`python benchmarks/batch_relative.py [--rows 100000,1000000] [--jobs 1,2]`

The ranked policy has rank points on a subtotal (按【(一)得分】排名), a best-in-batch share
(最高者得满分), an offset from the batch mean (低于全市平均值5个百分点的) and 一票否优; the
plain policy has the same facts and outline with those clauses written against fixed
numbers, so both read the same CSV and differ only in needing the batch.  Each size runs
both policies with each `--jobs`, one run each in a subprocess, and prints rows, policy,
jobs, wall, CPU (user + system of the CLI and the workers it waited for), rows/s, peak
RSS of the CLI process and of all its processes added up, and the ratio of CPU time, wall
time and RSS to the plain policy with the same `--jobs` (CPU is the fair one on a machine
whose cores other work shares).  The outputs of every `--jobs` are
compared byte for byte.  Nothing is asserted about time.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RANKED = """\
细则：排名示例
年度：2024
满分：100分
精度：0.01

数据：
  缺会次数：次，默认0
  受理率：百分比
  化解率：百分比
  通报批评：是否，默认否
  弄虚作假：是否，默认否

(一)基础工作(40分)
  1、会议(20分)
    - 【缺会次数】每缺1次扣2分
  2、受理(20分)
    - 【受理率】低于全市平均值5个百分点的，每低于平均值1个百分点扣1分
(二)化解成效(40分)
  - 【化解率】最高者得满分，其余按与最高者的比例得分
(三)综合排名(20分)
  - 按【(一)得分】排名，第1名得20分，其余按与第1名的比例得分
  - 【通报批评】不得评为优秀
  - 【弄虚作假】取消考评资格

等次：
  优秀：90分以上
  良好：80分以上
  合格：60分以上
  不合格：其余
"""

#: The same facts and outline, every clause against fixed numbers.
PLAIN = (
    RANKED.replace(
        "低于全市平均值5个百分点的，每低于平均值1个百分点扣1分", "应达到85%，每低于1个百分点扣1分"
    )
    .replace("最高者得满分，其余按与最高者的比例得分", "应达到95%，每低于1个百分点扣1分")
    .replace(
        "按【(一)得分】排名，第1名得20分，其余按与第1名的比例得分", "【缺会次数】超过3次的，扣5分"
    )
)


def write_csv(path: Path, rows: int, seed: int = 12) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("单位,缺会次数,受理率,化解率,通报批评,弄虚作假\n")
        lines = []
        for i in range(rows):
            lines.append(
                f"单位{i:07d},{rnd.choice('0001237')},{rnd.randint(600, 1000) / 10},"
                f"{rnd.randint(300, 1000) / 10},{'是' if rnd.random() < 0.1 else '否'},"
                f"{'是' if rnd.random() < 0.005 else '否'}\n"
            )
            if len(lines) == 10_000:
                out.writelines(lines)
                lines.clear()
        out.writelines(lines)


def machine() -> str:
    try:
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "n/a"
    return (
        f"{platform.platform()} | cpus {os.cpu_count()} | load avg {load} | "
        f"Python {platform.python_version()}"
    )


def _command() -> list[str]:
    exe = shutil.which("xize")
    if exe:
        return [exe]
    return [sys.executable, "-m", "xize.runtime.cli"]


def _vm_hwm(pid: int) -> int:
    """Peak resident set size of a live process (Linux /proc VmHWM), in bytes; 0 if gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return 0
    return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                found.extend(int(c) for c in f.read().split())
    except (OSError, ValueError):
        pass
    return found


def run(args: list[str]) -> tuple[float, float, int, int, int]:
    """(wall s, CPU s, peak RSS of the CLI process, of all its processes, exit status).
    Peaks are VmHWM polled every 20 ms (ru_maxrss would carry this process's own peak
    into the child's figure on Linux)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([*_command(), *args], stdout=subprocess.DEVNULL, stderr=err)
        peak, peaks = 0, {}
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = _vm_hwm(proc.pid) or peak
            for child in _children(proc.pid):
                peaks[child] = _vm_hwm(child) or peaks.get(child, 0)
            time.sleep(0.02)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            sys.exit(f"xize score failed ({code}):\n{err.read().decode('utf-8', 'replace')}")
    return wall, usage.ru_utime + usage.ru_stime, peak, peak + sum(peaks.values()), code


def same_outputs(folder: Path, stems: list[str]) -> bool:
    """Whether every output file is byte-identical across `stems`; the first difference
    is printed."""
    first = sorted(p.name[len(stems[0]) :] for p in folder.glob(f"{stems[0]}*"))
    for stem in stems[1:]:
        for suffix in first:
            a, b = folder / (stems[0] + suffix), folder / (stem + suffix)
            if not b.exists() or not filecmp.cmp(a, b, False):
                print(f"  {a.name} and {b.name} differ")
                with a.open("rb") as fa, b.open("rb") as fb:
                    for number, (x, y) in enumerate(zip(fa, fb, strict=False), start=1):
                        if x != y:
                            print(f"  line {number}:\n    {x!r}\n    {y!r}")
                            break
                return False
    return True


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="100000,1000000", help="comma-separated sizes")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    args = ap.parse_args(argv)
    sizes = [int(n) for n in args.rows.split(",")]
    jobs_list = [int(n) for n in args.jobs.split(",")]
    print(f"machine: {machine()}")
    header = [
        "rows",
        "policy",
        "jobs",
        "wall s",
        "CPU s",
        "rows/s",
        "RSS MiB",
        "all MiB",
        "× plain",
    ]
    lines = [header]
    with tempfile.TemporaryDirectory(prefix="xize-rank-bench-") as tmp:
        folder = Path(tmp)
        (folder / "ranked.rule").write_text(RANKED, encoding="utf-8")
        (folder / "plain.rule").write_text(PLAIN, encoding="utf-8")
        for n in sizes:
            data = folder / f"rows_{n}.csv"
            write_csv(data, n)
            plain: dict[int, tuple[float, float, int]] = {}
            for name in ("plain", "ranked"):
                stems = []
                for jobs in jobs_list:
                    stem = f"{name}_{n}_{jobs}"
                    stems.append(stem)
                    out = folder / f"{stem}.csv"
                    wall, cpu, rss, total, _ = run(
                        [
                            "score",
                            str(folder / f"{name}.rule"),
                            str(data),
                            "-o",
                            str(out),
                            "-j",
                            str(jobs),
                        ]
                    )
                    if name == "plain":
                        plain[jobs] = (cpu, wall, rss)
                        ratio = ""
                    else:
                        base_cpu, base_wall, base_rss = plain[jobs]
                        ratio = (
                            f"CPU {cpu / base_cpu:.2f}, wall {wall / base_wall:.2f}, "
                            f"RSS {rss / base_rss:.2f}"
                        )
                    lines.append(
                        [
                            f"{n:,}",
                            name,
                            str(jobs),
                            f"{wall:.1f}",
                            f"{cpu:.1f}",
                            f"{n / wall:,.0f}",
                            f"{rss / 2**20:.0f}",
                            f"{total / 2**20:.0f}",
                            ratio,
                        ]
                    )
                    print("  ".join(lines[-1]), flush=True)
                identical = same_outputs(folder, stems)
                print(f"  {name} {n:,} rows: outputs identical for every --jobs: {identical}")
                for path in folder.glob(f"{name}_{n}_*"):
                    path.unlink()
            data.unlink()
    print(f"\nmachine: {machine()}")
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    for row in lines:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
