#!/usr/bin/python3
"""`plan site` in headless Chromium (issue 18).

Builds the site of plans/participacion-2021.yaml marked through 2021 with
the real `plan mark` and `plan review` (a copy, as of 31 December: every
cut-off has ended), in Spanish and English, and the sites of
tests/export/hostile.yaml and tests/export/long-text.yaml. Then:

- every internal href/src of every page (read with html.parser) names a
  file of the site, or an id of the page for a fragment; nothing is
  loaded from elsewhere; the only links outside are http(s) evidence;
- Chromium, driven through the DevTools protocol on a pipe as
  tests/export/check_report_layout.py does, loads every page at 1280 px
  and at 390 px: no console error or exception (a Content-Security-
  Policy violation is one), no horizontal scrolling of the page at 390
  px (wide tables scroll in their own box), and axe-core (from npm, in
  tests/export/node_modules, injected by the inspector) finds no
  violation of WCAG 2.1 A/AA or its best practices on any page;
- printed (print media emulated), the navigation is hidden;
- hostile text is shown as text on every page: no script, image, event
  handler or javascript: link in the DOM, and the script's text visible.

With PLAN_UPDATE_SCREENS=1 it also writes docs/screens/site-*.png (the
index, the C2 report and an activity, at 1280 and 390 px).

    check_site.py PLAN_BINARY SOURCE_DIR CHROMIUM
Exit 77 (skipped) without axe-core installed.
"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import devtools  # noqa: E402 (tests/support/devtools.py)

PLAN, SOURCE, CHROMIUM = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
AXE = os.path.join(SOURCE, "tests", "export", "node_modules", "axe-core", "axe.min.js")
PLAN_2021 = os.path.join(SOURCE, "plans", "participacion-2021.yaml")
HOSTILE = os.path.join(SOURCE, "tests", "export", "hostile.yaml")
LONG = os.path.join(SOURCE, "tests", "export", "long-text.yaml")
SCREENS = os.path.join(SOURCE, "docs", "screens")
failures = []
quiet = []  # non-empty while the harness checks itself: failures expected, not printed

# (date, address, mark arguments) through 2021, in date order.
MARKS = [
    ("2021-02-26", "3.1", ["40"]),
    ("2021-03-26", "3.1", ["80", "--note", "Inventario con 12 dependencias; faltan 3", "--by", "OAPS"]),
    ("2021-03-30", "3.2", ["done"]),
    ("2021-03-31", "2.1", ["30"]),
    ("2021-04-15", "1.1", ["50", "--note", "Publicada en la intranet", "--by", "EPC",
                           "--evidence", "https://intranet.example/participacion/politica-2021"]),
    ("2021-04-20", "1.2", ["done", "--note", "Sesión con 40 enlaces", "--by", "EPC",
                           "--evidence", "Actas/2021/capacitacion-enlaces.pdf"]),
    ("2021-04-20", "4.1", ["--status", "blocked", "--note", "Sin respuesta del Ministerio del Interior",
                           "--by", "SG"]),
    ("2021-04-28", "2.1", ["done"]),
    ("2021-04-29", "3.3", ["done"]),
    ("2021-05-20", "3.1", ["done"]),
    ("2021-05-31", "1.1", ["done"]),
    ("2021-05-31", "2.2", ["done"]),
    ("2021-05-31", "3.4", ["80"]),
    ("2021-06-15", "3.4", ["done"]),
    ("2021-06-29", "2.3", ["done"]),
    ("2021-06-30", "4.1", ["40", "--status", "active", "--note", "Reunión reprogramada"]),
    ("2021-07-20", "3.5", ["70"]),
    ("2021-07-30", "2.4", ["done"]),
    ("2021-07-30", "3.5", ["done"]),
    ("2021-08-31", "4.1", ["done"]),
    ("2021-08-31", "2.5", ["20"]),
    ("2021-09-30", "2.5", ["50"]),
    ("2021-09-30", "5.1", ["20"]),
    ("2021-10-29", "2.5", ["80"]),
    ("2021-11-30", "2.5", ["done"]),
    ("2021-12-15", "5.1", ["90", "--evidence", "https://intranet.example/balance-2021"]),
]
REVIEWS = [
    ("2021-05-12", "1.1", ["--period", "C1", "--verified", "40", "--by", "SG",
                           "--note", "Publicación verificada; falta el correo masivo"]),
    ("2021-05-12", "1.2", ["--period", "C1", "--verified", "100", "--by", "SG"]),
    ("2021-09-10", "3.4", ["--period", "C2", "--verified", "100", "--by", "SG"]),
]


def check(condition, what):
    if not condition:
        failures.append(what)
        if not quiet:
            print("FAIL:", what)


def run(*args):
    r = subprocess.run([PLAN, *args], capture_output=True, timeout=120)
    if r.returncode != 0:
        raise SystemExit(f"plan {' '.join(args)} exited {r.returncode}: {r.stderr.decode()}")
    return r.stdout.decode()


def marked_plan(directory):
    path = os.path.join(directory, "participacion-2021.yaml")
    shutil.copy(PLAN_2021, path)
    for date, address, args in sorted(MARKS + REVIEWS, key=lambda m: m[0]):
        kind = "review" if "--period" in args else "mark"
        run(kind, address, *args, "--date", date, "--as-of", date, path)
    run("validate", "--strict", path)
    return path


def build(directory, name, *args):
    out = os.path.join(directory, name)
    run("site", out, "--as-of", "2021-12-31", *args)
    return out


# ---------------------------------------------------------------------------
# Links, read from the HTML

class Page(html.parser.HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.refs, self.ids, self.tags, self.handlers = [], set(), [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("href", "src", "action", "srcset", "poster", "data"):
                self.refs.append((tag, k, v or ""))
            if k == "id":
                self.ids.add(v)
            if k.startswith("on"):
                self.handlers.append((tag, k))


def pages_of(site):
    for d, _, files in os.walk(site):
        for f in sorted(files):
            if f.endswith(".html"):
                yield os.path.join(d, f)


def check_links(site):
    count = 0
    parsed = {p: Page(open(p, encoding="utf-8").read()) for p in pages_of(site)}
    for path, page in parsed.items():
        rel = os.path.relpath(path, site)
        check(not page.handlers, f"{rel}: no event handler attributes ({page.handlers[:3]})")
        check("script" not in page.tags and "img" not in page.tags and "iframe" not in page.tags,
              f"{rel}: no script, img or iframe element")
        for tag, attr, ref in page.refs:
            url = urllib.parse.urlsplit(ref)
            if url.scheme in ("http", "https"):
                check(tag == "a" and attr == "href", f"{rel}: only links go outside ({tag} {ref})")
                continue
            check(url.scheme == "" and not url.netloc, f"{rel}: {tag} {attr}={ref!r} is relative")
            count += 1
            if not url.path:
                check(url.fragment in page.ids, f"{rel}: #{url.fragment} is an id of the page")
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(path),
                                                   urllib.parse.unquote(url.path)))
            check(target.startswith(site + os.sep) and os.path.isfile(target),
                  f"{rel}: {ref} resolves to a file of the site")
    return count


# ---------------------------------------------------------------------------
# Chromium through the DevTools protocol on a pipe (as check_report_layout.py)

class Browser(devtools.Browser):
    """tests/support/devtools.py's, with the console's errors and the
    Runtime and Log events that carry them."""

    def __init__(self, profile):
        super().__init__(CHROMIUM, profile, 1280, 1000,
                         domains=("Page.enable", "Runtime.enable", "Log.enable"), timeout=120)

    def errors(self):
        """Console errors and exceptions since the page was loaded."""
        out = []
        for e in self.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(p["exceptionDetails"].get("text", "exception"))
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(str(p.get("args")))
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append(p["entry"]["text"])
        return out

    def save_screenshot(self, out):
        with open(out, "wb") as f:
            f.write(self.screenshot())


AXE_RUN = """axe.run(document, {runOnly: {type: 'tag', values:
  ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}}).then(r =>
  r.violations.map(v => v.id + ' (' + v.impact + '): ' +
    v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary.slice(0, 160)).join(' | ')))"""
# The page scrolls sideways at 390 px? (A table scrolls in its own box.)
OVERFLOW = """(() => { const r = document.documentElement;
  const out = [...document.body.querySelectorAll('*')].filter(e => !e.closest('.wide'))
    .filter(e => e.getBoundingClientRect().right > r.clientWidth + 0.5)
    .slice(0, 3).map(e => e.tagName + ' ' + e.textContent.slice(0, 40));
  return {scroll: r.scrollWidth, client: r.clientWidth, over: out}; })()"""
HOSTILE_DOM = """({scripts: document.scripts.length, images: document.images.length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(
    a => a.name.startsWith('on'))).length,
  js: [...document.querySelectorAll('[href]')].filter(
    e => /^\\s*javascript:/i.test(e.getAttribute('href'))).length,
  text: document.body.textContent})"""


def check_pages(browser, site, axe, name):
    for path in pages_of(site):
        rel = f"{name}/{os.path.relpath(path, site)}"
        for width, height in ((1280, 1000), (390, 844)):
            browser.size(width, height)
            browser.load(path)
            check(not browser.errors(), f"{rel} at {width} px: console errors {browser.errors()[:3]}")
            if width == 390:
                m = browser.evaluate(OVERFLOW)
                check(m["scroll"] <= m["client"] and not m["over"],
                      f"{rel} at 390 px: the page scrolls sideways ({m})")
                continue
            browser.evaluate(axe)
            violations = browser.evaluate(AXE_RUN)
            check(not violations, f"{rel}: axe-core: {violations}")
            if name == "hostile":
                d = browser.evaluate(HOSTILE_DOM)
                check(d["scripts"] == 0 and d["images"] == 0 and d["handlers"] == 0 and d["js"] == 0,
                      f"{rel}: hostile text made live HTML ({ {k: d[k] for k in d if k != 'text'} })")


def check_print(browser, page):
    browser.size(1280, 1000)
    browser.load(page)
    browser.send("Emulation.setEmulatedMedia", browser.session, media="print")
    shown = browser.evaluate("getComputedStyle(document.querySelector('header nav')).display")
    browser.send("Emulation.setEmulatedMedia", browser.session, media="")
    check(shown == "none", f"printed, the navigation is hidden ({shown})")


def screenshots(browser, site):
    os.makedirs(SCREENS, exist_ok=True)
    shots = [("index", "participacion-2021/index.html"), ("report", "participacion-2021/C2.html"),
             ("activity", "participacion-2021/activity-1-1.html")]
    for width, height in ((1280, 1000), (390, 844)):
        browser.size(width, height)
        for name, rel in shots:
            browser.load(os.path.join(site, rel))
            out = os.path.join(SCREENS, f"site-{name}-{width}.png")
            browser.save_screenshot(out)
            print("wrote", out)


def check_harness(browser, site, axe):
    """The checks see what they look for: a page with an image without alt
    text, grey text on white and a link to a missing file fails each."""
    bad = os.path.join(site, "participacion-2021", "harness.html")
    text = open(os.path.join(site, "participacion-2021", "index.html"), encoding="utf-8").read()
    with open(bad, "w", encoding="utf-8") as f:
        f.write(text.replace("<main id=\"main\">", "<main id=\"main\"><p style=\"color:#bbb\">gris</p>"
                             "<img src=\"missing.png\"><a href=\"missing.html\">x</a>"))
    before = len(failures)
    quiet.append(True)
    check_links(site)
    found = failures[before:]
    browser.size(1280, 1000)
    browser.load(bad)
    errors = browser.errors()
    browser.evaluate(axe)
    violations = browser.evaluate(AXE_RUN)
    del failures[before:]
    quiet.clear()
    os.remove(bad)
    print(f"harness: {len(errors)} console errors, axe-core: {[v.split(' ')[0] for v in violations]}")
    check(len(found) == 3, f"harness: the links check sees the image and two missing files ({found})")
    check(errors, "harness: a missing image is a console error")
    check(any(v.startswith("image-alt") for v in violations)
          and any(v.startswith("color-contrast") for v in violations),
          "harness: axe-core sees an image without alt text and grey text")


def main():
    if not os.path.isfile(AXE):
        print("skipped: needs axe-core (tests/export/install_tooling.sh installs it)")
        sys.exit(77)
    axe = open(AXE, encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as d:
        marked = marked_plan(d)
        sites = {"es": build(d, "es", marked), "en": build(d, "en", "--lang", "en", marked),
                 "hostile": build(d, "hostile", HOSTILE), "long": build(d, "long", LONG)}
        for name, site in sites.items():
            n = check_links(site)
            print(f"{name}: {len(list(pages_of(site)))} pages, {n} internal links and sources resolve")
        # The hostile script is on the page as text.
        index = open(os.path.join(sites["hostile"], "index.html"), encoding="utf-8").read()
        check("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in index
              or "&lt;script&gt;" in index, "hostile: the script's text is escaped on the index")
        browser = Browser(os.path.join(d, "profile"))
        try:
            check_harness(browser, sites["es"], axe)
            for name, site in sites.items():
                check_pages(browser, site, axe, name)
                print(f"{name}: every page loaded at 1280 and 390 px and checked by axe-core")
            check_print(browser, os.path.join(sites["es"], "participacion-2021", "C2.html"))
            if os.environ.get("PLAN_UPDATE_SCREENS") == "1":
                screenshots(browser, sites["es"])
        finally:
            browser.close()
    print(f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


main()
