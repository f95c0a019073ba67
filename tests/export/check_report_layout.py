#!/usr/bin/python3
"""The HTML report fits a 1200-pixel window and an A4 landscape page (issue 14).

Reports checked: the C1 report of plans/participacion-2021.yaml as it is and
of a copy marked with notes and evidence; long-text.yaml beside this script
(titles, notes, owner lists and addresses far wider than any column), in
Spanish and English; hostile.yaml (right-to-left text, emoji) on screen;
tests/e2e/plans/late/late.yaml, whose work done late has the longest status
words, in both languages.

On screen. The report forbids scripts (its Content-Security-Policy), so the
page cannot measure itself and --dump-dom cannot see a layout. Chromium is
driven instead through the DevTools protocol on a pipe
(--remote-debugging-pipe: messages on file descriptors 3 and 4, no port, no
network), in a 1200x1600 window; Runtime.evaluate runs as the inspector,
outside the page's policy, and reads the real layout: the document's
scrollWidth against its clientWidth (the window less the vertical
scrollbar) and innerWidth, every element's right edge, and every table
cell's scrollWidth against its clientWidth, so that text spilling into the
next cell is caught too, not only a page that scrolls.

On paper. `chromium --headless --print-to-pdf` prints the page with its
own @page rule (A4 landscape) and `pdftotext` reads the PDF back: the page
is landscape A4, every word lies inside it (-bbox), every column header of
both tables is there (-layout), and the last two columns, each cut out of
the page by the x positions of their headers, hold every activity's last
note and evidence (the link word and the address print shows after it).

Each harness is first shown to fail on a report made too wide on purpose.

    check_report_layout.py PLAN_BINARY SOURCE_DIR CHROMIUM PDFTOTEXT
    check_report_layout.py PLAN_BINARY SOURCE_DIR CHROMIUM --screenshot OUT.png

The second form writes docs/screens/report-c1.png: the C1 report of the
marked copy at 1200x1600.
"""
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from devtools import Browser  # noqa: E402 (tests/support/devtools.py)

PLAN, SOURCE, CHROMIUM = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
HERE = os.path.dirname(os.path.abspath(__file__))
PLAN_2021 = os.path.join(SOURCE, "plans", "participacion-2021.yaml")
LONG = os.path.join(HERE, "long-text.yaml")
HOSTILE = os.path.join(HERE, "hostile.yaml")
LATE = os.path.join(SOURCE, "tests", "e2e", "plans", "late", "late.yaml")
WIDTH, HEIGHT = 1200, 1600
# Marks of the copy of the 2021 plan, all on or before the C1 cut-off.
REVIEWS = [
    ["1.1", "--period", "C1", "--verified", "40", "--by", "SG", "--date", "2021-05-12",
     "--note", "Publicación verificada; falta el correo masivo"],
    ["1.2", "--period", "C1", "--verified", "100", "--by", "SG", "--date", "2021-05-12"],
]
MARKS = [
    ["1.1", "50", "--note", "Publicada en la intranet", "--by", "EPC", "--evidence",
     "https://intranet.example/participacion/politica-2021", "--date", "2021-04-15"],
    ["1.2", "done", "--note", "Sesión con 40 enlaces de las dependencias", "--by", "EPC",
     "--evidence", "Actas/2021/capacitacion-enlaces.pdf", "--date", "2021-04-20"],
    ["3.1", "80", "--note", "Inventario con 12 dependencias; faltan 3", "--by", "OAPS",
     "--date", "2021-03-31"],
    ["4.1", "--status", "blocked", "--note", "Sin respuesta del Ministerio del Interior",
     "--by", "SG", "--evidence", "https://intranet.example/oficios/2-2021-012345",
     "--date", "2021-04-20"],
]
LINK_WORD = {"es": "enlace", "en": "link"}
EVIDENCE = {"es": "Evidencia", "en": "Evidence"}  # the activity table's last header
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(cmd, cwd=None):
    r = subprocess.run(cmd, capture_output=True, cwd=cwd, timeout=120)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.decode()[-2000:]}")
    return r.stdout


def plan(*args, cwd=None):
    return run([PLAN, *args], cwd=cwd)


