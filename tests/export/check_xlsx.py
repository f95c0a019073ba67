#!/usr/bin/python3
"""`plan export --format xlsx` (issue 16), read back with openpyxl.

The workbook is opened with Debian's python3-openpyxl and checked cell by
cell against what `plan export --format csv --codes --raw-csv` (the stable
form for programs) and `--format json` say of the same plans at the same
date:

- one sheet per plan, named by its id, then "Actualizaciones" / "Updates";
- row 1 holds the CSV sheet form's headers in the output language, frozen,
  with an autofilter over the rows; column widths follow the content, capped;
- text cells are strings (never formulas) equal to the plan's text; dates
  are Excel dates with a date format; percentages are numbers 0..1 with a
  percent format; status and semáforo are the language's words, and each
  semáforo cell has its colour fill as well as its word;
- the updates sheet has every update on or before the as-of date;
- hostile text (formulas, HTML, "_x0041_" escapes) comes out as string
  cells equal to the plan's text, as Excel decodes them;
- the same plan and date give the same bytes, whatever the clock or TZ;
- binary output is refused on a terminal (exit 2), an existing --output
  file without --force (exit 1, file unchanged), in both languages.

    check_xlsx.py PLAN_BINARY SOURCE_DIR
"""
import csv
import datetime
import io
import json
import os
import pty
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from xml.etree import ElementTree

import openpyxl

PLAN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PLAN_2021 = os.path.join(SOURCE, "plans", "participacion-2021.yaml")
E2E = os.path.join(SOURCE, "tests", "e2e", "plans")
MARKED = os.path.join(E2E, "marked.yaml")
EXCEL = os.path.join(E2E, "excel.yaml")
GOALS = os.path.join(E2E, "goals", "metas-2021.yaml")  # updates with a value
STATUSES = os.path.join(E2E, "changes", "seguimiento-2022.yaml")  # blocked, active, cancelled
HOSTILE = os.path.join(SOURCE, "tests", "export", "hostile.yaml")
ESCAPES = os.path.join(SOURCE, "tests", "export", "xlsx-escapes.yaml")
failures = []

CODES = ["plan", "id", "line", "line_title", "title", "lead", "support", "start", "end",
         "product", "progress", "expected", "status", "signal", "last_update", "last_note",
         "done_late_days", "done_on", "last_evidence", "last_by", "weight"]
HEADERS = {
    "es": ["Plan", "ID", "Línea", "Nombre de la línea", "Actividad", "Líder", "Apoyo",
           "Fecha inicio", "Fecha fin", "Producto", "Avance", "Avance esperado", "Estado",
           "Semáforo", "Último seguimiento", "Última nota", "Días de retraso al terminar",
           "Terminada el", "Evidencia", "Reportado por", "Peso"],
    "en": ["Plan", "ID", "Line", "Line title", "Activity", "Lead", "Support", "Start date",
           "End date", "Product", "Progress", "Expected progress", "Status", "Signal",
           "Last update", "Last note", "Days late when done", "Done on", "Evidence",
           "Reported by", "Weight"],
}
UPDATES_SHEET = {"es": "Actualizaciones", "en": "Updates"}
UPDATES_HEADERS = {
    "es": ["Plan", "ID", "Actividad", "Fecha", "Avance", "Valor", "Estado", "Reportado por",
           "Nota", "Evidencia"],
    "en": ["Plan", "ID", "Activity", "Date", "Progress", "Value", "Status", "Reported by",
           "Note", "Evidence"],
}
STATUS_WORDS = {
    "es": {"done": "terminada", "in-progress": "en curso", "late": "atrasada",
           "not-started": "sin iniciar", "blocked": "bloqueada", "cancelled": "cancelada"},
    "en": {"done": "done", "in-progress": "in progress", "late": "late",
           "not-started": "not started", "blocked": "blocked", "cancelled": "cancelled"},
}
FLAG_WORDS = {"es": {"blocked": "bloqueada", "cancelled": "cancelada", "active": "reanudada"},
              "en": {"blocked": "blocked", "cancelled": "cancelled", "active": "active again"}}
SIGNAL_WORDS = {"es": {"green": "verde", "yellow": "amarillo", "red": "rojo"},
                "en": {"green": "green", "yellow": "yellow", "red": "red"}}
# Excel's "Good", "Neutral" and "Bad" fills, as ARGB.
SIGNAL_FILLS = {"green": "FFC6EFCE", "yellow": "FFFFEB9C", "red": "FFFFC7CE"}
TEXT = ["plan", "id", "line_title", "title", "lead", "support", "product", "last_note",
        "last_evidence", "last_by"]
