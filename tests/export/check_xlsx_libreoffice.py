#!/usr/bin/python3
"""`plan export --format xlsx` opened by a real spreadsheet (issue 16).

LibreOffice (Debian's libreoffice-calc-nogui) opens each workbook headless
and saves its first sheet as CSV; every text cell must be the plan's text,
as `plan export --format csv --codes --raw-csv` writes it: hostile text that
starts with = + - @ stays text (no formula is run), and text that looks like
the _xHHHH_ escape of the file format ("_x0041_") is shown as written.
Without LibreOffice the test reports itself skipped (77).

    check_xlsx_libreoffice.py PLAN_BINARY SOURCE_DIR
"""
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile

PLAN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PLANS = [os.path.join(SOURCE, "tests", "export", "hostile.yaml"),
         os.path.join(SOURCE, "tests", "export", "xlsx-escapes.yaml"),
         os.path.join(SOURCE, "tests", "e2e", "plans", "marked.yaml")]
TEXT = ["plan", "id", "line_title", "title", "lead", "support", "product", "last_note",
        "last_evidence", "last_by"]
failures = []

office = shutil.which("libreoffice") or shutil.which("soffice")
if not office:
    print("skipped: needs libreoffice (Debian: libreoffice-calc-nogui)")
    sys.exit(77)


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def plan(*args):
    r = subprocess.run([PLAN, *args], capture_output=True, check=True)
    return r.stdout


with tempfile.TemporaryDirectory() as tmp:
    # A profile of its own, so that another LibreOffice running does not
    # take the conversion over.
    profile = "file://" + os.path.join(tmp, "profile")
    for path in PLANS:
        name = os.path.splitext(os.path.basename(path))[0]
        book = os.path.join(tmp, name + ".xlsx")
        plan("export", "--format", "xlsx", "--lang", "en", "--as-of", "2021-06-30", "--output",
             book, path)
        r = subprocess.run([office, f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                            "--outdir", tmp, book], capture_output=True, timeout=300)
        out = os.path.join(tmp, name + ".csv")
        check(r.returncode == 0 and os.path.exists(out),
              f"{name}: LibreOffice converted the workbook ({r.returncode} {r.stderr[-300:]!r})")
        if not os.path.exists(out):
            continue
        got = list(csv.DictReader(io.StringIO(open(out, encoding="utf-8").read(), newline="")))
        raw = plan("export", "--format", "csv", "--codes", "--raw-csv", "--as-of", "2021-06-30",
                   path).decode("utf-8")
        want = list(csv.reader(io.StringIO(raw, newline="")))
        header = ["Plan", "ID", "Line", "Line title", "Activity", "Lead", "Support", "Start date",
                  "End date", "Product", "Progress", "Expected progress", "Status", "Signal",
                  "Last update", "Last note", "Days late when done", "Done on", "Evidence",
                  "Reported by", "Weight"]
        check(len(got) == len(want) - 1, f"{name}: {len(want) - 1} rows, got {len(got)}")
        for row, cells in zip(got, want[1:]):
            codes = dict(zip(want[0], cells))
            shown = dict(zip(want[0], (row[h] for h in header)))
            for column in TEXT:
                check(shown[column] == codes[column],
                      f"{name} {codes['id']} {column}: {shown[column]!r} != {codes[column]!r}")
            for column in ("start", "end", "last_update"):
                check(shown[column] == codes[column],
                      f"{name} {codes['id']} {column}: the date {shown[column]!r}")
            check(shown["progress"] == codes["progress"] + "%",
                  f"{name} {codes['id']} progress shown {shown['progress']!r}")
print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