class Report:
    """One report: its HTML file, its language, and the plan's model at the cut-off."""

    def __init__(self, name, directory, path, lang, cutoff_args, as_of):
        self.name, self.lang = name, lang
        text = plan("report", "--format", "html", "--lang", lang, *cutoff_args, path)
        self.html = text.decode()
        self.path = os.path.join(directory, name + ".html")
        with open(self.path, "wb") as f:
            f.write(text)
        self.model = json.loads(plan("export", "--format", "json", "--as-of", as_of, path))[0]

    def activities(self):
        for line in self.model["lines"]:
            yield from line["activities"]

    def variant(self, name, css):
        """The same page with a style sheet added after its own (inline style is allowed)."""
        path = os.path.join(os.path.dirname(self.path), name + ".html")
        with open(path, "w") as f:
            f.write(self.html.replace("</head>", f"<style>{css}</style>\n</head>"))
        return path


def reports(directory):
    marked = os.path.join(directory, "marked.yaml")
    shutil.copy(PLAN_2021, marked)
    for args in MARKS:
        plan("mark", *args, "--as-of", "2021-04-30", marked)
    # Reviews of C1 give the activity table its "verified" column (14).
    for args in REVIEWS:
        plan("review", *args, "--as-of", "2021-05-31", marked)
    c1 = ["--period", "C1"]
    return [
        Report("2021-c1", directory, PLAN_2021, "es", c1, "2021-04-30"),
        Report("marked-c1", directory, marked, "es", c1, "2021-04-30"),
        Report("long-c1", directory, LONG, "es", c1, "2021-04-30"),
        Report("long-c1-en", directory, LONG, "en", c1, "2021-04-30"),
        Report("hostile", directory, HOSTILE, "es", ["--until", "2021-06-30"], "2021-06-30"),
        # The longest status words: "terminada con retraso (15 días)".
        Report("late", directory, LATE, "es", ["--until", "2022-06-30"], "2022-06-30"),
        Report("late-en", directory, LATE, "en", ["--until", "2022-06-30"], "2022-06-30"),
    ]


# Run in the page by the inspector, after its fonts are loaded.
MEASURE = """document.fonts.ready.then(() => {
  const root = document.documentElement;
  const name = e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') +
      ' "' + e.textContent.trim().slice(0, 30) + '"';
  const out = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > root.clientWidth + 0.5 || r.left < -0.5))
      out.push(name(e) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  for (const c of document.querySelectorAll('th, td'))
    if (c.scrollWidth > c.clientWidth + 1)
      out.push(name(c) + ' spills: ' + c.scrollWidth + ' > ' + c.clientWidth);
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
          innerWidth: window.innerWidth, bodyScrollWidth: document.body.scrollWidth,
          columns: [...document.querySelectorAll('table')].map(
              t => t.tHead ? t.tHead.rows[0].cells.length : 0),
          over: out};
})"""


def measure(browser, path):
    browser.load(path)
    return browser.evaluate(MEASURE)


def fits(m):
    return (m["scrollWidth"] <= m["clientWidth"] and m["bodyScrollWidth"] <= m["clientWidth"]
            and not m["over"])


def self_contained(r):
    """Nothing in the page loads or runs: one inline style sheet, the same policy."""
    style = "".join(re.findall(r"<style>(.*?)</style>", r.html, re.S))
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', r.html)
    return (policy is not None and policy.group(1) == "default-src 'none'; style-src 'unsafe-inline'; "
            "base-uri 'none'; form-action 'none'" and "<script" not in r.html
            and not re.search(r"<[a-z]+[^<>]*\ssrc=", r.html) and "url(" not in style and "@import" not in style)


def test_screen(browser, all_reports):
    for r in all_reports:
        check(self_contained(r), f"{r.name}: one self-contained page under its policy")
        m = measure(browser, r.path)
        print(f"{r.name}: scrollWidth {m['scrollWidth']}, clientWidth {m['clientWidth']}, "
              f"innerWidth {m['innerWidth']}")
        check(m["innerWidth"] == WIDTH, f"{r.name}: the window is {WIDTH} px ({m['innerWidth']})")
        # 13 columns, and "verified" after "executed" where the period has reviews.
        want = 14 if r.name == "marked-c1" else 13
        check(len(activity_headers(r)) == want and len(m["columns"]) >= 2 and want in m["columns"],
              f"{r.name}: the activity table has its {want} columns ({m['columns']})")
        check(m["scrollWidth"] <= m["clientWidth"] <= m["innerWidth"],
              f"{r.name}: no horizontal scrolling at {WIDTH} px "
              f"(scrollWidth {m['scrollWidth']} > clientWidth {m['clientWidth']})")
        check(fits(m), f"{r.name}: every element and cell inside the window: {m['over'][:5]}")
    # The harness sees a page that does not fit, and text spilling out of a cell.
    long = next(r for r in all_reports if r.name == "long-c1")
    m = measure(browser, long.variant("nowrap", "td,th{white-space:nowrap}"))
    check(m["scrollWidth"] > m["clientWidth"], f"harness: an unwrapped table scrolls ({m['scrollWidth']})")
    m = measure(browser, long.variant("spill", "table{table-layout:fixed}td{white-space:nowrap}"))
    print(f"harness: spilling cells: {m['over'][:2]}")
    check(any("spills" in o for o in m["over"]), "harness: text spilling out of a cell is seen")


