#!/usr/bin/python3
"""plan import (issue 16) end to end, on spreadsheets made here.

The workbooks are written with Debian's python3-openpyxl (and, for the
broken ones, Python's zipfile) into a scratch directory of the build tree;
the real binary reads them; the plans it writes are read with python3-yaml
and checked with `plan validate` and `plan export --format json`:

- CSV round trip: `plan export --format csv` (the sheet form, Spanish and
  English, ';' and ',', with and without BOM, Windows-1252; and --codes) of
  plans/participacion-2021.yaml and tests/e2e/plans/excel.yaml, imported
  with --owners, gives the same lines, activities, owners, dates, products,
  progress and weights;
- an .xlsx with a title merged above the header, dates as date cells, as
  Excel serial numbers and as text (YYYY-MM-DD, DD/MM/YYYY, YYYY-MM), and
  progress written 45%, 0.45 (percent format), 0.45 (plain) and 45;
  owner codes made from names; the top comment;
- bad input, each with a clear error naming its place, exit 1 and nothing
  written: not a zip, zip bombs (one part too big; a ratio too high), no
  sheet, merged header cells, an unreadable date and percentage (Hoja1!E4),
  an unknown owner with the nearest one suggested, an existing output file
  (left byte-identical), and --partial writing what could be read;
- hostile workbooks: a DOCTYPE with entities, a bidi override in a
  cell, a shared string index out of range, a cell at XFD1048576.

    check_import.py PLAN_BINARY SOURCE_DIR SCRATCH_DIR
"""
import datetime
import os
import re
import shutil
import sys
import zipfile

import openpyxl
import yaml

from import_support import compare, run

PLAN, SOURCE, SCRATCH = (os.path.abspath(a) for a in sys.argv[1:4])
PLAN_2021 = os.path.join(SOURCE, "plans", "participacion-2021.yaml")
EXCEL = os.path.join(SOURCE, "tests", "e2e", "plans", "excel.yaml")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def path(name):
    return os.path.join(SCRATCH, name)


def refused(name, args, code, where=None, hint=None):
    """plan import of `name` fails with `code`, says where, writes nothing."""
    out = path(name + ".yaml")
    if os.path.exists(out):
        os.remove(out)
    status, _, err = run(PLAN, "import", path(name), "-o", out, "--lang", "en", *args)
    check(status == 1, f"{name}: exit {status}, not 1: {err}")
    check(f"[{code}]" in err, f"{name}: no [{code}] in: {err}")
    if where:
        check(where in err, f"{name}: '{where}' not in: {err}")
    if hint:
        check(hint in err, f"{name}: hint '{hint}' not in: {err}")
    check(not os.path.exists(out), f"{name}: wrote {out} though refused")
    return err


def csv_round_trips():
    for source in (PLAN_2021, EXCEL):
        for lang, sep, bom, enc in (("es", ";", True, "utf-8"), ("es", ",", False, "utf-8"),
                                    ("en", ",", True, "utf-8"), ("en", ";", False, "utf-8"),
                                    ("es", ";", False, "cp1252"), ("codes", ",", False, "utf-8")):
            args = ["export", "--format", "csv", "--lang", lang, "--sep", sep,
                    "--bom" if bom else "--no-bom", source]
            if lang == "codes":  # the machine form: snake_case headers, plain numbers
                args = ["export", "--format", "csv", "--codes", source]
            status, text, err = run(PLAN, *args)
            check(status == 0, f"export {args}: {err}")
            name = f"rt-{os.path.basename(source)}-{lang}-{sep == ';'}-{bom}-{enc}.csv"
            data = text.encode("utf-8")
            if enc == "cp1252":
                data = text.lstrip("\ufeff").encode("cp1252")
            with open(path(name), "wb") as f:
                f.write(data)
            out = path(name + ".yaml")
            if os.path.exists(out):
                os.remove(out)
            status, _, err = run(PLAN, "import", path(name), "-o", out, "--owners", source)
            check(status == 0, f"import {name}: {err}")
            if status == 0:
                for p in compare(PLAN, source, out):
                    failures.append(f"{name}: {p}")
                status, _, err = run(PLAN, "validate", out)
                check(status == 0, f"validate {name}: {err}")


