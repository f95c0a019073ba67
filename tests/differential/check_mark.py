#!/usr/bin/python3
"""Mark differential: `plan mark` makes exactly the asked change (issue 13).

Takes MARKS variants (default 500) of the reading differential that plan
reads as libyaml does, spread over every transformation class, and runs
`plan mark ADDRESS PROGRESS --note NOTE --date DATE` on a scratch copy of
each, with notes that are legal YAML text but hostile to a writer that does
not quote (.inf, <<, yes, a: b, raw NEL, U+2028...). Then EDGES more
(default 300), from spell.py's mark classes: the spellings of the places
mark edits (comments before a flow activity's '}', an empty value right
before it, update entries whose '-' stands alone, `status` as a block
scalar, `status` right after an `updates` with no value), marked with
updates filed between others (back-dated) and with --status blocked,
cancelled or none, with or without a progress. Then either
- plan refused: the file must be byte-identical, and the refusal must not
  be mark failing its own edit (internal-error, invalid-result: the plan
  and the change asked for are valid); or
- plan wrote it: libyaml must read the new file, and its reading must be
  libyaml's reading of the old one with exactly the asked change (one
  update filed in date order with that date, progress and note when a
  progress is asked, and the status word when a status is: blocked,
  cancelled, active for none; the activity's progress the last recorded
  one, its status key the last dated status, removed when that is active)
  under model.py's normalisations, its status and its updates' statuses
  compared as written; and plan must
  read the new file back as libyaml does (the reading differential's
  judge).
Anything else is a misread, checked against known_misreads.txt (ids
`mark:...`) as the reading check does.

    check_mark.py PLAN_BINARY SOURCE_DIR [MARKS [EDGES]]
"""
import collections
import concurrent.futures
import os
import random
import shutil
import subprocess
import sys

MARKS = int(sys.argv[3]) if len(sys.argv) > 3 else 500
EDGES = int(sys.argv[4]) if len(sys.argv) > 4 else 300
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


class Ask:
    """One mark: the activity, and what is asked of it (progress None: no
    update; status None: kept, "none": removed)."""

    def __init__(self, address, progress, date, note, status=None):
        self.address, self.progress, self.date = address, progress, date
        self.note, self.status = note, status

    def args(self):
        out = [self.address]
        if self.progress is not None:
            out += [str(self.progress), "--note=" + self.note]
        if self.status:
            out += ["--status", self.status]
        return out + ["--date", self.date]

    def __str__(self):
        return " ".join(self.args()[:1] + ([str(self.progress), "--note %r" % self.note]
                                           if self.progress is not None else []) +
                        (["--status", self.status] if self.status else []) +
                        ["--date", self.date])


def pick(doc, rng):
    """The Ask for one activity of libyaml's reading."""
    exp = model.expected_model(doc)
    acts = [a for line in exp["lines"] for a in line["activities"]]
    act = rng.choice(acts)
    last = max([u["date"] for u in act["updates"]] + ["2021-11-01"])
    day = rng.randint(int(last[-2:]) if last[:7] == "2021-11" else 1, 28)
    date = "2021-%s-%02d" % (rng.choice(["11", "12"]) if last[:7] != "2021-12" else "12", day)
    date = max(date, last)
    return Ask(act["id"], rng.randint(0, 100), date, rng.choice(NOTES))


def pick_edge(doc, rng, classes):
    """The Ask for one activity of a mark-class variant: one whose spelling
    the class tried when there is one, a date before its last update half
    the time, a status change most of the time."""
    exp = model.expected_model(doc)
    acts = [a for line in exp["lines"] for a in line["activities"]]
    raw = {a["id"]: r for a, r in zip(acts, [r for line in doc["lines"]
                                             for r in line.get("activities") or []])}
    if "status-block" in classes or "status-after-updates" in classes:
        acts = [a for a in acts if raw[a["id"]].get("status")] or acts
    if "dash-alone-deep" in classes:
        acts = [a for a in acts if a["updates"]] or acts
    act = rng.choice(acts)
    dates = [u["date"] for u in act["updates"]]
    if dates and rng.random() < 0.5:
        date = "2021-%02d-%02d" % (rng.randint(1, int(max(dates)[5:7])), rng.randint(1, 28))
    else:
        date = "2021-12-%02d" % rng.randint(1, 28)
    status = rng.choice([None, "blocked", "cancelled", "none", "none"])
    if "status-after-updates" in classes:
        status = rng.choice([None, "blocked", "none", "none", "none"])
    progress = rng.randint(0, 100) if status is None or rng.random() < 0.7 else None
    return Ask(act["id"], progress, date, rng.choice(NOTES), status)


