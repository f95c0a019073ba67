#!/usr/bin/env python3
"""Benchmark `plan` on synthetic plans against the yaml-cpp floor.

For each size (activities) it generates a plan with bench/gen_plan.py
(cached in build/bench/), runs every command --runs times, and prints the
median wall time and the peak resident memory (the largest of the runs),
the wall time measured around each run and the peak memory read by GNU time
(/usr/bin/time) on one more run, so Python's own memory is not counted.
Ratios compare medians measured in the same run:

  floor      a bare yaml-cpp event parse of the file (bench/floor.cpp)
  libyaml    the same parse with libyaml (bench/floor_libyaml.cpp), when built
  libyaml loader  plan's own loader and validation driven by libyaml instead
             of yaml-cpp (bench/libyaml_loader.cpp): "valid." loads and
             validates once, "mark" twice, the parsing `plan mark` does;
             first checked to give the same model and diagnostics as plan
  x floor    the command's time over the floor's
  x valid.   the command's time over `plan validate`'s on the same file
  100k/10k   the time at 100,000 activities over the time at 10,000

`--taskwarrior` also times `plan status` on the 2021 plan against
Taskwarrior's `task list` on the same 14 activities (Debian's taskwarrior).

    bench/bench.py                              # build/release binaries
    bench/bench.py --sizes 1000,10000 --runs 9
    bench/bench.py --bin build/perf --taskwarrior

Never assert these numbers in a test: machines are shared and noisy.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = ["--as-of", "2021-12-31"]

# name -> argv after the binary; {file} is the plan file.
COMMANDS = {
    "validate": ["validate", *AS_OF, "{file}"],
    "status": ["status", "--color", "never", "--width", "100", *AS_OF, "{file}"],
    "timeline --width 200": ["timeline", "--color", "never", "--width", "200", *AS_OF, "{file}"],
    "list --format json": ["list", "--format", "json", *AS_OF, "{file}"],
    "mark": ["mark", "1.1", "--note", "bench", "--date", "2021-12-31", *AS_OF, "{file}"],
}

# plan's command -> (mode of bench/libyaml_loader.cpp, its row's label).
LOADER_ROWS = {
    "validate": ("validate", "libyaml loader valid."),
    "mark": ("mark", "libyaml loader mark"),
}


def generate(size, out_dir):
    path = os.path.join(out_dir, f"bench-{size}.yaml")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_plan.py"),
                        "--activities", str(size), "-o", path], check=True)
    return path


def run_once(argv, prepare=None):
    """Wall seconds of one run, output discarded."""
    if prepare:
        prepare()
    start = time.perf_counter()
    r = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if r.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} exited {r.returncode}: {r.stderr.decode()}")
    return wall


def peak_kib(argv, prepare=None):
    """Peak RSS (KiB) of one run, read by GNU time from its own small child:
    a child forked from Python would count Python's pages too."""
    if prepare:
        prepare()
    with tempfile.NamedTemporaryFile("r") as out:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name, *argv],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return int(out.read().strip().splitlines()[-1])


def measure(argv, runs, prepare=None):
    """Median wall seconds of `runs` runs, and the peak RSS in MiB."""
    median = statistics.median(run_once(argv, prepare) for _ in range(runs))
    return median, peak_kib(argv, prepare) / 1024