# ---------------------------------------------------------------------------
# Print to PDF, read back with pdftotext

def print_pdf(html_path):
    pdf = html_path[:-len(".html")] + ".pdf"
    run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--user-data-dir=" + os.path.join(os.path.dirname(html_path), "print-profile"),
         "--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + html_path])
    return pdf


class Words(html.parser.HTMLParser):
    """pdftotext -bbox: pages (width, height) and their words with boxes."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.pages, self.word = [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "page":
            self.pages.append({"width": float(a["width"]), "height": float(a["height"]),
                               "words": []})
        if tag == "word":
            self.word = {k: float(a[k]) for k in ("xmin", "ymin", "xmax", "ymax")}
            self.word["text"] = ""
            self.pages[-1]["words"].append(self.word)

    def handle_data(self, data):
        if self.word is not None:
            self.word["text"] += data

    def handle_endtag(self, tag):
        if tag == "word":
            self.word = None


def headers(page_html):
    """The header cells of each table, from the report's own HTML."""
    tables = re.findall(r"<thead>(.*?)</thead>", page_html, re.S)
    return [[html.unescape(h) for h in re.findall(r"<th>(.*?)</th>", t)] for t in tables]


def activity_headers(r):
    return next((t for t in headers(r.html) if t and t[-1] == EVIDENCE[r.lang]), [])


def lines_of(words):
    """Words grouped into lines (bottoms within 2 pt), top to bottom, each left to right."""
    lines = []
    for w in sorted(words, key=lambda w: w["ymax"]):
        if lines and w["ymax"] - lines[-1][0]["ymax"] < 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["xmin"]) for line in lines]


def column_text(page, left, right, top):
    """The text of a page below top and between left and right, in reading order."""
    words = [w for w in page["words"]
             if w["ymin"] >= top and w["xmin"] >= left - 1 and w["xmax"] <= right + 1]
    return "".join(w["text"] for line in lines_of(words) for w in line)


def header_row(page, names):
    """The words of the line of a page that holds every name in order, or None."""
    for line in lines_of(page["words"]):
        text = " ".join(w["text"] for w in line)
        if re.search(r"\s.*".join(re.escape(n) for n in names), text):
            return line
    return None


def squeeze(text):
    return re.sub(r"\s+", "", text)


def expected_last_columns(r):
    """Each activity's last note and evidence, as print shows them."""
    for act in r.activities():
        u = act.get("last_update") or {}
        note, evidence = u.get("note") or "", u.get("evidence") or ""
        if evidence.startswith(("http://", "https://")):
            evidence = LINK_WORD[r.lang] + evidence
        yield act["id"], squeeze(note), squeeze(evidence)


