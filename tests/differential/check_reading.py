#!/usr/bin/python3
"""Reading differential: plan reads YAML as libyaml does (issue 13).

Makes VARIANTS variants (default 4000) of the real plans that load without
errors, re-spelt in the legal YAML spellings (spell.py), and reads each with
libyaml (yaml.CSafeLoader) and with `plan export --format json`. Each variant
is one of:
- same: plan's model equals the model the format gives libyaml's reading
  (model.py, which lists every normalisation);
- refused: plan exits 1 and `plan validate --format json` reports an error
  whose code is in docs/diagnostics.md, with a line and a column;
- misread: anything else (plan accepts but reads something else, accepts
  what libyaml refuses or what is not a valid plan, or refuses without a
  documented, positioned code).

Misread classes listed in known_misreads.txt are reported but tolerated; the
check fails on a class not listed, and on a listed class that no longer
occurs (remove its line: the list only shrinks).

    check_reading.py PLAN_BINARY SOURCE_DIR [VARIANTS]
"""
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import known  # noqa: E402
import model  # noqa: E402
import spell  # noqa: E402

import yaml  # noqa: E402

PLAN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
COUNT = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
SEED = "issue-13"
AS_OF = model.AS_OF.isoformat()


def run(*args):
    return subprocess.run([PLAN, *args], capture_output=True)


def documented_codes():
    with open(os.path.join(SOURCE, "docs", "diagnostics.md"), encoding="utf-8") as f:
        return {line.split("`")[1] for line in f if line.startswith("| `")}


CODES = documented_codes()


def positioned_refusal(path):
    """The documented, positioned error codes plan validate gives, or why not."""
    r = run("validate", "--format", "json", "--lang", "en", path)
    try:
        diags = json.loads(r.stdout)
    except ValueError:
        return None, "validate printed no JSON (exit %d)" % r.returncode
    errors = [d for d in diags if d.get("severity") == "error"]
    good = [d for d in errors if d.get("code") in CODES
            and (d.get("line") or 0) > 0 and (d.get("column") or 0) > 0]
    if good:
        return good, None
    return None, "; ".join("%s at %s:%s" % (d.get("code"), d.get("line"), d.get("column"))
                           for d in errors) or "no error reported (exit %d)" % r.returncode


def bases():
    """The real plans that libyaml reads and plan loads without errors."""
    paths = [os.path.join(SOURCE, "plans", "participacion-2021.yaml")]
    e2e = os.path.join(SOURCE, "tests", "e2e", "plans")
    paths += [os.path.join(e2e, n) for n in sorted(os.listdir(e2e)) if n.endswith(".yaml")]
    out = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                doc = yaml.load(f, Loader=spell.LOADER)
        except (yaml.YAMLError, ValueError):
            continue  # a plan of bad examples
        if run("export", "--format", "json", "--as-of", AS_OF, path).returncode == 0:
            out.append((os.path.basename(path)[:-5], doc))
    return out


# Refusals for the file's form: plan may refuse legal YAML with them (the
# format forbids anchors, tags, directives and markers; yaml-cpp cannot read
# everything libyaml can, and says so with yaml-syntax at a line). Any other
# code on a file whose libyaml reading is a valid plan says plan read
# something else.
FORM_CODES = {"yaml-syntax", "multiple-documents", "anchor-alias", "unsupported-tag",
              "unsupported-directive", "too-deep", "invalid-character", "invalid-utf8",
              "empty-file"}
# A plain number or boolean that YAML 1.1 (libyaml) and YAML 1.2 read
# differently (`on`, `2_0`, `012`, `1e3`): plan refuses it rather than take
# either reading, says so with this code at the value, and the errors that
# follow from the refused value (progress-mismatch...) are its consequences.
DISPUTED = "ambiguous-value"
# Codes of the loader, which name the first thing misread; the validator's
# (progress-mismatch...) often only follow from it.
LOAD_CODES = {"wrong-type", "invalid-date", "missing-key", "unknown-key", "duplicate-key",
              "invalid-id", "invalid-value", "unsupported-version", "empty-lead"}
# Characters that yaml-cpp returns from an escape without encoding them.
ESCAPED = {"\x85": "\\N (U+0085)", "\xa0": "\\_ (U+00A0)", "\u2028": "\\L (U+2028)",
           "\u2029": "\\P (U+2029)"}


def classify(path, x, y):
    """A misread's class from the field and the two values."""
    if isinstance(x, str) and isinstance(y, str) and "\ufffd" in y and "\ufffd" not in x:
        lost = [name for c, name in ESCAPED.items() if c in x]
        if lost:
            return "text-escape-as-invalid-utf8"
    if path.endswith((".lead", ".support")) and ".activities[" in path and y == [] and x:
        return "activity-null-owners-as-empty-list"
    return "differs:" + model.field_class(path)


