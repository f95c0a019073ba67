#!/usr/bin/python3
"""Round trip through a workbook (issue 16): `plan export --format xlsx` of
plans/participacion-2021.yaml (and tests/e2e/plans/excel.yaml, which has
progress and weights), in Spanish and in English, read by `plan import
--owners` (the export writes owner codes), gives the same lines,
activities, owners, dates, products, progress and weights, compared
through `plan export --format json` of both.

The workbook's contract (the xlsx export's): one sheet per plan, the CSV
sheet form's header words in row 1, data from row 2, dates as date cells,
percentages as numbers 0..1 with a percent format, and an updates sheet
("Actualizaciones"/"Updates") last. Each workbook is first checked with
python3-openpyxl for that shape.

With --fake, the workbook is made here with openpyxl in that shape from
the CSV sheet form, for testing the import before the xlsx export exists.

    check_xlsx_roundtrip.py PLAN_BINARY SOURCE_DIR SCRATCH_DIR [--fake]
"""
import csv
import datetime
import io
import os
import subprocess
import sys

import openpyxl

from import_support import compare, run

PLAN, SOURCE, SCRATCH = (os.path.abspath(a) for a in sys.argv[1:4])
FAKE = "--fake" in sys.argv[4:]
SOURCES = [os.path.join(SOURCE, "plans", "participacion-2021.yaml"),
           os.path.join(SOURCE, "tests", "e2e", "plans", "excel.yaml")]
DATE_HEADERS = {"Fecha inicio", "Fecha fin", "Start date", "End date"}
PERCENT_HEADERS = {"Avance", "Avance esperado", "Progress", "Expected progress"}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def fake_workbook(source, lang, out):
    """The export's contract, made from the CSV sheet form."""
    status, text, err = run(PLAN, "export", "--format", "csv", "--lang", lang, "--sep", ",",
                            "--raw-csv", source)
    assert status == 0, err
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = rows[1][0][:31]
    ws.append(rows[0])
    for row in rows[1:]:
        cells = []
        for header, value in zip(rows[0], row):
            if header in DATE_HEADERS and value:
                cells.append(datetime.date.fromisoformat(value))
            elif header in PERCENT_HEADERS and value:
                cells.append(int(value.rstrip("%")) / 100)
            elif header in ("Peso", "Weight"):
                cells.append(float(value.replace(",", ".")))
            else:
                cells.append(value)
        ws.append(cells)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if rows[0][cell.column - 1] in PERCENT_HEADERS:
                cell.number_format = "0%"
            elif rows[0][cell.column - 1] in DATE_HEADERS:
                cell.number_format = "yyyy-mm-dd"
    wb.create_sheet("Actualizaciones" if lang == "es" else "Updates")
    wb.save(out)


def exported_workbook(source, lang, out):
    if FAKE:
        fake_workbook(source, lang, out)
        return True
    status, _, err = run(PLAN, "export", "--format", "xlsx", "--lang", lang, "--output", out,
                         source)
    if status == 2:  # no --output: the workbook on stdout
        with open(out, "wb") as f:
            p = subprocess.run([PLAN, "export", "--format", "xlsx", "--lang", lang, source],
                               stdout=f, stderr=subprocess.PIPE)
        status, err = p.returncode, p.stderr.decode()
    check(status == 0, f"export --format xlsx --lang {lang} {source}: {err}")
    return status == 0


def check_shape(path, lang):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames[-1] == ("Actualizaciones" if lang == "es" else "Updates"),
          f"{path}: sheets {wb.sheetnames}")
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    for h in ("Fecha inicio", "Avance") if lang == "es" else ("Start date", "Progress"):
        check(h in headers, f"{path}: no header {h} in {headers}")
    start = ws.cell(row=2, column=headers.index("Fecha inicio" if lang == "es" else "Start date") + 1)
    check(isinstance(start.value, datetime.datetime) and start.is_date,
          f"{path}: the start is not a date cell: {start.value!r}")
    progress = ws.cell(row=2, column=headers.index("Avance" if lang == "es" else "Progress") + 1)
    check(isinstance(progress.value, (int, float)) and "%" in progress.number_format,
          f"{path}: progress is not a percent number: {progress.value!r} {progress.number_format}")


os.makedirs(SCRATCH, exist_ok=True)
for source in SOURCES:
    for lang in ("es", "en"):
        book = os.path.join(SCRATCH, f"{os.path.basename(source)}-{lang}.xlsx")
        if os.path.exists(book):  # a run before this one's
            os.remove(book)
        if not exported_workbook(source, lang, book):
            continue
        check_shape(book, lang)
        out = book + ".yaml"
        if os.path.exists(out):
            os.remove(out)
        status, _, err = run(PLAN, "import", book, "-o", out, "--owners", source)
        check(status == 0, f"import {book}: {err}")
        if status == 0:
            for p in compare(PLAN, source, out):
                failures.append(f"{book}: {p}")
            status, _, err = run(PLAN, "validate", out)
            check(status == 0, f"validate {out}: {err}")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