def _find(doc, address):
    line_id, act_id = (int(x) for x in address.split("."))
    for line in doc["lines"]:
        for act in line["activities"] if line["id"] == line_id else []:
            if act["id"] == act_id:
                return act
    raise KeyError(address)


# The word a status change is dated with in the log (--status none: active).
ENTRY_STATUS = {"blocked": "blocked", "cancelled": "cancelled", "none": "active"}


def apply_raw(doc, ask):
    """libyaml's old reading with the asked change made by hand: one update
    (a progress with its note, a status, or both; a status alone has no
    progress) filed after every update dated on or before it (a month
    counts as its last day); the activity's progress the last one that
    records a progress; its status key the last dated status once the entry
    is in (removed when that is active), left as it was when a later-dated
    status entry was there already."""
    act = _find(doc, ask.address)
    updates = list(act.get("updates") or [])
    i = len(updates)
    while i > 0 and model._date(updates[i - 1]["date"], "date", True) > ask.date:
        i -= 1
    entry = {"date": ask.date}
    if ask.progress is not None:
        entry.update(progress=ask.progress, note=ask.note)
    if ask.status:
        entry["status"] = ENTRY_STATUS[ask.status]
    later_status = any("status" in u for u in updates[i:] if isinstance(u, dict))
    updates.insert(i, entry)
    act["updates"] = updates
    if ask.progress is not None:
        act["progress"] = [u for u in updates
                           if "status" not in u or u.get("progress") is not None][-1]["progress"]
    if ask.status and not later_status:
        if ask.status == "none":
            act.pop("status", None)
        else:
            act["status"] = ask.status
    return doc


def _status(act):
    s = act.get("status")
    return s.rstrip("\n") if isinstance(s, str) else s


# Refusals that are mark failing its own edit: the plan is valid and so is
# the change asked for.
OWN_FAILURES = ("[internal-error]", "[invalid-result]")


def check_one(job):
    path, scratch, seed, classes = job
    rng = random.Random(seed)
    with open(path, "rb") as f:
        before = f.read()
    doc = yaml.load(before, Loader=spell.LOADER)
    edge = seed.startswith("edge:")
    ask = pick_edge(doc, rng, classes) if edge else pick(doc, rng)
    shutil.copyfile(path, scratch)
    r = reading.run("mark", *ask.args(), scratch)
    with open(scratch, "rb") as f:
        after = f.read()
    asked = str(ask)
    # A class per note: the notes are few and each fails for its own reason.
    tag = (" note=" + ascii(ask.note).replace("|", "\\x7c")) if ask.progress is not None else ""
    if ask.status:
        tag += " status=" + ask.status
    if r.returncode != 0:
        if after != before:
            return "misread", [("refused-but-changed" + tag, asked, "", "")]
        said = r.stderr.decode(errors="replace").strip().splitlines()
        failure = [w for w in OWN_FAILURES if said and said[-1].endswith(w)]
        if failure:
            return "misread", [("refuses-own-edit:" + failure[0][1:-1] + tag, asked, "",
                                " / ".join(said))]
        return "refused", said[:1]
    try:
        new = yaml.load(after, Loader=spell.LOADER)
    except yaml.YAMLError as e:
        return "misread", [("libyaml-refuses-output" + tag, asked, "", str(e).splitlines()[0])]
    want_raw = apply_raw(doc, ask)
    try:
        want = model.expected_model(want_raw)
        got = model.expected_model(new)
    except model.Refuse as e:
        return "misread", [("output-not-a-plan" + tag, asked, "", str(e))]
    diffs = model.compare(want, got)
    # The model shows a status only when it decides the derived one.
    if _status(_find(want_raw, ask.address)) != _status(_find(new, ask.address)):
        diffs.append(("activity.status-as-written", _status(_find(want_raw, ask.address)),
                      _status(_find(new, ask.address))))
    # The model leaves out the updates' statuses (plan's JSON has none).
    want_log = [model.update_status(u) for u in _find(want_raw, ask.address).get("updates") or []]
    got_log = [model.update_status(u) for u in _find(new, ask.address).get("updates") or []]
    if want_log != got_log:
        diffs.append(("activity.updates.status-as-written", want_log, got_log))
    if diffs:
        return "misread", [("libyaml-reads-other:" + model.field_class(p) + tag, asked, x, y)
                           for p, x, y in diffs]
    outcome, details = reading.judge(scratch)
    if outcome == "misread":
        return "misread", [("plan-reads-output-other:" + d[0] + tag, asked, d[2], d[3]) for d in details]
    if outcome == "refused":
        return "misread", [("plan-refuses-its-output" + tag, asked, "", ", ".join(details))]
    return "marked", None


