#!/usr/bin/python3
"""A scripted year of follow-up (issue 14).

Marks tests/year/plan-2022.yaml month by month with `plan mark`, as the
planning office would: progress, a block and its end, a cancellation, an
activity done late. On each cut-off (T1..T4, C1..C3) it issues the follow-up
report in Markdown and HTML, in Spanish and English; after every later step
it reissues every report issued so far and requires it byte-identical to
the first issue: a report for a past cut-off is a pure function of the
file's dated history. It also checks, at dates along the way, what the
dated history must give (4.1 blocked only from its block, 1.3 cancelled
only from its cancellation, 2.1 done 15 days late), and that the plan
stays valid after every step.

    check_year.py PLAN_BINARY SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

PLAN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []

# (date, [(address, progress or None, extra mark arguments)]) in date order.
STEPS = [
    ("2022-01-31", [("1.1", "30", []), ("2.1", "10", [])]),
    ("2022-02-28", [("1.1", "60", []), ("1.2", "10", []), ("2.1", "25", []),
                    ("4.1", "5", ["--by", "OCI"])]),
    ("2022-03-31", [("1.1", "done", ["--evidence", "https://intranet.example/politica"]),
                    ("1.2", "25", []), ("3.1", "10", []), ("2.1", "40", [])]),
    ("2022-04-15", [("4.1", None, ["--status", "blocked",
                                   "--note", "Sin respuesta del Ministerio del Interior"])]),
    ("2022-04-30", [("1.2", "45", []), ("1.3", "10", []), ("3.1", "30", []), ("2.1", "60", [])]),
    ("2022-05-31", [("1.2", "done", []), ("2.1", "80", []), ("3.2", "10", []), ("1.3", "20", [])]),
    ("2022-06-15", [("2.1", "done", ["--note", "Caracterización publicada"])]),
    ("2022-06-30", [("1.3", None, ["--status", "cancelled", "--note", "Sin presupuesto"]),
                    ("4.1", "20", ["--status", "active", "--note", "Reunión reprogramada"]),
                    ("2.2", "10", []), ("3.1", "60", [])]),
    ("2022-07-31", [("3.1", "80", []), ("3.2", "30", []), ("2.2", "30", []), ("4.1", "35", [])]),
    ("2022-08-31", [("3.1", "done", []), ("3.2", "50", []), ("2.2", "50", []), ("4.1", "50", [])]),
    ("2022-09-30", [("3.2", "60", []), ("2.2", "70", []), ("4.1", "60", [])]),
    ("2022-10-31", [("3.2", None, ["--status", "blocked", "--note", "Veedurías sin sede"]),
                    ("4.2", "10", []), ("2.2", "85", [])]),
    ("2022-11-30", [("2.2", "done", []), ("4.2", "40", []),
                    ("3.2", "70", ["--status", "active"]), ("4.1", "80", [])]),
    ("2022-12-31", [("4.2", "done", []), ("4.1", "done", []), ("3.2", "done", [])]),
]
CUTOFFS = {"T1": "2022-03-31", "C1": "2022-04-30", "T2": "2022-06-30", "C2": "2022-08-31",
           "T3": "2022-09-30", "T4": "2022-12-31", "C3": "2022-12-31"}
# What the dated history must give: (as-of, address, status code, done late days).
FACTS = [
    ("2022-03-31", "4.1", "in-progress", 0),   # its block is dated 04-15
    ("2022-04-30", "4.1", "blocked", 0),
    ("2022-06-29", "1.3", "in-progress", 0),   # cancelled on 06-30
    ("2022-06-30", "1.3", "cancelled", 0),
    ("2022-06-30", "4.1", "in-progress", 0),   # active again on 06-30
    ("2022-06-30", "2.1", "done", 15),         # ended 05-31, done 06-15
    ("2022-06-30", "1.2", "done", 0),          # done on its end date
    ("2022-12-31", "3.2", "done", 61),         # ended 10-31, done 12-31
]


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run([PLAN, *args], capture_output=True)


def mark(path, date, address, progress, extra):
    args = ["mark", address] + ([progress] if progress else []) + extra + [
        "--date", date, "--as-of", date, path]
    r = run(*args)
    check(r.returncode == 0, "%s: plan %s exits 0, not %d: %s" % (
        date, " ".join(args[:-1]), r.returncode, r.stderr.decode(errors="replace").strip()))


def issue(path, period, as_of):
    """The period's reports (format, language) -> bytes, issued at as_of."""
    out = {}
    for fmt in ("markdown", "html"):
        for lang in ("es", "en"):
            r = run("report", "--period", period, "--format", fmt, "--lang", lang,
                    "--as-of", as_of, path)
            check(r.returncode == 0, "report %s %s %s at %s exits 0: %s" % (
                period, fmt, lang, as_of, r.stderr.decode(errors="replace").strip()))
            out[(fmt, lang)] = r.stdout
    return out


def check_facts(path, done_dates):
    for as_of, address, status, late in FACTS:
        if as_of > done_dates:
            continue
        r = run("show", address, "--format", "json", "--as-of", as_of, path)
        if r.returncode != 0:
            check(False, "show %s --as-of %s exits 0" % (address, as_of))
            continue
        a = json.loads(r.stdout)
        a = a[0] if isinstance(a, list) else a
        check(a.get("status") == status, "%s at %s is %s, not %s" % (
            address, as_of, status, a.get("status")))
        if "done_late_days" in a:
            check(a["done_late_days"] == late, "%s at %s done %d days late, not %s" % (
                address, as_of, late, a["done_late_days"]))


def main():
    tmp = tempfile.mkdtemp(prefix="plan-year-")
    path = os.path.join(tmp, "plan-2022.yaml")
    shutil.copy(os.path.join(SOURCE, "tests", "year", "plan-2022.yaml"), path)
    issued = {}  # period -> {(format, lang): bytes} as first issued
    reissues = 0
    for date, marks in STEPS:
        for address, progress, extra in marks:
            mark(path, date, address, progress, extra)
        r = run("validate", "--as-of", date, path)
        check(r.returncode == 0, "%s: plan validate exits 0: %s" % (
            date, (r.stdout + r.stderr).decode(errors="replace").strip()))
        for period, first in issued.items():
            again = issue(path, period, date)
            for key, body in first.items():
                reissues += 1
                check(again[key] == body, "%s report %s/%s issued on %s differs after the marks "
                      "of %s" % (period, key[0], key[1], CUTOFFS[period], date))
        for period, cutoff in CUTOFFS.items():
            if cutoff == date and period not in issued:
                issued[period] = issue(path, period, date)
        check_facts(path, date)
    check(set(issued) == set(CUTOFFS), "every cut-off was issued: %s" % sorted(issued))
    print("%d steps, %d reports issued, %d reissues compared, %d failures" % (
        len(STEPS), 4 * len(issued), reissues, len(failures)))
    if failures:
        print("the marked plan is at", path)
        sys.exit(1)
    shutil.rmtree(tmp)


main()
