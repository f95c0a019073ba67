#!/usr/bin/python3
"""Hostile plan text through every output format, read back by real readers.

The plan hostile.yaml beside this script holds formulas, HTML, Markdown,
Mermaid directives, blank lines, emoji and right-to-left text. Each output
is read the way its reader reads it:

- CSV (plan export and plan filter) with Python's csv: no cell begins with
  = + - @ tab or CR unless it is neutralised with a leading ', and the text
  after the quote is exact; with --raw-csv every cell is exact.
- iCalendar with python3-icalendar: summaries and descriptions exact.
- Markdown (export and report) with cmark-gfm and GitHub's extensions
  (table, strikethrough, autolink, tasklist, footnotes), --unsafe so that
  raw HTML would come through, as on a permissive wiki: no element made
  from plan text (no code block from leading spaces), no link but the
  http(s) evidence (none from an address or e-mail in the text, which
  GFM's autolinks would make), the tables have the expected rows and
  columns, and the visible text equals the plan text (an e-mail's '@' may
  follow an invisible word joiner, and only it). cmark-gfm has no math, so
  for GitHub's $...$ the source is checked: every '$' has a backslash,
  which cmark-gfm reads as an escape (the '$' is shown, the backslash not).
- The HTML report in headless Chromium (--dump-dom): the script payload
  must not change the page title, and the page's Content-Security-Policy
  must stop a script even if one got in; the same page without the policy
  shows the harness sees a script that runs. Without Chromium, the report
  is checked with html.parser and the script says so.

    check_hostile.py PLAN_BINARY SOURCE_DIR [CHROMIUM]
"""
import csv
import html.parser
import io
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile

import icalendar

PLAN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
CHROMIUM = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
HOSTILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile.yaml")
AS_OF = ["--as-of", "2021-06-30"]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(cmd, stdin=None):
    r = subprocess.run(cmd, capture_output=True, input=stdin)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def plan(*args):
    return run([PLAN, *args])


def model():
    return json.loads(plan("export", "--format", "json", *AS_OF, HOSTILE))[0]


def activities():
    for line in model()["lines"]:
        for act in line["activities"]:
            yield line, act


def last_update(act):
    return act["updates"][-1] if act["updates"] else {}


def flat(text):
    """Visible text of a one-line rendering: tabs and breaks are spaces, ends trimmed."""
    return re.sub(r"\s+", " ", text.replace("\t", " ")).strip()


# ---------------------------------------------------------------------------
# CSV

DANGER = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = ["plan", "line_title", "title", "lead", "support", "product", "last_note",
                "last_evidence", "last_by"]


def csv_expected(line, act, plan_id):
    last = last_update(act)
    return {"plan": plan_id, "line_title": line["title"], "title": act["title"],
            "lead": ", ".join(act["lead"]), "support": ", ".join(act["support"]),
            "product": act["product"] or "", "last_note": last.get("note") or "",
            "last_evidence": last.get("evidence") or "", "last_by": last.get("by") or ""}


# Every command that writes CSV, with the words that make it write the
# whole hostile plan: each protects its cells by default and takes --raw-csv.
CSV_WRITERS = {"export": ["export", "--format", "csv"],
               "filter": ["filter", "progress>=0", "--format", "csv"]}
# Both forms: --codes for programs (',') and the default for people, here
# Spanish (';', a BOM, "40%"); the columns are in the same order.
CSV_FORMS = {"codes": (["--codes"], ","), "sheet": ([], ";")}


def csv_rows(stdout, delimiter, names):
    rows = list(csv.reader(io.StringIO(stdout.decode("utf-8-sig"), newline=""),
                           delimiter=delimiter))
    return [dict(zip(names, r)) for r in rows[1:]]


