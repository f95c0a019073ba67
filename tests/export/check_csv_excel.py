#!/usr/bin/python3
"""The CSV that Excel reads (issue 16), read the way a spreadsheet reads it.

A Spanish-locale Excel (Colombia's, Spain's) splits a CSV at ';', its list
separator, and reads the file as UTF-8 only when it starts with a BOM
(otherwise as Windows-1252, which garbles every accent). So the Spanish CSV
is read here with Python's csv using ';', decoded as UTF-8-with-BOM, and
checked against the plan file itself, read with python3-yaml:

- the BOM is there, and without it Windows-1252 would garble the text;
- the headers are the Spanish ones, in the documented column order, and
  every row has as many cells as the header (text with ',' or ';' stays in
  its cell);
- dates, percentages ("45%"), weights (decimal comma), notes, evidence and
  reporters are the plan's; status and semáforo are the Spanish words of the
  codes that `--codes` writes;
- text that a spreadsheet would run as a formula is neutralised ("'=...");
- English output (',' and '.' decimals), --sep, --codes and `plan filter`
  follow the same rules.

    check_csv_excel.py PLAN_BINARY SOURCE_DIR
"""
import calendar
import csv
import datetime
import io
import os
import subprocess
import sys

import yaml

PLAN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PLAN_2021 = os.path.join(SOURCE, "plans", "participacion-2021.yaml")
EXCEL = os.path.join(SOURCE, "tests", "e2e", "plans", "excel.yaml")
MARKED = os.path.join(SOURCE, "tests", "e2e", "plans", "marked.yaml")
HOSTILE = os.path.join(SOURCE, "tests", "export", "hostile.yaml")
BOM = b"\xef\xbb\xbf"
DANGER = ("=", "+", "-", "@", "\t", "\r")
failures = []

# The documented columns (docs/guia.es.md, docs/guide.en.md): the codes
# form's names and the Spanish and English headers, in order.
CODES = ["plan", "id", "line", "line_title", "title", "lead", "support", "start", "end",
         "product", "progress", "expected", "status", "signal", "last_update", "last_note",
         "done_late_days", "done_on", "last_evidence", "last_by", "weight"]
SPANISH = ["Plan", "ID", "Línea", "Nombre de la línea", "Actividad", "Líder", "Apoyo",
           "Fecha inicio", "Fecha fin", "Producto", "Avance", "Avance esperado", "Estado",
           "Semáforo", "Último seguimiento", "Última nota", "Días de retraso al terminar",
           "Terminada el", "Evidencia", "Reportado por", "Peso"]
ENGLISH = ["Plan", "ID", "Line", "Line title", "Activity", "Lead", "Support", "Start date",
           "End date", "Product", "Progress", "Expected progress", "Status", "Signal",
           "Last update", "Last note", "Days late when done", "Done on", "Evidence",
           "Reported by", "Weight"]
STATUS_WORDS = {
    "es": {"done": "terminada", "in-progress": "en curso", "late": "atrasada",
           "not-started": "sin iniciar", "blocked": "bloqueada", "cancelled": "cancelada"},
    "en": {"done": "done", "in-progress": "in progress", "late": "late",
           "not-started": "not started", "blocked": "blocked", "cancelled": "cancelled"},
}
SIGNAL_WORDS = {"es": {"green": "verde", "yellow": "amarillo", "red": "rojo", "": ""},
                "en": {"green": "green", "yellow": "yellow", "red": "red", "": ""}}
