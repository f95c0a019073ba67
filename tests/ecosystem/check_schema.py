#!/usr/bin/env python3
"""check_schema.py: docs/plan.schema.json against the real loader.

    check_schema.py PLAN_BINARY SOURCE_DIR

1. The schema is a valid JSON Schema (draft 2020-12).
2. Every plan file in plans/, tests/e2e/plans/ and tests/bad/ that
   `plan validate` accepts, the schema accepts too.
3. A table of small documents, each judged by both `plan validate` and the
   schema: both must give the expected verdict (and the binary the expected
   diagnostic code). A few documents record where the two differ on purpose:
   what only `plan validate` can see (impossible dates, unknown owners), and
   owner codes, which the schema restricts more than the loader does.

YAML is read with the YAML 1.2 core schema, as yaml-cpp and editors
(yaml-language-server) read it: 2021-03-05 stays text, `yes` is not true.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import yaml
except ImportError as e:
    sys.exit(f"check_schema: {e}: this test needs Debian's python3-jsonschema and "
             "python3-yaml; run scripts/setup.sh")


class CoreLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader with YAML 1.2 core-schema scalars, not 1.1's."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    CoreLoader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern),
                                     list(first))


def construct_core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # 010 is ten, not YAML 1.1's eight


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_core_int)


def load_yaml(text):
    return yaml.load(text, Loader=CoreLoader)


class Checker:
    def __init__(self, binary, source_dir):
        self.binary = binary
        self.source_dir = source_dir
        with open(os.path.join(source_dir, "docs", "plan.schema.json"), encoding="utf-8") as f:
            self.schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(self.schema)
        self.validator = jsonschema.Draft202012Validator(self.schema)
        self.failures = []
        self.passed = 0
        self.tmp = tempfile.mkdtemp(prefix="plan-schema-")

    def fail(self, what):
        self.failures.append(what)
        print(f"FAIL: {what}")

    def schema_errors(self, text):
        doc = load_yaml(text)
        return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in self.validator.iter_errors(doc)]

    def plan_errors(self, path):
        """The error codes of `plan validate` (warnings are not errors)."""
        r = subprocess.run([self.binary, "validate", "--format", "json", "--lang", "en",
                            "--as-of", "2021-12-31", path],
                           capture_output=True, text=True, env=dict(os.environ, LANG="C"))
        if r.returncode not in (0, 1):
            raise SystemExit(f"check_schema: '{self.binary} validate {path}' exited "
                             f"{r.returncode}: {r.stderr}")
        diags = json.loads(r.stdout)
        codes = [d["code"] for d in diags if d["severity"] == "error"]
        if (r.returncode == 0) != (not codes):
            raise SystemExit(f"check_schema: exit {r.returncode} but errors {codes} for {path}")
        return codes

    # -- 1. the schema's own shape --------------------------------------------

    def check_shape(self):
        """Every key is described in Spanish and English ("es / en"), and
        every mapping with named keys refuses others."""
        def walk(node, path):
            if isinstance(node, dict):
                for key, sub in node.get("properties", {}).items():
                    if " / " not in sub.get("description", ""):
                        self.fail(f"{path}/{key}: no description 'español / English'")
                if "properties" in node and node.get("additionalProperties") is not False:
                    self.fail(f"{path}: additionalProperties is not false")
                for key, sub in node.items():
                    walk(sub, f"{path}/{key}")
            elif isinstance(node, list):
                for i, sub in enumerate(node):
                    walk(sub, f"{path}/{i}")
        before = len(self.failures)
        walk(self.schema, "#")
        if len(self.failures) == before:
            self.passed += 1
            print("ok: every key has a description in Spanish and English; "
                  "additionalProperties is false everywhere")

    # -- 2. the plan files of the repository ----------------------------------

    def check_files(self):
        files = []
        for sub in ("plans", os.path.join("tests", "e2e", "plans"), os.path.join("tests", "bad")):
            top = os.path.join(self.source_dir, sub)
            for root, _, names in os.walk(top):
                files += [os.path.join(root, n) for n in names if n.endswith((".yaml", ".yml"))]
        accepted = 0
        for path in sorted(files):
            rel = os.path.relpath(path, self.source_dir)
            codes = self.plan_errors(path)
            if codes:
                print(f"skip: {rel}: plan validate rejects it ({', '.join(sorted(set(codes)))})")
                continue
            accepted += 1
            with open(path, encoding="utf-8") as f:
                errors = self.schema_errors(f.read())
            if errors:
                self.fail(f"{rel}: plan validate accepts it, the schema does not: {errors}")
            else:
                self.passed += 1
                print(f"ok: {rel}: valid for both")
        if accepted < 3:
            self.fail(f"only {accepted} plan files accepted by plan validate; expected at least "
                      "plans/participacion-2021.yaml and tests/e2e/plans/{marked,warnings}.yaml")

    # -- 3. documents judged by both ------------------------------------------

    def check_case(self, name, text, code, schema_valid):
        """code: the error `plan validate` must report, None if it must accept."""
        path = os.path.join(self.tmp, re.sub(r"[^a-z0-9]+", "-", name.lower()) + ".yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        codes = self.plan_errors(path)
        errors = self.schema_errors(text)
        ok = True
        if code is None and codes:
            self.fail(f"{name}: plan validate should accept it, reports {codes}")
            ok = False
        if code is not None and code not in codes:
            self.fail(f"{name}: plan validate should report [{code}], reports {codes or 'nothing'}")
            ok = False
        if schema_valid and errors:
            self.fail(f"{name}: the schema should accept it: {errors}")
            ok = False
        if not schema_valid and not errors:
            self.fail(f"{name}: the schema should reject it")
            ok = False
        if ok:
            self.passed += 1
            verdict = "accepted" if schema_valid else f"rejected ({errors[0]})"
            print(f"ok: {name}: {code or 'valid'}; schema: {verdict}")

    def check_cases(self):
        for name, edits, code in CASES:
            self.check_case(name, edit(BASE, edits), code, schema_valid=code is None)
        for name, edits, code in BEYOND_SCHEMA:
            self.check_case(name, edit(BASE, edits), code, schema_valid=True)
        for name, edits in STRICTER_SCHEMA:
            self.check_case(name, edit(BASE, edits), None, schema_valid=False)


# A plan that uses every key once, so that each case below changes one thing.
BASE = """\
version: 1
plan:
  id: base
  title: Base
  entity: Entidad
  period: {start: 2021-01, end: 2021-12}
  language: es
  objective: Objetivo del plan
  thresholds: {green: 80, yellow: 60}