def pdf_problems(r, pdf, pdftotext):
    """What is wrong with the printed report: empty when every column is there."""
    problems = []
    layout = run([pdftotext, "-layout", pdf, "-"]).decode()
    pages = Words(run([pdftotext, "-bbox", pdf, "-"]).decode()).pages
    if not pages:
        return ["no page"], 0
    for i, p in enumerate(pages):
        if not (abs(p["width"] - 841.9) < 1.5 and abs(p["height"] - 595.3) < 1.5):
            problems.append(f"page {i + 1} is {p['width']:.0f}x{p['height']:.0f} pt, not A4 landscape")
        outside = [w["text"] for w in p["words"]
                   if w["xmin"] < 0 or w["ymin"] < 0 or w["xmax"] > p["width"] or w["ymax"] > p["height"]]
        if outside:
            problems.append(f"page {i + 1}: words outside the page {outside[:5]}")
    # Each table's header row is one line of the layout, every header in order.
    layout_lines = [re.sub(r"[ \t]+", " ", l) for l in layout.splitlines()]
    for table in headers(r.html):
        row = re.compile(r"(^|\s)" + r"\s.*".join(re.escape(h) for h in table) + r"(\s|$)")
        if not any(row.search(l) for l in layout_lines):
            problems.append(f"no line of the PDF has the headers {table}")
    # The last two columns, page by page, below the header row and between
    # the x of the last two headers.
    acts = activity_headers(r)
    note_head, evidence_head = acts[-2].split()[0], acts[-1]
    notes, evidences, header_rows = "", "", 0
    for p in pages:
        row = header_row(p, [acts[0], acts[1], note_head, evidence_head])
        if row is None:
            continue
        header_rows += 1
        x = {w["text"]: w["xmin"] for w in row}
        top = max(w["ymax"] for w in row)
        notes += column_text(p, x[note_head], x[evidence_head] - 2, top)
        evidences += column_text(p, x[evidence_head], p["width"], top)
    if not header_rows:
        problems.append("no page has the header row of the activities")
    at_note, at_evidence, seen = 0, 0, 0
    for act_id, note, evidence in expected_last_columns(r):
        found_note = notes.find(note, at_note)
        found_evidence = evidences.find(evidence, at_evidence)
        if found_note < 0:
            problems.append(f"{act_id}: last note {note[:40]!r} not in its column")
        if found_evidence < 0:
            problems.append(f"{act_id}: evidence {evidence[:40]!r} not in its column")
        at_note = max(at_note, found_note + len(note))
        at_evidence = max(at_evidence, found_evidence + len(evidence))
        seen += bool(note) + bool(evidence)
    return problems, seen


def test_oci_screen(browser, directory):
    """The OCI's matrix (report --layout oci, issue 15) shares the style
    sheet: at 1200 px it scrolls nowhere and no cell spills."""
    goals = os.path.join(SOURCE, "tests", "e2e", "plans", "goals", "metas-2021.yaml")
    for period in ("C1", "C2"):
        r = Report("oci-" + period.lower(), directory, goals, "es",
                   ["--period", period, "--layout", "oci"], "2021-08-31")
        m = measure(browser, r.path)
        print(f"{r.name}: scrollWidth {m['scrollWidth']}, clientWidth {m['clientWidth']}")
        check("Observaciones" in r.html and "% verificado" in r.html, f"{r.name}: is the matrix")
        check(m["scrollWidth"] <= m["clientWidth"], f"{r.name}: no horizontal scrolling")
        check(fits(m), f"{r.name}: every element and cell inside the window: {m['over'][:5]}")


def test_print(pdftotext, all_reports):
    for r in all_reports:
        if r.name == "hostile":
            continue  # right-to-left text has no reading order to compare in a PDF
        problems, seen = pdf_problems(r, print_pdf(r.path), pdftotext)
        print(f"{r.name}: PDF read back, {seen} notes and evidence looked for in the last two "
              f"columns, {len(problems)} problems")
        for p in problems:
            check(False, f"{r.name} PDF: {p}")
        if r.name in ("marked-c1", "long-c1", "long-c1-en"):
            check(seen >= 5, f"{r.name} PDF: several notes and evidence to find ({seen})")
    # The harness sees a page cut on the right.
    long = next(r for r in all_reports if r.name == "long-c1")
    problems, _ = pdf_problems(long, print_pdf(long.variant("nowrap-print", "td,th{white-space:nowrap}")),
                               pdftotext)
    print(f"harness: a printed table too wide for the page: {problems[:3]}")
    check(problems, "harness: a printed table too wide for the page is seen")


def main():
    with tempfile.TemporaryDirectory() as d:
        all_reports = reports(d)
        browser = Browser(CHROMIUM, os.path.join(d, "profile"), WIDTH, HEIGHT)
        try:
            if sys.argv[4] == "--screenshot":
                marked = next(r for r in all_reports if r.name == "marked-c1")
                browser.load(marked.path)
                with open(sys.argv[5], "wb") as f:
                    f.write(browser.screenshot())
                m = browser.evaluate(MEASURE)
                print(f"{sys.argv[5]}: scrollWidth {m['scrollWidth']}, clientWidth {m['clientWidth']}")
                return
            test_screen(browser, all_reports)
            test_oci_screen(browser, d)
        finally:
            browser.close()
        test_print(sys.argv[4], all_reports)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    sys.exit(1 if failures else 0)


main()