def taskwarrior(plan_bin, runs):
    task = shutil.which("task")
    if task is None:
        print("\n# taskwarrior: not installed (apt-get install taskwarrior)")
        return
    plan_file = os.path.join(ROOT, "plans", "participacion-2021.yaml")
    acts = json.loads(subprocess.run([plan_bin, "list", "--format", "json", *AS_OF, plan_file],
                                     capture_output=True, check=True).stdout)
    with tempfile.TemporaryDirectory() as d:
        rc = os.path.join(d, "taskrc")
        with open(rc, "w") as f:
            f.write(f"data.location={d}/data\nconfirmation=off\nverbose=nothing\n"
                    "color=off\nnews.version=2.6.2\n")
        env = dict(os.environ, TASKRC=rc)
        for a in acts:
            subprocess.run([task, "add", a["title"][:60], f"due:{a['end']}", f"project:l{a['line']}"],
                           env=env, capture_output=True, check=True)
        os.environ["TASKRC"] = rc
        t_task, m_task = measure([task, "list"], runs)
        del os.environ["TASKRC"]
    t_plan, m_plan = measure([plan_bin, "status", "--color", "never", "--width", "100", *AS_OF,
                              plan_file], runs)
    print(f"\n# 2021 plan (14 activities), median of {runs} runs")
    print(f"{'task list (taskwarrior)':<28} {t_task * 1000:8.2f} ms {m_task:8.1f} MiB")
    print(f"{'plan status':<28} {t_plan * 1000:8.2f} ms {m_plan:8.1f} MiB")
    print(f"{'plan status / task list':<28} {t_plan / t_task:8.2f} x")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "release"),
                    help="build directory holding plan and bench/plan_bench_floor")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--commands", default=",".join(COMMANDS))
    ap.add_argument("--taskwarrior", action="store_true")
    args = ap.parse_args()

    plan_bin = os.path.join(args.bin, "plan")
    floor_bin = os.path.join(args.bin, "bench", "plan_bench_floor")
    libyaml_bin = os.path.join(args.bin, "bench", "plan_bench_floor_libyaml")
    loader_bin = os.path.join(args.bin, "bench", "plan_bench_libyaml")
    out_dir = os.path.join(ROOT, "build", "bench")
    os.makedirs(out_dir, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.commands.split(",")
    print(f"# {os.cpu_count()} cores; median wall time of {args.runs} runs; peak RSS by GNU time")
    print(f"{'command':<22} {'activities':>10} {'MB':>6} {'median s':>9} {'peak MiB':>9} "
          f"{'x floor':>8} {'x valid.':>8}")
    times = {}
    for size in sizes:
        path = generate(size, out_dir)
        mb = os.path.getsize(path) / 1e6
        floor, floor_mem = measure([floor_bin, path], args.runs)
        times[("floor", size)] = floor
        print(f"{'floor (yaml-cpp events)':<22} {size:>10} {mb:>6.1f} {floor:>9.3f} {floor_mem:>9.1f}")
        if os.path.exists(libyaml_bin):
            t, mem = measure([libyaml_bin, path], args.runs)
            times[("libyaml", size)] = t
            print(f"{'libyaml events':<22} {size:>10} {mb:>6.1f} {t:>9.3f} {mem:>9.1f} {t / floor:>8.2f}")
        if os.path.exists(loader_bin):
            same = subprocess.run([loader_bin, "compare", path], capture_output=True, text=True)
            if same.returncode != 0:
                sys.exit(f"the libyaml loader disagrees with plan: {same.stdout}{same.stderr}")
            for mode, label in LOADER_ROWS.values():
                t, mem = measure([loader_bin, mode, path], args.runs)
                times[(label, size)] = t
                print(f"{label:<22} {size:>10} {mb:>6.1f} {t:>9.3f} {mem:>9.1f} {t / floor:>8.2f}")
        scratch = os.path.join(out_dir, f"scratch-{size}.yaml")
        for name in names:
            argv = [plan_bin] + [a.replace("{file}", path) for a in COMMANDS[name]]
            prepare = None
            if name == "mark":  # mark writes: give it a fresh copy each run
                argv = [a if a != path else scratch for a in argv]
                prepare = lambda: shutil.copyfile(path, scratch)
            t, mem = measure(argv, args.runs, prepare)
            times[(name, size)] = t
            valid = times.get(("validate", size))
            rel = f"{t / valid:>8.2f}" if valid and name != "validate" else f"{'':>8}"
            print(f"{name:<22} {size:>10} {mb:>6.1f} {t:>9.3f} {mem:>9.1f} {t / floor:>8.2f} {rel}")
    if 10000 in sizes and 100000 in sizes:
        print("\n# growth from 10,000 to 100,000 activities (linear is 10)")
        for name in ["floor"] + names:
            print(f"{name:<22} {times[(name, 100000)] / times[(name, 10000)]:>6.2f}")
    if any(k[0] == LOADER_ROWS["validate"][1] for k in times):
        print("\n# what a libyaml-based loader would gain (plan's time over the libyaml loader's)")
        for size in sizes:
            for plan_name, (_, label) in LOADER_ROWS.items():
                if (plan_name, size) in times and (label, size) in times:
                    print(f"{plan_name:<22} {size:>10} "
                          f"{times[(plan_name, size)] / times[(label, size)]:>6.2f}x faster")
    if args.taskwarrior:
        taskwarrior(plan_bin, max(args.runs, 20))


if __name__ == "__main__":
    main()
