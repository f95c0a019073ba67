#!/usr/bin/env python3
"""Benchmark `plan` on synthetic plans: median wall time and peak memory.

Generates plans of the requested sizes with bench/gen_plan.py (cached in
build/bench/), runs each command several times, and prints one row per
(command, size): the median wall time of the runs and the peak resident
memory (the largest of the runs), both measured on the child process itself
(os.wait4), so Python's own start-up is not counted.

    bench/bench.py                         # 1,000 and 10,000 activities
    bench/bench.py --sizes 10000 --runs 9
    bench/bench.py --plan build/debug/plan

Never assert these numbers in a test: machines are shared and noisy; compare
ratios measured in one run.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

COMMANDS = {
    "validate": ["validate", "{file}"],
    "list --format json": ["list", "--format", "json", "--as-of", "2021-06-30", "{file}"],
}


def generate(size, out_dir):
    path = os.path.join(out_dir, f"bench-{size}.yaml")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_plan.py"),
                        "--activities", str(size), "-o", path], check=True)
    return path


def run_once(argv):
    """Wall seconds and peak RSS (KiB) of one run, output discarded."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(argv, stdout=null, stderr=null)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"bench: {' '.join(argv)} exited {code}")
    return wall, usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plan", default=os.path.join(ROOT, "build", "release", "plan"))
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--commands", default=",".join(COMMANDS))
    args = ap.parse_args()

    out_dir = os.path.join(ROOT, "build", "bench")
    os.makedirs(out_dir, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"# {os.cpu_count()} cores; median of {args.runs} runs; peak RSS is the max")
    print(f"{'command':<22} {'activities':>10} {'bytes':>11} {'median s':>9} {'peak MiB':>9}")
    for name in args.commands.split(","):
        for size in sizes:
            path = generate(size, out_dir)
            argv = [args.plan] + [a.replace("{file}", path) for a in COMMANDS[name]]
            runs = [run_once(argv) for _ in range(args.runs)]
            median = statistics.median(w for w, _ in runs)
            peak = max(m for _, m in runs) / 1024
            print(f"{name:<22} {size:>10} {os.path.getsize(path):>11} {median:>9.3f} {peak:>9.1f}")


if __name__ == "__main__":
    main()