TEXT_COLUMNS = ["plan", "line_title", "title", "lead", "support", "product", "last_note",
                "last_evidence", "last_by"]


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def plan(*args):
    r = subprocess.run([PLAN, *args], capture_output=True)
    if r.returncode != 0:
        raise SystemExit(f"plan {' '.join(args)} exited {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def read(raw, delimiter):
    """Rows as a spreadsheet gets them: UTF-8 after a BOM, split at delimiter."""
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


# ---------------------------------------------------------------------------
# The plan as its YAML says, with the format's rules for what is not written.

def day(value, last):
    """A plan date: a YAML date, or "YYYY-MM" for the month's first or last day."""
    if isinstance(value, datetime.date):
        return value
    year, month = (int(x) for x in str(value).split("-")[:2])
    return datetime.date(year, month, calendar.monthrange(year, month)[1] if last else 1)


def text(value):
    """A text value: one written as a block (| or >) loses the line breaks it
    ends with (docs/format.en.md)."""
    return str(value).rstrip("\n") if value is not None else ""


def expected_rows(path, as_of):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    for line in doc["lines"]:
        for act in line["activities"]:
            updates = [u for u in act.get("updates") or [] if day(u["date"], True) <= as_of]
            last = updates[-1] if updates else {}
            recorded = [u for u in updates if "progress" in u]
            progress = recorded[-1]["progress"] if recorded else (
                0 if act.get("updates") else act.get("progress", 0))
            yield {
                "plan": text(doc["plan"]["id"]),
                "id": f"{line['id']}.{act['id']}",
                "line": str(line["id"]),
                "line_title": text(line["title"]),
                "title": text(act["title"]),
                "lead": ", ".join(act.get("lead", line.get("lead", []))),
                "support": ", ".join(act.get("support", line.get("support", []))),
                "start": day(act["start"], False).isoformat(),
                "end": day(act["end"], True).isoformat(),
                "product": text(act.get("product")),
                "progress": progress,
                "last_update": day(last["date"], True).isoformat() if last else "",
                "last_note": text(last.get("note")),
                "last_evidence": text(last.get("evidence")),
                "last_by": text(last.get("by")),
                "weight": float(act.get("weight", 1)),
            }


def shown(text):
    """A text cell as the CSV protects it: a would-be formula gets a "'"."""
    return "'" + text if text.startswith(DANGER) else text


# ---------------------------------------------------------------------------

def check_sheet(what, raw, rows, lang, delimiter, path, as_of, codes_rows):
    """A sheet-form CSV against its plan file and its --codes twin."""
    check(raw.startswith(BOM), f"{what}: starts with a UTF-8 BOM, so Excel reads UTF-8")
    check(b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n"), f"{what}: CRLF line ends")
    check(rows[0] == (SPANISH if lang == "es" else ENGLISH), f"{what}: headers {rows[0]}")
    check(all(len(r) == len(CODES) for r in rows), f"{what}: every row has {len(CODES)} cells")
    want = list(expected_rows(path, as_of))
    check(len(rows) - 1 == len(want), f"{what}: {len(want)} activities, got {len(rows) - 1}")
    decimal = "," if delimiter == ";" or (delimiter == "\t" and lang == "es") else "."
    for cells, codes, act in zip(rows[1:], codes_rows[1:], want):
        row, code = dict(zip(CODES, cells)), dict(zip(CODES, codes))
        at = f"{what} {act['id']}"
        for column in ["plan", "id", "line", "start", "end", "last_update"]:
            check(row[column] == act[column], f"{at} {column}: {row[column]!r} != {act[column]!r}")
        for column in TEXT_COLUMNS:
            check(row[column] == shown(act[column]), f"{at} {column}: {row[column]!r}")
            check(not row[column].startswith(DANGER), f"{at} {column} starts a formula")
        for column in ["start", "end"]:
            datetime.date.fromisoformat(row[column])  # ISO: what Excel reads as a date
        check(row["progress"] == f"{act['progress']}%", f"{at} progress {row['progress']!r}")
        check(row["expected"] == code["expected"] + "%", f"{at} expected {row['expected']!r}")
        check(row["status"] == STATUS_WORDS[lang][code["status"]], f"{at} status {row['status']!r}")
        check(row["signal"] == SIGNAL_WORDS[lang][code["signal"]], f"{at} signal {row['signal']!r}")
        other = "." if decimal == "," else ","
        check(other not in row["weight"] and float(row["weight"].replace(decimal, ".")) ==
              act["weight"], f"{at} weight {row['weight']!r} with decimal '{decimal}'")


def test_spanish_default():
    """No option: the plan's language (es), ';', BOM, as Spanish Excel wants."""
    for path, as_of in ((PLAN_2021, "2021-06-30"), (EXCEL, "2021-06-30"), (EXCEL, "2021-12-31"),
                        (MARKED, "2021-06-30")):
        what = f"es {os.path.basename(path)} {as_of}"
        raw = plan("export", "--format", "csv", "--as-of", as_of, path)
        codes = read(plan("export", "--format", "csv", "--codes", "--as-of", as_of, path), ",")
        check(codes[0] == CODES, f"{what}: --codes header {codes[0]}")
        check_sheet(what, raw, read(raw, ";"), "es", ";", path, datetime.date.fromisoformat(as_of),
                    codes)
        # Without the BOM, Excel would decode Windows-1252: the accents break.
        check(raw[3:].decode("cp1252", errors="replace") != raw[3:].decode("utf-8"),
              f"{what}: the text has accents, so the BOM matters")
    raw = plan("export", "--format", "csv", "--as-of", "2021-06-30", EXCEL)
    check(b"1,5" in raw and b'"Seguimiento; informes, tableros"' in raw,
          "es: a fractional weight has a decimal comma; text with ';' is quoted")


def test_english_and_separators():
    as_of = datetime.date(2021, 6, 30)
    codes = read(plan("export", "--format", "csv", "--codes", "--as-of", "2021-06-30", EXCEL), ",")
    for lang, sep, delimiter in (("en", None, ","), ("es", ",", ","), ("es", "tab", "\t"),
                                 ("en", "tab", "\t"), ("en", ";", ";")):
        what = f"{lang} --sep {sep}"
        raw = plan("export", "--format", "csv", "--lang", lang, "--as-of", "2021-06-30", EXCEL,
                   *(["--sep", sep] if sep else []))
        rows = read(raw, delimiter)
        check_sheet(what, raw, rows, lang, delimiter, EXCEL, as_of, codes)
        # Read with another separator, the columns do not line up: the
        # separator is the one asked for.
        check(len(read(raw, "," if delimiter != "," else ";")[0]) != len(CODES),
              f"{what}: the separator is {delimiter!r}")


def test_sep_words():
    """--sep tab and a tab character itself (what a shell's $'\\t' gives) agree."""
    words = ["export", "--format", "csv", "--as-of", "2021-06-30", EXCEL, "--sep"]
    check(plan(*words, "tab") == plan(*words, "\t") and b"\t" in plan(*words, "tab"),
          "--sep tab and a tab character write the same tab-separated CSV")


def test_codes_and_bom_flags():
    raw = plan("export", "--format", "csv", "--codes", "--as-of", "2021-06-30", EXCEL)
    check(not raw.startswith(BOM), "--codes: no BOM")
    rows = read(raw, ",")
    check(rows[0] == CODES and all(len(r) == len(CODES) for r in rows), "--codes: columns")
    check(rows[1][CODES.index("weight")] == "1.5" and rows[1][CODES.index("progress")] == "100"
          and rows[1][CODES.index("status")] == "done", "--codes: numbers and codes")
    check(plan("export", "--format", "csv", "--codes", "--bom", EXCEL).startswith(BOM),
          "--codes --bom: a BOM")
    check(not plan("export", "--format", "csv", "--no-bom", EXCEL).startswith(BOM),
          "--no-bom: no BOM")


def test_formulas():
    """The hostile plan's formulas stay text in every form and separator."""
    for extra, delimiter in (([], ";"), (["--lang", "en"], ","), (["--sep", "tab"], "\t")):
        raw = plan("export", "--format", "csv", "--as-of", "2021-06-30", HOSTILE, *extra)
        rows = read(raw, delimiter)
        check(all(len(r) == len(CODES) for r in rows), f"hostile {extra}: columns line up")
        for cells, act in zip(rows[1:], expected_rows(HOSTILE, datetime.date(2021, 6, 30))):
            row = dict(zip(CODES, cells))
            for column in TEXT_COLUMNS:
                check(row[column] == shown(act[column]),
                      f"hostile {extra} {act['id']} {column}: {row[column]!r}")
            check(not any(c.startswith(DANGER) for c in cells), f"hostile {extra} {act['id']}")
        check(any(c.startswith("'=HYPERLINK") for r in rows for c in r[CODES.index("last_evidence"):]),
              f"hostile {extra}: the evidence formula is there, neutralised")


def test_filter_writes_the_same_csv():
    for extra in ([], ["--lang", "en"], ["--sep", "tab", "--no-bom"], ["--codes"]):
        exported = plan("export", "--format", "csv", "--as-of", "2021-06-30", EXCEL, *extra)
        filtered = plan("filter", "progress>=0", "--format", "csv", "--as-of", "2021-06-30",
                        EXCEL, *extra)
        check(exported == filtered, f"filter --format csv {extra} writes what export writes")


def test_bad_sep():
    for lang, word in (("es", "admite"), ("en", "takes")):
        r = subprocess.run([PLAN, "export", "--format", "csv", "--sep", "|", "--lang", lang, EXCEL],
                           capture_output=True)
        check(r.returncode == 2 and r.stdout == b"" and word.encode() in r.stderr,
              f"--sep '|' --lang {lang}: usage error ({r.returncode}, {r.stderr!r})")


for test in (test_spanish_default, test_english_and_separators, test_sep_words,
             test_codes_and_bom_flags,
             test_formulas, test_filter_writes_the_same_csv, test_bad_sep):
    test()
print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
