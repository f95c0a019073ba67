#!/usr/bin/python3
"""Mark differential: `plan mark` makes exactly the asked change (issue 13).

Takes MARKS variants (default 500) of the reading differential that plan
reads as libyaml does, spread over every transformation class, and runs
`plan mark ADDRESS PROGRESS --note NOTE --date DATE` on a scratch copy of
each, with notes that are legal YAML text but hostile to a writer that does
not quote (.inf, <<, yes, a: b, raw NEL, U+2028...). Then either
- plan refused: the file must be byte-identical; or
- plan wrote it: libyaml must read the new file, and its reading must be
  libyaml's reading of the old one with exactly the asked change (the
  activity's progress set, one update appended with that date, progress
  and note) under model.py's normalisations; and plan must read the new
  file back as libyaml does (the reading differential's judge).
Anything else is a misread, checked against known_misreads.txt (ids
`mark:...`) as the reading check does.

    check_mark.py PLAN_BINARY SOURCE_DIR [MARKS]
"""
import collections
import concurrent.futures
import os
import random
import shutil
import subprocess
import sys

MARKS = int(sys.argv[3]) if len(sys.argv) > 3 else 500
del sys.argv[3:]  # check_reading, imported below, reads its own count there
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_reading as reading  # noqa: E402
import known  # noqa: E402
import model  # noqa: E402
import spell  # noqa: E402

import yaml  # noqa: E402

NOTES = [
    ".inf", ".nan", "+.5", "-.INF", "2021-03-04", "2021-03-04 10:00:00", "<<", "=", "yes", "No",
    "on", "null", "~", "#x", "x #y", "a: b", "x: ", "- x", "? q", ": q", "¿listo?", "[a]", "{a}",
    "'q'", '"q"', " leading space", "trailing space ", "raw\u0085NEL", "line\u2028separator",
    "para\u2029separator", "tab\there", "\ttab first", "emoji 🎉 listo", "0x1F", "1_000", "0o17",
    "!tag", "&anchor", "*alias", "%x", "@x", "`x", "|", ">", "a,b", "{a: 1}", "a\\b", "e\u0301",
    "...", "---", "no-break\u00a0space",
]


def pick(doc, rng):
    """(address, progress, date, note) for one activity of libyaml's reading."""
    exp = model.expected_model(doc)
    acts = [a for line in exp["lines"] for a in line["activities"]]
    act = rng.choice(acts)
    last = max([u["date"] for u in act["updates"]] + ["2021-11-01"])
    day = rng.randint(int(last[-2:]) if last[:7] == "2021-11" else 1, 28)
    date = "2021-%s-%02d" % (rng.choice(["11", "12"]) if last[:7] != "2021-12" else "12", day)
    date = max(date, last)
    return act["id"], rng.randint(0, 100), date, rng.choice(NOTES)


def apply_raw(doc, address, progress, date, note):
    """libyaml's old reading with the asked change made by hand."""
    line_id, act_id = (int(x) for x in address.split("."))
    for line in doc["lines"]:
        for act in line["activities"] if line["id"] == line_id else []:
            if act["id"] == act_id:
                act["progress"] = progress
                act["updates"] = (act.get("updates") or []) + [
                    {"date": date, "progress": progress, "note": note}]
    return doc


def check_one(job):
    path, scratch, seed = job
    rng = random.Random(seed)
    with open(path, "rb") as f:
        before = f.read()
    doc = yaml.load(before, Loader=spell.LOADER)
    address, progress, date, note = pick(doc, rng)
    shutil.copyfile(path, scratch)
    r = reading.run("mark", address, str(progress), "--note=" + note, "--date", date, scratch)
    with open(scratch, "rb") as f:
        after = f.read()
    asked = "%s %d --date %s --note %r" % (address, progress, date, note)
    # A class per note: the notes are few and each fails for its own reason.
    tag = " note=" + ascii(note).replace("|", "\\x7c")
    if r.returncode != 0:
        if after != before:
            return "misread", [("refused-but-changed" + tag, asked, "", "")]
        return "refused", r.stderr.decode(errors="replace").strip().splitlines()[:1]
    try:
        new = yaml.load(after, Loader=spell.LOADER)
    except yaml.YAMLError as e:
        return "misread", [("libyaml-refuses-output" + tag, asked, "", str(e).splitlines()[0])]
    try:
        want = model.expected_model(apply_raw(doc, address, progress, date, note))
        got = model.expected_model(new)
    except model.Refuse as e:
        return "misread", [("output-not-a-plan" + tag, asked, "", str(e))]
    diffs = model.compare(want, got)
    if diffs:
        return "misread", [("libyaml-reads-other:" + model.field_class(p) + tag, asked, x, y)
                           for p, x, y in diffs]
    outcome, details = reading.judge(scratch)
    if outcome == "misread":
        return "misread", [("plan-reads-output-other:" + d[0] + tag, asked, d[2], d[3]) for d in details]
    if outcome == "refused":
        return "misread", [("plan-refuses-its-output" + tag, asked, "", ", ".join(details))]
    return "marked", None


def main():
    known_classes = known.load(os.path.join(os.path.dirname(__file__), "known_misreads.txt"),
                               "mark")
    base_docs = reading.bases()
    tmp = reading.tempfile.mkdtemp(prefix="plan-mark-differential-")
    jobs, classes_of = [], {}
    i = 0
    # Every 7th variant of the reading check's sequence (7 is prime to the
    # number of classes, so every class comes first in some), kept when
    # plan reads it as libyaml does.
    while len(jobs) < MARKS and i < 20 * MARKS:
        name, doc = base_docs[i % len(base_docs)]
        classes, text = spell.make_variant(reading.json_copy(doc), i // len(base_docs),
                                           reading.SEED, name)
        path = os.path.join(tmp, "v%05d-%s.yaml" % (i, name))
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        if reading.judge(path)[0] == "same":
            jobs.append((path, path[:-5] + ".marked.yaml", "mark:%d" % i))
            classes_of[path] = classes
        i += 7
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(check_one, jobs))
    totals = collections.Counter()
    refusals = collections.Counter()
    misreads = collections.defaultdict(list)
    for job, (outcome, details) in zip(jobs, results):
        totals[outcome] += 1
        if outcome == "refused":
            refusals.update(details)
        elif outcome == "misread":
            for kind in sorted({d[0] for d in details}):
                misreads[kind].append((job[0], [d for d in details if d[0] == kind]))
    print("refusals:", dict(refusals))
    print("\nmisread classes:")
    for kind, hits in sorted(misreads.items()):
        path, details = min(hits, key=lambda h: os.path.getsize(h[0]))
        _, asked, x, y = details[0]
        print("  %s: %d marks; smallest %s [%s]\n    mark %s: want %r, got %r" % (
            kind, len(hits), os.path.basename(path), "+".join(classes_of[path]), asked, x, y))
    failed = known.verdict({k: len(v) for k, v in misreads.items()}, known_classes)
    print("\nmarks %d: marked %d, refused %d, misread %d (known: %d classes)" % (
        len(jobs), totals["marked"], totals["refused"], totals["misread"],
        len(set(misreads) & set(known_classes))))
    if len(jobs) < MARKS:
        print("FAIL: only %d variants that plan reads as libyaml does" % len(jobs))
        failed = True
    if failed:
        print("files in", tmp)
        raise SystemExit(1)
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