DATES = ["start", "end", "last_update", "done_on"]
PERCENTS = ["progress", "expected"]
MAX_WIDTH = 32


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(*args, **kw):
    return subprocess.run([PLAN, *args], capture_output=True, **kw)


def plan(*args):
    r = run(*args)
    if r.returncode != 0:
        raise SystemExit(f"plan {' '.join(args)} exited {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def workbook(path, as_of, lang, out_dir):
    out = tempfile.mktemp(suffix=f"-{os.path.basename(path)}-{as_of}-{lang}.xlsx", dir=out_dir)
    plan("export", "--format", "xlsx", "--as-of", as_of, "--lang", lang, "--output", out, path)
    return out, openpyxl.load_workbook(out)


def excel_text(value):
    """A string as Excel shows the shared string written in the file:
    ECMA-376's _xHHHH_ escapes decoded in one pass. (openpyxl 3.0 only
    removes "x005F_", which is right for the text plan escapes but not for
    one that holds "_x005F_" itself: test_escapes reads the XML.)"""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def codes_rows(path, as_of):
    raw = plan("export", "--format", "csv", "--codes", "--raw-csv", "--as-of", as_of, path)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    check(rows[0] == CODES, f"{path}: --codes header")
    return [dict(zip(CODES, r)) for r in rows[1:]]


def sheet_header(path, as_of, lang):
    """The CSV sheet form's header row in lang, as that CSV writes it."""
    raw = plan("export", "--format", "csv", "--sep", ",", "--lang", lang, "--as-of", as_of, path)
    return next(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# ---------------------------------------------------------------------------

def check_cell(at, column, cell, want, lang):
    value = cell.value
    if column in TEXT:
        if want == "":
            check(value is None, f"{at} {column}: empty, got {value!r}")
        else:
            check(cell.data_type == "s" and value == want,
                  f"{at} {column}: string {want!r}, got {value!r} ({cell.data_type})")
    elif column in DATES:
        if want == "":
            check(value is None, f"{at} {column}: empty, got {value!r}")
        else:
            check(cell.is_date and cell.number_format == "yyyy-mm-dd" and
                  value.date() == datetime.date.fromisoformat(want) and
                  value.time() == datetime.time(0),
                  f"{at} {column}: date {want}, got {value!r} ({cell.number_format})")
    elif column in PERCENTS:
        check(cell.data_type == "n" and cell.number_format == "0%" and
              abs(value - int(want) / 100) < 1e-12,
              f"{at} {column}: {want}% as a number with 0%, got {value!r} {cell.number_format}")
    elif column == "status":
        check(value == STATUS_WORDS[lang][want], f"{at} status {value!r} for {want}")
    elif column == "signal":
        fill = cell.fill
        if want == "":
            check(value is None and fill.patternType is None, f"{at} no signal: {value!r}")
        else:
            check(value == SIGNAL_WORDS[lang][want], f"{at} signal word {value!r} for {want}")
            check(fill.patternType == "solid" and fill.fgColor.rgb == SIGNAL_FILLS[want],
                  f"{at} signal fill {fill.patternType} {fill.fgColor.rgb} for {want}")
    else:  # line, done_late_days, weight: numbers
        check(cell.data_type == "n" and value == float(want),
              f"{at} {column}: number {want}, got {value!r} ({cell.data_type})")


def check_matrix(what, ws, rows, lang, header):
    check(ws.freeze_panes == "A2", f"{what}: header row frozen ({ws.freeze_panes})")
    last = openpyxl.utils.get_column_letter(len(CODES))
    check(ws.auto_filter.ref == f"A1:{last}{len(rows) + 1}", f"{what}: autofilter {ws.auto_filter.ref}")
    got_header = [c.value for c in ws[1]]
    check(got_header == HEADERS[lang] == header, f"{what}: headers {got_header}")
    check(all(c.font.b for c in ws[1]), f"{what}: headers in bold")
    check(ws.max_row == len(rows) + 1 and ws.max_column == len(CODES),
          f"{what}: {len(rows)} rows of {len(CODES)} cells, got {ws.max_row}x{ws.max_column}")
    for r, row in enumerate(rows, start=2):
        for c, column in enumerate(CODES, start=1):
            check_cell(f"{what} {row['id']}", column, ws.cell(r, c), row[column], lang)
    for c, column in enumerate(CODES, start=1):
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
        cells = [ws.cell(r, c) for r in range(2, ws.max_row + 1)]
        values = [str(x.value) for x in cells if x.value is not None and x.data_type == "s"]
        longest = max([len(line) for v in values for line in v.split("\n")] + [0])
        word = max(len(w) for w in ws.cell(1, c).value.split(" "))
        check(width <= MAX_WIDTH + 1, f"{what} {column}: width {width} capped")
        check(width >= max(min(longest, MAX_WIDTH), word),
              f"{what} {column}: width {width} fits {longest} characters and '{word}'")
        if column in TEXT:
            check(all(x.alignment.wrap_text for x in cells if x.value is not None),
                  f"{what} {column}: text longer than the column wraps")


def check_updates(what, ws, path, as_of, lang):
    check(ws.freeze_panes == "A2", f"{what}: updates header frozen")
    check([c.value for c in ws[1]] == UPDATES_HEADERS[lang], f"{what}: updates headers")
    doc = json.loads(plan("export", "--format", "json", "--as-of", as_of, path))
    want = []
    for p in doc["plans"] if "plans" in doc else doc:
        for line in p["lines"]:
            for act in line["activities"]:
                for u in act.get("updates") or []:
                    if u["date"] <= as_of:
                        want.append((p["id"], act["id"], act["title"], u))
    rows = list(ws.iter_rows(min_row=2))
    check(len(rows) == len(want), f"{what}: {len(want)} updates, got {len(rows)}")
    for cells, (plan_id, address, title, u) in zip(rows, want):
        at = f"{what} update {address} {u['date']}"
        values = [c.value for c in cells]
        check(values[0] == plan_id and values[1] == address and values[2] == title,
              f"{at}: plan, id, title {values[:3]}")
        check(cells[3].is_date and values[3].date().isoformat() == u["date"] and
              cells[3].number_format == "yyyy-mm-dd", f"{at}: date {values[3]!r}")
        if u["progress"] is None:
            check(values[4] is None, f"{at}: no progress, got {values[4]!r}")
        else:
            check(cells[4].number_format == "0%" and abs(values[4] - u["progress"] / 100) < 1e-12,
                  f"{at}: progress {values[4]!r}")
        check(values[5] == u.get("value"), f"{at}: value {values[5]!r} != {u.get('value')!r}")
        status = FLAG_WORDS[lang][u["status"]] if "status" in u else None
        check(values[6] == status, f"{at}: status {values[6]!r} != {status!r}")
        for i, key in ((7, "by"), (8, "note"), (9, "evidence")):
            check(values[i] == u[key] and (values[i] is None or cells[i].data_type == "s"),
                  f"{at}: {key} {values[i]!r} != {u[key]!r}")


def test_workbooks(tmp):
    for path, as_of in ((PLAN_2021, "2021-06-30"), (MARKED, "2021-06-30"),
                        (EXCEL, "2021-12-31"), (GOALS, "2021-12-31"), (STATUSES, "2022-12-31"),
                        (HOSTILE, "2021-06-30")):
        rows = codes_rows(path, as_of)
        for lang in ("es", "en"):
            what = f"{os.path.basename(path)} {as_of} {lang}"
            _, wb = workbook(path, as_of, lang, tmp)
            plan_id = rows[0]["plan"]
            check(wb.sheetnames == [plan_id, UPDATES_SHEET[lang]], f"{what}: sheets {wb.sheetnames}")
            check_matrix(what, wb[plan_id], rows, lang, sheet_header(path, as_of, lang))
            check_updates(what, wb[UPDATES_SHEET[lang]], path, as_of, lang)


def test_two_plans(tmp):
    """Two plans: a sheet each, in the CSV's order, then the updates of both."""
    out = os.path.join(tmp, "two.xlsx")
    plan("export", "--format", "xlsx", "--as-of", "2021-06-30", "--lang", "en", "--output", out,
         MARKED, EXCEL)
    wb = openpyxl.load_workbook(out)
    rows = codes_rows(MARKED, "2021-06-30") + codes_rows(EXCEL, "2021-06-30")
    ids = list(dict.fromkeys(r["plan"] for r in rows))
    check(len(ids) == 2 and wb.sheetnames == ids + ["Updates"], f"two plans: {wb.sheetnames}")
    for plan_id in ids:
        check_matrix(f"two plans {plan_id}", wb[plan_id], [r for r in rows if r["plan"] == plan_id],
                     "en", HEADERS["en"])
    updates = [c.value for c in wb["Updates"]["A"][1:]]
    check(sorted(set(updates)) == sorted(ids) and updates == sorted(updates, key=ids.index),
          f"two plans: the updates of both, plan by plan: {updates}")


def test_no_formulas(tmp):
    """No cell of any workbook is a formula: no <f> element in any sheet."""
    for path in (HOSTILE, ESCAPES):
        out, wb = workbook(path, "2021-06-30", "es", tmp)
        cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
        check(all(c.data_type != "f" for c in cells), f"{path}: no formula cell")
        starts = [c.value for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
        check(len(starts) >= 5, f"{path}: the would-be formulas are there as text: {starts}")
        with zipfile.ZipFile(out) as z:
            sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
            check(sheets and not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets),
                  f"{path}: no <f> element in {sheets}")


def test_escapes(tmp):
    """Text that looks like Excel's _xHHHH_ escape comes out as written: the
    shared strings, decoded as Excel decodes them, are the plan's texts."""
    out, _ = workbook(ESCAPES, "2021-06-30", "en", tmp)
    with zipfile.ZipFile(out) as z:
        root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    shown = {excel_text("".join(t.text or "" for t in si.iter(ns + "t"))) for si in root}
    for text in ("_x0041_ stays _x0041_", "_x005F_ and _x00e9_",
                 "-2+3 and _x000D_", "_xD83D_ half of a pair", "=SUM(A1:A3)",
                 "=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(1)"):
        check(text in shown, f"escapes: {text!r} is a cell as Excel reads it ({sorted(shown)})")
    rows = codes_rows(ESCAPES, "2021-06-30")
    _, wb = workbook(ESCAPES, "2021-06-30", "es", tmp)
    ws = wb.worksheets[0]
    check(ws.cell(2, 5).value == rows[0]["title"] == "_x0041_ stays _x0041_",
          "escapes: openpyxl reads the escaped title as the plan wrote it")


def test_reproducible(tmp):
    """Same plan and date, another second and time zone: the same bytes."""
    a = os.path.join(tmp, "a.xlsx")
    b = os.path.join(tmp, "b.xlsx")
    plan("export", "--format", "xlsx", "--as-of", "2021-06-30", "--output", a, MARKED)
    time.sleep(1.1)
    env = dict(os.environ, TZ="Pacific/Kiritimati")
    r = subprocess.run([PLAN, "export", "--format", "xlsx", "--as-of", "2021-06-30", MARKED],
                       capture_output=True, env=env)
    open(b, "wb").write(r.stdout)
    check(r.returncode == 0 and open(a, "rb").read() == r.stdout,
          "two exports at other seconds and TZ are byte-identical (--output and stdout)")
    with zipfile.ZipFile(a) as z:
        core = z.read("docProps/core.xml").decode()
        check("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-06-30T00:00:00Z" in core,
              f"created is the as-of date: {core}")
        check(all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist()),
              "zip entries have a fixed time")
    other = plan("export", "--format", "xlsx", "--as-of", "2021-07-01", MARKED)
    check(other != r.stdout, "another as-of date gives another workbook")


def test_refusals(tmp):
    target = os.path.join(tmp, "exists.xlsx")
    for lang, word, hint in (("es", "ya existe", "--force"), ("en", "already exists", "--force")):
        open(target, "wb").write(b"keep me")
        r = run("export", "--format", "xlsx", "--lang", lang, "--output", target, MARKED)
        check(r.returncode == 1 and word.encode() in r.stderr and hint.encode() in r.stderr
              and open(target, "rb").read() == b"keep me",
              f"--output existing, {lang}: refused, file kept ({r.returncode} {r.stderr!r})")
    r = run("export", "--format", "xlsx", "--force", "--output", target, MARKED)
    check(r.returncode == 0 and open(target, "rb").read()[:2] == b"PK",
          f"--force replaces it ({r.returncode} {r.stderr!r})")
    check(not [n for n in os.listdir(tmp) if n.startswith(".exists")], "no temporary file left")
    for lang, word in (("es", "terminal"), ("en", "terminal")):
        status, out, err = on_terminal(["export", "--format", "xlsx", "--lang", lang, MARKED])
        check(status == 2 and out == b"" and word.encode() in err and b"--output" in err,
              f"xlsx on a terminal, {lang}: usage error, nothing written ({status} {out!r} {err!r})")
    status, out, _ = on_terminal(["export", "--format", "csv", MARKED])
    check(status == 0 and b"Plan" in out, "csv on a terminal is still written")


def on_terminal(args):
    """plan with stdout on a pseudo-terminal; its status, output and stderr."""
    master, slave = pty.openpty()
    p = subprocess.Popen([PLAN, *args], stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    err = p.stderr.read()
    status = p.wait()
    os.close(master)
    return status, out, err


with tempfile.TemporaryDirectory() as tmp:
    for test in (test_workbooks, test_two_plans, test_no_formulas, test_escapes,
                 test_reproducible, test_refusals):
        test(tmp)
print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