def test_csv():
    plan_id = model()["id"]
    want_rows = len(list(activities()))
    names = next(csv.reader(io.StringIO(plan("export", "--format", "csv", "--codes",
                                             HOSTILE).decode())))
    for (writer, words), (form, (form_words, delimiter)) in itertools.product(
            CSV_WRITERS.items(), CSV_FORMS.items()):
        for raw in (False, True):
            what = f"csv {writer} {form} raw={raw}"
            r = subprocess.run([PLAN, *words, *form_words, *AS_OF, HOSTILE,
                                *(["--raw-csv"] if raw else [])], capture_output=True)
            check(r.returncode == 0, f"{what}: plan exited {r.returncode} {r.stderr[-300:]!r}")
            rows = csv_rows(r.stdout, delimiter, names)
            check(len(rows) == want_rows, f"{what} has {want_rows} rows ({len(rows)})")
            for row, (line, act) in zip(rows, activities()):
                for column, text in csv_expected(line, act, plan_id).items():
                    cell = row[column]
                    want = "'" + text if not raw and text.startswith(DANGER) else text
                    check(cell == want, f"{what} {act['id']} {column}: {cell!r} != {want!r}")
                progress = str(act["progress"]) + ("%" if form == "sheet" else "")
                check(row["progress"] == progress, f"{what} {act['id']} progress is a number")
                if not raw:
                    for column, cell in row.items():
                        check(not cell.startswith(DANGER), f"{what} {act['id']} {column} starts a formula: {cell!r}")
            if raw:
                check(any(row["title"].startswith(DANGER) for row in rows),
                      f"{what}: the formulas come through as they are")
                check(any(row["last_evidence"].startswith(DANGER) for row in rows),
                      f"{what}: the evidence formula comes through as it is")


# ---------------------------------------------------------------------------
# iCalendar

def test_ics():
    cal = icalendar.Calendar.from_ical(plan("export", "--format", "ics", *AS_OF, HOSTILE))
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    check(str(cal["X-WR-CALNAME"]) == model()["title"], "ics calendar name exact")
    for _, act in activities():
        ev = events.get(f"hostil-2021-{act['id']}@plan")
        check(ev is not None, f"ics event for {act['id']}")
        if ev is None:
            continue
        check(str(ev["SUMMARY"]) == f"{act['id']} {act['title']}", f"ics {act['id']} summary {str(ev['SUMMARY'])!r}")
        desc = str(ev["DESCRIPTION"]).split("\n")
        check(desc[0].endswith(": " + ", ".join(act["lead"])), f"ics {act['id']} lead {desc[0]!r}")
        if act["product"]:
            check(any(l.endswith(": " + act["product"]) for l in desc), f"ics {act['id']} product {desc!r}")


# ---------------------------------------------------------------------------
# Markdown, rendered by cmark-gfm

class Page(html.parser.HTMLParser):
    """The rendered Markdown as headings, paragraphs, list items, tables and links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.links, self.headings, self.tables = [], [], [], []
        self.text, self.cell, self.row = None, None, None
        self.in_heading = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs.get("href", ""))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append([tag, ""])
            self.in_heading = True
        if tag == "table":
            self.tables.append([])
        if tag == "tr":
            self.row = []
            self.tables[-1].append(self.row)
        if tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.row.append(self.cell)
            self.cell = None
        if tag.startswith("h") and tag[1:].isdigit():
            self.in_heading = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.in_heading:
            self.headings[-1][1] += data


OWN_TAGS = {"h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong",
            "br", "a"}


GFM = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes"]
WORD_JOINER = "\u2060"


def render_markdown(text):
    out = run(["cmark-gfm", *GFM, "--unsafe"], stdin=text)
    page = Page()
    page.feed(out.decode())
    return page, out.decode()


def shown(text):
    """Rendered text as a person reads it: the word joiner before an e-mail's '@' is invisible."""
    return text.replace(WORD_JOINER + "@", "@")


def check_page(page, rendered, source, what):
    check(set(page.tags) <= OWN_TAGS, f"{what}: elements from plan text {set(page.tags) - OWN_TAGS}")
    check("<script" not in rendered and "<img" not in rendered, f"{what}: raw HTML came through")
    check(all(l.startswith(("http://", "https://")) for l in page.links), f"{what}: links {page.links}")
    check(WORD_JOINER not in shown(rendered), f"{what}: a word joiner stands elsewhere than before '@'")
    # GitHub reads $...$ as math: every '$' of the source has its backslash
    # (an odd run of them). That cmark-gfm reads it as an escape, showing
    # the '$' alone, is what the comparisons of visible text check.
    source = source.decode()
    bare = [b for b in re.finditer(r"(\\*)\$", source) if len(b.group(1)) % 2 == 0]
    check(not bare, f"{what}: a '$' without its backslash: {[source[max(0, b.start() - 20):b.end()] for b in bare]}")