def variants(make, count, prefix, base_docs, tmp, stride):
    """Jobs for `count` variants that plan reads as libyaml does, taken from
    make's sequence every `stride`th, and how many were tried."""
    jobs = []
    i = 0
    while len(jobs) < count and i < 20 * max(count, 1):
        name, doc = base_docs[i % len(base_docs)]
        classes, text = make(reading.json_copy(doc), i // len(base_docs), reading.SEED, name)
        path = os.path.join(tmp, "%s%05d-%s.yaml" % (prefix, i, name))
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        if reading.judge(path)[0] == "same":
            jobs.append((path, path[:-5] + ".marked.yaml", "%s:%d" % (prefix, i), classes))
        i += stride
    return jobs, i // stride


def main():
    known_classes = known.load(os.path.join(os.path.dirname(__file__), "known_misreads.txt"),
                               "mark")
    base_docs = reading.bases()
    tmp = reading.tempfile.mkdtemp(prefix="plan-mark-differential-")
    # Every 7th variant of the reading check's sequence (7 is prime to the
    # number of classes, so every class comes first in some), kept when
    # plan reads it as libyaml does; then the mark classes' variants.
    jobs, _ = variants(spell.make_variant, MARKS, "mark", base_docs, tmp, 7)
    edges, tried = variants(spell.make_mark_variant, EDGES, "edge", base_docs, tmp, 1)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(check_one, jobs + edges))
    totals = collections.Counter()
    per_class = collections.defaultdict(collections.Counter)
    refusals = collections.Counter()
    misreads = collections.defaultdict(list)
    for job, (outcome, details) in zip(jobs + edges, results):
        totals[outcome] += 1
        if job in edges:
            per_class[job[3][0]][outcome] += 1
        if outcome == "refused":
            refusals.update(details)
        elif outcome == "misread":
            for kind in sorted({d[0] for d in details}):
                misreads[kind].append((job, [d for d in details if d[0] == kind]))
    print("refusals:", dict(refusals))
    print("\nmark classes (%d variants made, %d read by plan as by libyaml):" % (tried, len(edges)))
    for c in spell.MARK_CLASSES:
        n = per_class[c]
        print("  %-22s marked %4d  refused %4d  misread %4d" % (c, n["marked"], n["refused"],
                                                               n["misread"]))
    print("\nmisread classes:")
    for kind, hits in sorted(misreads.items()):
        job, details = min(hits, key=lambda h: os.path.getsize(h[0][0]))
        _, asked, x, y = details[0]
        print("  %s: %d marks; smallest %s [%s]\n    mark %s: want %r, got %r" % (
            kind, len(hits), os.path.basename(job[0]), "+".join(job[3]), asked, x, y))
    failed = known.verdict({k: len(v) for k, v in misreads.items()}, known_classes)
    print("\nmarks %d (%d of them in the mark classes): marked %d, refused %d, misread %d "
          "(known: %d classes)" % (len(jobs) + len(edges), len(edges), totals["marked"],
                                   totals["refused"], totals["misread"],
                                   len(set(misreads) & set(known_classes))))
    if len(jobs) < MARKS or len(edges) < EDGES:
        print("FAIL: only %d and %d variants that plan reads as libyaml does" % (len(jobs),
                                                                                  len(edges)))
        failed = True
    if failed:
        print("files in", tmp)
        raise SystemExit(1)
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
