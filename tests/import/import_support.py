"""What the plan import tests share: running plan, and comparing two plans
through `plan export --format json` (lines, activities, owners, dates,
products, progress)."""
import json
import os
import subprocess

AS_OF = "2021-06-30"


def run(plan, *args, cwd=None):
    """plan's exit status, stdout and stderr."""
    p = subprocess.run([plan, *args], capture_output=True, text=True, cwd=cwd,
                       env=dict(os.environ, LANG="C.UTF-8", NO_COLOR="1"))
    return p.returncode, p.stdout, p.stderr


def exported(plan, path):
    status, out, err = run(plan, "export", "--format", "json", "--as-of", AS_OF, path)
    assert status == 0, f"export of {path}: {err}"
    return json.loads(out)[0]


def essentials(doc, names=True):
    """The parts a round trip must keep."""
    owners = {code: (o["name"] if names else None) for code, o in doc["owners"].items()}
    lines = []
    for line in doc["lines"]:
        acts = [(a["activity"], a["title"], a["start"], a["end"], a["product"], a["progress"],
                 tuple(a["lead"]), tuple(a["support"]), a["weight"])
                for a in line["activities"]]
        lines.append((line["id"], line["title"], acts))
    return owners, lines


def compare(plan, original, imported, names=True):
    """A list of differences between the two plans' essentials."""
    want = essentials(exported(plan, original), names)
    got = essentials(exported(plan, imported), names)
    problems = []
    if want[0] != got[0]:
        problems.append(f"owners differ: {want[0]} != {got[0]}")
    if len(want[1]) != len(got[1]):
        problems.append(f"{len(want[1])} lines != {len(got[1])}")
    for w, g in zip(want[1], got[1]):
        if w[:2] != g[:2]:
            problems.append(f"line {w[:2]} != {g[:2]}")
        for wa, ga in zip(w[2], g[2]):
            if wa != ga:
                problems.append(f"activity {w[0]}.{wa[0]}: {wa} != {ga}")
        if len(w[2]) != len(g[2]):
            problems.append(f"line {w[0]}: {len(w[2])} activities != {len(g[2])}")
    return problems
