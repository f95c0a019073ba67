#!/usr/bin/python3
"""Checks `plan export --format mermaid` with the real Mermaid parser.

Each chart (the plans in plans/ and the hostile plan beside this script) is
rendered by the npm `mermaid` package in node (check_mermaid.mjs, with
jsdom), and the title, section and task labels Mermaid draws must equal the
plan's text: exactly, after the one-line folding every view applies (tabs
and line breaks become one space), the chart's cut of long names (60
columns, 100 for the title) and the one space before the task's ':'.

    check_mermaid.py PLAN_BINARY SOURCE_DIR NODE
"""
import json
import os
import re
import subprocess
import sys
import tempfile

PLAN, SOURCE, NODE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = [os.path.join(SOURCE, "plans", "participacion-2021.yaml"),
         os.path.join(SOURCE, "tests", "e2e", "plans", "marked.yaml"),
         os.path.join(HERE, "hostile.yaml")]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def plan(*args):
    r = subprocess.run([PLAN, *args], capture_output=True)
    if r.returncode != 0:
        raise SystemExit(f"plan {' '.join(args)} exited {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def one_line(text):
    """What term.h's one_line does: blanks holding a tab or break become one space."""
    return re.sub(r"[ \t\r\n]*[\t\r\n][ \t\r\n]*", " ", text).strip(" ")


def truncate(text, width):
    """term.h's truncate for text of one column a character (what these plans hold)."""
    return text if len(text) <= width else text[:width - 1] + "…"


def expected(path):
    data = json.loads(plan("export", "--format", "json", "--as-of", "2021-06-30", path))[0]
    tasks = {}
    for line in data["lines"]:
        for act in line["activities"]:
            tasks[act["id"]] = truncate(one_line(act["title"]), 60)
    return truncate(one_line(data["title"]), 100), tasks


def main():
    if not os.path.exists(os.path.join(HERE, "node_modules", "mermaid", "package.json")):
        print("skipped: no Mermaid in tests/export/node_modules (install_tooling.sh: npm ci)")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as d:
        charts = []
        for i, path in enumerate(PLANS):
            chart = os.path.join(d, f"chart{i}.mmd")
            with open(chart, "wb") as f:
                f.write(plan("export", "--format", "mermaid", "--as-of", "2021-06-30", path))
            charts.append(chart)
        r = subprocess.run([NODE, os.path.join(HERE, "check_mermaid.mjs"), *charts],
                           capture_output=True, cwd=HERE)
        check(r.returncode == 0, f"Mermaid reads every chart: {r.stderr.decode()[-2000:]}")
        if r.returncode != 0:
            return
        drawn = json.loads(r.stdout)
    for path, chart in zip(PLANS, drawn):
        name = os.path.basename(path)
        title, tasks = expected(path)
        check(chart["title"] == [title], f"{name}: title {chart['title']} != {title!r}")
        check(all(re.fullmatch(r"(Línea|Line) \d+", s) for s in chart["sections"]),
              f"{name}: sections {chart['sections']}")
        check(set(chart["elements"]) <= {"tspan"}, f"{name}: elements in labels {chart['elements']}")
        seen = {}
        for label in chart["tasks"]:
            address, _, text = label.partition(" ")
            seen[address] = text[:-1] if text.endswith(" ") else text
        check(seen.keys() == tasks.keys(), f"{name}: tasks {sorted(seen)} != {sorted(tasks)}")
        for address, text in tasks.items():
            check(seen.get(address) == text, f"{name}: task {address} {seen.get(address)!r} != {text!r}")


main()
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
