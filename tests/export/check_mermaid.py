#!/usr/bin/python3
"""Checks `plan export --format mermaid` with the real Mermaid parser.

Each chart (the plans in plans/ and the hostile plans beside this script) is
rendered by the npm `mermaid` package in node (check_mermaid.mjs, with
jsdom), and the title, section and task labels Mermaid draws must equal the
plan's text: exactly, after the one-line folding every view applies (tabs
and line breaks become one space), the chart's cut of long names (60
columns, 40 for a section's line title, 100 for the title) and the one
space before the task's ':'.

Then the axis and the as-of date, from what Mermaid parsed: no "today"
line; a tick every month (a quarter, a year for longer plans) labelled
YYYY-MM; and the as-of date as a `vert` marker at that date, left out when
the date is outside the chart. Every chart is read twice: by the Mermaid
GitHub draws with (`mermaid`, 11.17) and by GitLab's (`mermaid-10`,
10.7.0), which has no `vert` and must still read the chart, drawing the
marker as a zero-length task at the as-of date.

    check_mermaid.py PLAN_BINARY SOURCE_DIR NODE
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import date, timedelta

PLAN, SOURCE, NODE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = "2021-06-30"
# (plan, as-of date): the last one is after the 2021 plan's chart.
CHARTS = [(os.path.join(SOURCE, "plans", "participacion-2021.yaml"), AS_OF),
          (os.path.join(SOURCE, "tests", "e2e", "plans", "marked.yaml"), AS_OF),
          (os.path.join(HERE, "hostile.yaml"), AS_OF),
          (os.path.join(HERE, "mermaid-sections.yaml"), AS_OF),
          (os.path.join(SOURCE, "plans", "participacion-2021.yaml"), "2030-01-01")]
MODULES = ["mermaid", "mermaid-10"]
MARKER = re.compile(r"(Corte|As of) (\d{4}-\d{2}-\d{2})")
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


def expected(path, as_of):
    """The plan as `plan export --format json` gives it: what the chart must show."""
    data = json.loads(plan("export", "--format", "json", "--as-of", as_of, path))[0]
    tasks, starts, ends = {}, [], []
    for line in data["lines"]:
        for act in line["activities"]:
            tasks[act["id"]] = truncate(one_line(act["title"]), 60)
            starts.append(date.fromisoformat(act["start"]))
            ends.append(date.fromisoformat(act["end"]) + timedelta(days=1))
    sections = []
    for line in data["lines"]:
        # A name already used gets the line's number, as Mermaid would
        # merge two sections of one name.
        name = truncate(one_line(line["title"]), 40)
        if name in sections:
            suffix = f" ({line['id']})"
            name = truncate(one_line(line["title"]), 40 - len(suffix)) + suffix
        sections.append(name)
    span = (min(starts), max(ends)) if starts else None
    return truncate(one_line(data["title"]), 100), sections, tasks, span


def expected_ticks(span):
    """The first of each month in the chart, every 1, 3 or 12 months (d3's
    timeMonth.every counts months from January), as YYYY-MM."""
    first, after = span
    months = (after.year - first.year) * 12 + after.month - first.month
    every = 1 if months <= 18 else 3 if months <= 54 else 12
    ticks, y, m = [], first.year, first.month
    while date(y, m, 1) <= after:
        if date(y, m, 1) >= first and (m - 1) % every == 0:
            ticks.append(f"{y:04}-{m:02}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return f"{every}month", ticks


def read_charts(module, files):
    r = subprocess.run([NODE, os.path.join(HERE, "check_mermaid.mjs"), "--module", module, *files],
                       capture_output=True, cwd=HERE)
    check(r.returncode == 0, f"{module} reads every chart: {r.stderr.decode()[-2000:]}")
    return json.loads(r.stdout) if r.returncode == 0 else []


def check_marker(name, chart, as_of, span):
    """The as-of date is a `vert` marker (a zero-length task in Mermaid 10),
    and nothing else is: no "today" line."""
    check(chart["todayMarker"] == "off" and chart["todayLines"] == 0,
          f"{name}: Mermaid's today line is off ({chart['todayMarker']!r}, {chart['todayLines']})")
    markers = [i for i in chart["items"] if MARKER.fullmatch(i["name"].strip())]
    inside = span is not None and span[0] <= date.fromisoformat(as_of) <= span[1]
    if not inside:
        check(markers == [] and chart["vertLines"] == 0, f"{name}: no marker outside the chart: {markers}")
        return
    check(len(markers) == 1, f"{name}: one as-of marker: {markers}")
    for m in markers:
        check(MARKER.fullmatch(m["name"].strip()).group(2) == as_of and m["start"] == as_of
              and m["end"] == as_of, f"{name}: the marker is at {as_of}: {m}")
        if chart["module"] == "mermaid":
            check(m["vert"] and chart["vertLines"] == 1, f"{name}: the marker is a vert line: {m}")


def check_chart(path, as_of, chart):
    name = f"{os.path.basename(path)} --as-of {as_of} ({chart['module']})"
    title, sections, tasks, span = expected(path, as_of)
    check(chart["title"] == [title], f"{name}: title {chart['title']} != {title!r}")
    check_marker(name, chart, as_of, span)
    # Mermaid 10 puts the marker, which comes before the first section, in a
    # section without a name.
    drawn = chart["sections"]
    if drawn[:1] == [""] and chart["module"] != "mermaid":
        drawn = drawn[1:]
    check(drawn == sections, f"{name}: sections {drawn} != {sections}")
    check(set(chart["elements"]) <= {"tspan"}, f"{name}: elements in labels {chart['elements']}")
    if span is not None:
        interval, ticks = expected_ticks(span)
        check(chart["tickInterval"] == interval and chart["axisFormat"] == "%Y-%m",
              f"{name}: axis {chart['tickInterval']} {chart['axisFormat']} != {interval} %Y-%m")
        check(chart["ticks"] == ticks, f"{name}: ticks {chart['ticks']} != {ticks}")
    seen = {}
    for label in chart["tasks"]:
        if MARKER.fullmatch(label.strip()):
            continue
        address, _, text = label.partition(" ")
        seen[address] = text[:-1] if text.endswith(" ") else text
    check(seen.keys() == tasks.keys(), f"{name}: tasks {sorted(seen)} != {sorted(tasks)}")
    for address, text in tasks.items():
        check(seen.get(address) == text, f"{name}: task {address} {seen.get(address)!r} != {text!r}")


def long_plan(directory, year, month):
    """A plan from January 2021 to the month given, for the ticks of a plan
    longer than a year and a half (a quarter) or than four and a half (a year)."""
    path = os.path.join(directory, f"long-{year}-{month:02}.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"""version: 1