def good_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hoja1"
    ws.append(["Plan de Acción 2021"])
    ws.merge_cells("A1:H1")  # a title above the header: not the header
    ws.append(["Línea", "Actividad", "Responsable", "Apoyo", "Fecha de inicio",
               "Fecha Finalización", "Producto/Meta", "% Avance"])
    ws.append(["1. Divulgación", "Divulgar la política", "Secretaría General",
               "Equipo Participación Ciudadana", datetime.date(2021, 3, 1),
               datetime.date(2021, 5, 31), "Circular", 0.45])
    ws["H3"].number_format = "0%"
    ws.append([None, "Capacitar a los enlaces", "Secretaría General", None, 44256, 44316,
               "Funcionarios capacitados", 45])  # 44256 = 2021-03-01, 44316 = 2021-04-30
    ws.append(["2. Control social", "Acordar una agenda", "Oficina Asesora de Planeación "
               "Sectorial", "Equipo Participación Ciudadana", "15/04/2021", "2021-06",
               None, "45%"])
    ws.append([None, "Publicar el informe", "Oficina Asesora de Planeación Sectorial",
               "Equipo Participación Ciudadana", "2021-07-01", "31/12/2021", "Informe", 0.45])
    wb.save(path("good.xlsx"))


def good_xlsx():
    good_workbook()
    out = path("good.yaml")
    if os.path.exists(out):
        os.remove(out)
    status, _, err = run(PLAN, "import", path("good.xlsx"), "-o", out)
    check(status == 0, f"good.xlsx: {err}")
    if status != 0:
        return
    text = open(out, encoding="utf-8").read()
    doc = yaml.safe_load(text)
    check(text.startswith("# yaml-language-server"), "good.yaml: no schema line")
    check("plan import" in text and "good.xlsx" in text, "good.yaml: the comment names no source")
    check(doc["plan"]["language"] == "es", "good.yaml: not Spanish")
    check(doc["owners"] == {"SG": {"name": "Secretaría General"},
                            "EPC": {"name": "Equipo Participación Ciudadana"},
                            "OAPS": {"name": "Oficina Asesora de Planeación Sectorial"}},
          f"good.yaml owners: {doc['owners']}")
    l1, l2 = doc["lines"]
    check((l1["id"], l1["title"], l1["lead"], l1["support"]) == (1, "Divulgación", ["SG"], ["EPC"]),
          f"line 1: {l1}")
    acts = l1["activities"] + l2["activities"]
    dates = [(str(a["start"]), str(a["end"])) for a in acts]
    check(dates == [("2021-03-01", "2021-05-31"), ("2021-03-01", "2021-04-30"),
                    ("2021-04-15", "2021-06"), ("2021-07-01", "2021-12-31")], f"dates: {dates}")
    check([a["progress"] for a in acts] == [45] * 4, f"progress: {[a['progress'] for a in acts]}")
    check(l1["activities"][1].get("support") == [], "1.2 has no support of its own")
    check(l2["lead"] == ["OAPS"] and "product" not in l2["activities"][0], f"line 2: {l2}")
    status, _, err = run(PLAN, "validate", "--strict", out)
    check(status == 0, f"good.yaml does not validate strictly: {err}")
    # --columns: an English sheet with its own words, and --sheet.
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    ws = wb.create_sheet("Plan")
    ws.append(["Axis", "Task", "Who", "From", "To", "Done"])
    ws.append([1, "Write", "SG", "2022-01", "2022-02", "100%"])
    wb.save(path("columns.xlsx"))
    out = path("columns.yaml")
    if os.path.exists(out):
        os.remove(out)
    status, _, err = run(PLAN, "import", path("columns.xlsx"), "-o", out, "--sheet", "Plan",
                         "--columns", "line=Axis,title=Task,lead=Who,start=From,end=To,"
                         "progress=Done", "--lang", "en", "--id", "cols-2022")
    check(status == 0, f"--columns: {err}")
    if status == 0:
        doc = yaml.safe_load(open(out, encoding="utf-8"))
        act = doc["lines"][0]["activities"][0]
        check(doc["plan"]["id"] == "cols-2022" and act["progress"] == 100 and
              str(act["start"]) == "2022-01" and doc["owners"] == {"SG": {}}, f"--columns: {doc}")


