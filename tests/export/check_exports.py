#!/usr/bin/python3
"""Checks `plan export` and `plan report` with real parsers.

CSV through Python's csv module, iCalendar through python3-icalendar, JSON
through json, HTML through html.parser; Mermaid against the gantt grammar
line by line; and the C1 report of a marked copy of the 2021 plan against
figures computed by hand.

    check_exports.py PLAN_BINARY SOURCE_DIR
"""
import csv
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import icalendar

PLAN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PLAN_2021 = os.path.join(SOURCE, "plans", "participacion-2021.yaml")
MARKED = os.path.join(SOURCE, "tests", "e2e", "plans", "marked.yaml")
LATE = os.path.join(SOURCE, "tests", "e2e", "plans", "late", "late.yaml")
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def plan(*args, cwd=None):
    r = subprocess.run([PLAN, *args], capture_output=True, cwd=cwd)
    if r.returncode != 0:
        raise SystemExit(f"plan {' '.join(args)} exited {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def activities_2021():
    return json.loads(plan("list", "--format", "json", "--as-of", "2021-06-30", PLAN_2021))


def test_csv():
    expected = activities_2021()
    for bom in (False, True):
        # --codes: the machine form, whose column names and order are
        # documented (check_csv_excel.py reads the form for people).
        raw = plan("export", "--format", "csv", "--codes", "--as-of", "2021-06-30", PLAN_2021,
                   *(["--bom"] if bom else []))
        check(raw.startswith(b"\xef\xbb\xbf") == bom, f"csv BOM {bom}")
        check(b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n"), "csv lines end in CRLF")
        text = raw.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        check(rows[0] == ["plan", "id", "line", "line_title", "title", "lead", "support", "start",
                          "end", "product", "progress", "expected", "status", "signal",
                          "last_update", "last_note", "done_late_days", "done_on",
                          "last_evidence", "last_by", "weight"],
              "csv header in the documented order")
        check(len(rows) == 15, f"csv has 14 activity rows, got {len(rows) - 1}")
        for row, act in zip(rows[1:], expected):
            check(row[1] == act["id"] and row[4] == act["title"], f"csv row {act['id']} title")
            check(row[7] == act["start"] and row[8] == act["end"], f"csv row {act['id']} dates")
            check(row[5] == ", ".join(act["lead"]), f"csv row {act['id']} lead")
    # A title with a comma, a note with a quote: round-trip through the parser.
    rows = list(csv.reader(io.StringIO(plan("export", "--format", "csv", "--codes", "--as-of",
                                            "2021-06-30", MARKED).decode(), newline="")))
    check(rows[1][15] == "Publicado: intranet y correo", "csv last note")
    check(rows[1][18:] == ["https://intranet.example/politica", "EPC", "1"],
          "csv last evidence, reported by and weight")


def test_ics():
    raw = plan("export", "--format", "ics", "--as-of", "2021-06-30", PLAN_2021)
    check(raw.count(b"\n") == raw.count(b"\r\n"), "ics lines end in CRLF")
    check(all(len(l) <= 75 for l in raw.split(b"\r\n")), "ics lines fold at 75 octets")
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    check(len(events) == 14, f"ics has 14 events, got {len(events)}")
    acts = {a["id"]: a for a in activities_2021()}
    uids = set()
    for ev in events:
        uid = str(ev["UID"])
        uids.add(uid)
        address = uid[len("participacion-2021-"):-len("@plan")]
        act = acts.get(address)
        check(act is not None, f"ics UID {uid} names an activity")
        if act is None:
            continue
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        check(start.isoformat() == act["start"], f"ics {address} DTSTART")
        # All-day events end the day after the last day.
        import datetime
        check((end - datetime.timedelta(days=1)).isoformat() == act["end"], f"ics {address} DTEND")
        check(str(ev["SUMMARY"]) == f"{address} {act['title']}", f"ics {address} SUMMARY unfolds")
        check("Líder: " in str(ev["DESCRIPTION"]), f"ics {address} DESCRIPTION")
    check(len(uids) == 14, "ics UIDs are unique")
    again = plan("export", "--format", "ics", "--as-of", "2021-06-30", PLAN_2021)
    check(raw == again, "ics output is stable")


def test_mermaid():
    text = plan("export", "--format", "mermaid", "--as-of", "2021-06-30", PLAN_2021).decode()
    lines = text.splitlines()
    check(lines[0] == "gantt", "mermaid starts with gantt")
    check("    dateFormat YYYY-MM-DD" in lines, "mermaid dateFormat")
    task = re.compile(r"^    [^:;#]+ :((done|active|crit), )?a\d+_\d+, \d{4}-\d{2}-\d{2}, \d{4}-\d{2}-\d{2}$")
    check("    todayMarker off" in lines, "mermaid has no today line")
    check(lines.count("    Corte 2021-06-30 :vert, 2021-06-30, 0d") == 1, "mermaid marks the as-of date")
    sections = tasks = 0
    for line in lines[1:]:
        if re.match(r"    (title|dateFormat|axisFormat|tickInterval|todayMarker) |    Corte ", line):
            continue
        if line.startswith("    section "):
            sections += 1
            continue
        check(task.match(line) is not None, f"mermaid task line: {line!r}")
        tasks += 1
    check(sections == 5 and tasks == 14, f"mermaid has 5 sections and 14 tasks ({sections}, {tasks})")
    check(":crit, a1_1, 2021-03-01, 2021-06-01" in text, "mermaid late task is crit, end exclusive")
    check(":active, a2_3, 2021-06-01, 2021-07-01" in text, "mermaid in-progress task is active")


def test_json():
    data = json.loads(plan("export", "--format", "json", "--as-of", "2021-06-30", PLAN_2021))
    check(len(data) == 1 and list(data[0])[:4] == ["id", "title", "entity", "period"], "json keys")
    check(len(data[0]["lines"]) == 5, "json has 5 lines")
    check(sum(len(l["activities"]) for l in data[0]["lines"]) == 14, "json has 14 activities")
    d51 = data[0]["lines"][4]["activities"][0]["deliverables"]
    check([d["owner"] for d in d51] == ["OAPS", "SG"], "json deliverables of 5.1")


def test_markdown():
    text = plan("export", "--format", "markdown", "--as-of", "2021-06-30", PLAN_2021).decode()
    check(text.count("\n## Línea ") == 5, "markdown has a heading per line")
    rows = [l for l in text.splitlines() if re.match(r"^\| \d+\.\d+ \|", l)]
    check(len(rows) == 14, "markdown has 14 activity rows")
    check(all(l.count("|") - l.count("\\|") == 10 for l in rows), "markdown rows have 9 cells")


class Checker(html.parser.HTMLParser):
    VOID = {"meta", "br", "img", "link", "hr", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tables = [], [], []  # rows of each table

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(0)
        if tag == "tr":
            self.tables[-1] += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def test_report():
    with tempfile.TemporaryDirectory() as d:
        shutil.copy(PLAN_2021, os.path.join(d, "p.yaml"))
        for args in (["1.1", "50", "--date", "2021-04-15"], ["1.2", "100", "--date", "2021-04-20"],
                     ["3.1", "80", "--date", "2021-03-31"], ["2.1", "30", "--date", "2021-05-10"]):
            plan("mark", *args, "--as-of", "2021-06-30", "p.yaml", cwd=d)
        text = plan("report", "--period", "C1", "p.yaml", cwd=d).decode()
        check("**Fecha de corte:** 30 de abril de 2021 (C1)" in text, "report cut-off")
        # Figures by hand at 2021-04-30 (see the comments):
        # 1.1 Mar 1–May 31, 61 of 92 days: programmed 66; executed 50; 50/66.3 = 75%.
        # 1.2 done by 04-20: 100, 100, 100%. 3.1: 100, 80, 80%.
        # 2.1's update of 05-10 is after the cut-off: executed 0.
        # 4.1 Feb 1–May 31, 89 of 120 days: 74.
        # Overall: progress 230/14 = 16; expected 706.8/14 = 50.
        rows = {}
        for l in text.splitlines():
            m = re.match(r"^\| (\d+\.\d+) \|", l)
            if m:
                cells = [c.strip() for c in l.strip("|").split(" | ")]
                rows[m.group(1)] = cells
        check(rows["1.1"][6:9] == ["66%", "50%", "75%"], f"report 1.1 {rows['1.1'][6:9]}")
        check(rows["1.2"][6:9] == ["100%", "100%", "100%"], f"report 1.2 {rows['1.2'][6:9]}")
        check(rows["3.1"][6:9] == ["100%", "80%", "80%"], f"report 3.1 {rows['3.1'][6:9]}")
        check(rows["2.1"][6:9] == ["100%", "0%", "0%"], f"report 2.1 {rows['2.1'][6:9]}")
        check(rows["4.1"][6:8] == ["74%", "0%"], f"report 4.1 {rows['4.1'][6:8]}")
        check(rows["2.2"][6:9] == ["0%", "0%", "—"], f"report 2.2 {rows['2.2'][6:9]}")
        # The third column is the activity's product, the matrices' "meta o producto".
        check(rows["1.1"][2] == "Divulgación Institucional", f"report 1.1 product {rows['1.1'][2]!r}")
        check("**Avance general:** 16% (esperado 50%)" in text, "report overall figures")
        check("| 1 | Apropiación" in text and "| 83% | 75% | 🟢 verde |" in text, "report line 1")
        # The report at C1 does not change after later marks.
        plan("mark", "1.1", "90", "--date", "2021-06-01", "--as-of", "2021-06-30", "p.yaml", cwd=d)
        check(plan("report", "--period", "C1", "p.yaml", cwd=d).decode() == text,
              "report C1 is stable after later marks")
        page = plan("report", "--period", "C1", "--format", "html", "p.yaml", cwd=d).decode()
        c = Checker()
        c.feed(page)
        check(not c.errors and not c.stack, f"html is well formed ({c.errors}, {c.stack})")
        # The lines first and the activities last; between them, the period's changes.
        check(len(c.tables) >= 3 and c.tables[0] == 1 + 5 and c.tables[-1] == 1 + 14,
              f"html has 5 line rows and 14 activity rows ({c.tables})")
        changes = page[page.index("Cambios del periodo"):page.index("<h2>Actividades")]
        check(all(d in changes for d in ("2021-03-31", "2021-04-15", "2021-04-20"))
              and "2021-05-10" not in changes, "html lists the updates of C1 in its changes")
        check('<html lang="es">' in page and "Fecha de corte" in page, "html language and cut-off")


def test_done_late():
    """On time or late, as JSON, CSV and the report give it to other programs."""
    want = {"1.1": (0, "2022-03-20"), "1.2": (15, "2022-06-15"), "1.3": (0, None),
            "2.1": (1, "2022-06-01"), "2.2": (0, None), "2.3": (0, None)}
    listed = json.loads(plan("list", "--format", "json", "--as-of", "2022-06-30", LATE))
    got = {a["id"]: (a["done_late_days"], a["done_on"]) for a in listed}
    check(got == want, f"list json done_late_days and done_on {got}")
    check(all(a["status"] == "done" for a in listed if a["id"] in ("1.1", "1.2", "2.1")),
          "done late keeps status done")
    whole = json.loads(plan("export", "--format", "json", "--as-of", "2022-06-30", LATE))
    got = {a["id"]: (a["done_late_days"], a["done_on"])
           for l in whole[0]["lines"] for a in l["activities"]}
    check(got == want, f"export json done_late_days and done_on {got}")
    # Before it reached 100, 1.2 is late, not done late.
    early = json.loads(plan("list", "--format", "json", "--as-of", "2022-06-10", LATE))
    check([(a["status"], a["done_late_days"], a["done_on"]) for a in early if a["id"] == "1.2"]
          == [("late", 0, None)], "1.2 on 2022-06-10")
    status = json.loads(plan("status", "--format", "json", "--as-of", "2022-06-30", LATE))
    check(status[0]["done_late"] == 2 and status[0]["counts"]["done"] == 3, "status json done_late")
    rows = list(csv.DictReader(io.StringIO(
        plan("export", "--format", "csv", "--codes", "--as-of", "2022-06-30", LATE).decode(), newline="")))
    got = {r["id"]: (int(r["done_late_days"]), r["done_on"] or None) for r in rows}
    check(got == want, f"csv done_late_days and done_on {got}")
    for lang, line in (("es", "**Vencidas al corte:** 4 (terminadas a tiempo 1 · con retraso 2 · "
                              "sin terminar 1)"),
                       ("en", "**Due by the cut-off:** 4 (done on time 1 · done late 2 · "
                              "not done 1)")):
        text = plan("report", "--until", "2022-06-30", "--lang", lang, LATE).decode()
        check(line in text, f"report due counts ({lang})")


for test in (test_csv, test_ics, test_mermaid, test_json, test_markdown, test_report,
             test_done_late):
    test()
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