plan:
  id: long-{year}
  title: Long plan
  period: {{start: 2021-01, end: {year}-{month:02}}}
owners:
  SG: {{name: Secretaría General}}
lines:
  - id: 1
    title: Long line
    lead: [SG]
    activities:
      - id: 1
        title: First
        start: 2021-01
        end: 2021-12
      - id: 2
        title: Last
        start: {year}-01
        end: {year}-{month:02}
""")
    return path


def check_docs_chart():
    """docs/gantt-2021.md shows the chart `plan export` writes now: GitHub
    draws that page, so a stale chart there is what readers see."""
    text = open(os.path.join(SOURCE, "docs", "gantt-2021.md"), encoding="utf-8").read()
    shown = re.search(r"```mermaid\n(.*?)```", text, re.S)
    now = plan("export", "--format", "mermaid", "--as-of", AS_OF, CHARTS[0][0]).decode()
    check(shown is not None and shown.group(1) == now, "docs/gantt-2021.md shows the chart as exported now")


def main():
    check_docs_chart()
    for module in MODULES:
        if not os.path.exists(os.path.join(HERE, "node_modules", module, "package.json")):
            print(f"skipped: no {module} in tests/export/node_modules (install_tooling.sh: npm ci)")
            sys.exit(77)
    with tempfile.TemporaryDirectory() as d:
        charts = CHARTS + [(long_plan(d, 2023, 6), AS_OF), (long_plan(d, 2026, 12), AS_OF)]
        files = []
        for i, (path, as_of) in enumerate(charts):
            chart = os.path.join(d, f"chart{i}.mmd")
            with open(chart, "wb") as f:
                f.write(plan("export", "--format", "mermaid", "--as-of", as_of, path))
            files.append(chart)
        for module in MODULES:
            drawn = read_charts(module, files)
            for (path, as_of), chart in zip(charts, drawn):
                check_chart(path, as_of, chart)


main()
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