def broken_zips():
    with open(path("notzip.xlsx"), "w") as f:
        f.write("Línea;Actividad\n")
    refused("notzip.xlsx", [], "bad-workbook", hint=None)
    # A part that would unpack to 70 MB (over the 64 MB cap): refused from
    # the zip's directory, before anything is inflated.
    good_workbook()
    with zipfile.ZipFile(path("good.xlsx")) as src, \
            zipfile.ZipFile(path("bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/media/zeros.bin", b"\0" * (70 << 20))
    err = refused("bomb.xlsx", [], "zip-bomb")
    check("xl/media/zeros.bin" in err, f"bomb: the part is not named: {err}")
    with zipfile.ZipFile(path("good.xlsx")) as src, \
            zipfile.ZipFile(path("ratio.xlsx"), "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/media/zeros.bin", b"\0" * (4 << 20))
    err = refused("ratio.xlsx", [], "zip-bomb")
    check("times" in err, f"ratio: not the ratio message: {err}")
    # No sheet: the workbook's <sheets> emptied.
    with zipfile.ZipFile(path("good.xlsx")) as src, \
            zipfile.ZipFile(path("nosheet.xlsx"), "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode()
                start, end = text.index("<sheets>"), text.index("</sheets>") + len("</sheets>")
                data = (text[:start] + "<sheets/>" + text[end:]).encode()
            dst.writestr(item, data)
    refused("nosheet.xlsx", [], "no-sheet")


def bad_cells():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hoja1"
    ws.append(["Línea", "Actividad", "Responsable", "Fecha inicio", "Fecha fin", "Avance"])
    ws.append([1, "Bien", "SG", "2021-03-01", "2021-04-30", "10%"])
    ws.append([1, "Fecha mala", "SG", "2021-03-01", "31/02/2021", "10%"])
    ws.append([1, "Avance malo", "SG", "2021-03-01", "2021-04-30", "145"])
    ws.append([1, "Responsable", "Secretaria Generl", "2021-03-01", "2021-04-30", "10"])
    wb.save(path("badcells.xlsx"))
    err = refused("badcells.xlsx", [], "bad-cell", where="Hoja1!E3", hint="--partial")
    check("Hoja1!F4" in err and "145" in err, f"bad percent not at Hoja1!F4: {err}")
    err = refused("badcells.xlsx", ["--owners", PLAN_2021], "unknown-owner", where="Hoja1!C5",
                  hint="did you mean 'SG' (Secretaría General)?")
    # --partial: the good rows are written, the others listed, exit 1.
    out = path("badcells.xlsx.yaml")
    status, stdout, err = run(PLAN, "import", path("badcells.xlsx"), "-o", out, "--partial",
                              "--lang", "en", "--owners", PLAN_2021)
    check(status == 1 and os.path.exists(out), f"--partial: {status} {err}")
    if os.path.exists(out):
        doc = yaml.safe_load(open(out, encoding="utf-8"))
        titles = [a["title"] for a in doc["lines"][0]["activities"]]
        check(titles == ["Bien"], f"--partial wrote {titles}")
        check("rows 3, 4, 5" in open(out, encoding="utf-8").read(), "--partial: rows not listed")
        check("3 row(s)" in stdout, f"--partial: {stdout}")
    # Merged header cells.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Línea", "Actividad", "Responsable", "Fechas", None, "Avance"])
    ws.merge_cells("D1:E1")
    ws.append([1, "Una", "SG", "2021-03-01", "2021-04-30", "10%"])
    wb.save(path("merged.xlsx"))
    refused("merged.xlsx", [], "merged-header", where="Sheet!D1:E1")
    refused("merged.xlsx", ["--columns", "start=Fechas"], "merged-header")


def csv_encodings_and_existing():
    text = ("Línea;Actividad;Líder;Fecha inicio;Fecha fin;Avance\r\n"
            "1. Participación;Divulgar la política;Secretaría General;01/03/2021;2021-05;45%\r\n")
    for name, data in (("utf8.csv", text.encode()), ("bom.csv", b"\xef\xbb\xbf" + text.encode()),
                       ("cp1252.csv", text.encode("cp1252")),
                       ("comma.csv", text.replace(";", ",").encode())):
        with open(path(name), "wb") as f:
            f.write(data)
        out = path(name + ".yaml")
        if os.path.exists(out):
            os.remove(out)
        status, _, err = run(PLAN, "import", path(name), "-o", out)
        check(status == 0, f"{name}: {err}")
        if status == 0:
            doc = yaml.safe_load(open(out, encoding="utf-8"))
            act = doc["lines"][0]["activities"][0]
            check(doc["lines"][0]["title"] == "Participación" and
                  doc["owners"] == {"SG": {"name": "Secretaría General"}} and
                  act["progress"] == 45 and str(act["start"]) == "2021-03-01",
                  f"{name}: {doc}")
    # A legend row above the header that names more known columns than the
    # header itself: the header is the first row with every needed one.
    with open(path("legend.csv"), "w", encoding="utf-8") as f:
        f.write("Objetivo;Peso;Producto;Apoyo;Avance;Nombre de la línea;ID\n" + text)
    out = path("legend.csv.yaml")
    if os.path.exists(out):
        os.remove(out)
    status, _, err = run(PLAN, "import", path("legend.csv"), "-o", out)
    check(status == 0 and "title=B2" in open(out, encoding="utf-8").read(), f"legend: {err}")
    # An existing output file: refused, left byte-identical.
    existing = path("existing.yaml")
    shutil.copy(PLAN_2021, existing)
    before = open(existing, "rb").read()
    status, _, err = run(PLAN, "import", path("utf8.csv"), "-o", existing, "--lang", "en")
    check(status == 1 and "[file-exists]" in err and "--force" in err, f"existing: {err}")
    check(open(existing, "rb").read() == before, "existing: the file changed")
    status, _, err = run(PLAN, "import", path("utf8.csv"), "-o", existing, "--force")
    check(status == 0 and open(existing, "rb").read() != before, f"--force: {err}")


def hostile():
    """A DOCTYPE (entity expansion) in a part, a cell with a bidi override
    (U+202E), a shared string index out of range, a cell far away."""
    good_workbook()
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<si><t>&lol2;</t></si></sst>')
    rewrite("good.xlsx", "doctype.xlsx", {}, {"xl/sharedStrings.xml": laughs.encode()})
    err = refused("doctype.xlsx", [], "bad-workbook")
    check("DOCTYPE" in err, f"doctype: {err}")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hoja1"
    ws.append(["Línea", "Actividad", "Responsable", "Fecha inicio", "Fecha fin"])
    ws.append([1, "Texto con \u202e al revés", "SG", "2021-03-01", "2021-04-30"])
    wb.save(path("escape.xlsx"))
    refused("escape.xlsx", [], "bad-cell", where="Hoja1!B2")
    # A shared string index past the table: an empty cell, reported as
    # the empty lead it leaves; a value at XFD1048576 is left out.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Línea", "Actividad", "Responsable", "Fecha inicio", "Fecha fin"])
    ws.append([1, "Una", "SG", "2021-03-01", "2021-04-30"])
    ws["XFD1048576"] = "far"
    wb.save(path("far.xlsx"))
    rewrite("far.xlsx", "far2.xlsx", {"xl/worksheets/sheet1.xml": lambda d: re.sub(
        rb'<c r="C2" t="inlineStr"><is><t>SG</t></is></c>', b'<c r="C2" t="s"><v>99999</v></c>', d)})
    err = refused("far2.xlsx", [], "bad-cell", where="Sheet!C2")


def rewrite(src_name, dst_name, changes, extra=None):
    """A copy of a workbook with some parts changed (or added)."""
    with zipfile.ZipFile(path(src_name)) as src, \
            zipfile.ZipFile(path(dst_name), "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename in changes:
                data = changes[item.filename](data)
            dst.writestr(item, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)


def shared_strings():
    """openpyxl writes inline strings; Excel and libxlsxwriter write a
    shared string table. good.xlsx with its texts moved to one (a rich-text
    entry in runs, a phonetic reading to leave out) reads the same."""
    good_workbook()
    table = []

    def to_shared(data):
        def one(m):
            ref, style, text = m.group(1), m.group(2) or b"", m.group(3)
            table.append(text)
            return b'<c r="%s" t="s"%s><v>%d</v></c>' % (ref, style, len(table) - 1)
        return re.sub(rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"( s="[0-9]+")?><is><t>([^<]*)</t></is></c>',
                      one, data)

    with zipfile.ZipFile(path("good.xlsx")) as z:
        sheet = to_shared(z.read("xl/worksheets/sheet1.xml"))
    items = []
    for t in table:
        if t.startswith(b"Divulgar la pol"):
            items.append(b"<si><r><t>Divulgar </t></r><r><rPr><b/></rPr><t>la pol\xc3\xadtica</t></r>"
                         b"<rPh sb=\"0\" eb=\"1\"><t>XX</t></rPh></si>")
        else:
            items.append(b"<si><t>" + t + b"</t></si>")
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
           b'spreadsheetml/2006/main">' + b"".join(items) + b"</sst>")
    rewrite("good.xlsx", "shared.xlsx", {"xl/worksheets/sheet1.xml": lambda d: sheet},
            {"xl/sharedStrings.xml": sst})
    for name in ("good", "shared"):
        out = path(name + "-ss.yaml")
        if os.path.exists(out):
            os.remove(out)
        status, _, err = run(PLAN, "import", path(name + ".xlsx"), "-o", out, "--id", "same")
        check(status == 0, f"{name}.xlsx: {err}")
    check(b"t=\"s\"" in sheet and len(table) > 10, f"shared: only {len(table)} strings moved")
    if os.path.exists(path("shared-ss.yaml")):
        a = yaml.safe_load(open(path("good-ss.yaml"), encoding="utf-8"))
        b = yaml.safe_load(open(path("shared-ss.yaml"), encoding="utf-8"))
        check({k: v for k, v in a.items() if k != "plan"} == {k: v for k, v in b.items() if k != "plan"},
              f"shared strings read differently: {b}")


os.makedirs(SCRATCH, exist_ok=True)
csv_round_trips()
good_xlsx()
broken_zips()
bad_cells()
csv_encodings_and_existing()
hostile()
shared_strings()
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