def test_markdown_export():
    m = model()
    source = plan("export", "--format", "markdown", *AS_OF, HOSTILE)
    page, rendered = render_markdown(source)
    check_page(page, rendered, source, "markdown export")
    check(page.links == [], f"markdown export: links from plan text {page.links}")
    check(page.headings[0] == ["h1", m["title"]], f"markdown h1 {page.headings[0]}")
    check([h for h, _ in page.headings] == ["h1"] + ["h2"] * 3, f"markdown headings {page.headings}")
    for h, line in zip(page.headings[1:], m["lines"]):
        check(h[1].endswith(" — " + flat(line["title"])), f"markdown heading {h[1]!r}")
    check(f"<p>{html_text(m['entity'].strip())}<br />" in rendered, "markdown entity is one plain paragraph")
    check(len(page.tables) == 3, f"markdown has 3 tables ({len(page.tables)})")
    for table, line in zip(page.tables, m["lines"]):
        check(len(table) == 1 + len(line["activities"]), f"markdown line {line['id']} rows {len(table)}")
        check(all(len(r) == 9 for r in table), f"markdown line {line['id']}: 9 cells a row")
        for row, act in zip(table[1:], line["activities"]):
            check(shown(row[1]) == flat(act["title"]), f"markdown {act['id']} title {row[1]!r}")
            check(row[2] == ", ".join(act["lead"]), f"markdown {act['id']} lead {row[2]!r}")


def html_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def test_markdown_report():
    m = model()
    source = plan("report", *AS_OF, HOSTILE)
    page, rendered = render_markdown(source)
    check_page(page, rendered, source, "markdown report")
    # Title, lines, the period's changes, activities, attention; the changes
    # have their own tables between the lines' and the activities'.
    check(len([h for h in page.headings if h[0] == "h2"]) == 4
          and page.headings[0][1].endswith(": " + m["title"]), f"report headings {page.headings}")
    check(len(page.tables) >= 2, f"report has its tables ({len(page.tables)})")
    lines, acts = page.tables[0], page.tables[-1]
    check(len(lines) == 4 and all(len(r) == 5 for r in lines), "report line table 3 rows x 5")
    for row, line in zip(lines[1:], m["lines"]):
        check(row[1] == flat(line["title"]), f"report line {line['id']} {row[1]!r}")
    rows = 1 + len(list(activities()))
    check(len(acts) == rows and all(len(r) == 13 for r in acts), f"report activity table {rows} rows x 13 ({len(acts)})")
    for row, (_, act) in zip(acts[1:], activities()):
        u = last_update(act)
        check(shown(row[1]) == flat(act["title"]), f"report {act['id']} title {row[1]!r}")
        check(shown(flat(row[2])) == flat(act.get("product") or ""), f"report {act['id']} product {row[2]!r}")
        check(shown(flat(row[11])) == flat(u.get("note") or ""), f"report {act['id']} note {row[11]!r}")
        evidence = u.get("evidence") or ""
        if evidence and not evidence.startswith(("http://", "https://")):
            check(shown(flat(row[12])) == flat(evidence), f"report {act['id']} evidence shown as text {row[12]!r}")
    # In the activity table, and again in the period's updates.
    check(set(page.links) == {"https://example.org/a%20b%28c%29",
                              "https://example.org/x?a=1&b=2&copy;%7Cy"},
          f"report links are percent-encoded http(s) only: {page.links}")


# ---------------------------------------------------------------------------
# The HTML report in a browser

def chromium_title(path):
    dom = run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
               "file://" + path]).decode()
    found = re.search(r"<title>(.*?)</title>", dom, re.S)
    return html.unescape(found.group(1)) if found else None


def test_html_report():
    page = plan("report", "--format", "html", *AS_OF, HOSTILE).decode()
    want = "Informe de seguimiento: " + model()["title"]
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    check(csp is not None and "default-src 'none'" in csp.group(1) and "script-src" not in csp.group(1),
          "html report forbids scripts with a Content-Security-Policy")
    if not CHROMIUM:
        print("note: no chromium; the HTML report is checked with html.parser only")
        check("<script>" not in page, "html report has no raw <script>")
        return
    with tempfile.TemporaryDirectory() as d:
        def title_of(text):
            path = os.path.join(d, "r.html")
            with open(path, "w") as f:
                f.write(text)
            return chromium_title(path)
        check(title_of(page) == want, "html report title unchanged in Chromium")
        script = "<script>document.title='pwned'</script>\n"
        smuggled = page.replace("</head>", script + "</head>")
        check(title_of(smuggled) == want, "html report's policy stops a script that got in")
        if csp:
            bare = smuggled.replace(csp.group(0), "")
            check(title_of(bare) == "pwned", "harness: without the policy the script runs")


for test in (test_csv, test_ics, test_markdown_export, test_markdown_report, test_html_report):
    test()
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
