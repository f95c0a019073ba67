#!/usr/bin/env python3
"""Checks docs/participacion-2021-metas.yaml, the example of goals,
programmes and reviews added to the 2021 plan (issue 15):

- `plan validate --strict` accepts it;
- without the keys it adds (goal, programme, reviews, and the OCI owner
  its reviews need) it is the 2021 plan, as PyYAML reads both;
- it does use each of the new keys, with a value-based review and a
  percent and a value programme;
- the 2021 plan itself has none of them (it stays the faithful copy).

    check_goals_example.py PLAN_BINARY SOURCE_DIR
"""
import os
import subprocess
import sys

import yaml

NEW_KEYS = ("goal", "programme", "reviews")


def main():
    binary, source = sys.argv[1], sys.argv[2]
    example_path = os.path.join(source, "docs", "participacion-2021-metas.yaml")
    plan_path = os.path.join(source, "plans", "participacion-2021.yaml")
    failures = []

    def check(ok, what):
        print(("ok: " if ok else "FAIL: ") + what)
        if not ok:
            failures.append(what)

    run = subprocess.run([binary, "validate", "--strict", "--as-of", "2021-12-31", example_path],
                         capture_output=True, text=True)
    check(run.returncode == 0, f"plan validate --strict accepts the example ({run.stderr.strip()})")

    with open(example_path, encoding="utf-8") as f:
        example = yaml.safe_load(f)
    with open(plan_path, encoding="utf-8") as f:
        plan = yaml.safe_load(f)

    used = {k: 0 for k in NEW_KEYS}
    kinds = set()
    for line in example["lines"]:
        for act in line["activities"]:
            for k in NEW_KEYS:
                if k in act:
                    used[k] += 1
                    if k == "programme":
                        kinds |= {key for m in act[k] for key in ("progress", "value") if key in m}
                    del act[k]
    check(all(used.values()), f"the example uses every new key ({used})")
    check(kinds == {"progress", "value"}, f"its programmes are in percent and in values ({kinds})")
    reviewer = example["owners"].pop("OCI", None)
    check(reviewer is not None, "the example defines the reviewing office OCI")
    check(example == plan, "without the new keys and OCI, the example is the 2021 plan")

    in_plan = [k for line in plan["lines"] for act in line["activities"] for k in NEW_KEYS if k in act]
    check(not in_plan, f"the 2021 plan itself has no goals, programmes or reviews ({in_plan})")
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