owners:
  SG: {name: Secretaría General}
  EPC: {name: Equipo Participación, parent: SG, external: false}
lines:
  - id: 1
    title: Línea
    objective: Objetivo de la línea
    lead: [SG]
    support: [EPC]
    product: Producto de la línea
    activities:
      - id: 1
        title: Actividad
        start: 2021-03
        end: 2021-05-15
        product: Producto de la actividad
        deliverables:
          - {name: Informe, owner: EPC, count: 2}
        lead: [SG]
        support: [EPC]
        weight: 1
        progress: 40
        status: blocked
        updates:
          - date: 2021-04-30
            progress: 40
            note: Nota
            by: EPC
            evidence: https://example.org/evidencia
"""


def edit(text, edits):
    """Applies (old, new) replacements, each old occurring exactly once; or
    calls edits when it is a function of the text."""
    if callable(edits):
        return edits(text)
    for old, new in edits:
        n = text.count(old)
        if n != 1:
            raise SystemExit(f"check_schema: bad test case: {old!r} occurs {n} times")
        text = text.replace(old, new)
    return text


def block(indent, key, new):
    """An edit that replaces the key at that indentation and its contents."""
    pattern = re.compile(rf"^{indent}{key}:.*\n(?:{indent} .*\n)*", re.M)

    def apply(text):
        text, n = pattern.subn(lambda _: new, text)
        if n != 1:
            raise SystemExit(f"check_schema: bad test case: {indent}{key}: found {n} times")
        return text
    return apply


ACT = "\n        "   # an activity's key
LINE = "\n    "      # a line's key
UPD = "\n            "  # an update's key

# (name, edits, error code or None when both must accept it)
CASES = [
    ("base plan", [], None),
    ("minimal plan",
     [("  entity: Entidad\n", ""), ("  language: es\n", ""),
      ("  objective: Objetivo del plan\n", ""), ("  thresholds: {green: 80, yellow: 60}\n", ""),
      ("owners:\n", "owners: {SG: {}}\nold_owners:\n"),
      ("old_owners:\n  SG: {name: Secretaría General}\n"
       "  EPC: {name: Equipo Participación, parent: SG, external: false}\n", ""),
      (LINE + "objective: Objetivo de la línea", ""), (LINE + "support: [EPC]", ""),
      (LINE + "product: Producto de la línea", ""),
      (ACT + "product: Producto de la actividad", ""),
      (ACT + "deliverables:\n          - {name: Informe, owner: EPC, count: 2}", ""),
      (ACT + "lead: [SG]", ""), (ACT + "support: [EPC]", ""), (ACT + "weight: 1", ""),
      (ACT + "progress: 40", ""), (ACT + "status: blocked", ""),
      (ACT + "updates:" + UPD[:-2] + "- date: 2021-04-30" + UPD + "progress: 40" + UPD
       + "note: Nota" + UPD + "by: EPC" + UPD + "evidence: https://example.org/evidencia", "")],
     None),
    ("optional keys with no value",
     [("entity: Entidad", "entity:"), ("language: es", "language:"),
      ("objective: Objetivo del plan", "objective: ~"),
      ("thresholds: {green: 80, yellow: 60}", "thresholds:"),
      (LINE + "support: [EPC]", LINE + "support:"), ("product: Producto de la línea", "product:"),
      ("{name: Informe, owner: EPC, count: 2}", "{name: ~, owner: ~, count: ~}"),
      (ACT + "support: [EPC]", ACT + "support: null"), ("weight: 1", "weight:"),
      ("status: blocked", "status:"), ("note: Nota", "note:"), ("by: EPC", "by:"),
      ("evidence: https://example.org/evidencia", "evidence:")],
     None),
    ("owner with no details", [("  EPC: {name: Equipo Participación, parent: SG, external: false}",
                                "  EPC:")], None),
    ("empty owner references", [("parent: SG", "parent: ''"), ("owner: EPC", 'owner: ""'),
                                ("by: EPC", "by: ''")], None),
    ("numbers and booleans as text", [("id: base", "id: 2021"), ("title: Base", "title: 2021"),
                                      ("note: Nota", "note: 100"), ("title: Línea", "title: true"),
                                      ("name: Informe", "name: 1.5")], None),
    ("dates written as text", [("start: 2021-03", 'start: "2021-03"'),
                               ("date: 2021-04-30", "date: '2021-04'")], None),
    ("no lines", block("", "lines", "lines: []\n"), None),
    ("lines with no value", block("", "lines", "lines:\n"), None),
    ("a line with no activities", block("    ", "activities", "    activities: []\n"), None),
    ("decimal weight, cancelled, external", [("weight: 1", "weight: 0.5"),
                                             ("status: blocked", "status: cancelled"),
                                             ("external: false", "external: True")], None),
    ("thresholds in part", [("{green: 80, yellow: 60}", "{green: 90}")], None),
    ("progress 0 and 100", [("progress: 40\n        status", "progress: 100\n        status"),
                            ("progress: 40\n            note", "progress: 100\n            note")],
     None),

    ("unknown key in an activity", [(ACT + "title: Actividad", ACT + "titel: Actividad")],
     "unknown-key"),
    ("unknown key at the top", [("version: 1\n", "version: 1\nauthor: yo\n")], "unknown-key"),
    ("unknown key in plan", [("  title: Base\n", "  title: Base\n  name: Base\n")], "unknown-key"),
    ("unknown key in period", [("end: 2021-12}", "end: 2021-12, middle: 2021-06}")],
     "unknown-key"),
    ("unknown key in thresholds", [("yellow: 60}", "yellow: 60, red: 10}")], "unknown-key"),
    ("unknown key in an owner", [("{name: Secretaría General}", "{nmae: Secretaría General}")],
     "unknown-key"),
    ("unknown key in a line", [("product: Producto de la línea", "producto: Producto")],
     "unknown-key"),
    ("unknown key in a deliverable", [("count: 2}", "cnt: 2}")], "unknown-key"),
    ("unknown key in an update", [("note: Nota", "comment: Nota")], "unknown-key"),

    ("lead not a list", [(LINE + "lead: [SG]", LINE + "lead: SG")], "wrong-type"),
    ("support not a list", [(ACT + "support: [EPC]", ACT + "support: EPC")], "wrong-type"),
    ("progress not a number", [("progress: 40\n        status", "progress: abc\n        status")],
     "wrong-type"),
    ("progress quoted", [("progress: 40\n            note", 'progress: "40"\n            note')],
     "wrong-type"),
    ("progress with decimals", [("progress: 40\n        status", "progress: 40.5\n        status")],
     "wrong-type"),
    ("external: maybe", [("external: false", "external: maybe")], "wrong-type"),
    ("external: yes (YAML 1.1 only)", [("external: false", "external: yes")], "ambiguous-value"),
    ("weight not a number", [("weight: 1", "weight: heavy")], "wrong-type"),
    ("line id quoted", [("  - id: 1\n    title", '  - id: "1"\n    title')], "wrong-type"),
    ("version quoted", [("version: 1", "version: '1'")], "wrong-type"),
    ("lines not a list", block("", "lines", "lines: 5\n"), "wrong-type"),
    ("plan not a mapping", block("", "plan", "plan: base\n"), "wrong-type"),
    ("owners a list", block("", "owners", "owners: [SG, EPC]\n"), "wrong-type"),
    ("title a list", [("title: Actividad", "title: [Actividad]")], "wrong-type"),
    ("updates a mapping", [("updates:\n          - date", "updates:\n            date")],
     "wrong-type"),
    ("an activity that is text", [("activities:\n", "activities:\n      - Actividad suelta\n")],
     "wrong-type"),
    ("a null owner code", [(LINE + "lead: [SG]", LINE + "lead: [SG, ~]")], "wrong-type"),

    ("month without zero", [("start: 2021-03", "start: 2021-3")], "invalid-date"),
    ("month 13", [("start: 2021-03", "start: 2021-13")], "invalid-date"),
    ("day 32", [("end: 2021-05-15", "end: 2021-05-32")], "invalid-date"),
    ("slashes", [("end: 2021-05-15", "end: 2021/05/15")], "invalid-date"),
    ("day first", [("date: 2021-04-30", "date: 30-04-2021")], "invalid-date"),
    ("a year alone", [("start: 2021-01", "start: 2021")], "invalid-date"),

    ("status typo", [("status: blocked", "status: bloqued")], "invalid-value"),
    ("status done", [("status: blocked", "status: done")], "invalid-value"),
    ("language fr", [("language: es", "language: fr")], "invalid-value"),

    ("progress 150", [("progress: 40\n        status", "progress: 150\n        status"),
                      ("progress: 40\n            note", "progress: 150\n            note")],
     "progress-range"),
    ("update progress -1", [("progress: 40\n        status", "progress: -1\n        status"),
                            ("progress: 40\n            note", "progress: -1\n            note")],
     "progress-range"),
    ("weight 0", [("weight: 1", "weight: 0")], "weight-range"),
    ("weight -2", [("weight: 1", "weight: -2.5")], "weight-range"),
    ("count 0", [("count: 2", "count: 0")], "count-range"),
    ("green 101", [("green: 80", "green: 101")], "threshold-range"),
    ("yellow -1", [("yellow: 60", "yellow: -1")], "threshold-range"),

    ("version 2", [("version: 1", "version: 2")], "unsupported-version"),
    ("plan id with capitals", [("id: base", "id: Base_1")], "invalid-id"),
    ("line id 0", [("  - id: 1\n    title", "  - id: 0\n    title")], "invalid-id"),
    ("activity id -1", [("      - id: 1\n", "      - id: -1\n")], "invalid-id"),

    ("empty line lead", [(LINE + "lead: [SG]", LINE + "lead: []")], "empty-lead"),
    ("line lead with no value", [(LINE + "lead: [SG]", LINE + "lead:")], "empty-lead"),
    ("empty activity lead", [(ACT + "lead: [SG]", ACT + "lead: []")], "empty-lead"),

    ("missing version", [("version: 1\n", "")], "missing-key"),
    ("missing plan", block("", "plan", ""), "missing-key"),
    ("plan with no value", block("", "plan", "plan:\n"), "missing-key"),
    ("missing lines", block("", "lines", ""), "missing-key"),
    ("missing plan id", [("  id: base\n", "")], "missing-key"),
    ("plan id with no value", [("  id: base\n", "  id:\n")], "missing-key"),
    ("missing plan title", [("  title: Base\n", "")], "missing-key"),
    ("missing period", [("  period: {start: 2021-01, end: 2021-12}\n", "")], "missing-key"),
    ("missing period end", [("{start: 2021-01, end: 2021-12}", "{start: 2021-01}")],
     "missing-key"),
    ("missing line id", [("  - id: 1\n    title: Línea", "  - title: Línea")], "missing-key"),
    ("missing line title", [(LINE + "title: Línea", "")], "missing-key"),
    ("missing line lead", [(LINE + "lead: [SG]", "")], "missing-key"),
    ("missing activities", block("    ", "activities", ""), "missing-key"),
    ("missing activity title", [(ACT + "title: Actividad", "")], "missing-key"),
    ("missing activity start", [(ACT + "start: 2021-03", "")], "missing-key"),
    ("missing activity end", [(ACT + "end: 2021-05-15", "")], "missing-key"),
    ("missing update date", [(UPD[:-2] + "- date: 2021-04-30" + UPD + "progress: 40",
                              UPD[:-2] + "- progress: 40")], "missing-key"),
    ("missing update progress", [(UPD + "progress: 40", "")], "missing-key"),
]

# Errors only `plan validate` finds: the schema accepts these.
BEYOND_SCHEMA = [
    ("impossible date", [("end: 2021-05-15", "end: 2021-02-30")], "invalid-date"),
    ("start after end", [("start: 2021-03", "start: 2021-06")], "date-order"),
    ("outside the period", [("end: 2021-05-15", "end: 2022-01-15")], "outside-period"),
    ("unknown owner", [(ACT + "support: [EPC]", ACT + "support: [EPX]")], "unknown-owner"),
    ("progress differs from the last update",
     [("progress: 40\n        status", "progress: 50\n        status")], "progress-mismatch"),
    ("yellow above green", [("{green: 80, yellow: 60}", "{green: 50, yellow: 60}")],
     "threshold-range"),
]

# Owner codes: the loader takes any text; the schema asks for a code that
# starts with a letter and holds only letters, digits, '_', '.', '-'.
STRICTER_SCHEMA = [
    ("owner code with a space", [("  SG: {name: Secretaría General}", "  Sec Gen: {name: S}"),
                                 (LINE + "lead: [SG]", LINE + "lead: [Sec Gen]"),
                                 (ACT + "lead: [SG]", ACT + "lead: [Sec Gen]"),
                                 ("parent: SG", "parent: Sec Gen")]),
]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check_schema.py PLAN_BINARY SOURCE_DIR")
    c = Checker(sys.argv[1], sys.argv[2])
    print(f"jsonschema {getattr(jsonschema, '__file__', '?')}; schema is valid draft 2020-12")
    c.check_shape()
    c.check_files()
    c.check_cases()
    print(f"{c.passed} passed, {len(c.failures)} failed")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