def spelling(diag, lines):
    """For wrong-type, which spelling of a number or boolean plan refused."""
    if diag["code"] != "wrong-type":
        return ""
    line = lines[diag["line"] - 1]
    value = re.match(r"[^,}\]\s#]*", line[diag["column"] - 1:]).group(0)
    for kind, pattern in (("hex", r"[-+]?0x[0-9a-fA-F_]+"), ("underscore", r"[-+]?[0-9][0-9_]*_[0-9_]*"),
                          ("plus-sign", r"\+[0-9.]+"), ("leading-zero", r"0[0-9]+"),
                          ("bool-word", r"(?i:yes|no|on|off|y|n|true|false)"),
                          ("float-exponent", r"[-+]?[0-9.]+e[-+]?[0-9]+")):
        if re.fullmatch(pattern, value):
            return ":" + kind
    return ":key" if "'key'" in diag["message"] else ":other"


def judge(path):
    """(outcome, details) of one variant file."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        doc = yaml.load(raw, Loader=spell.LOADER)
        expected, invalid = model.expected_model(doc), None
    except yaml.YAMLError as e:
        expected, invalid = None, "libyaml refuses: " + str(e).splitlines()[0]
    except (model.Refuse, ValueError) as e:
        # ValueError: PyYAML's constructor refuses an impossible timestamp.
        expected, invalid = None, "not a valid plan: " + str(e)
    r = run("export", "--format", "json", "--as-of", AS_OF, path)
    if r.returncode == 0:
        if invalid:
            kind = "accepts-invalid-yaml" if invalid.startswith("libyaml") else "accepts-invalid-plan"
            return "misread", [(kind, invalid, "", "accepted")]
        try:
            actual = model.plan_model(json.loads(r.stdout))
        except ValueError as e:
            return "misread", [("unreadable-json", "", "", str(e))]
        diffs = model.compare(expected, actual)
        if not diffs:
            return "same", None
        return "misread", [(classify(p, x, y), p, x, y) for p, x, y in diffs]
    codes, why = positioned_refusal(path)
    if not codes:
        return "misread", [("refuses-unpositioned", invalid or "libyaml reads a valid plan", "",
                            why)]
    wrong = [d for d in codes if d["code"] not in FORM_CODES]
    if any(d["code"] == DISPUTED for d in codes):
        wrong = []
    if invalid is None and wrong:
        first = [d for d in wrong if d["code"] in LOAD_CODES] or wrong
        with open(path, encoding="utf-8-sig", newline="") as f:
            lines = f.read().splitlines()
        return "misread", [("refuses-valid-plan:" + d["code"] + spelling(d, lines),
                            "line %d" % d["line"], lines[d["line"] - 1].strip(), d["message"])
                           for d in first]
    return "refused", sorted({d["code"] for d in codes})


def main():
    known_classes = known.load(os.path.join(os.path.dirname(__file__), "known_misreads.txt"),
                               "reading")
    base_docs = bases()
    if not base_docs:
        raise SystemExit("no base plan loads")
    print("bases:", ", ".join(name for name, _ in base_docs))
    tmp = tempfile.mkdtemp(prefix="plan-differential-")
    jobs = []
    for i in range(COUNT):
        name, doc = base_docs[i % len(base_docs)]
        classes, text = spell.make_variant(json_copy(doc), i // len(base_docs), SEED, name)
        path = os.path.join(tmp, "v%05d-%s.yaml" % (i, name))
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        jobs.append((path, classes))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: judge(job[0]), jobs))
    report(jobs, results, known_classes, tmp)


def json_copy(doc):
    """A deep copy that keeps dates (the generator alters its input)."""
    if isinstance(doc, dict):
        return {k: json_copy(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [json_copy(v) for v in doc]
    return doc


def report(jobs, results, known_classes, tmp):
    totals = collections.Counter()
    per_class = collections.defaultdict(collections.Counter)
    refusals = collections.Counter()
    misreads = collections.defaultdict(list)
    for (path, classes), (outcome, details) in zip(jobs, results):
        totals[outcome] += 1
        for c in classes:
            per_class[c][outcome] += 1
        if outcome == "refused":
            refusals.update(details)
        elif outcome == "misread":
            for kind in sorted({d[0] for d in details}):
                misreads[kind].append((path, classes, [d for d in details if d[0] == kind]))
    print("\nper transformation class (a variant counts in each of its classes):")
    for c in spell.CLASSES:
        n = per_class[c]
        print("  %-18s same %4d  refused %4d  misread %4d" % (c, n["same"], n["refused"],
                                                              n["misread"]))
    print("\nrefusal codes:", ", ".join("%s %d" % kv for kv in sorted(refusals.items())))
    print("\nmisread classes:")
    for kind, hits in sorted(misreads.items()):
        path, classes, details = min(hits, key=lambda h: os.path.getsize(h[0]))
        _, field, x, y = details[0]
        print("  %s: %d variants; smallest %s [%s]\n    %s: libyaml %r, plan %r" % (
            kind, len(hits), os.path.basename(path), "+".join(classes), field, x, y))
    print("\nvariants written to", tmp)
    failed = known.verdict({k: len(v) for k, v in misreads.items()}, known_classes)
    n_known = len(set(misreads) & set(known_classes))
    print("\nvariants %d: same %d, refused %d, misread %d (known: %d classes)" % (
        len(jobs), totals["same"], totals["refused"], totals["misread"], n_known))
    if failed:
        raise SystemExit(1)
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
