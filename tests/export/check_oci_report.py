#!/usr/bin/env python3
"""Checks `plan report --layout oci` (issue 15) on
tests/e2e/plans/goals/metas-2021.yaml, cell by cell, against figures worked
out by hand below, as a spreadsheet reads the CSV (Python's csv, ';',
UTF-8 with BOM) and as a browser's parser reads the HTML table.

    check_oci_report.py PLAN_BINARY SOURCE_DIR
"""
import csv
import html.parser
import io
import os
import subprocess
import sys

HEADERS_ES = ["Línea", "ID", "Actividad programada", "Meta o producto", "Responsable",
              "Fecha programada", "% programado", "% reportado", "Evidencia", "% verificado",
              "% cumplimiento", "Observaciones"]

# By hand, from the plan file:
# 1.1 runs 2021-02-01..11-30, goal 20 talleres, milestones 4 by 04-30 (20%),
#     14 by 08-31 (70%), 20 by 11-30. Updates: 2 (03-20), 5 (04-28),
#     12 (07-15). C1 review: value 4 = 20%; C2 review: verified 55.
#     C1: programmed 20, reported 5/20 = 25, verified 20, compliance
#     20/20 = 100%. C2: programmed 70, reported 12/20 = 60, verified 55,
#     compliance 55/70 = 78.6 -> 79%.
# 1.2 runs 03-01..06-30, programme 30% by 04-30, 70% by 05-31, 100% by
#     06-30; updates 30 (04-30) and 80 (06-10); only a T2 review.
#     C1: programmed 30, reported 30. C2: programmed 100, reported 80.
# 2.1 runs 01-15..12-15 with no programme: C1 expects 106 of 335 days =
#     31.6 -> 32; reported 45.5 of 120 = 37.9 -> 37 (rounded down). C2
#     (08-31): 229 of 335 days = 68.4 -> 68; reported 37.
GOAL_11 = "Talleres realizados: 20 talleres (eficacia)"
GOAL_21 = "Presupuesto ejecutado: 120 millones de pesos (eficiencia)"
LINE_1, LINE_2 = "Espacios de participación", "Rendición de cuentas"
EXPECTED = {
    "C1": [
        [LINE_1, "1.1", "Talleres de participación en las regiones", GOAL_11, "EPC", "2021-11-30",
         "20%", "25%", "", "20%", "100%", "Un acta sin firmas"],
        [LINE_1, "1.2", "Encuesta de satisfacción de los espacios", "", "EPC", "2021-06-30",
         "30%", "30%", "", "", "", ""],
        [LINE_2, "2.1", "Ejecución del presupuesto de la audiencia pública", GOAL_21, "SG",
         "2021-12-15", "32%", "37%", "", "", "", ""],
    ],
    "C2": [
        [LINE_1, "1.1", "Talleres de participación en las regiones", GOAL_11, "EPC", "2021-11-30",
         "70%", "60%", "https://intranet.example/talleres", "55%", "79%",
         "Soportes completos de 11 talleres"],
        [LINE_1, "1.2", "Encuesta de satisfacción de los espacios", "", "EPC", "2021-06-30",
         "100%", "80%", "", "", "", ""],
        [LINE_2, "2.1", "Ejecución del presupuesto de la audiencia pública", GOAL_21, "SG",
         "2021-12-15", "68%", "37%", "", "", "", ""],
    ],
}

failures = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


class Table(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.in_cell = [], "", False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.in_cell, self.cell = True, ""

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append(self.cell.strip())
            self.in_cell = False

    def handle_data(self, data):
        if self.in_cell:
            self.cell += data


def main():
    binary, source = sys.argv[1], sys.argv[2]
    plan = os.path.join(source, "tests", "e2e", "plans", "goals", "metas-2021.yaml")

    def report(*args):
        return subprocess.run([binary, "report", "--layout", "oci", *args, plan],
                              capture_output=True, check=True).stdout

    for period, expected in EXPECTED.items():
        raw = report("--period", period, "--format", "csv")
        check(raw.startswith(b"\xef\xbb\xbf"), f"{period}: the CSV starts with a BOM for Excel")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
        check(rows[0] == HEADERS_ES, f"{period}: the matrix's headers {rows[0]}")
        for want, got in zip(expected, rows[1:]):
            check(got == want, f"{period} {want[1]}: csv {got}")
        check(len(rows) == 1 + len(expected), f"{period}: one row per activity ({len(rows) - 1})")

        page = Table()
        page.feed(report("--period", period, "--format", "html").decode())
        body = [r for r in page.rows if r and r[0] != HEADERS_ES[0]]
        check(page.rows[0] == HEADERS_ES, f"{period}: html headers")
        for want, got in zip(expected, body):
            # The HTML shows a web link as the word "enlace" and no compliance as "—".
            want = [("enlace" if c.startswith("https://") else c) for c in want]
            want[10] = want[10] or "—"
            check(got == want, f"{period} {want[1]}: html {got}")
    # A reissued C1 matrix is the same bytes.
    check(report("--period", "C1") == report("--period", "C1"), "C1 markdown is reproducible")
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
